"""Shared fixtures: where the read-only shared material lives (../shared beside the repo)."""

from __future__ import annotations

import json
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
