"""The report in a real browser: headless Chromium opens index.html from disk (offline), the plots
render, nothing logs an error, a flag links to its evidence, and a screenshot is saved."""

import base64
from dataclasses import replace

import pytest

from evidencekit.reports.analysis import AnalysisReport, analysis_figures, analysis_view
from evidencekit.reports.html import ReportPage, StudyRow, StudyTable, write_report

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def report_file(tmp_path, flagged_result, pooled, info):
    info = dict(info, s1=replace(info["s1"], anchor="flags-doc-a"))
    a = AnalysisReport("one-group", "Produksi ASI <i>satu kelompok</i>", pooled, info=info)
    view = analysis_view(a, "id", analysis_figures(a, "id"))
    studies = StudyTable(("Judul", "n"), (StudyRow(("Pijat oksitosin <script>x()</script>", 18),
                                                    "flags-doc-a", 3, "error"),))
    page = ReportPage(results=(flagged_result,), studies=studies, analyses=(view,), lang="id", outdir=tmp_path)
    return write_report(page, tmp_path / "index.html")


def test_report_renders_offline_in_headless_chromium(chromium_page, report_file, screenshot_dir):
    page = chromium_page
    page.call("Page.navigate", {"url": report_file.as_uri()})
    page.wait_event("Page.loadEventFired")
    # both figures drawn by plotly.js from the inlined library: SVG present, nothing fetched
    assert page.wait_for("document.querySelectorAll('.plot[data-rendered=true]').length") == 2
    assert page.evaluate("document.querySelectorAll('.plot .main-svg').length") >= 2
    assert page.evaluate("document.querySelectorAll('.plot .main-svg .point').length") >= 5
    # the paper's markup is text, not elements
    assert page.evaluate("document.querySelector('#studies-table td').textContent").startswith("Pijat oksitosin <script>")
    assert page.evaluate("window.x === undefined && document.querySelectorAll('main script').length === 0")
    # a click on a study's flag marker in the forest plot jumps to that study's flags
    page.evaluate("const gd = document.getElementById('plot-forest-one-group');"
                  "const t = gd.data.find(d => d.name === 'flags');"
                  "gd.emit('plotly_click', {points: [{customdata: t.customdata[0]}]})")
    assert page.evaluate("location.hash") == "#flags-doc-a"
    page.evaluate("history.replaceState(null, '', ' ')")
    # a flag link in the studies table leads to the flags of its document, whose evidence is marked
    href = page.evaluate("document.querySelector('a.flag-link').getAttribute('href')")
    page.evaluate("document.querySelector('a.flag-link').click()")
    assert page.evaluate("location.hash") == href
    target = href[1:]
    assert page.evaluate(f"document.getElementById('{target}').querySelectorAll('mark.hit').length") == 2
    links = page.evaluate("[...document.querySelectorAll('a.evidence-link')].map(a => a.getAttribute('href'))")
    assert links and all(link.endswith(("#page=1", "#page=2")) for link in links)
    # sorting and filtering work
    page.evaluate("const i = document.querySelector('input[data-filter]'); i.value = 'tidak-ada';"
                  "i.dispatchEvent(new Event('input'))")
    assert page.evaluate("document.getElementById('studies-count').textContent") == "0"
    assert page.errors() == []
    page.evaluate("window.scrollTo(0, 0)")
    shot = page.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path = screenshot_dir / "report.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    assert path.stat().st_size > 20_000
