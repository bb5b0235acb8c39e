"""Mantel-Haenszel and Peto against metafor's rma.mh / rma.peto (zero cells, double zeros, NA rows)."""

from __future__ import annotations

import pandas as pd
import pytest

from evidencekit.errors import DataError
from evidencekit.meta.mh import mantel_haenszel, peto

CELLS = {
    "bcg_RR": ("bcg", {"ai": "tpos", "bi": "tneg", "ci": "cpos", "di": "cneg"}),
    "bcg_OR": ("bcg", {"ai": "tpos", "bi": "tneg", "ci": "cpos", "di": "cneg"}),
    "li2007_OR": ("li2007", {"ai": "ai", "n1i": "n1i", "ci": "ci", "n2i": "n2i"}),
    "yusuf1985t6_OR": ("yusuf1985t6", {"ai": "ai", "n1i": "n1i", "ci": "ci", "n2i": "n2i"}),
}
FIELDS = {"k": "k", "k_yi": "k.yi", "estimate": "estimate", "se": "se", "stat": "stat", "pval": "pval",
          "ci_lower": "ci.lb", "ci_upper": "ci.ub", "cmh": "CMH", "cmh_p": "CMHp", "tarone": "TA",
          "tarone_p": "TAp", "breslow_day": "BD", "breslow_day_p": "BDp"}


@pytest.mark.parametrize(("analysis", "method"), [(a, m) for a in CELLS for m in ("MH", "Peto")
                                                  if not (a == "bcg_RR" and m == "Peto")],
                         ids=lambda x: str(x))
def test_mantel_haenszel_and_peto_match_metafor(mf, analysis, method):
    inp, cols = CELLS[analysis]
    data = pd.read_csv(mf.dir / f"{inp}.input.csv")
    kw = {k: data[v].to_numpy(float) for k, v in cols.items()}
    ref = mf.anchor(analysis)["mantel_haenszel_peto"][method]
    r = mantel_haenszel(measure=analysis.split("_")[1], **kw) if method == "MH" else peto(**kw)
    pairs = {ours: (getattr(r, ours), ref.get(theirs)) for ours, theirs in FIELDS.items()}
    h = r.heterogeneity
    pairs |= {"QE": (h.Q, ref["QE"]), "QEp": (h.p, ref["QEp"]), "I2": (h.I2, ref["I2"]), "H2": (h.H2, ref["H2"])}
    mf.assert_all_close(pairs)


def test_mantel_haenszel_names_the_columns_it_needs():
    with pytest.raises(DataError, match=r"\(ai, bi, ci, di\) or \(ai, n1i, ci, n2i\)"):
        mantel_haenszel(ai=[1, 2], ci=[3, 4])
