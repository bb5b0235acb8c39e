"""Sensitivity analyses of a pooled result: leave-one-out, influence diagnostics, cumulative.

As metafor's ``leave1out``, ``influence`` and ``cumul`` on an rma.uni fit (same method, test,
level and control as the fit). Influence follows Viechtbauer & Cheung (2010): externally
studentised residuals, DFFITS, Cook's distance, covariance ratio, leverage (hat), weight and
DFBETAS; a study is flagged influential when |DFFITS| > 3 sqrt(p/(k − p)), the χ²_p cdf of its
Cook's distance exceeds 0.5, hat > 3p/k, or |DFBETAS| > 1 (metafor's rule).
Our code: statsmodels/PyMARE have no influence diagnostics for meta-analysis.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import stats

from evidencekit.errors import DataError
from evidencekit.meta.estimators import DEFAULT_CONTROL, Control
from evidencekit.meta.heterogeneity import heterogeneity
from evidencekit.meta.pool import FIXED_METHODS, Fit, fit_rma
from evidencekit.meta.results import MetaResult, StudyTable
from evidencekit.meta.wls import Wls, intercept

SUMMARY_COLUMNS = ("estimate", "se", "stat", "pval", "ci_lower", "ci_upper", "Q", "Qp", "tau2", "I2", "H2")


def _arrays(result: MetaResult) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(result.yi, float), np.asarray(result.vi, float)


def _fit(result: MetaResult, y: np.ndarray, v: np.ndarray, control: Control) -> Fit:
    return fit_rma(y, v, intercept(len(y)), method=result.method, test=result.test, level=result.level,
                   control=control)


def _summary_row(fit: Fit) -> tuple[float, ...]:
    stat, pval, lo, hi = fit.stat_p_ci()
    het = heterogeneity(fit.y, fit.v, fit.X, fit.tau2, fixed=fit.method in FIXED_METHODS)
    return (float(fit.beta[0]), float(fit.se[0]), float(stat[0]), float(pval[0]), float(lo[0]), float(hi[0]),
            het.Q, het.p, fit.tau2, het.I2, het.H2)


def _table(kind: str, result: MetaResult, studies: list[str], rows: list[tuple[float, ...]],
           names: tuple[str, ...] = SUMMARY_COLUMNS, notes: tuple[str, ...] = ()) -> StudyTable:
    cols = {name: tuple(r[j] for r in rows) for j, name in enumerate(names)}
    return StudyTable(kind, tuple(studies), cols, result.method, notes)


def leave_one_out(result: MetaResult, *, control: Control = DEFAULT_CONTROL) -> StudyTable:
    """Refit without each study in turn (row i: study i left out)."""
    y, v = _arrays(result)
    if len(y) < 2:
        raise DataError("leave-one-out needs at least 2 studies.")
    rows = []
    for i in range(len(y)):
        keep = np.arange(len(y)) != i
        rows.append(_summary_row(_fit(result, y[keep], v[keep], control)))
    return _table("leave1out", result, list(result.labels), rows)


def cumulative(result: MetaResult, order: list[int] | None = None, *,
               control: Control = DEFAULT_CONTROL) -> StudyTable:
    """Cumulative meta-analysis: fit on the first 1, 2, …, k studies (data order, or ``order``)."""
    y, v = _arrays(result)
    idx = list(range(len(y))) if order is None else list(order)
    if sorted(idx) != list(range(len(y))):
        raise DataError("`order` must be a permutation of the study positions 0..k-1.")
    rows = [_summary_row(_fit(result, y[idx[: j + 1]], v[idx[: j + 1]], control)) for j in range(len(idx))]
    return _table("cumul", result, [result.labels[i] for i in idx], rows)


INFLUENCE_COLUMNS = ("rstudent", "dffits", "cook_d", "cov_r", "tau2_del", "QE_del", "hat", "weight",
                     "dfbetas", "influential")


def influence(result: MetaResult, *, control: Control = DEFAULT_CONTROL) -> StudyTable:
    """Case-deletion diagnostics of each study (metafor ``influence.rma.uni``)."""
    y, v = _arrays(result)
    k, p = len(y), 1
    if k < 2:
        raise DataError("influence diagnostics need at least 2 studies.")
    full = _fit(result, y, v, control)
    hat = full.wls.hat
    weight = 100 * full.wls.w / full.wls.sum_w
    beta, vb = float(full.beta[0]), float(full.vb[0, 0])
    rows = []
    for i in range(k):
        keep = np.arange(k) != i
        dele = _fit(result, y[keep], v[keep], control)
        b_del, vb_del, t2_del = float(dele.beta[0]), float(dele.vb[0, 0]), dele.tau2
        qe_del = Wls(y[keep], intercept(k - 1), 1.0 / v[keep]).rss
        resid = y[i] - b_del
        rstudent = resid / math.sqrt(v[i] + t2_del + vb_del)
        dffits = (beta - b_del) / math.sqrt(hat[i] * (t2_del + v[i]))
        cook = (beta - b_del) ** 2 / vb
        cov_r = vb_del / vb
        vb_at_del = _vb_at_tau2(full, t2_del)
        dfbetas = (beta - b_del) / math.sqrt(vb_at_del)
        rows.append((rstudent, dffits, cook, cov_r, t2_del, qe_del, float(hat[i]), float(weight[i]), dfbetas))
    out = []
    for r in rows:
        rstudent, dffits, cook, cov_r, t2_del, qe_del, h, wt, dfb = r
        infl = bool(abs(dffits) > 3 * math.sqrt(p / (k - p)) or stats.chi2.cdf(cook, p) > 0.5
                    or h > 3 * p / k or abs(dfb) > 1)
        out.append((*r, infl))
    return _table("influence", result, list(result.labels), out, INFLUENCE_COLUMNS)


def _vb_at_tau2(full: Fit, tau2: float) -> float:
    """Var(β̂) of the full data with τ² fixed at ``tau2`` (metafor's DFBETAS denominator)."""
    w = 1.0 / (full.v + tau2)
    var = 1.0 / float(w.sum())
    if full.test == "knha":
        var *= Wls(full.y, full.X, w).rss / (full.k - full.p)
    return var


__all__ = ["INFLUENCE_COLUMNS", "SUMMARY_COLUMNS", "cumulative", "influence", "leave_one_out"]
