"""The fast paths added for speed give exactly what the plain patterns give (oracle tests on the
seed texts): lexicon phrase search dispatched by first letter, and the review column patterns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from evidencekit.extract import lexicon
from evidencekit.extract.fields.phrases import Hit, compiled, find_hits
from evidencekit.extract.review import column_of

LEXICONS = sorted(p.stem for p in (Path(lexicon.HERE) / "en").glob("*.toml"))
#: Odd case-folding characters: long s, Kelvin sign, dotted capital I, Greek capital chi.
ODD = "ſtatistik ÜJI uji  T-Test \u212aruskal İndependen Χ² test pre-TEST post test ı"


def plain_hits(name: str, text: str, keys=None) -> list[Hit]:
    built = compiled(name, keys)
    if built is None:
        return []
    pattern, phrase_keys = built
    return [Hit(phrase_keys[m.lastindex - 1], m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", LEXICONS)
def test_find_hits_gives_the_same_hits_as_one_big_alternation(name, seed_texts):
    for text in [*seed_texts, ODD]:
        assert find_hits(name, text) == plain_hits(name, text)


def test_find_hits_with_chosen_keys_gives_the_same_hits_as_one_big_alternation(seed_texts):
    keys = ("wilcoxon_signed_rank", "mann_whitney")
    for text in [*seed_texts, ODD]:
        assert find_hits("tests", text, keys=keys) == plain_hits("tests", text, keys)


@pytest.mark.parametrize(("header", "column"), [
    ("Nama penulis dan tahun publikasi", "author_year"),
    ("Hasil", "results"),
    ("Sesuatu yang lain", None),
])
def test_review_column_of_still_names_columns_with_compiled_patterns(header, column):
    assert column_of(header) == column


@pytest.fixture(scope="module")
def seed_texts(shared_dir) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((shared_dir / "seeds").glob("*.txt"))]


def test_phrase_start_filter_lets_a_shorter_start_cover_a_longer_one():
    from evidencekit.extract.fields.phrases import _JOIN, trie_pattern

    pattern = re.compile(trie_pattern({"uji", "uji" + _JOIN + "t", "man", "mcn"}), re.IGNORECASE)
    assert [bool(pattern.match(w)) for w in ("UJI", "uji-t", "Mann", "McNemar", "mxn", "uj")] == \
        [True, True, True, True, False, False]


def test_phrase_start_filter_crosses_word_joiners():
    from evidencekit.extract.fields.phrases import _start_of

    assert _start_of("t test") == "t\0tes"
    assert _start_of("pre-test post test") == "pre\0t"
    assert _start_of("uji") == "uji"
