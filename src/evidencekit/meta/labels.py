"""Which descriptive is pre or post, intervention or control, when the extractor left ``time``/``group`` empty.

The words are data (lowercase tokens, Indonesian and English); a new language adds words here, not
branches. Matching is on whole tokens of the label, so "pre" does not match "prevalence".
"""

from __future__ import annotations

import re

from evidencekit.model import Descriptive

TOKEN = re.compile(r"[a-z]+")

#: occasion words (a label matching both is ambiguous and gets no occasion)
TIME_WORDS: dict[str, frozenset[str]] = {
    "pre": frozenset({"pre", "pretest", "sebelum", "before", "baseline", "awal"}),
    "post": frozenset({"post", "posttest", "sesudah", "setelah", "after", "akhir"}),
}
#: arm words ("pijat"/"massage" name the intervention in this corpus's labels)
ARM_WORDS: dict[str, frozenset[str]] = {
    "intervention": frozenset({"intervention", "intervensi", "experiment", "experimental", "eksperimen",
                               "perlakuan", "treatment", "massage", "pijat"}),
    "control": frozenset({"control", "kontrol", "pembanding", "comparison", "placebo"}),
}


def tokens(text: str | None) -> set[str]:
    """Lowercase letter runs: "Pre-test (sebelum)" -> {"pre", "test", "sebelum"}."""
    return set(TOKEN.findall((text or "").lower()))


def time_of(d: Descriptive) -> str | None:
    """"pre", "post" or None: the extractor's ``time`` when given, else the words of the label."""
    toks = tokens(d.time) if d.time else tokens(d.label)
    hits = [name for name, words in TIME_WORDS.items() if toks & words]
    return hits[0] if len(hits) == 1 else None


def arm_of(d: Descriptive) -> str | None:
    """"intervention", "control" or None, from ``group`` when given, else the label."""
    toks = tokens(d.group) | (tokens(d.label) if not d.group else set())
    hits = [name for name, words in ARM_WORDS.items() if toks & words]
    if len(hits) == 2:                                   # "intervention" vs "pijat ... control": control wins
        return "control"
    return hits[0] if hits else None


__all__ = ["ARM_WORDS", "TIME_WORDS", "arm_of", "time_of", "tokens"]
