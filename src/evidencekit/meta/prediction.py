"""Prediction intervals (metafor ``predict.rma``): where the true effect of a new study may lie.

PI = pred ± crit · sqrt(se² + τ²). metafor: crit = z(1 − α/2), or t(k − p) under Knapp-Hartung.
Higgins-Thompson-Spiegelhalter / Riley: crit = t(k − p − 1) (at least 1 df). EE/FE fits have no PI.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Sequence

import numpy as np
from scipy import stats

from evidencekit.meta.results import Prediction

if TYPE_CHECKING:
    from evidencekit.meta.pool import Fit

FIXED = ("EE", "FE")


def predict(fit: "Fit", *, kind: str = "metafor", x: Sequence[float] | None = None) -> Prediction:
    """Prediction at moderator values ``x`` (the intercept row [1] for a model without moderators)."""
    row = np.array([1.0] if x is None else list(x), float)
    pred = float(row @ fit.beta)
    se = math.sqrt(float(row @ fit.vb @ row))
    ci_lo, ci_hi = pred - fit.crit * se, pred + fit.crit * se
    if fit.method in FIXED:
        return Prediction(pred, se, ci_lo, ci_hi, None, None, kind)
    alpha = 1 - fit.level
    if kind == "riley":
        crit = float(stats.t.ppf(1 - alpha / 2, max(1, fit.k - fit.p - 1)))
    else:
        crit = fit.crit
    half = crit * math.sqrt(se**2 + fit.tau2)
    return Prediction(pred, se, ci_lo, ci_hi, pred - half, pred + half, kind)


__all__ = ["predict"]
