"""The claims lexicon (extract/lexicon/{id,en}/claims.toml): same keys in both languages, every
key used by the code, phrases lower case; and the claim finders on our own one-liners."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidencekit.extract import claims
from evidencekit.extract.lexicon import load
from evidencekit.model import Document, Section

SRC = Path(claims.__file__).resolve().parents[1]


def test_both_languages_have_the_same_claim_keys_with_phrases():
    id_, en = load("id", "claims"), load("en", "claims")
    assert set(id_) == set(en) and id_
    for lang in (id_, en):
        for key, entry in lang.items():
            assert entry["phrases"], key
            assert all(p == p.lower() for p in entry["phrases"]), key


def test_every_claim_key_is_used_by_the_code():
    code = "".join(p.read_text(encoding="utf-8") for p in (SRC / "extract" / "claims.py",
                                                           *sorted((SRC / "checks").glob("*.py"))))
    for key in load("en", "claims"):
        used = (f'"{key}"' in code or (key.startswith("outcome_") and '"outcome_"' in code)
                or (key.startswith("level_") and '"level_"' in code))
        assert used, key


def one(section: str, text: str) -> Document:
    return Document("d", "d", "", text, sections=(Section(section, section, 0, len(text)),))


@pytest.mark.parametrize(("text", "effect", "reversed_"), [
    ("Jika p value < 0,05 maka Ha diterima.", True, False),
    ("Jika p value > 0,05 maka H0 ditolak.", True, True),
    ("If p < 0.05, H0 is rejected.", True, False),
    ("A p > 0.05 was taken as no effect.", False, False),
    ("bila ρ value < α 0,05 maka tidak ada pengaruh", False, True),
])
def test_decision_rules_are_read_in_both_languages(text, effect, reversed_):
    (rule,) = claims.find_claims(one("methods", text)).decision_rules
    assert (rule.effect, rule.reversed) == (effect, reversed_)


def test_a_result_with_an_operator_but_no_reading_is_not_a_rule():
    assert claims.find_claims(one("results", "Nilai p < 0,001 pada kedua kelompok.")).decision_rules == ()


def test_protocol_doses_are_read_from_words_and_numbers():
    (p,) = claims.find_claims(one("methods", "Pijat oksitosin diberikan dua kali sehari selama 7 hari, 15 menit.")).protocol
    assert (p.times_per_day, p.days, p.minutes) == (2, 7, (15, 15))
    (q,) = claims.find_claims(one("methods", "The massage was given morning and evening for five consecutive days.")).protocol
    assert (q.times_per_day, q.days) == (2, 5)


def test_one_tailed_and_questionnaire_statements_are_noticed():
    c = claims.find_claims(one("methods", "We used a one-sided test. Scores came from a questionnaire."))
    assert c.one_tailed and c.questionnaire and c.score_instrument
    c = claims.find_claims(one("methods", "Data dianalisis dengan uji Wilcoxon."))
    assert not c.one_tailed and not c.questionnaire


def test_claims_in_the_introduction_are_not_this_studys():
    text = "Penelitian lain memberi pijat tiga kali sehari dan bila p value > 0,05 maka ada pengaruh."
    c = claims.find_claims(one("introduction", text))
    assert c.protocol == () and c.decision_rules == ()


def test_level_names_match_across_languages_and_the_longest_wins():
    assert claims.level_keys_in("not smooth as many as") == {"level_tidak_lancar"}
    assert claims.level_keys_in("Tidak lancar") == {"level_tidak_lancar"}
    assert claims.level_keys_in("smooth") == {"level_lancar"}
    assert claims.level_keys_in("Cukup Lancar") == {"level_cukup_lancar"}
