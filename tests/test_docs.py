"""Documentation is tested (STYLE.md principle 21, like sqlite-utils' test_docs.py).

Every command has help with an example that parses and names files that exist; docs/cli.md
documents every command and option; every CONTRACT check id has exactly one documented function.
"""

from __future__ import annotations

import glob
import re
import shlex
from pathlib import Path

import pytest
import typer.main

from evidencekit.checks import CHECKS
from evidencekit.cli import app
from evidencekit.vocab import CheckId

ROOT = Path(__file__).resolve().parents[1]
CLI_MD = ROOT / "docs" / "cli.md"
ROOT_COMMAND = typer.main.get_command(app)
EXAMPLE = re.compile(r"^\s*Example:\s*(?P<line>evidencekit\s.*)$", re.MULTILINE)


def _walk(command, path: tuple[str, ...] = ()):
    """(path, click command) of every command and subcommand below the root."""
    for name, sub in sorted((getattr(command, "commands", None) or {}).items()):
        yield (*path, name), sub
        yield from _walk(sub, (*path, name))


COMMANDS = dict(_walk(ROOT_COMMAND))
COMMAND_IDS = [" ".join(p) for p in COMMANDS]


def _command(name: str):
    return COMMANDS[tuple(name.split())]



def _cli_md_sections() -> dict[str, str]:
    """docs/cli.md by heading: {"evidencekit corpus ingest": text of that section}."""
    sections: dict[str, str] = {}
    heading = None
    for line in CLI_MD.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
            sections[heading] = ""
        elif heading is not None:
            sections[heading] += line + "\n"
    return sections


# --------------------------------------------------------------------------- help texts


def test_the_app_has_the_commands_of_the_design():
    assert {"extract", "check", "text", "meta", "review", "demo", "corpus"} <= set(COMMAND_IDS)


@pytest.mark.parametrize("name", COMMAND_IDS)
def test_every_command_has_help_with_an_example(name):
    help_text = _command(name).help or ""
    assert "Example:" in help_text, f"`evidencekit {name} --help` shows no 'Example:'"


@pytest.mark.parametrize("name", [n for n in COMMAND_IDS if "Example:" in (_command(n).help or "")])
def test_every_help_example_is_a_valid_call_of_its_command(name, parse_cli):
    for line in EXAMPLE.findall(_command(name).help):
        assert line.split()[1:1 + len(name.split())] == name.split(), f"example of another command: {line}"
        parse_cli(line)


@pytest.mark.parametrize("name", [n for n in COMMAND_IDS if "Example:" in (_command(n).help or "")])
def test_every_repository_file_a_help_example_names_exists(name):
    for line in EXAMPLE.findall(_command(name).help):
        for token in shlex.split(line):
            if token.startswith(("examples/", "docs/")):
                assert glob.glob(str(ROOT / token)), f"`{line}` names {token}, which does not exist"


# --------------------------------------------------------------------------- docs/cli.md


@pytest.mark.parametrize("name", COMMAND_IDS)
def test_docs_cli_md_documents_every_command(name):
    sections = _cli_md_sections()
    assert f"evidencekit {name}" in sections, f"docs/cli.md has no heading 'evidencekit {name}'"
    assert "Example:" in sections[f"evidencekit {name}"]


@pytest.mark.parametrize("name", COMMAND_IDS)
def test_docs_cli_md_documents_every_option_of_the_command(name):
    section = _cli_md_sections().get(f"evidencekit {name}", "")
    options = [o for p in _command(name).params for o in (*p.opts, *p.secondary_opts)
               if o.startswith("--") and o != "--help"]
    missing = [o for o in options if f"`{o}`" not in section]
    assert not missing, f"docs/cli.md, section 'evidencekit {name}', does not document {missing}"


def _console_lines() -> list[str]:
    text = CLI_MD.read_text(encoding="utf-8")
    return [line[2:] for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL)
            for line in block.splitlines() if line.startswith("$ evidencekit ")]


def test_docs_cli_md_has_examples():
    assert len(_console_lines()) >= len(COMMAND_IDS)


@pytest.mark.parametrize("line", _console_lines())
def test_every_example_of_docs_cli_md_is_a_valid_call(line, parse_cli):
    parse_cli(line)


@pytest.mark.parametrize("line", _console_lines())
def test_every_repository_file_a_docs_example_names_exists(line):
    for token in shlex.split(line.split(" > ")[0]):
        if token.startswith("examples/"):
            assert glob.glob(str(ROOT / token)), f"`{line}` names {token}, which does not exist"


@pytest.mark.parametrize("check_id", list(CheckId))
def test_docs_cli_md_names_every_check(check_id):
    assert f"| `{check_id.value}` |" in _cli_md_sections()["evidencekit check"]


def test_parse_refuses_a_call_the_app_does_not_accept(parse_cli):
    with pytest.raises(Exception, match="No such option|no such option"):
        parse_cli("evidencekit extract paper.pdf --no-such-option")
    with pytest.raises(AssertionError):
        parse_cli("evidencekit corpus no-such-subcommand")


# --------------------------------------------------------------------------- checks registry


def test_check_registry_holds_exactly_the_contract_check_ids():
    assert set(CHECKS) == set(CheckId)


@pytest.mark.parametrize("check_id", list(CheckId))
def test_every_contract_check_has_one_documented_function(check_id):
    run = CHECKS[check_id]
    assert callable(run)
    assert run.__doc__ and run.__doc__.strip().startswith(check_id.value), (
        f"{run.__name__} should be documented, its docstring opening with '{check_id.value}'")
    others = [c for c, f in CHECKS.items() if f is run and c is not check_id]
    assert not others, f"{run.__name__} also runs {others}: one function per check"
