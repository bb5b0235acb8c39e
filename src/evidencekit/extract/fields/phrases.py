"""Lexicon phrases compiled to tolerant patterns, and the text units they are matched in.

A phrase's words may be printed joined, spaced or hyphenated ("pre test-post test" matches
"pretest posttest", "pre-test post-test" and "pre test - post test"), across line breaks, in any
case. Narrow table cells break words without a hyphen ("Experimenta|l"); :func:`squashed_keys`
matches those by comparing the text with every space and hyphen removed.

Speed: a phrase is only tried where one may start — a word edge followed by the first
:data:`PREFIX_LETTERS` letters of some phrase, found by one scan with a trie-shaped pattern
(:func:`phrase_starts`). A text read with several lexicons is scanned once for all of them
(:func:`phrase_starts_any`), and each reader gets those places as ``within`` and checks only
there; the tests in ``tests/extract/test_*_fast_paths.py`` compare every fast path with the plain
pattern it stands for.

Small words around a value ("orang", "per group", "dan jika", "sebesar") are lexicon data too:
:func:`word_alternation` and :func:`word_set` give a key's phrases for a pattern the caller
writes around them, and :func:`opening_alternation` builds a fast opening (a class of the first
letters in every case) from the phrases themselves, so a phrase added to a lexicon is never
missed by a fast path.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Iterator

from evidencekit.extract import lexicon

#: What may stand between two words of a phrase: nothing, spaces/newlines, or a hyphen/dash.
JOINER = r"[\s\-\u2010-\u2015]*"
#: A phrase starts and ends on a word boundary (letters and digits are word characters).
LEFT_EDGE = r"(?<![^\W_])"
RIGHT_EDGE = r"(?![^\W_])"
#: Squashed matching needs this many letters, so short phrases ("rct", "if") never match inside words.
MIN_SQUASHED = 8


@dataclass(frozen=True, slots=True)
class Hit:
    """One lexicon phrase found in a text: its key (a vocabulary value) and where."""

    key: str
    start: int
    end: int
    text: str


def phrase_pattern(phrase: str) -> str:
    """A regex for ``phrase`` whose words may be joined, spaced or hyphenated."""
    words = [w for w in re.split(r"[\s\-\u2010-\u2015]+", phrase.strip()) if w]
    return LEFT_EDGE + JOINER.join(re.escape(w) for w in words) + RIGHT_EDGE


@cache
def compiled(name: str, keys: tuple[str, ...] | None = None) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    """One pattern for lexicon ``name`` (across languages; only ``keys`` when given): an
    alternation of every phrase, longest first, each in a group whose index gives its key
    (``keys[i]`` for group ``i + 1``). One pass over the text finds them all; at each place the
    longest phrase wins."""
    entries = [(phrase, key) for key, phrases in lexicon.phrases(name).items() for phrase in phrases
               if keys is None or key in keys]
    if not entries:
        return None
    entries.sort(key=lambda e: (-len(e[0]), e[0]))
    keys = tuple(key for _, key in entries)
    # one left word edge for all (positions inside a word fail at once); group i+1 is phrase i
    alternation = "|".join(f"({phrase_pattern(phrase).removeprefix(LEFT_EDGE)})" for phrase, _ in entries)
    return re.compile(f"{LEFT_EDGE}(?:{alternation})", re.IGNORECASE), keys


@cache
def word_alternation(name: str, key: str, joiner: str = r"\s+") -> str:
    """The phrases of ``key`` in lexicon ``name`` (every language, longest first) as a regex
    alternation with no edges: each word escaped, the words joined by ``joiner``. The caller adds
    the edges and the case rule the place needs. A key without phrases gives ``(?!)``, which never
    matches (an empty alternation would match everywhere)."""
    phrases = lexicon.phrases(name).get(key, ())
    return "|".join(joiner.join(map(re.escape, p.split())) for p in phrases) or "(?!)"


@cache
def word_set(name: str, key: str) -> frozenset[str]:
    """The phrases of ``key`` in lexicon ``name`` (every language, lower-cased) as a set."""
    return frozenset(lexicon.phrases(name).get(key, ()))


@cache
def case_variants(letters: str) -> str:
    """Every character that ``re.IGNORECASE`` takes for one of ``letters`` ("s" -> "Ssſ"), sorted:
    a case-sensitive class of them finds what the ignore-case letters find, and lets the engine
    skip straight to those characters."""
    # case pairs never leave their plane: the basic plane holds every variant of its letters
    top = 0x10000 if all(ord(ch) < 0x10000 for ch in letters) else 0x110000
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, top)))
    return "".join(sorted(set(re.findall(f"[{re.escape(letters)}]", every, re.IGNORECASE))))


def opening_alternation(phrases: tuple[str, ...], joiner: str = r"\s+") -> str:
    """``phrases`` as an alternation (for an IGNORECASE pattern) that opens with a case-sensitive
    class of every character IGNORECASE takes for their first letters (:func:`case_variants`), so
    the engine skips straight to those characters; each phrase then goes on from its own first
    letter (looked behind). Built from the phrases, so a phrase added to the lexicon is found by
    the fast opening too. No phrases give ``(?!)``, which never matches."""
    if not phrases:
        return "(?!)"
    branches = []
    for phrase in phrases:
        first, *rest = phrase.split()
        tail = joiner.join([re.escape(first[1:]), *map(re.escape, rest)])
        branches.append(f"(?<=[{re.escape(case_variants(first[0]))}]){tail}")
    firsts = case_variants("".join(sorted({p.split()[0][0] for p in phrases})))
    return f"(?-i:[{re.escape(firsts)}])(?:{'|'.join(branches)})"


def find_hits(name: str, text: str, offset: int = 0, keys: tuple[str, ...] | None = None,
              within: list[int] | None = None) -> list[Hit]:
    """Every phrase of lexicon ``name`` in ``text``, in text order, the longest where they overlap.

    Offsets are shifted by ``offset`` so they index the document when ``text`` is a slice of it.
    ``keys`` keeps only phrases of those keys. ``within`` (see :func:`phrase_starts`) saves the
    scan for where phrases may start when the caller has scanned for more keys already.
    """
    built = _dispatch(name, tuple(keys) if keys is not None else None)
    if built is None:
        return []
    candidates, by_char = built
    hits: list[Hit] = []
    last_end = -1
    # the same matches as compiled(...).finditer(text): only places where a phrase can start are
    # tried, each with the phrases whose first letter fits (the big alternation is slow in re)
    for p in _starts(candidates, text, within):
        if p < last_end:
            continue
        pattern, phrase_keys = by_char(text[p])
        m = pattern.match(text, p)
        if m:
            hits.append(Hit(phrase_keys[m.lastindex - 1], offset + m.start(), offset + m.end(), m.group(0)))
            last_end = m.end()
    return hits


#: Letters of a phrase's start that the place filter of :func:`find_hits` checks before a phrase is tried.
PREFIX_LETTERS = 4
#: The joiner's place in a phrase start (a character no phrase contains).
_JOIN = "\0"


def _words(phrase: str) -> list[str]:
    return [w for w in re.split(r"[\s\-\u2010-\u2015]+", phrase.strip()) if w]


def _start_of(phrase: str) -> str:
    """The first :data:`PREFIX_LETTERS` letters of ``phrase``, with :data:`_JOIN` between words."""
    out, letters = [], 0
    for word in _words(phrase):
        if out:
            out.append(_JOIN)
        out.append(word[:PREFIX_LETTERS - letters])
        letters += len(out[-1])
        if letters >= PREFIX_LETTERS:
            break
    return "".join(out)


def trie_pattern(starts: set[str]) -> str:
    """A regex matching any of ``starts`` (a start that is a prefix of another covers it), written
    as a trie so the engine follows one branch per letter instead of trying every start."""
    tree: dict = {}
    for start in sorted(starts, key=len):
        node = tree
        for ch in start:
            if node.get("") is True:
                break                                  # a shorter start already covers this one
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = True

    def render(node: dict) -> str:
        if node.get("") is True:
            return ""
        branches = [(JOINER if ch == _JOIN else re.escape(ch)) + render(child) for ch, child in node.items()]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return render(tree)


@cache
def _dispatch(name: str, keys: tuple[str, ...] | None):
    """For lexicon ``name``: a pattern of the places a phrase can start (word edge, then the first
    :data:`PREFIX_LETTERS` letters of some phrase, words joined as :data:`JOINER` allows), and a
    cached function char -> (pattern, keys) of the phrases whose first letter matches that char
    (same order as :func:`compiled`, so the same one wins)."""
    entries = [(phrase, key) for key, phrases in lexicon.phrases(name).items() for phrase in phrases
               if keys is None or key in keys]
    if not entries:
        return None
    entries.sort(key=lambda e: (-len(e[0]), e[0]))
    first_chars = [_words(phrase)[0][0] for phrase, _ in entries]
    candidates = re.compile(f"{LEFT_EDGE}(?={trie_pattern({_start_of(phrase) for phrase, _ in entries})})",
                            re.IGNORECASE)

    @cache
    def by_char(ch: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
        mine = [(phrase, key) for (phrase, key), first in zip(entries, first_chars)
                if re.fullmatch(re.escape(first), ch, re.IGNORECASE)]
        if not mine:                                   # cannot happen for a candidate; stay exact anyway
            return compiled(name, keys)
        alternation = "|".join(f"({phrase_pattern(phrase).removeprefix(LEFT_EDGE)})" for phrase, _ in mine)
        return re.compile(f"{LEFT_EDGE}(?:{alternation})", re.IGNORECASE), tuple(key for _, key in mine)

    return candidates, by_char


def phrase_starts(name: str, text: str, keys: tuple[str, ...] | None = None,
                  within: list[int] | None = None) -> list[int]:
    """Places in ``text`` where a phrase of lexicon ``name`` (only ``keys`` when given) may start:
    every place one matches, and a few more (only a word edge and the first letters are checked).

    ``within``: places (ascending) known to hold all of them, e.g. this function's answer for more
    keys of the same lexicon; only those are checked, so one scan of a text serves several keys."""
    built = _dispatch(name, tuple(keys) if keys is not None else None)
    return [] if built is None else _starts(built[0], text, within)


#: Which phrases of which lexicon: (lexicon name, keys or None for all keys).
LexiconPart = tuple[str, tuple[str, ...] | None]


def phrase_starts_any(parts: tuple[LexiconPart, ...], text: str) -> list[int]:
    """Places in ``text`` where a phrase of any of ``parts`` may start: one scan whose answer,
    passed as ``within`` to :func:`find_hits` or :func:`phrase_starts`, serves each part (a text
    read with several lexicons is scanned once, not once per lexicon)."""
    pattern = _union_candidates(parts)
    return [] if pattern is None else [m.start() for m in pattern.finditer(text)]


@cache
def _union_candidates(parts: tuple[LexiconPart, ...]) -> re.Pattern[str] | None:
    starts = {_start_of(phrase) for name, keys in parts for key, phrases in lexicon.phrases(name).items()
              if keys is None or key in keys for phrase in phrases}
    return re.compile(f"{LEFT_EDGE}(?={trie_pattern(starts)})", re.IGNORECASE) if starts else None


def within_span(starts: list[int], start: int, end: int) -> list[int]:
    """The places of ``starts`` (ascending) in ``[start, end)``, shifted to index ``text[start:end]``."""
    return [p - start for p in starts[bisect_left(starts, start):bisect_left(starts, end)]]


def _starts(candidates: re.Pattern[str], text: str, within: list[int] | None) -> list[int]:
    """Where the zero-width pattern ``candidates`` matches: found by a scan, or checked at ``within``."""
    if within is None:
        return [m.start() for m in candidates.finditer(text)]
    return [p for p in within if candidates.match(text, p)]


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, for a pattern that never matches empty and can
    only match at one of ``starts`` (ascending): it is tried at those places only."""
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(text, start)):
            yield m
            end = m.end()


def squash(text: str) -> str:
    """Lower-case ``text`` with every space, hyphen and dash removed."""
    return re.sub(r"[\s\-\u2010-\u2015]+", "", text.lower())


@cache
def _squashed_phrases(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(key, its phrases squashed, those of at least :data:`MIN_SQUASHED` letters) of lexicon
    ``name``, in lexicon order (squashed once, not per call)."""
    return tuple((key, tuple(sp for sp in map(squash, phrases) if len(sp) >= MIN_SQUASHED))
                 for key, phrases in lexicon.phrases(name).items())


#: Letters of a squashed phrase that :func:`squashed_keys` looks for before comparing the phrase.
SQUASHED_PREFIX = 4


@cache
def _squashed_index(name: str) -> tuple[re.Pattern[str], dict[str, list[tuple[str, str]]]] | None:
    """For lexicon ``name``: a pattern of the places where a squashed phrase may start (one of
    their first :data:`SQUASHED_PREFIX` letters; each match takes one character, so the engine
    skips to those letters and no place is passed over), and first letters -> (key, phrase)."""
    by_prefix: dict[str, list[tuple[str, str]]] = {}
    for key, squashed in _squashed_phrases(name):
        for sp in squashed:
            by_prefix.setdefault(sp[:SQUASHED_PREFIX], []).append((key, sp))
    if not by_prefix:
        return None
    rests: dict[str, set[str]] = {}
    for prefix in by_prefix:
        rests.setdefault(prefix[0], set()).add(prefix[1:])
    branches = "|".join(re.escape(first) + f"(?={trie_pattern(rest)})" for first, rest in rests.items())
    return re.compile(f"(?:{branches})"), by_prefix


def squashed_keys(name: str, text: str) -> list[str]:
    """Keys of lexicon ``name`` whose (long enough) phrases occur in ``text`` once both are
    squashed, in order of first occurrence. For cells whose words were broken at the cell edge.

    Each key counts at the first place one of its phrases occurs (the longest there); phrases are
    compared only where their first letters stand (:func:`_squashed_index`)."""
    flat = squash(text)
    index = _squashed_index(name)
    if index is None:
        return []
    pattern, by_prefix = index
    best: dict[str, tuple[int, int]] = {}          # key -> (first place, -length)
    for m in pattern.finditer(flat):
        i = m.start()
        for key, sp in by_prefix.get(flat[i:i + SQUASHED_PREFIX], ()):
            if flat.startswith(sp, i) and (key not in best or (i, -len(sp)) < best[key]):
                best[key] = (i, -len(sp))
    firsts = sorted((i, neg_len, key) for key, (i, neg_len) in best.items())
    out: list[str] = []
    end = -1
    for i, neg_len, key in firsts:
        if i >= end and key not in out:     # a shorter phrase inside a longer one is not a second hit
            out.append(key)
            end = i - neg_len
    return out


#: A sentence ends at . ! ? followed by space and a capital/bracket; a dot between digits
#: ("0.05") or after a single initial does not end it. Blank lines do not end one: text read
#: from narrow columns puts a blank line between every printed line. The white space between
#: two sentences is the group ``gap``; the match opens with the stop itself (not a look-behind for
#: it), so the engine jumps from one . ! ? to the next instead of trying every character.
_SENTENCE_END = re.compile(r"[.!?](?<!\b[A-Za-z]\.)(?P<gap>\s+)(?=[A-Z(\"'\[])")


@cache
def _clause_end() -> re.Pattern[str]:
    """Clauses split at a comma or semicolon followed by a space ("0,05" has none), and before
    "dan jika" / "and if" style joins (lexicon ``connectives``: ``clause_join`` then ``clause_if``)."""
    join, if_ = word_alternation("connectives", "clause_join"), word_alternation("connectives", "clause_if")
    return re.compile(rf"[,;]\s+|\s+(?=(?:{join})\s+(?:{if_})\b)")


def sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, shifted by ``offset``."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[start:m.start("gap")].strip():
            spans.append((offset + start, offset + m.start("gap")))
        start = m.end("gap")
    if text[start:].strip():
        spans.append((offset + start, offset + len(text.rstrip())))
    return spans


def clauses(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each clause of one sentence."""
    spans, start = [], 0
    for m in _clause_end().finditer(text):
        spans.append((offset + start, offset + m.start()))
        start = m.end()
    spans.append((offset + start, offset + len(text)))
    return [s for s in spans if s[1] > s[0]]


def enclosing(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The span of ``spans`` that holds ``pos``."""
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return None


def is_hedged(text: str) -> bool:
    """Whether a clause is a condition or an example ("jika data normal …", "such as …")."""
    return bool(find_hits("hedges", text))
