"""Cochran's Q, I², H² and Q-profile confidence intervals for τ², τ, I² and H².

Q-profile (Viechtbauer 2007) as metafor's ``confint.rma.uni`` (type "QP"): the bounds solve
Q(τ²) = χ²_{k−p} quantiles on [0, max(100, 10 τ̂²)]; a bound at the search limit carries "<"/">".
Our code (statsmodels/PyMARE have no Q-profile interval); roots by scipy ``brentq``.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.optimize import brentq

from evidencekit.meta import dist
from evidencekit.meta.estimators import DEFAULT_CONTROL, Control, qgen
from evidencekit.meta.results import Heterogeneity, Interval, Tau2Interval
from evidencekit.meta.wls import Wls

#: metafor's Q-profile search range: [0, max(QP_TAU2_MAX, 10 * tau2)]
QP_TAU2_MAX = 100.0


def heterogeneity(y: np.ndarray, v: np.ndarray, X: np.ndarray, tau2: float, *, fixed: bool) -> Heterogeneity:
    """Q (weights 1/v) on k − p df and metafor's I²/H² (fixed: Q-based; random: τ²-based)."""
    fe = Wls(y, X, 1.0 / v)
    k, p = X.shape
    return heterogeneity_from_q(fe.rss, k - p, fe.tr_P, tau2, fixed=fixed)


def heterogeneity_from_q(Q: float, df: int, tr_P: float, tau2: float, *, fixed: bool) -> Heterogeneity:
    """The same from Q, its df and tr(P) of the common-effect fit (vt = df / tr(P))."""
    Qp = dist.chi2_sf(Q, df) if df > 0 else 1.0
    vt = df / tr_P if df > 0 and tr_P > 0 else math.nan
    if df <= 0:                                        # k = p (e.g. one study): metafor reports 0 and 1
        return Heterogeneity(Q, df, 1.0, 0.0, 1.0, vt)
    if fixed:
        I2 = max(0.0, 100 * (Q - df) / Q) if Q > 0 else 0.0
        H2 = Q / df
    else:
        I2 = 100 * tau2 / (vt + tau2)
        H2 = 1 + tau2 / vt
    return Heterogeneity(Q, df, Qp, I2, H2, vt)


def tau2_interval(y: np.ndarray, v: np.ndarray, X: np.ndarray, tau2: float, *, level: float = 0.95,
                  control: Control = DEFAULT_CONTROL) -> Tau2Interval:
    """Q-profile CI of τ² (and τ, I², H² derived from it by metafor's vt)."""
    k, p = X.shape
    df = k - p
    alpha = 1 - level
    crit_upper = dist.chi2_ppf(1 - alpha / 2, df)     # defines the lower bound of τ²
    crit_lower = dist.chi2_ppf(alpha / 2, df)         # defines the upper bound of τ²
    tau2_max = max(QP_TAU2_MAX, 10 * tau2)
    q = lambda t: qgen(y, v, X, t)                     # noqa: E731 - a named one-liner
    xtol = min(control.tol, 1e-12)
    rtol = 4 * np.finfo(float).eps
    q_min, q_max = q(0.0), q(tau2_max)
    lower_sign = upper_sign = ""
    empty = False
    if q_min < crit_lower:                             # the whole interval lies below 0
        lb = ub = 0.0
        lower_sign = upper_sign = "<"
        empty = True
    else:
        if q_min < crit_upper:
            lb = 0.0
        elif q_max > crit_upper:
            lb, lower_sign = tau2_max, ">"
        else:
            lb = brentq(lambda t: q(t) - crit_upper, 0.0, tau2_max, xtol=xtol, rtol=rtol, maxiter=10000)
        if q_max > crit_lower:
            ub, upper_sign = tau2_max, ">"
        else:
            ub = brentq(lambda t: q(t) - crit_lower, 0.0, tau2_max, xtol=xtol, rtol=rtol, maxiter=10000)
    vt = df / Wls(y, X, 1.0 / v).tr_P

    def i2(t: float) -> float:
        return 100 * t / (vt + t)

    def h2(t: float) -> float:
        return 1 + t / vt

    return Tau2Interval(
        level=level,
        tau2=Interval(tau2, lb, ub),
        tau=Interval(math.sqrt(tau2), math.sqrt(lb), math.sqrt(ub)),
        I2=Interval(i2(tau2), i2(lb), i2(ub)),
        H2=Interval(h2(tau2), h2(lb), h2(ub)),
        lower_sign=lower_sign, upper_sign=upper_sign, empty=empty)


__all__ = ["QP_TAU2_MAX", "heterogeneity", "heterogeneity_from_q", "tau2_interval"]
