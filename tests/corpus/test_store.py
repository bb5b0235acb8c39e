"""The corpus file: schema, migrations, one-transaction writes, search and loading results back."""

from __future__ import annotations

import sqlite3

import pytest

from evidencekit.corpus import queries, store
from evidencekit.model import (Descriptive, Document, DocumentResult, Flag, MainResult, Page,
                               PercentCount, Reported, Section, Statistic, StudyRecord)
from evidencekit.vocab import CheckId, Design, POperator, Sampling, Severity, StatKind, TestName

TEXT = ("Abstrak\nPijat punggung diberikan kepada 20 ibu nifas.\n"
        "Hasil\nRerata skor 7,25 (SD 1,10); uji t berpasangan t(19) = 3,05; p = 0,006.\n")


def make_result(sha: str = "a" * 64, source: str = "a.txt") -> DocumentResult:
    """A small result of our own with every kind of row: record, statistics, flag, evidence."""
    abstract_end = TEXT.index("Hasil")
    document = Document("a", source, sha, TEXT, pages=(Page(1, 0, len(TEXT)),),
                        sections=(Section("abstract", "Abstrak", 0, abstract_end),
                                  Section("results", "Hasil", abstract_end, len(TEXT))),
                        language="id")
    n_at = TEXT.index("20 ibu")
    t_at = TEXT.index("t(19)")
    t_span = document.span(t_at, t_at + len("t(19) = 3,05; p = 0,006"))
    mean_span = document.span(TEXT.index("Rerata"), TEXT.index("; uji"))
    record = StudyRecord(design=Design.ONE_GROUP_PRETEST_POSTTEST, n_total=20, sampling=Sampling.PURPOSIVE,
                         intervention="pijat punggung", tests=(TestName.PAIRED_T,),
                         main_result=MainResult(TestName.PAIRED_T, StatKind.T, 3.05, (19.0,), 0.006,
                                                POperator.EQ, True),
                         evidence={"n_total": (document.span(n_at, n_at + len("20 ibu nifas")),)})
    statistics = (
        Statistic(StatKind.T, Reported(3.05, 2, "3,05"), (19.0,), Reported(0.006, 3, "0,006"),
                  POperator.EQ, TestName.PAIRED_T, span=t_span),
        Descriptive(label="skor", n=20, mean=Reported(7.25, 2, "7,25"), sd=Reported(1.1, 2, "1,10"),
                    span=mean_span),
        PercentCount(5, Reported(25.0, 1, "25,0"), 20, "membaik"),
    )
    flag = Flag(CheckId.P_RECOMPUTE, Severity.WARNING, "t(19) = 3.05 gives p = 0.0065.",
                evidence=(t_span,), expected=0.0065, reported=0.006)
    return DocumentResult("a", source, sha, "id", record=record, statistics=statistics,
                          flags=(flag,), document=document)


def save(db, result, **kw):
    args = dict(sha256=result.sha256, path="/x/" + result.source, size_bytes=len(TEXT),
                tool_version="1.0") | kw
    return store.save_result(db, result, **args)


def test_a_new_corpus_records_its_schema_version_and_migration(db):
    assert store.schema_version(db) == store.SCHEMA_VERSION
    assert [r["version"] for r in db["schema_migrations"].rows] == list(range(1, store.SCHEMA_VERSION + 1))
    assert "cpu_seconds" in db["documents"].columns_dict
    assert {"documents", "statistics", "flags", "records", "effects", "analyses", "runs",
            "texts_fts", "evidence_fts"} <= set(db.table_names())


def test_opening_a_corpus_from_a_newer_evidencekit_says_to_upgrade(tmp_path):
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(store.CorpusError, match="upgrade evidencekit"):
        store.open_db(path)


def test_a_read_command_on_a_missing_corpus_says_how_to_create_one(tmp_path):
    with pytest.raises(store.CorpusError, match="corpus ingest"):
        store.open_db(tmp_path / "none.db", create=False)


def test_saved_result_fills_every_table_with_its_rows(db):
    save(db, make_result())
    counts = queries.count_rows(db)
    assert counts["documents"] == 1 and counts["texts"] == 1 and counts["pages"] == 1
    assert counts["sections"] == 2 and counts["records"] == 1 and counts["statistics"] == 3
    assert counts["flags"] == 1
    # evidence: the record's n_total span and the flag's span (statistics keep theirs in their row)
    assert counts["evidence"] == 2
    doc = next(db.query("SELECT * FROM documents"))
    assert (doc["design"], doc["n_total"], doc["n_statistics"], doc["n_flags"]) == (
        "one_group_pretest_posttest", 20, 3, 1)
    t = next(db.query("SELECT * FROM statistics WHERE kind = 't'"))
    assert (t["value"], t["df1"], t["p"], t["test"], t["section"]) == (3.05, 19.0, 0.006, "paired_t", "results")


def test_saving_the_same_content_again_replaces_its_rows(db):
    save(db, make_result())
    save(db, make_result())
    assert queries.count_rows(db)["documents"] == 1
    assert queries.count_rows(db)["statistics"] == 3
    assert db.execute("SELECT count(*) FROM evidence_fts").fetchone()[0] == 2


def test_the_search_indexes_match_their_tables_after_saves_replacements_and_deletes(db):
    # The writer adds a document's evidence to evidence_fts in one statement (schema step 3);
    # deletes and replacements are synced by triggers.
    save(db, make_result("a" * 64, "a.txt"))
    save(db, make_result("a" * 64, "a.txt"))
    save(db, make_result("b" * 64, "b.txt"))
    save(db, make_result("c" * 64, "c.txt"))
    db.execute("DELETE FROM documents WHERE sha256 = ?", ["b" * 64])
    for fts in ("texts_fts", "evidence_fts"):       # rank 1: compare with the content table too
        db.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)")
    assert len([h for h in queries.search(db, "20 ibu nifas") if h.where == "record"]) == 2


def test_new_content_at_the_same_path_replaces_the_old_document(db):
    save(db, make_result("a" * 64))
    save(db, make_result("b" * 64))
    assert [r["sha256"] for r in db.query("SELECT sha256 FROM documents")] == ["b" * 64]


def test_search_finds_words_in_text_and_in_evidence_with_snippets(db):
    save(db, make_result())
    hits = queries.search(db, "pijat punggung")
    assert {h.where for h in hits} == {"text"}
    assert queries.HIT_START + "Pijat" + queries.HIT_END in hits[0].snippet
    evidence_hits = queries.search(db, "0,006")
    assert {h.where for h in evidence_hits} == {"text", "flag"}
    assert {h.where for h in queries.search(db, "20 ibu nifas")} == {"text", "record"}
    assert queries.search(db, "oksitosin") == []


def test_search_treats_operators_and_quotes_as_plain_words(db):
    save(db, make_result())
    assert queries.search(db, 'ibu "nifas') != []          # a stray quote is no FTS5 syntax error
    assert queries.search(db, "ibu OR zzz") == []           # OR is a word here, not an operator
    assert queries.search(db, "nif*") != []                 # prefix search
    with pytest.raises(store.CorpusError, match="empty"):
        queries.search(db, "   ")


def test_load_results_gives_back_the_contract_json_and_the_document(db):
    original = make_result()
    save(db, original)
    [loaded] = queries.load_results(db)
    assert loaded.to_dict() == original.to_dict()
    assert loaded.document.text == TEXT
    assert loaded.document.sections == original.document.sections


def test_find_document_accepts_id_sha_prefix_stem_or_path(db):
    doc_id = save(db, make_result())
    for key in (str(doc_id), "a" * 12, "a", "/x/a.txt"):
        assert queries.find_document(db, key)["id"] == doc_id
    with pytest.raises(store.CorpusError, match="corpus list"):
        queries.find_document(db, "missing")


def test_flags_are_listed_with_their_document_and_filtered_by_severity(db):
    save(db, make_result())
    [flag] = queries.list_flags(db)
    assert (flag["check"], flag["severity"], flag["source"]) == ("p_recompute", "warning", "a.txt")
    assert queries.list_flags(db, severity="error") == []


def test_deleting_a_document_removes_its_rows_and_its_search_entries(db):
    save(db, make_result())
    db.execute("DELETE FROM documents")
    counts = queries.count_rows(db)
    assert sum(counts[t] for t in ("texts", "statistics", "flags", "evidence", "records")) == 0
    assert queries.search(db, "berpasangan") == []


def test_an_analysis_keeps_its_effects_linked_to_their_documents(db):
    doc_id = save(db, make_result())
    analysis_id = store.save_analysis(
        db, {"name": "pijat vs kontrol", "measure": "SMD", "method": "REML", "k": 1, "estimate": 0.4,
             "tau2": 0.0},
        [{"document_id": doc_id, "study": "a", "measure": "SMD", "yi": 0.4, "vi": 0.05,
          "assumed": {"r_prepost": 0.5}, "note": "from t"}], tool_version="1.0")
    effect = next(db.query("SELECT * FROM effects"))
    assert (effect["analysis_id"], effect["document_id"], effect["yi"]) == (analysis_id, doc_id, 0.4)
    assert '"r_prepost": 0.5' in effect["assumed"] and '"note": "from t"' in effect["details"]
    db.execute("DELETE FROM documents")
    assert next(db.query("SELECT document_id FROM effects"))["document_id"] is None


def test_load_results_from_a_path_is_the_front_door_for_reports(tmp_path):
    from evidencekit.corpus import load_results

    path = tmp_path / "front.db"
    database = store.open_db(path)
    save(database, make_result())
    database.close()
    [loaded] = load_results(path, include_failed=False)
    assert loaded.record.n_total == 20 and loaded.flags[0].check is CheckId.P_RECOMPUTE
    with pytest.raises(store.CorpusError):
        load_results(tmp_path / "missing.db")


def test_a_meta_result_fills_the_analysis_columns_and_the_study_weights(db):
    import numpy as np

    from evidencekit.meta import pool
    from evidencekit.meta.results import Effect

    effects = [Effect(0.5, 0.04, "SMD", study="s1"), Effect(0.8, 0.09, "SMD", study="s2"),
               Effect(0.2, 0.05, "SMD", study="s3")]
    fit = pool(effects, method="REML")
    analysis_id = store.save_analysis(db, fit.to_dict() | {"title": "pijat vs kontrol"},
                                      [e.to_dict() for e in effects], tool_version="1.0")
    row = next(db.query("SELECT * FROM analyses"))
    assert row["name"] == "pijat vs kontrol" and row["k"] == 3 and row["method"] == "REML"
    assert (row["estimate"], row["ci_low"], row["ci_high"], row["p"]) == pytest.approx(
        (fit.estimate, fit.ci_lower, fit.ci_upper, fit.pval))
    assert row["i2"] == pytest.approx(fit.heterogeneity.I2) and row["q"] == pytest.approx(fit.heterogeneity.Q)
    weights = dict(db.execute("SELECT study, weight FROM effects WHERE analysis_id = ?", [analysis_id]))
    assert weights == pytest.approx(dict(zip(fit.studies, np.asarray(fit.weights, dtype=float))))
    se = next(db.query("SELECT se FROM effects WHERE study = 's2'"))["se"]
    assert se == pytest.approx(0.3)


def test_a_second_ingest_into_a_corpus_being_written_is_refused(db):
    import subprocess
    import sys

    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        db.execute("INSERT INTO runs (started_at, status, tool_version, pid) VALUES ('t', 'running', '1', ?)",
                   [other.pid])
        db.conn.commit()
        with pytest.raises(store.CorpusError, match="another ingest"):
            store.start_run(db, tool_version="1", engine="local", workers=1, options={}, paths=[])
    finally:
        other.kill()
        other.wait()
    run_id = store.start_run(db, tool_version="1", engine="local", workers=1, options={}, paths=[])
    statuses = dict(db.execute("SELECT id, status FROM runs"))
    assert statuses == {1: "interrupted", run_id: "running"}


def test_the_streamed_contract_json_equals_the_contract_of_the_loaded_results(db):
    import io
    import json

    from evidencekit.model import results_to_dict

    empty = io.StringIO()
    assert queries.write_contract_json(db, empty, version="9.9") == 0
    assert json.loads(empty.getvalue())["documents"] == []
    save(db, make_result("a" * 64, "a.txt"))
    save(db, make_result("b" * 64, "b.txt"))
    out = io.StringIO()
    assert queries.write_contract_json(db, out, version="9.9") == 2
    assert json.loads(out.getvalue()) == results_to_dict(queries.load_results(db), "9.9")
