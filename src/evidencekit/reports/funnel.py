"""Funnel plot of one pooled analysis: effect against standard error, with pseudo-confidence
contours around the pooled estimate and, optionally, the studies trim-and-fill imputed.

The pooled estimate, the studies and the filled points are the meta engine's numbers
(``MetaResult`` and ``TrimFillResult``); the contours are estimate ± z(level)·SE.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from evidencekit.reports.formatting import display_value, fmt_num, is_ratio, plot_escape
from evidencekit.meta.dist import z_crit
from evidencekit.reports.forest_rows import StudyInfo
from evidencekit.reports.i18n import labels as get_labels

#: Contour levels, widest first, and their shades (darker = further from the estimate).
CONTOURS: tuple[tuple[float, str], ...] = ((0.99, "#d0d5dd"), (0.95, "#e4e7ec"), (0.90, "#f2f4f7"))
INK = "#1d2733"


def funnel_figure(result, *, trimfill=None, info: Mapping[str, StudyInfo] | None = None,
                  lang: str = "en", title: str | None = None, measure_label: str | None = None,
                  levels: Sequence[tuple[float, str]] = CONTOURS) -> go.Figure:
    """Funnel plot of ``result`` (MetaResult); ``trimfill`` (TrimFillResult) adds filled points."""
    L = get_labels(lang)
    info = info or {}
    ratio = is_ratio(result.measure)

    def X(v: float) -> float:
        return display_value(result.measure, v)

    se = result.sei.tolist()
    filled_se = [math.sqrt(v) for v in trimfill.filled_vi] if trimfill is not None else []
    top = 1.1 * max(se + filled_se + [1e-6])
    centre = result.estimate
    fig = go.Figure()
    for level, shade in levels:
        z = z_crit(level)
        fig.add_trace(go.Scatter(
            x=[X(centre - z * top), X(centre), X(centre + z * top), X(centre - z * top)], y=[top, 0, top, top],
            mode="lines", fill="toself", fillcolor=shade, line=dict(color="#98a2b3", width=0.8, dash="dot"),
            name=f"{L['funnel_contours']} {level:.0%}", hoverinfo="name"))
    fig.add_shape(type="line", x0=X(centre), x1=X(centre), y0=0, y1=top, line=dict(color=INK, width=1.2))
    fig.add_trace(go.Scatter(
        x=[X(y) for y in result.yi], y=se, mode="markers", name=L["funnel_observed"],
        marker=dict(size=10, color="#1f4e79", opacity=1, line=dict(color="white", width=1)),
        hovertext=[f"{plot_escape(info.get(s, StudyInfo(s)).label)}<br>{fmt_num(X(y))}, SE {fmt_num(e, 3)}"
                   for s, y, e in zip(result.studies, result.yi, se)], hoverinfo="text"))
    if trimfill is not None and trimfill.k0 > 0:
        fig.add_trace(go.Scatter(
            x=[X(y) for y in trimfill.filled_yi], y=filled_se, mode="markers", name=L["funnel_filled"],
            marker=dict(size=10, color="white", opacity=1, line=dict(color="#b42318", width=1.5)),
            hoverinfo="x+y"))
        adjusted = trimfill.result.estimate
        fig.add_trace(go.Scatter(x=[X(adjusted), X(adjusted)], y=[0, top], mode="lines", name=L["funnel_adjusted"],
                                 line=dict(color="#b42318", width=1, dash="dash"),
                                 hovertext=f"{L['funnel_adjusted']}: {fmt_num(X(adjusted))}", hoverinfo="text"))
    axis_title = measure_label or L.get(f"measure_{result.measure}", result.measure)
    fig.update_layout(
        template="plotly_white", width=640, height=480, font=dict(family="Arial, Helvetica, sans-serif", size=12),
        title=dict(text=plot_escape(title), x=0, xref="paper", xanchor="left", font=dict(size=14)) if title else None,
        margin=dict(l=70, r=20, t=50 if title else 20, b=60),
        xaxis=dict(title=plot_escape(axis_title), type="log" if ratio else "linear", zeroline=False,
                   showline=True, linecolor=INK, ticks="outside"),
        yaxis=dict(title=L["funnel_se"], range=[top, 0], zeroline=False, showline=True, linecolor=INK,
                   ticks="outside"),
        legend=dict(orientation="h", x=0, y=-0.18, font=dict(size=10)),
    )
    return fig
