"""Mantel-Haenszel (OR, RR) and Peto (OR) pooling of 2×2 tables (metafor ``rma.mh``, ``rma.peto``).

metafor defaults: tables with a missing cell are dropped; the pooled estimate uses every table
(double-zero tables contribute nothing); the heterogeneity Q uses study-level effects with 0.5
added to tables with a zero cell and double-zero tables dropped (``add=1/2, to="only0",
drop00=TRUE``). MH-OR: Robins-Breslow-Greenland variance, Cochran-Mantel-Haenszel test with
continuity correction, Tarone's and the Breslow-Day test of homogeneity. MH-RR: Greenland-Robins
variance. Our code: statsmodels' ``StratifiedTable`` gives the MH OR and the RBG variance but
not MH-RR's metafor conventions, Peto or metafor's Q, so all of it lives here in one place.
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np
from scipy import stats

from evidencekit.errors import DataError
from evidencekit.meta.effects import ZERO_CELL_ADD, two_by_two_cells
from evidencekit.meta.results import Heterogeneity, MantelHaenszelResult


def _tables(**cols: Sequence[float] | None) -> tuple[tuple[np.ndarray, ...], tuple[str, ...]]:
    given = {k: np.asarray(v, float) for k, v in cols.items() if v is not None}
    if not ({"ai", "ci"} <= set(given) and ({"bi", "di"} <= set(given) or {"n1i", "n2i"} <= set(given))):
        raise DataError("Mantel-Haenszel/Peto need 2×2 tables: columns (ai, bi, ci, di) or (ai, n1i, ci, n2i).")
    a, b, c, d = two_by_two_cells(given)
    ok = np.isfinite(a) & np.isfinite(b) & np.isfinite(c) & np.isfinite(d)
    notes = () if ok.all() else (f"{int((~ok).sum())} tables with missing cells omitted from model fitting.",)
    a, b, c, d = a[ok], b[ok], c[ok], d[ok]
    if np.any(np.stack([a, b, c, d]) < 0):
        raise DataError("2×2 cells must not be negative (check that ai ≤ n1i and ci ≤ n2i).")
    if len(a) == 0:
        raise DataError("no complete 2×2 table to pool.")
    return (a, b, c, d), notes


def _study_effects(measure: str, a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Study-level yi/vi for Q: +0.5 to tables with a zero cell (not for Peto), double zeros dropped."""
    double_zero = ((a == 0) & (c == 0)) | ((b == 0) & (d == 0))
    zero = (np.stack([a, b, c, d]) == 0).any(axis=0)
    if measure != "PETO":                                  # Peto's O − E needs no correction
        a, b, c, d = (x + ZERO_CELL_ADD * zero for x in (a, b, c, d))
    with np.errstate(invalid="ignore", divide="ignore"):
        yi, vi = _table_effect(measure, a, b, c, d)
    keep = ~double_zero & np.isfinite(yi) & np.isfinite(vi)
    return yi[keep], vi[keep]


def _table_effect(measure: str, a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray]:
    if measure == "OR":
        yi, vi = np.log(a * d / (b * c)), 1 / a + 1 / b + 1 / c + 1 / d
    elif measure == "RR":
        yi, vi = np.log(a / (a + b)) - np.log(c / (c + d)), 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d)
    else:                                                  # PETO
        n1, n2, m1 = a + b, c + d, a + c
        n = n1 + n2
        m2 = n - m1
        var = n1 * n2 * m1 * m2 / (n**2 * (n - 1))
        yi, vi = (a - n1 * m1 / n) / var, 1 / var
    return yi, vi


def _q(yi: np.ndarray, vi: np.ndarray, est: float) -> Heterogeneity:
    k = len(yi)
    Q = float(((yi - est) ** 2 / vi).sum())
    df = k - 1
    if df <= 0:
        return Heterogeneity(Q, df, 1.0, 0.0, 1.0, math.nan)
    return Heterogeneity(Q, df, float(stats.chi2.sf(Q, df)), max(0.0, 100 * (Q - df) / Q) if Q > 0 else 0.0,
                         Q / df, math.nan)


def _z(est: float, se: float, level: float) -> tuple[float, float, float, float]:
    z = est / se
    crit = float(stats.norm.ppf(1 - (1 - level) / 2))
    return z, float(2 * stats.norm.sf(abs(z))), est - crit * se, est + crit * se


def mantel_haenszel(*, measure: str = "OR", level: float = 0.95, ai: Sequence[float] | None = None,
                    bi: Sequence[float] | None = None, ci: Sequence[float] | None = None,
                    di: Sequence[float] | None = None, n1i: Sequence[float] | None = None,
                    n2i: Sequence[float] | None = None) -> MantelHaenszelResult:
    """Mantel-Haenszel pooled log OR or log RR (metafor ``rma.mh``)."""
    if measure not in ("OR", "RR"):
        raise DataError(f"Mantel-Haenszel is available for OR and RR; got {measure!r}.")
    (a, b, c, d), notes = _tables(ai=ai, bi=bi, ci=ci, di=di, n1i=n1i, n2i=n2i)
    n1, n2 = a + b, c + d
    n = n1 + n2
    if measure == "OR":
        R, S = float((a * d / n).sum()), float((b * c / n).sum())
        P, Q = (a + d) / n, (b + c) / n
        var = (float((P * a * d / n).sum()) / (2 * R**2)
               + float((P * b * c / n + Q * a * d / n).sum()) / (2 * R * S)
               + float((Q * b * c / n).sum()) / (2 * S**2))
    else:
        R, S = float((a * n2 / n).sum()), float((c * n1 / n).sum())
        var = float(((n1 * n2 * (a + c) - a * c * n) / n**2).sum()) / (R * S)
    if R == 0 or S == 0:
        raise DataError("the Mantel-Haenszel estimate is 0 or infinite: no events in one arm across all tables.")
    est, se = math.log(R / S), math.sqrt(var)
    z, p, lo, hi = _z(est, se, level)
    yi, vi = _study_effects(measure, a, b, c, d)
    extra: dict[str, float | None] = {}
    if measure == "OR":
        extra = _or_tests(a, b, c, d, R / S)
    if len(yi) < len(a):
        notes += (f"{len(a) - len(yi)} double-zero tables have no study-level effect (not in Q).",)
    return MantelHaenszelResult("OR" if measure == "OR" else "RR", "MH", level, len(a), len(yi), est, se, z, p,
                                lo, hi, _q(yi, vi, est), notes=notes, **extra)


def _or_tests(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray, or_mh: float) -> dict[str, float | None]:
    """Cochran-Mantel-Haenszel (continuity-corrected), Breslow-Day and Tarone's tests for MH-OR."""
    n1, n2, m1 = a + b, c + d, a + c
    n = n1 + n2
    m2 = n - m1
    informative = n > 1
    ea = n1 * m1 / n
    va = np.where(informative, n1 * n2 * m1 * m2 / (n**2 * np.maximum(n - 1, 1)), 0.0)
    cmh = (abs(float(a.sum() - ea.sum())) - 0.5) ** 2 / float(va.sum())
    # Breslow-Day: expected a under the common OR solves A (n2 − m1 + A) = ψ (m1 − A)(n1 − A)
    lo, hi = np.maximum(0, m1 - n2), np.minimum(n1, m1)
    use = (hi > lo)                                      # tables whose margins leave a free cell
    psi = or_mh
    qa = 1 - psi
    qb = (n2 - m1) + psi * (m1 + n1)
    qc = -psi * m1 * n1
    with np.errstate(invalid="ignore", divide="ignore"):
        disc = np.sqrt(qb**2 - 4 * qa * qc)
        r1, r2 = (-qb + disc) / (2 * qa), (-qb - disc) / (2 * qa)
        A = np.where((r1 >= lo - 1e-9) & (r1 <= hi + 1e-9), r1, r2) if qa != 0 else -qc / qb
        vA = 1 / (1 / A + 1 / (m1 - A) + 1 / (n1 - A) + 1 / (n2 - m1 + A))
    A, vA, aa = A[use], vA[use], a[use]
    bd = float(((aa - A) ** 2 / vA).sum())
    ta = bd - float(aa.sum() - A.sum()) ** 2 / float(vA.sum())
    df = int(use.sum()) - 1
    return {"cmh": cmh, "cmh_p": float(stats.chi2.sf(cmh, 1)),
            "breslow_day": bd, "breslow_day_p": float(stats.chi2.sf(bd, df)) if df > 0 else None,
            "tarone": ta, "tarone_p": float(stats.chi2.sf(ta, df)) if df > 0 else None}


def peto(*, level: float = 0.95, ai: Sequence[float] | None = None, bi: Sequence[float] | None = None,
         ci: Sequence[float] | None = None, di: Sequence[float] | None = None,
         n1i: Sequence[float] | None = None, n2i: Sequence[float] | None = None) -> MantelHaenszelResult:
    """Peto's one-step pooled log OR: Σ(O − E)/ΣV, se = 1/sqrt(ΣV) (metafor ``rma.peto``)."""
    (a, b, c, d), notes = _tables(ai=ai, bi=bi, ci=ci, di=di, n1i=n1i, n2i=n2i)
    n1, n2, m1 = a + b, c + d, a + c
    n = n1 + n2
    m2 = n - m1
    with np.errstate(invalid="ignore", divide="ignore"):
        var = np.where(n > 1, n1 * n2 * m1 * m2 / (n**2 * (n - 1)), 0.0)
    V = float(var.sum())
    if V == 0:
        raise DataError("Peto's method needs at least one table with events and non-events.")
    est, se = float((a - n1 * m1 / n).sum()) / V, 1 / math.sqrt(V)
    z, p, lo, hi = _z(est, se, level)
    yi, vi = _study_effects("PETO", a, b, c, d)
    return MantelHaenszelResult("OR", "Peto", level, len(a), len(yi), est, se, z, p, lo, hi, _q(yi, vi, est),
                                notes=notes)


__all__ = ["mantel_haenszel", "peto"]
