"""Table grids (PDF) and tables flattened into text lines, on small tables written by us."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidencekit.extract.context import StatContext
from evidencekit.extract.statistics import find_statistics
from evidencekit.extract.tables import column_role, interpret_table
from evidencekit.extract.text_tables import find_text_tables
from evidencekit.model import Cell, Document, Table


def doc(text: str, tables: tuple[Table, ...] = ()) -> Document:
    return Document(id="t", source="t", sha256="", text=text, tables=tables)


def grid_table(rows: list[list[str]], caption: str | None = None) -> tuple[Document, Table]:
    """A document whose text is the grid as "a | b" lines, and the Table with cell offsets."""
    text, cells = "", []
    for row in rows:
        line_cells = []
        for j, value in enumerate(row):
            if j:
                text += " | "
            line_cells.append(Cell(value, len(text), len(text) + len(value)) if value else Cell(""))
            text += value
        text += "\n"
        cells.append(tuple(line_cells))
    table = Table(page=1, rows=tuple(cells), start=0, end=len(text), caption=caption)
    return doc(text, (table,)), table


@pytest.mark.parametrize(("header", "role"), [
    ("n", "count"), ("f", "count"), ("%", "percent"), ("Persentase (%)", "percent"),
    ("f (%)", "count_pct"), ("Kontrol n (%)", "count_pct"), ("Mean (ml)", "mean"),
    ("Rerata (SD)", "mean_sd"), ("Simpangan Baku (SD)", "sd"), ("Std. Deviation", "sd"),
    ("Median", "median"), ("Minimum", "min"), ("Maks.", "max"), ("95% CI", "ci"), ("CI 95%", "ci"),
    ("P Value", "p"), ("Sig. (2-tailed)", "p"), ("Nilai Z", "Z"), ("t", "t"), ("df", "df"),
    ("Negative Ranks", "rank"), ("Kelompok", None),
])
def test_column_role_reads_what_a_header_names(header, role):
    assert column_role(header) == role


def test_a_frequency_grid_gives_a_table_per_group_and_a_count_per_cell():
    d, t = grid_table([["Ciri", "n", "%"], ["Umur", "", ""], ["< 25 tahun", "4", "40,0"],
                       ["≥ 25 tahun", "6", "60,0"], ["Paritas", "", ""], ["Primi", "7", "70,0"],
                       ["Multi", "3", "30,0"]], caption="Tabel 1. Ciri ibu (n=10)")
    found, freq = interpret_table(t, StatContext.of(d))
    assert [(f.label, f.levels, f.counts, [p.value for p in f.percents], f.n) for f in freq] == [
        ("Umur", ("< 25 tahun", "≥ 25 tahun"), (4, 6), [40.0, 60.0], 10),
        ("Paritas", ("Primi", "Multi"), (7, 3), [70.0, 30.0], 10)]
    assert {(p.label, p.count, p.percent.value) for p in found} >= {("Umur < 25 tahun", 4, 40.0)}
    assert all(p.source.value == "table" and p.span.text for p in found)


def test_a_descriptive_grid_gives_one_summary_per_row_with_time_and_unit():
    d, t = grid_table([["Kelompok", "n", "Mean (ml)", "SD", "Min", "Max", "95% CI", "p"],
                       ["Sebelum", "12", "5,40", "1,20", "3", "8", "4,64 - 6,16", "0,004"],
                       ["Sesudah", "12", "7,10", "1,50", "5", "10", "6,15 - 8,05", ""]])
    found, freq = interpret_table(t, StatContext.of(d))
    desc = [s for s in found if s.kind.value == "descriptive"]
    assert [(x.label, x.n, x.mean.value, x.sd.value, x.min.value, x.max.value, x.ci95[1].value, x.time, x.unit)
            for x in desc] == [("Sebelum", 12, 5.4, 1.2, 3.0, 8.0, 6.16, "pre", "ml"),
                               ("Sesudah", 12, 7.1, 1.5, 5.0, 10.0, 8.05, "post", "ml")]
    (p,) = [s for s in found if s.kind.value == "p_only"]
    assert (p.p.value, p.label, p.source.value) == (0.004, "Sebelum", "table")
    assert freq == []


def test_a_test_result_grid_gives_the_statistic_with_its_p_and_row_label():
    d, t = grid_table([["Skor", "Negative Ranks", "Positive Ranks", "Z", "Asymp. Sig. (2-tailed)"],
                       ["Post - Pre", "1,50", "8,20", "-2,95", "0,003"]])
    (stat,) = interpret_table(t, StatContext.of(d))[0]
    assert (stat.kind.value, stat.value.value, stat.p.value, stat.label) == ("Z", -2.95, 0.003, "Post - Pre")


def test_summary_cells_spanning_a_frequency_block_describe_the_block():
    d, t = grid_table([["Skor", "n", "%", "Median", "Min", "Max"], ["Minggu 1", "", "", "", "", ""],
                       ["Baik", "2", "20,0", "1,00", "0", "2"], ["Cukup", "5", "50,0", "", "", ""],
                       ["Kurang", "3", "30,0", "", "", ""]])
    found, freq = interpret_table(t, StatContext.of(d))
    (desc,) = [s for s in found if s.kind.value == "descriptive"]
    assert (desc.label, desc.n, desc.median.value, desc.min.value, desc.max.value) == ("Minggu 1", 10, 1.0, 0.0, 2.0)
    assert freq[0].counts == (2, 5, 3)


def test_a_table_flattened_row_by_row_in_text_is_rebuilt():
    text = ("Tabel 4. Skor nyeri menurut kelompok\n\nKelompok n Rata-rata SD\n\n"
            "Intervensi 15 3,20 0,90\nKontrol 15 4,10 1,10\n\n"
            "Berdasarkan tabel 4 skor nyeri lebih rendah pada kelompok intervensi dibanding kontrol.\n")
    (table,) = find_text_tables(doc(text))
    assert table.grid()[1:] == [["Intervensi", "15", "3,20", "0,90"], ["Kontrol", "15", "4,10", "1,10"]]
    desc = [s for s in find_statistics(doc(text))[0] if s.kind.value == "descriptive"]
    assert [(x.group, x.n, x.mean.value, x.sd.value, x.source.value) for x in desc] == [
        ("intervensi", 15, 3.2, 0.9, "table"), ("kontrol", 15, 4.1, 1.1, "table")]


def test_a_table_flattened_column_by_column_in_text_is_rebuilt():
    text = ("Tabel 2. Tingkat cemas ibu (n=20)\n\nTingkat n %\n\nRingan\nSedang\nBerat\n\n"
            "5\n10\n5\n\n25,0\n50,0\n25,0\n\n"
            "Data pada tabel 2 menunjukkan separuh ibu mengalami cemas sedang selama penelitian.\n")
    (table,) = find_text_tables(doc(text))
    assert table.grid()[1:] == [["Ringan", "5", "25,0"], ["Sedang", "10", "50,0"], ["Berat", "5", "25,0"]]
    (freq,) = find_statistics(doc(text))[1]
    assert (freq.levels, freq.counts, freq.n) == (("Ringan", "Sedang", "Berat"), (5, 10, 5), 20)
    assert all(doc(text).text[c.start:c.end] == c.text for row in table.rows for c in row if c.text)


def test_values_printed_before_their_label_are_joined_to_it():
    text = ("Tabel 5. Hasil uji beda\n\nVariabel Rata-rata Sig.(2\n\nTailed)\n\n"
            "4,10 0,021\n\nSEBELUM\n\n5,30\n\nSESUDAH\n\n"
            "Berdasarkan tabel 5 ada perbedaan yang bermakna antara sebelum dan sesudah perlakuan.\n")
    (table,) = find_text_tables(doc(text))
    assert table.grid()[1:] == [["SEBELUM", "4,10", "0,021"], ["SESUDAH", "5,30", ""]]


def test_an_age_band_line_is_a_label_not_a_value():
    text = ("Tabel 1. Umur responden\n\nUmur n %\n\n< 20\n20-35\n\n3\n17\n\n15,0\n85,0\n\n"
            "Berdasarkan tabel 1 sebagian besar responden berumur dua puluh sampai tiga puluh lima.\n")
    (freq,) = find_statistics(doc(text))[1]
    assert freq.levels == ("< 20", "20-35") and freq.counts == (3, 17)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Tabel 1.2,3%()nfpZ-\n abcMeanSD<>=")), max_size=200))
def test_find_statistics_never_raises_on_arbitrary_table_like_text(text):
    find_statistics(doc(text))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_find_statistics_never_raises_on_arbitrary_text(text):
    found, freq = find_statistics(doc(text))
    for s in found:
        assert text[s.span.start:s.span.end] == s.span.text


def test_a_two_row_header_gives_one_summary_per_occasion_and_row():
    d, t = grid_table([["Kelompok", "Pretest", "", "Posttest", ""],
                       ["", "Mean", "SD", "Mean", "SD"],
                       ["Intervensi", "5,1", "1,2", "7,4", "1,0"],
                       ["Kontrol", "5,0", "1,1", "5,6", "1,3"]])
    desc = [s for s in interpret_table(t, StatContext.of(d))[0] if s.kind.value == "descriptive"]
    assert [(x.label, x.group, x.time, x.mean.value, x.sd.value) for x in desc] == [
        ("Intervensi Pretest", "intervensi", "pre", 5.1, 1.2), ("Intervensi Posttest", "intervensi", "post", 7.4, 1.0),
        ("Kontrol Pretest", "kontrol", "pre", 5.0, 1.1), ("Kontrol Posttest", "kontrol", "post", 5.6, 1.3)]


def test_occasion_words_inside_a_header_cell_qualify_its_column():
    d, t = grid_table([["Variabel", "n", "Mean Pretest", "SD Pretest", "Mean Posttest", "SD Posttest", "p"],
                       ["Skor ASI", "20", "8,15", "1,31", "12,40", "1,85", "0,001"]])
    found = interpret_table(t, StatContext.of(d))[0]
    desc = [s for s in found if s.kind.value == "descriptive"]
    assert [(x.time, x.n, x.mean.value, x.sd.value) for x in desc] == [("pre", 20, 8.15, 1.31), ("post", 20, 12.4, 1.85)]
    assert [s.p.value for s in found if s.kind.value == "p_only"] == [0.001]


def test_a_baseline_table_reads_groups_from_columns_and_what_cells_hold_from_row_labels():
    d, t = grid_table([["Ciri", "Pijat (n = 20)", "Kontrol (n = 20)", "Uji", "p"],
                       ["Umur, tahun, rerata (SD)", "28,1 (4,2)", "27,6 (5,0)", "t(38) = 0,34", "0,736"],
                       ["Primipara, n (%)", "9 (45,0)", "11 (55,0)", "χ²(1) = 0,40", "0,527"]])
    found = interpret_table(t, StatContext.of(d))[0]
    desc = [(s.label, s.n, s.mean.value, s.sd.value) for s in found if s.kind.value == "descriptive"]
    assert desc == [("Umur, tahun, Pijat", 20, 28.1, 4.2), ("Umur, tahun, Kontrol", 20, 27.6, 5.0)]
    pcs = [(s.label, s.count, s.n, s.percent.value) for s in found if s.kind.value == "percent"]
    assert pcs == [("Primipara, Pijat", 9, 20, 45.0), ("Primipara, Kontrol", 11, 20, 55.0)]
    tests = [(s.kind.value, s.value.value, s.df, s.p.value, s.label) for s in found if s.kind.value in ("t", "chi2")]
    assert tests == [("t", 0.34, (38.0,), 0.736, "Umur, tahun"), ("chi2", 0.4, (1.0,), 0.527, "Primipara")]


@pytest.mark.parametrize(("header", "role"), [
    ("t hitung", "t"), ("t-hitung", "t"), ("F hitung", "F"), ("t tabel", "critical"), ("F tabel", "critical"),
])
def test_a_t_hitung_column_holds_the_statistic_and_a_t_tabel_column_the_critical_value(header, role):
    assert column_role(header) == role


def test_a_critical_value_column_is_never_read_as_a_statistic_or_a_label():
    text = ("Tabel 3. Hasil uji t berpasangan\nVariabel Mean SD t hitung t tabel p\n"
            "Pre tes 5,20 1,10 4,512 2,093 0,000\nPost tes 7,80 1,30\n\nBerdasarkan tabel 3 hasilnya bermakna.\n")
    found, _ = find_statistics(doc(text))
    (t,) = [s for s in found if s.kind.value == "t"]
    assert (t.value.value, t.p.value, t.label) == (4.512, 0.0, "Pre tes")
    assert all("2,093" not in (s.label or "") for s in found)
    assert not any(getattr(s, "value", None) is not None and s.value.text == "2,093" for s in found)
