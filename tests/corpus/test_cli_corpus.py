"""``evidencekit corpus …`` commands: a thin face over the corpus library."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from evidencekit.cli import app

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, ["corpus", *map(str, args)], catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path, papers):
    db = tmp_path / "cli.db"
    # --until read: the corpus commands are tested here, not extraction (tested with the pipeline)
    result = invoke("ingest", papers, "--db", db, "--workers", 1, "--quiet", "--until", "read")
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """(corpus, papers): six papers through the whole pipeline, for the extraction table."""
    from evidencekit.corpus.synthetic import write_corpus

    root = tmp_path_factory.mktemp("checked")
    papers = root / "papers"
    write_corpus(papers, 6, pdf_fraction=0.0, seed=7)
    db = root / "checked.db"
    result = invoke("ingest", papers, "--db", db, "--workers", 2, "--quiet")
    assert result.exit_code == 0, result.output
    return db, papers


def test_ingest_reports_what_it_did_and_a_second_run_skips_everything(corpus, papers):
    again = invoke("ingest", papers, "--db", corpus, "--quiet", "--until", "read")
    assert again.exit_code == 0
    assert "0 ingested, 0 failed, 6 skipped" in " ".join(again.output.split())


def test_ingest_of_a_missing_folder_says_so(tmp_path):
    result = invoke("ingest", tmp_path / "nowhere", "--db", tmp_path / "x.db", "--quiet")
    assert result.exit_code == 1 and "no such file or folder" in " ".join(result.output.split())
    assert not (tmp_path / "x.db").exists()


def test_search_prints_matching_documents_with_snippets(corpus):
    result = invoke("search", "ibu", "--db", corpus, "--json")
    hits = json.loads(result.output)
    assert hits and all("ibu" in h["snippet"].lower() for h in hits)
    assert {"document_id", "source", "where", "snippet"} <= set(hits[0])


def test_list_shows_one_row_per_document(corpus):
    rows = json.loads(invoke("list", "--db", corpus, "--json").output)
    assert len(rows) == 6 and all(r["error_code"] is None for r in rows)


def test_show_prints_the_contract_json_of_one_document(corpus):
    first = json.loads(invoke("list", "--db", corpus, "--json").output)[0]
    shown = json.loads(invoke("show", first["id"], "--db", corpus).output)
    assert shown["id"] == first["doc_id"] and shown["error"] is None


def test_show_of_an_unknown_document_points_to_corpus_list(corpus):
    result = invoke("show", "nothing_like_this", "--db", corpus)
    assert result.exit_code == 1 and "corpus list" in " ".join(result.output.split())


def test_export_json_is_the_contract_object_of_every_document(corpus, tmp_path):
    out = tmp_path / "all.json"
    assert invoke("export", "--db", corpus, "--format", "json", "-o", out).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["contract"] == 1 and len(data["documents"]) == 6


def test_flags_lists_nothing_for_a_corpus_read_without_checks(corpus):
    assert json.loads(invoke("flags", "--db", corpus, "--json").output) == []


def test_read_commands_on_a_missing_corpus_say_how_to_create_it(tmp_path):
    result = invoke("list", "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and "corpus ingest" in " ".join(result.output.split())


def test_every_corpus_command_has_help_with_an_example():
    from evidencekit.cli.corpus import corpus_app

    for command in corpus_app.registered_commands:
        assert "Example: evidencekit corpus" in (command.callback.__doc__ or ""), command.name


def test_export_csv_gives_the_same_extraction_table_as_extract_on_the_files(checked, tmp_path):
    checked_corpus, papers = checked
    import csv

    def rows(path):
        table = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
        return sorted(({k: v for k, v in r.items() if k != "No."} for r in table),
                      key=lambda r: r["source"])

    from_corpus, direct = tmp_path / "corpus.csv", tmp_path / "direct.csv"
    assert invoke("export", "--db", checked_corpus, "--format", "csv", "-o", from_corpus).exit_code == 0
    files = [str(p) for p in sorted(papers.glob("*.txt"))]
    assert runner.invoke(app, ["extract", *files, "--format", "csv", "-o", str(direct)]).exit_code == 0
    assert len(rows(from_corpus)) == 6
    assert rows(from_corpus) == rows(direct)


def test_export_xlsx_writes_a_workbook_and_refuses_stdout(checked, tmp_path):
    checked_corpus, _ = checked
    from openpyxl import load_workbook

    out = tmp_path / "table.xlsx"
    assert invoke("export", "--db", checked_corpus, "--format", "xlsx", "-o", out).exit_code == 0
    assert load_workbook(out).active.max_row >= 7          # header (+ notes) + six papers
    refused = invoke("export", "--db", checked_corpus, "--format", "xlsx")
    assert refused.exit_code != 0 and "--output" in " ".join(refused.output.split())
