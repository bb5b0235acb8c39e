"""spaCy, kept light: a blank tokenizer and a PhraseMatcher for the names of statistical tests.

``spacy.blank("id")`` loads Indonesian tokenizer exceptions and takes seconds; a bare
:class:`~spacy.language.Language` subclass with the base punctuation rules loads in a fraction of
that and tokenizes "uji Wilcoxon signed rank", "paired t-test" and "Mann-Whitney" the same way
for phrases and text, which is all the matcher needs. Test phrases are data
(``lexicon/<lang>/tests.toml``), keyed by the contract's test names (vocabulary T).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from evidencekit.extract import lexicon
from evidencekit.extract.patterns import any_case, by_first_letter
from evidencekit.vocab import TestName

#: Dashes folded to "-" before matching, so "Mann–Whitney" matches "mann-whitney".
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})

#: Words that can start a test phrase: only paragraphs holding one are tokenized (a prefilter
#: that keeps spaCy off most of a paper). Every word starts a word of the text and is matched in
#: any case. tests/extract/test_statistics_test_assignment.py checks that every tests.toml phrase
#: passes.
PREFILTER_WORDS = (
    r"wilcoxon", r"t[\s-]?tes", r"mann", r"kruskal", r"friedman", r"anova", r"ancova", r"chi", r"χ", r"x[2²]",
    r"kai\s", r"kuadrat", r"fisher", r"mcnemar", r"whit(?:ney|man)", r"man\s", r"spr?e?a?r?m[ae]n",
    r"mc\s?nemar", r"pearson", r"korelasi", r"correlation", r"regres", r"shapiro", r"kolmogorov", r"welch",
    r"product\s+moment", r"uji\s+t\b", r"berpasangan", r"independen", r"paired", r"analisis\s+(?:ko)?varians",
    r"analysis\s+of", r"uji\s+beda",
)
#: The prefilter: a word boundary, then one of the letters the words start with (the engine
#: leaves other positions at once), then only the words of that letter (2x faster than one
#: IGNORECASE alternation of all of them).
_PREFILTER = re.compile(
    rf"\b(?=[{any_case(''.join(sorted({w[0] for w in PREFILTER_WORDS})))}])(?:{by_first_letter(PREFILTER_WORDS)})")


@dataclass(frozen=True, slots=True)
class TestMention:
    """A place where the text names a statistical test."""

    __test__ = False  # not a pytest test class

    start: int
    end: int
    test: TestName


@cache
def blank_nlp():
    """A blank multilingual pipeline: base tokenizer rules only (fast to load)."""
    from spacy.language import Language

    class Blank(Language):
        lang = "xx"

    return Blank()


@cache
def test_matcher():
    """A PhraseMatcher (case-insensitive) over every phrase of tests.toml in both languages."""
    from spacy.matcher import PhraseMatcher

    nlp = blank_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for key, phrases in lexicon.phrases("tests").items():
        TestName(key)                                  # a key outside vocabulary T is a bug
        matcher.add(key, [nlp.make_doc(p.translate(_DASHES)) for p in phrases])
    return matcher


def find_test_mentions(text: str, offset: int = 0) -> list[TestMention]:
    """Every test named in ``text`` (longest match wins), with offsets shifted by ``offset``.

    Only short windows around the words that can start a test phrase (a cheap regex
    prefilter) are tokenized, so spaCy never reads the whole paper.
    """
    windows = _windows(text)
    if not windows:
        return []                                      # spaCy is not even loaded
    nlp, matcher = blank_nlp(), test_matcher()
    mentions: list[TestMention] = []
    last_end = -1
    for a, b in windows:
        squeezed, where = _squeeze(text[a:b].translate(_DASHES))
        doc = nlp.make_doc(squeezed)
        spans = [(doc[s:e], nlp.vocab.strings[k]) for k, s, e in matcher(doc)]
        spans.sort(key=lambda se: (se[0].start_char, -(se[0].end_char - se[0].start_char)))
        for span, key in spans:
            start, end = a + where[span.start_char], a + where[span.end_char - 1] + 1
            if start < last_end:
                continue                               # inside a longer phrase already taken
            last_end = end
            mentions.append(TestMention(offset + start, offset + end, TestName(key)))
    return mentions


_SPACES_RE = re.compile(r"\s{2,}|[^\S ]")


def _squeeze(window: str) -> tuple[str, list[int]]:
    """``window`` with every whitespace run made one space ("Mann \\n\\nWhitney" is a phrase
    again: spaCy keeps extra whitespace as tokens), and each kept character's index in ``window``."""
    if not _SPACES_RE.search(window):
        return window, list(range(len(window)))
    out, where, last = [], [], 0
    for m in _SPACES_RE.finditer(window):
        out.append(window[last:m.start()])
        where.extend(range(last, m.start()))
        out.append(" ")
        where.append(m.start())
        last = m.end()
    out.append(window[last:])
    where.extend(range(last, len(window)))
    return "".join(out), where


#: Characters of context tokenized before and after a prefilter hit (test phrases are short).
WINDOW_BEFORE, WINDOW_AFTER = 40, 70


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged windows around prefilter hits, cut at whitespace so no word is split."""
    out: list[tuple[int, int]] = []
    for m in _PREFILTER.finditer(text):
        a = text.rfind(" ", 0, max(0, m.start() - WINDOW_BEFORE)) + 1
        b = text.find(" ", min(len(text), m.end() + WINDOW_AFTER))
        b = len(text) if b < 0 else b
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


__all__ = ["TestMention", "blank_nlp", "find_test_mentions", "test_matcher"]
