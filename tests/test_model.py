"""The data model writes the contract's field names and vocabularies."""

from evidencekit.model import (DocumentResult, Flag, MainResult, Reported, Span, Statistic,
                               StudyRecord, results_to_dict)
from evidencekit.vocab import CheckId, Design, POperator, Severity, StatKind, TestName, parse_vocab

import pytest


def test_reported_keeps_its_rounding_interval():
    r = Reported(0.874, 3, "0,874")
    low, high = r.bounds()
    assert low == pytest.approx(0.8735) and high == pytest.approx(0.8745)


def test_statistic_to_dict_uses_contract_names():
    s = Statistic(StatKind.Z, Reported(-3.317, 3, "-3,317"), p=Reported(0.001, 3, "0,001"),
                  p_operator=POperator.EQ, test=TestName.WILCOXON_SIGNED_RANK,
                  span=Span("results", 3, 10, 20, "nilai Z"))
    d = s.to_dict()
    assert d["kind"] == "Z" and d["value"] == -3.317 and d["p"] == 0.001
    assert d["test"] == "wilcoxon_signed_rank" and d["p_operator"] == "="
    assert (d["section"], d["page"], d["start"], d["end"]) == ("results", 3, 10, 20)
    assert d["source"] == "text"


def test_document_result_round_trips_the_record_and_flags():
    record = StudyRecord(design=Design.RCT, n_total=40, tests=(TestName.INDEPENDENT_T,),
                         main_result=MainResult(TestName.INDEPENDENT_T, StatKind.T, 2.1, (38.0,), 0.04,
                                                POperator.EQ, True))
    flag = Flag(CheckId.GRIM, Severity.ERROR, "Mean 2.07 is impossible.", expected=2.06, reported=2.07)
    out = results_to_dict([DocumentResult("a", "a.pdf", record=record, flags=(flag,))], "0")
    doc = out["documents"][0]
    assert out["contract"] == 1
    assert StudyRecord.from_dict(doc["record"]).main_result == record.main_result
    assert Flag.from_dict(doc["flags"][0]) == flag


def test_parse_vocab_names_the_allowed_values():
    with pytest.raises(ValueError, match="allowed: .*one_group_pretest_posttest"):
        parse_vocab(Design, "pre-post")


def test_p_operator_reads_printed_forms():
    assert POperator.parse("≤") is POperator.LE
    assert POperator.parse(" < ") is POperator.LT


@pytest.mark.parametrize(("authors", "expected"), [
    (("Sari, D.", "Putri, A."), "Sari 2019"),
    (("Dewi Lestari",), "Lestari 2019"),
])
def test_citation_takes_the_first_authors_surname_in_either_order(authors, expected):
    assert StudyRecord(authors=authors, year=2019).citation() == expected


def test_citation_is_none_without_authors():
    assert StudyRecord(year=2019).citation() is None


def test_one_df_is_written_as_a_number_and_two_as_a_list():
    t = Statistic(StatKind.T, Reported(2.45, 2, "2.45"), df=(58.0,))
    f = Statistic(StatKind.F, Reported(4.1, 1, "4.1"), df=(2.0, 27.0))
    assert t.to_dict()["df"] == 58 and f.to_dict()["df"] == [2, 27]
    assert MainResult(df=(58.0,)).to_dict()["df"] == 58


def test_df_reads_back_from_either_form():
    assert MainResult.from_dict({"df": 58}).df == (58.0,)
    assert MainResult.from_dict({"df": [2, 27]}).df == (2.0, 27.0)
