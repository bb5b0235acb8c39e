"""Reading order of a page from geometry: bands top to bottom, columns left to right.

The page's blocks (lines and tables) are cut into horizontal strips where no block spans the
gap. Strips are gathered into bands while the band keeps a vertical gutter (a white column at
least :data:`MIN_GUTTER` points wide with text on both sides), or while it has none: a
full-width title ends a two-column band, and two columns end a full-width one. A band with a
gutter is read column by column, each column ordered the same way (recursively, so a narrow
"Article info" box beside an abstract is read box first); a band without one is read row by
row. This is the recursive XY-cut of Nagy & Seth (1984), with gutters taken over bands.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import count
from typing import Iterator, Sequence

from evidencekit.extract.aligned import aligned_table
from evidencekit.extract.pdf import Line

#: Narrowest white column that separates two columns of text (points; a 10-pt body's
#: justified spaces stay under 2 pt of white between line boxes, gutters are 12-30 pt).
MIN_GUTTER = 8.0
#: Two lines whose vertical centres differ by less than this share of their height are one row.
SAME_ROW_SHARE = 0.45
#: White space above a strip, in line heights, that ends a band with columns (a box of
#: article info beside the abstract, then the body's columns below it).
BAND_GAP = 1.8
#: Vertical overlap (points) tolerated between strips.
STRIP_SLACK = 0.5
MAX_DEPTH = 4


@dataclass(frozen=True, slots=True)
class Block:
    """Something placed on a page: a line of prose, or a table (``table`` is its index).
    ``column`` numbers the column region it was read in (blocks of one region share it)."""

    x0: float
    x1: float
    top: float
    bottom: float
    line: Line | None = None
    table: int | None = None
    column: int = 0
    grid: tuple[tuple[str, ...], ...] | None = None     # a text-aligned table read from lines


def strips(blocks: Sequence[Block]) -> list[list[Block]]:
    """Groups of blocks separated by horizontal white space, top to bottom."""
    out: list[list[Block]] = []
    bottom = None
    for block in sorted(blocks, key=lambda b: (b.top, b.x0)):
        if out and block.top < bottom - STRIP_SLACK:
            out[-1].append(block)
            bottom = max(bottom, block.bottom)
        else:
            out.append([block])
            bottom = block.bottom
    return out


def cover(spans: Sequence[tuple[float, float]], into: Sequence[tuple[float, float]] = ()) -> list[tuple[float, float]]:
    """The x-ranges covered by ``spans`` (added to the cover ``into``), as sorted intervals;
    intervals less than MIN_GUTTER apart are one."""
    out: list[list[float]] = []
    for x0, x1 in sorted([*into, *spans]):
        if out and x0 - out[-1][1] < MIN_GUTTER:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return [(a, b) for a, b in out]


def _spans(blocks: Sequence[Block]) -> list[tuple[float, float]]:
    return [(b.x0, b.x1) for b in blocks]


def gutters(blocks: Sequence[Block]) -> list[tuple[float, float]]:
    """White vertical gaps at least MIN_GUTTER wide between the blocks' x-ranges."""
    covered = cover(_spans(blocks))
    return [(a[1], b[0]) for a, b in zip(covered, covered[1:])]


def bands(blocks: Sequence[Block]) -> list[list[Block]]:
    """Strips gathered while adding one keeps the band's gutter, or the lack of one.

    A strip with no gutter of its own that fits a column of a band with columns (a heading, a
    paragraph's last line) is held until the next strip shows whether the band goes on; if it
    does not, the held strips go to whichever side is nearer (headings sit near what follows).
    Each band's covered x-ranges are kept as it grows, so a page costs O(lines).
    """
    out: list[list[Block]] = []
    covers: list[list[tuple[float, float]]] = []
    pending: list[list[Block]] = []
    all_strips = strips(blocks)
    for k, strip in enumerate(all_strips):
        if not out:
            out.append(list(strip))
            covers.append(cover(_spans(strip)))
            continue
        band, band_cover = out[-1], covers[-1]
        held = [b for s in pending for b in s]
        had = len(band_cover) > 1
        has = len(cover(_spans(strip))) > 1
        if had and _far_below(all_strips[k - 1], strip):
            band.extend(held)
            covers[-1] = cover(_spans(held), band_cover)
            pending = []
            out.append(list(strip))
            covers.append(cover(_spans(strip)))
            continue
        if had and not has and len(cover(_spans(strip), band_cover)) > 1:
            pending.append(strip)
            continue
        joined = cover(_spans(held + strip), band_cover)
        keeps = len(joined) > 1
        if (had and keeps) or (not had and not pending and (keeps or not has)):
            band.extend(held + strip)
            covers[-1] = joined
            pending = []
            continue
        new: list[Block] = []
        below = min(b.top for b in strip)
        for s in pending:
            gap_above = min(b.top for b in s) - max(b.bottom for b in band)
            gap_below = below - max(b.bottom for b in s)
            if new or gap_below < gap_above:
                new.extend(s)
            else:
                band.extend(s)
                covers[-1] = cover(_spans(s), covers[-1])
        out.append(new + list(strip))
        covers.append(cover(_spans(new + strip)))
        pending = []
    if pending:
        out[-1].extend(b for s in pending for b in s)
    return out


def _far_below(band: Sequence[Block], strip: Sequence[Block]) -> bool:
    last = max(band, key=lambda b: b.bottom)
    height = last.bottom - last.top if last.line is not None else 10.0
    gap = min(b.top for b in strip) - last.bottom
    return gap > BAND_GAP * height


def order_blocks(blocks: Sequence[Block]) -> tuple[list[Block], int]:
    """Blocks in reading order, each tagged with its column region; and the most columns any
    band of the page has."""
    ids = count(1)
    widest = [1]
    ordered = list(_order(blocks, ids, widest, 0))
    return _rows(ordered), widest[0]


def _order(blocks: Sequence[Block], ids: Iterator[int], widest: list[int], depth: int) -> Iterator[Block]:
    for band in bands(blocks):
        # one strip (a justified line with wide spaces, one line per column) reads as a row
        cuts = gutters(band) if depth < MAX_DEPTH and len(strips(band)) > 1 else []
        if not cuts:
            region = next(ids)
            yield from (replace(b, column=region) for b in sorted(band, key=lambda b: (b.top, b.x0)))
            continue
        edges = [c[1] for c in cuts]
        table = aligned_table(band, edges)
        if table is not None:
            yield from _order(table.above, ids, widest, depth + 1)
            x0, top, x1, bottom = table.bbox
            yield Block(x0, x1, top, bottom, column=next(ids), grid=table.grid)
            yield from _order(table.below, ids, widest, depth + 1)
            continue
        widest[0] = max(widest[0], len(cuts) + 1)
        columns: list[list[Block]] = [[] for _ in range(len(cuts) + 1)]
        for b in band:
            columns[sum(1 for e in edges if b.x0 >= e)].append(b)
        for column in columns:
            yield from _order(column, ids, widest, depth + 1)


def _rows(blocks: list[Block]) -> list[Block]:
    """Merge consecutive line blocks of one region that sit on one baseline into one line,
    their pieces ordered left to right."""
    rows: list[list[Block]] = []
    for block in blocks:
        row = rows[-1] if rows else None
        if (row is not None and row[0].line is not None and block.line is not None
                and row[0].column == block.column
                and abs(row[0].line.middle - block.line.middle) < SAME_ROW_SHARE * row[0].line.height):
            row.append(block)
        else:
            rows.append([block])
    return [row[0] if len(row) == 1 else _merge_row(row) for row in rows]


def _merge_row(row: list[Block]) -> Block:
    pieces = sorted((b.line for b in row if b.line is not None), key=lambda l: l.x0)
    line = Line(" ".join(l.text for l in pieces), pieces[0].x0, max(l.x1 for l in pieces),
                min(l.top for l in pieces), max(l.bottom for l in pieces))
    return replace(row[0], x0=line.x0, x1=line.x1, top=line.top, bottom=line.bottom, line=line)
