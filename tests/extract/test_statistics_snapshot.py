"""Every statistic found on each seed, frozen as tests/extract/snapshots/<stem>.json.

The snapshots were reviewed by hand (kinds, values, sections, labels, tests) before they were
frozen. They hold numbers and short table labels only, never the papers' sentences. Regenerate
after a reviewed change with ``EVIDENCEKIT_UPDATE_SNAPSHOTS=1 pytest tests/extract/test_statistics_snapshot.py``.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from evidencekit.extract.read import read_document
from evidencekit.extract.statistics import find_statistics

HERE = Path(__file__).parent / "snapshots"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
STEMS = ("000_00df2b57d7bbe1ef", "001_cff31b9b8f7e5650", "002_5cc26c146a74d938",
         "003_2ac0d445ba19c17d", "004_243e44951b2e67da")
UPDATE = os.environ.get("EVIDENCEKIT_UPDATE_SNAPSHOTS") == "1"
#: Fields left out of a snapshot: the papers' text and offsets (they move when reading changes).
VOLATILE = ("text", "start", "end", "page")
#: A statistic's value or p in this range would be a year, never a statistic of these papers.
YEARS = range(1900, 2101)


@cache
def found(stem: str, fmt: str = "txt"):
    folder = "seeds" if fmt == "txt" else "pdf"
    return find_statistics(read_document(SHARED / folder / f"{stem}.{fmt}"))


def _clean(d: dict) -> dict:
    return {k: v for k, v in d.items() if k not in VOLATILE and v not in (None, [], {})}


def snapshot_of(stem: str) -> dict:
    statistics, tables = found(stem)
    return {"statistics": [_clean(s.to_dict()) for s in statistics],
            "frequency_tables": [_clean(t.to_dict()) for t in tables]}


@pytest.mark.parametrize("stem", STEMS)
def test_statistics_of_each_seed_match_the_reviewed_snapshot(stem):
    path = HERE / f"{stem}.json"
    now = snapshot_of(stem)
    if UPDATE:
        path.write_text(json.dumps(now, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert path.is_file(), f"no snapshot {path}; create it with EVIDENCEKIT_UPDATE_SNAPSHOTS=1"
    assert now == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", STEMS)
def test_no_year_page_or_reference_number_comes_out_as_a_statistic(stem):
    statistics, _ = found(stem)
    for s in statistics:
        d = s.to_dict()
        for key in ("value", "p", "mean", "sd", "median", "min", "max", "count"):
            v = d.get(key)
            assert v is None or int(abs(v)) not in YEARS or v != int(v), (key, d)
        if d.get("p") is not None:
            assert 0 <= d["p"] <= 1, d


@pytest.mark.parametrize("stem", STEMS)
def test_the_seed_text_and_its_pdf_give_the_same_statistics(stem):
    def key(s):
        d = s.to_dict()
        return json.dumps({k: v for k, v in d.items() if k not in VOLATILE + ("test", "label")}, sort_keys=True)

    txt, pdf = Counter(map(key, found(stem, "txt")[0])), Counter(map(key, found(stem, "pdf")[0]))
    assert txt == pdf, {"only in text": list((txt - pdf).elements()), "only in pdf": list((pdf - txt).elements())}
