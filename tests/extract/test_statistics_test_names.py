"""Which test a statistic belongs to: tests.toml phrases (both languages) and the spaCy matcher."""

from __future__ import annotations

import pytest

from evidencekit.extract import lexicon
from evidencekit.extract.context import KIND_TESTS, StatContext
from evidencekit.extract.nlp import find_test_mentions
from evidencekit.model import Document, Section
from evidencekit.vocab import StatKind, TestName


@pytest.mark.parametrize("lang", lexicon.LANGUAGES)
def test_every_tests_toml_key_is_a_contract_test_name_with_phrases(lang):
    table = lexicon.load(lang, "tests")
    assert table, f"lexicon/{lang}/tests.toml is missing"
    for key, entry in table.items():
        assert TestName(key) and entry["phrases"], key


@pytest.mark.parametrize(("text", "test"), [
    ("dianalisis dengan uji t berpasangan", "paired_t"),
    ("dianalisis dengan uji Wilcoxon signed rank test", "wilcoxon_signed_rank"),
    ("compared with the Mann–Whitney U test", "mann_whitney"),          # en dash
    ("memakai uji Kruskal Wallis", "kruskal_wallis"),
    ("normalitas diuji dengan Shapiro-Wilk", "shapiro_wilk"),
    ("hubungan diuji dengan korelasi Spearman", "spearman"),
    ("a chi-square test of independence", "chi_square"),
    ("uji Fisher exact dipakai bila sel kecil", "fisher_exact"),
    ("an independent samples t-test between arms", "independent_t"),
    ("regresi logistik biner untuk faktor risiko", "logistic_regression"),
])
def test_find_test_mentions_names_the_test_a_phrase_means(text, test):
    assert [m.test.value for m in find_test_mentions(text)] == [test]


def test_the_longest_phrase_wins_and_offsets_point_into_the_text():
    text = "Data diuji dengan Wilcoxon signed-rank test."
    (m,) = find_test_mentions(text)
    assert (m.test.value, text[m.start:m.end]) == ("wilcoxon_signed_rank", "Wilcoxon signed-rank test")


def test_every_statistic_kind_names_the_tests_it_can_come_from():
    assert {k for k in StatKind if k not in (StatKind.DESCRIPTIVE, StatKind.PERCENT, StatKind.CI)} <= set(KIND_TESTS)
    assert TestName.SPEARMAN in KIND_TESTS[StatKind.RHO] and TestName.PAIRED_T not in KIND_TESTS[StatKind.Z]


def test_a_statistic_far_from_any_test_name_takes_the_one_test_the_methods_state():
    text = ("Metode. Data dianalisis dengan uji Mann-Whitney.\n\n"
            "Hasil. Kelompok berbeda bermakna dengan p = 0,010 pada akhir.")
    start = text.index("Hasil")
    doc = Document(id="t", source="t", sha256="", text=text,
                   sections=(Section("methods", "Metode", 0, start), Section("results", "Hasil", start, len(text))))
    ctx = StatContext.of(doc)
    assert ctx.test_for(StatKind.P_ONLY, text.index("p = ")) is TestName.MANN_WHITNEY
    assert ctx.test_for(StatKind.T, text.index("p = ")) is None      # a t cannot come from Mann-Whitney
