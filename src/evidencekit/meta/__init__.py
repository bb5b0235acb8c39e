"""Meta-analysis: effect sizes, pooling, heterogeneity, bias and sensitivity (agrees with metafor 3.8-1).

Three verbs, as metafor: ``escalc`` (effect sizes) -> ``pool`` (rma) -> reports draw the result.
Every function returns frozen dataclasses from :mod:`evidencekit.meta.results` with ``to_dict()``
and ``to_frame()``.
"""

from evidencekit.meta.effects import MEASURES, escalc, escalc_arrays
from evidencekit.meta.estimators import DEFAULT_CONTROL, TIGHT, Control
from evidencekit.meta.bias import ranktest, regtest, trimfill
from evidencekit.meta.from_records import RecordSettings, analyse_records, from_records
from evidencekit.meta.mh import mantel_haenszel, peto
from evidencekit.meta.pool import pool, pool_arrays
from evidencekit.meta.regression import predict_regression, regression
from evidencekit.meta.sensitivity import cumulative, influence, leave_one_out
from evidencekit.meta.subgroup import subgroup
from evidencekit.meta.results import (
    BiasTest, Coefficient, Effect, Heterogeneity, Interval, MantelHaenszelResult, MetaResult,
    ModeratorTest, Prediction, RegressionResult, StudyTable, SubgroupResult, Tau2Interval,
    TrimFillResult,
)

__all__ = [
    "BiasTest", "Coefficient", "Control", "DEFAULT_CONTROL", "Effect", "Heterogeneity", "Interval",
    "MEASURES", "MantelHaenszelResult", "MetaResult", "ModeratorTest", "Prediction",
    "RegressionResult", "StudyTable", "SubgroupResult", "TIGHT", "Tau2Interval", "TrimFillResult",
    "RecordSettings", "analyse_records", "cumulative", "escalc", "escalc_arrays", "from_records", "influence",
    "leave_one_out", "mantel_haenszel", "peto", "pool", "pool_arrays", "predict_regression", "ranktest",
    "regression", "regtest", "subgroup", "trimfill",
]
