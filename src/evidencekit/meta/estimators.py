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


#: Fisher scoring whose steps still grow after this many iterations is abandoned for root finding
DIVERGENCE_CHECK_AFTER = 50

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


def _score(method: str, fit: Wls, k: int, p: int) -> float:
    """Numerator of the Fisher-scoring step: the estimating equation of ``method`` at the fit's τ²."""
    if method == "ML":
        return fit.yPPy - fit.sum_w
    if method == "REML":
        return fit.yPPy - fit.tr_P
    return fit.rss * k / (k - p) - k                   # EB (Morris 1983)


def _information(method: str, fit: Wls) -> float:
    if method == "ML":
        return float((fit.w**2).sum())
    if method == "REML":
        return fit.tr_PP
    return fit.sum_w


def _fisher_scoring(y: np.ndarray, v: np.ndarray, X: np.ndarray, method: str,
                    control: Control) -> Tau2Estimate:
    """metafor's Fisher scoring for ML, REML and EB (start: HE truncated at 0; step-halving at 0).

    Where Fisher scoring oscillates without converging (metafor then stops with an error), we solve
    the same estimating equation by bracketed root finding instead, and say so in the notes.
    """
    k, p = X.shape
    he, _ = _he(y, v, X)
    tau2 = max(0.0, he)
    iterations = 0
    notes: tuple[str, ...] = ()
    converged = False
    changes: list[float] = []
    while iterations < control.maxiter:
        iterations += 1
        old = tau2
        fit = Wls(y, X, 1.0 / (v + tau2))
        adj = _score(method, fit, k, p) / _information(method, fit)
        while tau2 + adj < 0.0:                          # step-halving keeps τ² ≥ 0
            adj /= 2
        tau2 = tau2 + adj
        changes.append(abs(old - tau2))
        if changes[-1] <= control.threshold:
            converged = True
            break
        if iterations >= DIVERGENCE_CHECK_AFTER and changes[-1] >= changes[-3]:
            break                                        # oscillating with growing steps: it will not converge
    if not converged:
        tau2 = _score_root(y, v, X, method, control)
        notes = (f"{method}: Fisher scoring did not converge ({iterations} iterations); τ² solved "
                 "from the same estimating equation by root finding.",)
    tau2 = max(0.0, tau2)
    fit = Wls(y, X, 1.0 / (v + tau2))
    if method == "ML":
        se = math.sqrt(2 / float((fit.w**2).sum()))
    elif method == "REML":
        se = math.sqrt(2 / fit.tr_PP)
    else:
        se = math.sqrt(2 * k**2 / (k - p) / fit.sum_w**2)
    return Tau2Estimate(tau2, se, iterations, notes)


def _score_root(y: np.ndarray, v: np.ndarray, X: np.ndarray, method: str, control: Control) -> float:
    """The largest-bracket root of the estimating equation on [0, ∞) (0 when it is negative at 0)."""
    k, p = X.shape

    def score(t: float) -> float:
        return _score(method, Wls(y, X, 1.0 / (v + t)), k, p)

    if score(0.0) <= 0:
        return 0.0
    upper = max(control.tau2_max, 1.0)
    while score(upper) > 0:
        upper *= 10
        if upper > 1e15:
            raise DataError(f"the {method} equation for τ² has no root below 1e15; check the variances (vi).")
    return float(brentq(score, 0.0, upper, xtol=min(control.tol, 1e-12), rtol=4 * np.finfo(float).eps,
                        maxiter=1000))


__all__ = ["Control", "DEFAULT_CONTROL", "TIGHT", "Tau2Estimate", "estimate_tau2", "qgen"]
