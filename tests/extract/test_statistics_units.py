"""Units of descriptives (caption, column header, row label, sentence) and the unit model, on
one-line fixtures written by us (Indonesian and English)."""

from __future__ import annotations

import pytest

from evidencekit.extract import units
from evidencekit.extract.context import StatContext
from evidencekit.extract.lexicon import load, phrases
from evidencekit.extract.statistics import find_statistics
from evidencekit.extract.tables import interpret_table
from evidencekit.model import Cell, Document, Table


def doc(text: str, tables: tuple[Table, ...] = ()) -> Document:
    return Document(id="t", source="test", sha256="", text=text, tables=tables)


def descriptives(text: str) -> list:
    found, _ = find_statistics(doc(text))
    return [s for s in found if s.kind.value == "descriptive"]


def grid(rows: list[list[str]], caption: str | None = None) -> list:
    """The descriptives of a reader's table grid (cells located in a text of "a | b" lines)."""
    text, cells = "", []
    for row in rows:
        line = []
        for j, value in enumerate(row):
            text += " | " if j else ""
            line.append(Cell(value, len(text), len(text) + len(value)) if value else Cell(""))
            text += value
        text += "\n"
        cells.append(tuple(line))
    table = Table(page=1, rows=tuple(cells), start=0, end=len(text), caption=caption)
    found, _ = interpret_table(table, StatContext.of(doc(text, (table,))))
    return [s for s in found if s.kind.value == "descriptive"]


# ------------------------------------------------------------------------ where units are printed


@pytest.mark.parametrize(("text", "unit"), [
    ("HASIL\nTabel 2. Frekuensi menyusu bayi (kali per 24 jam)\nKelompok\tMean\tSD\n"
     "Intervensi\t8,25\t1,10\nKontrol\t7,60\t1,30\n\nTeks berikutnya.", "count_per_day"),
    ("RESULTS\nTable 2. Expressed milk volume (ml) by group\nGroup\tn\tMean\tSD\n"
     "Massage\t20\t31.4\t6.2\nControl\t20\t27.9\t5.8\n\nNext text.", "ml"),
    ("Tabel 3. Berat badan bayi dalam gram\nKelompok\tMean\tSD\nIntervensi\t3120,5\t410,2\n"
     "Kontrol\t3050,1\t385,7\n\nTeks berikutnya.", "gram"),
])
def test_a_table_caption_gives_its_summaries_their_unit(text, unit):
    found = descriptives(text)
    assert len(found) == 2 and {d.unit for d in found} == {unit}


def test_a_caption_printing_two_units_gives_no_unit():
    found = descriptives("Table 1. Weight (kg) and length (cm) at birth\nGroup\tMean\tSD\n"
                         "Massage\t3.1\t0.4\nControl\t3.0\t0.5\n\nNext.")
    assert [d.unit for d in found] == [None, None]


def test_a_column_header_unit_wins_over_the_caption():
    (d,) = grid([["Kelompok", "n", "Mean (cc)", "SD"], ["Intervensi", "15", "12,4", "3,1"]],
                caption="Tabel 2. Frekuensi (kali per hari)")
    assert d.unit == "ml"


def test_a_row_label_gives_the_unit_of_its_row():
    found = grid([["Variabel", "Mean", "SD"], ["Berat badan (kg)", "58,2", "7,9"],
                  ["Skor kecemasan (skor)", "21,4", "4,2"]], caption="Tabel 1. Karakteristik ibu")
    assert [(d.label, d.unit) for d in found] == [("Berat badan (kg)", "kg"),
                                                  ("Skor kecemasan (skor)", "score")]


def test_a_characteristics_table_with_percent_columns_does_not_lend_its_caption_unit():
    found = grid([["Karakteristik", "f (%)", "Mean", "SD"], ["Umur", "", "", ""],
                  ["< 20 tahun", "3 (10,0)", "27,1", "4,4"], ["20-35 tahun", "27 (90,0)", "", ""]],
                 caption="Tabel 1. Karakteristik responden (%)")
    assert found and all(d.unit is None for d in found)


@pytest.mark.parametrize(("text", "unit"), [
    ("Rata-rata frekuensi menyusu adalah 8,25 ± 1,10 kali sehari.", "count_per_day"),
    ("The mean volume was 12.4 ml (SD 3.1).", "ml"),
    ("Volume ASI (ml) pada hari ketiga: rerata 42,6 ± 9,8.", "ml"),
    ("Mean systolic pressure was 118.2 ± 9.4 mmHg before the session.", "mmhg"),
    ("Rerata lama rawat 3,4 ± 1,2 hari.", "days"),
])
def test_the_sentence_around_a_prose_summary_gives_its_unit(text, unit):
    (d,) = descriptives(text)
    assert d.unit == unit


@pytest.mark.parametrize("text", [
    "Rerata skor 9,5 ± 1,2 (95% CI 9,0-10,0).",             # the % of a confidence level
    "The mean was 16.6 ml with an SD of 4.8 % of the mean.",  # two units: cannot say which
])
def test_a_prose_summary_without_one_clear_unit_gets_none(text):
    assert all(d.unit is None for d in descriptives(text))


# ------------------------------------------------------------------------ the unit model


@pytest.mark.parametrize(("printed", "key", "whole"), [
    ("kali per 24 jam", "count_per_day", True), ("times a day", "count_per_day", True),
    ("(kali)", "count", True), ("score", "score", True), ("Skor", "score", True),
    ("points", "score", True), ("mL", "ml", False), ("cc", "ml", False), ("gram", "gram", False),
    ("kg", "kg", False), ("%", "percent", False), ("persen", "percent", False),
    ("tahun", "years", False), ("mmHg", "mmhg", False), ("ml/15 menit", "ml", False),
])
def test_the_unit_model_says_whether_a_unit_counts_whole_numbers(printed, key, whole):
    assert units.canonical(printed) == key
    assert units.is_whole(printed) is whole


def test_an_unknown_unit_is_neither_whole_nor_continuous():
    assert units.canonical("gelas") is None and units.is_whole("gelas") is None
    assert units.is_whole(None) is None


def test_a_count_unit_names_its_premise_for_messages():
    assert units.unit("count_per_day").describe() == "whole counts per day"
    assert units.unit("ml").describe() == "whole ml"


def test_every_unit_phrase_of_both_languages_reads_back_as_its_own_key():
    for key, ps in phrases("units").items():
        for p in ps:
            assert units.canonical(f"({p})") == key, (p, key)


def test_every_unit_has_its_properties_in_the_english_lexicon_and_phrases_in_both():
    en, id_ = load("en", "units"), load("id", "units")
    assert set(en) == set(id_)
    for key, entry in en.items():
        assert isinstance(entry["whole"], bool) and entry["dimension"], key
        assert entry["phrases"] and id_[key]["phrases"], key


def test_a_summary_header_with_a_unit_only_the_unit_model_knows_keeps_its_role_and_gives_its_unit():
    (d,) = grid([["Kelompok", "n", "Mean (kali per 24 jam)", "SD"], ["Intervensi", "15", "7,40", "1,10"]])
    assert (d.mean.value, d.sd.value, d.n, d.unit) == (7.4, 1.1, 15, "count_per_day")


def test_a_header_word_that_is_no_summary_is_not_read_as_one_once_its_unit_is_removed():
    found = grid([["Kelompok", "Frekuensi (kali)", "Mean", "SD"], ["Intervensi", "4", "7,40", "1,10"]])
    assert [(d.mean.value, d.n) for d in found] == [(7.4, None)]


@pytest.mark.parametrize(("text", "mean", "sd"), [
    ("Mean day-3 volume was 58.4 ml (SD 14.2).", 58.4, 14.2),
    ("Rerata volume hari ke-3 adalah 42,6 ml dengan standar deviasi 9,8.", 42.6, 9.8),
])
def test_an_ordinal_glued_to_a_word_is_not_the_mean(text, mean, sd):
    (d,) = descriptives(text)
    assert (d.mean.value, d.sd.value, d.unit) == (mean, sd, "ml")
