"""How many items the paper's instrument has ("kuesioner 10 item", "a 20-item questionnaire",
"kuesioner yang terdiri dari 15 pertanyaan"), and whether a summary is a mean per item.

GRIM (Brown & Heathers 2017) and :class:`Descriptive.items`: a mean of n people's *mean item
scores* over k integer items has granularity 1/(n·k); a mean of *summed total scores* is a
mean of n whole numbers, granularity 1/n, whatever k is. So ``Descriptive.items`` is filled only
where the paper says its summary is per item ("skor rata-rata per item", "mean item score");
for a total score the item count is only part of the premise a message states.

Phrases are lexicon data (``lexicon/{id,en}/scale_items.toml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from evidencekit.extract.lexicon import phrases
from evidencekit.extract.patterns import phrase_alternation
from evidencekit.model import Document, Span

#: Sections where a paper describes its own instrument (an introduction cites others' scales).
OWN_SECTIONS = frozenset({"methods", "abstract", "abstract_en"})
#: The item counts we believe: a one-item "scale" says nothing, hundreds are not items.
MIN_ITEMS, MAX_ITEMS = 2, 200


@dataclass(frozen=True, slots=True)
class ScaleItems:
    """One statement of an instrument's item count, with where it is printed."""

    items: int
    span: Span


def _alt(key: str) -> str:
    return phrase_alternation(phrases("scale_items").get(key, ()))


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    instrument, item, joiner = _alt("instrument"), _alt("item"), _alt("joiner")
    count = r"(?P<k>\d{1,3})"
    return (
        # "a 20-item questionnaire", "the 12 item self-report scale"
        re.compile(rf"(?i)(?<![\d.,]){count}[\s-]?(?:{item})\s+(?:[a-z-]+\s+){{0,2}}?(?:{instrument})\b"),
        # "kuesioner 10 item", "kuesioner khusus yang terdiri dari 16 item", "a questionnaire
        # of 15 questions": the instrument, a few words (no number, no sentence end), the count
        re.compile(rf"(?i)\b(?:{instrument})\b[^.\d;]{{0,60}}?(?:(?:{joiner})\s+)?(?<![\d.,]){count}"
                   rf"\s+(?:{item})\b"),
    )


def find_scale_items(document: Document) -> list[ScaleItems]:
    """Every item count the paper gives its own instrument (methods and abstracts; the whole
    text when the reader found no sections)."""
    text = document.text
    regions = [(s.start, s.end) for s in document.sections if s.name in OWN_SECTIONS]
    if not document.sections:
        regions = [(0, len(text))]
    found = []
    for start, end in regions:
        for rx in _patterns():
            for m in rx.finditer(text, start, end):
                k = int(m.group("k"))
                if MIN_ITEMS <= k <= MAX_ITEMS:
                    found.append(ScaleItems(k, document.span(m.start(), m.end())))
    return sorted(found, key=lambda s: s.span.start)


def scale_items(document: Document | None) -> int | None:
    """The item count of the paper's instrument when the paper gives exactly one (two scales
    with different counts cannot be told apart here: None)."""
    if document is None:
        return None
    counts = {s.items for s in find_scale_items(document)}
    return counts.pop() if len(counts) == 1 else None


@cache
def _per_item_re() -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<![a-z])(?:{_alt('per_item')})(?![a-z])")


def says_per_item(text: str | None) -> bool:
    """True when a label, caption or sentence says its summary is a mean per item."""
    return bool(text) and bool(_per_item_re().search(text))


__all__ = ["ScaleItems", "find_scale_items", "says_per_item", "scale_items"]
