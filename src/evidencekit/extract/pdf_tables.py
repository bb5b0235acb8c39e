"""Ruled tables of a PDF, found with pdfplumber's table model, and tables that run over pages.

pdfplumber parses a page's full layout (~50-200 ms a page), so it is opened only for pages that
draw at least :data:`MIN_PATH_OBJECTS` vector paths (pdfium counts them in well under 1 ms);
pages of plain prose never pay for it.
"""

from __future__ import annotations

import io
import logging
import re
import time
from dataclasses import dataclass
from typing import Sequence

import pdfplumber
from pdfminer.pdftypes import PDFException
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from evidencekit.errors import Timeout
from evidencekit.extract.text import normalise_line

log = logging.getLogger(__name__)

#: A page needs this many path objects (rules, cell borders) before we look for tables on it.
MIN_PATH_OBJECTS = 6
#: pdfplumber settings: ruled tables only (lines drawn in the PDF).
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
SPACE = re.compile(r"\s+")
#: What pdfplumber/pdfminer raise on malformed input (found by tests/extract/test_bad_input_fuzz.py):
#: their own exceptions, and plain Python errors from a page tree or box that is not what the
#: PDF spec says (a missing MediaBox gives TypeError, a broken page tree IndexError).
PARSER_FAILURES = (PdfminerException, MalformedPDFException, PDFException, PSException, IndexError, KeyError, TypeError,
                   ValueError, AttributeError, RecursionError)


@dataclass(frozen=True, slots=True)
class RawTable:
    """A table as pdfplumber found it: cell texts (None -> "") and its box on the page."""

    page: int
    bbox: tuple[float, float, float, float]      # x0, top, x1, bottom in PDF points
    rows: tuple[tuple[str, ...], ...]
    last_page: int | None = None                 # the page it ends on, when merged over pages
    row_pages: tuple[int, ...] | None = None     # the page each row starts on, when merged
    ruled: bool = True                           # False: read from text alignment, no lines

    @property
    def end_page(self) -> int:
        return self.last_page if self.last_page is not None else self.page

    def pages_of_rows(self) -> tuple[int, ...]:
        return self.row_pages if self.row_pages is not None else (self.page,) * len(self.rows)

    @property
    def columns(self) -> int:
        return len(self.rows[0]) if self.rows else 0


def cell_text(raw: str | None) -> str:
    """A cell's lines, each normalised, still one per line: the layout joins them, mending words
    a narrow column broke without a hyphen ("peru" / "bahan")."""
    lines = (normalise_line(line) for line in (raw or "").split("\n"))
    return "\n".join(line for line in lines if line)


def find_ruled_tables(data: bytes, page_numbers: Sequence[int], *, name: str,
                      deadline: float) -> dict[int, list[RawTable]]:
    """page number -> ruled tables with at least two rows and two columns, top to bottom.

    A page pdfminer cannot parse loses its tables (logged), not its prose, which pdfium read.
    """
    found: dict[int, list[RawTable]] = {}
    if not page_numbers:
        return found
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PARSER_FAILURES as exc:
        log.warning("%s: pdfminer cannot parse the file, so its tables are not read (%s)", name, exc)
        return found
    try:
        for number in page_numbers:
            if time.perf_counter() > deadline:
                raise Timeout(f"Table reading stopped at page {number} because the time "
                              "limit ran out; raise it with --timeout.")
            try:
                grids = _plumber_tables(pdf, number)
            except PARSER_FAILURES as exc:
                log.warning("%s: tables of page %d could not be read (%s: %s)", name, number,
                            type(exc).__name__, exc)
                continue
            tables = [RawTable(number, bbox, tuple(tuple(cell_text(c) for c in row) for row in grid))
                      for bbox, grid in grids if len(grid) >= 2 and len(grid[0]) >= 2]
            if tables:
                found[number] = sorted(tables, key=lambda t: t.bbox[1])
    finally:
        try:
            pdf.close()
        except PARSER_FAILURES as exc:
            log.debug("%s: pdfminer failed while closing (%s)", name, exc)
    return found


def _plumber_tables(pdf: pdfplumber.PDF, number: int) -> list[tuple[tuple[float, ...], list[list]]]:
    """(bbox, cell grid) of every ruled table pdfplumber finds on a page. Only pdfplumber runs
    here, so PARSER_FAILURES caught around it are the parser's, never ours."""
    page = pdf.pages[number - 1]
    try:
        return [(tuple(float(v) for v in t.bbox), t.extract()) for t in page.find_tables(TABLE_SETTINGS)]
    finally:
        page.close()


def _same(a: Sequence[str], b: Sequence[str]) -> bool:
    return [SPACE.sub("", x) for x in a] == [SPACE.sub("", x) for x in b]


def continues(previous: RawTable, table: RawTable) -> bool:
    """Does ``table`` continue ``previous`` on the next page? Same columns, and either the header
    row is repeated or the first row is a row broken by the page (its first cell empty)."""
    if table.page != previous.end_page + 1 or table.columns != previous.columns:
        return False
    return _same(table.rows[0], previous.rows[0]) or not table.rows[0][0]


def merge(previous: RawTable, table: RawTable) -> RawTable:
    """One table from a table and its continuation: the repeated header row is dropped, and a
    row the page break cut in two (first cell empty) is joined cell by cell to the row above."""
    rows = list(table.rows)
    pages = list(table.pages_of_rows())
    if _same(rows[0], previous.rows[0]):
        rows, pages = rows[1:], pages[1:]
    merged = list(previous.rows)
    merged_pages = list(previous.pages_of_rows())
    if rows and not rows[0][0] and len(merged) > 1:
        last = merged.pop()
        merged.append(tuple(" ".join(x for x in (a, b) if x) for a, b in zip(last, rows[0])))
        rows, pages = rows[1:], pages[1:]
    return RawTable(previous.page, previous.bbox, tuple(merged + rows), table.end_page,
                    tuple(merged_pages + pages), previous.ruled)
