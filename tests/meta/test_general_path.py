"""The general rma path (any design matrix) and the fast intercept-only path give the same numbers."""

from __future__ import annotations

import math

import numpy as np
import pytest

from evidencekit.meta import TIGHT, pool_arrays
from evidencekit.meta.pool import fit_rma, result_from_fit
from evidencekit.meta.wls import intercept

#: two implementations of the same formulas: only summation order differs
PATHS_TOL = 1e-10
FIELDS = ("estimate", "se", "stat", "pval", "ci_lower", "ci_upper", "tau2", "se_tau2", "s2w", "loglik")


@pytest.mark.parametrize("method", ["EE", "DL", "REML", "ML", "PM", "SJ", "HE", "HS", "EB"])
@pytest.mark.parametrize("test", ["z", "knha"])
def test_general_and_fast_paths_agree(mf, analysis_id, method, test):
    yi, vi, _ = mf.effects_of(analysis_id)
    ok = np.isfinite(yi) & np.isfinite(vi)
    y, v = yi[ok], vi[ok]
    fast = pool_arrays(y, v, method=method, test=test, control=TIGHT)
    slow = result_from_fit(fit_rma(y, v, intercept(len(y)), method=method, test=test, control=TIGHT),
                           measure="GEN", studies=(), control=TIGHT)
    for name in FIELDS:
        a, b = getattr(fast, name), getattr(slow, name)
        if a is None or b is None or (isinstance(a, float) and (math.isinf(a) or math.isnan(a))):
            assert a == b or (math.isnan(a) and math.isnan(b)), name
        else:
            assert a == pytest.approx(b, rel=PATHS_TOL, abs=1e-14), name
    assert fast.heterogeneity.Q == pytest.approx(slow.heterogeneity.Q, rel=PATHS_TOL, abs=1e-14)
    assert fast.I2 == pytest.approx(slow.I2, rel=PATHS_TOL, abs=1e-12)
    assert np.allclose(fast.weights, slow.weights, rtol=PATHS_TOL)
    assert fast.prediction.pi_lower == pytest.approx(slow.prediction.pi_lower, rel=PATHS_TOL) \
        if fast.prediction.pi_lower is not None else slow.prediction.pi_lower is None
