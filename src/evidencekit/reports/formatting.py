"""How numbers and paper text are printed in tables and figures (display only; nothing is computed).

``fmt_p`` follows metafor's ``fmtp`` (a floor instead of 0); ``plot_escape`` makes text from a paper
inert in plotly, whose labels understand a few HTML tags (<b>, <a href>, <br>).
"""

from __future__ import annotations

import html
import math

#: Smallest p printed as a number; below it we print "< 0.0001" (metafor fmtp, digits = 4).
P_FLOOR = 0.0001
#: Ratio measures: pooled on the log scale, shown back-transformed on a log axis.
RATIO_MEASURES = frozenset({"OR", "RR", "PETO", "HR", "IRR", "ROM", "PETO_OR"})


def fmt_num(x: float | int | None, decimals: int = 2) -> str:
    """``x`` with ``decimals`` decimals and a real minus sign; "–" when unknown or not finite."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "–"
    text = f"{x:.{decimals}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    return text.replace("-", "−")


def format_number(x: float | int | None, digits: int = 3) -> str:
    """A number for display: whole numbers without decimals, others to ``digits`` decimals, "" for None."""
    if x is None:
        return ""
    if isinstance(x, int) or (isinstance(x, float) and x.is_integer() and abs(x) < 1e15):
        return str(int(x))
    if not math.isfinite(x):
        return str(x)
    if abs(x) < 10 ** -digits:
        return f"{x:.{digits}g}"
    return f"{x:.{digits}f}".rstrip("0").rstrip(".")


def fmt_p(p: float | None) -> str:
    """A p-value as a journal prints it: "0.032", "0.0004", "< 0.0001"."""
    if p is None or not math.isfinite(p):
        return "–"
    if p < P_FLOOR:
        return f"< {P_FLOOR:g}"
    return f"{p:.4f}" if p < 0.001 else f"{p:.3f}"


def p_text(p: float | None) -> str:
    """"p = 0.032" or "p < 0.0001"."""
    text = fmt_p(p)
    return f"p {text}" if text.startswith("<") else f"p = {text}"


def fmt_ci(lower: float | None, upper: float | None, decimals: int = 2) -> str:
    """"[lower, upper]" with ``decimals`` decimals."""
    return f"[{fmt_num(lower, decimals)}, {fmt_num(upper, decimals)}]"


def fmt_pct(x: float | None, decimals: int = 1) -> str:
    """A percentage: "23.4%"."""
    return "–" if x is None or not math.isfinite(x) else f"{x:.{decimals}f}%"


def plot_escape(text: str | None) -> str:
    """Text for a plotly label: '<', '>' and '&' as entities, so a paper cannot inject markup."""
    return html.escape(text or "", quote=False)


def shorten(text: str | None, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, at a word boundary when one is near."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"


def is_ratio(measure: str) -> bool:
    """True for measures pooled on the log scale (OR, RR, …)."""
    return measure.upper() in RATIO_MEASURES


def display_value(measure: str, y: float | None) -> float | None:
    """A value of the analysis scale as shown: exp() for ratio measures, unchanged otherwise."""
    if y is None:
        return None
    return math.exp(y) if is_ratio(measure) else y
