"""An interrupted ingest (SIGKILL, Ctrl-C) keeps what it stored; running it again completes the corpus."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from evidencekit.corpus import store
from evidencekit.corpus.ingest import ingest
from evidencekit.corpus.synthetic import write_corpus

N_FILES = 16

#: The ingest the subprocess runs: our library call with "slow" files (0.1 s each, one worker).
SCRIPT = """
import sys
from evidencekit.corpus import store
from evidencekit.corpus.ingest import IngestOptions, ingest
from evidencekit.corpus.work import WorkSettings
db = store.open_db(sys.argv[1])
ingest([sys.argv[2]], db, IngestOptions(workers=1, settings=WorkSettings(until="read", work=sys.argv[3])))
"""


@pytest.fixture
def slow_papers(tmp_path):
    folder = tmp_path / "slow"
    for path in write_corpus(folder, N_FILES, pdf_fraction=0.0, seed=11):
        path.rename(path.with_name("slow_" + path.name))
    return folder


def start_ingest(db_path, folder, work):
    return subprocess.Popen([sys.executable, "-c", SCRIPT, str(db_path), str(folder), work],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def stored_count(db_path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:         # not created yet
        return 0


def wait_for(db_path, proc, at_least: int, timeout: float = 60.0) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        count = stored_count(db_path)
        if count >= at_least:
            return count
        assert proc.poll() is None, proc.stderr.read().decode()
        time.sleep(0.02)
    raise AssertionError(f"fewer than {at_least} documents after {timeout} s")


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT], ids=["sigkill", "ctrl_c"])
def test_an_ingest_killed_midway_resumes_to_the_complete_corpus(tmp_path, slow_papers, options,
                                                                hostile_work, corpus_content, how):
    db_path = tmp_path / "killed.db"
    proc = start_ingest(db_path, slow_papers, hostile_work)
    wait_for(db_path, proc, at_least=4)
    proc.send_signal(how)
    proc.wait(timeout=30)
    kept = stored_count(db_path)
    assert 4 <= kept < N_FILES, "the kill should land midway"

    db = store.open_db(db_path)
    resumed = ingest([slow_papers], db, options(workers=2, work=hostile_work))
    assert resumed.n_skipped == kept and resumed.n_ingested == N_FILES - kept
    statuses = [r["status"] for r in db.query("SELECT status FROM runs ORDER BY id")]
    assert statuses == ["interrupted", "completed"]

    clean = store.open_db(tmp_path / "clean.db")
    ingest([slow_papers], clean, options(workers=2, work=hostile_work))
    assert corpus_content(db) == corpus_content(clean)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
