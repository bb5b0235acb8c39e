"""What every statistic finder needs to know about the document around a number.

A :class:`StatContext` is built once per document: the matching text (a length-preserving fold
of the normalised text, so offsets stay valid), the document's decimal mark, sentence bounds and
the places where tests are named. :meth:`StatContext.test_for` decides which test a statistic
belongs to: the sentence first, then the nearest earlier mention, then the methods section.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from evidencekit.extract.nlp import TestMention, find_test_mentions
from evidencekit.extract.numbers import guess_decimal_mark, read_number
from evidencekit.extract.patterns import SENTENCE_END_RE
from evidencekit.model import Document, Reported, Span
from evidencekit.vocab import StatKind, TestName

T = TestName

#: Tests a statistic of each kind can come from; a mention of another test is not its test.
KIND_TESTS: dict[StatKind, frozenset[TestName]] = {
    StatKind.T: frozenset({T.PAIRED_T, T.INDEPENDENT_T, T.ONE_SAMPLE_T, T.WELCH_T}),
    StatKind.F: frozenset({T.ANOVA, T.ANCOVA, T.REGRESSION, T.WELCH_T}),
    StatKind.R: frozenset({T.PEARSON, T.REGRESSION}),
    StatKind.RHO: frozenset({T.SPEARMAN}),
    StatKind.CHI2: frozenset({T.CHI_SQUARE, T.MCNEMAR}),
    StatKind.Z: frozenset({T.WILCOXON_SIGNED_RANK, T.MANN_WHITNEY}),
    StatKind.U: frozenset({T.MANN_WHITNEY}),
    StatKind.W: frozenset({T.WILCOXON_SIGNED_RANK}),
    StatKind.H: frozenset({T.KRUSKAL_WALLIS}),
    StatKind.Q: frozenset({T.FRIEDMAN}),
    StatKind.OR: frozenset({T.LOGISTIC_REGRESSION, T.CHI_SQUARE}),
    StatKind.RR: frozenset(),
    StatKind.P_ONLY: frozenset(TestName) - {T.OTHER},
}

#: Normality tests are named only for their own p-values: never inherited from another sentence.
NORMALITY = frozenset({T.SHAPIRO_WILK, T.KOLMOGOROV_SMIRNOV})


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(m: re.Match[str]) -> str:
    ch = m.group(0)
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 and ch != "²" else ch


def fold(text: str) -> str:
    """NFKC-fold each character whose fold is one character (math italic 𝑆𝑖𝑔 → Sig; "²" is
    kept for the χ² pattern), so matching works while every offset stays valid."""
    return text if text.isascii() else _NON_ASCII.sub(_fold_char, text)


@dataclass
class StatContext:
    """Per-document state shared by the prose and table finders (built by :meth:`of`)."""

    document: Document
    text: str
    decimal_mark: str
    mentions: list[TestMention]
    masked: list[tuple[int, int]] = field(default_factory=list)
    p_found: list = field(default_factory=list)     # prose p-values, set by the prose finder

    @classmethod
    def of(cls, document: Document) -> "StatContext":
        text = fold(document.text)
        return cls(document, text, guess_decimal_mark(text), find_test_mentions(text))

    # ------------------------------------------------------------------ places

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [0] + [m.end() for m in SENTENCE_END_RE.finditer(self.text)]

    def sentence(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``offset``."""
        starts = self._sentence_starts
        i = bisect.bisect_right(starts, offset) - 1
        end = starts[i + 1] if i + 1 < len(starts) else len(self.text)
        return starts[i], end

    def is_masked(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.masked)

    def span(self, start: int, end: int) -> Span:
        return self.document.span(start, end)

    def number(self, text: str) -> Reported | None:
        """A number read with the document's decimal mark ("1.250" is 1250 in a comma paper)."""
        return read_number(text, decimal_mark=self.decimal_mark)

    @staticmethod
    def stat_number(text: str) -> Reported | None:
        """A test statistic, p or df: one separator is always a decimal mark ("-3.317" after
        Z is never 3317, whatever the paper's convention)."""
        return read_number(text)

    # ------------------------------------------------------------------ tests

    @cached_property
    def _methods_tests(self) -> list[TestName]:
        sections = [(s.start, s.end) for s in self.document.sections if s.name == "methods"]
        return [m.test for m in self.mentions
                if any(a <= m.start < b for a, b in sections) and m.test not in NORMALITY]

    def test_for(self, kind: StatKind, start: int, *, also: tuple[int, int] | None = None) -> TestName | None:
        """The test a statistic at ``start`` belongs to, or None when the paper does not say.

        Order: a test named in ``also`` (a table and its footnote) or the same sentence;
        the nearest earlier mention; the one test the methods section states.
        """
        allowed = KIND_TESTS.get(kind, frozenset())
        s0, s1 = self.sentence(start)
        windows = ([also] if also else []) + [(s0, s1)]
        for a, b in windows:
            here = [m for m in self.mentions if a <= m.start < b and m.test in allowed]
            if here:
                before = [m for m in here if m.start <= start]
                return (before[-1] if before else here[0]).test
        earlier = [m for m in self.mentions
                   if m.start < start and m.test in allowed and m.test not in NORMALITY]
        if earlier:
            return earlier[-1].test
        stated = {t for t in self._methods_tests if t in allowed}
        return stated.pop() if len(stated) == 1 else None


__all__ = ["KIND_TESTS", "NORMALITY", "StatContext", "fold"]
