"""``evidencekit review`` and ``evidencekit demo``: papers in, one HTML report (and exports) out."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from evidencekit.cli.app import app, console, err_console, fail
from evidencekit.errors import EvidencekitError
from evidencekit.model import DocumentResult
from evidencekit.pipeline import Limits

#: The repository's example papers (``make examples`` writes them).
EXAMPLES_DIR = Path(__file__).resolve().parents[3] / "examples"


class Lang(str, Enum):
    id = "id"
    en = "en"


def _progress(path: Path, result: DocumentResult) -> None:
    if result.error:
        err_console.print(f"[yellow]{path}[/]: {result.error.message} [{result.error.code}]", highlight=False)
    else:
        console.print(f"  read {path} ({len(result.flags)} flags)", highlight=False)


def _run(paths: list[Path], outdir: Path, lang: Lang, db: Optional[Path], static: bool,
         max_pages: int, timeout: float) -> None:
    from evidencekit.review import ReviewSettings, review

    settings = ReviewSettings(lang=lang.value, db=db, static_figures=static,
                              limits=Limits(max_pages=max_pages, timeout_s=timeout))
    try:
        out = review(paths, outdir, settings, progress=_progress)
    except EvidencekitError as exc:
        raise fail(str(exc)) from exc
    for problem in out.problems:
        err_console.print(f"[yellow]note:[/] {problem}", highlight=False)
    n_flags = sum(len(r.flags) for r in out.results)
    console.print(f"{len(out.results)} papers, {n_flags} flags, {len(out.analyses)} analyses.", highlight=False)
    console.print(f"Report written to {out.index}", highlight=False)
    console.print(f"Other files in {out.outdir}: " + ", ".join(p.name for p in out.files[1:]), highlight=False)


@app.command()
def review(
    paths: list[Path] = typer.Argument(..., help="PDF or text files, or folders holding them."),
    outdir: Path = typer.Option(..., "--output", "-o", help="Folder to write the report into."),
    lang: Lang = typer.Option(Lang.en, "--lang", help="Language of the report's labels."),
    db: Optional[Path] = typer.Option(None, "--db", help="Also save everything into this SQLite corpus."),
    static: bool = typer.Option(True, "--static/--no-static", help="Export forest/funnel as SVG, PNG, PDF."),
    max_pages: int = typer.Option(Limits.max_pages, help="Refuse files with more pages."),
    timeout: float = typer.Option(Limits.timeout_s, help="Seconds allowed per file."),
) -> None:
    """Review papers: extract, check, pool, and write OUTDIR/index.html with exports.

    OUTDIR gets index.html (one self-contained file), results.json, studies.csv, studies.xlsx,
    effects.csv, forest.svg/png/pdf and funnel.svg/png.

    Example: evidencekit review ../shared/pdf -o out --lang id
    """
    _run(paths, outdir, lang, db, static, max_pages, timeout)


@app.command()
def demo(
    outdir: Path = typer.Option(Path("out/demo"), "--output", "-o", help="Folder to write the report into."),
    lang: Lang = typer.Option(Lang.en, "--lang", help="Language of the report's labels."),
    static: bool = typer.Option(True, "--static/--no-static", help="Export forest/funnel as SVG, PNG, PDF."),
) -> None:
    """Review the example papers of the repository (examples/) and print where the report went.

    Example: evidencekit demo -o out/demo
    """
    if not any(EXAMPLES_DIR.glob("*.pdf")):
        raise fail(f"no example papers in {EXAMPLES_DIR}: run `make examples` (python examples/make_examples.py) first")
    _run([EXAMPLES_DIR], outdir, lang, None, static, Limits.max_pages, Limits.timeout_s)
