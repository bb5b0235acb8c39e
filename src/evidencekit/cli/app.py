"""The Typer app and the few helpers every command shares (output, errors)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from evidencekit import __version__

app = typer.Typer(
    name="evidencekit",
    help="Extract, check and pool the statistics of research papers (Indonesian and English).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"evidencekit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Extract, check and pool the statistics of research papers."""


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``error: message`` on stderr and return the Exit to raise."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code=code)


def write_json(obj: Any, output: Path | None) -> None:
    """Write ``obj`` as UTF-8 JSON to ``output`` or stdout."""
    text = json.dumps(obj, ensure_ascii=False, indent=2, allow_nan=False)
    if output is None:
        sys.stdout.write(text + "\n")
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text + "\n", encoding="utf-8")
