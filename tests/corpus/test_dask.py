"""The Dask engine runs the same per-file work and leaves the same corpus as the local engine."""

from __future__ import annotations

import pytest

from evidencekit.corpus import store
from evidencekit.corpus.ingest import ingest


def test_dask_on_a_local_cluster_gives_the_same_corpus_as_the_local_engine(tmp_path, papers, shared_dir,
                                                                           options, hostile_work,
                                                                           corpus_content):
    (papers / "bug_inside.txt").write_text("Abstrak. Berkas uji kami.\n", encoding="utf-8")
    folders = [papers, shared_dir / "seeds"]
    local = store.open_db(tmp_path / "local.db")
    ingest(folders, local, options(workers=2, work=hostile_work))
    distributed = store.open_db(tmp_path / "dask.db")
    # Two in-process workers, one thread each: the machine has two cores.
    summary = ingest(folders, distributed, options(engine="dask", workers=2, work=hostile_work,
                                                   dask_processes=False))
    assert summary.n_ingested == 12 and summary.n_failed == 1
    assert corpus_content(distributed) == corpus_content(local)
    assert next(distributed.query("SELECT engine FROM runs"))["engine"] == "dask"


@pytest.mark.slow
def test_a_file_that_kills_dask_worker_processes_is_an_error_row(tmp_path, options, hostile_work):
    folder = tmp_path / "few"
    folder.mkdir()
    for name in ("fine_a.txt", "fine_b.txt"):   # may share the dying worker: retried alone, they pass
        (folder / name).write_text(f"Abstrak. Pijat kaki dinilai ({name}).\n", encoding="utf-8")
    (folder / "crash_me.txt").write_text("Abstrak. Berkas uji kami.\n", encoding="utf-8")
    db = store.open_db(tmp_path / "dask.db")
    summary = ingest([folder], db, options(engine="dask", workers=1, work=hostile_work))
    errors = {r["source"].rsplit("/", 1)[1]: r["error_code"]
              for r in db.query("SELECT source, error_code FROM documents")}
    assert errors == {"fine_a.txt": None, "fine_b.txt": None, "crash_me.txt": "worker_crashed"}
    assert summary.status == "completed"


def test_ingest_sends_work_to_a_running_scheduler_given_by_address(tmp_path, papers, options):
    from dask.distributed import LocalCluster

    # stands in for a real cluster: evidencekit connects by address and leaves it running
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        db = store.open_db(tmp_path / "remote.db")
        summary = ingest([papers], db, options(engine="dask", scheduler=cluster.scheduler_address))
        assert (summary.n_ingested, summary.n_failed) == (6, 0)
        assert cluster.scheduler_address and len(cluster.workers) == 1      # still up
    run = next(db.query("SELECT engine, options FROM runs"))
    assert run["engine"] == "dask" and cluster.scheduler_address.split("//")[1] in run["options"]
