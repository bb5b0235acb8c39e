"""The main job's plumbing that needs no extraction: finding papers, effects.csv, CLI help."""

import csv

import pytest
from typer.testing import CliRunner

from evidencekit.cli import app
from evidencekit.errors import FileNotFound
from evidencekit.reports.analysis import AnalysisReport
from evidencekit.review import NoPapers, ReviewSettings, find_papers, write_effects_csv


def test_a_folder_gives_its_pdfs_and_a_text_file_only_when_it_has_no_pdf_twin(tmp_path):
    for name in ("a.pdf", "a.txt", "b.txt", "README.md", ".hidden.pdf"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in find_papers([tmp_path])] == ["a.pdf", "b.txt"]


def test_a_missing_path_is_an_error_that_says_what_to_give(tmp_path):
    with pytest.raises(FileNotFound, match="no such file or folder"):
        find_papers([tmp_path / "nope"])
    with pytest.raises(NoPapers, match="no papers found"):
        find_papers([tmp_path])


def test_an_unknown_report_language_is_refused():
    with pytest.raises(ValueError, match="allowed: id, en"):
        ReviewSettings(lang="de")


def test_effects_csv_holds_the_pooled_numbers_and_their_provenance(tmp_path, pooled, effects, info):
    a = AnalysisReport("one-group", "t", pooled, effects=effects, info=info)
    rows = list(csv.DictReader(write_effects_csv([a], tmp_path / "effects.csv").open()))
    assert [r["study"] for r in rows] == list(pooled.studies)
    assert [float(r["weight_pct"]) for r in rows] == pytest.approx(list(pooled.weights))
    assert rows[0]["label"] == "Sari 2021" and rows[0]["assumed"] == '{"r_prepost": 0.5}'


@pytest.mark.parametrize("command", ["review", "demo"])
def test_review_commands_have_help_with_an_example(command):
    out = CliRunner().invoke(app, [command, "--help"])
    assert out.exit_code == 0 and "Example: evidencekit" in out.output
