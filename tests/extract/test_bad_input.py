"""Every kind of bad input gets its own error class, code and a message that says what to do."""

from __future__ import annotations

import hashlib

import pytest

from evidencekit import errors
from evidencekit.extract import pdf as pdf_module
from evidencekit.extract.read import read_document
from evidencekit.pipeline import Limits, process


@pytest.fixture
def one_page(kit):
    return [kit.PageSpec([kit.Text(72, 72, "Hasil uji t berpasangan menunjukkan p = 0,004.")])]


def test_a_good_pdf_made_here_reads(write_pdf, one_page):
    document = read_document(write_pdf(one_page))
    assert "p = 0,004" in document.text


def test_an_empty_pdf_file_is_refused_as_empty(write_text):
    with pytest.raises(errors.EmptyDocument, match="empty"):
        read_document(write_text(b"", "kosong.pdf"))


def test_an_empty_text_file_is_refused_as_empty(write_text):
    with pytest.raises(errors.EmptyDocument, match="empty"):
        read_document(write_text("  \n\n ", "kosong.txt"))


def test_a_text_file_named_pdf_is_refused_as_not_a_pdf(write_text):
    with pytest.raises(errors.NotAPdf, match="rename a text file to .txt"):
        read_document(write_text("Ini bukan PDF, hanya teks biasa.\n", "palsu.pdf"))


def test_a_corrupt_pdf_is_refused_as_unreadable(write_text):
    garbage = b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n"
    with pytest.raises(errors.UnreadablePdf, match="damaged") as info:
        read_document(write_text(garbage, "rusak.pdf"))
    assert info.value.code == "unreadable_pdf"


def test_a_truncated_pdf_is_refused_as_truncated(write_text, kit, one_page):
    data = kit.draw_pdf(one_page * 3)
    with pytest.raises(errors.TruncatedPdf, match="download or copy") as info:
        read_document(write_text(data[: len(data) // 2], "terpotong.pdf"))
    assert info.value.code == "truncated_pdf"


def test_an_encrypted_pdf_is_refused_with_how_to_decrypt(write_pdf, one_page):
    path = write_pdf(one_page, "terkunci.pdf", encrypt="rahasia")
    with pytest.raises(errors.EncryptedPdf, match="qpdf --decrypt"):
        read_document(path)


def test_a_pdf_without_a_text_layer_asks_for_ocr(write_text):
    from reportlab.pdfgen import canvas
    import io

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.rect(100, 100, 300, 400, fill=1)       # a "scanned" page: marks, no text
    c.showPage()
    c.save()
    with pytest.raises(errors.NoTextLayer, match="ocrmypdf"):
        read_document(write_text(buffer.getvalue(), "pindaian.pdf"))


def test_a_1000_page_pdf_is_refused_before_any_page_is_read(write_text, monkeypatch, kit):
    data = kit.draw_pdf([kit.PageSpec([kit.Text(72, 72, f"halaman {i}")]) for i in range(1000)])
    path = write_text(data, "tebal.pdf")
    read = []
    monkeypatch.setattr(pdf_module, "read_page", lambda *a, **k: read.append(1))
    with pytest.raises(errors.TooManyPages, match="1000 pages, more than the limit of 300"):
        read_document(path, limits=Limits(max_pages=300))
    assert read == []


def test_a_pdf_that_runs_out_of_time_stops_with_timeout(write_pdf, one_page):
    path = write_pdf(one_page * 2)
    with pytest.raises(errors.Timeout, match="--timeout"):
        read_document(path, limits=Limits(timeout_s=1e-9))


def test_a_latin1_text_file_is_refused_with_a_conversion_hint(write_text):
    path = write_text("Ibu menyusui di caf\u00e9 minum 2 gelas air.\n".encode("latin-1"), "lama.txt")
    with pytest.raises(errors.NotUtf8Text, match="iconv -f latin1 -t utf-8") as info:
        read_document(path)
    assert info.value.code == "not_utf8"


def test_a_text_file_with_nul_bytes_is_refused(write_text):
    path = write_text(b"nilai p = 0,03\x00\x00 lanjut\n", "nul.txt")
    with pytest.raises(errors.NulBytes, match="NUL bytes") as info:
        read_document(path)
    assert info.value.code == "nul_bytes"


def test_a_binary_file_named_txt_is_refused_as_binary(write_text):
    noise = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + bytes([1, 2, 3, 0xFF, 0xFE, 7]) * 50
    with pytest.raises(errors.BinaryText):
        read_document(write_text(noise, "gambar.txt"))


def test_an_unknown_extension_is_refused_as_unsupported(write_text):
    with pytest.raises(errors.UnsupportedFormat, match=r"\.docx"):
        read_document(write_text("teks", "naskah.docx"))


def test_a_missing_file_is_refused_as_not_found(tmp_path):
    with pytest.raises(errors.FileNotFound):
        read_document(tmp_path / "tidak_ada.pdf")


def test_a_failed_read_becomes_a_result_with_error_code_and_sha256(write_text):
    path = write_text(b"bukan pdf", "palsu.pdf")
    result = process(path, until="read")
    assert result.error is not None and result.error.code == "not_pdf"
    assert result.sha256 == hashlib.sha256(b"bukan pdf").hexdigest()


def test_a_file_over_the_byte_limit_is_refused_before_it_is_read(write_text):
    path = write_text("x" * 5000, "besar.txt")
    with pytest.raises(errors.FileTooLarge, match="5000 bytes, more than the limit of 4096"):
        read_document(path, limits=Limits(max_bytes=4096))


def test_a_pdf_named_txt_is_read_as_a_pdf(write_text, kit, one_page):
    document = read_document(write_text(kit.draw_pdf(one_page), "salah_nama.txt"))
    assert document.media_type == "application/pdf" and "p = 0,004" in document.text
