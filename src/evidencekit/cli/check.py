"""``evidencekit check``: flags for a person, grouped by severity, with their evidence."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from evidencekit import __version__
from evidencekit.cli.app import app, console, err_console, write_json
from evidencekit.model import DocumentResult, Flag, results_to_dict
from evidencekit.vocab import Severity


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.NOTE: "cyan"}


def _evidence(flag: Flag) -> str:
    parts = []
    for s in flag.evidence[:2]:
        where = ", ".join(x for x in (s.section, f"p. {s.page}" if s.page else None) if x)
        text = " ".join(s.text.split())
        text = text if len(text) <= 160 else text[:157] + "…"
        parts.append(f"[dim]{escape(where)}[/] “{escape(text)}”" if text else f"[dim]{escape(where)}[/]")
    return "\n      ".join(parts)


def print_flags(result: DocumentResult) -> None:
    """One document's flags for a reader: errors, then warnings, then notes."""
    console.rule(f"[bold]{escape(result.source)}[/]")
    if result.error:
        console.print(f"[red]could not read:[/] {escape(result.error.message)} [{result.error.code}]")
        return
    if not result.flags:
        console.print("[green]No inconsistencies found.[/]")
        return
    for severity in Severity:
        flags = [f for f in result.flags if f.severity is severity]
        if not flags:
            continue
        console.print(f"[{STYLE[severity]}]{severity.value.upper()}S ({len(flags)})[/]")
        for f in flags:
            console.print(f"  • [{STYLE[severity]}]{f.check.value}[/]: {escape(f.message)}")
            extra = []
            if f.expected is not None:
                extra.append(f"expected {f.expected:.4g}")
            if f.expected_range is not None:
                extra.append(f"allowed {f.expected_range[0]:.4g}–{f.expected_range[1]:.4g}")
            if f.reported is not None:
                extra.append(f"reported {f.reported:.4g}")
            if extra:
                console.print(f"      [dim]{escape('; '.join(extra))}[/]")
            if f.evidence:
                console.print(f"      {_evidence(f)}")


@app.command()
def check(
    paths: list[Path] = typer.Argument(..., help="PDF or text files."),
    fmt: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="text (for people) or json."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write JSON here instead of stdout."),
    alpha: float = typer.Option(0.05, help="Significance level when the paper states none."),
) -> None:
    """Flag internally inconsistent statistics in papers, grouped by severity with the evidence.

    Exit status 1 when any paper has an error-severity flag (or could not be read).

    Example: evidencekit check examples/pijat_oksitosin_id.pdf --format json
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
