"""The extraction table as reviewers know it: one row per study, as a rich table, CSV or XLSX.

A primary paper gives one row from its record; a review gives one row per study of its own
extraction table (its rows are studies, the review itself is their source). The first ten columns
are the table reviewers write by hand (:data:`DISPLAY_COLUMNS`); the structured fields after them
(:data:`DATA_COLUMNS`) hold the vocabulary codes and numbers for sorting and scripts. Nothing is
computed here: every value comes from the record.

The report and corpus share :func:`extraction_rows`.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import Any, Iterable

import typer

from evidencekit.errors import EvidencekitError
from evidencekit.model import DocumentResult, StudyRecord

#: The columns of a reviewer's extraction table, in order.
DISPLAY_COLUMNS = ("No.", "Author (year)", "Title", "Design", "Population and sample (n)", "Main intervention",
                   "Comparator", "Outcome", "Test", "Result (p)")
#: Structured fields after them: contract codes and numbers.
DATA_COLUMNS = ("document", "source", "kind", "study_row", "authors", "year", "journal", "doi", "design_code",
                "design_family", "n_total", "n_arms", "sampling", "tests", "statistic", "value", "p",
                "p_operator", "significant", "alpha", "error")
COLUMNS = DISPLAY_COLUMNS + DATA_COLUMNS
FORMATS = ("table", "csv", "xlsx")

#: How a design code reads in the table.
DESIGN_LABELS = {
    "one_group_pretest_posttest": "One-group pretest-posttest",
    "two_group_pretest_posttest": "Two-group pretest-posttest",
    "two_group_posttest_only": "Two-group posttest-only",
    "rct": "Randomised controlled trial",
    "crossover": "Crossover trial",
    "quasi_experimental": "Quasi-experimental",
    "cross_sectional": "Cross-sectional",
    "cohort": "Cohort",
    "case_control": "Case-control",
    "literature_review": "Literature review",
    "systematic_review": "Systematic review",
    "meta_analysis": "Meta-analysis",
    "other": "Other",
}
FAMILY_LABELS = {"pre_experimental": "pre-experimental", "quasi_experimental": "quasi-experimental",
                 "experimental": "experimental", "observational": "observational", "review": "review"}
TEST_LABELS = {
    "paired_t": "paired t-test", "independent_t": "independent t-test", "one_sample_t": "one-sample t-test",
    "welch_t": "Welch t-test", "wilcoxon_signed_rank": "Wilcoxon signed-rank", "mann_whitney": "Mann-Whitney U",
    "kruskal_wallis": "Kruskal-Wallis", "friedman": "Friedman", "anova": "ANOVA", "ancova": "ANCOVA",
    "chi_square": "chi-square", "fisher_exact": "Fisher's exact", "mcnemar": "McNemar", "pearson": "Pearson r",
    "spearman": "Spearman rho", "regression": "linear regression", "logistic_regression": "logistic regression",
    "shapiro_wilk": "Shapiro-Wilk", "kolmogorov_smirnov": "Kolmogorov-Smirnov", "other": "other",
}
#: Longest cell text shown in the terminal table (the CSV/XLSX keep everything).
TERMINAL_CELL = 60


class OutputRequired(EvidencekitError, typer.BadParameter):
    """A format that writes a file was asked for without a path. A usage error for the CLI too,
    so ``evidencekit extract`` prints it without a traceback."""

    code = "output_required"


class UnknownFormat(EvidencekitError, typer.BadParameter):
    code = "unknown_format"


# --------------------------------------------------------------------------- rows


def extraction_rows(results: Iterable[DocumentResult]) -> list[dict[str, Any]]:
    """One dict per study (keys :data:`COLUMNS`): each primary paper's record, each row of each
    review's extraction table; a document that failed gives one row with its ``error``."""
    rows: list[dict[str, Any]] = []
    for result in results:
        if result.error is not None:
            rows.append(_empty(result) | {"error": f"{result.error.code}: {result.error.message}"})
        elif result.studies:
            rows.extend(_row(result, study) for study in result.studies)
        elif result.record is not None:
            rows.append(_row(result, result.record))
    for i, row in enumerate(rows, start=1):
        row["No."] = i
    return rows


def _empty(result: DocumentResult) -> dict[str, Any]:
    row = {c: None for c in COLUMNS}
    row.update(document=result.id, source=result.source, kind=result.kind.value)
    return row


def _row(result: DocumentResult, record: StudyRecord) -> dict[str, Any]:
    d = record.to_dict()
    main = d["main_result"] or {}
    row = _empty(result)
    row.update({
        "Author (year)": _author_year(d["authors"], d["year"]),
        "Title": d["title"],
        "Design": _design(d["design"], d["design_family"]),
        "Population and sample (n)": _population(record),
        "Main intervention": d["intervention"],
        "Comparator": d["comparator"] or ("none (one group)" if d["design"] == "one_group_pretest_posttest" else None),
        "Outcome": " – ".join(x for x in (d["outcome"], d["instrument"]) if x) or None,
        "Test": ", ".join(TEST_LABELS.get(t, t) for t in d["tests"]) or None,
        "Result (p)": _result(record),
        "study_row": d.get("row"),
        "authors": "; ".join(d["authors"]) or None,
        "year": d["year"], "journal": d["journal"], "doi": d["doi"],
        "design_code": d["design"], "design_family": d["design_family"], "n_total": d["n_total"],
        "n_arms": "; ".join(f"{k}: {v}" for k, v in d["n_arms"].items()) or None,
        "sampling": d["sampling"], "tests": "; ".join(d["tests"]) or None,
        "statistic": main.get("statistic"), "value": main.get("value"), "p": main.get("p"),
        "p_operator": main.get("p_operator"), "significant": main.get("significant"), "alpha": d["alpha"],
    })
    return row


def _author_year(authors: list[str], year: int | None) -> str | None:
    if not authors and year is None:
        return None
    if not authors:
        return f"({year})"
    who = authors[0] if len(authors) == 1 else (" & ".join(authors) if len(authors) == 2 else f"{authors[0]} et al.")
    return f"{who} ({year})" if year else who


def _design(design: str | None, family: str | None) -> str | None:
    if design is None:
        return FAMILY_LABELS.get(family) if family else None
    label = DESIGN_LABELS.get(design, design)
    family_label = FAMILY_LABELS.get(family or "")
    return f"{label} ({family_label})" if family_label and family_label.lower() not in label.lower() else label


def _population(record: StudyRecord) -> str | None:
    cells = record.cells or {}
    text = next((v for k, v in cells.items() if "popul" in k.lower() or "sampl" in k.lower()), None) or record.setting
    parts = [text] if text else []
    if record.n_total is not None:
        arms = ", ".join(f"{k} {v}" for k, v in record.n_arms.items()) if len(record.n_arms) > 1 else ""
        parts.append(f"n = {record.n_total}" + (f" ({arms})" if arms else ""))
    if record.sampling is not None:
        parts.append(f"{record.sampling.value.replace('_', ' ')} sampling")
    return "; ".join(parts) or None


def _result(record: StudyRecord) -> str | None:
    if record.row is not None and record.p_values:
        return "; ".join(f"p = {p.text.strip() or p.value}" for p in record.p_values)
    main = record.main_result
    if main is None or main.p is None:
        return None
    p = f"p {main.p_operator.value if main.p_operator else '='} {main.p:g}"
    if main.statistic is not None and main.value is not None:
        return f"{main.statistic.value} = {main.value:g}, {p}"
    return p


# --------------------------------------------------------------------------- writers


def write_extraction_table(results: Iterable[DocumentResult], fmt: str, output: Path | None) -> None:
    """Write the extraction table: ``fmt`` "table" (terminal, or text file), "csv" or "xlsx"
    (a file: ``output`` is required)."""
    if fmt not in FORMATS:
        raise UnknownFormat(f"unknown table format {fmt!r}; use one of: {', '.join(FORMATS)}")
    rows = extraction_rows(results)
    if fmt == "xlsx":
        if output is None:
            raise OutputRequired("--format xlsx writes a spreadsheet file: add --output PATH.xlsx")
        write_xlsx(rows, Path(output))
    elif fmt == "csv":
        text = to_csv(rows)
        if output is None:
            sys.stdout.write(text)
        else:
            _parent(output).write_text(text, encoding="utf-8-sig")    # BOM: Excel opens it as UTF-8
    else:
        print_table(rows, output)


def to_csv(rows: list[dict[str, Any]]) -> str:
    """The extraction rows as CSV text, every column of :data:`COLUMNS` in order."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _plain(row.get(k)) for k in COLUMNS})
    return buffer.getvalue()


def write_xlsx(rows: list[dict[str, Any]], output: Path) -> None:
    """One sheet "Extraction": header row bold and frozen, display columns wrapped."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Extraction"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_xlsx_value(row.get(c)) for c in COLUMNS])
    widths = {"No.": 5, "Title": 40, "Population and sample (n)": 36, "Result (p)": 24}
    for i, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = widths.get(column, 22 if column in DISPLAY_COLUMNS
                                                                         else 14)
        if column in DISPLAY_COLUMNS:
            for cell in sheet[get_column_letter(i)][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    book.save(_parent(output))


def print_table(rows: list[dict[str, Any]], output: Path | None = None) -> None:
    """The display columns as a rich table on stdout (or as text in ``output``)."""
    from rich.console import Console
    from rich.table import Table as RichTable

    table = RichTable(title="Extraction table", show_lines=True)
    for column in DISPLAY_COLUMNS:
        table.add_column(column, overflow="fold")
    for row in rows:
        cells = [_short(row.get(c)) for c in DISPLAY_COLUMNS]
        if row.get("error"):
            cells[2] = f"error: {row['error']}"
        table.add_row(*cells)
    if output is None:
        Console(width=220).print(table)
    else:
        console = Console(file=io.StringIO(), width=220, record=True)
        console.print(table)
        _parent(output).write_text(console.export_text(), encoding="utf-8")


def _parent(path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _plain(value: Any) -> Any:
    return "" if value is None else value


def _xlsx_value(value: Any) -> Any:
    return value if value is None or isinstance(value, (int, float, str, bool)) else str(value)


def _short(value: Any) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= TERMINAL_CELL else text[:TERMINAL_CELL - 1] + "…"


__all__ = ["COLUMNS", "DATA_COLUMNS", "DISPLAY_COLUMNS", "OutputRequired", "extraction_rows", "print_table",
           "to_csv", "write_extraction_table", "write_xlsx"]
