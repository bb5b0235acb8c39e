"""Schema steps run once, in order; any words a reviewer types are a valid search."""

from __future__ import annotations

import sqlite3
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from evidencekit.corpus import queries, store


def test_a_new_schema_step_runs_once_when_an_older_corpus_is_opened(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    store.open_db(path).close()                         # a corpus at today's version
    calls = []
    new = store.SCHEMA_VERSION + 1

    def add_notes(db):
        calls.append(1)
        db.execute("ALTER TABLE documents ADD COLUMN reviewer_note TEXT")

    monkeypatch.setattr(store, "MIGRATIONS", store.MIGRATIONS + ((new, "reviewer notes", add_notes),))
    monkeypatch.setattr(store, "SCHEMA_VERSION", new)
    db = store.open_db(path)
    db.close()
    db = store.open_db(path)
    assert calls == [1] and store.schema_version(db) == new
    assert [r["name"] for r in db["schema_migrations"].rows][-1] == "reviewer notes"
    assert "reviewer_note" in db["documents"].columns_dict


def test_a_failing_schema_step_leaves_the_corpus_at_its_old_version(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    store.open_db(path).close()
    old = store.SCHEMA_VERSION

    def broken(db):
        db.execute("ALTER TABLE documents ADD COLUMN half_done TEXT")
        raise sqlite3.OperationalError("disk trouble")

    monkeypatch.setattr(store, "MIGRATIONS", store.MIGRATIONS + ((store.SCHEMA_VERSION + 1, "broken", broken),))
    monkeypatch.setattr(store, "SCHEMA_VERSION", store.SCHEMA_VERSION + 1)
    try:
        store.open_db(path)
    except sqlite3.OperationalError:
        pass
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old
    assert "half_done" not in [c[1] for c in conn.execute("PRAGMA table_info(documents)")]


def test_a_version_1_corpus_gains_cpu_seconds_and_keeps_its_documents(tmp_path, monkeypatch, papers,
                                                                      options):
    from evidencekit.corpus.ingest import ingest

    path = tmp_path / "v1.db"
    with monkeypatch.context() as m:
        m.setattr(store, "MIGRATIONS", store.MIGRATIONS[:1])
        m.setattr(store, "SCHEMA_VERSION", 1)
        old = store.open_db(path)
        old.execute("INSERT INTO documents (sha256, doc_id, source, path, tool_version, ingested_at, "
                    "result_json) VALUES ('f' , 'old', 'old.txt', '/old.txt', '0.1', 't', '{}')")
        old.conn.commit()
        old.close()
    db = store.open_db(path)
    assert store.schema_version(db) == store.SCHEMA_VERSION >= 2
    assert "cpu_seconds" in db["documents"].columns_dict
    assert [r["doc_id"] for r in db.query("SELECT doc_id FROM documents")] == ["old"]
    assert ingest([papers], db, options()).n_ingested == 6
    assert db.execute("SELECT count(*) FROM documents WHERE cpu_seconds > 0").fetchone()[0] == 6


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_typed_words_are_a_valid_search_query_or_a_clear_error(text):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t VALUES ('pijat oksitosin AND (p < 0,05) \"kutip\" NEAR')")
    try:
        query = queries.fts_query(text)
    except store.CorpusError:
        # nothing to find: only blanks, quotes and control characters
        assert all(c == '"' or c.isspace() or unicodedata.category(c) == "Cc" for c in text)
        return
    conn.execute("SELECT * FROM t WHERE t MATCH ?", [query]).fetchall()


def test_typed_words_match_as_words_not_as_fts_operators():
    assert queries.fts_query('pijat AND "oksi') == '"pijat" "AND" "oksi"'
    assert queries.fts_query("oksito*") == '"oksito"*'
