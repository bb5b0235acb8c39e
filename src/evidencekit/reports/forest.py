"""Forest plot of one pooled analysis (plotly), laid out as journals print them.

Columns: study (author year), arm data, integrity flags (worst severity of the checks, hover lists
them), the plot (squares sized by weight, CI lines with arrows when clipped, line of no effect,
pooled diamonds, prediction-interval bar), effect [95% CI] and weight. Below: heterogeneity,
the test for the overall effect, subgroup subtotals and the between-subgroup test, the
"favours …" labels and a method footnote. Numbers come from the meta engine; nothing is refitted.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import plotly.graph_objects as go

from evidencekit.reports.evidence import worst_severity
from evidencekit.reports.formatting import (
    display_value, fmt_ci, fmt_num, fmt_pct, is_ratio, plot_escape, shorten,
)
from evidencekit.reports.forest_rows import (
    ForestLayout, PooledRow, PredictionRow, RowLabels, StudyInfo, StudyRow, TextRow,
    axis_limits, forest_layout,
)
from evidencekit.reports.i18n import labels as get_labels

#: Colours of the flags column by worst severity (and for "no flags").
SEVERITY_COLOURS = {"error": "#b42318", "warning": "#dc6803", "note": "#175cd3", None: "#98a2b3"}
#: Paper-x positions of the text columns and the plot's domain.
COL_STUDY, COL_ARMS, COL_FLAGS = 0.0, 0.2, (0.405, 0.435)
PLOT_DOMAIN = (0.45, 0.76)
COL_EFFECT, COL_WEIGHT = 0.775, 1.0
#: Pixels per row, and the square sizes of the lightest and heaviest study (area ∝ weight).
ROW_PX, SQUARE_MIN, SQUARE_MAX = 24, 5.0, 20.0
FONT = dict(family="Arial, Helvetica, sans-serif", size=12, color="#1d2733")
INK = "#1d2733"


def row_labels(lang: str) -> RowLabels:
    L = get_labels(lang)
    return RowLabels(overall=L["forest_overall"], overall_fixed=L["forest_overall_fixed"],
                     subtotal=L["forest_subtotal"], prediction=L["forest_prediction"],
                     heterogeneity=L["forest_heterogeneity"], overall_test=L["forest_overall_test"],
                     between=L["forest_between"])


def method_footnote(result, lang: str) -> str:
    """"Method: REML estimator of τ², Wald-type (z) confidence intervals; 95% level"."""
    L = get_labels(lang)
    ci = L["forest_ci_knha"] if result.test == "knha" else L["forest_ci_z"]
    model = L["forest_model_common"] if result.method in ("EE", "FE") else f"{L['forest_model_random']}, {result.method} τ²"
    return f"{L['forest_method']}: {model}; {ci}; {result.level * 100:g}%."


def _flag_hover(flags, lang: str) -> str:
    L = get_labels(lang)
    if not flags:
        return L["forest_no_flags"]
    ordered = sorted(flags, key=lambda f: f.severity.rank)
    lines = [f"<b>{L['severity_' + f.severity.value]}</b> {plot_escape(f.check.value)}: "
             f"{plot_escape(shorten(f.message, 90))}" for f in ordered[:8]]
    if len(ordered) > 8:
        lines.append(f"… +{len(ordered) - 8}")
    return "<br>".join(lines)


def forest_figure(result, *, info: Mapping[str, StudyInfo] | None = None, subgroups=None,
                  subgroup_labels: Mapping[str, str] | None = None, lang: str = "en",
                  favours: tuple[str, str] | None = None, measure_label: str | None = None,
                  title: str | None = None) -> go.Figure:
    """Forest plot of ``result`` (a MetaResult) and, when given, its ``subgroups`` (SubgroupResult).

    ``info`` maps a study id of the fit to its label, arm data and flags; ``favours`` gives the
    (left, right) ends of the axis ("control", "intervention").
    """
    L = get_labels(lang)
    layout = forest_layout(result, info=info, subgroups=subgroups, subgroup_labels=subgroup_labels,
                           labels=row_labels(lang))
    return draw_forest(layout, result, lang=lang, favours=favours or (L["forest_favours_control"],
                       L["forest_favours_intervention"]), measure_label=measure_label, title=title)


def _note(x: float, y: float, s: str, anchor: str = "left", bold: bool = False, size: int = 12,
          colour: str = INK) -> dict:
    """A text annotation at paper-x ``x`` on row ``y``."""
    return dict(x=x, y=y, xref="paper", yref="y", text=f"<b>{s}</b>" if bold else s,
                showarrow=False, xanchor=anchor, yanchor="middle", font=dict(size=size, color=colour))


def _draw_studies(fig: go.Figure, notes: list[dict], studies: list[tuple[int, StudyRow]], lo: float, hi: float,
                  X, lang: str) -> None:
    """Study rows: CI lines (clipped to [lo, hi] with arrows), weighted squares, the text columns
    and the flags column (a dot coloured by the worst severity, linking to the flags)."""
    L = get_labels(lang)
    max_w = max((r.weight or 0.0 for _, r in studies), default=0.0) or 1.0
    line_x, line_y, left_arrows, right_arrows = [], [], [], []
    for y, r in studies:
        a, b = max(r.ci_lower, lo), min(r.ci_upper, hi)
        line_x += [X(a), X(b), None]
        line_y += [y, y, None]
        if r.ci_lower < lo:
            left_arrows.append((X(lo), y))
        if r.ci_upper > hi:
            right_arrows.append((X(hi), y))
        notes.append(_note(COL_STUDY, y, plot_escape(shorten(r.label, 34))))
        notes.append(_note(COL_ARMS, y, plot_escape(shorten(r.arms, 34)), size=11, colour="#475467"))
        notes.append(_note(COL_EFFECT, y, f"{fmt_num(X(r.yi))} {fmt_ci(X(r.ci_lower), X(r.ci_upper))}"))
        notes.append(_note(COL_WEIGHT, y, fmt_pct(r.weight), "right"))
    fig.add_trace(go.Scatter(x=line_x, y=line_y, mode="lines", line=dict(color=INK, width=1.2),
                             hoverinfo="skip", showlegend=False, name="ci"))
    for symbol, points in (("triangle-left", left_arrows), ("triangle-right", right_arrows)):
        if points:
            fig.add_trace(go.Scatter(x=[p[0] for p in points], y=[p[1] for p in points], mode="markers",
                                     marker=dict(symbol=symbol, size=9, color=INK), showlegend=False,
                                     hovertext=L["forest_clipped"], hoverinfo="text", name="clipped"))
    fig.add_trace(go.Scatter(
        x=[X(r.yi) for _, r in studies], y=[y for y, _ in studies], mode="markers", name="studies",
        marker=dict(symbol="square", color="#1f4e79", line=dict(width=0), opacity=1,
                    size=[SQUARE_MIN + (SQUARE_MAX - SQUARE_MIN) * math.sqrt((r.weight or 0) / max_w)
                          for _, r in studies]),
        hovertext=[f"{plot_escape(r.label)}<br>{fmt_num(X(r.yi))} {fmt_ci(X(r.ci_lower), X(r.ci_upper))}"
                   f"<br>{L['forest_weight']} {fmt_pct(r.weight)}" for _, r in studies],
        hoverinfo="text", showlegend=False))
    fig.add_trace(go.Scatter(
        x=[0.5] * len(studies), y=[y for y, _ in studies], xaxis="x2", mode="markers+text",
        name="flags", text=[str(len(r.flags)) if r.flags else "" for _, r in studies],
        textfont=dict(color="white", size=10), textposition="middle center",
        marker=dict(symbol="circle", opacity=1, size=[17 if r.flags else 9 for _, r in studies],
                    color=[SEVERITY_COLOURS[(worst_severity(r.flags).value if r.flags else None)]
                           for _, r in studies]),
        hovertext=[_flag_hover(r.flags, lang) for _, r in studies], hoverinfo="text", showlegend=False,
        customdata=[f"#{r.anchor}" if r.anchor and r.flags else "" for _, r in studies]))


def _draw_summaries(fig: go.Figure, notes: list[dict], rows: list[tuple[int, object]], lo: float, hi: float,
                    X) -> None:
    """Pooled diamonds (subtotals grey), prediction-interval bars and the text rows."""
    for y, r in rows:
        if isinstance(r, PooledRow):
            h = 0.38
            fig.add_trace(go.Scatter(
                x=[X(max(r.ci_lower, lo)), X(r.estimate), X(min(r.ci_upper, hi)), X(r.estimate), X(max(r.ci_lower, lo))],
                y=[y, y + h, y, y - h, y], mode="lines", fill="toself", name="pooled",
                fillcolor="#7f8b99" if r.subtotal else INK, line=dict(color=INK, width=1),
                hovertext=f"{plot_escape(r.label)}: {fmt_num(X(r.estimate))} {fmt_ci(X(r.ci_lower), X(r.ci_upper))}",
                hoverinfo="text", showlegend=False))
            notes.append(_note(COL_STUDY, y, r.label, bold=not r.subtotal))
            notes.append(_note(COL_EFFECT, y, f"{fmt_num(X(r.estimate))} {fmt_ci(X(r.ci_lower), X(r.ci_upper))}",
                               bold=not r.subtotal))
            if r.weight is not None:
                notes.append(_note(COL_WEIGHT, y, fmt_pct(r.weight), "right", bold=not r.subtotal))
        elif isinstance(r, PredictionRow):
            a, b = max(r.lower, lo), min(r.upper, hi)
            fig.add_trace(go.Scatter(x=[X(a), X(b)], y=[y, y], mode="lines+markers", name="prediction",
                                     line=dict(color="#b42318", width=3),
                                     marker=dict(symbol="line-ns-open", size=10, color="#b42318",
                                                 line=dict(width=2, color="#b42318")),
                                     hovertext=f"{r.label}: {fmt_ci(X(r.lower), X(r.upper))}",
                                     hoverinfo="text", showlegend=False))
            notes.append(_note(COL_STUDY, y, r.label, size=11))
            notes.append(_note(COL_EFFECT, y, fmt_ci(X(r.lower), X(r.upper)), size=11))
        elif isinstance(r, TextRow):
            notes.append(_note(COL_STUDY, y, plot_escape(r.text), bold=r.bold, size=12 if r.header else 11,
                               colour=INK if r.header else "#475467"))


def draw_forest(layout: ForestLayout, result, *, lang: str, favours: tuple[str, str],
                measure_label: str | None, title: str | None) -> go.Figure:
    """Draw the rows of ``layout``: column heads, study rows, summaries, the line of no effect with
    the "favours" labels, the method footnote and the axes."""
    L = get_labels(lang)
    ratio = is_ratio(layout.measure)
    null = 0.0
    lo, hi = axis_limits(layout, null)

    def X(v: float) -> float:                 # analysis scale -> plotted x
        return display_value(layout.measure, v)

    n = len(layout.rows)
    ys = [-(i + 1) for i in range(n)]
    fig = go.Figure()
    notes: list[dict] = []
    for x, head, anchor in ((COL_STUDY, L["forest_study"], "left"), (COL_ARMS, L["forest_arms"], "left"),
                            (sum(COL_FLAGS) / 2, L["forest_flags"], "center"),
                            (COL_EFFECT, L["forest_effect"], "left"), (COL_WEIGHT, L["forest_weight"], "right")):
        notes.append(_note(x, 0, head, anchor, bold=True))

    studies = [(y, r) for y, r in zip(ys, layout.rows) if isinstance(r, StudyRow)]
    _draw_studies(fig, notes, studies, lo, hi, X, lang)
    _draw_summaries(fig, notes, list(zip(ys, layout.rows)), lo, hi, X)

    study_ys = [y for y, _ in studies] or [-1]
    fig.add_shape(type="line", xref="x", yref="y", x0=X(null), x1=X(null), y0=min(study_ys) - 0.6,
                  y1=max(study_ys) + 0.6, line=dict(color="#667085", width=1, dash="dot"))
    left, right = favours
    for s, anchor, shift in ((f"← {L['forest_favours']} {left}", "right", -6),
                             (f"{L['forest_favours']} {right} →", "left", 6)):
        notes.append(dict(x=X(null), y=0, xref="x", yref="paper", yshift=-34, xshift=shift, text=plot_escape(s),
                          showarrow=False, xanchor=anchor, yanchor="top", font=dict(size=11, color="#475467")))
    notes.append(dict(x=0, y=0, xref="paper", yref="paper", yshift=-82, text=plot_escape(method_footnote(result, lang)),
                      showarrow=False, xanchor="left", yanchor="top", font=dict(size=10, color="#667085")))

    bottom = ys[-1] if ys else -1
    axis_title = measure_label or L.get(f"measure_{layout.measure}", layout.measure)
    height = 100 + ROW_PX * (n + 1) + 110
    fig.update_layout(
        template="plotly_white", font=FONT, width=1150, height=height, showlegend=False,
        margin=dict(l=12, r=12, t=50 if title else 20, b=110), annotations=notes,
        title=dict(text=plot_escape(title), x=0, xref="paper", xanchor="left", font=dict(size=15)) if title else None,
        xaxis=dict(domain=PLOT_DOMAIN, type="log" if ratio else "linear", zeroline=False,
                   range=[lo / math.log(10), hi / math.log(10)] if ratio else [lo, hi],
                   showgrid=False, showline=True, linecolor=INK, ticks="outside", anchor="y",
                   title=dict(text=plot_escape(axis_title), font=dict(size=11), standoff=36)),
        xaxis2=dict(domain=COL_FLAGS, range=[0, 1], visible=False, anchor="y", fixedrange=True),
        yaxis=dict(range=[bottom - 0.7, 0.7], visible=False, fixedrange=True),
        hoverlabel=dict(align="left"),
    )
    return fig
