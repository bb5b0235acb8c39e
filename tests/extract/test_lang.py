"""Language detection from stopwords: Indonesian, English, or both."""

from __future__ import annotations

from evidencekit.extract.lang import detect_language

ID_PARA = ("Penelitian ini dilakukan pada ibu nifas yang tidak dapat menyusui dengan lancar, "
           "sehingga peneliti ingin mengetahui apakah pijat punggung yang diberikan oleh suami "
           "dapat membantu pengeluaran ASI dan bahwa hasil ini juga akan berguna bagi bidan. ")
EN_PARA = ("This study was carried out with mothers after birth who could not breastfeed well, "
           "and the aim was to find out whether a back massage given by the husband is able to "
           "help the flow of milk and whether these results are of use for the midwives. ")


def test_indonesian_text_is_id():
    assert detect_language(ID_PARA * 3) == "id"


def test_english_text_is_en():
    assert detect_language(EN_PARA * 3) == "en"


def test_an_english_abstract_over_an_indonesian_body_is_id_plus_en():
    assert detect_language(EN_PARA * 2 + "\n" + ID_PARA * 12) == "id+en"


def test_a_single_english_phrase_does_not_make_a_paper_bilingual():
    assert detect_language(ID_PARA * 12 + "\nthe effect of massage\n") == "id"


def test_text_without_words_has_no_language():
    assert detect_language("1 2 3 | 4,5 | 6") is None


def test_seed_languages_match_gold(shared_dir, gold, read_seed):
    for path in sorted((shared_dir / "pdf").glob("*.pdf")):
        expected = gold[path.stem]["language"]
        assert read_seed(path.stem, "pdf").language == expected, path.name
        assert read_seed(path.stem, "txt").language == expected, path.stem + ".txt"
