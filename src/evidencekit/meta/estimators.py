"""Estimators of the between-study variance τ², written as metafor 3.8-1 writes them (rma.uni).

Why our own code: statsmodels offers DL and PM (``combine_effects``) but no REML/ML/EB/SJ/HS/HE,
and neither it nor PyMARE reproduces metafor's standard errors of τ², its Fisher-scoring stopping
rule or its estimators with moderators. We follow metafor's formulas (with P computed by
:mod:`evidencekit.meta.wls`, never as a k × k matrix) and its iteration:

* ML/REML/EB — Fisher scoring from the HE estimate (truncated at 0), step-halving at τ² = 0, stop
  when the change is below ``Control.threshold`` (metafor's default 1e-5; ``TIGHT`` gives 1e-12).
  With the default control our numbers reproduce metafor's printed (default-control) output.
* PM — the root of the generalised Q(τ²) = k − p on [0, τ²_max] (scipy ``brentq``).
* DL, HE, HS, SJ — closed form (SJ from metafor's default start var(y)(k − 1)/k).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

from evidencekit.errors import DataError
from evidencekit.meta.wls import Wls


@dataclass(frozen=True, slots=True)
class Control:
    """Convergence settings, named and defaulted as metafor's ``control`` list.

    ``threshold`` stops Fisher scoring (ML, REML, EB); ``tol`` is the root-finding tolerance (PM,
    Q-profile CIs); ``tau2_max`` starts the PM search (extended upwards when the root lies above).
    """

    threshold: float = 1e-5
    tol: float = float(np.finfo(float).eps ** 0.25)
    maxiter: int = 100
    tau2_max: float = 100.0

    def __post_init__(self) -> None:
        if not (self.threshold > 0 and self.tol > 0 and self.maxiter > 0 and self.tau2_max > 0):
            raise ValueError(f"control settings must be positive; got {self}")


#: metafor's defaults: reproduces what metafor prints
DEFAULT_CONTROL = Control()
#: the anchors' tight settings: control=list(threshold=1e-12, tol=1e-12, maxiter=10000)
TIGHT = Control(threshold=1e-12, tol=1e-12, maxiter=10000)


@dataclass(frozen=True, slots=True)
class Tau2Estimate:
    tau2: float
    se_tau2: float | None
    iterations: int = 0
    notes: tuple[str, ...] = ()


def qgen(y: np.ndarray, v: np.ndarray, X: np.ndarray, tau2: float) -> float:
    """Generalised Cochran Q at τ²: Σ (y − Xβ̂(τ²))² / (v + τ²)."""
    return Wls(y, X, 1.0 / (v + tau2)).rss


def _he(y: np.ndarray, v: np.ndarray, X: np.ndarray) -> tuple[float, Wls]:
    ols = Wls(y, X, np.ones_like(y))
    return (ols.rss - ols.tr_PV(v)) / (ols.k - ols.p), ols


def estimate_tau2(y: np.ndarray, v: np.ndarray, X: np.ndarray, method: str,
                  control: Control = DEFAULT_CONTROL) -> Tau2Estimate:
    """τ² and its standard error by ``method`` (see the module docstring)."""
    k, p = X.shape
    if method in ("EE", "FE"):
        return Tau2Estimate(0.0, None)
    if k - p < 1:
        raise DataError(f"{method} needs more studies than coefficients (k = {k}, p = {p}).")
    if method == "DL":
        fe = Wls(y, X, 1.0 / v)
        t2 = max(0.0, (fe.rss - (k - p)) / fe.tr_P)
        se = math.sqrt((2 * (k - p) + 4 * t2 * fe.tr_P + 2 * t2**2 * fe.tr_PP) / fe.tr_P**2)
        return Tau2Estimate(t2, se)
    if method == "HE":
        raw, ols = _he(y, v, X)
        t2 = max(0.0, raw)
        se = math.sqrt((2 * ols.tr_PVPV(v) + 4 * t2 * ols.tr_PV(v) + 2 * t2**2 * (k - p)) / (k - p) ** 2)
        return Tau2Estimate(t2, se)
    if method == "HS":
        fe = Wls(y, X, 1.0 / v)
        t2 = max(0.0, (fe.rss - k) / fe.sum_w)
        se = math.sqrt((2 * (k - p) + 4 * t2 * fe.tr_P + 2 * t2**2 * fe.tr_PP) / fe.sum_w**2)
        return Tau2Estimate(t2, se)
    if method == "SJ":
        t0 = float(np.var(y, ddof=1) * (k - 1) / k)
        fit0 = Wls(y, X, 1.0 / (v + t0))
        t2 = t0 * fit0.rss / (k - p)
        se = math.sqrt(t0**2 / (k - p) ** 2 * (2 * fit0.tr_PVPV(v) + 4 * t2 * fit0.tr_VPP(v)
                                                 + 2 * t2**2 * fit0.tr_PP))
        return Tau2Estimate(t2, se)
    if method == "PM":
        t2, notes = _paule_mandel(y, v, X, control)
        fit = Wls(y, X, 1.0 / (v + t2))
        return Tau2Estimate(t2, math.sqrt(2 * k**2 / (k - p) / fit.sum_w**2), notes=notes)
    if method in ("ML", "REML", "EB"):
        return _fisher_scoring(y, v, X, method, control)
    raise DataError(f"unknown method {method!r}; choose one of EE, FE, DL, REML, ML, PM, SJ, HE, HS, EB")


def _paule_mandel(y: np.ndarray, v: np.ndarray, X: np.ndarray, control: Control) -> tuple[float, tuple[str, ...]]:
    k, p = X.shape
    target = k - p
    if qgen(y, v, X, 0.0) < target:
        return 0.0, ()
    upper = control.tau2_max
    while qgen(y, v, X, upper) > target:               # extend the search upwards, as uniroot's extendInt
        upper *= 10
        if upper > 1e15:
            raise DataError("the Paule-Mandel equation has no root below 1e15; check the variances (vi).")
    root = brentq(lambda t: qgen(y, v, X, t) - target, 0.0, upper, xtol=min(control.tol, 1e-12),
                  rtol=4 * np.finfo(float).eps, maxiter=max(control.maxiter, 100))
    return float(root), ()


def _fisher_scoring(y: np.ndarray, v: np.ndarray, X: np.ndarray, method: str,
                    control: Control) -> Tau2Estimate:
    """metafor's Fisher scoring for ML, REML and EB (start: HE truncated at 0; step-halving at 0)."""
    k, p = X.shape
    he, _ = _he(y, v, X)
    tau2 = max(0.0, he)
    change = control.threshold + 1
    iterations = 0
    notes: tuple[str, ...] = ()
    while change > control.threshold:
        iterations += 1
        old = tau2
        fit = Wls(y, X, 1.0 / (v + tau2))
        if method == "ML":
            adj = (fit.yPPy - fit.sum_w) / float((fit.w**2).sum())
        elif method == "REML":
            adj = (fit.yPPy - fit.tr_P) / fit.tr_PP
        else:                                             # EB (Morris 1983)
            adj = (fit.rss * k / (k - p) - k) / fit.sum_w
        while tau2 + adj < 0.0:                          # step-halving keeps τ² ≥ 0
            adj /= 2
        tau2 = tau2 + adj
        change = abs(old - tau2)
        if iterations > control.maxiter:
            notes = (f"{method}: Fisher scoring did not converge in {control.maxiter} iterations.",)
            break
    tau2 = max(0.0, tau2)
    fit = Wls(y, X, 1.0 / (v + tau2))
    if method == "ML":
        se = math.sqrt(2 / float((fit.w**2).sum()))
    elif method == "REML":
        se = math.sqrt(2 / fit.tr_PP)
    else:
        se = math.sqrt(2 * k**2 / (k - p) / fit.sum_w**2)
    return Tau2Estimate(tau2, se, iterations, notes)


__all__ = ["Control", "DEFAULT_CONTROL", "TIGHT", "Tau2Estimate", "estimate_tau2", "qgen"]
