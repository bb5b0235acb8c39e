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

from bisect import bisect_right
from dataclasses import dataclass
from itertools import count
from operator import attrgetter
from typing import Iterator, NamedTuple, Sequence

from evidencekit.extract.aligned import aligned_table
from evidencekit.extract.pdf_lines import Line

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
#: Sort key of blocks: top to bottom, then left to right.
_top_left = attrgetter("top", "x0")


class Block(NamedTuple):
    """Something placed on a page: a line of prose, or a table (``table`` is its index).
    ``column`` numbers the column region it was read in (blocks of one region share it).
    A named tuple: a page makes two per line, and a frozen dataclass costs 4x to build."""

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
    bottom = 0.0
    for block in sorted(blocks, key=_top_left):
        if out and block.top < bottom - STRIP_SLACK:
            out[-1].append(block)
            if block.bottom > bottom:
                bottom = block.bottom
        else:
            out.append([block])
            bottom = block.bottom
    return out


def cover(spans: Sequence[tuple[float, float]], into: Sequence[tuple[float, float]] = ()) -> list[tuple[float, float]]:
    """The x-ranges covered by ``spans`` (added to the cover ``into``), as sorted intervals;
    intervals less than MIN_GUTTER apart are one. A cover stands for its spans (x0 <= x1):
    adding spans to ``cover(a)`` gives what adding them to ``a`` gives, so covers can be merged
    as they grow (tests/extract/test_order_bands.py)."""
    ranges = sorted([*into, *spans])
    if not ranges:
        return []
    out: list[tuple[float, float]] = []
    start, end = ranges[0]
    for x0, x1 in ranges[1:]:
        if x0 - end < MIN_GUTTER:
            if x1 > end:
                end = x1
        else:
            out.append((start, end))
            start, end = x0, x1
    out.append((start, end))
    return out


def _spans(blocks: Sequence[Block]) -> list[tuple[float, float]]:
    return [(b.x0, b.x1) for b in blocks]


def _strip_cover(strip: Sequence[Block]) -> list[tuple[float, float]]:
    """The cover of a strip; most strips are one line, whose cover is its span."""
    if len(strip) == 1:
        return [(strip[0].x0, strip[0].x1)]
    return cover(_spans(strip))


def gutters(blocks: Sequence[Block]) -> list[tuple[float, float]]:
    """White vertical gaps at least MIN_GUTTER wide between the blocks' x-ranges."""
    return _gaps(cover(_spans(blocks)))


def _gaps(covered: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """The white gaps between the intervals of a cover."""
    return [(a[1], b[0]) for a, b in zip(covered, covered[1:])]


@dataclass(slots=True)
class _Band:
    """A band as it grows: its blocks (in strip order), their cover and how many strips."""

    blocks: list[Block]
    cover: list[tuple[float, float]]
    strips: int = 1

    def add(self, strip: Sequence[Block], strip_cover: Sequence[tuple[float, float]]) -> None:
        self.blocks.extend(strip)
        self.cover = cover(strip_cover, self.cover)
        self.strips += 1


def bands(blocks: Sequence[Block]) -> list[list[Block]]:
    """Strips gathered while adding one keeps the band's gutter, or the lack of one (the
    blocks of each band of :func:`_bands`)."""
    return [band.blocks for band in _bands(blocks)]


def _bands(blocks: Sequence[Block]) -> list[_Band]:
    """Strips gathered while adding one keeps the band's gutter, or the lack of one.

    A strip with no gutter of its own that fits a column of a band with columns (a heading, a
    paragraph's last line) is held until the next strip shows whether the band goes on; if it
    does not, the held strips go to whichever side is nearer (headings sit near what follows).
    Each strip's cover is computed once and each band's cover is merged from them as it grows
    (:func:`cover` of covers is the cover of their spans), so a page costs O(lines).
    """
    out: list[_Band] = []
    pending: list[int] = []                   # held strips, by index
    all_strips = strips(blocks)
    covers = [_strip_cover(strip) for strip in all_strips]
    for k, strip in enumerate(all_strips):
        own = covers[k]
        if not out:
            out.append(_Band(list(strip), own))
            continue
        band = out[-1]
        had = len(band.cover) > 1
        if had and _far_below(all_strips[k - 1], strip):
            for s in pending:
                band.add(all_strips[s], covers[s])
            pending = []
            out.append(_Band(list(strip), own))
            continue
        if had and len(own) == 1 and len(cover(own, band.cover)) > 1:
            pending.append(k)
            continue
        joined = cover([*(x for s in pending for x in covers[s]), *own], band.cover)
        if (had and len(joined) > 1) or (not had and not pending and (len(joined) > 1 or len(own) == 1)):
            for s in pending:
                band.blocks.extend(all_strips[s])
            band.blocks.extend(strip)
            band.cover = joined
            band.strips += len(pending) + 1
            pending = []
            continue
        out.append(_new_band(band, [all_strips[s] for s in pending], [covers[s] for s in pending],
                             strip, own))
        pending = []
    for s in pending:
        out[-1].add(all_strips[s], covers[s])
    return out


def _new_band(band: _Band, held: list[Sequence[Block]], held_covers: list[list[tuple[float, float]]],
              strip: Sequence[Block], own: list[tuple[float, float]]) -> _Band:
    """The band ``strip`` starts, after the held strips went to whichever side is nearer: the
    band above (``band``, extended here) or the new one."""
    new = _Band([], [], 0)
    below = min(b.top for b in strip)
    for s, s_cover in zip(held, held_covers):
        gap_above = min(b.top for b in s) - max(b.bottom for b in band.blocks)
        gap_below = below - max(b.bottom for b in s)
        if new.strips or gap_below < gap_above:
            new.add(s, s_cover)
        else:
            band.add(s, s_cover)
    new.add(strip, own)
    return new


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
    if _one_column(blocks):                   # a column of prose, most often: one band, no gutter
        region = next(ids)
        yield from (_in_region(b, region) for b in sorted(blocks, key=_top_left))
        return
    for band in _bands(blocks):
        # one strip (a justified line with wide spaces, one line per column) reads as a row
        cuts = _gaps(band.cover) if depth < MAX_DEPTH and band.strips > 1 else []
        if not cuts:
            region = next(ids)
            yield from (_in_region(b, region) for b in sorted(band.blocks, key=_top_left))
            continue
        edges = [c[1] for c in cuts]
        table = aligned_table(band.blocks, edges)
        if table is not None:
            yield from _order(table.above, ids, widest, depth + 1)
            x0, top, x1, bottom = table.bbox
            yield Block(x0, x1, top, bottom, column=next(ids), grid=table.grid)
            yield from _order(table.below, ids, widest, depth + 1)
            continue
        widest[0] = max(widest[0], len(cuts) + 1)
        columns: list[list[Block]] = [[] for _ in range(len(cuts) + 1)]
        for b in band.blocks:
            columns[bisect_right(edges, b.x0)].append(b)       # the gutters it lies right of
        for column in columns:
            yield from _order(column, ids, widest, depth + 1)


def _one_column(blocks: Sequence[Block]) -> bool:
    """Does every block start less than MIN_GUTTER right of every block's end? Then the
    blocks of any strip or band cover one interval, and :func:`_bands` makes them one band
    without a gutter: there is nothing to cut."""
    return bool(blocks) and max(b.x0 for b in blocks) - min(b.x1 for b in blocks) < MIN_GUTTER


def _in_region(block: Block, region: int) -> Block:
    """``block`` tagged with its column region (built directly: once per line, and
    ``_replace`` costs twice as much)."""
    return Block(block.x0, block.x1, block.top, block.bottom, block.line, block.table, region, block.grid)


def _rows(blocks: list[Block]) -> list[Block]:
    """Merge consecutive line blocks of one region that sit on one baseline into one line,
    their pieces ordered left to right."""
    rows: list[list[Block]] = []
    first: Line | None = None                 # the line of the current row's first block
    middle = limit = 0.0
    for block in blocks:
        line = block.line
        if (first is not None and line is not None and rows[-1][0].column == block.column
                and abs(middle - (line.top + line.bottom) / 2) < limit):
            rows[-1].append(block)
            continue
        rows.append([block])
        first = line
        if line is not None:
            middle, limit = (line.top + line.bottom) / 2, SAME_ROW_SHARE * line.height
    return [row[0] if len(row) == 1 else _merge_row(row) for row in rows]


def _merge_row(row: list[Block]) -> Block:
    pieces = sorted((b.line for b in row if b.line is not None), key=lambda l: l.x0)
    line = Line(" ".join(l.text for l in pieces), pieces[0].x0, max(l.x1 for l in pieces),
                min(l.top for l in pieces), max(l.bottom for l in pieces))
    return row[0]._replace(x0=line.x0, x1=line.x1, top=line.top, bottom=line.bottom, line=line)
