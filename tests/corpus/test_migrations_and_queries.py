"""Schema steps run once, in order; any words a reviewer types are a valid search."""

from __future__ import annotations

import sqlite3
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from evidencekit.corpus import queries, store


def test_a_new_schema_step_runs_once_when_an_older_corpus_is_opened(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    store.open_db(path).close()                         # a corpus at version 1
    calls = []

    def add_notes(db):
        calls.append(1)
        db.execute("ALTER TABLE documents ADD COLUMN reviewer_note TEXT")

    monkeypatch.setattr(store, "MIGRATIONS", store.MIGRATIONS + ((2, "reviewer notes", add_notes),))
    monkeypatch.setattr(store, "SCHEMA_VERSION", 2)
    db = store.open_db(path)
    db.close()
    db = store.open_db(path)
    assert calls == [1] and store.schema_version(db) == 2
    assert [r["name"] for r in db["schema_migrations"].rows] == ["initial schema", "reviewer notes"]
    assert "reviewer_note" in db["documents"].columns_dict


def test_a_failing_schema_step_leaves_the_corpus_at_its_old_version(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    store.open_db(path).close()

    def broken(db):
        db.execute("ALTER TABLE documents ADD COLUMN half_done TEXT")
        raise sqlite3.OperationalError("disk trouble")

    monkeypatch.setattr(store, "MIGRATIONS", store.MIGRATIONS + ((2, "broken", broken),))
    monkeypatch.setattr(store, "SCHEMA_VERSION", 2)
    try:
        store.open_db(path)
    except sqlite3.OperationalError:
        pass
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "half_done" not in [c[1] for c in conn.execute("PRAGMA table_info(documents)")]


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
