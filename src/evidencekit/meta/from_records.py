"""From extracted papers to a meta-analysis: study records and statistics -> effects -> pooled results.

The measure follows the design (CONTRACT vocabulary D; :mod:`evidencekit.meta.study_effect` does
one study): SMD for controlled comparisons, SMCR with an assumed pre/post correlation for one-group
pre/post studies (the correlation is recorded, and varied in :func:`analyse_records`).

Each :class:`Effect` records its derivation, assumptions and the spans it came from. One-group
pre/post effects and controlled comparisons estimate different things: :func:`analyse_records`
refuses to pool them together unless asked, and always adds the analysis without the studies that
carry error-severity flags.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Sequence

from evidencekit.errors import DataError
from evidencekit.meta.pool import pool
from evidencekit.meta.results import Effect, MetaResult
from evidencekit.meta.study_effect import (
    CONTROLLED, PRE_POST, NotPoolable, RecordSettings, design_kind_of, effect_from_record,
)
from evidencekit.model import DocumentResult, StudyRecord
from evidencekit.vocab import Severity

@dataclass(frozen=True, slots=True)
class StudyEffect:
    """One study's effect with its design kind and the error-severity checks it failed."""

    effect: Effect
    design_kind: str
    error_flags: tuple[str, ...] = ()

    @property
    def flagged(self) -> bool:
        return bool(self.error_flags)


@dataclass(frozen=True, slots=True)
class Skipped:
    study: str
    reason: str


@dataclass(frozen=True, slots=True)
class RecordEffects:
    included: tuple[StudyEffect, ...]
    skipped: tuple[Skipped, ...]

    @property
    def effects(self) -> tuple[Effect, ...]:
        return tuple(s.effect for s in self.included)


@dataclass(frozen=True, slots=True)
class RecordsAnalysis:
    """The analyses offered for a set of papers.

    ``main`` pools every usable study of ``design_kind``; ``without_flagged`` leaves out studies with
    error-severity flags (None when there are none, or none would remain); ``correlation_sensitivity``
    repeats the main analysis for each assumed pre/post correlation.
    """

    design_kind: str
    main: MetaResult | None
    without_flagged: MetaResult | None
    correlation_sensitivity: tuple[tuple[float, MetaResult], ...]
    effects: RecordEffects
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "design_kind": self.design_kind,
            "main": self.main.to_dict() if self.main else None,
            "without_flagged": self.without_flagged.to_dict() if self.without_flagged else None,
            "correlation_sensitivity": [{"r_prepost": r, "result": m.to_dict()} for r, m in self.correlation_sensitivity],
            "effects": [s.effect.to_dict() | {"design_kind": s.design_kind, "error_flags": list(s.error_flags)}
                        for s in self.effects.included],
            "skipped": [{"study": s.study, "reason": s.reason} for s in self.effects.skipped],
            "notes": list(self.notes),
        }


# --------------------------------------------------------------------------- many studies


def _error_flags(doc: DocumentResult) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f.check.value for f in doc.flags if f.severity == Severity.ERROR))


def _study_label(doc: DocumentResult, record: StudyRecord) -> str:
    citation = record.citation()
    base = citation if citation and record.year else doc.id
    return f"{base} row {record.row}" if record.row is not None else base


def from_records(documents: Sequence[DocumentResult], *, settings: RecordSettings = RecordSettings()) -> RecordEffects:
    """Effects of every usable study (primary papers, and each row of a review's extraction table)."""
    included, skipped = [], []
    for doc in documents:
        if doc.error is not None:
            skipped.append(Skipped(doc.id, f"the document failed: {doc.error.message}"))
            continue
        units: list[tuple[StudyRecord, Sequence[object]]] = []
        if doc.record is not None and not doc.studies:
            units.append((doc.record, doc.statistics))
        units.extend((row, ()) for row in doc.studies)
        if not units:
            skipped.append(Skipped(doc.id, "no study record was extracted."))
        for record, statistics in units:
            label = _study_label(doc, record)
            try:
                effect, kind = effect_from_record(record, statistics, study=label, settings=settings)
            except NotPoolable as exc:
                skipped.append(Skipped(label, str(exc)))
                continue
            if not (math.isfinite(effect.yi) and math.isfinite(effect.vi)):
                skipped.append(Skipped(label, "the effect could not be computed (a zero SD or n?)."))
                continue
            included.append(StudyEffect(effect, kind, _error_flags(doc) if not doc.studies else ()))
    return RecordEffects(tuple(included), tuple(skipped))


def analyse_records(documents: Sequence[DocumentResult], *, method: str = "REML", test: str = "z",
                    level: float = 0.95, design: str | None = None, allow_mixed: bool = False,
                    settings: RecordSettings = RecordSettings()) -> RecordsAnalysis:
    """Pool the studies of one design kind, without the flagged ones, and across assumed correlations.

    ``design``: PRE_POST or CONTROLLED; by default the one kind present. Both kinds present raise a
    DataError unless ``allow_mixed`` (then all effects are pooled on one d scale, and a note says so).
    """
    found = from_records(documents, settings=settings)
    kinds = sorted({s.design_kind for s in found.included})
    notes: list[str] = [f"{s.study}: skipped — {s.reason}" for s in found.skipped]
    if design is not None:
        if design not in (PRE_POST, CONTROLLED):
            raise DataError(f"design must be {PRE_POST!r} or {CONTROLLED!r}; got {design!r}")
        chosen = design
    elif len(kinds) > 1 and not allow_mixed:
        counts = {k: sum(s.design_kind == k for s in found.included) for k in kinds}
        raise DataError(f"one-group pre/post effects (k = {counts[PRE_POST]}) and controlled comparisons "
                        f"(k = {counts[CONTROLLED]}) estimate different things; choose design='pre_post' or "
                        "'controlled', or pass allow_mixed=True to pool them anyway.")
    else:
        chosen = "mixed" if len(kinds) > 1 else (kinds[0] if kinds else PRE_POST)
    studies = [s for s in found.included if chosen == "mixed" or s.design_kind == chosen]
    if chosen == "mixed":
        notes.append("pre/post (SMCR) and controlled (SMD) effects pooled together on request, as one d scale.")
    fit = lambda items: _pool_items(items, chosen, method, test, level)  # noqa: E731
    main = fit(studies)
    clean = [s for s in studies if not s.flagged]
    without = fit(clean) if main is not None and len(clean) < len(studies) else None
    if main is not None and len(clean) < len(studies):
        dropped = ", ".join(f"{s.effect.study} ({', '.join(s.error_flags)})" for s in studies if s.flagged)
        notes.append(f"without studies with error flags: left out {dropped}." if without
                     else "every study carries an error flag: no analysis without them is possible.")
    sens: list[tuple[float, MetaResult]] = []
    if main is not None and any("r_prepost" in s.effect.assumed for s in studies):
        for r in settings.r_sensitivity:
            again = from_records(documents, settings=replace(settings, r_prepost=r))
            items = [s for s in again.included if chosen == "mixed" or s.design_kind == chosen]
            result = fit(items)
            if result is not None:
                sens.append((r, result))
    return RecordsAnalysis(chosen, main, without, tuple(sens), RecordEffects(tuple(studies), found.skipped),
                           tuple(notes))


def _pool_items(items: Sequence[StudyEffect], chosen: str, method: str, test: str, level: float) -> MetaResult | None:
    if not items:
        return None
    effects = [s.effect for s in items]
    if chosen == "mixed":
        effects = [replace(e, measure="SMD") for e in effects]
    return pool(effects, method=method, test=test, level=level)


__all__ = ["CONTROLLED", "NotPoolable", "PRE_POST", "RecordEffects", "RecordSettings", "RecordsAnalysis",
           "Skipped", "StudyEffect", "analyse_records", "design_kind_of", "effect_from_record", "from_records"]
