"""Statistics in running text: test results with their p, bare p-values, descriptives, counts.

Each finder takes a :class:`~evidencekit.extract.context.StatContext` and returns model objects
with spans; text inside tables (``context.masked``) is left to the table finders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from evidencekit.extract import lexicon
from evidencekit.extract.context import StatContext
from evidencekit.extract.numbers import parse_count
from evidencekit.extract.patterns import (
    CI_RE,
    COUNT_PCT_RE_TEMPLATE,
    NS_RE,
    NUM,
    P_RE,
    MEAN_SD_NAME_MAX,
    MEAN_SD_PAREN_RE,
    PLUSMINUS_RE,
    SD_BRACKET_RE,
    STAT_NAMES,
    STAT_RE,
    by_first_letter,
    lexicon_alternation,
    phrase_alternation,
    phrase_words,
)
from evidencekit.extract.units import unit_in_sentence
from evidencekit.model import Descriptive, PercentCount, Reported, Statistic
from evidencekit.vocab import POperator, StatKind

#: Kinds whose one-letter names are too common to accept without "(df)" or a comparison sign.
_NEEDS_OPERATOR = {"t", "r", "U", "W", "T", "H", "F", "Q"}
#: Conventional significance levels: a bare "p < 0,05" at one of these may be a threshold.
ALPHAS = (0.05, 0.01, 0.1, 0.005)
#: How far after a statistic its p may be printed (characters).
P_WINDOW = 110
#: How far a descriptive's keyword may stand before its number (characters, same sentence).
KEY_WINDOW = 90

#: The number a summary word ("mean", "SD") names: not part of a word or a decimal, and not
#: an ordinal glued to a word by a hyphen ("day-3", "hari ke-3" name an occasion).
_NUMBER_AFTER_KEY = re.compile(rf"(?<![\w.,])(?<![A-Za-z]-)(?P<v>{NUM})")

#: A number between a summary word and its value makes the value someone else's — unless it
#: is such an ordinal ("Mean day-3 volume was 58.4").
_OTHER_NUMBER = re.compile(r"(?<![A-Za-z]-)(?<![\d.,])\d")

_KIND_OF = {"chi2": StatKind.CHI2, "rho": StatKind.RHO, "Q": StatKind.Q, "OR": StatKind.OR,
            "RR": StatKind.RR, "t": StatKind.T, "F": StatKind.F, "r": StatKind.R, "Z": StatKind.Z,
            "U": StatKind.U, "W": StatKind.W, "T": StatKind.W, "H": StatKind.H}


@dataclass(frozen=True, slots=True)
class _P:
    """A p-value found in the text."""

    start: int
    end: int
    value: Reported
    op: POperator
    name: str


# --------------------------------------------------------------------------- lexicon regexes


@cache
def _words(key: str) -> re.Pattern[str]:
    """Regex of the phrases of one statistics.toml key, as whole words."""
    return re.compile(rf"(?i)(?<![A-Za-z]){phrase_alternation(lexicon.phrases('statistics')[key])}(?![A-Za-z])")


@cache
def _descriptor_re() -> re.Pattern[str]:
    """The summary words (mean, SD, SE, median, min, max; "M =", "n ="), one named group per
    statistics.toml key; a key's phrases are grouped by first letter (``by_first_letter``), so
    the engine tries only those of the letter it stands on."""
    parts, firsts = [], {"m", "n"}
    for key in ("mean", "sd", "se", "median", "min", "max"):
        phrases = [p for p in lexicon.phrases("statistics")[key] if len(p) > 1]
        parts.append(f"(?P<{key}>{by_first_letter(phrase_words(phrases))})")
        firsts.update(p[0] for p in phrases)
    # one-letter M and n count only as "M = 2.5" / "n = 24"
    parts.append(r"(?P<mean_m>\bM(?=\s*=))")
    parts.append(r"(?P<n>\b[nN](?=\s*=))")
    # the first-letter lookahead only lets the engine skip places no phrase can start (speed)
    first = "".join(re.escape(c) for c in sorted(firsts))
    return re.compile(rf"(?i:(?<![A-Za-z])(?=[{first}])(?:{'|'.join(parts)})(?![A-Za-z]))")


@cache
def _count_pct_re() -> re.Pattern[str]:
    persons = phrase_alternation(lexicon.phrases("statistics")["person"])
    return re.compile(COUNT_PCT_RE_TEMPLATE.format(persons=persons), re.IGNORECASE)


# --------------------------------------------------------------------------- p-values


def _read_p(ctx: StatContext, m: re.Match[str]) -> _P | None:
    value = ctx.stat_number(re.sub(r"\s+", "", m.group("pval")))
    if value is None or value.value < 0:
        return None
    if m.group("pname") in ("p", "P") and not m.group("pop") and m.start("pval") == m.end("pname"):
        return None                                    # "p.45" is a page, not p = .45
    op = POperator.parse(m.group("pop")) if m.group("pop") else POperator.EQ
    return _P(m.start(), m.end("pval"), value, op, m.group("pname"))


def _is_threshold(ctx: StatContext, p: _P) -> bool:
    """A p that states the paper's alpha or a decision rule, not a result (gold/README.md)."""
    before = ctx.text[max(0, p.start - 40):p.start]
    if _words("threshold").search(before[-25:]):
        return True
    if round(p.value.value, 6) not in ALPHAS:
        return False
    s0, s1 = ctx.sentence(p.start)
    sentence = ctx.text[s0:s1]
    if p.op is not POperator.EQ and _words("decision_rule").search(sentence):
        return True
    # "0,000 (p<0,05)", "α 0,05 ($p < 0,05$)", "(ρ<0,05)": a bracketed bound after a number
    stripped = before.rstrip(" $")
    if p.op is not POperator.EQ and stripped.endswith("(") and re.search(r"\d\s*[%)]?\s*\($", stripped):
        return True
    # "p-value 0,000 atau p<0,05": a bound restating the p just printed
    if p.op is not POperator.EQ and any(0 < p.start - q.end <= 25 for q in ctx.p_found):
        return True
    return False


def _p_values(ctx: StatContext) -> list[_P]:
    found = []
    for m in P_RE.finditer(ctx.text):
        if ctx.is_masked(m.start()):
            continue
        p = _read_p(ctx, m)
        if p is not None and p.value.value <= 1.0 or (p is not None and p.value.text.startswith("0")):
            found.append(p)
    return found


# --------------------------------------------------------------------------- test statistics


def _stat_kind(m: re.Match[str]) -> str | None:
    for key in STAT_NAMES:
        if m.group("k_" + key) is not None:
            return key
    return None


#: "t hitung" / "F hitung" / "t count": the statistic as computed, named without a sign
#: (cues.toml computed, anywhere in a word).
_COMPUTED_RE = re.compile(rf"(?i){lexicon_alternation('cues', 'computed')}")
#: A sentence about a correlation (cues.toml correlation: Spearman, korelasi, correlat…).
_CORRELATION_RE = re.compile(rf"(?i){lexicon_alternation('cues', 'correlation')}")


#: "ρ value", "ρ-val": ρ typed for p. "H0", "H_1", "Ha": a hypothesis, not a Kruskal-Wallis H.
_RHO_AS_P_RE = re.compile(r"\s*[-_]?\s*val")
_HYPOTHESIS_RE = re.compile(r"\s*[_]?[01a]\b")


def _accept_stat(ctx: StatContext, m: re.Match[str], key: str) -> bool:
    has_df = m.group("df1") is not None
    has_op = m.group("vop") is not None
    between = ctx.text[m.end("k_" + key):m.start("value")]
    has_glue = bool(re.search(r"[A-Za-z:]", between.replace("(", "").replace(")", "")))
    computed = bool(_COMPUTED_RE.search(ctx.text, m.start(), m.start("value")))
    if m.group("vbr") and not has_glue:
        return False                                   # "r (0,5)": a bracket alone names nothing
    if key in _NEEDS_OPERATOR and not (has_df or has_op or computed):
        return False
    if not (has_df or has_op or has_glue):
        return False
    if key == "rho" and m.group("k_rho") == "ρ":
        # ρ is often p typed with the wrong letter ("ρ value = 0,005"): rho only beside a correlation
        s0, s1 = ctx.sentence(m.start())
        if _RHO_AS_P_RE.match(ctx.text, m.end("k_rho")) or not _CORRELATION_RE.search(ctx.text, s0, s1):
            return False
    if key == "H" and _HYPOTHESIS_RE.match(ctx.text, m.end("k_H")):
        return False                                   # H0 / H1 / Ha are hypotheses
    return True


def _read_match(ctx: StatContext, m: re.Match[str]) -> tuple[str, Reported, int | None, POperator | None] | None:
    """One STAT_RE match read as (kind key, value, n, value operator); None when it is not a
    statistic (an unaccepted name or an unreadable value). "=" is no value operator."""
    key = _stat_kind(m)
    if key is None or not _accept_stat(ctx, m, key):
        return None
    value = ctx.stat_number(m.group("value"))
    if value is None:
        return None
    n = parse_count(m.group("n")) if m.group("n") else None
    vop = POperator.parse(m.group("vop")) if m.group("vop") and m.group("vop") != "=" else None
    return key, value, n, vop


def find_test_statistics(ctx: StatContext, p_values: list[_P]) -> tuple[list[Statistic], set[int]]:
    """Test statistics with their p; returns them and the starts of the p-values they took."""
    stats: list[Statistic] = []
    taken: set[int] = set()
    matches = [m for m in STAT_RE.finditer(ctx.text) if not ctx.is_masked(m.start())]
    for i, m in enumerate(matches):
        read = _read_match(ctx, m)
        if read is None:
            continue
        key, value, n, vop = read
        kind = _KIND_OF[key]
        df = _df(ctx, m, key) or _df_after(ctx, m.end(), min(m.end() + P_WINDOW, ctx.sentence(m.start())[1]))
        # the p that follows, before the next statistic and within the sentence
        limit = min(m.end() + P_WINDOW, ctx.sentence(m.start())[1] + 1)
        if i + 1 < len(matches):
            limit = min(limit, matches[i + 1].start())
        p = next((q for q in p_values if m.end() <= q.start < limit and q.start not in taken), None)
        ns = None if p else NS_RE.search(ctx.text, m.end(), min(limit, m.end() + 12))
        ci = _ci_after(ctx, m.end(), limit) if kind in (StatKind.OR, StatKind.RR) else None
        end = p.end if p else (ns.end() if ns else m.end())
        if ci and ci[2] > end:
            end = ci[2]
        if p:
            taken.add(p.start)
        s0, s1 = ctx.sentence(m.start())
        stats.append(Statistic(
            kind=kind, value=value, df=df,
            p=p.value if p else (Reported(0.05, 2, "ns") if ns else None),
            p_operator=p.op if p else (POperator.GT if ns else None),
            test=ctx.test_for(kind, m.start()), n=n,
            ci=(ci[0], ci[1]) if ci else None,
            one_tailed=bool(_words("one_tailed").search(ctx.text[s0:s1])), label=_q_label(m),
            value_operator=vop, span=ctx.span(m.start(), end)))
    return stats, taken


def read_statistic(ctx: StatContext, start: int, end: int) -> Statistic | None:
    """The test statistic printed in ``ctx.text[start:end]`` (a table cell such as
    "t(58) = 0.31" or "χ²(1) = 0.27"), without a p; None when there is none."""
    for m in STAT_RE.finditer(ctx.text, start, end):
        read = _read_match(ctx, m)
        if read is None:
            continue
        key, value, n, vop = read
        return Statistic(kind=_KIND_OF[key], value=value, df=_df(ctx, m, key), n=n, value_operator=vop,
                         label=_q_label(m), span=ctx.span(m.start(), m.end()))
    return None


def _q_label(m: re.Match[str]) -> str | None:
    """Q-within / Q-between keep their meaning in the label (their kind is Q)."""
    name = (m.group("k_Q") or "").lower().replace(" ", "").replace("-", "")
    return {"qw": "Q-within", "qwithin": "Q-within", "qb": "Q-between", "qbetween": "Q-between"}.get(name)


def _df(ctx: StatContext, m: re.Match[str], key: str) -> tuple[float, ...] | None:
    if m.group("df1") is None:
        return None
    d1 = m.group("df1")
    d1 = "1" if d1 in ("l", "I") else d1
    first = ctx.stat_number(d1) if key != "chi2" or "," not in d1 else None
    if first is None:
        return None
    if m.group("df2"):
        second = ctx.stat_number(m.group("df2"))
        return (first.value, second.value) if second else (first.value,)
    return (first.value,)


_DF_AFTER_RE = re.compile(r"(?i)(?<![A-Za-z])(?:df|dk|db)\s*[=:]?\s*(?P<df>\d+(?:[.,]\d+)?)(?![\d])")


def _df_after(ctx: StatContext, start: int, limit: int) -> tuple[float, ...] | None:
    """df printed after the statistic, SPSS style: "t = 2,51; df = 14; p = 0,024"."""
    m = _DF_AFTER_RE.search(ctx.text, start, limit)
    if not m or re.search(r"(?i)(?<![A-Za-z])p(?![A-Za-z])", ctx.text[start:m.start()]):
        return None
    d = ctx.stat_number(m.group("df"))
    return (d.value,) if d else None


def _ci_after(ctx: StatContext, start: int, limit: int) -> tuple[Reported, Reported, int] | None:
    m = CI_RE.search(ctx.text, start, limit + 40)
    if not m:
        return None
    lo, hi = ctx.stat_number(m.group("lo")), ctx.stat_number(m.group("hi"))
    return (lo, hi, m.end()) if lo and hi else None


# --------------------------------------------------------------------------- descriptives


def find_descriptives(ctx: StatContext) -> list[Descriptive]:
    """Summaries in a sentence: "rata-rata … 11,44 dengan standar deviasi 1,438", "M = 2.5
    (SD = 1.1)", "9,17 ± 0,874", "median 2, minimum 1, maksimum 2"."""
    out: list[Descriptive] = []
    paired: list[tuple[int, int]] = []
    text = ctx.text
    plus_minus = PLUSMINUS_RE.finditer(text) if ("±" in text or "+/-" in text or "+-" in text) else ()
    for m in (*plus_minus, *mean_sd_pairs(text)):
        if ctx.is_masked(m.start()):
            continue
        mean, sd = ctx.number(m.group("mean")), ctx.number(m.group("sd"))
        if mean and sd and sd.value >= 0:
            out.append(Descriptive(mean=mean, sd=sd, span=ctx.span(m.start(), m.end()),
                                   unit=_unit(ctx, m.start(), m.end()), **_when(ctx, m.start())))
            paired.append((m.start(), m.end()))
    keys = [k for k in _descriptor_re().finditer(ctx.text)
            if not ctx.is_masked(k.start()) and not any(a <= k.start() < b for a, b in paired)]
    current: dict[str, object] = {}
    cur_start = cur_end = cur_first = -1
    cur_sentence = None

    def flush() -> None:
        fields = {k: v for k, v in current.items() if k != "n"}
        if len(fields) >= 2 or (len(fields) == 1 and "n" in current and ("mean" in fields)):
            out.append(Descriptive(**current, span=ctx.span(cur_start, cur_end),
                                   unit=_unit(ctx, cur_first, cur_end), **_when(ctx, cur_first)))
        current.clear()

    for i, k in enumerate(keys):
        key = next(g for g, v in k.groupdict().items() if v is not None)
        key = "mean" if key == "mean_m" else key
        sentence = ctx.sentence(k.start())
        nxt = keys[i + 1].start() if i + 1 < len(keys) else len(ctx.text)
        num = _NUMBER_AFTER_KEY.search(ctx.text, k.end(), min(k.end() + KEY_WINDOW, sentence[1]))
        if not num or num.start() > nxt or _OTHER_NUMBER.search(ctx.text, k.end(), num.start()):
            continue
        value = ctx.number(num.group("v"))
        if value is None:
            continue
        if sentence != cur_sentence or key in current:
            flush()
            cur_sentence, cur_start, cur_first = sentence, k.start(), num.start()
        if key == "n":
            count = parse_count(num.group("v"))
            if count is None:
                continue
            current["n"] = count
        else:
            current[key] = value
        cur_end = num.end()
        ci = CI_RE.match(ctx.text, _skip_glue(ctx.text, num.end()))
        if ci and "ci95" not in current:
            lo, hi = ctx.number(ci.group("lo")), ctx.number(ci.group("hi"))
            if lo and hi:
                current["ci95"] = (lo, hi)
                cur_end = ci.end()
    flush()
    return out


def mean_sd_pairs(text: str) -> list[re.Match[str]]:
    """The matches of ``MEAN_SD_PAREN_RE.finditer(text)`` ("mean (SD) 3.2 (1.1)"), found by
    trying the pattern only where one can start: a name at most ``MEAN_SD_NAME_MAX`` characters
    before the spaces in front of an "(SD)" bracket. Papers print few such brackets, so this is
    far cheaper than trying the pattern at every character."""
    found: list[re.Match[str]] = []
    last_end = 0
    for bracket in SD_BRACKET_RE.finditer(text):
        name_end = bracket.start()
        while name_end > 0 and text[name_end - 1].isspace():     # the pattern's \s* before "("
            name_end -= 1
        for start in range(max(last_end, name_end - MEAN_SD_NAME_MAX), name_end):
            if (m := MEAN_SD_PAREN_RE.match(text, start)) is not None:
                found.append(m)
                last_end = m.end()
                break
    return found


def _unit(ctx: StatContext, start: int, end: int) -> str | None:
    """The unit the sentence prints with a summary ("42,6 ± 9,8 ml", "7,45 kali sehari",
    "volume (ml) …"); see :func:`evidencekit.extract.units.unit_in_sentence`."""
    return unit_in_sentence(ctx.text, start, end, ctx.sentence(start))


#: Words between a summary's number and its interval ("11,4 with a 95% CI …"): no digit, 25
#: characters at most, up to "CI" or a word of statistic_words.toml ci_start.
_GLUE_BEFORE_CI = re.compile(
    rf"[^\d]{{0,25}}?(?=(?i:(?:95\s?%\s*)?(?:CI|{lexicon_alternation('statistic_words', 'ci_start')})))")


def _skip_glue(text: str, pos: int) -> int:
    """Where an interval printed after the number at ``pos`` begins (``pos`` when none does)."""
    m = _GLUE_BEFORE_CI.match(text, pos)
    return m.end() if m else pos


def _when(ctx: StatContext, start: int) -> dict[str, str | None]:
    """time="pre"/"post" and a label when the words before the summary say so."""
    s0, _ = ctx.sentence(start)
    head = ctx.text[s0:start]
    pre = [m for m in _words("pre").finditer(head)]
    post = [m for m in _words("post").finditer(head)]
    last = max(pre[-1:] + post[-1:], key=lambda m: m.start(), default=None)
    if last is None:
        return {}
    return {"time": "pre" if last in pre else "post", "label": last.group(0)}


# --------------------------------------------------------------------------- counts


def find_percent_counts(ctx: StatContext) -> list[PercentCount]:
    """Counts with their percentage: "21 orang (87,50%)", "13 respondents (86.7%)", "8 (53,3%)"."""
    out = []
    for m in _count_pct_re().finditer(ctx.text):
        if ctx.is_masked(m.start()) or not (m.group("unit") or m.group("sign")):
            continue
        count, pct = int(m.group("count")), ctx.number(m.group("pct"))
        if pct is None or pct.value > 100 or (1900 <= count <= 2100 and not m.group("unit")):
            continue
        n = int(m.group("of")) if m.group("of") else None
        out.append(PercentCount(count=count, percent=pct, n=n, label=m.group("unit"),
                                span=ctx.span(m.start(), m.end())))
    return out


# --------------------------------------------------------------------------- all prose


def find_prose_statistics(ctx: StatContext) -> list[Statistic | Descriptive | PercentCount]:
    """Every statistic in the running text (tables excluded)."""
    p_values = _p_values(ctx)
    ctx.p_found = p_values
    stats, taken = find_test_statistics(ctx, p_values)
    items: list[Statistic | Descriptive | PercentCount] = list(stats)
    for p in p_values:
        if p.start in taken or _is_threshold(ctx, p) or p.value.value > 1:
            continue
        items.append(Statistic(kind=StatKind.P_ONLY, p=p.value, p_operator=p.op,
                               test=ctx.test_for(StatKind.P_ONLY, p.start),
                               span=ctx.span(p.start, p.end)))
    items.extend(find_descriptives(ctx))
    items.extend(find_percent_counts(ctx))
    items.extend(find_bare_intervals(ctx, items))
    return items


def find_bare_intervals(ctx: StatContext, taken: list) -> list[Statistic]:
    """95% CIs printed without a mean or ratio beside them (kind ``ci``), e.g. a mean difference's
    "95% CI 1,1–3,5"; intervals inside a statistic already found are not repeated."""
    spans = [(s.span.start, s.span.end) for s in taken if s.span]
    out = []
    for m in CI_RE.finditer(ctx.text):
        if ctx.is_masked(m.start()) or any(a < m.end() and m.start() < b for a, b in spans):
            continue
        lo, hi = ctx.stat_number(m.group("lo")), ctx.stat_number(m.group("hi"))
        if lo and hi and lo.value <= hi.value:
            out.append(Statistic(kind=StatKind.CI, ci=(lo, hi), span=ctx.span(m.start(), m.end())))
    return out


__all__ = ["ALPHAS", "find_bare_intervals", "read_statistic", "find_descriptives", "find_percent_counts",
           "find_prose_statistics", "find_test_statistics", "mean_sd_pairs"]
