"""The rows of a forest plot, laid out from the meta engine's results (pure; no drawing).

Every number on a row is read from a :class:`~evidencekit.meta.results.MetaResult` (estimate,
CI, prediction interval, weights, heterogeneity, tests) or a :class:`SubgroupResult`, and each
study's own Wald interval comes from :meth:`MetaResult.study_ci` (as metafor's ``forest()`` draws
study rows); nothing is computed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from evidencekit.model import Flag
from evidencekit.reports.formatting import fmt_num, p_text


@dataclass(frozen=True, slots=True)
class StudyInfo:
    """What a forest plot shows beside a study's numbers: its label, arm data and flags."""

    label: str
    arms: str = ""
    flags: tuple[Flag, ...] = ()
    anchor: str | None = None          # id of the study's flags in the HTML report


@dataclass(frozen=True, slots=True)
class StudyRow:
    study: str
    label: str
    arms: str
    yi: float
    ci_lower: float
    ci_upper: float
    weight: float | None
    flags: tuple[Flag, ...] = ()
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class PooledRow:
    label: str
    estimate: float
    ci_lower: float
    ci_upper: float
    subtotal: bool = False
    weight: float | None = None        # percent of the overall fit (subtotals: sum of their studies)


@dataclass(frozen=True, slots=True)
class PredictionRow:
    label: str
    lower: float
    upper: float


@dataclass(frozen=True, slots=True)
class TextRow:
    text: str
    bold: bool = False
    header: bool = False


Row = StudyRow | PooledRow | PredictionRow | TextRow


@dataclass(frozen=True, slots=True)
class RowLabels:
    """Labels the rows need (chosen by language in :mod:`reports.forest`)."""

    overall: str = "Overall (random effects)"
    overall_fixed: str = "Overall (common effect)"
    subtotal: str = "Subtotal"
    prediction: str = "Prediction interval"
    heterogeneity: str = "Heterogeneity"
    overall_test: str = "Test for overall effect"
    between: str = "Test for subgroup differences"


@dataclass(frozen=True)
class ForestLayout:
    rows: tuple[Row, ...]
    measure: str
    level: float
    notes: tuple[str, ...] = field(default=())


def study_rows(result, info: Mapping[str, StudyInfo], weights: Mapping[str, float] | None = None
               ) -> list[StudyRow]:
    """One row per pooled study, in the fit's order, weights in percent from ``weights`` (the
    overall fit) or from ``result`` itself."""
    own = dict(zip(result.studies, result.weights))
    rows = []
    for study, yi, lower, upper in zip(result.studies, result.yi, *result.study_ci()):
        meta = info.get(study, StudyInfo(label=study))
        weight = (weights or own).get(study, own.get(study))
        rows.append(StudyRow(study, meta.label, meta.arms, yi, lower, upper, weight, meta.flags, meta.anchor))
    return rows


def heterogeneity_text(result, labels: RowLabels) -> str:
    """"Heterogeneity: τ² = 0.12; Q = 8.10 (df = 4), p = 0.088; I² = 51%" from the fit."""
    h = result.heterogeneity
    parts = [f"{labels.heterogeneity}:"]
    if result.method not in ("EE", "FE"):
        parts.append(f"τ² = {fmt_num(result.tau2, 3)};")
    parts.append(f"Q = {fmt_num(h.Q, 2)} (df = {h.df}), {p_text(h.p)}; I² = {fmt_num(h.I2, 0)}%")
    return " ".join(parts)


def overall_test_text(result, labels: RowLabels) -> str:
    """"Test for overall effect: z = 3.10, p = 0.002" (t with df under Knapp-Hartung)."""
    stat = result.stat_name if result.ddf is None else f"{result.stat_name}({result.ddf})"
    return f"{labels.overall_test}: {stat} = {fmt_num(result.stat, 2)}, {p_text(result.pval)}"


def between_text(subgroups, labels: RowLabels) -> str:
    """The test for subgroup differences (Q-between with separate τ² per subgroup)."""
    test = subgroups.between_separate
    df = ", ".join(str(d) for d in test.df)
    return f"{labels.between}: Q = {fmt_num(test.stat, 2)} (df = {df}), {p_text(test.pval)}"


def pooled_rows(result, label: str, labels: RowLabels, subtotal: bool = False,
                weight: float | None = 100.0) -> list[Row]:
    """The diamond, prediction interval (random effects, k ≥ 2) and text rows of one fit."""
    rows: list[Row] = [PooledRow(label, result.estimate, result.ci_lower, result.ci_upper, subtotal, weight)]
    pi = result.prediction
    if not subtotal and pi.pi_lower is not None and pi.pi_upper is not None and result.k >= 2:
        rows.append(PredictionRow(labels.prediction, pi.pi_lower, pi.pi_upper))
    if result.k >= 2:
        rows.append(TextRow(heterogeneity_text(result, labels)))
    rows.append(TextRow(overall_test_text(result, labels)))
    return rows


def forest_layout(result, *, info: Mapping[str, StudyInfo] | None = None, subgroups=None,
                  subgroup_labels: Mapping[str, str] | None = None,
                  labels: RowLabels = RowLabels()) -> ForestLayout:
    """The rows of a forest plot of ``result`` (and of its ``subgroups`` when given)."""
    info = info or {}
    weights = dict(zip(result.studies, result.weights))
    fixed = result.method in ("EE", "FE")
    overall = labels.overall_fixed if fixed else labels.overall
    rows: list[Row] = []
    if subgroups is not None:
        names = subgroup_labels or {}
        for level, sub in zip(subgroups.levels, subgroups.subgroups):
            rows.append(TextRow(names.get(level, level), bold=True, header=True))
            rows.extend(study_rows(sub, info, weights))
            share = sum(weights.get(study, 0.0) for study in sub.studies)
            rows.extend(pooled_rows(sub, labels.subtotal, labels, subtotal=True, weight=share))
        rows.extend(pooled_rows(result, overall, labels))
        rows.append(TextRow(between_text(subgroups, labels)))
    else:
        rows.extend(study_rows(result, info))
        rows.extend(pooled_rows(result, overall, labels))
    return ForestLayout(tuple(rows), result.measure, result.level, tuple(result.notes))


def axis_limits(layout: ForestLayout, null: float = 0.0, spread: float = 0.6) -> tuple[float, float]:
    """The x range (analysis scale): every estimate, pooled interval and the line of no effect,
    widened to the study intervals but no further than ``spread`` times that core width on each
    side — longer study intervals are clipped and drawn with an arrow."""
    core = [null]
    wide = []
    for row in layout.rows:
        if isinstance(row, StudyRow):
            core.append(row.yi)
            wide += [row.ci_lower, row.ci_upper]
        elif isinstance(row, PooledRow):
            core += [row.ci_lower, row.ci_upper]
        elif isinstance(row, PredictionRow):
            core += [row.lower, row.upper]
    lo, hi = min(core), max(core)
    width = max(hi - lo, 1e-6)
    lo = max(min(wide + [lo]), lo - spread * width)
    hi = min(max(wide + [hi]), hi + spread * width)
    pad = 0.04 * (hi - lo)
    return lo - pad, hi + pad

