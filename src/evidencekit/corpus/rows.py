"""Model objects to corpus rows: the column names of :mod:`evidencekit.corpus.store`'s schema.

:func:`build_rows` turns a whole :class:`~evidencekit.model.DocumentResult` into a
:class:`DocumentRows`: plain tuples (and the contract JSON) that the writer inserts as they are.
An ingest worker builds them, so the one writer neither unpickles the model objects nor maps them
to rows. Below it, pure functions, one per table. List- and dict-valued fields are stored as JSON
text, which Datasette shows and SQLite's ``json_each`` can query.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping

from evidencekit.model import (AnyStatistic, Descriptive, DocumentResult, Flag, FrequencyTable, Page,
                               PercentCount, Section, Span, Statistic, StudyRecord)
from evidencekit.vocab import Severity


def to_json(value: Any) -> str | None:
    """JSON text for a list/dict column (None stays NULL)."""
    return None if value is None else json.dumps(value, ensure_ascii=False, allow_nan=False)


# --------------------------------------------------------------------------- one document's rows
# Each row is a tuple in the order of its table's *_COLUMNS, without ``document_id`` (the writer
# puts the new document's id in front). Records and flags get their row ids from the writer too,
# so an evidence row names its owner by its place in ``records`` or ``flags``.

PAGE_COLUMNS = ("number", "start", "end", "label", "columns")
SECTION_COLUMNS = ("ordinal", "name", "heading", "start", "end")
RECORD_COLUMNS = (
    "study_row", "title", "authors", "year", "journal", "doi", "setting", "design", "design_family",
    "n_total", "n_arms", "sampling", "intervention", "comparator", "outcome", "instrument", "tests",
    "alpha", "main_test", "main_statistic", "main_value", "main_df", "main_p", "main_p_operator",
    "main_significant", "cells",
)
STATISTIC_COLUMNS = (
    "ordinal", "kind", "label", "test", "value", "df1", "df2", "p", "p_operator",
    "n", "mean", "sd", "se", "median", "min", "max", "ci_low", "ci_high", "count", "percent",
    "unit", "group", "time", "section", "page", "start", "end", "text", "source",
)
FREQUENCY_TABLE_COLUMNS = ("ordinal", "label", "n", "levels", "counts", "percents", "codes",
                           "section", "page", "start", "end", "text", "source")
FLAG_COLUMNS = ("ordinal", "check", "severity", "message", "expected", "reported", "expected_low",
                "expected_high", "details", "section", "page", "start", "end", "text")
#: An evidence row as built: ``owner_index`` is the owner's place in ``records`` or ``flags``.
EVIDENCE_COLUMNS = ("owner", "owner_index", "field", "section", "page", "start", "end", "text")


@dataclass(frozen=True, slots=True)
class DocumentRows:
    """Everything the corpus stores for one document, as plain values ready to insert.

    ``document`` holds the ``documents`` columns that come from the result (the writer adds the
    file's sha256, path, size, run and times); ``text`` is the normalised text (None when nothing
    was read: no ``texts``, ``pages`` or ``sections`` rows). Evidence lists the records' spans
    (record by record) before the flags'.
    """

    document: dict[str, Any]
    text: str | None
    pages: list[tuple]
    sections: list[tuple]
    records: list[tuple]
    statistics: list[tuple]
    frequency_tables: list[tuple]
    flags: list[tuple]
    evidence: list[tuple]

    @property
    def error_code(self) -> str | None:
        """The document's error code (None when it was read)."""
        return self.document["error_code"]

    @property
    def n_pages(self) -> int | None:
        """PDF pages read (None for text input and failures)."""
        return self.document["pages"]


def build_rows(result: DocumentResult, result_json: str | None = None) -> DocumentRows:
    """All rows of ``result``; ``result_json`` is its contract JSON when already serialised."""
    document = result.document
    records = list(records_of(result))
    evidence = [row for i, (_, record) in enumerate(records) for row in record_evidence_rows(i, record)]
    evidence += [row for i, flag in enumerate(result.flags)
                 for row in span_evidence_rows("flag", i, flag.evidence)]
    return DocumentRows(
        document=document_row(result, result_json),
        text=document.text if document is not None else None,
        pages=[page_row(p) for p in document.pages] if document is not None else [],
        sections=[section_row(i, s) for i, s in enumerate(document.sections)] if document is not None else [],
        records=[record_row(study_row, record) for study_row, record in records],
        statistics=[statistic_row(i, s) for i, s in enumerate(result.statistics)],
        frequency_tables=[frequency_table_row(i, t) for i, t in enumerate(result.frequency_tables)],
        flags=[flag_row(i, f) for i, f in enumerate(result.flags)],
        evidence=evidence,
    )


def document_row(result: DocumentResult, result_json: str | None = None) -> dict[str, Any]:
    """The ``documents`` columns read from the result; ``result_json`` is the contract JSON when
    already serialised (else it is serialised here)."""
    record = result.record
    document = result.document
    return {
        "doc_id": result.id, "source": result.source,
        "media_type": document.media_type if document else None,
        "language": result.language, "kind": result.kind.value, "pages": result.n_pages,
        "title": record.title if record else None, "year": record.year if record else None,
        "design": record.design.value if record and record.design else None,
        "n_total": record.n_total if record else None,
        "n_statistics": len(result.statistics), "n_flags": len(result.flags),
        "n_errors": sum(f.severity is Severity.ERROR for f in result.flags),
        "error_code": result.error.code if result.error else None,
        "error_message": result.error.message if result.error else None,
        "result_json": result_json if result_json is not None else to_json(result.to_dict()),
    }


def page_row(page: Page) -> tuple:
    """The ``pages`` row of one page (:data:`PAGE_COLUMNS`)."""
    return (page.number, page.start, page.end, page.label, page.columns)


def section_row(ordinal: int, section: Section) -> tuple:
    """The ``sections`` row of one section (``ordinal``: its place in the document)."""
    return (ordinal, section.name, section.heading, section.start, section.end)


def records_of(result: DocumentResult) -> Iterator[tuple[int | None, StudyRecord]]:
    """(study_row, record): the paper's own record (row None), then a review's study rows."""
    if result.record is not None:
        yield None, result.record
    for i, study in enumerate(result.studies, start=1):
        yield (study.row if study.row is not None else i), study


def record_row(study_row: int | None, r: StudyRecord) -> tuple:
    """The ``records`` row of one record (:data:`RECORD_COLUMNS`); lists and mappings as JSON."""
    m = r.main_result
    return (
        study_row, r.title, to_json(list(r.authors)), r.year, r.journal, r.doi, r.setting,
        _v(r.design), _v(r.design_family), r.n_total, to_json(dict(r.n_arms)), _v(r.sampling),
        r.intervention, r.comparator, r.outcome, r.instrument, to_json([t.value for t in r.tests]),
        r.alpha,
        _v(m.test) if m else None, _v(m.statistic) if m else None, m.value if m else None,
        to_json(list(m.df)) if m and m.df else None, m.p if m else None,
        _v(m.p_operator) if m else None, m.significant if m else None,
        to_json(r.cells) if r.cells is not None else None,
    )


def record_evidence_rows(record_index: int, r: StudyRecord) -> Iterator[tuple]:
    """One evidence row per span (with text) that supports a field of the record."""
    for field, spans in r.evidence.items():
        for span in spans:
            if span.text:
                yield ("record", record_index, field, *_span_columns(span))


def span_evidence_rows(owner: str, owner_index: int, spans: Iterable[Span | None]) -> Iterator[tuple]:
    """One evidence row per span (with text) of an owner such as a flag."""
    for span in spans:
        if span is not None and span.text:
            yield (owner, owner_index, None, *_span_columns(span))


def statistic_row(ordinal: int, s: AnyStatistic) -> tuple:
    """One row for any statistic kind (:data:`STATISTIC_COLUMNS`); columns a kind does not have
    stay NULL."""
    row: dict[str, Any] = dict.fromkeys(STATISTIC_COLUMNS)
    row.update(ordinal=ordinal, kind=s.kind.value, label=s.label, source=s.source.value)
    row["section"], row["page"], row["start"], row["end"], row["text"] = _span_columns(s.span)
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
    return tuple(row.values())


def frequency_table_row(ordinal: int, t: FrequencyTable) -> tuple:
    """The ``frequency_tables`` row of one frequency table; levels, counts and percents as JSON."""
    return (ordinal, t.label, t.n, to_json(list(t.levels)), to_json(list(t.counts)),
            to_json([_n(p) for p in t.percents]), to_json(list(t.codes)) if t.codes else None,
            *_span_columns(t.span), t.source.value)


def flag_row(ordinal: int, f: Flag) -> tuple:
    """The ``flags`` row of one flag; its first evidence span fills the span columns."""
    low, high = f.expected_range if f.expected_range else (None, None)
    first = f.evidence[0] if f.evidence else None
    return (ordinal, f.check.value, f.severity.value, f.message, _finite(f.expected),
            _finite(f.reported), _finite(low), _finite(high),
            to_json(f.details) if f.details else None, *_span_columns(first))


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


_NO_SPAN = (None, None, None, None, None)


def _span_columns(span: Span | None) -> tuple:
    """(section, page, start, end, text) of a span; all None for no span."""
    if span is None:
        return _NO_SPAN
    return (span.section, span.page, span.start, span.end, span.text)


def _v(e: Any) -> Any:
    return None if e is None else e.value


def _n(r: Any) -> float | None:
    return None if r is None else r.value


def _finite(x: float | None) -> float | None:
    return None if x is None or x != x or x in (float("inf"), float("-inf")) else x
