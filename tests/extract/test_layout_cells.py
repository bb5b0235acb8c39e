"""Table cells written by layout.py: the lines of one cell joined into one."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from evidencekit.extract.layout import _letters_end, join_cell_lines

#: The letters a text ends with, as a regex says it (slow: tries every position).
LETTERS_END = re.compile(r"[^\W\d_]+$")
#: Cell text: letters (also long runs), digits, spaces, hyphens, ² (a letter to the regex) and é.
CELL_TEXT = st.text(alphabet="ab é²1-", max_size=120) | st.builds(
    lambda head, run: head + run, st.text(alphabet="x 1", max_size=10), st.text(alphabet="ab", min_size=40))


@settings(max_examples=300, deadline=None)
@given(CELL_TEXT)
def test_the_letters_a_cell_ends_with_are_those_a_regex_finds_at_its_end(text):
    expected = LETTERS_END.search(text)
    assert _letters_end(text) == (expected.group() if expected else "")


def test_a_word_cut_by_a_narrow_column_is_joined_after_a_long_line():
    long_line = "a" * 80 + " peru"
    assert join_cell_lines(f"{long_line}\nbahan", {"perubahan"}) == long_line + "bahan"
    assert join_cell_lines("skor\nakhir", {"skorakhir", "skor"}) == "skor akhir"
