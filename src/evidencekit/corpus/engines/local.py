"""The local engine: N isolated worker processes, each with a memory cap and a per-file deadline.

Why not ``concurrent.futures.ProcessPoolExecutor``: when one worker dies (a hostile PDF that
segfaults a C library, or the kernel killing it at its memory cap) the executor breaks and every
pending file fails. Here each worker has its own pipe; the parent waits on pipes and process
sentinels together, so it knows *which* file killed *which* worker, starts a fresh worker, tries
that file once more (the death may have had another cause) and records it as failed if it kills
the second worker too. A worker that passes the deadline is killed the same way. Each worker
holds two files, the one it processes and the next, so it goes on while the parent stores another
result; the file waiting behind one that killed its worker had not started and goes out again.
Workers are recycled after ``max_tasks_per_worker`` files so memory stays flat on long runs.

Workers come from a ``forkserver`` (a clean single-threaded process with evidencekit preloaded),
so starting or replacing one costs milliseconds and no thread of the parent (progress bar,
Dask) is forked.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from evidencekit.corpus.work import (TIMEOUT, WORKER_CRASHED, Outcome, Task, WorkSettings,
                                     failed_outcome, resolve_work, run_task)
from evidencekit.errors import EvidencekitError

log = logging.getLogger(__name__)

#: Seconds a worker gets beyond ``limits.timeout_s`` before it is killed: the pipeline's own
#: timeout should fire first and give a clean error; this is the backstop for code that hangs.
GRACE_S = 2.0

#: Modules the forkserver imports once, so every worker starts warm; the last one runs the
#: pipeline once to fill its caches (see evidencekit.corpus.engines.warmup).
PRELOAD = ["evidencekit.corpus.work", "evidencekit.corpus.engines.warmup"]


#: Seconds a new worker may take to start before the engine gives up (it imports nothing new:
#: the forkserver preloaded evidencekit).
START_TIMEOUT_S = 60.0

#: Files a worker holds at once: the one it processes and the next, waiting in its pipe, so it
#: goes on without waiting for the parent (who may be storing another worker's result).
FILES_PER_WORKER = 2

#: The first message of a healthy worker.
READY = "ready"


class EngineError(EvidencekitError):
    """Workers cannot run at all (not a problem of one file): the batch stops with this message."""

    code = "engine_error"


def default_start_method() -> str:
    """``forkserver`` (clean, fast workers) unless the main program is not a file that workers can
    re-import (stdin, some notebooks): then ``fork``."""
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_file is not None and not os.path.isfile(main_file):
        return "fork"
    return "forkserver"


class LocalEngine:
    """Run tasks on ``workers`` isolated processes of this machine."""

    name = "local"

    def __init__(self, workers: int = 1, *, max_tasks_per_worker: int = 200,
                 start_method: str | None = None) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1; got {workers!r}")
        self.workers = workers
        self.max_tasks_per_worker = max_tasks_per_worker
        start_method = start_method or default_start_method()
        self.context = mp.get_context(start_method)
        if start_method == "forkserver":
            self.context.set_forkserver_preload(PRELOAD)

    def run(self, tasks: Iterable[Task], settings: WorkSettings) -> Iterator[Outcome]:
        resolve_work(settings.work)           # a wrong name stops here, not in every worker
        fresh = iter(tasks)
        # A file whose worker died is tried once more on a new worker: the death may have had
        # another cause (the kernel's OOM killer, an operator); dying twice marks the file. Files
        # queued behind it on that worker had not started: they go out again, unmarked.
        retries: deque[Task] = deque()
        crashed_once: set[int] = set()

        def next_task() -> Task | None:
            return retries.popleft() if retries else next(fresh, None)

        deadline_s = settings.limits.timeout_s + GRACE_S
        slots: list[_Slot] = []
        try:
            for _ in range(self.workers):
                slots.append(self._spawn(settings, deadline_s))   # one by one: `finally` stops those started

            def give(i: int, task: Task) -> bool:
                """Send ``task`` to slot ``i``. An idle worker that died is replaced first; a busy
                one that died keeps its files (its death is seen by ``collect``) and ``task`` goes
                back to the queue: then False."""
                if slots[i].give(task):
                    return True
                if slots[i].queue:
                    retries.appendleft(task)
                    return False
                slots[i].stop(kill=True)
                slots[i] = self._spawn(settings, deadline_s)
                if not slots[i].give(task):
                    raise EngineError("a fresh ingest worker died before it got its first file; "
                                      "check that `python -c \"import evidencekit.pipeline\"` works")
                return True

            def fill(i: int) -> None:
                """Send slot ``i`` files until it holds :data:`FILES_PER_WORKER` (or its quota)."""
                while slots[i].wants(self.max_tasks_per_worker) and (task := next_task()) is not None:
                    if not give(i, task):
                        return

            while True:
                for i in range(len(slots)):
                    fill(i)
                busy = [s for s in slots if s.queue]
                if not busy:
                    return
                timeout = max(0.0, min(s.deadline for s in busy) - time.monotonic())
                ready = set(wait([s.conn for s in busy] + [s.process.sentinel for s in busy], timeout))
                for i, slot in enumerate(slots):
                    if not slot.queue:
                        continue
                    outcome, healthy = slot.collect(ready, settings)
                    if outcome is None:
                        continue
                    if not healthy:
                        retries.extendleft(reversed(slot.queue))     # not started: send them again
                        slot.queue.clear()
                    if not healthy or (slot.done >= self.max_tasks_per_worker and not slot.queue):
                        slot.stop(kill=not healthy)
                        slots[i] = slot = self._spawn(settings, deadline_s)
                    retry = outcome.error_code == WORKER_CRASHED and outcome.task.index not in crashed_once
                    if retry:
                        crashed_once.add(outcome.task.index)
                        retries.append(outcome.task)
                    # The worker already holds its next file; the one after goes out before the
                    # caller stores this result, so workers compute while the writer writes.
                    fill(i)
                    if not retry:
                        yield outcome
        finally:
            for slot in slots:
                slot.stop(kill=bool(slot.queue))          # interrupted: busy workers go at once

    def _spawn(self, settings: WorkSettings, deadline_s: float) -> "_Slot":
        parent_end, child_end = self.context.Pipe(duplex=True)
        process = self.context.Process(target=_worker_main, args=(child_end, settings),
                                       name="evidencekit-ingest-worker", daemon=True)
        process.start()
        child_end.close()
        # A worker says it is ready before it gets work, so a worker that cannot start (broken
        # install, a script without `if __name__ == "__main__":`) stops the batch with a clear
        # message instead of marking every file as crashed.
        hello = _recv_or_none(parent_end) if parent_end.poll(START_TIMEOUT_S) else None
        if hello != READY:
            process.join(1.0)
            if process.is_alive():
                process.kill()
            parent_end.close()
            if isinstance(hello, str):                 # the worker said why
                raise EngineError(f"an ingest worker could not start: {hello}")
            raise EngineError(
                f"an ingest worker could not start (exit status {process.exitcode}); if you call "
                "ingest() from your own script, put the call under `if __name__ == \"__main__\":`, "
                "and check that `python -c \"import evidencekit.pipeline\"` works")
        return _Slot(process, parent_end, deadline_s)


@dataclass
class _Slot:
    """One worker process, its pipe and the files sent to it, in the order it takes them: the
    first is being processed (its clock runs from ``started``), the others wait in the pipe."""

    process: mp.process.BaseProcess
    conn: Connection
    deadline_s: float
    queue: deque[Task] = field(default_factory=deque)
    started: float = 0.0
    deadline: float = 0.0
    done: int = 0

    def wants(self, max_tasks: int) -> bool:
        """Whether to send this worker another file: it holds fewer than :data:`FILES_PER_WORKER`
        and will not pass ``max_tasks`` (after which it is recycled)."""
        return len(self.queue) < FILES_PER_WORKER and self.done + len(self.queue) < max_tasks

    def give(self, task: Task) -> bool:
        """Send ``task`` to the worker; False when the worker is gone (its pipe is closed)."""
        try:
            self.conn.send(task)
        except (BrokenPipeError, ConnectionResetError, OSError):
            return False
        self.queue.append(task)
        if len(self.queue) == 1:
            self._start_clock()
        return True

    def _start_clock(self) -> None:
        """The first file in the queue starts now (as far as the parent can tell)."""
        self.started = time.monotonic()
        self.deadline = self.started + self.deadline_s

    def collect(self, ready: set, settings: WorkSettings) -> tuple[Outcome | None, bool]:
        """The outcome of this slot's current file if it has one: (outcome, worker still usable).
        A dead or overdue worker's current file gets an error outcome; the files queued behind it
        stay in ``queue`` (they never started)."""
        task = self.queue[0]
        elapsed = time.monotonic() - self.started
        if self.conn in ready:
            try:
                outcome = self.conn.recv()
            except (EOFError, OSError):
                pass                                   # died while answering: a crash
            else:
                self.queue.popleft()
                self.done += 1
                if self.queue:
                    self._start_clock()                # the worker went straight on to the next
                return outcome, True
        if self.conn in ready or self.process.sentinel in ready:
            self.process.join(0.5)
            self.queue.popleft()
            return failed_outcome(task, WORKER_CRASHED, _crash_message(self.process.exitcode,
                                                                       settings), elapsed), False
        if time.monotonic() >= self.deadline:
            self.queue.popleft()
            return failed_outcome(task, TIMEOUT, f"processing took longer than "
                                  f"{settings.limits.timeout_s:g} s and was stopped; raise --timeout "
                                  f"if the file is just long", elapsed), False
        return None, True

    def stop(self, *, kill: bool) -> None:
        """Ask the worker to leave (or kill it) and reap it."""
        if self.process.is_alive() and not kill:
            try:
                self.conn.send(None)
            except (BrokenPipeError, OSError):
                kill = True
            else:
                self.process.join(2.0)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(2.0)
        self.conn.close()


def _crash_message(exitcode: int | None, settings: WorkSettings) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            how = f"was killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"was killed by signal {-exitcode}"
    else:
        how = f"exited with status {exitcode}"
    return (f"the worker processing this file {how}; the file is probably corrupt or hostile "
            f"(memory limit {settings.max_memory_mb} MB — raise --max-memory if it is just large)")


def _recv_or_none(conn: Connection) -> object:
    try:
        return conn.recv()
    except (EOFError, OSError):
        return None


def _worker_main(conn: Connection, settings: WorkSettings) -> None:
    """Loop of one worker: receive a task, compute, send the outcome; ``None`` or EOF ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)      # Ctrl-C is the parent's to handle
    _limit_memory(settings.max_memory_mb)
    try:
        resolve_work(settings.work)
    except EvidencekitError as exc:
        conn.send(str(exc))
        return
    conn.send(READY)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return                                    # the parent is gone
        if task is None:
            return
        outcome = run_task(task, settings)
        try:
            conn.send(outcome)
        except (BrokenPipeError, OSError):
            return


def _limit_memory(max_mb: int | None) -> None:
    """Cap this process's address space so a runaway file raises MemoryError here, not an OOM kill."""
    if max_mb is None:
        return
    import resource

    limit = max_mb * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
