"""match_heading (sections.py) against the rule it encodes, on lines built from the lexicon."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from evidencekit.extract.sections import (HEADING_END, INLINE_SEPARATOR, MAX_HEADING_CHARS, NUMBERING,
                                          _cased_as_heading, heading_table, match_heading)


def _rule(line: str):
    """The rule, phrase by phrase: a whole-line heading, else the first inline phrase (in
    lexicon order) that opens the line and is followed by a separator, in a capitalised line."""
    text = line.strip()
    if not text or len(text) > 400:
        return None
    body = NUMBERING.sub("", text, count=1) if NUMBERING.match(text) else text
    whole, inline = heading_table()
    if len(body) <= MAX_HEADING_CHARS:
        bare = HEADING_END.sub("", body)
        words = bare.split()
        key = " ".join(w.lower() for w in words)
        found = whole.get(key)
        if found and (_cased_as_heading(words) or (key in inline and bare[:1].isupper())):
            return found
    for phrase, heading in inline.items():
        opens = body.lower().startswith(phrase) and INLINE_SEPARATOR.match(body[len(phrase):])
        if opens and body[:1].isupper():
            return heading
    return None


PHRASES = sorted({*heading_table()[0], *heading_table()[1]})
CASES = st.sampled_from([str.upper, str.title, str.capitalize, str.lower])
LINES = st.builds(lambda number, phrase, case, rest: f"{number}{case(phrase)}{rest}",
                  st.sampled_from(["", "1. ", "IV. ", "B. ", "3.1 "]), st.sampled_from(PHRASES), CASES,
                  st.sampled_from(["", ":", " :", " - ", ": teks berikut", ". ", " dan lain", "  "]))


@settings(max_examples=500, deadline=None)
@given(LINES | st.text(max_size=80))
def test_a_line_is_the_heading_the_rule_says(line):
    assert match_heading(line) == _rule(line)
