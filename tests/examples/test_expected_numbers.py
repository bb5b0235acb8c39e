"""Every number in examples/expected.json recomputed with scipy: the planted inconsistencies are
really inconsistent, and everything else is consistent at the printed precision.

A printed number stands for an interval (4,65 -> [4.645, 4.655]); "consistent" means some value
in the intervals of the inputs gives a result inside the interval of the printed output.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

ALPHA = 0.05                     # every example paper tests at 0,05
PLANTED_P = {"p_recompute", "decision_error"}


def interval(printed: str) -> tuple[float, float]:
    """"0,001" -> (0.0005, 0.0015); ".017" -> (0.0165, 0.0175); "-3,380" -> (-3.3805, -3.3795)."""
    text = printed.replace("<", "").replace("−", "-").replace(",", ".").strip()
    decimals = len(text.split(".")[1]) if "." in text else 0
    half = 0.5 * 10 ** -decimals
    value = float(text)
    return value - half, value + half


def half_unit(printed: str) -> float:
    lo, hi = interval(printed)
    return (hi - lo) / 2


def planted(ex: dict, checks: set[str]) -> set[str]:
    return {ref for f in ex["flags"] if f["check"] in checks for ref in f["refs"]}


def by_id(ex: dict) -> dict[str, dict]:
    return {s["id"]: s for s in ex["statistics"]}


def two_sided_p(kind: str, value: float, df: list[int] | None) -> float:
    if kind == "t":
        return 2 * stats.t.sf(abs(value), df[0])
    if kind == "Z":
        return 2 * stats.norm.sf(abs(value))
    if kind == "chi2":
        return stats.chi2.sf(value, df[0])
    raise ValueError(kind)


def p_range(stat: dict) -> tuple[float, float]:
    """Smallest and largest p the printed statistic allows (p falls as |statistic| grows)."""
    lo, hi = interval(stat["printed"]["value"])
    smallest = 0.0 if lo < 0 < hi else min(abs(lo), abs(hi))
    largest = max(abs(lo), abs(hi))
    return (two_sided_p(stat["kind"], largest, stat["df"]),
            two_sided_p(stat["kind"], smallest, stat["df"]))


def p_consistent(stat: dict) -> bool:
    p_min, p_max = p_range(stat)
    if stat["p_operator"] == "<":
        return p_min < stat["p"]
    rep_lo, rep_hi = interval(stat["printed"]["p"])
    return p_min <= rep_hi and rep_lo <= p_max


def statistics_with_p(examples):
    return [(ex, s) for ex in examples for s in ex["statistics"] if s["kind"] in ("t", "Z", "chi2")]


def test_p_values_follow_from_their_statistics_except_where_planted(examples):
    checked = 0
    for ex, stat in statistics_with_p(examples):
        is_planted = stat["id"] in planted(ex, PLANTED_P)
        assert p_consistent(stat) is not is_planted, (ex["id"], stat["id"], p_range(stat))
        checked += 1
    assert checked >= 10


def test_the_planted_decision_error_flips_significance(examples):
    flips = 0
    for ex, stat in statistics_with_p(examples):
        if stat["id"] in planted(ex, {"decision_error"}):
            p_min, _ = p_range(stat)
            assert stat["p"] < ALPHA < p_min, stat
            flag = next(f for f in ex["flags"] if f["check"] == "decision_error")
            assert flag["numbers"]["computed_p"] == pytest.approx(
                two_sided_p(stat["kind"], stat["value"], stat["df"]), abs=1e-4)
            flips += 1
    assert flips == 1


def grim_consistent(printed_mean: str, n: int) -> bool:
    """GRIM (Brown & Heathers 2017): can n whole numbers average to the printed mean?"""
    lo, hi = interval(printed_mean)
    return math.floor(hi * n + 1e-9) >= math.ceil(lo * n - 1e-9)


def test_grim_holds_for_whole_number_means_except_where_planted(examples):
    checked = 0
    for ex in examples:
        for stat in ex["statistics"]:
            if stat["kind"] == "descriptive" and stat["whole_numbers"]:
                is_planted = stat["id"] in planted(ex, {"grim"})
                assert grim_consistent(stat["printed"]["mean"], stat["n"]) is not is_planted, stat
                checked += 1
    assert checked >= 8


def test_the_grim_flag_names_the_nearest_possible_means(examples):
    ex = next(e for e in examples if e["id"] == "02_id_quasi_two_column")
    flag = next(f for f in ex["flags"] if f["check"] == "grim")
    n, mean = flag["numbers"]["n"], flag["numbers"]["mean"]
    below, above = math.floor(mean * n) / n, math.ceil(mean * n) / n
    assert [round(below + 1e-9, 2), round(above, 2)] == flag["numbers"]["nearest"]


def ci_consistent(stat: dict) -> bool:
    """The CI mean ± t(0.975, n-1)·SD/√n, over the rounding intervals of mean and SD."""
    n, printed = stat["n"], stat["printed"]
    q = stats.t.ppf(0.975, n - 1)
    (m_lo, m_hi), (s_lo, s_hi) = interval(printed["mean"]), interval(printed["sd"])
    lower_lo, lower_hi = interval(printed["ci95"][0])
    upper_lo, upper_hi = interval(printed["ci95"][1])
    lowers = (m_lo - q * s_hi / math.sqrt(n), m_hi - q * s_lo / math.sqrt(n))
    uppers = (m_lo + q * s_lo / math.sqrt(n), m_hi + q * s_hi / math.sqrt(n))
    return (lowers[0] <= lower_hi and lower_lo <= lowers[1]
            and uppers[0] <= upper_hi and upper_lo <= uppers[1])


def test_confidence_intervals_follow_from_mean_sd_and_n_except_where_planted(examples):
    checked = 0
    for ex in examples:
        for stat in ex["statistics"]:
            if stat["kind"] == "descriptive" and stat["ci95"] is not None:
                is_planted = stat["id"] in planted(ex, {"ci_mismatch"})
                assert ci_consistent(stat) is not is_planted, (ex["id"], stat["id"])
                checked += 1
    assert checked == 7


def test_the_ci_flag_gives_the_interval_and_the_n_that_would_fit(examples):
    ex = next(e for e in examples if e["id"] == "04_en_paired_t")
    flag = next(f for f in ex["flags"] if f["check"] == "ci_mismatch")
    num = flag["numbers"]
    n = num["reported_n"]
    half = stats.t.ppf(0.975, n - 1) * num["sd"] / math.sqrt(n)
    assert [round(num["mean"] - half, 1), round(num["mean"] + half, 1)] == num["expected"]
    printed_half = (num["reported"][1] - num["reported"][0]) / 2
    implied = min(range(2, 1000), key=lambda k: abs(
        stats.t.ppf(0.975, k - 1) * num["sd"] / math.sqrt(k) - printed_half))
    assert implied == num["implied_n"]


def test_difference_intervals_follow_from_the_pooled_sd(examples):
    ex = next(e for e in examples if e["id"] == "03_en_rct_consistent")
    stats_ = by_id(ex)
    for diff in (s for s in ex["statistics"] if s["kind"] == "ci"):
        a, b = (stats_[ref] for ref in diff["from"])
        df = a["n"] + b["n"] - 2
        pooled = math.sqrt(((a["n"] - 1) * a["sd"] ** 2 + (b["n"] - 1) * b["sd"] ** 2) / df)
        se = pooled * math.sqrt(1 / a["n"] + 1 / b["n"])
        estimate = a["mean"] - b["mean"]
        q = stats.t.ppf(0.975, df)
        assert estimate == pytest.approx(diff["estimate"])
        assert [round(estimate - q * se, 1), round(estimate + q * se, 1)] == diff["ci95"]


def test_percentages_are_count_over_n_except_where_planted(examples):
    checked = 0
    for ex in examples:
        for stat in ex["statistics"]:
            if stat["kind"] == "percent":
                exact = 100 * stat["count"] / stat["n"]
                fits = abs(exact - stat["percent"]) <= half_unit(stat["printed"]["percent"]) + 1e-9
                assert fits is not (stat["id"] in planted(ex, {"percent_count"})), stat
                checked += 1
    assert checked >= 40


def test_frequency_tables_sum_to_n_and_to_100_within_rounding(examples):
    for ex in examples:
        for table in ex["frequency_tables"]:
            assert sum(table["counts"]) == table["n"], table
            slack = 0.05 * len(table["levels"]) + 1e-9     # one decimal, half a unit per level
            assert abs(sum(table["percents"]) - 100) <= slack, table


def test_example_1_summaries_follow_from_its_data(examples):
    ex = next(e for e in examples if e["id"] == "01_id_one_group_wilcoxon")
    data, s = ex["data"], by_id(ex)
    pre, post = np.array(data["pre"]), np.array(data["post"])
    assert len(pre) == len(post) == ex["record"]["n_total"]
    for values, stat in ((pre, s["score_pre"]), (post, s["score_post"])):
        assert round(values.mean(), 2) == stat["mean"]
        assert round(values.std(ddof=1), 2) == stat["sd"]
        assert (values.min(), values.max()) == (stat["min"], stat["max"])
    result = stats.wilcoxon(post, pre, zero_method="wilcox", correction=False, method="approx")
    assert round(result.zstatistic, 3) == s["z_main"]["value"]
    assert round(result.pvalue, 3) == s["z_main"]["p"]
    diff = post - pre
    ranks = stats.rankdata(np.abs(diff[diff != 0]))
    nonzero = diff[diff != 0]
    r = ex["wilcoxon_ranks"]
    assert (r["negative"]["n"], r["positive"]["n"], r["ties"]) == (
        (nonzero < 0).sum(), (nonzero > 0).sum(), (diff == 0).sum())
    assert ranks[nonzero < 0].sum() == r["negative"]["sum"]
    assert ranks[nonzero > 0].sum() == r["positive"]["sum"]
    cut = data["cut_off_cukup"]
    assert (pre >= cut).sum() == s["pct_cukup_pre"]["count"]
    assert (post >= cut).sum() == s["pct_cukup_post"]["count"]


def test_example_2_count_summaries_follow_from_its_data_but_for_the_planted_mean(examples):
    ex = next(e for e in examples if e["id"] == "02_id_quasi_two_column")
    s = by_id(ex)
    for key in ("bak_int_pre", "bak_ctl_pre", "bak_int_post", "bak_ctl_post"):
        values = np.array(ex["data"][key])
        assert len(values) == s[key]["n"]
        assert round(values.std(ddof=1), 2) == s[key]["sd"], key
        printed_correctly = f"{values.mean() + 1e-9:.2f}".replace(".", ",")
        is_planted = key in planted(ex, {"grim"})
        assert (printed_correctly == s[key]["printed"]["mean"]) is not is_planted, key


def independent_t_range(a: dict, b: dict) -> tuple[float, float]:
    """Smallest and largest Student t the printed means and SDs allow."""
    (a_lo, a_hi), (b_lo, b_hi) = interval(a["printed"]["mean"]), interval(b["printed"]["mean"])
    (sa_lo, sa_hi), (sb_lo, sb_hi) = interval(a["printed"]["sd"]), interval(b["printed"]["sd"])

    def t(diff, sa, sb):
        df = a["n"] + b["n"] - 2
        pooled = math.sqrt(((a["n"] - 1) * sa ** 2 + (b["n"] - 1) * sb ** 2) / df)
        return diff / (pooled * math.sqrt(1 / a["n"] + 1 / b["n"]))

    corners = [t(d, sa, sb) for d in (a_lo - b_hi, a_hi - b_lo) for sa in (sa_lo, sa_hi)
               for sb in (sb_lo, sb_hi)]
    return min(corners), max(corners)


@pytest.mark.parametrize(("example", "t_id", "a_id", "b_id"), [
    ("02_id_quasi_two_column", "t_post", "ml_int_post", "ml_ctl_post"),
    ("02_id_quasi_two_column", "t_pre", "ml_int_pre", "ml_ctl_pre"),
    ("03_en_rct_consistent", "t_day3", "day3_massage", "day3_usual"),
    ("03_en_rct_consistent", "t_day7", "day7_massage", "day7_usual"),
    ("03_en_rct_consistent", "t_age", "age_massage", "age_usual"),
])
def test_independent_t_values_follow_from_the_group_summaries(examples, example, t_id, a_id, b_id):
    ex = next(e for e in examples if e["id"] == example)
    s = by_id(ex)
    t_lo, t_hi = independent_t_range(s[a_id], s[b_id])
    rep_lo, rep_hi = interval(s[t_id]["printed"]["value"])
    assert t_lo <= rep_hi and rep_lo <= t_hi, (t_lo, t_hi)


def test_the_paired_t_follows_from_the_mean_change_and_its_sd(examples):
    ex = next(e for e in examples if e["id"] == "04_en_paired_t")
    s = by_id(ex)
    diff, n = s["vol_diff"], s["vol_diff"]["n"]
    t = diff["mean"] / (diff["sd"] / math.sqrt(n))
    assert round(t, 2) == s["t_paired"]["value"]
    assert diff["mean"] == pytest.approx(s["vol_post"]["mean"] - s["vol_pre"]["mean"])


def implied_correlation(sd_pre: float, sd_post: float, sd_diff: float) -> float:
    return (sd_pre ** 2 + sd_post ** 2 - sd_diff ** 2) / (2 * sd_pre * sd_post)


def test_paired_results_imply_a_possible_pre_post_correlation(examples):
    ex4 = by_id(next(e for e in examples if e["id"] == "04_en_paired_t"))
    r4 = implied_correlation(ex4["vol_pre"]["sd"], ex4["vol_post"]["sd"], ex4["vol_diff"]["sd"])
    ex2 = by_id(next(e for e in examples if e["id"] == "02_id_quasi_two_column"))
    rs = [r4]
    for t_id, pre, post in (("t_paired_int", "ml_int_pre", "ml_int_post"),
                            ("t_paired_ctl", "ml_ctl_pre", "ml_ctl_post")):
        n = ex2[pre]["n"]
        change = ex2[post]["mean"] - ex2[pre]["mean"]
        sd_diff = change * math.sqrt(n) / ex2[t_id]["value"]
        rs.append(implied_correlation(ex2[pre]["sd"], ex2[post]["sd"], sd_diff))
    assert all(-1 < r < 1 for r in rs), rs
    assert [round(r, 2) for r in rs] == [0.49, 0.42, 0.28]


def test_chi_square_values_follow_from_the_two_by_two_counts(examples):
    ex = next(e for e in examples if e["id"] == "03_en_rct_consistent")
    s = by_id(ex)
    for table in ex["contingency_tables"]:
        result = stats.chi2_contingency(np.array(table["counts"]), correction=False)
        assert round(result.statistic, 2) == s[table["ref"]]["value"]
        assert round(result.pvalue, 3) == s[table["ref"]]["p"]


def test_the_consistent_example_plants_nothing_of_severity_error_or_warning(examples):
    ex = next(e for e in examples if e["id"] == "03_en_rct_consistent")
    assert [f for f in ex["flags"] if f["severity"] in ("error", "warning")] == []
    refs = {ref for entry in ex["consistent_on_purpose"] for ref in entry["refs"]}
    assert refs == {s["id"] for s in ex["statistics"]}


def test_every_primary_example_but_the_consistent_one_plants_two_or_more_flags(examples):
    for ex in examples:
        if ex["kind"] == "primary" and ex["id"] != "03_en_rct_consistent":
            assert len({f["check"] for f in ex["flags"]}) >= 2, ex["id"]
