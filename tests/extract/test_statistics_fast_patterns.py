"""Patterns rewritten for speed find exactly what their plain forms find (oracle tests on the
seed texts and on odd strings of our own): a pattern that starts with a character class, or
checks the first letter before trying every name, lets the regex engine skip most of a paper."""

from __future__ import annotations

import re

import pytest

from evidencekit.extract import patterns, prose
from evidencekit.extract.context import fold
from evidencekit.extract.numbers import _UNAMBIGUOUS_RE
from evidencekit.extract.patterns import (
    BROKEN_P,
    COUNT_PCT_RE_TEMPLATE,
    GLUE,
    MEAN_SD_NAME_MAX,
    MEAN_SD_NAMES,
    MEAN_SD_PAREN_RE,
    NUM,
    OP,
    P_NAME,
    P_RE,
    SENTENCE_END_RE,
    STAT_FIRST,
    STAT_NAMES,
    STAT_RE,
)

#: Our own strings with what the rewritten patterns must get right: stops before capitals and
#: brackets, blank lines after colons, numbers at the very start, after marks and dashes, odd
#: case-folding letters (long s, dotless i, Greek capital rho, Kelvin sign).
ODD = [
    "12,5 dan 0,874. Hasil: \n\n 7.25 (30,0%) lalu.\tBerikut? (Lihat) [1] 1.250,5 3,14159",
    "0,5 0.5 10,25.5 ,5 1,234 12,3.4 5,6, 7,8. 9.10: ٣,٤ 0,٣ ١0,5",
    "t(28) = 2,20, p = .03; ſig. 0,001; Ρ value = 0,02; ϱ = 0,5 (spearman); \u212a = 1",
    "n=24 21 orang (87,50%), 9 of the 25 mothers (32%), 1-8 (5%), a/3 (2 %), 2021 (10%)",
    "Z = -3,317; χ²(1, N = 90) = 4.2, p < .05. OR 2.1 (95% CI 1.1 to 3.9) Q-within = 3",
    ": \n \n x. \n\nY!  Z?\n\n\n(a) .\n\nb",
    "mean (SD) 3.2 (1.1); Rata-rata \n (s.d.) = 3,2 (1,1); M(SD) 2 (1); xM (sd) 1 (2); (SD) 1 (2)",
    "M (SD) M (SD) 4 (1); rerata(std) adalah 5,5 (0,5) average  ( S.D ) of 7 (2) RATA-RATA (sd)",
]


@pytest.fixture(scope="module")
def texts(shared_dir) -> list[str]:
    seeds = [fold(p.read_text(encoding="utf-8")) for p in sorted((shared_dir / "seeds").glob("*.txt"))]
    return seeds + ODD


def _same(new: re.Pattern[str], plain: str, flags: int, texts: list[str]) -> None:
    old = re.compile(plain, flags)
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in new.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in old.finditer(text)]


def test_sentence_ends_match_the_lookbehind_form_at_the_same_ends(texts):
    plain = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])|(?<=[.!?:])[ \t]*\n\s*\n")
    for text in texts:
        assert [m.end() for m in SENTENCE_END_RE.finditer(text)] == [m.end() for m in plain.finditer(text)]


@pytest.mark.parametrize("mark", [",", "."])
def test_unambiguous_decimals_are_those_of_the_lookbehind_form(texts, mark):
    plain = re.compile(rf"(?<![\d.,])(?:0{re.escape(mark)}\d+|[1-9]\d{{0,2}}{re.escape(mark)}(?:\d{{1,2}}|\d{{4,}}))"
                       r"(?!\d|[.,]\d)")
    for text in texts:
        found = [m.span() for m in _UNAMBIGUOUS_RE.finditer(text) if (m.group("zero_mark") or m.group("mark")) == mark]
        assert found == [m.span() for m in plain.finditer(text)]


def test_statistic_pattern_matches_the_form_without_first_letters(texts):
    alternation = "|".join(f"(?P<{'k_' + k}>{v})" for k, v in STAT_NAMES.items())
    plain = (rf"(?<![A-Za-z0-9_])(?:{alternation})(?![A-Za-z])\s*(?:{patterns.DF})?"
             rf"\s*(?:value\s*|nilai\s*)?{GLUE}(?P<vop>{OP})?\s*\$?\s*(?P<vbr>\(\s*)?(?P<value>{NUM})(?(vbr)\s*\))")
    _same(STAT_RE, plain, 0, texts)


def test_p_pattern_matches_the_form_without_first_letters(texts):
    plain = (rf"(?<![A-Za-z0-9_])(?P<pname>{P_NAME})(?![A-Za-z]){patterns._P_AFTER}"
             rf"\s*\$?\s*(?:(?:sebesar|adalah|yaitu|of|was|is|:)\s*)?(?P<pop>{OP})?\s*\$?\s*\(?\s*"
             rf"(?P<pval>{BROKEN_P}|{NUM})")
    _same(P_RE, plain, 0, texts)


def test_count_percent_pattern_matches_the_lookbehind_form(texts):
    persons = patterns.phrase_alternation(prose.lexicon.phrases("statistics")["person"])
    plain = COUNT_PCT_RE_TEMPLATE.replace(r"(?P<count>\d(?<![\d.,\-–/]\d)\d{{0,5}})",
                                          r"(?<![\d.,\-–/])(?P<count>\d{{1,6}})")
    assert plain != COUNT_PCT_RE_TEMPLATE
    _same(prose._count_pct_re(), plain.format(persons=persons), re.IGNORECASE, texts)


def test_mean_sd_pairs_are_the_matches_of_the_whole_text_scan(texts):
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in prose.mean_sd_pairs(text)] == \
            [(m.span(), m.groupdict()) for m in MEAN_SD_PAREN_RE.finditer(text)]


def test_mean_sd_name_max_covers_every_name():
    assert MEAN_SD_NAME_MAX >= max(len(name.removeprefix(r"\b")) for name in MEAN_SD_NAMES)


def _first_chars(items) -> set[str]:
    """Characters a parsed regex can start with (LITERAL, IN, BRANCH, groups, repeats only)."""
    from re import _constants as c, _parser

    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            return out | {chr(av)}
        if op is c.IN:
            for kind, value in av:
                assert kind is c.LITERAL, f"a class the test cannot list: {kind}"
                out.add(chr(value))
            return out
        if op is c.BRANCH:
            for alternative in av[1]:
                out |= _first_chars(alternative)
            return out
        if op is c.SUBPATTERN:
            return out | _first_chars(av[3])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            out |= _first_chars(av[2])
            if av[0] > 0:
                return out
            continue                                   # an optional start: what follows may start too
        raise AssertionError(f"an op the test cannot follow: {op}")
    raise AssertionError("a name that can be empty")


@pytest.mark.parametrize("key", list(STAT_NAMES))
def test_every_statistic_name_starts_with_one_of_the_first_letters(key):
    from re import _parser

    assert _first_chars(_parser.parse(STAT_NAMES[key])) <= set(STAT_FIRST)


#: Column headers of our own, one or more per role, and labels that name no role.
HEADERS = ["f (%)", "Sebelum intervensi n (%)", "Mean (SD)", "Rerata ± SD", "N", "Frekuensi", "%",
           "Persentase (%)", "Rata-rata", "Std. Deviation", "SE", "Median", "Min.", "Maksimum", "Min - Max",
           "95% CI", "Interval Kepercayaan", "P value", "Sig. (2-tailed)", "Asymp. Sig.", "Z", "t hitung",
           "t tabel", "df", "U", "W", "χ2", "F hitung", "r", "Negative Ranks", "Mean Rank", "Mean (ml)",
           "Rerata (kali per 24 jam)", "Rerata (ml/15 menit)", "Umur", "(%)", "(ml)", "Variabel", "Mean*",
           "Kelompok intervensi", "Nilai Z", "SD Kontrol", "Mean Pretest"]


def _role_in_turn(text: str) -> str | None:
    """COLUMN_ROLES tried one pattern at a time (the plain form of table_headers._role_of)."""
    from evidencekit.extract.table_headers import COLUMN_ROLES

    return next((role for role, pat in COLUMN_ROLES if re.match(rf"(?i)^(?:{pat})$", text)), None)


def test_one_role_pattern_gives_the_role_each_pattern_in_turn_gives(shared_dir):
    from evidencekit.extract.read import read_document
    from evidencekit.extract.table_headers import _role_of
    from evidencekit.extract.text_tables import find_text_tables

    cells = list(HEADERS)
    for path in sorted((shared_dir / "seeds").glob("*.txt")):
        cells += [c.text for t in find_text_tables(read_document(path)) for row in t.rows for c in row]
    for text in cells:
        for variant in (text, text.lower(), re.sub(r"\s+", " ", text).strip()):
            assert _role_of(variant) == _role_in_turn(variant), variant


@pytest.fixture(scope="module")
def every_character() -> str:
    import sys

    return "".join(map(chr, range(sys.maxunicode + 1)))


@pytest.mark.parametrize("letter", list("abcdefghijklmnopqrstuvwxyzχρ"))
def test_any_case_matches_every_character_ignorecase_matches(letter, every_character):
    from evidencekit.extract.patterns import any_case

    assert set(re.findall(f"[{any_case(letter)}]", every_character)) == \
        set(re.findall(f"(?i:{letter})", every_character))


def test_test_name_prefilter_matches_the_one_ignorecase_alternation(texts):
    from evidencekit.extract.nlp import _PREFILTER, PREFILTER_WORDS

    plain = rf"(?i)\b(?=[abcfikmprstuwxχ])(?:{'|'.join(PREFILTER_WORDS)})"
    odd = ["ſhapiro-Wilk, ıNDEPENDEN t-test, \u212aruskal-Wallis, Χ² and χ2, Mann Whitney, MC NEMAR, uji t ",
           "SPEARMAN spearmen SPRMAN, Analisis Kovarians, UJI BEDA, xx2 X² Wilcoxon-test Welch ANOVA"]
    _same(_PREFILTER, plain, 0, texts + odd)


def test_summary_words_match_the_ignorecase_alternation_of_each_key(texts):
    from evidencekit.extract.patterns import phrase_alternation

    parts, firsts = [], {"m", "n"}
    for key in ("mean", "sd", "se", "median", "min", "max"):
        phrases = [p for p in prose.lexicon.phrases("statistics")[key] if len(p) > 1]
        parts.append(f"(?P<{key}>{phrase_alternation(phrases)})")
        firsts.update(p[0] for p in phrases)
    parts += [r"(?P<mean_m>\bM(?=\s*=))", r"(?P<n>\b[nN](?=\s*=))"]
    first = "".join(re.escape(c) for c in sorted(firsts))
    plain = rf"(?i:(?<![A-Za-z])(?=[{first}])(?:{'|'.join(parts)})(?![A-Za-z]))"
    odd = ["ſD 1,2 SIMPANGAN  BAKU 3 Std. Deviation=4 s.d. 5 M = 2 m=3 n = 4 N=5 mdn 6 MEDIAN ıs 7",
           "Nilai Rata-Rata 8, rata – rata 9, RATA RATA 10, galat baku 11, min. 1 max. 9 Mınimum 2"]
    _same(prose._descriptor_re(), plain, 0, texts + odd)


@pytest.mark.parametrize("build", ["by_first_letter", "by_first_char"])
def test_first_letter_groups_refuse_a_word_that_starts_with_no_letter(build):
    with pytest.raises(ValueError):
        getattr(patterns, build)([r"\.05"])


def test_ci_pattern_matches_the_ignorecase_form(texts):
    from evidencekit.extract.patterns import CI_RE, RANGE

    plain = (r"(?i:(?=[9cis])(?:95\s?%\s*)?(?:CI|confidence\s+interval|interval\s+kepercayaan|selang\s+kepercayaan)"
             r"(?:\s*\(CI\))?(?:\s*95\s?%)?)[^\d\n]{0,25}?" + RANGE)
    odd = ["95% CI 1,1–3,5; ci 95% (0.3 to 0.9); İNTERVAL KEPERCAYAAN (CI) 95 % [1.27, 2.86]",
           "ſelang kepercayaan 2-4; Confidence  Interval: 0,5 sampai 0,9; 95 %cı 3; CI\n1-2; 95%  Cl 1-2"]
    _same(CI_RE, plain, 0, texts + odd)
