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

from evidencekit.errors import DataError
from evidencekit.meta import dist
from evidencekit.meta.estimators import DEFAULT_CONTROL, Control, estimate_tau2
from evidencekit.meta.heterogeneity import heterogeneity, heterogeneity_from_q, tau2_interval
from evidencekit.meta.prediction import predict, prediction
from evidencekit.meta.results import TAU2_METHODS, TESTS, Effect, MetaResult
from evidencekit.meta.wls import Wls, dot, intercept

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
    ok = np.isfinite(yi + vi)                            # one pass: NaN or ±inf in either
    for e in extra:
        ok &= np.isfinite(e) if e.ndim == 1 else np.all(np.isfinite(e), axis=1)
    notes: tuple[str, ...] = ()
    if ok.all():
        if vi.min() < 0:
            raise DataError("sampling variances (vi) must not be negative; check the variance column.")
        return ok, notes
    notes = (f"{int((~ok).sum())} studies with missing values omitted from model fitting.",)
    if not ok.any():
        raise DataError("no study has both an effect (yi) and a variance (vi); nothing to pool.")
    if np.any(vi[ok] < 0):
        raise DataError("sampling variances (vi) must not be negative; check the variance column.")
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
        return self.wls.k

    @property
    def p(self) -> int:
        return self.wls.p

    @property
    def se(self) -> np.ndarray:
        return np.sqrt(np.diag(self.vb))

    def stat_p_ci(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        se = self.se
        with np.errstate(divide="ignore", invalid="ignore"):
            stat = self.beta / se
        stat = np.where((se == 0) & (self.beta == 0), np.nan, stat)
        if self.ddf is None:
            pval = 2 * dist.norm_sf(np.abs(stat))
        else:
            pval = 2 * dist.t_sf(np.abs(stat), self.ddf)
        return stat, pval, self.beta - self.crit * se, self.beta + self.crit * se

    def loglik(self) -> tuple[float, float]:
        """(ML, REML) log-likelihoods at the fitted τ², as metafor's ``fit.stats``."""
        w = self.wls
        vt = self.v + self.tau2
        ml = -0.5 * self.k * LOG_2PI - 0.5 * float(np.log(vt).sum()) - 0.5 * w.rss
        logdet_xx = (math.log(self.k) if self.wls.intercept_only
                     else float(np.linalg.slogdet(self.X.T @ self.X)[1]))
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
        crit = dist.t_ppf(1 - (1 - level) / 2, ddf)
    else:
        crit = dist.z_crit(level)
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
    y, v = (yi[ok], vi[ok]) if notes else (yi.copy(), vi.copy())   # our own copies (frozen below)
    if not v.min() > 0:
        zero = [str(studies[i]) if studies is not None else f"study {i + 1}" for i in np.flatnonzero(ok)[v == 0]]
        raise DataError(f"zero sampling variance (vi = 0) for {', '.join(zero[:5])}: its weight would be infinite. "
                        "A zero SD or a copying error is the usual cause; correct or drop the study.")
    if studies is None:
        kept: Sequence[str] = ()                        # no labels given: MetaResult.labels numbers them
    else:
        if len(studies) != len(yi):
            raise DataError(f"{len(studies)} study labels for {len(yi)} effects.")
        kept = [s for s, keep in zip(studies, ok.tolist()) if keep]
    return _pool_intercept(y, v, method=method, test=test, level=level, measure=measure, studies=kept,
                           notes=notes, control=control, confint=confint)


def _pool_intercept(y: np.ndarray, v: np.ndarray, *, method: str, test: str, level: float, measure: str,
                    studies: Sequence[str], notes: tuple[str, ...], control: Control, confint: bool) -> MetaResult:
    """:func:`fit_rma` + :func:`result_from_fit` for a model without moderators, in a few O(k) passes.

    The same formulas as the general path (tests/meta/test_pool_metafor.py holds both to metafor);
    written out so the common-effect sums are computed once and shared by τ², Q, I² and vt.
    """
    k = len(y)
    extra: list[str] = []
    fixed = method in FIXED_METHODS
    finite0 = bool(v.min() > 0)
    if finite0:
        w0 = 1.0 / v
    else:
        with np.errstate(divide="ignore"):
            w0 = 1.0 / v
    if finite0:
        sw0 = float(np.add.reduce(w0))
        r0 = y - dot(w0, y) / sw0
        Q = dot(w0, r0 * r0)
        sw0_2 = dot(w0, w0)
        tr_P0 = sw0 - sw0_2 / sw0
    iterations = 0
    if k == 1 and not fixed:
        extra.append("k = 1: τ² cannot be estimated with 1 coefficient(s); set to 0 (common effect).")
        tau2, se_tau2 = 0.0, None
    elif fixed:
        tau2, se_tau2 = 0.0, None
    elif method == "DL" and finite0:
        tau2 = max(0.0, (Q - (k - 1)) / tr_P0)
        tr_PP0 = sw0_2 - 2 * dot(w0 * w0, w0) / sw0 + (sw0_2 / sw0) ** 2
        se_tau2 = math.sqrt((2 * (k - 1) + 4 * tau2 * tr_P0 + 2 * tau2**2 * tr_PP0) / tr_P0**2)
    else:
        est = estimate_tau2(y, v, intercept(k), method, control)
        tau2, se_tau2, iterations = est.tau2, est.se_tau2, est.iterations
        extra.extend(est.notes)
    if test == "knha" and k < 2:
        extra.append(f"k = {k}: Knapp-Hartung needs k > p; used the z test.")
        test = "z"
    if tau2 == 0.0:
        w = w0
    else:
        with np.errstate(divide="ignore"):
            w = 1.0 / (v + tau2)
    if not (finite0 or np.isfinite(w).all()):
        raise DataError("a study has zero variance and τ² = 0, so its weight is infinite; "
                        "check for vi = 0 (e.g. a zero SD) in the data.")
    if not finite0:                                      # vi = 0 with τ² > 0: Q and vt are undefined
        Q, tr_P0 = math.inf, math.nan
    sw = float(np.add.reduce(w))
    mu = dot(w, y) / sw
    r = y - mu
    rss = dot(w, r * r)
    var = 1.0 / sw
    s2w, ddf = 1.0, None
    if test == "knha":
        s2w, ddf = rss / (k - 1), k - 1
        var *= s2w
        crit = dist.t_ppf(1 - (1 - level) / 2, ddf)
    else:
        crit = dist.z_crit(level)
    se = math.sqrt(var)
    with np.errstate(divide="ignore", invalid="ignore"):
        stat = float(np.float64(mu) / se) if se > 0 else (math.nan if mu == 0 else math.copysign(math.inf, mu))
    pval = float(2 * (dist.norm_sf(abs(stat)) if ddf is None else dist.t_sf(abs(stat), ddf)))
    het = heterogeneity_from_q(Q, k - 1, tr_P0, tau2, fixed=fixed)
    ci = None
    if confint and not fixed and k >= 2:
        ci = tau2_interval(y, v, intercept(k), tau2, level=level, control=control)
    ml = -0.5 * k * LOG_2PI + 0.5 * float(np.add.reduce(np.log(w))) - 0.5 * rss     # log(v + τ²) = −log w
    reml = ml + 0.5 * LOG_2PI + 0.5 * math.log(k) - 0.5 * math.log(sw)
    pred_kw = dict(crit=crit, k=k, p=1, level=level, fixed=fixed)
    return MetaResult(
        measure=measure, method=method, test=test, level=level, k=k, estimate=mu, se=se, stat=stat,
        stat_name="t" if ddf is not None else "z", ddf=ddf, pval=pval, ci_lower=mu - crit * se,
        ci_upper=mu + crit * se, tau2=tau2, se_tau2=se_tau2, heterogeneity=het, tau2_ci=ci,
        prediction=prediction(mu, se, tau2, kind="metafor", **pred_kw),  # type: ignore[arg-type]
        prediction_riley=prediction(mu, se, tau2, kind="riley", **pred_kw),  # type: ignore[arg-type]
        weights=_frozen(w * (100 / sw), copy=False), studies=tuple(map(str, studies)),
        yi=_frozen(y, copy=False), vi=_frozen(v, copy=False),                  # masked copies: ours
        s2w=s2w, loglik=reml if method == "REML" else ml, loglik_ml=ml, loglik_reml=reml,
        iterations=iterations, notes=tuple(dict.fromkeys(notes + tuple(extra))))


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
        weights=_frozen(100 * w / fit.wls.sum_w), studies=tuple(map(str, studies)),
        yi=_frozen(fit.y), vi=_frozen(fit.v), s2w=fit.s2w,
        loglik=float(reml) if fit.method == "REML" else float(ml), loglik_ml=float(ml), loglik_reml=float(reml),
        iterations=fit.iterations, notes=tuple(dict.fromkeys(notes)))


def _frozen(a: np.ndarray, copy: bool = True) -> np.ndarray:
    """A read-only float array (a copy unless the caller owns ``a`` already)."""
    a = np.array(a, dtype=float) if copy else a
    a.setflags(write=False)
    return a


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
