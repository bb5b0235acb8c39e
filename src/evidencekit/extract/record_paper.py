"""The paper a record is built from: its places (title, abstract, methods …), what several field
readers need per place, computed once (sentences, where lexicon phrases may start), and spans cited
in the document. One :class:`Paper` lives only while one record is built."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from evidencekit.extract.fields.phrases import LexiconPart, phrase_starts_any, sentences, within_span
from evidencekit.extract.fields.places import Place, place_at, places
from evidencekit.extract.fields.sample_size import LEXICONS as SAMPLE_LEXICONS
from evidencekit.model import Document, Span

#: The lexicons the trusted places are read with (design, family, sample-size cues and numbers in
#: words, sampling, tests, α): one scan of a place finds where any of their phrases may start.
PLACE_LEXICONS: tuple[LexiconPart, ...] = (("designs", None), ("design_families", None), *SAMPLE_LEXICONS,
                                           ("sampling", None), ("tests", None), ("alpha", None))


@dataclass(frozen=True, slots=True)
class Found:
    """One value of a field stated at one place."""

    value: Any
    span: Span
    rank: int
    order: tuple = ()


class Paper:
    """The document with its places, and helpers to cite spans of it. It also keeps, per place,
    what several field readers need (its sentences, where lexicon phrases may start), so each is
    computed once per document; it lives only while one record is built."""

    def __init__(self, document: Document):
        self.document = document
        self.text = document.text
        self.places = places(document)
        self._sentences: dict[Place, list[tuple[int, int]]] = {}
        self._starts: dict[Place, list[int]] = {}

    def sentences(self, place: Place) -> list[tuple[int, int]]:
        """(start, end) in the document of each sentence of ``place``."""
        if place not in self._sentences:
            self._sentences[place] = sentences(self.slice(place), place.start)
        return self._sentences[place]

    def starts(self, place: Place) -> list[int]:
        """Where a phrase of :data:`PLACE_LEXICONS` may start in ``place`` (offsets in its text):
        one scan of the place serves the design, sample-size, sampling, test and α readers."""
        if place not in self._starts:
            self._starts[place] = phrase_starts_any(PLACE_LEXICONS, self.slice(place))
        return self._starts[place]

    def starts_in(self, place: Place, start: int, end: int) -> list[int]:
        """:meth:`starts` within the document range ``[start, end)`` of ``place``, as offsets in
        ``text[start:end]``."""
        return within_span(self.starts(place), start - place.start, end - place.start)

    def span(self, start: int, end: int) -> Span:
        place = place_at(self.places, start)
        section = self.document.section_at(start) if self.document.sections else (place.name if place else None)
        return Span(section, self.document.page_at(start), start, end, self.text[start:end])

    def ranked(self) -> list[Place]:
        """Places trusted for methods facts, most trusted first (ties in text order)."""
        return sorted((p for p in self.places if p.rank is not None), key=lambda p: (p.rank, p.start))

    def named(self, *names: str) -> list[Place]:
        return [p for p in self.places if p.name in names]

    def slice(self, place: Place) -> str:
        return self.text[place.start:place.end]


def best(found: list[Found]) -> Found | None:
    """The value stated in the most trusted place (first there)."""
    return min(found, key=lambda f: (f.rank, f.order)) if found else None


def first_in(paper: Paper, names: tuple[str, ...], finder) -> tuple[str, int, int] | None:
    """The first thing ``finder`` finds in the places named ``names``, tried in that order."""
    for name in names:
        for place in paper.named(name):
            found = finder(paper.slice(place), place.start)
            if found:
                return found
    return None
