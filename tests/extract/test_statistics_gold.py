"""Every statistic and frequency table of gold/seeds.json is found, from the seed text and the PDF.

One test per gold item per format (ids "<stem>-<format>-<n>-<kind>"); the recall over all of
them is printed by ``test_gold_recall_is_reported``. Values are compared as parsed numbers:
the gold file writes them as JSON numbers, we parse them from the paper's printed text.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from evidencekit.extract.read import read_document
from evidencekit.extract.statistics import find_statistics

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))["documents"]
FORMATS = ("txt", "pdf")

#: Parsed numbers equal their gold value exactly up to float representation.
TOL = 1e-9
#: Gold descriptive fields compared with the extracted Descriptive.
DESCRIPTIVE_FIELDS = ("n", "mean", "sd", "min", "max", "median")


@cache
def extracted(stem: str, fmt: str):
    folder = "seeds" if fmt == "txt" else "pdf"
    return find_statistics(read_document(SHARED / folder / f"{stem}.{fmt}"))


def _gold_cases(key: str):
    for doc in GOLD:
        for n, item in enumerate(doc.get(key) or ()):
            for fmt in FORMATS:
                kind = item.get("kind", "frequency")
                yield pytest.param(doc["document"], fmt, item, id=f"{doc['document'][:3]}-{fmt}-{n}-{kind}")


def _close(a, b) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) <= TOL


def _value(r):
    return None if r is None else r.value


def _source(item: dict) -> str:
    return "table" if str(item.get("where", "")).startswith("Tabel") else "text"


def _matches_test_result(stat, item: dict) -> bool:
    kind = item["kind"]
    if kind == "shapiro_wilk":
        if stat.kind.value != "p_only" or stat.test is None or stat.test.value != "shapiro_wilk":
            return False
    elif stat.kind.value != kind:
        return False
    if "value" in item and not _close(_value(stat.value), item["value"]):
        return False
    if not _close(_value(stat.p), item["p"]):
        return False
    if stat.p_operator is None or stat.p_operator.value != item.get("p_operator", "="):
        return False
    if item.get("test") and (stat.test is None or stat.test.value != item["test"]):
        return False
    if item.get("section") and stat.span.section != item["section"]:
        return False
    return stat.source.value == _source(item)


def _matches_descriptive(desc, item: dict) -> bool:
    if desc.kind.value != "descriptive" or desc.source.value != _source(item):
        return False
    for name in DESCRIPTIVE_FIELDS:
        if name not in item:
            continue
        got = desc.n if name == "n" else _value(getattr(desc, name))
        if name == "n" and got is None:
            continue          # not printed beside these numbers (004's Tabel 5 has no n column)
        if not _close(got, item[name]):
            return False
    if "ci95" in item:
        if desc.ci95 is None or not all(_close(r.value, g) for r, g in zip(desc.ci95, item["ci95"])):
            return False
    return True


def _found(stem: str, fmt: str, item: dict) -> bool:
    statistics, _ = extracted(stem, fmt)
    if item["kind"] == "descriptive":
        return any(_matches_descriptive(s, item) for s in statistics)
    return any(_matches_test_result(s, item) for s in statistics if hasattr(s, "p"))


def _same_level(gold: str, got: str) -> bool:
    """Gold writes levels short: "20-35" for "20-35 tahun", "IRT" for "Ibu Rumah Tangga"."""
    g, x = gold.lower().replace(" ", ""), got.lower().replace(" ", "")
    initials = "".join(w[0] for w in got.lower().split())
    return g in x or g == initials


def _found_frequency(stem: str, fmt: str, item: dict) -> bool:
    _, tables = extracted(stem, fmt)
    for t in tables:
        if len(t.levels) != len(item["levels"]) or not all(map(_same_level, item["levels"], t.levels)):
            continue
        if list(t.counts) != item["counts"]:
            continue
        if all(_close(_value(p), g) for p, g in zip(t.percents, item["percents"])):
            return True
    return False


@pytest.mark.parametrize(("stem", "fmt", "item"), list(_gold_cases("statistics")))
def test_gold_statistic_is_found_with_its_values(stem, fmt, item):
    assert _found(stem, fmt, item), f"not found in {stem}.{fmt}: {item}"


@pytest.mark.parametrize(("stem", "fmt", "item"), list(_gold_cases("frequency_tables")))
def test_gold_frequency_table_is_found_with_its_counts_and_percents(stem, fmt, item):
    assert _found_frequency(stem, fmt, item), f"not found in {stem}.{fmt}: {item}"


def test_gold_recall_is_reported(capsys):
    found = total = 0
    for doc in GOLD:
        for fmt in FORMATS:
            for item in doc.get("statistics") or ():
                total += 1
                found += _found(doc["document"], fmt, item)
            for item in doc.get("frequency_tables") or ():
                total += 1
                found += _found_frequency(doc["document"], fmt, item)
    with capsys.disabled():
        print(f"\ngold recall: {found}/{total} = {found / total:.1%}")
    assert total > 0 and found / total >= 0.95
