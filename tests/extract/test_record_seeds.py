"""Study records of the five seed papers, text and PDF, against ../shared/gold/seeds.json.

Every `record` field the gold gives is checked: design, design_family, n_total, sampling, tests
(as a set), main_result.p, intervention/comparator/outcome keywords, year — and for the review
(002) its title, journal, DOI and first author. In the PDFs, journal and year of 000 and 002 are
printed only in running heads, which the reader keeps in ``Document.furniture``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidencekit.pipeline import process
from evidencekit.vocab import DocumentKind

STEMS = ("000_00df2b57d7bbe1ef", "001_cff31b9b8f7e5650", "002_5cc26c146a74d938", "003_2ac0d445ba19c17d",
         "004_243e44951b2e67da")
FIELDS = ("design", "design_family", "n_total", "sampling", "year")
#: Printed p-values are compared exactly as parsed; this only absorbs float noise.
P_TOL = 1e-12
#: The gold record fields, read at collection so that only fields the gold gives become cases.
GOLD_FIELDS = {d["document"]: set(d["record"]) for d in json.loads(
    (Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "seeds.json").read_text("utf-8"))["documents"]}


@pytest.fixture(scope="module")
def records(shared_dir):
    """(stem, kind) -> DocumentResult, extracted once for the module."""
    cache = {}

    def get(stem: str, kind: str):
        if (stem, kind) not in cache:
            folder = "seeds" if kind == "txt" else "pdf"
            result = process(shared_dir / folder / f"{stem}.{kind}", until="extract")
            assert result.error is None, result.error
            cache[stem, kind] = result
        return cache[stem, kind]

    return get


def _cases(fields):
    out = []
    for kind in ("txt", "pdf"):
        for stem in STEMS:
            for field in fields:
                if field not in GOLD_FIELDS[stem]:
                    continue
                out.append(pytest.param(stem, kind, field, id=f"{stem[:3]}-{kind}-{field}"))
    return out


@pytest.mark.parametrize(("stem", "kind", "field"), _cases(FIELDS))
def test_record_field_matches_gold(records, gold, stem, kind, field):
    expected = gold[stem]["record"]
    record = records(stem, kind).record.to_dict()
    assert record[field] == expected[field]


@pytest.mark.parametrize(("stem", "kind"), [(s, k) for k in ("txt", "pdf") for s in STEMS if s[:3] != "002"])
def test_record_tests_are_the_gold_set(records, gold, stem, kind):
    assert set(records(stem, kind).record.to_dict()["tests"]) == set(gold[stem]["record"]["tests"])


@pytest.mark.parametrize(("stem", "kind"), [(s, k) for k in ("txt", "pdf") for s in STEMS if s[:3] != "002"])
def test_record_main_result_p_matches_gold(records, gold, stem, kind):
    main = records(stem, kind).record.main_result
    expected = gold[stem]["record"]["main_result"]
    assert main is not None
    assert main.p == pytest.approx(expected["p"], abs=P_TOL)
    assert main.significant is expected["significant"]


@pytest.mark.parametrize(("stem", "kind"), [(s, k) for k in ("txt", "pdf") for s in STEMS])
def test_record_intervention_comparator_and_outcome_contain_the_gold_keywords(records, gold, stem, kind):
    record = records(stem, kind).record.to_dict()
    expected = gold[stem]["record"]
    for field in ("intervention", "outcome", "comparator"):
        for keyword in expected.get(f"{field}_keywords", ()):
            assert keyword.lower() in (record[field] or "").lower(), (field, record[field], keyword)
        if field == "comparator" and field in expected and expected[field] is None:
            assert record[field] is None


@pytest.mark.parametrize("kind", ["txt", "pdf"])
def test_the_review_record_is_the_reviews_own(records, gold, kind):
    result = records("002_5cc26c146a74d938", kind)
    expected = gold["002_5cc26c146a74d938"]["record"]
    record = result.record
    assert result.kind is DocumentKind.REVIEW
    assert (record.title, record.doi) == (expected["title"], expected["doi"])
    assert record.authors[0] == expected["authors_first"]
    assert len(result.studies) == expected["n_studies"]
    assert record.journal == expected["journal"]      # in the PDF, read from the running heads


def test_001_keeps_every_stated_sample_size_as_a_candidate_and_takes_the_one_its_percentages_fit(records):
    record = records("001_cff31b9b8f7e5650", "txt").record
    assert {c.value for c in record.candidates["n_total"]} >= {15, 29}
    assert record.n_total == 15
    assert all(c.span is not None and c.span.text for c in record.candidates["n_total"])


@pytest.mark.parametrize("stem", ["003_2ac0d445ba19c17d", "004_243e44951b2e67da"])
def test_methods_win_over_the_abstract_and_the_abstracts_value_stays_a_candidate(records, stem):
    record = records(stem, "txt").record
    if stem.startswith("003"):
        assert record.design.value == "one_group_pretest_posttest"
        sections = {c.span.section for c in record.candidates["design"]}
        assert {c.value.value for c in record.candidates["design"]} >= {"one_group_pretest_posttest",
                                                                       "two_group_pretest_posttest"}
    else:
        assert record.sampling.value == "total"
        sections = {c.span.section for c in record.candidates["sampling"]}
        assert {c.value.value for c in record.candidates["sampling"]} == {"total", "purposive"}
    assert "methods" in sections and sections & {"abstract", "abstract_en"}


def test_evidence_spans_point_at_the_text_they_quote(records):
    result = records("000_00df2b57d7bbe1ef", "txt")
    text = result.document.text
    for field, spans in result.record.evidence.items():
        for span in spans:
            assert text[span.start:span.end] == span.text, field
