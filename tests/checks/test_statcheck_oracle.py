"""Our p recomputation gives statcheck 1.4.0's error / decision_error verdict for every result
statcheck extracted from ../shared/anchors/statcheck (its default run). We feed the values
statcheck extracted, so this oracle does not wait for extraction. Differences are only where
statcheck is known to be wrong, each named in its own test below."""

from __future__ import annotations

import json
import re

import pytest

from evidencekit.checks.pcompute import (decision_flipped, p_from_statistic, p_inconsistent,
                                         p_range)
from evidencekit.checks.rounding import unround

#: statcheck's computed_p is R's pt/pf/pchisq/pnorm; scipy agrees to ~1e-15 (verification_report.md)
P_RTOL = 1e-9

#: Rows where statcheck 1.4.0 is known to be wrong, with the reason; each has its own test.
STATCHECK_KNOWN_WRONG = {
    "S39": "p = .000 is always an error in statcheck (pZeroError); we read it as p < .001",
    "S54": "statcheck reads the comma decimal 2,20 as the thousands-separated 220",
}

KIND = {"t": "t", "F": "F", "r": "r", "Chi2": "chi2", "Z": "Z", "Q": "Q", "Qw": "Q", "Qb": "Q"}
STAT_TEXT = re.compile(r"(?:\)|\b[zZ])\s*[=<>]\s*(?P<v>[-−–]?(?:\d+(?:[.,]\d+)?|[.,]\d+))")   # value after "t(28) =" / "z ="
P_TEXT = re.compile(r"\bp\s*[=<>]\s*(?P<p>[\d.]+(?:e-?\d+)?)")               # p = .036, p < .001


def decimals_of(text: str) -> int:
    """Printed decimals of a number as statcheck counts them (mantissa only for 2.1e-20)."""
    mantissa = text.split("e")[0].replace(",", "")
    return len(mantissa.split(".")[1]) if "." in mantissa else 0


def load_rows(shared_dir, run="default"):
    data = json.loads((shared_dir / "anchors" / "statcheck" / f"statcheck_{run}.json").read_text("utf-8"))
    return data["rows"]


def row_id(row):
    return f"{row['source']}-{row['test_type']}"


def our_verdict(row, alpha=0.05, p_equal_alpha_sig=True, tails=2):
    """(error, decision_error, computed p) as our recompute gives them for statcheck's values."""
    kind = KIND[row["test_type"]]
    df = {"t": (row["df2"],), "r": (row["df2"],), "F": (row["df1"], row["df2"]),
          "chi2": (row["df1"],), "Q": (row["df1"],), "Z": None}[kind]
    stat_text = STAT_TEXT.search(row["raw"]).group("v")
    test_dec = decimals_of(stat_text)
    value = row["test_value"]
    rng = p_range(kind, unround(value, test_dec), value, df, tails)
    p_op = row["p_comp"]
    if p_op == "ns":
        rp, p_dec = None, 0
    else:
        rp, p_dec = row["reported_p"], decimals_of(P_TEXT.search(row["raw"]).group("p"))
    error = p_inconsistent(rp if rp is not None else alpha, p_op, p_dec, rng,
                           test_op=row["test_comp"], alpha=alpha)
    decision = error and decision_flipped(rp if rp is not None else alpha, p_op, rng.point, alpha,
                                          p_equal_alpha_sig, test_op=row["test_comp"])
    return error, decision, rng.point


def _rows(run="default"):
    from pathlib import Path
    shared = Path(__file__).resolve().parents[3] / "shared"
    return load_rows(shared, run)


@pytest.mark.parametrize("row", _rows(), ids=row_id)
def test_recompute_gives_statchecks_computed_p(row):
    *_, p = our_verdict(row)
    assert p == pytest.approx(row["computed_p"], rel=P_RTOL)


@pytest.mark.parametrize("row", [r for r in _rows() if r["source"] not in STATCHECK_KNOWN_WRONG],
                         ids=row_id)
def test_error_and_decision_error_agree_with_statcheck_default_run(row):
    error, decision, _ = our_verdict(row)
    assert (error, decision) == (row["error"], row["decision_error"]), row["raw"]


@pytest.mark.parametrize("row", [r for r in _rows("pequalalphasig_false")
                                 if r["source"] not in STATCHECK_KNOWN_WRONG], ids=row_id)
def test_decision_errors_agree_with_statcheck_when_p_equal_alpha_is_not_significant(row):
    error, decision, _ = our_verdict(row, p_equal_alpha_sig=False)
    assert (error, decision) == (row["error"], row["decision_error"]), row["raw"]


@pytest.mark.parametrize("row", [r for r in _rows("onetailedtests") if r["test_type"] in ("t", "r", "Z")
                                 and r["source"] not in STATCHECK_KNOWN_WRONG], ids=row_id)
def test_one_tailed_p_agrees_with_statcheck_when_every_test_is_one_tailed(row):
    error, decision, p = our_verdict(row, tails=1)
    assert p == pytest.approx(row["computed_p"], rel=P_RTOL)
    assert (error, decision) == (row["error"], row["decision_error"]), row["raw"]


def _row(source):
    return next(r for r in _rows() if r["source"] == source)


def test_statcheck_known_wrong_p_zero_is_read_as_less_than_001_and_is_consistent():
    row = _row("S39")                                   # t(200) = 8.50, p = .000
    assert row["error"] is True                         # statcheck: pZeroError
    rng = p_range("t", unround(8.5, 2), 8.5, (200,))
    assert not p_inconsistent(0.001, "<", 3, rng)       # ours: p < .001 fits t = 8.50


def test_statcheck_known_wrong_comma_decimal_statistic_is_read_as_two_point_two():
    row = _row("S54")                                   # t(28) = 2,20, p = .036
    assert row["test_value"] == 220 and row["error"] is True
    rng = p_range("t", unround(2.20, 2), 2.20, (28,))
    assert not p_inconsistent(0.036, "=", 3, rng)


def test_scientific_p_is_inconsistent_even_at_its_own_precision():
    row = _row("S41")                                   # t(300) = 9.80, p = 2.1e-20
    assert row["error"] is True                         # statcheck: decimals from the mantissa (1)
    rng = p_range("t", unround(9.80, 2), 9.80, (300,))
    # at full precision 2.1e-20 has 21 decimals; 9.795..9.805 gives p = 7.2e-20..7.8e-20
    assert p_inconsistent(2.1e-20, "=", 21, rng)
    assert not p_inconsistent(7.5e-20, "=", 21, rng)


def test_p_from_statistic_matches_the_readme_hand_checks():
    assert p_from_statistic("t", 2.20, (28,)) == pytest.approx(0.0362254847788378, rel=P_RTOL)
    assert p_from_statistic("F", 3.10, (2, 56)) == pytest.approx(0.0529, abs=5e-5)
    assert p_from_statistic("chi2", 4.50, (1,)) == pytest.approx(0.0339, abs=5e-5)
    assert p_from_statistic("Z", 2.10, None) == pytest.approx(0.0357, abs=5e-5)
    assert p_from_statistic("r", 0.30, (48,)) == pytest.approx(0.0343, abs=5e-5)


@pytest.mark.parametrize("row", [r for r in _rows("onetailedtxt") if r["one_tailed_in_txt"]], ids=row_id)
def test_one_tailed_mention_rescues_exactly_the_results_statcheck_rescues(row):
    from evidencekit.checks.pcompute import one_tailed_fit
    error, decision, p = our_verdict(row)                       # two-tailed first
    if error:
        kind = KIND[row["test_type"]]
        df = {"t": (row["df2"],), "r": (row["df2"],), "Z": None}[kind]
        dec = decimals_of(STAT_TEXT.search(row["raw"]).group("v"))
        p_dec = decimals_of(P_TEXT.search(row["raw"]).group("p"))
        rng = one_tailed_fit(kind, unround(row["test_value"], dec), row["test_value"], df,
                             row["reported_p"], row["p_comp"], p_dec)
        if rng is not None:
            error, decision, p = False, False, rng.point
    assert (error, decision) == (row["error"], row["decision_error"])
    assert p == pytest.approx(row["computed_p"], rel=P_RTOL)


def test_one_tailed_mention_in_the_paper_reaches_the_flag():
    from evidencekit.checks.context import CheckContext
    from evidencekit.checks.pvalues import check_p_recompute
    from evidencekit.model import Reported, Statistic
    from evidencekit.vocab import POperator, StatKind
    s = Statistic(StatKind.T, Reported(1.80, 2, "1.80"), (28,), Reported(0.04, 2, ".04"), POperator.EQ)
    assert check_p_recompute(s, CheckContext()) is not None
    assert check_p_recompute(s, CheckContext(one_tailed_stated=True)) is None
    wrong = Statistic(StatKind.T, Reported(1.20, 2, "1.20"), (20,), Reported(0.03, 2, ".03"), POperator.EQ)
    assert check_p_recompute(wrong, CheckContext(one_tailed_stated=True)) is not None
