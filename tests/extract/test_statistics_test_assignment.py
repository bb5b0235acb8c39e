"""Which test a statistic belongs to, whatever the reading order: the χ² test and misspelled test
names of this literature, a review table's cell, the design words of a Z's sentence."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from evidencekit.extract import lexicon
from evidencekit.extract.nlp import find_test_mentions
from evidencekit.extract.read import read_document
from evidencekit.extract.statistics import find_statistics
from evidencekit.model import Cell, Document, Section, Table
from evidencekit.vocab import StatKind

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
REVIEW = "002_5cc26c146a74d938"


def stats(text: str, **kw):
    found, _ = find_statistics(Document(id="t", source="test", sha256="", text=text, **kw))
    return found


@pytest.mark.parametrize("text", [
    "Categorical characteristics were compared with the χ² test.",
    "Proportions were compared with a chi2 test between arms.",
    "Proportions were compared by chi square between arms.",
    "Hubungan diuji dengan uji χ² pada α 5%.",
    "Data kategorik dianalisis dengan uji chi-square.",
    "Data kategorik dianalisis dengan uji kai kuadrat.",
])
def test_chi_square_is_named_by_its_symbol_and_its_spellings(text):
    assert [m.test.value for m in find_test_mentions(text)] == ["chi_square"]


@pytest.mark.parametrize(("text", "test"), [
    ("nilai signifikasi whitman u test sebesar 0,001", "mann_whitney"),
    ("diuji dengan uji man whitney", "mann_whitney"),
    ("hasil uji statistik Mann \n\nWhitney U menunjukkan", "mann_whitney"),
    ("dengan nilai r korelasi sprearmen sebesar 0,689", "spearman"),
    ("correlated by Spearmen rank order", "spearman"),
])
def test_misspelled_and_line_broken_test_names_are_recognised(text, test):
    assert [m.test.value for m in find_test_mentions(text)] == [test]


def test_every_phrase_of_tests_toml_is_found_by_the_statistics_matcher():
    missed = [(key, phrase) for key, phrases in lexicon.phrases("tests").items() for phrase in phrases
              if [m.test.value for m in find_test_mentions(f"Data dianalisis dengan {phrase} lalu.")] != [key]]
    assert missed == []


@pytest.mark.parametrize("kind", ["txt", "pdf"])
def test_chi_square_rows_of_a_baseline_table_are_chi2_with_df_value_and_p(kind):
    found = find_statistics(read_document(EXAMPLES / f"03_en_rct_consistent.{kind}"))[0]
    chi = [s for s in found if s.kind is StatKind.CHI2]
    assert [(s.value.value, s.df, s.p.value, s.test.value) for s in chi] == [
        (0.27, (1.0,), 0.606, "chi_square"), (0.30, (1.0,), 0.584, "chi_square")]
    assert not any(s.kind is StatKind.P_ONLY and s.p.value in (0.606, 0.584) for s in found)


def test_a_z_takes_its_test_from_the_design_words_of_its_sentence():
    text = ("Metode. Data dianalisis dengan uji Wilcoxon dan uji Mann-Whitney.\n\n"
            "Hasil. Produksi ASI sebelum dan sesudah pijat berbeda dengan nilai Z sebesar -3,1 dan p = 0,002. "
            "Produksi ASI berbeda antara kelompok intervensi dan kontrol dengan nilai Z sebesar -2,2 dan p = 0,028.")
    cut = text.index("Hasil")
    sections = (Section("methods", "Metode", 0, cut), Section("results", "Hasil", cut, len(text)))
    z = [s for s in stats(text, sections=sections) if s.kind is StatKind.Z]
    assert [(s.value.value, s.test.value) for s in z] == [(-3.1, "wilcoxon_signed_rank"), (-2.2, "mann_whitney")]


def _review_table_document(first_cell: str, second_cell: str) -> Document:
    lines = [f"1 | Ani (2020) | {first_cell}", f"2 | Budi (2021) | {second_cell}"]
    text = "Tabel 1. Ekstraksi data\n" + "\n".join(lines) + "\n"
    rows, pos = [], text.index("1 |")
    for line in lines:
        cells = []
        for part in line.split(" | "):
            start = text.index(part, pos)
            cells.append(Cell(part, start, start + len(part)))
            pos = start + len(part)
        rows.append(tuple(cells))
    table = Table(page=1, rows=tuple(rows), start=rows[0][0].start, end=rows[-1][-1].end)
    return Document(id="t", source="test", sha256="", text=text, tables=(table,))


def test_a_p_in_a_review_table_cell_takes_only_the_test_named_in_that_cell():
    named = _review_table_document("Uji Mann-Whitney memberi p value 0,001.", "Ada pengaruh dengan p value 0,004.")
    found = {s.p.value: s.test for s in find_statistics(named)[0] if s.kind is StatKind.P_ONLY}
    assert found[0.001].value == "mann_whitney"
    assert found[0.004] is None                      # the other row's Mann-Whitney is not its test
    swapped = _review_table_document("Ada pengaruh dengan p value 0,004.", "Uji Mann-Whitney memberi p value 0,001.")
    found = {s.p.value: s.test for s in find_statistics(swapped)[0] if s.kind is StatKind.P_ONLY}
    assert found[0.004] is None and found[0.001].value == "mann_whitney"


@cache
def _review_tests(path: Path):
    return [(round(s.p.value, 3), s.p.text.replace(" ", "").replace("\n", ""), s.test)
            for s in find_statistics(read_document(path))[0] if s.kind in (StatKind.P_ONLY, StatKind.Z)]


def test_the_review_seed_gives_the_same_tests_as_text_and_as_pdf(shared_dir):
    text = _review_tests(shared_dir / "seeds" / f"{REVIEW}.txt")
    pdf = _review_tests(shared_dir / "pdf" / f"{REVIEW}.pdf")
    assert text == pdf
    z = [t for _, _, t in text][-1]
    assert z.value == "wilcoxon_signed_rank"           # "sebelum dan sesudah": one group twice


@pytest.mark.parametrize("kind", ["txt", "pdf"])
def test_every_row_of_the_review_seed_names_the_gold_tests(shared_dir, gold, kind):
    from evidencekit.extract.review import find_studies

    path = shared_dir / ("seeds" if kind == "txt" else "pdf") / f"{REVIEW}.{kind}"
    rows = gold[REVIEW]["extraction_table"]["rows"]
    studies = find_studies(read_document(path))
    assert [sorted(t.value for t in s.tests) for s in studies] == [sorted(r["tests"]) for r in rows]


def test_a_table_statistic_takes_its_tables_test_else_the_proses_and_prose_never_takes_a_tables_test():
    from evidencekit.extract.context import StatContext

    text = ("Hasil. Perbedaan antar kelompok diuji dengan uji Mann-Whitney.\n"
            "Kelompok | p | Uji Wilcoxon\nIntervensi | 0,010 | 0,002\n"
            "Perubahan dalam kelompok bermakna dengan p = 0,030.")
    first = text.index("Kelompok |")
    end = text.index("0,002") + 5
    cells = tuple(tuple(Cell(part, text.index(part, first), text.index(part, first) + len(part))
                        for part in line.split(" | "))
                  for line in text[first:end].split("\n"))
    table = Table(page=1, rows=cells, start=first, end=end)
    doc = Document(id="t", source="test", sha256="", text=text, tables=(table,),
                   sections=(Section("results", "Hasil", 0, len(text)),))
    ctx = StatContext.of(doc)
    in_table = text.index("0,010")
    assert ctx.test_for(StatKind.P_ONLY, in_table, also=(table.start, table.end)).value == "wilcoxon_signed_rank"
    assert ctx.test_for(StatKind.U, in_table, also=(table.start, table.end)).value == "mann_whitney"
    # the prose p after the table does not take the table's Wilcoxon, but the prose Mann-Whitney
    assert ctx.test_for(StatKind.P_ONLY, text.index("p = 0,030")).value == "mann_whitney"
