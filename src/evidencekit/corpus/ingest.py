"""Batch ingest: find papers, skip what the corpus already has, process the rest, store each.

The parent process is the one writer: engines only compute. Every document is stored in its own
transaction the moment it comes back, so an interrupted run (Ctrl-C, kill, power loss) keeps all
documents stored before it stopped, and running the same command again resumes: a file is
skipped when the corpus holds its content (sha256) from the same evidencekit version.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import sqlite_utils

from evidencekit import __version__
from evidencekit.corpus import store
from evidencekit.corpus.engines import make_engine
from evidencekit.corpus.rows import build_rows
from evidencekit.corpus.work import (INTERNAL_ERROR, Outcome, Task, WorkSettings, failed, failed_outcome,
                                     unstorable)
from evidencekit.errors import InputError

log = logging.getLogger(__name__)

#: Error code of a file that cannot even be opened (as evidencekit.errors.InputError).
UNREADABLE = InputError.code

#: File types an ingest picks up when walking folders.
#: What a folder walk takes as papers. Markdown is read only when named directly: in a folder it
#: is nearly always notes (README.md), not a paper.
SUFFIXES = (".pdf", ".txt")


@dataclass(frozen=True)
class IngestOptions:
    """How a batch runs. ``tool_version`` decides re-ingestion (a new evidencekit re-reads all)."""

    engine: str = "local"
    workers: int = 1
    scheduler: str | None = None
    settings: WorkSettings = field(default_factory=WorkSettings)
    retry_failed: bool = False
    tool_version: str = __version__
    dask_processes: bool = True

    def describe(self) -> dict:
        """What a ``runs`` row records as ``options``."""
        limits = self.settings.limits
        return {"engine": self.engine, "workers": self.workers, "scheduler": self.scheduler,
                "until": self.settings.until, "work": self.settings.work,
                "max_memory_mb": self.settings.max_memory_mb, "max_pages": limits.max_pages,
                "timeout_s": limits.timeout_s, "max_bytes": limits.max_bytes,
                "retry_failed": self.retry_failed}


@dataclass(frozen=True, slots=True)
class IngestEvent:
    """Progress: ``kind`` is "found" (``total`` files to check), "hashed" (one file checked),
    "planned" (``total`` files to process), "skipped", "stored" or "failed"."""

    kind: str
    source: str | None = None
    total: int | None = None
    error_code: str | None = None
    pages: int | None = None


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What a run did: ``n_ingested`` documents stored (``n_failed`` of them as error rows),
    ``n_skipped`` files already in the corpus, ``n_pages`` PDF pages read; ``status`` as in ``runs``."""

    run_id: int
    n_files: int
    n_ingested: int
    n_skipped: int
    n_failed: int
    n_pages: int
    seconds: float
    status: str


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Files to ingest: every .pdf/.txt under each folder (hidden ones skipped), and every file
    named directly (.md too), in a stable order, each once."""
    found: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        given = Path(given)
        if given.is_dir():
            candidates = sorted(p for p in given.rglob("*")
                                if p.is_file() and p.suffix.lower() in SUFFIXES
                                and not any(part.startswith(".") for part in p.relative_to(given).parts))
        elif given.exists():
            candidates = [given]
        else:
            raise FileNotFoundError(f"{given}: no such file or folder; check the path")
        for p in candidates:
            resolved = p.resolve()
            if resolved not in seen:
                seen.add(resolved)
                found.append(p)
    return found


def sha256_of(path: Path, chunk: int = 1 << 20) -> str:
    """The hex SHA-256 of a file's bytes, read ``chunk`` bytes at a time (the corpus key)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Plan:
    """What a run will do: ``tasks`` to process, ``skipped`` files already stored, and
    ``unreadable`` files (a Task with a stand-in hash, and why) that become error rows."""

    tasks: list[Task]
    skipped: list[Path]
    unreadable: list[tuple[Task, str]]


def plan(db: sqlite_utils.Database, files: Iterable[Path], *, tool_version: str,
         retry_failed: bool = False, on_hashed: Callable[[], None] | None = None) -> Plan:
    """Sort ``files`` into work, skips and unreadable files: a file is skipped when its content is
    stored from the same tool version (failed ones too, unless ``retry_failed``), or appears twice
    in this batch. ``on_hashed`` is called after each file is hashed (progress on large folders)."""
    stored = store.stored_documents(db)
    tasks: list[Task] = []
    skipped: list[Path] = []
    unreadable: list[tuple[Task, str]] = []
    planned: set[str] = set()
    for path in files:
        try:
            sha, size = sha256_of(path), path.stat().st_size
        except OSError as exc:                  # vanished, no permission, I/O error
            sha, size = f"unreadable:{path.resolve()}", None
            problem = f"the file cannot be read ({exc.strerror or exc}); check it exists and is readable"
        else:
            problem = None
        if on_hashed is not None:
            on_hashed()
        known = stored.get(sha)
        up_to_date = known is not None and known.tool_version == tool_version
        if sha in planned or (up_to_date and not (retry_failed and known.error_code)):
            skipped.append(path)
            continue
        planned.add(sha)
        task = Task(len(tasks) + len(unreadable), str(path), str(path.resolve()), sha, size)
        if problem is None:
            tasks.append(task)
        else:
            unreadable.append((task, problem))
    return Plan(tasks, skipped, unreadable)


def ingest(paths: Iterable[str | Path], db: sqlite_utils.Database, options: IngestOptions = IngestOptions(),
           on_event: Callable[[IngestEvent], None] | None = None) -> IngestSummary:
    """Ingest every paper under ``paths`` into ``db``; see the module docstring."""
    emit = on_event or (lambda event: None)
    started = time.perf_counter()
    paths = [str(p) for p in paths]
    files = discover(paths)
    emit(IngestEvent("found", total=len(files)))
    work = plan(db, files, tool_version=options.tool_version, retry_failed=options.retry_failed,
                on_hashed=lambda: emit(IngestEvent("hashed")))
    tasks, skipped = work.tasks, work.skipped
    engine = make_engine(options.engine, workers=options.workers, scheduler=options.scheduler,
                         dask_processes=options.dask_processes)
    run_id = store.start_run(db, tool_version=options.tool_version, engine=options.engine,
                             workers=options.workers, options=options.describe(), paths=paths)
    emit(IngestEvent("planned", total=len(tasks) + len(work.unreadable)))
    for path in skipped:
        emit(IngestEvent("skipped", source=str(path)))
    counts = {"ingested": 0, "failed": 0, "pages": 0}
    status = "failed"
    try:
        for task, problem in work.unreadable:
            _store(db, failed_outcome(task, UNREADABLE, problem, 0.0), options, run_id, counts, emit)
        for outcome in engine.run(tasks, options.settings):
            _store(db, outcome, options, run_id, counts, emit)
        status = "completed"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        store.finish_run(db, run_id, status=status, n_files=len(files), n_ingested=counts["ingested"],
                         n_skipped=len(skipped), n_failed=counts["failed"])
        log.info("run %d %s: %d stored, %d failed, %d skipped", run_id, status, counts["ingested"],
                 counts["failed"], len(skipped))
    return IngestSummary(run_id, len(files), counts["ingested"], len(skipped), counts["failed"],
                         counts["pages"], time.perf_counter() - started, status)


#: What SQLite raises for a value it cannot hold: an int over 64 bits (OverflowError), a type it
#: cannot bind (InterfaceError/ProgrammingError), and plain ValueError/TypeError from the mapping.
UNSTORABLE = (ValueError, TypeError, OverflowError, sqlite3.InterfaceError, sqlite3.ProgrammingError)


def _store(db: sqlite_utils.Database, outcome: Outcome, options: IngestOptions, run_id: int,
           counts: dict[str, int], emit: Callable[[IngestEvent], None]) -> None:
    """Write one outcome's rows (built by the worker) and report it."""
    task, built = outcome.task, outcome.rows
    kwargs = dict(sha256=task.sha256, path=task.path, size_bytes=task.size_bytes,
                  tool_version=options.tool_version, run_id=run_id, seconds=round(outcome.seconds, 4),
                  cpu_seconds=None if outcome.cpu_seconds is None else round(outcome.cpu_seconds, 4))
    try:
        store.save_rows(db, built, **kwargs)
    except UNSTORABLE as exc:                  # a result the schema cannot hold: keep it as a failure
        log.exception("%s: could not store the result", task.source)
        built = build_rows(failed(task, INTERNAL_ERROR, unstorable(exc)))
        store.save_rows(db, built, **kwargs)
    counts["ingested"] += 1
    counts["pages"] += built.n_pages or 0
    if built.error_code:
        counts["failed"] += 1
        emit(IngestEvent("failed", source=task.source, error_code=built.error_code))
    else:
        emit(IngestEvent("stored", source=task.source, pages=built.n_pages))


def default_workers() -> int:
    """One worker per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)
