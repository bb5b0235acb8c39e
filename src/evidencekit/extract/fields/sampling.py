"""Sampling method (vocabulary S): "teknik purposive sampling", "accidental sampling technique"."""

from __future__ import annotations

from evidencekit.extract.fields.phrases import Hit, find_hits, squashed_keys
from evidencekit.vocab import Sampling


def find_sampling(text: str, offset: int = 0, within: list[int] | None = None) -> list[Hit]:
    """Every sampling phrase in ``text`` (key = vocabulary S value; ``within``: see
    :func:`~.phrases.phrase_starts`)."""
    return find_hits("sampling", text, offset, within=within)


def read_sampling(text: str, *, broken_words: bool = False, within: list[int] | None = None) -> Sampling | None:
    """The first sampling method named in one passage, or None (``within``: see
    :func:`~.phrases.phrase_starts`)."""
    hits = find_sampling(text, within=within)
    if hits:
        return Sampling(hits[0].key)
    if broken_words and (keys := squashed_keys("sampling", text)):
        return Sampling(keys[0])
    return None
