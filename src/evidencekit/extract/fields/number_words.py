"""Whole numbers written as words, in English and Indonesian: "Twenty-five", "thirty two",
"dua puluh empat", "lima belas", "seratus dua puluh". The words are lexicon data (``number_words``,
listed in value order)."""

from __future__ import annotations

import re
from functools import cache

from evidencekit.extract import lexicon
from evidencekit.extract.fields.phrases import matches_at, trie_pattern, word_alternation, word_set


@cache
def _values() -> dict[str, tuple[str, int]]:
    """word -> (role, value): role "add" (a number), "times" (multiplies), "plus_ten"."""
    out: dict[str, tuple[str, int]] = {}
    en = lexicon.load("en", "number_words")
    for i, w in enumerate(en.get("ones", {}).get("phrases", ()), 1):
        out[w] = ("add", i)
    for i, w in enumerate(en.get("teens", {}).get("phrases", ()), 10):
        out[w] = ("add", i)
    for i, w in enumerate(en.get("tens", {}).get("phrases", ()), 2):
        out[w] = ("add", 10 * i)
    for w in en.get("hundred", {}).get("phrases", ()):
        out[w] = ("times", 100)
    id_ = lexicon.load("id", "number_words")
    for i, w in enumerate(id_.get("ones", {}).get("phrases", ()), 1):
        out.setdefault(w, ("add", i))
    for key, role in (("ten_times", ("times", 10)), ("hundred", ("times", 100)), ("plus_ten", ("plus_ten", 10)),
                      ("ten", ("add", 10)), ("eleven", ("add", 11)), ("one_hundred", ("add", 100))):
        for w in id_.get(key, {}).get("phrases", ()):
            out[w] = role
    return out


@cache
def _run_re() -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, _values()), key=len, reverse=True))
    joined = rf"[ \t]+(?:{word_alternation('connectives', 'number_and')})[ \t]+"      # "one hundred and six"
    return re.compile(rf"(?<![^\W_])(?:{words})(?:(?:[ \t]+|-|{joined})(?:{words}))*(?![^\W_])", re.IGNORECASE)


def parse_number_words(text: str) -> int | None:
    """The value of a run of number words, or None when it is not one. A multiplier ("puluh",
    "ratus", "hundred") scales only the word before it: "seratus dua puluh" is 100 + 2 × 10."""
    total, last = 0, 0
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if not word or word in word_set("connectives", "number_and"):
            continue
        role = _values().get(word)
        if role is None:
            return None
        kind, value = role
        if kind == "add":
            total, last = total + value, value
        elif kind == "times":
            total, last = total + last * (value - 1), last * value
        else:                                # "lima belas" = 5 + 10
            total, last = total + value, last + value
    return total or None


#: Letters of a number word that the place filter checks before the run pattern is tried.
START_LETTERS = 3


@cache
def _start_re() -> re.Pattern[str]:
    """Places a number word may start: a word edge, then the first letters of one."""
    return re.compile(rf"(?<![^\W_])(?={trie_pattern({w[:START_LETTERS] for w in _values()})})", re.IGNORECASE)


def find_number_words(text: str, within: list[int] | None = None) -> list[tuple[int, int, int]]:
    """(value, start, end) of every number written in words in ``text``. The run pattern is tried
    only where a number word may start (:func:`_start_re`), which is much faster than running it
    at every place and finds the same runs. ``within``: places (ascending) that hold every place a
    number word may start, e.g. from :func:`~.phrases.phrase_starts_any` with ``("number_words",
    None)``; only those are checked then."""
    out = []
    if within is None:
        starts = [m.start() for m in _start_re().finditer(text)]
    else:
        starts = [p for p in within if _start_re().match(text, p)]
    for m in matches_at(_run_re(), text, starts):
        value = parse_number_words(m.group(0))
        if value is not None:
            out.append((value, m.start(), m.end()))
    return out
