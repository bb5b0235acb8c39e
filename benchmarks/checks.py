"""Checks per second over a large synthetic set of statistics.

Run: .venv/bin/python benchmarks/checks.py [N_DOCUMENTS]
Each synthetic document has a paired pre/post design, two descriptives (mean, SD, min, max,
median, CI), a t statistic, a p-only value and a frequency table, computed from random integer
data (seeded); a tenth of them get one perturbed number. Prints documents/s, flags found and
check-function calls per second.
"""

from __future__ import annotations

import math
import random
import statistics
import sys
import time

from scipy import stats as sps

from evidencekit.checks import CHECKS, check_result
from evidencekit.checks.rounding import fmt
from evidencekit.model import (Descriptive, DocumentResult, FrequencyTable, Reported, Statistic,
                               StudyRecord)
from evidencekit.vocab import Design, POperator, Source, StatKind, TestName


def printed(x: float, d: int) -> Reported:
    text = fmt(x, d, comma=True)
    return Reported(float(text.replace(",", ".")), d, text)


def describe(values, label):
    n = len(values)
    m, s = statistics.mean(values), statistics.stdev(values) or 0.5
    half = sps.t.ppf(0.975, n - 1) * s / math.sqrt(n)
    return Descriptive(label=label, n=n, mean=printed(m, 2), sd=printed(s, 3),
                       min=printed(min(values), 0), max=printed(max(values), 0),
                       median=printed(statistics.median(values), 1),
                       ci95=(printed(m - half, 2), printed(m + half, 2)), source=Source.TABLE)


def synthetic(rng: random.Random, i: int) -> DocumentResult:
    n = rng.randint(10, 60)
    pre = [rng.randint(0, 10) for _ in range(n)]
    post = [v + rng.randint(0, 4) for v in pre]
    diffs = [b - a for a, b in zip(pre, post)]
    sd = statistics.stdev(diffs) or 1.0
    t = statistics.mean(diffs) / (sd / math.sqrt(n))
    p = float(2 * sps.t.sf(abs(t), n - 1))
    if i % 10 == 0:
        p = min(0.9, p * 50 + 0.01)                # a planted inconsistency
    counts = tuple(sum(1 for v in pre if lo <= v <= hi) for lo, hi in ((0, 3), (4, 7), (8, 10)))
    table = FrequencyTable("pre", ("low", "mid", "high"), counts,
                           tuple(printed(100 * c / n, 1) for c in counts), n=n)
    stats = (describe(pre, "pretest"), describe(post, "posttest"),
             Statistic(StatKind.T, printed(t, 3), (n - 1,), printed(p, 3), POperator.EQ, TestName.PAIRED_T),
             Statistic(StatKind.P_ONLY, p=printed(p, 3), p_operator=POperator.EQ))
    rec = StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST, n_total=n, tests=(TestName.PAIRED_T,))
    return DocumentResult(f"syn{i}", "synthetic", record=rec, statistics=stats, frequency_tables=(table,))


def per_check(docs: list[DocumentResult]) -> list[tuple[str, float, int]]:
    """(check id, seconds, flags) of each registered check over all documents."""
    from evidencekit.checks.context import context_for
    from evidencekit.checks.registry import Inputs
    from evidencekit.extract.claims import Claims

    from evidencekit.checks import pvalues

    pvalues._recompute_p.cache_clear()               # measure each check cold
    pvalues._inconsistent_cached.cache_clear()
    inputs = [Inputs(d, context_for(d), Claims()) for d in docs]
    out = []
    for check_id, run in CHECKS.items():
        start = time.perf_counter()
        found = sum(len(run(i)) for i in inputs)
        out.append((check_id.value, time.perf_counter() - start, found))
    return out


def peer_ratio(docs: list[DocumentResult]) -> None:
    """Our statcheck-style verdict (p range over the rounding interval, both ends) against the
    plain scipy.stats call a script would make for the point p alone, on the same statistics."""
    from evidencekit.checks.context import CheckContext
    from evidencekit.checks import pvalues

    ts = [s for d in docs for s in d.statistics if isinstance(s, Statistic) and s.kind is StatKind.T]
    pvalues._inconsistent_cached.cache_clear()
    pvalues._recompute_p.cache_clear()
    ctx = CheckContext()
    start = time.perf_counter()
    for s in ts:
        pvalues.check_p_recompute(s, ctx)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    for s in ts:
        float(2 * sps.t.sf(abs(s.value.value), s.df[0]))
    peer = time.perf_counter() - start
    print(f"p recompute of {len(ts)} t statistics: ours {len(ts) / ours:,.0f}/s (range + verdict), "
          f"scipy.stats point p {len(ts) / peer:,.0f}/s; ratio {peer / ours:.2f}x")


def main(n_docs: int = 2000) -> None:
    rng = random.Random(20260101)
    docs = [synthetic(rng, i) for i in range(n_docs)]
    n_stats = sum(len(d.statistics) + len(d.frequency_tables) for d in docs)
    start = time.perf_counter()
    flags = sum(len(check_result(d)) for d in docs)
    elapsed = time.perf_counter() - start
    calls = n_docs * len(CHECKS)
    print(f"{n_docs} documents, {n_stats} statistics, {len(CHECKS)} checks each "
          f"(a tenth with a planted p-value error)")
    print(f"elapsed {elapsed:.2f} s: {n_docs / elapsed:,.0f} documents/s, "
          f"{n_stats / elapsed:,.0f} statistics/s, {calls / elapsed:,.0f} check runs/s; {flags} flags")
    peer_ratio(docs)
    print("per check (slowest first):")
    for name, secs, found in sorted(per_check(docs), key=lambda x: -x[1])[:8]:
        print(f"  {name:22s} {secs:6.3f} s  {n_docs / max(secs, 1e-9):>12,.0f} documents/s  {found} flags")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
