"""p-value recomputation and reporting checks (statcheck's method, extended).

Method: Nuijten, Hartgerink, van Assen, Epskamp & Wicherts (2016), "The prevalence of statistical
reporting errors in psychology (1985–2013)", Behavior Research Methods 48:1205–1226 — the R package
statcheck. A reported statistic stands for an interval (value ± half its last digit); the p-values
of the interval's ends bound the correct p, and those bounds are rounded to the reported p's
decimals before comparing. Beyond statcheck: Wilcoxon W/T and Mann-Whitney U (normal with and
without continuity correction, exact for small n; :mod:`evidencekit.checks.ranktests`),
Kruskal-Wallis H and Friedman Q (χ² with k−1 df), Spearman ρ (t approximation), and
``p = 0,000`` read as ``p < .001`` instead of an error.

This module reads model objects and returns flags; the arithmetic (p from a statistic, the verdict
tables) is in :mod:`evidencekit.checks.pcompute`.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from evidencekit.checks import messages as msg
from evidencekit.checks.context import CheckContext
from evidencekit.checks.pcompute import (
    PRange, decision_flipped, one_tailed_fit, p_inconsistent, p_range, rank_p_range,
)
from evidencekit.checks.rounding import interval
from evidencekit.checks.settings import CheckSettings
from evidencekit.model import Flag, Reported, Statistic
from evidencekit.vocab import CheckId, POperator, Severity, StatKind, TestName

#: A printed p of zero is read as "p < this" (the brief: "report p < .001").
P_ZERO_AS_LESS_THAN = 0.001


RANK_TESTS_W = frozenset({TestName.WILCOXON_SIGNED_RANK})


def recompute_p(stat: Statistic, ctx: CheckContext) -> PRange | None:
    """The p range a statistic allows, or None when it cannot be recomputed (no value, no df,
    a rank statistic without sample sizes, a kind without a reference distribution)."""
    return _recompute_p(stat, ctx.settings, ctx.n_total, ctx.arm_sizes)


#: Recomputations are pure in (statistic, settings, n, arms): p_recompute, decision_error and
#: p_bound ask for the same ones, so they are cached (bounded, no state beyond the cache).
RECOMPUTE_CACHE_SIZE = 8192


@lru_cache(maxsize=RECOMPUTE_CACHE_SIZE)
def _recompute_p(stat: Statistic, settings: CheckSettings, n_total: int | None,
                 arm_sizes: tuple[int, ...]) -> PRange | None:
    if stat.value is None:
        return None
    tails = 1 if stat.one_tailed else 2
    kind = stat.kind.value
    iv = interval(stat.value, settings.rounding)
    try:
        if kind in ("W", "U"):
            sizes = _rank_sizes(stat, n_total, arm_sizes)
            if sizes is None:
                return None
            rng = rank_p_range(kind, iv, stat.value.value, sizes, tails, settings.exact_max_n)
            if settings.rank_ties_possible:   # ties shrink the null variance: p can be smaller
                rng = PRange(0.0, rng.high, rng.point, rng.tails, rng.method + "; ties allowed")
            return rng
        if kind == "rho":
            df = stat.df or ((stat.n - 2,) if stat.n and stat.n > 2 else None)
            if df is None:
                return None
            return p_range("rho", iv, stat.value.value, df, tails)
        if kind == "H" and not stat.df and len(arm_sizes) >= 2:
            # Kruskal-Wallis: χ² with k − 1 df for the paper's k groups
            return p_range("H", iv, stat.value.value, (len(arm_sizes) - 1,), tails)
        if kind == "t" and not stat.df and (df := _t_df_from_design(stat, n_total, arm_sizes)):
            return replace(p_range("t", iv, stat.value.value, df, tails), df_from_design=df)
        if kind in ("t", "F", "r", "chi2", "Q", "H", "Z"):
            if kind != "Z" and not stat.df:
                if kind == "r" and stat.n and stat.n > 2:
                    return p_range("r", iv, stat.value.value, (stat.n - 2,), tails)
                return None
            return p_range(kind, iv, stat.value.value, stat.df, tails)
    except ValueError:
        return None                        # impossible df (e.g. 0): not testable, not "fine"
    return None


def _t_df_from_design(stat: Statistic, n_total: int | None,
                      arms: tuple[int, ...]) -> tuple[float, ...] | None:
    """The df of a t printed without one (common in tables): n − 1 for a paired or one-sample
    t, n1 + n2 − 2 for Student's t with two known arms; None for Welch or when unknown."""
    if stat.test in (TestName.PAIRED_T, TestName.ONE_SAMPLE_T):
        if stat.n:
            n = stat.n
        elif arms:                     # a paired t within one arm of a two-group study
            n = arms[0] if len(set(arms)) == 1 else None
        else:
            n = n_total
        return (n - 1,) if n and n > 2 else None
    if stat.test is TestName.INDEPENDENT_T:
        if stat.n and stat.n > 3:
            return (stat.n - 2,)
        if len(arms) == 2 and min(arms) > 1:
            return (sum(arms) - 2,)
    return None


def _rank_sizes(stat: Statistic, n_total: int | None,
                arms: tuple[int, ...]) -> tuple[int, ...] | None:
    """(n,) for a Wilcoxon W, (n1, n2) for a Mann-Whitney U, from the statistic or the record."""
    if stat.kind is StatKind.W or stat.test in RANK_TESTS_W:
        n = stat.n or n_total
        return (n,) if n and n > 1 else None
    if len(arms) == 2 and min(arms) > 0:
        return arms
    return None


def _test_op(stat: Statistic) -> str:
    """The statistic's own operator ("t(40) > 3.00"); "=" when printed as a value."""
    op = getattr(stat, "value_operator", None)
    return op.value if op is not None else "="


def reported_p_reading(stat: Statistic) -> tuple[float, str, int] | None:
    """The reported p as (value, operator, decimals) for the verdicts; ``p = 0,000`` is read as
    ``p < .001`` (a :func:`check_p_format` note says so)."""
    if stat.p is None:
        return None
    op = stat.p_operator.value if stat.p_operator else "="
    if stat.p.value <= 0 and op in ("=", "<", "<="):
        return P_ZERO_AS_LESS_THAN, "<", 3
    return stat.p.value, op, stat.p.decimals


def _describe(stat: Statistic, rng: PRange | None = None) -> str:
    dfs, supplied = stat.df, False
    if not dfs and rng is not None and rng.df_from_design:
        dfs, supplied = rng.df_from_design, True
    df = ""
    if dfs:
        df = "(" + ", ".join(msg.num(d, 0 if float(d).is_integer() else 2) for d in dfs) + ")"
    name = {"chi2": "χ²", "rho": "ρ"}.get(stat.kind.value, stat.kind.value)
    note = " (df from the design; the paper prints none)" if supplied else ""
    return f"{name}{df} = {msg.shown(stat.value)}{note}"


def _inconsistent(stat: Statistic, ctx: CheckContext) -> tuple[PRange, float, str, int] | None:
    """(range, reported p, operator, decimals) when the reported p does not fit the statistic —
    also not one-tailed when the paper says its tests were one-tailed — else None."""
    return _inconsistent_cached(stat, ctx.settings, ctx.n_total, ctx.arm_sizes, ctx.alpha,
                                ctx.one_tailed_stated)


@lru_cache(maxsize=RECOMPUTE_CACHE_SIZE)
def _inconsistent_cached(stat: Statistic, settings: CheckSettings, n_total: int | None,
                         arm_sizes: tuple[int, ...], alpha: float,
                         one_tailed_stated: bool) -> tuple[PRange, float, str, int] | None:
    rng = _recompute_p(stat, settings, n_total, arm_sizes)
    reading = reported_p_reading(stat)
    if rng is None or reading is None:
        return None
    rp, op, dec = reading
    if not p_inconsistent(rp, op, dec, rng, test_op=_test_op(stat), alpha=alpha):
        return None
    if one_tailed_stated and not stat.one_tailed and stat.value is not None and rng.tails == 2:
        df = stat.df or ((stat.n - 2,) if stat.kind.value in ("r", "rho") and stat.n else None)
        iv = interval(stat.value, settings.rounding)
        try:
            if one_tailed_fit(stat.kind.value, iv, stat.value.value, df, rp, op, dec,
                              _test_op(stat), alpha):
                return None
        except ValueError:
            pass
    return rng, rp, op, dec


def check_p_recompute(stat: Statistic, ctx: CheckContext) -> Flag | None:
    """p_recompute (Nuijten et al. 2016, statcheck): flag a reported p that no statistic within
    the printed rounding can give (one-tailed too, when the paper says so). An error: the
    statistic, its df and the p cannot all be true as printed; the ``decision_error`` flag says
    when it also flips significance."""
    found = _inconsistent(stat, ctx)
    if found is None:
        return None
    rng, rp, op, dec = found
    comma = msg.uses_comma(stat.value, stat.p)
    tail = "one-tailed" if rng.tails == 1 else "two-tailed"
    message = (f"{_describe(stat, rng)} gives p = {msg.prange(rng.low, rng.high, comma)} ({tail}), "
               f"but p {op} {msg.shown(stat.p) if stat.p and stat.p.value > 0 else msg.num(rp, 3, comma)}"
               f" is reported; check the statistic, its degrees of freedom and the p-value.")
    return Flag(CheckId.P_RECOMPUTE, Severity.ERROR, message,
                evidence=(stat.span,) if stat.span else (),
                expected=rng.point, reported=stat.p.value if stat.p else None,
                expected_range=(rng.low, rng.high),
                details={"tails": rng.tails, **({"methods": rng.method} if rng.method else {})})


def check_decision_error(stat: Statistic, ctx: CheckContext) -> Flag | None:
    """decision_error (Nuijten et al. 2016): a ``p_recompute`` inconsistency that changes the
    conclusion at the paper's alpha — the reported p is significant and the recomputed one not,
    or the other way round."""
    found = _inconsistent(stat, ctx)
    if found is None:
        return None
    rng, rp, op, dec = found
    alpha = ctx.alpha
    # statcheck judges the flip at the p of the printed statistic (its ``computed_p``)
    if not decision_flipped(rp, op, rng.point, alpha, ctx.settings.p_equal_alpha_sig, _test_op(stat)):
        return None
    comma = msg.uses_comma(stat.value, stat.p)
    now = "not significant" if rng.point > alpha else "significant"
    message = (f"{_describe(stat, rng)} gives p = {msg.prange(rng.low, rng.high, comma)}, which is {now} at "
               f"α = {msg.num(alpha, 2, comma)}, but p {op} {msg.shown(stat.p)} is reported: "
               f"the paper's conclusion about this result does not follow from its statistic.")
    return Flag(CheckId.DECISION_ERROR, Severity.ERROR, message,
                evidence=(stat.span,) if stat.span else (), expected=rng.point,
                reported=stat.p.value if stat.p else None, expected_range=(rng.low, rng.high),
                details={"alpha": alpha, "tails": rng.tails})


def p_format_problem(p: Reported, op: POperator | None) -> tuple[Severity, str] | None:
    """What is wrong with how a p-value is printed, if anything: zero (note), above 1 (error)."""
    if p.value > 1:
        return Severity.ERROR, (f"p = {msg.shown(p)} is not a probability (p lies between 0 and 1); "
                                f"check the printed value.")
    if p.value <= 0 and (op is None or op in (POperator.EQ, POperator.LE, POperator.LT)):
        less = "< 0,001" if "," in p.text else "< .001"
        return Severity.NOTE, (f"p is reported as {msg.shown(p)}; a p-value is never exactly zero — "
                               f"report it as p {less}.")
    return None


def check_p_format(p: Reported, op: POperator | None, evidence=()) -> Flag | None:
    """p_zero_or_format: p printed as 0 / 0,000 (note: "report p < .001") or above 1 (error).
    APA Publication Manual (7th ed., §6.36); statcheck's ``pZeroError``."""
    problem = p_format_problem(p, op)
    if problem is None:
        return None
    severity, message = problem
    return Flag(CheckId.P_ZERO_OR_FORMAT, severity, message, evidence=tuple(evidence),
                reported=p.value, expected=P_ZERO_AS_LESS_THAN if p.value <= 0 else None)
