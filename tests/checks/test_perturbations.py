"""Each check, given one perturbed number of an otherwise honest report, raises its flag; the
honest report (two-group, rank tests, frequency tables) raises no error or warning."""

from __future__ import annotations

import math
import statistics
from dataclasses import replace

from hypothesis import HealthCheck, assume, given, settings, strategies as st
from scipy import stats as sps

from evidencekit.checks.bounds import (check_categorical, check_paired_p_bound, check_range,
                                       check_two_group_p_bound)
from evidencekit.checks.context import CheckContext
from evidencekit.checks.granularity import check_grimmer, check_percent_sum
from evidencekit.checks.pvalues import check_decision_error, check_p_recompute
from evidencekit.checks.rounding import fmt
from evidencekit.model import Descriptive, FrequencyTable, Reported, Statistic, StudyRecord
from evidencekit.vocab import CheckId, POperator, StatKind, TestName

SETTINGS = dict(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])


def printed(x: float, d: int) -> Reported:
    text = fmt(x, d, comma=True)
    return Reported(float(text.replace(",", ".")), d, text)


def summary(values, d=2, **kw) -> Descriptive:
    return Descriptive(n=len(values), mean=printed(statistics.mean(values), d),
                       sd=printed(statistics.stdev(values), d), min=printed(min(values), 0),
                       max=printed(max(values), 0), median=printed(statistics.median(values), 1), **kw)


scores = st.lists(st.integers(0, 10), min_size=5, max_size=40)


@settings(**SETTINGS)
@given(scores, st.integers(3, 9))
def test_grimmer_flags_an_sd_moved_by_a_few_hundredths(values, shift):
    assume(statistics.stdev(values) > 0.5 and len(values) <= 12)
    d = summary(values)
    assert check_grimmer(d, CheckContext()) is None
    # find a nearby SD that no data can give (exists for small n), and check it is flagged
    from evidencekit.checks.granularity import grimmer_consistent
    bad = next((d.sd.value + k / 100 for k in range(shift, shift + 30)
                if not grimmer_consistent(d.mean.value, 2, d.sd.value + k / 100, 2, d.n)), None)
    assume(bad is not None)
    assert check_grimmer(replace(d, sd=printed(bad, 2)), CheckContext()).check is CheckId.GRIMMER


@settings(**SETTINGS)
@given(scores)
def test_range_feasibility_flags_a_mean_or_sd_the_range_cannot_hold(values):
    assume(statistics.stdev(values) > 0)
    d = summary(values)
    assert check_range(d, CheckContext()) is None
    outside = replace(d, mean=printed(d.max.value + 1.5, 2))
    assert check_range(outside, CheckContext()).check is CheckId.RANGE_FEASIBILITY
    span = d.max.value - d.min.value
    too_wide = replace(d, sd=printed(span * 2 + 1, 2))
    assert check_range(too_wide, CheckContext()).check is CheckId.RANGE_FEASIBILITY


@settings(**SETTINGS)
@given(st.lists(st.integers(0, 2), min_size=6, max_size=40))
def test_categorical_summary_flags_a_max_the_counts_contradict(values):
    assume(len(set(values)) >= 2)
    counts = tuple(values.count(k) for k in (0, 1, 2))
    n = len(values)
    table = FrequencyTable("level", ("a", "b", "c"), counts, tuple(printed(100 * c / n, 1) for c in counts))
    d = summary(values, d=3)
    coding = (0.0, 1.0, 2.0)
    assert check_categorical(table, d, coding, CheckContext()) is None
    wrong = replace(d, max=printed(max(values) - 1, 0))
    assume(wrong.max.value >= min(values))
    assert check_categorical(table, wrong, coding, CheckContext()).check is CheckId.CATEGORICAL_SUMMARY


@settings(**SETTINGS)
@given(st.lists(st.integers(0, 2), min_size=3, max_size=6).filter(lambda c: sum(c) > 0), st.integers(1, 4))
def test_percent_sum_flags_a_table_missing_a_few_points(counts, drop):
    n = sum(counts)
    pct = tuple(printed(100 * c / n, 1) for c in counts)
    table = FrequencyTable("var", tuple("abcdef"[: len(counts)]), (None,) * len(counts), pct)
    assert check_percent_sum(table, CheckContext()) is None
    i = max(range(len(counts)), key=lambda k: counts[k])
    moved = list(pct)
    moved[i] = printed(pct[i].value - drop, 1)
    bad = replace(table, percents=tuple(moved))
    assert check_percent_sum(bad, CheckContext()).check is CheckId.PERCENT_SUM


@settings(**SETTINGS)
@given(st.lists(st.tuples(st.integers(0, 10), st.integers(0, 4)), min_size=8, max_size=40))
def test_paired_p_bound_flags_a_p_far_above_any_correlation(pairs):
    pre = [a for a, _ in pairs]
    post = [a + g for a, g in pairs]
    diffs = [b - a for a, b in zip(pre, post)]
    assume(statistics.stdev(diffs) > 0 and statistics.stdev(pre) > 0 and statistics.stdev(post) > 0)
    n = len(pairs)
    t = statistics.mean(diffs) / (statistics.stdev(diffs) / math.sqrt(n))
    p = float(2 * sps.t.sf(abs(t), n - 1))
    assume(p < 0.05)
    d_pre, d_post = summary(pre), summary(post)
    honest = Statistic(StatKind.P_ONLY, p=printed(p, 4), p_operator=POperator.EQ)
    assert check_paired_p_bound(d_pre, d_post, honest, CheckContext()) is None
    from evidencekit.checks.bounds import paired_p_max
    p_max = paired_p_max(d_pre.mean, d_pre.sd, d_post.mean, d_post.sd, n)
    assume(p_max < 0.5)
    bad = Statistic(StatKind.P_ONLY, p=printed(min(0.99, p_max * 3 + 0.01), 2), p_operator=POperator.EQ)
    assert check_paired_p_bound(d_pre, d_post, bad, CheckContext()).check is CheckId.P_BOUND


@settings(**SETTINGS)
@given(st.lists(st.integers(0, 20), min_size=5, max_size=30), st.lists(st.integers(0, 20), min_size=5, max_size=30))
def test_two_group_p_bound_accepts_student_and_welch_and_flags_a_swapped_p(a, b):
    b = [v + 12 for v in b]                       # a real difference, so p is usually small
    assume(statistics.stdev(a) > 0 and statistics.stdev(b) > 0)
    g1, g2 = summary(a, group="a"), summary(b, group="b")
    for equal_var in (True, False):
        p = float(sps.ttest_ind(a, b, equal_var=equal_var).pvalue)
        s = Statistic(StatKind.P_ONLY, p=printed(p, 3), p_operator=POperator.EQ)
        assert check_two_group_p_bound(g1, g2, s, CheckContext()) is None
    assume(p < 0.01)
    bad = Statistic(StatKind.P_ONLY, p=printed(0.5, 2), p_operator=POperator.EQ)
    assert check_two_group_p_bound(g1, g2, bad, CheckContext()).check is CheckId.P_BOUND


@settings(**SETTINGS)
@given(st.floats(0.2, 6.0), st.integers(8, 120))
def test_decision_error_flags_a_p_moved_across_alpha(t, df):
    p = float(2 * sps.t.sf(t, df))
    assume(0.0005 < p < 0.9 and abs(p - 0.05) > 0.01)
    honest = Statistic(StatKind.T, printed(t, 2), (df,), printed(p, 3), POperator.EQ, TestName.INDEPENDENT_T)
    assert check_p_recompute(honest, CheckContext()) is None
    flipped = replace(honest, p=printed(0.20 if p < 0.05 else 0.01, 2))
    assert check_decision_error(flipped, CheckContext()).check is CheckId.DECISION_ERROR


@settings(**SETTINGS)
@given(st.lists(st.integers(-6, 6).filter(lambda x: x != 0), min_size=6, max_size=25, unique_by=abs))
def test_wilcoxon_and_mann_whitney_computed_by_scipy_are_consistent(diffs):
    n = len(diffs)
    w = sps.wilcoxon(diffs, method="exact")
    s = Statistic(StatKind.W, printed(float(w.statistic), 0), None, printed(float(w.pvalue), 3),
                  POperator.EQ, TestName.WILCOXON_SIGNED_RANK)
    assert check_p_recompute(s, CheckContext(record=StudyRecord(n_total=n))) is None
    x, y = diffs[: n // 2], diffs[n // 2:]
    u = sps.mannwhitneyu(x, y, method="asymptotic")
    s = Statistic(StatKind.U, printed(float(u.statistic), 1), None, printed(float(u.pvalue), 3),
                  POperator.EQ, TestName.MANN_WHITNEY)
    ctx = CheckContext(record=StudyRecord(n_arms={"a": len(x), "b": len(y)}))
    assert check_p_recompute(s, ctx) is None
