"""Model objects to corpus rows: the column names of :mod:`evidencekit.corpus.store`'s schema.

Pure functions, one per table. List- and dict-valued fields are stored as JSON text, which
Datasette shows and SQLite's ``json_each`` can query.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator, Mapping

from evidencekit.model import (AnyStatistic, Descriptive, DocumentResult, Flag, FrequencyTable, Page,
                               PercentCount, Section, Span, Statistic, StudyRecord)
from evidencekit.vocab import Severity


def to_json(value: Any) -> str | None:
    """JSON text for a list/dict column (None stays NULL)."""
    return None if value is None else json.dumps(value, ensure_ascii=False, allow_nan=False)


def document_row(result: DocumentResult, *, sha256: str, path: str, size_bytes: int | None,
                 tool_version: str, run_id: int | None, seconds: float | None,
                 ingested_at: str, cpu_seconds: float | None = None,
                 result_json: str | None = None) -> dict[str, Any]:
    """The documents row; ``result_json`` is the contract JSON when already serialised."""
    record = result.record
    document = result.document
    return {
        "sha256": sha256, "doc_id": result.id, "source": result.source, "path": path,
        "size_bytes": size_bytes, "media_type": document.media_type if document else None,
        "language": result.language, "kind": result.kind.value, "pages": result.n_pages,
        "title": record.title if record else None, "year": record.year if record else None,
        "design": record.design.value if record and record.design else None,
        "n_total": record.n_total if record else None,
        "n_statistics": len(result.statistics), "n_flags": len(result.flags),
        "n_errors": sum(f.severity is Severity.ERROR for f in result.flags),
        "error_code": result.error.code if result.error else None,
        "error_message": result.error.message if result.error else None,
        "tool_version": tool_version, "run_id": run_id, "seconds": seconds,
        "cpu_seconds": cpu_seconds, "ingested_at": ingested_at, "result_json": to_json(result.to_dict()),
    }


def page_row(document_id: int, page: Page) -> dict[str, Any]:
    """The ``pages`` row of one page."""
    return {"document_id": document_id, "number": page.number, "start": page.start,
            "end": page.end, "label": page.label, "columns": page.columns}


def section_row(document_id: int, ordinal: int, section: Section) -> dict[str, Any]:
    """The ``sections`` row of one section (``ordinal``: its place in the document)."""
    return {"document_id": document_id, "ordinal": ordinal, "name": section.name,
            "heading": section.heading, "start": section.start, "end": section.end}


def records_of(result: DocumentResult) -> Iterator[tuple[int | None, StudyRecord]]:
    """(study_row, record): the paper's own record (row None), then a review's study rows."""
    if result.record is not None:
        yield None, result.record
    for i, study in enumerate(result.studies, start=1):
        yield (study.row if study.row is not None else i), study


def record_row(document_id: int, study_row: int | None, r: StudyRecord) -> dict[str, Any]:
    """The ``records`` row of one record; lists and mappings are stored as JSON."""
    m = r.main_result
    return {
        "document_id": document_id, "study_row": study_row, "title": r.title,
        "authors": to_json(list(r.authors)), "year": r.year, "journal": r.journal, "doi": r.doi,
        "setting": r.setting, "design": _v(r.design), "design_family": _v(r.design_family),
        "n_total": r.n_total, "n_arms": to_json(dict(r.n_arms)), "sampling": _v(r.sampling),
        "intervention": r.intervention, "comparator": r.comparator, "outcome": r.outcome,
        "instrument": r.instrument, "tests": to_json([t.value for t in r.tests]), "alpha": r.alpha,
        "main_test": _v(m.test) if m else None, "main_statistic": _v(m.statistic) if m else None,
        "main_value": m.value if m else None,
        "main_df": to_json(list(m.df)) if m and m.df else None, "main_p": m.p if m else None,
        "main_p_operator": _v(m.p_operator) if m else None,
        "main_significant": m.significant if m else None,
        "cells": to_json(r.cells) if r.cells is not None else None,
    }


def record_evidence_rows(document_id: int, record_id: int, r: StudyRecord) -> Iterator[dict[str, Any]]:
    """One ``evidence`` row per span (with text) that supports a field of the record."""
    for field, spans in r.evidence.items():
        for span in spans:
            if span.text:
                yield _evidence(document_id, "record", record_id, field, span)


def span_evidence_rows(document_id: int, owner: str, owner_id: int,
                       spans: Iterable[Span | None]) -> Iterator[dict[str, Any]]:
    """One ``evidence`` row per span (with text) of an owner such as a flag."""
    for span in spans:
        if span is not None and span.text:
            yield _evidence(document_id, owner, owner_id, None, span)


def statistic_row(document_id: int, ordinal: int, s: AnyStatistic) -> dict[str, Any]:
    """One row for any statistic kind; columns a kind does not have stay NULL."""
    row: dict[str, Any] = dict.fromkeys(_STATISTIC_COLUMNS)
    row.update(document_id=document_id, ordinal=ordinal, kind=s.kind.value, label=s.label,
               source=s.source.value, **_span_columns(s.span))
    if isinstance(s, Statistic):
        df = s.df or ()
        row.update(test=_v(s.test), value=_n(s.value), df1=df[0] if len(df) > 0 else None,
                   df2=df[1] if len(df) > 1 else None, p=_n(s.p), p_operator=_v(s.p_operator),
                   n=s.n, ci_low=_n(s.ci[0]) if s.ci else None, ci_high=_n(s.ci[1]) if s.ci else None)
    elif isinstance(s, Descriptive):
        row.update(n=s.n, mean=_n(s.mean), sd=_n(s.sd), se=_n(s.se), median=_n(s.median),
                   min=_n(s.min), max=_n(s.max), ci_low=_n(s.ci95[0]) if s.ci95 else None,
                   ci_high=_n(s.ci95[1]) if s.ci95 else None, unit=s.unit, group=s.group, time=s.time)
    elif isinstance(s, PercentCount):
        row.update(n=s.n, count=s.count, percent=_n(s.percent))
    return row


_STATISTIC_COLUMNS = (
    "document_id", "ordinal", "kind", "label", "test", "value", "df1", "df2", "p", "p_operator",
    "n", "mean", "sd", "se", "median", "min", "max", "ci_low", "ci_high", "count", "percent",
    "unit", "group", "time", "section", "page", "start", "end", "text", "source",
)


def frequency_table_row(document_id: int, ordinal: int, t: FrequencyTable) -> dict[str, Any]:
    """The ``frequency_tables`` row of one frequency table; levels, counts and percents as JSON."""
    return {"document_id": document_id, "ordinal": ordinal, "label": t.label, "n": t.n,
            "levels": to_json(list(t.levels)), "counts": to_json(list(t.counts)),
            "percents": to_json([_n(p) for p in t.percents]),
            "codes": to_json(list(t.codes)) if t.codes else None,
            **_span_columns(t.span), "source": t.source.value}


def flag_row(document_id: int, ordinal: int, f: Flag) -> dict[str, Any]:
    """The ``flags`` row of one flag; its first evidence span fills the span columns."""
    low, high = f.expected_range if f.expected_range else (None, None)
    first = f.evidence[0] if f.evidence else None
    return {"document_id": document_id, "ordinal": ordinal, "check": f.check.value,
            "severity": f.severity.value, "message": f.message, "expected": _finite(f.expected),
            "reported": _finite(f.reported), "expected_low": _finite(low),
            "expected_high": _finite(high), "details": to_json(f.details) if f.details else None,
            **_span_columns(first)}


_ANALYSIS_COLUMNS = ("name", "measure", "method", "test", "level", "k", "estimate", "se", "ci_low",
                     "ci_high", "pi_low", "pi_high", "tau2", "i2", "q", "q_p", "p")
_EFFECT_COLUMNS = ("document_id", "record_id", "study", "measure", "yi", "vi", "se", "ci_low",
                   "ci_high", "weight", "n", "derived_from")

#: Column ← the first path present in a meta result's ``to_dict()`` (evidencekit.meta names, then
#: plain names), so a MetaResult and a hand-made dict both fill the columns.
_ANALYSIS_SOURCES: dict[str, tuple[str, ...]] = {
    "name": ("name", "title", "key"), "ci_low": ("ci_low", "ci_lower"), "ci_high": ("ci_high", "ci_upper"),
    "pi_low": ("pi_low", "prediction.pi_lower"), "pi_high": ("pi_high", "prediction.pi_upper"),
    "i2": ("i2", "heterogeneity.I2"), "q": ("q", "heterogeneity.Q"), "q_p": ("q_p", "heterogeneity.p"),
    "p": ("p", "pval"),
}


def analysis_row(analysis: Mapping[str, Any], tool_version: str, created_at: str) -> dict[str, Any]:
    """The ``analyses`` row of a pooled analysis given as a dict (see :data:`_ANALYSIS_SOURCES`)."""
    row = {c: _first(analysis, _ANALYSIS_SOURCES.get(c, (c,))) for c in _ANALYSIS_COLUMNS}
    row["name"] = row["name"] or "analysis"
    return row | {"created_at": created_at, "tool_version": tool_version,
                  "options": to_json(analysis.get("options")),
                  "result_json": to_json(_jsonable(analysis))}


def effect_row(analysis_id: int, effect: Mapping[str, Any], weight: float | None = None) -> dict[str, Any]:
    """One study effect; ``se`` is √vi when not given (exact, not an assumption)."""
    row = {c: effect.get(c) for c in _EFFECT_COLUMNS}
    if row["se"] is None and isinstance(row["vi"], (int, float)) and row["vi"] >= 0:
        row["se"] = row["vi"] ** 0.5
    if row["weight"] is None:
        row["weight"] = weight
    extra = {k: v for k, v in effect.items() if k not in _EFFECT_COLUMNS and k != "assumed"}
    return ({"analysis_id": analysis_id} | row
            | {"assumed": to_json(_jsonable(effect.get("assumed"))),
               "details": to_json(_jsonable(extra)) if extra else None})


def study_weights(analysis: Mapping[str, Any]) -> dict[str, float]:
    """Study → weight (percent) from a meta result's parallel ``studies``/``weights`` lists."""
    studies, weights = analysis.get("studies"), analysis.get("weights")
    if not studies or weights is None or len(studies) != len(weights):
        return {}
    return {str(s): float(w) for s, w in zip(studies, weights)}


# --------------------------------------------------------------------------- helpers


def _first(d: Mapping[str, Any], paths: Iterable[str]) -> Any:
    """The value at the first dotted path present (and not None) in ``d``."""
    for path in paths:
        value: Any = d
        for part in path.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        if value is not None:
            return _finite(value) if isinstance(value, float) else value
    return None


def _jsonable(value: Any) -> Any:
    """Plain JSON values: numpy arrays/scalars to lists/floats, NaN/inf to None, tuples to lists."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "tolist"):                     # numpy array or scalar
        return _jsonable(value.tolist())
    if isinstance(value, float):
        return _finite(value)
    return value


def _evidence(document_id: int, owner: str, owner_id: int, field: str | None, span: Span) -> dict[str, Any]:
    return {"document_id": document_id, "owner": owner, "owner_id": owner_id, "field": field,
            "section": span.section, "page": span.page, "start": span.start, "end": span.end,
            "text": span.text}


def _span_columns(span: Span | None) -> dict[str, Any]:
    if span is None:
        return {"section": None, "page": None, "start": None, "end": None, "text": None}
    return {"section": span.section, "page": span.page, "start": span.start, "end": span.end,
            "text": span.text}


def _v(e: Any) -> Any:
    return None if e is None else e.value


def _n(r: Any) -> float | None:
    return None if r is None else r.value


def _finite(x: float | None) -> float | None:
    return None if x is None or x != x or x in (float("inf"), float("-inf")) else x
