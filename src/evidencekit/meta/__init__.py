"""Meta-analysis: effect sizes, pooling, heterogeneity, bias and sensitivity (agrees with metafor 3.8-1).

Three verbs, as metafor: ``escalc`` (effect sizes) -> ``pool`` (rma) -> reports draw the result.
Every function returns frozen dataclasses from :mod:`evidencekit.meta.results` with ``to_dict()``
and ``to_frame()``.
"""

from evidencekit.meta.effects import MEASURES, escalc, escalc_arrays
from evidencekit.meta.estimators import DEFAULT_CONTROL, TIGHT, Control
from evidencekit.meta.pool import pool, pool_arrays
from evidencekit.meta.results import (
    BiasTest, Coefficient, Effect, Heterogeneity, Interval, MantelHaenszelResult, MetaResult,
    ModeratorTest, Prediction, RegressionResult, StudyTable, SubgroupResult, Tau2Interval,
    TrimFillResult,
)

__all__ = [
    "BiasTest", "Coefficient", "Control", "DEFAULT_CONTROL", "Effect", "Heterogeneity", "Interval",
    "MEASURES", "MantelHaenszelResult", "MetaResult", "ModeratorTest", "Prediction",
    "RegressionResult", "StudyTable", "SubgroupResult", "TIGHT", "Tau2Interval", "TrimFillResult",
    "escalc", "escalc_arrays", "pool", "pool_arrays",
]
