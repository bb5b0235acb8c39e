"""Find a paper's sections from its headings (lexicon/<lang>/sections.toml).

A heading is a line that, without its numbering ("I.", "2.", "3.1", "A.") and a trailing colon,
is one of the lexicon's phrases, printed in upper or title case ("METODE PENELITIAN",
"Hasil dan Pembahasan"). Abstract and keyword headings may also open a line of text
("Kata kunci: ..."). A section runs from its heading to the next heading.

Canonical names: front (before the first heading), abstract, abstract_en (the English abstract
of a paper that also has an Indonesian one), keywords, introduction, methods, results,
discussion, conclusion, references, acknowledgements, other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Sequence

from evidencekit.extract.lexicon import LANGUAGES, load
from evidencekit.model import Section

#: Numbering in front of a heading: roman (I., IV), arabic (2., 3.1, 4)), or a capital letter (A.).
NUMBERING = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[A-H])[.)]?\s+")
#: What may close a heading: colon, period, dash.
HEADING_END = re.compile(r"[\s:.\-]+$")
#: An inline heading: the phrase, then ":" or a dash, then text.
INLINE_SEPARATOR = re.compile(r"^\s*[:\-]\s*\S")
#: Words that stay lower case in a title-case heading.
SMALL_WORDS = frozenset({"dan", "and", "of", "the", "atau", "or", "in", "di", "untuk", "for",
                         "dengan", "with", "pada", "on"})
#: Longest line that can be a heading on its own.
MAX_HEADING_CHARS = 60
#: A front matter paragraph this long (words) with no heading of its own is taken as the abstract.
MIN_ABSTRACT_WORDS = 80
#: Sections that end at their paragraph's end; the section before them resumes afterwards.
SHORT_SECTIONS = frozenset({"keywords"})


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading recognised in one line of text."""

    name: str        # canonical section name
    language: str    # lexicon language of the phrase
    inline: bool     # text follows the heading on its line


@cache
def heading_table() -> tuple[dict[str, Heading], dict[str, Heading]]:
    """phrase -> Heading for whole-line headings, and for inline ones (abstract, keywords)."""
    whole: dict[str, Heading] = {}
    inline: dict[str, Heading] = {}
    for lang in LANGUAGES:
        for name, entry in load(lang, "sections").items():
            for phrase in entry.get("phrases", ()):
                key = " ".join(phrase.lower().split())
                whole.setdefault(key, Heading(name, lang, False))
                if entry.get("inline"):
                    inline.setdefault(key, Heading(name, lang, True))
    return whole, inline


def _cased_as_heading(words: Sequence[str]) -> bool:
    letters = "".join(words)
    if letters.upper() == letters:
        return True
    return all(w[:1].isupper() or w.lower() in SMALL_WORDS for w in words if w[:1].isalpha())


@lru_cache(maxsize=8192)
def match_heading(line: str) -> Heading | None:
    """The heading a line is, or None. ``inline`` tells whether text follows on the line."""
    text = line.strip()
    if not text or len(text) > 400:
        return None
    body = NUMBERING.sub("", text, count=1) if NUMBERING.match(text) else text
    whole, inline = heading_table()
    first_words, inline_phrases = heading_prefixes()
    lowered = body.lower()
    # one startswith over all phrases (in C) turns most lines away before any other work
    if len(body) <= MAX_HEADING_CHARS and lowered.startswith(first_words):
        bare = HEADING_END.sub("", body)
        words = bare.split()
        key = " ".join(words).lower()
        found = whole.get(key)
        if found and (_cased_as_heading(words) or (key in inline and bare[:1].isupper())):
            return found
    # "Kata kunci: ..." is often in sentence case
    if not body[:1].isupper() or not lowered.startswith(inline_phrases):
        return None
    for phrase, heading in inline.items():
        if lowered.startswith(phrase) and INLINE_SEPARATOR.match(body[len(phrase):]):
            return heading
    return None


@cache
def heading_prefixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a heading line starts with, for one ``str.startswith`` test each: the first word
    of every whole-line phrase, and every inline phrase."""
    whole, inline = heading_table()
    return tuple(dict.fromkeys(phrase.split(" ")[0] for phrase in whole)), tuple(inline)


def find_sections(text: str, skip: Sequence[tuple[int, int]] = ()) -> tuple[Section, ...]:
    """Sections of a normalised text. ``skip`` holds [start, end) ranges (tables) never read
    as headings."""
    found: list[tuple[int, int, Heading, str]] = []   # (line start, line end, heading, printed)
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if any(a <= start < b for a, b in skip):
            continue
        heading = match_heading(line)
        if heading is not None:
            printed = line.strip() if not heading.inline else line.strip()[:MAX_HEADING_CHARS]
            found.append((start, end, heading, printed))
    sections = _ranges(text, found)
    sections = _name_english_abstract(sections, found)
    if not any(s.name == "abstract" for s in sections):
        sections = _abstract_from_front(text, sections)
    return tuple(sections)


def _ranges(text: str, found: list[tuple[int, int, Heading, str]]) -> list[Section]:
    out: list[Section] = []
    first = found[0][0] if found else len(text)
    if text[:first].strip():
        out.append(Section("front", "", 0, first))
    for k, (start, _, heading, printed) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else len(text)
        if heading.name in SHORT_SECTIONS:
            para_end = text.find("\n\n", start)
            if 0 <= para_end < end:
                out.append(Section(heading.name, printed, start, para_end))
                if text[para_end:end].strip() and out[:-1]:
                    resumed = [s for s in out[:-1] if s.name not in SHORT_SECTIONS]
                    name = resumed[-1].name if resumed else "front"
                    out.append(Section(name, "", para_end, end))
                continue
        if out and out[-1].name == heading.name and out[-1].end == start and heading.name != "abstract":
            out[-1] = Section(heading.name, out[-1].heading, out[-1].start, end)  # "Hasil" under "HASIL DAN PEMBAHASAN"
        else:
            out.append(Section(heading.name, printed, start, end))
    return out


def _name_english_abstract(sections: list[Section], found) -> list[Section]:
    """With both an Indonesian and an English abstract heading, the English one is abstract_en
    (and so is its text resumed after an English keywords line)."""
    langs = {h.language for _, _, h, _ in found if h.name == "abstract"}
    if not {"id", "en"} <= langs:
        return sections
    english = {start for start, _, h, _ in found if h.name == "abstract" and h.language == "en"}
    out: list[Section] = []
    for s in sections:
        before = [x for x in out if x.name not in SHORT_SECTIONS]
        resumed = not s.heading and before and before[-1].name == "abstract_en"
        if s.name == "abstract" and (s.start in english or resumed):
            s = Section("abstract_en", s.heading, s.start, s.end)
        out.append(s)
    return out


def _abstract_from_front(text: str, sections: list[Section]) -> list[Section]:
    """No abstract heading: the longest paragraph of the front matter (if long enough) is it."""
    front = next((s for s in sections if s.name == "front"), None)
    if front is None:
        return sections
    best: tuple[int, int, int] | None = None        # (words, start, end)
    for m in re.finditer(r"(?:[^\n]+\n?)+", text[front.start:front.end]):
        words = len(m.group().split())
        if words >= MIN_ABSTRACT_WORDS and (best is None or words > best[0]):
            best = (words, front.start + m.start(), front.start + m.end())
    if best is None:
        return sections
    _, start, end = best
    out: list[Section] = []
    for s in sections:
        if s is front:
            if start > s.start and text[s.start:start].strip():
                out.append(Section("front", "", s.start, start))
            out.append(Section("abstract", "", start, end))
            if end < s.end and text[end:s.end].strip():
                out.append(Section("front", "", end, s.end))
        else:
            out.append(s)
    return out
