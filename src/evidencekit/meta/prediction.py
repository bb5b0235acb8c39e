"""Prediction intervals (metafor ``predict.rma``): where the true effect of a new study may lie.

PI = pred ± crit · sqrt(se² + τ²). metafor: crit = z(1 − α/2), or t(k − p) under Knapp-Hartung.
Higgins-Thompson-Spiegelhalter / Riley: crit = t(k − p − 1) (at least 1 df). EE/FE fits have no PI.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Sequence

import numpy as np

from evidencekit.meta import dist
from evidencekit.meta.results import Prediction

if TYPE_CHECKING:
    from evidencekit.meta.pool import Fit

FIXED = ("EE", "FE")


def predict(fit: "Fit", *, kind: str = "metafor", x: Sequence[float] | None = None) -> Prediction:
    """Prediction at moderator values ``x`` (the intercept row [1] for a model without moderators)."""
    row = np.array([1.0] if x is None else list(x), float)
    pred = float(row @ fit.beta)
    se = math.sqrt(float(row @ fit.vb @ row))
    return prediction(pred, se, fit.tau2, crit=fit.crit, k=fit.k, p=fit.p, level=fit.level,
                      fixed=fit.method in FIXED, kind=kind)


def prediction(pred: float, se: float, tau2: float, *, crit: float, k: int, p: int, level: float, fixed: bool,
               kind: str = "metafor") -> Prediction:
    """CI and PI from a prediction, its se, τ² and the CI's critical value (see module docstring)."""
    ci_lo, ci_hi = pred - crit * se, pred + crit * se
    if fixed:
        return Prediction(pred, se, ci_lo, ci_hi, None, None, kind)
    if kind == "riley":
        crit = dist.t_ppf(1 - (1 - level) / 2, max(1, k - p - 1))
    half = crit * math.sqrt(se**2 + tau2)
    return Prediction(pred, se, ci_lo, ci_hi, pred - half, pred + half, kind)


__all__ = ["predict", "prediction"]
