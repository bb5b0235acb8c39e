"""Which occasion (pre or post) and which arm (intervention or control) a descriptive row is.

One rule for the checks and the meta engine: the extractor's ``time``/``group`` when it set them,
else the words of the row's label. Matching is on whole words, so "pre" does not match
"prevalence"; a label naming both occasions gets none. The words are data
(``extract/lexicon/<lang>/row_labels.toml``); a new language adds words there, not branches.
"""

from __future__ import annotations

import re

from evidencekit.extract import lexicon
from evidencekit.model import Descriptive

TOKEN = re.compile(r"[a-z]+")
_WORDS = lexicon.phrases("row_labels")

#: occasion words (a label matching both is ambiguous and gets no occasion)
TIME_WORDS: dict[str, frozenset[str]] = {key: frozenset(_WORDS[key]) for key in ("pre", "post")}
#: arm words
ARM_WORDS: dict[str, frozenset[str]] = {key: frozenset(_WORDS[key]) for key in ("intervention", "control")}


def tokens(text: str | None) -> set[str]:
    """Lowercase letter runs: "Pre-test (sebelum)" -> {"pre", "test", "sebelum"}."""
    return set(TOKEN.findall((text or "").lower()))


def time_of(d: Descriptive) -> str | None:
    """"pre", "post" or None: the extractor's ``time`` when given, else the words of the label."""
    toks = tokens(d.time) if d.time else tokens(d.label)
    hits = [name for name, words in TIME_WORDS.items() if toks & words]
    return hits[0] if len(hits) == 1 else None


def time_named(d: Descriptive) -> str | None:
    """"pre", "post" or None: the occasion a row's time or label names, "post" when both do.

    The checks' reading: a row "Difference (post − pre)" is compared with the post rows it was
    computed from, not left out; :func:`time_of` (the meta engine's) leaves such a row out of
    pre/post pairs instead."""
    toks = tokens(d.time) | tokens(d.label)
    if toks & TIME_WORDS["post"]:
        return "post"
    return "pre" if toks & TIME_WORDS["pre"] else None


def arm_of(d: Descriptive) -> str | None:
    """"intervention", "control" or None, from ``group`` when given, else the label."""
    toks = tokens(d.group) | (tokens(d.label) if not d.group else set())
    hits = [name for name, words in ARM_WORDS.items() if toks & words]
    if len(hits) == 2:                                   # "intervention" vs "pijat ... control": control wins
        return "control"
    return hits[0] if hits else None


__all__ = ["ARM_WORDS", "TIME_WORDS", "arm_of", "time_named", "time_of", "tokens"]
