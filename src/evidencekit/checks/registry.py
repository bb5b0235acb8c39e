"""Every contract check id and the one documented function that runs it over a document.

A runner takes the :class:`Inputs` of one document (result, context, prose claims) and returns
its flags; it pairs up the model objects and calls the pure ``check_*`` functions.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from evidencekit.checks import (bounds, claimchecks, crosscheck, granularity, intervals, pairing,
                                pvalues, values)
from evidencekit.checks import messages as msg
from evidencekit.checks.pairing import Inputs
from evidencekit.extract.claims import outcome_concepts_in
from evidencekit.labels import time_named
from evidencekit.model import Candidate, Flag, Statistic
from evidencekit.vocab import CheckId, Severity, Source, StatKind, TestName


def _each(items, fn, ctx) -> list[Flag]:
    return [f for x in items if (f := fn(x, ctx)) is not None]


def _testable_stats(inp: Inputs) -> list[Statistic]:
    return [s for s in inp.stats if s.kind not in (StatKind.P_ONLY, StatKind.CI, StatKind.OR, StatKind.RR)]


def run_p_recompute(inp: Inputs) -> list[Flag]:
    """p_recompute — statcheck's recomputation (Nuijten et al. 2016) of every test statistic,
    extended to W, U, H, ρ; see :func:`pvalues.check_p_recompute`."""
    return _each(_testable_stats(inp), pvalues.check_p_recompute, inp.ctx)


def run_decision_error(inp: Inputs) -> list[Flag]:
    """decision_error — a p_recompute inconsistency that flips significance at the paper's α;
    see :func:`pvalues.check_decision_error`."""
    return _each(_testable_stats(inp), pvalues.check_decision_error, inp.ctx)


def run_p_zero_or_format(inp: Inputs) -> list[Flag]:
    """p_zero_or_format — p printed as 0 / 0,000 (one note for all the places it happens) or
    above 1 (an error each), in the statistics and in a review's rows;
    see :func:`pvalues.check_p_format`."""
    out, zeros = [], []
    for s in inp.stats:
        if s.p is None or (f := pvalues.check_p_format(s.p, s.p_operator, (s.span,) if s.span else ())) is None:
            continue
        (zeros if f.severity is Severity.NOTE else out).append(f)
    if zeros:
        n = len(zeros)
        where = f" ({n} places)" if n > 1 else ""
        out.append(Flag(CheckId.P_ZERO_OR_FORMAT, Severity.NOTE, zeros[0].message.replace(
            "; a p-value", f"{where}; a p-value", 1), tuple(sp for f in zeros for sp in f.evidence),
            zeros[0].expected, zeros[0].reported, details={"count": n}))
    rows = [row for row in inp.result.studies if any(p.value <= 0 for p in row.p_values)]
    if rows:
        p = next(p for p in rows[0].p_values if p.value <= 0)
        f = pvalues.check_p_format(p, None)
        listed = msg.listing([str(r.row) for r in rows])
        out.append(Flag(f.check, f.severity, f"Rows {listed}: {f.message}" if len(rows) > 1
                        else f"Row {listed}: {f.message}", f.evidence, f.expected, f.reported,
                        details={"rows": [r.row for r in rows]}))
    for row in inp.result.studies:
        for p in row.p_values:
            if p.value > 1 and (f := pvalues.check_p_format(p, None)):
                out.append(Flag(f.check, f.severity, f"Row {row.row}: {f.message}", details={"row": row.row}))
    return out


def run_grim(inp: Inputs) -> list[Flag]:
    """grim — Brown & Heathers (2017) on every descriptive of whole-number data;
    see :func:`granularity.check_grim`."""
    return _each(inp.descriptives, granularity.check_grim, inp.ctx)


def run_grimmer(inp: Inputs) -> list[Flag]:
    """grimmer — Anaya (2016) on every descriptive of whole-number data with an SD;
    see :func:`granularity.check_grimmer`."""
    return _each(inp.descriptives, granularity.check_grimmer, inp.ctx)


def run_percent_count(inp: Inputs) -> list[Flag]:
    """percent_count — every frequency table's percentages, and every "count (percent)" of the
    study's own text that no table restates, against count/n;
    see :func:`granularity.check_percent_count`."""
    out = [f for t in inp.tables for f in granularity.check_frequency_table_percents(t, inp.ctx)]
    items = [p for p in inp.percents if p.source is Source.TEXT
             and (p.span is None or p.span.section in values.OWN_SECTIONS)
             and not values.restated_in(p, inp.tables)
             and not any(p.count in t.counts for t in inp.tables)]   # a value_conflict, if anything
    if not inp.tables:
        items += [p for p in inp.percents if p.source is Source.TABLE]
    return out + _each(items, granularity.check_percent_count_item, inp.ctx)


def run_percent_sum(inp: Inputs) -> list[Flag]:
    """percent_sum — the percentages of one frequency table add to 100 within rounding;
    see :func:`granularity.check_percent_sum`."""
    return _each(inp.tables, granularity.check_percent_sum, inp.ctx)


def run_ci_mismatch(inp: Inputs) -> list[Flag]:
    """ci_mismatch — every 95% CI of a mean against mean ± t·SD/√n; see
    :func:`intervals.check_ci`."""
    return _each(inp.descriptives, intervals.check_ci, inp.ctx)


def run_range_feasibility(inp: Inputs) -> list[Flag]:
    """range_feasibility — mean/median within [min, max] and the SD within what the range
    allows; see :func:`bounds.check_range`."""
    return _each(inp.descriptives, bounds.check_range, inp.ctx)


def run_categorical_summary(inp: Inputs) -> list[Flag]:
    """categorical_summary — a descriptive row against the paper's own frequency table of the
    same variable and time, under the coding most of the paper's tables agree with;
    see :func:`bounds.check_categorical`."""
    pairs = pairing.table_pairs(inp)
    by_k: dict[int, list] = {}
    for t, d in pairs:
        by_k.setdefault(len(t.levels), []).append((t, d))
    out = []
    for k, ps in by_k.items():
        coding = bounds.infer_coding(ps)
        out += [f for t, d in ps if (f := bounds.check_categorical(t, d, coding, inp.ctx))]
    return out


PAIRED_P_KINDS = frozenset({StatKind.P_ONLY, StatKind.T, StatKind.Z, StatKind.W})


def run_p_bound(inp: Inputs) -> list[Flag]:
    """p_bound — the reported p of a pre/post comparison against the largest p any pre/post
    correlation allows (:func:`bounds.check_paired_p_bound`), and of a two-group comparison
    against Student's and Welch's t (:func:`bounds.check_two_group_p_bound`). A p already
    flagged by p_recompute (its own statistic disagrees) is not flagged again."""
    ds = [d for d in inp.descriptives if d.mean is not None and d.sd is not None]
    pre = [d for d in ds if time_named(d) == "pre"]
    post = [d for d in ds if time_named(d) == "post"]
    recomputed_wrong = {s.p.value for s in inp.stats if s.p is not None
                        and pvalues.check_p_recompute(s, inp.ctx) is not None}
    stats = [s for s in inp.stats if s.p is not None and s.kind in PAIRED_P_KINDS
             and s.test not in values.NOT_MAIN and s.p.value not in recomputed_wrong]
    out: list[Flag] = []
    if inp.ctx.paired is not False and len({(d.mean.value, d.sd.value) for d in pre}) == 1 \
            and len({(d.mean.value, d.sd.value) for d in post}) == 1:
        rank = TestName.WILCOXON_SIGNED_RANK in inp.record.tests
        seen = set()
        for s in stats:
            if s.p.value in seen:
                continue
            seen.add(s.p.value)
            f = bounds.check_paired_p_bound(pre[0], post[0], s, inp.ctx,
                                            rank_test=rank or s.test is TestName.WILCOXON_SIGNED_RANK,
                                            no_decrease_stated=bool(inp.claims.no_decrease))
            if f:
                out.append(f)
    if inp.ctx.paired is False:
        out += pairing.two_group_p_bounds(inp, ds, recomputed_wrong)
    return out


def run_n_conflict(inp: Inputs) -> list[Flag]:
    """n_conflict — every sample size the paper states for the sample (record candidates, and
    the n of a one-group study's table rows); see :func:`crosscheck.check_n_conflict`."""
    f = crosscheck.check_n_conflict(inp.record, pairing.n_from_tables(inp))
    return [f] if f else []


def run_design_conflict(inp: Inputs) -> list[Flag]:
    """design_conflict — designs and design labels across places, and in a review's rows;
    see :func:`crosscheck.check_design_conflict`."""
    out = [f] if (f := crosscheck.check_design_conflict(inp.record)) else []
    for row in inp.result.studies:
        if (g := crosscheck.check_design_conflict(row)):
            out.append(Flag(g.check, g.severity, f"Row {row.row}: {g.message}", g.evidence,
                            details={"row": row.row}))
    return out


def run_test_conflict(inp: Inputs) -> list[Flag]:
    """test_conflict — tests named for the main comparison across places;
    see :func:`crosscheck.check_test_conflict`."""
    with_stats = frozenset(s.test for s in inp.stats if s.test is not None)
    record = inp.record
    if inp.result.kind.value == "primary":
        # the test printed with a statistic in the abstract or results is stated there too
        stated = [Candidate((s.test,), s.span) for s in inp.stats if s.test is not None and s.span
                  and s.span.section in ("abstract", "abstract_en", "results")]
        cands = dict(record.candidates)
        cands["tests"] = tuple(record.candidates.get("tests", ())) + tuple(stated)
        record = replace(record, candidates=cands)
    f = crosscheck.check_test_conflict(record, with_stats)
    return [f] if f else []


def run_test_design_mismatch(inp: Inputs) -> list[Flag]:
    """test_design_mismatch — a test that does not fit the design;
    see :func:`crosscheck.check_test_design_mismatch`."""
    f = crosscheck.check_test_design_mismatch(inp.record)
    return [f] if f else []


def run_sampling_conflict(inp: Inputs) -> list[Flag]:
    """sampling_conflict — sampling methods across places;
    see :func:`crosscheck.check_sampling_conflict`."""
    f = crosscheck.check_sampling_conflict(inp.record)
    return [f] if f else []


def run_outcome_conflict(inp: Inputs) -> list[Flag]:
    """outcome_conflict — outcomes named in the record's places and in the result-interpreting
    prose; see :func:`crosscheck.check_outcome_conflict_candidates` and
    :func:`claimchecks.check_outcome_claims`."""
    out = [f] if (f := crosscheck.check_outcome_conflict_candidates(inp.record, outcome_concepts_in)) else []
    units = frozenset(u for d in inp.descriptives for u in pairing.printed_units(inp, d))
    return out + claimchecks.check_outcome_claims(inp.claims, inp.record, units)


def run_value_conflict(inp: Inputs) -> list[Flag]:
    """value_conflict — the same quantity printed twice with different values (descriptives,
    counts/percents, the main p-value; see :mod:`evidencekit.checks.values`) and a bracketed
    threshold that is not the paper's α (:func:`claimchecks.check_threshold_typos`)."""
    texts = [(p, pairing.named_before(inp, p)) for p in inp.percents if p.source is Source.TEXT
             and (p.span is None or p.span.section in values.OWN_SECTIONS)]
    return (values.check_descriptive_values(inp.descriptives)
            + values.check_percent_values(texts, inp.tables)
            + values.check_main_p_values(inp.stats)
            + claimchecks.check_threshold_typos(inp.claims, inp.ctx.alpha))


def run_unit_conflict(inp: Inputs) -> list[Flag]:
    """unit_conflict — incompatible units for one quantity; see :func:`values.check_units`."""
    return values.check_units([(d, pairing.printed_units(inp, d)) for d in inp.descriptives],
                              inp.claims.questionnaire)


def run_label_conflict(inp: Inputs) -> list[Flag]:
    """label_conflict — table rows labelled as another time point; see
    :func:`values.check_labels`."""
    captions = {}
    doc = inp.result.document
    if doc is not None:
        for d in inp.descriptives:
            if d.span and (t := doc.in_table(d.span.start)) and t.caption:
                captions[d.span.start] = t.caption
    return values.check_labels(inp.descriptives, captions)


def run_table_cell_conflict(inp: Inputs) -> list[Flag]:
    """table_cell_conflict — review rows whose population cell holds a citation or title;
    see :func:`claimchecks.check_review_row_cells`."""
    return [f for row in inp.result.studies for f in claimchecks.check_review_row_cells(row)]


def run_conclusion_conflict(inp: Inputs) -> list[Flag]:
    """conclusion_conflict — "more effective" from separate within-group p-values (review rows);
    see :func:`claimchecks.check_review_row_conclusion`."""
    return [f for row in inp.result.studies
            for f in claimchecks.check_review_row_conclusion(row)]


def run_decision_rule(inp: Inputs) -> list[Flag]:
    """decision_rule — reversed decision rules; see :func:`claimchecks.check_decision_rules`."""
    return claimchecks.check_decision_rules(inp.claims)


def run_protocol_conflict(inp: Inputs) -> list[Flag]:
    """protocol_conflict — the intervention's dose restated differently;
    see :func:`claimchecks.check_protocol_conflict`."""
    return claimchecks.check_protocol_conflict(inp.claims)


def run_unsupported_inference(inp: Inputs) -> list[Flag]:
    """unsupported_inference — individual change claimed from ranges;
    see :func:`claimchecks.check_unsupported_inference`."""
    return claimchecks.check_unsupported_inference(inp.claims)


#: Every contract check id → the one function that runs it.
CHECKS: dict[CheckId, Callable[[Inputs], list[Flag]]] = {
    CheckId.P_RECOMPUTE: run_p_recompute,
    CheckId.DECISION_ERROR: run_decision_error,
    CheckId.GRIM: run_grim,
    CheckId.GRIMMER: run_grimmer,
    CheckId.PERCENT_COUNT: run_percent_count,
    CheckId.PERCENT_SUM: run_percent_sum,
    CheckId.CI_MISMATCH: run_ci_mismatch,
    CheckId.RANGE_FEASIBILITY: run_range_feasibility,
    CheckId.CATEGORICAL_SUMMARY: run_categorical_summary,
    CheckId.P_BOUND: run_p_bound,
    CheckId.N_CONFLICT: run_n_conflict,
    CheckId.DESIGN_CONFLICT: run_design_conflict,
    CheckId.TEST_CONFLICT: run_test_conflict,
    CheckId.TEST_DESIGN_MISMATCH: run_test_design_mismatch,
    CheckId.VALUE_CONFLICT: run_value_conflict,
    CheckId.DECISION_RULE: run_decision_rule,
    CheckId.P_ZERO_OR_FORMAT: run_p_zero_or_format,
    CheckId.UNIT_CONFLICT: run_unit_conflict,
    CheckId.SAMPLING_CONFLICT: run_sampling_conflict,
    CheckId.OUTCOME_CONFLICT: run_outcome_conflict,
    CheckId.LABEL_CONFLICT: run_label_conflict,
    CheckId.TABLE_CELL_CONFLICT: run_table_cell_conflict,
    CheckId.CONCLUSION_CONFLICT: run_conclusion_conflict,
    CheckId.PROTOCOL_CONFLICT: run_protocol_conflict,
    CheckId.UNSUPPORTED_INFERENCE: run_unsupported_inference,
}
