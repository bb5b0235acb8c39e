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
