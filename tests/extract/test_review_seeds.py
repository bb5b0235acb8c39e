"""The literature review seed (002): its extraction table, as a PDF grid and as flattened text,
gives the ten studies of gold `extraction_table.rows`."""

from __future__ import annotations

import pytest

from evidencekit.extract.review import find_studies, is_review
from evidencekit.pipeline import process

STEM = "002_5cc26c146a74d938"
ROWS = range(10)
#: p-values are compared as parsed from the printed digits; this only absorbs float noise.
P_TOL = 1e-12


@pytest.fixture(scope="module")
def studies(shared_dir):
    out = {}
    for kind, folder in (("txt", "seeds"), ("pdf", "pdf")):
        document = process(shared_dir / folder / f"{STEM}.{kind}", until="read").document
        assert is_review(document)
        out[kind] = find_studies(document)
    return out


@pytest.fixture(scope="module")
def rows(gold):
    return gold[STEM]["extraction_table"]["rows"]


@pytest.mark.parametrize("kind", ["txt", "pdf"])
def test_the_review_yields_ten_studies_numbered_in_order(studies, kind):
    assert [s.row for s in studies[kind]] == list(range(1, 11))


@pytest.mark.parametrize("kind", ["txt", "pdf"])
@pytest.mark.parametrize("i", ROWS, ids=[f"row{i + 1}" for i in ROWS])
def test_each_study_has_the_gold_authors_year_design_and_n(studies, rows, kind, i):
    study, expected = studies[kind][i], rows[i]
    assert ", ".join(study.authors) == expected["authors"]
    assert study.year == expected["year"]
    assert (study.design.value, study.design_family.value) == (expected["design"], expected["design_family"])
    assert study.n_total == expected["n_total"]
    if "sampling" in expected:
        assert study.sampling.value == expected["sampling"]
    if "n_arms" in expected:
        assert sorted(study.n_arms.values()) == sorted(expected["n_arms"].values())


@pytest.mark.parametrize("kind", ["txt", "pdf"])
@pytest.mark.parametrize("i", ROWS, ids=[f"row{i + 1}" for i in ROWS])
def test_each_study_has_the_gold_comparator_and_p_values(studies, rows, kind, i):
    study, expected = studies[kind][i], rows[i]
    for keyword in expected["comparator_keywords"]:
        assert keyword.lower() in (study.comparator or "").lower()
    assert [p.value for p in study.p_values] == pytest.approx(expected["p_values"], abs=P_TOL)


@pytest.mark.parametrize("kind", ["txt", "pdf"])
def test_each_study_keeps_its_cells_under_the_printed_headers(studies, kind):
    first = studies[kind][0]
    assert "Intervensi pembanding" in first.cells
    assert "kurma" in first.cells["Intervensi pembanding"].lower()
