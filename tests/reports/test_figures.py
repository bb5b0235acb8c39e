"""Static export through kaleido and the local Chromium; a missing browser is reported, not raised."""

import pytest

from evidencekit.reports import figures
from evidencekit.reports.figures import export_figures
from evidencekit.reports.forest import forest_figure
from evidencekit.reports.funnel import funnel_figure


@pytest.mark.slow
def test_forest_and_funnel_export_as_svg_png_and_pdf(tmp_path, pooled, info):
    forest, funnel = forest_figure(pooled, info=info), funnel_figure(pooled)
    jobs = [(forest, tmp_path / "forest.svg"), (forest, tmp_path / "forest.png"),
            (forest, tmp_path / "forest.pdf"), (funnel, tmp_path / "funnel.svg")]
    result = export_figures(jobs)
    assert result.ok, result.error
    assert (tmp_path / "forest.svg").read_text()[:200].lstrip().startswith(("<svg", "<?xml"))
    assert (tmp_path / "forest.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "forest.pdf").read_bytes()[:5] == b"%PDF-"
    assert "Sari 2021" in (tmp_path / "forest.svg").read_text()


def test_png_keeps_the_figures_own_size(tmp_path, pooled):
    import struct

    fig = forest_figure(pooled)
    result = export_figures([(fig, tmp_path / "f.png")], scale=1)
    assert result.ok, result.error
    width, height = struct.unpack(">II", (tmp_path / "f.png").read_bytes()[16:24])
    assert (width, height) == (fig.layout.width, fig.layout.height)


def test_without_a_browser_export_says_how_to_fix_it_instead_of_raising(tmp_path, pooled, monkeypatch):
    monkeypatch.setattr(figures, "find_chromium", lambda: None)
    result = export_figures([(forest_figure(pooled), tmp_path / "forest.svg")])
    assert not result.ok and "apt-get install chromium" in result.error
    assert not (tmp_path / "forest.svg").exists()
