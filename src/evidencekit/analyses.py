"""From processed papers to the analyses a review report shows.

The meta engine turns records into effect sizes (``meta.from_records``) and pools them; this module
only decides what goes together — one analysis per measure and design group, so one-group
pre/post studies and controlled studies are never pooled together — and what each study is called
in the figures (author year, arm sizes, integrity flags).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence

from evidencekit.errors import DataError
from evidencekit.model import DocumentResult, Flag, StudyRecord
from evidencekit.reports.analysis import AnalysisReport, slug
from evidencekit.reports.evidence import document_anchor
from evidencekit.reports.forest_rows import StudyInfo
from evidencekit.reports.i18n import labels
from evidencekit.vocab import Design

log = logging.getLogger(__name__)

#: Fewer effects than this in a group give no pooled analysis (listed as a message instead).
MIN_K = 2
#: Design groups: one-group pre/post designs apart from controlled (two-group) designs.
ONE_GROUP = "one_group"
CONTROLLED = "controlled"
OTHER = "other"
DESIGN_GROUPS: Mapping[Design, str] = {
    Design.ONE_GROUP_PRETEST_POSTTEST: ONE_GROUP,
    Design.TWO_GROUP_PRETEST_POSTTEST: CONTROLLED,
    Design.TWO_GROUP_POSTTEST_ONLY: CONTROLLED,
    Design.RCT: CONTROLLED,
    Design.QUASI_EXPERIMENTAL: CONTROLLED,
    Design.CROSSOVER: CONTROLLED,
}
#: Measures that only one-group (paired) data give.
PAIRED_MEASURES = frozenset({"SMCR", "SMCC", "MC", "SMCRH", "ROMC"})


def design_group(design: Design | None, measure: str | None = None) -> str:
    """"one_group", "controlled" or "other" for a design (a paired measure implies one group)."""
    if measure is not None and measure.upper() in PAIRED_MEASURES:
        return ONE_GROUP
    return DESIGN_GROUPS.get(design, OTHER) if design is not None else OTHER


def study_label(record: StudyRecord | None, fallback: str) -> str:
    """"Surname Year" as forest plots print a study (first author's last name), else ``fallback``."""
    if record is None or not record.authors:
        return fallback if record is None or record.year is None else f"{fallback} {record.year}"
    first = record.authors[0].split(",")[0].strip()
    name = first.split()[-1] if first.split() else first
    return f"{name} {record.year}" if record.year else name


def arms_text(record: StudyRecord | None) -> str:
    """"n = 24" or "oxytocin massage 15 · breast care 15" from the record."""
    if record is None:
        return ""
    if record.n_arms and len(record.n_arms) > 1:
        return " · ".join(f"{arm.replace('_', ' ')} {n}" for arm, n in record.n_arms.items())
    return f"n = {record.n_total}" if record.n_total else ""


def _row_flags(flags: Sequence[Flag], row: int) -> tuple[Flag, ...]:
    return tuple(f for f in flags if f.details.get("row") == row)


def study_keys(result: DocumentResult) -> dict[str, tuple[StudyRecord | None, tuple[Flag, ...]]]:
    """Every study of a document under the ids effects may carry: the document id for a primary
    paper; ``<id>#<row>`` (also ``<id>:<row>``, ``<id>/<row>``) for a review's table rows."""
    keys: dict[str, tuple[StudyRecord | None, tuple[Flag, ...]]] = {result.id: (result.record, result.flags)}
    for study in result.studies:
        row = study.row
        entry = (study, _row_flags(result.flags, row) if row is not None else ())
        for sep in ("#", ":", "/", "-row"):
            keys[f"{result.id}{sep}{row}"] = entry
    return keys


def study_infos(results: Sequence[DocumentResult]) -> dict[str, StudyInfo]:
    """Label, arm data and flags of every study, by every id an effect may carry."""
    infos = {}
    for result in results:
        for key, (record, flags) in study_keys(result).items():
            infos[key] = StudyInfo(study_label(record, result.id), arms_text(record), flags,
                                   document_anchor(result))
    return infos


def group_effects(effects: Sequence, records: Mapping[str, StudyRecord | None]) -> dict[tuple[str, str, str], list]:
    """Effects by (outcome, measure, design group), in a stable order."""
    groups: dict[tuple[str, str, str], list] = defaultdict(list)
    for e in effects:
        record = records.get(e.study)
        group = e.group or design_group(record.design if record else None, e.measure)
        if group not in (ONE_GROUP, CONTROLLED, OTHER):
            group = design_group(record.design if record else None, e.measure)
        outcome = getattr(e, "outcome", None) or ""
        groups[(outcome, e.measure, group)].append(e)
    return dict(groups)


def analyses_from_results(results: Sequence[DocumentResult], *, method: str = "REML", test: str = "z",
                          lang: str = "en") -> tuple[list[AnalysisReport], list[str]]:
    """Pooled analyses of the effect sizes the records give, largest first; and messages saying
    which groups were too small to pool."""
    from evidencekit.meta import from_records, pool, trimfill

    L = labels(lang)
    ok = [r for r in results if r.error is None]
    effects = list(from_records(ok))
    infos = study_infos(ok)
    records = {k: rec for r in ok for k, (rec, _) in study_keys(r).items()}
    analyses, messages = [], []
    for (outcome, measure, group), members in group_effects(effects, records).items():
        group_label = L.get(f"group_{group}", group)
        name = " — ".join(part for part in (outcome, group_label) if part)
        if len(members) < MIN_K:
            messages.append(f"{name} ({measure}): k = {len(members)}; {L['no_analyses']}")
            continue
        try:
            result = pool(members, method=method, test=test)
        except DataError as exc:
            messages.append(f"{name} ({measure}): {exc}")
            continue
        filled = None
        if result.k >= 3:
            try:
                filled = trimfill(result)
            except DataError as exc:
                messages.append(f"{name}: trim and fill: {exc}")
        key = slug(f"{group}-{measure}-{outcome}")
        analyses.append(AnalysisReport(key=key, title=f"{name} · {L.get('measure_' + measure, measure)}",
                                       result=result, effects=tuple(members),
                                       info={e.study: infos.get(e.study, StudyInfo(e.study)) for e in members},
                                       trimfill=filled))
    analyses.sort(key=lambda a: -a.result.k)
    return analyses, messages
