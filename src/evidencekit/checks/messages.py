"""Plain-language pieces of flag messages: numbers printed the way the paper prints them.

Messages are one sentence a midwife reviewer can act on, with the numbers in it. A number the
paper printed is shown as printed ("2,07"); a number we computed is shown with the paper's decimal
mark when we know it.
"""

from __future__ import annotations

import math

from evidencekit.checks.rounding import fmt
from evidencekit.model import Reported


def uses_comma(*numbers: Reported | None) -> bool:
    """True when any printed number uses a decimal comma ("0,874")."""
    return any(r is not None and "," in r.text and "." not in r.text for r in numbers)


def shown(r: Reported | None) -> str:
    """A printed number as printed (its value when the text is missing)."""
    if r is None:
        return "?"
    return r.text.strip() or fmt(r.value, r.decimals)


def num(x: float, decimals: int = 2, comma: bool = False) -> str:
    """A computed number with ``decimals`` decimals."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    return fmt(x, decimals, comma)


def pval(p: float, comma: bool = False) -> str:
    """A computed p-value: 3 decimals, or "< .001"-style scientific for very small ones."""
    if p >= 0.001:
        return num(p, 3 if p >= 0.01 else 4, comma)
    text = f"{p:.1e}"
    return text.replace(".", ",") if comma else text


def prange(low: float, high: float, comma: bool = False) -> str:
    """A p range, collapsed to one number when both ends print the same."""
    a, b = pval(low, comma), pval(high, comma)
    return a if a == b else f"{a}–{b}"


def listing(items: list[str], conjunction: str = "and") -> str:
    """"a", "a and b", "a, b and c" (or "or")."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def runs(values: list[int], conjunction: str = "or") -> str:
    """Whole numbers as runs: [15] -> "15", [93, 94, 95, 96] -> "93–96", [15, 29] -> "15 or 29"."""
    vals = sorted(set(values))
    parts, start = [], None
    for i, v in enumerate(vals):
        if start is None:
            start = v
        if i + 1 == len(vals) or vals[i + 1] != v + 1:
            parts.append(str(start) if start == v else f"{start}–{v}")
            start = None
    return listing(parts, conjunction)
