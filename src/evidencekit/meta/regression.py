"""Mixed-effects meta-regression (metafor ``rma(yi, vi, mods=...)``).

Our code, on the same estimators as :func:`pool` (τ² by :mod:`evidencekit.meta.estimators` with the
moderators in X): PyMARE's ``meta_regression`` reaches metafor's REML/ML coefficients but not its
DL/HE/SJ with moderators, se(τ²), R², Knapp-Hartung F test or Q-profile interval, so we keep one
code path for all. Agrees with metafor on the bcg ablat/alloc models (tests/meta/test_regression_metafor.py).
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
from scipy import stats

from evidencekit.errors import DataError
from evidencekit.meta.estimators import DEFAULT_CONTROL, Control
from evidencekit.meta.heterogeneity import heterogeneity, tau2_interval
from evidencekit.meta.pool import FIXED_METHODS, Fit, clean, effect_arrays, fit_rma
from evidencekit.meta.results import Coefficient, Effect, ModeratorTest, Prediction, RegressionResult
from evidencekit.meta.wls import intercept


def design_matrix(moderators: Mapping[str, Sequence[float]], k: int, *, add_intercept: bool = True
                  ) -> tuple[np.ndarray, tuple[str, ...]]:
    """X (k × p) and term names from named numeric moderator columns (intercept first)."""
    cols, terms = [], []
    if add_intercept:
        cols.append(np.ones(k))
        terms.append("intrcpt")
    for name, values in moderators.items():
        col = np.asarray(values, float)
        if col.shape != (k,):
            raise DataError(f"moderator {name!r} has {col.size} values for {k} studies.")
        cols.append(col)
        terms.append(name)
    if not cols:
        raise DataError("a meta-regression needs at least one column (moderator or intercept).")
    return np.column_stack(cols), tuple(terms)


def factor_columns(name: str, values: Sequence[object]) -> tuple[tuple[str, ...], dict[str, np.ndarray]]:
    """Dummy columns of a categorical moderator as R's ``factor()``: sorted levels, first = reference."""
    labels = ["" if v is None else str(v) for v in values]
    levels = tuple(sorted(set(labels)))
    dummies = {f"factor({name}){lv}": np.array([lab == lv for lab in labels], float) for lv in levels[1:]}
    return levels, dummies


def moderator_test(fit: Fit, which: Sequence[int]) -> ModeratorTest:
    """Wald test that the coefficients ``which`` are all 0 (χ²; F = χ²/m under Knapp-Hartung)."""
    idx = list(which)
    b = fit.beta[idx]
    vb = fit.vb[np.ix_(idx, idx)]
    qm = float(b @ np.linalg.solve(vb, b))
    m = len(idx)
    if fit.ddf is None:
        return ModeratorTest(qm, (m,), float(stats.chi2.sf(qm, m)), "QM")
    f = qm / m
    return ModeratorTest(f, (m, fit.ddf), float(stats.f.sf(f, m, fit.ddf)), "F")


def _r2(y: np.ndarray, v: np.ndarray, H2: float, tau2: float, *, method: str, level: float,
        control: Control) -> float:
    """Percent of heterogeneity accounted for, against the intercept-only fit (metafor's R²).

    Random effects: (τ²₀ − τ²)/τ²₀. EE/FE (metafor 3.8): the same with H² = Q/df in place of τ².
    """
    k = len(y)
    base = fit_rma(y, v, intercept(k), method=method, test="z", level=level, control=control)
    if method in FIXED_METHODS:
        before, after = heterogeneity(y, v, intercept(k), 0.0, fixed=True).H2, H2
    else:
        before, after = base.tau2, tau2
    return 0.0 if before <= 0 else max(0.0, 100 * (before - after) / before)


def regression_arrays(yi: np.ndarray, vi: np.ndarray, X: np.ndarray, terms: Sequence[str], *,
                      method: str = "REML", test: str = "z", level: float = 0.95, measure: str = "GEN",
                      control: Control = DEFAULT_CONTROL, confint: bool = True) -> RegressionResult:
    """Meta-regression on arrays; X must include the intercept column if one is wanted."""
    yi, vi, X = np.asarray(yi, float), np.asarray(vi, float), np.asarray(X, float)
    ok, notes = clean(yi, vi, X)
    y, v, Xo = yi[ok], vi[ok], X[ok]
    if np.linalg.matrix_rank(Xo) < Xo.shape[1]:
        raise DataError(f"the moderators are collinear (terms {', '.join(terms)}); drop a redundant one.")
    fit = fit_rma(y, v, Xo, method=method, test=test, level=level, control=control)
    stat, pval, lo, hi = fit.stat_p_ci()
    se = fit.se
    coefs = tuple(Coefficient(t, float(b), float(s), float(z), float(pv), float(a), float(c))
                  for t, b, s, z, pv, a, c in zip(terms, fit.beta, se, stat, pval, lo, hi))
    has_intercept = bool(np.all(Xo[:, 0] == 1.0))
    which = range(1, Xo.shape[1]) if has_intercept else range(Xo.shape[1])
    qm = moderator_test(fit, which) if len(which) else ModeratorTest(float("nan"), (0,), float("nan"), "QM")
    fixed = method in FIXED_METHODS
    het = heterogeneity(y, v, Xo, fit.tau2, fixed=fixed)
    r2 = None
    if has_intercept and Xo.shape[1] > 1:
        r2 = _r2(y, v, het.H2, fit.tau2, method=method, level=level, control=control)
    ci = None
    if confint and not fixed and fit.k - fit.p >= 1:
        ci = tau2_interval(y, v, Xo, fit.tau2, level=level, control=control)
    lls = fit.loglik()
    return RegressionResult(
        measure=measure, method=method, test=fit.test, level=level, k=fit.k, coefficients=coefs,
        moderators=qm, tau2=fit.tau2, se_tau2=fit.se_tau2, heterogeneity=het, R2=r2, tau2_ci=ci,
        s2w=fit.s2w, vb=tuple(tuple(float(x) for x in row) for row in fit.vb),
        loglik_ml=float(lls[0]), loglik_reml=float(lls[1]), vi=tuple(v.tolist()),
        notes=tuple(dict.fromkeys(notes + fit.notes)))


def regression(effects: Sequence[Effect], moderators: Mapping[str, Sequence[float]], *, method: str = "REML",
               test: str = "z", level: float = 0.95, control: Control = DEFAULT_CONTROL) -> RegressionResult:
    """Meta-regression of the effects on named numeric moderators (an intercept is added).

    Example: ``regression(effects, {"ablat": latitudes}, method="REML")``.
    """
    yi, vi, measure, _ = effect_arrays(effects)
    X, terms = design_matrix(moderators, len(yi))
    return regression_arrays(yi, vi, X, terms, method=method, test=test, level=level, measure=measure,
                             control=control)


def predict_regression(result: RegressionResult, x: Sequence[float]) -> Prediction:
    """Predicted effect at moderator values ``x`` (without the intercept; metafor ``newmods``)."""
    row = np.array([1.0, *x] if result.coefficients[0].term == "intrcpt" else list(x), float)
    beta = np.array([c.estimate for c in result.coefficients])
    vb = np.array(result.vb)
    pred = float(row @ beta)
    se = float(np.sqrt(row @ vb @ row))
    p = len(beta)
    alpha = 1 - result.level
    crit = (float(stats.t.ppf(1 - alpha / 2, result.k - p)) if result.test == "knha"
            else float(stats.norm.ppf(1 - alpha / 2)))
    lo, hi = pred - crit * se, pred + crit * se
    if result.method in FIXED_METHODS:
        return Prediction(pred, se, lo, hi, None, None)
    half = crit * float(np.sqrt(se**2 + result.tau2))
    return Prediction(pred, se, lo, hi, pred - half, pred + half)


__all__ = ["design_matrix", "factor_columns", "moderator_test", "predict_regression", "regression",
           "regression_arrays"]
