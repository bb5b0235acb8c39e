"""Choosing a study's main test and main result, and a whole record from a small paper we wrote."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidencekit.extract.fields.main_result import choose_main_result, choose_main_test
from evidencekit.extract.fields.pvalues import significant
from evidencekit.extract.record import find_record
from evidencekit.extract.review import find_studies, is_review
from evidencekit.model import Document, Reported, Section, Span, Statistic
from evidencekit.vocab import Design, DesignFamily, POperator, Sampling, StatKind, TestName


def _stat(p: float, op=POperator.EQ, kind=StatKind.P_ONLY, start=0, test=None) -> Statistic:
    return Statistic(kind, value=Reported(2.5, 1, "2,5") if kind is not StatKind.P_ONLY else None,
                     p=Reported(p, 3, str(p)), p_operator=op, test=test, span=Span(None, None, start, start + 5))


def test_a_two_group_study_takes_the_between_group_test_as_main():
    tests = [(TestName.PAIRED_T, (0, 1)), (TestName.INDEPENDENT_T, (0, 2)), (TestName.SHAPIRO_WILK, (0, 0))]
    assert choose_main_test(tests, Design.TWO_GROUP_PRETEST_POSTTEST) is TestName.INDEPENDENT_T
    assert choose_main_test(tests, Design.ONE_GROUP_PRETEST_POSTTEST) is TestName.PAIRED_T


def test_an_assumption_check_is_never_the_main_test():
    assert choose_main_test([(TestName.SHAPIRO_WILK, (0, 0))], None) is None


def test_the_abstracts_exact_p_is_the_main_result_before_the_results_section():
    placed = [(_stat(0.0, start=900), "results"), (_stat(0.004, start=10), "abstract")]
    main, span = choose_main_result(placed, TestName.WILCOXON_SIGNED_RANK, None)
    assert (main.p, main.test, main.significant, span.start) == (0.004, TestName.WILCOXON_SIGNED_RANK, True, 10)


def test_a_threshold_in_the_abstract_yields_to_an_exact_p_in_the_results():
    placed = [(_stat(0.05, POperator.LT, start=10), "abstract"), (_stat(0.002, start=900), "results")]
    assert choose_main_result(placed, None, None)[0].p == 0.002


def test_a_test_statistic_beats_a_bare_p_in_the_same_place():
    placed = [(_stat(0.01, start=5), "results"), (_stat(0.01, kind=StatKind.T, start=50), "results")]
    main = choose_main_result(placed, None, None)[0]
    assert (main.statistic, main.value) == (StatKind.T, 2.5)


def test_an_abstracts_bare_p_takes_the_statistic_the_results_print_with_the_same_p():
    placed = [(_stat(0.032, start=10, test=TestName.INDEPENDENT_T), "abstract"),
              (_stat(0.032, kind=StatKind.T, start=900, test=TestName.INDEPENDENT_T), "results")]
    main, span = choose_main_result(placed, TestName.INDEPENDENT_T, None)
    assert (main.statistic, main.value, main.p, span.start) == (StatKind.T, 2.5, 0.032, 10)


def test_a_bare_p_matching_two_different_statistics_stays_without_one():
    other = Statistic(StatKind.Z, value=Reported(-3.1, 1, "-3,1"), p=Reported(0.032, 3, "0,032"),
                      p_operator=POperator.EQ, span=Span(None, None, 950, 955))
    placed = [(_stat(0.032, start=10), "abstract"), (_stat(0.032, kind=StatKind.T, start=900), "results"),
              (other, "results")]
    assert choose_main_result(placed, None, None)[0].statistic is None


def test_statistics_in_the_discussion_are_not_the_main_result():
    assert choose_main_result([(_stat(0.03), "discussion")], None, None) is None


@pytest.mark.parametrize(("p", "op", "alpha", "expected"), [
    (0.04, POperator.EQ, 0.05, True), (0.05, POperator.EQ, 0.05, False), (0.06, POperator.EQ, 0.05, False),
    (0.001, POperator.LT, 0.05, True), (0.1, POperator.LT, 0.05, None), (0.05, POperator.GT, 0.05, False),
    (0.03, POperator.EQ, 0.01, False),
])
def test_significant_reads_the_operator_against_alpha(p, op, alpha, expected):
    assert significant(p, op, alpha) is expected


#: A small paper we wrote: the abstract and the methods disagree on design, sampling and n.
PAPER = """Judul Contoh Tentang Pijat Punggung dan Volume ASI
ABSTRAK
Penelitian kuasi eksperimen dengan pretest posttest with control group. Sampel 20 ibu dipilih dengan purposive sampling. Uji Wilcoxon menghasilkan p = 0,003.
METODE
Penelitian ini pra eksperimen dengan rancangan one group pretest posttest. Jumlah sampel sebanyak 18 orang yang diambil dengan teknik total sampling. Tujuan penelitian ini mengetahui pengaruh pijat punggung terhadap volume ASI pada ibu nifas. Data dianalisis dengan uji Wilcoxon pada α = 0,05.
HASIL
Volume ASI lancar pada 12 orang (66,7%) dan kurang lancar pada 6 orang (33,3%). Uji Wilcoxon p = 0,001.
PEMBAHASAN
Penelitian lain memakai uji Mann-Whitney dengan p = 0,020.
"""


def _paper() -> Document:
    heads = ["ABSTRAK", "METODE", "HASIL", "PEMBAHASAN"]
    names = ["abstract", "methods", "results", "discussion"]
    starts = [PAPER.index(h) for h in heads] + [len(PAPER)]
    sections = tuple(Section(n, h, starts[i], starts[i + 1]) for i, (n, h) in enumerate(zip(names, heads)))
    return Document(id="p", source="p.txt", sha256="0", text=PAPER, sections=sections)


def test_find_record_takes_the_methods_values_and_keeps_the_abstracts_as_candidates():
    record = find_record(_paper(), [])
    assert (record.design, record.design_family) == (Design.ONE_GROUP_PRETEST_POSTTEST, DesignFamily.PRE_EXPERIMENTAL)
    assert (record.sampling, record.n_total) == (Sampling.TOTAL, 18)
    assert {c.value for c in record.candidates["n_total"]} == {18, 20}
    assert {c.value for c in record.candidates["sampling"]} == {Sampling.TOTAL, Sampling.PURPOSIVE}
    assert {c.span.section for c in record.candidates["design"]} == {"methods", "abstract"}


def test_find_record_reads_tests_aim_alpha_and_main_result_but_not_the_discussion():
    record = find_record(_paper(), [])
    assert record.tests == (TestName.WILCOXON_SIGNED_RANK,)
    assert (record.intervention, record.outcome, record.comparator) == ("pijat punggung", "volume ASI", None)
    assert record.alpha == 0.05
    assert (record.main_result.p, record.main_result.test) == (0.003, TestName.WILCOXON_SIGNED_RANK)
    assert record.title == "Judul Contoh Tentang Pijat Punggung dan Volume ASI"


#: A short English trial report we wrote.
TRIAL = """Warm Compress and Breast Engorgement: A Randomized Trial
Siti Rahayu, John Miller
Faculty of Nursing, Example University
ABSTRACT
This randomized controlled trial assessed the effect of warm compresses on breast engorgement among postpartum women. A total of 84 women were randomly assigned to the compress group (n = 42) or the control group (n = 42). The control group received routine care. Engorgement fell more with compresses (p = 0.003).
METHODS
We conducted a randomised controlled trial in two hospitals. Women were consecutively recruited. Groups were compared with the independent samples t-test after a Kolmogorov-Smirnov test.
RESULTS
Mean engorgement scores were lower in the compress group (p = 0.003).
"""


def _trial(furniture=()) -> Document:
    heads, names = ["ABSTRACT", "METHODS", "RESULTS"], ["abstract", "methods", "results"]
    starts = [TRIAL.index(h) for h in heads] + [len(TRIAL)]
    sections = tuple(Section(n, h, starts[i], starts[i + 1]) for i, (n, h) in enumerate(zip(names, heads)))
    return Document(id="t", source="t.txt", sha256="0", text=TRIAL, sections=sections, furniture=tuple(furniture))


def test_an_english_trial_gives_design_arms_comparator_and_between_group_test():
    record = find_record(_trial(), [])
    assert (record.design, record.design_family) == (Design.RCT, DesignFamily.EXPERIMENTAL)
    assert (record.n_total, sorted(record.n_arms.values())) == (84, [42, 42])
    assert (record.sampling, record.comparator) == (Sampling.CONSECUTIVE, "routine care")
    assert (record.intervention, record.outcome) == ("warm compresses", "breast engorgement")
    assert record.main_result.test is TestName.INDEPENDENT_T
    assert record.authors == ("Siti Rahayu", "John Miller")


def test_journal_and_year_are_read_from_a_running_head_split_over_two_lines():
    record = find_record(_trial(["EXAMPLE NURSING JOURNAL,", "Volume 3 Number 1, March 2023 ISSN 1234-5678"]), [])
    assert (record.journal, record.year) == ("Example Nursing Journal", 2023)

#: Words the finders react to, mixed with noise, so fuzzed texts reach the field finders.
_WORDS = st.sampled_from(["Jumlah", "sampel", "24", "orang", "(", ")", "n", "=", "p", "0,05", "uji", "Wilcoxon",
                          "pengaruh", "terhadap", "1.", "Penulis", "Hasil", "(2020)", "quasi", "eksperimen", "\n",
                          "kelompok", "kontrol", "dan", "15", "responden", ",", ".", "Vol.", "2021", "α", "%"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_WORDS, st.text(max_size=8)), max_size=80))
def test_record_and_review_readers_never_fail_on_arbitrary_text(words):
    text = " ".join(words)
    document = Document(id="f", source="f", sha256="0", text=text)
    record = find_record(document, [])
    assert record.n_total is None or record.n_total > 0
    is_review(document)
    for study in find_studies(document):
        assert study.row is not None
