"""Rounding as data: a printed number stands for an interval of true values.

A value printed with ``d`` decimals stands for ``[value + lo·u, value + hi·u]`` with
``u = 10**-d``; the schemes below give ``lo``/``hi`` (after scrutiny's ``unround``). Every check
asks whether *any* value of that interval fits, so correctly rounded papers are not flagged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from evidencekit.checks.settings import Rounding
from evidencekit.model import Reported

#: scheme -> (low, high) offsets in units of the last printed digit. Closed intervals: at the
#: exact half both readings are allowed (a check then errs on the side of not flagging).
ROUNDING_BOUNDS: dict[str, tuple[float, float]] = {
    "up_or_down": (-0.5, 0.5),
    "half_up": (-0.5, 0.5),
    "half_even": (-0.5, 0.5),
    "truncate": (0.0, 1.0),      # 2.4 printed for anything in [2.4, 2.5)
}

#: Relative slack for floating-point noise when comparing against interval ends.
FLOAT_EPS = 1e-9


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of real numbers."""

    low: float
    high: float

    def contains(self, x: float) -> bool:
        eps = FLOAT_EPS * max(1.0, abs(x))
        return self.low - eps <= x <= self.high + eps

    def intersects(self, other: "Interval") -> bool:
        eps = FLOAT_EPS * max(1.0, abs(self.low), abs(self.high))
        return self.low - eps <= other.high and other.low - eps <= self.high

    def scale(self, k: float) -> "Interval":
        a, b = self.low * k, self.high * k
        return Interval(min(a, b), max(a, b))


def unround(value: float, decimals: int, scheme: Rounding = "up_or_down") -> Interval:
    """The interval of true values that print as ``value`` with ``decimals`` decimals."""
    lo, hi = ROUNDING_BOUNDS[scheme]
    unit = 10.0 ** (-decimals)
    if scheme == "truncate" and value < 0:
        lo, hi = -hi, -lo                 # truncation goes towards zero
    return Interval(value + lo * unit, value + hi * unit)


def interval(r: Reported, scheme: Rounding = "up_or_down") -> Interval:
    """The interval a :class:`Reported` number stands for."""
    return unround(r.value, r.decimals, scheme)


def round_half_up(x: float, decimals: int) -> float:
    """Round half away from zero (what SPSS and most people do), robust to binary noise."""
    q = 10.0 ** decimals
    y = abs(x) * q
    r = math.floor(y + 0.5 + 1e-9)
    return math.copysign(r / q, x)


def fmt(x: float, decimals: int, comma: bool = False) -> str:
    """``x`` with ``decimals`` decimals, in the paper's decimal mark when ``comma``."""
    s = f"{round_half_up(x, decimals):.{max(decimals, 0)}f}"
    return s.replace(".", ",") if comma else s
