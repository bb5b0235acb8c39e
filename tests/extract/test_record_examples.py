"""Study records of our own example papers (examples/, text and PDF) against examples/expected.json,
including the English RCT and the Indonesian literature review."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidencekit.pipeline import process

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXPECTED = json.loads((EXAMPLES / "expected.json").read_text("utf-8"))["examples"]
IDS = [e["id"] for e in EXPECTED]
FIELDS = ("design", "design_family", "n_total", "sampling", "year", "title", "journal", "doi")
#: Printed p-values are compared as parsed; this only absorbs float noise.
P_TOL = 1e-12
#: Known gaps, each with the reason and the owner of the fix; strict, so a fix shows up as a failure.
KNOWN: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def results():
    cache = {}

    def get(example_id: str, kind: str):
        if (example_id, kind) not in cache:
            example = next(e for e in EXPECTED if e["id"] == example_id)
            result = process(EXAMPLES / example["files"][kind], until="extract")
            assert result.error is None, result.error
            cache[example_id, kind] = result
        return cache[example_id, kind]

    return get


def _params(check: str):
    out = []
    for e in EXPECTED:
        for kind in ("txt", "pdf"):
            reason = KNOWN.get((e["id"], check))
            marks = pytest.mark.xfail(strict=True, reason=reason) if reason else ()
            out.append(pytest.param(e["id"], kind, marks=marks, id=f"{e['id'][:2]}-{kind}"))
    return out


def _expected(example_id: str) -> dict:
    return next(e for e in EXPECTED if e["id"] == example_id)


@pytest.mark.parametrize(("example_id", "kind"), _params("fields"))
def test_example_record_fields_match_expected(results, example_id, kind):
    record = results(example_id, kind).record.to_dict()
    expected = _expected(example_id)["record"]
    got = {f: record[f] for f in FIELDS if f in expected}
    assert got == {f: expected[f] for f in FIELDS if f in expected}


@pytest.mark.parametrize(("example_id", "kind"), _params("tests"))
def test_example_tests_are_the_expected_set(results, example_id, kind):
    assert set(results(example_id, kind).record.to_dict()["tests"]) == set(_expected(example_id)["record"]["tests"])


@pytest.mark.parametrize(("example_id", "kind"), _params("pico"))
def test_example_intervention_comparator_and_outcome_contain_the_expected_keywords(results, example_id, kind):
    record = results(example_id, kind).record.to_dict()
    expected = _expected(example_id)["record"]
    for field in ("intervention", "comparator", "outcome"):
        for keyword in expected.get(f"{field}_keywords", ()):
            assert keyword.lower() in (record[field] or "").lower(), (field, record[field])
    assert (record["comparator"] is None) == (expected.get("comparator") is None)


@pytest.mark.parametrize(("example_id", "kind"), _params("main"))
def test_example_main_result_matches_expected(results, example_id, kind):
    main = results(example_id, kind).record.main_result
    expected = _expected(example_id)["record"].get("main_result")
    if expected is None:
        assert main is None
        return
    assert main.p == pytest.approx(expected["p"], abs=P_TOL)
    assert main.test.value == expected["test"]
    assert main.significant is expected["significant"]


@pytest.mark.parametrize("kind", ["txt", "pdf"])
def test_the_example_review_yields_its_studies(results, kind):
    example = next(e for e in EXPECTED if e["kind"] == "review")
    rows = example["studies"] if isinstance(example.get("studies"), list) else example["extraction_table"]["rows"]
    studies = results(example["id"], kind).studies
    assert len(studies) == len(rows)
    for study, row in zip(studies, rows):
        assert (study.year, study.design.value, study.n_total) == (row["year"], row["design"], row["n_total"])
        assert study.authors[0].split(",")[0] == row["authors"].split(",")[0]
        assert [p.value for p in study.p_values] == pytest.approx(row["p_values"], abs=P_TOL)
        for keyword in row.get("comparator_keywords", ()):
            assert keyword.lower() in (study.comparator or "").lower()
