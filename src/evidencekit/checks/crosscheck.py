"""Cross-checks: the same fact stated differently in different places of one paper.

Inputs are the record's ``candidates`` (every place n, design, sampling, tests and outcome were
stated, with spans — built by extraction), the statistics, and the prose claims of
:mod:`evidencekit.extract.claims`. Each check is a pure function returning ``Flag | None``.
Method: the reviewer's consistency reading of CONSORT/TREND items (sample size, design,
allocation, outcomes and analysis must agree between abstract, methods and results; Hopewell et
al. 2008, CONSORT for abstracts).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

from evidencekit.checks import messages as msg
from evidencekit.model import Candidate, Flag, Span, StudyRecord
from evidencekit.vocab import CheckId, Design, DesignFamily, Sampling, Severity, TestName

#: Tests that check assumptions rather than compare groups or times.
ASSUMPTION_TESTS = frozenset({TestName.SHAPIRO_WILK, TestName.KOLMOGOROV_SMIRNOV})
#: Tests for independent groups and for paired (one-group pre/post) data.
INDEPENDENT_TESTS = frozenset({TestName.INDEPENDENT_T, TestName.WELCH_T, TestName.MANN_WHITNEY,
                               TestName.KRUSKAL_WALLIS, TestName.ANOVA, TestName.CHI_SQUARE,
                               TestName.FISHER_EXACT})
PAIRED_TESTS = frozenset({TestName.PAIRED_T, TestName.WILCOXON_SIGNED_RANK, TestName.MCNEMAR,
                          TestName.FRIEDMAN})
#: Design families a design can honestly carry.
FAMILIES_OF = {
    Design.ONE_GROUP_PRETEST_POSTTEST: {DesignFamily.PRE_EXPERIMENTAL, DesignFamily.QUASI_EXPERIMENTAL},
    Design.TWO_GROUP_PRETEST_POSTTEST: {DesignFamily.QUASI_EXPERIMENTAL, DesignFamily.EXPERIMENTAL},
    Design.TWO_GROUP_POSTTEST_ONLY: {DesignFamily.QUASI_EXPERIMENTAL, DesignFamily.EXPERIMENTAL},
    Design.RCT: {DesignFamily.EXPERIMENTAL},
}
#: Designs with two (or more) arms: an arm's n is not the study's n.
TWO_ARM_DESIGNS = frozenset({Design.TWO_GROUP_PRETEST_POSTTEST, Design.TWO_GROUP_POSTTEST_ONLY,
                             Design.RCT, Design.CASE_CONTROL, Design.COHORT})
#: Sections that say what this study did (the introduction and discussion cite other studies;
#: the conclusion recommends future designs).
STATED_SECTIONS = frozenset({None, "abstract", "abstract_en", "methods", "results", "front", "keywords"})


def _stated_here(c: Candidate) -> bool:
    return c.span is None or c.span.section in STATED_SECTIONS


#: A design the paper names only generically agrees with any finer one.
GENERIC_DESIGNS = frozenset({Design.QUASI_EXPERIMENTAL, Design.OTHER})


def _where(span: Span | None) -> str:
    if span is None:
        return "somewhere"
    return span.section or (f"page {span.page}" if span.page else "the text")


def _value(c: Candidate) -> Any:
    v = c.value
    return v.value if hasattr(v, "value") and not isinstance(v, (int, float, str)) else v


def _by_value(cands: Iterable[Candidate]) -> dict[Any, list[Candidate]]:
    out: dict[Any, list[Candidate]] = defaultdict(list)
    for c in cands:
        v = _value(c)
        if isinstance(v, (list, tuple)):
            for x in v:
                out[x].append(c)
        elif v is not None:
            out[v].append(c)
    return out


def _places(groups: dict[Any, list[Candidate]], show=str) -> str:
    parts = []
    for v, cs in groups.items():
        wheres = sorted({_where(c.span) for c in cs}, key=str)
        parts.append(f"{show(v)} ({', '.join(wheres)})")
    return msg.listing(parts)


def _spans(cands: Iterable[Candidate]) -> tuple[Span, ...]:
    return tuple(c.span for c in cands if c.span is not None)


# ------------------------------------------------------------------------ record conflicts


def check_n_conflict(record: StudyRecord, extra: Iterable[Candidate] = ()) -> Flag | None:
    """n_conflict: different sample sizes for the same sample (abstract, methods, tables).
    ``extra`` adds n printed with statistics of a one-group study. Error."""
    cands = [c for c in (*record.candidates.get("n_total", ()), *extra)
             if isinstance(_value(c), int) and _stated_here(c)]
    groups = _by_value(cands)
    # an arm's size is not a conflicting total: drop v when k·v is another stated value
    arms = max(2, len(record.n_arms)) if (record.n_arms or record.design in TWO_ARM_DESIGNS) else 0
    if arms:
        groups = {v: cs for v, cs in groups.items() if not any(v * k in groups for k in range(2, arms + 1))}
    if len(groups) < 2:
        return None
    values = sorted(groups)
    message = (f"The paper gives {len(values)} different sample sizes: {_places(groups)}; "
               f"check which n the analysis used.")
    return Flag(CheckId.N_CONFLICT, Severity.ERROR, message, evidence=_spans(cands),
                details={"values": values})


def check_design_conflict(record: StudyRecord) -> Flag | None:
    """design_conflict: different designs stated in different places (error), or only different
    design families / a family that does not fit the design (note)."""
    designs = _by_value(c for c in record.candidates.get("design", ()) if _stated_here(c))
    specific = {d: cs for d, cs in designs.items() if Design(d) not in GENERIC_DESIGNS}
    if len(specific) >= 2:
        message = (f"The design is stated as {_places(specific, pretty)}; the analysis must "
                   f"follow one of them.")
        return Flag(CheckId.DESIGN_CONFLICT, Severity.ERROR, message,
                    evidence=_spans(c for cs in specific.values() for c in cs),
                    details={"designs": sorted(specific)})
    families = _by_value(c for c in record.candidates.get("design_family", ()) if _stated_here(c))
    if record.design_family is DesignFamily.REVIEW:
        return None                    # a review's methods name the designs of the studies it reviews
    if record.design_family and not families:
        families = {record.design_family.value: [Candidate(record.design_family, None)]}
    if len(families) >= 2:
        message = (f"The paper labels its design as {_places(families, pretty)}; "
                   f"use one label.")
        return Flag(CheckId.DESIGN_CONFLICT, Severity.NOTE, message,
                    evidence=_spans(c for cs in families.values() for c in cs))
    design = record.design
    if design in FAMILIES_OF and families:
        (family,) = families
        if DesignFamily(family) not in FAMILIES_OF[design]:
            message = (f"The design is called {pretty(family)} but described as "
                       f"{pretty(design.value)}; the label does not fit the design.")
            return Flag(CheckId.DESIGN_CONFLICT, Severity.NOTE, message,
                        evidence=_spans(families[family]))
    return None


def pretty(v: Any) -> str:
    """A vocabulary code as words for a message ("simple_random" -> "simple random")."""
    return str(v).replace("_", " ")


def check_sampling_conflict(record: StudyRecord) -> Flag | None:
    """sampling_conflict: different sampling methods stated in different places. Warning."""
    groups = {k: v for k, v in _by_value(c for c in record.candidates.get("sampling", ())
                                         if _stated_here(c)).items()
              if k != Sampling.OTHER.value}
    if len(groups) < 2:
        return None
    message = f"The sampling method is stated as {_places(groups, pretty)}."
    return Flag(CheckId.SAMPLING_CONFLICT, Severity.WARNING, message,
                evidence=_spans(c for cs in groups.values() for c in cs))


def check_test_conflict(record: StudyRecord, tests_with_statistics: frozenset = frozenset()) -> Flag | None:
    """test_conflict: the places that name the main test name tests that share nothing (e.g.
    abstract "Wilcoxon", methods "paired t"). Error when one of them is the test printed with the
    results' statistics, warning otherwise."""
    by_place: dict[str, set] = defaultdict(set)
    spans: dict[str, list[Span]] = defaultdict(list)
    for c in record.candidates.get("tests", ()):
        if not _stated_here(c):
            continue
        v = _value(c)
        vals = v if isinstance(v, (list, tuple)) else [v]
        place = _where(c.span)
        for t in vals:
            if t is None or TestName(t) in ASSUMPTION_TESTS:
                continue
            by_place[place].add(TestName(t))
            if c.span:
                spans[place].append(c.span)
    places = [p for p, s in by_place.items() if s]
    for i, p in enumerate(places):
        for q in places[i + 1:]:
            if by_place[p].isdisjoint(by_place[q]):
                tests = by_place[p] | by_place[q]
                severity = Severity.ERROR if tests & tests_with_statistics else Severity.WARNING
                a = msg.listing(sorted(pretty(t.value) for t in by_place[p]))
                b = msg.listing(sorted(pretty(t.value) for t in by_place[q]))
                message = (f"The {p} names {a} as the test, the {q} names {b}; say which test "
                           f"produced the reported p-value.")
                return Flag(CheckId.TEST_CONFLICT, severity, message,
                            evidence=tuple(spans[p] + spans[q]),
                            details={"tests": sorted(t.value for t in tests)})
    return None


def check_test_design_mismatch(record: StudyRecord) -> Flag | None:
    """test_design_mismatch: an independent-groups test for one group measured twice, or a
    paired test for two independent groups (the record's chosen design and tests). Warning."""
    tests = set(record.tests) - ASSUMPTION_TESTS
    if not tests or record.design is None:
        return None
    if record.design is Design.ONE_GROUP_PRETEST_POSTTEST and tests <= INDEPENDENT_TESTS:
        wrong = msg.listing(sorted(pretty(t.value) for t in tests))
        message = (f"A one-group pretest-posttest study compares the same people twice, but the "
                   f"paper uses {wrong}, a test for independent groups; a paired test "
                   f"(paired t or Wilcoxon signed-rank) fits.")
    elif record.design is Design.TWO_GROUP_POSTTEST_ONLY and tests <= PAIRED_TESTS:
        wrong = msg.listing(sorted(pretty(t.value) for t in tests))
        message = (f"A two-group posttest-only study compares different people, but the paper "
                   f"uses {wrong}, a test for paired data; an independent-groups test fits.")
    else:
        return None
    spans = record.evidence.get("tests", ())
    return Flag(CheckId.TEST_DESIGN_MISMATCH, Severity.WARNING, message, evidence=tuple(spans))


def check_outcome_conflict_candidates(record: StudyRecord, concepts_of) -> Flag | None:
    """outcome_conflict from the record: places that name outcomes sharing no concept."""
    cands = [c for c in record.candidates.get("outcome", ()) if isinstance(_value(c), str)]
    named = [(c, concepts_of(_value(c))) for c in cands]
    named = [(c, k) for c, k in named if k]
    for i, (c1, k1) in enumerate(named):
        for c2, k2 in named[i + 1:]:
            if incompatible_outcomes(k1, k2):
                message = (f"The outcome is {msg.listing(sorted(pretty(x) for x in k1))} in the "
                           f"{_where(c1.span)} but {msg.listing(sorted(pretty(x) for x in k2))} in "
                           f"the {_where(c2.span)}; check what was measured.")
                return Flag(CheckId.OUTCOME_CONFLICT, Severity.WARNING, message,
                            evidence=_spans((c1, c2)))
    return None


#: Outcome concepts that can describe the same measurement.
OUTCOME_FAMILIES = (
    frozenset({"milk_flow", "milk_production"}),
    frozenset({"colostrum_time"}),
    frozenset({"colostrum_volume"}),
    frozenset({"knowledge", "health_education"}),
)


def _family(concept: str) -> frozenset[str]:
    return next((f for f in OUTCOME_FAMILIES if concept in f), frozenset({concept}))


def incompatible_outcomes(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when two sets of outcome concepts share no concept family (milk volume vs knowledge)."""
    fa = frozenset().union(*(_family(x) for x in a))
    fb = frozenset().union(*(_family(x) for x in b))
    return fa.isdisjoint(fb)
