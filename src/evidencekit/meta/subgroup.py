"""Subgroup analysis: a pooled estimate per subgroup and the test for differences between them.

Two between-group tests, both reported because reviewers meet both: the moderator test of
``rma(mods=~factor(group))`` (one common τ², metafor's QM) and the Q-between of the separate
subgroup estimates (a separate τ² per subgroup; RevMan and R's meta), computed as metafor's
``rma(est, sei=se, method="FE")$QE``.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
from scipy import stats

from evidencekit.errors import DataError
from evidencekit.meta.estimators import DEFAULT_CONTROL, Control
from evidencekit.meta.pool import effect_arrays, pool_arrays
from evidencekit.meta.regression import design_matrix, factor_columns, regression_arrays
from evidencekit.meta.results import Effect, ModeratorTest, SubgroupResult
from evidencekit.meta.wls import Wls, intercept


def subgroup(effects: Sequence[Effect], by: Sequence[object] | None = None, *, name: str = "group",
             method: str = "REML", test: str = "z", level: float = 0.95,
             control: Control = DEFAULT_CONTROL) -> SubgroupResult:
    """Subgroup analysis by ``by`` (one label per effect; default: each effect's ``group``).

    Levels are sorted as R's ``factor()`` does; the first is the reference of the moderator model.
    """
    yi, vi, measure, labels = effect_arrays(effects)
    groups = list(by) if by is not None else [e.group for e in effects]
    if len(groups) != len(yi):
        raise DataError(f"{len(groups)} subgroup labels for {len(yi)} effects.")
    if any(g is None for g in groups):
        raise DataError("every effect needs a subgroup label (Effect.group or the `by` column); "
                        "some are missing.")
    levels, dummies = factor_columns(name, groups)
    if len(levels) < 2:
        raise DataError(f"subgroup analysis needs at least two subgroups; {name!r} has only {levels}.")
    X, terms = design_matrix(dummies, len(yi))
    model = regression_arrays(yi, vi, X, terms, method=method, test=test, level=level, measure=measure,
                              control=control)
    arr = np.array([str(g) for g in groups])
    per = tuple(pool_arrays(yi[arr == lv], vi[arr == lv], method=method, test=test, level=level,
                            measure=measure, studies=[s for s, g in zip(labels, arr) if g == lv],
                            control=control) for lv in levels)
    est = np.array([r.estimate for r in per])
    var = np.array([r.se**2 for r in per])
    q = Wls(est, intercept(len(est)), 1.0 / var).rss
    df = len(levels) - 1
    separate = ModeratorTest(q, (df,), float(stats.chi2.sf(q, df)), "Q")
    return SubgroupResult(by=name, levels=levels, subgroups=per, model=model,
                          between_common=model.moderators, between_separate=separate,
                          notes=model.notes)


__all__ = ["subgroup"]
