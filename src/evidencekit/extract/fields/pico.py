"""Intervention, outcome, comparator, instrument and setting from aim statements and titles.

Aims and titles follow one shape in both languages: "pengaruh <intervention> terhadap <outcome>
pada <population> di <setting>", "the effect of <intervention> on <outcome> among …". The phrases
around each part are lexicon data (``pico``), and so are the small words that end a part or
stand between a group and what it received ("yang hanya menerima", "which", "during").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Iterator

from evidencekit.extract import lexicon
from evidencekit.extract.fields.phrases import (
    find_hits,
    matches_at,
    opening_alternation,
    phrase_pattern,
    phrase_starts,
    word_alternation,
)

#: Longest intervention/outcome phrase kept (characters): longer means the pattern overran.
MAX_PART = 90
#: The pico keys whose phrases open an aim, a contrast or a cue: one scan of a text finds where
#: any of them may start (:func:`~evidencekit.extract.fields.phrases.phrase_starts`).
AIM_KEYS = ("effect", "contrast", "intervention_cue", "outcome_cue")


@dataclass(frozen=True, slots=True)
class Aim:
    """An aim statement's intervention and outcome, with their offsets."""

    intervention: str
    outcome: str
    intervention_span: tuple[int, int]
    outcome_span: tuple[int, int]


#: Every character that ``\s`` matches (``str.isspace``) except the plain space; a test checks the list.
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
              "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def flatten(text: str) -> str:
    """``text`` with every whitespace character a space (as ``re.sub(r"\\s", " ", text)``): same
    length, so offsets stay valid. One fast ``in``/``replace`` per kind of whitespace, which is
    ~10x faster than the regex and costs next to nothing on text that is already flat."""
    for ch in WHITESPACE:
        if ch in text:
            text = text.replace(ch, " ")
    return text


@cache
def _alt(key: str) -> str:
    return "|".join(phrase_pattern(p) for p in lexicon.phrases("pico").get(key, ()))


def _words(key: str) -> str:
    """Pico key ``key`` as a plain alternation, words joined by any space (no edges, see
    :func:`~.phrases.word_alternation`): the small words around the parts."""
    return word_alternation("pico", key)


def _opening_with(key: str, pattern: re.Pattern[str], flat: str,
                  within: list[int] | None = None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(flat)`` for a pattern that opens with a phrase of pico key ``key``: tried
    only where such a phrase may start (one scan for the phrases' first letters, not the pattern
    at every place; no scan at all given ``within``, see :func:`phrase_starts`)."""
    if not lexicon.phrases("pico").get(key):
        return pattern.finditer(flat)
    return matches_at(pattern, flat, phrase_starts("pico", flat, (key,), within))


@cache
def _aim_re(link: str) -> re.Pattern[str]:
    # effect word, the intervention (lazy, no sentence end), a link word, the outcome up to a stop;
    # the lookahead of the effect words' first letters only lets the engine skip other places
    firsts = "".join(sorted({re.escape(p.strip()[0]) for p in lexicon.phrases("pico").get("effect", ()) if p.strip()}))
    return re.compile(
        rf"{f'(?=[{firsts}])' if firsts else ''}(?:{_alt('effect')})\s+(?P<i>[^.;:\n]{{3,{MAX_PART}}}?)\s+(?:{_alt(link)})\s+"
        rf"(?P<o>[^.;:,\n()]{{3,{MAX_PART}}}?)(?=\s+(?:{_alt('stop')})|\s*[.;:,()\n]|\s*$)",
        re.IGNORECASE)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,.;:-\"'")


def find_aims(text: str, offset: int = 0, within: list[int] | None = None) -> list[Aim]:
    """Every "effect of X on Y" statement in ``text`` (whitespace inside runs over line breaks).
    ``within``: places where pico phrases may start, when the caller has them (:data:`AIM_KEYS`)."""
    flat = flatten(text)
    out: list[Aim] = []
    starts = phrase_starts("pico", flat, ("effect",), within)
    for link in ("link", "link_weak"):     # "X dalam melakukan Y terhadap Z": terhadap is the link
        if out:
            break
        out.extend(_aims(flat, link, offset, starts))
    return out


def _aims(flat: str, link: str, offset: int, starts: list[int]) -> list[Aim]:
    out = []
    for m in _opening_with("effect", _aim_re(link), flat, starts):
        intervention, outcome = _clean(m.group("i")), _clean(m.group("o"))
        if intervention and outcome:
            out.append(Aim(intervention, outcome, (m.start("i") + offset, m.end("i") + offset),
                           (m.start("o") + offset, m.end("o") + offset)))
    return out


def find_instrument(text: str, offset: int = 0) -> tuple[str, int, int] | None:
    """The first measuring instrument named ("lembar observasi", "kuesioner …", "questionnaire")."""
    hits = find_hits("pico", text, keys=("instrument",))
    if not hits:
        return None
    hit = hits[0]
    tail = _instrument_tail().match(text[hit.end:])
    end = hit.end + (tail.end() if tail else 0)
    return _clean(text[hit.start:end]), hit.start + offset, end + offset


@cache
def _instrument_tail() -> re.Pattern[str]:
    """The rest of an instrument's name: up to an ``instrument_end`` word or punctuation."""
    return re.compile(rf"[^.;,\n]{{0,60}}?(?=\s+(?:{_words('instrument_end')})\b|[.;,\n]|$)")


@cache
def _place_name() -> re.Pattern[str]:
    """The place name after a setting word runs on in capitalised words, across a single line break
    but not a blank line (a title's last line is followed by the authors); a word that ends a
    sentence ends it. English places may add "in <City>" (``place_in``)."""
    return re.compile(r"(?:[ \t]*\n?[ \t]*(?:[A-Z][\w'-]*|[IVX]+)(?![\w'-]*\.\s))+(?:[ \t]*\n?[ \t]*[A-Z][\w'-]*)?"
                      rf"|[ \t]+(?:{_words('place_in')})[ \t]+[A-Z][\w'-]*")


def find_setting(text: str, offset: int = 0) -> tuple[str, int, int] | None:
    """The place of the study: "di Wilayah Kerja Puskesmas Masohi Kabupaten Maluku Tengah",
    "two community health centres in Makassar"."""
    for hit in find_hits("pico", text, keys=("setting",)):
        m = _place_name().match(text, hit.end)
        if not m:
            continue
        return _clean(text[hit.start:m.end()]), hit.start + offset, m.end() + offset
    return None


#: A bracketed count or note between a group's name and what it received: "kontrol (16 orang)".
_BRACKET = r"(?:\s*\([^)]{0,30}\))?"


@cache
def _treatment_end() -> str:
    """Where a treatment phrase stops: a ``treatment_end`` word, a bracket or punctuation."""
    return rf"(?=\s+(?:{_words('treatment_end')})\b|\s*[.;,()]|\s*$)"


@cache
def _test_word() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_words('test_word')})\b", re.IGNORECASE)


def _names_a_test(text: str) -> bool:
    return bool(find_hits("tests", text)) or bool(_test_word().search(text))


@cache
def _control_received() -> re.Pattern[str]:
    """"kelompok kontrol (16 orang) yang hanya menerima X", "the control group received X": X is ``c``."""
    return re.compile(rf"(?i)(?:{_words('control_group')})" + _BRACKET
                      + rf"\s*(?:{_words('relative')})?\s*(?:{_words('only')})?\s*(?:{_words('received')})\s+"
                      r"(?P<c>[^.;,()]{3,60}?)" + _treatment_end())


@cache
def _after_comparator() -> re.Pattern[str]:
    """What follows a comparator phrase ("compared with X"), up to where a treatment phrase stops."""
    return re.compile(r"\s*(?P<c>[^.;,()]{3,60}?)" + _treatment_end())


def find_comparator(text: str, offset: int = 0) -> tuple[str, int, int] | None:
    """What the control group received: "kelompok kontrol diberikan breast care", "compared with X",
    "kelompok kontrol (16 orang) yang hanya menerima perawatan standar"."""
    flat = flatten(text)
    for m in _control_received().finditer(flat):
        if not _names_a_test(m.group("c")):
            return _clean(m.group("c")), m.start("c") + offset, m.end("c") + offset
    for hit in find_hits("pico", flat, keys=("comparator",)):
        m = _after_comparator().match(flat[hit.end:])
        if m and not _names_a_test(m.group("c")):
            return _clean(m.group("c")), hit.end + m.start("c") + offset, hit.end + m.end("c") + offset
    for contrast in find_contrasts(text, offset):
        return contrast.comparator, *contrast.comparator_span
    return None


@dataclass(frozen=True, slots=True)
class Contrast:
    """"compared X with Y", "allocated to X or to Y": the intervention and its comparator."""

    intervention: str
    comparator: str
    intervention_span: tuple[int, int]
    comparator_span: tuple[int, int]


def find_contrasts(text: str, offset: int = 0, within: list[int] | None = None) -> list[Contrast]:
    """Contrasts such as "compared X with Y" / "membandingkan X dengan Y" in ``text`` (offsets
    shifted by ``offset``; ``within`` as for :func:`find_aims`)."""
    flat = flatten(text)
    out = []
    for m in _opening_with("contrast", _contrast_re(), flat, within):
        i, c = _clean(m.group("i")), _clean(m.group("c"))
        if i and c and not _names_a_test(i + " " + c):
            out.append(Contrast(i, c, (m.start("i") + offset, m.end("i") + offset),
                                (m.start("c") + offset, m.end("c") + offset)))
    return out


@cache
def _contrast_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?:{_alt('contrast')})\s+(?P<i>[^.;:()]{{3,{MAX_PART}}}?){_BRACKET}\s+(?:{_alt('contrast_join')})\s+"
        rf"(?P<c>[^.;:,()]{{3,{MAX_PART}}}?)(?=\s*\(|\s+(?:{_words('contrast_end')})\b|\s*[.;:,]|\s*$)",
        re.IGNORECASE)


def find_cued(text: str, key: str, offset: int = 0, within: list[int] | None = None) -> list[tuple[str, int, int]]:
    """Phrases after a cue of lexicon key ``key`` ("primary outcome was …", "Intervention: …"),
    up to the end of the clause (``within`` as for :func:`find_aims`)."""
    flat = flatten(text)
    out = []
    for hit in find_hits("pico", flat, keys=(key,), within=within):
        m = _cued_phrase().match(flat[hit.end:])
        if m and not _names_a_test(m.group("x")):
            out.append((_clean(m.group("x")), hit.end + m.start("x") + offset, hit.end + m.end("x") + offset))
    return out


@cache
def _cued_phrase() -> re.Pattern[str]:
    """The phrase after a cue: an optional ``article``, then up to a ``cue_end`` word or punctuation."""
    return re.compile(rf"\s*(?:(?:{_words('article')})\s+)?(?P<x>[^.;:,()]{{3,80}}?)"
                      rf"(?=\s+(?:{_words('cue_end')})\b|\s*[.;:,()]|\s*$)")


@cache
def _as_primary() -> re.Pattern[str]:
    """"with expressed milk volume as the primary outcome", "volume ASI sebagai luaran utama"
    (``with``, then the outcome ``x``, then a ``primary`` phrase)."""
    return re.compile(rf"(?:(?:{_words('with')})\s+)?(?P<x>[^\W\d_][\w\s-]{{2,50}}?)\s+(?:{_words('primary')})",
                      re.IGNORECASE)


@cache
def _leading_with() -> re.Pattern[str]:
    """Everything up to the last ``with`` word of a phrase ("X with Y" -> "Y" remains)."""
    return re.compile(rf"^(?:.*\b(?:{_words('with')})\s+)")


@cache
def _primary_words() -> re.Pattern[str]:
    """The fixed words of :func:`_as_primary` (pico ``primary``), found first (fast) before it runs:
    an alternation that opens with a class of their first letters in every case IGNORECASE takes
    for them ("ſ" is an "s"), derived from the phrases (:func:`~.phrases.opening_alternation`)."""
    return re.compile(opening_alternation(lexicon.phrases("pico").get("primary", ())), re.IGNORECASE)


def find_primary_outcome(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Outcomes named as primary: "X as the primary outcome"."""
    flat = flatten(text)
    out: list[tuple[str, int, int]] = []
    if not _primary_words().search(flat):
        return out                        # the slow pattern below cannot match (its fixed words are missing)
    for m in _as_primary().finditer(flat):
        x = _leading_with().sub("", m.group("x"))
        start = m.end("x") - len(x)
        out.append((_clean(x), start + offset, m.end("x") + offset))
    return out
