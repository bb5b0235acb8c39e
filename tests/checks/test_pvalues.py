"""p recomputation wrappers: flags, rank tests, p = 0,000, one-tailed, formatting."""

from __future__ import annotations

from dataclasses import replace

import pytest
from scipy import stats as sps

from evidencekit.checks.context import CheckContext
from evidencekit.checks.pcompute import p_from_statistic
from evidencekit.checks.pvalues import check_decision_error, check_p_format, check_p_recompute, recompute_p
from evidencekit.checks.ranktests import mann_whitney_p, wilcoxon_p
from evidencekit.model import Statistic, StudyRecord
from evidencekit.vocab import CheckId, POperator, Severity, StatKind, TestName

RANK_TOL = 1e-12   # our exact enumeration vs scipy's exact distributions


def stat(R, kind, value, df=None, p="0,05", op="=", **kw):
    return Statistic(StatKind(kind), R(value), df, R(p), POperator(op), **kw)


def test_consistent_wilcoxon_z_is_left_alone(R):
    # Z = -3,317 is -sqrt(11) (11 tied one-level improvements): two-sided p = 0.00091 → 0,001
    assert check_p_recompute(stat(R, "Z", "-3,317", p="0,001"), CheckContext()) is None


def test_p_zero_is_read_as_less_than_001_and_a_large_z_fits_it(R):
    s = stat(R, "Z", "3.742", p="0,000")
    assert check_p_recompute(s, CheckContext()) is None
    flag = check_p_format(s.p, s.p_operator)
    assert flag.check is CheckId.P_ZERO_OR_FORMAT and flag.severity is Severity.NOTE
    assert "< 0,001" in flag.message


def test_p_above_one_is_an_error(R):
    flag = check_p_format(R("1000"), POperator.EQ)
    assert flag.severity is Severity.ERROR


def test_p_recompute_flags_a_mistyped_p_and_reports_the_range(R):
    flag = check_p_recompute(stat(R, "t", "2.20", (28,), p=".03"), CheckContext())
    assert flag.check is CheckId.P_RECOMPUTE
    lo, hi = flag.expected_range
    assert lo < 0.0362 < hi and flag.reported == 0.03


def test_decision_error_flags_a_significant_claim_for_a_nonsignificant_statistic(R):
    s = stat(R, "t", "1.70", (30,), p=".05", op="<")
    flag = check_decision_error(s, CheckContext())
    assert flag.check is CheckId.DECISION_ERROR and flag.severity is Severity.ERROR
    assert check_decision_error(stat(R, "t", "2.20", (28,), p=".03"), CheckContext()) is None


def test_one_tailed_is_used_only_when_the_paper_says_so(R):
    two = stat(R, "t", "1.80", (28,), p=".04")
    one = stat(R, "t", "1.80", (28,), p=".04", one_tailed=True)
    assert check_p_recompute(two, CheckContext()) is not None
    assert check_p_recompute(one, CheckContext()) is None


def test_paper_alpha_replaces_the_default(R):
    s = stat(R, "t", "2.20", (28,), p=".06")          # true p = .036
    assert check_decision_error(s, CheckContext(record=StudyRecord(alpha=0.05))) is not None
    assert check_decision_error(s, CheckContext(record=StudyRecord(alpha=0.10))) is None


@pytest.mark.parametrize("n", [5, 9, 14])
def test_exact_wilcoxon_matches_scipy(n):
    x = [float(i + 1) * (-1 if i % 3 == 0 else 1) for i in range(n)]
    res = sps.wilcoxon(x, method="exact")
    assert wilcoxon_p(res.statistic, n, method="exact") == pytest.approx(res.pvalue, abs=RANK_TOL)


def test_exact_and_normal_mann_whitney_match_scipy():
    x, y = [1.1, 2.3, 3.2, 4.8, 9.9], [5.5, 6.6, 0.5, 7.7, 8.8, 10.1]
    for method, ours in (("exact", "exact"), ("asymptotic", "normal_cc")):
        res = sps.mannwhitneyu(x, y, method=method)
        assert mann_whitney_p(res.statistic, 5, 6, method=ours) == pytest.approx(res.pvalue, abs=RANK_TOL)


def test_wilcoxon_w_uses_the_records_n_and_accepts_any_method(R):
    ctx = CheckContext(record=StudyRecord(n_total=10))
    s = Statistic(StatKind.W, R("3"), None, R("0,010"), POperator.EQ, TestName.WILCOXON_SIGNED_RANK)
    rng = recompute_p(s, ctx)
    assert rng.low <= 0.0098 <= rng.high                    # exact p = 0.0098
    assert check_p_recompute(s, ctx) is None
    bad = Statistic(StatKind.W, R("3"), None, R("0,40"), POperator.EQ, TestName.WILCOXON_SIGNED_RANK)
    assert check_p_recompute(bad, ctx) is not None


def test_mann_whitney_u_needs_two_arms(R):
    s = Statistic(StatKind.U, R("4"), None, R("0,19"), POperator.EQ, TestName.MANN_WHITNEY)
    assert recompute_p(s, CheckContext()) is None
    ctx = CheckContext(record=StudyRecord(n_arms={"a": 4, "b": 5}))
    assert check_p_recompute(s, ctx) is None                # exact p = 0.190


def test_kruskal_wallis_h_and_spearman_rho_are_recomputed(R):
    assert p_from_statistic("H", 5.99, (2,)) == pytest.approx(0.05, abs=1e-3)
    rho = Statistic(StatKind.RHO, R("0.45"), None, R(".012"), POperator.EQ, n=30)
    rng = recompute_p(rho, CheckContext())
    assert rng.low < 0.0126 < rng.high


def test_rank_statistics_allow_any_smaller_p_because_ties_are_unknown(R):
    from evidencekit.checks.settings import CheckSettings
    s = Statistic(StatKind.W, R("3"), None, R("0,001"), POperator.EQ, TestName.WILCOXON_SIGNED_RANK)
    rec = StudyRecord(n_total=10)
    assert recompute_p(s, CheckContext(record=rec)).low == 0.0
    assert check_p_recompute(s, CheckContext(record=rec)) is None
    strict = CheckContext(CheckSettings(rank_ties_possible=False), rec)
    assert recompute_p(s, strict).low == pytest.approx(6 / 1024)      # W = 2.5 (3 within rounding): exact P(W ≤ 2)
    assert check_p_recompute(s, strict) is not None


def test_kruskal_wallis_takes_its_df_from_the_number_of_groups(R):
    from scipy import stats as st
    groups = [[1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8], [6, 7, 8, 9, 10]]
    h = st.kruskal(*groups)
    s = Statistic(StatKind.H, R(f"{h.statistic:.2f}"), None, R(f"{h.pvalue:.3f}"), POperator.EQ,
                  TestName.KRUSKAL_WALLIS)
    ctx = CheckContext(record=StudyRecord(n_arms={"a": 5, "b": 6, "c": 5}))
    assert recompute_p(s, CheckContext()) is None                 # no df, no groups: not testable
    assert check_p_recompute(s, ctx) is None
    assert check_p_recompute(replace(s, p=R("0,200")), ctx) is not None


def test_a_t_printed_without_df_takes_it_from_the_design(R):
    paired = Statistic(StatKind.T, R("3,10"), None, R("0,010"), POperator.EQ, TestName.PAIRED_T)
    assert recompute_p(paired, CheckContext()) is None               # no n: not testable
    ctx = CheckContext(record=StudyRecord(n_total=12))                # t(11) = 3.10 → p = .0101
    assert check_p_recompute(paired, ctx) is None
    assert check_p_recompute(replace(paired, p=R("0,001")), ctx) is not None
    indep = Statistic(StatKind.T, R("2,10"), None, R("0,044"), POperator.EQ, TestName.INDEPENDENT_T)
    arms = CheckContext(record=StudyRecord(n_arms={"a": 16, "b": 16}))  # t(30) = 2.10 → p = .0442
    assert check_p_recompute(indep, arms) is None
    welch = replace(indep, test=TestName.WELCH_T)
    assert recompute_p(welch, arms) is None


def test_a_paired_t_in_a_two_group_study_takes_the_arms_n(R):
    s = Statistic(StatKind.T, R("4,05"), None, R("0,001"), POperator.EQ, TestName.PAIRED_T)
    ctx = CheckContext(record=StudyRecord(n_total=32, n_arms={"a": 16, "b": 16}))   # t(15): p = .00105
    assert check_p_recompute(s, ctx) is None
    flag = check_p_recompute(replace(s, p=R("0,010")), ctx)
    assert "t(15) = 4,05 (df from the design" in flag.message
