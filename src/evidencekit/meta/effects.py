"""Effect sizes as metafor's ``escalc`` computes them (metafor 3.8-1, all defaults).

Definitions (tests/meta/test_effects_metafor.py checks them against the anchors):

* SMD — Hedges' g with the exact gamma-function correction J(m) (not 1 − 3/(4m − 1)),
  m = n1 + n2 − 2; vi = 1/n1 + 1/n2 + g²/(2(n1 + n2)) (``vtype="LS"``).
* MD — m1 − m2; vi = sd1²/n1 + sd2²/n2. ROM — log(m1/m2); vi = sd1²/(n1 m1²) + sd2²/(n2 m2²).
* SMCR — J(n − 1)(m1 − m2)/sd1 (sd1 = pre-test SD); vi = 2(1 − r)/n + yi²/(2n).
  SMCC — J(n − 1)(m1 − m2)/sd_d with sd_d² = sd1² + sd2² − 2 r sd1 sd2; vi = 1/n + yi²/(2n).
  For both, m1 is the post-test mean and m2 the pre-test mean.
* OR, RR, RD from 2×2 tables (ai, bi, ci, di or ai, n1i, ci, n2i); 0.5 is added to every cell of a
  table with a zero cell (``add=0.5, to="only0"``); double-zero tables are kept (``drop00=FALSE``).
* ZCOR — atanh(r), vi = 1/(n − 3). COR — r, vi = (1 − r²)²/(n − 1).

Everything is vectorised numpy; a row with a missing input gives NaN (metafor's NA), and rma drops
it with a note. The computations are ours: statsmodels' ``effectsize_smd`` uses the approximate J,
and PyMARE has no escalc.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
from scipy.special import gammaln

from evidencekit.errors import DataError
from evidencekit.meta.results import Effect

#: escalc's default continuity correction for 2×2 tables with a zero cell (add=0.5, to="only0")
ZERO_CELL_ADD = 0.5

#: measure -> alternative sets of columns (metafor's argument names) that can compute it
MEASURE_COLUMNS: dict[str, tuple[tuple[str, ...], ...]] = {
    "SMD": (("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i"),),
    "MD": (("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i"),),
    "ROM": (("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i"),),
    "SMCR": (("m1i", "m2i", "sd1i", "ni", "ri"),),
    "SMCC": (("m1i", "m2i", "sd1i", "sd2i", "ni", "ri"),),
    "OR": (("ai", "bi", "ci", "di"), ("ai", "n1i", "ci", "n2i")),
    "RR": (("ai", "bi", "ci", "di"), ("ai", "n1i", "ci", "n2i")),
    "RD": (("ai", "bi", "ci", "di"), ("ai", "n1i", "ci", "n2i")),
    "ZCOR": (("ri", "ni"),),
    "COR": (("ri", "ni"),),
    "GEN": (("yi", "vi"), ("yi", "sei")),
}
MEASURES = tuple(MEASURE_COLUMNS)


@dataclass(frozen=True, slots=True)
class EffectArrays:
    """escalc output as arrays: ``yi``, ``vi`` and, for 2×2 measures, which rows got +0.5."""

    measure: str
    yi: np.ndarray
    vi: np.ndarray
    zero_cell_corrected: np.ndarray


def hedges_j(m: np.ndarray | float) -> np.ndarray:
    """Exact small-sample correction J(m) = Γ(m/2) / (sqrt(m/2) Γ((m − 1)/2)) (Hedges 1981)."""
    m = np.asarray(m, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.exp(gammaln(m / 2) - np.log(np.sqrt(m / 2)) - gammaln((m - 1) / 2))


def columns_for(measure: str, available: Sequence[str]) -> tuple[str, ...]:
    """The first column set of ``measure`` that ``available`` covers; raises DataError naming them."""
    measure = check_measure(measure)
    have = set(available)
    for option in MEASURE_COLUMNS[measure]:
        if set(option) <= have:
            return option
    needed = " or ".join("(" + ", ".join(o) + ")" for o in MEASURE_COLUMNS[measure])
    missing = sorted(set(MEASURE_COLUMNS[measure][0]) - have)
    raise DataError(f"measure {measure} needs the columns {needed}; missing {', '.join(missing)}. "
                    "Rename your columns to metafor's names or choose another --measure.")


def check_measure(measure: str) -> str:
    """The measure code as metafor spells it ("smd" -> "SMD"); DataError naming the known ones."""
    m = measure.upper() if measure.upper() in MEASURE_COLUMNS else measure
    if m not in MEASURE_COLUMNS:
        raise DataError(f"unknown measure {measure!r}; choose one of {', '.join(MEASURES)}")
    return m


def _f(x: object) -> np.ndarray:
    return np.asarray(x, dtype=float)


def escalc_arrays(measure: str, **columns: Sequence[float] | np.ndarray) -> EffectArrays:
    """yi and vi for one measure from metafor-named columns (vectorised; NaN where data are missing)."""
    measure = check_measure(measure)
    cols = {k: _f(v) for k, v in columns.items() if v is not None}
    used = columns_for(measure, list(cols))
    c = {k: cols[k] for k in used}
    corrected = np.zeros(len(next(iter(c.values()))), dtype=bool)
    with np.errstate(invalid="ignore", divide="ignore"):
        if measure in ("SMD", "MD", "ROM"):
            yi, vi = _two_group(measure, c)
        elif measure in ("SMCR", "SMCC"):
            yi, vi = _pre_post(measure, c)
        elif measure in ("OR", "RR", "RD"):
            yi, vi, corrected = _two_by_two(measure, c)
        elif measure in ("ZCOR", "COR"):
            r, n = c["ri"], c["ni"]
            yi, vi = (np.arctanh(r), 1 / (n - 3)) if measure == "ZCOR" else (r, (1 - r**2) ** 2 / (n - 1))
        else:
            yi = c["yi"]
            vi = c["vi"] if "vi" in c else c["sei"] ** 2
    return EffectArrays(measure, np.asarray(yi, float), np.asarray(vi, float), corrected)


def _two_group(measure: str, c: Mapping[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    m1, sd1, n1, m2, sd2, n2 = (c[k] for k in ("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i"))
    if measure == "MD":
        return m1 - m2, sd1**2 / n1 + sd2**2 / n2
    if measure == "ROM":
        return np.log(m1 / m2), sd1**2 / (n1 * m1**2) + sd2**2 / (n2 * m2**2)
    m = n1 + n2 - 2
    sp = np.sqrt(((n1 - 1) * sd1**2 + (n2 - 1) * sd2**2) / m)
    g = hedges_j(m) * (m1 - m2) / sp
    return g, 1 / n1 + 1 / n2 + g**2 / (2 * (n1 + n2))


def _pre_post(measure: str, c: Mapping[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    m1, m2, sd1, n, r = c["m1i"], c["m2i"], c["sd1i"], c["ni"], c["ri"]
    if measure == "SMCR":
        yi = hedges_j(n - 1) * (m1 - m2) / sd1
        return yi, 2 * (1 - r) / n + yi**2 / (2 * n)
    sd2 = c["sd2i"]
    sdd = np.sqrt(sd1**2 + sd2**2 - 2 * r * sd1 * sd2)
    yi = hedges_j(n - 1) * (m1 - m2) / sdd
    return yi, 1 / n + yi**2 / (2 * n)


def two_by_two_cells(c: Mapping[str, np.ndarray]) -> tuple[np.ndarray, ...]:
    """(ai, bi, ci, di) from either (ai, bi, ci, di) or (ai, n1i, ci, n2i)."""
    a, cc = c["ai"], c["ci"]
    b = c["bi"] if "bi" in c else c["n1i"] - a
    d = c["di"] if "di" in c else c["n2i"] - cc
    return _f(a), _f(b), _f(cc), _f(d)


def _two_by_two(measure: str, c: Mapping[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    a, b, cc, d = two_by_two_cells(c)
    cells = np.stack([a, b, cc, d])
    if np.any(cells < 0):
        raise DataError("2×2 cells must not be negative (check that ai ≤ n1i and ci ≤ n2i).")
    corrected = np.any(cells == 0, axis=0)                   # to="only0": only tables with a zero
    a, b, cc, d = cells + ZERO_CELL_ADD * corrected
    n1, n2 = a + b, cc + d
    if measure == "OR":
        return np.log(a * d / (b * cc)), 1 / a + 1 / b + 1 / cc + 1 / d, corrected
    if measure == "RR":
        return np.log(a / n1) - np.log(cc / n2), 1 / a - 1 / n1 + 1 / cc - 1 / n2, corrected
    p1, p2 = a / n1, cc / n2
    return p1 - p2, p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2, corrected


def escalc(measure: str, *, study: Sequence[str] | None = None, group: Sequence[str] | None = None,
           **columns: Sequence[float] | np.ndarray) -> tuple[Effect, ...]:
    """Effect sizes as :class:`Effect` objects (metafor ``escalc``); rows with missing data keep NaN.

    Example: ``escalc("SMD", m1i=[5.2], sd1i=[1.1], n1i=[20], m2i=[4.1], sd2i=[1.3], n2i=[21])``.
    """
    arr = escalc_arrays(measure, **columns)
    k = len(arr.yi)
    labels = list(study) if study is not None else [f"study {i + 1}" for i in range(k)]
    groups = list(group) if group is not None else [None] * k
    derived = {"SMD": "two_group_mean_sd", "MD": "two_group_mean_sd", "ROM": "two_group_mean_sd",
               "SMCR": "pre_post_mean_sd", "SMCC": "pre_post_mean_sd", "OR": "two_by_two",
               "RR": "two_by_two", "RD": "two_by_two", "ZCOR": "correlation", "COR": "correlation",
               "GEN": "given"}[arr.measure]
    out = []
    for i in range(k):
        notes = ("0.5 added to every cell (table has a zero cell).",) if arr.zero_cell_corrected[i] else ()
        out.append(Effect(float(arr.yi[i]), float(arr.vi[i]), arr.measure, str(labels[i]), derived,
                          group=None if groups[i] is None else str(groups[i]), notes=notes))
    return tuple(out)


__all__ = ["EffectArrays", "MEASURES", "MEASURE_COLUMNS", "ZERO_CELL_ADD", "columns_for", "escalc",
           "escalc_arrays", "hedges_j", "two_by_two_cells"]
