"""The main job end to end: `evidencekit demo` on examples/ and `review` on the five seed PDFs.

The demo output is made once per module (by the CLI, with static export) and then opened in
headless Chromium: plots render, nothing logs an error, flags link to their evidence.
"""

import base64
import csv
import json
import re

import pytest
from typer.testing import CliRunner

from evidencekit.cli import app
from evidencekit.meta import analyse_records
from evidencekit.reports.formatting import fmt_ci, fmt_num

pytestmark = pytest.mark.slow

OUTPUTS = ("index.html", "results.json", "studies.csv", "studies.xlsx", "effects.csv", "forest.svg",
           "forest.png", "forest.pdf", "funnel.svg")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    run = CliRunner().invoke(app, ["demo", "-o", str(out)])
    assert run.exit_code == 0, run.output
    return out, run.output


def test_demo_prints_where_the_report_went_and_writes_every_output(demo):
    out, printed = demo
    assert f"Report written to {out / 'index.html'}" in " ".join(printed.split())
    for name in OUTPUTS:
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name


def test_demo_results_json_is_the_contract(demo):
    data = json.loads((demo[0] / "results.json").read_text(encoding="utf-8"))
    assert data["contract"] == 1 and len(data["documents"]) == 5
    assert {d["kind"] for d in data["documents"]} == {"primary", "review"}


def test_demo_keeps_one_group_and_controlled_studies_in_separate_analyses(demo):
    rows = list(csv.DictReader((demo[0] / "effects.csv").open(encoding="utf-8")))
    by_analysis = {}
    for r in rows:
        by_analysis.setdefault(r["analysis"], set()).add(r["study"])
    assert set(by_analysis) == {"one-group", "controlled"}
    assert not by_analysis["one-group"] & by_analysis["controlled"]
    assert {r["measure"] for r in rows if r["analysis"] == "one-group"} == {"SMCR"}
    assert {r["measure"] for r in rows if r["analysis"] == "controlled"} == {"SMD"}


def test_demo_forest_svg_prints_the_engines_pooled_estimate(demo):
    from evidencekit.model import DocumentResult

    data = json.loads((demo[0] / "results.json").read_text(encoding="utf-8"))
    results = [DocumentResult.from_dict(d) for d in data["documents"]]
    svg = (demo[0] / "forest.svg").read_text(encoding="utf-8")
    main = max((analyse_records(results, design=k).main for k in ("pre_post", "controlled")), key=lambda r: r.k)
    text = f"{fmt_num(main.estimate)} {fmt_ci(main.ci_lower, main.ci_upper)}"
    assert text in svg.replace("&#8722;", "−")


@pytest.mark.browser
def test_demo_report_renders_in_headless_chromium(demo, chromium_page, screenshot_dir):
    page = chromium_page
    page.call("Page.navigate", {"url": (demo[0] / "index.html").as_uri()})
    page.wait_event("Page.loadEventFired")
    assert page.wait_for("document.querySelectorAll('.plot[data-rendered=true]').length >= 4")
    assert page.evaluate("document.querySelectorAll('.plot svg.main-svg').length") >= 4
    rows = page.evaluate("document.querySelectorAll('#studies-table tbody tr').length")
    assert rows >= 9                                   # four primary papers and the review's rows
    href = page.evaluate("document.querySelector('a.flag-link').getAttribute('href')")
    page.evaluate("document.querySelector('a.flag-link').click()")
    assert page.evaluate("location.hash") == href
    assert page.evaluate(f"document.querySelector('{href}').querySelectorAll('mark.hit').length") >= 1
    links = page.evaluate("[...document.querySelectorAll('a.evidence-link')].map(a => a.getAttribute('href'))")
    assert links and all(re.search(r"\.pdf#page=\d+$", link) for link in links)
    assert page.errors() == []
    page.evaluate("window.scrollTo(0, 0)")
    shot = page.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    (screenshot_dir / "demo.png").write_bytes(base64.b64decode(shot["data"]))


def test_review_of_the_seed_pdfs_lists_the_reviews_ten_studies_and_splits_designs(tmp_path, shared_dir):
    run = CliRunner().invoke(app, ["review", str(shared_dir / "pdf"), "-o", str(tmp_path), "--no-static",
                                   "--lang", "id"])
    assert run.exit_code == 0, run.output
    rows = list(csv.DictReader((tmp_path / "studies.csv").open(encoding="utf-8")))
    review_rows = [r for r in rows if r["kind"] == "review"]
    assert [int(r["study_row"]) for r in review_rows] == list(range(1, 11))
    assert len(rows) == 14                              # four primary papers + ten review rows
    effects = list(csv.DictReader((tmp_path / "effects.csv").open(encoding="utf-8")))
    designs = {r["analysis"] for r in effects}
    assert designs == {"one-group", "controlled"}
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id">' in html and "Desain satu kelompok pra/pasca" in html
