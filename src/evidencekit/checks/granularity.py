"""Granularity checks: means, SDs and percentages that whole-number data cannot produce.

* GRIM — Brown, N. J. L. & Heathers, J. A. J. (2017). The GRIM test: a simple technique detects
  numerous anomalies in the reporting of results in psychology. Social Psychological and
  Personality Science 8(4), 363–369. The mean of n whole numbers (n·k for a k-item scale) is an
  integer divided by n·k; a printed mean no such fraction rounds to is impossible.
* GRIMMER — Anaya, J. (2016). The GRIMMER test: a method for testing the validity of reported
  measures of variability. PeerJ Preprints 4:e2400v1; analytic form after Allard (2018). For an
  integer sum T and sum of squares Q, the sample SD is sqrt((Q − T²/n)/(n − 1)), and Q has the
  parity of T (x² ≡ x mod 2).
* DEBIT — Heathers, J. A. J. & Brown, N. J. L. (2019). DEBIT: a simple consistency test for
  binary data. For 0/1 data the SD is a function of the mean.
* Percentages — a percentage of n people is 100·count/n; it must round to the printed value, and
  the percentages of one variable must add to 100 within their rounding.
"""

from __future__ import annotations

import math

from evidencekit.checks import messages as msg
from evidencekit.checks.context import CheckContext, n_candidates, n_for
from evidencekit.checks.rounding import FLOAT_EPS, Interval, unround
from evidencekit.checks.settings import Rounding
from evidencekit.extract import units
from evidencekit.model import Descriptive, Flag, FrequencyTable, PercentCount, Reported, Span
from evidencekit.vocab import CheckId, Severity

#: Why-text when the paper's description of its instrument says the scores are whole numbers
#: (a questionnaire or observation sheet scored in points): the message names this premise.
FROM_INSTRUMENT = "the instrument is scored in points"

# ------------------------------------------------------------------------ GRIM core


def grim_testable(decimals: int, n: int, items: int = 1) -> bool:
    """GRIM can only fail when n·k is below 10**decimals (otherwise every mean is possible)."""
    return n > 0 and n * items < 10 ** decimals


def _integer_sums(mean: Interval, total: int) -> range:
    """Integer sums T with T/total inside ``mean``."""
    lo = math.ceil(mean.low * total - FLOAT_EPS * max(1.0, abs(mean.low * total)))
    hi = math.floor(mean.high * total + FLOAT_EPS * max(1.0, abs(mean.high * total)))
    return range(lo, hi + 1)


def grim_consistent(mean: float, decimals: int, n: int, items: int = 1,
                    rounding: Rounding = "up_or_down") -> bool:
    """GRIM (Brown & Heathers 2017): can n·items whole-number scores average to ``mean`` as
    printed with ``decimals`` decimals?"""
    if n <= 0 or items <= 0:
        raise ValueError(f"n and items must be positive; got n={n!r}, items={items!r}")
    return len(_integer_sums(unround(mean, decimals, rounding), n * items)) > 0


def grim_neighbours(mean: float, decimals: int, n: int, items: int = 1) -> tuple[float, float]:
    """The possible means just below and above ``mean``, rounded to its decimals."""
    total = n * items
    below = math.floor(mean * total + 1e-9) / total
    above = math.ceil(mean * total - 1e-9) / total
    if above == below:
        above = (below * total + 1) / total
    return round(below, decimals), round(above, decimals)


def grim_fitting_n(mean: float, decimals: int, near: int, items: int = 1,
                   candidates: tuple[int, ...] = (), spread: int = 10) -> list[int]:
    """Sample sizes that would make ``mean`` possible: among ``candidates`` (other n the paper
    states) first, else the closest within ``spread`` of ``near``."""
    fits = [c for c in candidates if c > 0 and c != near and grim_consistent(mean, decimals, c, items)]
    if fits:
        return fits
    around = sorted(range(max(1, near - spread), near + spread + 1), key=lambda m: (abs(m - near), m))
    return [m for m in around if m != near and grim_consistent(mean, decimals, m, items)][:2]


# ------------------------------------------------------------------------ GRIMMER core


def grimmer_consistent(mean: float, mean_decimals: int, sd: float, sd_decimals: int, n: int,
                       items: int = 1, rounding: Rounding = "up_or_down") -> bool:
    """GRIMMER (Anaya 2016; Allard 2018): is there a set of n whole-number scores (k-item means:
    n sums of k items) with this mean and this sample SD, both as printed?

    Scores are scaled by k so that they are integers; then some GRIM-possible sum T and some
    integer sum of squares Q ≡ T (mod 2) must give an SD inside the printed interval. An SD that
    only fits as a population SD (divisor n) is accepted too: papers use both.
    """
    if n < 2:
        return True                           # an SD of one value says nothing here
    m_iv = unround(mean, mean_decimals, rounding).scale(items)
    s_iv = unround(sd, sd_decimals, rounding).scale(items)
    s_lo, s_hi = max(0.0, s_iv.low), max(0.0, s_iv.high)
    for total in _integer_sums(m_iv, n):
        base = total * total / n
        for divisor in (n - 1, n):
            q_lo = divisor * s_lo * s_lo + base
            q_hi = divisor * s_hi * s_hi + base
            q = math.ceil(q_lo - 1e-7)
            if (q - total) % 2:
                q += 1                        # parity: Σx² ≡ Σx (mod 2)
            if q <= q_hi + 1e-7:
                return True
    return False


def debit_consistent(mean: float, mean_decimals: int, sd: float, sd_decimals: int, n: int,
                     rounding: Rounding = "up_or_down") -> bool:
    """DEBIT (Heathers & Brown 2019, "DEBIT: a simple consistency test for binary data"): for
    0/1 data the SD follows from the mean, sd = sqrt(n/(n − 1) · m(1 − m)); is some mean in
    its interval giving an SD in the printed SD's interval (population SD accepted too)?"""
    if n < 2:
        return True
    m_iv, s_iv = unround(mean, mean_decimals, rounding), unround(sd, sd_decimals, rounding)
    for total in _integer_sums(m_iv, n):          # binary data: the mean is k/n
        m = total / n
        if not 0 <= m <= 1:
            continue
        for factor in (n / (n - 1), 1.0):
            if s_iv.contains(math.sqrt(max(0.0, factor * m * (1 - m)))):
                return True
    return False


# ------------------------------------------------------------------------ percentage cores


def percent_consistent(count: int, n: int, percent: float, decimals: int,
                       rounding: Rounding = "up_or_down", padded: bool = False) -> bool:
    """Is 100·count/n printed as ``percent`` with ``decimals`` decimals?

    ``padded``: the last printed digit is a 0 that may be padding ("4,20" for SPSS's "4,2"),
    so one decimal fewer is accepted too.
    """
    if n <= 0:
        raise ValueError(f"n must be positive; got {n!r}")
    x = 100.0 * count / n
    if unround(percent, decimals, rounding).contains(x):
        return True
    return padded and decimals > 0 and unround(percent, decimals - 1, rounding).contains(x)


def zero_padded(r: Reported) -> bool:
    """True when the printed number ends in a 0 after the decimal mark ("4,20", "50,0")."""
    digits = r.text.strip().rstrip("%").strip()
    return r.decimals > 0 and digits.endswith("0")


def percent_sum_interval(percents: list[tuple[float, int]]) -> Interval:
    """The interval the true sum of printed percentages (value, decimals) can take."""
    ivs = [unround(p, d) for p, d in percents]
    return Interval(sum(i.low for i in ivs), sum(i.high for i in ivs))


# ------------------------------------------------------------------------ wrappers


def integer_valued(d: Descriptive, ctx: CheckContext) -> str | None:
    """Why we believe the summarised values are whole numbers (None when we do not).

    In order: a k-item scale; a whole-number unit of the unit model (counts, points:
    :mod:`evidencekit.extract.units`); a whole minimum and maximum as printed; the paper's
    instrument scored in points. A continuous unit (ml, gram, kg, days …) rules out the
    instrument premise: only the printed minimum and maximum can then show whole numbers.
    """
    if d.items:
        return f"mean item scores of a {d.items}-item scale"
    model = units.unit(d.unit)
    if model is not None and model.whole:
        if model.dimension == "score" and ctx.scale_items:
            return f"{model.describe()} of a {ctx.scale_items}-item instrument"
        return model.describe()
    ends = [r for r in (d.min, d.max) if r is not None]
    if len(ends) == 2 and all(float(r.value).is_integer() for r in ends):
        return "its minimum and maximum are whole numbers"
    if model is not None:                      # a known continuous unit
        return None
    if ctx.scores_are_integers:
        return f"the {ctx.scale_items}-item instrument is scored in points" if ctx.scale_items else FROM_INSTRUMENT
    return None


def _whole_numbers(d: Descriptive) -> str:
    """What the whole numbers are: counts for a count unit, scores otherwise."""
    model = units.unit(d.unit)
    if model is not None and model.whole and model.dimension in ("count", "frequency"):
        return "whole-number counts"
    return "whole-number scores"


def _spans(*objs) -> tuple[Span, ...]:
    return tuple(o.span for o in objs if o is not None and o.span is not None)


def check_grim(d: Descriptive, ctx: CheckContext) -> Flag | None:
    """GRIM (Brown & Heathers 2017) on one descriptive row: error when no n·k whole-number
    scores average to the printed mean. Skipped when the data are not known to be whole numbers
    or when n·k ≥ 10**decimals (then every mean is possible)."""
    n, n_how = n_for(d, ctx)
    if d.mean is None or not n or d.mean.decimals == 0:
        return None
    why = integer_valued(d, ctx)
    items = d.items or 1
    if why is None or not grim_testable(d.mean.decimals, n, items):
        return None
    if grim_consistent(d.mean.value, d.mean.decimals, n, items, ctx.settings.rounding):
        return None
    comma = msg.uses_comma(d.mean)
    below, above = grim_neighbours(d.mean.value, d.mean.decimals, n, items)
    fits = grim_fitting_n(d.mean.value, d.mean.decimals, n, items, n_candidates(ctx))
    fit_text = f" With n = {msg.listing([str(f) for f in fits], 'or')} it fits." if fits else ""
    label = f" ({d.label})" if d.label else ""
    message = (f"Mean {msg.shown(d.mean)}{label} cannot be the average of {n * items}{n_how} "
               f"{_whole_numbers(d)} ({why}); {msg.num(below, d.mean.decimals, comma)} or "
               f"{msg.num(above, d.mean.decimals, comma)} can.{fit_text}")
    nearest = min((below, above), key=lambda v: abs(v - d.mean.value))
    # An error either way (gold/seeds.json, 001 Tabel 3): a summed points score is whole-number
    # data as surely as a printed min/max; the message states the premise so a reader can
    # dismiss it where the scores were weighted or averaged.
    return Flag(CheckId.GRIM, Severity.ERROR, message, evidence=_spans(d), expected=nearest,
                reported=d.mean.value, details={"n": n, "items": items, "fitting_n": fits})


def check_grimmer(d: Descriptive, ctx: CheckContext) -> Flag | None:
    """GRIMMER (Anaya 2016) on one descriptive row: error when no whole-number data with the
    printed (GRIM-possible) mean and n give the printed SD."""
    n, n_how = n_for(d, ctx)
    if d.mean is None or d.sd is None or not n or n < 2:
        return None
    why = integer_valued(d, ctx)
    items = d.items or 1
    if why is None:
        return None
    if not grim_consistent(d.mean.value, d.mean.decimals, n, items, ctx.settings.rounding):
        return None                            # the GRIM flag already says the mean is impossible
    binary = (items == 1 and d.min is not None and d.max is not None
              and d.min.value == 0 and d.max.value == 1)
    if binary and not debit_consistent(d.mean.value, d.mean.decimals, d.sd.value, d.sd.decimals, n):
        message = (f"SD {msg.shown(d.sd)}{f' ({d.label})' if d.label else ''} does not fit 0/1 data "
                   f"with mean {msg.shown(d.mean)} and n = {n}{n_how}: for yes/no data the SD follows "
                   f"from the mean (DEBIT).")
        return Flag(CheckId.GRIMMER, Severity.ERROR, message, evidence=_spans(d),
                    reported=d.sd.value, details={"n": n, "method": "DEBIT"})
    if grimmer_consistent(d.mean.value, d.mean.decimals, d.sd.value, d.sd.decimals, n, items,
                          ctx.settings.rounding):
        return None
    label = f" ({d.label})" if d.label else ""
    message = (f"SD {msg.shown(d.sd)}{label} cannot come from {n}{n_how} {_whole_numbers(d)} "
               f"({why}) with mean {msg.shown(d.mean)}; check the SD, the mean and n.")
    return Flag(CheckId.GRIMMER, Severity.ERROR, message, evidence=_spans(d),
                reported=d.sd.value, details={"n": n, "items": items})


def check_percent_count(count: int, n: int, percent: Reported, *, label: str | None = None,
                        evidence: tuple[Span, ...] = (), n_source: str = "") -> Flag | None:
    """percent_count: a printed percentage that is not count/n at its printed precision.
    Warning (a typo or a truncation rather than impossible data)."""
    if n <= 0 or count < 0 or count > n:
        return None
    if percent_consistent(count, n, percent.value, percent.decimals, padded=zero_padded(percent)):
        return None
    comma = msg.uses_comma(percent)
    expected = 100.0 * count / n
    what = f"{label}: " if label else ""
    message = (f"{what}{count} of {n}{n_source} is {msg.num(expected, max(percent.decimals, 1), comma)}%, "
               f"but {msg.shown(percent)}% is reported.")
    return Flag(CheckId.PERCENT_COUNT, Severity.WARNING, message, evidence=evidence,
                expected=round(expected, 3), reported=percent.value,
                details={"count": count, "n": n})


def check_percent_count_item(pc: PercentCount, ctx: CheckContext) -> Flag | None:
    """percent_count on one "count (percent)" pair, with its own n or the paper's n."""
    n = pc.n or ctx.n_total
    if not n:
        return None
    return check_percent_count(pc.count, n, pc.percent, label=pc.label, evidence=_spans(pc),
                               n_source="" if pc.n else " (the sample size)")


def check_frequency_table_percents(table: FrequencyTable, ctx: CheckContext) -> list[Flag]:
    """percent_count on every level of a frequency table (n = the table's n, else its counts'
    sum). One flag per table, listing every level that is off."""
    counts = [c for c in table.counts if c is not None]
    n = table.n or (sum(counts) if len(counts) == len(table.counts) else None) or ctx.n_total
    if not n:
        return []
    bad = []
    for level, count, pct in zip(table.levels, table.counts, table.percents):
        if count is None or pct is None:
            continue
        flag = check_percent_count(count, n, pct, label=level)
        if flag:
            bad.append(flag)
    if not bad:
        return []
    comma = msg.uses_comma(*[p for p in table.percents if p])
    parts = [f"{f.details['count']} of {n} is {msg.num(f.expected, 2, comma)}%, reported "
             f"{msg.num(f.reported, 2, comma)}%" for f in bad]
    message = f"{table.label}: {'; '.join(parts)}."
    worst = max(bad, key=lambda f: abs(f.expected - f.reported))
    return [Flag(CheckId.PERCENT_COUNT, Severity.WARNING, message, evidence=_spans(table),
                 expected=worst.expected, reported=worst.reported,
                 details={"n": n, "levels": [f.message.split(":")[0] for f in bad]})]


def check_percent_sum(table: FrequencyTable, ctx: CheckContext) -> Flag | None:
    """percent_sum: the percentages of one categorical variable do not add to 100 within their
    rounding. Left to ``percent_count`` when a count already explains the gap."""
    pcts = [p for p in table.percents if p is not None]
    if len(pcts) < 2 or len(pcts) != len(table.percents):
        return None
    iv = percent_sum_interval([(p.value, p.decimals) for p in pcts])
    if iv.contains(100.0):
        return None
    if check_frequency_table_percents(table, ctx):
        return None
    comma = msg.uses_comma(*pcts)
    total = sum(p.value for p in pcts)
    message = (f"{table.label}: the percentages add up to {msg.num(total, max(p.decimals for p in pcts), comma)}%, "
               f"not 100%; a level may be missing or mistyped.")
    return Flag(CheckId.PERCENT_SUM, Severity.WARNING, message, evidence=_spans(table),
                expected=100.0, reported=round(total, 6), expected_range=(iv.low, iv.high))
