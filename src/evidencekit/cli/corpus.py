"""``evidencekit corpus …``: ingest papers into one SQLite file, then search, list, show, export."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn,
                           TextColumn, TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table
from rich.text import Text

from evidencekit import __version__
from evidencekit.cli.app import app, console, err_console, fail, write_json
from evidencekit.corpus import queries, store
from evidencekit.corpus.engines import ENGINES
from evidencekit.corpus.ingest import IngestEvent, IngestOptions, default_workers, ingest as run_ingest
from evidencekit.corpus.work import WorkSettings
from evidencekit.errors import EvidencekitError
from evidencekit.pipeline import STAGES, Limits

corpus_app = typer.Typer(help="A corpus of papers in one SQLite file: ingest, search, list, show, "
                              "flags, export.\n\nExample: evidencekit corpus ingest examples --db review.db",
                         no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")

#: Failed files listed after an ingest; the rest are in `corpus list --failed`.
MAX_FAILURES_SHOWN = 20

DB_OPTION = typer.Option(store.DEFAULT_DB, "--db", help="The corpus file (SQLite).")


class Engine(str, Enum):
    """Where ingest runs the pipeline: in local worker processes, or on a dask cluster."""

    local = "local"
    dask = "dask"


assert {e.value for e in Engine} == set(ENGINES)


class SeverityChoice(str, Enum):
    """The one flag severity `corpus flags --severity` lists."""

    error = "error"
    warning = "warning"
    note = "note"


class Stage(str, Enum):
    """The last pipeline stage ingest runs (pipeline.STAGES)."""

    read = "read"
    extract = "extract"
    check = "check"


assert tuple(s.value for s in Stage) == STAGES


class ExportFormat(str, Enum):
    """What `corpus export` writes."""

    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    table = "table"


class _Rate(ProgressColumn):
    """Files per second."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} files/s" if speed else "– files/s", style="progress.data.speed")


@corpus_app.command("ingest")
def ingest_cmd(
    paths: list[Path] = typer.Argument(..., help="Folders (walked for .pdf, .txt, .md) or files."),
    db: Path = DB_OPTION,
    workers: int = typer.Option(default_workers(), "--workers", "-w", help="Worker processes."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local: isolated processes here; "
                                  "dask: a Dask cluster."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address "
                                            "(tcp://host:8786); default: a LocalCluster."),
    timeout: float = typer.Option(Limits.timeout_s, "--timeout", help="Seconds allowed per file."),
    max_pages: int = typer.Option(Limits.max_pages, "--max-pages", help="Refuse files with more pages."),
    max_memory: int = typer.Option(2048, "--max-memory", help="Memory cap per worker, in MB."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Process again files that failed "
                                      "before (otherwise they are skipped like the others)."),
    until: Stage = typer.Option(Stage.check, "--until", help="Last stage to run: read (text only, "
                                "searchable), extract (no checks) or check (everything)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Ingest papers into the corpus, skipping files already stored by this version.

    Each file is processed in its own worker with a time and memory limit; failures become rows
    with an error code. Each document is committed on its own: after Ctrl-C or a crash, run the
    same command again to resume.

    Example: evidencekit corpus ingest papers/ --db review.db --workers 2
    """
    try:
        settings = WorkSettings(limits=Limits(max_pages=max_pages, timeout_s=timeout),
                                until=until.value, max_memory_mb=max_memory)
        options = IngestOptions(engine=engine.value, workers=workers, scheduler=scheduler,
                                settings=settings, retry_failed=retry_failed)
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise ValueError(f"{', '.join(missing)}: no such file or folder; check the path")
        database = store.open_db(db)
    except (ValueError, EvidencekitError) as exc:
        raise fail(str(exc)) from exc
    progress = Progress(SpinnerColumn(), TextColumn("[bold]{task.description}[/]"), BarColumn(),
                        MofNCompleteColumn(), _Rate(), TextColumn("{task.fields[errors]} errors"),
                        TimeElapsedColumn(), TimeRemainingColumn(), console=err_console,
                        disable=quiet, transient=False)
    failures: list[IngestEvent] = []
    bar = {"id": None, "check": None}

    def on_event(event: IngestEvent) -> None:
        if event.kind == "found":              # hashing: which files are already in the corpus
            bar["check"] = progress.add_task("check", total=event.total, errors=0)
        elif event.kind == "hashed":
            progress.update(bar["check"], advance=1)
        elif event.kind == "planned":
            progress.remove_task(bar["check"])
            bar["id"] = progress.add_task("ingest", total=event.total, errors=0)
        elif event.kind in ("stored", "failed"):
            if event.kind == "failed":
                failures.append(event)
            progress.update(bar["id"], advance=1, errors=len(failures))

    try:
        with progress:
            summary = run_ingest(paths, database, options, on_event)
    except KeyboardInterrupt:
        stored = database["documents"].count
        err_console.print(f"interrupted; {stored} documents are stored in {db}. "
                          "Run the same command again to resume.")
        raise typer.Exit(code=130)
    except (FileNotFoundError, ValueError, EvidencekitError) as exc:
        raise fail(str(exc)) from exc
    finally:
        database.close()
    for event in failures[:MAX_FAILURES_SHOWN]:
        err_console.print(f"[yellow]{escape(event.source or '')}[/]: failed "
                          f"{escape('[' + (event.error_code or '') + ']')}", highlight=False)
    if len(failures) > MAX_FAILURES_SHOWN:
        err_console.print(f"… and {len(failures) - MAX_FAILURES_SHOWN} more: "
                          f"evidencekit corpus list --failed --db {db}", highlight=False)
    rate = (summary.n_ingested / summary.seconds) if summary.seconds else 0.0
    console.print(f"{summary.n_files} files: {summary.n_ingested - summary.n_failed} ingested, "
                  f"{summary.n_failed} failed, {summary.n_skipped} skipped (already in {db}) "
                  f"in {summary.seconds:.1f} s ({rate:.1f} files/s)", highlight=False)


@corpus_app.command("search")
def search_cmd(
    query: str = typer.Argument(..., help="Words that must all occur; end a word with * for a prefix."),
    db: Path = DB_OPTION,
    limit: int = typer.Option(20, "--limit", "-n", help="At most this many hits."),
    as_json: bool = typer.Option(False, "--json", help="Print hits as JSON."),
) -> None:
    """Full-text search over the papers' text and the evidence cited by record fields and flags.

    Example: evidencekit corpus search "pijat oksitosin"
    """
    with _open(db) as database:
        try:
            hits = queries.search(database, query, limit=limit)
        except EvidencekitError as exc:
            raise fail(str(exc)) from exc
    if as_json:
        write_json([_hit_dict(h) for h in hits], None)
        return
    if not hits:
        console.print(f"no match for {query!r}", highlight=False)
        return
    for h in hits:
        where = h.where + (f", {h.section}" if h.section else "") + (f", p. {h.page}" if h.page else "")
        console.print(f"[bold]{h.document_id}[/] {escape(h.source)} [dim]({where})[/]", highlight=False)
        console.print(_snippet_text(h.snippet))


def _snippet_text(snippet: str) -> Text:
    """A snippet with its matches in reverse video, on one indented line."""
    text = Text("    ")
    flat = " ".join(snippet.split())
    for i, part in enumerate(flat.replace(queries.HIT_END, queries.HIT_START).split(queries.HIT_START)):
        text.append(part, style="reverse" if i % 2 else None)
    return text


def _hit_dict(h: queries.SearchHit) -> dict:
    return {f: getattr(h, f) for f in h.__slots__}


@corpus_app.command("list")
def list_cmd(
    db: Path = DB_OPTION,
    failed: bool = typer.Option(False, "--failed", help="Only documents that failed."),
    as_json: bool = typer.Option(False, "--json", help="Print rows as JSON."),
) -> None:
    """List the documents of the corpus: id, source, language, design, n, statistics, flags, error.

    Example: evidencekit corpus list --db review.db
    """
    with _open(db) as database:
        rows = queries.list_documents(database, failed_only=failed)
    if as_json:
        write_json(rows, None)
        return
    table = Table(title=f"{len(rows)} documents in {db}")
    for header, _ in _LIST_VIEW:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row, column) for _, column in _LIST_VIEW))
    console.print(table)


#: (header, column) of the ``corpus list`` table: short headers so it fits a terminal.
_LIST_VIEW = (("id", "id"), ("source", "source"), ("lang", "language"), ("kind", "kind"),
              ("pages", "pages"), ("design", "design"), ("n", "n_total"), ("stats", "n_statistics"),
              ("flags", "n_flags"), ("errors", "n_errors"), ("failed", "error_code"))


def _cell(row: dict, column: str) -> str:
    value = row[column]
    if value is None:
        return ""
    if column == "source":
        value = Path(value).name
    return escape(str(value))


@corpus_app.command("show")
def show_cmd(
    document: str = typer.Argument(..., help="A row id, sha256 (prefix), file stem or path."),
    db: Path = DB_OPTION,
) -> None:
    """Print one document's contract JSON (record, statistics, flags).

    Example: evidencekit corpus show 3
    """
    with _open(db) as database:
        try:
            row = queries.find_document(database, document)
        except EvidencekitError as exc:
            raise fail(str(exc)) from exc
    write_json(json.loads(row["result_json"]), None)


@corpus_app.command("flags")
def flags_cmd(
    db: Path = DB_OPTION,
    severity: Optional[SeverityChoice] = typer.Option(None, "--severity", help="Only this severity."),
    check: Optional[str] = typer.Option(None, "--check", help="Only this check id (e.g. grim)."),
    as_json: bool = typer.Option(False, "--json", help="Print flags as JSON."),
) -> None:
    """List the inconsistencies found across the corpus, errors first.

    Example: evidencekit corpus flags --severity error
    """
    with _open(db) as database:
        rows = queries.list_flags(database, severity=severity.value if severity else None, check=check)
    if as_json:
        write_json(rows, None)
        return
    table = Table("document", "source", "check", "severity", "message", "page",
                  title=f"{len(rows)} flags")
    for r in rows:
        table.add_row(str(r["document_id"]), escape(r["source"]), r["check"], r["severity"],
                      escape(r["message"]), "" if r["page"] is None else str(r["page"]))
    console.print(table)


@corpus_app.command("export")
def export_cmd(
    db: Path = DB_OPTION,
    fmt: ExportFormat = typer.Option(ExportFormat.json, "--format", "-f", help="json: the contract "
                                     "JSON; csv/xlsx/table: the extraction table."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
) -> None:
    """Export the corpus: the contract JSON of every document, or the extraction table.

    Example: evidencekit corpus export --format xlsx -o extraction.xlsx
    """
    if fmt is ExportFormat.json:                  # streamed: memory does not grow with the corpus
        with _open(db) as database:
            if output is None:
                queries.write_contract_json(database, sys.stdout, version=__version__)
            else:
                output.parent.mkdir(parents=True, exist_ok=True)
                with output.open("w", encoding="utf-8") as out:
                    queries.write_contract_json(database, out, version=__version__)
        return
    with _open(db) as database:
        results = queries.load_results(database)
    from evidencekit.reports.tables import write_extraction_table

    try:
        write_extraction_table(results, fmt.value, output)
    except EvidencekitError as exc:
        raise fail(str(exc)) from exc


@corpus_app.command("info")
def info_cmd(db: Path = DB_OPTION) -> None:
    """Show the corpus file's schema version, row counts and recent runs.

    Example: evidencekit corpus info --db review.db
    """
    with _open(db) as database:
        counts = queries.count_rows(database)
        version = store.schema_version(database)
        runs = queries.recent_runs(database, limit=5)
    console.print(f"{db}: schema version {version}", highlight=False)
    console.print(", ".join(f"{k} {v}" for k, v in counts.items()), highlight=False)
    for r in runs:
        console.print(" ".join(f"{k}={v}" for k, v in r.items()), highlight=False)


class _open:
    """Open an existing corpus for a read command, turning a missing file into a clear error."""

    def __init__(self, db: Path) -> None:
        self.path = db

    def __enter__(self):
        try:
            self.db = store.open_db(self.path, create=False)
        except EvidencekitError as exc:
            raise fail(str(exc)) from exc
        return self.db

    def __exit__(self, *exc) -> None:
        self.db.close()
