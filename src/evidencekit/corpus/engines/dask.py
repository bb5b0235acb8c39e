"""The Dask engine: the same per-file work on a Dask cluster; results come back to one writer.

With no scheduler address a ``LocalCluster`` is started (``workers`` workers, one thread each) and
closed at the end. With ``scheduler="tcp://host:8786"`` the tasks go to that cluster; its workers
must have evidencekit installed (same version) and read the files at the same paths (a shared
filesystem), see docs/corpus.md.

At most ``window`` tasks are in flight, so memory stays flat however many files there are. Time
limits: Dask cannot stop a running task, so the per-file deadline is the pipeline's own
``limits.timeout_s``; memory: each worker's ``memory_limit`` (the nanny restarts a worker that
passes it, and a task that kills workers ends as a ``worker_crashed`` error row).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from itertools import islice

from evidencekit.corpus.work import (WORKER_CRASHED, Outcome, Task, WorkSettings, failed_outcome,
                                     resolve_work, run_task)

log = logging.getLogger(__name__)

#: Tasks in flight per worker thread: enough to keep workers busy, few enough to bound memory.
TASKS_PER_THREAD = 4

#: On our own LocalCluster, a file that killed a worker is tried once more, then recorded as
#: failed (Dask's default, 3, restarts workers four times for one hostile file).
LOCAL_ALLOWED_FAILURES = 1


class DaskEngine:
    """Run tasks on a Dask cluster (``LocalCluster`` when ``scheduler`` is None)."""

    name = "dask"

    def __init__(self, workers: int = 2, *, scheduler: str | None = None, processes: bool = True,
                 threads_per_worker: int = 1) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1; got {workers!r}")
        self.workers = workers
        self.scheduler = scheduler
        self.processes = processes
        self.threads_per_worker = threads_per_worker

    def run(self, tasks: Iterable[Task], settings: WorkSettings) -> Iterator[Outcome]:
        import dask
        from dask.distributed import Client, LocalCluster

        resolve_work(settings.work)           # a wrong name stops here, before any cluster starts
        cluster = None
        if self.scheduler:
            client = Client(self.scheduler)
        else:
            memory = f"{settings.max_memory_mb}MiB" if settings.max_memory_mb and self.processes else None
            with dask.config.set({"distributed.scheduler.allowed-failures": LOCAL_ALLOWED_FAILURES}):
                cluster = LocalCluster(n_workers=self.workers, threads_per_worker=self.threads_per_worker,
                                       processes=self.processes, dashboard_address=None,
                                       memory_limit=memory or 0)
            client = Client(cluster)
        try:
            yield from self._run_on(client, tasks, settings)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _run_on(self, client, tasks: Iterable[Task], settings: WorkSettings) -> Iterator[Outcome]:
        from dask.distributed import as_completed

        threads = sum(client.nthreads().values()) or self.workers
        window = max(1, threads * TASKS_PER_THREAD)
        pending = iter(tasks)
        by_key: dict[str, Task] = {}
        suspects: list[Task] = []
        flying = as_completed()

        def submit(task: Task) -> None:
            future = client.submit(run_task, task, settings, pure=False, key=_key(task))
            by_key[future.key] = task
            flying.add(future)

        for task in islice(pending, window):
            submit(task)
        for future in flying:
            task = by_key.pop(future.key)
            try:
                outcome = future.result()
            except Exception as exc:  # noqa: BLE001 — batch boundary: KilledWorker, lost comms …
                log.info("%s: Dask task failed (%s); retrying it alone", task.source, exc)
                suspects.append(task)
                outcome = None
            future.release()
            if (following := next(pending, None)) is not None:
                submit(following)
            if outcome is not None:
                yield outcome
        # A dying worker fails every task it held, innocent ones too: retry each suspect alone, so
        # only a file that really kills workers ends as an error row.
        for task in suspects:
            started = time.perf_counter()
            future = client.submit(run_task, task, settings, pure=False, key=_key(task) + "-alone")
            try:
                outcome = future.result()
            except Exception as exc:  # noqa: BLE001 — batch boundary, as above
                log.warning("%s: Dask task failed again when run alone: %s", task.source, exc)
                outcome = failed_outcome(task, WORKER_CRASHED,
                                         f"the Dask worker processing this file failed "
                                         f"({type(exc).__name__}: {exc}); the file is probably "
                                         f"corrupt or hostile", time.perf_counter() - started)
            future.release()
            yield outcome


def _key(task: Task) -> str:
    return f"evidencekit-ingest-{task.index}-{task.sha256[:16]}"
