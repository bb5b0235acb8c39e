"""Which language a paper is written in: "id", "en", or both ("id+en"), from stopwords.

No models: the text is cut into chunks of about :data:`CHUNK_WORDS` words along line breaks;
each chunk votes for the language whose function words (lexicon/<lang>/stopwords.toml) it uses
clearly more. The main language has the most words; a second language joins ("id+en") when its
chunks hold at least :data:`MIN_SECOND_WORDS` words and :data:`MIN_SECOND_SHARE` of the text —
an English abstract in an Indonesian paper, typically.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Sequence

from evidencekit.extract.lexicon import LANGUAGES, load

WORD = re.compile(r"[^\W\d_]+")
#: An ASCII line's bytes with everything but letters made a space: split, they are the line's
#: WORD matches, found twice as fast as by the regex.
ASCII_LETTERS = bytes(b if chr(b).isascii() and chr(b).isalpha() else ord(" ") for b in range(256))
CHUNK_WORDS = 40
#: A chunk votes only when one language has this many times the other's stopword hits.
DOMINANCE = 2.0
MIN_HITS = 3
MIN_SECOND_WORDS = 60
MIN_SECOND_SHARE = 0.04


@cache
def stopwords() -> dict[str, str]:
    """stopword -> its language (words listed for two languages tell nothing and are left out)."""
    seen: dict[str, set[str]] = {}
    for lang in LANGUAGES:
        for word in load(lang, "stopwords").get("stopwords", {}).get("phrases", ()):
            seen.setdefault(word.lower(), set()).add(lang)
    return {word: next(iter(langs)) for word, langs in seen.items() if len(langs) == 1}


def chunk_vote(words: Sequence[str]) -> str | None:
    """The language a run of words is written in, or None when it is unclear."""
    hits = Counter(filter(None, map(stopwords().get, words)))      # looked up and counted in C
    ranked = hits.most_common()
    if not ranked or ranked[0][1] < MIN_HITS:
        return None
    if len(ranked) > 1 and ranked[0][1] < DOMINANCE * ranked[1][1]:
        return None
    return ranked[0][0]


def words(line: str) -> list[str]:
    """The words of a line: its runs of letters (WORD)."""
    if line.isascii():
        return line.encode("ascii").translate(ASCII_LETTERS).decode("ascii").split()
    return WORD.findall(line)


def language_shares(text: str) -> Counter:
    """Words per language over the chunks that voted."""
    shares: Counter = Counter()
    chunk: list[str] = []
    for line in text.lower().split("\n"):
        chunk.extend(words(line))
        if len(chunk) >= CHUNK_WORDS:
            vote = chunk_vote(chunk)
            if vote:
                shares[vote] += len(chunk)
            chunk = []
    if chunk:
        vote = chunk_vote(chunk)
        if vote:
            shares[vote] += len(chunk)
    return shares


def detect_language(text: str) -> str | None:
    """"id", "en", "id+en" (main language first), or None for text with too few words."""
    shares = language_shares(text)
    if not shares:
        return None
    ranked = shares.most_common()
    main = ranked[0][0]
    total = sum(shares.values())
    second = [lang for lang, words in ranked[1:]
              if words >= MIN_SECOND_WORDS and words >= MIN_SECOND_SHARE * total]
    return "+".join([main, *second])
