"""Engines run the per-file work (:func:`evidencekit.corpus.work.run_task`) somewhere and yield
:class:`~evidencekit.corpus.work.Outcome` objects as files finish; the caller is the one writer.

- ``local``: a pool of isolated worker processes on this machine (time and memory limits; a worker
  that dies or hangs is replaced and its file recorded as failed).
- ``dask``: a Dask cluster — a ``LocalCluster`` by default, or any scheduler address.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Protocol

from evidencekit.corpus.work import Outcome, Task, WorkSettings

#: Engine names accepted by ``corpus ingest --engine``.
ENGINES = ("local", "dask")


class Engine(Protocol):
    """An ingest engine: runs tasks somewhere and yields their outcomes."""

    name: str

    def run(self, tasks: Iterable[Task], settings: WorkSettings) -> Iterator[Outcome]:
        """Yield one outcome per task, in completion order."""
        ...


def make_engine(name: str, *, workers: int = 1, scheduler: str | None = None,
                dask_processes: bool = True) -> Engine:
    """The engine called ``name`` ("local" or "dask")."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1; got {workers!r}")
    if name == "local":
        if scheduler:
            raise ValueError("--scheduler needs --engine dask")
        from evidencekit.corpus.engines.local import LocalEngine

        return LocalEngine(workers=workers)
    if name == "dask":
        from evidencekit.corpus.engines.dask import DaskEngine

        return DaskEngine(workers=workers, scheduler=scheduler, processes=dask_processes)
    raise ValueError(f"unknown engine {name!r}; allowed: {', '.join(ENGINES)}")


__all__ = ["ENGINES", "Engine", "make_engine"]
