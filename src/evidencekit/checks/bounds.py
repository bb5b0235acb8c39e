"""Bounds: summaries that cannot hold together whatever the raw data were.

* range_feasibility — mean and median lie in [min, max]; the sample SD of n values in [a, b] with
  mean m is at most sqrt(n(b − m)(m − a)/(n − 1)) (the Bhatia–Davis inequality, sample form) and,
  when a < b, at least (b − a)/sqrt(2(n − 1)) (two values at the ends, the rest at their midpoint).
  Every number is read as its rounding interval.
* categorical_summary — minimum, maximum, median, mean and SD implied by the paper's own
  frequency table under its level coding.
* p_bound — the largest p any data matching the descriptives can give. Paired: the SD of the
  differences is sqrt(s1² + s2² − 2·r·s1·s2) ≤ s1 + s2 over every pre/post correlation r in
  [−1, 1], so t ≥ |d̄|·√n/(s1 + s2) (cf. the DEBIT/SPRITE family of reconstruction checks,
  Heathers & Brown). Two groups: Student and Welch t over the rounding intervals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import median as _median

from scipy import special

from evidencekit.checks import messages as msg
from evidencekit.checks.context import CheckContext
from evidencekit.checks.rounding import Interval, interval
from evidencekit.model import Descriptive, Flag, FrequencyTable, Reported, Statistic
from evidencekit.vocab import CheckId, Severity

# ------------------------------------------------------------------------ range feasibility core


def sd_max(n: int, low: float, high: float, mean: Interval | None = None) -> float:
    """Largest sample SD of n values in [low, high] (with mean in ``mean`` when given)."""
    if n < 2 or high < low:
        return 0.0
    if mean is None:
        m = (low + high) / 2
    else:                                   # (b − m)(m − a) is largest at the midpoint, if allowed
        m = min(max((low + high) / 2, mean.low), mean.high)
    m = min(max(m, low), high)
    return math.sqrt(max(0.0, n * (high - m) * (m - low) / (n - 1)))


def sd_min(n: int, low: float, high: float) -> float:
    """Smallest sample SD of n values whose minimum is ``low`` and maximum ``high``."""
    if n < 2 or high <= low:
        return 0.0
    return (high - low) / math.sqrt(2 * (n - 1))


def range_problems(n: int | None, mean: Reported | None, sd: Reported | None,
                   median: Reported | None, lo: Reported | None, hi: Reported | None) -> list[str]:
    """Every way the printed summaries contradict each other (plain-language fragments)."""
    out: list[str] = []
    if lo is None or hi is None:
        return out
    a, b = interval(lo), interval(hi)
    if a.low > b.high:
        return [f"the minimum {msg.shown(lo)} is above the maximum {msg.shown(hi)}"]
    for name, r in (("mean", mean), ("median", median)):
        if r is not None:
            v = interval(r)
            if v.high < a.low - 1e-9 or v.low > b.high + 1e-9:
                out.append(f"the {name} {msg.shown(r)} lies outside the range "
                           f"{msg.shown(lo)}–{msg.shown(hi)}")
    if sd is not None and n and n >= 2:
        s = interval(sd)
        m = interval(mean) if mean is not None else None
        top = sd_max(n, a.low, b.high, m)
        if s.low > top + 1e-9:
            out.append(f"the SD {msg.shown(sd)} is larger than any {n} values between "
                       f"{msg.shown(lo)} and {msg.shown(hi)} allow (at most {msg.num(top, sd.decimals)})")
        bottom = sd_min(n, a.high, b.low)
        if s.high < bottom - 1e-9:
            out.append(f"the SD {msg.shown(sd)} is too small for values that reach both "
                       f"{msg.shown(lo)} and {msg.shown(hi)} (at least {msg.num(bottom, sd.decimals)})")
    return out


def check_range(d: Descriptive, ctx: CheckContext) -> Flag | None:
    """range_feasibility: mean/median outside [min, max], an SD the range cannot give, or a
    minimum above the maximum. Error: these numbers cannot all be true."""
    problems = range_problems(d.n, d.mean, d.sd, d.median, d.min, d.max)
    if not problems:
        return None
    label = f"{d.label}: " if d.label else ""
    message = f"{label}{'; '.join(problems)}."
    message = message[0].upper() + message[1:]
    return Flag(CheckId.RANGE_FEASIBILITY, Severity.ERROR, message,
                evidence=(d.span,) if d.span else ())


# ------------------------------------------------------------------------ categorical summaries


@dataclass(frozen=True, slots=True)
class Implied:
    """What a frequency table implies about the scores under one coding."""

    n: int
    min: float
    max: float
    median: float
    mean: float
    sd: float


def implied_summary(counts: tuple[int, ...], codes: tuple[float, ...]) -> Implied | None:
    """Summaries of the data a frequency table describes, with level i scored ``codes[i]``."""
    values = [c for c, k in zip(codes, counts) for _ in range(k)]
    if len(values) < 1:
        return None
    n = len(values)
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1)) if n > 1 else 0.0
    return Implied(n, min(values), max(values), float(_median(values)), mean, sd)


def summary_mismatches(imp: Implied, d: Descriptive) -> list[tuple[str, Reported, float]]:
    """(name, reported, implied) for every summary of ``d`` that the table contradicts."""
    out = []
    for name in ("min", "max", "median", "mean", "sd"):
        r = getattr(d, name)
        if r is None:
            continue
        if not interval(r).contains(getattr(imp, name)):
            out.append((name, r, getattr(imp, name)))
    return out


def candidate_codings(k: int) -> list[tuple[float, ...]]:
    """Codings a k-level ordinal table is commonly scored with: 0..k−1, 1..k, and reversed."""
    up0 = tuple(float(i) for i in range(k))
    up1 = tuple(float(i + 1) for i in range(k))
    return [up0, up1, tuple(reversed(up0)), tuple(reversed(up1))]


def infer_coding(pairs: list[tuple[FrequencyTable, Descriptive]]) -> tuple[float, ...] | None:
    """The coding under which the most (table, descriptive) pairs of a paper agree fully."""
    if not pairs:
        return None
    k = len(pairs[0][0].levels)
    best, best_score = None, 0
    for coding in candidate_codings(k):
        score = 0
        for table, d in pairs:
            if len(table.levels) != k or any(c is None for c in table.counts):
                continue
            imp = implied_summary(tuple(table.counts), coding)
            if imp and not summary_mismatches(imp, d):
                score += 1
        if score > best_score:
            best, best_score = coding, score
    return best


def check_categorical(table: FrequencyTable, d: Descriptive, codes: tuple[float, ...] | None,
                      ctx: CheckContext) -> Flag | None:
    """categorical_summary: a minimum, maximum, median, mean or SD that the paper's own frequency
    table (scored with ``codes``) contradicts. Error."""
    codes = table.codes or codes
    if codes is None or any(c is None for c in table.counts) or len(codes) != len(table.counts):
        return None
    imp = implied_summary(tuple(table.counts), tuple(codes))
    if imp is None:
        return None
    bad = summary_mismatches(imp, d)
    if not bad:
        return None
    comma = msg.uses_comma(*[r for _, r, _ in bad])
    coding = ", ".join(f"{lv} = {msg.num(c, 0)}" for lv, c in zip(table.levels, codes))
    parts = []
    for name, r, v in bad:
        dec = r.decimals if name in ("mean", "sd") else 0
        parts.append(f"the {name} is reported as {msg.shown(r)} but the table's counts "
                     f"({', '.join(str(c) for c in table.counts)}) give {msg.num(v, dec, comma)}")
    label = d.label or table.label
    message = f"{label}: {'; '.join(parts)} (coding {coding})."
    name, r, v = bad[0]
    return Flag(CheckId.CATEGORICAL_SUMMARY, Severity.ERROR, message,
                evidence=tuple(s for s in (d.span, table.span) if s), expected=v, reported=r.value,
                details={"summary": name, "codes": list(codes), "counts": list(table.counts)})


# ------------------------------------------------------------------------ p bounds


def paired_t_min(diff: Interval, s1: Interval, s2: Interval, n: int) -> float:
    """Smallest |t| of a paired t test over every pre/post correlation in [−1, 1] and every
    value within rounding: |d̄|min·√n / (s1 + s2)max."""
    d_min = 0.0 if diff.low <= 0 <= diff.high else min(abs(diff.low), abs(diff.high))
    s_max = s1.high + s2.high
    return math.inf if s_max <= 0 else d_min * math.sqrt(n) / s_max


def paired_p_max(pre_mean: Reported, pre_sd: Reported, post_mean: Reported, post_sd: Reported,
                 n: int) -> float:
    """The largest two-tailed paired-t p any pre/post correlation allows."""
    m1, m2 = interval(pre_mean), interval(post_mean)
    diff = Interval(m2.low - m1.high, m2.high - m1.low)
    t = paired_t_min(diff, interval(pre_sd), interval(post_sd), n)
    return float(2 * special.stdtr(n - 1, -t))


def two_group_p_range(m1: Reported, s1: Reported, n1: int, m2: Reported, s2: Reported, n2: int) -> Interval:
    """Range of two-tailed p of Student's and Welch's t over the rounding intervals."""
    a, b, c, d = interval(m1), interval(m2), interval(s1), interval(s2)
    diffs = [0.0] if a.low <= b.high and b.low <= a.high else []
    diffs += [abs(x - y) for x in (a.low, a.high) for y in (b.low, b.high)]
    ps = []
    for diff in (min(diffs), max(diffs)):
        for sa in (max(c.low, 1e-12), c.high):
            for sb in (max(d.low, 1e-12), d.high):
                ps += [_student_p(diff, sa, n1, sb, n2), _welch_p(diff, sa, n1, sb, n2)]
    return Interval(min(ps), max(ps))


def _student_p(diff, s1, n1, s2, n2) -> float:
    sp2 = ((n1 - 1) * s1 ** 2 + (n2 - 1) * s2 ** 2) / (n1 + n2 - 2)
    t = diff / math.sqrt(sp2 * (1 / n1 + 1 / n2))
    return float(2 * special.stdtr(n1 + n2 - 2, -abs(t)))


def _welch_p(diff, s1, n1, s2, n2) -> float:
    v1, v2 = s1 ** 2 / n1, s2 ** 2 / n2
    t = diff / math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1))
    return float(2 * special.stdtr(df, -abs(t)))


def p_lower_bound_of(p: Reported, op: str) -> float | None:
    """The smallest true p a printed p allows (None for "p < x", which any small p satisfies)."""
    if op in ("<", "<="):
        return None
    if p.value <= 0:
        return None
    return interval(p).low


def check_paired_p_bound(pre: Descriptive, post: Descriptive, stat: Statistic,
                         ctx: CheckContext, *, rank_test: bool = False,
                         no_decrease_stated: bool = False) -> Flag | None:
    """p_bound, paired: a reported p larger than any pre/post correlation in [−1, 1] allows.

    For a paired t test this is exact (error). For a Wilcoxon test the t bound is evidence, not
    proof (warning) — unless the paper states that no score fell, when the signed-rank p is
    bounded too (error)."""
    if not all(x is not None for x in (pre.mean, pre.sd, post.mean, post.sd)) or stat.p is None:
        return None
    n = pre.n or post.n or ctx.n_total
    if not n or n < 3:
        return None
    op = stat.p_operator.value if stat.p_operator else "="
    p_low = p_lower_bound_of(stat.p, op)
    if p_low is None:
        return None
    p_max = paired_p_max(pre.mean, pre.sd, post.mean, post.sd, n)
    if p_low <= p_max:
        return None
    severity = Severity.ERROR if (not rank_test or no_decrease_stated) else Severity.WARNING
    comma = msg.uses_comma(pre.mean, post.mean, stat.p)
    diff = post.mean.value - pre.mean.value
    t_min = paired_t_min(Interval(diff, diff), interval(pre.sd), interval(post.sd), n)
    extra = (" The paper also states that no score fell, which makes a signed-rank p this large "
             "impossible too." if rank_test and no_decrease_stated else "")
    message = (f"p = {msg.shown(stat.p)} is too large for a mean change of "
               f"{msg.num(abs(diff), max(pre.mean.decimals, post.mean.decimals), comma)} with SDs "
               f"{msg.shown(pre.sd)} and {msg.shown(post.sd)} in {n} paired observations: whatever "
               f"the pre/post correlation, the paired t is at least {msg.num(t_min, 1, comma)} "
               f"(p ≤ {msg.pval(p_max, comma)}).{extra}")
    return Flag(CheckId.P_BOUND, severity, message,
                evidence=tuple(s for s in (stat.span, pre.span, post.span) if s),
                expected=p_max, reported=stat.p.value, expected_range=(0.0, p_max),
                details={"n": n, "rank_test": rank_test,
                         **({"t_min": t_min} if math.isfinite(t_min) else {})})


def check_two_group_p_bound(g1: Descriptive, g2: Descriptive, stat: Statistic,
                            ctx: CheckContext) -> Flag | None:
    """p_bound, two independent groups: the reported p lies outside every p Student's or Welch's
    t allows for the printed means, SDs and group sizes. Error."""
    if not all(x is not None for x in (g1.mean, g1.sd, g2.mean, g2.sd, g1.n, g2.n)) or stat.p is None:
        return None
    if g1.n < 2 or g2.n < 2:
        return None
    rng = two_group_p_range(g1.mean, g1.sd, g1.n, g2.mean, g2.sd, g2.n)
    p_iv = interval(stat.p)
    op = stat.p_operator.value if stat.p_operator else "="
    if op in ("<", "<="):
        ok = rng.low < p_iv.high or stat.p.value <= 0
    elif op in (">", ">="):
        ok = rng.high > p_iv.low
    else:
        ok = stat.p.value <= 0 or rng.intersects(p_iv)
    if ok:
        return None
    comma = msg.uses_comma(g1.mean, g2.mean, stat.p)
    message = (f"Means {msg.shown(g1.mean)} (SD {msg.shown(g1.sd)}, n = {g1.n}) and "
               f"{msg.shown(g2.mean)} (SD {msg.shown(g2.sd)}, n = {g2.n}) give p = "
               f"{msg.prange(rng.low, rng.high, comma)} by Student's or Welch's t, not "
               f"p {op} {msg.shown(stat.p)}.")
    return Flag(CheckId.P_BOUND, Severity.ERROR, message,
                evidence=tuple(s for s in (stat.span, g1.span, g2.span) if s),
                reported=stat.p.value, expected_range=(rng.low, rng.high))
