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


def test_without_chromium_the_review_still_writes_the_report_and_says_why_figures_are_missing(
        tmp_path, monkeypatch, flagged_result, pooled, effects, info):
    from evidencekit.reports import figures
    from evidencekit.review import write_review

    monkeypatch.setattr(figures, "find_chromium", lambda: None)
    a = AnalysisReport("one-group", "Produksi ASI", pooled, effects=effects, info=info)
    out = write_review([flagged_result], [a], tmp_path)
    html = out.index.read_text(encoding="utf-8")
    assert "Static image export failed" in html and "apt-get install chromium" in html
    assert any("apt-get install chromium" in p for p in out.problems)
    assert not (tmp_path / "forest.svg").exists()
    for name in ("results.json", "studies.csv", "studies.xlsx", "effects.csv"):
        assert (tmp_path / name).is_file()


def test_a_review_with_a_database_stores_documents_and_analyses(tmp_path, flagged_result, pooled, effects, info):
    import sqlite_utils

    from evidencekit.review import write_review

    a = AnalysisReport("one-group", "Produksi ASI", pooled, effects=effects, info=info)
    settings = ReviewSettings(db=tmp_path / "corpus.db", static_figures=False)
    write_review([flagged_result], [a], tmp_path / "out", settings)
    db = sqlite_utils.Database(tmp_path / "corpus.db")
    assert (db["documents"].count, db["flags"].count, db["analyses"].count, db["effects"].count) == (1, 3, 1, 5)
