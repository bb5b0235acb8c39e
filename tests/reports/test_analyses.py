"""What goes into one analysis: design groups kept apart, studies named as forest plots name them."""

import pytest

from evidencekit.analyses import CONTROLLED, ONE_GROUP, design_group, group_effects, study_infos, study_label
from evidencekit.meta import Effect
from evidencekit.model import DocumentResult, Flag, StudyRecord
from evidencekit.vocab import CheckId, Design, DocumentKind, Severity


@pytest.mark.parametrize(("design", "group"), [
    (Design.ONE_GROUP_PRETEST_POSTTEST, ONE_GROUP), (Design.TWO_GROUP_PRETEST_POSTTEST, CONTROLLED),
    (Design.TWO_GROUP_POSTTEST_ONLY, CONTROLLED), (Design.RCT, CONTROLLED)])
def test_designs_fall_into_one_group_or_controlled(design, group):
    assert design_group(design) == group


def test_a_paired_measure_marks_a_one_group_study_whatever_the_design_says():
    assert design_group(Design.QUASI_EXPERIMENTAL, "SMCR") == ONE_GROUP


def test_one_group_and_controlled_effects_never_share_an_analysis():
    records = {"a": StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST),
               "b": StudyRecord(design=Design.TWO_GROUP_PRETEST_POSTTEST),
               "c": StudyRecord(design=Design.RCT)}
    effects = [Effect(0.5, 0.1, "SMD", "a"), Effect(0.4, 0.1, "SMD", "b"), Effect(0.3, 0.1, "SMD", "c")]
    groups = group_effects(effects, records)
    assert {k: [e.study for e in v] for k, v in groups.items()} == {
        ("", "SMD", ONE_GROUP): ["a"], ("", "SMD", CONTROLLED): ["b", "c"]}


def test_study_label_is_first_author_surname_and_year():
    assert study_label(StudyRecord(authors=("Dewi Kartika Sari", "Budi"), year=2021), "x") == "Sari 2021"
    assert study_label(StudyRecord(authors=("Sari, D. K.",), year=2020), "x") == "Sari 2020"
    assert study_label(None, "doc-7") == "doc-7"


def test_review_rows_are_known_by_their_row_and_carry_their_own_flags():
    row_flag = Flag(CheckId.N_CONFLICT, Severity.WARNING, "Row 2 gives two sample sizes.", details={"row": 2})
    review = DocumentResult(
        id="rev", source="rev.pdf", kind=DocumentKind.REVIEW, flags=(row_flag,),
        studies=(StudyRecord(authors=("Ani Lestari",), year=2019, row=1, n_total=30),
                 StudyRecord(authors=("Rina Putri",), year=2018, row=2, n_arms={"massage": 15, "care": 15})))
    infos = study_infos([review])
    assert infos["rev#1"].label == "Lestari 2019" and infos["rev#1"].arms == "n = 30" and not infos["rev#1"].flags
    assert infos["rev#2"].flags == (row_flag,) and infos["rev#2"].arms == "massage 15 · care 15"
