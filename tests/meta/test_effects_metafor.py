"""escalc() against metafor's escalc output for every analysis with raw data."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from evidencekit.errors import DataError
from evidencekit.meta import escalc, escalc_arrays
from evidencekit.meta.effects import hedges_j

#: analysis -> (input file, measure, escalc columns as metafor names -> input columns)
ESCALC_CALLS = {
    "bcg_RR": ("bcg", "RR", {"ai": "tpos", "bi": "tneg", "ci": "cpos", "di": "cneg"}),
    "bcg_OR": ("bcg", "OR", {"ai": "tpos", "bi": "tneg", "ci": "cpos", "di": "cneg"}),
    "normand1999_SMD": ("normand1999", "SMD", {k: k for k in ("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i")}),
    "normand1999_MD": ("normand1999", "MD", {k: k for k in ("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i")}),
    "molloy2014_ZCOR": ("molloy2014", "ZCOR", {"ri": "ri", "ni": "ni"}),
    "morris2008T_SMCR": ("morris2008T", "SMCR", {"m1i": "m_post", "m2i": "m_pre", "sd1i": "sd_pre",
                                                 "ni": "ni", "ri": "ri"}),
    "morris2008T_SMCC": ("morris2008T", "SMCC", {"m1i": "m_post", "m2i": "m_pre", "sd1i": "sd_post",
                                                 "sd2i": "sd_pre", "ni": "ni", "ri": "ri"}),
    "li2007_OR": ("li2007", "OR", {"ai": "ai", "n1i": "n1i", "ci": "ci", "n2i": "n2i"}),
    "yusuf1985t6_OR": ("yusuf1985t6", "OR", {"ai": "ai", "n1i": "n1i", "ci": "ci", "n2i": "n2i"}),
}


@pytest.mark.parametrize("analysis", list(ESCALC_CALLS))
def test_escalc_matches_metafor(mf, analysis):
    inp, measure, cols = ESCALC_CALLS[analysis]
    data = pd.read_csv(mf.dir / f"{inp}.input.csv")
    arr = escalc_arrays(measure, **{k: data[v].to_numpy(float) for k, v in cols.items()})
    ref = mf.anchor(analysis)["escalc"]
    pairs = {}
    for i, (y, v, ry, rv) in enumerate(zip(arr.yi, arr.vi, ref["yi"], ref["vi"])):
        pairs[f"yi[{i}]"] = (None if math.isnan(y) else y, ry)
        pairs[f"vi[{i}]"] = (None if math.isnan(v) else v, rv)
    mf.assert_all_close(pairs)
    if "zero_cell_corrected" in ref:
        corrected = [bool(c) for c in ref["zero_cell_corrected"]]
        ours = [bool(c) for c in arr.zero_cell_corrected]
        # the all-NA row of yusuf has no cells at all: metafor reports NA there
        assert [o for o, r in zip(ours, corrected) if r is not None] == [r for r in corrected if r is not None]


def test_hedges_j_is_the_exact_gamma_correction_not_the_approximation():
    m = 10.0
    assert hedges_j(m) == pytest.approx(math.gamma(m / 2) / (math.sqrt(m / 2) * math.gamma((m - 1) / 2)), rel=1e-12)
    assert abs(hedges_j(m) - (1 - 3 / (4 * m - 1))) > 1e-5


def test_escalc_records_the_derivation_and_the_zero_cell_correction():
    effects = escalc("OR", ai=[0, 5], bi=[10, 5], ci=[3, 4], di=[7, 6], study=["Ana 2020", "Budi 2021"])
    assert [e.derived_from for e in effects] == ["two_by_two", "two_by_two"]
    assert effects[0].notes and "0.5 added" in effects[0].notes[0]
    assert not effects[1].notes
    assert effects[0].yi == pytest.approx(math.log(0.5 * 7.5 / (10.5 * 3.5)))


def test_escalc_names_the_columns_a_measure_needs():
    with pytest.raises(DataError, match=r"SMD needs the columns \(m1i, sd1i, n1i, m2i, sd2i, n2i\).*missing n2i, sd2i"):
        escalc_arrays("SMD", m1i=[1.0], sd1i=[1.0], n1i=[10], m2i=[0.5])


def test_escalc_rejects_an_unknown_measure():
    with pytest.raises(DataError, match="unknown measure 'XYZ'"):
        escalc_arrays("XYZ", yi=[1.0], vi=[1.0])


def test_escalc_gives_nan_for_a_row_with_missing_data():
    arr = escalc_arrays("MD", m1i=[1.0, np.nan], sd1i=[1, 1], n1i=[10, 10], m2i=[0.0, 0.0], sd2i=[1, 1], n2i=[10, 10])
    assert math.isfinite(arr.yi[0]) and math.isnan(arr.yi[1])


def test_risk_difference_ratio_of_means_and_raw_correlation_follow_escalc_definitions():
    # hand-computed from the escalc formulas (metafor: RD vtype "LS", ROM, COR)
    rd = escalc_arrays("RD", ai=[12], n1i=[40], ci=[6], n2i=[38])
    p1, p2 = 12 / 40, 6 / 38
    assert rd.yi[0] == pytest.approx(p1 - p2)
    assert rd.vi[0] == pytest.approx(p1 * (1 - p1) / 40 + p2 * (1 - p2) / 38)
    rom = escalc_arrays("ROM", m1i=[30.0], sd1i=[6.0], n1i=[20], m2i=[25.0], sd2i=[5.0], n2i=[22])
    assert rom.yi[0] == pytest.approx(math.log(30 / 25))
    assert rom.vi[0] == pytest.approx(36 / (20 * 900) + 25 / (22 * 625))
    cor = escalc_arrays("COR", ri=[0.3], ni=[50])
    assert (cor.yi[0], cor.vi[0]) == pytest.approx((0.3, (1 - 0.09) ** 2 / 49))


def test_negative_cells_are_refused():
    with pytest.raises(DataError, match="must not be negative"):
        escalc_arrays("OR", ai=[5], n1i=[4], ci=[1], n2i=[10])
