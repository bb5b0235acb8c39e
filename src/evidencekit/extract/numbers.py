"""Numbers as papers print them: comma or dot decimals, thousands groups, Unicode minus, ``.03``.

Every parsed number is a :class:`~evidencekit.model.Reported`: the value, the printed precision
(``decimals``, which the granularity and p-value checks need) and the text as printed.

Which mark is the decimal mark is decided by the number itself when it can be ("0,874", "2,20",
"1.250,5", "1,234,567"), and otherwise by the caller's ``decimal_mark`` — the document's
convention (:func:`guess_decimal_mark`) — or, with no hint, by the reading that statistics need:
one separator is a decimal mark ("-3,317" after ``Z =`` is -3.317, not -3317).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from evidencekit.model import Reported

#: Characters printed for a minus sign: hyphen-minus, U+2212 minus, U+2013 en dash (typeset
#: minus in many journals), U+2012 figure dash and U+FE63 small hyphen-minus.
MINUS_CHARS = "-\u2212\u2013\u2012\ufe63"

#: One number as printed. Parts:
#:   sign     – any minus character, optionally followed by a space ("- 2,1" in PDFs)
#:   body     – digits with optional ',' or '.' groups ("1.234", "0,874", "1,250.5"), or a
#:              bare fraction (".03", ",5")
#:   exponent – "e-20" / "E+3" scientific notation
_SIGN = rf"[{MINUS_CHARS}]\s?"
_BODY = r"\d+(?:[.,]\d+)*|[.,]\d+"
_EXP = r"[eE][-+\u2212]?\d{1,3}"
NUMBER_PATTERN = rf"(?P<sign>{_SIGN})?(?P<body>{_BODY})(?P<exp>{_EXP})?"
#: The same number without group names, for use inside larger patterns (patterns.NUM).
NUMBER_PATTERN_UNNAMED = rf"(?:{_SIGN})?(?:{_BODY})(?:{_EXP})?"
NUMBER_RE = re.compile(rf"(?<![\w.,]){NUMBER_PATTERN}(?![\w])")
_WHOLE_RE = re.compile(rf"^\s*{NUMBER_PATTERN}\s*$")
_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")
#: Unambiguous decimals, either mark: "0,874" (a zero before the mark) or 1-2 / 4+ digits after
#: it ("87,50"); "1,250" could be a thousands group and is not counted. Punctuation may follow
#: ("9.17, SD"). The pattern starts with the number's first digit, and only then looks at the
#: character before it (not a digit or mark) and at the digit itself (0 or 1-9): a pattern that
#: starts with a character class lets the engine skip from digit to digit instead of trying
#: every character. Group ``zero_mark`` or ``mark`` is the decimal mark.
_UNAMBIGUOUS_RE = re.compile(
    r"[0-9](?<![\d.,][0-9])"
    r"(?:(?<=0)(?P<zero_mark>[.,])\d+|(?<=[1-9])\d{0,2}(?P<mark>[.,])(?:\d{1,2}|\d{4,}))(?!\d|[.,]\d)")


class NotANumber(ValueError):
    """Text that is not one printed number."""


def guess_decimal_mark(text: str) -> str:
    """The decimal mark a document uses: "," or "." (whichever writes more short decimals).

    Counts numbers such as "0,874" / "87,50" against "0.874" / "87.50"; ties go to ".".
    """
    marks = [m.group("zero_mark") or m.group("mark") for m in _UNAMBIGUOUS_RE.finditer(text)]
    return "," if marks.count(",") > marks.count(".") else "."


def parse_number(text: str, *, decimal_mark: str | None = None) -> Reported:
    """Parse one printed number ("0,874", "−2.20", ".03", "1.250", "2.1e-20") into a Reported.

    ``decimal_mark`` ("," or ".") settles the one ambiguous shape, a single separator followed
    by exactly three digits after a non-zero integer part ("1,250"): with the document's mark it
    is a decimal, with the other mark a thousands group. Without a hint it is read as a decimal.
    Raises :class:`NotANumber` when ``text`` is not exactly one number.
    """
    m = _WHOLE_RE.match(text)
    if not m:
        raise NotANumber(f"not a number: {text!r}")
    negative = m.group("sign") is not None
    body = m.group("body")
    exp_text = m.group("exp")
    integer, fraction = _split_body(body, decimal_mark)
    decimals = len(fraction)
    exponent = int(exp_text[1:].replace("\u2212", "-")) if exp_text else 0
    value = float(f"{integer or '0'}.{fraction or '0'}e{exponent}")
    decimals = max(decimals - exponent, 0)
    if negative:
        value = -value
    return Reported(value, decimals, text.strip())


def read_number(text: str, *, decimal_mark: str | None = None) -> Reported | None:
    """:func:`parse_number`, or None when ``text`` is not one number (never raises)."""
    try:
        return parse_number(text, decimal_mark=decimal_mark)
    except (NotANumber, ValueError, OverflowError):
        return None


def parse_count(text: str) -> int | None:
    """A whole count as printed: "24", "1,024", "1.024" (a thousands group either way), else None."""
    t = text.strip()
    if t.isascii() and t.isdigit():                  # "¹".isdigit() is True but not a count
        return int(t)
    if _THOUSANDS_RE.match(t):
        return int(re.sub(r"[.,]", "", t))
    return None


def find_numbers(text: str, *, decimal_mark: str | None = None) -> Iterator[tuple[int, int, Reported]]:
    """Every number in ``text`` as (start, end, Reported); a minus counts only when it is not a
    range dash ("1,27-2,86" gives 1.27 and 2.86)."""
    for m in NUMBER_RE.finditer(text):
        start = m.start()
        if m.group("sign") and start > 0 and (text[start - 1].isdigit() or text[start - 1].isalpha()):
            start = m.start("body")                    # "1,27-2,86": the dash joins a range
        number = read_number(text[start:m.end()], decimal_mark=decimal_mark)
        if number is not None:
            yield start, m.end(), number


def _split_body(body: str, decimal_mark: str | None) -> tuple[str, str]:
    """Integer and fraction digits of a number body, deciding which separator is decimal."""
    seps = [c for c in body if c in ".,"]
    if not seps:
        return body, ""
    if len(set(seps)) == 2:                            # "1.250,5" / "1,250.5": last one is decimal
        mark = seps[-1]
        if seps.count(mark) > 1:
            raise NotANumber(f"two decimal marks in {body!r}")
        integer, fraction = body.rsplit(mark, 1)
        return re.sub(r"[.,]", "", integer), fraction
    sep = seps[0]
    if len(seps) > 1:                                  # "1.234.567": only thousands groups
        if not _THOUSANDS_RE.match(body):
            raise NotANumber(f"malformed digit groups in {body!r}")
        return body.replace(sep, ""), ""
    integer, fraction = body.split(sep)
    ambiguous = len(fraction) == 3 and integer != "" and not integer.startswith("0") and len(integer) <= 3
    if ambiguous and decimal_mark is not None and sep != decimal_mark:
        return integer + fraction, ""                  # "1.250" in a comma-decimal paper
    return integer, fraction


__all__ = ["MINUS_CHARS", "NUMBER_PATTERN", "NUMBER_PATTERN_UNNAMED", "NUMBER_RE", "NotANumber", "find_numbers",
           "guess_decimal_mark", "parse_count", "parse_number", "read_number"]
