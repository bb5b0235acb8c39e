"""Shared fixtures: where the read-only shared material lives (../shared beside the repo)."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_STEMS = (
    "000_00df2b57d7bbe1ef",
    "001_cff31b9b8f7e5650",
    "002_5cc26c146a74d938",
    "003_2ac0d445ba19c17d",
    "004_243e44951b2e67da",
)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    assert SHARED.is_dir(), f"the shared material is expected at {SHARED}"
    return SHARED


@pytest.fixture(scope="session")
def gold(shared_dir) -> dict[str, dict]:
    """gold/seeds.json by document stem."""
    data = json.loads((shared_dir / "gold" / "seeds.json").read_text(encoding="utf-8"))
    return {d["document"]: d for d in data["documents"]}


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return ROOT / "examples"


def seed_paths(kind: str) -> list[Path]:
    """The five seeds as text (kind="txt") or PDF (kind="pdf")."""
    folder = SHARED / ("seeds" if kind == "txt" else "pdf")
    return [folder / f"{stem}.{kind}" for stem in SEED_STEMS]


def parse_command_line(line: str) -> None:
    """Parse an ``evidencekit …`` line with the real app without running it (a trailing
    ``> FILE`` redirection is ignored); raises the app's usage error when the call is invalid."""
    import typer.main

    from evidencekit.cli import app

    args = shlex.split(line.split(" > ")[0])
    assert args[0] == "evidencekit", line
    args, command, name = args[1:], typer.main.get_command(app), "evidencekit"
    while getattr(command, "commands", None):
        assert args and args[0] in command.commands, f"{line}: no such command {args[:1]}"
        name, command, args = args[0], command.commands[args[0]], args[1:]
    command.make_context(name, args)


@pytest.fixture(scope="session")
def parse_cli():
    """:func:`parse_command_line`, for tests that check documented command lines."""
    return parse_command_line
