"""Read a file into a :class:`~evidencekit.model.Document`: the front door of extraction.

``read_document(path, limits=...)`` reads a PDF or a text file (.txt, .md; :mod:`.text`) into
one normalised text with pages, sections (:mod:`.sections`), tables and language
(:mod:`.lang`). Every bad input raises an error of :mod:`evidencekit.errors` whose message says
what to do.

A PDF goes: :mod:`.pdf` (pdfium lines with boxes, limits, bad input) and, in the same pass over
the pages, :mod:`.pdf_tables` (pdfplumber's table model, only on pages that draw rules) →
:mod:`.furniture` (running heads, page labels)
→ :mod:`.order` (bands and columns; :mod:`.aligned` for unruled tables) → :mod:`.layout`
(paragraphs, hyphenation, table blocks, offsets).

Tables are blocks of the text (one line per row, cells joined by " | "); :func:`prose` gives
the rest, for readers that must skip tables.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from evidencekit.errors import FileNotFound, FileTooLarge, InputError, UnsupportedFormat
from evidencekit.extract.lang import detect_language
from evidencekit.extract.sections import find_sections
from evidencekit.extract.text import decode_text, read_text_layout
from evidencekit.model import Document

PDF_SUFFIXES = frozenset({".pdf"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
#: Sections left out when deciding the paper's language (reference titles are often English).
LANGUAGE_SKIP = frozenset({"references"})


def document_id(path: Path | str) -> str:
    """The id of a document read from ``path``: the file stem ("000_00df2b57d7bbe1ef")."""
    return Path(path).stem


def read_document(path: Path | str, *, limits=None, doc_id: str | None = None) -> Document:
    """Read a PDF or text file (.txt/.md) into a :class:`Document`, within ``limits``
    (:class:`evidencekit.pipeline.Limits`: pages, seconds and bytes per file)."""
    from evidencekit.pipeline import Limits

    limits = limits or Limits()
    path = Path(path)
    if not path.is_file():
        raise FileNotFound(f"No such file: {path}; check the path.")
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise FileTooLarge(f"The file is {size} bytes, more than the limit of {limits.max_bytes}; "
                           "is it really one paper? Raise Limits.max_bytes if it is.")
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    doc_id = doc_id or document_id(path)
    suffix = path.suffix.lower()
    try:
        if suffix in PDF_SUFFIXES or data[:5] == b"%PDF-":          # a PDF named .txt is a PDF
            text, pages, tables, furniture = _read_pdf(data, str(path), limits)
            media = "application/pdf"
        elif suffix in TEXT_SUFFIXES:
            text, pages, tables = read_text_layout(decode_text(data, str(path)))
            furniture = ()
            media = "text/markdown" if suffix in MARKDOWN_SUFFIXES else "text/plain"
        else:
            raise UnsupportedFormat(f"'{suffix or 'no extension'}' files are not read; "
                                    "give a PDF, or the paper as UTF-8 text (.txt or .md).")
    except InputError as exc:
        exc.sha256 = sha                      # the failed entry still names the input bytes
        raise
    sections = find_sections(text, [(t.start, t.end) for t in tables])
    language = detect_language(_language_text(text, sections, tables))
    return Document(id=doc_id, source=str(path), sha256=sha, text=text, pages=pages, furniture=furniture,
                    sections=sections, tables=tables, language=language, media_type=media)


def _read_pdf(data: bytes, name: str, limits):
    from evidencekit.extract.layout import layout
    from evidencekit.extract.furniture import find_furniture, running_heads
    from evidencekit.extract.pdf import PDFIUM_LOCK, open_pdf, read_pages
    from evidencekit.extract.pdf_tables import RuledTables

    deadline = time.perf_counter() + limits.timeout_s
    ruled = RuledTables(name, deadline)             # read in the same pass, page by page
    with PDFIUM_LOCK:
        document = open_pdf(data, name, max_pages=limits.max_pages)
        try:
            pages = read_pages(document, name, deadline=deadline, visit=ruled.visit)
        finally:
            document.close()
    tables = ruled.found(data)                      # pdfplumber for the pages pdfium cannot match
    furniture, labels = find_furniture(pages, {n: [t.bbox for t in ts] for n, ts in tables.items()})
    text, out_pages, out_tables = layout(pages, furniture, tables, labels)
    return text, out_pages, out_tables, running_heads(pages, furniture)


# --------------------------------------------------------------------------- views


def prose(document: Document) -> list[tuple[int, str]]:
    """(offset, text) of every stretch of the text outside tables, in order."""
    out: list[tuple[int, str]] = []
    pos = 0
    for table in sorted(document.tables, key=lambda t: t.start):
        if table.start > pos:
            out.append((pos, document.text[pos:table.start]))
        pos = max(pos, table.end)
    if pos < len(document.text):
        out.append((pos, document.text[pos:]))
    return out


def _language_text(text: str, sections, tables) -> str:
    skip = [(s.start, s.end) for s in sections if s.name in LANGUAGE_SKIP]
    skip += [(t.start, t.end) for t in tables]
    if not skip:
        return text
    out, pos = [], 0
    for a, b in sorted(skip):
        if a > pos:
            out.append(text[pos:a])
        pos = max(pos, b)
    out.append(text[pos:])
    return "\n".join(out)


def render_with_markers(document: Document) -> str:
    """The normalised text with a marker line before each section and table
    (``=== [results] HASIL ===``, ``=== [table 2, page 4] Tabel 2 ... ===``).

    Markers are extra lines: offsets of the JSON index ``document.text``, not this rendering.
    """
    marks: list[tuple[int, int, str]] = []
    for s in document.sections:
        marks.append((s.start, 0, f"=== [{s.name}] {s.heading} ===".replace("  ", " ")))
    for k, t in enumerate(document.tables, 1):
        where = f", page {t.page}" if t.page is not None else ""
        rows, cols = t.shape
        label = f" {t.caption}" if t.caption else ""
        marks.append((t.start, 1, f"=== [table {k}{where}: {rows} rows x {cols} columns]{label} ==="))
        after = t.end + 1 if document.text[t.end:t.end + 1] == "\n" else t.end
        marks.append((after, -1, f"=== [end of table {k}] ==="))
    for p in document.pages:
        label = f" (printed {p.label})" if p.label else ""
        marks.append((p.start, -2, f"--- page {p.number}{label} ---"))
    out, pos = [], 0
    text = document.text
    for offset, _, marker in sorted(marks):
        if offset > pos:
            out.append(text[pos:offset])
            pos = offset
        if out and not out[-1].endswith("\n"):
            out.append("\n")
        out.append(marker + "\n")
    out.append(text[pos:])
    rendered = "".join(out)
    return rendered if rendered.endswith("\n") else rendered + "\n"
