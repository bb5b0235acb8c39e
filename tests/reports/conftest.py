"""Fixtures of the report tests: small documents we write ourselves, and a pooled analysis."""

from __future__ import annotations

import pytest

from evidencekit.meta import Effect, pool
from evidencekit.model import (
    Cell, Document, DocumentResult, Flag, Page, Section, StudyRecord, Table,
)
from evidencekit.reports.forest_rows import StudyInfo
from evidencekit.vocab import CheckId, Design, Severity

# Two pages of our own text (Indonesian), then a small table on page 2.
TEXT_PAGE1 = ("Judul uji coba. Metode: desain satu kelompok pretest-posttest dengan 18 ibu nifas. "
              "Rerata skor sebelum pijat adalah 2,07 dengan SD 0,80. ")
TEXT_PAGE2 = "Hasil uji Wilcoxon Z = -3,10 dengan p = 0,002. Tabel 1\nKelompok Rerata\nPre 2,07\nPost 3,90\n"


def make_document(doc_id: str = "doc-a", source: str = "papers/doc-a.pdf") -> Document:
    text = TEXT_PAGE1 + TEXT_PAGE2
    p2 = len(TEXT_PAGE1)
    table_start = text.index("Tabel 1")
    pre = text.index("2,07", table_start)
    cells = ((Cell("Kelompok", table_start + 8, table_start + 16), Cell("Rerata", table_start + 17, table_start + 23)),
             (Cell("Pre", pre - 4, pre - 1), Cell("2,07", pre, pre + 4)))
    return Document(
        id=doc_id, source=source, sha256="0" * 64, text=text,
        pages=(Page(1, 0, p2), Page(2, p2, len(text))),
        sections=(Section("methods", "Metode", 0, p2), Section("results", "Hasil", p2, len(text))),
        tables=(Table(2, cells, table_start, len(text), caption="Tabel 1"),), language="id")


def span_of(document: Document, needle: str, after: int = 0):
    start = document.text.index(needle, after)
    return document.span(start, start + len(needle))


@pytest.fixture
def document() -> Document:
    return make_document()


@pytest.fixture
def flagged_result(document) -> DocumentResult:
    """A primary paper with one error (in a sentence), one warning (in a table cell) and one note."""
    sentence_mean = span_of(document, "2,07")
    table_mean = span_of(document, "2,07", document.text.index("Tabel 1"))
    flags = (
        Flag(CheckId.GRIM, Severity.ERROR, "Mean 2.07 is not a possible average of 18 whole-number scores.",
             evidence=(sentence_mean,), expected=2.06, reported=2.07),
        Flag(CheckId.VALUE_CONFLICT, Severity.WARNING, "The table gives another pretest mean.",
             evidence=(table_mean,)),
        Flag(CheckId.P_ZERO_OR_FORMAT, Severity.NOTE, "p is printed with too few digits."),
    )
    record = StudyRecord(title="Pijat oksitosin dan produksi ASI", authors=("Sari",), year=2021,
                         design=Design.ONE_GROUP_PRETEST_POSTTEST, n_total=18)
    return DocumentResult(id=document.id, source=document.source, sha256=document.sha256, language="id",
                          record=record, flags=flags, document=document)


@pytest.fixture
def effects() -> tuple[Effect, ...]:
    """Five one-group pre/post effects (SMCR) made up for the tests."""
    data = (("s1", 1.20, 0.09), ("s2", 0.80, 0.05), ("s3", 2.50, 0.60), ("s4", 0.30, 0.04), ("s5", 1.00, 0.12))
    return tuple(Effect(yi=y, vi=v, measure="SMCR", study=s, derived_from="pre_post_mean_sd",
                        assumed={"r_prepost": 0.5}) for s, y, v in data)


@pytest.fixture
def pooled(effects):
    return pool(effects, method="REML", test="z")


@pytest.fixture
def info() -> dict[str, StudyInfo]:
    flag = Flag(CheckId.GRIM, Severity.ERROR, "Mean 2.07 is impossible for n = 18.")
    return {"s1": StudyInfo("Sari 2021", "n=18", (flag,)), "s2": StudyInfo("Dewi 2019", "n=30"),
            "s3": StudyInfo("Lestari 2020", "n=12"), "s4": StudyInfo("Putri 2018", "n=40"),
            "s5": StudyInfo("Rahma 2022", "n=20")}
