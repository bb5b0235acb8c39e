"""meta.from_records / analyse_records on model objects we build (one-line, invented studies)."""

from __future__ import annotations

import math

import pytest

from evidencekit.errors import DataError
from evidencekit.meta import escalc_arrays
from evidencekit.meta.from_records import (
    CONTROLLED, PRE_POST, NotPoolable, RecordSettings, analyse_records, effect_from_record, from_records,
)
from evidencekit.model import Descriptive, DocumentResult, Flag, Reported, Span, Statistic, StudyRecord
from evidencekit.vocab import CheckId, Design, POperator, Severity, StatKind, TestName

R = Reported.exact


def desc(label, n, mean, sd, **kw):
    return Descriptive(label=label, n=n, mean=R(mean), sd=R(sd), **kw)


def doc(id_, design, stats=(), flags=(), **record):
    return DocumentResult(id=id_, source=f"{id_}.txt", record=StudyRecord(design=design, **record),
                          statistics=tuple(stats), flags=tuple(flags))


PRE_POST_DOC = doc("pp1", Design.ONE_GROUP_PRETEST_POSTTEST,
                   [desc("sebelum pijat", 20, 9.5, 1.2), desc("sesudah pijat", 20, 12.0, 1.5)],
                   n_total=20, authors=("Ani Lestari",), year=2021)


def test_pre_post_means_give_smcr_with_the_assumed_correlation_recorded():
    effect, kind = effect_from_record(PRE_POST_DOC.record, PRE_POST_DOC.statistics, study="x",
                                      settings=RecordSettings(r_prepost=0.6))
    ref = escalc_arrays("SMCR", m1i=[12.0], m2i=[9.5], sd1i=[1.2], ni=[20], ri=[0.6])
    assert kind == PRE_POST
    assert (effect.yi, effect.vi) == pytest.approx((ref.yi[0], ref.vi[0]))
    assert effect.measure == "SMCR" and effect.derived_from == "pre_post_mean_sd"
    assert effect.assumed == {"r_prepost": 0.6}


def test_english_pre_and_post_labels_and_explicit_time_fields_are_read_too():
    stats = [Descriptive(label="score", time="pre", n=15, mean=R(2.0), sd=R(0.5)),
             desc("posttest", 15, 2.6, 0.6)]
    effect, _ = effect_from_record(StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST), stats, study="y")
    assert effect.yi > 0 and effect.derived_from == "pre_post_mean_sd"


def test_the_effect_keeps_the_spans_it_came_from():
    span = Span("results", 3, 100, 140, "…")
    stats = [desc("pretest", 12, 5.0, 1.0, span=span), desc("posttest", 12, 6.0, 1.0)]
    effect, _ = effect_from_record(StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST), stats, study="z")
    assert effect.evidence == (span,)


def test_two_arms_give_hedges_g_from_post_test_means():
    stats = [desc("kelompok intervensi", 16, 40.0, 10.0), desc("kelompok kontrol", 16, 33.0, 11.0)]
    effect, kind = effect_from_record(StudyRecord(design=Design.TWO_GROUP_POSTTEST_ONLY), stats, study="g")
    ref = escalc_arrays("SMD", m1i=[40.0], sd1i=[10.0], n1i=[16], m2i=[33.0], sd2i=[11.0], n2i=[16])
    assert kind == CONTROLLED and effect.measure == "SMD"
    assert effect.yi == pytest.approx(ref.yi[0])


def test_independent_t_with_arm_sizes_gives_smd():
    rec = StudyRecord(design=Design.RCT, n_arms={"intervention": 20, "control": 22})
    t = Statistic(StatKind.T, R(2.4), df=(40,), test=TestName.INDEPENDENT_T)
    effect, _ = effect_from_record(rec, [t], study="t")
    assert effect.derived_from == "t_two_group" and effect.yi > 0


def test_wilcoxon_z_with_n_gives_an_approximate_smcr_with_its_direction_assumed():
    rec = StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST, n_total=24)
    z = Statistic(StatKind.Z, R(-3.3), p=R(0.001), test=TestName.WILCOXON_SIGNED_RANK)
    effect, _ = effect_from_record(rec, [z], study="w")
    r = 3.3 / math.sqrt(24)
    assert effect.yi == pytest.approx(2 * r / math.sqrt(1 - r**2))
    assert effect.assumed["direction"] == 1.0 and effect.assumed["r_prepost"] == 0.5
    assert effect.derived_from == "z_n"


def test_a_p_bound_gives_a_conservative_effect():
    rec = StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST, n_total=17)
    p = Statistic(StatKind.P_ONLY, p=R(0.001), p_operator=POperator.LT)
    effect, _ = effect_from_record(rec, [p], study="p")
    assert effect.conservative and effect.derived_from == "p_bound"


def test_a_record_without_numbers_is_not_poolable_and_says_why():
    with pytest.raises(NotPoolable, match="no pre/post means"):
        effect_from_record(StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST), [], study="none")


def test_a_cross_sectional_study_is_skipped_with_its_reason():
    found = from_records([doc("cs", Design.CROSS_SECTIONAL, n_total=50)])
    assert not found.included and "cross_sectional" in found.skipped[0].reason


def test_pre_post_and_controlled_studies_are_not_pooled_together_unless_asked():
    controlled = doc("c1", Design.TWO_GROUP_POSTTEST_ONLY,
                     [desc("intervention", 16, 40.0, 10.0), desc("control", 16, 33.0, 11.0)])
    with pytest.raises(DataError, match="estimate different things"):
        analyse_records([PRE_POST_DOC, controlled])
    only_pp = analyse_records([PRE_POST_DOC, controlled], design=PRE_POST)
    assert only_pp.main.k == 1 and only_pp.design_kind == PRE_POST
    mixed = analyse_records([PRE_POST_DOC, controlled], allow_mixed=True)
    assert mixed.main.k == 2 and any("on request" in n for n in mixed.notes)


def _pp_doc(id_, pre, post, flags=()):
    return doc(id_, Design.ONE_GROUP_PRETEST_POSTTEST, [desc("pretest", 20, pre, 1.0), desc("posttest", 20, post, 1.2)],
               flags=flags, n_total=20)


def test_analysis_without_error_flagged_studies_is_always_offered():
    grim = Flag(CheckId.GRIM, Severity.ERROR, "mean impossible")
    note = Flag(CheckId.P_ZERO_OR_FORMAT, Severity.NOTE, "p = 0.000")
    docs = [_pp_doc("a", 5.0, 6.0), _pp_doc("b", 5.0, 6.5, flags=[note]), _pp_doc("c", 5.0, 9.0, flags=[grim])]
    result = analyse_records(docs)
    assert result.main.k == 3 and result.without_flagged.k == 2
    assert "c" not in result.without_flagged.studies
    assert result.without_flagged.estimate < result.main.estimate
    assert any("c (grim)" in n for n in result.notes)


def test_no_flagged_studies_means_no_second_analysis():
    assert analyse_records([_pp_doc("a", 5.0, 6.0), _pp_doc("b", 5.0, 6.4)]).without_flagged is None


def test_the_pre_post_correlation_is_varied_in_a_sensitivity_analysis():
    docs = [_pp_doc("a", 5.0, 6.0), _pp_doc("b", 5.0, 6.5), _pp_doc("c", 5.0, 7.0)]
    # common-effect fit: with equal n a random-effects τ² would absorb the shift in every vi
    result = analyse_records(docs, method="FE", settings=RecordSettings(r_sensitivity=(0.2, 0.8)))
    rs = [r for r, _ in result.correlation_sensitivity]
    assert rs == [0.2, 0.8]
    low, high = (m for _, m in result.correlation_sensitivity)
    assert high.se < result.main.se < low.se   # a higher pre/post correlation gives smaller variances


def test_review_rows_become_studies():
    rows = (StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST, n_total=30, row=1,
                        main_result=None, p_values=()),
            StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST, n_total=20, row=2))
    review = DocumentResult(id="rev", source="rev.txt", studies=rows)
    found = from_records([review])
    assert not found.included and [s.study for s in found.skipped] == ["rev row 1", "rev row 2"]


def test_a_failed_document_is_skipped_not_fatal():
    failed = DocumentResult.failed("bad", "bad.pdf", "unreadable_pdf", "cannot read")
    found = from_records([failed, PRE_POST_DOC])
    assert len(found.included) == 1 and found.skipped[0].study == "bad"


def test_analysis_to_dict_is_json_ready():
    import json

    json.dumps(analyse_records([_pp_doc("a", 5.0, 6.0), _pp_doc("b", 5.0, 6.5)]).to_dict(), allow_nan=False)


def test_median_and_range_are_converted_and_the_method_is_noted():
    stats = [Descriptive(label="pretest", n=20, median=R(9.0), min=R(6.0), max=R(12.0)),
             Descriptive(label="posttest", n=20, median=R(13.0), min=R(10.0), max=R(16.0))]
    effect, _ = effect_from_record(StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST), stats, study="m")
    assert effect.derived_from == "pre_post_mean_sd" and effect.yi > 0
    assert any("median and range" in n and "Luo 2018" in n for n in effect.notes)


def test_an_se_is_turned_into_an_sd_with_a_note():
    stats = [Descriptive(label="pretest", n=25, mean=R(5.0), se=R(0.2)), desc("posttest", 25, 6.0, 1.0)]
    effect, _ = effect_from_record(StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST), stats, study="se")
    ref = escalc_arrays("SMCR", m1i=[6.0], m2i=[5.0], sd1i=[0.2 * 5], ni=[25], ri=[0.5])
    assert effect.yi == pytest.approx(ref.yi[0])
    assert any("SE × √n" in n for n in effect.notes)


def test_p_printed_as_zero_becomes_its_rounding_bound():
    rec = StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST, n_total=17)
    p = Statistic(StatKind.P_ONLY, p=Reported(0.0, 3, "0,000"), p_operator=POperator.EQ)
    effect, _ = effect_from_record(rec, [p], study="p0")
    assert effect.conservative and effect.derived_from == "p_bound"
    assert any("0,000" in n and "0.0005" in n for n in effect.notes)


def test_a_table_pair_with_printed_n_is_preferred_over_a_conflicting_text_pair():
    from evidencekit.vocab import Source

    stats = [desc("sebelum diberikan pijat", 18, 2.07, 1.438, source=Source.TABLE),
             desc("sesudah diberikan pijat", 18, 3.53, 1.407, source=Source.TABLE),
             Descriptive(label="sebelum", mean=R(11.44), sd=R(1.438)),
             Descriptive(label="sesudah", mean=R(3.53), sd=R(1.407))]
    effect, _ = effect_from_record(StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST, n_total=15), stats, study="t")
    ref = escalc_arrays("SMCR", m1i=[3.53], m2i=[2.07], sd1i=[1.438], ni=[18], ri=[0.5])
    assert effect.yi == pytest.approx(ref.yi[0])
    assert any("2 pre/post pairs" in n for n in effect.notes)


def test_a_within_group_p_is_not_turned_into_a_between_arm_effect():
    rec = StudyRecord(design=Design.TWO_GROUP_PRETEST_POSTTEST, n_total=40)
    p = Statistic(StatKind.P_ONLY, p=R(0.001), p_operator=POperator.EQ, test=TestName.WILCOXON_SIGNED_RANK)
    with pytest.raises(NotPoolable, match="within-group test"):
        effect_from_record(rec, [p], study="w")
    mw = Statistic(StatKind.P_ONLY, p=R(0.001), p_operator=POperator.EQ, test=TestName.MANN_WHITNEY)
    effect, kind = effect_from_record(rec, [p, mw], study="w")
    assert kind == CONTROLLED and effect.derived_from == "p_n"


def test_medians_of_a_three_level_ordinal_scale_are_not_turned_into_means_and_the_z_is_used():
    # levels coded 0-2 (smooth … not smooth): Wan/Luo assume continuous data
    rec = StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST, n_total=24)
    stats = [Descriptive(label="pretest", n=24, median=R(2.0), min=R(1.0), max=R(2.0), sd=None),
             Descriptive(label="posttest", n=24, median=R(1.0), min=R(0.0), max=R(1.0)),
             Statistic(StatKind.Z, R(-3.317), p=R(0.001), test=TestName.WILCOXON_SIGNED_RANK)]
    effect, _ = effect_from_record(rec, stats, study="ordinal")
    assert effect.derived_from == "z_n"
