"""Synthetic papers for benchmarks: seeded, in both languages, as text and as readable PDFs."""

from __future__ import annotations

import random
import re

from evidencekit.corpus.synthetic import make_paper, write_corpus
from evidencekit.pipeline import process


def test_the_same_seed_writes_the_same_papers(tmp_path):
    a = write_corpus(tmp_path / "a", 5, pdf_fraction=0.4, seed=3)
    b = write_corpus(tmp_path / "b", 5, pdf_fraction=0.4, seed=3)
    assert [p.name for p in a] == [p.name for p in b]
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]


def test_indonesian_papers_use_comma_decimals_and_english_ones_points():
    rng = random.Random(1)
    indonesian = make_paper(rng, "id").text
    english = make_paper(rng, "en").text
    assert re.search(r"t\(\d+\) = \d+,\d\d; p [=<] 0,\d{3}", indonesian)
    assert re.search(r"t\(\d+\) = \d+\.\d\d, p [=<] 0\.\d{3}", english)


def test_the_printed_p_is_the_two_sided_p_of_the_printed_t_and_df():
    from scipy.stats import t as student_t

    for seed in range(20):
        text = make_paper(random.Random(seed), "en").text
        n = int(re.search(r"sample was (\d+) respondents", text).group(1))
        df, t, op, p = re.search(r"t\((\d+)\) = (\d+\.\d+), p ([=<]) (0\.\d+)", text).groups()
        assert int(df) == n - 1
        exact = 2 * student_t.sf(float(t), int(df))
        if op == "<":
            assert exact < float(p)
        else:
            assert abs(exact - float(p)) <= 0.0005 + 1e-12      # p printed to 3 decimals


def test_synthetic_pdfs_have_pages_the_reader_can_read(tmp_path):
    [pdf] = write_corpus(tmp_path, 1, pdf_fraction=1.0, seed=2)
    result = process(pdf, until="read")
    assert result.error is None and result.n_pages >= 2
    assert "t(" in result.document.text


def test_age_counts_sum_to_the_sample_and_their_percents_are_count_over_n():
    text = make_paper(random.Random(9), "en").text
    n = int(re.search(r"sample was (\d+) respondents", text).group(1))
    groups = re.findall(r"years, (\d+) \((\d+\.\d)%\)", text)
    assert len(groups) == 3 and sum(int(c) for c, _ in groups) == n
    assert all(abs(100 * int(c) / n - float(pct)) <= 0.05 + 1e-9 for c, pct in groups)


def test_consistent_synthetic_papers_raise_no_flags(tmp_path):
    for path in write_corpus(tmp_path, 6, pdf_fraction=0.5, seed=4):
        result = process(path)
        assert result.error is None and result.flags == (), [f.message for f in result.flags]
