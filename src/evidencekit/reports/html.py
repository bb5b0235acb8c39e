"""The HTML report: one self-contained ``index.html`` (plotly.js inlined, no CDN, works offline).

Sections: summary, studies (the extraction table, sortable and filterable), flags (per document,
grouped by severity, evidence highlighted in context, links to the PDF page) and analyses (one per
outcome / measure / design group, with forest and funnel plots).

Every string from a paper is escaped: Jinja2 autoescape for the page, ``\\u003c``-escaped JSON for
the embedded figures (a ``</script>`` in a title cannot end the script element), and plotly's own
text escaping by :func:`evidencekit.reports.formatting.plot_escape`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from evidencekit import __version__
from evidencekit.model import DocumentResult
from evidencekit.reports.evidence import (
    DocumentFlags, document_anchor, group_flags, source_href, study_flags, worst_severity,
)
from evidencekit.reports.formatting import format_number
from evidencekit.reports.i18n import labels
from evidencekit.vocab import Severity

#: Escapes that keep JSON valid and make it inert inside a <script> element.
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass(frozen=True, slots=True)
class PlotView:
    """A plotly figure to draw in the page: ``json`` is the figure's JSON, script-safe."""

    element_id: str
    json: Markup
    title: str = ""


@dataclass(frozen=True, slots=True)
class AnalysisView:
    """One analysis as the template shows it; built by :mod:`evidencekit.reports.analysis`."""

    anchor: str
    title: str
    summary: tuple[tuple[str, str], ...]
    effect_columns: tuple[str, ...]
    effect_rows: tuple[tuple[Any, ...], ...]
    notes: tuple[str, ...] = ()
    plots: tuple[PlotView, ...] = ()
    downloads: tuple[tuple[str, str], ...] = ()       # (label, relative href)
    export_errors: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StudyRow:
    cells: tuple[Any, ...]
    anchor: str
    n_flags: int
    worst: str | None

    @property
    def sort_key(self) -> str:
        rank = Severity(self.worst).rank if self.worst else 3
        return f"{rank}-{999 - min(self.n_flags, 999):03d}"


@dataclass(frozen=True, slots=True)
class StudyTable:
    columns: tuple[str, ...]
    rows: tuple[StudyRow, ...]


@dataclass(frozen=True, slots=True)
class DocumentView:
    result: DocumentResult
    title: str
    href: str | None
    flags: DocumentFlags
    worst: str | None


@dataclass(frozen=True)
class ReportPage:
    """Everything the page shows; :func:`render_report` turns it into HTML."""

    results: tuple[DocumentResult, ...]
    studies: StudyTable
    analyses: tuple[AnalysisView, ...] = ()
    lang: str = "en"
    title: str | None = None
    generated: str = field(default_factory=lambda: datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
    outdir: Path | None = None
    analysis_messages: tuple[str, ...] = ()


def script_json(obj: Any) -> Markup:
    """JSON text safe inside a ``<script>`` element: ``<``, ``>``, ``&`` become \\u escapes."""
    text = obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False, allow_nan=False)
    for char, escape in _JSON_ESCAPES.items():
        text = text.replace(char, escape)
    return Markup(text)


def plot_view(element_id: str, figure: Any, title: str = "") -> PlotView:
    """A :class:`PlotView` of a plotly figure (its JSON made script-safe)."""
    return PlotView(element_id, script_json(figure.to_json()), title)


def document_title(result: DocumentResult) -> str:
    """"First Author (year) — title", or the document id where the paper's names were not found."""
    record = result.record
    if record is None or not (record.authors or record.title):
        return result.id
    first = record.authors[0] if record.authors else None
    who = f"{first} ({record.year})" if first and record.year else first or ""
    return " — ".join(part for part in (who, record.title) if part)


def study_table(results: Sequence[DocumentResult], lang: str = "en") -> StudyTable:
    """The extraction table (the display columns of :func:`reports.tables.extraction_rows`, headers
    in ``lang``) with a flags column linking each row to its document's flags."""
    from evidencekit.reports.tables import DISPLAY_COLUMNS, extraction_rows

    L = labels(lang)
    by_id = {r.id: r for r in results}
    rows = []
    for row in extraction_rows(results):
        result = by_id.get(str(row.get("document")))
        flags = study_flags(result, row.get("study_row")) if result is not None else ()
        worst = worst_severity(flags)
        rows.append(StudyRow(tuple(_cell(row.get(c)) for c in DISPLAY_COLUMNS),
                             document_anchor(result) if result is not None else "flags", len(flags),
                             worst.value if worst else None))
    return StudyTable(tuple(L.get(f"column {c}", c) for c in DISPLAY_COLUMNS), tuple(rows))


def _cell(value: Any) -> Any:
    if value is None or isinstance(value, (int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


@cache
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("evidencekit.reports", "templates"),
                      autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["fmt"] = format_number
    return env


@cache
def _static(name: str) -> Markup:
    return Markup(resources.files("evidencekit.reports").joinpath("static", name).read_text("utf-8"))


@cache
def _plotlyjs() -> Markup:
    from plotly.offline import get_plotlyjs

    return Markup(get_plotlyjs())


def render_report(page: ReportPage) -> str:
    """The report as one HTML string."""
    L = labels(page.lang)
    documents = []
    for result in page.results:
        worst = worst_severity(result.flags)
        documents.append(DocumentView(result, document_title(result),
                                      source_href(result.source, page.outdir, None),
                                      group_flags(result, page.outdir), worst.value if worst else None))
    counts = {s.value: sum(f.severity is s for r in page.results for f in r.flags) for s in Severity}
    plots = [p for a in page.analyses for p in a.plots]
    template = _environment().get_template("report.html.j2")
    return template.render(
        L=L, lang=page.lang, title=page.title or L["report_title"], version=__version__,
        generated=page.generated, results=page.results, documents=documents, studies=page.studies,
        analyses=page.analyses, analysis_messages=page.analysis_messages, n_flags=sum(counts.values()),
        flag_counts=[(s, n) for s, n in counts.items() if n], plots=plots,
        css=_static("report.css"), js=_static("report.js"), plotlyjs=_plotlyjs() if plots else "")


def write_report(page: ReportPage, path: Path) -> Path:
    """Render ``page`` to ``path`` (UTF-8) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(page), encoding="utf-8")
    return path

