"""Confidence intervals that do not follow from the mean, SD and n (CI reconstruction).

A 95% CI of a mean is mean ± c·SD/√n with c = t(0.975, n − 1) (or 1.96 for a z interval). With
every number read as its rounding interval, the interval is consistent when some mean and SD
inside their intervals give bounds inside the printed bounds' intervals — a 2-D feasibility
question answered exactly with the separating-axis test. When it fails we search the n that would
fit (after Brown & Heathers' practice of asking which n makes a GRIM failure disappear).
"""

from __future__ import annotations

import math
from functools import cache

from scipy import special

from evidencekit.checks import messages as msg
from evidencekit.checks.context import CheckContext, n_candidates, n_for
from evidencekit.checks.rounding import Interval, interval
from evidencekit.model import Descriptive, Flag, Reported
from evidencekit.vocab import CheckId, Severity

#: Largest n searched for an n that would fit.
FIT_SEARCH_MAX_N = 1000


@cache
def critical_value(n: int, level: float = 0.95, method: str = "t") -> float:
    """c of mean ± c·SD/√n: the t quantile with n − 1 df, or the normal quantile."""
    q = 0.5 + level / 2
    if method == "z":
        return float(special.ndtri(q))
    if n < 2:
        return math.inf
    return float(special.stdtrit(n - 1, q))


def ci_bounds(mean: float, sd: float, n: int, level: float = 0.95, method: str = "t") -> tuple[float, float]:
    """The interval mean ± c·SD/√n."""
    half = critical_value(n, level, method) * sd / math.sqrt(n)
    return mean - half, mean + half


def _overlap(a: tuple[float, float], b: tuple[float, float], eps: float = 1e-9) -> bool:
    return a[0] <= b[1] + eps and b[0] <= a[1] + eps


def _project(points: list[tuple[float, float]], axis: tuple[float, float]) -> tuple[float, float]:
    vals = [x * axis[0] + y * axis[1] for x, y in points]
    return min(vals), max(vals)


def ci_consistent_intervals(mean: Interval, sd: Interval, low: Interval, high: Interval, n: int,
                            level: float = 0.95, method: str = "t") -> bool:
    """Is there a mean m and SD s (inside their intervals) with m − h and m + h (h = c·s/√n)
    inside the printed bounds' intervals? (x = m, y = h; SAT on two convex quadrilaterals.)"""
    a = critical_value(n, level, method) / math.sqrt(n)
    if not math.isfinite(a):
        return False
    box = [(x, y) for x in (mean.low, mean.high) for y in (a * max(0.0, sd.low), a * sd.high)]
    # u = x − y ∈ low, v = x + y ∈ high  →  x = (u + v)/2, y = (v − u)/2
    diamond = [((u + v) / 2, (v - u) / 2) for u in (low.low, low.high) for v in (high.low, high.high)]
    axes = [(1.0, 0.0), (0.0, 1.0), (1.0, -1.0), (1.0, 1.0)]
    return all(_overlap(_project(box, ax), _project(diamond, ax)) for ax in axes)


def ci_consistent(mean: Reported, sd: Reported, n: int, low: Reported, high: Reported,
                  level: float = 0.95, methods: tuple[str, ...] = ("t", "z")) -> bool:
    """Does the printed CI follow from the printed mean, SD and n with any of ``methods``?"""
    ivs = [interval(r) for r in (mean, sd, low, high)]
    return any(ci_consistent_intervals(*ivs, n, level, m) for m in methods)


def ci_fitting_n(mean: Reported, sd: Reported, low: Reported, high: Reported, near: int,
                 candidates: tuple[int, ...] = (), level: float = 0.95) -> list[int]:
    """The sample sizes for which the printed CI follows (paper's own n values first)."""
    fits = [c for c in candidates if c > 1 and c != near and ci_consistent(mean, sd, c, low, high, level)]
    if fits:
        return fits
    return [m for m in range(2, FIT_SEARCH_MAX_N + 1) if ci_consistent(mean, sd, m, low, high, level)]


def check_ci(d: Descriptive, ctx: CheckContext) -> Flag | None:
    """ci_mismatch: a 95% CI of a mean that does not follow from the row's mean, SD and n (t- or
    z-based, every number within its rounding). Error; the message names the n that would fit."""
    n, n_how = n_for(d, ctx)
    if d.ci95 is None or d.mean is None or d.sd is None or not n or n < 2:
        return None
    low, high = d.ci95
    level = ctx.settings.ci_level
    if ci_consistent(d.mean, d.sd, n, low, high, level):
        return None
    comma = msg.uses_comma(d.mean, d.sd, low, high)
    dec = max(low.decimals, high.decimals)
    exp_lo, exp_hi = ci_bounds(d.mean.value, d.sd.value, n, level)
    fits = ci_fitting_n(d.mean, d.sd, low, high, n, n_candidates(ctx), level)
    fit_text = f" The printed interval fits n = {msg.runs(fits)}." if fits else ""
    label = f" ({d.label})" if d.label else ""
    message = (f"With n = {n}{n_how}, mean {msg.shown(d.mean)} and SD {msg.shown(d.sd)}{label}, the 95% CI "
               f"would be {msg.num(exp_lo, dec, comma)}–{msg.num(exp_hi, dec, comma)}, not "
               f"{msg.shown(low)}–{msg.shown(high)}.{fit_text}")
    return Flag(CheckId.CI_MISMATCH, Severity.ERROR, message,
                evidence=(d.span,) if d.span else (), expected_range=(exp_lo, exp_hi),
                reported=None, details={"n": n, "fitting_n": fits,
                                        "reported_ci": [low.value, high.value]})
