"""Read a PDF's text layer into positioned lines, fast (pypdfium2), with limits.

pdfplumber's ``extract_text`` builds a full layout model and costs ~50× pypdfium2's text
extraction, so the prose is read from pdfium: :func:`open_pdf` refuses bad files before any page
is read, :func:`read_pages` walks the pages once, and each page's text is cut into boxed visual
lines by :mod:`evidencekit.extract.pdf_lines`. Here too: the page's vector paths, counted, and its
horizontal rules (tables ruled only across). Ruled tables are read in the same pass
(:mod:`evidencekit.extract.pdf_tables`, through the ``visit`` callback of :func:`read_pages`),
while pdfium holds the page, its text page and its text: nothing is loaded twice.

Reading order: :mod:`evidencekit.extract.order`; running heads, feet and page numbers:
:mod:`evidencekit.extract.furniture`."""

from __future__ import annotations

import ctypes
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from evidencekit.errors import (
    EmptyDocument,
    EncryptedPdf,
    NoTextLayer,
    NotAPdf,
    Timeout,
    TooManyPages,
    TruncatedPdf,
    UnreadablePdf,
)
from evidencekit.extract.pdf_lines import GutterCut, Line, LineBoxer, TextLine, apply_gutter_cuts

#: Horizontal rules: thinner than this, longer than this (points); a table ruled only across has
#: at least RULES_PER_TABLE of one width (ends within RULE_ALIGN), at most RULE_MAX_STEP apart.
RULE_THICKNESS = 3.0
RULE_MIN_LENGTH = 60.0
RULE_ALIGN = 3.0
RULE_MAX_STEP = 400.0
RULES_PER_TABLE = 3
#: pdfium is not thread-safe (pypdfium2 documents this): one thread at a time uses it, so a
#: threaded batch (Dask threads) cannot corrupt it. Processes each have their own.
PDFIUM_LOCK = threading.RLock()


@dataclass(frozen=True, slots=True)
class PdfPage:
    """One page: its size, its lines as pdfium read them, and whether it draws ruled lines."""

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]
    path_objects: int = 0
    #: Boxes (x0, top, x1, bottom) between three or more horizontal rules of one width: maybe
    #: tables ruled only across (top, header and bottom rules) ...
    rule_boxes: tuple[tuple[float, float, float, float], ...] = ()
    #: ... and their lines cut at every gap of CELL_GAP_EM em, one piece per cell.
    cell_pieces: tuple[Line, ...] = ()
    #: pdfium's lines of the page text, boxed as read (the ruled tables skip the lines far from them).
    text_lines: tuple[TextLine, ...] = ()


# --------------------------------------------------------------------------- opening


def open_pdf(data: bytes, name: str, *, max_pages: int) -> pdfium.PdfDocument:
    """Open PDF bytes with pdfium; refuse non-PDFs, broken, encrypted and oversized files.

    The page count is checked before any page is read, so a 1,000-page file is refused at once.
    """
    if not data.strip():
        raise EmptyDocument("The file is empty (0 bytes of content); check that the "
                            "download or copy finished.")
    if b"%PDF-" not in data[:1024]:
        raise NotAPdf(f"The file is named like a PDF but does not start with a PDF header "
                      f"(starts with {data[:8]!r}); give the real PDF, or rename a text file "
                      "to .txt.")
    truncated = b"%%EOF" not in data[-4096:] and b"%%EOF" not in data
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc)
        if "password" in reason.lower():
            raise EncryptedPdf("The file is encrypted with a password; save an unprotected "
                               "copy (e.g. `qpdf --decrypt in.pdf out.pdf`) and read that.") from None
        if truncated:
            raise TruncatedPdf("The file is cut short (no end-of-file marker); download or copy "
                               "the file again.") from None
        raise UnreadablePdf(f"The file is damaged and cannot be opened ({reason}); try "
                            "re-saving it with a PDF tool (e.g. `qpdf in.pdf out.pdf`).") from None
    if truncated:
        document.close()
        raise TruncatedPdf("The file is cut short (no end-of-file marker); download or copy the "
                           "file again.")
    pages = len(document)
    if pages == 0:
        document.close()
        raise EmptyDocument("The PDF has no pages.")
    if pages > max_pages:
        document.close()
        raise TooManyPages(f"The file has {pages} pages, more than the limit of {max_pages}; "
                           "raise it with --max-pages if this really is one paper.")
    return document


# --------------------------------------------------------------------------- lines of a page


@dataclass(frozen=True, slots=True)
class OpenPage:
    """A page as :func:`read_pages` holds it open: pdfium's page, its text page and text (valid
    only during the ``visit`` call), and the lines read from it."""

    page: pdfium.PdfPage
    textpage: pdfium.PdfTextPage
    text: str                       # textpage.get_text_range()
    read: PdfPage


def read_pages(document: pdfium.PdfDocument, name: str, *, deadline: float,
               visit: Callable[[OpenPage], None] | None = None) -> list[PdfPage]:
    """Every page's lines; raises :class:`Timeout` once ``deadline`` (perf_counter) passes and
    :class:`NoTextLayer` when no page has any text. ``visit`` sees each page while it is open
    (the ruled tables are read there), after its lines."""
    pages = []
    for index in range(len(document)):
        if time.perf_counter() > deadline:
            raise Timeout(f"Reading stopped at page {index + 1} of {len(document)} "
                          "because the time limit ran out; raise it with --timeout.")
        try:
            page = document[index]
        except pdfium.PdfiumError as exc:
            raise UnreadablePdf(f"Page {index + 1} is damaged and cannot be read ({exc}); try "
                                "re-saving the file with a PDF tool (e.g. `qpdf in.pdf out.pdf`).") from None
        try:
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range()
                read = read_page(page, index + 1, textpage=textpage, text=text)
                pages.append(read)
                if visit is not None:
                    visit(OpenPage(page, textpage, text, read))
            finally:
                textpage.close()
        finally:
            page.close()
    if not any(p.lines for p in pages):
        raise NoTextLayer("The file has no text layer (scanned pages are images); run OCR first, "
                          "e.g. `ocrmypdf in.pdf out.pdf`, then read the result.")
    return pages


def read_page(page: pdfium.PdfPage, number: int, *, textpage: pdfium.PdfTextPage | None = None,
              text: str | None = None) -> PdfPage:
    """A page's lines, split where pdfium put two pieces of text on one baseline. ``textpage``
    and its ``text``, when given, are the page's own (the caller closes them)."""
    width, height = page.get_size()                 # user space, before /Rotate
    rotation = page.get_rotation() % 360
    paths, rules = _paths(page, height)
    boxes = rule_boxes(rules) if rotation == 0 else ()
    with page_text(page, textpage, text) as (textpage, text):
        boxer = LineBoxer(textpage, height, text, textpage.count_chars(), width, rotation, boxes)
        found: list[Line | GutterCut] = []
        offset = 0
        for raw in text.split("\r\n"):
            boxer.lines(raw, offset, found)
            offset += len(raw) + 2
        cell_pieces = boxer.cell_pieces()
    if rotation in (90, 270):
        width, height = height, width               # the page as displayed
    return PdfPage(number, width, height, tuple(apply_gutter_cuts(found)), paths, boxes,
                   tuple(cell_pieces), tuple(boxer.text_lines))


@contextmanager
def page_text(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage | None = None,
              text: str | None = None) -> Iterator[tuple[pdfium.PdfTextPage, str]]:
    """The page's text page and its text: the ones given (the caller closes them), or a text page
    opened here and closed on leaving."""
    own = textpage is None
    if own:
        textpage = page.get_textpage()
    try:
        yield textpage, textpage.get_text_range() if text is None else text
    finally:
        if own:
            textpage.close()


def count_paths(page: pdfium.PdfPage) -> int:
    """How many vector paths (rules, borders) a page draws, counted up to 64."""
    return _paths(page, page.get_size()[1])[0]


def _paths(page: pdfium.PdfPage, height: float, enough: int = 64
           ) -> tuple[int, list[tuple[float, float, float]]]:
    """Vector path objects on the page (counted up to ``enough``) and its horizontal rules as
    (x0, x1, y from the top). Raw calls: pypdfium2's object wrappers cost more than the text."""
    raw = page.raw
    count = 0
    rules: list[tuple[float, float, float]] = []
    others: list[tuple[float, float, float, float]] = []
    l, b, r, t = (ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float())
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        count += 1
        if pdfium_c.FPDFPageObj_GetBounds(obj, l, b, r, t):
            if t.value - b.value < RULE_THICKNESS and r.value - l.value > RULE_MIN_LENGTH:
                rules.append((l.value, r.value, height - t.value))
            elif t.value - b.value > RULE_THICKNESS:       # a vertical rule, a box: not rule-only
                others.append((l.value, r.value, height - t.value, height - b.value))
        if count >= enough:
            break
    boxes = rule_boxes(rules)
    return count, [] if not boxes else [
        r for r in rules if not any(_crosses(o, box) for o in others for box in boxes if _in_box(r, box))]


def _in_box(rule: tuple[float, float, float], box: tuple[float, float, float, float]) -> bool:
    return box[0] - RULE_ALIGN <= rule[0] and rule[1] <= box[2] + RULE_ALIGN and box[1] <= rule[2] <= box[3]


def _crosses(other: tuple[float, float, float, float], box: tuple[float, float, float, float]) -> bool:
    """Does a path that is not a horizontal rule overlap the box?"""
    x0, x1, top, bottom = other
    return x0 < box[2] and x1 > box[0] and top < box[3] and bottom > box[1]


def rule_boxes(rules: list[tuple[float, float, float]]) -> tuple[tuple[float, float, float, float], ...]:
    """Boxes spanned by three or more horizontal rules of one width (top, header, bottom rule
    of a table ruled only across). Two rules (a running head's and a foot's) are not a table."""
    groups: list[list[tuple[float, float, float]]] = []
    for rule in sorted(rules, key=lambda r: (round(r[0]), round(r[1]), r[2])):
        group = groups[-1] if groups else None
        if group and abs(group[0][0] - rule[0]) <= RULE_ALIGN and abs(group[0][1] - rule[1]) <= RULE_ALIGN \
                and rule[2] - group[-1][2] <= RULE_MAX_STEP:
            group.append(rule)
        else:
            groups.append([rule])
    return tuple((g[0][0], g[0][2], g[0][1], g[-1][2]) for g in groups if len(g) >= RULES_PER_TABLE)
