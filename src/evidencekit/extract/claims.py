"""Claims in a paper's prose that the consistency checks compare with its numbers.

Extraction only (the checks stay pure functions over these values): stated decision rules
("p > 0,05 means an effect"), statements that no participant's score fell, protocol statements
(times a day, minutes, days), outcome mentions by concept, comparative claims, and whether the
instrument is scored in whole points. Phrases come from ``lexicon/<lang>/claims.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from evidencekit.extract.fields.phrases import (
    LexiconPart,
    matches_at,
    phrase_starts,
    phrase_starts_any,
    within_span,
    word_alternation,
)
from evidencekit.extract.lexicon import LANGUAGES, load, phrases
from evidencekit.extract.numbers import parse_number
from evidencekit.extract.patterns import DECIMAL, phrase_alternation
from evidencekit.model import Document, Span

# ------------------------------------------------------------------------ patterns from parts

NUMBER = DECIMAL                                        # 0,05  .05  0.05
OPERATOR = r"(?P<op>[<>≤≥]=?|=<|=>)"


def _connective(key: str) -> str:
    return word_alternation("connectives", key)


@cache
def p_word() -> str:
    """The name of p: "p", "ρ" (typed for p) or "sig.", then perhaps "value"/"nilai" ("p value",
    "p-value"; lexicon connectives ``significance_abbrev``, ``p_value_word``)."""
    return rf"(?:\bp|ρ|{_connective('significance_abbrev')})(?:[\s-]*(?:{_connective('p_value_word')}))?"


@cache
def rule_re() -> re.Pattern[str]:
    """"p value > 0,05": a threshold stated with an operator (a rule, not a result); "nilai" may
    stand before p (statistic_words ``p_value_before``), "α" or its name (``alpha_word``) before the threshold."""
    return re.compile(rf"(?:(?:{word_alternation('statistic_words', 'p_value_before')})\s+)?{p_word()}\s*{OPERATOR}\s*"
                      rf"(?:α\s*=?\s*|(?:{_connective('alpha_word')})\s*=?\s*)?(?P<alpha>{NUMBER})", re.IGNORECASE)


@cache
def bracketed_threshold_re() -> re.Pattern[str]:
    """"p-value = 0,000 (p<0,005)": a reported p followed by the threshold it was compared with."""
    return re.compile(rf"{p_word()}\s*[=:]?\s*(?:{NUMBER})\s*\(\s*(?:{p_word()}|α)\s*(?P<op>[<>≤≥])\s*"
                      rf"(?P<alpha>{NUMBER})\s*\)", re.IGNORECASE)


#: A comparison sign: rule_re and bracketed_threshold_re need one (OPERATOR holds < > ≤ or ≥),
#: so a sentence without one is not searched for them (one fast scan instead of two slow ones).
COMPARISON = re.compile(r"[<>≤≥]")
#: sentence ends: . ! ? followed by space and an upper-case letter or a digit
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


@dataclass(frozen=True, slots=True)
class _ProtocolPatterns:
    """How a protocol sentence states a dose, built from the ``protocol_*`` keys of claims.toml."""

    intervention: re.Pattern[str]      # the sentence is about the intervention (inside words too)
    times_per_day: re.Pattern[str]     # "minimal tiga kali sehari", "2 times a day", "twice daily"
    twice_a_day: re.Pattern[str]       # "pagi dan sore", "morning and evening": no number
    minutes: re.Pattern[str]           # "10–15 menit", "15 minutes"
    days: re.Pattern[str]              # "selama tiga hari", "for 3 days", "five consecutive days"


@cache
def _count_words() -> dict[str, int]:
    """Counts written as words ("tiga", "twice") -> their value, every language."""
    out: dict[str, int] = {}
    for lang in LANGUAGES:
        entry = load(lang, "claims").get("protocol_count_words", {})
        out.update(zip(entry.get("phrases", ()), entry.get("values", ()), strict=True))
    return out


@cache
def _protocol() -> _ProtocolPatterns:
    def alt(key: str) -> str:
        return phrase_alternation(phrases("claims")[key])

    count = rf"(?P<k>\d+|{'|'.join(map(re.escape, _count_words()))})"
    per_day, twice, minutes = alt("protocol_per_day"), alt("protocol_twice_a_day"), alt("protocol_minutes")
    not_days, days = alt("protocol_not_days"), alt("protocol_days")
    return _ProtocolPatterns(
        intervention=re.compile(alt("protocol_intervention"), re.IGNORECASE),
        times_per_day=re.compile(rf"\b{count}\s*(?:{per_day})\b", re.IGNORECASE),
        twice_a_day=re.compile(rf"\b(?:{twice})\b", re.IGNORECASE),
        minutes=re.compile(rf"(?P<a>\d+)(?:\s*[-–]\s*(?P<b>\d+))?\s*(?:{minutes})\b", re.IGNORECASE),
        # one word may stand between the count and the unit, unless it makes a rate ("3 times a day")
        days=re.compile(rf"\b{count}\s+(?:(?!(?:{not_days})\b)[a-z]+\s+)?(?:{days})\b", re.IGNORECASE),
    )


#: Characters after a rule's threshold searched for its reading ("… berarti ada pengaruh").
READING_CHARS = 160
#: Sections whose statements are the study's own (not background or references).
OWN_SECTIONS = ("abstract", "abstract_en", "methods", "results", "conclusion", "discussion", None)


def _whole_words(found: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the phrases ``found`` as whole words, in any case, spaces matching any whitespace."""
    return re.compile(rf"(?<!\w)(?:{phrase_alternation(found)})(?!\w)", re.IGNORECASE)


@cache
def _phrase_regex(key: str) -> re.Pattern[str] | None:
    found = phrases("claims").get(key, ())
    return _whole_words(found) if found else None


def has_phrase(key: str, text: str, within: list[int] | None = None) -> re.Match[str] | None:
    """The first phrase of lexicon key ``key`` (claims.toml, every language) in ``text``, or None.

    ``within``: places (ascending) that hold every place in ``text`` where a phrase of ``key`` may
    start (:func:`_sentence_starts`); the phrases are then tried there only."""
    rx = _phrase_regex(key)
    if rx is None:
        return None
    if within is None:
        return rx.search(text)
    if not within:
        return None                     # no phrase may start anywhere in the text
    return next(matches_at(rx, text, phrase_starts("claims", text, (key,), within)), None)


#: claims.toml keys looked up in every own sentence (besides the ``outcome_*`` keys).
SENTENCE_KEYS = ("no_decrease", "range_words", "comparative", "score_instruments", "questionnaire", "one_tailed")


@cache
def _sentence_parts() -> tuple[LexiconPart, ...]:
    """The claims.toml keys of every own sentence, as one lexicon part for a scan of the text."""
    keys = SENTENCE_KEYS + tuple(k for k in phrases("claims") if k.startswith("outcome_"))
    return (("claims", keys),)


def _sentence_starts(document: Document) -> list[int] | None:
    """Where a phrase of :func:`_sentence_parts` may start in the document's text: one scan,
    whose places inside a sentence stand for that sentence's (a sentence starts after white
    space, so a word edge there is one in the sentence alone). None when a phrase opens with
    white space or a dash: its place would not be where the scan looks."""
    parts = _sentence_parts()
    if any(p != p.strip() or p[:1] in "-\u2010\u2011\u2012\u2013\u2014\u2015"
           for _, keys in parts for key in keys for p in phrases("claims").get(key, ())):
        return None
    return phrase_starts_any(parts, document.text)


@cache
def _level_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((key, _whole_words((p,)))
                 for key, words in phrases("claims").items() if key.startswith("level_") for p in words)


def level_keys_in(text: str) -> frozenset[str]:
    """Canonical categorical levels ("level_tidak_lancar" …) a text names, in any language; the
    longest phrase wins where one contains another ("not smooth" is not also "smooth")."""
    found = [(m.start(), m.end(), key) for key, rx in _level_patterns() for m in rx.finditer(text)]
    keep = [f for f in found if not any(o != f and o[0] <= f[0] and f[1] <= o[1] and (o[1] - o[0]) > (f[1] - f[0])
                                        for o in found)]
    return frozenset(k for _, _, k in keep)


def outcome_concepts_in(text: str, within: list[int] | None = None) -> frozenset[str]:
    """Outcome concepts ("milk_flow", "knowledge" …) a text names (``within``: see :func:`has_phrase`)."""
    keys = [k for k in phrases("claims") if k.startswith("outcome_")]
    return frozenset(k.removeprefix("outcome_") for k in keys if has_phrase(k, text, within))


# ------------------------------------------------------------------------ claim objects


@dataclass(frozen=True, slots=True)
class DecisionRule:
    """ "p < 0,05 means an effect": ``operator`` "<" or ">", ``effect`` what it is read as."""

    operator: str
    threshold: float
    effect: bool
    span: Span

    @property
    def reversed(self) -> bool:
        """True when the rule reads a large p as an effect or a small p as none."""
        return (self.operator == ">" and self.effect) or (self.operator == "<" and not self.effect)


@dataclass(frozen=True, slots=True)
class Statement:
    """A sentence that makes a claim; ``cites_ranges`` when it argues from min/max ranges."""

    kind: str
    span: Span
    cites_ranges: bool = False


@dataclass(frozen=True, slots=True)
class ProtocolStatement:
    """How the intervention was given, as one sentence says it."""

    span: Span
    times_per_day: int | None = None
    minutes: tuple[int, int] | None = None
    days: int | None = None


@dataclass(frozen=True, slots=True)
class OutcomeMention:
    """A sentence that names outcome concepts (keys of claims.toml without "outcome_")."""

    concepts: frozenset[str]
    span: Span


@dataclass(frozen=True, slots=True)
class Threshold:
    """A threshold printed in brackets after a reported p ("p = 0,000 (p < 0,005)")."""

    operator: str
    value: float
    span: Span


@dataclass(frozen=True)
class Claims:
    """Every claim of one paper that the consistency checks compare with its numbers."""

    decision_rules: tuple[DecisionRule, ...] = ()
    no_decrease: tuple[Statement, ...] = ()
    protocol: tuple[ProtocolStatement, ...] = ()
    outcomes: tuple[OutcomeMention, ...] = ()
    comparative: tuple[Statement, ...] = ()
    score_instrument: bool = False
    questionnaire: bool = False
    thresholds: tuple[Threshold, ...] = ()
    one_tailed: bool = False


# ------------------------------------------------------------------------ finders


def sentences(document: Document) -> list[tuple[int, int]]:
    """(start, end) of every sentence of the normalised text, tables excluded."""
    text = document.text
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if b > a and document.in_table(a) is None]


def _number(text: str) -> float:
    """A NUMBER match as a float: "0,05", ".05" and "0.05" are 0.05."""
    return parse_number(text).value


def _operator(op: str) -> str:
    """"<" or ">" for an operator as printed ("≤", "=<", ">=" …); "=" stays "="."""
    return op.replace("≤", "<").replace("≥", ">").replace("=<", "<").replace("=>", ">")[0]


def _count(text: str) -> int:
    return int(text) if text.isdigit() else _count_words()[text.lower()]


def find_decision_rules(document: Document, span: tuple[int, int]) -> list[DecisionRule]:
    """Rules "p op α → effect / no effect" in one sentence (each followed by its reading)."""
    a, b = span
    text = document.text[a:b]
    if not COMPARISON.search(text):
        return []
    matches = list(rule_re().finditer(text))
    out = []
    for i, m in enumerate(matches):
        op = _operator(m.group("op"))
        if op not in "<>":
            continue
        tail_end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        tail = text[m.end():tail_end][:READING_CHARS]
        neg, pos = has_phrase("no_effect", tail), has_phrase("effect", tail)
        if neg is None and pos is None:
            continue
        # the phrase that comes first is the reading; "tidak ada pengaruh" contains "ada pengaruh"
        effect = not (neg is not None and (pos is None or neg.start() <= pos.start()))
        threshold = _number(m.group("alpha"))
        if not 0 < threshold < 1:
            continue
        reading = neg if not effect else pos
        out.append(DecisionRule(op, threshold, effect, document.span(a + m.start(), a + m.end() + reading.end())))
    return out


def _protocol_statement(document: Document, a: int, b: int, text: str) -> ProtocolStatement | None:
    """How the intervention was given, when sentence ``text`` (``a``–``b``) names it with a dose.
    The intervention is looked for first: most sentences do not name it, and the four dose
    patterns are then not run at all."""
    dose = _protocol()
    if not dose.intervention.search(text):
        return None
    tpd, mins, days = dose.times_per_day.search(text), dose.minutes.search(text), dose.days.search(text)
    twice = dose.twice_a_day.search(text)
    if not (tpd or twice or mins or days):
        return None
    return ProtocolStatement(
        document.span(a, b),
        times_per_day=_count(tpd.group("k")) if tpd else (2 if twice else None),
        minutes=(int(mins.group("a")), int(mins.group("b") or mins.group("a"))) if mins else None,
        days=_count(days.group("k")) if days else None)


def find_claims(document: Document) -> Claims:
    """Every claim the checks use, with its span."""
    rules, no_dec, protocol, outcomes, comparative = [], [], [], [], []
    score = questionnaire = False
    thresholds: list[Threshold] = []
    one_tailed = False
    starts = _sentence_starts(document)         # one scan of the text for every sentence's phrases
    for a, b in sentences(document):
        section = document.section_at(a)
        if section not in OWN_SECTIONS and section not in ("front", "other"):
            continue                                       # introduction, references …
        text = document.text[a:b]
        within = within_span(starts, a, b) if starts is not None else None
        rules += find_decision_rules(document, (a, b))
        if has_phrase("no_decrease", text, within):
            no_dec.append(Statement("no_decrease", document.span(a, b),
                                    cites_ranges=bool(has_phrase("range_words", text, within))))
        if has_phrase("comparative", text, within):
            comparative.append(Statement("comparative", document.span(a, b)))
        if has_phrase("score_instruments", text, within) and section in ("methods", "abstract", "abstract_en", None):
            score = True
            questionnaire = questionnaire or bool(has_phrase("questionnaire", text, within))
        if (statement := _protocol_statement(document, a, b, text)) is not None:
            protocol.append(statement)
        if COMPARISON.search(text):
            for m in bracketed_threshold_re().finditer(text):
                thresholds.append(Threshold(_operator(m.group("op")), _number(m.group("alpha")),
                                            document.span(a + m.start(), a + m.end())))
        one_tailed = one_tailed or bool(has_phrase("one_tailed", text, within))
        concepts = outcome_concepts_in(text, within)
        if concepts:
            outcomes.append(OutcomeMention(concepts, document.span(a, b)))
    return Claims(tuple(rules), tuple(no_dec), tuple(protocol), tuple(outcomes), tuple(comparative), score,
                  questionnaire, tuple(thresholds), one_tailed)
