"""Subgroup analysis (alloc) and meta-regression (ablat) against metafor on dat.bcg."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from evidencekit.errors import DataError
from evidencekit.meta import DEFAULT_CONTROL, TIGHT, Effect
from evidencekit.meta.estimators import qgen
from evidencekit.meta.regression import design_matrix, predict_regression, regression_arrays
from evidencekit.meta.subgroup import subgroup

COEF = {"estimate": "estimate", "se": "se", "stat": "stat", "pval": "pval", "ci_lower": "ci.lb", "ci_upper": "ci.ub"}
BCG = ["bcg_RR", "bcg_OR"]
#: R's uniroot tolerance (.Machine$double.eps^0.25), which metafor's confint() used for these anchors
UNIROOT_TOL = np.finfo(float).eps ** 0.25


def _coef_pairs(result, ref):
    pairs = {}
    for i, c in enumerate(result.coefficients):
        assert c.term == ref["coefficients"]["term"][i]
        pairs |= {f"{c.term}.{a}": (getattr(c, a), ref["coefficients"][b][i]) for a, b in COEF.items()}
    return pairs


def _model_pairs(result, ref):
    h = result.heterogeneity
    return {"QM": (result.moderators.stat, ref["QM"]), "QMp": (result.moderators.pval, ref["QMp"]),
            "tau2": (result.tau2, ref["tau2"]), "se.tau2": (result.se_tau2, ref.get("se.tau2")),
            "R2": (result.R2, ref["R2"]), "QE": (h.Q, ref["QE"]), "QEp": (h.p, ref["QEp"]),
            "I2": (h.I2, ref["I2"]), "H2": (h.H2, ref["H2"]), "vt": (h.vt, ref["vt"]), "s2w": (result.s2w, ref["s2w"]),
            "k": (result.k, ref["k"]), "QE.df": (h.df, ref["QE.df"])} | _fit_stats_pairs(result, ref)


def _fit_stats_pairs(result, ref):
    stats = result.fit_statistics()
    return {f"fit.stats.{lik}.{q}": (getattr(stats[lik], q), v)
            for lik, table in ref["fit.stats"].items() for q, v in table.items()}


@pytest.mark.parametrize("analysis", BCG)
@pytest.mark.parametrize("model", ["REML", "REML_knha", "FE", "DL"])
def test_subgroup_by_allocation_matches_metafor(mf, analysis, model):
    yi, vi, study = mf.effects_of(analysis)
    alloc = pd.read_csv(mf.dir / "bcg.input.csv")["alloc"].tolist()
    effects = [Effect(y, v, analysis[-2:], s, group=g) for y, v, s, g in zip(yi, vi, study, alloc)]
    sg = mf.anchor(analysis)["subgroup_alloc"]
    ref = sg["models"][model]
    result = subgroup(effects, name="alloc", method=ref["method"], test=ref["test"])
    assert result.levels == tuple(sg["levels"])
    assert list(result.model.moderators.df) == [d for d in ref["QMdf"] if d is not None]
    pairs = _coef_pairs(result.model, ref) | _model_pairs(result.model, ref)
    if model in sg["Q_between_separate"]:
        q = sg["Q_between_separate"][model]
        pairs |= {"Q_between_separate": (result.between_separate.stat, q["Q"]),
                  "Q_between_separate.p": (result.between_separate.pval, q["pval"])}
        for level, fit in zip(result.levels, result.subgroups):
            per = sg["per_subgroup"][level][model]
            pairs |= {f"{level}.{a}": (getattr(fit, a), per[b]) for a, b in
                      (("estimate", "estimate"), ("se", "se"), ("stat", "stat"), ("pval", "pval"),
                       ("ci_lower", "ci.lb"), ("ci_upper", "ci.ub"), ("tau2", "tau2"), ("se_tau2", "se.tau2"),
                       ("k", "k"), ("loglik", "logLik"))}
            h = fit.heterogeneity
            pairs |= {f"{level}.QE": (h.Q, per["QE"]), f"{level}.QEp": (h.p, per["QEp"]),
                      f"{level}.I2": (h.I2, per["I2"]), f"{level}.H2": (h.H2, per["H2"])}
    mf.assert_all_close(pairs)


@pytest.mark.parametrize("analysis", BCG)
@pytest.mark.parametrize("model", ["REML", "REML_knha", "REML_tight", "FE", "DL"])
def test_meta_regression_on_latitude_matches_metafor(mf, analysis, model):
    yi, vi, _ = mf.effects_of(analysis)
    ablat = pd.read_csv(mf.dir / "bcg.input.csv")["ablat"].to_numpy(float)
    ref = mf.anchor(analysis)["metareg_ablat"][model]
    X, terms = design_matrix({"ablat": ablat}, len(yi))
    control = TIGHT if model == "REML_tight" else DEFAULT_CONTROL
    result = regression_arrays(yi, vi, X, terms, method=ref["method"], test=ref["test"], control=control)
    pairs = _coef_pairs(result, ref) | _model_pairs(result, ref)
    if ref.get("confint"):
        # metafor ran confint(res) with its default uniroot tolerance here, so its bounds are only
        # good to that tolerance; ours solve Q(τ²) = χ² quantile exactly (checked below)
        for side, ours in (("ci.lb", result.tau2_ci.tau2.lower), ("ci.ub", result.tau2_ci.tau2.upper)):
            assert abs(ours - ref["confint"]["tau2"][side]) <= UNIROOT_TOL, side
        k, p = X.shape
        for bound, quantile in ((result.tau2_ci.tau2.lower, 0.975), (result.tau2_ci.tau2.upper, 0.025)):
            assert qgen(yi, vi, X, bound) == pytest.approx(stats.chi2.ppf(quantile, k - p), rel=1e-9)
    new = ref.get("predict_newmods")
    if new:
        no_pi = [None] * len(new["ablat"])            # EE/FE fits have no prediction interval
        for j, x in enumerate(new["ablat"]):
            p = predict_regression(result, [x])
            pairs |= {f"pred[{x}]": (p.pred, new["pred"][j]), f"se[{x}]": (p.se, new["se"][j]),
                      f"ci.lb[{x}]": (p.ci_lower, new["ci.lb"][j]), f"pi.lb[{x}]": (p.pi_lower, (new["pi.lb"] or no_pi)[j]),
                      f"pi.ub[{x}]": (p.pi_upper, (new["pi.ub"] or no_pi)[j])}
    mf.assert_all_close(pairs)


def test_meta_regression_refuses_collinear_moderators():
    X, terms = design_matrix({"a": [1.0, 2, 3, 4], "b": [2.0, 4, 6, 8]}, 4)
    with pytest.raises(DataError, match="collinear"):
        regression_arrays(np.array([0.1, 0.2, 0.3, 0.5]), np.full(4, 0.02), X, terms)


def test_subgroup_needs_two_subgroups():
    effects = [Effect(0.1, 0.01, "SMD", "a", group="x"), Effect(0.2, 0.02, "SMD", "b", group="x")]
    with pytest.raises(DataError, match="at least two subgroups"):
        subgroup(effects)
