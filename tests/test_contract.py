"""Contract v1 conformance of ``evidencekit extract --format json`` on every paper we have.

The five seed papers (../shared, as text and as PDF) and the example papers (examples/*.pdf,
*.txt) go through the real CLI once (module-scoped); each document is then validated against
the JSON Schema of CONTRACT.md, its evidence offsets are checked against the normalised text
that ``evidencekit text --no-markers`` prints, and its sha256 against the file's bytes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from evidencekit.cli import app
from evidencekit.contract import (build_schema, evidence_spans, offset_mismatches, schema,
                                  validate)
from evidencekit.vocab import CheckId, Design, DesignFamily, Sampling, Severity, StatKind, TestName

ROOT = Path(__file__).resolve().parents[1]
SEED_STEMS = ("000_00df2b57d7bbe1ef", "001_cff31b9b8f7e5650", "002_5cc26c146a74d938",
              "003_2ac0d445ba19c17d", "004_243e44951b2e67da")
EXAMPLE_STEMS = sorted(p.stem for p in (ROOT / "examples").glob("*.pdf"))

#: (label, where, relative path): "shared" files resolve under the shared_dir fixture,
#: "examples" under examples_dir.
PAPERS = ([(f"seed-{s[:3]}.txt", "shared", f"seeds/{s}.txt") for s in SEED_STEMS]
          + [(f"seed-{s[:3]}.pdf", "shared", f"pdf/{s}.pdf") for s in SEED_STEMS]
          + [(f"{s}.pdf", "examples", f"{s}.pdf") for s in EXAMPLE_STEMS]
          + [(f"{s}.txt", "examples", f"{s}.txt") for s in EXAMPLE_STEMS])
LABELS = [label for label, _, _ in PAPERS]


def _invoke(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def paper_paths(shared_dir, examples_dir) -> dict[str, Path]:
    roots = {"shared": shared_dir, "examples": examples_dir}
    paths = {label: roots[where] / rel for label, where, rel in PAPERS}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    assert not missing, f"papers missing: {missing}"
    return paths


@pytest.fixture(scope="module")
def extract_run(paper_paths):
    """One ``extract --format json`` over every paper: (exit code, parsed contract object)."""
    result = _invoke("extract", *map(str, paper_paths.values()), "--format", "json")
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture(scope="module")
def documents(extract_run, paper_paths) -> dict[str, dict]:
    """The contract document of each paper, by label (documents come back in input order)."""
    _, obj = extract_run
    assert len(obj["documents"]) == len(paper_paths)
    return dict(zip(paper_paths, obj["documents"]))


@pytest.fixture(scope="module")
def normalised_texts(paper_paths) -> dict[str, str]:
    """What ``evidencekit text --no-markers FILE`` prints, by label."""
    texts = {}
    for label, path in paper_paths.items():
        result = _invoke("text", "--no-markers", str(path))
        assert result.exit_code == 0, f"{label}: {result.stderr}"
        texts[label] = result.stdout
    return texts


# --------------------------------------------------------------------------- the schema itself


def test_shipped_schema_file_is_the_one_built_from_vocab():
    assert schema() == build_schema(), (
        "src/evidencekit/schema/contract-v1.json is out of date: run "
        "python -c 'from evidencekit.contract import write_schema; write_schema()'")


def test_schema_is_a_valid_draft_2020_12_schema():
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema())


@pytest.mark.parametrize("definition, field, enum", [
    ("record", "design", Design), ("record", "design_family", DesignFamily),
    ("record", "sampling", Sampling), ("statistic", "kind", StatKind),
    ("flag", "check", CheckId), ("flag", "severity", Severity),
])
def test_schema_vocabularies_are_exactly_those_of_vocab(definition, field, enum):
    prop = schema()["$defs"][definition]["properties"][field]
    allowed = set(prop["enum"]) - {None}
    assert allowed == {m.value for m in enum}


def test_schema_test_names_are_exactly_vocabulary_t():
    tests = schema()["$defs"]["record"]["properties"]["tests"]["items"]["enum"]
    assert set(tests) == {t.value for t in TestName}


def _minimal() -> dict:
    record = {k: None for k in ("title", "year", "journal", "doi", "setting", "design", "design_family",
                                "n_total", "sampling", "intervention", "comparator", "outcome",
                                "main_result")}
    record |= {"authors": [], "n_arms": {}, "tests": [], "evidence": {}}
    doc = {"id": "x", "source": "x.txt", "sha256": "0" * 64, "language": "id", "kind": "primary",
           "error": None, "record": record, "studies": [],
           "statistics": [{"kind": "t", "value": 2.1, "df": [20], "p": 0.048, "p_operator": "=",
                           "test": "paired_t", "section": "results", "page": 1, "start": 0,
                           "end": 5, "text": "t=2,1", "source": "text"}],
           "flags": [{"check": "grim", "severity": "error", "message": "m", "expected": 2.06,
                      "reported": 2.07, "evidence": [{"section": None, "page": None, "start": 0,
                                                      "end": 0, "text": ""}]}]}
    return {"contract": 1, "tool": {"name": "evidencekit", "version": "0.1.0"}, "documents": [doc]}


def test_validate_accepts_a_minimal_document_with_unknowns_as_null_and_extra_fields():
    obj = _minimal()
    obj["documents"][0]["record"]["a_field_added_later"] = {"anything": [1, "two"]}
    assert validate(obj) == []


@pytest.mark.parametrize("path, bad, expected_path", [
    (("record", "design"), "pre_post", "$.documents[0].record.design"),
    (("record", "n_total"), "24", "$.documents[0].record.n_total"),
    (("record", "title"), "", "$.documents[0].record.title"),
    (("statistics", 0, "p"), "0,048", "$.documents[0].statistics[0].p"),
    (("statistics", 0, "kind"), "T", "$.documents[0].statistics[0].kind"),
    (("flags", 0, "check"), "grim_test", "$.documents[0].flags[0].check"),
    (("flags", 0, "severity"), "fatal", "$.documents[0].flags[0].severity"),
    (("sha256",), "abc", "$.documents[0].sha256"),
    (("kind",), "secondary", "$.documents[0].kind"),
])
def test_validate_names_the_json_path_of_a_value_that_breaks_the_contract(path, bad, expected_path):
    obj = _minimal()
    target = obj["documents"][0]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    errors = validate(obj)
    assert errors and all(e.startswith(expected_path + ":") for e in errors), errors


def test_validate_requires_the_fields_of_a_descriptive():
    obj = _minimal()
    obj["documents"][0]["statistics"][0] = {"kind": "descriptive", "label": "pre", "n": 20, "mean": 4.65,
                                           "section": "results", "page": 2, "text": "4,65", "source": "table"}
    errors = validate(obj)
    assert "$.documents[0].statistics[0]: 'sd' is a required property" in errors


def test_validate_refuses_studies_in_a_primary_document():
    obj = _minimal()
    doc = obj["documents"][0]
    doc["studies"] = [dict(doc["record"], row=1, cells={"No.": "1"})]
    errors = validate(obj)
    assert errors and all(e.startswith("$.documents[0].studies:") for e in errors), errors
    doc["kind"] = "review"
    assert validate(obj) == []


def test_offset_mismatches_names_a_span_whose_text_is_not_at_its_offsets():
    doc = _minimal()["documents"][0]
    assert offset_mismatches(doc, "t=2,1 rest") == []
    problems = offset_mismatches(doc, "t = 2,1 rest")
    assert problems == ["$.statistics[0]: text[0:5] is 't = 2', evidence says 't=2,1'"]


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
                     lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3),
                     max_leaves=12)


@settings(max_examples=60, deadline=None)
@given(junk=_JSON, where=st.sampled_from(["record", "statistics", "flags", "error", "studies", "kind"]))
def test_validate_answers_any_json_with_path_messages_and_never_raises(junk, where):
    obj = _minimal()
    obj["documents"][0][where] = junk
    errors = validate(obj)
    assert all(isinstance(e, str) and e.startswith("$.documents[0]") for e in errors)


# --------------------------------------------------------------------------- every paper


def test_extract_of_all_papers_in_one_batch_exits_zero_and_conforms(extract_run):
    exit_code, obj = extract_run
    assert exit_code == 0
    assert validate(obj) == []


@pytest.mark.parametrize("label", LABELS)
def test_extracted_document_conforms_to_contract_v1(documents, label):
    doc = documents[label]
    obj = {"contract": 1, "tool": {"name": "evidencekit", "version": "0"}, "documents": [doc]}
    assert validate(obj) == []
    assert doc["error"] is None
    assert doc["record"] is not None


@pytest.mark.parametrize("label", LABELS)
def test_every_evidence_span_is_its_text_in_the_normalised_text(documents, normalised_texts, label):
    doc = documents[label]
    assert any(True for _ in evidence_spans(doc)), f"{label}: no evidence with offsets at all"
    assert offset_mismatches(doc, normalised_texts[label]) == []


@pytest.mark.parametrize("label", LABELS)
def test_sha256_is_that_of_the_input_bytes(documents, paper_paths, label):
    assert documents[label]["sha256"] == hashlib.sha256(paper_paths[label].read_bytes()).hexdigest()


@pytest.mark.parametrize("label", LABELS)
def test_document_id_is_the_file_stem_and_source_the_path_as_given(documents, paper_paths, label):
    assert documents[label]["id"] == paper_paths[label].stem
    assert documents[label]["source"] == str(paper_paths[label])


@pytest.mark.parametrize("label", [label for label in LABELS if label.endswith(".pdf")])
def test_every_evidence_of_a_pdf_names_a_page_of_the_file(documents, label):
    doc = documents[label]
    pages = doc.get("pages")
    assert isinstance(pages, int) and pages >= 1, f"pages: {pages!r}"
    wrong = [(where, span.get("page")) for where, span in evidence_spans(doc)
             if not isinstance(span.get("page"), int) or not 1 <= span["page"] <= pages]
    assert not wrong, f"evidence without a page of 1..{pages}: {wrong[:10]}"


# --------------------------------------------------------------------------- bad input


def _bad_files(tmp_path: Path, examples_dir: Path) -> dict[str, Path]:
    not_pdf = tmp_path / "not_really.pdf"
    not_pdf.write_text("Hasil penelitian: p = 0,001 (this is text, not a PDF)\n", encoding="utf-8")
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes((examples_dir / f"{EXAMPLE_STEMS[0]}.pdf").read_bytes()[:1500])
    return {"not_pdf": not_pdf, "truncated": truncated}


@pytest.mark.parametrize("kind", ["not_pdf", "truncated"])
def test_a_bad_file_alone_gives_an_error_object_and_a_nonzero_exit(tmp_path, examples_dir, kind):
    bad = _bad_files(tmp_path, examples_dir)[kind]
    result = _invoke("extract", str(bad), "--format", "json")
    assert result.exit_code != 0
    obj = json.loads(result.stdout)
    assert validate(obj) == []
    (doc,) = obj["documents"]
    assert set(doc["error"]) >= {"code", "message"}
    assert doc["error"]["code"] and doc["error"]["message"]
    assert doc["record"] is None and doc["statistics"] == [] and doc["flags"] == []
    assert doc["sha256"] == hashlib.sha256(bad.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", ["not_pdf", "truncated"])
def test_a_bad_file_in_a_batch_leaves_the_good_files_record(tmp_path, examples_dir, kind):
    bad = _bad_files(tmp_path, examples_dir)[kind]
    good = examples_dir / f"{EXAMPLE_STEMS[0]}.txt"
    result = _invoke("extract", str(bad), str(good), "--format", "json")
    obj = json.loads(result.stdout)
    assert validate(obj) == []
    failed, ok = obj["documents"]
    assert failed["error"] is not None and failed["record"] is None
    assert ok["error"] is None and ok["record"] is not None and ok["statistics"]
    assert ok["record"]["design"] is not None


# --------------------------------------------------------------------------- other writers of the contract

#: The fields CONTRACT.md lists for a document and for a record (others may be added freely).
DOCUMENT_FIELDS = ("id", "source", "sha256", "language", "kind", "error", "studies", "statistics", "flags")
RECORD_FIELDS = ("title", "authors", "year", "journal", "doi", "setting", "design", "design_family",
                 "n_total", "n_arms", "sampling", "intervention", "comparator", "outcome", "tests",
                 "main_result", "evidence")


def _contract_view(doc: dict) -> dict:
    view = {k: doc.get(k) for k in DOCUMENT_FIELDS}
    view["record"] = {k: (doc.get("record") or {}).get(k) for k in RECORD_FIELDS}
    return view


def test_check_json_is_the_same_contract_object_as_extract(documents, paper_paths):
    label = "02_id_quasi_two_column.txt"
    result = _invoke("check", str(paper_paths[label]), "--format", "json")
    obj = json.loads(result.stdout)
    assert validate(obj) == []
    assert _contract_view(obj["documents"][0]) == _contract_view(documents[label])


def test_corpus_export_gives_back_the_contract_document_that_extract_writes(tmp_path, documents, paper_paths):
    label = "01_id_one_group_wilcoxon.txt"
    db, out = tmp_path / "corpus.db", tmp_path / "export.json"
    ingest = _invoke("corpus", "ingest", str(paper_paths[label]), "--db", str(db), "--workers", "1", "--quiet")
    assert ingest.exit_code == 0, ingest.stderr
    export = _invoke("corpus", "export", "--db", str(db), "--format", "json", "-o", str(out))
    assert export.exit_code == 0, export.stderr
    obj = json.loads(out.read_text(encoding="utf-8"))
    assert validate(obj) == []
    (doc,) = obj["documents"]
    assert _contract_view(doc) == _contract_view(documents[label])
