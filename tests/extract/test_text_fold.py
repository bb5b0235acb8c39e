"""The character fold of text.py (one ``str.translate`` table) against the rule it encodes."""

from __future__ import annotations

import sys
import unicodedata

from evidencekit.extract.text import CHAR_MAP, CONTROL, NFKC_RANGES, normalise_chars


def _fold_one(ch: str) -> str:
    """The rule, one character at a time: CHAR_MAP first, NFKC inside NFKC_RANGES, else kept."""
    if ch in CHAR_MAP:
        return CHAR_MAP[ch]
    if any(low <= ord(ch) <= high for low, high in NFKC_RANGES):
        return unicodedata.normalize("NFKC", ch)
    return ch


def test_every_character_is_folded_as_the_rule_says():
    everything = "".join(chr(code) for code in range(sys.maxunicode + 1) if chr(code) not in "\r\n")
    expected = CONTROL.sub("", "".join(_fold_one(ch) for ch in everything))
    assert normalise_chars(everything) == expected
