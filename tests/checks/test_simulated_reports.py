"""Property tests: a report computed honestly from simulated raw integer data raises no error or
warning flag; perturbing one printed number raises that number's flag."""

from __future__ import annotations

import math
import statistics

from hypothesis import HealthCheck, assume, given, settings, strategies as st
from scipy import stats as sps

from evidencekit.checks import check_result
from evidencekit.checks.rounding import fmt
from evidencekit.model import (Descriptive, DocumentResult, FrequencyTable, Reported, Statistic,
                               StudyRecord)
from evidencekit.vocab import CheckId, Design, POperator, Severity, Source, StatKind, TestName


def printed(x: float, d: int) -> Reported:
    text = fmt(x, d, comma=True)
    return Reported(float(text.replace(",", ".")), d, text)


def describe(values: list[int], label: str, time: str, d: int = 2) -> Descriptive:
    n = len(values)
    m, s = statistics.mean(values), statistics.stdev(values)
    half = sps.t.ppf(0.975, n - 1) * s / math.sqrt(n)
    return Descriptive(label=label, time=time, n=n, mean=printed(m, d), sd=printed(s, 3),
                       min=printed(min(values), 0), max=printed(max(values), 0),
                       median=printed(statistics.median(values), 1),
                       ci95=(printed(m - half, d), printed(m + half, d)), source=Source.TABLE)


def report(pre: list[int], post: list[int]) -> DocumentResult:
    n = len(pre)
    diffs = [b - a for a, b in zip(pre, post)]
    t = statistics.mean(diffs) / (statistics.stdev(diffs) / math.sqrt(n))
    p = float(2 * sps.t.sf(abs(t), n - 1))
    stat = Statistic(StatKind.T, printed(t, 3), (n - 1,), printed(p, 3), POperator.EQ, TestName.PAIRED_T)
    levels = ("low", "mid", "high")
    counts = tuple(sum(1 for v in pre if v == k) for k in (0, 1, 2))
    table = FrequencyTable("pre level", levels, counts,
                           tuple(printed(100 * c / n, 1) for c in counts), n=n)
    rec = StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST, n_total=n, tests=(TestName.PAIRED_T,))
    return DocumentResult("sim", "sim", record=rec, frequency_tables=(table,),
                          statistics=(describe(pre, "pretest", "pre"), describe(post, "posttest", "post"), stat))


samples = st.integers(min_value=6, max_value=40).flatmap(
    lambda n: st.tuples(st.lists(st.integers(0, 2), min_size=n, max_size=n),
                        st.lists(st.integers(0, 6), min_size=n, max_size=n)))


def _serious(flags):
    return [f for f in flags if f.severity in (Severity.ERROR, Severity.WARNING)]


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.filter_too_much])
@given(samples)
def test_a_report_computed_from_integer_data_raises_no_error_or_warning(data):
    pre, gain = data
    post = [a + g for a, g in zip(pre, gain)]
    assume(statistics.stdev(pre) > 0 and statistics.stdev(post) > 0)
    assume(statistics.stdev([b - a for a, b in zip(pre, post)]) > 0)
    assert _serious(check_result(report(pre, post))) == []


def _perturbed(result: DocumentResult, index: int, **changes) -> DocumentResult:
    from dataclasses import replace
    items = list(result.statistics)
    items[index] = replace(items[index], **changes)
    return replace(result, statistics=tuple(items))


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.filter_too_much])
@given(samples)
def test_a_mean_moved_off_every_fraction_raises_grim(data):
    pre, gain = data
    post = [a + g for a, g in zip(pre, gain)]
    n = len(pre)
    assume(statistics.stdev(pre) > 0 and statistics.stdev(post) > 0)
    m = statistics.mean(post)
    # a two-decimal mean no k/n rounds to (exists whenever n < 100 and n > 10 … search for one)
    bad = next((x / 100 for x in range(round(m * 100) - 20, round(m * 100) + 21)
                if not any(abs(k / n - x / 100) <= 0.005 for k in range(0, 7 * n + 1))), None)
    assume(bad is not None and min(post) <= bad <= max(post))
    res = _perturbed(report(pre, post), 1, mean=printed(bad, 2))
    assert CheckId.GRIM in {f.check for f in check_result(res)}


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.filter_too_much])
@given(samples)
def test_a_p_value_ten_times_too_large_raises_p_recompute(data):
    pre, gain = data
    post = [a + g for a, g in zip(pre, gain)]
    diffs = [b - a for a, b in zip(pre, post)]
    assume(statistics.stdev(diffs) > 0 and statistics.stdev(pre) > 0 and statistics.stdev(post) > 0)
    res = report(pre, post)
    stat = res.statistics[2]
    assume(0.001 < stat.p.value < 0.09)
    res = _perturbed(res, 2, p=printed(min(0.99, stat.p.value * 10), 3))
    assert CheckId.P_RECOMPUTE in {f.check for f in check_result(res)}


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.filter_too_much])
@given(samples, st.integers(2, 4))
def test_a_ci_for_a_different_n_raises_ci_mismatch(data, factor):
    pre, gain = data
    post = [a + g for a, g in zip(pre, gain)]
    assume(statistics.stdev(pre) > 0.3 and statistics.stdev(post) > 0.3)
    assume(statistics.stdev([b - a for a, b in zip(pre, post)]) > 0)
    res = report(pre, post)
    d = res.statistics[1]
    s, m = statistics.stdev(post), statistics.mean(post)
    n = len(post) * factor
    half = sps.t.ppf(0.975, n - 1) * s / math.sqrt(n)
    res = _perturbed(res, 1, ci95=(printed(m - half, 2), printed(m + half, 2)))
    assert CheckId.CI_MISMATCH in {f.check for f in check_result(res)}


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.filter_too_much])
@given(samples)
def test_a_percentage_off_by_a_point_raises_percent_count(data):
    pre, gain = data
    from dataclasses import replace
    post = [a + g for a, g in zip(pre, gain)]
    assume(statistics.stdev([b - a for a, b in zip(pre, post)]) > 0)
    assume(statistics.stdev(pre) > 0 and statistics.stdev(post) > 0)
    res = report(pre, post)
    t = res.frequency_tables[0]
    i = max(range(3), key=lambda k: t.counts[k])
    pcts = list(t.percents)
    pcts[i] = printed(pcts[i].value - 1.0, 1)
    res = replace(res, frequency_tables=(replace(t, percents=tuple(pcts)),))
    assert CheckId.PERCENT_COUNT in {f.check for f in check_result(res)}
