"""``evidencekit check``: flags for a person, grouped by severity, with their evidence."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.padding import Padding
from rich.text import Text

from evidencekit import __version__
from evidencekit.cli.app import app, console, err_console, write_json
from evidencekit.model import DocumentResult, Flag, results_to_dict
from evidencekit.vocab import Severity


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.NOTE: "cyan"}


def _evidence(flag: Flag) -> list[Text]:
    out = []
    for s in flag.evidence[:2]:
        where = ", ".join(x for x in (s.section, f"p. {s.page}" if s.page else None) if x) or "text"
        quote = " ".join(s.text.split())
        quote = quote if len(quote) <= 160 else quote[:157] + "…"
        out.append(Text.assemble((where, "dim"), (f" “{quote}”" if quote else "")))
    return out


def _numbers(flag: Flag) -> str:
    parts = []
    if flag.reported is not None:
        parts.append(f"reported {flag.reported:.4g}")
    if flag.expected is not None:
        parts.append(f"expected {flag.expected:.4g}")
    if flag.expected_range is not None:
        parts.append(f"expected range {flag.expected_range[0]:.4g}–{flag.expected_range[1]:.4g}")
    return "; ".join(parts)


def print_flags(result: DocumentResult) -> None:
    """One document's flags for a reader: errors, then warnings, then notes, each with the
    numbers and the sentence or table cell it came from (wrapped lines stay indented)."""
    console.rule(Text(result.source, style="bold"))
    if result.error:
        console.print(Text.assemble(("could not read: ", "red"), f"{result.error.message} [{result.error.code}]"))
        return
    if not result.flags:
        console.print(Text("No inconsistencies found.", style="green"))
        return
    for severity in Severity:
        flags = [f for f in result.flags if f.severity is severity]
        if not flags:
            continue
        console.print(Text(f"{severity.value.upper()}S ({len(flags)})", style=STYLE[severity]))
        for f in flags:
            console.print(Padding(Text.assemble(("• ", STYLE[severity]), (f.check.value, STYLE[severity]),
                                                 ": ", f.message), (0, 0, 0, 2)))
            if (numbers := _numbers(f)):
                console.print(Padding(Text(numbers, style="dim"), (0, 0, 0, 6)))
            for line in _evidence(f):
                console.print(Padding(line, (0, 0, 0, 6)))


@app.command()
def check(
    paths: list[Path] = typer.Argument(..., help="PDF or text files."),
    fmt: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="text (for people) or json."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write JSON here instead of stdout."),
    alpha: float = typer.Option(0.05, help="Significance level when the paper states none."),
) -> None:
    """Flag internally inconsistent statistics in papers, grouped by severity with the evidence.

    Exit status 1 when any paper has an error-severity flag (or could not be read).

    Example: evidencekit check examples/02_id_quasi_two_column.pdf --format json
    """
    from evidencekit.checks.settings import CheckSettings
    from evidencekit.pipeline import process

    try:
        settings = CheckSettings(alpha=alpha)
    except ValueError as exc:
        err_console.print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(code=2) from exc
    results = [process(p, check_settings=settings) for p in paths]
    if fmt is CheckFormat.json:
        write_json(results_to_dict(results, __version__), output)
    else:
        for r in results:
            print_flags(r)
    if any(r.error or any(f.severity is Severity.ERROR for f in r.flags) for r in results):
        raise typer.Exit(code=1)
