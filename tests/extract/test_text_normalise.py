"""Character and line normalisation shared by the PDF and text readers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evidencekit.extract.text import normalise_chars, normalise_line, normalise_text

NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?")


@pytest.mark.parametrize(("raw", "expected"), [
    ("nilai Z sebesar \u22123,317", "nilai Z sebesar -3,317"),          # Unicode minus
    ("hari 15\u201325 Juli", "hari 15-25 Juli"),                         # en dash
    ("pre\u2014post", "pre-post"),                                        # em dash
    ("p\u00a0=\u00a00,001", "p = 0,001"),                                 # no-break spaces
    ("n\u202f=\u200930", "n = 30"),                                       # narrow and thin spaces
    ("\ufb01ksasi dan re\ufb02eks", "fiksasi dan refleks"),                # ligatures
    ("ekspe\u00adrimen", "eksperimen"),                                   # soft hyphen
    ("\u201cpijat\u201d dan \u2018oksitosin\u2019", "\"pijat\" dan 'oksitosin'"),
    ("\U0001d44e\U0001d460\U0001d466\U0001d45a\U0001d45d. Sig", "asymp. Sig"),  # math italic
    ("baris\x02 kontrol\x07", "baris kontrol"),                            # control characters
])
def test_normalise_chars_gives_one_canonical_form(raw, expected):
    assert normalise_chars(raw) == expected


def test_superscripts_are_not_folded_into_digits():
    assert normalise_chars("10\u00b2 dan \u03c7\u00b2") == "10\u00b2 dan \u03c7\u00b2"


def test_normalise_line_collapses_spaces_and_strips():
    assert normalise_line("  uji   Wilcoxon \t p = 0,005  ") == "uji Wilcoxon p = 0,005"


def test_normalise_text_keeps_lines_and_cuts_blank_runs():
    assert normalise_text("a\r\nb\r\n\r\n\r\n\r\nc  \n") == "a\nb\n\nc"


@given(st.lists(st.one_of(
    st.from_regex(r"\A-?[0-9]{1,4}(?:[.,][0-9]{1,4})?\Z"),
    st.sampled_from([" ", "\u00a0", "\u2009", " p = ", "\u2212", "\u2013", "\n", "(", ")", "%", "ﬁ"]),
), max_size=30))
def test_normalisation_never_changes_the_digits_of_a_number(pieces):
    raw = "".join(pieces)
    digits = lambda s: [re.sub(r"[^0-9]", "", n) for n in NUMBER.findall(s)]  # noqa: E731
    assert "".join(digits(normalise_text(raw))) == "".join(digits(raw))


@given(st.text())
def test_normalise_chars_is_idempotent(raw):
    once = normalise_chars(raw)
    assert normalise_chars(once) == once
