"""A document's rows are built where it was processed: the writer gets plain values, not models."""

from __future__ import annotations

import pickle

from evidencekit.corpus import rows, store
from evidencekit.corpus.ingest import IngestOptions, ingest
from evidencekit.corpus.work import Task, WorkSettings, run_task
from evidencekit.pipeline import Limits, process


def test_an_outcome_crosses_the_pipe_as_plain_values_not_model_objects(papers):
    paper = sorted(papers.glob("*.txt"))[0]
    outcome = run_task(Task(0, str(paper), str(paper), "0" * 64, paper.stat().st_size),
                       WorkSettings(limits=Limits(timeout_s=20), until="check"))
    assert outcome.error_code is None and outcome.rows.statistics and outcome.rows.evidence
    assert b"evidencekit.model" not in pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    assert all(isinstance(row, tuple) for row in outcome.rows.statistics + outcome.rows.evidence)


def test_every_built_row_fills_exactly_its_columns(papers):
    result = process(str(sorted(papers.glob("*.txt"))[0]), until="check")
    built = rows.build_rows(result)
    for name, columns in (("pages", rows.PAGE_COLUMNS), ("sections", rows.SECTION_COLUMNS),
                          ("records", rows.RECORD_COLUMNS), ("statistics", rows.STATISTIC_COLUMNS),
                          ("frequency_tables", rows.FREQUENCY_TABLE_COLUMNS),
                          ("flags", rows.FLAG_COLUMNS), ("evidence", rows.EVIDENCE_COLUMNS)):
        assert {len(row) for row in getattr(built, name)} <= {len(columns)}, name


def test_save_result_stores_what_an_ingest_stores(papers, db, tmp_path, corpus_content):
    # `review --db` saves a DocumentResult; an ingest saves the rows its workers built.
    ingest([papers], db, IngestOptions(settings=WorkSettings(until="check")))
    other = store.open_db(tmp_path / "saved.db")
    for paper in sorted(papers.glob("*.txt")):
        stored = next(db.query("SELECT sha256, path, size_bytes, tool_version FROM documents "
                               "WHERE source = ?", [str(paper)]))
        store.save_result(other, process(str(paper), until="check"), **stored)
    assert corpus_content(other) == corpus_content(db)
    other.close()
