"""Small-study effects and publication bias: Egger's regression test, Begg's rank correlation,
Duval & Tweedie trim-and-fill (L0, R0) — as metafor's ``regtest``, ``ranktest`` and ``trimfill``.

* :func:`regtest` — ``model="rma"`` (default): a mixed-effects meta-regression of yi on the
  standard error with the fit's estimator; ``model="lm"``: classic Egger, weighted least squares
  ``lm(yi ~ sei, weights = 1/vi)`` with t on k − 2 df.
* :func:`ranktest` — Kendall's τ between standardised deviations from the common-effect estimate,
  (yi − μ̂)/sqrt(vi − Var μ̂), and vi; exact p for k < 50 without ties, normal approximation with tie
  correction otherwise (R's ``cor.test``).
* :func:`trimfill` — side from the sign of the slope of yi on sqrt(vi); iterate trimming with the
  fit's estimator; impute mirror images; refit.

Our code: statsmodels/PyMARE offer none of these tests.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
from scipy import stats

from evidencekit.errors import DataError
from evidencekit.meta.estimators import DEFAULT_CONTROL, Control
from evidencekit.meta.pool import fit_rma, pool_arrays
from evidencekit.meta.regression import regression_arrays
from evidencekit.meta.results import BiasTest, Coefficient, MetaResult, TrimFillResult
from evidencekit.meta.wls import intercept

#: R's cor.test uses the exact Kendall distribution below this k (when there are no ties)
KENDALL_EXACT_BELOW = 50
TRIMFILL_MAXITER = 100


def regtest(result: MetaResult, *, model: str = "rma", control: Control = DEFAULT_CONTROL) -> BiasTest:
    """Egger-type regression test for funnel-plot asymmetry (predictor: the standard error)."""
    y, v = np.asarray(result.yi), np.asarray(result.vi)
    k = len(y)
    if k < 2 or (k < 3 and model == "rma"):
        raise DataError(f"the regression test with model={model!r} needs at least {3 if model == 'rma' else 2} "
                        f"studies (k = {k}): a meta-regression on the SE has 2 coefficients plus τ².")
    sei = np.sqrt(v)
    X = np.column_stack([np.ones(k), sei])
    if model == "rma":
        reg = regression_arrays(y, v, X, ("intrcpt", "sei"), method=result.method, test=result.test,
                                level=result.level, measure=result.measure, control=control, confint=False)
        slope, icpt = reg.coefficients[1], reg.coefficients[0]
        return BiasTest("regtest", slope.stat, "t" if result.test == "knha" else "z", slope.pval,
                        df=k - 2 if result.test == "knha" else None, limit_estimate=icpt.estimate,
                        limit_ci_lower=icpt.ci_lower, limit_ci_upper=icpt.ci_upper,
                        coefficients=reg.coefficients, tau2=reg.tau2, notes=reg.notes)
    if model != "lm":
        raise DataError(f"unknown regtest model {model!r}; choose 'rma' or 'lm'.")
    return _egger_lm(y, v, X, result.level)


def _egger_lm(y: np.ndarray, v: np.ndarray, X: np.ndarray, level: float) -> BiasTest:
    """Classic Egger: weighted least squares with the residual variance estimated (t, k − 2 df)."""
    k = len(y)
    w = 1.0 / v
    xtwx = (X * w[:, None]).T @ X
    beta = np.linalg.solve(xtwx, (X * w[:, None]).T @ y)
    resid = y - X @ beta
    df = k - 2
    with np.errstate(divide="ignore", invalid="ignore"):
        sigma2 = float(w @ resid**2) / df if df > 0 else math.nan
        se = np.sqrt(np.diag(np.linalg.inv(xtwx)) * sigma2)
        tval = beta / se
    pval = 2 * stats.t.sf(np.abs(tval), df) if df > 0 else np.full(2, math.nan)
    crit = float(stats.t.ppf(1 - (1 - level) / 2, df)) if df > 0 else math.nan
    coefs = tuple(Coefficient(t, float(b), float(s), float(z), float(p), float(b - crit * s), float(b + crit * s))
                  for t, b, s, z, p in zip(("intrcpt", "sei"), beta, se, tval, pval))
    notes = ("k = 2: the line fits exactly, so the test has 0 df and no p-value (as metafor: NaN).",) if df == 0 else ()
    return BiasTest("regtest_lm", float(tval[1]), "t", float(pval[1]), df=df, limit_estimate=float(beta[0]),
                    limit_ci_lower=coefs[0].ci_lower, limit_ci_upper=coefs[0].ci_upper, coefficients=coefs,
                    notes=notes)


def ranktest(result: MetaResult) -> BiasTest:
    """Begg & Mazumdar rank correlation test (Kendall's τ; R's ``cor.test`` p-value)."""
    y, v = np.asarray(result.yi), np.asarray(result.vi)
    k = len(y)
    if k < 2:
        raise DataError(f"the rank correlation test needs at least 2 studies (k = {k}).")
    fe = fit_rma(y, v, intercept(k), method="FE")
    beta, vb = float(fe.beta[0]), float(fe.vb[0, 0])
    ystar = (y - beta) / np.sqrt(v - vb)
    if np.ptp(ystar) < 1e-12 * max(1.0, float(np.abs(ystar).max())) or np.ptp(v) == 0:
        return BiasTest("ranktest", None, "tau", None,
                        notes=("the standardised effects (or the variances) do not vary: Kendall's τ is undefined.",))
    ties = len(np.unique(ystar)) < k or len(np.unique(v)) < k
    exact = k < KENDALL_EXACT_BELOW and not ties
    res = stats.kendalltau(ystar, v, method="exact" if exact else "asymptotic")
    notes = () if exact else (("ties present: p from the normal approximation.",) if ties else ())
    return BiasTest("ranktest", float(res.statistic), "tau", float(res.pvalue), notes=notes)


def _trim_side(y: np.ndarray, v: np.ndarray, method: str, control: Control) -> str:
    X = np.column_stack([np.ones(len(y)), np.sqrt(v)])
    slope = float(fit_rma(y, v, X, method=method, control=control).beta[1])
    return "right" if slope < 0 else "left"


def trimfill(result: MetaResult, *, estimator: str = "L0", side: str | None = None,
             control: Control = DEFAULT_CONTROL) -> TrimFillResult:
    """Duval & Tweedie trim-and-fill with the L0 or R0 estimator of the number of missing studies."""
    if estimator not in ("L0", "R0"):
        raise DataError(f"unknown trim-and-fill estimator {estimator!r}; choose 'L0' or 'R0'.")
    y0, v0 = np.asarray(result.yi, float), np.asarray(result.vi, float)
    k = len(y0)
    if k < 3:
        raise DataError(f"trim-and-fill needs at least 3 studies (k = {k}).")
    side = side or _trim_side(y0, v0, result.method, control)
    if side not in ("left", "right"):
        raise DataError(f"side must be 'left' or 'right'; got {side!r}")
    if np.ptp(y0) <= 1e-12 * max(1.0, float(np.abs(y0).max())):
        raise DataError("trim-and-fill is undefined when all effects are identical (metafor: "
                        "'did not converge'); there is no asymmetry to correct.")
    sign = -1.0 if side == "right" else 1.0
    order = np.argsort(sign * y0, kind="stable")
    y, v = sign * y0[order], v0[order]
    k0, k0_prev, it = 0, -1, 0
    beta, se_k0, raw = 0.0, math.nan, 0.0
    while k0 != k0_prev:
        k0_prev = k0
        it += 1
        if it > TRIMFILL_MAXITER:
            raise DataError("trim-and-fill did not converge; the data may be too few or too homogeneous.")
        fit = fit_rma(y[: k - k0], v[: k - k0], intercept(k - k0), method=result.method, control=control)
        beta = float(fit.beta[0])
        centred = y - beta
        ranks = stats.rankdata(np.abs(centred), method="ordinal")
        signed = np.sign(centred) * ranks
        if estimator == "R0":
            neg = signed[signed < 0]
            raw = (k - (float(np.max(-neg)) if neg.size else 0.0)) - 1
            se_k0 = math.sqrt(2 * max(0.0, raw) + 2)
        else:
            sr = float(signed[signed > 0].sum())
            raw = (4 * sr - k * (k + 1)) / (2 * k - 1)
            var_sr = (k * (k + 1) * (2 * k + 1) + 10 * raw**3 + 27 * raw**2 + 17 * raw - 18 * k * raw**2
                      - 18 * k * raw + 6 * k**2 * raw) / 24
            se_k0 = 4 * math.sqrt(var_sr) / (2 * k - 1) if var_sr >= 0 else math.nan
        k0 = max(0, int(_round_half_even(raw)))
    p_k0 = 0.5 ** (k0 + 1) if estimator == "R0" else None
    filled_y = sign * (2 * beta - y[k - k0:]) if k0 else np.array([])
    filled_v = v[k - k0:] if k0 else np.array([])
    studies = list(result.labels) + [f"filled {i + 1}" for i in range(k0)]
    refit = pool_arrays(np.concatenate([y0, filled_y]), np.concatenate([v0, filled_v]), method=result.method,
                        test=result.test, level=result.level, measure=result.measure, studies=studies,
                        control=control)
    notes = (f"trim-and-fill ({estimator}) imputed {k0} studies on the {side} side.",)
    refit = replace(refit, notes=refit.notes + notes)
    return TrimFillResult(estimator, side, k0, se_k0, p_k0, tuple(float(x) for x in filled_y),
                          tuple(float(x) for x in filled_v), refit, notes)


def _round_half_even(x: float) -> float:
    """R's round(): IEC 60559 half to even (as Python's round)."""
    return float(round(x))


__all__ = ["ranktest", "regtest", "trimfill"]
