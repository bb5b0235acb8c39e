"""The primary comparison of a study: which test it used and which printed result is it.

The abstract is where authors name their primary result, so its exact p comes first; the results
section when the abstract gives only a threshold ("p < 0,05"). The test is the best-placed one
that fits the design: a one-group pre/post study compares each mother with herself, a two-group
study compares the groups.
"""

from __future__ import annotations

from evidencekit.extract.fields.pvalues import PValue, is_decision_rule, significant
from evidencekit.extract.fields.tests_used import ASSUMPTION_TESTS
from evidencekit.model import MainResult, Span, Statistic
from evidencekit.vocab import Design, POperator, StatKind, TestName

#: α used to call a result significant when the paper states none (the field's convention);
#: ``record.alpha`` stays None then, so the report can say the level was not stated.
DEFAULT_ALPHA = 0.05
#: Tests that compare a group with itself (pre/post) and tests that compare groups.
WITHIN_TESTS = frozenset({TestName.PAIRED_T, TestName.WILCOXON_SIGNED_RANK, TestName.MCNEMAR, TestName.FRIEDMAN,
                          TestName.ONE_SAMPLE_T})
BETWEEN_TESTS = frozenset({TestName.INDEPENDENT_T, TestName.WELCH_T, TestName.MANN_WHITNEY, TestName.CHI_SQUARE,
                           TestName.FISHER_EXACT, TestName.KRUSKAL_WALLIS, TestName.ANOVA, TestName.ANCOVA})
#: The tests a design's main comparison is made with.
MAIN_TESTS_OF = {
    Design.ONE_GROUP_PRETEST_POSTTEST: WITHIN_TESTS,
    Design.TWO_GROUP_PRETEST_POSTTEST: BETWEEN_TESTS,
    Design.TWO_GROUP_POSTTEST_ONLY: BETWEEN_TESTS,
    Design.RCT: BETWEEN_TESTS,
}
#: Where the main result is read, in order: the abstract names it, the results report it.
RESULT_PLACES = {"abstract": 0, "abstract_en": 0, "front": 0, "results": 1}


def choose_main_test(tests: list[tuple[TestName, tuple]], design: Design | None) -> TestName | None:
    """From (test, sort key) pairs — lower key = better placed — the test of the main comparison:
    the best-placed one that fits the design, else the best-placed that is not an assumption check."""
    usable = sorted((key, test) for test, key in tests if test not in ASSUMPTION_TESTS)
    fitting = [(key, test) for key, test in usable if test in MAIN_TESTS_OF.get(design, ())]
    best = (fitting or usable or [None])[0]
    return best[1] if best else None


def choose_main_result(placed: list[tuple[Statistic, str | None]], main_test: TestName | None,
                       alpha: float | None) -> tuple[MainResult, Span] | None:
    """The primary comparison among statistics with a p-value and the section each stands in: an
    exact p before a bare threshold, the abstract before the results, a test statistic before a
    bare p; assumption checks never. ``main_test`` (from the methods) names the test when known."""
    options = []
    for stat, section in placed:
        group = RESULT_PLACES.get(section or "")
        if group is None or stat.p is None or stat.span is None or stat.test in ASSUMPTION_TESTS:
            continue
        rule = is_decision_rule(PValue(stat.p, stat.p_operator or POperator.EQ, 0, 0))
        options.append(((rule, group, stat.kind is StatKind.P_ONLY, stat.span.start), stat))
    if not options:
        return None
    stat = min(options, key=lambda o: o[0])[1]
    operator = stat.p_operator or POperator.EQ
    # an abstract often gives only the p of a result whose statistic the results print
    source = same_result_with_statistic(stat, [s for s, _ in placed]) if stat.kind is StatKind.P_ONLY else stat
    source = source or stat
    return MainResult(
        test=main_test or stat.test, statistic=None if source.kind is StatKind.P_ONLY else source.kind,
        value=source.value.value if source.value is not None else None, df=source.df, p=stat.p.value,
        p_operator=operator, significant=significant(stat.p.value, operator, alpha or DEFAULT_ALPHA)), stat.span


def same_result_with_statistic(bare: Statistic, statistics: list[Statistic]) -> Statistic | None:
    """The test statistic printed elsewhere with the same p (same operator and value) and a test
    that does not contradict the bare p's; None when there is none or more than one candidate
    value (then we do not guess)."""
    found = [s for s in statistics
             if s.kind is not StatKind.P_ONLY and s.value is not None and s.p is not None
             and s.p.value == bare.p.value and (s.p_operator or POperator.EQ) == (bare.p_operator or POperator.EQ)
             and (bare.test is None or s.test is None or s.test == bare.test)]
    values = {(s.kind, s.value.value, s.df) for s in found}
    return found[0] if len(values) == 1 else None
