"""Inverse-variance pooling (metafor ``rma.uni``): common effect and random effects, z or Knapp-Hartung.

Front door: :func:`pool` on :class:`Effect` objects, :func:`pool_arrays` on numpy arrays (the
vectorised core; O(k) for an intercept-only model, so k = 100,000 takes milliseconds).

Agrees with metafor 3.8-1 to 1e-6 and better (tests/meta/test_pool_metafor.py, against
../shared/anchors/metafor). τ² comes from :mod:`evidencekit.meta.estimators` (our code: statsmodels
has only DL/PM and neither it nor PyMARE gives metafor's se(τ²), Q-profile CIs or Knapp-Hartung
without truncation); the rest is weighted least squares.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from scipy import stats

from evidencekit.errors import DataError
from evidencekit.meta.estimators import DEFAULT_CONTROL, Control, estimate_tau2
from evidencekit.meta.heterogeneity import heterogeneity, tau2_interval
from evidencekit.meta.prediction import predict
from evidencekit.meta.results import TAU2_METHODS, TESTS, Effect, MetaResult
from evidencekit.meta.wls import Wls, intercept

FIXED_METHODS = ("EE", "FE")
LOG_2PI = math.log(2 * math.pi)


def check_options(method: str, test: str, level: float) -> None:
    """Vocabularies first (as metafor): an error names the allowed values."""
    if method not in TAU2_METHODS:
        raise DataError(f"unknown method {method!r}; choose one of {', '.join(TAU2_METHODS)}")
    if test not in TESTS:
        raise DataError(f"unknown test {test!r}; choose 'z' or 'knha' (Hartung-Knapp-Sidik-Jonkman)")
    if not 0 < level < 1:
        raise DataError(f"level must lie in (0, 1), e.g. 0.95; got {level!r}")


def clean(yi: np.ndarray, vi: np.ndarray, *extra: np.ndarray) -> tuple[np.ndarray, tuple[str, ...]]:
    """Mask of usable rows (finite yi and vi) and a note when rows were dropped; bad vi raise."""
    yi, vi = np.asarray(yi, float), np.asarray(vi, float)
    if yi.shape != vi.shape or yi.ndim != 1:
        raise DataError(f"yi and vi must be 1-d of equal length; got {yi.shape} and {vi.shape}")
    ok = np.isfinite(yi) & np.isfinite(vi)
    for e in extra:
        ok &= np.isfinite(e) if e.ndim == 1 else np.all(np.isfinite(e), axis=1)
    notes: tuple[str, ...] = ()
    if not ok.all():
        notes = (f"{int((~ok).sum())} studies with missing values omitted from model fitting.",)
    if np.any(vi[ok] < 0):
        raise DataError("sampling variances (vi) must not be negative; check the variance column.")
    if ok.sum() == 0:
        raise DataError("no study has both an effect (yi) and a variance (vi); nothing to pool.")
    return ok, notes


@dataclass
class Fit:
    """The internals of one rma fit, shared by pool(), regression and the sensitivity analyses."""

    y: np.ndarray
    v: np.ndarray
    X: np.ndarray
    method: str
    test: str
    level: float
    tau2: float
    se_tau2: float | None
    beta: np.ndarray
    vb: np.ndarray
    s2w: float
    ddf: int | None
    crit: float
    wls: Wls
    iterations: int
    notes: tuple[str, ...]

    @property
    def k(self) -> int:
        return len(self.y)

    @property
    def p(self) -> int:
        return self.X.shape[1]

    @property
    def se(self) -> np.ndarray:
        return np.sqrt(np.diag(self.vb))

    def stat_p_ci(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        se = self.se
        with np.errstate(divide="ignore", invalid="ignore"):
            stat = self.beta / se
        stat = np.where((se == 0) & (self.beta == 0), np.nan, stat)
        if self.ddf is None:
            pval = 2 * stats.norm.sf(np.abs(stat))
        else:
            pval = 2 * stats.t.sf(np.abs(stat), self.ddf)
        return stat, pval, self.beta - self.crit * se, self.beta + self.crit * se

    def loglik(self) -> tuple[float, float]:
        """(ML, REML) log-likelihoods at the fitted τ², as metafor's ``fit.stats``."""
        w = self.wls
        vt = self.v + self.tau2
        ml = -0.5 * self.k * LOG_2PI - 0.5 * float(np.log(vt).sum()) - 0.5 * w.rss
        sign, logdet_xx = np.linalg.slogdet(self.X.T @ self.X)
        reml = (-0.5 * (self.k - self.p) * LOG_2PI + 0.5 * logdet_xx - 0.5 * float(np.log(vt).sum())
                - 0.5 * w.logdet_xtwx() - 0.5 * w.rss)
        return ml, reml


def fit_rma(y: np.ndarray, v: np.ndarray, X: np.ndarray, *, method: str = "REML", test: str = "z",
            level: float = 0.95, control: Control = DEFAULT_CONTROL) -> Fit:
    """Fit rma.uni on clean arrays (no NaN); X is k × p (a column of ones for no moderators)."""
    check_options(method, test, level)
    k, p = X.shape
    notes: list[str] = []
    if k < p:
        raise DataError(f"{k} studies cannot estimate {p} coefficients; add studies or drop moderators.")
    if k == p and method not in FIXED_METHODS:
        notes.append(f"k = {k}: τ² cannot be estimated with {p} coefficient(s); set to 0 (common effect).")
        t2, se_t2, iterations = 0.0, None, 0
    else:
        est = estimate_tau2(y, v, X, method, control)
        t2, se_t2, iterations = est.tau2, est.se_tau2, est.iterations
        notes.extend(est.notes)
    if test == "knha" and k - p < 1:
        notes.append(f"k = {k}: Knapp-Hartung needs k > p; used the z test.")
        test = "z"
    with np.errstate(divide="ignore"):
        w = 1.0 / (v + t2)
    if not np.all(np.isfinite(w)):
        raise DataError("a study has zero variance and τ² = 0, so its weight is infinite; "
                        "check for vi = 0 (e.g. a zero SD) in the data.")
    wls = Wls(y, X, w)
    vb = wls.M.copy()
    s2w, ddf = 1.0, None
    if test == "knha":
        s2w = wls.rss / (k - p)
        vb = vb * s2w
        ddf = k - p
        crit = float(stats.t.ppf(1 - (1 - level) / 2, ddf))
    else:
        crit = float(stats.norm.ppf(1 - (1 - level) / 2))
    return Fit(y, v, X, method, test, level, t2, se_t2, wls.beta, vb, s2w, ddf, crit, wls, iterations,
               tuple(notes))


def pool_arrays(yi: Sequence[float] | np.ndarray, vi: Sequence[float] | np.ndarray, *, method: str = "REML",
                test: str = "z", level: float = 0.95, measure: str = "GEN",
                studies: Sequence[str] | None = None, control: Control = DEFAULT_CONTROL,
                confint: bool = True) -> MetaResult:
    """Pool effect sizes given as arrays (metafor ``rma(yi, vi, method=, test=, level=)``).

    ``confint=False`` skips the Q-profile interval of τ² (the only part that needs root finding).
    """
    check_options(method, test, level)
    yi, vi = np.asarray(yi, float), np.asarray(vi, float)
    ok, notes = clean(yi, vi)
    labels = list(studies) if studies is not None else [f"study {i + 1}" for i in range(len(yi))]
    y, v = yi[ok], vi[ok]
    fit = fit_rma(y, v, intercept(len(y)), method=method, test=test, level=level, control=control)
    return result_from_fit(fit, measure=measure, studies=[s for s, keep in zip(labels, ok) if keep],
                           notes=notes + fit.notes, control=control, confint=confint)


def result_from_fit(fit: Fit, *, measure: str, studies: Sequence[str], notes: tuple[str, ...] = (),
                    control: Control = DEFAULT_CONTROL, confint: bool = True) -> MetaResult:
    """Package an intercept-only :class:`Fit` as a :class:`MetaResult`."""
    fixed = fit.method in FIXED_METHODS
    stat, pval, lo, hi = fit.stat_p_ci()
    het = heterogeneity(fit.y, fit.v, fit.X, fit.tau2, fixed=fixed)
    ci = None
    if confint and not fixed and fit.k - fit.p >= 1:
        ci = tau2_interval(fit.y, fit.v, fit.X, fit.tau2, level=fit.level, control=control)
    ml, reml = fit.loglik()
    w = fit.wls.w
    return MetaResult(
        measure=measure, method=fit.method, test=fit.test, level=fit.level, k=fit.k,
        estimate=float(fit.beta[0]), se=float(fit.se[0]), stat=float(stat[0]),
        stat_name="t" if fit.ddf is not None else "z", ddf=fit.ddf, pval=float(pval[0]),
        ci_lower=float(lo[0]), ci_upper=float(hi[0]), tau2=fit.tau2, se_tau2=fit.se_tau2,
        heterogeneity=het, tau2_ci=ci,
        prediction=predict(fit, kind="metafor"), prediction_riley=predict(fit, kind="riley"),
        weights=tuple(float(x) for x in 100 * w / w.sum()), studies=tuple(str(s) for s in studies),
        yi=tuple(float(x) for x in fit.y), vi=tuple(float(x) for x in fit.v), s2w=fit.s2w,
        loglik=reml if fit.method == "REML" else ml, loglik_ml=ml, loglik_reml=reml,
        iterations=fit.iterations, notes=tuple(dict.fromkeys(notes)))


def effect_arrays(effects: Sequence[Effect]) -> tuple[np.ndarray, np.ndarray, str, list[str]]:
    """yi, vi, the common measure and the study labels of a list of effects (one measure only)."""
    if not effects:
        raise DataError("no effects to pool; compute effect sizes first (meta.escalc or meta.from_records).")
    measures = sorted({e.measure for e in effects})
    if len(measures) > 1:
        raise DataError(f"effects on different scales cannot be pooled together: {', '.join(measures)}. "
                        "Convert them to one measure first.")
    yi = np.fromiter((e.yi for e in effects), float, len(effects))
    vi = np.fromiter((e.vi for e in effects), float, len(effects))
    return yi, vi, measures[0], [e.study or f"study {i + 1}" for i, e in enumerate(effects)]


def pool(effects: Sequence[Effect], *, method: str = "REML", test: str = "z", level: float = 0.95,
         control: Control = DEFAULT_CONTROL) -> MetaResult:
    """Pool effects by inverse variance; metafor ``rma(yi, vi, method=, test=, level=)``.

    ``method``: EE/FE (common effect) or a τ² estimator (DL, REML, ML, PM, SJ, HE, HS, EB);
    ``test``: "z" or "knha" (Hartung-Knapp-Sidik-Jonkman, t with k − 1 df, s2w not truncated).
    Rows with missing yi/vi are dropped with a note; with k = 1 τ² is 0 and the note says so.
    Conservative effects (from a p bound) are pooled as given and noted.
    """
    yi, vi, measure, labels = effect_arrays(effects)
    result = pool_arrays(yi, vi, method=method, test=test, level=level, measure=measure,
                         studies=labels, control=control)
    extra = tuple(f"{e.study}: effect computed from a bound on p (conservative)."
                  for e in effects if e.conservative)
    if extra:
        from dataclasses import replace

        result = replace(result, notes=result.notes + extra)
    return result


__all__ = ["FIXED_METHODS", "Fit", "check_options", "clean", "effect_arrays", "fit_rma", "pool",
           "pool_arrays", "result_from_fit"]
