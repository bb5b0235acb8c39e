"""The study record of a paper: bibliography, design, sample, sampling, PICO, tests, main result.

Every field keeps the spans that support it (``evidence``) and, for the fields the cross-checks
compare, every value stated anywhere (``candidates``). Where places disagree the record takes the
best-supported value:

* **place** — methods say what was done, results report it, the abstract summarises it
  (:data:`~evidencekit.extract.fields.places.RANK`); introduction and discussion describe other
  studies and are not read for design, sampling, n or tests;
* **n** — a sample size that makes the paper's own count/percent pairs come out right beats one
  that does not, whatever its place (a methods "29" against fifteen percentages of 15);
* **main result** — the comparison the abstract reports, as that is where authors name their
  primary result; the results section when the abstract gives only a threshold ("p < 0,05").
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Any, Iterable

from evidencekit.extract.fields.design import FAMILY_OF, read_sentence_designs
from evidencekit.extract.fields.main_result import DEFAULT_ALPHA, RESULT_PLACES, choose_main_result, choose_main_test
from evidencekit.extract.fields.phrases import phrase_starts, word_alternation
from evidencekit.extract.fields.pico import (
    AIM_KEYS,
    find_aims,
    find_comparator,
    find_contrasts,
    find_cued,
    find_instrument,
    find_primary_outcome,
    find_setting,
    flatten,
)
from evidencekit.extract.fields.places import AIM_SECTIONS, place_at
from evidencekit.extract.fields.pvalues import find_alpha, find_p_values
from evidencekit.extract.fields.sample_size import (
    STRENGTH,
    WEAK,
    CountPercent,
    best_sample_size,
    find_count_percents,
    find_sample_sizes,
    percent_support,
)
from evidencekit.extract.fields.sampling import find_sampling
from evidencekit.extract.fields.tests_used import find_tests
from evidencekit.extract.record_head import add_bibliography
from evidencekit.extract.record_paper import PLACE_LEXICONS, Found, Paper, best, first_in
from evidencekit.model import (
    Candidate,
    Descriptive,
    Document,
    MainResult,
    PercentCount,
    Span,
    Statistic,
    StudyRecord,
)
from evidencekit.vocab import Design, DesignFamily, DocumentKind, Sampling, StatKind, TestName

log = logging.getLogger(__name__)

#: Trust of places for the aim statement (intervention, outcome): lower is better.
AIM_RANK = {"methods": 0, "title": 1, "abstract": 2, "abstract_en": 3, "front": 3, "introduction": 4}
#: Count/percent pairs a sample size must make right, at least, before they overrule the places.
MIN_PERCENT_SUPPORT = 2


@cache
def _leading_noise() -> re.Pattern[str]:
    """Words that open an aim's intervention but are not part of it ("pengaruh signifikan pijat …"):
    pico ``aim_noise`` words, each after an optional ``aim_noise_lead`` ("yang")."""
    lead, noise = word_alternation("pico", "aim_noise_lead"), word_alternation("pico", "aim_noise")
    return re.compile(rf"^(?:(?:(?:{lead})\s+)?(?:{noise})\s+)+", re.I)


# --------------------------------------------------------------------------- public


def find_record(document: Document, statistics: Iterable[Any] = (), kind: DocumentKind | None = None) -> StudyRecord:
    """Build the :class:`StudyRecord` of one paper from its text and its extracted statistics."""
    paper = Paper(document)
    statistics = list(statistics)
    candidates: dict[str, tuple[Candidate, ...]] = {}
    evidence: dict[str, tuple[Span, ...]] = {}
    values: dict[str, Any] = {}

    def take(field: str, found: list[Found], chosen: Found | None) -> None:
        """Keep every candidate of ``field``; the chosen value's evidence is every place that states it."""
        candidates[field] = tuple(Candidate(f.value, f.span) for f in found)
        if chosen is not None:
            values[field] = chosen.value
            evidence[field] = tuple(f.span for f in found if f.value == chosen.value) or (chosen.span,)

    add_bibliography(paper, values, evidence)

    designs, families = _designs(paper, review=kind is DocumentKind.REVIEW)
    design = best(designs)
    take("design", designs, design)
    family = best(families)
    take("design_family", families, family)
    if family is None and design is not None and design.value in FAMILY_OF:
        values["design_family"] = FAMILY_OF[design.value]
        evidence["design_family"] = evidence["design"]
    if kind is DocumentKind.REVIEW:
        # a review's methods facts are its own, not those of the studies in its table
        if values.get("design_family") is not DesignFamily.REVIEW:
            values["design"], values["design_family"] = Design.LITERATURE_REVIEW, DesignFamily.REVIEW
        interventions, outcomes = _aims(paper)
        take("intervention", interventions, best(interventions))
        take("outcome", outcomes, best(outcomes))
        return StudyRecord(
            title=values.get("title"), authors=values.get("authors", ()), year=values.get("year"),
            journal=values.get("journal"), doi=values.get("doi"), design=values.get("design"),
            design_family=values.get("design_family"), intervention=values.get("intervention"),
            outcome=values.get("outcome"), evidence=evidence, candidates=candidates)

    sampling = _sampling(paper)
    take("sampling", sampling, best(sampling))

    one_group = values.get("design") is Design.ONE_GROUP_PRETEST_POSTTEST
    sizes, arms = _sample_sizes(paper, statistics, one_group)
    take("n_total", sizes, _choose_n(paper, sizes, statistics, one_group))

    mentions = _tests(paper) + _tests_of_statistics(paper, statistics)
    candidates["tests"] = tuple(Candidate(f.value, f.span) for f in mentions)
    tests = tuple(dict.fromkeys(f.value for f in sorted(mentions, key=lambda f: f.order)))
    if mentions:
        evidence["tests"] = tuple(f.span for f in mentions)

    interventions, outcomes = _aims(paper)
    take("intervention", interventions, best(interventions))
    take("outcome", outcomes, best(outcomes))

    comparator = None if one_group else _comparator(paper, arms, values.get("intervention"))
    if comparator is not None:
        values["comparator"] = comparator.value
        evidence["comparator"] = (comparator.span,)

    # the best-placed split that adds up to the chosen n
    n_arms = next((dict(a.value) for a in arms if sum(a.value.values()) == values.get("n_total")), {})
    if not n_arms and one_group and values.get("n_total") and values.get("intervention"):
        n_arms = {values["intervention"]: values["n_total"]}

    instrument = first_in(paper, ("methods", "abstract", "abstract_en", "front"), find_instrument)
    # the abstract and methods before the front matter, where a title runs into the author line
    setting = first_in(paper, ("abstract", "abstract_en", "methods", "front", "introduction"), find_setting)
    for name, found in (("instrument", instrument), ("setting", setting)):
        if found:
            values[name] = found[0]
            evidence[name] = (paper.span(found[1], found[2]),)

    alpha = _alpha(paper)
    main_test = _main_test(mentions, values.get("design"))
    main_result = _main_result(paper, statistics, main_test, alpha[0] if alpha else None)
    if alpha:
        evidence["alpha"] = (alpha[1],)
    if main_result is not None:
        evidence["main_result"] = (main_result[1],)

    return StudyRecord(
        title=values.get("title"), authors=values.get("authors", ()), year=values.get("year"),
        journal=values.get("journal"), doi=values.get("doi"), setting=values.get("setting"),
        design=values.get("design"), design_family=values.get("design_family"),
        n_total=values.get("n_total"), n_arms=n_arms, sampling=values.get("sampling"),
        intervention=values.get("intervention"), comparator=values.get("comparator"),
        outcome=values.get("outcome"), instrument=values.get("instrument"), tests=tests,
        main_result=main_result[0] if main_result else None,
        evidence=evidence, candidates=candidates, alpha=alpha[0] if alpha else None,
    )


# --------------------------------------------------------------------------- fields

def _designs(paper: Paper, review: bool = False) -> tuple[list[Found], list[Found]]:
    """Design and family candidates: one per sentence that names them, in trusted places (for a
    review, only its own abstract and methods, never its table of studies)."""
    designs, families = [], []
    for place in paper.ranked():
        if review and place.name not in ("abstract", "abstract_en", "front", "methods"):
            continue
        spans = paper.sentences(place)
        statements = read_sentence_designs(paper.slice(place), spans, place.start, paper.starts(place))
        for (s, _), statement in zip(spans, statements):
            if statement is None:
                continue
            if statement.design is not None:
                hit = statement.design_hit or statement.family_hit
                # a design implied by a family alone ("quasi eksperimen") yields to a named one
                explicit = 0 if statement.design_hit else 1
                designs.append(Found(statement.design, paper.span(hit.start, hit.end), place.rank,
                                      (explicit, s)))
            if statement.family_hit is not None:
                hit = statement.family_hit
                families.append(Found(statement.family, paper.span(hit.start, hit.end), place.rank, (s,)))
    return designs, families


def _sampling(paper: Paper) -> list[Found]:
    found = []
    for place in paper.ranked():
        for hit in find_sampling(paper.slice(place), place.start, paper.starts(place)):
            found.append(Found(Sampling(hit.key), paper.span(hit.start, hit.end), place.rank, (hit.start,)))
    return found


def _sample_sizes(paper: Paper, statistics: list[Any], one_group: bool) -> tuple[list[Found], list[Found]]:
    """Sample-size statements in trusted places (best one per sentence), and stated arm splits."""
    sizes, arms, population = [], [], []
    for place in paper.ranked():
        for s, e in paper.sentences(place):
            found = find_sample_sizes(paper.text[s:e], s, paper.starts_in(place, s, e))
            if place.name not in ("methods", "abstract", "abstract_en", "front"):
                # results and tables count subgroups: only explicit sample statements there
                found = [f for f in found if f.strength not in WEAK]
            best = best_sample_size([f for f in found if f.strength != "population"]) or best_sample_size(found)
            if best is None:
                continue
            (population if best.strength == "population" else sizes).append(
                Found(best.n, paper.span(best.start, best.end), place.rank, (STRENGTH[best.strength], best.start)))
            for split in (f for f in found if f.arms):
                arms.append(Found(split.arms, paper.span(split.start, split.end), place.rank, (split.start,)))
    if one_group:
        # in a one-group pre/post study every summary row's n is the whole sample
        for stat in statistics:
            if (isinstance(stat, Descriptive) and stat.n and stat.span is not None
                    and re.search(rf"(?<![\d.,]){stat.n}(?![\d]|[.,]\d)", stat.span.text or "")):
                # only an n printed in the row itself, not one the extractor derived
                place = place_at(paper.places, stat.span.start)
                if place is not None and place.rank is not None:
                    sizes.append(Found(stat.n, stat.span, place.rank, (STRENGTH["n_eq"], stat.span.start)))
    if not sizes:
        sizes = population     # only the population is stated (total sampling): it is the sample
    arms.sort(key=lambda f: (f.rank, f.order))
    return sizes, arms


def _choose_n(paper: Paper, sizes: list[Found], statistics: list[Any], one_group: bool) -> Found | None:
    """The best-supported n: by the paper's own count/percent pairs when they decide (one-group
    studies only: with two groups the percentages are of each arm), else by place."""
    if not sizes:
        return None
    if not one_group:
        return best(sizes)
    pairs = _count_percents(paper, statistics)
    support = {f.value: percent_support(f.value, pairs) for f in sizes}
    top = max(support.values())
    if top >= MIN_PERCENT_SUPPORT and sum(1 for v in support.values() if v == top) == 1:
        winner = next(v for v, s in support.items() if s == top)
        log.debug("n=%s chosen by %d count/percent pairs", winner, top)
        return best([f for f in sizes if f.value == winner])
    return best(sizes)


def _count_percents(paper: Paper, statistics: list[Any]) -> list[CountPercent]:
    """Every count/percent pair printed in a trusted place, and those the statistics found
    elsewhere (tables), each printed pair once: a place inside another, or a statistic at a
    pair the text scan found, does not count it again."""
    printed: dict[int, CountPercent] = {}
    for place in paper.ranked():
        for pair in find_count_percents(paper.slice(place), place.start):
            printed.setdefault(pair.start, pair)
    found = []
    for stat in statistics:
        if isinstance(stat, PercentCount) and stat.n is None:
            start, end = (stat.span.start, stat.span.end) if stat.span is not None else (0, 0)
            if not any(start <= pos < end for pos in printed):
                found.append(CountPercent(stat.count, stat.percent.value, stat.percent.decimals, start, end))
    return [*printed.values(), *found]


def _tests(paper: Paper) -> list[Found]:
    """Tests the paper states it used (hedged mentions left out), in trusted places."""
    found = []
    for place in paper.ranked():
        for mention in find_tests(paper.slice(place), place.start, paper.starts(place)):
            if not mention.hedged:
                found.append(Found(mention.test, paper.span(mention.hit.start, mention.hit.end), place.rank,
                                    (mention.hit.start,)))
    return found


def _tests_of_statistics(paper: Paper, statistics: list[Any]) -> list[Found]:
    """Tests named beside statistics printed in the results ("χ² test", a table's "Test" column).
    Abstract statistics are left out: their test may come from a hedged sentence."""
    found = []
    for stat in statistics:
        if isinstance(stat, Statistic) and stat.test is not None and stat.span is not None:
            place = place_at(paper.places, stat.span.start)
            if place is not None and place.name == "results":
                found.append(Found(stat.test, stat.span, place.rank, (stat.span.start,)))
    return found


def _main_test(mentions: list[Found], design: Design | None) -> TestName | None:
    return choose_main_test([(f.value, (f.rank, f.order)) for f in mentions], design)


def _aims(paper: Paper) -> tuple[list[Found], list[Found]]:
    """Intervention and outcome candidates from aim statements ("pengaruh X terhadap Y"),
    contrasts ("compared X with Y"), cued phrases ("Intervention: X", "primary outcome was Y").

    Order: place first (:data:`AIM_RANK`), then how explicit the statement is; an outcome named
    "as the primary outcome" comes before all others."""
    interventions, outcomes = [], []
    for place in paper.places:
        if place.name not in AIM_SECTIONS and place.name != "title":
            continue
        rank = AIM_RANK.get(place.name, 5)
        # flattened once here: the finders below read flat text and find it already flat
        text = flatten(paper.slice(place))
        starts = phrase_starts("pico", text, AIM_KEYS)       # one scan serves all four finders
        for aim in find_aims(text, place.start, starts):
            intervention = _leading_noise().sub("", aim.intervention)
            s, e = aim.intervention_span
            interventions.append(Found(intervention, paper.span(s + len(aim.intervention) - len(intervention), e),
                                        rank, (0, s)))
            outcomes.append(Found(aim.outcome, paper.span(*aim.outcome_span), rank, (2, s)))
        for value, s, e in find_cued(text, "intervention_cue", place.start, starts):
            interventions.append(Found(value, paper.span(s, e), rank, (1, s)))
        for contrast in find_contrasts(text, place.start, starts):
            interventions.append(Found(contrast.intervention, paper.span(*contrast.intervention_span), rank,
                                        (2, contrast.intervention_span[0])))
        for value, s, e in find_cued(text, "outcome_cue", place.start, starts):
            outcomes.append(Found(value, paper.span(s, e), rank, (1, s)))
        for value, s, e in find_primary_outcome(text, place.start):
            outcomes.append(Found(value, paper.span(s, e), -1, (0, s)))
    return interventions, outcomes


def _comparator(paper: Paper, arms: list[Found], intervention: str | None) -> Found | None:
    found = first_in(paper, ("methods", "abstract", "abstract_en", "front"), find_comparator)
    if found:
        return Found(found[0], paper.span(found[1], found[2]), 0)
    if arms and intervention:
        # the arm that is not the intervention
        words = set(intervention.lower().split())
        for label in arms[0].value:
            if not words & set(label.split()):
                return Found(label, arms[0].span, arms[0].rank)
    return None

def _alpha(paper: Paper) -> tuple[float, Span] | None:
    for place in paper.ranked():
        found = find_alpha(paper.slice(place), place.start, paper.starts(place))
        if found:
            return found[0], paper.span(found[1], found[2])
    return None


# --------------------------------------------------------------------------- main result

def _main_result(paper: Paper, statistics: list[Any], main_test: TestName | None,
                 alpha: float | None) -> tuple[MainResult, Span] | None:
    placed = []
    for stat in _p_statistics(paper, statistics):
        place = place_at(paper.places, stat.span.start)
        placed.append((stat, place.name if place else None))
    return choose_main_result(placed, main_test, alpha)


def _p_statistics(paper: Paper, statistics: list[Any]) -> list[Statistic]:
    """Statistics carrying a p-value; when the statistics extractor gave none, the p-values
    printed in the abstract and results (so the record does not depend on it)."""
    stats = [s for s in statistics if isinstance(s, Statistic) and s.p is not None and s.span is not None]
    if stats:
        return stats
    out = []
    for place in paper.places:
        if place.name not in RESULT_PLACES:
            continue
        for p in find_p_values(paper.slice(place), place.start):
            out.append(Statistic(StatKind.P_ONLY, p=p.value, p_operator=p.operator,
                                 span=paper.span(p.start, p.end)))
    return out


__all__ = ["DEFAULT_ALPHA", "PLACE_LEXICONS", "find_record"]
