"""Reading the corpus: search with snippets, listings, one document, flags, and whole results.

``load_results(db)`` rebuilds :class:`~evidencekit.model.DocumentResult` objects (with their read
``Document``: text, pages, sections) so reports can be written from a corpus exactly as from
``extract``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, TextIO

import sqlite_utils

from evidencekit.corpus.store import CorpusError
from evidencekit.model import CONTRACT_VERSION, Document, DocumentResult, Page, Section

#: Marks around matched words in snippets (rare characters, so the text's own brackets stay
#: unambiguous; the CLI turns them into colour).
HIT_START, HIT_END = "⟦", "⟧"
#: Words of context a snippet shows.
SNIPPET_TOKENS = 16


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match: in a document's text (``where`` = "text") or in the evidence a record field or
    a flag cites (``where`` = "record" or "flag")."""

    document_id: int
    doc_id: str
    source: str
    where: str
    section: str | None
    page: int | None
    snippet: str
    rank: float


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: every word must occur (quotes keep punctuation and
    FTS operators literal); a trailing ``*`` keeps prefix search, e.g. ``oksito*``."""
    # control characters (NUL …) end an FTS5 string early: they are never part of a word
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    words = re.findall(r"[^\s\"]+\*?", text)
    if not words:
        raise CorpusError("the search text is empty; give one or more words, e.g. \"pijat oksitosin\"")
    parts = []
    for w in words:
        prefix = w.endswith("*") and len(w) > 1
        core = w[:-1] if prefix else w
        parts.append(f'"{core}"' + ("*" if prefix else ""))
    return " ".join(parts)


def search(db: sqlite_utils.Database, text: str, *, limit: int = 20) -> list[SearchHit]:
    """Full-text search over document text and evidence, best matches (bm25) first."""
    q = fts_query(text)
    snippet = f"snippet({{fts}}, 0, '{HIT_START}', '{HIT_END}', '…', {SNIPPET_TOKENS})"
    sql = f"""
        SELECT * FROM (
          SELECT d.id AS document_id, d.doc_id, d.source, 'text' AS "where",
                 NULL AS section, NULL AS page, {snippet.format(fts='texts_fts')} AS snippet,
                 bm25(texts_fts) AS rank
          FROM texts_fts JOIN texts t ON t.rowid = texts_fts.rowid
          JOIN documents d ON d.id = t.document_id
          WHERE texts_fts MATCH :q
          UNION ALL
          SELECT d.id, d.doc_id, d.source, e.owner, e.section, e.page,
                 {snippet.format(fts='evidence_fts')}, bm25(evidence_fts)
          FROM evidence_fts JOIN evidence e ON e.rowid = evidence_fts.rowid
          JOIN documents d ON d.id = e.document_id
          WHERE evidence_fts MATCH :q
        ) ORDER BY rank, document_id LIMIT :limit"""
    return [SearchHit(**row) for row in db.query(sql, {"q": q, "limit": limit})]


#: Columns of ``corpus list``.
LIST_COLUMNS = ("id", "doc_id", "source", "language", "kind", "pages", "design", "n_total",
                "n_statistics", "n_flags", "n_errors", "error_code")


def list_documents(db: sqlite_utils.Database, *, failed_only: bool = False) -> list[dict[str, Any]]:
    """One summary row per document, in ingest order."""
    where = "WHERE error_code IS NOT NULL" if failed_only else ""
    cols = ", ".join(f'"{c}"' for c in LIST_COLUMNS)
    return list(db.query(f"SELECT {cols} FROM documents {where} ORDER BY id"))


def find_document(db: sqlite_utils.Database, key: str) -> dict[str, Any]:
    """The documents row for ``key``: a row id, a sha256 (or a prefix of 8+ hex digits), a contract
    id (file stem) or a path. Raises :class:`CorpusError` when none or several match."""
    key = str(key).strip()
    if key.isdigit():
        rows = list(db.query("SELECT * FROM documents WHERE id = ?", [int(key)]))
    elif re.fullmatch(r"[0-9a-f]{8,64}", key):
        rows = list(db.query("SELECT * FROM documents WHERE sha256 LIKE ?", [key + "%"]))
    else:
        rows = []
    if not rows:
        rows = list(db.query("SELECT * FROM documents WHERE doc_id = ? OR source = ? OR path = ?",
                             [key, key, key]))
    if not rows:
        raise CorpusError(f"no document {key!r} in the corpus; `evidencekit corpus list` shows the ids")
    if len(rows) > 1:
        choices = ", ".join(f"{r['id']} ({r['source']})" for r in rows)
        raise CorpusError(f"{key!r} names {len(rows)} documents: {choices}; give the numeric id")
    return rows[0]


def list_flags(db: sqlite_utils.Database, *, severity: str | None = None,
               check: str | None = None) -> list[dict[str, Any]]:
    """Every flag with its document, most severe first."""
    sql = """SELECT f.id, d.id AS document_id, d.doc_id, d.source, f."check", f.severity, f.message,
                    f.expected, f.reported, f.section, f.page, f.text
             FROM flags f JOIN documents d ON d.id = f.document_id
             WHERE (:severity IS NULL OR f.severity = :severity)
               AND (:check IS NULL OR f."check" = :check)
             ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END,
                      d.id, f.ordinal"""
    return list(db.query(sql, {"severity": severity, "check": check}))


def count_rows(db: sqlite_utils.Database) -> dict[str, int]:
    """Rows per table (documents, statistics, flags …): a quick picture of the corpus."""
    tables = ("documents", "texts", "pages", "sections", "records", "statistics", "frequency_tables",
              "flags", "evidence", "analyses", "effects", "runs")
    return {t: db[t].count for t in tables}


def recent_runs(db: sqlite_utils.Database, *, limit: int = 5) -> list[dict[str, Any]]:
    """The last ``limit`` ingest runs, newest first: when, status, engine and file counts."""
    return list(db.query("SELECT id, started_at, status, tool_version, engine, workers, "
                         "n_files, n_ingested, n_skipped, n_failed FROM runs ORDER BY id DESC LIMIT ?",
                         [limit]))


def load_results(db: sqlite_utils.Database, *, ids: list[int] | None = None,
                 include_failed: bool = True) -> list[DocumentResult]:
    """Rebuild every stored :class:`DocumentResult` (in ingest order) with its read document."""
    where, params = [], []
    if ids is not None:
        where.append(f"id IN ({', '.join('?' for _ in ids)})")
        params.extend(ids)
    if not include_failed:
        where.append("error_code IS NULL")
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    results = []
    for row in db.query(f"SELECT * FROM documents {clause} ORDER BY id", params):
        results.append(DocumentResult.from_dict(json.loads(row["result_json"]),
                                                document=_document(db, row)))
    return results


def write_contract_json(db: sqlite_utils.Database, out: TextIO, *, version: str) -> int:
    """Stream the contract object of every stored document to ``out`` (the same JSON as
    ``extract --format json``), one document in memory at a time; return how many were written."""
    head = json.dumps({"contract": CONTRACT_VERSION, "tool": {"name": "evidencekit", "version": version}},
                      ensure_ascii=False, indent=2)
    out.write(head[:-2] + ',\n  "documents": [')
    count = 0
    for row in db.query("SELECT result_json FROM documents ORDER BY id"):
        document = json.dumps(json.loads(row["result_json"]), ensure_ascii=False, indent=2)
        out.write(("," if count else "") + "\n    " + document.replace("\n", "\n    "))
        count += 1
    out.write("\n  ]\n}\n" if count else "]\n}\n")
    return count


def _document(db: sqlite_utils.Database, row: dict[str, Any]) -> Document | None:
    text = next(db.query("SELECT text FROM texts WHERE document_id = ?", [row["id"]]), None)
    if text is None:
        return None
    pages = tuple(Page(r["number"], r["start"], r["end"], r["label"], r["columns"] or 1)
                  for r in db.query("SELECT * FROM pages WHERE document_id = ? ORDER BY number", [row["id"]]))
    sections = tuple(Section(r["name"], r["heading"] or "", r["start"], r["end"])
                     for r in db.query("SELECT * FROM sections WHERE document_id = ? ORDER BY ordinal",
                                       [row["id"]]))
    return Document(id=row["doc_id"], source=row["source"], sha256=row["sha256"], text=text["text"],
                    pages=pages, sections=sections, language=row["language"],
                    media_type=row["media_type"] or "text/plain")
