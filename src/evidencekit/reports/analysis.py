"""One pooled analysis as the report shows it: figures, a summary table and the effect sizes.

:class:`AnalysisReport` bundles what the meta engine produced for one outcome / measure / design
group (``MetaResult``, the ``Effect`` objects, optional ``SubgroupResult`` and ``TrimFillResult``)
with what the report adds (study labels, arm data, flags). Nothing is recomputed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from evidencekit.reports.forest import forest_figure
from evidencekit.reports.forest_rows import StudyInfo
from evidencekit.reports.formatting import (
    display_value, fmt_ci, fmt_num, fmt_pct, is_ratio, p_text,
)
from evidencekit.reports.funnel import funnel_figure
from evidencekit.reports.html import AnalysisView, plot_view
from evidencekit.reports.i18n import labels as get_labels

#: A funnel plot says nothing with fewer studies than this.
MIN_FUNNEL_K = 3


@dataclass(frozen=True)
class AnalysisReport:
    """Inputs of one analysis section; ``key`` names its files (forest-<key>.svg …)."""

    key: str
    title: str
    result: object                                   # meta.results.MetaResult
    effects: tuple = ()                              # meta.results.Effect, in the fit's order
    info: Mapping[str, StudyInfo] = field(default_factory=dict)
    subgroups: object | None = None                  # meta.results.SubgroupResult
    subgroup_labels: Mapping[str, str] = field(default_factory=dict)
    trimfill: object | None = None                   # meta.results.TrimFillResult
    favours: tuple[str, str] | None = None
    notes: tuple[str, ...] = ()


def analysis_figures(a: AnalysisReport, lang: str) -> tuple[object, object | None]:
    """The forest figure and (k ≥ 3) the funnel figure of an analysis."""
    forest = forest_figure(a.result, info=a.info, subgroups=a.subgroups, subgroup_labels=a.subgroup_labels,
                           lang=lang, favours=a.favours, title=a.title)
    funnel = None
    if a.result.k >= MIN_FUNNEL_K:
        funnel = funnel_figure(a.result, trimfill=a.trimfill, info=a.info, lang=lang, title=a.title)
    return forest, funnel


def summary_rows(a: AnalysisReport, lang: str) -> tuple[tuple[str, str], ...]:
    """The pooled numbers of the fit, labelled in ``lang``."""
    L = get_labels(lang)
    r = a.result
    X = lambda v: display_value(r.measure, v)  # noqa: E731 - display scale (exp for ratios)
    h = r.heterogeneity
    rows = [
        (L["measure"], L.get(f"measure_{r.measure}", r.measure) + (" (exp)" if is_ratio(r.measure) else "")),
        (L["k"], str(r.k)),
        (L["estimate"] + " " + L["ci95"], f"{fmt_num(X(r.estimate))} {fmt_ci(X(r.ci_lower), X(r.ci_upper))}"),
        (L["p_value"], f"{r.stat_name} = {fmt_num(r.stat, 2)}, {p_text(r.pval)}"),
    ]
    if r.method not in ("EE", "FE"):
        rows.append((L["tau2"], fmt_num(r.tau2, 4)))
    rows += [(L["q"], f"{fmt_num(h.Q, 2)} (df = {h.df}), {p_text(h.p)}"), (L["i2"], fmt_pct(h.I2))]
    pi = r.prediction
    if pi.pi_lower is not None and pi.pi_upper is not None:
        rows.append((L["pi95"], fmt_ci(X(pi.pi_lower), X(pi.pi_upper))))
    rows.append((L["method"], f"{r.method}, test = {r.test}, level = {r.level:g}"))
    return tuple(rows)


def effect_rows(a: AnalysisReport, lang: str) -> tuple[tuple[str, ...], tuple[tuple, ...]]:
    """Columns and rows of the effect-size table: the fit's studies with the Effect's provenance."""
    L = get_labels(lang)
    r = a.result
    by_study = {e.study: e for e in a.effects}
    columns = (L["study"], "yi", "vi", L["weight"], L["derived_from"], L["assumed"], L["flags"])
    rows = []
    for study, yi, vi, w in zip(r.studies, r.yi, r.vi, r.weights):
        e = by_study.get(study)
        meta = a.info.get(study, StudyInfo(study))
        assumed = ", ".join(f"{k} = {v:g}" for k, v in (e.assumed.items() if e else ()))
        rows.append((meta.label, round(yi, 4), round(vi, 4), fmt_pct(w), e.derived_from if e else "",
                     assumed, len(meta.flags)))
    return columns, tuple(rows)


def analysis_view(a: AnalysisReport, lang: str, figures: tuple[object, object | None],
                  downloads: tuple[tuple[str, str], ...] = (), export_errors: tuple[str, ...] = ()
                  ) -> AnalysisView:
    """The template's view of one analysis."""
    L = get_labels(lang)
    forest, funnel = figures
    plots = [plot_view(f"plot-forest-{a.key}", forest, L["forest_plot"])]
    messages = ()
    if funnel is not None:
        plots.append(plot_view(f"plot-funnel-{a.key}", funnel, L["funnel_plot"]))
    else:
        messages = (L["funnel_needs"],)
    columns, rows = effect_rows(a, lang)
    notes = tuple(dict.fromkeys(a.notes + tuple(a.result.notes) + tuple(n for e in a.effects for n in e.notes)))
    return AnalysisView(anchor=f"analysis-{a.key}", title=a.title, summary=summary_rows(a, lang),
                        effect_columns=columns, effect_rows=rows, notes=notes, plots=tuple(plots),
                        downloads=downloads, export_errors=export_errors, messages=messages)
