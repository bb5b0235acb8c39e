"""Every statistic of examples/expected.json is found in the example paper, as text and as PDF."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from evidencekit.extract.read import read_document
from evidencekit.extract.statistics import find_statistics

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
#: Parsed numbers equal the expected ones up to float representation.
TOL = 1e-9


def _examples() -> list[dict]:
    path = EXAMPLES / "expected.json"
    return json.loads(path.read_text(encoding="utf-8"))["examples"] if path.is_file() else []


@cache
def extracted(name: str):
    return find_statistics(read_document(EXAMPLES / name))[0]


def _close(a, b) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) <= TOL


def _v(r):
    return None if r is None else r.value


def _matches(s, want: dict) -> bool:
    kind = want["kind"]
    if s.kind.value != kind:
        return False
    if kind == "descriptive":
        return (all(_close(_v(getattr(s, f)), want[f]) for f in ("mean", "sd", "median", "min", "max")
                    if want.get(f) is not None)
                and (want.get("ci95") is None or (s.ci95 is not None and all(
                    _close(a.value, b) for a, b in zip(s.ci95, want["ci95"])))))
    if kind == "percent":
        return s.count == want["count"] and _close(s.percent.value, want["percent"])
    if kind == "ci":
        return s.ci is not None and all(_close(a.value, b) for a, b in zip(s.ci, want["ci95"]))
    return ((want.get("value") is None or _close(_v(s.value), want["value"]))
            and (want.get("p") is None or _close(_v(s.p), want["p"]))
            and (want.get("p_operator") is None or (s.p_operator is not None and s.p_operator.value == want["p_operator"])))


CASES = [pytest.param(ex["files"][fmt], st, id=f"{ex['id'][:2]}-{fmt}-{st['id']}")
         for ex in _examples() for fmt in ("txt", "pdf") for st in ex.get("statistics") or ()]


@pytest.mark.parametrize(("name", "want"), CASES)
def test_expected_statistic_of_an_example_paper_is_found(name, want):
    assert any(_matches(s, want) for s in extracted(name)), want
