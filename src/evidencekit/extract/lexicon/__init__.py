"""Phrase lists as data: ``lexicon/<lang>/<name>.toml``.

Keys are CONTRACT vocabulary values (or our own canonical names, e.g. section names); each table
holds ``phrases = [...]``. A new language is a new folder. :func:`phrases` merges languages.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
LANGUAGES = ("id", "en")


@cache
def load(lang: str, name: str) -> dict[str, dict]:
    """The table ``lexicon/<lang>/<name>.toml`` (empty when the file does not exist)."""
    path = HERE / lang / f"{name}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


@cache
def phrases(name: str, languages: tuple[str, ...] = LANGUAGES) -> dict[str, tuple[str, ...]]:
    """key -> every phrase of that key across ``languages`` (lower-cased, longest first)."""
    merged: dict[str, list[str]] = {}
    for lang in languages:
        for key, entry in load(lang, name).items():
            merged.setdefault(key, []).extend(p.lower() for p in entry.get("phrases", ()))
    return {k: tuple(sorted(set(v), key=lambda p: (-len(p), p))) for k, v in merged.items()}
