"""CI reconstruction, range feasibility, categorical summaries and p bounds."""

from __future__ import annotations

import pytest

from evidencekit.checks.bounds import (check_categorical, check_paired_p_bound, check_range,
                                       check_two_group_p_bound, infer_coding, paired_p_max,
                                       sd_max, sd_min)
from evidencekit.checks.context import CheckContext
from evidencekit.checks.intervals import check_ci, ci_consistent, ci_fitting_n
from evidencekit.model import Descriptive, FrequencyTable, Statistic
from evidencekit.vocab import CheckId, POperator, Severity, StatKind, TestName


def test_ci_of_a_mean_fits_n_15_and_not_n_18(R):
    m, s, lo, hi = R("2,07"), R("1,438"), R("1,27"), R("2,86")
    assert ci_consistent(m, s, 15, lo, hi) and not ci_consistent(m, s, 18, lo, hi)
    assert ci_fitting_n(m, s, lo, hi, 18) == [15]


def test_ci_mismatch_flag_names_the_n_that_would_fit(R):
    d = Descriptive(label="sebelum", n=18, mean=R("2,07"), sd=R("1,438"), ci95=(R("1,27"), R("2,86")))
    flag = check_ci(d, CheckContext())
    assert flag.check is CheckId.CI_MISMATCH and flag.severity is Severity.ERROR
    assert "n = 15" in flag.message and "1,35" in flag.message


def test_ci_that_follows_from_mean_sd_and_n_is_left_alone(R):
    d = Descriptive(n=30, mean=R("9,17"), sd=R("0,874"), ci95=(R("8,84"), R("9,49")))
    assert check_ci(d, CheckContext()) is None


def test_sd_bounds_follow_the_range():
    assert sd_max(2, 0, 10) == pytest.approx(7.0711, abs=1e-4)
    assert sd_min(24, 1, 2) == pytest.approx(1 / (46 ** 0.5))


def test_range_feasibility_flags_a_mean_outside_min_max(R):
    d = Descriptive(n=20, mean=R("11,44"), min=R("0"), max=R("6"))
    assert check_range(d, CheckContext()).check is CheckId.RANGE_FEASIBILITY


def test_range_feasibility_flags_an_sd_the_range_cannot_give(R):
    d = Descriptive(n=10, mean=R("5,0"), sd=R("6,0"), min=R("0"), max=R("10"))
    assert "larger" in check_range(d, CheckContext()).message


def test_range_feasibility_accepts_zero_sd_with_equal_min_and_max(R):
    assert check_range(Descriptive(n=24, sd=R("0,000"), min=R("0"), max=R("0")), CheckContext()) is None


def test_categorical_summary_flags_a_max_the_frequency_table_contradicts(R):
    levels = ("Lancar", "Cukup Lancar", "Kurang Lancar")
    pre = FrequencyTable("Hari I pre", levels, (0, 3, 21), (R("0"), R("12,5"), R("87,5")))
    post = FrequencyTable("Hari I post", levels, (1, 12, 11), (R("4,2"), R("50,0"), R("45,8")))
    d_pre = Descriptive(label="Hari I pre", n=24, sd=R("0,338"), min=R("1"), max=R("2"), median=R("2"))
    d_post = Descriptive(label="Hari I post", n=24, sd=R("0,584"), min=R("0"), max=R("1"), median=R("1"))
    coding = infer_coding([(pre, d_pre), (post, d_post)])
    assert coding == (0.0, 1.0, 2.0)
    assert check_categorical(pre, d_pre, coding, CheckContext()) is None
    flag = check_categorical(post, d_post, coding, CheckContext())
    assert flag.check is CheckId.CATEGORICAL_SUMMARY and flag.severity is Severity.ERROR
    assert flag.details["summary"] == "max" and flag.expected == 2


def test_paired_p_bound_flags_a_p_too_large_for_any_correlation(R):
    pre = Descriptive(label="pretest", n=30, mean=R("9,17"), sd=R("0,874"))
    post = Descriptive(label="posttest", n=30, mean=R("13,37"), sd=R("1,671"))
    assert paired_p_max(pre.mean, pre.sd, post.mean, post.sd, 30) < 1e-9
    s = Statistic(StatKind.P_ONLY, p=R("0,012"), p_operator=POperator.EQ, test=TestName.PAIRED_T)
    flag = check_paired_p_bound(pre, post, s, CheckContext())
    assert flag.check is CheckId.P_BOUND and flag.severity is Severity.ERROR
    rank = check_paired_p_bound(pre, post, s, CheckContext(), rank_test=True)
    assert rank.severity is Severity.WARNING
    sure = check_paired_p_bound(pre, post, s, CheckContext(), rank_test=True, no_decrease_stated=True)
    assert sure.severity is Severity.ERROR


def test_paired_p_bound_accepts_a_p_some_correlation_allows(R):
    pre = Descriptive(n=20, mean=R("10,0"), sd=R("3,0"))
    post = Descriptive(n=20, mean=R("11,0"), sd=R("3,0"))
    s = Statistic(StatKind.P_ONLY, p=R("0,30"), p_operator=POperator.EQ)
    assert check_paired_p_bound(pre, post, s, CheckContext()) is None


def test_two_group_p_bound_uses_student_and_welch(R):
    g1 = Descriptive(group="a", n=20, mean=R("10,0"), sd=R("2,0"))
    g2 = Descriptive(group="b", n=20, mean=R("12,0"), sd=R("2,0"))
    ok = Statistic(StatKind.P_ONLY, p=R("0,003"), p_operator=POperator.EQ)      # t = 3.16, p = .0031
    bad = Statistic(StatKind.P_ONLY, p=R("0,30"), p_operator=POperator.EQ)
    assert check_two_group_p_bound(g1, g2, ok, CheckContext()) is None
    assert check_two_group_p_bound(g1, g2, bad, CheckContext()).check is CheckId.P_BOUND


def test_p_bound_with_zero_sds_gives_a_flag_that_serialises_to_strict_json(R):
    import json
    pre = Descriptive(n=10, mean=R("5,0"), sd=R("0,0"))
    post = Descriptive(n=10, mean=R("6,0"), sd=R("0,0"))
    s = Statistic(StatKind.P_ONLY, p=R("0,20"), p_operator=POperator.EQ)
    flag = check_paired_p_bound(pre, post, s, CheckContext())
    assert flag is not None
    json.dumps(flag.to_dict(), allow_nan=False)
