"""The HTML report: one self-contained page, every paper string escaped, flags shown in context."""

import json
import re
from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from evidencekit.reports.analysis import AnalysisReport, analysis_figures, analysis_view
from evidencekit.reports.html import ReportPage, StudyRow, StudyTable, render_report, script_json

SCRIPT = "<script>alert('x')</script>"


def page_for(results, **kw):
    return ReportPage(results=tuple(results), studies=kw.pop("studies", StudyTable((), ())), **kw)


def test_a_script_in_a_papers_title_is_shown_as_text(flagged_result):
    result = replace(flagged_result, record=replace(flagged_result.record, title=f"Judul {SCRIPT}"))
    studies = StudyTable(("Title",), (StudyRow((f"Judul {SCRIPT}",), "flags-doc-a", 3, "error"),))
    html = render_report(page_for([result], studies=studies))
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert html.count("<script>") == 1       # only our own script (no plots here)


def test_a_script_in_a_study_label_cannot_leave_the_embedded_figure_json(pooled, info):
    info = dict(info, s2=replace(info["s2"], label=f"</script>{SCRIPT}"))
    a = AnalysisReport("main", "Produksi ASI", pooled, info=info)
    view = analysis_view(a, "en", analysis_figures(a, "en"))
    html = render_report(page_for([], analyses=(view,)))
    blobs = re.findall(r'<script type="application/json" data-plot="[^"]+">(.*?)</script>', html, re.S)
    assert len(blobs) == 2                                    # forest and funnel, both complete
    figure = json.loads(blobs[0])
    assert any("&lt;script&gt;" in a["text"] for a in figure["layout"]["annotations"])
    assert "</script><script>" not in html


def test_script_json_keeps_json_valid_and_inert():
    text = script_json({"a": "</script><b>&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><b>&"}


def test_flags_are_grouped_by_severity_worst_first(flagged_result):
    html = render_report(page_for([flagged_result]))
    section = html[html.index('id="flags"'):html.index('id="analyses"')]
    positions = [section.index(f'class="flag {s}"') for s in ("error", "warning", "note")]
    assert positions == sorted(positions)


def test_a_flag_shows_its_sentence_with_the_evidence_highlighted(flagged_result):
    html = render_report(page_for([flagged_result]))
    assert re.search(r"Rerata skor sebelum pijat adalah <mark class=\"hit\">2,07</mark> dengan SD 0,80\.", html)


def test_a_flag_in_a_table_cell_marks_that_cell(flagged_result):
    html = render_report(page_for([flagged_result]))
    assert '<td class="hit"><mark class="hit">2,07</mark></td>' in html


def test_a_flag_links_to_the_page_of_the_pdf(flagged_result, tmp_path):
    html = render_report(page_for([flagged_result], outdir=tmp_path))
    hrefs = re.findall(r'class="evidence-link" href="([^"]+)"', html)
    expected = Path("papers/doc-a.pdf").resolve()
    assert hrefs[0].endswith("doc-a.pdf#page=1") and hrefs[1].endswith("doc-a.pdf#page=2")
    assert (tmp_path / hrefs[0].split("#")[0]).resolve() == expected


def test_recomputed_and_reported_values_are_shown(flagged_result):
    html = render_report(page_for([flagged_result]))
    assert re.search(r"<dt>Recomputed</dt><dd>2.06</dd>", html)
    assert re.search(r"<dt>Reported</dt><dd>2.07</dd>", html)


def test_the_report_is_self_contained_with_plotly_inlined(pooled, info):
    a = AnalysisReport("main", "Produksi ASI", pooled, info=info)
    html = render_report(page_for([], analyses=(analysis_view(a, "en", analysis_figures(a, "en")),)))
    assert not re.search(r'<script[^>]+src=', html) and "cdn" not in html.lower().split("<script>")[0]
    assert "Plotly" in html and len(html) > 3_000_000


def test_the_report_speaks_indonesian_when_asked(flagged_result):
    html = render_report(page_for([flagged_result], lang="id"))
    assert '<html lang="id">' in html and "Tanda integritas" in html and "Galat" in html


def test_a_failed_document_is_listed_with_its_error(flagged_result):
    from evidencekit.model import DocumentResult

    failed = DocumentResult.failed("broken", "papers/broken.pdf", "encrypted_pdf", "The PDF is encrypted.")
    html = render_report(page_for([flagged_result, failed]))
    assert "encrypted_pdf" in html and "The PDF is encrypted." in html


def test_the_studies_table_has_the_extraction_columns_in_the_report_language(flagged_result):
    from evidencekit.reports.html import study_table

    table = study_table([flagged_result], lang="id")
    assert table.columns[:3] == ("No.", "Penulis (tahun)", "Judul")
    (row,) = table.rows
    assert row.cells[2] == "Pijat oksitosin dan produksi ASI"
    assert (row.n_flags, row.worst, row.anchor) == (3, "error", "flags-doc-a")


def test_review_rows_link_only_the_flags_of_their_own_row(flagged_result):
    from evidencekit.model import Flag, StudyRecord
    from evidencekit.reports.html import study_table
    from evidencekit.vocab import CheckId, DocumentKind, Severity

    row_flag = Flag(CheckId.N_CONFLICT, Severity.WARNING, "two sizes", details={"row": 2})
    review = replace(flagged_result, kind=DocumentKind.REVIEW, flags=(row_flag,),
                     studies=(StudyRecord(title="satu", row=1), StudyRecord(title="dua", row=2)))
    table = study_table([review])
    assert [(r.cells[2], r.n_flags, r.worst) for r in table.rows] == [("satu", 0, None), ("dua", 1, "warning")]


def test_a_document_without_authors_or_title_is_named_by_its_id(flagged_result):
    from evidencekit.model import StudyRecord
    from evidencekit.reports.html import document_title

    assert document_title(replace(flagged_result, record=StudyRecord(year=2020))) == "doc-a"
    assert document_title(flagged_result) == "Sari (2021) — Pijat oksitosin dan produksi ASI"


def test_a_pdf_link_survives_spaces_and_hashes_in_the_file_name(tmp_path):
    from evidencekit.reports.evidence import source_href

    href = source_href(str(tmp_path / "papers" / "uji #2 ASI.pdf"), tmp_path, 3)
    assert href == "papers/uji%20%232%20ASI.pdf#page=3"
    assert source_href(str(tmp_path / "notes.txt"), tmp_path, 3) == "notes.txt"


def test_flags_of_a_result_read_back_from_json_show_their_evidence_text(flagged_result):
    from evidencekit.model import DocumentResult

    again = DocumentResult.from_dict(flagged_result.to_dict())          # no read document
    html = render_report(page_for([again]))
    assert '<blockquote><mark class="hit">2,07</mark></blockquote>' in html



@given(st.text())
def test_script_json_round_trips_any_text_without_markup_characters(text):
    encoded = script_json({"t": text})
    assert json.loads(encoded) == {"t": text}
    assert not set("<>&") & set(encoded)
