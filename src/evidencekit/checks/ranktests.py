"""p-values of rank tests from the statistic alone: Wilcoxon signed-rank (W/T) and Mann-Whitney U.

Beyond statcheck (which does not recompute these): each p is computed three ways — the normal
approximation without and with continuity correction (Hollander, Wolfe & Chicken 2014, §3.1 and
§4.1) and, for small samples, the exact null distribution by enumeration — and the checks accept
any of them. Ties cannot be known from a printed statistic; a tie correction only shrinks the null
variance, so with ties a p can only be *smaller* than the no-tie normal value (see
:func:`evidencekit.checks.pvalues.recompute_p`).
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
from scipy import special


@cache
def _signed_rank_counts(n: int) -> tuple[int, ...]:
    """Number of subsets of {1..n} with each rank sum 0..n(n+1)/2 (exact null of W+)."""
    top = n * (n + 1) // 2
    counts = np.zeros(top + 1, dtype=object)
    counts[0] = 1
    for k in range(1, n + 1):
        counts[k:] = counts[k:] + counts[:-k]     # add rank k to every subset (RHS is a copy)
    return tuple(int(c) for c in counts)


@cache
def _mann_whitney_counts(n1: int, n2: int) -> tuple[int, ...]:
    """Number of orderings giving each U = 0..n1·n2 (exact null of U, no ties).

    Recurrence f(i, j, u) = f(i-1, j, u-j) + f(i, j-1, u) (Mann & Whitney 1947).
    """
    # rows[j] holds f(i, j, ·) for the current i
    size = n1 * n2 + 1
    rows = [np.zeros(size, dtype=object) for _ in range(n2 + 1)]
    for j in range(n2 + 1):
        rows[j][0] = 1                     # i = 0: only U = 0
    for i in range(1, n1 + 1):
        new = [np.zeros(size, dtype=object) for _ in range(n2 + 1)]
        new[0][0] = 1                      # j = 0: only U = 0
        for j in range(1, n2 + 1):
            shifted = np.zeros(size, dtype=object)
            shifted[j:] = rows[j][:size - j]
            new[j] = shifted + new[j - 1]
        rows = new
    return tuple(int(c) for c in rows[n2])


def _two_sided_exact(counts: tuple[int, ...], x: float) -> float:
    """Two-sided exact p for statistic value ``x`` under a symmetric null given by ``counts``."""
    total = sum(counts)
    top = len(counts) - 1
    centre = top / 2
    k = math.floor(min(x, top - x) + 1e-9)  # the lower tail at the more extreme side
    k = max(min(k, top), -1)
    tail = sum(counts[: k + 1]) if k >= 0 else 0
    return min(1.0, 2 * tail / total) if x != centre else 1.0


def wilcoxon_p(w: float, n: int, *, method: str, tails: int = 2) -> float:
    """p of a Wilcoxon signed-rank statistic W (either W+ or W-, or T = min) with n pairs.

    ``method``: "normal" (no continuity correction), "normal_cc" or "exact" (no ties).
    """
    mean = n * (n + 1) / 4
    var = n * (n + 1) * (2 * n + 1) / 24
    return _rank_p(w, mean, var, method, tails, lambda: _signed_rank_counts(n))


def mann_whitney_p(u: float, n1: int, n2: int, *, method: str, tails: int = 2) -> float:
    """p of a Mann-Whitney U with group sizes n1, n2 (methods as :func:`wilcoxon_p`)."""
    mean = n1 * n2 / 2
    var = n1 * n2 * (n1 + n2 + 1) / 12
    return _rank_p(u, mean, var, method, tails, lambda: _mann_whitney_counts(n1, n2))


def _rank_p(x: float, mean: float, var: float, method: str, tails: int, counts) -> float:
    if var <= 0:
        return 1.0
    if method == "exact":
        p2 = _two_sided_exact(counts(), x)
        return p2 if tails == 2 else p2 / 2
    dev = abs(x - mean)
    if method == "normal_cc":
        dev = max(0.0, dev - 0.5)
    elif method != "normal":
        raise ValueError(f"method must be normal, normal_cc or exact; got {method!r}")
    p1 = float(special.ndtr(-dev / math.sqrt(var)))
    return min(1.0, tails * p1)
