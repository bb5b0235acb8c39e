"""The Dask engine runs the same per-file work and leaves the same corpus as the local engine."""

from __future__ import annotations

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
