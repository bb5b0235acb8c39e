"""Batch ingest: walking folders, skipping what is stored, re-ingesting what changed, failures as rows."""

from __future__ import annotations

import shutil

from evidencekit.corpus import queries
from evidencekit.corpus.ingest import discover, ingest


def test_discover_walks_folders_for_papers_and_skips_hidden_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    for name in ("a/one.pdf", "a/b/two.txt", "a/three.md", "a/notes.docx", ".cache/four.txt",
                 "a/.hidden.txt"):
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path, tmp_path / "a/one.pdf"])]
    assert found == ["a/b/two.txt", "a/one.pdf"]


def test_discover_reads_markdown_only_when_it_is_named(tmp_path):
    (tmp_path / "README.md").write_text("notes")
    (tmp_path / "paper.md").write_text("x")
    assert discover([tmp_path]) == []
    assert discover([tmp_path / "paper.md"]) == [tmp_path / "paper.md"]


def test_ingesting_the_shared_papers_twice_leaves_the_same_rows(shared_dir, tmp_path, db, options,
                                                                corpus_content):
    folders = [shared_dir / "pdf", shared_dir / "seeds"]
    first = ingest(folders, db, options(workers=2, until="check"))
    papers = len(list((shared_dir / "pdf").glob("*.pdf"))) + len(list((shared_dir / "seeds").glob("*.txt")))
    assert first.n_ingested == first.n_files >= papers and first.n_skipped == 0
    seeds = list(db.query("SELECT source, pages, error_code, error_message, n_statistics FROM documents "
                          "WHERE source LIKE '%.pdf' OR source LIKE '%.txt'"))
    assert len(seeds) == papers
    assert [r for r in seeds if r["error_code"]] == []          # the whole pipeline, no failure
    assert all(r["pages"] >= 1 for r in seeds if r["source"].endswith(".pdf"))
    assert all(r["n_statistics"] > 0 for r in seeds)
    before = corpus_content(db)
    second = ingest(folders, db, options(workers=2, until="check"))
    assert (second.n_ingested, second.n_skipped) == (0, first.n_files)
    assert corpus_content(db) == before
    runs = list(db.query("SELECT status, n_skipped FROM runs ORDER BY id"))
    assert runs == [{"status": "completed", "n_skipped": 0},
                    {"status": "completed", "n_skipped": first.n_files}]


def test_a_new_tool_version_reingests_every_file(papers, db, options):
    ingest([papers], db, options(tool_version="1.0"))
    again = ingest([papers], db, options(tool_version="1.1"))
    assert again.n_ingested == 6 and again.n_skipped == 0
    assert {r["tool_version"] for r in db.query("SELECT tool_version FROM documents")} == {"1.1"}
    assert queries.count_rows(db)["documents"] == 6


def test_a_changed_file_is_reingested_and_replaces_its_old_rows(papers, db, options):
    ingest([papers], db, options())
    target = sorted(papers.glob("*.txt"))[0]
    target.write_text("Judul baru\n\nAbstrak. Pijat kaki dinilai pada 10 ibu.\n", encoding="utf-8")
    again = ingest([papers], db, options())
    assert (again.n_ingested, again.n_skipped) == (1, 5)
    assert queries.count_rows(db)["documents"] == 6
    assert [h.source for h in queries.search(db, "pijat kaki")] == [str(target)]


def test_the_same_content_twice_in_a_batch_is_stored_once(papers, db, options):
    original = sorted(papers.glob("*.txt"))[0]
    shutil.copy(original, papers / "copy_of_first.txt")
    summary = ingest([papers], db, options())
    assert (summary.n_files, summary.n_ingested, summary.n_skipped) == (7, 6, 1)


def test_a_corrupt_pdf_is_an_error_row_and_everything_else_is_ingested(shared_dir, tmp_path, db, options):
    folder = tmp_path / "mixed"
    folder.mkdir()
    good = shared_dir / "pdf" / "000_00df2b57d7bbe1ef.pdf"
    shutil.copy(good, folder / "good.pdf")
    (folder / "cut_short.pdf").write_bytes(good.read_bytes()[:4000])
    (folder / "not_a_pdf.pdf").write_bytes(b"\x00\x01 this is no PDF at all \xff" * 50)
    (folder / "notes.txt").write_text("Abstrak. Senam nifas dinilai pada 12 ibu; p = 0,04.\n")
    summary = ingest([folder], db, options(workers=2))
    rows = {r["source"].rsplit("/", 1)[1]: r for r in db.query("SELECT * FROM documents")}
    assert set(rows) == {"good.pdf", "cut_short.pdf", "not_a_pdf.pdf", "notes.txt"}
    assert rows["cut_short.pdf"]["error_code"] and rows["not_a_pdf.pdf"]["error_code"]
    assert rows["cut_short.pdf"]["error_code"] not in ("internal_error", "worker_crashed")
    assert rows["good.pdf"]["error_code"] is None and rows["notes.txt"]["error_code"] is None
    assert summary.n_failed == 2


def test_failed_files_are_skipped_unless_retry_failed(tmp_path, db, options):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nnothing else")
    assert ingest([folder], db, options()).n_failed == 1
    assert ingest([folder], db, options()).n_skipped == 1
    retried = ingest([folder], db, options(retry_failed=True))
    assert (retried.n_ingested, retried.n_failed) == (1, 1)
    assert queries.count_rows(db)["documents"] == 1


def test_a_file_that_cannot_be_read_is_an_error_row_and_the_rest_is_ingested(papers, db, options,
                                                                             monkeypatch):
    from evidencekit.corpus import ingest as ingest_module

    real = ingest_module.sha256_of
    victim = sorted(papers.glob("*.txt"))[2]

    def sha256_of(path, *args):
        if path == victim:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args)

    monkeypatch.setattr(ingest_module, "sha256_of", sha256_of)
    summary = ingest([papers], db, options())
    assert (summary.n_ingested, summary.n_failed) == (6, 1)
    row = next(db.query("SELECT error_code, error_message FROM documents WHERE error_code IS NOT NULL"))
    assert row["error_code"] == "unreadable" and "Permission denied" in row["error_message"]
    assert ingest([papers], db, options()).n_skipped == 6          # still unreadable: skipped as failed


def test_a_result_sqlite_cannot_hold_is_an_error_row_and_the_rest_is_ingested(papers, db, options,
                                                                               monkeypatch):
    from evidencekit.corpus import ingest as ingest_module

    real = ingest_module.store.save_rows
    victim = str(sorted(papers.glob("*.txt"))[1])

    def save_rows(db_, built, **kwargs):
        if kwargs["path"] == victim and not built.error_code:
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        return real(db_, built, **kwargs)

    monkeypatch.setattr(ingest_module.store, "save_rows", save_rows)
    summary = ingest([papers], db, options())
    assert (summary.n_ingested, summary.n_failed) == (6, 1)         # six papers, one kept as an error
    assert db["documents"].count == 6
    row = next(db.query("SELECT path, error_code, error_message FROM documents WHERE error_code IS NOT NULL"))
    assert row["path"] == victim and row["error_code"] == "internal_error"
    assert "could not be stored" in row["error_message"]
