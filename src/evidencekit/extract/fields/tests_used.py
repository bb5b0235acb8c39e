"""Statistical tests a paper says it used (vocabulary T), with hedged mentions set apart.

"Uji statistik yang digunakan adalah paired t test" states a test. "Jika data normal maka uji t
berpasangan, jika tidak maka uji Wilcoxon" and "misalnya uji t atau Mann-Whitney" only plan or
exemplify: a test named in a clause with a hedge word (lexicon ``hedges``) is not counted as used,
unless the paper states it elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from evidencekit.extract.fields.phrases import Hit, clauses, enclosing, find_hits, is_hedged, sentences, squashed_keys
from evidencekit.vocab import TestName

#: Tests that check assumptions (normality) rather than answer the study question.
ASSUMPTION_TESTS = frozenset({TestName.SHAPIRO_WILK, TestName.KOLMOGOROV_SMIRNOV})


@dataclass(frozen=True, slots=True)
class TestMention:
    """One test named in the text; ``hedged`` when the clause only plans or exemplifies it."""

    __test__ = False  # not a pytest test class

    test: TestName
    hit: Hit
    hedged: bool


def find_tests(text: str, offset: int = 0, within: list[int] | None = None) -> list[TestMention]:
    """Every test named in ``text``, each marked hedged or not by its clause (``within``: see
    :func:`~.phrases.phrase_starts`)."""
    out: list[TestMention] = []
    sents = sentences(text)
    for hit in find_hits("tests", text, within=within):
        sent = enclosing(sents, hit.start) or (0, len(text))
        clause = enclosing(clauses(text[sent[0]:sent[1]], sent[0]), hit.start) or sent
        hedged = is_hedged(text[clause[0]:hit.start]) or is_hedged(text[hit.end:clause[1]])
        shifted = Hit(hit.key, hit.start + offset, hit.end + offset, hit.text)
        out.append(TestMention(TestName(hit.key), shifted, hedged))
    return out


def read_tests(text: str, *, broken_words: bool = False, within: list[int] | None = None) -> tuple[TestName, ...]:
    """Tests stated (not hedged) in one passage, in order of first mention, without repeats
    (``within``: see :func:`~.phrases.phrase_starts`)."""
    seen: list[TestName] = []
    for mention in find_tests(text, within=within):
        if not mention.hedged and mention.test not in seen:
            seen.append(mention.test)
    if broken_words:
        for key in squashed_keys("tests", text):
            if TestName(key) not in seen:
                seen.append(TestName(key))
    return tuple(seen)
