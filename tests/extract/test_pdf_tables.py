"""Ruled tables: cell grids with spans into the text, kept out of the prose, merged over pages."""

from __future__ import annotations

import re

import pytest

from evidencekit.extract.read import prose, read_document


def extraction_header(shared_dir) -> list[str]:
    """The header of 002's extraction table as pdf/README.md states it (read, not copied)."""
    readme = (shared_dir / "pdf" / "README.md").read_text(encoding="utf-8")
    quoted = re.search(r'header rows read exactly\s+"([^"]+)"', readme)
    assert quoted, "pdf/README.md no longer states the 002 header row"
    return [cell.strip() for cell in quoted.group(1).split("|")]


@pytest.fixture(scope="module")
def review(read_seed):
    return read_seed("002_5cc26c146a74d938", "pdf")


def test_the_review_extraction_table_is_8_columns_by_10_rows_under_its_header(review, shared_dir):
    (table,) = review.tables
    assert table.shape == (11, 8)                       # row 0 is the header, then 10 studies
    grid = table.grid()
    assert grid[0] == extraction_header(shared_dir)
    assert [row[0] for row in grid[1:]] == [f"{i}." for i in range(1, 11)]
    assert table.caption and table.caption.startswith("Tabel 1")


def test_a_row_cut_by_a_page_break_is_one_row_again(review):
    grid = review.tables[0].grid()
    assert all(len(row) == 8 for row in grid)
    assert grid[6][5].endswith("22 memijat") or "22 memijat" in grid[6][5]   # pdf/README: row 6
    assert grid[3][5] == "" and grid[3][6] == "Pijat marmet"               # row 3: empty cell


def test_every_cell_points_at_its_own_text(review):
    for table in review.tables:
        for row in table.rows:
            for cell in row:
                if cell.text:
                    assert review.text[cell.start:cell.end] == cell.text
                else:
                    assert cell.start is None


def test_a_table_header_repeated_at_the_top_of_pages_is_not_a_running_head(review):
    assert review.furniture[0].startswith("Jurnal Ilmu Keperawatan Maternitas")
    assert not any(line in {"Judul", "Nama", "Desain"} for line in review.furniture)


def test_table_rows_sit_on_the_pages_they_came_from(review):
    table = review.tables[0]
    pages = {review.page_at(row[0].start) for row in table.rows[1:]}
    assert pages == {2, 3, 4, 5}
    assert review.page_at(table.rows[-1][0].start) == 5


def test_prose_skips_tables(review):
    table = review.tables[0]
    stretches = prose(review)
    assert all(not (start < table.end and start + len(text) > table.start) for start, text in stretches)
    assert sum(len(t) for _, t in stretches) == len(review.text) - (table.end - table.start)


def test_a_table_continued_with_its_header_repeated_is_one_table(read_seed):
    document = read_seed("001_cff31b9b8f7e5650", "pdf")
    first = document.tables[0]
    assert first.shape == (13, 3)
    assert first.grid()[0] == ["Karakteristik", "f", "%"]
    assert sum(1 for row in first.grid() if row == ["Karakteristik", "f", "%"]) == 1


@pytest.mark.parametrize(("stem", "shapes"), [
    ("000_00df2b57d7bbe1ef", [(16, 3), (28, 7), (3, 5)]),
    ("003_2ac0d445ba19c17d", [(12, 3), (2, 6), (2, 6), (3, 4)]),
    ("004_243e44951b2e67da", [(4, 4), (4, 4), (2, 4), (2, 4), (3, 7)]),
])
def test_seed_tables_have_their_shapes(read_seed, stem, shapes):
    document = read_seed(stem, "pdf")
    assert [t.shape for t in document.tables] == shapes
    assert all(t.caption and t.caption.lower().startswith("tabel") for t in document.tables)


def test_a_ruled_table_drawn_here_is_read_as_a_grid_in_place(write_pdf, kit):
    rows = [["Kelompok", "n", "Rerata", "SD"],
            ["Intervensi", "20", "12,5", "2,1"],
            ["Kontrol", "20", "9,8", "1,9"]]
    page = kit.ruled_table(72, 200, [140, 60, 80, 80], rows)
    page.texts += kit.lines_at(72, 120, ["Tabel 2. Volume ASI per kelompok"])
    page.texts += kit.lines_at(72, 320, ["Setelah tabel, teks biasa berlanjut di sini."])
    document = read_document(write_pdf([page]))
    (table,) = document.tables
    assert table.grid() == rows
    assert table.caption == "Tabel 2. Volume ASI per kelompok"
    assert document.text.split("\n") == [
        "Tabel 2. Volume ASI per kelompok",
        "Kelompok | n | Rerata | SD",
        "Intervensi | 20 | 12,5 | 2,1",
        "Kontrol | 20 | 9,8 | 1,9",
        "Setelah tabel, teks biasa berlanjut di sini.",
    ]


def test_a_table_broken_over_two_pages_with_a_cut_row_is_merged(write_pdf, kit):
    header = ["No.", "Studi", "Hasil"]
    one = kit.ruled_table(72, 600, [40, 160, 160], [header, ["1.", "Studi A", "naik 4 ml"],
                                                    ["2.", "Studi B", "naik"]])
    two = kit.ruled_table(72, 60, [40, 160, 160], [header, ["", "", "5 ml"], ["3.", "Studi C", "tetap"]])
    document = read_document(write_pdf([one, two]))
    (table,) = document.tables
    assert table.grid() == [header, ["1.", "Studi A", "naik 4 ml"], ["2.", "Studi B", "naik 5 ml"],
                            ["3.", "Studi C", "tetap"]]
    assert document.page_at(table.rows[3][0].start) == 2


def test_a_text_aligned_table_without_rules_is_read_row_by_row(write_pdf, kit):
    rows = [["Kelompok", "n", "Rerata", "SD"], ["Intervensi", "20", "12,5", "2,1"],
            ["Kontrol", "20", "9,8", "1,9"], ["Total", "40", "11,2", "2,4"]]
    texts = kit.lines_at(72, 100, ["Tabel 4. Skor tanpa garis"])
    for r, row in enumerate(rows):
        texts += [kit.Text(x, 130 + 16 * r, value) for x, value in zip((72, 220, 300, 380), row)]
    texts += kit.lines_at(72, 220, ["Teks biasa sesudah tabel ini ditulis dalam satu baris."])
    document = read_document(write_pdf([kit.PageSpec(texts)]))
    (table,) = document.tables
    assert table.grid() == rows
    assert table.ruled is False and table.caption == "Tabel 4. Skor tanpa garis"
    assert document.text.endswith("Total | 40 | 11,2 | 2,4\nTeks biasa sesudah tabel ini ditulis dalam satu baris.")


def test_two_columns_of_prose_are_not_taken_for_a_table(write_pdf, kit):
    left = [f"Baris kiri nomor {i} berisi kalimat" for i in range(1, 7)]
    right = [f"baris kanan nomor {i} juga kalimat" for i in range(1, 7)]
    document = read_document(write_pdf([kit.PageSpec(kit.lines_at(57, 100, left) + kit.lines_at(320, 100, right))]))
    assert document.tables == ()
    assert document.text.index("kiri nomor 6") < document.text.index("kanan nomor 1")


def test_a_ruled_table_on_a_rotated_page_lines_up_with_its_text(tmp_path):
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    c.setPageRotation(90)
    c.translate(595, 0)
    c.rotate(90)
    c.setFont("Helvetica", 9)
    c.drawString(72, 535, "Tabel 1. Contoh putar")
    rows = [["Kelompok", "n", "p"], ["A", "12", "0,04"], ["B", "13", "0,05"]]
    xs = [72, 200, 260, 330]
    for r, row in enumerate(rows):
        for k, value in enumerate(row):
            c.drawString(xs[k] + 3, 500 - 18 * r, value)
    for r in range(4):
        c.line(72, 513 - 18 * r, 330, 513 - 18 * r)
    for x in xs:
        c.line(x, 513, x, 459)
    c.drawString(72, 395, "Teks sesudah tabel.")
    c.showPage()
    c.save()
    path = tmp_path / "putar.pdf"
    path.write_bytes(buffer.getvalue())
    document = read_document(path)
    assert [t.grid() for t in document.tables] == [rows]
    assert document.text == "Tabel 1. Contoh putar\nKelompok | n | p\nA | 12 | 0,04\nB | 13 | 0,05\nTeks sesudah tabel."


def test_a_table_ruled_only_across_is_read_as_a_grid(write_pdf, kit):
    """Top, header and bottom rules, no vertical lines, cells 20-30 pt apart (a common journal style)."""
    rows = [["Variabel", "Pre", "Post", "p"], ["Skor ASI", "8,2", "11,5", "0,001"],
            ["Frekuensi BAK", "5,1", "6,8", "0,020"], ["Berat badan (g)", "3100", "3250", "0,130"]]
    xs = (72, 190, 235, 285)
    texts = kit.lines_at(72, 90, ["Tabel 5. Hasil uji berpasangan"])
    for r, row in enumerate(rows):
        texts += [kit.Text(x, 120 + 18 * r + (4 if r else 0), value, 9) for x, value in zip(xs, row)]
    rules = [kit.Rule(70, 116, 330, 116), kit.Rule(70, 136, 330, 136), kit.Rule(70, 196, 330, 196)]
    texts += kit.lines_at(72, 210, ["Sumber: data primer penelitian ini."])
    document = read_document(write_pdf([kit.PageSpec(texts, rules)]))
    (table,) = document.tables
    assert table.grid() == rows
    assert table.ruled is False and table.caption == "Tabel 5. Hasil uji berpasangan"
    assert document.text.split("\n")[-1] == "Sumber: data primer penelitian ini."


def test_prose_between_three_rules_stays_prose(write_pdf, kit):
    texts = kit.lines_at(72, 120, ["Kotak ini berisi kalimat biasa yang panjang sekali isinya.",
                                   "Baris kedua juga kalimat biasa yang cukup panjang di sini.",
                                   "Baris ketiga menutup isi kotak dengan kalimat terakhir."])
    rules = [kit.Rule(70, 110, 400, 110), kit.Rule(70, 150, 400, 150), kit.Rule(70, 170, 400, 170)]
    document = read_document(write_pdf([kit.PageSpec(texts, rules)]))
    assert document.tables == ()
    assert document.text.startswith("Kotak ini berisi kalimat biasa")


@pytest.mark.parametrize(("cell", "joined"), [
    ("menguji peru\nbahan yang terjadi", "menguji perubahan yang terjadi"),   # cut, no hyphen
    ("desain Pre-\nExperimental", "desain Pre-Experimental"),               # cut after a hyphen
    ("pijat\noksitosin", "pijat oksitosin"),                                 # two words
    ("breast\ncare", "breast care"),                      # first part is a word of the paper
])
def test_join_cell_lines_mends_words_a_narrow_column_cut(cell, joined):
    from evidencekit.extract.layout import join_cell_lines

    vocabulary = {"perubahan", "breast", "care", "breastcare", "pijat", "oksitosin", "menguji"}
    assert join_cell_lines(cell, vocabulary) == joined


def test_the_review_table_cells_have_mended_words(review):
    results = " ".join(row[3] + " " + row[7] for row in review.tables[0].grid())
    assert "perubahan-perubahan" in results
    assert "Pre- Experimental" not in results and "Pre-Experimental" in results
