"""A finding printed in two places is one flag with two pieces of evidence."""

from evidencekit.checks import merge_repeats
from evidencekit.model import Flag, Span
from evidencekit.vocab import CheckId, Severity


def _flag(message, start):
    return Flag(CheckId.DECISION_ERROR, Severity.ERROR, message,
                evidence=(Span("results", 2, start, start + 5, "t(30)"),))


def test_the_same_finding_in_text_and_table_becomes_one_flag_with_both_spans():
    merged = merge_repeats([_flag("t(30) = 1,845 gives p = 0,075", 10),
                            _flag("t(30) = 1,845 gives p = 0,075", 90)])
    assert len(merged) == 1
    assert [s.start for s in merged[0].evidence] == [10, 90]


def test_different_findings_stay_apart():
    assert len(merge_repeats([_flag("one finding", 10), _flag("another finding", 10)])) == 2
