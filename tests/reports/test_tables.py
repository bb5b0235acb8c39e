"""The extraction table: rows from records, CSV and XLSX files, and `evidencekit extract --format`."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from evidencekit.cli import app
from evidencekit.model import DocumentError, DocumentResult, MainResult, Reported, StudyRecord
from evidencekit.reports.tables import (
    COLUMNS,
    DISPLAY_COLUMNS,
    OutputRequired,
    extraction_rows,
    to_csv,
    write_extraction_table,
)
from evidencekit.vocab import Design, DesignFamily, DocumentKind, POperator, Sampling, StatKind, TestName

PRIMARY = StudyRecord(
    title="Pijat punggung dan volume ASI", authors=("Ani Lestari", "Budi Santoso", "Citra Dewi"), year=2021,
    design=Design.ONE_GROUP_PRETEST_POSTTEST, design_family=DesignFamily.PRE_EXPERIMENTAL, n_total=22,
    sampling=Sampling.PURPOSIVE, intervention="pijat punggung", outcome="volume ASI",
    tests=(TestName.WILCOXON_SIGNED_RANK,),
    main_result=MainResult(TestName.WILCOXON_SIGNED_RANK, StatKind.Z, -3.1, None, 0.002, POperator.EQ, True))
STUDY = StudyRecord(
    authors=("Wati, S.",), year=2020, design=Design.TWO_GROUP_POSTTEST_ONLY, n_total=30,
    n_arms={"kompres hangat": 15, "kompres dingin": 15}, comparator="Kompres dingin", row=1,
    cells={"Populasi dan sampel": "30 ibu nifas (15 dan 15)", "Hasil": "p = 0,012"},
    p_values=(Reported(0.012, 3, "0,012"),))


def _results():
    return [
        DocumentResult(id="a", source="a.pdf", record=PRIMARY),
        DocumentResult(id="r", source="r.pdf", kind=DocumentKind.REVIEW, record=StudyRecord(title="Review"),
                       studies=(STUDY, STUDY)),
        DocumentResult(id="x", source="x.pdf", error=DocumentError("encrypted_pdf", "remove the password")),
    ]


def test_extraction_rows_list_a_reviews_studies_as_their_own_rows():
    rows = extraction_rows(_results())
    assert [r["No."] for r in rows] == [1, 2, 3, 4]
    assert [r["document"] for r in rows] == ["a", "r", "r", "x"]
    assert rows[1]["study_row"] == 1 and rows[1]["kind"] == "review"
    assert set(rows[0]) == set(COLUMNS)


def test_a_primary_row_reads_like_a_reviewers_table():
    row = extraction_rows(_results())[0]
    assert row["Author (year)"] == "Ani Lestari et al. (2021)"
    assert row["Design"] == "One-group pretest-posttest (pre-experimental)"
    assert row["Population and sample (n)"] == "n = 22; purposive sampling"
    assert row["Comparator"] == "none (one group)"
    assert row["Result (p)"] == "Z = -3.1, p = 0.002"
    assert (row["design_code"], row["p"], row["significant"]) == ("one_group_pretest_posttest", 0.002, True)


def test_a_review_row_keeps_its_population_cell_arms_and_printed_p():
    row = extraction_rows(_results())[1]
    assert row["Population and sample (n)"] == "30 ibu nifas (15 dan 15); n = 30 (kompres hangat 15, kompres dingin 15)"
    assert row["Result (p)"] == "p = 0,012"
    assert row["n_arms"] == "kompres hangat: 15; kompres dingin: 15"


def test_a_failed_document_gets_a_row_that_says_why():
    row = extraction_rows(_results())[3]
    assert row["error"] == "encrypted_pdf: remove the password"
    assert row["Design"] is None


def test_csv_has_the_display_columns_first_and_one_line_per_study():
    reader = list(csv.DictReader(io.StringIO(to_csv(extraction_rows(_results())))))
    assert tuple(reader[0])[:len(DISPLAY_COLUMNS)] == DISPLAY_COLUMNS
    assert len(reader) == 4 and reader[0]["n_total"] == "22"


def test_xlsx_needs_an_output_path():
    with pytest.raises(OutputRequired, match="--output"):
        write_extraction_table(_results(), "xlsx", None)


def test_xlsx_writes_one_sheet_with_every_column(tmp_path):
    path = tmp_path / "out" / "table.xlsx"
    write_extraction_table(_results(), "xlsx", path)
    sheet = load_workbook(path)["Extraction"]
    assert [c.value for c in sheet[1]] == list(COLUMNS)
    assert sheet.max_row == 5
    assert sheet.cell(row=2, column=COLUMNS.index("n_total") + 1).value == 22


# --------------------------------------------------------------------------- CLI


@pytest.fixture(scope="module")
def seed_txt(shared_dir):
    return str(shared_dir / "seeds" / "000_00df2b57d7bbe1ef.txt")


def test_cli_extract_format_table_prints_the_table(seed_txt):
    result = CliRunner().invoke(app, ["extract", seed_txt, "--format", "table", "--no-checks"])
    assert result.exit_code == 0, result.output
    assert "Author (year)" in result.output and "One-group" in result.output


def test_cli_extract_format_csv_writes_rows(seed_txt, tmp_path):
    out = tmp_path / "t.csv"
    result = CliRunner().invoke(app, ["extract", seed_txt, "--format", "csv", "-o", str(out), "--no-checks"])
    assert result.exit_code == 0, result.output
    (row,) = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    assert (row["design_code"], row["n_total"], row["sampling"]) == ("one_group_pretest_posttest", "24", "consecutive")


def test_cli_extract_format_xlsx_writes_a_workbook(seed_txt, tmp_path):
    out = tmp_path / "t.xlsx"
    result = CliRunner().invoke(app, ["extract", seed_txt, "--format", "xlsx", "-o", str(out), "--no-checks"])
    assert result.exit_code == 0, result.output
    assert load_workbook(out)["Extraction"].cell(row=2, column=COLUMNS.index("n_total") + 1).value == 24


def test_cli_extract_format_xlsx_without_output_says_what_to_add(seed_txt):
    result = CliRunner().invoke(app, ["extract", seed_txt, "--format", "xlsx", "--no-checks"])
    assert result.exit_code == 2
    assert "--output" in result.output
