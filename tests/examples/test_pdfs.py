"""The example PDFs: a text layer, the same words and numbers as their text twins, the intended
layout (two columns, a table breaking across pages), and glyphs for the symbols they print."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SYMBOLS = ("±", "χ²", "≤", "≥", "−", "–")
WORD = re.compile(r"\w+")


def words(text: str) -> Counter:
    return Counter(w.lower() for w in WORD.findall(text))


def test_every_pdf_opens_and_every_page_has_a_text_layer(examples):
    for ex in examples:
        with pdfplumber.open(EXAMPLES / ex["files"]["pdf"]) as pdf:
            assert len(pdf.pages) == ex["pages"], ex["id"]
            for page in pdf.pages:
                assert len(page.chars) > 500, f"{ex['id']} page {page.page_number} has no text"


def test_text_twin_and_pdf_carry_the_same_numbers(examples, pdf_text, txt_text, numbers_of):
    for ex in examples:
        pdf_numbers, txt_numbers = numbers_of(pdf_text[ex["id"]]), numbers_of(txt_text[ex["id"]])
        assert pdf_numbers == txt_numbers, (ex["id"], pdf_numbers - txt_numbers,
                                            txt_numbers - pdf_numbers)


def test_text_twin_and_pdf_carry_the_same_words_but_for_repeated_table_headers(
        examples, pdf_text, txt_text):
    for ex in examples:
        extra = words(pdf_text[ex["id"]]) - words(txt_text[ex["id"]])
        missing = words(txt_text[ex["id"]]) - words(pdf_text[ex["id"]])
        assert not missing, (ex["id"], missing)
        repeated_header = (words(" ".join(ex["extraction_table"]["columns"]))
                           if "extraction_table" in ex else Counter())
        assert extra == repeated_header, (ex["id"], extra)


def test_pdfs_are_set_in_dejavu_so_indonesian_text_and_symbols_render(examples, pdf_text,
                                                                      txt_text):
    if not DEJAVU.is_file():
        pytest.skip("fonts-dejavu-core is not installed; the examples fall back to Helvetica")
    seen = set()
    for ex in examples:
        with pdfplumber.open(EXAMPLES / ex["files"]["pdf"]) as pdf:
            fonts = {c["fontname"].split("+")[-1] for p in pdf.pages for c in p.chars}
        assert fonts <= {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"}, fonts
        for symbol in SYMBOLS:
            assert pdf_text[ex["id"]].count(symbol) == txt_text[ex["id"]].count(symbol), symbol
            if symbol in pdf_text[ex["id"]]:
                seen.add(symbol)
    assert seen == set(SYMBOLS), f"no example prints {set(SYMBOLS) - seen}"


def test_the_two_column_papers_set_their_body_in_two_columns_below_a_full_width_band(examples):
    for ex in (e for e in examples if e["layout"] == "two_column"):
        with pdfplumber.open(EXAMPLES / ex["files"]["pdf"]) as pdf:
            first = pdf.pages[0]
            middle = first.width / 2
            # the band ends with a rule across the full text width (column tables are narrower)
            rule = min((ln for ln in first.lines if ln["x1"] - ln["x0"] > first.width * 0.7),
                       key=lambda ln: ln["top"])
            band = [w for w in first.extract_words() if w["bottom"] < rule["top"]]
            body = [w for w in first.extract_words()
                    if rule["top"] < w["top"] < first.height - 60]
            straddles = lambda w: w["x0"] < middle - 5 and w["x1"] > middle + 5  # noqa: E731
            assert sum(map(straddles, band)) > 5, "the title band is not full width"
            assert sum(w["x1"] < middle for w in body) > 100, ex["id"]
            assert sum(w["x0"] > middle for w in body) > 100, ex["id"]
            assert not [w for w in body if straddles(w)], ex["id"]


def test_the_review_table_breaks_across_pages_and_repeats_its_header(examples):
    review = next(e for e in examples if e["kind"] == "review")
    table = review["extraction_table"]
    pieces = []
    with pdfplumber.open(EXAMPLES / review["files"]["pdf"]) as pdf:
        for page in pdf.pages:
            for rows in page.extract_tables():
                header = [" ".join(c.split()) for c in rows[0]]
                if header == table["columns"]:
                    pieces.append((page.page_number, rows[1:]))
    assert [number for number, _ in pieces] == table["pages"]
    first_cells = [row[0] for _, rows in pieces for row in rows]
    assert first_cells == [f"{s['no']}." for s in review["studies"]]


def test_every_pdf_table_holds_the_cells_of_its_text_twin(examples, txt_text):
    for ex in examples:
        twin_rows = {tuple(line.split("\t")) for line in txt_text[ex["id"]].splitlines()
                     if "\t" in line}
        with pdfplumber.open(EXAMPLES / ex["files"]["pdf"]) as pdf:
            pdf_rows = {tuple(" ".join((c or "").split()) for c in row)
                        for page in pdf.pages for table in page.extract_tables() for row in table}
        assert twin_rows and twin_rows == pdf_rows, (ex["id"], twin_rows ^ pdf_rows)
