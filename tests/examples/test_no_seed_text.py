"""Our examples are our own writing: no 9-word run of the real papers in ../shared/seeds."""

from __future__ import annotations

import re
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RUN = 9  # the shared hook flags 9-word runs of lowercase [a-z]+ tokens
TEXT_SUFFIXES = {".txt", ".py", ".md", ".json"}


def runs(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", text.lower())
    return {" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def test_no_file_in_examples_repeats_nine_words_of_a_seed_paper(seed_grams):
    files = [p for p in sorted(EXAMPLES.rglob("*")) if p.is_file() and p.suffix in TEXT_SUFFIXES]
    assert len(files) >= 10
    hits = {str(p.relative_to(EXAMPLES)): sorted(runs(p.read_text(encoding="utf-8")) & seed_grams)
            for p in files}
    assert {name: found for name, found in hits.items() if found} == {}


def test_no_example_pdf_repeats_nine_words_of_a_seed_paper(seed_grams, pdf_text):
    hits = {name: sorted(runs(text) & seed_grams) for name, text in pdf_text.items()}
    assert {name: found for name, found in hits.items() if found} == {}


def test_the_nine_word_check_finds_a_run_it_is_given(seed_grams):
    some_run = sorted(seed_grams)[len(seed_grams) // 2]
    assert runs(f"Intro words. {some_run.upper()} and more.") & seed_grams
