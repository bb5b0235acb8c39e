"""Document-level runners: how model objects are paired before the pure checks run."""

from __future__ import annotations

from evidencekit.checks import check_result
from evidencekit.model import (Candidate, Descriptive, DocumentResult, Span, Statistic, StudyRecord)
from evidencekit.vocab import CheckId, Design, DocumentKind, POperator, Source, StatKind, TestName


def sp(section="results"):
    return Span(section, 1, 0, 1, "")


def rows(R):
    return (Descriptive(label="Age, Massage", n=30, mean=R("27.3"), sd=R("4.8"), group="Massage", source=Source.TABLE),
            Descriptive(label="Age, Usual care", n=30, mean=R("26.9"), sd=R("5.1"), group="Usual care", source=Source.TABLE),
            Descriptive(label="Volume, Massage", n=30, mean=R("58.4"), sd=R("14.2"), group="Massage", source=Source.TABLE),
            Descriptive(label="Volume, Usual care", n=30, mean=R("49.6"), sd=R("13.6"), group="Usual care", source=Source.TABLE))


def result(R, *stats, design=Design.RCT):
    return DocumentResult("d", "d", record=StudyRecord(design=design, n_total=60),
                          statistics=rows(R) + tuple(stats))


def test_a_two_group_p_is_bounded_by_the_row_pair_its_label_names(R):
    wrong = Statistic(StatKind.P_ONLY, p=R(".017"), p_operator=POperator.EQ, test=TestName.INDEPENDENT_T, label="Age")
    flags = [f for f in check_result(result(R, wrong)) if f.check is CheckId.P_BOUND]
    assert len(flags) == 1 and "27.3" in flags[0].message
    right = Statistic(StatKind.P_ONLY, p=R(".017"), p_operator=POperator.EQ, test=TestName.INDEPENDENT_T, label="Volume")
    assert not [f for f in check_result(result(R, right)) if f.check is CheckId.P_BOUND]


def test_an_unlabelled_p_is_not_bounded_when_the_paper_compares_several_rows(R):
    bare = Statistic(StatKind.P_ONLY, p=R(".017"), p_operator=POperator.EQ, test=TestName.INDEPENDENT_T)
    assert not [f for f in check_result(result(R, bare)) if f.check is CheckId.P_BOUND]


def test_an_arm_size_is_not_a_conflicting_sample_size():
    rec = StudyRecord(design=Design.TWO_GROUP_POSTTEST_ONLY, n_total=32, n_arms={"a": 16, "b": 16},
                      candidates={"n_total": (Candidate(32, sp("methods")), Candidate(16, sp("methods")))})
    assert not [f for f in check_result(DocumentResult("d", "d", record=rec)) if f.check is CheckId.N_CONFLICT]


def test_a_sample_size_from_the_introduction_is_not_this_studys(R):
    rec = StudyRecord(candidates={"n_total": (Candidate(24, sp("methods")), Candidate(396, sp("introduction")))})
    assert not [f for f in check_result(DocumentResult("d", "d", record=rec)) if f.check is CheckId.N_CONFLICT]


def test_the_test_printed_with_an_abstract_statistic_counts_as_stated_there(R):
    rec = StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST,
                      candidates={"tests": (Candidate((TestName.WILCOXON_SIGNED_RANK,), sp("methods")),)})
    stat = Statistic(StatKind.P_ONLY, p=R("0,01"), p_operator=POperator.EQ, test=TestName.MANN_WHITNEY,
                     span=sp("abstract"))
    flags = check_result(DocumentResult("d", "d", kind=DocumentKind.PRIMARY, record=rec, statistics=(stat,)))
    assert CheckId.TEST_CONFLICT in {f.check for f in flags}


def test_a_text_summary_with_another_precision_is_not_a_value_conflict(R):
    table = Descriptive(label="Day 3", n=30, mean=R("58.4"), sd=R("14.2"), time="post", source=Source.TABLE, span=sp())
    text = Descriptive(mean=R("3"), sd=R("14.2"), time="post", source=Source.TEXT, span=sp("abstract"))
    typo = Descriptive(mean=R("85.4"), sd=R("14.2"), time="post", source=Source.TEXT, span=sp("abstract"))
    assert not [f for f in check_result(DocumentResult("d", "d", statistics=(table, text)))
                if f.check is CheckId.VALUE_CONFLICT]
    assert [f for f in check_result(DocumentResult("d", "d", statistics=(table, typo)))
            if f.check is CheckId.VALUE_CONFLICT]
