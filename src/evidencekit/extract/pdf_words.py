"""Cell texts of a ruled table as pdfplumber's ``Table.extract()`` gives them, for all cells at once.

pdfplumber puts a character in the cell its centre falls in and gives each cell the
``extract_text`` of its characters: lines by clustered tops, each line sorted left to right and cut
into words, the words clustered into lines again. :func:`plain_text` does that for one cell in
plain Python (tests/extract/test_pdf_tables_oracle.py checks it against pdfplumber's own);
:func:`cell_texts` does the same for every cell of a table with numpy, one array operation per step
instead of one Python step per character (tests/extract/test_pdf_words.py checks it against
:func:`plain_text`, cell by cell).
"""

from __future__ import annotations

import functools
import itertools
import re
from operator import attrgetter, itemgetter
from typing import Callable, NamedTuple, Sequence

import numpy as np
from pdfplumber.table import Table
from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, LIGATURES

#: pdfplumber's text tolerances (points): a gap that starts a new word, tops that share a line.
X_TOLERANCE, Y_TOLERANCE = DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE
#: pdfplumber's LIGATURES as a str.translate table (each key is one character).
LIGATURE_TABLE = str.maketrans(LIGATURES)
#: One blank character: the characters ``str.isspace`` is true of (both use Unicode's whitespace).
BLANK = re.compile(r"\s")


class Char(NamedTuple):
    """A character as pdfplumber's table code uses it: its box (top-left origin), text, centre."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    mx: float
    my: float


#: Char from a tuple of its fields, without NamedTuple's Python-level __new__ (one per character).
new_char = functools.partial(tuple.__new__, Char)


class CharColumns(NamedTuple):
    """Characters as columns: arrays of their left and right edges, tops and centres, and their
    texts, in pdfium's order (what :func:`cell_texts` reads; no object per character)."""

    x0: np.ndarray
    x1: np.ndarray
    top: np.ndarray
    mx: np.ndarray
    my: np.ndarray
    text: Sequence[str]

    @classmethod
    def of(cls, chars: Sequence[Char]) -> CharColumns:
        if not chars:
            empty = np.zeros(0)
            return cls(empty, empty, empty, empty, empty, ())
        x0, x1, top, _, text, mx, my = zip(*chars)
        return cls(*map(np.array, (x0, x1, top, mx, my)), text)


def cell_texts(table: Table, chars: CharColumns | Sequence[Char]) -> list[list[str | None]]:
    """pdfplumber's ``Table.extract()`` over ``chars``: a character belongs to the cell its
    centre falls in (left/top edge in, right/bottom edge out), a cell's text is pdfplumber's
    ``extract_text`` of its characters (:func:`plain_text`), a spanned-over cell is None."""
    if not isinstance(chars, CharColumns):
        chars = CharColumns.of(chars)
    rows = table.rows                                   # a property that sorts the cells anew
    index, cell = _members(rows, chars.mx, chars.my)
    found = iter(_texts(index, cell, sum(c is not None for row in rows for c in row.cells), chars))
    return [[None if c is None else next(found) for c in row.cells] for row in rows]


def _members(rows: Sequence, mx: np.ndarray, my: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(character, cell) pairs: each character in each cell it belongs to, cells numbered in
    reading order (spanned-over ones left out), by cell and then ascending character index. A
    character must be in the row's box and then in the cell's (pdfplumber's ``char_in_bbox``);
    a row's characters are a slice of those sorted by centre."""
    by_middle = np.argsort(my, kind="stable")
    middles = my[by_middle]
    indices, cells, first = [], [], 0
    for row in rows:
        boxes = [c for c in row.cells if c is not None]
        if not boxes:
            continue
        x0, top, x1, bottom = row.bbox
        band = np.sort(by_middle[np.searchsorted(middles, top):np.searchsorted(middles, bottom)])
        in_row = band[(x0 <= mx[band]) & (mx[band] < x1)]              # top <= middle < bottom
        index, number = _row_cells(in_row, mx[in_row], my[in_row], boxes)
        indices.append(index)
        cells.append(number + first)
        first += len(boxes)
    if not indices:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    index, cell = np.concatenate(indices), np.concatenate(cells)
    order = np.argsort(cell, kind="stable")
    return index[order], cell[order]


def _row_cells(in_row: np.ndarray, cmx: np.ndarray, cmy: np.ndarray, boxes: list) -> tuple[np.ndarray, np.ndarray]:
    """(character, cell of the row) pairs for the characters ``in_row`` (centres cmx, cmy)."""
    if not all(a[2] <= b[0] for a, b in zip(boxes, boxes[1:])):        # overlapping cells: each
        held = [np.flatnonzero((c[0] <= cmx) & (cmx < c[2]) & (c[1] <= cmy) & (cmy < c[3])) for c in boxes]
        return (in_row[np.concatenate(held)],
                np.repeat(np.arange(len(boxes)), [len(h) for h in held]))
    # side by side: at most one cell can hold a character, the last starting left of its centre
    starts, tops, ends, bottoms = (np.array(v, dtype=float) for v in zip(*boxes))     # x0, top, x1, bottom
    k = np.searchsorted(starts, cmx, side="right") - 1
    at = np.maximum(k, 0)
    held = (k >= 0) & (cmx < ends[at]) & (tops[at] <= cmy) & (cmy < bottoms[at])
    return in_row[held], k[held]


def _texts(index: np.ndarray, cell: np.ndarray, count: int, chars: CharColumns) -> list[str]:
    """:func:`plain_text` of each of ``count`` cells (``index``: the characters, ``cell``: their
    cells, by cell and then as read), all at once: lines by clustered tops, each sorted by x0;
    words cut at blanks, "" characters, a step back, a gap over X_TOLERANCE or a top more than
    Y_TOLERANCE off; words clustered into lines again."""
    out = [""] * count
    if not len(index):
        return out
    tops, lefts, rights = chars.top[index], chars.x0[index], chars.x1[index]
    line = _chain_clusters(cell, tops)                  # numbered across cells, in cell order
    order = np.lexsort((lefts, line))                   # cell, line, x0, then as read (stable)
    cell, line, tops, lefts, rights = cell[order], line[order], tops[order], lefts[order], rights[order]
    text = list(map(chars.text.__getitem__, index[order].tolist()))
    lengths = np.fromiter(map(len, text), dtype=np.int64, count=len(text))
    empty = lengths == 0
    in_word = ~_blanks(text) & ~empty
    after_word = np.zeros(len(text), dtype=bool)         # the character before is the word's last
    after_word[1:] = in_word[:-1] & (cell[1:] == cell[:-1]) & (line[1:] == line[:-1])
    jump = np.zeros(len(text), dtype=bool)
    jump[1:] = ((lefts[1:] < lefts[:-1]) | (lefts[1:] > rights[:-1] + X_TOLERANCE)
                | (np.abs(tops[1:] - tops[:-1]) > Y_TOLERANCE))
    starts = (in_word & (~after_word | jump)) | empty    # a word starts; "" is a word of its own
    kept = np.flatnonzero(in_word | empty)
    bounds = np.flatnonzero(starts[kept])
    word_tops = np.minimum.reduceat(tops[kept], bounds)
    word_cells = cell[kept[bounds]]
    joined = "".join(map(text.__getitem__, kept.tolist()))
    offsets = np.concatenate(([0], np.cumsum(lengths[kept])))[bounds].tolist()
    offsets.append(len(joined))
    words = [joined[a:b] for a, b in zip(offsets, offsets[1:])]
    if any(ligature in joined for ligature in LIGATURES):
        words = [word.translate(LIGATURE_TABLE) for word in words]
    word_lines = _chain_clusters(word_cells, word_tops)
    order = np.argsort(word_lines, kind="stable")       # cell, line, then as found
    rows = zip(word_cells[order].tolist(), word_lines[order].tolist(), map(words.__getitem__, order.tolist()))
    for number, cell_words in itertools.groupby(rows, key=itemgetter(0)):
        out[number] = "\n".join(" ".join(w for _, _, w in ws) for _, ws in itertools.groupby(cell_words, itemgetter(1)))
    return out


def _blanks(texts: list[str]) -> np.ndarray:
    """``str.isspace`` of each text; one regex scan when every text is one character."""
    joined = "".join(texts)
    if len(joined) != len(texts):
        return np.fromiter(map(str.isspace, texts), dtype=bool, count=len(texts))
    blank = np.zeros(len(texts), dtype=bool)
    blank[[m.start() for m in BLANK.finditer(joined)]] = True
    return blank


def _chain_clusters(group: np.ndarray, values: np.ndarray) -> np.ndarray:
    """pdfplumber's ``cluster_objects(..., Y_TOLERANCE)`` within each group: a cluster number
    for each value, values sorted and chained while each is within the tolerance of the one
    before (numbers grow with the groups, and with the values inside a group)."""
    order = np.lexsort((values, group))
    sorted_values, sorted_groups = values[order], group[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = (sorted_groups[1:] != sorted_groups[:-1]) | (sorted_values[1:] > sorted_values[:-1] + Y_TOLERANCE)
    numbers = np.empty(len(order), dtype=np.int64)
    numbers[order] = np.cumsum(new)
    return numbers


# --------------------------------------------------------------------------- one cell, plain Python


_top, _x0, _text = attrgetter("top"), attrgetter("x0"), attrgetter("text")


def plain_text(chars: Sequence[Char]) -> str:
    """pdfplumber's ``utils.extract_text(chars)`` with its defaults, for upright characters:
    characters clustered into lines by their tops (:data:`Y_TOLERANCE`), each line sorted
    left to right and cut into words at blanks, at a step back, at a gap over X_TOLERANCE or a
    top more than Y_TOLERANCE off; the words clustered into lines again by their tops; words
    joined by a space, lines by a newline, ligatures spelled out. The reference for
    :func:`cell_texts`."""
    words: list[tuple[float, str]] = []
    for line in _clusters(chars, _top):
        word: list[Char] = []
        last = None                                 # the word's last character
        for char in sorted(line, key=_x0):
            text = char.text
            if text.isspace():
                _flush(word, words)
                word, last = [], None
            elif not text:                          # pdfplumber: "" is "in" its empty punctuation
                _flush(word, words)
                _flush([char], words)
                word, last = [], None
            elif last is not None and (char.x0 < last.x0 or char.x0 > last.x1 + X_TOLERANCE
                                       or abs(char.top - last.top) > Y_TOLERANCE):
                _flush(word, words)
                word, last = [char], char
            else:
                word.append(char)
                last = char
        _flush(word, words)
    return "\n".join(" ".join(text for _, text in line) for line in _clusters(words, itemgetter(0)))


def _flush(word: list[Char], words: list[tuple[float, str]]) -> None:
    if word:
        words.append((min(map(_top, word)), "".join(map(_text, word)).translate(LIGATURE_TABLE)))


def _clusters(items: Sequence, key: Callable) -> list[list]:
    """pdfplumber's ``cluster_objects(items, key, Y_TOLERANCE)``: the distinct key values
    sorted and chained while each is within the tolerance of the one before; items grouped by
    cluster, in their own order inside one."""
    keys = list(map(key, items))
    if not keys:
        return []
    cluster: dict[float, int] = {}
    values = sorted(set(keys))
    number, last = 0, values[0]
    for value in values:
        if value > last + Y_TOLERANCE:
            number += 1
        cluster[value] = number
        last = value
    groups: list[list] = [[] for _ in range(number + 1)]
    for item, value in zip(items, keys):
        groups[cluster[value]].append(item)
    return groups
