"""The forest plot draws the meta engine's numbers: nothing is refitted or rounded away."""

import math

import pytest
from scipy.stats import norm

from evidencekit.meta import Effect, pool
from evidencekit.reports.forest import SEVERITY_COLOURS, forest_figure
from evidencekit.reports.forest_rows import PooledRow, PredictionRow, StudyRow, axis_limits, forest_layout
from evidencekit.reports.formatting import fmt_ci, fmt_num, fmt_pct

EXACT = 1e-12   # the figure holds the engine's floats themselves, not recomputed ones


def trace(fig, name):
    return next(t for t in fig.data if t.name == name)


def annotation_texts(fig):
    return [a.text for a in fig.layout.annotations]


def test_squares_sit_at_the_engines_study_estimates(pooled, info):
    fig = forest_figure(pooled, info=info)
    squares = trace(fig, "studies")
    assert list(squares.x) == pytest.approx(list(pooled.yi), abs=EXACT)


def test_square_areas_grow_with_the_engines_weights(pooled, info):
    sizes = list(trace(forest_figure(pooled, info=info), "studies").marker.size)
    order_by_weight = sorted(range(pooled.k), key=lambda i: pooled.weights[i])
    assert [sizes[i] for i in order_by_weight] == sorted(sizes)


def test_diamond_spans_the_engines_pooled_interval(pooled, info):
    diamond = trace(forest_figure(pooled, info=info), "pooled")
    assert min(diamond.x) == pytest.approx(pooled.ci_lower, abs=EXACT)
    assert max(diamond.x) == pytest.approx(pooled.ci_upper, abs=EXACT)
    assert diamond.x[1] == pytest.approx(pooled.estimate, abs=EXACT)


def test_prediction_bar_is_the_engines_prediction_interval(pooled, info):
    bar = trace(forest_figure(pooled, info=info), "prediction")
    assert list(bar.x) == pytest.approx([pooled.prediction.pi_lower, pooled.prediction.pi_upper], abs=EXACT)


def test_text_columns_print_the_engines_estimate_weights_and_heterogeneity(pooled, info):
    texts = annotation_texts(forest_figure(pooled, info=info))
    assert f"<b>{fmt_num(pooled.estimate)} {fmt_ci(pooled.ci_lower, pooled.ci_upper)}</b>" in texts
    for w in pooled.weights:
        assert fmt_pct(w) in texts
    het = next(t for t in texts if t.startswith("Heterogeneity"))
    assert f"τ² = {fmt_num(pooled.tau2, 3)}" in het
    assert f"Q = {fmt_num(pooled.Q, 2)} (df = {pooled.k - 1})" in het
    assert f"I² = {fmt_num(pooled.I2, 0)}%" in het
    assert any(t.startswith(f"Test for overall effect: z = {fmt_num(pooled.stat, 2)}") for t in texts)


def test_study_intervals_are_wald_intervals_of_the_engines_variances(pooled):
    rows = [r for r in forest_layout(pooled).rows if isinstance(r, StudyRow)]
    z = norm.ppf(0.975)
    for row, yi, vi in zip(rows, pooled.yi, pooled.vi):
        assert (row.ci_lower, row.ci_upper) == pytest.approx((yi - z * math.sqrt(vi), yi + z * math.sqrt(vi)))


def test_flags_column_colours_each_study_by_its_worst_flag(pooled, info):
    flags = trace(forest_figure(pooled, info=info), "flags")
    assert flags.marker.color[0] == SEVERITY_COLOURS["error"]
    assert flags.marker.color[1] == SEVERITY_COLOURS[None]
    assert "grim" in flags.hovertext[0] and flags.text[0] == "1"


def test_a_study_title_with_markup_is_escaped_in_the_figure(pooled, info):
    info = dict(info, s2=info["s2"].__class__("<script>alert(1)</script>", "n=30"))
    fig = forest_figure(pooled, info=info)
    texts = annotation_texts(fig)
    assert not any("<script>" in t for t in texts)
    assert any("&lt;script&gt;" in t for t in texts)


def test_a_very_wide_interval_is_clipped_and_marked_with_an_arrow():
    effects = [Effect(0.5, 0.02, "SMD", "a"), Effect(0.6, 0.03, "SMD", "b"), Effect(0.4, 9.0, "SMD", "wide")]
    result = pool(effects)
    fig = forest_figure(result)
    lo, hi = axis_limits(forest_layout(result))
    assert trace(fig, "clipped").x[0] in (pytest.approx(lo), pytest.approx(hi))
    assert min(x for x in trace(fig, "ci").x if x is not None) >= lo


def test_ratio_measures_are_drawn_back_transformed_on_a_log_axis():
    effects = [Effect(math.log(2.0), 0.04, "OR", "a"), Effect(math.log(1.5), 0.05, "OR", "b")]
    fig = forest_figure(pool(effects))
    assert fig.layout.xaxis.type == "log"
    assert list(trace(fig, "studies").x) == pytest.approx([2.0, 1.5])


def test_a_common_effect_fit_has_no_prediction_row(effects):
    layout = forest_layout(pool(effects, method="EE"))
    assert not any(isinstance(r, PredictionRow) for r in layout.rows)
    assert [r.label for r in layout.rows if isinstance(r, PooledRow)] == ["Overall (common effect)"]


def test_labels_follow_the_report_language(pooled):
    texts = annotation_texts(forest_figure(pooled, lang="id"))
    assert "<b>Studi</b>" in texts and "<b>Bobot</b>" in texts


def test_subgroups_get_headers_subtotals_and_the_between_group_test(effects):
    from evidencekit.meta import ModeratorTest, SubgroupResult

    overall = pool(effects)
    first, second = pool(effects[:3]), pool(effects[3:])
    between = ModeratorTest(stat=1.234, df=(1,), pval=0.2667, stat_name="QM")
    sub = SubgroupResult(by="design", levels=("one", "two"), subgroups=(first, second), model=None,
                         between_common=between, between_separate=between)
    layout = forest_layout(overall, subgroups=sub, subgroup_labels={"one": "One-group", "two": "Controlled"})
    headers = [r.text for r in layout.rows if getattr(r, "header", False)]
    assert headers == ["One-group", "Controlled"]
    subtotals = [r for r in layout.rows if isinstance(r, PooledRow) and r.subtotal]
    assert [(s.estimate, s.ci_lower) for s in subtotals] == [(first.estimate, first.ci_lower),
                                                            (second.estimate, second.ci_lower)]
    weights = {r.study: r.weight for r in layout.rows if isinstance(r, StudyRow)}
    assert weights == dict(zip(overall.studies, overall.weights))   # overall weights, as RevMan
    assert subtotals[0].weight == pytest.approx(sum(overall.weights[:3]))
    assert any(getattr(r, "text", "").startswith("Test for subgroup differences: Q = 1.23 (df = 1), p = 0.267")
               for r in layout.rows)


def test_a_flagged_study_links_its_marker_to_its_flags_in_the_report(pooled, info):
    info = dict(info, s1=info["s1"].__class__(info["s1"].label, "", info["s1"].flags, "flags-doc-a"))
    flags = trace(forest_figure(pooled, info=info), "flags")
    assert flags.customdata[0] == "#flags-doc-a" and flags.customdata[1] == ""
