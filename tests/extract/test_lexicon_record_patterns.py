"""Record patterns whose words come from the lexicon match where the patterns with the words
written into them matched (kept here as the oracle), on the seed texts and on one-liners of our
own in both languages; and the lexicons they read have the same keys in both languages.

A pattern used only as a yes/no test ("is a unit of time next?") is compared as yes/no at every
place: its alternation is now ordered longest first, so it may stop at another length. A pattern
whose match is read (spans, groups) is compared match by match.
"""

from __future__ import annotations

import re

import pytest

from evidencekit.extract import lexicon
from evidencekit.extract.fields import sample_size

#: An integer on its own, as sample_size.INTEGER.
INTEGER = r"(?P<n>\d(?<![\d.,\-]\d)\d{0,4})(?![\d]|[.,]\d|\s*-\s*\d)"

#: name in sample_size -> the pattern as written before its words moved into lexicon/*/sample_size.toml.
SAMPLE_SIZE_WRITTEN = {
    "not_people": re.compile(
        r"\s*(?:%|persen|tahun|thn|bulan|minggu|hari|jam|menit|detik|gram|gr|g\b|mg|kg|ml|cc|liter|kali|x\b|"
        r"cm|mm|item|poin|skor|years?|months?|weeks?|days?|hours?|minutes?|times)", re.IGNORECASE),
    "with_percent": re.compile(
        r"\s*(?:orang|responden|respondents|ibu|mothers|women)?\s*(?:\(|atau|or)\s*\d+(?:[.,]\d+)?\s*%", re.IGNORECASE),
    "per_group": re.compile(r"\s*(?:per\s+(?:group|arm|kelompok)|in\s+each\s+(?:group|arm)|tiap\s+kelompok|"
                            r"setiap\s+kelompok|pada\s+masing-masing\s+kelompok)", re.IGNORECASE),
    "_arm_label": re.compile(r"\s*(?:kelompok|group|pada kelompok|in the)?\s*(?P<label>[^\W\d_][\w ]{2,40}?)"
                             r"(?=\s*(?:,|\.|;|\bdan\b|\band\b|\bsehingga\b|$))", re.IGNORECASE),
    "_arm_label_before": re.compile(r"(?:kelompok|group)\s+(?P<label>[^\d]{3,50}?)\s*$", re.IGNORECASE),
    "_paren_count": re.compile(r"\(\s*(?:[nN]\s*=\s*)?" + INTEGER + r"\s*(?:orang|responden|ibu|mothers|women)?\s*\)"),
    "_split": re.compile(r"\(\s*(?P<a>\d{1,4})\s*(?P<la>[^\W\d_][\w ]{0,20}?)?\s*(?:dan|and|\+|,|/)\s*"
                         r"(?P<b>\d{1,4})\s*(?P<lb>[^\W\d_][\w ]{0,20}?)?\s*\)"),
    "_group_words": re.compile(r"kelompok|group|arm\b|masing|intervensi|kontrol|control|perlakuan|treatment", re.I),
    "_joined": re.compile(r"\b(?:dan|and|or|atau|serta|vs|versus)\b|,|\|"),
    "_and_next": re.compile(r"\s*(?:dan|and)\b"),
    "_count_percent": re.compile(r"(?P<count>\d(?<![\d.,]\d)\d{0,3})\s*(?:orang|responden|respondents|ibu)?\s*\(\s*"
                                 r"(?P<pct>\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s*\)"),
}
#: Patterns of SAMPLE_SIZE_WRITTEN used only as yes/no tests.
YES_NO = {"not_people", "with_percent", "per_group", "_group_words", "_joined", "_and_next"}

#: Our own one-liners: every word of the moved lists, odd case, odd spacing, words inside words.
ONE_LINERS = (
    "Sebanyak 30 orang ibu nifas (15 dan 15), 3 x sehari selama 6 Bulan; 200 g_ 5 G 12 or 40 % dan 7 YEARS.",
    "Kelompok intervensi 15 responden dan kelompok kontrol 15 orang sehingga total 30 (n = 30) (16 Orang).",
    "18 orang (75,00%) atau 18 atau 75% tiap  kelompok, per\ngroup, PADA MASING-MASING KELOMPOK, setiap kelompok.",
    "Thirty mothers in each arm (3 women) vs 10 respondents (66.7%) in the treatment group and control; farm x_",
    "perlakuan 12 kali, 2 thn, 3 hari 4 jam 5 menit 6 detik 7 gram 8 gr 9 mg 10 kg 11 ml 12 cc 13 liter 14 cm",
    "15 mm 16 item 17 poin 18 skor 19 persen 20 minggu 21 weeks 22 hours 23 minutes 24 times 25 days 26 month",
    "36 ibu (18 intervensi, 18 kontrol) 40 ibu (20 + 20) masing-masing; armchair arm. group A 12 serta group B 12",
    "Dan 12 AND 13 Or 14 VS 15 versus 16 to the 17 per arm, In Each Group",
)


@pytest.fixture(scope="module")
def texts(shared_dir) -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((shared_dir / "seeds").glob("*.txt"))]
    return [*seeds, *ONE_LINERS, "\n".join(ONE_LINERS).upper(), ""]


def _same_matches(written: re.Pattern[str], built: re.Pattern[str], text: str, yes_no: bool) -> None:
    for p in range(len(text) + 1):
        a, b = written.match(text, p), built.match(text, p)
        if yes_no:
            assert bool(a) == bool(b), (p, text[p:p + 40])
        else:
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (p, text[p:p + 40])
    if yes_no:
        assert bool(written.search(text)) == bool(built.search(text))
    else:
        assert [(m.span(), m.groupdict()) for m in written.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in built.finditer(text)]


@pytest.mark.parametrize("name", sorted(SAMPLE_SIZE_WRITTEN))
def test_sample_size_pattern_built_from_the_lexicon_matches_where_the_written_one_did(name, texts):
    built = getattr(sample_size, name)()
    for text in texts:
        _same_matches(SAMPLE_SIZE_WRITTEN[name], built, text, name in YES_NO)


def test_group_label_stopwords_are_the_words_written_before():
    assert lexicon.phrases("sample_size")["label_stopwords"] and \
        set(lexicon.phrases("sample_size")["label_stopwords"]) == {"to", "the", "or", "and", "dan", "atau", "serta"}


@pytest.mark.parametrize("name", ["sample_size"])
def test_a_record_lexicon_has_the_same_keys_in_both_languages(name):
    assert set(lexicon.load("id", name)) == set(lexicon.load("en", name))
