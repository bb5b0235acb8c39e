"""p-values from test statistics, and statcheck's verdicts on a reported p (the arithmetic core).

Method: Nuijten, Hartgerink, van Assen, Epskamp & Wicherts (2016), Behavior Research Methods
48:1205–1226 — the R package statcheck (``compute_p.R``, ``error_test.R``, ``decision_error_test.R``).
A reported statistic stands for an interval (value ± half its last digit); the p-values of the
interval's ends bound the correct p. Plain numbers in, plain numbers out: the flag wrappers that
read model objects are in :mod:`evidencekit.checks.pvalues`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

from scipy import special

from evidencekit.checks.ranktests import mann_whitney_p, wilcoxon_p
from evidencekit.checks.rounding import Interval

#: Statistic kinds whose p is two-tailed by default (the sign carries the direction).
SIGNED_KINDS = frozenset({"t", "r", "rho", "Z"})
#: Kinds that follow a χ² distribution under H0 with df1 degrees of freedom.
CHI2_KINDS = frozenset({"chi2", "Chi2", "Q", "Qw", "Qb", "H"})
#: Largest |r| we evaluate: r = ±1 gives an infinite t.
R_MAX = 1 - 1e-12


def p_from_statistic(kind: str, value: float, df: Sequence[float] | None, tails: int = 2) -> float:
    """The p-value of a test statistic: t, F, r, rho, chi2/Q/H, Z (statcheck's ``compute_p``).

    t, r and Z are two-tailed unless ``tails`` is 1; F and χ² are upper-tail. r and ρ go through
    t = r·sqrt(df / (1 − r²)) with df = n − 2.
    """
    if kind in ("r", "rho"):
        (d,) = _dfs(df, 1)
        r = max(-R_MAX, min(R_MAX, value))
        value, kind = r * math.sqrt(d / (1 - r * r)), "t"
    # scipy.special's distribution functions: the same numbers as scipy.stats (and R's
    # pt/pf/pchisq/pnorm), without scipy.stats' per-call overhead
    if kind == "t":
        (d,) = _dfs(df, 1)
        p = float(special.stdtr(d, -abs(value))) if d > 0 else math.nan
    elif kind == "Z":
        p = float(special.ndtr(-abs(value)))
    elif kind == "F":
        d1, d2 = _dfs(df, 2)
        return float(special.fdtrc(d1, d2, max(value, 0.0))) if d1 > 0 and d2 > 0 else math.nan
    elif kind in CHI2_KINDS:
        (d,) = _dfs(df, 1)
        return float(special.chdtrc(d, max(value, 0.0))) if d > 0 else math.nan
    else:
        raise ValueError(f"cannot compute p for statistic kind {kind!r}; "
                         f"known: t, F, r, rho, chi2, Q, H, Z (rank tests: see ranktests.py)")
    return min(1.0, p * tails)


def _dfs(df: Sequence[float] | None, k: int) -> tuple[float, ...]:
    if df is None or len(df) < k:
        raise ValueError(f"this statistic needs {k} degree(s) of freedom; got {df!r}")
    return tuple(float(x) for x in df[-k:]) if k == 1 else tuple(float(x) for x in df[:k])


@dataclass(frozen=True, slots=True)
class PRange:
    """The p-values a printed statistic allows: ``low``..``high`` over its rounding interval (and,
    for rank tests, over the methods), ``point`` at the printed value."""

    low: float
    high: float
    point: float
    tails: int = 2
    method: str = ""
    df_from_design: tuple[float, ...] | None = None   # df we supplied (the paper printed none)


def p_range(kind: str, stat: Interval, point: float, df: Sequence[float] | None,
            tails: int = 2) -> PRange:
    """p over every true statistic in ``stat`` (p is monotone in |statistic|)."""
    lo_abs, hi_abs = _abs_range(kind, stat)
    p_a = p_from_statistic(kind, lo_abs, df, tails)
    p_b = p_from_statistic(kind, hi_abs, df, tails)
    return PRange(min(p_a, p_b), max(p_a, p_b), p_from_statistic(kind, point, df, tails), tails)


def _abs_range(kind: str, stat: Interval) -> tuple[float, float]:
    if kind in SIGNED_KINDS:
        if stat.low <= 0 <= stat.high:
            return 0.0, max(-stat.low, stat.high)
        return min(abs(stat.low), abs(stat.high)), max(abs(stat.low), abs(stat.high))
    return max(0.0, stat.low), max(0.0, stat.high)


RANK_METHODS = ("normal", "normal_cc", "exact")


def rank_p_range(kind: str, stat: Interval, point: float, sizes: Sequence[int], tails: int = 2,
                 exact_max_n: int = 50) -> PRange:
    """p range of a Wilcoxon W/T (``sizes`` = (n,)) or Mann-Whitney U (``sizes`` = (n1, n2))
    over the rounding interval and the methods normal, normal with continuity correction and
    exact (n ≤ ``exact_max_n``)."""
    if kind == "W":
        (n,) = sizes
        fn: Callable[[float, str], float] = lambda x, m: wilcoxon_p(x, n, method=m, tails=tails)
        total = n
    else:
        n1, n2 = sizes
        fn = lambda x, m: mann_whitney_p(x, n1, n2, method=m, tails=tails)
        total = n1 + n2
    methods = [m for m in RANK_METHODS if m != "exact" or total <= exact_max_n]
    ps = [fn(x, m) for x in (stat.low, stat.high, point) for m in methods]
    # p is not monotone across the centre of a symmetric statistic; the centre gives p = 1
    centre = total * (total + 1) / 4 if kind == "W" else sizes[0] * sizes[1] / 2
    if stat.low <= centre <= stat.high:
        ps.append(1.0)
    return PRange(min(ps), max(ps), fn(point, methods[0]), tails, "+".join(methods))


# statcheck's verdicts as tables keyed by (statistic operator, p operator); arguments are
# (reported p, lowest allowed p, highest allowed p, p's decimals).
ERROR_RULES: dict[tuple[str, str], Callable[[float, float, float, int], bool]] = {
    ("=", "="): lambda rp, lo, hi, d: rp > round(hi, d) or rp < round(lo, d),
    ("=", "<"): lambda rp, lo, hi, d: rp < lo,
    ("=", ">"): lambda rp, lo, hi, d: rp > hi,
    ("<", "="): lambda rp, lo, hi, d: rp < round(hi, d),
    ("<", "<"): lambda rp, lo, hi, d: rp < hi,
    ("<", ">"): lambda rp, lo, hi, d: False,
    (">", "="): lambda rp, lo, hi, d: rp > round(lo, d),
    (">", "<"): lambda rp, lo, hi, d: False,
    (">", ">"): lambda rp, lo, hi, d: rp > lo,
}

# Decision errors, keyed by (statistic op, p op, p = alpha counts as significant); arguments are
# (reported p, computed p, alpha).
DECISION_RULES: dict[tuple[str, str, bool], Callable[[float, float, float], bool]] = {
    ("=", "=", True): lambda rp, cp, a: (rp <= a < cp) or (rp > a >= cp),
    ("=", "<", True): lambda rp, cp, a: rp <= a < cp,
    ("=", ">", True): lambda rp, cp, a: rp >= a >= cp,
    ("<", "=", True): lambda rp, cp, a: rp <= a <= cp,
    ("<", "<", True): lambda rp, cp, a: rp <= a <= cp,
    ("<", ">", True): lambda rp, cp, a: False,
    (">", "=", True): lambda rp, cp, a: rp > a >= cp,
    (">", "<", True): lambda rp, cp, a: False,
    (">", ">", True): lambda rp, cp, a: rp >= a >= cp,
    ("=", "=", False): lambda rp, cp, a: (rp < a <= cp) or (rp >= a > cp),
    ("=", "<", False): lambda rp, cp, a: rp <= a <= cp,
    ("=", ">", False): lambda rp, cp, a: rp >= a > cp,
    ("<", "=", False): lambda rp, cp, a: rp < a <= cp,
    ("<", "<", False): lambda rp, cp, a: rp <= a <= cp,
    ("<", ">", False): lambda rp, cp, a: False,
    (">", "=", False): lambda rp, cp, a: rp >= a >= cp,
    (">", "<", False): lambda rp, cp, a: False,
    (">", ">", False): lambda rp, cp, a: rp >= a >= cp,
}


def _op(op: str) -> str:
    """"<=" reads as "<", ">=" as ">" ("ns" is handled by the callers as "> alpha")."""
    return {"<=": "<", ">=": ">", "≤": "<", "≥": ">"}.get(op, op)


def p_inconsistent(reported_p: float, p_op: str, p_decimals: int, rng: PRange,
                   test_op: str = "=", alpha: float = 0.05) -> bool:
    """statcheck's ``error``: the reported p is not compatible with the statistic's p range."""
    if p_op == "ns":
        reported_p, p_op = alpha, ">"
    return ERROR_RULES[(_op(test_op), _op(p_op))](reported_p, rng.low, rng.high, p_decimals)


def decision_flipped(reported_p: float, p_op: str, computed_p: float, alpha: float = 0.05,
                     p_equal_alpha_sig: bool = True, test_op: str = "=") -> bool:
    """statcheck's ``decision_error`` test: reported and computed p sit on different sides of
    alpha. (statcheck counts it only for results that are also inconsistent.)"""
    if p_op == "ns":
        reported_p, p_op = alpha, ">"
    return DECISION_RULES[(_op(test_op), _op(p_op), p_equal_alpha_sig)](reported_p, computed_p, alpha)


def one_tailed_fit(kind: str, stat: Interval, point: float, df: Sequence[float] | None,
                   reported_p: float, p_op: str, p_decimals: int, test_op: str = "=",
                   alpha: float = 0.05) -> PRange | None:
    """statcheck's ``OneTailedTxt``: when the paper says a test was one-tailed (one-sided,
    directional), a t, r or Z whose reported p fits the one-tailed p is consistent. Returns the
    one-tailed range when it fits, else None."""
    if kind not in SIGNED_KINDS:
        return None
    rng = p_range(kind, stat, point, df, tails=1)
    return None if p_inconsistent(reported_p, p_op, p_decimals, rng, test_op, alpha) else rng
