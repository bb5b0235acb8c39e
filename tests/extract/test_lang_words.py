"""The words the language vote counts (lang.py), read fast from ASCII lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from evidencekit.extract.lang import WORD, chunk_vote, words


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)) | st.text())
def test_a_lines_words_are_its_runs_of_letters(line):
    assert words(line) == WORD.findall(line)


def test_an_ascii_line_splits_at_digits_and_punctuation():
    assert words("uji_t(28)=2,20; p<0.05 dan") == ["uji", "t", "p", "dan"]


def test_words_that_are_no_stopword_do_not_vote():
    assert chunk_vote(["xyzzy"] * 50) is None
