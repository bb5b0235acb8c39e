"""Meta-analysis: effect sizes, pooling, heterogeneity, bias and sensitivity (agrees with metafor 3.8-1).

Three verbs, as metafor: ``escalc`` (effect sizes) -> ``pool`` (rma) -> reports draw the result.
Every function returns frozen dataclasses from :mod:`evidencekit.meta.results` with ``to_dict()``
and ``to_frame()``.

=====================================  ===========================================================
effects                                ``escalc(measure, **columns)``, ``escalc_arrays``;
                                       :mod:`.convert` (t, F, paired t, Z, p bounds, medians)
pooling                                ``pool(effects, method=, test=, level=)``, ``pool_arrays``
                                       (EE/FE, DL, REML, ML, PM, SJ, HE, HS, EB; z or knha)
2×2 tables                             ``mantel_haenszel(measure="OR"|"RR", ...)``, ``peto(...)``
moderators                             ``subgroup(effects, by)``, ``regression(effects, {name: x})``
sensitivity                            ``leave_one_out``, ``influence``, ``cumulative`` (on a result)
small-study effects                    ``regtest`` (rma / lm), ``ranktest``, ``trimfill`` (L0, R0)
from papers                            ``from_records(documents)``, ``analyse_records(documents)``
from a CSV                             ``from_csv.read_study_csv(path)``, ``from_csv.analyse_table(data)``
=====================================  ===========================================================

``Control()`` reproduces metafor's default convergence (what metafor prints); ``TIGHT`` its
``threshold=1e-12, tol=1e-12`` settings (the anchors' ``fits_tight``).
"""

from evidencekit.meta.bias import ranktest, regtest, trimfill
from evidencekit.meta.effects import MEASURES, escalc, escalc_arrays
from evidencekit.meta.estimators import DEFAULT_CONTROL, TIGHT, Control
from evidencekit.meta.from_records import RecordsAnalysis, analyse_records, from_records
from evidencekit.meta.mh import mantel_haenszel, peto
from evidencekit.meta.pool import pool, pool_arrays
from evidencekit.meta.regression import predict_regression, regression
from evidencekit.meta.results import (
    BiasTest, Coefficient, Effect, Heterogeneity, Interval, MantelHaenszelResult, MetaResult,
    ModeratorTest, Prediction, RegressionResult, StudyTable, SubgroupResult, Tau2Interval,
    TrimFillResult,
)
from evidencekit.meta.sensitivity import cumulative, influence, leave_one_out
from evidencekit.meta.study_effect import CONTROLLED, PRE_POST, NotPoolable, RecordSettings
from evidencekit.meta.subgroup import subgroup

__all__ = [
    "BiasTest", "CONTROLLED", "Coefficient", "Control", "DEFAULT_CONTROL", "Effect", "Heterogeneity",
    "Interval", "MEASURES", "MantelHaenszelResult", "MetaResult", "ModeratorTest", "NotPoolable",
    "PRE_POST", "Prediction", "RecordSettings", "RecordsAnalysis", "RegressionResult", "StudyTable",
    "SubgroupResult", "TIGHT", "Tau2Interval", "TrimFillResult", "analyse_records", "cumulative", "escalc",
    "escalc_arrays", "from_records", "influence", "leave_one_out", "mantel_haenszel", "peto", "pool",
    "pool_arrays", "predict_regression", "ranktest", "regression", "regtest", "subgroup", "trimfill",
]
