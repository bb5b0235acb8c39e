"""The corpus: one SQLite file (sqlite-utils) with provenance and search; batch ingest.

Front door for other parts (reports, notebooks)::

    from evidencekit.corpus import load_results
    results = load_results("evidencekit.db")      # list[DocumentResult], with their documents

Modules: ``store`` (schema, migrations, writes), ``rows`` (model → rows), ``queries`` (search,
listings, load_results), ``ingest`` (batch), ``work`` (per-file work), ``engines`` (local, dask),
``synthetic`` (papers for benchmarks).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

    from evidencekit.model import DocumentResult


def load_results(db: "sqlite_utils.Database | str | Path", **kwargs) -> "list[DocumentResult]":
    """Every document of a corpus as :class:`~evidencekit.model.DocumentResult` (ingest order).

    ``db`` is an open corpus or the path of a corpus file (which must exist). Keyword arguments go
    to :func:`evidencekit.corpus.queries.load_results` (``ids``, ``include_failed``).
    """
    from evidencekit.corpus import queries, store

    if isinstance(db, (str, Path)):
        database = store.open_db(db, create=False)
        try:
            return queries.load_results(database, **kwargs)
        finally:
            database.close()
    return queries.load_results(db, **kwargs)


__all__ = ["load_results"]
