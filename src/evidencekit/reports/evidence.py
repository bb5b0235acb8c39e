"""Where a flag comes from, shown in context: the sentence or table around a span, split so the
template can highlight the evidence, and a link to the page of the source PDF.

Pure functions of the model; the template escapes every string they return.
"""

from __future__ import annotations

import os
from urllib.parse import quote
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from evidencekit.model import Document, DocumentResult, Flag, Span, StudyRecord, Table
from evidencekit.vocab import Severity

#: Characters of text shown on each side of the evidence when no sentence boundary is near.
CONTEXT_CHARS = 220
#: Tables longer than this show only their first row (header) and the rows holding evidence.
MAX_TABLE_ROWS = 12
#: Characters that end a sentence for the context window ("0,05." must not end one: a digit follows).
_SENTENCE_ENDS = (". ", "! ", "? ", "\n")


@dataclass(frozen=True, slots=True)
class TableCellView:
    text: str
    hit: bool


@dataclass(frozen=True, slots=True)
class EvidenceView:
    """One evidence span ready to show: ``before`` + **``hit``** + ``after``, or a table whose hit
    cells are marked. ``href`` opens the source at the span's page (``file.pdf#page=N``)."""

    hit: str
    before: str = ""
    after: str = ""
    page: int | None = None
    section: str | None = None
    href: str | None = None
    table_rows: tuple[tuple[TableCellView, ...], ...] = ()
    table_caption: str | None = None

    @property
    def is_table(self) -> bool:
        return bool(self.table_rows)


def source_href(source: str, outdir: Path | None, page: int | None) -> str | None:
    """A link from a report in ``outdir`` to ``source`` (relative when possible), at ``page`` for PDFs."""
    if not source:
        return None
    path = Path(source)
    if outdir is not None:
        path = Path(os.path.relpath(path.resolve(), Path(outdir).resolve()))
    href = quote(path.as_posix(), safe="/")          # "paper #2.pdf" must not end at its "#"
    if page is not None and path.suffix.lower() == ".pdf":
        href += f"#page={page}"
    return href


def _sentence_bounds(text: str, start: int, end: int, radius: int) -> tuple[int, int]:
    """Widen [start, end) to the enclosing sentence, at most ``radius`` characters each way."""
    lo = max(0, start - radius)
    left = max((text.rfind(mark, lo, start) for mark in _SENTENCE_ENDS), default=-1)
    left = left + 1 if left >= 0 else lo
    hi = min(len(text), end + radius)
    rights = [i for i in (text.find(mark, end, hi) for mark in _SENTENCE_ENDS) if i >= 0]
    right = min(rights) + 1 if rights else hi
    return left, right


def _table_view(table: Table, start: int, end: int) -> tuple[tuple[TableCellView, ...], ...]:
    def hit(cell) -> bool:
        return cell.start is not None and cell.end is not None and cell.start < end and start < cell.end

    rows = [tuple(TableCellView(c.text, hit(c)) for c in row) for row in table.rows]
    if len(rows) > MAX_TABLE_ROWS:
        rows = [rows[0]] + [r for r in rows[1:] if any(c.hit for c in r)]
    return tuple(rows)


def evidence_view(span: Span, document: Document | None, source: str = "",
                  outdir: Path | None = None, radius: int = CONTEXT_CHARS) -> EvidenceView:
    """Show ``span`` in context: its table (hit cells marked) or its sentence (hit marked)."""
    href = source_href(source, outdir, span.page)
    text = document.text if document is not None else ""
    valid = document is not None and 0 <= span.start < span.end <= len(text)
    if not valid:
        return EvidenceView(hit=span.text, page=span.page, section=span.section, href=href)
    table = document.in_table(span.start)
    if table is not None:
        rows = _table_view(table, span.start, span.end)
        if any(c.hit for r in rows for c in r):
            return EvidenceView(hit=text[span.start:span.end], page=span.page, section=span.section,
                                href=href, table_rows=rows, table_caption=table.caption)
    left, right = _sentence_bounds(text, span.start, span.end, radius)
    return EvidenceView(hit=text[span.start:span.end], before=text[left:span.start].lstrip(),
                        after=text[span.end:right].rstrip(), page=span.page, section=span.section,
                        href=href)


@dataclass(frozen=True, slots=True)
class FlagView:
    flag: Flag
    evidence: tuple[EvidenceView, ...]
    anchor: str


@dataclass(frozen=True, slots=True)
class DocumentFlags:
    """One document's flags grouped by severity, worst first."""

    result: DocumentResult
    groups: tuple[tuple[Severity, tuple[FlagView, ...]], ...]
    anchor: str

    @property
    def count(self) -> int:
        return sum(len(views) for _, views in self.groups)


def worst_severity(flags: Sequence[Flag]) -> Severity | None:
    """The worst severity among ``flags`` (error before warning before note); None when none."""
    return min((f.severity for f in flags), key=lambda s: s.rank, default=None)


def document_anchor(result: DocumentResult) -> str:
    """The HTML id of a document's flag section (stable: built from the document id)."""
    return "flags-" + "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in result.id)


def group_flags(result: DocumentResult, outdir: Path | None = None) -> DocumentFlags:
    """A document's flags grouped by severity with every evidence span shown in context."""
    base = document_anchor(result)
    groups = []
    for severity in sorted(Severity, key=lambda s: s.rank):
        views = tuple(
            FlagView(flag, tuple(evidence_view(span, result.document, result.source, outdir)
                                 for span in flag.evidence), f"{base}-{i}")
            for i, flag in enumerate(result.flags) if flag.severity is severity)
        if views:
            groups.append((severity, views))
    return DocumentFlags(result, tuple(groups), base)


def _record_range(record: StudyRecord) -> tuple[int, int] | None:
    spans = [s for spans in record.evidence.values() for s in spans]
    return (min(s.start for s in spans), max(s.end for s in spans)) if spans else None


def row_flags(flags: Sequence[Flag], record: StudyRecord) -> tuple[Flag, ...]:
    """The flags of a review that concern one of its table rows: those naming the row in their
    details, or whose evidence falls inside the text the row's fields were read from."""
    window = _record_range(record)

    def concerns(f: Flag) -> bool:
        if record.row is not None and f.details.get("row") == record.row:
            return True
        return window is not None and any(window[0] <= s.start < window[1] for s in f.evidence)

    return tuple(f for f in flags if concerns(f))


def study_flags(result: DocumentResult, study_row: int | None) -> tuple[Flag, ...]:
    """The flags of one study of ``result``: all of a primary paper's, or a review row's own."""
    if study_row is None or not result.studies:
        return tuple(result.flags)
    record = next((s for s in result.studies if s.row == study_row), None)
    return row_flags(result.flags, record) if record is not None else ()
