"""Invariances every pooled analysis must keep (hypothesis)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidencekit.meta import TIGHT, pool_arrays

#: different summation orders change the last bits only
ORDER_TOL = 1e-9

METHODS = ["EE", "DL", "REML", "ML", "PM", "SJ", "HE", "HS", "EB"]


@st.composite
def studies(draw, min_k=2, max_k=25):
    k = draw(st.integers(min_k, max_k))
    yi = draw(st.lists(st.floats(-3, 3, allow_nan=False), min_size=k, max_size=k))
    vi = draw(st.lists(st.floats(0.005, 2.0, allow_nan=False), min_size=k, max_size=k))
    return np.array(yi), np.array(vi)


@settings(max_examples=40, deadline=None)
@given(data=studies(), seed=st.integers(0, 2**32 - 1), method=st.sampled_from(METHODS),
       test=st.sampled_from(["z", "knha"]))
def test_permuting_studies_changes_nothing(data, seed, method, test):
    yi, vi = data
    perm = np.random.default_rng(seed).permutation(len(yi))
    a = pool_arrays(yi, vi, method=method, test=test, control=TIGHT, confint=False)
    b = pool_arrays(yi[perm], vi[perm], method=method, test=test, control=TIGHT, confint=False)
    for name in ("estimate", "se", "tau2", "pval", "ci_lower", "ci_upper"):
        assert getattr(b, name) == pytest.approx(getattr(a, name), rel=ORDER_TOL, abs=1e-12), name
    assert b.Q == pytest.approx(a.Q, rel=ORDER_TOL, abs=1e-12)
    assert sorted(b.weights) == pytest.approx(sorted(a.weights), rel=ORDER_TOL)


@settings(max_examples=40, deadline=None)
@given(data=studies(), c=st.floats(0.1, 10), method=st.sampled_from(METHODS))
def test_scaling_effects_scales_the_estimate(data, c, method):
    # y -> c·y with v -> c²·v is a change of units: estimate and se scale by c, τ² by c², z and Q stay
    yi, vi = data
    a = pool_arrays(yi, vi, method=method, control=TIGHT, confint=False)
    b = pool_arrays(c * yi, c**2 * vi, method=method, control=TIGHT, confint=False)
    assert b.estimate == pytest.approx(c * a.estimate, rel=1e-7, abs=1e-9)
    assert b.se == pytest.approx(c * a.se, rel=1e-7)
    assert b.tau2 == pytest.approx(c**2 * a.tau2, rel=1e-6, abs=1e-10)
    assert b.Q == pytest.approx(a.Q, rel=1e-9)


@settings(max_examples=30, deadline=None)
@given(data=studies(), shift=st.floats(-5, 5))
def test_shifting_effects_shifts_the_estimate_and_leaves_heterogeneity(data, shift):
    yi, vi = data
    a = pool_arrays(yi, vi, method="REML", control=TIGHT, confint=False)
    b = pool_arrays(yi + shift, vi, method="REML", control=TIGHT, confint=False)
    assert b.estimate == pytest.approx(a.estimate + shift, abs=1e-7)
    assert b.tau2 == pytest.approx(a.tau2, rel=1e-6, abs=1e-10)


@settings(max_examples=30, deadline=None)
@given(data=studies(min_k=3))
def test_random_effects_ci_is_never_narrower_than_the_common_effect_ci(data):
    yi, vi = data
    fe = pool_arrays(yi, vi, method="EE", confint=False)
    re = pool_arrays(yi, vi, method="DL", confint=False)
    assert re.se >= fe.se * (1 - 1e-12)
