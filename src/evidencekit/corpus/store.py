"""The corpus file: schema, migrations and the one-transaction-per-document write.

This module (with its row mapping in :mod:`evidencekit.corpus.rows`) is the only place that knows
the schema. The file is a plain SQLite database made with sqlite-utils: it opens in Datasette as
it is (``datasette evidencekit.db``), with foreign keys between tables and full-text search
(FTS5) over document text (``texts_fts``) and evidence text (``evidence_fts``). Triggers keep both
indexes in step with their tables, except that :func:`save_rows` adds a document's evidence to
``evidence_fts`` itself, in one statement (a trigger per row cost the writer ~0.7 ms a paper).

Writes come from ONE writer (the ingesting parent process); each document is one transaction, so
an interrupted run loses nothing that was already stored.
"""

from __future__ import annotations

import functools
import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

import sqlite_utils

from evidencekit.corpus import rows
from evidencekit.errors import EvidencekitError
from evidencekit.model import DocumentResult

log = logging.getLogger(__name__)

#: Where ``evidencekit corpus …`` keeps its data unless ``--db`` says otherwise.
DEFAULT_DB = Path("evidencekit.db")

#: Tokenizer of both full-text indexes: no English stemming (the corpus is Indonesian first);
#: "remove_diacritics 2" lets "efek" find "éfek".
FTS_TOKENIZE = "unicode61 remove_diacritics 2"


class CorpusError(EvidencekitError):
    """A corpus file that cannot be used as asked (missing, newer schema, unknown document)."""

    code = "corpus_error"


# --------------------------------------------------------------------------- schema

_SCHEMA_V1 = (
    """CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted', 'failed')),
        tool_version TEXT NOT NULL,
        engine TEXT,
        workers INTEGER,
        pid INTEGER,
        options TEXT,             -- JSON: limits, engine settings
        paths TEXT,               -- JSON: the paths as given
        n_files INTEGER, n_ingested INTEGER, n_skipped INTEGER, n_failed INTEGER
    )""",
    """CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,   -- of the input bytes: the document's identity
        doc_id TEXT NOT NULL,          -- the contract id (file stem)
        source TEXT NOT NULL,          -- the path as given
        path TEXT NOT NULL,            -- the resolved path
        size_bytes INTEGER,
        media_type TEXT,
        language TEXT,
        kind TEXT,
        pages INTEGER,
        title TEXT, year INTEGER, design TEXT, n_total INTEGER,
        n_statistics INTEGER NOT NULL DEFAULT 0,
        n_flags INTEGER NOT NULL DEFAULT 0,
        n_errors INTEGER NOT NULL DEFAULT 0,   -- flags of severity error
        error_code TEXT,
        error_message TEXT,
        tool_version TEXT NOT NULL,
        run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,
        seconds REAL,
        ingested_at TEXT NOT NULL,
        result_json TEXT NOT NULL      -- the contract JSON of this document
    )""",
    "CREATE INDEX documents_path ON documents(path)",
    "CREATE INDEX documents_error_code ON documents(error_code)",
    "CREATE INDEX documents_doc_id ON documents(doc_id)",
    """CREATE TABLE texts (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        text TEXT NOT NULL             -- the normalised text that offsets index
    )""",
    """CREATE TABLE pages (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        label TEXT, columns INTEGER,
        PRIMARY KEY (document_id, number)
    )""",
    """CREATE TABLE sections (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL, name TEXT NOT NULL, heading TEXT,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL
    )""",
    "CREATE INDEX sections_document ON sections(document_id)",
    """CREATE TABLE records (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        study_row INTEGER,             -- NULL: the paper's own record; n: row n of a review's table
        title TEXT, authors TEXT, year INTEGER, journal TEXT, doi TEXT, setting TEXT,
        design TEXT, design_family TEXT, n_total INTEGER, n_arms TEXT, sampling TEXT,
        intervention TEXT, comparator TEXT, outcome TEXT, instrument TEXT, tests TEXT, alpha REAL,
        main_test TEXT, main_statistic TEXT, main_value REAL, main_df TEXT, main_p REAL,
        main_p_operator TEXT, main_significant INTEGER,
        cells TEXT                     -- JSON: a review row's cells by column header
    )""",
    "CREATE INDEX records_document ON records(document_id)",
    "CREATE INDEX records_design ON records(design)",
    """CREATE TABLE statistics (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL, kind TEXT NOT NULL, label TEXT, test TEXT,
        value REAL, df1 REAL, df2 REAL, p REAL, p_operator TEXT, n INTEGER,
        mean REAL, sd REAL, se REAL, median REAL, min REAL, max REAL, ci_low REAL, ci_high REAL,
        count INTEGER, percent REAL, unit TEXT, "group" TEXT, time TEXT,
        section TEXT, page INTEGER, start INTEGER, "end" INTEGER, text TEXT, source TEXT
    )""",
    "CREATE INDEX statistics_document ON statistics(document_id)",
    "CREATE INDEX statistics_kind ON statistics(kind)",
    """CREATE TABLE frequency_tables (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL, label TEXT, n INTEGER,
        levels TEXT, counts TEXT, percents TEXT, codes TEXT,     -- JSON lists
        section TEXT, page INTEGER, start INTEGER, "end" INTEGER, text TEXT, source TEXT
    )""",
    "CREATE INDEX frequency_tables_document ON frequency_tables(document_id)",
    """CREATE TABLE flags (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL, "check" TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'note')),
        message TEXT NOT NULL, expected REAL, reported REAL, expected_low REAL, expected_high REAL,
        details TEXT,
        section TEXT, page INTEGER, start INTEGER, "end" INTEGER, text TEXT   -- first evidence
    )""",
    "CREATE INDEX flags_document ON flags(document_id)",
    'CREATE INDEX flags_check ON flags("check", severity)',
    """CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        owner TEXT NOT NULL CHECK (owner IN ('record', 'statistic', 'frequency_table', 'flag')),
        owner_id INTEGER NOT NULL,     -- id in records / statistics / frequency_tables / flags
        field TEXT,                    -- for records: the field the span supports
        section TEXT, page INTEGER, start INTEGER, "end" INTEGER,
        text TEXT NOT NULL
    )""",
    "CREATE INDEX evidence_document ON evidence(document_id)",
    "CREATE INDEX evidence_owner ON evidence(owner, owner_id)",
    """CREATE TABLE analyses (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL, created_at TEXT NOT NULL, tool_version TEXT NOT NULL,
        measure TEXT, method TEXT, test TEXT, level REAL, k INTEGER,
        estimate REAL, se REAL, ci_low REAL, ci_high REAL, pi_low REAL, pi_high REAL,
        tau2 REAL, i2 REAL, q REAL, q_p REAL, p REAL,
        options TEXT, result_json TEXT  -- JSON
    )""",
    """CREATE TABLE effects (
        id INTEGER PRIMARY KEY,
        analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        record_id INTEGER REFERENCES records(id) ON DELETE SET NULL,
        study TEXT, measure TEXT, yi REAL, vi REAL, se REAL, ci_low REAL, ci_high REAL,
        weight REAL, n INTEGER, derived_from TEXT,
        assumed TEXT, details TEXT      -- JSON
    )""",
    "CREATE INDEX effects_analysis ON effects(analysis_id)",
)


def _migration_1(db: sqlite_utils.Database) -> None:
    """The first schema: every table, and FTS5 over texts and evidence kept in sync by triggers."""
    for statement in _SCHEMA_V1:
        db.execute(statement)
    db["texts"].enable_fts(["text"], create_triggers=True, tokenize=FTS_TOKENIZE)
    db["evidence"].enable_fts(["text"], create_triggers=True, tokenize=FTS_TOKENIZE)


def _migration_2(db: sqlite_utils.Database) -> None:
    """CPU seconds each document took in its worker (beside the wall-clock ``seconds``)."""
    db.execute("ALTER TABLE documents ADD COLUMN cpu_seconds REAL")


def _migration_3(db: sqlite_utils.Database) -> None:
    """Evidence enters its search index once per document, in one statement by the writer
    (:func:`save_rows`), not by a trigger per row (~15 µs a row); updates and deletes are still
    synced by their triggers."""
    db.execute('DROP TRIGGER IF EXISTS "evidence_ai"')


#: (version, name, step). Append only: a released step never changes, a new schema is a new step.
MIGRATIONS: tuple[tuple[int, str, Callable[[sqlite_utils.Database], None]], ...] = (
    (1, "initial schema", _migration_1),
    (2, "documents.cpu_seconds", _migration_2),
    (3, "evidence indexed once per document", _migration_3),
)

#: The schema version this evidencekit writes.
SCHEMA_VERSION = MIGRATIONS[-1][0]


def schema_version(db: sqlite_utils.Database) -> int:
    """The schema version recorded in the file (0 for a new, empty file)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database) -> list[int]:
    """Bring the file to :data:`SCHEMA_VERSION`, one transaction per step; return the steps run.

    Each step is recorded in ``schema_migrations`` and ``PRAGMA user_version``.
    """
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise CorpusError(
            f"this corpus has schema version {current}, newer than this evidencekit understands "
            f"({SCHEMA_VERSION}); upgrade evidencekit (pip install -U evidencekit) to open it")
    applied = []
    for version, name, step in MIGRATIONS:
        if version <= current:
            continue
        with db.atomic():
            if not db["schema_migrations"].exists():
                db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                           "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            step(db)
            db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, now()])
            db.execute(f"PRAGMA user_version = {int(version)}")
        log.info("corpus schema migrated to version %d (%s)", version, name)
        applied.append(version)
    return applied


def open_db(path: str | Path = DEFAULT_DB, *, create: bool = True) -> sqlite_utils.Database:
    """Open (and create or migrate) a corpus file with foreign keys on and WAL journaling."""
    path = Path(path)
    if not create and not path.is_file():
        raise CorpusError(f"no corpus at {path}; create one with "
                          f"`evidencekit corpus ingest FOLDER --db {path}`")
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA busy_timeout = 30000")
    db.execute("PRAGMA foreign_keys = ON")
    if db.journal_mode != "wal":
        db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")   # WAL + NORMAL: a crash loses no committed document
    migrate(db)
    return db


def now() -> str:
    """The current UTC time as ISO 8601 to the second, as every timestamp column stores it."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --------------------------------------------------------------------------- runs


def start_run(db: sqlite_utils.Database, *, tool_version: str, engine: str, workers: int,
              options: Mapping[str, Any], paths: Iterable[str]) -> int:
    """Record a new ingest run (status ``running``); runs left ``running`` by a dead process
    are marked ``interrupted`` first. Refuses while another live process is ingesting into the
    same file (two writers would process the same files twice)."""
    with db.atomic():
        for run in db.query("SELECT id, pid FROM runs WHERE status = 'running'"):
            if run["pid"] is not None and _pid_alive(run["pid"]):
                raise CorpusError(f"another ingest (run {run['id']}, process {run['pid']}) is writing "
                                  "to this corpus; wait for it to finish, or stop it and run again")
            db.execute("UPDATE runs SET status = 'interrupted' WHERE id = ?", [run["id"]])
        cursor = db.execute(
            "INSERT INTO runs (started_at, status, tool_version, engine, workers, pid, options, paths)"
            " VALUES (?, 'running', ?, ?, ?, ?, ?, ?)",
            [now(), tool_version, engine, workers, os.getpid(), json.dumps(dict(options)),
             json.dumps(list(paths), ensure_ascii=False)])
    return int(cursor.lastrowid)


def finish_run(db: sqlite_utils.Database, run_id: int, *, status: str, n_files: int,
               n_ingested: int, n_skipped: int, n_failed: int) -> None:
    """Close run ``run_id`` with its final ``status`` and file counts."""
    with db.atomic():
        db.execute("UPDATE runs SET status = ?, finished_at = ?, n_files = ?, n_ingested = ?, "
                   "n_skipped = ?, n_failed = ? WHERE id = ?",
                   [status, now(), n_files, n_ingested, n_skipped, n_failed, run_id])


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return pid != os.getpid()


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True, slots=True)
class Stored:
    """What the corpus holds for one content hash: enough to decide whether to skip a file."""

    id: int
    sha256: str
    path: str
    tool_version: str
    error_code: str | None


def stored_documents(db: sqlite_utils.Database) -> dict[str, Stored]:
    """Every stored document by sha256."""
    return {r["sha256"]: Stored(r["id"], r["sha256"], r["path"], r["tool_version"], r["error_code"])
            for r in db.query("SELECT id, sha256, path, tool_version, error_code FROM documents")}


def save_result(db: sqlite_utils.Database, result: DocumentResult, *, sha256: str, path: str,
                size_bytes: int | None, tool_version: str, run_id: int | None = None,
                seconds: float | None = None, cpu_seconds: float | None = None,
                result_json: str | None = None) -> int:
    """Store one document and everything found in it, in ONE transaction; return its row id.

    :func:`rows.build_rows` then :func:`save_rows`; ``result_json`` is the result's contract JSON
    when already serialised.
    """
    return save_rows(db, rows.build_rows(result, result_json), sha256=sha256, path=path,
                     size_bytes=size_bytes, tool_version=tool_version, run_id=run_id,
                     seconds=seconds, cpu_seconds=cpu_seconds)


def save_rows(db: sqlite_utils.Database, built: rows.DocumentRows, *, sha256: str, path: str,
              size_bytes: int | None, tool_version: str, run_id: int | None = None,
              seconds: float | None = None, cpu_seconds: float | None = None) -> int:
    """Store one document's rows (built by :func:`rows.build_rows`, e.g. in an ingest worker) in
    ONE transaction; return its row id.

    Idempotent: the rows of an earlier ingest of the same content (same ``sha256``), and of other
    content that used to live at the same ``path``, are replaced. The writer only puts the new
    ids in front of the rows: one prepared statement per table, and one that adds the document's
    evidence to ``evidence_fts`` (the text's index is filled by its trigger).
    """
    with db.atomic():
        db.execute("DELETE FROM documents WHERE sha256 = ? OR path = ?", [sha256, path])
        doc = _insert(db, "documents", built.document | {
            "sha256": sha256, "path": path, "size_bytes": size_bytes, "tool_version": tool_version,
            "run_id": run_id, "seconds": seconds, "cpu_seconds": cpu_seconds, "ingested_at": now()})
        if built.text is not None:
            db.conn.execute("INSERT INTO texts (document_id, text) VALUES (?, ?)", (doc, built.text))
            _insert_rows(db, "pages", [(doc, *r) for r in built.pages])
            _insert_rows(db, "sections", [(doc, *r) for r in built.sections])
        # Owners get explicit ids so their evidence can point at them. Statistics and frequency
        # tables keep their one span in their own row (their text is in the document text and its
        # index); records and flags cite spans in ``evidence``.
        first_record = _next_id(db, "records")
        _insert_rows(db, "records", [(first_record + i, doc, *r) for i, r in enumerate(built.records)])
        _insert_rows(db, "statistics", [(doc, *r) for r in built.statistics])
        _insert_rows(db, "frequency_tables", [(doc, *r) for r in built.frequency_tables])
        first_flag = _next_id(db, "flags")
        _insert_rows(db, "flags", [(first_flag + i, doc, *r) for i, r in enumerate(built.flags)])
        first = {"record": first_record, "flag": first_flag}
        _insert_rows(db, "evidence", [(doc, owner, first[owner] + i, *r)
                                      for owner, i, *r in built.evidence])
        if built.evidence:
            db.conn.execute("INSERT INTO evidence_fts (rowid, text) "
                            "SELECT id, text FROM evidence WHERE document_id = ?", (doc,))
    return doc


#: The columns each table's built rows are inserted with: the ids the writer puts in front, then
#: the row's own columns (an evidence row's owner_index becomes the owner's row id).
_ROW_COLUMNS = {
    "pages": ("document_id", *rows.PAGE_COLUMNS),
    "sections": ("document_id", *rows.SECTION_COLUMNS),
    "records": ("id", "document_id", *rows.RECORD_COLUMNS),
    "statistics": ("document_id", *rows.STATISTIC_COLUMNS),
    "frequency_tables": ("document_id", *rows.FREQUENCY_TABLE_COLUMNS),
    "flags": ("id", "document_id", *rows.FLAG_COLUMNS),
    "evidence": ("document_id", "owner", "owner_id", *rows.EVIDENCE_COLUMNS[2:]),
}


def save_analysis(db: sqlite_utils.Database, analysis: Mapping[str, Any],
                  effects: Iterable[Mapping[str, Any]] = (), *, tool_version: str) -> int:
    """Store a pooled analysis and its study effects (one transaction); return the analysis id.

    ``analysis`` is a dict such as ``MetaResult.to_dict()`` (its names — ``ci_lower``, ``pval``,
    ``heterogeneity.I2`` … — or the column names fill the columns; the whole dict is kept in
    ``result_json``); each effect a dict such as ``Effect.to_dict()`` (unknown keys go to
    ``details``). A study's weight comes from the analysis's ``studies``/``weights`` lists.
    """
    weights = rows.study_weights(analysis)
    with db.atomic():
        analysis_id = _insert(db, "analyses", rows.analysis_row(analysis, tool_version, now()))
        _insert_many(db, "effects", [rows.effect_row(analysis_id, e, weights.get(str(e.get("study"))))
                                     for e in effects])
    return analysis_id


# --------------------------------------------------------------------------- plain SQL inserts
# sqlite-utils' insert() inspects the table on every call; the writer stores thousands of small
# rows per minute into tables whose columns this module defines, so it uses prepared statements.


@functools.lru_cache(maxsize=64)
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    cols = ", ".join(f'"{c}"' for c in columns)
    return f'INSERT INTO "{table}" ({cols}) VALUES ({", ".join("?" * len(columns))})'


def _insert(db: sqlite_utils.Database, table: str, row: Mapping[str, Any]) -> int:
    cursor = db.conn.execute(_insert_sql(table, tuple(row)), list(row.values()))
    return int(cursor.lastrowid)


def _insert_many(db: sqlite_utils.Database, table: str, items: list[Mapping[str, Any]]) -> None:
    """Insert rows that all have the same keys, in that order."""
    if items:
        db.conn.executemany(_insert_sql(table, tuple(items[0])), [list(r.values()) for r in items])


def _insert_rows(db: sqlite_utils.Database, table: str, items: list[tuple]) -> None:
    """Insert tuples in the order of ``_ROW_COLUMNS[table]``."""
    if items:
        db.conn.executemany(_insert_sql(table, _ROW_COLUMNS[table]), items)


def _next_id(db: sqlite_utils.Database, table: str) -> int:
    """The id the next row of ``table`` gets (one writer, inside its transaction)."""
    return int(db.conn.execute(f'SELECT coalesce(max(id), 0) + 1 FROM "{table}"').fetchone()[0])
