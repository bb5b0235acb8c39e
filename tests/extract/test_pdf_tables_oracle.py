"""Oracle: the pdfium-fed table model gives exactly pdfplumber's own grids.

The reference is pdfplumber's ``page.find_tables`` + ``Table.extract`` (which re-parses the page
with pdfminer); the fast path feeds the same table functions from pdfium. On every page of the
shared and example PDFs, and on small PDFs drawn here in the ways tables get drawn (lines, ``re``
rectangles, closed paths, a form XObject), both must agree: same number of tables, same cell
texts (None stays None), same shape, boxes within BBOX_TOLERANCE points.
"""

from __future__ import annotations

import io
import logging
import math
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber import utils as plumber_utils
from reportlab.pdfgen import canvas

from evidencekit.extract.pdf import PDFIUM_LOCK
from evidencekit.extract.pdf_paths import UPRIGHT_ANGLE, page_objects
from evidencekit.extract.pdf_tables import Unmatched, find_ruled_tables, pdfium_grids, plumber_grids
from evidencekit.extract.pdf_words import Char, plain_text

#: Table boxes may differ by pdfium's single-precision floats, never by more than this (points).
BBOX_TOLERANCE = 0.5
ROOT = Path(__file__).resolve().parents[2]
PDFS = sorted((ROOT.parent / "shared" / "pdf").glob("*.pdf")) + sorted((ROOT / "examples").glob("*.pdf"))


def both_grids(data: bytes) -> list[tuple[int, list, list]]:
    """(page number, pdfium grids, pdfplumber grids) of every page."""
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf, PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        try:
            for number in range(1, len(document) + 1):
                page = document[number - 1]
                try:
                    fast = pdfium_grids(page)
                finally:
                    page.close()
                out.append((number, fast, plumber_grids(pdf, number)))
        finally:
            document.close()
    return out


def assert_same_grids(data: bytes) -> int:
    """Assert both paths agree on every page; return how many tables there were."""
    tables = 0
    for number, fast, reference in both_grids(data):
        assert len(fast) == len(reference), f"page {number}: {len(fast)} tables, pdfplumber {len(reference)}"
        for (fast_box, fast_grid), (ref_box, ref_grid) in zip(fast, reference):
            assert fast_grid == ref_grid, f"page {number}: cells differ"
            assert max(abs(a - b) for a, b in zip(fast_box, ref_box)) <= BBOX_TOLERANCE, (
                f"page {number}: box {fast_box} vs {ref_box}")
        tables += len(reference)
    return tables


def test_the_oracle_has_the_shared_and_example_pdfs_to_check():
    assert len(PDFS) >= 10, f"expected the 5 shared and 5 example PDFs, found {len(PDFS)}"


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_pdfium_fed_tables_equal_pdfplumbers_on_every_page(path):
    assert_same_grids(path.read_bytes())


def test_the_shared_pdfs_hold_ruled_tables_for_the_oracle_to_compare():
    tables = sum(assert_same_grids(p.read_bytes()) for p in PDFS if p.parent.name == "pdf")
    assert tables >= 20          # the oracle compares real tables, not empty lists


def drawn(draw) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842), invariant=1)
    draw(c)
    c.showPage()
    c.save()
    return buffer.getvalue()


ROWS = [["Kelompok", "n", "Rerata"], ["Intervensi", "20", "12,5"], ["Control group", "18", "9,8"]]
XS = [72, 200, 260, 340]


def write_cells(c) -> None:
    c.setFont("Helvetica", 9)
    for r, row in enumerate(ROWS):
        for k, value in enumerate(row):
            c.drawString(XS[k] + 3, 700 - 18 * r + 5, value)


def ruled_with_lines(c) -> None:
    write_cells(c)
    for r in range(len(ROWS) + 1):
        c.line(XS[0], 718 - 18 * r, XS[-1], 718 - 18 * r)
    for x in XS:
        c.line(x, 718, x, 718 - 18 * len(ROWS))


def ruled_with_rectangles(c) -> None:
    write_cells(c)
    for r in range(len(ROWS)):
        for a, b in zip(XS, XS[1:]):
            c.rect(a, 700 - 18 * r, b - a, 18, stroke=1, fill=0)


def ruled_with_closed_paths_and_a_curve(c) -> None:
    write_cells(c)
    path = c.beginPath()
    path.moveTo(XS[0], 718)
    for x, y in ((XS[-1], 718), (XS[-1], 664), (XS[0], 664)):
        path.lineTo(x, y)
    path.close()
    c.drawPath(path)
    for x in XS[1:-1]:
        c.line(x, 718, x, 664)
    for y in (700, 682):
        c.line(XS[0], y, XS[-1], y)
    c.circle(450, 690, 20)
    c.bezier(72, 600, 120, 650, 200, 550, 300, 600)


def ruled_inside_a_form(c) -> None:
    c.beginForm("grid")
    ruled_with_lines(c)
    c.endForm()
    c.saveState()
    c.translate(10, -40)
    c.doForm("grid")
    c.restoreState()


@pytest.mark.parametrize("draw", [ruled_with_lines, ruled_with_rectangles, ruled_with_closed_paths_and_a_curve,
                                  ruled_inside_a_form], ids=lambda f: f.__name__)
def test_tables_drawn_in_each_way_read_the_same_through_pdfium(draw):
    assert assert_same_grids(drawn(draw)) == 1


def test_the_grid_drawn_here_reads_back_its_cells():
    ((_, grid),) = both_grids(drawn(ruled_with_lines))[0][1]
    assert grid == ROWS


def rotated(c) -> None:
    c.setPageRotation(90)
    ruled_with_lines(c)


def assert_left_to_pdfplumber(data: bytes, reason: str) -> None:
    """The first page of ``data`` is one the pdfium path refuses, saying ``reason``."""
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        page = document[0]
        try:
            with pytest.raises(Unmatched, match=reason):
                pdfium_grids(page)
        finally:
            page.close()
            document.close()


def test_a_turned_page_is_left_to_pdfplumber():
    assert_left_to_pdfplumber(drawn(rotated), "Rotate")


def test_a_page_left_to_pdfplumber_still_has_its_tables_and_says_so_in_the_log(caplog):
    data = drawn(rotated)
    with caplog.at_level(logging.INFO, logger="evidencekit.extract.pdf_tables"):
        found = find_ruled_tables(data, [1], name="turned.pdf", deadline=float("inf"))
    (table,) = found[1]                       # read as displayed: turned, so rows become columns
    assert table.rows[0] == ("Control\ngroup", "Intervensi", "Kelompok")
    assert found == find_ruled_tables(data, [1], name="turned.pdf", deadline=float("inf"), reference=True)
    assert "turned.pdf: page 1: the page is turned by /Rotate, so pdfplumber reads its tables" in caplog.text


def test_the_fast_path_and_the_reference_give_the_same_raw_tables():
    data = drawn(ruled_with_rectangles)
    fast = find_ruled_tables(data, [1], name="x.pdf", deadline=float("inf"))
    reference = find_ruled_tables(data, [1], name="x.pdf", deadline=float("inf"), reference=True)
    assert [t.rows for t in fast[1]] == [t.rows for t in reference[1]]


# --------------------------------------------------------------------------- cell text


coordinate = st.integers(min_value=0, max_value=60).map(lambda v: v / 2)       # 0.5 pt steps: ties happen
glyph = st.sampled_from(["a", "b", "7", ",", "-", " ", "\u00a0", "\ufb01", "é"])


@st.composite
def chars(draw):
    out = []
    for _ in range(draw(st.integers(min_value=0, max_value=14))):
        x0, top = draw(coordinate), draw(coordinate)
        width, height = draw(st.integers(1, 12)) / 2, draw(st.integers(4, 20)) / 2
        out.append(Char(x0, x0 + width, top, top + height, draw(glyph), x0 + width / 2, top + height / 2))
    return out


@settings(max_examples=400, deadline=None)
@given(chars())
def test_plain_text_words_and_lines_equal_pdfplumbers_extract_text(plumber_char, sample):
    assert plain_text(sample) == plumber_utils.extract_text([plumber_char(c) for c in sample])


def test_plain_text_breaks_words_at_gaps_and_lines_at_tops():
    def char(x, top, text):
        return Char(x, x + 5, top, top + 9, text, x + 2.5, top + 4.5)
    sample = [char(0, 0, "n"), char(5, 0.5, "="), char(14, 0, "2"), char(0, 12, "\ufb01")]
    assert plain_text(sample) == "n= 2\nfi"


# --------------------------------------------------------------------------- turned text, columns


def turned_cell(c) -> None:
    """The grid of :func:`ruled_with_lines` with one more word written turned a quarter inside
    a cell (as a narrow column's header often is)."""
    ruled_with_lines(c)
    c.saveState()
    c.translate(XS[2] + 40, 690)
    c.rotate(90)
    c.drawString(0, 0, "naik")
    c.restoreState()


def words_in_a_form(c, transform) -> None:
    """The grid drawn upright, its words inside a form XObject drawn under ``transform``."""
    for r in range(len(ROWS) + 1):
        c.line(XS[0], 718 - 18 * r, XS[-1], 718 - 18 * r)
    for x in XS:
        c.line(x, 718, x, 718 - 18 * len(ROWS))
    c.beginForm("words")
    write_cells(c)
    c.endForm()
    c.saveState()
    transform(c)
    c.doForm("words")
    c.restoreState()


def turned_form(c) -> None:
    words_in_a_form(c, lambda c: c.rotate(1.5))


def slanted_form(c) -> None:
    words_in_a_form(c, lambda c: c.skew(0, 2))


def upright_enough_form(c) -> None:
    """Turned 0.4 degrees: under MAX_CHAR_ANGLE, so read from pdfium all the same."""
    words_in_a_form(c, lambda c: c.rotate(0.4))


def test_text_turned_less_than_the_limit_stays_on_the_pdfium_path():
    data = drawn(upright_enough_form)
    assert assert_same_grids(data) == 1
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        page = document[0]
        try:
            assert page_objects(page).turned_text      # so its characters' angles were asked
            assert len(pdfium_grids(page)) == 1
        finally:
            page.close()
            document.close()


@pytest.mark.parametrize("draw", [turned_cell, turned_form, slanted_form], ids=lambda f: f.__name__)
def test_a_table_holding_turned_text_is_left_to_pdfplumber(draw):
    data = drawn(draw)
    assert_left_to_pdfplumber(data, "turned text")
    fast = find_ruled_tables(data, [1], name="x.pdf", deadline=float("inf"))
    assert fast == find_ruled_tables(data, [1], name="x.pdf", deadline=float("inf"), reference=True)


def test_turned_text_outside_every_table_does_not_send_the_page_to_pdfplumber():
    def draw(c):
        ruled_with_lines(c)
        c.saveState()
        c.translate(500, 300)
        c.rotate(90)
        c.drawString(0, 0, "di pinggir halaman")
        c.restoreState()
    data = drawn(draw)
    assert assert_same_grids(data) == 1
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        page = document[0]
        try:
            assert page_objects(page).turned_text
            ((_, grid),) = pdfium_grids(page)
        finally:
            page.close()
            document.close()
    assert grid == ROWS


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_pages_without_turned_text_objects_have_no_turned_characters(path):
    """table_chars asks no angles when page_objects finds no turned text object or form: sound
    only if no character of such a page has an angle pdfium would call turned."""
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(path.read_bytes())
        try:
            for index in range(len(document)):
                page = document[index]
                textpage = page.get_textpage()
                try:
                    if not page_objects(page).turned_text:
                        angles = [pdfium_c.FPDFText_GetCharAngle(textpage.raw, i)
                                  for i in range(textpage.count_chars())]
                        assert all(min(a, 2 * math.pi - a) <= UPRIGHT_ANGLE for a in angles), index + 1
                finally:
                    textpage.close()
                    page.close()
        finally:
            document.close()


def two_columns_with_a_table(c) -> None:
    """A table in the left column, prose lines in the right one on the same heights, and prose
    above and below: pdfium lines that stop short of the table must not lose it a character."""
    c.setFont("Helvetica", 9)
    for k in range(30):
        c.drawString(360, 780 - 12 * k, f"baris teks kolom kanan nomor {k} tanpa angka")
    for k in range(4):
        c.drawString(72, 780 - 12 * k, f"paragraf di atas tabel {k}")
        c.drawString(72, 620 - 12 * k, f"paragraf di bawah tabel {k}")
    ruled_with_lines(c)


def test_a_table_beside_a_column_of_prose_reads_as_pdfplumber_reads_it():
    assert assert_same_grids(drawn(two_columns_with_a_table)) == 1
    ((_, grid),) = both_grids(drawn(two_columns_with_a_table))[0][1]
    assert grid == ROWS


def empty_grid(c) -> None:
    """Rules only: a grid whose cells hold no text."""
    for r in range(len(ROWS) + 1):
        c.line(XS[0], 718 - 18 * r, XS[-1], 718 - 18 * r)
    for x in XS:
        c.line(x, 718, x, 718 - 18 * len(ROWS))


def test_a_grid_without_text_reads_as_empty_cells_on_both_paths():
    assert assert_same_grids(drawn(empty_grid)) == 1
    ((_, grid),) = both_grids(drawn(empty_grid))[0][1]
    assert grid == [["", "", ""]] * len(ROWS)


def a_character_pdfium_counts_apart(c) -> None:
    """The grid with a character outside the Basic Multilingual Plane written in a cell: pdfium's
    text then has fewer characters than its character list, so each character is asked of pdfium."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")))
    ruled_with_lines(c)
    c.setFont("Vera", 9)
    c.drawString(XS[1] + 3, 700 - 18 * 2 + 5, "\U0001D465")


def test_a_table_on_a_page_whose_text_is_not_one_character_per_index_reads_as_pdfplumber():
    data = drawn(a_character_pdfium_counts_apart)
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        page = document[0]
        textpage = page.get_textpage()
        try:
            assert len(textpage.get_text_range()) != textpage.count_chars()
        finally:
            textpage.close()
            page.close()
            document.close()
    assert assert_same_grids(data) == 1
