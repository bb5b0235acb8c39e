"""Ingest throughput and memory: 1 vs 2 local workers, and the Dask engine, on synthetic or real papers.

    .venv/bin/python benchmarks/ingest.py                 # N = 1,000 papers, a quarter as PDFs
    .venv/bin/python benchmarks/ingest.py --n 200 --until read
    .venv/bin/python benchmarks/ingest.py --n 300 --scale 5   # papers as long as real ones
    .venv/bin/python benchmarks/ingest.py --n 200 --extra-cpu-ms 300   # as costly as heavy PDFs
    .venv/bin/python benchmarks/ingest.py --real --n 600 --no-dask     # real PDFs, copied

``--real`` ingests N copies of the shared papers (../shared/pdf) and the example PDFs
(examples/*.pdf), each copy made unique (its own sha256) by a PDF comment line appended after
``%%EOF``, which readers ignore.

Prints files/s and pages/s per configuration, the speed-up of 2 workers over 1 (target ≥ 1.8×
on an idle machine with 2 free cores), and peak memory (this process and all its children,
sampled every 0.2 s) at N/4 and N papers to show it stays flat as N grows. The papers are made
by evidencekit.corpus.synthetic (our own sentences, seeded), so runs are comparable.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from evidencekit.corpus import store
from evidencekit.corpus.ingest import IngestOptions, ingest
from evidencekit.corpus.synthetic import write_corpus
from evidencekit.corpus.work import DEFAULT_WORK, WorkSettings

#: Seconds between memory samples.
SAMPLE_S = 0.2

#: Extra CPU work per file (ms) for --extra-cpu-ms, read by spin_work in the workers.
EXTRA_CPU_ENV = "EVIDENCEKIT_BENCH_EXTRA_CPU_MS"


def spin_work(path: str, limits, until: str):
    """The pipeline plus a fixed amount of pure-Python CPU work: stands in for heavier papers
    (today's real PDFs take ~35 ms of worker CPU each) without changing what is stored."""
    from evidencekit.pipeline import process

    deadline = time.thread_time() + float(os.environ.get(EXTRA_CPU_ENV, "0")) / 1000
    while time.thread_time() < deadline:
        sum(i * i for i in range(1000))
    return process(path, limits=limits, until=until)


#: The repository root (benchmarks/ is one level below it).
ROOT = Path(__file__).resolve().parents[1]

#: Where --real takes its papers: the shared corpus beside the repository, then our examples.
REAL_SOURCES = (ROOT.parent / "shared" / "pdf", ROOT / "examples")


def real_pdfs() -> list[Path]:
    """The real PDFs --real copies, in a stable order."""
    found = [p for folder in REAL_SOURCES for p in sorted(folder.glob("*.pdf"))]
    if not found:
        raise SystemExit(f"--real found no PDFs in {', '.join(map(str, REAL_SOURCES))}")
    return found


def write_real_corpus(folder: Path, n: int, *, first_copy: int = 0) -> None:
    """``n`` copies of :func:`real_pdfs` in ``folder`` (round robin), each ending in its own
    comment line so that every copy has its own sha256; ``first_copy`` numbers them apart from
    another folder's copies."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = real_pdfs()
    for i in range(n):
        source = sources[i % len(sources)]
        copy = first_copy + i // len(sources)
        (folder / f"{source.stem}_c{copy:03d}.pdf").write_bytes(
            source.read_bytes() + f"\n% copy {copy}\n".encode())


@dataclass(frozen=True)
class Measure:
    label: str
    files: int
    failed: int
    pages: int
    seconds: float
    peak_mb: float
    writer_cpu_s: float          # CPU time of this process (the one writer) during the run
    machine_cpu_s: float         # CPU time all processes of the machine used during the run
    worker_s: float              # summed per-file wall time in the workers (documents.seconds)
    worker_cpu_s: float          # summed per-file CPU time in the workers (documents.cpu_seconds)

    @property
    def files_per_s(self) -> float:
        return self.files / self.seconds

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds


class PeakMemory:
    """Peak resident memory of this process plus all its children while the block runs."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._me = psutil.Process()

    def _total(self) -> int:
        total = self._me.memory_info().rss
        for child in self._me.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:            # a child that ended between listing and reading
                pass
        return total

    def _sample(self) -> None:
        while not self._stop.wait(SAMPLE_S):
            self.peak = max(self.peak, self._total())

    def __enter__(self) -> "PeakMemory":
        self.peak = self._total()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._total())


def busy_cpu_seconds() -> float:
    """CPU seconds the whole machine has spent busy (not idle, not waiting for I/O) since boot."""
    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


def run(label: str, folder: Path, workdir: Path, options: IngestOptions) -> Measure:
    db_path = workdir / f"{label.replace(' ', '_')}.db"
    db = store.open_db(db_path)
    me = psutil.Process()
    with PeakMemory() as memory:
        cpu_before, machine_before = sum(me.cpu_times()[:2]), busy_cpu_seconds()
        started = time.perf_counter()
        summary = ingest([folder], db, options)
        seconds = time.perf_counter() - started
        writer_cpu = sum(me.cpu_times()[:2]) - cpu_before
        machine_cpu = busy_cpu_seconds() - machine_before
    worker_s, worker_cpu = db.execute("SELECT coalesce(sum(seconds), 0), coalesce(sum(cpu_seconds), 0) "
                                      "FROM documents").fetchone()
    for code, count, example in db.execute(
            "SELECT error_code, count(*), min(error_message) FROM documents "
            "WHERE error_code IS NOT NULL GROUP BY error_code"):
        print(f"  {label}: {count} failed with {code}, e.g. {example}", flush=True)
    db.close()
    return Measure(label, summary.n_ingested, summary.n_failed, summary.n_pages, seconds,
                   memory.peak / 2**20, writer_cpu, machine_cpu, worker_s, worker_cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="papers to generate (default 1000)")
    parser.add_argument("--real", action="store_true",
                        help="copies of the shared and example PDFs instead of synthetic papers")
    parser.add_argument("--pdf-fraction", type=float, default=0.25, help="share of PDFs (0.25)")
    parser.add_argument("--until", default="check", choices=("read", "extract", "check"))
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask engine")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--extra-cpu-ms", type=float, default=0.0,
                        help="add this much CPU work per file in the workers (heavier papers)")
    parser.add_argument("--scale", type=int, default=1,
                        help="paper length: 1 = 2-3 PDF pages, 5 = about a real paper (6-8 pages)")
    args = parser.parse_args(argv)
    import distributed  # noqa: F401 — configures its loggers on import; quiet them afterwards

    logging.getLogger("distributed").setLevel(logging.WARNING)

    with tempfile.TemporaryDirectory(prefix="evidencekit-bench-") as tmp:
        workdir = Path(tmp)
        started = time.perf_counter()
        full = workdir / "papers"
        quarter = workdir / "papers_quarter"
        if args.real:
            write_real_corpus(full, args.n)
            write_real_corpus(quarter, max(1, args.n // 4), first_copy=args.n)
            what = f"copies of {len(real_pdfs())} real PDFs"
        else:
            write_corpus(full, args.n, pdf_fraction=args.pdf_fraction, seed=args.seed, scale=args.scale)
            write_corpus(quarter, max(1, args.n // 4), pdf_fraction=args.pdf_fraction,
                         seed=args.seed + 1, scale=args.scale)
            what = f"synthetic papers ({args.pdf_fraction:.0%} PDF, scale {args.scale})"
        print(f"generated {args.n} + {max(1, args.n // 4)} {what}, extra CPU {args.extra_cpu_ms:g} "
              f"ms/file, in {time.perf_counter() - started:.1f} s; "
              f"stage: {args.until}; CPUs available: {len(os.sched_getaffinity(0))}")

        os.environ[EXTRA_CPU_ENV] = str(args.extra_cpu_ms)   # before the forkserver starts
        work = f"{Path(__file__).resolve()}:spin_work" if args.extra_cpu_ms else DEFAULT_WORK
        settings = WorkSettings(until=args.until, work=work)
        # Warm-up (not reported): starts the forkserver and loads the pipeline's modules and the OS
        # page cache, so the first measured configuration pays no more start-up than the others.
        run("warm-up", quarter, workdir, IngestOptions(workers=2, settings=settings))
        configs = [("local 1 worker", full, IngestOptions(workers=1, settings=settings)),
                   ("local 2 workers", full, IngestOptions(workers=2, settings=settings)),
                   (f"local 2 workers N={max(1, args.n // 4)}", quarter,
                    IngestOptions(workers=2, settings=settings))]
        if not args.no_dask:
            configs.append(("dask 2 workers", full, IngestOptions(engine="dask", workers=2,
                                                                  settings=settings)))
        measures = []
        for label, folder, options in configs:
            m = run(label, folder, workdir, options)
            measures.append(m)
            print(f"{m.label:<28} {m.files:>6} files ({m.failed} failed) {m.seconds:>7.2f} s "
                  f"{m.files_per_s:>8.1f} files/s {m.pages_per_s:>8.1f} pages/s "
                  f"peak {m.peak_mb:>7.0f} MB", flush=True)

    one, two, small = measures[0], measures[1], measures[2]
    for m in (one, two):
        work, cpu, writer = (1000 * x / m.files for x in (m.worker_s, m.worker_cpu_s, m.writer_cpu_s))
        share = (m.worker_cpu_s + m.writer_cpu_s) / m.seconds
        print(f"\n{m.label}: per file {work:.1f} ms wall / {cpu:.1f} ms CPU in a worker, {writer:.1f} ms "
              f"CPU in the writer; the run got {share:.2f} CPUs of the machine (all processes: "
              f"{m.machine_cpu_s / m.seconds:.2f} busy)")
    cpu_one = (one.worker_cpu_s + one.writer_cpu_s) / one.files
    cpu_two = (two.worker_cpu_s + two.writer_cpu_s) / two.files
    per_file_work, per_file_writer = one.worker_cpu_s / one.files, one.writer_cpu_s / one.files
    bound = 2 * per_file_work / (per_file_work + per_file_writer)
    print(f"CPU per file: {1000 * cpu_one:.1f} ms with 1 worker, {1000 * cpu_two:.1f} ms with 2 "
          f"(parallel overhead {cpu_two / cpu_one - 1:+.0%}); with 2 free cores 2 workers can reach "
          f"{bound:.2f}x (the writer's share is the serial part)")
    print(f"speed-up, 2 workers over 1: {two.files_per_s / one.files_per_s:.2f}x (target >= 1.8x); "
          f"load average now {os.getloadavg()[0]:.1f} (other processes share the cores)")
    if len(measures) > 3:
        print(f"dask 2 workers over local 1 worker: {measures[3].files_per_s / one.files_per_s:.2f}x "
              "(includes starting the LocalCluster)")
    print(f"peak memory, 2 workers: {small.peak_mb:.0f} MB at N={small.files}, "
          f"{two.peak_mb:.0f} MB at N={two.files} (ratio {two.peak_mb / small.peak_mb:.2f}; flat ≈ 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
