"""k = 1, k = 2, τ² = 0, zero cells, bad input: as metafor does, or a clear error."""

from __future__ import annotations

import math

import numpy as np
import pytest

from evidencekit.errors import DataError
from evidencekit.meta import Effect, escalc, pool, pool_arrays


def test_one_study_is_its_own_estimate_with_a_note():
    r = pool_arrays([0.4], [0.04], method="REML", test="knha")
    assert r.k == 1 and r.estimate == pytest.approx(0.4) and r.se == pytest.approx(0.2)
    assert r.tau2 == 0 and r.test == "z"
    assert any("k = 1" in n for n in r.notes) and any("Knapp-Hartung" in n for n in r.notes)
    assert (r.Q, r.heterogeneity.p, r.I2, r.H2) == (0.0, 1.0, 0.0, 1.0)


def test_identical_effects_give_tau2_zero_and_an_empty_q_profile_interval():
    r = pool_arrays([0.25] * 5, [0.01, 0.02, 0.03, 0.05, 0.08], method="REML")
    assert r.tau2 == 0 and r.Q == pytest.approx(0, abs=1e-20)
    assert r.tau2_ci.empty and r.tau2_ci.upper_sign == "<"


def test_knapp_hartung_with_zero_spread_has_zero_se_as_metafor():
    r = pool_arrays([0.25] * 5, [0.01, 0.02, 0.03, 0.05, 0.08], method="REML", test="knha")
    assert r.s2w == pytest.approx(0, abs=1e-25) and r.se == pytest.approx(0, abs=1e-12)
    assert r.ci_lower == pytest.approx(0.25) and r.ci_upper == pytest.approx(0.25)


def test_double_zero_tables_get_the_half_correction_and_stay_in_the_fit():
    effects = escalc("OR", ai=[0, 3, 5], bi=[20, 17, 15], ci=[0, 6, 8], di=[20, 14, 12])
    assert all("0.5 added" in n for n in effects[0].notes)
    r = pool(effects, method="DL")
    assert r.k == 3


def test_unknown_method_and_test_name_the_allowed_values():
    with pytest.raises(DataError, match="choose one of EE, FE, DL, REML"):
        pool_arrays([0.1, 0.2], [0.01, 0.02], method="REM")
    with pytest.raises(DataError, match="'z' or 'knha'"):
        pool_arrays([0.1, 0.2], [0.01, 0.02], test="hksj")


def test_negative_variance_is_refused():
    with pytest.raises(DataError, match="must not be negative"):
        pool_arrays([0.1, 0.2], [0.01, -0.02])


@pytest.mark.parametrize("method", ["EE", "DL", "REML", "PM"])
def test_zero_variance_is_refused_naming_the_study_and_the_likely_cause(method):
    with pytest.raises(DataError, match="vi = 0.*for Budi.*zero SD"):
        pool_arrays([0.1, 0.3, 0.2], [0.01, 0.0, 0.02], method=method, studies=["Ani", "Budi", "Citra"])


def test_all_rows_missing_is_refused():
    with pytest.raises(DataError, match="nothing to pool"):
        pool_arrays([math.nan, math.nan], [0.1, 0.1])


def test_effects_on_different_scales_are_not_pooled():
    with pytest.raises(DataError, match="different scales"):
        pool([Effect(0.1, 0.01, "SMD"), Effect(0.2, 0.02, "OR")])


def test_empty_input_is_refused():
    with pytest.raises(DataError, match="no effects to pool"):
        pool([])


def test_results_convert_to_json_and_pandas():
    import json

    r = pool_arrays([0.1, 0.3, 0.5], [0.01, 0.02, 0.03], studies=["a", "b", "c"])
    d = r.to_dict()
    json.dumps(d, allow_nan=False)
    assert d["heterogeneity"]["df"] == 2 and d["tau2_ci"]["tau2"]["lower"] >= 0
    frame = r.to_frame()
    assert list(frame["study"]) == ["a", "b", "c"]
    assert frame["weight_pct"].sum() == pytest.approx(100)
    assert r.summary_frame().loc[0, "k"] == 3


def test_large_k_pools_without_forming_k_by_k_matrices():
    rng = np.random.default_rng(1)
    k = 200_000
    vi = rng.uniform(0.01, 0.1, k)
    yi = rng.normal(0.3, np.sqrt(vi + 0.04))
    r = pool_arrays(yi, vi, method="REML", confint=False)
    assert r.tau2 == pytest.approx(0.04, rel=0.05) and r.estimate == pytest.approx(0.3, abs=0.01)
