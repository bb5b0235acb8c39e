"""P-values in short passages such as a review's results cell: "(P_value 0,001)", "p value < α
(0,001 < 0,05)", "nilai signifikasi Mann-Whitney sebesar 0,001", "(ρ-value) adalah 0.044",
"p-value 0, 000" (a number broken at a cell edge).

A bound at a conventional α ("p < 0,05") is a decision rule, not a result, when the same passage
also prints an exact p; it is kept only when it is the only p given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from evidencekit.extract.fields.phrases import find_hits, word_alternation
from evidencekit.extract.numbers import parse_number
from evidencekit.model import Reported
from evidencekit.vocab import POperator



def _connective(key: str) -> str:
    return word_alternation("connectives", key)


@cache
def p_cue() -> str:
    """The name of a p-value: p / P / ρ (typed for p) with "value", "-value", "_value" (lexicon
    statistic_words ``p_value_after``); "sig." and "signifikansi"/"significancy"
    (``significance_abbrev``, ``significance_stem``); a bare "value" after "dengan" in clipped
    cells (``value_alone``). Case-sensitive."""
    return (rf"(?:(?<![A-Za-z])[pPρ]\s*[-_]?\s*(?:{word_alternation('statistic_words', 'p_value_after')})?(?![A-Za-z])"
            rf"|(?<![A-Za-z])(?:(?:{_connective('significance_stem')})[a-z]*|{_connective('significance_abbrev')})"
            r"(?![A-Za-z])"
            rf"|(?<![A-Za-z])(?:{_connective('value_alone')})(?![A-Za-z]))")


#: Words between the name and the number: no digits, no comparison signs, at most 40 characters.
GLUE = r"[^\d\n<>=≤≥]{0,40}?"


@cache
def operator() -> str:
    """The comparison, optionally followed by "α" (or its name, ``alpha_word``) when printed
    "p < α (0,001 < 0,05)"."""
    return rf"(?P<op><=|>=|≤|≥|<|>|=)?\s*(?:α|{_connective('alpha_word')})?\s*\(?\s*"


#: The value: a decimal in [0, 1) ("0,001", ".03", "0, 000" broken at a cell edge) or "1.00".
VALUE = r"(?P<val>0?[.,]\s?\d{1,5}|1[.,]0+)(?![\d])"


@cache
def p_value_re() -> re.Pattern[str]:
    """A printed p-value: its name, a few words, the comparison and the value."""
    return re.compile(p_cue() + GLUE + operator() + VALUE)


#: α levels at which "p < α" is a decision rule.
CONVENTIONAL_ALPHAS = (0.05, 0.01, 0.1)


@dataclass(frozen=True, slots=True)
class PValue:
    """One printed p-value with its operator and place in the passage."""

    value: Reported
    operator: POperator
    start: int
    end: int


def reported(text: str) -> Reported:
    """A printed decimal ("0,001", "0, 000", ".03") as a :class:`Reported`."""
    return replace(parse_number(re.sub(r"\s+", "", text)), text=text)


def find_p_values(text: str, offset: int = 0) -> list[PValue]:
    """Every p-value printed in ``text``, in order."""
    out = []
    for m in p_value_re().finditer(text):
        op = POperator.parse(m.group("op")) if m.group("op") else POperator.EQ
        out.append(PValue(reported(m.group("val")), op, m.start() + offset, m.end() + offset))
    return out


def is_decision_rule(p: PValue) -> bool:
    """"p < 0,05": a bound at a conventional α, not a result."""
    return p.operator in (POperator.LT, POperator.LE) and any(abs(p.value.value - a) < 1e-12
                                                              for a in CONVENTIONAL_ALPHAS)


def significant(p: float, operator: POperator, alpha: float) -> bool | None:
    """Significance at ``alpha``; None when a bound does not decide it ("p < 0,10" at α 0,05)."""
    if operator is POperator.EQ:
        return p < alpha
    if operator in (POperator.LT, POperator.LE):
        return True if p <= alpha else None
    return False if p >= alpha else None


def read_p_values(text: str) -> list[PValue]:
    """The p-values a passage reports: decision-rule bounds dropped when an exact p is printed,
    and each value once."""
    found = find_p_values(text)
    if any(not is_decision_rule(p) for p in found):
        found = [p for p in found if not is_decision_rule(p)]
    out: list[PValue] = []
    for p in found:
        if all(abs(p.value.value - q.value.value) > 1e-12 for q in out):
            out.append(p)
    return out


@cache
def _level_after() -> re.Pattern[str]:
    """After an α phrase: optional "=", ":", a ``level_link`` word ("sebesar", "of"), "<", then the
    level ("0,05", "5%")."""
    return re.compile(rf"\s*(?:=|:|{word_alternation('connectives', 'level_link')}|<|≤)?\s*"
                      r"(?P<val>0?[.,]\d{1,3}|\d{1,2}(?:[.,]\d)?\s*%)")


def _level(text: str) -> float | None:
    """An α level as printed: "0,05", ".05" or "5%" (0.05)."""
    val = text.strip()
    if val.endswith("%"):
        return parse_number(val.rstrip("% ")).value / 100
    return parse_number(val).value


def find_alpha(text: str, offset: int = 0, within: list[int] | None = None) -> tuple[float, int, int] | None:
    """The significance level a passage states: "α = 0,05", "tingkat kemaknaan 0,05",
    "tingkat kepercayaan 95%" (α = 1 − 0,95). None when it states none (``within``: see
    :func:`~.phrases.phrase_starts`)."""
    for hit in find_hits("alpha", text, within=within):
        m = _level_after().match(text, hit.end)
        if not m:
            continue
        level = _level(m.group("val"))
        if hit.key == "confidence" and 0.5 < level < 1:
            level = 1 - level
        if 0 < level <= 0.2:
            return round(level, 6), hit.start + offset, m.end() + offset
    return None
