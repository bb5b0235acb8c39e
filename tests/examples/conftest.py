"""Fixtures for the example papers: expected.json, the built files, and text read from the PDFs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SCRIPT = EXAMPLES / "make_examples.py"
#: Page furniture (running head, page number) lies within this many points of the top or
#: bottom edge: examples/builder/pdf.py FURNITURE_BAND (1.8 cm). The text twins leave it out.
FURNITURE_BAND = 51.0
#: A number as printed: optional minus (ASCII or U+2212), digits, optional decimal part with
#: a comma or a point ("-3,380", "−12.4", ".017" is read as "017" after the point is dropped).
NUMBER = re.compile(r"[-−]?\d+(?:[.,]\d+)?")


def run_script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="session")
def make_examples():
    """Run examples/make_examples.py with these arguments."""
    return run_script


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def examples(expected) -> list[dict]:
    return expected["examples"]


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """A fresh build of every example in a temporary folder."""
    out = tmp_path_factory.mktemp("examples_build")
    result = run_script("--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def pdf_text(examples) -> dict[str, str]:
    """Example id -> the PDF's text without page furniture, pages joined by newlines."""
    texts = {}
    for ex in examples:
        with pdfplumber.open(EXAMPLES / ex["files"]["pdf"]) as pdf:
            pages = [p.crop((0, FURNITURE_BAND, p.width, p.height - FURNITURE_BAND)).extract_text()
                     for p in pdf.pages]
        texts[ex["id"]] = "\n".join(pages)
    return texts


@pytest.fixture(scope="session")
def txt_text(examples) -> dict[str, str]:
    """Example id -> the text twin."""
    return {ex["id"]: (EXAMPLES / ex["files"]["txt"]).read_text(encoding="utf-8") for ex in examples}


@pytest.fixture(scope="session")
def numbers_of():
    """text -> Counter of the numbers printed in it (minus signs unified)."""
    def count(text: str) -> Counter:
        return Counter(m.group().replace("−", "-") for m in NUMBER.finditer(text))
    return count


@pytest.fixture(scope="session")
def seed_grams(shared_dir) -> set[str]:
    """Every 9-word run (lowercase [a-z]+ tokens) of the real papers in ../shared/seeds."""
    grams: set[str] = set()
    for path in sorted((shared_dir / "seeds").glob("*.txt")):
        words = re.findall(r"[a-z]+", path.read_text(encoding="utf-8", errors="ignore").lower())
        grams.update(" ".join(words[i:i + 9]) for i in range(len(words) - 8))
    assert grams, "no seed text found"
    return grams
