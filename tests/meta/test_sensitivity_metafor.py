"""leave_one_out, cumulative and influence against metafor (on the default-control REML fit)."""

from __future__ import annotations

import pytest

from evidencekit.meta import pool_arrays
from evidencekit.meta.sensitivity import cumulative, influence, leave_one_out

SUMMARY = {"estimate": "estimate", "se": "se", "stat": "zval", "pval": "pval", "ci_lower": "ci.lb",
           "ci_upper": "ci.ub", "Q": "Q", "Qp": "Qp", "tau2": "tau2", "I2": "I2", "H2": "H2"}
INFLUENCE = {"rstudent": "rstudent", "dffits": "dffits", "cook_d": "cook.d", "cov_r": "cov.r",
             "tau2_del": "tau2.del", "QE_del": "QE.del", "hat": "hat", "weight": "weight", "dfbetas": "dfbs.intrcpt"}


def _reml(mf, aid):
    yi, vi, study = mf.effects_of(aid)
    return pool_arrays(yi, vi, method="REML", studies=study)


def _compare(mf, table, ref, columns):
    assert list(table.studies) == [str(s) for s in ref["slab"]]
    pairs = {f"{ours}[{i}]": (a, b) for ours, theirs in columns.items()
             for i, (a, b) in enumerate(zip(table.column(ours), ref[theirs]))}
    mf.assert_all_close(pairs)


@pytest.mark.parametrize("kind", ["leave1out", "cumul"])
def test_leave_one_out_and_cumulative_match_metafor(mf, analysis_id, kind):
    fn = leave_one_out if kind == "leave1out" else cumulative
    _compare(mf, fn(_reml(mf, analysis_id)), mf.anchor(analysis_id)[kind]["table"], SUMMARY)


def test_influence_diagnostics_match_metafor(mf, analysis_id):
    ref = mf.anchor(analysis_id)["influence"]["table"]
    table = influence(_reml(mf, analysis_id))
    _compare(mf, table, ref, INFLUENCE)
    assert list(table.column("influential")) == [bool(x) for x in ref["is.infl"]]


def test_influence_flags_a_study_far_from_the_rest():
    result = pool_arrays([0.1, 0.12, 0.08, 0.11, 0.09, 1.5], [0.01] * 6, method="REML")
    flags = influence(result).column("influential")
    assert flags[-1] is True and not any(flags[:-1])


def test_cumulative_first_row_is_the_first_study_alone(mf):
    result = _reml(mf, "tiny_k3")
    row0 = {k: v[0] for k, v in cumulative(result).columns.items()}
    assert row0["estimate"] == pytest.approx(result.yi[0])
    assert (row0["tau2"], row0["Q"], row0["I2"], row0["H2"]) == (0.0, 0.0, 0.0, 1.0)
