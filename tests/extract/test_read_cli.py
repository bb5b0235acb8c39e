"""`evidencekit text FILE` and `evidencekit extract bad.pdf` through Typer's CliRunner."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from evidencekit.cli import app

runner = CliRunner()


def test_text_prints_the_normalised_text_with_section_markers(write_text):
    path = write_text("ABSTRAK\nRingkas.\nHASIL\nnilai p\u00a0= 0,03\n", "kecil.txt")
    result = runner.invoke(app, ["text", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.split("\n")[:5] == ["=== [abstract] ABSTRAK ===", "ABSTRAK", "Ringkas.",
                                             "=== [results] HASIL ===", "HASIL"]
    assert "nilai p = 0,03" in result.stdout


def test_text_without_markers_prints_exactly_the_text_offsets_index(write_pdf, kit):
    page = kit.PageSpec(kit.lines_at(72, 100, ["METODE", "Uji Wilcoxon dipakai pada 24 ibu."]))
    result = runner.invoke(app, ["text", "--no-markers", str(write_pdf([page]))])
    assert result.exit_code == 0, result.output
    assert result.stdout == "METODE\nUji Wilcoxon dipakai pada 24 ibu."


def test_text_on_a_bad_file_exits_non_zero_with_the_reason(write_text):
    result = runner.invoke(app, ["text", str(write_text(b"\x00\x01biner", "biner.txt"))])
    assert result.exit_code == 1
    assert "NUL bytes" in result.output and "nul_bytes" in result.output


def test_extract_on_one_bad_pdf_exits_non_zero_with_its_message_and_error_entry(write_text):
    path = write_text("ini teks, bukan PDF\n", "palsu.pdf")
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 1
    assert "does not start with a PDF header" in result.stderr
    document = json.loads(result.stdout)["documents"][0]
    assert document["error"]["code"] == "not_pdf"
    assert document["id"] == "palsu"
