"""Covers and bands of the reading order (order.py), on blocks placed here by hand."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from evidencekit.extract.order import MIN_GUTTER, Block, _bands, _one_column, bands, cover, gutters, strips
from evidencekit.extract.pdf_lines import Line

#: x-ranges (x0, x1) with x1 >= x0, on a page 600 points wide
RANGES = st.lists(st.tuples(st.floats(0, 600), st.floats(0, 80)).map(lambda t: (t[0], t[0] + t[1])),
                  max_size=12)


@settings(max_examples=300, deadline=None)
@given(RANGES, RANGES)
def test_a_cover_stands_for_its_spans_when_more_are_added(a, b):
    assert cover(b, cover(a)) == cover([*a, *b])


def test_spans_closer_than_a_gutter_are_one_interval():
    assert cover([(0, 10), (10 + MIN_GUTTER / 2, 30), (30 + MIN_GUTTER, 40)]) == [(0, 30), (38.0, 40)]


def _line(x0: float, x1: float, top: float, height: float = 10.0) -> Block:
    return Block(x0, x1, top, top + height, line=Line("kata", x0, x1, top, top + height))


def _two_column_page() -> list[Block]:
    title = [_line(50, 550, 40), _line(50, 540, 55)]
    left = [_line(50, 290, 100 + 14 * k) for k in range(6)]
    right = [_line(310, 550, 100 + 14 * k) for k in range(6)]
    footer = [_line(50, 550, 300), _line(50, 500, 314)]
    return title + left + right + footer


def test_each_band_keeps_the_cover_and_strip_count_of_its_blocks():
    found = _bands(_two_column_page())
    assert [len(band.blocks) for band in found] == [2, 12, 2]
    for band in found:
        assert band.cover == cover([(b.x0, b.x1) for b in band.blocks])
        assert band.strips == len(strips(band.blocks))
    assert gutters(found[1].blocks) == [(290, 310)]
    assert bands(_two_column_page()) == [band.blocks for band in found]


#: lines of one column: each starts near the left edge (indents, centred headings) and ends
#: past the point where every line has begun
COLUMN_LINES = st.lists(st.tuples(st.floats(50, 60), st.floats(60 + MIN_GUTTER, 300), st.floats(0, 700),
                                  st.floats(6, 14)), min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(COLUMN_LINES)
def test_a_column_whose_lines_all_overlap_is_one_band_without_a_gutter(lines):
    blocks = [_line(x0, x1, top, height) for x0, x1, top, height in lines]
    assert _one_column(blocks)
    (band,) = _bands(blocks)
    assert len(band.cover) == 1
    assert sorted(band.blocks, key=lambda b: (b.top, b.x0)) == sorted(blocks, key=lambda b: (b.top, b.x0))


def test_two_columns_are_not_taken_for_one():
    assert not _one_column(_two_column_page())
