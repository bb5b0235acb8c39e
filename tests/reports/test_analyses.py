"""What goes into one analysis: design kinds kept apart, the engine's numbers, studies named and
flagged as in the checks."""

import pytest

from evidencekit.analyses import analyses_from_results, arms_text, study_infos, study_label
from evidencekit.reports.evidence import row_flags
from evidencekit.meta import analyse_records
from evidencekit.model import MainResult, Descriptive, DocumentResult, Flag, Reported, Span, StudyRecord
from evidencekit.vocab import CheckId, Design, DocumentKind, Severity


def R(x: float, decimals: int = 1) -> Reported:
    """A number as a paper prints it, with one decimal by default ("11,0")."""
    return Reported(x, decimals, f"{x:.{decimals}f}".replace(".", ","))


def one_group(doc_id, author, year, n, pre, post, sd, flags=()):
    record = StudyRecord(authors=(author,), year=year, design=Design.ONE_GROUP_PRETEST_POSTTEST, n_total=n)
    stats = (Descriptive(label="pretest", n=n, mean=R(pre), sd=R(sd), time="pre", span=Span("results", 3, 10, 20)),
             Descriptive(label="posttest", n=n, mean=R(post), sd=R(sd), time="post", span=Span("results", 3, 30, 40)))
    return DocumentResult(id=doc_id, source=f"{doc_id}.pdf", record=record, statistics=stats, flags=flags)


def controlled(doc_id, author, year, n, mi, mc, sd):
    record = StudyRecord(authors=(author,), year=year, design=Design.TWO_GROUP_POSTTEST_ONLY, n_total=2 * n,
                         n_arms={"intervensi": n, "kontrol": n})
    stats = (Descriptive(label="intervensi", group="intervention", n=n, mean=R(mi), sd=R(sd), time="post",
                         span=Span("results", 3, 10, 20)),
             Descriptive(label="kontrol", group="control", n=n, mean=R(mc), sd=R(sd), time="post",
                         span=Span("results", 3, 30, 40)))
    return DocumentResult(id=doc_id, source=f"{doc_id}.pdf", record=record, statistics=stats)


GRIM = Flag(CheckId.GRIM, Severity.ERROR, "Mean 9.17 is not possible with n = 18.")


@pytest.fixture
def papers():
    return [one_group("a", "Dewi Sari", 2021, 18, 9.2, 11.0, 1.1, flags=(GRIM,)),
            one_group("b", "Ani Lestari", 2019, 30, 8.0, 9.1, 1.4),
            one_group("c", "Rina Putri", 2020, 24, 7.5, 8.9, 1.2),
            controlled("d", "Budi Santoso", 2018, 15, 12.0, 10.5, 2.0),
            controlled("e", "Wati Rahma", 2022, 20, 11.0, 10.2, 1.8)]


def test_one_group_and_controlled_studies_become_separate_analyses(papers):
    analyses, _ = analyses_from_results(papers)
    assert [(a.key, a.result.measure, a.result.k) for a in analyses] == [("one-group", "SMCR", 3),
                                                                          ("controlled", "SMD", 2)]


def test_each_analysis_is_the_engines_fit_for_its_design(papers):
    analyses, _ = analyses_from_results(papers)
    engine = analyse_records(papers, design="pre_post").main
    mine = analyses[0].result
    assert (mine.estimate, mine.ci_lower, mine.ci_upper, mine.tau2) == \
           (engine.estimate, engine.ci_lower, engine.ci_upper, engine.tau2)
    assert list(mine.weights) == list(engine.weights) and list(mine.studies) == list(engine.studies)


def test_a_study_with_an_error_flag_carries_it_into_the_forest_plot(papers):
    analyses, _ = analyses_from_results(papers)
    info = analyses[0].info
    flagged = [name for name, i in info.items() if i.flags]
    assert len(flagged) == 1 and info[flagged[0]].flags == (GRIM,) and info[flagged[0]].anchor == "flags-a"
    assert any("Without studies that carry error flags" in n for n in analyses[0].notes)


def test_a_design_with_a_single_study_gives_a_message_not_an_analysis(papers):
    analyses, messages = analyses_from_results(papers[:4])
    assert [a.key for a in analyses] == ["one-group"]
    assert any(m.startswith("Controlled designs (two groups): k = 1") for m in messages)


def test_arm_text_lists_arm_sizes_or_the_total():
    assert arms_text(StudyRecord(n_arms={"pijat": 15, "breast_care": 15})) == "n = 15 + 15"
    assert arms_text(StudyRecord(n_total=24, n_arms={"naik": 15, "turun": 2, "sama": 7})) == "n = 24"


def test_study_label_is_first_author_surname_and_year_in_either_name_order():
    assert study_label(StudyRecord(authors=("Dewi Kartika Sari", "Budi"), year=2021), "x") == "Sari 2021"
    assert study_label(StudyRecord(authors=("Sari, D. K.",), year=2020), "x") == "Sari 2020"
    assert study_label(None, "doc-7") == "doc-7"
    assert study_label(StudyRecord(title="Pengaruh pijat oksitosin terhadap produksi ASI", year=2022), "x") \
        == "Pengaruh pijat oksitosin… (2022)"


def test_a_review_flag_belongs_to_the_row_whose_text_it_points_into():
    row = StudyRecord(row=3, evidence={"n_total": (Span("results", 4, 100, 120, "n = 30"),),
                                       "design": (Span("results", 4, 140, 160, "quasi"),)})
    inside = Flag(CheckId.N_CONFLICT, Severity.WARNING, "two sizes", evidence=(Span("results", 4, 150, 155),))
    named = Flag(CheckId.TEST_CONFLICT, Severity.NOTE, "two tests", details={"row": 3})
    elsewhere = Flag(CheckId.N_CONFLICT, Severity.WARNING, "other", evidence=(Span("results", 4, 400, 405),))
    assert row_flags((inside, named, elsewhere), row) == (inside, named)


def test_study_infos_name_review_rows_and_primary_papers_as_the_engine_does(papers):
    review = DocumentResult(
        id="rev", source="rev.pdf", kind=DocumentKind.REVIEW,
        record=StudyRecord(design=Design.LITERATURE_REVIEW),
        studies=(StudyRecord(authors=("Ani Lestari",), year=2019, row=1, n_total=30,
                             design=Design.ONE_GROUP_PRETEST_POSTTEST, p_values=(R(0.001, 3),),
                             main_result=MainResult(p=0.001)),),
        flags=(Flag(CheckId.N_CONFLICT, Severity.WARNING, "row 1 has two sizes", details={"row": 1}),))
    infos = study_infos(papers[:1] + [review])
    assert infos["Sari 2021"].label == "Sari 2021" and infos["Sari 2021"].arms == "18: 9.2 (1.1) → 11.0 (1.1)"
    assert infos["Lestari 2019 row 1"].label == "Lestari 2019 (review row 1)"
    assert infos["Lestari 2019 row 1"].arms == "n = 30"
    assert [f.message for f in infos["Lestari 2019 row 1"].flags] == ["row 1 has two sizes"]


def test_flagged_and_clean_studies_form_the_engines_subgroups_in_the_forest_plot(papers):
    from evidencekit.meta import subgroup
    from evidencekit.reports.analysis import analysis_figures

    papers = papers[:3] + [one_group("f", "Sri Wahyuni", 2017, 22, 6.0, 7.1, 1.3, flags=(GRIM,))]
    (a,) = [x for x in analyses_from_results(papers)[0] if x.key == "one-group"]
    assert a.subgroups is not None and a.subgroups.levels == ("clean", "flagged")
    engine = subgroup(list(a.effects), by=["flagged", "clean", "clean", "flagged"], method="REML")
    assert [s.estimate for s in a.subgroups.subgroups] == [s.estimate for s in engine.subgroups]
    texts = [x.text for x in analysis_figures(a, "en")[0].layout.annotations]
    assert "<b>Studies without error flags</b>" in texts and "<b>Studies with error flags</b>" in texts
    assert any(t.startswith("Test for subgroup differences: Q = ") for t in texts)


def test_arm_data_shows_the_reported_means_and_sds_the_effect_came_from(papers):
    analyses, _ = analyses_from_results(papers)
    one_group, controlled = analyses
    assert one_group.info["Sari 2021"].arms == "18: 9.2 (1.1) → 11.0 (1.1)"
    assert controlled.info["Santoso 2018"].arms == "15: 12.0 (2.0) vs 15: 10.5 (2.0)"
