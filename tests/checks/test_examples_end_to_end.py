"""The project's own example papers (examples/*.pdf and .txt, ground truth in
examples/expected.json): every planted flag is raised with its check id, and no error or warning
names a check the ground truth lists only as consistent on purpose."""

from __future__ import annotations

import json

import pytest

from evidencekit.pipeline import process
from evidencekit.vocab import CheckId, Severity

pytestmark = pytest.mark.slow       # reads ten files (~10 s); still run by default


def _expected(examples_dir):
    return json.loads((examples_dir / "expected.json").read_text(encoding="utf-8"))["examples"]


@pytest.fixture(scope="module")
def cases(examples_dir):
    out = {}
    for e in _expected(examples_dir):
        for kind, name in e["files"].items():
            out[(e["id"], kind)] = (e, process(examples_dir / name))
    return out


def test_every_planted_flag_is_raised_with_its_check_id(cases):
    missing = {}
    for (eid, kind), (e, r) in cases.items():
        assert r.error is None, (eid, kind, r.error)
        needed = {CheckId(f["check"]) for f in e.get("flags", [])}
        raised = {f.check for f in r.flags}
        if needed - raised:
            missing[(eid, kind)] = sorted(needed - raised)
    assert missing == {}


def test_numbers_consistent_on_purpose_raise_no_error_or_warning(cases):
    wrong = {}
    for (eid, kind), (e, r) in cases.items():
        planted = {CheckId(f["check"]) for f in e.get("flags", [])}
        on_purpose = {CheckId(c["check"]) for c in e.get("consistent_on_purpose", [])} - planted
        bad = [f.message for f in r.flags if f.check in on_purpose and f.severity is not Severity.NOTE]
        if bad:
            wrong[(eid, kind)] = bad
    assert wrong == {}


def test_the_consistent_example_raises_no_error_or_warning(cases):
    for (eid, kind), (e, r) in cases.items():
        if not e.get("flags"):
            assert [f.message for f in r.flags if f.severity is not Severity.NOTE] == [], (eid, kind)
