"""Lines and ruled tables are read in one pass: pdfium opens the file once and loads each page
once, the tables are found while the page and its text are open, and nothing of one document
is kept for the next."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from evidencekit import errors
from evidencekit.extract.pdf import PDFIUM_LOCK, open_pdf, read_pages
from evidencekit.extract.pdf_tables import RuledTables, find_ruled_tables
from evidencekit.extract.read import read_document

ROWS = [["Kelompok", "n", "Rerata"], ["Intervensi", "20", "12,5"], ["Kontrol", "18", "9,8"]]


@pytest.fixture
def table_pdf(kit):
    """Two pages: prose only, then prose above a ruled table."""
    prose = kit.PageSpec(kit.lines_at(72, 72, ["Paragraf pertama tanpa tabel.", "Baris kedua."]))
    table = kit.ruled_table(72, 300, [120, 60, 80], ROWS)
    table.texts += kit.lines_at(72, 72, ["Tabel 1. Rerata per kelompok"])
    return kit.draw_pdf([prose, table])


def test_the_file_is_opened_once_and_each_page_loaded_once(table_pdf, write_text, monkeypatch):
    opened, loaded = [], []
    real_init, real_get_page = pdfium.PdfDocument.__init__, pdfium.PdfDocument.get_page

    def init(self, *args, **kwargs):
        opened.append(1)
        real_init(self, *args, **kwargs)

    def get_page(self, index):
        loaded.append(index)
        return real_get_page(self, index)

    monkeypatch.setattr(pdfium.PdfDocument, "__init__", init)
    monkeypatch.setattr(pdfium.PdfDocument, "get_page", get_page)
    document = read_document(write_text(table_pdf, "tabel.pdf"))
    assert [t.shape for t in document.tables] == [(3, 3)]
    assert opened == [1]
    assert loaded == [0, 1]


def one_pass(data: bytes) -> RuledTables:
    """The ruled-table finder after one reading pass over the pages of ``data``."""
    ruled = RuledTables("tabel.pdf", deadline=float("inf"))
    with PDFIUM_LOCK:
        document = open_pdf(data, "tabel.pdf", max_pages=10)
        try:
            read_pages(document, "tabel.pdf", deadline=float("inf"), visit=ruled.visit)
        finally:
            document.close()
    return ruled


def test_the_one_pass_finds_what_pdfplumber_finds(table_pdf):
    ruled = one_pass(table_pdf)
    found = ruled.found(table_pdf)
    assert list(found) == [2]
    assert [list(row) for row in found[2][0].rows] == ROWS
    assert found == find_ruled_tables(table_pdf, [2], name="tabel.pdf", deadline=float("inf"), reference=True)


def test_a_page_without_enough_paths_is_not_looked_at_for_tables(table_pdf):
    ruled = one_pass(table_pdf)
    assert ruled.pages == [2]


def test_two_documents_read_one_after_the_other_keep_their_own_tables(table_pdf, kit, write_text):
    other = kit.draw_pdf([kit.ruled_table(72, 100, [100, 100], [["a", "1"], ["b", "2"]])])
    first = read_document(write_text(table_pdf, "satu.pdf"))
    second = read_document(write_text(other, "dua.pdf"))
    again = read_document(write_text(table_pdf, "satu-lagi.pdf"))
    assert [t.shape for t in second.tables] == [(2, 2)]
    assert first.tables == again.tables and first.text == again.text


def test_table_reading_stops_with_timeout_once_the_deadline_passes(table_pdf):
    ruled = RuledTables("tabel.pdf", deadline=float("-inf"))     # already past, for the tables only
    with PDFIUM_LOCK:
        document = open_pdf(table_pdf, "tabel.pdf", max_pages=10)
        try:
            with pytest.raises(errors.Timeout, match="Table reading stopped at page 2"):
                read_pages(document, "tabel.pdf", deadline=float("inf"), visit=ruled.visit)
        finally:
            document.close()
