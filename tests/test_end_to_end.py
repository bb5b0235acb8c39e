"""Acceptance: the whole pipeline on our example papers against examples/expected.json.

Each example paper (PDF and its .txt twin) goes through :func:`evidencekit.pipeline.process`
once; every record field, every planted inconsistency and every "consistent on purpose" number
of expected.json is its own test, so a failure names the paper, the format and the comparison.

How a flag is tied to the statistic it concerns: by the numbers it prints. A planted flag's
identifying numbers (``IDENTIFYING`` below, taken from its ``numbers`` in expected.json) must all
appear in the flag's message, evidence text or expected/reported fields; a consistent statistic
is "flagged" when a flag of that check at error/warning prints its identifying numbers.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from evidencekit.pipeline import process

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = json.loads((ROOT / "examples" / "expected.json").read_text(encoding="utf-8"))["examples"]
FORMATS = ("pdf", "txt")
SERIOUS = ("error", "warning")

#: Two printed numbers are the same number when they differ by less than this (they are parsed
#: from decimal text, so only float noise separates equal ones).
SAME_NUMBER = 1e-9

#: A number as printed, sign dropped: "0,874", ".017", "61.6", "22".
NUMBER = re.compile(r"\d*[.,]\d+|\d+")

#: For each planted check, the keys of its expected.json ``numbers`` that identify the
#: inconsistency: the first (the printed number that is wrong) finds the flag, all of them must
#: be printed by it.
IDENTIFYING = {
    "n_conflict": ("values",),
    "percent_count": ("reported", "count", "n", "computed"),
    "p_zero_or_format": ("reported",),
    "grim": ("mean", "n"),
    "decision_error": ("reported_p", "t", "df"),
    "p_recompute": ("reported_p", "t", "df"),
    "ci_mismatch": ("reported", "mean", "sd", "expected"),
}

RECORD_FIELDS = ("design", "design_family", "n_total", "sampling", "tests", "main_result.p")
STUDY_FIELDS = ("design", "design_family", "n_total", "sampling", "tests", "p_values")


# --------------------------------------------------------------------------- running the pipeline


@cache
def _result(example_id: str, fmt: str) -> dict[str, Any]:
    """The contract dict of one example file, computed once per test session."""
    example = _example(example_id)
    return process(ROOT / "examples" / example["files"][fmt]).to_dict()


def _example(example_id: str) -> dict[str, Any]:
    return next(e for e in EXPECTED if e["id"] == example_id)


def _numbers(values: Any) -> list[float]:
    """Every number in a value of expected.json ``numbers`` (a number or a list of them)."""
    if isinstance(values, (list, tuple)):
        return [abs(float(v)) for v in values]
    return [abs(float(values))]


def _printed_numbers(flag: dict[str, Any]) -> list[float]:
    """Every number a flag prints: in its message, its evidence and its expected/reported."""
    texts = [flag["message"], *(span.get("text") or "" for span in flag["evidence"])]
    found = [float(m.replace(",", ".")) for t in texts for m in NUMBER.findall(t)]
    found += [abs(x) for x in (flag.get("expected"), flag.get("reported")) if isinstance(x, (int, float))]
    return found


def _prints_all(flag: dict[str, Any], numbers: list[float]) -> bool:
    printed = _printed_numbers(flag)
    return all(any(abs(x - p) < SAME_NUMBER for p in printed) for x in numbers)


def _describe(flags: list[dict[str, Any]]) -> str:
    return "\n".join(f"  {f['check']} {f['severity']}: {f['message']}" for f in flags) or "  (no flags)"


# --------------------------------------------------------------------------- parameters


def _record_cases():
    for ex in EXPECTED:
        for fmt in FORMATS:
            for field in RECORD_FIELDS:
                yield pytest.param(ex["id"], fmt, field, id=f"{ex['id']}.{fmt}-{field}")


def _study_cases():
    for ex in EXPECTED:
        for fmt in FORMATS:
            for row in ex.get("studies") or ():
                for field in STUDY_FIELDS:
                    yield pytest.param(ex["id"], fmt, row["no"], field,
                                       id=f"{ex['id']}.{fmt}-row{row['no']}-{field}")


def _planted_cases():
    for ex in EXPECTED:
        for fmt in FORMATS:
            for i, flag in enumerate(ex["flags"]):
                refs = "+".join(flag["refs"]) or "paper"
                yield pytest.param(ex["id"], fmt, i, id=f"{ex['id']}.{fmt}-{flag['check']}-{refs}")


def _planted_refs(example: dict[str, Any], check: str) -> set[str]:
    return {r for f in example["flags"] if f["check"] == check for r in f["refs"]}


def _consistent_cases():
    for ex in EXPECTED:
        planted_checks = {f["check"] for f in ex["flags"] if f["severity"] in SERIOUS}
        for fmt in FORMATS:
            for entry in ex["consistent_on_purpose"]:
                check = entry["check"]
                refs = [r for r in entry["refs"] if r not in _planted_refs(ex, check)]
                if not entry["refs"] and check not in planted_checks:
                    yield pytest.param(ex["id"], fmt, check, None, id=f"{ex['id']}.{fmt}-{check}-paper")
                for ref in refs:
                    yield pytest.param(ex["id"], fmt, check, ref, id=f"{ex['id']}.{fmt}-{check}-{ref}")


# --------------------------------------------------------------------------- record fields


def _field(record: dict[str, Any] | None, field: str) -> Any:
    if field == "main_result.p":
        main = (record or {}).get("main_result")
        return None if main is None else main.get("p")
    value = (record or {}).get(field)
    return sorted(value) if field in ("tests", "p_values") else value


@pytest.mark.parametrize("example_id, fmt, field", list(_record_cases()))
def test_record_field_matches_expected(example_id, fmt, field):
    result = _result(example_id, fmt)
    assert result["error"] is None, result["error"]
    assert result["kind"] == _example(example_id)["kind"]
    got = _field(result["record"], field)
    want = _field(_example(example_id)["record"], field)
    if isinstance(want, float) and isinstance(got, (int, float)):
        assert abs(got - want) < SAME_NUMBER, f"{field}: got {got!r}, expected {want!r}"
    else:
        assert got == want, f"{field}: got {got!r}, expected {want!r}"


@pytest.mark.parametrize("example_id, fmt, row, field", list(_study_cases()))
def test_review_row_field_matches_expected(example_id, fmt, row, field):
    studies = {s.get("row"): s for s in _result(example_id, fmt)["studies"]}
    expected_rows = _example(example_id)["studies"]
    assert len(studies) == len(expected_rows), f"{len(studies)} rows read, expected {len(expected_rows)}"
    assert row in studies, f"row {row} not read; rows: {sorted(studies)}"
    want = next(s for s in expected_rows if s["no"] == row)
    assert _field(studies[row], field) == _field(want, field)


# --------------------------------------------------------------------------- planted flags


def _planted(example_id: str, index: int) -> dict[str, Any]:
    return _example(example_id)["flags"][index]


def _candidates(flags: list[dict[str, Any]], planted: dict[str, Any]) -> list[dict[str, Any]]:
    """Flags of the planted check that print the planted flag's first identifying number."""
    same_check = [f for f in flags if f["check"] == planted["check"]]
    first = IDENTIFYING[planted["check"]][0]
    return [f for f in same_check if _prints_all(f, _numbers(planted["numbers"][first]))]


@pytest.mark.parametrize("example_id, fmt, index", list(_planted_cases()))
def test_planted_inconsistency_is_flagged(example_id, fmt, index):
    planted = _planted(example_id, index)
    flags = _result(example_id, fmt)["flags"]
    allowed = SERIOUS if planted["severity"] in SERIOUS else ("error", "warning", "note")
    found = [f for f in _candidates(flags, planted) if f["severity"] in allowed]
    assert found, (f"no {planted['check']} flag ({'/'.join(allowed)}) for: {planted['summary']}\n"
                   f"flags raised:\n{_describe(flags)}")


@pytest.mark.parametrize("example_id, fmt, index", list(_planted_cases()))
def test_planted_inconsistency_has_its_expected_severity(example_id, fmt, index):
    planted = _planted(example_id, index)
    found = _candidates(_result(example_id, fmt)["flags"], planted)
    assert found, f"not flagged at all: {planted['summary']}"
    assert {f["severity"] for f in found} == {planted["severity"]}, _describe(found)


@pytest.mark.parametrize("example_id, fmt, index", list(_planted_cases()))
def test_planted_inconsistency_flag_prints_the_right_numbers(example_id, fmt, index):
    planted = _planted(example_id, index)
    found = _candidates(_result(example_id, fmt)["flags"], planted)
    assert found, f"not flagged at all: {planted['summary']}"
    wanted = [x for key in IDENTIFYING[planted["check"]] for x in _numbers(planted["numbers"][key])]
    assert any(_prints_all(f, wanted) for f in found), (
        f"expected the numbers {wanted} ({planted['summary']}); flags:\n{_describe(found)}")


@pytest.mark.parametrize("example_id, fmt", [pytest.param(e["id"], f, id=f"{e['id']}.{f}")
                                             for e in EXPECTED for f in FORMATS])
def test_no_error_or_warning_flag_beyond_the_planted_ones(example_id, fmt):
    """A flag of another check is fine when it is about a planted wrong number (p_bound on a
    planted wrong p); any other error/warning is a false alarm."""
    planted = [f for f in _example(example_id)["flags"] if f["severity"] in SERIOUS]
    wrong_numbers = [_numbers(f["numbers"][IDENTIFYING[f["check"]][0]]) for f in planted]
    extra = [f for f in _result(example_id, fmt)["flags"]
             if f["severity"] in SERIOUS and f["check"] not in {p["check"] for p in planted}
             and not any(_prints_all(f, numbers) for numbers in wrong_numbers)]
    assert not extra, f"unplanted error/warning flags:\n{_describe(extra)}"


# --------------------------------------------------------------------------- consistent on purpose


def _statistic_numbers(stat: dict[str, Any]) -> list[float]:
    """The printed numbers that identify one expected statistic in a flag."""
    kind = stat["kind"]
    if kind == "descriptive":
        keys = ("mean", "sd")
    elif kind == "percent":
        keys = ("count", "percent")
    elif kind == "ci":
        keys = ("ci95",)
    elif kind == "p_only":
        keys = ("p",)
    else:
        keys = ("value",)
    return [x for k in keys if stat.get(k) is not None for x in _numbers(stat[k])]


@pytest.mark.parametrize("example_id, fmt, check, ref", list(_consistent_cases()))
def test_consistent_on_purpose_is_not_flagged(example_id, fmt, check, ref):
    serious = [f for f in _result(example_id, fmt)["flags"]
               if f["check"] == check and f["severity"] in SERIOUS]
    if ref is None:
        assert not serious, _describe(serious)
        return
    stat = next(s for s in _example(example_id)["statistics"] if s["id"] == ref)
    numbers = _statistic_numbers(stat)
    assert numbers, f"{ref} has no identifying numbers"
    wrongly = [f for f in serious if _prints_all(f, numbers)]
    assert not wrongly, f"{ref} ({numbers}) is consistent on purpose, yet:\n{_describe(wrongly)}"


# --------------------------------------------------------------------------- the matching itself


def test_a_flag_prints_a_number_with_a_comma_or_a_point_and_without_its_sign():
    flag = {"message": "Z = −3,380 gives p = .017; 9 of 25 is 36%", "evidence": [{"text": "61.6 to 68.0"}],
            "expected": None, "reported": 2.5}
    assert _prints_all(flag, [3.38, 0.017, 9, 25, 36, 61.6, 68.0, 2.5])
    assert not _prints_all(flag, [3.381])
    assert not _prints_all(flag, [0.17])


def test_a_consistent_statistic_is_identified_by_its_own_numbers():
    assert _statistic_numbers({"kind": "descriptive", "mean": 5.94, "sd": 1.0}) == [5.94, 1.0]
    assert _statistic_numbers({"kind": "percent", "count": 4, "percent": 16.0}) == [4.0, 16.0]
    assert _statistic_numbers({"kind": "t", "value": -0.16, "p": 0.874}) == [0.16]
    assert _statistic_numbers({"kind": "ci", "ci95": [1.6, 16.0]}) == [1.6, 16.0]
