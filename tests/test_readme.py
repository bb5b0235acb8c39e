"""The README and docs/ are tested (STYLE.md principle 21): every command they show is a valid call
naming files that exist, every relative link resolves, and every Python example runs.

Python examples run in a temporary directory that holds a link to ``examples/``, so paths are
written relative to the repository root and outputs (``out/…``) never touch the repository.
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evidencekit.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
PYTHON_API = ROOT / "docs" / "python-api.md"
#: docs whose links must also name a heading that exists (the others have their own owners)
OWN_DOCS = (README, ROOT / "docs" / "design.md", ROOT / "docs" / "checks.md", PYTHON_API)

FENCE = re.compile(r"```(?P<lang>[a-z]*)\n(?P<body>.*?)```", re.DOTALL)
#: [text](target) outside code; images too
LINK = re.compile(r"!?\[[^\]]*\]\((?P<target>[^)\s]+)\)")


def code_blocks(path: Path, *langs: str) -> list[str]:
    return [m["body"] for m in FENCE.finditer(path.read_text(encoding="utf-8")) if m["lang"] in langs]


def readme_command_lines() -> list[str]:
    return [line.strip() for block in code_blocks(README, "sh", "console", "bash")
            for line in block.splitlines() if line.strip().startswith("evidencekit ")]



def in_examples_dir(tmp_path: Path, monkeypatch) -> Path:
    """A working directory like the repository root: ``examples/`` is there, ``out/`` is ours."""
    os.symlink(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --------------------------------------------------------------------------- README commands


def test_readme_shows_the_five_steps_as_commands():
    verbs = {shlex.split(line)[1] for line in readme_command_lines()}
    assert {"extract", "check", "meta", "corpus", "review"} <= verbs


def test_readme_starts_with_the_two_setup_commands():
    text = README.read_text(encoding="utf-8")
    first_block = code_blocks(README, "sh")[0]
    assert "make demo" in first_block and "make test" in first_block
    assert text.index("make demo") < text.index("evidencekit ")


@pytest.mark.parametrize("line", readme_command_lines())
def test_every_readme_command_is_a_valid_call(line, parse_cli):
    parse_cli(line)


@pytest.mark.parametrize("line", readme_command_lines())
def test_every_repository_file_a_readme_command_names_exists(line):
    for token in shlex.split(line):
        if token.startswith(("examples", "docs/")):
            assert glob.glob(str(ROOT / token)), f"`{line}` names {token}, which does not exist"


def test_the_readme_check_output_is_what_check_prints(tmp_path, monkeypatch):
    in_examples_dir(tmp_path, monkeypatch)
    result = CliRunner().invoke(app, ["check", "examples/02_id_quasi_two_column.pdf"],
                                env={"COLUMNS": "80"})
    assert result.exit_code == 1, result.output          # an error flag gates a script
    readme = README.read_text(encoding="utf-8")
    for shown in ("ERRORS (3)", "p_recompute: t(30) = 1,845 gives p = 0,075", "reported 0.032; expected 0.07493",
                  "decision_error", "grim: Mean 7,45 (Intervensi Posttest)"):
        assert shown in readme
        assert shown in result.output, f"README shows {shown!r}; check no longer prints it"


def test_the_readme_meta_output_is_what_meta_prints(tmp_path, monkeypatch):
    in_examples_dir(tmp_path, monkeypatch)
    result = CliRunner().invoke(app, ["meta", "examples/meta/oxytocin_two_group.csv", "--measure", "SMD",
                                      "--method", "REML"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    readme = README.read_text(encoding="utf-8")
    for shown in ("0.4836", "0.2719", "0.6953", "τ² = 0.0036", "adjusted estimate 0.3551"):
        assert shown in readme and shown in result.output, shown


def test_the_readme_contract_example_validates_what_extract_writes(tmp_path, monkeypatch):
    in_examples_dir(tmp_path, monkeypatch)
    line = next(line for line in readme_command_lines() if "extract" in line and "-o" in line)
    result = CliRunner().invoke(app, shlex.split(line)[1:])
    assert result.exit_code == 0, result.output
    namespace: dict = {"__name__": "readme"}
    for block in code_blocks(README, "python"):
        exec(compile(block, "README.md", "exec"), namespace)
    assert namespace["problems"] == []


# --------------------------------------------------------------------------- links


def relative_links(path: Path) -> list[str]:
    text = FENCE.sub("", path.read_text(encoding="utf-8"))       # links in code are not links
    return [m["target"] for m in LINK.finditer(text)
            if not re.match(r"^[a-z]+:", m["target"]) and not m["target"].startswith("#")]


LINKS = [(p, t) for p in (README, *DOCS) for t in relative_links(p)]


def test_the_readme_links_to_every_page_of_docs():
    targets = {(README.parent / t.split("#")[0]).resolve() for t in relative_links(README)}
    assert {d.resolve() for d in DOCS} <= targets


@pytest.mark.parametrize(("page", "target"), LINKS, ids=[f"{p.name}->{t}" for p, t in LINKS])
def test_every_relative_link_points_to_an_existing_file(page, target):
    assert (page.parent / target.split("#")[0]).exists(), f"{page.name} links to {target}, which does not exist"


def heading_anchors(path: Path) -> set[str]:
    """GitHub's anchors: lower case, punctuation dropped, spaces to hyphens."""
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
            for h in re.findall(r"^#+\s+(.*)$", text, re.MULTILINE)}


@pytest.mark.parametrize("page", OWN_DOCS, ids=lambda p: p.name)
def test_every_anchor_of_our_links_names_a_heading(page):
    for target in relative_links(page):
        if "#" in target:
            file, anchor = target.split("#", 1)
            assert anchor in heading_anchors((page.parent / file).resolve()), f"{page.name}: {target}"


# --------------------------------------------------------------------------- Python examples


PY_BLOCKS = code_blocks(PYTHON_API, "python")


def test_python_api_has_an_example_for_every_front_door():
    text = "\n".join(PY_BLOCKS)
    for call in ("pipeline.process(", "read_document(", "find_statistics(", "find_record(", "find_studies(",
                 "check_result(", "meta.escalc(", "meta.pool(", "meta.subgroup(", "meta.regression(",
                 "meta.trimfill(", "meta.analyse_records(", "review(", "store.save_result(",
                 "queries.search(", "corpus.load_results(", "ingest(", "validate("):
        assert call in text, f"docs/python-api.md has no example calling {call}"


@pytest.mark.slow
def test_every_python_example_of_the_api_docs_runs(tmp_path, monkeypatch):
    """In-process examples share nothing (a fresh namespace each); an example whose work starts new
    processes (guarded by ``if __name__ == "__main__":``) runs as a script, as a user would."""
    in_examples_dir(tmp_path, monkeypatch)
    scripts = 0
    for i, block in enumerate(PY_BLOCKS):
        if '__name__ == "__main__"' in block:
            script = tmp_path / f"example_{i}.py"
            script.write_text(block, encoding="utf-8")
            done = subprocess.run([sys.executable, script.name], cwd=tmp_path, capture_output=True,
                                  text=True, timeout=120)
            assert done.returncode == 0, f"example {i} of docs/python-api.md failed:\n{done.stderr}"
            assert done.stdout.strip(), f"example {i} printed nothing"
            scripts += 1
        else:
            exec(compile(block, f"docs/python-api.md example {i}", "exec"), {"__name__": "docs_example"})
    assert (tmp_path / "out" / "review" / "index.html").is_file()
    assert (tmp_path / "out" / "ek.db").is_file() and (tmp_path / "out" / "batch.db").is_file()
    assert scripts == 1
