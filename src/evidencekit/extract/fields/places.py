"""Where in a paper a field is stated, and how much that place is trusted.

A record takes, for each field, the value stated in the most trusted place: the methods say what
was done, the results report it, the abstract summarises it (and abstracts are where copy-paste
slips from other papers survive). The introduction and discussion mostly describe *other*
studies, so design, sampling and tests found there are not this paper's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidencekit.extract import lexicon
from evidencekit.extract.fields.phrases import phrase_pattern
from evidencekit.model import Document, Section

#: Trust by canonical section name: lower is better. Sections not listed are not read for
#: methods facts (design, sampling, n, tests). "front" is text before the first heading — in
#: papers without an "Abstract" heading it holds the abstract.
RANK: dict[str, int] = {
    "methods": 0,
    "results": 1,
    "abstract": 2,
    "abstract_en": 2,
    "front": 2,
    "title": 2,
    "conclusion": 3,
}
#: Sections read for the intervention/outcome aim statement and the setting.
AIM_SECTIONS = ("title", "front", "abstract", "abstract_en", "introduction", "methods")


@dataclass(frozen=True, slots=True)
class Place:
    """A section of the document: canonical name, trust rank (None: not trusted) and text range."""

    name: str
    start: int
    end: int

    @property
    def rank(self) -> int | None:
        return RANK.get(self.name)


def places(document: Document) -> list[Place]:
    """The document's sections as places; when the reader gave none, headings found by
    :func:`guess_sections` (plain text without section markers)."""
    sections = document.sections or guess_sections(document.text)
    if not sections:
        return [Place("front", 0, len(document.text))]
    out = [Place(s.name, s.start, s.end) for s in sections]
    first = min(p.start for p in out)
    if first > 0 and document.text[:first].strip():
        out.insert(0, Place("front", 0, first))
    return sorted(out, key=lambda p: p.start)


def _heading_pattern() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for lang in lexicon.LANGUAGES:
        for key, entry in lexicon.load(lang, "record_headings").items():
            alternatives = "|".join(phrase_pattern(p) for p in entry.get("phrases", ()))
            # a whole line: optional numbering ("II.", "3.", "A."), the heading, optional ":"
            out.append((key, re.compile(
                rf"^[ \t]*(?:[IVX]{{1,4}}\.|\d{{1,2}}\.|[A-H]\.)?[ \t]*(?:{alternatives})[ \t]*:?[ \t]*$",
                re.IGNORECASE | re.MULTILINE)))
    return out


def guess_sections(text: str) -> list[Section]:
    """Sections from heading lines ("METODE", "II. METODE", "Results"); each runs to the next.

    Only a fallback for documents read without sections; the reader's sections win.
    """
    heads: list[tuple[int, int, str]] = []
    for key, pattern in _heading_pattern():
        for m in pattern.finditer(text):
            heads.append((m.start(), m.end(), key))
    heads.sort()
    sections: list[Section] = []
    for i, (start, end, key) in enumerate(heads):
        if sections and sections[-1].start == start:
            continue
        stop = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        sections.append(Section(key, text[start:end].strip(), start, stop))
    return sections


def place_at(places_: list[Place], offset: int) -> Place | None:
    """The place holding ``offset``."""
    found = None
    for p in places_:
        if p.start <= offset < p.end:
            found = p
    return found
