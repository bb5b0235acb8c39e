"""Units of descriptives: which unit a table or a sentence gives, and what that unit says.

Phrases and properties are lexicon data (``lexicon/{id,en}/units.toml``); a unit is known by
its canonical key ("ml", "count_per_day", "score" …). The *unit model* (:class:`Unit`) says
whether values in a unit are whole numbers (counts, summed points: GRIM applies) or continuous
(volumes, masses, times: they are not, unless the paper's minimum and maximum show otherwise),
what the unit measures (its dimension) and how a message names the premise.

Where a unit is printed:

* in brackets in a caption, column header or row label: "Volume ASI (ml)", "(kali per 24 jam)",
  "Mean (score)"; a bracket may add a rate ("(ml/15 menit)" is ml);
* after "dalam"/"in" at the end of a phrase: "Volume ASI dalam ml", "weight in kg.";
* right after a number in a sentence: "7,45 kali sehari", "12.4 ml".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from evidencekit.extract.lexicon import LANGUAGES, load, phrases
from evidencekit.extract.patterns import NUM, lexicon_alternation


def _words(key: str) -> str:
    """The phrases of statistic_words.toml ``key`` as an alternation."""
    return lexicon_alternation("statistic_words", key)


@dataclass(frozen=True, slots=True)
class Unit:
    """One canonical unit: ``whole`` values are whole numbers (counts, points)."""

    key: str
    whole: bool
    dimension: str
    premise: str | None = None

    def describe(self) -> str:
        """How a granularity message names the premise: "whole counts per day", "whole ml"."""
        return self.premise or f"whole {self.key}"


@cache
def units() -> dict[str, Unit]:
    """key -> :class:`Unit`, properties merged over the lexicon languages."""
    props: dict[str, dict] = {}
    for lang in LANGUAGES:
        for key, entry in load(lang, "units").items():
            mine = props.setdefault(key, {})
            for field in ("whole", "dimension", "premise"):
                if field in entry:
                    mine.setdefault(field, entry[field])
    return {k: Unit(k, bool(p.get("whole", False)), str(p.get("dimension", k)), p.get("premise"))
            for k, p in props.items()}


def unit(key: str | None) -> Unit | None:
    """The unit model of a canonical key or a printed unit ("mL", "(kali/24 jam)"); None when
    unknown."""
    if not key:
        return None
    known = units()
    return known.get(key) or known.get(canonical(key) or "")


@cache
def _phrase_to_key() -> dict[str, str]:
    table: dict[str, str] = {}
    for key, ps in phrases("units").items():
        for p in ps:
            table.setdefault(p, key)
    return table


@cache
def _alternation() -> str:
    """Every phrase, longest first, as one regex alternation (spaces match any whitespace)."""
    ps = sorted(_phrase_to_key(), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ps)


def canonical(printed: str | None) -> str | None:
    """The canonical key of a printed unit ("mL" -> "ml", "(kali/24 jam)" -> "count_per_day");
    None when the text is not one known unit."""
    text = re.sub(r"\s+", " ", (printed or "").strip().strip("()").strip()).lower()
    if not text:
        return None
    if text in units():
        return text
    m = _bracket_re().fullmatch(f"({text})")
    return _phrase_to_key().get(_norm(m.group("u"))) if m else None


def _norm(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.strip().lower())


# A unit filling a bracket: "(ml)", "( kali per 24 jam )", "(ml/15 menit)" — the unit, then
# optionally a rate ("/15 menit", "per pemerahan") of a few words, and the closing bracket.
_RATE = r"(?:\s*(?:/|per\s)\s*[^()]{1,25}?)?"


@cache
def _bracket_re() -> re.Pattern[str]:
    return re.compile(rf"(?i)\(\s*(?P<u>{_alternation()}){_RATE}\s*\)")


# "dalam ml", "dalam satuan mililiter", "in ml", "in kilograms" (statistic_words.toml in_unit,
# unit_of) — only when the phrase ends there (a bracket, punctuation or the end): "dalam minggu
# pertama" is no unit.
@cache
def _in_re() -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<![A-Za-z])(?:{_words('in_unit')})\s+(?:(?:{_words('unit_of')})\s+)?"
                      rf"(?P<u>{_alternation()})(?=\s*(?:[).,;:]|$))")


# A unit right after a number: "7,45 kali sehari", "12.4 ml", "42,6ml", "87,5 %"; the phrase
# must end at a word boundary ("12 gelas" is not "12 g").
@cache
def _after_number_re() -> re.Pattern[str]:
    return re.compile(rf"(?i)\s?(?P<u>{_alternation()})(?![A-Za-z0-9])")


def units_in_label(text: str | None) -> list[str]:
    """Canonical keys of the units a caption, header or row label prints, in order, without
    repeats: "Tabel 4. Frekuensi BAK bayi (kali per 24 jam)" -> ["count_per_day"]."""
    if not text:
        return []
    found = [(m.start(), m.group("u")) for m in _bracket_re().finditer(text)]
    found += [(m.start(), m.group("u")) for m in _in_re().finditer(text)]
    keys = [_phrase_to_key().get(_norm(u)) for _, u in sorted(found)]
    return list(dict.fromkeys(k for k in keys if k))


def unit_of_label(text: str | None) -> str | None:
    """The one unit a caption, header or row label prints; None when it prints none or several
    different ones (then it cannot say which quantity is in which)."""
    keys = units_in_label(text)
    return keys[0] if len(keys) == 1 else None


def strip_units(text: str) -> str:
    """``text`` without its bracketed units: "Mean (kali per 24 jam)" -> "Mean "."""
    return _bracket_re().sub(" ", text)


_NUMBER_RE = re.compile(NUM)


# "95% CI", "95 % confidence interval", "95% IK": the percent names the interval's level
# (abbreviations here, words in statistic_words.toml ci_level)
_CI_LEVEL_RE = re.compile(rf"(?i)\s?%\s*(?:CI|IK|KI|{_words('ci_level')})")


def unit_after_number(text: str, end: int) -> str | None:
    """The unit printed right after the number ending at ``end`` ("7,45 kali sehari"); never
    the "%" of a confidence level ("95% CI")."""
    if _CI_LEVEL_RE.match(text, end):
        return None
    m = _after_number_re().match(text, end)
    return _phrase_to_key().get(_norm(m.group("u"))) if m else None


def unit_in_sentence(text: str, start: int, end: int, sentence: tuple[int, int]) -> str | None:
    """The unit of a summary printed at ``text[start:end]`` in a sentence: right after its
    last number ("… ± 9,8 ml") or after any number inside it ("42,6 ml ± 9,8"); else the one
    unit the words of the sentence before it give in brackets or after "dalam"/"in". A unit
    printed after a *later* number of the sentence belongs to that number, not to this one."""
    keys = []
    for m in _NUMBER_RE.finditer(text, start, end):
        if (k := unit_after_number(text, m.end())) is not None:
            keys.append(k)
    if (k := unit_after_number(text, end)) is not None:
        keys.append(k)
    keys = list(dict.fromkeys(keys))
    if len(keys) == 1:
        return keys[0]
    if keys:
        return None
    return unit_of_label(text[sentence[0]:start])


def is_whole(key: str | None) -> bool | None:
    """True for whole-number units (counts, points), False for continuous ones, None when the
    unit is unknown or not given."""
    u = unit(key)
    return None if u is None else u.whole


__all__ = ["Unit", "canonical", "is_whole", "strip_units", "unit", "unit_after_number", "unit_in_sentence",
           "unit_of_label", "units", "units_in_label"]
