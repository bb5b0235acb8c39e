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
from evidencekit.extract.patterns import SENTENCE_END_RE, lexicon_alternation
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
        for a, b in self.masked:
            if a <= offset < b:
                return True
        return False

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
    def _stated_tests(self) -> dict[str, frozenset[TestName]]:
        """Tests the methods and the results sections name outside tables (normality left out)."""
        out: dict[str, set[TestName]] = {"methods": set(), "results": set()}
        for s in self.document.sections:
            if s.name in out:
                out[s.name].update(m.test for m in self.mentions if s.start <= m.start < s.end
                                   and m.test not in NORMALITY and self._in_table(m.start) is None)
        return {k: frozenset(v) for k, v in out.items()}

    @cached_property
    def _cells(self) -> list[tuple[int, int]]:
        """(start, end) of every located cell of the reader's tables, sorted; for text input, the
        cells of a review's extraction table flattened into the text (cut back by review_text)."""
        cells = [(c.start, c.end) for t in self.document.tables for row in t.rows for c in row
                 if c.start is not None and c.end is not None and c.end > c.start]
        if not cells:
            from evidencekit.extract.review_text import flat_rows

            starts = [s.start for s in self.document.sections] or None
            cells = [span for row in flat_rows(self.document.text, section_starts=starts)
                     for span in row.spans.values() if span[1] > span[0]]
        return sorted(cells)

    @cached_property
    def _section_bounds(self) -> list[tuple[int, int]]:
        return sorted((s.start, s.end) for s in self.document.sections)

    def cell(self, offset: int) -> tuple[int, int] | None:
        """(start, end) of the table cell holding ``offset`` (PDF tables), or None."""
        holding = [c for c in self._cells if c[0] <= offset < c[1]]
        return min(holding, key=lambda c: c[1] - c[0]) if holding else None

    def _in_table(self, offset: int) -> tuple[int, int] | None:
        return next(((t.start, t.end) for t in self.document.tables if t.start <= offset < t.end), None) or \
            next(((a, b) for a, b in self.masked if a <= offset < b), None)

    def _section(self, offset: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in self._section_bounds if a <= offset < b), None)

    def test_for(self, kind: StatKind, start: int, *, also: tuple[int, int] | None = None) -> TestName | None:
        """The test a statistic at ``start`` belongs to, or None when the paper does not say.

        Order, so that the answer does not depend on the reading order of tables and columns:
        a test named in ``also`` (a table and its footnote); for a statistic inside a table cell
        read as prose (a review's extraction table), that cell's words only; the same sentence;
        for a Z, the sentence's design words (before and after -> Wilcoxon signed-rank, between
        groups -> Mann-Whitney); the nearest earlier mention in the same section, outside any
        table; the one test the methods section states (else the one the results name).
        """
        allowed = KIND_TESTS.get(kind, frozenset())
        if also is None and (cell := self.cell(start)) is not None:
            return self._named_in(cell, start, allowed)
        s0, s1 = self._sentence_outside_tables(start)
        for a, b in ([also] if also else []) + [(s0, s1)]:
            if (named := self._named_in((a, b), start, allowed)) is not None:
                return named
        if kind is StatKind.Z and (cue := _design_cue(self.text[s0:s1])) is not None:
            return cue
        table = self._in_table(start)
        section = self._section(start) or (0, len(self.text))
        earlier = [m for m in self.mentions
                   if section[0] <= m.start < start and m.test in allowed and m.test not in NORMALITY
                   and self._in_table(m.start) in (None, table)]
        if earlier:
            return earlier[-1].test
        for name in ("methods", "results"):
            stated = self._stated_tests[name] & allowed
            if len(stated) == 1:
                return next(iter(stated))
        return None

    def _sentence_outside_tables(self, start: int) -> tuple[int, int]:
        """The sentence holding ``start``, cut at the tables it runs into (a table block has no
        full stop, so the sentence finder joins it to the prose around it)."""
        s0, s1 = self.sentence(start)
        blocks = [(t.start, t.end) for t in self.document.tables] + list(self.masked)
        for a, b in blocks:
            if a <= start < b or b <= s0 or a >= s1:
                continue
            if b <= start:
                s0 = max(s0, b)
            else:
                s1 = min(s1, a)
        return s0, s1

    def _named_in(self, window: tuple[int, int], start: int, allowed: frozenset[TestName]) -> TestName | None:
        """The test named in ``window``: the last one before ``start``, else the first after."""
        a, b = window
        here = [m for m in self.mentions if a <= m.start < b and m.test in allowed]
        if not here:
            return None
        before = [m for m in here if m.start <= start]
        return (before[-1] if before else here[0]).test


#: Words of a sentence that say which comparison a rank statistic (Z) made, from a word start:
#: one group measured twice (signed-rank; cues.toml paired: "sebelum dan sesudah") or two
#: groups (rank-sum; cues.toml between: "antara kelompok").
_PAIRED_CUE_RE = re.compile(rf"(?i)\b(?:{lexicon_alternation('cues', 'paired')})")
_BETWEEN_CUE_RE = re.compile(rf"(?i)\b(?:{lexicon_alternation('cues', 'between')})")


def _design_cue(sentence: str) -> TestName | None:
    paired, between = _PAIRED_CUE_RE.search(sentence), _BETWEEN_CUE_RE.search(sentence)
    if paired and not between:
        return TestName.WILCOXON_SIGNED_RANK
    if between and not paired:
        return TestName.MANN_WHITNEY
    return None

__all__ = ["KIND_TESTS", "NORMALITY", "StatContext", "fold"]
