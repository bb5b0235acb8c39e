"""Each file runs isolated: a crash, a hang, a memory hog or a bug in one file fails that file only."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from evidencekit.corpus.engines.local import LocalEngine
from evidencekit.corpus.ingest import ingest
from evidencekit.corpus.work import Task, WorkSettings
from evidencekit.pipeline import Limits


def add_hostile(folder, *names):
    for name in names:
        (folder / name).write_text("Abstrak. Berkas uji buatan kami sendiri.\n", encoding="utf-8")


def errors_by_file(db):
    return {r["source"].rsplit("/", 1)[1]: r["error_code"]
            for r in db.query("SELECT source, error_code FROM documents")}


def test_a_worker_that_crashes_is_recorded_and_the_batch_goes_on(papers, db, options, hostile_work):
    add_hostile(papers, "crash_me.txt")
    summary = ingest([papers], db, options(workers=2, work=hostile_work))
    errors = errors_by_file(db)
    assert errors.pop("crash_me.txt") == "worker_crashed"
    assert len(errors) == 6 and set(errors.values()) == {None}
    assert (summary.n_ingested, summary.n_failed) == (7, 1)
    message = next(db.query("SELECT error_message FROM documents WHERE error_code IS NOT NULL"))
    assert "SIGSEGV" in message["error_message"]


def test_a_file_that_hangs_is_stopped_at_the_deadline(papers, db, options, hostile_work):
    add_hostile(papers, "hang_forever.txt")
    started = time.monotonic()
    ingest([papers], db, options(workers=2, work=hostile_work, timeout=0.5))
    assert time.monotonic() - started < 15
    errors = errors_by_file(db)
    assert errors.pop("hang_forever.txt") == "timeout"
    assert set(errors.values()) == {None}


def test_a_file_that_exhausts_memory_is_a_memory_limit_error(papers, db, options, hostile_work):
    add_hostile(papers, "hog_memory.txt")
    ingest([papers], db, options(workers=1, work=hostile_work, max_memory_mb=1024))
    errors = errors_by_file(db)
    assert errors.pop("hog_memory.txt") in ("memory_limit", "worker_crashed")
    assert set(errors.values()) == {None}


def test_an_unexpected_exception_is_an_internal_error_row_naming_where(papers, db, options, hostile_work):
    add_hostile(papers, "bug_inside.txt")
    ingest([papers], db, options(work=hostile_work))
    row = next(db.query("SELECT error_code, error_message FROM documents WHERE error_code IS NOT NULL"))
    assert row["error_code"] == "internal_error"
    assert "KeyError" in row["error_message"] and "hostile_work.py:" in row["error_message"]


def test_the_local_engine_recycles_workers_and_still_returns_every_file(papers, hostile_work):
    files = sorted(papers.glob("*.txt"))
    tasks = [Task(i, str(p), str(p), f"{i:064d}", p.stat().st_size) for i, p in enumerate(files)]
    engine = LocalEngine(workers=2, max_tasks_per_worker=1)
    outcomes = list(engine.run(tasks, WorkSettings(limits=Limits(timeout_s=20), until="read")))
    assert sorted(o.task.index for o in outcomes) == list(range(len(files)))
    assert all(o.error_code is None and o.rows.text for o in outcomes)


def test_workers_that_cannot_start_stop_the_batch_with_advice_not_error_rows(tmp_path, papers):
    script = tmp_path / "unguarded.py"       # calls ingest() at import time, without a main guard
    script.write_text(
        "from evidencekit.corpus import store\n"
        "from evidencekit.corpus.ingest import IngestOptions, ingest\n"
        "from evidencekit.corpus.work import WorkSettings\n"
        f"db = store.open_db({str(tmp_path / 'u.db')!r})\n"
        f"ingest([{str(papers)!r}], db, IngestOptions(settings=WorkSettings(until='read')))\n")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert 'if __name__ == "__main__":' in done.stderr
    conn = sqlite3.connect(tmp_path / "u.db")
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert set(conn.execute("SELECT status FROM runs").fetchall()) == {("failed",)}


def test_a_worker_that_died_while_idle_is_replaced_before_it_gets_a_file(papers):
    import os

    import psutil

    files = sorted(papers.glob("*.txt"))
    tasks = [Task(i, str(p), str(p), f"{i:064d}", p.stat().st_size) for i, p in enumerate(files)]
    run = LocalEngine(workers=1).run(tasks, WorkSettings(limits=Limits(timeout_s=20), until="read"))
    first = next(run)                        # meanwhile the worker reads the files it holds and waits
    time.sleep(0.5)
    me = psutil.Process()
    workers = [c for c in me.children(recursive=True) if c.ppid() != me.pid]   # the forkserver's
    assert len(workers) == 1
    os.kill(workers[0].pid, signal.SIGKILL)
    outcomes = [first, *run]
    assert sorted(o.task.index for o in outcomes) == list(range(len(files)))
    assert [o.error_code for o in outcomes if o.error_code] == []


def test_files_queued_behind_a_crash_or_a_hang_are_processed_once_and_not_marked(papers, hostile_work):
    # A worker holds its next file while it processes one; when it dies or is stopped, the file
    # waiting behind goes to another worker, not into the error rows.
    add_hostile(papers, "crash_me.txt", "hang_forever.txt")
    ours = sorted(papers.glob("synthetic_*.txt"))
    order = [papers / "crash_me.txt", *ours[:2], papers / "hang_forever.txt", *ours[2:]]
    tasks = [Task(i, str(p), str(p), f"{i:064d}", p.stat().st_size) for i, p in enumerate(order)]
    settings = WorkSettings(limits=Limits(timeout_s=0.5), until="read", work=hostile_work)
    outcomes = list(LocalEngine(workers=1).run(tasks, settings))
    assert sorted(o.task.index for o in outcomes) == list(range(len(order)))
    errors = {Path(o.task.source).name: o.error_code for o in outcomes if o.error_code}
    assert errors == {"crash_me.txt": "worker_crashed", "hang_forever.txt": "timeout"}


def test_a_per_file_function_that_cannot_be_loaded_stops_the_run_with_a_clear_error(papers, db, options,
                                                                                    tmp_path):
    import pytest

    from evidencekit.corpus.work import WorkNotFound

    with pytest.raises(WorkNotFound, match="cannot load the per-file function"):
        ingest([papers], db, options(work="evidencekit.no_such_module:work"))
    assert db["documents"].count == 0


def test_a_per_file_function_from_a_file_may_use_dataclasses(papers, db, options, tmp_path):
    module = tmp_path / "my_work.py"
    module.write_text("from __future__ import annotations\nfrom dataclasses import dataclass\n"
                      "from evidencekit.pipeline import process\n\n@dataclass(frozen=True)\n"
                      "class Note:\n    text: str\n\n"
                      "def work(path, limits, until):\n    return process(path, limits=limits, until=until)\n")
    summary = ingest([papers], db, options(work=f"{module}:work"))
    assert (summary.n_ingested, summary.n_failed) == (6, 0)
