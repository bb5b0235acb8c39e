"""examples/make_examples.py: runs fast, writes every example, and is byte-identical on rerun."""

from __future__ import annotations

import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MAX_SECONDS = 5.0  # `make demo` and `make test` run the script first, so it must stay under 5 s


def test_the_script_writes_a_pdf_and_a_text_twin_for_every_example(built, examples):
    names = sorted(p.name for p in built.iterdir())
    wanted = sorted(name for ex in examples for name in ex["files"].values())
    assert names == wanted


def test_the_script_runs_in_under_five_seconds(make_examples, tmp_path):
    start = time.perf_counter()
    result = make_examples("--out", str(tmp_path))
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr
    assert elapsed < MAX_SECONDS, f"make_examples.py took {elapsed:.1f} s"


def test_two_builds_are_byte_identical(make_examples, built, tmp_path):
    assert make_examples("--out", str(tmp_path)).returncode == 0
    for first in sorted(built.iterdir()):
        assert (tmp_path / first.name).read_bytes() == first.read_bytes(), first.name


def test_a_rerun_into_the_same_folder_rewrites_nothing(make_examples, built):
    before = {p.name: p.stat().st_mtime_ns for p in built.iterdir()}
    result = make_examples("--out", str(built))
    assert result.returncode == 0
    assert "0 files written" in result.stderr
    assert {p.name: p.stat().st_mtime_ns for p in built.iterdir()} == before


def test_the_committed_examples_are_what_the_script_builds(built, examples):
    for ex in examples:
        for name in ex["files"].values():
            assert (EXAMPLES / name).read_bytes() == (built / name).read_bytes(), (
                f"examples/{name} is out of date: run python examples/make_examples.py")


def test_check_mode_reports_a_stale_file_and_writes_nothing(make_examples, tmp_path):
    assert make_examples("--out", str(tmp_path)).returncode == 0
    stale = tmp_path / "03_en_rct_consistent.txt"
    stale.write_text("stale\n", encoding="utf-8")
    result = make_examples("--out", str(tmp_path), "--check")
    assert result.returncode == 1
    assert "03_en_rct_consistent.txt" in result.stderr
    assert stale.read_text(encoding="utf-8") == "stale\n"
