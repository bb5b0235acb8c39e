"""Cross-checks from the record's candidates and checks of prose claims (our own fixtures)."""

from __future__ import annotations

from evidencekit.checks import CHECKS
from evidencekit.checks.claimchecks import (check_decision_rules, check_protocol_conflict,
                                            check_review_row_cells, check_review_row_conclusion,
                                            check_unsupported_inference)
from evidencekit.checks.crosscheck import (check_design_conflict, check_n_conflict,
                                           check_sampling_conflict, check_test_conflict,
                                           check_test_design_mismatch)
from evidencekit.checks.values import (check_descriptive_values, check_labels, check_main_p_values,
                                       check_percent_values, check_units)
from evidencekit.extract.claims import find_claims
from evidencekit.model import (Candidate, Descriptive, Document, FrequencyTable, PercentCount,
                               Section, Span, Statistic, StudyRecord)
from evidencekit.vocab import (CheckId, Design, DesignFamily, POperator, Sampling, Severity, Source,
                               StatKind, TestName)


def sp(section):
    return Span(section, 1, 0, 1, "")


def doc(*parts: tuple[str, str]) -> Document:
    text, sections, pos = "", [], 0
    for name, body in parts:
        sections.append(Section(name, name, pos, pos + len(body) + 1))
        text += body + "\n"
        pos = len(text)
    return Document("d", "d.txt", "", text, sections=tuple(sections))


def test_n_conflict_lists_every_sample_size_and_where():
    rec = StudyRecord(candidates={"n_total": (Candidate(15, sp("abstract")), Candidate(29, sp("methods")),
                                              Candidate(18, sp("results")))})
    flag = check_n_conflict(rec)
    assert flag.check is CheckId.N_CONFLICT and flag.severity is Severity.ERROR
    assert flag.details["values"] == [15, 18, 29] and "methods" in flag.message


def test_one_sample_size_stated_twice_is_not_a_conflict():
    rec = StudyRecord(candidates={"n_total": (Candidate(24, sp("abstract")), Candidate(24, sp("methods")))})
    assert check_n_conflict(rec) is None


def test_design_conflict_is_an_error_for_designs_and_a_note_for_labels():
    rec = StudyRecord(candidates={"design": (Candidate(Design.TWO_GROUP_PRETEST_POSTTEST, sp("abstract")),
                                             Candidate(Design.ONE_GROUP_PRETEST_POSTTEST, sp("methods")))})
    assert check_design_conflict(rec).severity is Severity.ERROR
    rec = StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST, candidates={
        "design_family": (Candidate(DesignFamily.QUASI_EXPERIMENTAL, sp("abstract")),
                          Candidate(DesignFamily.PRE_EXPERIMENTAL, sp("methods")))})
    assert check_design_conflict(rec).severity is Severity.NOTE


def test_a_pre_experimental_label_on_a_control_group_design_is_a_note():
    row = StudyRecord(design=Design.TWO_GROUP_PRETEST_POSTTEST, design_family=DesignFamily.PRE_EXPERIMENTAL)
    assert check_design_conflict(row).severity is Severity.NOTE


def test_sampling_and_test_conflicts():
    rec = StudyRecord(candidates={"sampling": (Candidate(Sampling.PURPOSIVE, sp("abstract")),
                                               Candidate(Sampling.TOTAL, sp("methods")))})
    assert check_sampling_conflict(rec).check is CheckId.SAMPLING_CONFLICT
    rec = StudyRecord(candidates={"tests": (Candidate((TestName.WILCOXON_SIGNED_RANK,), sp("abstract")),
                                            Candidate((TestName.PAIRED_T, TestName.SHAPIRO_WILK), sp("methods")))})
    assert check_test_conflict(rec, frozenset({TestName.PAIRED_T})).severity is Severity.ERROR
    assert check_test_conflict(rec).severity is Severity.WARNING


def test_an_independent_test_for_one_group_pre_post_is_flagged():
    rec = StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST, tests=(TestName.MANN_WHITNEY,))
    assert check_test_design_mismatch(rec).check is CheckId.TEST_DESIGN_MISMATCH
    ok = StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST, tests=(TestName.WILCOXON_SIGNED_RANK,))
    assert check_test_design_mismatch(ok) is None


def test_reversed_decision_rule_in_indonesian_is_an_error():
    d = doc(("methods", "Analisis memakai uji Wilcoxon. Bila p value > 0,05 maka ada pengaruh, "
                        "dan bila p value < 0,05 maka tidak ada pengaruh."))
    (flag,) = check_decision_rules(find_claims(d))
    assert flag.check is CheckId.DECISION_RULE and flag.severity is Severity.ERROR
    assert len(flag.details["rules"]) == 2


def test_correct_decision_rule_in_english_is_left_alone():
    d = doc(("methods", "A result with p < 0.05 was considered significant, and p > 0.05 not significant."))
    assert check_decision_rules(find_claims(d)) == []


def test_no_decrease_argued_from_ranges_is_an_unsupported_inference():
    d = doc(("results", "Skor bergeser dari rentang 5-8 menjadi 7-12, jadi tidak ada responden yang "
                        "mengalami penurunan skor."))
    (flag,) = check_unsupported_inference(find_claims(d))
    assert flag.check is CheckId.UNSUPPORTED_INFERENCE and flag.severity is Severity.NOTE


def test_a_conclusion_dose_missing_from_the_methods_is_a_protocol_conflict():
    d = doc(("methods", "Pijat diberikan selama 5 hari dengan durasi 20 menit setiap sesi."),
            ("conclusion", "Pijat efektif bila dilakukan dua kali sehari."))
    (flag,) = check_protocol_conflict(find_claims(d))
    assert flag.check is CheckId.PROTOCOL_CONFLICT and "2 times a day" in flag.message


def test_review_row_with_a_citation_in_the_population_cell():
    row = StudyRecord(row=3, cells={"Penulis": "Sari (2018)", "Populasi dan sampel": "",
                                    "Desain": "one group pretest posttest Rahmawati, 2019 Pengaruh Pijat Punggung",
                                    "Hasil": "p = 0,01"})
    (flag,) = check_review_row_cells(row)
    assert flag.check is CheckId.TABLE_CELL_CONFLICT and "'Populasi dan sampel' cell is empty" in flag.message
    ok = StudyRecord(row=1, cells={"Populasi dan sampel": "32 ibu nifas"})
    assert check_review_row_cells(ok) == []


def test_more_effective_from_two_within_group_p_values_is_a_conclusion_conflict(R):
    row = StudyRecord(row=2, cells={"Hasil": "Pijat A lebih efektif (p = 0,003) daripada pijat B (p = 0,004)"},
                      p_values=(R("0,003"), R("0,004")))
    (flag,) = check_review_row_conclusion(row)
    assert flag.check is CheckId.CONCLUSION_CONFLICT
    between = StudyRecord(row=2, cells={"Hasil": "Pijat A lebih efektif antar kelompok (p = 0,003, 0,004)"},
                          p_values=(R("0,003"), R("0,004")))
    assert check_review_row_conclusion(between) == []


def test_value_conflict_between_text_and_table_descriptives(R):
    table = Descriptive(label="Day 1 post", n=24, sd=R("0,584"), median=R("1"), source=Source.TABLE,
                        span=sp("results"))
    text = Descriptive(label="Day 1 post", n=24, sd=R("0,338"), median=R("1"), source=Source.TEXT,
                       span=sp("results"))
    (flag,) = check_descriptive_values([table, text])
    assert flag.check is CheckId.VALUE_CONFLICT and flag.details["summary"] == "sd"


def test_value_conflict_for_a_text_count_that_belongs_to_another_level(R):
    t = FrequencyTable("Tabel 2 before", ("Lancar", "Tidak lancar"), (8, 7), (R("53,3"), R("46,7")))
    pc = PercentCount(8, R("53,3"), label="tidak lancar", source=Source.TEXT)
    (flag,) = check_percent_values([(pc, "yang tidak lancar sebanyak")], [t])
    assert "belong to 'Lancar'" in flag.message
    ok = PercentCount(7, R("46,7"), source=Source.TEXT)
    assert check_percent_values([(ok, "tidak lancar sebanyak")], [t]) == []


def test_value_conflict_for_the_main_p_value_printed_twice(R):
    a = Statistic(StatKind.P_ONLY, p=R("0.005"), p_operator=POperator.EQ, span=sp("abstract"))
    b = Statistic(StatKind.P_ONLY, p=R("0,000"), p_operator=POperator.EQ, span=sp("results"))
    (flag,) = check_main_p_values([a, b])
    assert flag.check is CheckId.VALUE_CONFLICT
    assert check_main_p_values([a, a]) == []
    # two comparisons in the results, one of them the abstract's: not a conflict
    c = Statistic(StatKind.P_ONLY, p=R("0,005"), p_operator=POperator.EQ, span=sp("results"))
    assert check_main_p_values([a, b, c]) == []


def test_units_questionnaire_scores_in_ml_and_sd_in_percent(R):
    ml = Descriptive(label="pre", mean=R("9,17"), unit="ml")
    (flag,) = check_units([(ml, frozenset({"ml"}))], questionnaire=True)
    assert flag.check is CheckId.UNIT_CONFLICT and flag.severity is Severity.WARNING
    pct = Descriptive(label="pre", sd=R("4,757"))
    assert check_units([(ml, frozenset({"ml"})), (pct, frozenset({"%"}))], questionnaire=False)[0].severity is Severity.NOTE
    assert check_units([(ml, frozenset({"ml"}))], questionnaire=False) == []


def test_two_tables_labelled_pre_test_with_different_means(R):
    a = Descriptive(label="Pre test", mean=R("16,59"), source=Source.TABLE, span=Span("results", 1, 10, 20))
    b = Descriptive(label="Pre test", mean=R("34,00"), source=Source.TABLE, span=Span("results", 1, 50, 60))
    (flag,) = check_labels([a, b], {})
    assert flag.check is CheckId.LABEL_CONFLICT and "post" in flag.message
    (cap,) = check_labels([b], {50: "Tabel 3. Pengeluaran kolostrum sesudah pijat"})
    assert cap.check is CheckId.LABEL_CONFLICT


def test_every_contract_check_has_one_documented_function():
    assert set(CHECKS) == set(CheckId)
    for check_id, fn in CHECKS.items():
        assert fn.__doc__ and check_id.value in fn.__doc__, check_id


def test_a_bracketed_threshold_one_decimal_place_off_alpha_is_a_note():
    from evidencekit.checks.claimchecks import check_threshold_typos
    d = doc(("results", "Hasil uji menunjukkan p value = 0,002 (p<0,005) sehingga ada pengaruh."))
    (flag,) = check_threshold_typos(find_claims(d), 0.05)
    assert flag.check is CheckId.VALUE_CONFLICT and flag.severity is Severity.NOTE
    fine = doc(("results", "Hasil uji menunjukkan p value = 0,002 (p<0,01) dan p = 0,03 (p < 0,05)."))
    assert check_threshold_typos(find_claims(fine), 0.05) == []


def test_p_zero_printed_in_many_places_gives_one_note(R):
    from evidencekit.checks.registry import Inputs, run_p_zero_or_format
    from evidencekit.checks.context import CheckContext
    from evidencekit.extract.claims import Claims
    from evidencekit.model import DocumentResult
    stats = tuple(Statistic(StatKind.P_ONLY, p=R("0,000"), p_operator=POperator.EQ, span=sp(s))
                  for s in ("abstract", "results", "results"))
    rows = (StudyRecord(row=1, p_values=(R("0,000"),)), StudyRecord(row=4, p_values=(R("0.000"), R("0,01"))))
    result = DocumentResult("d", "d", statistics=stats, studies=rows)
    flags = run_p_zero_or_format(Inputs(result, CheckContext(), Claims()))
    assert len(flags) == 2 and "3 places" in flags[0].message and "Rows 1 and 4" in flags[1].message
    assert len(flags[0].evidence) == 3


def test_a_count_named_in_english_is_matched_to_the_indonesian_table_level(R):
    t = FrequencyTable("Tabel 2 sebelum", ("Lancar", "Tidak lancar"), (8, 7), (R("53,3"), R("46,7")))
    pc = PercentCount(10, R("66.7"), label="respondents", source=Source.TEXT)
    (flag,) = check_percent_values([(pc, "before the massage, not smooth: as many as")], [t])
    assert "Tidak lancar 7 (46,7%)" in flag.message
