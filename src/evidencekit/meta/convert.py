"""Effect sizes from what papers report instead of means and SDs.

Each function is pure, takes plain numbers and returns an :class:`Effect` that records how it was
derived (``derived_from``), every assumption (``assumed``) and, for bounds, ``conservative=True``.

* t or F(1, df) with group sizes -> Hedges' g (Borenstein et al. 2009, ch. 7; exact J as escalc).
* paired t with n -> standardised mean change (SMCC: d_z = t/√n; SMCR with an assumed pre/post r).
* Z (Wilcoxon, Mann-Whitney) with N -> r = Z/√N (Rosenthal 1991) -> d = 2r/√(1 − r²).
* p (or a bound like p < .001) -> z = Φ⁻¹(1 − p/2) -> as above; a bound gives a conservative effect.
* median with IQR and/or range -> mean (Luo et al. 2018) and SD (Wan et al. 2014).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scipy import stats

from evidencekit.errors import DataError
from evidencekit.meta.effects import hedges_j
from evidencekit.meta.results import Effect


def _need(cond: bool, message: str) -> None:
    if not cond:
        raise DataError(message)


def _smd_variance(g: float, n1: float, n2: float) -> float:
    """escalc's large-sample variance of g (vtype "LS")."""
    return 1 / n1 + 1 / n2 + g**2 / (2 * (n1 + n2))


def smd_from_t(t: float, n1: int, n2: int, *, study: str | None = None) -> Effect:
    """Hedges' g from an independent-samples t: d = t·sqrt(1/n1 + 1/n2), g = J(n1 + n2 − 2)·d."""
    _need(n1 > 1 and n2 > 1, f"group sizes must exceed 1; got n1={n1}, n2={n2}")
    g = float(hedges_j(n1 + n2 - 2)) * t * math.sqrt(1 / n1 + 1 / n2)
    return Effect(g, _smd_variance(g, n1, n2), "SMD", study, "t_two_group")


def smd_from_f(f: float, n1: int, n2: int, *, sign: int = 1, study: str | None = None) -> Effect:
    """Hedges' g from F(1, df) of a two-group comparison (t = ±√F; the sign must come from the means)."""
    _need(f >= 0, f"F must not be negative; got {f}")
    _need(sign in (1, -1), "sign must be +1 or -1 (which group had the higher mean)")
    e = smd_from_t(sign * math.sqrt(f), n1, n2, study=study)
    return Effect(e.yi, e.vi, "SMD", study, "f_two_group", assumed={"direction": float(sign)})


def smcc_from_paired_t(t: float, n: int, *, study: str | None = None) -> Effect:
    """Standardised mean change (change-score SD) from a paired t: yi = J(n − 1)·t/√n; vi = 1/n + yi²/(2n)."""
    _need(n > 2, f"n must exceed 2; got {n}")
    yi = float(hedges_j(n - 1)) * t / math.sqrt(n)
    return Effect(yi, 1 / n + yi**2 / (2 * n), "SMCC", study, "paired_t")


def smcr_from_paired_t(t: float, n: int, r_prepost: float, *, study: str | None = None) -> Effect:
    """SMCR (raw-score SD) from a paired t, assuming equal pre/post SDs: d = d_z·sqrt(2(1 − r))."""
    _need(-1 < r_prepost < 1, f"the pre/post correlation must lie in (-1, 1); got {r_prepost}")
    _need(n > 2, f"n must exceed 2; got {n}")
    yi = float(hedges_j(n - 1)) * t / math.sqrt(n) * math.sqrt(2 * (1 - r_prepost))
    return Effect(yi, 2 * (1 - r_prepost) / n + yi**2 / (2 * n), "SMCR", study, "paired_t",
                  assumed={"r_prepost": r_prepost, "sd_pre_equals_sd_post": 1.0})


def r_to_d(r: float) -> float:
    """Cohen's d from a correlation: d = 2r/√(1 − r²)."""
    _need(-1 < r < 1, f"r must lie in (-1, 1); got {r} (Z is too large for this N — check N)")
    return 2 * r / math.sqrt(1 - r**2)


def z_from_p(p: float) -> float:
    """|z| of a two-sided p-value."""
    _need(0 < p < 1, f"p must lie in (0, 1); got {p} (p = 0 is a reporting error: use the bound, e.g. 0.001)")
    return float(stats.norm.isf(p / 2))


def d_from_z(z: float, n_total: int, *, measure: str = "SMD", n1: int | None = None, n2: int | None = None,
             r_prepost: float | None = None, study: str | None = None, derived_from: str = "z_n",
             conservative: bool = False) -> Effect:
    """d from a rank-test Z and the total N: r = Z/√N, d = 2r/√(1 − r²) (an approximation, noted).

    Variance: two groups -> escalc's SMD variance with n1, n2 (halves of N when not given);
    one group pre/post (measure "SMCR") -> 2(1 − r_prepost)/n + d²/(2n) with the assumed r.
    """
    _need(n_total > 3, f"N must exceed 3; got {n_total}")
    d = r_to_d(z / math.sqrt(n_total))
    assumed: dict[str, float] = {}
    notes = ("approximate: r = Z/√N (Rosenthal 1991) converted to d = 2r/√(1 − r²).",)
    if measure == "SMCR":
        _need(r_prepost is not None, "a pre/post design needs an assumed pre/post correlation (r_prepost)")
        assert r_prepost is not None
        vi = 2 * (1 - r_prepost) / n_total + d**2 / (2 * n_total)
        assumed["r_prepost"] = r_prepost
    else:
        if n1 is None or n2 is None:
            n1, n2 = n_total / 2, n_total / 2
            assumed["equal_group_sizes"] = 1.0
        vi = _smd_variance(d, n1, n2)
    if conservative:
        notes += ("computed from a bound on p: the true effect is at least this large.",)
    return Effect(d, vi, measure, study, derived_from, assumed=assumed, conservative=conservative, notes=notes)


def d_from_p(p: float, n_total: int, *, operator: str = "=", sign: int = 1, **kwargs: object) -> Effect:
    """d from a two-sided p (or a bound such as p < .001) with N, via z = Φ⁻¹(1 − p/2) and :func:`d_from_z`.

    A bound ("<", "<=") gives a conservative effect (the true p is smaller, the effect larger);
    ``sign`` gives the direction, which a p-value alone cannot.
    """
    _need(operator in ("=", "<", "<="), f"cannot use p {operator} {p}: only '=', '<' or '<=' bound the effect")
    z = sign * z_from_p(p)
    e = d_from_z(z, n_total, derived_from="p_bound" if operator != "=" else "p_n",
                 conservative=operator != "=", **kwargs)  # type: ignore[arg-type]
    return Effect(e.yi, e.vi, e.measure, e.study, e.derived_from, dict(e.assumed) | {"direction": float(sign)},
                  e.conservative, e.group, e.notes)


@dataclass(frozen=True, slots=True)
class MeanSd:
    """A mean and SD estimated from a median and spread, with the method named."""

    mean: float
    sd: float
    method: str


def mean_sd_from_median(n: int, median: float, *, q1: float | None = None, q3: float | None = None,
                        minimum: float | None = None, maximum: float | None = None) -> MeanSd:
    """Mean (Luo et al. 2018) and SD (Wan et al. 2014) from a median with range (S1), IQR (S2) or both (S3)."""
    _need(n > 1, f"n must exceed 1; got {n}")
    has_range = minimum is not None and maximum is not None
    has_iqr = q1 is not None and q3 is not None
    xi = 2 * stats.norm.ppf((n - 0.375) / (n + 0.25))
    eta = 2 * stats.norm.ppf((0.75 * n - 0.125) / (n + 0.25))
    if has_range and has_iqr:
        assert minimum is not None and maximum is not None and q1 is not None and q3 is not None
        w1 = 2.2 / (2.2 + n**0.75)
        w2 = 0.7 - 0.72 / n**0.55
        mean = w1 * (minimum + maximum) / 2 + w2 * (q1 + q3) / 2 + (1 - w1 - w2) * median
        sd = (maximum - minimum) / (2 * xi) + (q3 - q1) / (2 * eta)
        return MeanSd(mean, sd, "Luo 2018 / Wan 2014, scenario S3 (min, q1, median, q3, max)")
    if has_range:
        assert minimum is not None and maximum is not None
        w = 4 / (4 + n**0.75)
        return MeanSd(w * (minimum + maximum) / 2 + (1 - w) * median, (maximum - minimum) / xi,
                      "Luo 2018 / Wan 2014, scenario S1 (min, median, max)")
    if has_iqr:
        assert q1 is not None and q3 is not None
        mean = (0.7 + 0.39 / n) * (q1 + q3) / 2 + (0.3 - 0.39 / n) * median
        return MeanSd(mean, (q3 - q1) / eta, "Luo 2018 / Wan 2014, scenario S2 (q1, median, q3)")
    raise DataError("a median alone does not give an SD: the range (min, max) or the IQR (q1, q3) is needed.")


__all__ = ["MeanSd", "d_from_p", "d_from_z", "mean_sd_from_median", "r_to_d", "smcc_from_paired_t",
           "smcr_from_paired_t", "smd_from_f", "smd_from_t", "z_from_p"]
