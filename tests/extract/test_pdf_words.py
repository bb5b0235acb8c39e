"""All cells at once (pdf_words.cell_texts) give exactly pdfplumber's ``Table.extract()``."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.table import Table

from evidencekit.extract.pdf_words import Char, cell_texts, plain_text

#: Half-point steps on a small area: ties of tops and lefts, touching and overlapping characters;
#: often on the cells' 2.5-point grid, so centres fall on cell edges.
coordinate = st.integers(min_value=0, max_value=80).map(lambda v: v / 2) | st.integers(0, 16).map(lambda v: v * 2.5)
glyph = st.sampled_from(["a", "b", "7", ",", "-", " ", "\u00a0", "\ufb01", "é", ""])


@st.composite
def chars(draw) -> list[Char]:
    out = []
    for _ in range(draw(st.integers(min_value=0, max_value=40))):
        x0, top = draw(coordinate), draw(coordinate)
        width, height = draw(st.integers(1, 12)) / 2, draw(st.integers(4, 20)) / 2
        out.append(Char(x0, x0 + width, top, top + height, draw(glyph), x0 + width / 2, top + height / 2))
    return out


@st.composite
def cells(draw) -> list[tuple[float, float, float, float]]:
    """A grid's cells, some joined with the cell to their right (a spanning cell), some stopping
    short of the next, and now and then a stray cell overlapping the others."""
    xs = sorted(draw(st.sets(st.integers(0, 8).map(lambda v: v * 5.0), min_size=2, max_size=5)))
    ys = sorted(draw(st.sets(st.integers(0, 8).map(lambda v: v * 5.0), min_size=2, max_size=5)))
    out = []
    for top, bottom in zip(ys, ys[1:]):
        k = 0
        while k < len(xs) - 1:
            span = 2 if k < len(xs) - 2 and draw(st.integers(0, 4)) == 0 else 1
            short = 2.5 if draw(st.integers(0, 4)) == 0 else 0.0      # a gap before the next cell
            out.append((xs[k], top, xs[k + span] - short, bottom))
            k += span
    if draw(st.booleans()):
        x0, top = draw(coordinate), draw(coordinate)
        out.append((x0, top, x0 + draw(st.integers(2, 20)), top + draw(st.integers(2, 20))))
    return out


@settings(max_examples=400, deadline=None)
@given(chars(), cells())
def test_cell_texts_equal_pdfplumbers_table_extract(plumber_char, sample, grid):
    table = Table(SimpleNamespace(chars=[plumber_char(c) for c in sample]), grid)
    assert cell_texts(table, sample) == table.extract()


def test_a_cell_of_two_lines_reads_line_by_line():
    def char(x, top, text):
        return Char(x, x + 5, top, top + 9, text, x + 2.5, top + 4.5)
    sample = [char(2, 2, "a"), char(7, 2, "b"), char(2, 14, "c"), char(42, 2, "7")]
    table = Table(SimpleNamespace(chars=[]), [(0, 0, 40, 30), (40, 0, 60, 30)])
    assert cell_texts(table, sample) == [["ab\nc", "7"]]
    assert plain_text(sample[:3]) == "ab\nc"


def test_a_table_without_characters_has_empty_cells():
    table = Table(SimpleNamespace(chars=[]), [(0, 0, 10, 10), (10, 0, 20, 10), (0, 10, 10, 20), (10, 10, 20, 20)])
    assert cell_texts(table, []) == [["", ""], ["", ""]]


def test_a_centre_on_a_cells_right_edge_is_out_of_it_as_pdfplumber_has_it(plumber_char):
    def char(mx, text):
        return Char(mx - 2.5, mx + 2.5, 2, 11, text, mx, 6.5)
    sample = [char(5, "a"), char(20, "b"), char(24, "c"), char(30, "d")]      # 20: edge, gap after
    grid = [(0, 0, 20, 15), (24, 0, 30, 15)]
    table = Table(SimpleNamespace(chars=[plumber_char(c) for c in sample]), grid)
    assert cell_texts(table, sample) == table.extract() == [["a", "c"]]
