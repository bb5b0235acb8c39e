"""Title, authors, year, journal and DOI from a paper's front matter.

Front matter is the text before the abstract (or the first section). Lines that are page
furniture (ISSN, DOI, "Vol", e-mail, "Research article" — lexicon ``bibliography``) are skipped;
the title is the first substantial line left, the authors the name list after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from evidencekit.extract import lexicon
from evidencekit.extract.fields.phrases import find_hits, opening_alternation, word_alternation

#: A DOI (Crossref's pattern, trailing punctuation trimmed later).
DOI_RE = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+", re.IGNORECASE)


@cache
def journal_re() -> re.Pattern[str]:
    """A journal line: "Jurnal Ilmu Keperawatan Maternitas, Vol 5 No 1, May 2022",
    "GLOBAL HEALTH SCIENCE, Volume 7 Number 3, September 2022"; "Name, 2024, Vol. 2, Issue 1"
    and "Name, 2022, 9(3), 112–113" too. The volume mark (lexicon ``volume``) is capitalised there."""
    volume = "|".join(re.escape(p[:1].upper() + p[1:]) for p in lexicon.phrases("bibliography").get("volume", ()))
    return re.compile(
        r"^[ \t]*(?P<journal>[A-Za-z][A-Za-z &.'-]{4,80}?)[ \t]*,[ \t]*(?:(?:19|20)\d\d[ \t]*,[ \t]*)?"
        rf"(?:(?:{volume or '(?!)'})[ \t]*\d+|\d+[ \t]*\(\d+\))(?P<rest>[^\n]*)", re.MULTILINE)


@cache
def volume_re() -> re.Pattern[str]:
    """A volume or issue mark before its number (lexicon ``volume``, ``issue``): furniture, not a title."""
    marks = f"{word_alternation('bibliography', 'volume')}|{word_alternation('bibliography', 'issue')}"
    return re.compile(rf"\b(?:{marks})\s*\d", re.IGNORECASE)


#: A plausible publication/study year.
YEAR_RE = re.compile(r"(?<![\d.,/])(?P<year>(?:19[5-9]|20[0-4])\d)(?![\d.,]\d)")


@cache
def quoted_title_re() -> re.Pattern[str]:
    """A quoted title in the text: 'penelitian dengan judul "…"' (lexicon ``quoted_title``). Only
    the paper's own study ("melakukan penelitian dengan judul"), not a cited one ("(Pratama, 2023)
    yang berjudul …"). It opens with a case-sensitive class of every case of the phrases' first
    letters (:func:`~.phrases.opening_alternation`), so the engine skips straight to them."""
    opening = opening_alternation(lexicon.phrases("bibliography").get("quoted_title", ()))
    return re.compile(opening + r"\s*[\"'](?P<title>[^\"']{15,300})[\"']", re.IGNORECASE)


#: A name: two or more capitalised words, initials allowed ("Pinem Herlida Lina", "A Fransisca").
NAME_RE = re.compile(r"^(?:[A-Z][A-Za-z'.-]*\s*){1,6}$")


@dataclass(frozen=True, slots=True)
class Found:
    """A value and its offsets in the document."""

    value: object
    start: int
    end: int


def _lines(text: str, offset: int) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((offset + pos, line))
        pos += len(line) + 1
    return out


def _is_furniture(line: str) -> bool:
    symbols = [p for p in lexicon.phrases("bibliography").get("furniture", ()) if not p[:1].isalnum()]
    return (bool(find_hits("bibliography", line, keys=("furniture",))) or any(p in line for p in symbols)
            or bool(volume_re().search(line)) or bool(journal_re().match(line))
            or not re.search(r"[A-Za-z]{3}", line))


def find_doi(text: str, offset: int = 0) -> Found | None:
    """The first DOI in ``text`` without trailing punctuation, or None."""
    m = DOI_RE.search(text)
    if not m:
        return None
    doi = m.group(0).rstrip(".,;)")
    return Found(doi, m.start() + offset, m.start() + len(doi) + offset)


def find_journal(text: str, offset: int = 0) -> tuple[Found, Found | None] | None:
    """(journal, year on the journal line) from a running head or citation line."""
    m = journal_re().search(text)
    if not m:
        return None
    name = re.sub(r"\s+", " ", m.group("journal")).strip()
    if name.isupper():
        name = name.title()
    y = YEAR_RE.search(m.group(0))
    year = Found(int(y.group("year")), m.start() + y.start() + offset, m.start() + y.end() + offset) if y else None
    return Found(name, m.start("journal") + offset, m.end("journal") + offset), year


def find_title(front: str, offset: int = 0) -> Found | None:
    """The first substantial line(s) of the front matter that are not furniture or names."""
    block: list[tuple[int, str]] = []
    for start, line in _lines(front, offset):
        text = line.strip()
        if block and (not text or _is_furniture(text) or _looks_like_authors(text)):
            break
        if not text or _is_furniture(text) or _looks_like_authors(text) or len(text.split()) < 3:
            continue
        block.append((start + line.index(text), text))
    if not block:
        return None
    title = " ".join(t for _, t in block)
    return Found(title, block[0][0], block[-1][0] + len(block[-1][1]))


def find_quoted_title(text: str, offset: int = 0) -> Found | None:
    """The paper's own title when the text quotes it ("penelitian dengan judul \"…\""), or None."""
    m = quoted_title_re().search(text)
    if not m:
        return None
    return Found(re.sub(r"\s+", " ", m.group("title")).strip(), m.start("title") + offset, m.end("title") + offset)


def _strip_numbering(text: str) -> str:
    return re.sub(r"^\s*(?:\d+[.)]|[-*•])\s*", "", text)


def _names(line: str) -> list[str]:
    pieces = [p for p in re.split(r"(?:^|\s)\d{1,2}\.\s", line) if p.strip()]
    if len(pieces) > 1:             # "1. A, Prodi …, Univ … 2. B, Prodi …": one author per number
        return [n for piece in pieces for n in _names(piece)[:1]]
    line = _strip_numbering(line)
    hits = find_hits("bibliography", line, keys=("affiliation",))
    if hits:
        line = line[:hits[0].start]
    parts = [re.sub(r"[\d*†‡§¹²³⁴⁵⁶⁷⁸⁹]+$", "", p).strip() for p in _name_separator().split(line)]
    return join_initials([p for p in parts if p])


@cache
def _name_separator() -> re.Pattern[str]:
    """Between two names of an author list: a comma, ";", "&" or an ``author_and`` word."""
    return re.compile(rf",|;|\s+&\s+|\s+(?:{word_alternation('bibliography', 'author_and')})\s+")


#: Initials standing alone after a comma: "Sari, D." is one author, not two.
INITIALS = re.compile(r"^(?:[A-Z]\.\s*){1,3}$")


def join_initials(parts: list[str]) -> list[str]:
    """["Sari", "D.", "Pratiwi", "A."] -> ["Sari, D.", "Pratiwi, A."]."""
    out: list[str] = []
    for part in parts:
        if out and INITIALS.match(part):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


def _looks_like_authors(line: str) -> bool:
    """A list of names: capitalised words of at most five per name, separated by commas, "&" or
    numbering, or one name before an affiliation. A title-cased title split at "dan" is not one."""
    names = _names(line)
    listed = bool(re.search(r"[,;&]|(?:^|\s)\d{1,2}\.\s", line))
    return (bool(names) and all(NAME_RE.match(n) and len(n.split()) <= 5 for n in names)
            and (listed and len(names) >= 2 or bool(find_hits("bibliography", line, keys=("affiliation",)))))


def find_authors(front: str, after: int = 0, offset: int = 0) -> Found | None:
    """Names on the lines after the title (``after``: front-relative end of the title)."""
    authors: list[str] = []
    first = last = None
    for start, line in _lines(front[after:], offset + after):
        text = line.strip()
        if not text:
            if authors:
                break
            continue
        if not _looks_like_authors(text):
            if authors:
                break
            continue
        authors.extend(_names(text))
        first = start if first is None else first
        last = start + len(line)
    if not authors:
        return None
    return Found(tuple(dict.fromkeys(authors)), first, last)


def find_years(text: str, offset: int = 0) -> list[Found]:
    """Every plausible year printed in ``text``."""
    return [Found(int(m.group("year")), m.start() + offset, m.end() + offset) for m in YEAR_RE.finditer(text)]
