"""regtest (rma and lm), ranktest and trim-and-fill (L0, R0) against metafor."""

from __future__ import annotations

import math

import pytest

from evidencekit.errors import DataError
from evidencekit.meta import pool_arrays
from evidencekit.meta.bias import ranktest, regtest, trimfill


def _reml(mf, aid):
    yi, vi, study = mf.effects_of(aid)
    return pool_arrays(yi, vi, method="REML", studies=study)


@pytest.mark.parametrize("model", ["rma", "lm"])
def test_regtest_matches_metafor(mf, analysis_id, model):
    ref = mf.anchor(analysis_id)["regtest" if model == "rma" else "regtest_lm"]
    if ref.get("error"):
        with pytest.raises(DataError, match="needs at least 3 studies"):
            regtest(_reml(mf, analysis_id), model=model)
        return
    if analysis_id == "identical_k5" and model == "lm":
        return                      # README: metafor's t there is 0/0 rounding noise, not an oracle
    t = regtest(_reml(mf, analysis_id), model=model)
    pairs = {"stat": (t.stat, ref["stat"]), "pval": (t.pval, ref["pval"]),
             "limit": (t.limit_estimate, ref["limit_estimate"]),
             "limit.lb": (t.limit_ci_lower, ref["limit_ci.lb"]), "limit.ub": (t.limit_ci_upper, ref["limit_ci.ub"])}
    for i, c in enumerate(t.coefficients):
        for ours, theirs in (("estimate", "estimate"), ("se", "se"), ("stat", "stat"), ("pval", "pval")):
            pairs[f"{c.term}.{ours}"] = (getattr(c, ours), ref["fit"][theirs][i])
    assert t.df == ref["dfs"]
    if "tau2" in ref["fit"]:
        pairs["tau2"] = (t.tau2, ref["fit"]["tau2"])
    mf.assert_all_close(pairs)


def test_ranktest_matches_metafor(mf, analysis_id):
    ref = mf.anchor(analysis_id)["ranktest"]
    t = ranktest(_reml(mf, analysis_id))
    mf.assert_all_close({"tau": (t.stat, ref["tau"]), "pval": (t.pval, ref["pval"])})


@pytest.mark.parametrize("estimator", ["L0", "R0"])
def test_trimfill_matches_metafor(mf, analysis_id, estimator):
    ref = mf.anchor(analysis_id)["trimfill" if estimator == "L0" else "trimfill_R0"]
    if ref.get("error"):
        with pytest.raises(DataError):
            trimfill(_reml(mf, analysis_id), estimator=estimator)
        return
    t = trimfill(_reml(mf, analysis_id), estimator=estimator)
    assert (t.side, t.k0, t.result.k) == (ref["side"], ref["k0"], ref["k"])
    r = t.result
    pairs = {"se.k0": (t.se_k0, ref["se.k0"]), "p.k0": (t.p_k0, ref["p.k0"]),
             "estimate": (r.estimate, ref["estimate"]), "se": (r.se, ref["se"]), "stat": (r.stat, ref["stat"]),
             "pval": (r.pval, ref["pval"]), "ci.lb": (r.ci_lower, ref["ci.lb"]), "ci.ub": (r.ci_upper, ref["ci.ub"]),
             "tau2": (r.tau2, ref["tau2"]), "se.tau2": (r.se_tau2, ref["se.tau2"]), "QE": (r.Q, ref["QE"]),
             "QEp": (r.heterogeneity.p, ref["QEp"]), "I2": (r.I2, ref["I2"]), "H2": (r.H2, ref["H2"])}
    for i, (a, b) in enumerate(zip(t.filled_yi, ref["filled_yi"])):
        pairs[f"filled_yi[{i}]"] = (a, b)
    for i, (a, b) in enumerate(zip(t.filled_vi, ref["filled_vi"])):
        pairs[f"filled_vi[{i}]"] = (a, b)
    assert len(t.filled_yi) == len(ref["filled_yi"])
    mf.assert_all_close(pairs)


def test_regtest_lm_with_two_studies_has_no_p_value_as_metafor():
    t = regtest(pool_arrays([-0.3, 0.4], [0.05, 0.08]), model="lm")
    assert t.df == 0 and math.isnan(t.pval) and t.notes


def test_trimfill_fills_the_missing_side_of_an_asymmetric_funnel():
    # small studies only on the right: the left side should be filled
    yi = [0.1, 0.15, 0.2, 0.5, 0.7, 0.9, 1.1]
    vi = [0.005, 0.01, 0.02, 0.08, 0.12, 0.2, 0.3]
    t = trimfill(pool_arrays(yi, vi, method="REML"))
    assert t.side == "left" and t.k0 > 0
    assert t.result.estimate < pool_arrays(yi, vi, method="REML").estimate
