"""Fixtures of the corpus tests: a fresh corpus file, small synthetic folders, a content dump."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidencekit.corpus import store
from evidencekit.corpus.ingest import IngestOptions
from evidencekit.corpus.synthetic import write_corpus
from evidencekit.corpus.work import WorkSettings
from evidencekit.pipeline import Limits

HOSTILE_WORK = f"{Path(__file__).with_name('hostile_work.py')}:work"

#: Columns that differ between two ingests of the same files by design (row ids, times, runs).
VOLATILE = {"id", "document_id", "owner_id", "run_id", "seconds", "cpu_seconds", "ingested_at", "rowid"}
CONTENT_TABLES = ("documents", "texts", "pages", "sections", "records", "statistics",
                  "frequency_tables", "flags", "evidence")


@pytest.fixture
def db(tmp_path):
    database = store.open_db(tmp_path / "corpus.db")
    yield database
    database.close()


@pytest.fixture
def papers(tmp_path) -> Path:
    """Six small synthetic text papers of our own (no PDFs: fast)."""
    folder = tmp_path / "papers"
    write_corpus(folder, 6, pdf_fraction=0.0, seed=7)
    return folder


@pytest.fixture
def options():
    """Build IngestOptions with test-sized limits: options(workers=2, work=HOSTILE_WORK, …).

    ``until`` defaults to "read": the corpus's own behaviour does not depend on extraction, and
    reading is fast; tests of the whole pipeline pass until="check"."""
    def make(*, workers=1, engine="local", timeout=20.0, work=None, max_memory_mb=2048, until="read",
             **kw):
        settings = WorkSettings(limits=Limits(timeout_s=timeout), max_memory_mb=max_memory_mb,
                                until=until, **({"work": work} if work else {}))
        return IngestOptions(engine=engine, workers=workers, settings=settings, **kw)
    return make


@pytest.fixture
def hostile_work() -> str:
    return HOSTILE_WORK


def content(database) -> dict[str, list]:
    """Every content row of the corpus, keyed by document sha256, without volatile columns:
    two corpora with equal content give equal dumps whatever order files were stored in."""
    sha = {r["id"]: r["sha256"] for r in database.query("SELECT id, sha256 FROM documents")}
    dump = {}
    for table in CONTENT_TABLES:
        rows = []
        for row in database.query(f"SELECT * FROM {table}"):
            key = sha.get(row.get("document_id", row.get("id")))
            clean = {k: v for k, v in row.items() if k not in VOLATILE}
            rows.append(json.dumps([key, clean], sort_keys=True, ensure_ascii=False))
        dump[table] = sorted(rows)
    return dump


@pytest.fixture
def corpus_content():
    return content
