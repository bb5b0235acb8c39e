"""Reading order, paragraphs, hyphenation and running heads on small PDFs drawn here."""

from __future__ import annotations

import pytest

from evidencekit.extract.read import read_document

LEFT = ["Kolom kiri baris satu berisi teks", "kolom kiri baris dua juga teks",
        "kolom kiri baris tiga selesai di", "kolom kiri baris empat penutup"]
RIGHT = ["kolom kanan baris satu lanjutan", "kolom kanan baris dua juga teks",
         "kolom kanan baris tiga lagi ada", "kolom kanan baris empat akhir."]


def test_two_columns_are_read_left_then_right(write_pdf, kit):
    page = kit.PageSpec(kit.lines_at(57, 100, LEFT) + kit.lines_at(310, 100, RIGHT))
    document = read_document(write_pdf([page]))
    text = document.text
    assert text.index("kiri baris empat") < text.index("kanan baris satu")
    assert document.pages[0].columns == 2


def test_a_full_width_title_and_abstract_stay_above_the_columns(write_pdf, kit):
    band = kit.lines_at(57, 60, ["JUDUL PENELITIAN CONTOH YANG MEMBENTANG SELURUH LEBAR HALAMAN",
                                 "Abstrak ini juga memakai lebar penuh halaman dan ditulis di atas kolom"])
    page = kit.PageSpec(band + kit.lines_at(57, 140, LEFT) + kit.lines_at(310, 140, RIGHT))
    text = read_document(write_pdf([page])).text
    assert text.index("JUDUL") < text.index("Abstrak ini") < text.index("Kolom kiri")
    assert text.index("kiri baris empat") < text.index("kanan baris satu")


def test_a_narrow_box_beside_the_abstract_is_read_box_first(write_pdf, kit):
    box = kit.lines_at(60, 100, ["Info Artikel", "Diterima 2 Mei", "Kata kunci:", "pijat, ASI"])
    abstract = kit.lines_at(200, 100, ["Abstract", "This trial gave a back massage to",
                                       "twenty mothers and measured milk", "volume on day three.",
                                       "The volume rose in most mothers."])
    body = kit.lines_at(57, 200, LEFT) + kit.lines_at(310, 200, RIGHT)
    text = read_document(write_pdf([kit.PageSpec(box + abstract + body)])).text
    assert text.index("pijat, ASI") < text.index("This trial") < text.index("Kolom kiri")


def test_lines_of_a_paragraph_are_joined_and_hyphenated_breaks_mended(write_pdf, kit):
    lines = ["Penelitian ini memakai desain ekspe-", "rimen semu dengan nilai p va-",
             "lue sebesar 0,03 pada hari ke-", "3 setelah pijat pre-test selesai."]
    text = read_document(write_pdf([kit.PageSpec(kit.lines_at(72, 100, lines))])).text
    assert "desain eksperimen semu" in text
    assert "nilai p value sebesar 0,03" in text
    assert "hari ke-3 setelah" in text                 # a digit after the hyphen keeps it
    assert "\n" not in text


def test_a_hyphen_the_paper_itself_uses_is_kept_at_a_line_break(write_pdf, kit):
    lines = ["Skor pre-test dan skor post-test dihitung, lalu skor pre-",
             "test dibandingkan dengan uji Wilcoxon di akhir studi."]
    text = read_document(write_pdf([kit.PageSpec(kit.lines_at(72, 100, lines))])).text
    assert "skor pre-test dibandingkan" in text


def test_a_wider_gap_or_an_indent_starts_a_new_paragraph(write_pdf, kit):
    first = kit.lines_at(72, 100, ["Paragraf pertama berisi dua baris teks", "yang berakhir di sini."])
    second = kit.lines_at(90, 150, ["Paragraf kedua dimulai dengan indentasi", "dan berlanjut di baris ini."])
    text = read_document(write_pdf([kit.PageSpec(first + second)])).text
    assert text.split("\n") == ["Paragraf pertama berisi dua baris teks yang berakhir di sini.",
                                "Paragraf kedua dimulai dengan indentasi dan berlanjut di baris ini."]


def test_running_heads_and_page_numbers_are_removed_and_give_page_labels(write_pdf, kit):
    pages = []
    for i in range(3):
        texts = [kit.Text(57, 20, f"Jurnal Contoh Kebidanan Vol 4 No {i + 1} Tahun 2024", 8),
                 kit.Text(290, 815, str(41 + i), 9)]
        texts += kit.lines_at(57, 100, [f"Isi halaman {i + 1} berisi kalimat biasa saja."])
        pages.append(kit.PageSpec(texts))
    document = read_document(write_pdf(pages))
    assert "Jurnal Contoh" not in document.text
    assert [p.label for p in document.pages] == ["41", "42", "43"]
    assert [document.page_at(document.text.index(f"halaman {i}")) for i in (1, 2, 3)] == [1, 2, 3]
    assert document.furniture == ("Jurnal Contoh Kebidanan Vol 4 No 1 Tahun 2024",)   # once, no numbers


def test_pdf_characters_are_normalised(write_pdf, kit):
    line = "nilai Z sebesar \u22123,317 pada hari 15\u201325 dengan \ufb01ksasi\u00a0penuh"
    text = read_document(write_pdf([kit.PageSpec([kit.Text(57, 100, line)])])).text
    assert text == "nilai Z sebesar -3,317 pada hari 15-25 dengan fiksasi penuh"


def test_a_paragraph_running_over_a_page_break_is_joined(write_pdf, kit):
    one = kit.PageSpec(kit.lines_at(57, 700, ["Kalimat ini dimulai di halaman pertama dan"]))
    two = kit.PageSpec(kit.lines_at(57, 100, ["berakhir di halaman kedua dengan titik."]))
    document = read_document(write_pdf([one, two]))
    assert document.text == "Kalimat ini dimulai di halaman pertama dan berakhir di halaman kedua dengan titik."
    assert document.page_at(document.text.index("berakhir")) == 2
    assert document.page_at(0) == 1


def test_columns_written_line_by_line_on_shared_baselines_are_still_read_column_by_column(write_pdf, kit):
    """Some producers write left line 1, right line 1, left line 2, ...; pdfium then joins each
    pair into one line across a narrow gutter. The reader cuts them apart again."""
    texts = []
    for i, (left, right) in enumerate(zip(LEFT, RIGHT)):
        texts += [kit.Text(57, 100 + 13 * i, left), kit.Text(235, 100 + 13 * i, right)]
    text = read_document(write_pdf([kit.PageSpec(texts)])).text
    assert text.index("kiri baris empat") < text.index("kanan baris satu")


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_rotated_landscape_page_is_read_as_displayed(tmp_path, rotation):
    """A page turned by /Rotate whose content is drawn turned back, so it reads upright."""
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    c.setPageRotation(rotation)
    c.saveState()
    c.translate(*{90: (595, 0), 180: (595, 842), 270: (0, 842)}[rotation])
    c.rotate(rotation)
    c.setFont("Helvetica", 10)
    lines = ["Judul tabel lanskap di atas.", "Kelompok pertama 12 orang", "Kelompok kedua 14 orang"]
    for i, line in enumerate(lines):
        c.drawString(72, (595 if rotation != 180 else 842) - 72 - 20 * i, line)
    c.restoreState()
    c.showPage()
    c.save()
    path = tmp_path / "lanskap.pdf"
    path.write_bytes(buffer.getvalue())
    document = read_document(path)
    text = document.text
    assert text.index("Judul") < text.index("pertama") < text.index("kedua")
    assert document.pages[0].columns == 1
    import pypdfium2

    from evidencekit.extract.pdf import read_page

    pdf = pypdfium2.PdfDocument(path)
    page = read_page(pdf[0], 1)
    pdf.close()
    assert (page.width, page.height) == ((842, 595) if rotation != 180 else (595, 842))
    assert all(line.x1 - line.x0 > 5 * line.height for line in page.lines)     # lines run across
    assert [round(line.x0) for line in page.lines] == [72, 72, 72]


def test_a_heading_set_on_two_lines_is_one_heading(write_pdf, kit):
    lines = kit.lines_at(57, 100, ["Paragraf terakhir metode berakhir", "tanpa titik di ujung", "HASIL DAN",
                                   "PEMBAHASAN", "Rerata naik 3 ml setelah pijat."])
    document = read_document(write_pdf([kit.PageSpec(lines)]))
    assert "HASIL DAN PEMBAHASAN" in document.text.split("\n")
    assert [s.name for s in document.sections][-1] == "results"


def test_a_sentence_running_from_a_full_column_line_into_the_next_column_is_one_paragraph(write_pdf, kit):
    left = ["Baris pertama kolom kiri penuh sampai", "ke tepi kanan kolom dan berlanjut lagi",
            "dengan kalimat yang belum juga selesai", "hingga baris terakhir yang tetap penuh"]
    right = ["Jakarta sebagai nama kota di awal kolom", "kanan menutup kalimat itu di sini saja.",
             "Kalimat baru dimulai pada baris ketiga", "dan ditutup pada baris keempat ini."]
    page = kit.PageSpec(kit.lines_at(57, 100, left) + kit.lines_at(310, 100, right))
    text = read_document(write_pdf([page])).text
    assert "tetap penuh Jakarta sebagai" in text


def test_a_lone_line_at_a_page_top_takes_no_sentence_over(write_pdf, kit):
    one = kit.PageSpec(kit.lines_at(57, 600, ["Kalimat panjang ini berlanjut ke halaman dua dan",
                                              "masih belum selesai di akhir halaman pertama ini",
                                              "karena kalimatnya memang sangat panjang sekali",
                                              "sampai baris keempat yang penuh hingga ke tepi"]))
    two = kit.PageSpec([kit.Text(57, 30, "Nama Penulis dkk. Judul Singkat Artikel")] + kit.lines_at(
        57, 80, ["lalu selesai di halaman kedua dengan titik.", "Kalimat lain menyusul di sini.",
                 "Dan satu lagi untuk melengkapi.", "Serta penutup paragraf ini."]))
    text = read_document(write_pdf([one, two])).text
    assert "\nNama Penulis dkk. Judul Singkat Artikel\n" in text
