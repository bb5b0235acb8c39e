"""Study design (vocabulary D) and design family (vocabulary F), as the paper labels itself.

"Pre experiment design dengan rancangan one group pretest-posttest" names both: the family
(pre-experimental) and the design (one group pre/post). A paper may name only one of them; the
other is then implied where the vocabulary allows (a one-group pre/post design is
pre-experimental; "quasi eksperimen" alone is the design ``quasi_experimental``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from evidencekit.extract import lexicon
from evidencekit.extract.fields.phrases import Hit, find_hits, squashed_keys
from evidencekit.vocab import Design, DesignFamily

#: The family a design implies when the paper names no family. Two-group pre/post and
#: posttest-only designs are the textbook quasi-experimental designs unless randomised.
FAMILY_OF: dict[Design, DesignFamily] = {
    Design.ONE_GROUP_PRETEST_POSTTEST: DesignFamily.PRE_EXPERIMENTAL,
    Design.TWO_GROUP_PRETEST_POSTTEST: DesignFamily.QUASI_EXPERIMENTAL,
    Design.TWO_GROUP_POSTTEST_ONLY: DesignFamily.QUASI_EXPERIMENTAL,
    Design.QUASI_EXPERIMENTAL: DesignFamily.QUASI_EXPERIMENTAL,
    Design.RCT: DesignFamily.EXPERIMENTAL,
    Design.CROSSOVER: DesignFamily.EXPERIMENTAL,
    Design.CROSS_SECTIONAL: DesignFamily.OBSERVATIONAL,
    Design.COHORT: DesignFamily.OBSERVATIONAL,
    Design.CASE_CONTROL: DesignFamily.OBSERVATIONAL,
    Design.LITERATURE_REVIEW: DesignFamily.REVIEW,
    Design.SYSTEMATIC_REVIEW: DesignFamily.REVIEW,
    Design.META_ANALYSIS: DesignFamily.REVIEW,
}
#: The design a family implies when the paper names no finer design.
DESIGN_OF: dict[DesignFamily, Design] = {
    DesignFamily.QUASI_EXPERIMENTAL: Design.QUASI_EXPERIMENTAL,
    DesignFamily.REVIEW: Design.LITERATURE_REVIEW,
}


@dataclass(frozen=True, slots=True)
class DesignStatement:
    """What one passage says about the design; ``design_hit``/``family_hit`` locate the words."""

    design: Design | None
    family: DesignFamily | None
    design_hit: Hit | None = None
    family_hit: Hit | None = None


def find_design_hits(text: str, offset: int = 0, within: list[int] | None = None) -> tuple[list[Hit], list[Hit]]:
    """(design hits, family hits) in ``text`` (``within``: see :func:`~.phrases.phrase_starts`)."""
    return (find_hits("designs", text, offset, within=within),
            find_hits("design_families", text, offset, within=within))


def read_family(text: str) -> DesignFamily | None:
    """The design family one passage states, as ``read_design(text).family``: the first family
    phrase, else the family its first design phrase implies. Design phrases are only looked for
    when no family phrase is there."""
    families = find_hits("design_families", text)
    if families:
        return DesignFamily(families[0].key)
    designs = find_hits("designs", text)
    return FAMILY_OF.get(Design(designs[0].key)) if designs else None


def read_design(text: str, offset: int = 0, *, broken_words: bool = False,
                within: list[int] | None = None) -> DesignStatement | None:
    """The design stated in one passage (a sentence or a table cell), or None.

    The first design phrase and the first family phrase are taken; a missing one is implied
    (:data:`FAMILY_OF`, :data:`DESIGN_OF`). With ``broken_words`` (narrow table cells), phrases
    are also matched with spaces and hyphens removed. ``within``: where phrases may start, when the
    caller has scanned for them (:func:`~.phrases.phrase_starts_any`).
    """
    designs, families = find_design_hits(text, offset, within)
    design = Design(designs[0].key) if designs else None
    family = DesignFamily(families[0].key) if families else None
    if broken_words:
        if design is None and (keys := squashed_keys("designs", text)):
            design = Design(keys[0])
        if family is None and (keys := squashed_keys("design_families", text)):
            family = DesignFamily(keys[0])
    return _statement(design, family, designs[0] if designs else None, families[0] if families else None)


def read_sentence_designs(text: str, spans: list[tuple[int, int]], offset: int = 0,
                          within: list[int] | None = None) -> list[DesignStatement | None]:
    """``read_design(text[s:e], s)`` for each sentence ``(s, e)`` of ``text`` (as
    :func:`~.phrases.sentences` cuts it, offsets shifted by ``offset``), with the phrases found in
    one pass over ``text`` instead of two per sentence.

    That finds the same phrases because a sentence ends at . ! or ? before white space and no
    design or family phrase holds one of those, so no phrase runs from one sentence into the next
    (checked on the lexicon; without it, each sentence is read alone)."""
    if not _phrases_stay_in_sentences():
        return [read_design(text[s - offset:e - offset], s) for s, e in spans]
    designs, families = find_design_hits(text, offset, within)
    return [_statement(Design(d.key) if d else None, DesignFamily(f.key) if f else None, d, f)
            for d, f in zip(_first_in_spans(designs, spans), _first_in_spans(families, spans))]


@cache
def _phrases_stay_in_sentences() -> bool:
    return not any(mark in phrase for name in ("designs", "design_families")
                   for phrases in lexicon.phrases(name).values() for phrase in phrases for mark in ".!?")


def _first_in_spans(hits: list[Hit], spans: list[tuple[int, int]]) -> list[Hit | None]:
    """For each span, the first of ``hits`` (in text order) that starts inside it."""
    starts = [h.start for h in hits]
    out: list[Hit | None] = []
    for s, e in spans:
        i = bisect_left(starts, s)
        out.append(hits[i] if i < len(hits) and hits[i].start < e else None)
    return out


def _statement(design: Design | None, family: DesignFamily | None, design_hit: Hit | None,
               family_hit: Hit | None) -> DesignStatement | None:
    """The statement of a passage that names ``design`` and ``family`` (either may be None: the
    other implies it, :data:`FAMILY_OF`, :data:`DESIGN_OF`); None when it names neither."""
    if design is None and family is None:
        return None
    if design is None:
        design = DESIGN_OF.get(family)
    if family is None and design is not None:
        family = FAMILY_OF.get(design)
    return DesignStatement(design, family, design_hit, family_hit)
