"""examples/expected.json: complete, in the contract's vocabularies, and tied to the papers' text."""

from __future__ import annotations

from pathlib import Path

from evidencekit.vocab import (CheckId, Design, DesignFamily, DocumentKind, POperator, Sampling,
                               Severity, StatKind, TestName)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
#: canonical section names (model.Section)
SECTIONS = {"abstract", "abstract_en", "introduction", "methods", "results", "discussion",
            "conclusion", "references", "front", "other"}
LANGUAGES = {"id", "en"}


def vocab(enum) -> set[str]:
    return {m.value for m in enum}


def records(ex: dict) -> list[dict]:
    """The paper's own record and, for a review, one record per extraction-table row."""
    return [ex["record"], *ex.get("studies", [])]


def test_every_example_has_its_files_and_a_unique_id(examples):
    ids = [ex["id"] for ex in examples]
    assert len(ids) == len(set(ids)) == 5
    for ex in examples:
        assert ex["files"] == {"pdf": f"{ex['id']}.pdf", "txt": f"{ex['id']}.txt"}
        assert all((EXAMPLES / name).is_file() for name in ex["files"].values())


def test_records_use_only_contract_vocabulary_values(examples):
    for ex in examples:
        assert ex["language"] in LANGUAGES
        assert ex["kind"] in vocab(DocumentKind)
        for rec in records(ex):
            assert rec["design"] in vocab(Design), rec["design"]
            assert rec["design_family"] in vocab(DesignFamily), rec["design_family"]
            assert rec["sampling"] is None or rec["sampling"] in vocab(Sampling), rec["sampling"]
            assert set(rec["tests"]) <= vocab(TestName), rec["tests"]
        main = ex["record"]["main_result"]
        if main is not None:
            assert main["test"] in ex["record"]["tests"]
            assert main["statistic"] in vocab(StatKind)
            assert main["p_operator"] in vocab(POperator)


def test_statistics_and_flags_use_only_contract_vocabulary_values(examples):
    for ex in examples:
        for stat in ex["statistics"]:
            assert stat["kind"] in vocab(StatKind), stat
            assert set(stat["sections"]) <= SECTIONS, stat
            if stat.get("test") is not None:
                assert stat["test"] in vocab(TestName), stat
            if stat.get("p_operator") is not None:
                assert stat["p_operator"] in vocab(POperator), stat
        for flag in ex["flags"] + ex["consistent_on_purpose"]:
            assert flag["check"] in vocab(CheckId), flag
        for flag in ex["flags"]:
            assert flag["severity"] in vocab(Severity), flag
            assert set(flag["sections"]) <= SECTIONS, flag


def test_refs_name_statistics_of_the_same_example(examples):
    for ex in examples:
        ids = [s["id"] for s in ex["statistics"]]
        assert len(ids) == len(set(ids)), ex["id"]
        for entry in ex["flags"] + ex["consistent_on_purpose"]:
            assert set(entry["refs"]) <= set(ids), (ex["id"], entry["refs"])


def test_record_fields_agree_with_each_other(examples):
    for ex in examples:
        for rec in records(ex):
            if rec.get("n_arms"):
                assert sum(rec["n_arms"].values()) == rec["n_total"], rec
        main = ex["record"]["main_result"]
        if main is not None:
            stat = next(s for s in ex["statistics"]
                        if s["kind"] == main["statistic"] and s["value"] == main["value"])
            assert (stat["p"], stat["p_operator"], stat["test"]) == (
                main["p"], main["p_operator"], main["test"])


def test_every_printed_number_is_in_the_text_twin(examples, txt_text):
    for ex in examples:
        text = txt_text[ex["id"]]
        for stat in ex["statistics"]:
            for printed in stat["printed"].values():
                for piece in printed if isinstance(printed, list) else [printed]:
                    if piece is not None:
                        assert piece in text, (ex["id"], stat["id"], piece)


def test_record_facts_are_in_the_text_twin(examples, txt_text):
    for ex in examples:
        text = txt_text[ex["id"]]
        rec = ex["record"]
        for field in ("title", "journal", "doi"):
            assert rec[field] in text, (ex["id"], field)
        assert all(name in text for name in rec["authors"])
        if rec["n_total"] is not None:
            assert str(rec["n_total"]) in text
        lowered = text.lower()
        for keyword in rec.get("intervention_keywords", []) + rec.get("outcome_keywords", []):
            assert keyword.lower() in lowered, (ex["id"], keyword)


def test_every_review_row_is_in_the_text_twin(examples, txt_text):
    review = next(ex for ex in examples if ex["kind"] == "review")
    rows = [line.split("\t") for line in txt_text[review["id"]].splitlines()
            if line.startswith(tuple(f"{s['no']}.\t" for s in review["studies"]))]
    assert len(rows) == len(review["studies"])
    for cells, study in zip(rows, review["studies"]):
        assert len(cells) == len(review["extraction_table"]["columns"])
        assert study["authors"] in cells[1] and str(study["year"]) in cells[1]
        assert str(study["n_total"]) in cells[4]
        assert all(k.lower() in cells[2].lower() for k in study["title_keywords"])
        assert all(p in cells[7] for p in study["p_printed"])
