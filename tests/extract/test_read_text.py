"""Text input (.txt/.md): same normalisation, line structure kept, tab tables as tables."""

from __future__ import annotations

import hashlib

from evidencekit.extract.read import document_id, prose, read_document, render_with_markers


def test_text_input_keeps_its_lines_and_normalises_characters(write_text):
    raw = "HASIL\r\nnilai Z sebesar \u22123,317\r\n\r\n\r\n\r\np\u00a0=\u00a00,001  \n"
    document = read_document(write_text(raw, "contoh.txt"))
    assert document.text == "HASIL\nnilai Z sebesar -3,317\n\np = 0,001"
    assert document.pages == ()
    assert document.media_type == "text/plain"


def test_document_id_source_and_sha256_come_from_the_file(write_text):
    raw = "METODE\nUji Wilcoxon dipakai.\n"
    path = write_text(raw, "012_contoh.md")
    document = read_document(path)
    assert document.id == document_id(path) == "012_contoh"
    assert document.source == str(path)
    assert document.sha256 == hashlib.sha256(raw.encode()).hexdigest()
    assert read_document(path, doc_id="lain").id == "lain"


def test_tab_separated_lines_become_a_table_with_cell_spans(write_text):
    raw = ("Tabel 1. Skor\nKelompok\tPre\tPost\nIntervensi\t10,5\t14,2\nKontrol\t10,1\t\n"
           "Teks sesudah tabel.\n")
    document = read_document(write_text(raw))
    (table,) = document.tables
    assert table.grid() == [["Kelompok", "Pre", "Post"], ["Intervensi", "10,5", "14,2"],
                            ["Kontrol", "10,1", ""]]
    assert table.page is None and table.ruled is False
    assert document.text[table.start:table.end] == "Kelompok | Pre | Post\nIntervensi | 10,5 | 14,2\nKontrol | 10,1 | "
    cell = table.rows[1][2]
    assert document.text[cell.start:cell.end] == "14,2"
    assert [t for _, t in prose(document)] == ["Tabel 1. Skor\n", "\nTeks sesudah tabel."]


def test_a_single_line_with_a_tab_is_prose(write_text):
    document = read_document(write_text("Nilai p\t= 0,04 pada uji t.\n"))
    assert document.tables == () and document.text == "Nilai p = 0,04 pada uji t."


def test_render_with_markers_marks_sections_and_tables(write_text):
    raw = "ABSTRAK\nRingkas.\nHASIL\nKelompok\tn\nA\t12\n"
    rendered = render_with_markers(read_document(write_text(raw)))
    assert rendered.split("\n")[:3] == ["=== [abstract] ABSTRAK ===", "ABSTRAK", "Ringkas."]
    assert "=== [results] HASIL ===\nHASIL\n=== [table 1: 2 rows x 2 columns] ===\nKelompok | n\nA | 12\n=== [end of table 1] ===" in rendered


def test_sections_of_a_text_input_give_spans_their_section(write_text):
    raw = "ABSTRAK\nRingkas.\nMETODE\nKami memakai uji t berpasangan.\nHASIL\nt(19) = 3,05; p = 0,006\n"
    document = read_document(write_text(raw))
    offset = document.text.index("t(19)")
    span = document.span(offset, offset + 11)
    assert (span.section, span.page, span.text) == ("results", None, "t(19) = 3,0")


def test_the_seed_texts_keep_one_seed_line_per_text_line(shared_dir):
    path = shared_dir / "seeds" / "000_00df2b57d7bbe1ef.txt"
    raw = path.read_text(encoding="utf-8")
    document = read_document(path)
    ours = [line for line in document.text.split("\n") if line]
    theirs = [" ".join(line.split()) for line in raw.split("\n") if line.strip()]
    assert len(ours) == len(theirs)


def test_a_markdown_table_becomes_a_table_without_its_rule_line(write_text):
    raw = "Tabel 3. Uji\n\n| Hari | Z | p |\n|---|:--:|---|\n| I | -3,317 | 0,001 |\n| II | -2,5 | 0,012 |\n\nSelesai.\n"
    document = read_document(write_text(raw, "tabel.md"))
    (table,) = document.tables
    assert table.grid() == [["Hari", "Z", "p"], ["I", "-3,317", "0,001"], ["II", "-2,5", "0,012"]]
    assert document.text.split("\n")[2:5] == ["Hari | Z | p", "I | -3,317 | 0,001", "II | -2,5 | 0,012"]
    assert document.media_type == "text/markdown"


def test_form_feeds_split_a_text_file_into_pages(write_text):
    document = read_document(write_text("Halaman satu.\n\fHalaman dua.\nMasih dua.\n\fTiga.\n"))
    assert [(p.number, document.text[p.start:p.end].strip()) for p in document.pages] == [
        (1, "Halaman satu."), (2, "Halaman dua.\nMasih dua."), (3, "Tiga.")]
    assert document.page_at(document.text.index("Masih")) == 2


def test_a_utf16_text_with_byte_order_mark_is_read(write_text):
    document = read_document(write_text("\ufeffHASIL\r\np = 0,02\r\n".encode("utf-16"), "utf16.txt"))
    assert document.text == "HASIL\np = 0,02"
