"""Sample size: "jumlah sampel sebanyak 24 orang", "15 responden kelompok A dan 15 responden
kelompok B", "total seluruh sampel berjumlah 40 orang", "(n=24)".

Each statement is classified by how strongly it states the whole sample (:data:`STRENGTH`); the
best one of a passage wins. Counts that are subgroups ("18 orang (75,00%)"), ages, durations or
doses are not sample sizes and are skipped. The cue phrases, the units of people and the words
around a count (units of time and dose, "per group", group labels, joins) are lexicon data
(``sample_size``); each pattern is built from them once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import NamedTuple

from evidencekit.extract import lexicon
from evidencekit.extract.fields.number_words import find_number_words
from evidencekit.extract.fields.phrases import LEFT_EDGE, find_hits, phrase_pattern, word_alternation, word_set
from evidencekit.extract.numbers import parse_number

#: Order of trust among statements of one passage (lower wins). "arms" is the sum of two or
#: more group sizes stated together; it beats a single "sample" number, which papers sometimes
#: give per group ("jumlah sampel 33 responden A dan 33 responden B").
STRENGTH = {"total": 0, "arms": 1, "sample": 2, "n_eq": 3, "count": 4, "participants": 5, "population": 6}
#: Statements that may be subgroup counts ("dengan jumlah 27 orang, 90%"): read in methods only.
WEAK = frozenset({"count", "participants"})

#: How far after a cue phrase the number may stand (characters, within one sentence).
CUE_WINDOW = 70
#: An integer that is not part of a decimal, a range ("0-6 bulan") or a longer number.
#: It opens with its first digit and looks behind that (not after [\d.,-]): a pattern that opens
#: with a digit lets the regex engine skip to the next digit at once (~3x faster scans).
INTEGER = r"(?P<n>\d(?<![\d.,\-]\d)\d{0,4})(?![\d]|[.,]\d|\s*-\s*\d)"


def _words(key: str, joiner: str = r"\s+") -> str:
    """The alternation of lexicon ``sample_size`` key ``key`` (see :func:`~.phrases.word_alternation`)."""
    return word_alternation("sample_size", key, joiner)


@cache
def not_people() -> re.Pattern[str]:
    """Units after which a number is a duration, age, dose or share — never a sample size ("%",
    lexicon ``not_people`` as word starts, ``not_people_whole`` as whole words)."""
    return re.compile(rf"\s*(?:%|{_words('not_people')}|(?:{_words('not_people_whole')})\b)", re.IGNORECASE)


@cache
def with_percent() -> re.Pattern[str]:
    """"18 orang (75,00%)", "18 orang atau 75%": a count with its share is a subgroup."""
    return re.compile(rf"\s*(?:{_words('share_unit')})?\s*(?:\(|{_words('or')})\s*\d+(?:[.,]\d+)?\s*%",
                      re.IGNORECASE)


@cache
def per_group() -> re.Pattern[str]:
    """"… per group", "tiap kelompok": the size of each arm, not of the sample."""
    return re.compile(rf"\s*(?:{_words('per_group')})", re.IGNORECASE)

#: A year, not a count.
YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True, slots=True)
class SampleSize:
    """One statement of a sample size in a passage: n, how it was stated, where (passage offsets)."""

    n: int
    strength: str
    start: int
    end: int
    arms: dict[str, int] = field(default_factory=dict)


@cache
def _units() -> str:
    units = sorted({p for p in lexicon.phrases("sample_size").get("unit", ())}, key=len, reverse=True)
    # no left word edge: "15responden" is printed without a space
    return "|".join(phrase_pattern(u).removeprefix(LEFT_EDGE) for u in units)


@cache
def _unit_after() -> re.Pattern[str]:
    """A unit of people right after a number ("1900 orang")."""
    return re.compile(rf"\s*(?:{_units()})", re.IGNORECASE)


@cache
def _count_with_unit() -> re.Pattern[str]:
    """A count followed by a unit of people: "24 ibu", "15responden", "30 orang ibu nifas"."""
    return re.compile(INTEGER + rf"\s*(?:(?:{_words('unit_lead')})\s+)?(?:" + _units() + r")(?![^\W_])", re.IGNORECASE)


@cache
def _unit_word_after() -> re.Pattern[str]:
    """A unit of people as a whole word after a number in words ("Twenty-five mothers")."""
    return re.compile(rf"\s*(?:(?:{_words('unit_lead')})\s+)?(?:{_units()})(?![^\W_])", re.IGNORECASE)


#: Any digit: every count a statement can give without a cue or number words has one.
_DIGIT = re.compile(r"\d")
#: An integer on its own (see :data:`INTEGER`).
_INTEGER = re.compile(INTEGER)
#: "n = 24", "N=100".
_N_EQUALS = re.compile(r"[nN](?<![A-Za-z][nN])\s*=\s*" + INTEGER)


def _is_count(text: str, m: re.Match[str]) -> bool:
    tail = text[m.end("n"):m.end("n") + 40]
    # "2021" is a year unless people follow it ("1900 orang")
    year = bool(YEAR.match(m.group("n"))) and not _unit_after().match(tail)
    return not (year or not_people().match(tail) or with_percent().match(tail) or int(m.group("n")) == 0)


#: Where a cue's sentence stops, for the number after it: ". " before a capital, a blank line, or ";".
_CUE_STOP = re.compile(r"\.\s+[A-Z]|\n\s*\n|;")


def _sentence_end(text: str, pos: int) -> int:
    """End of the sentence (or clause, at ";") that holds ``pos``; the text's end when none."""
    m = _CUE_STOP.search(text, pos)
    return m.start() + 1 if m else len(text)


#: Lexicon keys of the cue phrases before a sample size ("jumlah sampel", "a total of").
CUES = ("total", "sample", "count", "population")
#: What :func:`find_sample_sizes` looks for with lexicon phrases: the cues and numbers in words.
LEXICONS = (("sample_size", CUES), ("number_words", None))


def find_sample_sizes(text: str, offset: int = 0, within: list[int] | None = None) -> list[SampleSize]:
    """Every sample-size statement in ``text`` (offsets shifted by ``offset``). ``within``: where
    cue phrases and number words may start (see :func:`~.phrases.phrase_starts`; a scan of
    :data:`LEXICONS`)."""
    if within is not None and not within and not _DIGIT.search(text):
        return []                               # no cue, no number in words, no digit: nothing to read
    found: dict[int, SampleSize] = {}           # by the number's position: first claim wins
    hits = list(find_hits("sample_size", text, keys=CUES, within=within))
    for hit in hits:
        stop = min(hit.end + CUE_WINDOW, _sentence_end(text, hit.end))
        m = _INTEGER.search(text, hit.end, stop)       # only the first number after the cue
        words = next(((v, s, e) for v, s, e in find_number_words(text[hit.end:stop])), None)
        if words and (m is None or hit.end + words[1] < m.start()):
            value, s, e = words                         # "sebanyak dua puluh empat orang"
            if not per_group().match(text, hit.end + e) and not not_people().match(text, hit.end + e):
                found.setdefault(hit.end + s, SampleSize(value, hit.key, hit.start + offset, hit.end + e + offset))
        elif m and _is_count(text, m):
            found.setdefault(m.start(), SampleSize(int(m.group("n")), hit.key, hit.start + offset,
                                                   m.end() + offset))
    for m in _N_EQUALS.finditer(text):
        found.setdefault(m.start("n"), SampleSize(int(m.group("n")), "n_eq", m.start() + offset, m.end() + offset))
    people = []
    for m in _count_with_unit().finditer(text):
        claimed = found.get(m.start("n"))
        if per_group().match(text, m.end()):
            continue                                     # "30 mothers per group": one arm's size
        if _is_count(text, m) and (claimed is None or claimed.strength in ("sample", "count")):
            people.append(m)
            found.setdefault(m.start("n"), SampleSize(int(m.group("n")), "participants", m.start() + offset,
                                                      m.end() + offset))
    for value, s, e in find_number_words(text, within):   # "Twenty-five mothers took part"
        unit = _unit_word_after().match(text[e:e + 40])
        if unit and not per_group().match(text, e + unit.end()) and s not in found:
            found[s] = SampleSize(value, "participants", s + offset, e + unit.end() + offset)
    taken = {m.start("n") for m in people}
    for m in _paren_count().finditer(text):
        if m.start("n") not in taken:
            people.append(m)            # "kelompok intervensi (16 orang)", "(n = 30)"
    people.sort(key=lambda m: m.start())
    found_list = sorted(found.values(), key=lambda s: s.start)
    cues = {hit.key for hit in hits}
    if "population" in cues and not cues & {"total", "sample"}:
        # "Populasi … yaitu 31 orang": a count in a sentence about the population is its size
        found_list = [replace(f, strength="population") if f.strength == "participants" else f
                      for f in found_list]
    return found_list + _arms(text, people, offset) + _bracket_splits(text, found_list, offset)


@cache
def _arm_label() -> re.Pattern[str]:
    """Label of a group after its count: "15 responden kelompok pijat oksitosin" -> "pijat oksitosin"
    (an opener of lexicon key ``arm_label_opener``; the label ends before punctuation or a
    ``label_end`` word)."""
    return re.compile(rf"\s*(?:{_words('arm_label_opener', ' ')})?\s*(?P<label>[^\W\d_][\w ]{{2,40}}?)"
                      rf"(?=\s*(?:,|\.|;|\b(?:{_words('label_end')})\b|$))", re.IGNORECASE)


@cache
def _arm_label_before() -> re.Pattern[str]:
    """Label of a group before its count: "kelompok intervensi pijat woolwich 15responden"."""
    return re.compile(rf"(?:{_words('group')})\s+(?P<label>[^\d]{{3,50}}?)\s*$", re.IGNORECASE)


@cache
def _paren_count() -> re.Pattern[str]:
    """A group size in brackets after the group's name: "kelompok kontrol (16 orang)", "usual care (n = 30)"."""
    return re.compile(r"\(\s*(?:[nN]\s*=\s*)?" + INTEGER + rf"\s*(?:{_words('bracket_unit')})?\s*\)")


@cache
def _split() -> re.Pattern[str]:
    """A total followed by its split in brackets: "30 ibu (15 dan 15)", "36 ibu (18 intervensi, 18 kontrol)"."""
    return re.compile(r"\(\s*(?P<a>\d{1,4})\s*(?P<la>[^\W\d_][\w ]{0,20}?)?\s*" + rf"(?:{_words('and')}|\+|,|/)\s*"
                      r"(?P<b>\d{1,4})\s*(?P<lb>[^\W\d_][\w ]{0,20}?)?\s*\)")


def _bracket_splits(text: str, found: list[SampleSize], offset: int) -> list[SampleSize]:
    out = []
    for m in _split().finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        before = [s for s in found if s.end - offset <= m.start() and m.start() - (s.end - offset) <= 40]
        if before and before[-1].n == a + b:
            arms = {(m.group("la") or "group 1").strip(): a, (m.group("lb") or "group 2").strip(): b}
            if len(arms) == 2:
                out.append(SampleSize(a + b, "arms", before[-1].start, m.end() + offset, arms))
    return out


@cache
def _group_words() -> re.Pattern[str]:
    """Words that show counts are group sizes (lexicon ``group_words``, anywhere in a word;
    ``group_words_whole`` ending one)."""
    return re.compile(rf"{_words('group_words')}|(?:{_words('group_words_whole')})\b", re.IGNORECASE)


@cache
def _joined() -> re.Pattern[str]:
    """What joins the counts of one split: a ``joins`` word, a comma or a table's column rule."""
    return re.compile(rf"\b(?:{_words('joins')})\b|,|\|")


@cache
def _and_next() -> re.Pattern[str]:
    """An ``and`` word right after a count ("15 dan 15"): the next count follows, not a label."""
    return re.compile(rf"\s*(?:{_words('and')})\b")


def _arms(text: str, people: list[re.Match[str]], offset: int) -> list[SampleSize]:
    """Two or more group sizes joined by "dan"/"and"/"," in one sentence: their sum, with labels."""
    out: list[SampleSize] = []
    i = 0
    while i < len(people):
        group = [people[i]]
        while i + 1 < len(people):
            gap = text[group[-1].end():people[i + 1].start()]
            limit = 160 if _group_words().search(gap) else 80
            # one sentence or one table row: no sentence end, no line break; joined by a
            # conjunction, a comma or a table's column rule
            if (len(gap) > limit or re.search(r"\.\s|;|\n", gap) or people[i + 1].start() < group[-1].end()
                    or not _joined().search(gap)):
                break
            group.append(people[i + 1])
            i += 1
        i += 1
        # "30 orang, kelompok A 15 dan kelompok B 15": a total followed by its split
        if len(group) > 2 and int(group[0].group("n")) == sum(int(m.group("n")) for m in group[1:]):
            group = group[1:]
        if len(group) < 2:
            continue
        arms: dict[str, int] = {}
        grouped = bool(_group_words().search(text[group[0].start():group[-1].end() + 45]))
        for k, m in enumerate(group):
            label = None
            if m.group(0).startswith("("):
                words = re.findall(r"[^\W\d_][\w-]*", text[max(0, m.start() - 50):m.start()])
                words = [w for w in words[-4:] if w.lower() not in word_set("sample_size", "label_stopwords")]
                if words:
                    arms[" ".join(words).lower()] = int(m.group("n"))
                    continue
            after = _arm_label().match(text, m.end(), min(len(text), m.end() + 45))
            if after and not _and_next().match(text, m.end()):
                label = after.group("label").strip()
            if not label:
                prev_end = group[k - 1].end() if k else max(0, m.start() - 60)
                before = _arm_label_before().search(text[prev_end:m.start()])
                label = before.group("label").strip() if before else None
            if label is None:
                if not grouped:       # "24 orang dan tidak lebih dari 50 orang": not a split
                    break
                label = f"group {k + 1}"
            label = re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", label)).strip().lower()
            arms[label if label not in arms else f"{label} {k + 1}"] = int(m.group("n"))
        if len(arms) < len(group):
            continue
        out.append(SampleSize(sum(arms.values()), "arms", group[0].start() + offset, group[-1].end() + offset, arms))
    return out


def best_sample_size(sizes: list[SampleSize]) -> SampleSize | None:
    """The strongest statement (:data:`STRENGTH`; earlier wins ties). A stated "total" that equals
    one arm of a stated split was a per-group number, so the arms' sum wins then."""
    if not sizes:
        return None
    arms = [s for s in sizes if s.strength == "arms"]
    ranked = sorted(sizes, key=lambda s: (STRENGTH[s.strength], s.start))
    best = ranked[0]
    if arms and best.strength in ("total", "sample", "count") and best.n in arms[0].arms.values() and best.n != arms[0].n:
        return arms[0]
    return best


@cache
def _count_percent() -> re.Pattern[str]:
    """"13 orang (86,7%)", "8 (53,3)", "as many as 10 respondents (66.7%)" (lexicon ``pair_unit``).
    The count opens with a digit and then looks behind it (not after a digit, dot or comma): a
    pattern that opens with a digit lets the regex engine skip to the next digit at once, which
    halves the time of a scan."""
    return re.compile(rf"(?P<count>\d(?<![\d.,]\d)\d{{0,3}})\s*(?:{_words('pair_unit')})?\s*\(\s*"
                      r"(?P<pct>\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s*\)")



#: A frequency-table line ending "label 13 86,7" (the count after a label and a space, looked
#: behind from its first digit, as above).
_TABLE_COUNT_PERCENT = re.compile(
    r"(?m)(?P<count>\d(?<=[A-Za-z)|] \d)\d{0,3})[ \t|]+(?P<pct>\d{1,3}[.,]\d{1,2})[ \t|]*$")


class CountPercent(NamedTuple):
    """A count printed with its percentage ("13 (86,7%)"): it implies the denominator.
    ``start``/``end`` span the pair in the text searched (shifted by its ``offset``)."""

    count: int
    percent: float
    decimals: int
    start: int = 0
    end: int = 0


def find_count_percents(text: str, offset: int = 0) -> list[CountPercent]:
    """Count/percent pairs printed together, in text order; spans shifted by ``offset``."""
    out = []
    for pattern in (_count_percent(), _TABLE_COUNT_PERCENT):
        for m in pattern.finditer(text):
            pct = parse_number(m.group("pct"))
            if pct.value <= 100:
                out.append(CountPercent(int(m.group("count")), pct.value, pct.decimals,
                                        offset + m.start("count"), offset + m.end("pct")))
    return sorted(out, key=lambda pair: pair.start)


def percent_support(n: int, pairs: list[CountPercent]) -> int:
    """How many count/percent pairs are count/n at their printed precision (GRIM-style: a
    sample size that makes the paper's own percentages come out right is the one it used)."""
    if n <= 0:
        return 0
    return sum(1 for pair in pairs if 0 < pair.count <= n
               and abs(100 * pair.count / n - pair.percent) <= 0.5 * 10 ** -pair.decimals + 1e-9)
