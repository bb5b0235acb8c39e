"""The paper's own words (layout.py), against which hyphenated breaks are joined."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from evidencekit.extract.layout import WORD, _Item, _vocabulary
from evidencekit.extract.pdf_lines import Line

LINE_TEXT = (st.text(alphabet="aZk09_- .,é²İ\t") | st.text(alphabet=st.characters(max_codepoint=127))
             | st.text())


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE_TEXT, max_size=6))
def test_the_vocabulary_is_every_word_of_every_line_in_lower_case(texts):
    items = [_Item(1, 1, line=Line(text, 0, 100, 10 * k, 10 * k + 8)) for k, text in enumerate(texts)]
    assert _vocabulary(items) == {w.lower() for text in texts for w in WORD.findall(text)}


def test_a_word_starts_at_its_first_letter_and_keeps_its_hyphen():
    items = [_Item(1, 1, line=Line("12pre-Test dan 3_x, ke-3", 0, 100, 0, 8))]
    assert _vocabulary(items) == {"pre-test", "dan", "x", "ke-3"}
