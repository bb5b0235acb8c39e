"""The five seeds: the checks run on the hand-made reference values of ../shared/gold/seeds.json
(statistics and frequency tables read off each paper by hand) and on the prose claims found in
the seed text. This tests the checks apart from extraction; every gold flag a check can see from
these inputs is raised with the gold check id, and `consistent_on_purpose` numbers raise nothing.
"""

from __future__ import annotations


import pytest

from evidencekit.checks import check_result
from evidencekit.extract.read import read_document
from evidencekit.model import (Descriptive, DocumentResult, FrequencyTable, Reported, Span,
                               Statistic, StudyRecord)
from evidencekit.vocab import CheckId, Design, POperator, Severity, Source, StatKind, TestName

SEEDS = "../shared/seeds"


def rep(x) -> Reported | None:
    if x is None:
        return None
    text = repr(float(x))
    decimals = 0 if text.endswith(".0") else len(text.split(".")[1])
    return Reported(float(x), decimals, text.replace(".", ","))


def rep_printed(x, decimals) -> Reported:
    return Reported(float(x), decimals, f"{x:.{decimals}f}".replace(".", ","))


def _span(g) -> Span:
    return Span(g.get("section") or ("results" if "Tabel" in g.get("where", "") else None), None, 0, 0,
                g.get("where", ""))


def _source(g) -> Source:
    return Source.TABLE if g.get("where", "").startswith("Tabel") else Source.TEXT


def from_gold(g: dict, shared_dir) -> DocumentResult:
    items = []
    for s in g["statistics"]:
        if s["kind"] == "descriptive":
            ci = s.get("ci95")
            items.append(Descriptive(
                label=s.get("label"), n=s.get("n"), mean=rep(s.get("mean")),
                # SDs and CIs are printed with 3 and 2 decimals in these papers
                sd=rep_printed(s["sd"], 3) if s.get("sd") is not None else None,
                min=rep(s.get("min")), max=rep(s.get("max")), median=rep(s.get("median")),
                ci95=(rep_printed(ci[0], 2), rep_printed(ci[1], 2)) if ci and ci[1] < 100 else None,
                source=_source(s), span=_span(s)))
        else:
            kind = StatKind.P_ONLY if s["kind"] in ("p_only", "shapiro_wilk") else StatKind(s["kind"])
            test = TestName(s["test"]) if s.get("test") else (
                TestName.SHAPIRO_WILK if s["kind"] == "shapiro_wilk" else None)
            p = rep_printed(s["p"], 3 if s["p"] >= 0.001 or s["p"] == 0 else 4)
            items.append(Statistic(kind, rep_printed(s["value"], 3) if s.get("value") is not None else None,
                                   None, p, POperator(s.get("p_operator") or "="), test, span=_span(s)))
    tables = []
    for t in g.get("frequency_tables", []):
        pd = max((len(str(p).split(".")[1]) if "." in str(p) else 0) for p in t["percents"])
        tables.append(FrequencyTable(t["where"], tuple(t["levels"]), tuple(t["counts"]),
                                     tuple(rep_printed(p, pd) for p in t["percents"]),
                                     codes=None, span=_span(t)))
    r = g["record"]
    rec = StudyRecord(design=Design(r["design"]) if r.get("design") else None,
                      n_total=r.get("n_total"),
                      tests=tuple(TestName(t) for t in r.get("tests", ())))
    doc = read_document(shared_dir / "seeds" / f"{g['document']}.txt", doc_id=g["document"])
    return DocumentResult(g["document"], g["document"], record=rec, statistics=tuple(items),
                          frequency_tables=tuple(tables), document=doc)


#: gold flags that these inputs (gold numbers + seed prose, no extracted record) make visible
VISIBLE = {
    "000_00df2b57d7bbe1ef": {CheckId.DECISION_RULE, CheckId.PERCENT_COUNT, CheckId.CATEGORICAL_SUMMARY},
    "001_cff31b9b8f7e5650": {CheckId.CI_MISMATCH, CheckId.GRIM, CheckId.VALUE_CONFLICT,
                             CheckId.P_ZERO_OR_FORMAT},
    "002_5cc26c146a74d938": set(),
    "003_2ac0d445ba19c17d": {CheckId.P_ZERO_OR_FORMAT},
    "004_243e44951b2e67da": {CheckId.P_BOUND, CheckId.UNSUPPORTED_INFERENCE, CheckId.PROTOCOL_CONFLICT},
}


@pytest.fixture(scope="module")
def flags_by_doc(gold, shared_dir):
    return {stem: check_result(from_gold(g, shared_dir)) for stem, g in gold.items()}


@pytest.mark.parametrize("stem", sorted(VISIBLE))
def test_gold_flags_visible_from_gold_numbers_are_raised(stem, gold, flags_by_doc):
    raised = {f.check for f in flags_by_doc[stem]}
    expected = {CheckId(f["check"]) for f in gold[stem]["flags"]} & VISIBLE[stem]
    assert expected == VISIBLE[stem]            # the table above only lists gold flags
    assert expected <= raised, [f.message for f in flags_by_doc[stem]]


@pytest.mark.parametrize("stem", sorted(VISIBLE))
def test_no_flag_outside_gold_is_an_error_or_warning(stem, gold, flags_by_doc):
    gold_ids = {CheckId(f["check"]) for f in gold[stem]["flags"]}
    extra = [f for f in flags_by_doc[stem] if f.check not in gold_ids
             and f.severity in (Severity.ERROR, Severity.WARNING)]
    assert extra == [], [f.message for f in extra]


def test_consistent_on_purpose_numbers_are_not_flagged(flags_by_doc):
    # 000: Z = -3,317 with p 0,001; 002: Z = 3.742 with p 0,000; 003/004: means (GRIM), SDs
    # (GRIMMER), CIs and percentages
    for stem in ("000_00df2b57d7bbe1ef", "002_5cc26c146a74d938"):
        assert not [f for f in flags_by_doc[stem] if f.check in (CheckId.P_RECOMPUTE, CheckId.DECISION_ERROR)]
    for stem in ("003_2ac0d445ba19c17d", "004_243e44951b2e67da"):
        assert not [f for f in flags_by_doc[stem] if f.check in
                    (CheckId.GRIM, CheckId.GRIMMER, CheckId.CI_MISMATCH, CheckId.PERCENT_COUNT,
                     CheckId.PERCENT_SUM, CheckId.RANGE_FEASIBILITY)]
    assert not [f for f in flags_by_doc["001_cff31b9b8f7e5650"]
                if f.check in (CheckId.PERCENT_COUNT, CheckId.PERCENT_SUM)]
