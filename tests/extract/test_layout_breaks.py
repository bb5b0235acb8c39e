"""Line ends that decide paragraph breaks (layout.py), read from the last few characters."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from evidencekit.extract.layout import FOOTNOTE_END, SENTENCE_END, _ends_sentence, _ends_with_note

LINE_ENDS = st.text(alphabet="ab1 .!?:'\")\n", max_size=12) | st.text(max_size=30)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="xy ", max_size=20), LINE_ENDS)
def test_a_line_ends_a_sentence_or_a_note_as_the_whole_line_search_says(head, end):
    line = head + end
    assert _ends_sentence(line) == bool(SENTENCE_END.search(line))
    assert _ends_with_note(line) == bool(FOOTNOTE_END.search(line))


def test_a_sentence_with_its_note_number_ends_with_a_note():
    assert _ends_with_note("ibu yang menyusui tetap sehat.20")
    assert not _ends_sentence("ibu yang menyusui tetap sehat.20")
    assert _ends_sentence('disebut "pijat".') and _ends_sentence("sebagai berikut:")
