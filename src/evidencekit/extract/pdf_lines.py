"""Lines of a pdfium text page, boxed and cut where pdfium joined two things on one baseline.

:class:`LineBoxer` takes pdfium's text of a page line by line. Each line is boxed by the loose
boxes of its first and last characters (two calls per line, not one per character) and cut again
at a hyphenated break (U+FFFE), at a wide gap (side-by-side boxes) and where two columns written
line by line share a baseline (text objects apart at a gutter; :func:`apply_gutter_cuts` keeps
only the cuts several lines agree on). Lines between horizontal rules are also cut into cell
pieces when they are mostly numbers (tables ruled only across). Boxes are as the page is
displayed, for pages turned by /Rotate too. The page walk is :mod:`evidencekit.extract.pdf`.
"""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass
from typing import Iterable, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

#: pdfium joins a line ending in a hyphen to the next line and writes that hyphen as U+FFFE
#: (or U+0002); we cut the line there again, so the layout decides how to join the word.
PDFIUM_HYPHEN_CHARS = "\x02\ufffe"
PDFIUM_HYPHEN = re.compile(f"[{PDFIUM_HYPHEN_CHARS}]")

#: A line spanning more than this many em per character holds a wide gap worth splitting.
GAP_CHECK_EM_PER_CHAR = 0.7
#: A horizontal gap wider than this many em separates two pieces of text on one baseline: the
#: cells of a text-aligned table, side-by-side boxes. Sparse justified lines get split too; the
#: reading order joins pieces on one baseline again unless they form a table.
SPLIT_GAP_EM = 3.0
#: Inside such a table a gap of this many em separates two cells; its lines are cut into cells
#: only when this share of them holds a digit.
CELL_GAP_EM = 0.9
NUMERIC_BOX_SHARE = 0.5
DIGIT = re.compile(r"\d")
#: Side-by-side column lines joined by pdfium: a gap of this many em between two text objects,
#: its centre in this zone of the page width, and this share of the page width on each side.
GUTTER_EM = 0.9
GUTTER_ZONE = (0.3, 0.7)
MIN_COLUMN_SHARE = 0.2
#: ... and at least this many lines of the page must show that gap, their centres this close.
MIN_GUTTER_LINES = 3
GUTTER_SPREAD = 8.0


@dataclass(frozen=True, slots=True)
class Line:
    """A line of text on a page; coordinates in PDF points from the page's top-left."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


class TextLine(NamedTuple):
    """A line of pdfium's page text: ``text[start:end]`` (no line break), and the box (x0, x1,
    top, bottom) over its visual lines' end characters, or None when it holds only blanks."""

    start: int
    end: int
    box: tuple[float, float, float, float] | None


@dataclass(frozen=True, slots=True)
class GutterCut:
    """A line pdfium may have joined across a column gutter: whole, or cut at ``centre``."""

    whole: Line
    pieces: tuple[Line, Line]
    centre: float


def apply_gutter_cuts(found: list[Line | GutterCut]) -> list[Line]:
    """Cut the candidate lines only where a column gutter shows on several lines at one x (a
    running head with a wide space in it is not a column)."""
    centres = sorted(f.centre for f in found if isinstance(f, GutterCut))
    median = centres[len(centres) // 2] if centres else 0.0
    agree = sum(1 for c in centres if abs(c - median) <= GUTTER_SPREAD)
    lines: list[Line] = []
    for f in found:
        if not isinstance(f, GutterCut):
            lines.append(f)
        elif agree >= MIN_GUTTER_LINES and abs(f.centre - median) <= GUTTER_SPREAD:
            lines.extend(f.pieces)
        else:
            lines.append(f.whole)
    return lines


class LineBoxer:
    """Boxes of text ranges from pdfium's loose character boxes (font ascent to descent)."""

    def __init__(self, textpage: pdfium.PdfTextPage, page_height: float, text: str, count: int,
                 page_width: float = 0.0, rotation: int = 0,
                 rule_boxes: tuple[tuple[float, float, float, float], ...] = ()):
        self.textpage = textpage
        self.raw = textpage.raw
        self.page_height = page_height
        self.page_width = page_width
        self.rotation = rotation
        self.rule_boxes = rule_boxes
        self.in_boxes: list[tuple[int, Line, str, int, int, int, float]] = []
        self.text_lines: list[TextLine] = []
        self.rect = pdfium_c.FS_RECTF()
        self.rect_ref = ctypes.byref(self.rect)
        self.doubles = tuple(ctypes.c_double() for _ in range(4))
        # pdfium counts a character outside the BMP twice (UTF-16), Python once.
        self.index = None
        if count != len(text):
            index, i = [], 0
            for ch in text:
                index.append(i)
                i += 2 if ord(ch) > 0xFFFF else 1
            self.index = index
        #: Only a line this wide (an upright page, text positions = pdfium's) may span two columns.
        upright = self.index is None and not rotation and page_width
        self.min_gutter_line = 2 * MIN_COLUMN_SHARE * page_width if upright else math.inf

    def box(self, i: int) -> tuple[float, float, float, float]:
        """(x0, x1, top, bottom) of the character at text position ``i``."""
        ci = self.index[i] if self.index is not None else i
        pdfium_c.FPDFText_GetLooseCharBox(self.raw, ci, self.rect_ref)
        r = self.rect
        if self.rotation == 0:
            return r.left, r.right, self.page_height - r.top, self.page_height - r.bottom
        return _displayed((r.left, r.right, r.bottom, r.top), self.rotation, self.page_width, self.page_height)

    def span(self, first: int, last: int) -> tuple[float, float, float, float]:
        """(x0, x1, top, bottom) of the text from position ``first`` to ``last``: from the left
        of the first character to the right of the last, over the height of both."""
        if self.rotation == 0 and self.index is None:     # the common page: two calls, no tuples
            loose_box, raw, r, ref = pdfium_c.FPDFText_GetLooseCharBox, self.raw, self.rect, self.rect_ref
            loose_box(raw, first, ref)
            x0, t0, b0 = r.left, r.top, r.bottom
            loose_box(raw, last, ref)
            return x0, r.right, self.page_height - max(t0, r.top), self.page_height - min(b0, r.bottom)
        x0, _, t0, b0 = self.box(first)
        _, x1, t1, b1 = self.box(last)
        return x0, x1, min(t0, t1), max(b0, b1)

    def cell_pieces(self) -> list[Line]:
        """The lines inside rule boxes cut into cells, for boxes whose lines are mostly numbers
        (a box of prose between rules is not cut: that would cost a call per space)."""
        pieces: list[Line] = []
        for k in range(len(self.rule_boxes)):
            here = [entry for entry in self.in_boxes if entry[0] == k]
            if sum(1 for e in here if DIGIT.search(e[1].text)) < NUMERIC_BOX_SHARE * len(here):
                continue
            for _, whole, raw, offset, first, last, size in here:
                if " " in whole.text:
                    pieces.extend(self._split(raw, offset, first, last, size, CELL_GAP_EM))
                else:
                    pieces.append(whole)
        return pieces

    def lines(self, raw: str, offset: int, out: list[Line | GutterCut]) -> None:
        """Add the visual lines of one pdfium line to ``out`` (cut again where pdfium joined a
        hyphenated break), each split at wide gaps; note the line in :attr:`text_lines`."""
        if "\ufffe" in raw or "\x02" in raw:              # PDFIUM_HYPHEN_CHARS
            start, spans = 0, []
            for m in PDFIUM_HYPHEN.finditer(raw):
                spans.append(self._visual(raw[start:m.start()] + "-", offset + start, out))
                start = m.end()
            spans.append(self._visual(raw[start:], offset + start, out))
            box = _union(spans)
        else:
            box = self._visual(raw, offset, out)
        if raw:
            self.text_lines.append(TextLine(offset, offset + len(raw), box))

    def _visual(self, raw: str, offset: int, out: list[Line | GutterCut]
                ) -> tuple[float, float, float, float] | None:
        """Add the pieces of one visual line to ``out``; return its box (None when blank)."""
        stripped = raw.strip()
        if not stripped:
            return None
        first = offset + len(raw) - len(raw.lstrip())
        last = offset + len(raw.rstrip()) - 1
        x0, x1, top, bottom = span = self.span(first, last)
        size = max(bottom - top, 1.0)
        whole = Line(stripped, x0, x1, top, bottom)
        for k, box in enumerate(self.rule_boxes):
            if inside(whole, box):
                self.in_boxes.append((k, whole, raw, offset, first, last, size))
        spaced = " " in stripped
        if spaced and x1 - x0 > GAP_CHECK_EM_PER_CHAR * size * len(stripped):
            out.extend(self._split(raw, offset, first, last, size))
            return span
        found = self._gutter_cut(first, last, x0, x1, size) if spaced and x1 - x0 >= self.min_gutter_line else None
        if found is None:
            out.append(whole)
            return span
        cut, centre = found
        end = cut
        while end > first and raw[end - 1 - offset] == " ":
            end -= 1
        out.append(GutterCut(whole, (self._line(first, end, offset, raw), self._line(cut, last + 1, offset, raw)),
                              centre))
        return span

    def _gutter_cut(self, first: int, last: int, x0: float, x1: float, size: float) -> tuple[int, float] | None:
        """Where a line may hold two columns' lines side by side (a content stream that writes
        the columns line by line on shared baselines, which pdfium joins into one line): the text
        position the right column would start at and the gap's centre, or None.

        pdfium's text rectangles break where the text objects do; a cut needs a gap of at least
        GUTTER_EM em between two of them, around the middle of the page, with a column's worth
        of text on each side. Costs one or two calls for a line of one text object.
        """
        width = self.page_width
        if x1 - x0 < self.min_gutter_line:
            return None
        count = pdfium_c.FPDFText_CountRects(self.raw, first, last - first + 1)
        if count < 2:
            return None
        rects = sorted((self._rect(i) for i in range(count)), key=lambda r: r[0])
        for a, b in zip(rects, rects[1:]):
            gap, centre = b[0] - a[2], (a[2] + b[0]) / 2
            if (gap >= GUTTER_EM * size and GUTTER_ZONE[0] * width <= centre <= GUTTER_ZONE[1] * width
                    and a[2] - x0 >= MIN_COLUMN_SHARE * width and x1 - b[0] >= MIN_COLUMN_SHARE * width):
                y = (b[1] + b[3]) / 2
                index = pdfium_c.FPDFText_GetCharIndexAtPos(self.raw, b[0] + 1.0, y, size / 2, size / 2)
                if first < index <= last:
                    return index, centre
        return None

    def _rect(self, index: int) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of text rectangle ``index`` (after FPDFText_CountRects)."""
        left, top, right, bottom = self.doubles
        pdfium_c.FPDFText_GetRect(self.raw, index, left, top, right, bottom)
        return left.value, bottom.value, right.value, top.value

    def _split(self, raw: str, offset: int, first: int, last: int, size: float,
               gap_em: float = SPLIT_GAP_EM) -> Iterable[Line]:
        """Split a line at every gap wider than ``gap_em`` em."""
        start = first
        for m in re.finditer(r" +", raw):
            a, b = offset + m.start() - 1, offset + m.end()
            if a < first or b > last:
                continue
            left, right = self.box(a), self.box(b)
            if right[0] - left[1] > gap_em * size:
                yield self._line(start, a + 1, offset, raw)
                start = b
        yield self._line(start, last + 1, offset, raw)

    def _line(self, start: int, end: int, offset: int, raw: str) -> Line:
        return Line(raw[start - offset:end - offset].strip(), *self.span(start, end - 1))


def _union(boxes: list[tuple[float, float, float, float] | None]) -> tuple[float, float, float, float] | None:
    """The box (x0, x1, top, bottom) around the given ones, None among them left out."""
    found = [b for b in boxes if b is not None]
    if len(found) <= 1:
        return found[0] if found else None
    return (min(b[0] for b in found), max(b[1] for b in found), min(b[2] for b in found),
            max(b[3] for b in found))


def _displayed(box: tuple[float, float, float, float], rotation: int, width: float,
               height: float) -> tuple[float, float, float, float]:
    """(x0, x1, top, bottom) as the page is displayed, from a user-space box (left, right,
    bottom, top) of a page ``width`` x ``height`` turned clockwise by ``rotation`` degrees."""
    left, right, bottom, top = box
    if rotation == 90:
        return bottom, top, left, right
    if rotation == 180:
        return width - right, width - left, bottom, top
    if rotation == 270:
        return height - top, height - bottom, width - right, width - left
    return left, right, height - top, height - bottom


def inside(line: Line, bbox: tuple[float, float, float, float], margin: float = 2.0) -> bool:
    """Is the middle of ``line`` inside ``bbox`` (x0, top, x1, bottom), give or take ``margin``?"""
    x0, top, x1, bottom = bbox
    mx, my = (line.x0 + line.x1) / 2, line.middle
    return x0 - margin <= mx <= x1 + margin and top - margin <= my <= bottom + margin
