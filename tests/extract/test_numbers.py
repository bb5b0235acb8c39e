"""Number parsing: comma and dot decimals, thousands groups, Unicode minus, precision kept."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidencekit.extract.numbers import (
    NotANumber,
    find_numbers,
    guess_decimal_mark,
    parse_count,
    parse_number,
    read_number,
)


@pytest.mark.parametrize(("text", "mark", "value", "decimals"), [
    ("0,874", None, 0.874, 3),
    ("0.874", None, 0.874, 3),
    ("2,20", ".", 2.20, 2),              # two digits after a comma: a decimal in any paper
    ("-3,317", None, -3.317, 3),          # a statistic: one separator is a decimal
    ("\u22122.20", None, -2.20, 2),       # U+2212 minus
    ("\u20132.10", None, -2.10, 2),       # en dash typeset as minus
    (".03", None, 0.03, 2),
    (",5", None, 0.5, 1),
    ("1.250", ",", 1250.0, 0),            # thousands group in a comma-decimal paper
    ("1,250", ".", 1250.0, 0),            # thousands group in a dot-decimal paper
    ("1.250", ".", 1.25, 3),
    ("1.234.567", None, 1234567.0, 0),
    ("1.250,5", None, 1250.5, 1),
    ("1,250.5", None, 1250.5, 1),
    ("2.1e-20", None, 2.1e-20, 21),       # precision: 0.1e-20
    ("12", None, 12.0, 0),
    ("0,000", None, 0.0, 3),
])
def test_parse_number_reads_value_and_printed_decimals(text, mark, value, decimals):
    r = parse_number(text, decimal_mark=mark)
    assert (r.value, r.decimals, r.text) == (pytest.approx(value, rel=1e-12), decimals, text)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3,4", "1.2.3", "--2", "2,3.4,5", "t(28)"])
def test_parse_number_rejects_text_that_is_not_one_number(text):
    with pytest.raises(NotANumber):
        parse_number(text)
    assert read_number(text) is None


def test_parse_count_reads_thousands_groups_either_way():
    assert [parse_count(t) for t in ("24", "1,024", "1.024", "2,5", "x")] == [24, 1024, 1024, None, None]


def test_guess_decimal_mark_follows_the_papers_short_decimals():
    assert guess_decimal_mark("rata-rata 9,17 dan SD 0,874; p 0,012") == ","
    assert guess_decimal_mark("mean 9.17, SD 0.874, p = .012 in 2,024 women") == "."


def test_find_numbers_splits_a_range_and_keeps_a_leading_minus():
    found = [(n.value, n.text) for _, _, n in find_numbers("CI 1,27-2,86; Z = -3,317")]
    assert found == [(1.27, "1,27"), (2.86, "2,86"), (-3.317, "-3,317")]


# --------------------------------------------------------------------------- properties

INT = st.integers(min_value=0, max_value=10**9)
DEC = st.integers(min_value=0, max_value=6)


def _format(integer: int, frac: str, thousands: str, decimal: str, grouped: bool) -> str:
    head = f"{integer:,}".replace(",", thousands) if grouped else str(integer)
    return head + (decimal + frac if frac else "")


@settings(max_examples=300, deadline=None)
@given(INT, DEC, st.integers(min_value=0, max_value=999999), st.booleans(), st.booleans(),
       st.sampled_from(["id", "en"]))
def test_numbers_round_trip_in_both_locales(integer, decimals, frac_seed, grouped, negative, locale):
    decimal, thousands = (",", ".") if locale == "id" else (".", ",")
    frac = str(frac_seed).zfill(6)[:decimals]
    text = ("-" if negative else "") + _format(integer, frac, thousands, decimal, grouped)
    r = parse_number(text, decimal_mark=decimal)
    expected = float(f"{integer}.{frac or '0'}") * (-1 if negative else 1)
    assert r.value == pytest.approx(expected, rel=1e-12, abs=1e-12)
    if not (grouped and integer >= 1000 and not frac):
        assert r.decimals == decimals
    else:
        assert r.decimals == 0


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_number_readers_never_raise_on_arbitrary_text(text):
    read_number(text)
    read_number(text, decimal_mark=",")
    parse_count(text)
    list(find_numbers(text))
    guess_decimal_mark(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,-−– e%()<>=pPtZ ")), max_size=40))
def test_number_readers_never_raise_on_number_like_text(text):
    for _, _, n in find_numbers(text):
        assert n.decimals >= 0
    read_number(text)
