"""From processed papers to the analyses a review report shows.

The meta engine turns records into effect sizes and pools them (``meta.analyse_records``, one call
per design kind, so one-group pre/post studies and controlled studies are never pooled together);
this module adds what each study is called in the figures (author year, arm sizes, integrity flags)
and the sensitivity lines the engine computed (without flagged studies, other pre/post r).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from evidencekit.errors import DataError
from evidencekit.model import Descriptive, DocumentResult, Reported, StudyRecord
from evidencekit.reports.analysis import AnalysisReport
from evidencekit.reports.evidence import document_anchor, row_flags
from evidencekit.reports.forest_rows import StudyInfo
from evidencekit.reports.formatting import display_value, fmt_ci, fmt_num, shorten
from evidencekit.reports.i18n import labels

log = logging.getLogger(__name__)

#: Characters of a title that name a study whose authors were not found.
TITLE_CHARS = 28
#: Subgroup levels of the integrity subgroup analysis ("clean" sorts first, as R's factor()).
CLEAN, FLAGGED = "clean", "flagged"
#: Fewer effects than this give no pooled analysis (listed as a message instead).
MIN_K = 2
#: Design kinds of the meta engine, in report order, with their label keys and file keys.
DESIGN_KINDS = (("pre_post", "group_one_group", "one-group"), ("controlled", "group_controlled", "controlled"))


def arms_text(record: StudyRecord | None) -> str:
    """"n = 16 + 16" for a two-arm record, else "n = 24" (arm names are left to the table: the
    figure has room for numbers only)."""
    if record is None:
        return ""
    if len(record.n_arms) == 2:
        return "n = " + " + ".join(str(n) for n in record.n_arms.values())
    return f"n = {record.n_total}" if record.n_total else ""


def _printed(r: Reported) -> str:
    """A reported number with its printed precision and a decimal point ("4,650" -> "4.650")."""
    return f"{r.value:.{r.decimals}f}"


def _mean_sd(d: Descriptive) -> str:
    return f"{_printed(d.mean)} ({_printed(d.sd)})" if d.mean is not None and d.sd is not None else ""


def used_descriptives(effect, statistics: Sequence) -> list[Descriptive]:
    """The descriptives an effect was computed from: those whose spans the engine recorded."""
    spans = {(s.start, s.end) for s in effect.evidence}
    return [d for d in statistics if isinstance(d, Descriptive) and d.span is not None
            and (d.span.start, d.span.end) in spans and d.mean is not None and d.sd is not None]


def arm_data_text(effect, record: StudyRecord | None, statistics: Sequence) -> str:
    """The arm data as forest plots print it: "20: 4.65 (1.09) → 6.20 (1.20)" for a pre/post
    pair, "16: 12.0 (2.0) vs 16: 10.5 (1.8)" for two arms, else the sample sizes."""
    used = used_descriptives(effect, statistics)
    if len(used) == 2:
        first, second = used
        if effect.measure.upper().startswith("SMC"):
            n = min(x for x in (first.n, second.n) if x) if (first.n or second.n) else None
            return f"{n}: {_mean_sd(first)} → {_mean_sd(second)}" if n else f"{_mean_sd(first)} → {_mean_sd(second)}"
        return f"{first.n}: {_mean_sd(first)} vs {second.n}: {_mean_sd(second)}"
    return arms_text(record)


def study_label(record: StudyRecord | None, fallback: str) -> str:
    """"Surname Year" as forest plots name a study; authors may be "Given Surname" or "Surname, G.".

    Without authors: the start of the title and the year, else ``fallback``."""
    if record is None:
        return fallback
    if not record.authors:
        if not record.title:
            return fallback
        return shorten(record.title, TITLE_CHARS) + (f" ({record.year})" if record.year else "")
    return record.citation()


def study_infos(results: Sequence[DocumentResult], lang: str = "en") -> dict[str, StudyInfo]:
    """Label, arm data and flags of every study, keyed by the study name the meta engine gives it.

    Each document is passed to ``meta.from_records`` alone, so an effect's document is known; a
    review's rows are matched by the "row N" the engine appends to their names.
    """
    from evidencekit.meta import from_records

    L = labels(lang)
    infos: dict[str, StudyInfo] = {}
    for result in results:
        if result.error is not None:
            continue
        anchor = document_anchor(result)
        for item in from_records([result]).included:
            name = item.effect.study
            record = next((s for s in result.studies if s.row is not None and name.endswith(f"row {s.row}")),
                          result.record)
            if record is result.record:
                flags, label = result.flags, study_label(record, name)
            else:
                flags, label = row_flags(result.flags, record), f"{study_label(record, name)} ({L['review_row']} {record.row})"
            statistics = result.statistics if record is result.record else ()
            infos[name] = StudyInfo(label, arm_data_text(item.effect, record, statistics), tuple(flags), anchor)
    return infos


def sensitivity_notes(analysis, lang: str) -> tuple[str, ...]:
    """The engine's sensitivity fits as sentences: without flagged studies, other pre/post r."""
    L = labels(lang)

    def line(result) -> str:
        X = lambda v: display_value(result.measure, v)  # noqa: E731
        return f"{fmt_num(X(result.estimate))} {fmt_ci(X(result.ci_lower), X(result.ci_upper))}, k = {result.k}"

    notes = []
    if analysis.without_flagged is not None:
        notes.append(f"{L['sensitivity_without_flagged']}: {line(analysis.without_flagged)}")
    for r, result in analysis.correlation_sensitivity:
        notes.append(f"{L['sensitivity_r']} r = {r:g}: {line(result)}")
    return tuple(notes)


def integrity_subgroups(analysis, *, method: str, test: str, lang: str):
    """The engine's subgroup analysis "no error flags" vs "error flags" when both occur, else None:
    does the pooled effect lean on studies whose numbers cannot all be true?"""
    from evidencekit.meta import subgroup

    L = labels(lang)
    items = analysis.effects.included
    by = [FLAGGED if s.flagged else CLEAN for s in items]
    if len(set(by)) < 2:
        return None, {}
    try:
        result = subgroup([s.effect for s in items], by=by, name="integrity", method=method, test=test)
    except DataError as exc:
        log.info("no integrity subgroups: %s", exc)
        return None, {}
    return result, {CLEAN: L["subgroup_clean"], FLAGGED: L["subgroup_flagged"]}


def analyses_from_results(results: Sequence[DocumentResult], *, method: str = "REML", test: str = "z",
                          lang: str = "en") -> tuple[list[AnalysisReport], list[str]]:
    """One pooled analysis per design kind with k ≥ 2 (largest first), and messages for the rest."""
    from evidencekit.meta import analyse_records, trimfill

    L = labels(lang)
    ok = [r for r in results if r.error is None]
    infos = study_infos(ok, lang)
    analyses, messages = [], []
    for kind, label_key, key in DESIGN_KINDS:
        try:
            analysis = analyse_records(ok, method=method, test=test, design=kind)
        except DataError as exc:
            messages.append(f"{L[label_key]}: {exc}")
            continue
        main = analysis.main
        if main is None or main.k < MIN_K:
            if main is not None:
                messages.append(f"{L[label_key]}: k = {main.k}. {L['no_analyses']}")
            continue
        filled = None
        if main.k >= 3:
            try:
                filled = trimfill(main)
            except DataError as exc:
                messages.append(f"{L[label_key]}: trim and fill: {exc}")
        effects = analysis.effects.effects
        subgroups, subgroup_labels = integrity_subgroups(analysis, method=method, test=test, lang=lang)
        title = f"{L[label_key]} · {L.get('measure_' + main.measure, main.measure)}"
        analyses.append(AnalysisReport(
            key=key, title=title, result=main, effects=effects,
            info={e.study: infos.get(e.study, StudyInfo(e.study)) for e in effects}, trimfill=filled,
            subgroups=subgroups, subgroup_labels=subgroup_labels,
            notes=sensitivity_notes(analysis, lang) + tuple(analysis.notes)))
    analyses.sort(key=lambda a: -a.result.k)
    return analyses, messages
