"""Our estimators agree with the Python peers where those peers compute the same thing."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from evidencekit.meta import TIGHT, pool_arrays

#: statsmodels' DL is closed form like ours: only rounding separates them
CLOSED_FORM_TOL = 1e-10
#: PyMARE's REML maximises the likelihood with scipy.optimize (default tolerances), not to 1e-10
OPTIMIZER_TOL = 1e-4


def _data(k=40, seed=7):
    rng = np.random.default_rng(seed)
    vi = rng.uniform(0.01, 0.2, k)
    return rng.normal(0.3, np.sqrt(vi + 0.05)), vi


def test_dl_matches_statsmodels_combine_effects():
    from statsmodels.stats.meta_analysis import combine_effects

    y, v = _data()
    ours = pool_arrays(y, v, method="DL", confint=False)
    sm = combine_effects(y, v, method_re="chi2")
    assert ours.tau2 == pytest.approx(sm.tau2, rel=CLOSED_FORM_TOL)
    assert ours.estimate == pytest.approx(sm.mean_effect_re, rel=CLOSED_FORM_TOL)
    assert ours.se == pytest.approx(sm.sd_eff_w_re, rel=CLOSED_FORM_TOL)
    assert ours.Q == pytest.approx(sm.q, rel=CLOSED_FORM_TOL)


def test_pm_matches_statsmodels_iterated_estimator():
    from statsmodels.stats.meta_analysis import combine_effects

    y, v = _data()
    ours = pool_arrays(y, v, method="PM", control=TIGHT, confint=False)
    assert ours.tau2 == pytest.approx(combine_effects(y, v, method_re="iterated").tau2, rel=1e-6)


@pytest.mark.parametrize("method", ["DL", "REML", "ML"])
def test_dl_reml_and_ml_match_pymare(method):
    from pymare.estimators import DerSimonianLaird, VarianceBasedLikelihoodEstimator

    y, v = _data()
    est = DerSimonianLaird() if method == "DL" else VarianceBasedLikelihoodEstimator(method=method)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        est.fit(y=y[:, None], v=v[:, None], X=np.ones((len(y), 1)))
    tol = CLOSED_FORM_TOL if method == "DL" else OPTIMIZER_TOL
    ours = pool_arrays(y, v, method=method, control=TIGHT, confint=False)
    assert ours.tau2 == pytest.approx(float(np.ravel(est.params_["tau2"])[0]), rel=tol)
    assert ours.estimate == pytest.approx(float(np.ravel(est.params_["fe_params"])[0]), rel=tol)
