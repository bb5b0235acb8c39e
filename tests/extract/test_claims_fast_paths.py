"""Claims read with one scan of the text for where their phrases may start give exactly what
reading each sentence alone gives (oracle tests on the seed texts and on lines of our own)."""

from __future__ import annotations

import pytest

from evidencekit.extract import claims
from evidencekit.extract.fields.phrases import within_span
from evidencekit.extract.read import read_document
from evidencekit.extract.lexicon import phrases

#: Our own sentences: phrases at a sentence's first and last word, across line breaks, in capitals.
ODD = ("Tidak ada skor responden yang menurun. SKOR PENGETAHUAN naik\nsetelah penyuluhan. Kuesioner dipakai. "
       "The one-tailed test was used. Milk flow improved more than in the control group.")


def test_sentence_phrases_found_from_one_scan_are_those_found_in_each_sentence_alone(seed_paths, odd_path):
    keys = claims.SENTENCE_KEYS + tuple(k for k in phrases("claims") if k.startswith("outcome_"))
    for document in [read_document(p) for p in [*seed_paths, odd_path]]:
        starts = claims._sentence_starts(document)
        assert starts is not None
        for a, b in claims.sentences(document):
            text, within = document.text[a:b], within_span(starts, a, b)
            for key in keys:
                fast, plain = claims.has_phrase(key, text, within), claims.has_phrase(key, text)
                assert (fast and fast.span()) == (plain and plain.span())
            assert claims.outcome_concepts_in(text, within) == claims.outcome_concepts_in(text)


def test_find_claims_reads_our_own_sentences(odd_path):
    found = claims.find_claims(read_document(odd_path))
    assert found.one_tailed
    assert {m for o in found.outcomes for m in o.concepts}


@pytest.fixture(scope="module")
def seed_paths(shared_dir):
    return sorted((shared_dir / "seeds").glob("*.txt"))


@pytest.fixture
def odd_path(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text(ODD, encoding="utf-8")
    return path


@pytest.mark.parametrize("pattern", [claims.rule_re(), claims.bracketed_threshold_re()])
def test_rules_and_thresholds_need_a_comparison_sign(pattern, seed_paths):
    lines = ["p value > 0,05 berarti tidak ada pengaruh", "p = 0,000 (p < 0,005)", "nilai p ≤ 0.05", "sig => .05",
             *[p.read_text(encoding="utf-8") for p in seed_paths]]
    for text in lines:
        for m in pattern.finditer(text):
            assert claims.COMPARISON.search(m.group(0))
