import pytest

from evidencekit.reports.i18n import LABELS, LANGUAGES, label, labels


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_exactly_the_english_keys(lang):
    assert set(LABELS[lang]) == set(LABELS["en"])


def test_indonesian_labels_differ_from_english_ones():
    assert labels("id")["flags"] == "Tanda integritas"
    assert labels("en")["flags"] == "Integrity flags"


def test_an_unknown_language_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="allowed: id, en"):
        labels("fr")


def test_an_unknown_key_falls_back_to_the_given_default():
    assert label("en", "measure_XYZ", "XYZ") == "XYZ"
