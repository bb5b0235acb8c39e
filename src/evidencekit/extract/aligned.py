"""Text-aligned (unruled) tables: a band of a page whose white columns separate table cells.

The reading order (:mod:`.order`) finds bands with vertical gutters. Most are columns of prose;
a band is a table instead when its rows line up: at least :data:`MIN_ROWS` baselines carry
pieces in two or more of the band's columns, no column reads like prose (a median of
:data:`PROSE_WORDS` words or more per piece), and some column after the first is mostly
numbers. Such a band is read row by row into a cell grid.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from evidencekit.extract.order import Block

MIN_ROWS = 3
#: Between horizontal rules the rules already say "table": two rows with cells are enough.
MIN_RULED_ROWS = 2
#: Share of the band's rows that must have cells in two or more columns.
MIN_MULTI_SHARE = 0.6
PROSE_WORDS = 6
#: Share of a column's cells holding a digit for it to count as a column of numbers.
NUMERIC_SHARE = 0.5
#: Pieces whose vertical centres differ by less than this share of their height share a row.
SAME_ROW_SHARE = 0.45
DIGIT = re.compile(r"\d")


def _rows(blocks: Sequence["Block"]) -> list[list["Block"]]:
    rows: list[list[Block]] = []
    for block in sorted(blocks, key=lambda b: ((b.top + b.bottom) / 2, b.x0)):
        middle = (block.top + block.bottom) / 2
        if rows:
            first = rows[-1][0]
            if abs((first.top + first.bottom) / 2 - middle) < SAME_ROW_SHARE * (first.bottom - first.top):
                rows[-1].append(block)
                continue
        rows.append([block])
    return rows


@dataclass(frozen=True, slots=True)
class AlignedTable:
    """A text-aligned table found in a band, with the band's lines above and below it."""

    grid: tuple[tuple[str, ...], ...]
    bbox: tuple[float, float, float, float]          # x0, top, x1, bottom
    above: tuple["Block", ...]                       # a caption, say: read before the table
    below: tuple["Block", ...]


def aligned_table(band: Sequence["Block"], edges: Sequence[float]) -> AlignedTable | None:
    """The text-aligned table in ``band``, or None. ``edges`` are the left edges of the band's
    columns after the first (the right ends of its gutters), left to right. Rows before the
    first and after the last row with two or more cells stay prose (a caption above, a note
    below)."""
    if any(b.line is None for b in band) or not edges:
        return None
    column_of = _column_finder(edges)
    rows = _rows(band)
    is_multi = [len({column_of(b) for b in row}) >= 2 for row in rows]
    if sum(is_multi) < MIN_ROWS:
        return None
    first = is_multi.index(True)
    last = len(rows) - 1 - is_multi[::-1].index(True)
    body = rows[first:last + 1]
    if sum(is_multi) < MIN_MULTI_SHARE * len(body):
        return None
    width = len(edges) + 1
    cells: list[list[str]] = [[] for _ in range(width)]
    for row in body:
        for b in row:
            cells[column_of(b)].append(b.line.text)
    if any(c and statistics.median(len(t.split()) for t in c) >= PROSE_WORDS for c in cells):
        return None
    if not any(c and sum(1 for t in c if DIGIT.search(t)) >= NUMERIC_SHARE * len(c) for c in cells[1:]):
        return None
    grid = _grid(body, column_of, width)
    inner = [b for row in body for b in row]
    bbox = (min(b.x0 for b in inner), min(b.top for b in inner), max(b.x1 for b in inner),
            max(b.bottom for b in inner))
    return AlignedTable(tuple(grid), bbox, tuple(b for row in rows[:first] for b in row),
                        tuple(b for row in rows[last + 1:] for b in row))


def _column_finder(edges: Sequence[float]):
    """Block -> the column it starts in: how many of the (ascending) column ``edges`` lie at
    or left of its x0."""
    return lambda b: bisect_right(edges, b.x0)


def _grid(rows: list[list["Block"]], column_of, width: int) -> tuple[tuple[str, ...], ...]:
    grid = []
    for row in rows:
        out = [""] * width
        for b in sorted(row, key=lambda b: b.x0):
            k = column_of(b)
            out[k] = f"{out[k]} {b.line.text}".strip()
        grid.append(tuple(out))
    return tuple(grid)


def table_in_rules(blocks: Sequence["Block"]) -> tuple[tuple[str, ...], ...] | None:
    """The grid of the lines between a table's horizontal rules (cut into cells already), or
    None when they read as prose: the same tests as :func:`aligned_table`, with two rows enough."""
    from evidencekit.extract.order import gutters

    if not blocks:
        return None
    edges = [g[1] for g in gutters(blocks)]
    if not edges:
        return None
    column_of = _column_finder(edges)
    rows = _rows(blocks)
    if sum(1 for row in rows if len({column_of(b) for b in row}) >= 2) < MIN_RULED_ROWS:
        return None
    cells: list[list[str]] = [[] for _ in range(len(edges) + 1)]
    for b in blocks:
        cells[column_of(b)].append(b.line.text)
    if any(c and statistics.median(len(t.split()) for t in c) >= PROSE_WORDS for c in cells):
        return None
    return _grid(rows, column_of, len(edges) + 1)
