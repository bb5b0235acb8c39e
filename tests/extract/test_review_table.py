"""Reading a review's extraction table from grids and from flattened text we wrote ourselves."""

from __future__ import annotations

import pytest

from evidencekit.extract.review import column_of, find_studies, grid_rows, is_review, map_columns
from evidencekit.extract.review_text import find_flat_header, flat_rows
from evidencekit.model import Cell, Document, Section, Table
from evidencekit.vocab import Design, Sampling

HEADER_ID = ["No.", "Penulis dan tahun", "Judul", "Desain penelitian", "Sampel", "Intervensi utama",
             "Pembanding", "Hasil penelitian"]
ROW_1 = ["1.", "Wati, S. & Rahman, A. (2020)", "Pengaruh kompres hangat terhadap nyeri perineum",
         "Quasi eksperimen dengan non equivalent control group", "30 ibu nifas (15 dan 15); purposive sampling",
         "Kompres hangat", "Kompres dingin", "Skor nyeri turun; uji Mann-Whitney p = 0,012"]
ROW_2 = ["2.", "Yusuf, B. (2022)", "Senam nifas dan involusi uteri", "Pra eksperimen one group pretest posttest",
         "Sampel berjumlah 18 orang; total sampling", "Senam nifas", "Tidak ada",
         "Tinggi fundus turun; uji Wilcoxon p value 0,000"]


def _table(rows: list[list[str]], start: int = 0) -> Table:
    return Table(page=1, rows=tuple(tuple(Cell(t) for t in row) for row in rows), start=start, end=start + 1)


def _document(tables=(), text="", sections=()) -> Document:
    return Document(id="t", source="t", sha256="0", text=text, tables=tuple(tables), sections=tuple(sections))


@pytest.mark.parametrize(("header", "column"), [
    ("Nama penulis dan tahun publikasi", "author_year"),
    ("Author (year)", "author_year"),
    ("Intervensi pembanding", "comparator"),
    ("Comparison intervention", "comparator"),
    ("Intervensi utama", "intervention"),
    ("Populasi dan sampel", "population"),
    ("Main findings", "results"),
    ("Study design", "design"),
])
def test_column_of_maps_a_header_by_its_meaning(header, column):
    assert column_of(header) == column


def test_columns_are_mapped_in_any_order():
    mapping = map_columns(["Results", "Design", "Author (year)", "Comparator", "Sample"])
    assert mapping == {0: "results", 1: "design", 2: "author_year", 3: "comparator", 4: "population"}


def test_a_grid_gives_one_record_per_row_read_by_the_field_finders():
    document = _document([_table([HEADER_ID, ROW_1, ROW_2])])
    assert is_review(document)
    first, second = find_studies(document)
    assert (first.authors, first.year) == (("Wati, S.", "Rahman, A."), 2020)
    assert (first.design, first.n_total, first.sampling) == (Design.TWO_GROUP_PRETEST_POSTTEST, 30, Sampling.PURPOSIVE)
    assert first.comparator == "Kompres dingin" and [p.value for p in first.p_values] == [0.012]
    assert (second.design, second.n_total, second.sampling) == (Design.ONE_GROUP_PRETEST_POSTTEST, 18, Sampling.TOTAL)
    assert [p.value for p in second.p_values] == [0.0]
    assert second.cells["Pembanding"] == "Tidak ada"


def test_a_row_broken_over_a_page_is_joined_and_the_repeated_header_dropped():
    broken = ["", "", "", "", "", "", "", "dan skor kepuasan naik (p = 0,030)"]
    document = _document([_table([HEADER_ID, ROW_1]), _table([HEADER_ID, broken, ROW_2], start=5)])
    rows = grid_rows(document)
    assert [r.number for r in rows] == [1, 2]
    assert rows[0].cells["results"].endswith("(p = 0,030)")
    assert [p.value for p in find_studies(document)[0].p_values] == [0.012, 0.03]


def test_a_table_without_author_column_is_not_an_extraction_table():
    document = _document([_table([["Variabel", "Mean", "SD", "p"], ["Skor", "4,1", "1,2", "0,03"]])])
    assert not is_review(document)
    assert find_studies(document) == []


#: A review table flattened one fragment per line, written for this test (cells break mid-phrase,
#: the comparator and results cells share a line, a stray "7." sits inside a cell).
FLAT = """Tabel 1. Ekstraksi artikel
No
.
Penulis dan
tahun
Judul
Desain
penelitian
Sampel
Intervensi
utama
Pembanding
Hasil
penelitian
1. Wati, S.
& Rahman, A.
(2020)
Pengaruh kompres
hangat terhadap
nyeri perineum
Jenis
penelitian quasi
eksperimen
dengan non
equivalent
control group
Populasi ibu
nifas, sampel
30 orang (15 dan 15)
Kompres
hangat
Kompres dingin Hasil uji
Mann-Whitney
p = 0,012
2. Yusuf, B.
(2022)
Senam nifas dan
involusi uteri pada
hari ke
7.
Desain pra
eksperimen one
group pretest
posttest
Sampel
berjumlah 18
orang, total
sampling
Senam
nifas
Tidak ada
Hasil uji
Wilcoxon p value
0,000
PEMBAHASAN
Kedua penelitian menunjukkan hasil yang bermakna.
"""


def test_a_flattened_header_is_read_with_its_column_order():
    header = find_flat_header(FLAT)
    assert header.columns == ("number", "author_year", "title", "design", "population", "intervention",
                              "comparator", "results")


def test_flattened_rows_are_cut_back_into_cells():
    rows = flat_rows(FLAT, main_intervention="kompres hangat")
    assert [r.number for r in rows] == [1, 2]
    first, second = rows
    assert first.cells["comparator"] == "Kompres dingin"
    assert first.cells["results"].startswith("Hasil uji")
    assert "7." in second.cells["title"]          # a number inside a cell does not open a row
    assert second.cells["intervention"] == "Senam nifas"


def test_flattened_text_gives_the_same_records_as_the_grid():
    pembahasan = FLAT.index("PEMBAHASAN")
    document = _document(text=FLAT, sections=[Section("results", "", 0, pembahasan),
                                              Section("discussion", "PEMBAHASAN", pembahasan, len(FLAT))])
    first, second = find_studies(document)
    assert (first.year, first.design, first.n_total) == (2020, Design.TWO_GROUP_PRETEST_POSTTEST, 30)
    assert first.n_arms and sum(first.n_arms.values()) == 30
    assert [p.value for p in first.p_values] == [0.012]
    assert (second.year, second.design, second.n_total, second.sampling) == (
        2022, Design.ONE_GROUP_PRETEST_POSTTEST, 18, Sampling.TOTAL)
    assert [p.value for p in second.p_values] == [0.0]


@pytest.mark.parametrize(("fragments", "joined"), [
    (["terhadap pengeluar", "an ASI"], "terhadap pengeluaran ASI"),
    (["Efektivita", "s pijat"], "Efektivitas pijat"),
    (["ibu nifas", "di klinik"], "ibu nifas di klinik"),
    (["uji Wilcoxon", "p = 0,001"], "uji Wilcoxon p = 0,001"),
    (["kelompok", "intervensi"], "kelompok intervensi"),
])
def test_join_fragments_mends_words_broken_at_the_cell_edge(fragments, joined):
    from evidencekit.extract.review_text import join_fragments

    assert join_fragments(fragments) == joined


def test_a_new_sentence_in_the_population_cell_stays_in_that_cell():
    text = FLAT.replace("Populasi ibu\nnifas, sampel\n30 orang (15 dan 15)",
                        "Populasi ibu nifas.\nSampel 30 orang\n(15 dan 15)")
    first = flat_rows(text)[0]
    assert first.cells["population"].startswith("Populasi") and "Sampel 30" in first.cells["population"]
    assert first.cells["intervention"] == "Kompres hangat"


def test_an_english_grid_in_another_column_order_is_read_the_same_way():
    header = ["Results", "Author (year)", "Study design", "Sample", "Intervention", "Comparison"]
    row = ["Milk volume higher with massage; independent t-test p = 0.021", "Brown, K. & Lee, M. (2018)",
           "Randomised controlled trial", "A total of 40 mothers (20 and 20); simple random sampling",
           "Back massage", "Usual care"]
    (study,) = find_studies(_document([_table([header, row])]))
    assert (study.authors, study.year, study.design) == (("Brown, K.", "Lee, M."), 2018, Design.RCT)
    assert (study.n_total, study.sampling, study.comparator) == (40, Sampling.SIMPLE_RANDOM, "Usual care")
    assert [p.value for p in study.p_values] == [0.021]
    assert sorted(study.n_arms.values()) == [20, 20]
