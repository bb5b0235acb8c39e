import math

import pytest

from evidencekit.meta import TrimFillResult
from evidencekit.reports.funnel import CONTOURS, funnel_figure


def trace(fig, name):
    return next(t for t in fig.data if t.name == name)


def test_funnel_points_are_the_engines_effects_and_standard_errors(pooled, info):
    points = trace(funnel_figure(pooled, info=info), "Studies")
    assert list(points.x) == pytest.approx(list(pooled.yi))
    assert list(points.y) == pytest.approx([math.sqrt(v) for v in pooled.vi])


def test_contours_are_centred_on_the_pooled_estimate_and_widen_with_the_level(pooled):
    fig = funnel_figure(pooled)
    regions = [t for t in fig.data if t.fill == "toself"]
    assert len(regions) == len(CONTOURS)
    assert all(t.x[1] == pytest.approx(pooled.estimate) for t in regions)
    widths = [t.x[2] - t.x[0] for t in regions]
    assert widths == sorted(widths, reverse=True)
    assert fig.layout.yaxis.range[0] > fig.layout.yaxis.range[1]     # SE 0 at the top


def test_trim_and_fill_points_are_drawn_hollow_beside_the_studies(pooled):
    filled = TrimFillResult(estimator="L0", side="left", k0=1, se_k0=1.0, p_k0=None,
                            filled_yi=(-0.4,), filled_vi=(0.3,), result=pooled)
    points = trace(funnel_figure(pooled, trimfill=filled), "Filled (trim and fill)")
    assert list(points.x) == [-0.4] and points.marker.color == "white"


def test_the_trim_and_fill_estimate_is_the_refit_of_the_engine(pooled):
    from dataclasses import replace

    refit = replace(pooled, estimate=0.61)
    filled = TrimFillResult(estimator="L0", side="left", k0=1, se_k0=1.0, p_k0=None,
                            filled_yi=(-0.4,), filled_vi=(0.3,), result=refit)
    line = trace(funnel_figure(pooled, trimfill=filled), "Estimate after trim and fill")
    assert list(line.x) == [0.61, 0.61]
