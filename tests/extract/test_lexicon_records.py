"""The record lexicons: every key is a contract value (or one of our declared canonical names),
and every design and sampling phrase, in both languages, is read back as its key from a sentence
written around it."""

from __future__ import annotations

import pytest

from evidencekit.extract import lexicon
from evidencekit.extract.fields.design import read_design
from evidencekit.extract.fields.sampling import read_sampling
from evidencekit.extract.review import COLUMNS
from evidencekit.vocab import Design, DesignFamily, Sampling

#: Lexicon files whose keys are contract vocabularies.
VOCABULARY_FILES = {"designs": Design, "design_families": DesignFamily, "sampling": Sampling}
#: Lexicon files whose keys are our own canonical names, and the names allowed.
CANONICAL_FILES = {
    "review_columns": set(COLUMNS) | {"opener_design", "opener_population", "opener_treatment", "opener_results"},
    "sample_size": {"total", "sample", "count", "population", "unit", "not_people", "not_people_whole", "share_unit",
                    "or", "pair_unit", "bracket_unit", "unit_lead", "per_group", "group", "arm_label_opener",
                    "label_end", "and", "joins", "label_stopwords", "group_words", "group_words_whole"},
    "pico": {"effect", "link", "link_weak", "stop", "comparator", "instrument", "setting", "contrast",
             "contrast_join", "outcome_cue", "intervention_cue", "control_group", "relative", "only", "received",
             "treatment_end", "instrument_end", "contrast_end", "cue_end", "article", "primary", "with", "test_word",
             "place_in", "aim_noise", "aim_noise_lead"},
    "hedges": {"conditional", "example"},
    "alpha": {"alpha", "confidence"},
    "bibliography": {"affiliation", "furniture", "quoted_title", "volume", "issue", "author_and"},
    "connectives": {"clause_join", "clause_if", "level_link", "number_and", "value_alone",
                    "significance_stem", "significance_abbrev", "p_value_word", "alpha_word"},
    "review_words": {"header_opening", "header_opening_whole", "short_words"},
    "number_words": {"ones", "teens", "tens", "hundred", "ten_times", "plus_ten", "ten", "eleven", "one_hundred"},
    "record_headings": {"abstract", "abstract_en", "introduction", "methods", "results", "discussion",
                        "conclusion", "references"},
}
#: Sentences we wrote to carry one phrase each.
DESIGN_SENTENCE = {"id": "Penelitian ini menggunakan desain {} pada ibu nifas.",
                   "en": "This study used a {} design among postpartum mothers."}
SAMPLING_SENTENCE = {"id": "Sampel dipilih dengan teknik {} dari daftar ibu nifas.",
                     "en": "Mothers were chosen by {} from the ward register."}


def _entries(name: str) -> list[tuple[str, str, str]]:
    """(language, key, phrase) for every phrase of lexicon ``name``."""
    return [(lang, key, phrase) for lang in lexicon.LANGUAGES
            for key, entry in lexicon.load(lang, name).items() for phrase in entry.get("phrases", ())]


@pytest.mark.parametrize("name", sorted(VOCABULARY_FILES))
@pytest.mark.parametrize("lang", lexicon.LANGUAGES)
def test_every_vocabulary_lexicon_key_is_a_contract_value(name, lang):
    keys = set(lexicon.load(lang, name))
    assert keys, f"lexicon/{lang}/{name}.toml is missing or empty"
    assert keys <= {v.value for v in VOCABULARY_FILES[name]}


@pytest.mark.parametrize("name", sorted(CANONICAL_FILES))
@pytest.mark.parametrize("lang", lexicon.LANGUAGES)
def test_every_record_lexicon_key_is_a_declared_canonical_name(name, lang):
    keys = set(lexicon.load(lang, name))
    assert keys, f"lexicon/{lang}/{name}.toml is missing or empty"
    assert keys <= CANONICAL_FILES[name]


@pytest.mark.parametrize("name", ["designs", "sampling", "design_families"])
def test_english_lexicon_covers_every_key_the_indonesian_one_has(name):
    assert set(lexicon.load("id", name)) - {"crossover"} <= set(lexicon.load("en", name))


@pytest.mark.parametrize(("lang", "key", "phrase"), _entries("designs"),
                         ids=[f"{lang}-{phrase}" for lang, _, phrase in _entries("designs")])
def test_each_design_phrase_is_read_as_its_design(lang, key, phrase):
    statement = read_design(DESIGN_SENTENCE[lang].format(phrase))
    assert statement is not None and statement.design is Design(key)


@pytest.mark.parametrize(("lang", "key", "phrase"), _entries("design_families"),
                         ids=[f"{lang}-{phrase}" for lang, _, phrase in _entries("design_families")])
def test_each_design_family_phrase_is_read_as_its_family(lang, key, phrase):
    statement = read_design(DESIGN_SENTENCE[lang].format(phrase))
    assert statement is not None and statement.family is DesignFamily(key)


@pytest.mark.parametrize(("lang", "key", "phrase"), _entries("sampling"),
                         ids=[f"{lang}-{phrase}" for lang, _, phrase in _entries("sampling")])
def test_each_sampling_phrase_is_read_as_its_sampling_method(lang, key, phrase):
    assert read_sampling(SAMPLING_SENTENCE[lang].format(phrase)) is Sampling(key)


@pytest.mark.parametrize(("text", "design", "family"), [
    ("Jenis penelitian ini pra eksperimen dengan rancangan one group pre-test post-test.",
     Design.ONE_GROUP_PRETEST_POSTTEST, DesignFamily.PRE_EXPERIMENTAL),
    ("Desain kuasi eksperimen dengan pendekatan non-equivalent control group.",
     Design.TWO_GROUP_PRETEST_POSTTEST, DesignFamily.QUASI_EXPERIMENTAL),
    ("We ran a randomised controlled trial in two wards.", Design.RCT, DesignFamily.EXPERIMENTAL),
    ("Penelitian ini quasi eksperimen.", Design.QUASI_EXPERIMENTAL, DesignFamily.QUASI_EXPERIMENTAL),
    ("Kajian ini memakai metode studi literatur.", Design.LITERATURE_REVIEW, DesignFamily.REVIEW),
])
def test_a_design_sentence_gives_the_design_and_the_family_it_implies(text, design, family):
    statement = read_design(text)
    assert (statement.design, statement.family) == (design, family)


def test_a_design_word_broken_at_a_narrow_cell_edge_is_still_read():
    statement = read_design("Penelitian Quasi Experimenta l dengan rancangan two group post test design",
                            broken_words=True)
    assert statement.design is Design.TWO_GROUP_POSTTEST_ONLY


def test_a_sentence_without_a_design_gives_none():
    assert read_design("Ibu nifas diberi pijat punggung dua kali sehari.") is None
    assert read_sampling("Ibu nifas diberi pijat punggung dua kali sehari.") is None
