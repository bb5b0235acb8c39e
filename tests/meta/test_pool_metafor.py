"""pool() against metafor 3.8-1: every analysis × estimator × test stored in the anchors.

Exact estimators are compared with ``fits_tight`` under our TIGHT control (same settings as the
anchors); the default-control ``fits`` are compared for the Fisher-scoring and closed-form
estimators, whose iteration we reproduce step by step.
"""

from __future__ import annotations

import math

from evidencekit.meta import DEFAULT_CONTROL, TIGHT, pool_arrays

#: fits whose default-control numbers depend on R's uniroot (tol 1.2e-4), which we do not mimic
UNIROOT_METHODS = ("PM",)


def _pairs(result, fit: dict, with_confint: bool) -> dict:
    h = result.heterogeneity
    pairs = {
        "k": (result.k, fit["k"]), "estimate": (result.estimate, fit["estimate"]), "se": (result.se, fit["se"]),
        "stat": (result.stat, fit["stat"]), "pval": (result.pval, fit["pval"]),
        "ci.lb": (result.ci_lower, fit["ci.lb"]), "ci.ub": (result.ci_upper, fit["ci.ub"]),
        "tau2": (result.tau2, fit["tau2"]), "se.tau2": (result.se_tau2, fit["se.tau2"]),
        "tau": (result.tau, fit["tau"]), "QE": (h.Q, fit["QE"]), "QE.df": (h.df, fit["QE.df"]),
        "QEp": (h.p, fit["QEp"]), "I2": (h.I2, fit["I2"]), "H2": (h.H2, fit["H2"]), "vt": (h.vt, fit["vt"]),
        "s2w": (result.s2w, fit["s2w"]), "logLik": (result.loglik, fit["logLik"]),
        "ddf": (result.ddf, fit["ddf"]),
    }
    for i, (w, ref) in enumerate(zip(result.weights, fit["weights_pct"])):
        pairs[f"weight[{i}]"] = (w, ref)
    for name, pred in (("predict", result.prediction), ("predict_riley", result.prediction_riley)):
        ref = fit[name]
        pairs |= {f"{name}.pred": (pred.pred, ref["pred"]), f"{name}.se": (pred.se, ref["se"]),
                  f"{name}.ci.lb": (pred.ci_lower, ref["ci.lb"]), f"{name}.ci.ub": (pred.ci_upper, ref["ci.ub"]),
                  f"{name}.pi.lb": (pred.pi_lower, ref["pi.lb"]), f"{name}.pi.ub": (pred.pi_upper, ref["pi.ub"])}
    stats = result.fit_statistics()
    for lik, table in fit["fit.stats"].items():
        for q, ref in table.items():
            pairs[f"fit.stats.{lik}.{q}"] = (getattr(stats[lik], q), ref)
    if with_confint and fit.get("confint"):
        c, ours = fit["confint"], result.tau2_ci
        for q in ("tau2", "tau", "I2", "H2"):
            pairs[f"{q}.ci.lb"] = (getattr(ours, q).lower, c[q]["ci.lb"])
            pairs[f"{q}.ci.ub"] = (getattr(ours, q).upper, c[q]["ci.ub"])
    return pairs


def test_pool_matches_metafor_tight_fits(mf, fit_case):
    aid, key = fit_case
    fit = mf.anchor(aid)["fits_tight"][key]
    yi, vi, study = mf.effects_of(aid)
    result = pool_arrays(yi, vi, method=fit["method"], test=fit["test"], studies=study, control=TIGHT)
    mf.assert_all_close(_pairs(result, fit, with_confint=True))
    if fit.get("confint"):
        c = fit["confint"]
        assert (result.tau2_ci.lower_sign, result.tau2_ci.upper_sign, result.tau2_ci.empty) == \
            (c["lb.sign"], c["ub.sign"], c["ci.null"])
    else:
        assert result.tau2_ci is None


def test_pool_with_default_control_reproduces_what_metafor_prints(mf, fit_case):
    aid, key = fit_case
    fit = mf.anchor(aid)["fits"][key]
    if fit["method"] in UNIROOT_METHODS:
        return                       # PM by default-control uniroot: covered by the tight test above
    yi, vi, study = mf.effects_of(aid)
    result = pool_arrays(yi, vi, method=fit["method"], test=fit["test"], studies=study, control=DEFAULT_CONTROL)
    mf.assert_all_close(_pairs(result, fit, with_confint=False))


def test_pool_drops_rows_without_an_effect_and_says_so(mf):
    yi, vi, study = mf.effects_of("yusuf1985t6_OR")
    missing = [s for s, y in zip(study, yi) if math.isnan(y)]
    assert len(missing) == 1
    result = pool_arrays(yi, vi, method="REML", studies=study)
    assert result.k == mf.anchor("yusuf1985t6_OR")["k_used"] == 21
    assert missing[0] not in result.studies
    assert any("1 studies with missing values omitted" in n for n in result.notes)
