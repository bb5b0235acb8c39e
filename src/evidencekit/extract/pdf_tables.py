"""Ruled tables of a PDF, found with pdfplumber's table model fed from pdfium, and tables that
run over pages.

pdfplumber's own page parse (pdfminer re-reading every character, ~50-200 ms a page) is what made
tables slow, not its table model. So the model is kept and fed cheaply: pdfium's path objects
(walked through form XObjects, their matrices applied) are classified into lines, rects and
curves by pdfminer's own ``paint_path``, turned into edges by pdfplumber's own functions
(:mod:`.pdf_paths`), and pdfplumber's :class:`~pdfplumber.table.TableFinder` runs on them with
:data:`TABLE_SETTINGS` (its cell search made fast: :mod:`.pdf_cells`);
cell texts come from pdfium's character boxes (only those inside a table), put in cells as
pdfplumber's ``Table.extract`` does (:func:`.pdf_words.cell_texts`). tests/extract/test_pdf_tables_oracle.py
checks that this gives exactly pdfplumber's grids on every page of the shared and example PDFs.

A page the pdfium path does not reproduce (turned by /Rotate, a media box not at the origin or
cropped, forms nested too deep) is read with pdfplumber itself, and a log line says so. Either way
only pages that draw at least :data:`MIN_PATH_OBJECTS` vector paths are looked at.
"""

from __future__ import annotations

import functools
import io
import itertools
import logging
import math
import re
import time
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdftypes import PDFException
from pdfminer.psparser import PSException
from pdfplumber.table import TableSettings
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from evidencekit.errors import Timeout
from evidencekit.extract.pdf import PDFIUM_LOCK, OpenPage, PdfPage, page_text, read_page
from evidencekit.extract.pdf_lines import PDFIUM_HYPHEN_CHARS, TextLine
from evidencekit.extract.pdf_cells import CellFinder
from evidencekit.extract.pdf_paths import UPRIGHT_ANGLE, Unmatched, page_objects, path_shapes, shape_edges
from evidencekit.extract.pdf_words import CharColumns, cell_texts
from evidencekit.extract.text import normalise_line

log = logging.getLogger(__name__)

#: A page needs this many path objects (rules, cell borders) before we look for tables on it.
MIN_PATH_OBJECTS = 6
#: pdfplumber settings: ruled tables only (lines drawn in the PDF).
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
#: pdfium's text of a line-end hyphen (it writes U+FFFE or U+0002 for the "-" it saw).
PDFIUM_HYPHENS = frozenset(map(ord, PDFIUM_HYPHEN_CHARS))
#: A pdfium line is read only where the box of its (visual lines') end characters, widened by the
#: line's height (at least this many points), meets a table: pdfium ends a line where a text
#: object stops overlapping the one before and orders the objects of one line by x, so its
#: characters stay within a line's height of its ends.
LINE_SKIP_MIN_MARGIN = 6.0
#: Text in a table turned more than this (radians) goes to pdfplumber, whose words follow it.
MAX_CHAR_ANGLE = UPRIGHT_ANGLE
#: A cell grid: its box (x0, top, x1, bottom) and cell texts as pdfplumber's Table.extract gives them.
Grid = tuple[tuple[float, float, float, float], list[list[str | None]]]
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


class RuledTables:
    """The ruled tables of one document, read during :func:`~evidencekit.extract.pdf.read_pages`
    (give it :meth:`visit`): a page drawing at least :data:`MIN_PATH_OBJECTS` paths is read from
    pdfium while its page and text page are open anyway; :meth:`found` then reads the pages pdfium
    could not match with pdfplumber. Make one per document; it holds only that document's pages."""

    def __init__(self, name: str, deadline: float):
        self.name = name
        self.deadline = deadline
        self.pages: list[int] = []              # the pages looked at, in order
        self.rest: list[int] = []               # ... of which pdfplumber reads these
        self.grids: dict[int, list[Grid]] = {}

    def visit(self, page: OpenPage) -> None:
        """Read the tables of one open page, if it draws enough paths; note it for pdfplumber
        when pdfium cannot match it. Raises :class:`Timeout` past the deadline."""
        number = page.read.number
        if page.read.path_objects < MIN_PATH_OBJECTS:
            return
        self.pages.append(number)
        _check_time(self.deadline, number)
        try:
            self.grids[number] = pdfium_grids(page.page, page.textpage, page.read, page.text)
        except Unmatched as exc:
            log.info("%s: page %d: %s, so pdfplumber reads its tables", self.name, number, exc)
            self.rest.append(number)

    def found(self, data: bytes) -> dict[int, list[RawTable]]:
        """page number -> ruled tables with at least two rows and two columns, top to bottom.
        A page the parsers cannot read loses its tables (logged), not its prose."""
        if self.rest:
            _plumber_pages(data, self.rest, self.name, self.deadline, self.grids)
        return _raw_tables(self.pages, self.grids)


def find_ruled_tables(data: bytes, page_numbers: Sequence[int], *, name: str, deadline: float,
                      reference: bool = False) -> dict[int, list[RawTable]]:
    """page number -> ruled tables with at least two rows and two columns, top to bottom, of the
    PDF ``data`` opened anew (:class:`RuledTables` reads them while the text is read).

    Pages are read from pdfium (:func:`pdfium_grids`); a page it cannot match, and every page
    when ``reference`` is true, is read with pdfplumber (:func:`plumber_grids`). A page the
    parsers cannot read loses its tables (logged), not its prose, which pdfium read.
    """
    grids: dict[int, list[Grid]] = {}
    rest = list(page_numbers) if reference else _pdfium_pages(data, page_numbers, name, deadline, grids)
    if rest:
        _plumber_pages(data, rest, name, deadline, grids)
    return _raw_tables(page_numbers, grids)


def _raw_tables(page_numbers: Sequence[int], grids: dict[int, list[Grid]]) -> dict[int, list[RawTable]]:
    found: dict[int, list[RawTable]] = {}
    for number in page_numbers:
        tables = [RawTable(number, bbox, tuple(tuple(cell_text(c) for c in row) for row in grid))
                  for bbox, grid in grids.get(number, ()) if len(grid) >= 2 and len(grid[0]) >= 2]
        if tables:
            found[number] = sorted(tables, key=lambda t: t.bbox[1])
    return found


def _check_time(deadline: float, number: int) -> None:
    if time.perf_counter() > deadline:
        raise Timeout(f"Table reading stopped at page {number} because the time "
                      "limit ran out; raise it with --timeout.")


def _pdfium_pages(data: bytes, page_numbers: Sequence[int], name: str, deadline: float,
                  grids: dict[int, list[Grid]]) -> list[int]:
    """Fill ``grids`` from pdfium; return the pages left for pdfplumber."""
    rest: list[int] = []
    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            log.info("%s: pdfium cannot open the file for its tables (%s), so pdfplumber reads them", name, exc)
            return list(page_numbers)
        try:
            for number in page_numbers:
                _check_time(deadline, number)
                try:
                    page = document[number - 1]
                except pdfium.PdfiumError as exc:
                    log.info("%s: page %d: pdfium cannot load it (%s), so pdfplumber reads its tables",
                             name, number, exc)
                    rest.append(number)
                    continue
                try:
                    grids[number] = pdfium_grids(page)
                except Unmatched as exc:
                    log.info("%s: page %d: %s, so pdfplumber reads its tables", name, number, exc)
                    rest.append(number)
                finally:
                    page.close()
        finally:
            document.close()
    return rest


def _plumber_pages(data: bytes, page_numbers: Sequence[int], name: str, deadline: float,
                   grids: dict[int, list[Grid]]) -> None:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PARSER_FAILURES as exc:
        log.warning("%s: pdfminer cannot parse the file, so its tables are not read (%s)", name, exc)
        return
    try:
        for number in page_numbers:
            _check_time(deadline, number)
            try:
                grids[number] = plumber_grids(pdf, number)
            except PARSER_FAILURES as exc:
                log.warning("%s: tables of page %d could not be read (%s: %s)", name, number,
                            type(exc).__name__, exc)
    finally:
        try:
            pdf.close()
        except PARSER_FAILURES as exc:
            log.debug("%s: pdfminer failed while closing (%s)", name, exc)


def plumber_grids(pdf: pdfplumber.PDF, number: int) -> list[Grid]:
    """(bbox, cell grid) of every ruled table pdfplumber finds on a page: the reference the
    pdfium path must equal. Only pdfplumber runs here, so PARSER_FAILURES caught around it are
    the parser's, never ours."""
    page = pdf.pages[number - 1]
    try:
        return [(_box(t.bbox), t.extract()) for t in page.find_tables(TABLE_SETTINGS)]
    finally:
        page.close()


# --------------------------------------------------------------------------- pdfium path

_SETTINGS = TableSettings.resolve(TABLE_SETTINGS)


def pdfium_grids(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage | None = None,
                 read: PdfPage | None = None, text: str | None = None) -> list[Grid]:
    """(bbox, cell grid) of every ruled table on a pdfium page, as :func:`plumber_grids` gives
    them; raises :class:`Unmatched` for a page it cannot match. ``textpage``, the page ``read``
    from it and its ``text``, when given, are the page's own (read once for the lines too).
    Hold :data:`PDFIUM_LOCK`."""
    if page.get_rotation() % 360:
        raise Unmatched("the page is turned by /Rotate")
    box = tuple(page.get_mediabox())
    if box[0] or box[1] or tuple(page.get_cropbox()) != box:
        raise Unmatched("its media box is not at the origin or is cropped")
    height = box[3]
    objects = page_objects(page)
    page_edges = shape_edges(path_shapes(objects.paths, height))
    tables = CellFinder(_EdgePage(page_edges, (0.0, 0.0, box[2], height)), _SETTINGS).tables
    if not tables:
        return []
    boxes = [_box(t.bbox) for t in tables]
    with page_text(page, textpage, text) as (textpage, text):
        if read is None:
            read = read_page(page, 0, textpage=textpage, text=text)
        chars = table_chars(textpage, text, read.text_lines, height, boxes, objects.turned_text)
    return [(bbox, cell_texts(table, inside)) for table, bbox, inside in zip(tables, boxes, chars)]


@dataclass
class _EdgePage:
    """All that pdfplumber's TableFinder reads of a page."""

    edges: list[dict]
    bbox: tuple[float, float, float, float]


def _box(bbox: Sequence[float]) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = (float(v) for v in bbox)
    return x0, top, x1, bottom


def _lines_near(lines: Iterable[TextLine], boxes: Sequence[tuple[float, float, float, float]]
                ) -> Iterable[range]:
    """Index ranges of the pdfium lines that may reach a table: the box of a line's visual
    lines' end characters (as :func:`~evidencekit.extract.pdf.read_page` boxed them), widened by
    the line's height (:data:`LINE_SKIP_MIN_MARGIN` at least), meets a table's box. A line of
    blanks only is always read."""
    for line in lines:
        if line.box is None:
            yield range(line.start, line.end)
            continue
        x0, x1, top, bottom = line.box
        margin = max(bottom - top, LINE_SKIP_MIN_MARGIN)
        if any(top - margin <= b[3] and bottom + margin >= b[1] and x0 - margin <= b[2] and x1 + margin >= b[0]
               for b in boxes):
            yield range(line.start, line.end)


def table_chars(textpage: pdfium.PdfTextPage, text: str, lines: Sequence[TextLine], height: float,
                boxes: Sequence[tuple[float, float, float, float]], turned_text: bool = True
                ) -> list[CharColumns]:
    """For each of ``boxes``, the characters whose centres lie in it, in pdfium's order, boxed by
    pdfium's loose boxes (font ascent to descent, like pdfminer's), as columns. Characters pdfium
    made up (spaces, line breaks) are left out; turned text raises :class:`Unmatched`
    (pdfplumber sets it apart).

    ``text`` is the text page's text and ``lines`` its lines as read. When it has one character
    per pdfium character (no surrogate pairs, no dropped control characters) a character's text is
    read from it, and only the lines near a table (:func:`_lines_near`) are looked at; else every
    character is asked. The boxes are fetched into one array and tested against the tables all
    at once; Python touches only the characters inside. Angles are asked per character only
    when ``turned_text`` (:func:`.pdf_paths.page_objects`) says some text object may be turned."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    aligned = len(text) == count
    indices = list(itertools.chain.from_iterable(_lines_near(lines, boxes))) if aligned else list(range(count))
    x0, x1, top, bottom = _loose_boxes(raw, indices, height)
    mx, my = (x0 + x1) / 2, (top + bottom) / 2
    where = [(b[0] <= mx) & (mx <= b[2]) & (b[1] <= my) & (my <= b[3]) for b in boxes]
    inside = np.flatnonzero(functools.reduce(np.logical_or, where, np.zeros(len(indices), dtype=bool)))
    texts = _char_texts(raw, text if aligned else None, [indices[k] for k in inside], count, turned_text)
    made = np.fromiter((t is not None for t in texts), dtype=bool, count=len(texts))
    kept = inside[made]                               # pdfium's own spaces and line breaks are not
    texts = [t for t in texts if t is not None]
    x0, x1, top, mx, my = x0[kept], x1[kept], top[kept], mx[kept], my[kept]
    if len(boxes) == 1:
        return [CharColumns(x0, x1, top, mx, my, texts)]
    found = []
    for w in where:
        here = np.flatnonzero(w[kept])
        found.append(CharColumns(x0[here], x1[here], top[here], mx[here], my[here], [texts[k] for k in here.tolist()]))
    return found


def _loose_boxes(raw, indices: Sequence[int], height: float) -> tuple[np.ndarray, ...]:
    """x0, x1, top, bottom (from the page's top) of pdfium's loose boxes of the characters at
    ``indices``: one call each, into one array of FS_RECTF (left, top, right, bottom)."""
    rects = (pdfium_c.FS_RECTF * len(indices))()
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    for rect, i in zip(rects, indices):
        loose_box(raw, i, rect)
    values = np.frombuffer(rects, dtype=np.float32).reshape(len(indices), 4).astype(np.float64)
    return values[:, 0], values[:, 2], height - values[:, 1], height - values[:, 3]


def _char_texts(raw, text: str | None, indices: Sequence[int], count: int, turned_text: bool) -> list[str | None]:
    """The text of each character at ``indices`` (ascending), None for one pdfium made up (a line
    break, a generated space) or the low half of a surrogate pair; raises :class:`Unmatched` at a
    turned one. From ``text`` when it has one character per index, else asked of pdfium."""
    texts: list[str | None] = []
    low_surrogate = -1
    for i in indices:
        if i == low_surrogate:
            texts.append(None)
            continue
        if text is not None:
            char = text[i]
            if char in PDFIUM_HYPHEN_CHARS:                 # a hyphen, or no Unicode at all: ask
                char = _unicode_text(raw, i)
        else:
            char, low_surrogate = _unicode_at(raw, i, count)
        if char.isspace():
            if char in "\r\n" or pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
                char = None
        elif turned_text:
            angle = pdfium_c.FPDFText_GetCharAngle(raw, i)     # radians, -1 when unknown
            if min(angle, 2 * math.pi - angle) > MAX_CHAR_ANGLE:
                raise Unmatched("a table holds turned text")
        texts.append(char)
    return texts


def _unicode_text(raw, i: int) -> str:
    """The text of character ``i`` as pdfium's Unicode gives it, its line-end hyphen as "-"."""
    code = pdfium_c.FPDFText_GetUnicode(raw, i)
    return "-" if code in PDFIUM_HYPHENS else chr(code)


def _unicode_at(raw, i: int, count: int) -> tuple[str, int]:
    """The text of character ``i`` from pdfium's Unicode, and the index of the low half when it is
    the high half of a surrogate pair (one character over two indices), else -1."""
    code = pdfium_c.FPDFText_GetUnicode(raw, i)
    if 0xD800 <= code < 0xDC00 and i + 1 < count:
        return chr(0x10000 + ((code - 0xD800) << 10) + (pdfium_c.FPDFText_GetUnicode(raw, i + 1) - 0xDC00)), i + 1
    return ("-" if code in PDFIUM_HYPHENS else chr(code)), -1


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
