"""``evidencekit text`` and ``evidencekit extract``."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from evidencekit import __version__
from evidencekit.cli.app import app, err_console, fail, write_json
from evidencekit.model import results_to_dict
from evidencekit.pipeline import Limits, process


class ExtractFormat(str, Enum):
    """What `evidencekit extract` writes: contract JSON or a flat extraction table."""

    json = "json"
    table = "table"
    csv = "csv"
    xlsx = "xlsx"


@app.command()
def text(
    path: Path = typer.Argument(..., help="A PDF or text file."),
    markers: bool = typer.Option(True, "--markers/--no-markers", help="Show section markers."),
) -> None:
    """Print a paper's normalised text, with section markers.

    Offsets in the JSON (start/end) index this text.

    Example: evidencekit text examples/01_id_one_group_wilcoxon.pdf
    """
    result = process(path, until="read")
    if result.error:
        raise fail(escape(f"{path}: {result.error.message} [{result.error.code}]"))
    document = result.document
    assert document is not None
    if not markers:
        sys.stdout.write(document.text)
        return
    from evidencekit.extract.read import render_with_markers

    sys.stdout.write(render_with_markers(document))


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="PDF or text files."),
    fmt: ExtractFormat = typer.Option(ExtractFormat.json, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    max_pages: int = typer.Option(Limits.max_pages, help="Refuse files with more pages."),
    timeout: float = typer.Option(Limits.timeout_s, help="Seconds allowed per file."),
    no_checks: bool = typer.Option(False, "--no-checks", help="Extract only; run no checks."),
) -> None:
    """Extract study records and statistics from papers (contract JSON, table, CSV or XLSX).

    A file that fails carries an ``error`` entry; the others still succeed. With a single file
    that fails, the command exits with status 1.

    Example: evidencekit extract examples/*.pdf --format json -o out/results.json
    """
    limits = Limits(max_pages=max_pages, timeout_s=timeout)
    results = [process(p, limits=limits, until="extract" if no_checks else "check") for p in paths]
    for r in results:
        if r.error:
            err_console.print(f"[yellow]{escape(r.source)}[/]: {escape(f'{r.error.message} [{r.error.code}]')}",
                              highlight=False)
    if fmt is ExtractFormat.json:
        write_json(results_to_dict(results, __version__), output)
    else:
        from evidencekit.reports.tables import write_extraction_table

        write_extraction_table(results, fmt.value, output)
    if len(results) == 1 and results[0].error:
        raise typer.Exit(code=1)
