"""Table cells written by layout.py: the lines of one cell joined into one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from evidencekit.extract.layout import LETTERS_END, TAIL_CHARS, _letters_end, join_cell_lines

#: Cell text: letters (also long runs past the tail window), digits, spaces, hyphens, ² and é.
CELL_TEXT = st.text(alphabet="ab é²1-", max_size=3 * TAIL_CHARS) | st.builds(
    lambda head, run: head + run, st.text(alphabet="x 1", max_size=10), st.text(alphabet="ab", min_size=TAIL_CHARS))


@settings(max_examples=300, deadline=None)
@given(CELL_TEXT)
def test_the_letters_a_cell_ends_with_are_found_as_a_whole_text_search_finds_them(text):
    expected = LETTERS_END.search(text)
    found = _letters_end(text)
    assert (found and (found.start(), found.group())) == (expected and (expected.start(), expected.group()))


def test_a_word_cut_by_a_narrow_column_is_joined_after_a_long_line():
    long_line = "a" * (2 * TAIL_CHARS) + " peru"
    assert join_cell_lines(f"{long_line}\nbahan", {"perubahan"}) == long_line + "bahan"
    assert join_cell_lines("skor\nakhir", {"skorakhir", "skor"}) == "skor akhir"
