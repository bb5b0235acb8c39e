"""The per-file work of an ingest, the same on every engine: a worker computes, never writes.

A :class:`Task` names one file (its sha256 already computed by the parent); :func:`run_task` turns it
into an :class:`Outcome` holding the document's corpus rows (:class:`~evidencekit.corpus.rows.
DocumentRows`, the contract JSON included), so the one writer only inserts them. Whatever goes
wrong with one file becomes a failed result with an error ``code``, so a batch always goes on.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import logging
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from evidencekit.corpus.rows import DocumentRows, build_rows, to_json
from evidencekit.errors import EvidencekitError
from evidencekit.model import DocumentResult
from evidencekit.pipeline import Limits, process

log = logging.getLogger(__name__)

#: The default per-file function: evidencekit's own pipeline.
DEFAULT_WORK = "evidencekit.corpus.work:process_file"

#: Error codes an ingest gives on top of the reader's (see evidencekit.errors).
WORKER_CRASHED = "worker_crashed"
TIMEOUT = "timeout"
MEMORY_LIMIT = "memory_limit"
INTERNAL_ERROR = "internal_error"


@dataclass(frozen=True, slots=True)
class Task:
    """One file to ingest. ``source`` is the path as found (it becomes the result's ``source``)."""

    index: int
    source: str
    path: str
    sha256: str
    size_bytes: int | None


@dataclass(frozen=True)
class WorkSettings:
    """How each file is processed, sent along with every task.

    ``work`` is the per-file function as ``"package.module:function"`` or ``"/path/file.py:function"``
    with the signature ``(path, limits, until) -> DocumentResult``; workers import it by name, so
    it must not be a lambda or a closure. ``max_memory_mb`` caps each worker's address space.
    """

    limits: Limits = field(default_factory=Limits)
    until: str = "check"
    work: str = DEFAULT_WORK
    max_memory_mb: int | None = 2048

    def __post_init__(self) -> None:
        if ":" not in self.work:
            raise ValueError(f"work must look like 'package.module:function'; got {self.work!r}")
        if self.max_memory_mb is not None and self.max_memory_mb < 64:
            raise ValueError(f"max_memory_mb must be at least 64; got {self.max_memory_mb!r}")


@dataclass(frozen=True, slots=True)
class Outcome:
    """A task's rows (its result as the corpus stores it), how long the worker took (wall clock)
    and the CPU time it used."""

    task: Task
    rows: DocumentRows
    seconds: float
    cpu_seconds: float | None = None

    @property
    def error_code(self) -> str | None:
        """The file's error code (None when it was read)."""
        return self.rows.error_code


def process_file(path: str, limits: Limits, until: str) -> DocumentResult:
    """The default work: :func:`evidencekit.pipeline.process`."""
    return process(path, limits=limits, until=until)


class WorkNotFound(EvidencekitError):
    """The per-file function named by ``WorkSettings.work`` cannot be imported."""

    code = "work_not_found"


@functools.cache
def resolve_work(spec: str) -> Callable[[str, Limits, str], DocumentResult]:
    """Import the function named by ``spec`` ("module:function" or "file.py:function")."""
    target, _, name = spec.rpartition(":")
    try:
        if target.endswith(".py"):
            module_name = f"evidencekit_work_{Path(target).stem}"
            module_spec = importlib.util.spec_from_file_location(module_name, target)
            if module_spec is None or module_spec.loader is None:
                raise ImportError(f"no Python module at {target}")
            module = importlib.util.module_from_spec(module_spec)
            sys.modules[module_name] = module          # dataclasses look their module up here
            module_spec.loader.exec_module(module)
        else:
            module = importlib.import_module(target)
        return getattr(module, name)
    except (ImportError, AttributeError, OSError) as exc:
        raise WorkNotFound(f"cannot load the per-file function {spec!r} ({exc}); give it as "
                           "'package.module:function' or '/path/to/file.py:function'") from exc


def run_task(task: Task, settings: WorkSettings) -> Outcome:
    """Process one file in this process, build its rows, and never raise for a bad file."""
    started, cpu_started = time.perf_counter(), time.thread_time()
    work = resolve_work(settings.work)
    try:
        result = work(task.source, settings.limits, settings.until)
    except MemoryError:
        result = failed(task, MEMORY_LIMIT, f"processing needed more than the memory limit "
                        f"({settings.max_memory_mb} MB); raise --max-memory if the file is just large")
    except EvidencekitError as exc:
        result = failed(task, exc.code, str(exc))
    except Exception as exc:  # noqa: BLE001 — batch boundary: one paper's bug must not stop the run
        log.debug("%s: unexpected error while processing", task.source, exc_info=True)
        result = failed(task, INTERNAL_ERROR, f"unexpected {type(exc).__name__}: {exc} "
                        f"(at {_where(exc)}) — please report this file to the evidencekit maintainers")
    if result.sha256 is None:
        result = replace(result, sha256=task.sha256)
    try:
        result_json = to_json(result.to_dict())
    except (ValueError, TypeError) as exc:      # e.g. a NaN that JSON cannot hold
        result = failed(task, INTERNAL_ERROR, f"the result could not be serialised ({exc}) — please "
                        "report this file to the evidencekit maintainers")
        result_json = None
    try:
        rows = build_rows(result, result_json)
    except (ValueError, TypeError) as exc:      # a result the schema cannot hold
        log.debug("%s: could not build the rows", task.source, exc_info=True)
        rows = build_rows(failed(task, INTERNAL_ERROR, unstorable(exc)))
    return Outcome(task, rows, time.perf_counter() - started, time.thread_time() - cpu_started)


def unstorable(exc: Exception) -> str:
    """The error message of a result that the corpus cannot hold."""
    return (f"the result could not be stored ({exc}); please report this file to the evidencekit "
            "maintainers")


def _where(exc: BaseException) -> str:
    """``file.py:line`` of the innermost frame of ``exc``'s traceback (where a bug raised)."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return "unknown place"
    return f"{Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"


def failed(task: Task, code: str, message: str) -> DocumentResult:
    """A failed result for ``task`` with a stable error ``code``."""
    from evidencekit.extract.read import document_id

    return DocumentResult.failed(document_id(Path(task.source)), task.source, code, message,
                                 sha256=task.sha256)


def failed_outcome(task: Task, code: str, message: str, seconds: float) -> Outcome:
    """The outcome of a task that failed with error ``code`` after ``seconds``."""
    return Outcome(task, build_rows(failed(task, code, message)), seconds)
