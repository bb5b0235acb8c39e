"""The main job: papers in, a review report out.

``review(paths, outdir)`` runs every paper through :func:`evidencekit.pipeline.process` (read →
extract → check), turns the study records into effect sizes (``meta.from_records``), pools each
outcome / measure / design group separately (one-group pre/post designs never share an analysis
with controlled ones), and writes OUTDIR: ``index.html`` (self-contained), ``results.json``
(the contract), ``studies.csv``/``studies.xlsx`` (the extraction table), ``effects.csv``, and the
forest/funnel figures (SVG, PNG, PDF). The CLI (``evidencekit review``/``demo``) only calls this.
"""

from __future__ import annotations

import csv
import json
import logging
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from evidencekit import __version__
from evidencekit.errors import FileNotFound
from evidencekit.model import DocumentResult, results_to_dict
from evidencekit.pipeline import Limits, process
from evidencekit.reports.analysis import AnalysisReport, analysis_figures, analysis_view
from evidencekit.reports.figures import export_figures
from evidencekit.reports.html import ReportPage, study_table, write_report
from evidencekit.reports.i18n import check_language, labels

log = logging.getLogger(__name__)

#: File kinds a folder is searched for; a file named directly may have any suffix.
PAPER_SUFFIXES = (".pdf", ".txt")
#: Static formats written for the forest plot, and for the funnel plot.
FOREST_FORMATS = (".svg", ".png", ".pdf")
FUNNEL_FORMATS = (".svg", ".png")


@dataclass(frozen=True)
class ReviewSettings:
    """How a review runs: report language, pooling method, static export, corpus database."""

    lang: str = "en"
    method: str = "REML"
    test: str = "z"
    static_figures: bool = True
    db: Path | None = None
    limits: Limits = field(default_factory=Limits)

    def __post_init__(self) -> None:
        check_language(self.lang)


@dataclass(frozen=True)
class ReviewOutput:
    """What a review wrote: the report, every other file, and what could not be done."""

    outdir: Path
    index: Path
    files: tuple[Path, ...]
    results: tuple[DocumentResult, ...]
    analyses: tuple[AnalysisReport, ...]
    problems: tuple[str, ...] = ()


class NoPapers(FileNotFound):
    code = "no_papers"


def find_papers(paths: Iterable[str | Path]) -> list[Path]:
    """The papers to review: files named directly, and the PDF/text files of each folder.

    Within one folder a PDF and a text file of the same name are one paper (the PDF is read).
    """
    found: list[Path] = []
    for given in map(Path, paths):
        if given.is_file():
            found.append(given)
        elif given.is_dir():
            files = sorted(p for p in given.iterdir()
                           if p.is_file() and p.suffix.lower() in PAPER_SUFFIXES and not p.name.startswith("."))
            pdf_stems = {p.stem for p in files if p.suffix.lower() == ".pdf"}
            found.extend(p for p in files if p.suffix.lower() == ".pdf" or p.stem not in pdf_stems)
        else:
            raise FileNotFound(f"{given}: no such file or folder; give PDF or text files, or folders holding them")
    unique = list(dict.fromkeys(found))
    if not unique:
        raise NoPapers("no papers found: give PDF or .txt files, or folders that hold them")
    return unique


def read_papers(papers: Sequence[Path], limits: Limits,
                progress: Callable[[Path, DocumentResult], None] | None = None) -> list[DocumentResult]:
    """Run the pipeline on every paper; a paper that fails becomes a result with an ``error``."""
    results = []
    for path in papers:
        result = process(path, limits=limits)
        if progress is not None:
            progress(path, result)
        results.append(result)
    return results


def build_analyses(results: Sequence[DocumentResult], settings: ReviewSettings) -> tuple[list[AnalysisReport], list[str]]:
    """Effect sizes from the records, pooled per analysis group; and the messages of what failed."""
    from evidencekit.analyses import analyses_from_results

    return analyses_from_results(results, method=settings.method, test=settings.test, lang=settings.lang)


def write_effects_csv(analyses: Sequence[AnalysisReport], path: Path) -> Path:
    """One row per study and analysis: the effect pooled, its weight and how it was derived."""
    columns = ("analysis", "study", "label", "measure", "yi", "vi", "sei", "weight_pct", "derived_from",
               "assumed", "conservative", "group")
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for a in analyses:
            r = a.result
            by_study = {e.study: e for e in a.effects}
            for study, yi, vi, sei, w in zip(r.studies, r.yi, r.vi, r.sei, r.weights):
                e = by_study.get(study)
                label = a.info[study].label if study in a.info else study
                writer.writerow((a.key, study, label, r.measure, yi, vi, sei, w,
                                 e.derived_from if e else "", json.dumps(dict(e.assumed)) if e else "{}",
                                 e.conservative if e else "", e.group if e else ""))
    return path


def export_analysis_figures(analyses: Sequence[AnalysisReport], figures: Sequence[tuple], outdir: Path
                            ) -> tuple[dict[str, list[Path]], str | None]:
    """forest-<key>.* and funnel-<key>.* for every analysis, in one browser session."""
    jobs, planned = [], {}
    for a, (forest, funnel) in zip(analyses, figures):
        paths = [outdir / f"forest-{a.key}{ext}" for ext in FOREST_FORMATS]
        jobs += [(forest, p) for p in paths]
        if funnel is not None:
            funnel_paths = [outdir / f"funnel-{a.key}{ext}" for ext in FUNNEL_FORMATS]
            jobs += [(funnel, p) for p in funnel_paths]
            paths += funnel_paths
        planned[a.key] = paths
    exported = export_figures(jobs)
    written = set(exported.written)
    return {k: [p for p in v if p in written] for k, v in planned.items()}, exported.error


def _copy_main_figures(main: AnalysisReport, written: Sequence[Path], outdir: Path) -> list[Path]:
    """forest.svg/png/pdf and funnel.svg/png: the figures of the main (largest) analysis."""
    copies = []
    for path in written:
        target = outdir / path.name.replace(f"-{main.key}", "", 1)
        shutil.copyfile(path, target)
        copies.append(target)
    return copies


def _store(results: Sequence[DocumentResult], analyses: Sequence[AnalysisReport], db_path: Path) -> None:
    """Save the documents and the analyses into the SQLite corpus at ``db_path``."""
    from evidencekit.corpus import store

    db = store.open_db(db_path)
    for result in results:
        source = Path(result.source)
        sha = result.sha256 or f"failed:{source.resolve()}"
        store.save_result(db, result, sha256=sha, path=str(source.resolve()),
                          size_bytes=source.stat().st_size if source.is_file() else None,
                          tool_version=__version__)
    for a in analyses:
        store.save_analysis(db, a.result.to_dict() | {"title": a.title, "key": a.key},
                            [e.to_dict() for e in a.effects], tool_version=__version__)


def write_review(results: Sequence[DocumentResult], analyses: Sequence[AnalysisReport], outdir: Path,
                 settings: ReviewSettings = ReviewSettings(), messages: Sequence[str] = ()) -> ReviewOutput:
    """Write OUTDIR for already processed results and built analyses."""
    from evidencekit.reports.tables import write_extraction_table

    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    L = labels(settings.lang)
    files: list[Path] = []
    problems = list(messages)

    results_json = outdir / "results.json"
    results_json.write_text(json.dumps(results_to_dict(results, __version__), ensure_ascii=False, indent=2,
                                       allow_nan=False) + "\n", encoding="utf-8")
    files.append(results_json)
    for fmt in ("csv", "xlsx"):
        path = outdir / f"studies.{fmt}"
        write_extraction_table(list(results), fmt, path)
        files.append(path)
    files.append(write_effects_csv(analyses, outdir / "effects.csv"))

    figures = [analysis_figures(a, settings.lang) for a in analyses]
    written: dict[str, list[Path]] = {a.key: [] for a in analyses}
    export_error = None
    if settings.static_figures and analyses:
        written, export_error = export_analysis_figures(analyses, figures, outdir)
        files += [p for paths in written.values() for p in paths]
        files += _copy_main_figures(analyses[0], written[analyses[0].key], outdir)
        if export_error:
            problems.append(f"{L['export_failed']}: {export_error}")
    views = tuple(
        analysis_view(a, settings.lang, figs, downloads=tuple((p.name, p.name) for p in written[a.key]),
                      export_errors=(export_error,) if export_error else ())
        for a, figs in zip(analyses, figures))
    page = ReportPage(results=tuple(results), studies=study_table(results, settings.lang), analyses=views,
                      lang=settings.lang, outdir=outdir, analysis_messages=tuple(messages))
    index = write_report(page, outdir / "index.html")
    files.insert(0, index)
    if settings.db is not None:
        _store(results, analyses, settings.db)
    return ReviewOutput(outdir, index, tuple(files), tuple(results), tuple(analyses), tuple(problems))


def review(paths: Iterable[str | Path], outdir: str | Path, settings: ReviewSettings = ReviewSettings(),
           progress: Callable[[Path, DocumentResult], None] | None = None) -> ReviewOutput:
    """Review the papers under ``paths`` and write the report into ``outdir``."""
    papers = find_papers(paths)
    results = read_papers(papers, settings.limits, progress)
    analyses, messages = build_analyses(results, settings)
    return write_review(results, analyses, Path(outdir), settings, messages)


__all__ = ["NoPapers", "ReviewOutput", "ReviewSettings", "build_analyses",
           "find_papers", "read_papers", "review", "write_effects_csv", "write_review"]
