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
from evidencekit.extract.fields import bibliography, pico, sample_size

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

#: Where a treatment phrase stopped, as written in pico.
TREATMENT_END = r"(?=\s+(?:yang|pada|di|selama|which|who|for|in|at|during|among|on)\b|\s*[.;,()]|\s*$)"
#: name in pico -> the pattern as written before its words moved into lexicon/*/pico.toml (a
#: function: some are built around phrases that were lexicon data already).
PICO_WRITTEN = {
    "_instrument_tail": lambda: re.compile(
        r"[^.;,\n]{0,60}?(?=\s+(?:untuk|yang|to|which|that|dengan|with)\b|[.;,\n]|$)"),
    "_place_name": lambda: re.compile(
        r"(?:[ \t]*\n?[ \t]*(?:[A-Z][\w'-]*|[IVX]+)(?![\w'-]*\.\s))+(?:[ \t]*\n?[ \t]*[A-Z][\w'-]*)?"
        r"|[ \t]+in[ \t]+[A-Z][\w'-]*"),
    "_control_received": lambda: re.compile(
        r"(?i)(?:kelompok\s+(?:kontrol|pembanding)|control\s+group|comparison\s+group)" + r"(?:\s*\([^)]{0,30}\))?"
        r"\s*(?:yang|that|which|who)?\s*(?:hanya|only)?\s*"
        r"(?:menerima|mendapat(?:kan)?|diberikan|diberi|received|receiving|was\s+given)\s+"
        r"(?P<c>[^.;,()]{3,60}?)" + TREATMENT_END),
    "_after_comparator": lambda: re.compile(r"\s*(?P<c>[^.;,()]{3,60}?)" + TREATMENT_END),
    "_test_word": lambda: re.compile(r"\b(?:test|uji)\b", re.IGNORECASE),
    "_contrast_re": lambda: re.compile(
        rf"(?:{pico._alt('contrast')})\s+(?P<i>[^.;:()]{{3,{pico.MAX_PART}}}?)(?:\s*\([^)]{{0,30}}\))?\s+"
        rf"(?:{pico._alt('contrast_join')})\s+(?P<c>[^.;:,()]{{3,{pico.MAX_PART}}}?)"
        r"(?=\s*\(|\s+(?:in|at|during|among|on|di|pada|with|dengan)\b|\s*[.;:,]|\s*$)", re.IGNORECASE),
    "_cued_phrase": lambda: re.compile(
        r"\s*(?:the\s+|a\s+)?(?P<x>[^.;:,()]{3,80}?)"
        r"(?=\s+(?:after|before|setelah|sebelum|was|were|is|di|pada|among|in\s+the|at)\b|\s*[.;:,()]|\s*$)"),
    "_as_primary": lambda: re.compile(
        r"(?:with\s+|dengan\s+)?(?P<x>[^\W\d_][\w\s-]{2,50}?)\s+(?:as\s+the\s+primary\s+outcome|"
        r"sebagai\s+luaran\s+utama)", re.IGNORECASE),
    "_leading_with": lambda: re.compile(r"^(?:.*\b(?:with|dengan)\s+)"),
    "_primary_words": lambda: re.compile(r"(?-i:[aAsSſ])(?:(?<=[aA])s\s+the\s+primary\s+outcome"
                                         r"|(?<=[sSſ])ebagai\s+luaran\s+utama)", re.IGNORECASE),
}
#: Patterns of PICO_WRITTEN used only as yes/no tests.
PICO_YES_NO = {"_test_word", "_primary_words"}
#: Patterns of PICO_WRITTEN that also read text as it is (not flattened).
READ_RAW = {"_instrument_tail", "_place_name", "_test_word"}

#: name in bibliography -> the pattern as written before its words moved into lexicon/*/bibliography.toml.
BIBLIOGRAPHY_WRITTEN = {
    "journal_re": re.compile(
        r"^[ \t]*(?P<journal>[A-Za-z][A-Za-z &.'-]{4,80}?)[ \t]*,[ \t]*(?:(?:19|20)\d\d[ \t]*,[ \t]*)?"
        r"(?:Vol(?:ume|\.)?[ \t]*\d+|\d+[ \t]*\(\d+\))(?P<rest>[^\n]*)", re.MULTILINE),
    "volume_re": re.compile(r"\bvol(?:ume|\.)?\s*\d|\bno\.\s*\d", re.IGNORECASE),
    "quoted_title_re": re.compile(
        r"(?-i:[pPtT])(?:(?<=[pP])enelitian\s+(?:ini\s+)?(?:dengan\s+judul|berjudul)"
        r"|(?<=[tT])his\s+(?:study|research)\s+(?:is\s+)?entitled)"
        r"\s*[\"'](?P<title>[^\"']{15,300})[\"']", re.IGNORECASE),
    "_name_separator": re.compile(r",|;|\s+&\s+|\s+dan\s+|\s+and\s+"),
}
#: Patterns of BIBLIOGRAPHY_WRITTEN used only as yes/no tests.
BIBLIOGRAPHY_YES_NO = {"volume_re"}

#: (module, name) -> a pattern of the small words in lexicon/*/connectives.toml, as written before.
CONNECTIVES_WRITTEN = {
    ("phrases", "_clause_end"): re.compile(
        r"[,;]\s+|\s+(?=(?:dan|and|sedangkan|while|whereas)\s+(?:jika|apabila|bila|if)\b)"),
    ("pvalues", "_level_after"): re.compile(
        r"\s*(?:=|:|sebesar|adalah|of|<|≤)?\s*(?P<val>0?[.,]\d{1,3}|\d{1,2}(?:[.,]\d)?\s*%)"),
}

#: (module, name) -> a review pattern as written before its words moved into the lexicon.
REVIEW_WRITTEN = {
    ("review_text", "_header_opening"): re.compile(r"(?i)(no\b|nama|penulis|author|peneliti)"),
    ("review_text", "_header_line"): re.compile(r"(?im)^[^\S\n]*(?:no\b|nama|penulis|author|peneliti)"),
    ("review", "_author_separator"): re.compile(r",|;|&|\bdan\b|\band\b"),
}



def _p_patterns_written() -> dict[tuple[str, str], re.Pattern[str]]:
    """(module, name) -> the p-value and rule patterns as written before their words (value, nilai,
    sig, signifi…, alpha) moved into lexicon/*/connectives.toml."""
    from evidencekit.extract import claims
    from evidencekit.extract.fields import pvalues

    p_cue = (r"(?:(?<![A-Za-z])[pPρ]\s*[-_]?\s*(?:value|vlue|val)?(?![A-Za-z])"
             r"|(?<![A-Za-z])(?:signifi[a-z]*|sig\.?)(?![A-Za-z])"
             r"|(?<![A-Za-z])value(?![A-Za-z]))")
    operator = r"(?P<op><=|>=|≤|≥|<|>|=)?\s*(?:α|alpha)?\s*\(?\s*"
    p_word = r"(?:\bp|ρ|sig\.?)(?:[\s-]*(?:value|nilai))?"
    number = claims.NUMBER
    return {
        ("pvalues", "p_value_re"): re.compile(p_cue + pvalues.GLUE + operator + pvalues.VALUE),
        ("claims", "rule_re"): re.compile(
            rf"(?:nilai\s+)?{p_word}\s*{claims.OPERATOR}\s*(?:α\s*=?\s*|alpha\s*=?\s*)?(?P<alpha>{number})",
            re.IGNORECASE),
        ("claims", "bracketed_threshold_re"): re.compile(
            rf"{p_word}\s*[=:]?\s*(?:{number})\s*\(\s*(?:{p_word}|α)\s*(?P<op>[<>≤≥])\s*"
            rf"(?P<alpha>{number})\s*\)", re.IGNORECASE),
    }


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
    "Kelompok kontrol (16 orang) yang hanya menerima perawatan payudara selama 3 hari; kelompok pembanding diberi "
    "pijat yang lain, kelompok kontrol mendapatkan edukasi pada ibu. Uji beda dipakai.",
    "The control group that only received usual care during the stay, the comparison group was given leaflets in "
    "the ward; control group receiving warm compresses among mothers. A Test was run.",
    "Diukur dengan lembar observasi untuk menilai ASI, kuesioner yang baku dan angket dengan skala; measured with a "
    "questionnaire which was validated, a checklist to score, a breast pump with cups.",
    "Penelitian di Wilayah Kerja Puskesmas Sungai Besar Kota Banjarbaru\nIbu Nifas, held at two community health "
    "centres in Makassar City and a hospital In Jakarta.",
    "Membandingkan pijat oksitosin dengan perawatan payudara di klinik; we compared warm compresses with massage "
    "among mothers; allocated to massage or to usual care at home, or with leaflets during the stay.",
    "Luaran utama adalah volume ASI setelah intervensi, the primary outcome was the milk volume after birth; "
    "primary outcome: a score at day 3, change in milk flow was recorded, perubahan berat pada bayi.",
    "Jurnal Kebidanan Nusantara, Vol. 5 No. 1, Mei 2022\nGLOBAL HEALTH SCIENCE, Volume 7 Number 3, 2022\nJurnal "
    "Ibu, 2024, Vol 2, Issue 1\nHealth Notes, 2022, 9(3), 112-113\nvol.3 VOLUME 4 no. 5 No.6 nomor 7 volcano 8",
    "Penelitian ini dengan judul \"Pijat punggung dan produksi ASI pada ibu\" dan PENELITIAN BERJUDUL 'Kompres hangat "
    "untuk ibu nifas'; This research is entitled \"Warm compresses for new mothers\" and this study entitled 'x'.",
    "Jika data normal, uji t dan jika tidak normal uji Wilcoxon sedangkan bila kecil, while if small and if not whereas "
    "if; DAN JIKA; taraf signifikansi sebesar 0,05, α adalah 5%, a level of .05, alpha: 0.1, α < 0,05, α ≤ 1 %",
    "One hundred and six mothers, twenty-five AND two, seratus dua puluh orang, sixty\tand\tone, and six",
    "No. Nama penulis Judul\n  NO Author (year)\nNomor\tPeneliti\nAuthors and Dewi dan Putra; Sari & Budi, Andi",
    "(P_value 0,001) p value < α (0,001 < 0,05), nilai signifikasi Mann-Whitney sebesar 0,001, (ρ-value) adalah "
    "0.044, p-value 0, 000, Sig. (2-tailed) 0,000, sig .03, SIG = .2, dengan value 0,01, pval=.5, p vlue 0.3",
    "Nilai p < 0,05 maka Ha diterima; p value > alpha 0.05; P = 0,000 (p<0,005); p-value = 0.01 (sig. < 0.05); "
    "NILAI P ≤ alpha = 0,05; p nilai => .05; signifikansi (p) < α 0,05; ρ <= 0.1; values p 0.2",
    "Sari Dewi, Budi Santoso dan Ani Lestari & Rina; Made Putra and Joko Widodo,Candra",
    "with expressed milk volume AS THE Primary\nOutcome; dengan volume ASI ſebagai luaran utama; with x with "
    "the daily volume as the primary outcome.",
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


@pytest.mark.parametrize("name", sorted(PICO_WRITTEN))
def test_pico_pattern_built_from_the_lexicon_matches_where_the_written_one_did(name, texts):
    built = getattr(pico, name)()
    built = re.compile(built) if isinstance(built, str) else built
    for text in texts:
        # most run on flattened text; the instrument, place and test-word patterns also on raw text
        if name in READ_RAW:
            _same_matches(PICO_WRITTEN[name](), built, text, name in PICO_YES_NO)
        _same_matches(PICO_WRITTEN[name](), built, pico.flatten(text), name in PICO_YES_NO)


@pytest.mark.parametrize("name", sorted(BIBLIOGRAPHY_WRITTEN))
def test_bibliography_pattern_built_from_the_lexicon_matches_where_the_written_one_did(name, texts):
    built = getattr(bibliography, name)()
    for text in texts:
        _same_matches(BIBLIOGRAPHY_WRITTEN[name], built, text, name in BIBLIOGRAPHY_YES_NO)
    for text in texts[-12:]:
        assert built.split(text) == BIBLIOGRAPHY_WRITTEN[name].split(text)


@pytest.mark.parametrize(("module", "name"), sorted(CONNECTIVES_WRITTEN))
def test_connective_pattern_built_from_the_lexicon_matches_where_the_written_one_did(module, name, texts):
    from evidencekit.extract.fields import phrases, pvalues

    built = getattr({"phrases": phrases, "pvalues": pvalues}[module], name)()
    for text in texts:
        _same_matches(CONNECTIVES_WRITTEN[module, name], built, text, yes_no=False)


def test_number_word_runs_built_from_the_lexicon_are_those_the_written_run_found(texts):
    from evidencekit.extract.fields import number_words

    words = "|".join(sorted(map(re.escape, number_words._values()), key=len, reverse=True))
    written = re.compile(rf"(?<![^\W_])(?:{words})(?:(?:[ \t]+|-|[ \t]+and[ \t]+)(?:{words}))*(?![^\W_])",
                         re.IGNORECASE)
    for text in texts:
        assert [m.span() for m in number_words._run_re().finditer(text)] == [m.span() for m in written.finditer(text)]
    assert number_words.parse_number_words("one hundred AND six") == 106
    assert number_words.parse_number_words("seratus dan enam") is None


@pytest.mark.parametrize(("module", "name"), sorted(REVIEW_WRITTEN))
def test_review_pattern_built_from_the_lexicon_matches_where_the_written_one_did(module, name, texts):
    from evidencekit.extract import review, review_text

    built = getattr({"review": review, "review_text": review_text}[module], name)()
    written = REVIEW_WRITTEN[module, name]
    for text in texts:
        _same_matches(written, built, text, yes_no=name != "_author_separator")
        assert built.split(text) == written.split(text)


def test_short_words_of_broken_cells_are_the_words_written_before():
    assert set(lexicon.phrases("review_words")["short_words"]) == {
        "di", "ke", "ya", "si", "se", "in", "on", "of", "to", "at", "by", "or", "is", "as", "it", "be", "we", "no",
        "vs", "a"}


@pytest.mark.parametrize(("module", "name"), sorted(_p_patterns_written()))
def test_p_value_pattern_built_from_the_lexicon_matches_where_the_written_one_did(module, name, texts):
    from evidencekit.extract import claims
    from evidencekit.extract.fields import pvalues

    built = getattr({"claims": claims, "pvalues": pvalues}[module], name)()
    for text in texts:
        _same_matches(_p_patterns_written()[module, name], built, text, yes_no=False)


def test_aim_noise_built_from_the_lexicon_strips_what_the_written_pattern_stripped(texts):
    from evidencekit.extract import record

    written = re.compile(r"^(?:(?:yang\s+)?(?:signifikan|spesifik|bermakna|positif|the|a|an)\s+)+", re.I)
    odd = ["Yang signifikan  bermakna pijat", "the a an  THE pijat", "an\napple", "a", "positif", "spesifikasi pijat"]
    for text in [*texts, *odd]:
        _same_matches(written, record._leading_noise(), text[:300], yes_no=False)
        assert record._leading_noise().sub("", text) == written.sub("", text)


def test_group_label_stopwords_are_the_words_written_before():
    assert lexicon.phrases("sample_size")["label_stopwords"] and \
        set(lexicon.phrases("sample_size")["label_stopwords"]) == {"to", "the", "or", "and", "dan", "atau", "serta"}


@pytest.mark.parametrize("name", ["sample_size", "pico", "bibliography", "connectives", "review_words"])
def test_a_record_lexicon_has_the_same_keys_in_both_languages(name):
    assert set(lexicon.load("id", name)) == set(lexicon.load("en", name))


def test_the_primary_outcome_fast_path_opens_with_every_case_of_the_phrases_first_letters():
    opening = re.match(r"\(\?-i:\[(.*?)\]\)", pico._primary_words().pattern)
    firsts = {p[0] for p in lexicon.phrases("pico")["primary"]}
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert set(re.sub(r"\\(.)", r"\1", opening.group(1))) == \
        set(re.findall(f"[{re.escape(''.join(firsts))}]", every, re.IGNORECASE))


def test_a_new_primary_outcome_phrase_is_found_by_the_fast_path(monkeypatch):
    """The fast path is built from the lexicon: a phrase added there (here one opening with a letter
    no other phrase has, and with case variants beyond ASCII) is found without editing the code."""
    real = lexicon.phrases

    def more(name, languages=lexicon.LANGUAGES):
        found = dict(real(name, languages))
        if name == "pico":
            found["primary"] = (*found["primary"], "kot hasil utama")
        return found

    monkeypatch.setattr(lexicon, "phrases", more)
    fast = pico._primary_words.__wrapped__()
    for text in ("skor KOT HASIL\nUTAMA", "skor \u212aot hasil utama", "as the primary outcome",
                 "ſebagai luaran utama"):
        assert fast.search(text), text
    assert not fast.search("kot hasil lain")
