"""Result shapes of the meta-analysis engine: frozen dataclasses that record how they were made.

Every result names its measure, method, test, level and k, and carries ``notes`` for anything the
engine changed or assumed on the way (metafor's warnings, STYLE 12). ``to_dict()`` gives plain
JSON-ready values (non-finite numbers become ``None``); ``to_frame()`` gives a pandas DataFrame.
Numbers are on the analysis scale (log OR, log RR, g, Fisher z …); nothing is back-transformed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Mapping

import numpy as np

from evidencekit.meta.dist import wald_ci
from evidencekit.model import Span

#: tau² estimators, named as metafor's ``method`` argument
TAU2_METHODS = ("EE", "FE", "DL", "REML", "ML", "PM", "SJ", "HE", "HS", "EB")
#: tests of the pooled estimate: normal (z) or Hartung-Knapp-Sidik-Jonkman (t with k − p df)
TESTS = ("z", "knha")


def _plain(value: Any) -> Any:
    """A JSON-ready copy: dataclasses to dicts, tuples to lists, NaN/inf to None."""
    if is_dataclass(value) and not isinstance(value, type):
        if hasattr(value, "to_dict") and not isinstance(value, _ResultBase):
            return value.to_dict()
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, np.ndarray):
        return [_plain(x) for x in value.tolist()]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):   # numpy scalars
        return _plain(value.item())
    return value


class _ResultBase:
    """``to_dict`` for every result dataclass."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


# --------------------------------------------------------------------------- effects


@dataclass(frozen=True, slots=True)
class Effect(_ResultBase):
    """One study's effect size on the analysis scale, and how it was obtained.

    ``yi``/``vi`` are metafor's names (estimate, sampling variance). ``derived_from`` says which
    reported numbers gave it ("two_group_mean_sd", "t_two_group", "z_n", "p_bound", "given" …);
    ``assumed`` holds every assumed quantity (e.g. ``{"r_prepost": 0.5}``); ``conservative`` marks an
    effect computed from a bound (p < .001) that understates the true effect.
    """

    yi: float
    vi: float
    measure: str
    study: str | None = None
    derived_from: str = "given"
    assumed: Mapping[str, float] = field(default_factory=dict)
    conservative: bool = False
    group: str | None = None
    notes: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()

    @property
    def sei(self) -> float:
        return math.sqrt(self.vi) if self.vi >= 0 else math.nan

    def to_dict(self) -> dict[str, Any]:
        d = {f.name: _plain(getattr(self, f.name)) for f in fields(self) if f.name != "evidence"}
        d["evidence"] = [s.to_dict() for s in self.evidence]
        return d


def effects_frame(effects: "tuple[Effect, ...] | list[Effect]") -> Any:
    """The effects as a pandas DataFrame (one row per study)."""
    import pandas as pd

    return pd.DataFrame([e.to_dict() | {"sei": e.sei} for e in effects])


# --------------------------------------------------------------------------- pooled fits


@dataclass(frozen=True, slots=True)
class Heterogeneity(_ResultBase):
    """Cochran's Q (weights 1/vi) with its df and p, and metafor's I² (percent) and H².

    For EE/FE fits I² = max(0, (Q − df)/Q) and H² = Q/df; for random-effects fits
    I² = τ²/(τ² + vt) and H² = 1 + τ²/vt with vt the "typical" within-study variance.
    """

    Q: float
    df: int
    p: float
    I2: float
    H2: float
    vt: float


@dataclass(frozen=True, slots=True)
class Interval(_ResultBase):
    """An estimate with the bounds of its confidence interval."""

    estimate: float
    lower: float
    upper: float


@dataclass(frozen=True, slots=True)
class Tau2Interval(_ResultBase):
    """Q-profile confidence intervals for τ², τ, I² and H² (metafor ``confint``, type QP).

    ``lower_sign``/``upper_sign`` are "<" or ">" when a bound sits at the search limit (the true
    bound is below/above it), "" otherwise; ``empty`` is True when the interval is the set {0}.
    """

    level: float
    tau2: Interval
    tau: Interval
    I2: Interval
    H2: Interval
    lower_sign: str = ""
    upper_sign: str = ""
    empty: bool = False


@dataclass(frozen=True, slots=True)
class Prediction(_ResultBase):
    """Predicted (average) effect with its CI and prediction interval.

    ``kind`` is "metafor" (crit from z, or t(k − p) for Knapp-Hartung) or "riley"
    (Higgins/Riley: t with k − p − 1 df). ``pi_lower``/``pi_upper`` are None for EE/FE fits.
    """

    pred: float
    se: float
    ci_lower: float
    ci_upper: float
    pi_lower: float | None
    pi_upper: float | None
    kind: str = "metafor"


@dataclass(frozen=True, slots=True)
class Coefficient(_ResultBase):
    """One model coefficient (metafor's ``coef(summary(res))`` row): z or t statistic, p and CI."""

    term: str
    estimate: float
    se: float
    stat: float
    pval: float
    ci_lower: float
    ci_upper: float


@dataclass(frozen=True, slots=True)
class FitStatistics(_ResultBase):
    """metafor's ``fit.stats`` for one likelihood: log-likelihood, deviance, AIC, BIC, AICc."""

    ll: float
    dev: float
    AIC: float
    BIC: float
    AICc: float


def fit_statistics(ll_ml: float, ll_reml: float, *, vi: Any, p: int, method: str) -> dict[str, FitStatistics]:
    """metafor's ``fit.stats``: parameters are the p coefficients plus τ² (unless EE/FE); ML deviance is
    relative to the saturated model, REML's is −2 ll; BIC/AICc use k (ML) or k − p (REML)."""
    k = len(vi)
    parms = p + (0 if method in ("EE", "FE") else 1)
    ll_sat = -0.5 * float(np.log(2 * math.pi * np.asarray(vi)).sum())
    out = {}
    for name, ll, n in (("ML", ll_ml, k), ("REML", ll_reml, k - p)):
        dev = -2 * (ll - ll_sat) if name == "ML" else -2 * ll
        m = max(n, parms + 2)
        out[name] = FitStatistics(ll, dev, -2 * ll + 2 * parms, -2 * ll + parms * math.log(n),
                                  -2 * ll + 2 * parms * m / (m - parms - 1))
    return out


def _fit_statistics_of(result: Any, p: int) -> dict[str, FitStatistics]:
    """:func:`fit_statistics` of a fitted result with ``p`` coefficients, from its log-likelihoods."""
    if result.loglik_ml is None or result.loglik_reml is None:
        raise ValueError("this result carries no log-likelihoods")
    return fit_statistics(result.loglik_ml, result.loglik_reml, vi=result.vi, p=p, method=result.method)


@dataclass(frozen=True, slots=True)
class MetaResult(_ResultBase):
    """One pooled analysis (metafor ``rma.uni`` without moderators).

    ``se`` is multiplied by sqrt(s2w) under Knapp-Hartung; ``stat`` is z or t (``stat_name``),
    ``ddf`` its df (None for z). ``weights`` are percent; ``yi``/``vi`` are the effects that were
    pooled (rows with missing values already dropped; see ``notes``), ``studies`` their labels as
    the caller gave them (empty when none were given) and ``labels`` always one label per study.
    ``weights``, ``yi`` and ``vi`` are read-only numpy arrays (converting 100,000 floats to a tuple
    would cost more than the fit); they do not take part in ``==``.
    """

    measure: str
    method: str
    test: str
    level: float
    k: int
    estimate: float
    se: float
    stat: float
    stat_name: str
    ddf: int | None
    pval: float
    ci_lower: float
    ci_upper: float
    tau2: float
    se_tau2: float | None
    heterogeneity: Heterogeneity
    tau2_ci: Tau2Interval | None
    prediction: Prediction
    prediction_riley: Prediction
    weights: np.ndarray = field(compare=False)
    studies: tuple[str, ...]
    yi: np.ndarray = field(compare=False)
    vi: np.ndarray = field(compare=False)
    s2w: float = 1.0
    loglik: float | None = None
    loglik_ml: float | None = None
    loglik_reml: float | None = None
    iterations: int = 0
    notes: tuple[str, ...] = ()

    @property
    def tau(self) -> float:
        return math.sqrt(self.tau2)

    def fit_statistics(self) -> dict[str, FitStatistics]:
        """metafor's ``fit.stats`` under ML and REML (parameters: the estimate, plus τ² unless EE/FE).

        ML deviance is relative to the saturated model (−2 (ll − Σ log φ(0; v_i))); REML's is −2 ll.
        """
        return _fit_statistics_of(self, p=1)

    @property
    def sei(self) -> np.ndarray:
        """Each pooled study's standard error, √vi."""
        return np.sqrt(self.vi)

    def study_ci(self) -> tuple[np.ndarray, np.ndarray]:
        """Each pooled study's own Wald interval at the fit's level (the study rows of a forest plot)."""
        return wald_ci(self.yi, self.vi, self.level)

    @property
    def labels(self) -> tuple[str, ...]:
        """``studies``, or "study 1", "study 2", … when the caller gave no labels."""
        return self.studies if self.studies else tuple(f"study {i + 1}" for i in range(self.k))

    @property
    def I2(self) -> float:
        return self.heterogeneity.I2

    @property
    def H2(self) -> float:
        return self.heterogeneity.H2

    @property
    def Q(self) -> float:
        return self.heterogeneity.Q

    def to_frame(self) -> Any:
        """One row per study (estimate, variance, weight) — what a forest plot draws."""
        import pandas as pd

        return pd.DataFrame({"study": self.labels, "yi": self.yi, "vi": self.vi,
                             "sei": self.sei, "weight_pct": self.weights})

    def summary_frame(self) -> Any:
        """The pooled numbers as a one-row DataFrame."""
        import pandas as pd

        h = self.heterogeneity
        return pd.DataFrame([{
            "measure": self.measure, "method": self.method, "test": self.test, "k": self.k,
            "estimate": self.estimate, "se": self.se, self.stat_name: self.stat, "pval": self.pval,
            "ci_lower": self.ci_lower, "ci_upper": self.ci_upper, "tau2": self.tau2, "tau": self.tau,
            "Q": h.Q, "Q_df": h.df, "Q_p": h.p, "I2": h.I2, "H2": h.H2,
            "pi_lower": self.prediction.pi_lower, "pi_upper": self.prediction.pi_upper}])


@dataclass(frozen=True, slots=True)
class ModeratorTest(_ResultBase):
    """Omnibus test of the moderators: Wald χ² (z tests) or F (Knapp-Hartung)."""

    stat: float
    df: tuple[int, ...]
    pval: float
    stat_name: str


@dataclass(frozen=True, slots=True)
class RegressionResult(_ResultBase):
    """A mixed-effects meta-regression (metafor ``rma(yi, vi, mods=...)``).

    ``tau2`` is the residual τ²; ``heterogeneity`` the residual Q (QE) with I²/H²; ``R2`` the percent
    of τ² accounted for by the moderators (None for EE/FE).
    """

    measure: str
    method: str
    test: str
    level: float
    k: int
    coefficients: tuple[Coefficient, ...]
    moderators: ModeratorTest
    tau2: float
    se_tau2: float | None
    heterogeneity: Heterogeneity
    R2: float | None
    tau2_ci: Tau2Interval | None
    s2w: float = 1.0
    vb: tuple[tuple[float, ...], ...] = ()
    loglik_ml: float | None = None
    loglik_reml: float | None = None
    vi: tuple[float, ...] = ()
    notes: tuple[str, ...] = ()

    def fit_statistics(self) -> dict[str, FitStatistics]:
        """metafor's ``fit.stats`` (ML and REML) of the meta-regression."""
        return _fit_statistics_of(self, p=len(self.coefficients))

    def coefficient(self, term: str) -> Coefficient:
        for c in self.coefficients:
            if c.term == term:
                return c
        raise KeyError(f"no coefficient {term!r}; terms are {[c.term for c in self.coefficients]}")

    def to_frame(self) -> Any:
        import pandas as pd

        return pd.DataFrame([c.to_dict() for c in self.coefficients])


@dataclass(frozen=True, slots=True)
class SubgroupResult(_ResultBase):
    """Pooled estimate per subgroup and the test of differences between them.

    ``between_common`` is the moderator test of ``rma(mods=~factor(group))`` (a common τ²);
    ``between_separate`` the Q-between of the subgroup estimates with a separate τ² per subgroup
    (what RevMan and R's meta report), with df = number of subgroups − 1.
    """

    by: str
    levels: tuple[str, ...]
    subgroups: tuple[MetaResult, ...]
    model: RegressionResult
    between_common: ModeratorTest
    between_separate: ModeratorTest
    notes: tuple[str, ...] = ()

    def to_frame(self) -> Any:
        import pandas as pd

        return pd.concat([r.summary_frame().assign(subgroup=lv) for lv, r in zip(self.levels, self.subgroups)],
                         ignore_index=True)


@dataclass(frozen=True, slots=True)
class StudyTable(_ResultBase):
    """A per-study table (leave-one-out, cumulative, influence): column name -> values."""

    kind: str
    studies: tuple[str, ...]
    columns: Mapping[str, tuple[Any, ...]]
    method: str
    notes: tuple[str, ...] = ()

    def column(self, name: str) -> tuple[Any, ...]:
        return self.columns[name]

    def to_frame(self) -> Any:
        import pandas as pd

        return pd.DataFrame({"study": self.studies, **{k: list(v) for k, v in self.columns.items()}})


@dataclass(frozen=True, slots=True)
class BiasTest(_ResultBase):
    """A small-study / publication-bias test (Egger regression or Begg rank correlation)."""

    name: str
    stat: float | None
    stat_name: str
    pval: float | None
    df: int | None = None
    limit_estimate: float | None = None
    limit_ci_lower: float | None = None
    limit_ci_upper: float | None = None
    coefficients: tuple[Coefficient, ...] = ()
    tau2: float | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TrimFillResult(_ResultBase):
    """Duval & Tweedie trim-and-fill: how many studies were imputed, on which side, and the refit."""

    estimator: str
    side: str
    k0: int
    se_k0: float
    p_k0: float | None
    filled_yi: tuple[float, ...]
    filled_vi: tuple[float, ...]
    result: MetaResult
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MantelHaenszelResult(_ResultBase):
    """Mantel-Haenszel (OR, RR, RD) or Peto (OR) pooling of 2×2 tables (log scale for OR/RR).

    ``k`` counts the tables used, ``k_yi`` the tables with a study-level effect (for Q). For MH-OR
    also the Cochran-Mantel-Haenszel test (with continuity correction), Tarone's and Breslow-Day.
    """

    measure: str
    method: str
    level: float
    k: int
    k_yi: int
    estimate: float
    se: float
    stat: float
    pval: float
    ci_lower: float
    ci_upper: float
    heterogeneity: Heterogeneity
    cmh: float | None = None
    cmh_p: float | None = None
    tarone: float | None = None
    tarone_p: float | None = None
    breslow_day: float | None = None
    breslow_day_p: float | None = None
    notes: tuple[str, ...] = ()


__all__ = [
    "BiasTest", "Coefficient", "Effect", "FitStatistics", "Heterogeneity", "Interval", "MantelHaenszelResult",
    "MetaResult", "ModeratorTest", "Prediction", "RegressionResult", "StudyTable", "SubgroupResult",
    "TAU2_METHODS", "TESTS", "Tau2Interval", "TrimFillResult", "effects_frame", "fit_statistics",
]
