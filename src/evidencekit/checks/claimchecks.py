"""Checks of prose claims against the paper's own numbers and methods.

* decision_rule — a stated rule that reads p > α as an effect or p < α as none (the Neyman–
  Pearson decision rule reversed).
* unsupported_inference — "no participant's score fell", argued from group minima and maxima:
  ranges of two time points cannot show individual change.
* protocol_conflict — the intervention's dose (times a day, minutes, days) stated differently in
  the conclusion or abstract than in the methods.
* outcome_conflict — the abstract or results interpret the result as a different outcome than
  the one measured (outcome concepts from the claims lexicon).
* table_cell_conflict, conclusion_conflict — rows of a review's extraction table: a population
  cell holding a citation; "more effective" concluded from separate within-group p-values.
"""

from __future__ import annotations

import re

from evidencekit.checks import messages as msg
from evidencekit.checks.crosscheck import incompatible_outcomes, pretty
from evidencekit.extract.claims import Claims, outcome_concepts_in
from evidencekit.model import Flag, StudyRecord
from evidencekit.vocab import CheckId, Severity


def check_decision_rules(claims: Claims) -> list[Flag]:
    """decision_rule: every stated rule that is reversed (rules printed together give one flag).
    Error: read literally, it turns the paper's significant result into "no effect"."""
    groups: list[list] = []
    for rule in claims.decision_rules:
        if not rule.reversed:
            continue
        if groups and rule.span.start - groups[-1][-1].span.end < 200:
            groups[-1].append(rule)
        else:
            groups.append([rule])
    out = []
    for rules in groups:
        said = msg.listing([f"p {r.operator} {msg.num(r.threshold, 2, True)} means "
                            f"{'an effect' if r.effect else 'no effect'}" for r in rules])
        message = (f"The paper states that {said}; it is the other way round "
                   f"(p < α shows an effect, p > α does not).")
        out.append(Flag(CheckId.DECISION_RULE, Severity.ERROR, message,
                        evidence=tuple(r.span for r in rules),
                        details={"rules": [[r.operator, r.threshold, r.effect] for r in rules]}))
    return out


def check_threshold_typos(claims: Claims, alpha: float) -> list[Flag]:
    """value_conflict: the threshold printed in brackets after a p ("p = 0,000 (p < 0,005)") is
    the paper's α moved by one decimal place (0,005 or 0,5 for 0,05). Note."""
    out = []
    for t in claims.thresholds:
        # only the typist's slip of one decimal place (0,005 or 0,5 for 0,05), not p < 0,01
        if t.operator != "<" or not any(abs(t.value - alpha * k) < 1e-12 for k in (0.1, 10)):
            continue
        shown = msg.num(t.value, max(2, len(f"{t.value:g}".split(".")[-1])), True)
        message = (f"A p-value is compared with {shown} (“{' '.join(t.span.text.split())}”), "
                   f"but the paper's α is {msg.num(alpha, 2, True)}; one of the two is mistyped.")
        out.append(Flag(CheckId.VALUE_CONFLICT, Severity.NOTE, message, evidence=(t.span,),
                        expected=alpha, reported=t.value))
    return out


def check_unsupported_inference(claims: Claims, has_rank_counts: bool = False) -> list[Flag]:
    """unsupported_inference: a claim that no participant's score fell, argued from ranges
    (minimum–maximum) — ranges of each time point cannot show any one person's change. Note."""
    if has_rank_counts:
        return []                  # negative ranks = 0 in a Wilcoxon table do show it
    spans = tuple(s.span for s in claims.no_decrease if s.cites_ranges)
    if not spans:
        return []
    return [Flag(CheckId.UNSUPPORTED_INFERENCE, Severity.NOTE,
                 "The paper concludes from the minimum–maximum ranges that no participant's score "
                 "fell; ranges of the two time points cannot show that — report the individual "
                 "changes (e.g. the number of negative ranks).", evidence=spans)]


#: Sections that restate the study's own protocol (the discussion cites other studies' doses).
RESTATING = ("conclusion", "abstract", "abstract_en")


def check_protocol_conflict(claims: Claims) -> list[Flag]:
    """protocol_conflict: a dose (times a day, minutes, days) stated in the conclusion or
    abstract that the methods state differently (or, for times a day, not at all) while the
    methods do describe the protocol. One note listing every place. Note."""
    methods = [p for p in claims.protocol if p.span.section == "methods"]
    if not methods:
        return []
    problems: dict[str, list[str]] = {}
    spans = []
    for p in claims.protocol:
        if p.span.section not in RESTATING:
            continue
        found = []
        for attr, unit in (("times_per_day", "times a day"), ("minutes", "minutes"), ("days", "days")):
            v = getattr(p, attr)
            if v is None:
                continue
            stated = {getattr(m, attr) for m in methods if getattr(m, attr) is not None}
            if v in stated:
                continue
            shown = f"{v[0]}–{v[1]}" if isinstance(v, tuple) else str(v)
            if stated:
                was = msg.listing([f"{s[0]}–{s[1]}" if isinstance(s, tuple) else str(s) for s in stated])
                found.append(f"{shown} {unit} (methods: {was})")
            elif attr == "times_per_day":
                found.append(f"{shown} {unit} (the methods give no such frequency)")
        if found:
            spans.append(p.span)
            problems.setdefault("; ".join(found), []).append(p.span.section)
    if not problems:
        return []
    parts = [f"the {msg.listing(sorted(set(where)))} as {what}" for what, where in problems.items()]
    message = (f"The intervention is described in {msg.listing(parts)}; report the protocol as "
               f"it was delivered.")
    return [Flag(CheckId.PROTOCOL_CONFLICT, Severity.NOTE, message,
                 evidence=tuple(spans) + (methods[0].span,))]


#: Sections whose outcome mentions interpret this study's result.
RESULT_SECTIONS = ("abstract", "abstract_en", "results", "conclusion")


def check_outcome_claims(claims: Claims, record: StudyRecord, measured_units: frozenset[str]) -> list[Flag]:
    """outcome_conflict: the abstract/results/conclusion name an outcome that shares no concept
    with the measured one (the record's outcome), or a time outcome where volumes in ml are
    reported. Warning."""
    measured = outcome_concepts_in(record.outcome or "")
    if "ml" in measured_units:
        measured = measured | {"colostrum_volume"} if "colostrum_time" in measured else measured
    out = []
    seen: set[frozenset[str]] = set()
    for m in claims.outcomes:
        if m.span.section not in RESULT_SECTIONS:
            continue
        concepts = m.concepts
        time_vs_ml = "colostrum_time" in concepts and "ml" in measured_units
        if not (measured and incompatible_outcomes(concepts, measured)) and not time_vs_ml:
            continue
        if concepts in seen:
            continue
        seen.add(concepts)
        said = msg.listing(sorted(pretty(c) for c in concepts))
        what = (msg.listing(sorted(pretty(c) for c in measured)) if measured and not time_vs_ml
                else "a volume in ml")
        message = (f"The {m.span.section} speaks of {said}, but the study measured {what}; "
                   f"check which outcome the result is about.")
        out.append(Flag(CheckId.OUTCOME_CONFLICT, Severity.WARNING, message, evidence=(m.span,)))
    return out


# ------------------------------------------------------------------------ review rows

POPULATION_HEADER = re.compile(r"popula|sampel|sample|subje|partisipan|participant", re.IGNORECASE)
RESULT_HEADER = re.compile(r"hasil|result|temuan|finding|kesimpulan|conclusion", re.IGNORECASE)
#: columns where a citation belongs
CITATION_HEADER = re.compile(r"penulis|author|nama|judul|title|referen|sumber|source", re.IGNORECASE)
#: "Ibrahim, 2020 Penerapan …": a citation followed by a study title, where people or a design belong
CITED_TITLE = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s*,\s*\(?(?:19|20)\d\d\)?\s+"
                         r"(?:Penerapan|Pengaruh|Efektivitas|Efektifitas|Hubungan|Perbedaan"
                         r"|The effect|Effectiveness)\b")


def check_review_row_cells(row: StudyRecord) -> list[Flag]:
    """table_cell_conflict: a cell of a review's extraction table (outside the author and title
    columns) that holds another study's citation and title — the row's cells are shifted or
    mixed with another row. Warning."""
    out = []
    cells = row.cells or {}
    empty_population = [h for h, t in cells.items() if POPULATION_HEADER.search(h or "") and not (t or "").strip()]
    for header, text in cells.items():
        if CITATION_HEADER.search(header or "") or not text:
            continue
        m = CITED_TITLE.search(text)
        if not m:
            continue
        extra = (f"; the '{empty_population[0]}' cell is empty" if empty_population else "")
        message = (f"Row {row.row}: the '{header}' cell holds a citation and title "
                   f"(“{m.group(0)}”) that belong to another study{extra}; check this row "
                   f"against the original table.")
        out.append(Flag(CheckId.TABLE_CELL_CONFLICT, Severity.WARNING, message,
                        details={"row": row.row, "column": header}))
    return out


def check_review_row_conclusion(row: StudyRecord) -> list[Flag]:
    """conclusion_conflict: a row concludes one intervention beats another ("lebih efektif")
    from separate within-group p-values, with no between-group comparison. Note."""
    from evidencekit.extract.claims import has_phrase

    for header, text in (row.cells or {}).items():
        if not RESULT_HEADER.search(header or "") or not text:
            continue
        if has_phrase("comparative", text) and len(row.p_values) >= 2 and not has_phrase("between_groups", text):
            ps = ", ".join(p.text for p in row.p_values[:3])
            message = (f"Row {row.row}: concludes that one intervention is more effective from "
                       f"separate within-group p-values ({ps}); only a between-group comparison "
                       f"can show that.")
            return [Flag(CheckId.CONCLUSION_CONFLICT, Severity.NOTE, message,
                         details={"row": row.row, "column": header})]
    return []
