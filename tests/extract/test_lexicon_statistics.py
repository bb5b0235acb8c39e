"""The statistics finders' word lists are lexicon data (table_headers, table_labels, cues): both
languages have the same keys, and every regex built from them finds what the regex with the
words written in (as it was before the move) found, on the seed texts and on one-liners of our
own in both languages. The two places where the lexicon form reads more are named fixes."""

from __future__ import annotations

import re

import pytest

from evidencekit.extract import lexicon, patterns, prose, table_headers, tables
from evidencekit.extract import context
from evidencekit.extract.context import StatContext, _design_cue, fold
from evidencekit.extract.table_headers import COLUMN_ROLES, ROLE_NOTATION, WORDS_IN_NOTATION, column_role
from evidencekit.model import Cell, Document, Table
from evidencekit.vocab import TestName

NAMES = ("table_headers", "table_labels", "cues")

#: Our own one-liners, Indonesian and English, with the words the lists hold in many spellings.
LINES = [
    "Pre-test dan post-test kelompok intervensi; pretest and posttest of the control group",
    "Nilai sebelum dan sesudah pijat; skor sebelum dan setelah perlakuan; pre- and post-intervention",
    "pre dan post; pre tes dan post tes; pre-tes and post; pre\ttest and post; pre  test dan post",
    "Perbedaan antara kelompok eksperimen dan kontrol; antar kelompok; kelompok perlakuan dan kelompok kontrol",
    "Differences between the two groups; between groups; between two groups; between the groups",
    "t hitung 2,1; thitung; Z-hitung; t count; recount; F hitung > F tabel",
    "korelasi Spearman; correlation; correlated; rank; ranking; Korelasi",
    "Jumlah 24; Total 30 100; Sum of ranks; Jumlahnya; totally",
    "Mean Pretest, SD Kontrol, Rerata Sesudah, Mean Before, Baseline, After, Kelompok Eksperimen",
    "Pretes, Post-Tes, post test, Posttest, PRE TEST, sebelumnya, controlled, interventions",
    "Skor (skor), Lama (menit), Berat (gram), Durasi (jam), Hari (hari), Score (score), (ml) ( % )",
    "Umur, rerata (SD); Paritas, n (%); Age, mean ± SD; Weight, rata-rata ± s.d.; Usia, f (%)",
    "Tabel 3. Distribusi; Table 2: Mean; TABEL 1; tabel 4.1; Tabelnya",
    "Uji; Test; Statistic; Statistik; Test statistic; Uji statistik; Uji t",
]

#: The regexes as they were, with the words written in.
OLD = {
    "total": r"(?i)^(?:jumlah|total|sum)\b",
    "pre": r"(?i)\b(?:pre[\s-]?tes[t]?|pretest|sebelum|before|baseline)\b",
    "post": r"(?i)\b(?:post[\s-]?tes[t]?|posttest|sesudah|setelah|after)\b",
    "arm": r"(?i)\b(intervensi|eksperimen|perlakuan|intervention|experimental|kontrol|control)\b",
    "qualifier": (r"(?i)\b(?:pre[\s-]?tes[t]?|pretest|post[\s-]?tes[t]?|posttest|sebelum|sesudah|setelah|before|"
                  r"after|baseline|intervensi|kontrol|control|intervention|eksperimen|experimental|perlakuan)\b"),
    "paired": (r"(?i)\b(?:sebelum\s+dan\s+(?:sesudah|setelah)|pre[\s-]?(?:test|tes)?\s+(?:dan|and)\s+post|"
               r"before\s+and\s+after|pretest\s+(?:dan|and)\s+posttest)"),
    "between": (r"(?i)\b(?:antara\s+kelompok|antar\s+kelompok|between\s+(?:the\s+)?(?:two\s+)?groups|"
                r"kelompok\s+(?:intervensi|eksperimen|perlakuan)\s+dan\s+(?:kelompok\s+)?kontrol)"),
    "computed": r"(?i)hitung|count",
    "correlation": r"(?i)spearman|korelasi|correlat|rank",
    "unit": r"\(\s*(ml|cc|gram|g|kg|cm|mm|mmhg|menit|jam|hari|skor|score|%)\s*\)",
    "test_header": r"(?i)^(?:test|uji|statisti[ck]|test statistic|uji statistik)$",
    "caption": r"(?i)^\s*(?:tabel|table)\s+\d+",
}

#: The header roles as they were (tables.COLUMN_ROLES before the words moved to the lexicon).
OLD_ROLES = (
    ("count_pct", r"(?:.*\s)?[fn]\s*\(\s*%\s*\)"),
    ("mean_sd", r"(?:mean|rerata|rata-rata|rata rata|m)\s*\(\s*(?:s\.?d\.?|sd|std)\s*\)"),
    ("mean_sd", r"(?:mean|rerata|rata-rata)\s*±\s*(?:sd|s\.d\.?)"),
    ("count", r"n|f|jumlah|frekuensi|frequency|number|total"),
    ("percent", r"%|persentase(?: \(%\))?|persen|percent(?:age)?(?: \(%\))?|\(%\)"),
    ("mean", r"mean|rerata|rata-rata|rata rata|average|nilai rata-rata"),
    ("sd", r"sd|s\.d\.?|std\.? deviation|standard deviation|std|simpangan baku(?: \(sd\))?|standar deviasi"),
    ("se", r"se|s\.e\.?|sem|std\.? error|standard error"),
    ("median", r"median|nilai tengah"),
    ("min", r"min\.?|minimum|minimal|terendah"),
    ("max", r"max\.?|maks\.?|maximum|maksimum|maksimal|tertinggi"),
    ("min_max", r"min\s*[-–]\s*max|minimum\s*[-–]\s*maksimum|min-maks|range|rentang"),
    ("ci", r"(?:95\s?%\s*)?ci(?:\s*95\s?%)?|(?:95\s?%\s*)?confidence interval|interval kepercayaan"),
    ("p", r"p|p\s*[-_]?\s*value|nilai p|sig\.?|sig\.?\s*\(?2[\s-]*tailed\)?|asymp\.?\s*sig\.?\s*(?:\(2[\s-]*tailed\))?|p-?value\s*\*?"),
    ("Z", r"z|nilai z|z[\s-]?hitung|z score"),
    ("t", r"t|nilai t|t[\s-]?hitung|t-value"),
    ("critical", r"[tfz][\s-]?(?:tabel|table|kritis)|nilai kritis|critical value"),
    ("df", r"df|dk|db"),
    ("U", r"u|mann-whitney u"),
    ("W", r"w"),
    ("chi2", r"χ2|χ²|x2|chi-square|chi square|chi2"),
    ("F", r"f[\s-]?hitung|f-value|f value"),
    ("r", r"r|koefisien korelasi"),
    ("rank", r"(?:negati(?:f|ve)|positi(?:f|ve))\s+ranks?|ties|mean rank|sum of ranks|selisih|difference"),
)
OLD_ROW_ROLE = (r"(?i)[,;:]?\s*(?P<role>(?:mean|rerata|rata-rata)\s*(?:\(\s*(?:sd|s\.d\.?)\s*\)|±\s*(?:sd|s\.d\.?))"
                r"|[nf]\s*\(\s*%\s*\))\s*$")

#: Header cells of our own: every role in its spellings, in both languages.
HEADERS = [
    "f (%)", "Kontrol n (%)", "Mean (SD)", "Rerata (s.d.)", "Rata rata (SD)", "M (SD)", "Rerata ± SD",
    "Mean ± s.d", "N", "F", "Jumlah", "Frekuensi", "Frequency", "Number", "Total", "%", "(%)",
    "Persentase", "Persentase (%)", "Persen", "Percent", "Percentage (%)", "Mean", "Average", "Rerata",
    "Rata-rata", "Nilai rata-rata", "SD", "S.D.", "Std", "Std. Deviation", "Standard deviation",
    "Simpangan Baku", "Simpangan baku (SD)", "Standar Deviasi", "SE", "S.E.", "SEM", "Std. Error",
    "Standard error", "Median", "Nilai tengah", "Min", "Min.", "Minimum", "Minimal", "Terendah", "Max.",
    "Maks.", "Maximum", "Maksimum", "Maksimal", "Tertinggi", "Min - Max", "Min–Max", "Minimum - Maksimum",
    "Minimum–maksimum", "Min-maks", "Range", "Rentang", "95% CI", "CI 95%", "CI", "95 % Confidence Interval",
    "Confidence interval", "Interval Kepercayaan", "P", "P value", "p-value", "P_value", "Nilai p", "Sig.",
    "Sig. (2-tailed)", "Asymp. Sig. (2-tailed)", "Z", "Nilai Z", "Z hitung", "Z-hitung", "Zhitung", "Z score",
    "t", "Nilai t", "t hitung", "t-value", "t tabel", "F-tabel", "Z kritis", "t table", "Nilai kritis",
    "Critical value", "df", "dk", "db", "U", "Mann-Whitney U", "W", "χ2", "χ²", "X2", "Chi-square", "Chi square",
    "F hitung", "F-value", "F value", "r", "Koefisien korelasi", "Negative Ranks", "Positif rank", "Ties",
    "Mean Rank", "Sum of Ranks", "Selisih", "Difference", "Umur", "Kelompok", "Variabel", "t count", "Score",
    "Mean (ml)", "Rerata (kali per 24 jam)", "Skor (skor)", "Lama (menit)", "Mean*", "Uji statistik",
]

#: Headers the lexicon form reads and the old one did not: the same words, spelled as the
#: neighbouring forms already were ("Rata rata (SD)" was mean_sd, "95% CI" was ci).
FIXED_ROLES = {"Rata rata ± SD": "mean_sd", "95% Interval Kepercayaan": "ci"}


@pytest.fixture(scope="module")
def texts(shared_dir) -> list[str]:
    seeds = [fold(p.read_text(encoding="utf-8")) for p in sorted((shared_dir / "seeds").glob("*.txt"))]
    return seeds + LINES + HEADERS


@pytest.fixture(scope="module")
def header_cells(shared_dir) -> list[str]:
    from evidencekit.extract.read import read_document
    from evidencekit.extract.text_tables import find_text_tables

    cells = list(HEADERS)
    for path in sorted((shared_dir / "seeds").glob("*.txt")):
        cells += [c.text for t in find_text_tables(read_document(path)) for row in t.rows for c in row]
    return cells


def _matches(pattern: re.Pattern[str], texts: list[str]) -> list:
    return [[(m.span(), m.groups()) for m in pattern.finditer(text)] for text in texts]


@pytest.mark.parametrize("name", NAMES)
def test_both_languages_have_the_same_keys(name):
    assert set(lexicon.load("id", name)) == set(lexicon.load("en", name))


def test_every_table_headers_key_is_a_role_or_a_word_list_the_readers_use():
    roles = {role for role, _ in ROLE_NOTATION}
    others = {"unit", "test", "label_column", "text_column", "prose_start", "source"}
    assert set(lexicon.load("en", "table_headers")) <= roles | set(WORDS_IN_NOTATION) | others


def test_no_lexicon_phrase_is_empty_or_padded():
    for name in NAMES:
        for lang in lexicon.LANGUAGES:
            for key, entry in lexicon.load(lang, name).items():
                assert all(p and p == p.strip() for p in entry["phrases"]), (name, lang, key)


@pytest.mark.parametrize(("key", "new"), [
    ("total", lambda: tables._TOTAL_RE),
    ("pre", lambda: tables._PRE_RE),
    ("post", lambda: tables._POST_RE),
    ("arm", lambda: tables._GROUP_RE),
    ("qualifier", lambda: table_headers.QUALIFIER_RE),
    ("paired", lambda: context._PAIRED_CUE_RE),
    ("between", lambda: context._BETWEEN_CUE_RE),
    ("computed", lambda: prose._COMPUTED_RE),
    ("correlation", lambda: prose._CORRELATION_RE),
    ("unit", lambda: table_headers._UNIT_RE),
    ("test_header", lambda: table_headers.TEST_HEADER_RE),
    ("caption", lambda: tables._CAPTION_BEFORE_RE),
])
def test_the_lexicon_regex_finds_what_the_written_one_found(texts, key, new):
    old = re.compile(OLD[key], re.I if key == "unit" else 0)
    lines = texts + [line for text in texts for line in text.split(";")]
    assert _matches(new(), lines) == _matches(old, lines)


def test_cues_decide_the_rank_test_as_before():
    assert _design_cue("Skor sebelum dan sesudah pijat berbeda (Z = -3,3)") is TestName.WILCOXON_SIGNED_RANK
    assert _design_cue("Scores differed between the two groups (Z = -2.1)") is TestName.MANN_WHITNEY
    assert _design_cue("pre- and post-test scores between groups") is None
    assert _design_cue("Skor ibu nifas (Z = -3,3)") is None


def _old_role(text: str) -> str | None:
    return next((role for role, pat in OLD_ROLES if re.match(rf"(?i)^(?:{pat})$", text)), None)


def _new_role(text: str) -> str | None:
    return next((role for role, pat in COLUMN_ROLES if re.match(rf"(?i)^(?:{pat})$", text)), None)


def test_each_header_gets_the_role_the_written_patterns_gave(header_cells):
    for cell in header_cells:
        text = re.sub(r"\s+", " ", cell).strip()             # as column_role gives it to the patterns
        for variant in (text, text.lower(), text.upper()):
            assert _new_role(variant) == _old_role(variant), variant
            assert table_headers._role_of(variant) == _new_role(variant), variant


@pytest.mark.parametrize(("header", "role"), sorted(FIXED_ROLES.items()))
def test_the_same_words_in_a_neighbouring_spelling_now_name_their_role(header, role):
    assert _old_role(header) is None
    assert column_role(header) == role


def test_a_row_label_names_its_cells_as_the_written_pattern_did(texts):
    lines = texts + [line.strip() for text in texts for line in re.split(r"[;\n]", text)]
    lines = [line for line in lines if not re.search(r"(?i)rata rata", line)]        # the fix below
    old = re.compile(OLD_ROW_ROLE)
    assert _matches(table_headers.ROW_ROLE_RE, lines) == _matches(old, lines)
    # fixed: "rata rata" (a mean word of the headers) now also before "(SD)" in a row label
    assert table_headers.ROW_ROLE_RE.search("Umur, rata rata (SD)") and not old.search("Umur, rata rata (SD)")


def test_a_rata_rata_row_label_gives_its_groups_means():
    text = "Ciri | Pijat (n = 20) | Kontrol (n = 20)\nUmur, rata rata (SD) | 27,1 (4,2) | 28,0 (3,9)\n"
    rows, pos = [], 0
    for line in text.splitlines(keepends=True):
        row = []
        for part in line.rstrip("\n").split(" | "):
            start = text.index(part, pos)
            row.append(Cell(part, start, start + len(part)))
            pos = start + len(part)
        rows.append(tuple(row))
    table = Table(page=1, rows=tuple(rows), start=0, end=len(text))
    document = Document(id="t", source="t", sha256="", text=text, tables=(table,))
    found, _ = tables.interpret_table(table, StatContext.of(document))
    assert [(d.group, d.n, d.mean.value, d.sd.value) for d in found] == [("Pijat", 20, 27.1, 4.2),
                                                                        ("Kontrol", 20, 28.0, 3.9)]


# --------------------------------------------------------------------------- patterns.py's words

#: More one-liners: statistics named and glued by words of both languages.
STAT_LINES = [
    "chi-square = 4,2; chi squared(1) = 3.9; chi-kuadrat 5,1; kai kuadrat = 2; Chi-square = 1; chisquare = 2",
    "odds ratio = 2,1 (95% CI 1,1 hingga 3,9); risk ratio 1.4 (0.9 to 2.2); relative risk = 0,8; aOR = 3",
    "t hitung = 2,1; Z sebesar -3,317; t value = 2.2; Z score of 2.1; t adalah 1,9; F yaitu 4; Z nilai -3,3",
    "p sebesar 0,001; p was .03; p is 0.2; p of .04; p adalah 0,000; p yaitu 0,05; nilai p (0,012)",
    "Nilai Sig. 0,000; P-value = 0,02; p_val < .05; P vlue 0.1; ρ value = 0,005; p valuex = 1; nilai  p = 0,3",
    "8,84 hingga 9,49; 1,1 sampai 2,2; 0.3 to 0.9; 2 s.d. 5; [1.27, 2.86]; 1,2 – 3,4",
    "Confidence Interval 1,2-3,4; interval kepercayaan 95% 2,1–3,2; Selang Kepercayaan 1 to 2; 95% CI 3-4",
    "mean (SD) 3.2 (1.1); rerata (SD) adalah 3,2 (1,1); average (s.d.) of 7 (2); rata-rata (std) sebesar 5 (1)",
    "RATA-RATA (SD) was 4 (1); Rerata(SD)=2,5 (0,5); M (SD) 2 (1); rata rata (SD) 3 (1); mean (SD) is 3 (1)",
    "9 of the 25 mothers (36%); 4 dari 20 ibu (20%); 3 of all 30 (10%); 2 dari total 40 (5%); 5 of 10 (50%)",
]

_DF, _OP, _NUM = patterns.DF, patterns.OP, patterns.NUM
#: patterns.py's regexes as they were, with the words written in.
OLD_GLUE = r"(?:(?:hitung|count|value|score|sebesar|adalah|yaitu|of|was|is|:)\s*){0,2}"
OLD_STAT_NAMES = dict(patterns.STAT_NAMES,
                      chi2=r"(?:χ\s?2|χ²|χ\^2|[Xx]\s?2|[Xx]²|chi[\s-]?squared?|chi2|chi²|chi[\s-]?kuadrat|kai[\s-]?kuadrat|χ)",
                      OR=r"(?:a?OR|odds\s+ratio)", RR=r"(?:RR|risk\s+ratio|relative\s+risk)")
OLD_STAT_RE = (
    rf"(?<![A-Za-z0-9_])(?=[χXxckrρQaOoRtFzZUWTH])"
    rf"(?:{'|'.join(f'(?P<k_{k}>{v})' for k, v in OLD_STAT_NAMES.items())})(?![A-Za-z])"
    rf"\s*(?:{_DF})?\s*(?:value\s*|nilai\s*)?{OLD_GLUE}(?P<vop>{_OP})?\s*\$?\s*(?P<vbr>\(\s*)?(?P<value>{_NUM})(?(vbr)\s*\))")
OLD_P_NAME = (r"(?i:(?:asymp\.?\s*)?sig\.?\s*(?:\(\s*2\s*[-−]?\s*tailed\s*\)|2\s*[-−]?\s*tailed)?"
              r"|nilai\s+(?:p|sig\.?)|[pPρ]\s*[-_]?\s*(?:value|vlue|val)|[pPρ])")
OLD_P_RE = (
    rf"(?<![A-Za-z0-9_])(?=(?i:[aspnρ]))(?P<pname>{OLD_P_NAME})(?![A-Za-z]){patterns._P_AFTER}"
    rf"\s*\$?\s*(?:(?:sebesar|adalah|yaitu|of|was|is|:)\s*)?(?P<pop>{_OP})?\s*\$?\s*\(?\s*"
    rf"(?P<pval>{patterns.BROKEN_P}|{_NUM})")
OLD_RANGE = (rf"[\[(]?\s*(?P<lo>{_NUM})\s*(?:[-–—]|to|hingga|sampai|s\.?d\.?|;|,\s)\s*"
             rf"(?P<hi>{_NUM})\s*[\])]?")
OLD_CI_RE = (r"(?i:95\s?%\s*(?:CI|confidence\s+interval|interval\s+kepercayaan|selang\s+kepercayaan)"
             r"|CI|confidence\s+interval|interval\s+kepercayaan|selang\s+kepercayaan)"
             r"(?i:(?:\s*\(CI\))?(?:\s*95\s?%)?)[^\d\n]{0,25}?" + OLD_RANGE)
OLD_MEAN_SD_RE = (rf"(?i:(?=[mra])(?:mean|rata-rata|rerata|average|\bM)\s*{patterns.SD_BRACKET})"
                  rf"\s*(?:[:=]|adalah|sebesar|of|was)?\s*(?P<mean>{_NUM})\s*\(\s*(?P<sd>{_NUM})\s*\)")
OLD_COUNT_PCT = (
    r"(?P<count>\d(?<![\d.,\-–/]\d)\d{0,5})"
    r"(?:\s+(?:of|dari)\s+(?:the\s+|all\s+|total\s+)?(?P<of>\d{1,6}))?\s*(?:(?P<unit>{persons})\s*)?"
    r"\(\s*(?P<pct>\d{1,3}(?:[.,]\d+)?)\s*(?P<sign>%)?\s*\)")


@pytest.fixture(scope="module")
def stat_texts(texts) -> list[str]:
    return texts + STAT_LINES + [part for line in STAT_LINES for part in line.split("; ")]


def _found(pattern: re.Pattern[str], texts: list[str]) -> list:
    return [[(m.span(), m.groupdict()) for m in pattern.finditer(text)] for text in texts]


@pytest.mark.parametrize(("new", "old", "flags"), [
    (lambda: patterns.STAT_RE, OLD_STAT_RE, 0),
    (lambda: patterns.P_RE, OLD_P_RE, 0),
    (lambda: patterns.RANGE_RE, OLD_RANGE, 0),
    (lambda: patterns.CI_RE, OLD_CI_RE, 0),
    (lambda: patterns.MEAN_SD_PAREN_RE, OLD_MEAN_SD_RE, 0),
    (lambda: prose._count_pct_re(),
     OLD_COUNT_PCT.replace("{persons}", patterns.phrase_alternation(lexicon.phrases("statistics")["person"])),
     re.IGNORECASE),
], ids=["statistic", "p", "range", "ci", "mean_sd", "count_pct"])
def test_the_patterns_with_lexicon_words_find_what_the_written_ones_found(stat_texts, new, old, flags):
    assert _found(new(), stat_texts) == _found(re.compile(old, flags), stat_texts)


def test_the_glue_words_and_first_letters_are_the_written_ones():
    assert re.compile(patterns.GLUE).pattern != OLD_GLUE           # built, not copied
    words = set(re.findall(r"[a-z]+", patterns.GLUE))
    assert words == set(re.findall(r"[a-z]+", OLD_GLUE))
    assert set(patterns.STAT_FIRST) == set("χXxckrρQaOoRtFzZUWTH")
    assert patterns.MEAN_SD_NAME_MAX == len("rata-rata")


# --------------------------------------------------------------------------- units.py and prose.py

UNIT_LINES = [
    "Volume ASI dalam ml. Berat dalam satuan gram; weight in kg. Volume in units of ml) in unit of cc,",
    "dalam minggu pertama; in the first week; Dalam ML; IN Kilograms.",
    "95% CI 1,2-3,4; 95 % confidence interval; 95% IK 2–3; 95% KI; 95% Selang kepercayaan; 87,5 %; 12%",
    "11,4 with a 95% CI 1,1-2,2; 11,4 dengan interval kepercayaan 95% 1,1–3,5; 9,2 (confidence 1-2)",
    "11,4 selang kepercayaan 1,1-2,2; 2,1 ml and a 95 % Interval 1 to 2; 3,3 di mana CI 2-4",
]


def test_the_unit_and_interval_words_find_what_the_written_ones_found(texts):
    from evidencekit.extract import units

    lines = texts + UNIT_LINES + [part for line in UNIT_LINES for part in line.split("; ")]
    old_in = units._in_re().pattern.replace(
        r"(?:dalam|in)\s+(?:(?:units\s+of|unit\s+of|satuan)\s+)?", r"(?:dalam|in)\s+(?:(?:satuan|units?\s+of)\s+)?")
    assert old_in != units._in_re().pattern
    assert _found(units._in_re(), lines) == _found(re.compile(old_in), lines)
    old_level = re.compile(r"(?i)\s?%\s*(?:CI|confidence|interval|IK|KI|selang)")
    old_glue = re.compile(r"[^\d]{0,25}?(?=(?i:(?:95\s?%\s*)?(?:CI|confidence|interval)))")
    for line in lines:
        for pos in range(len(line)):
            assert bool(units._CI_LEVEL_RE.match(line, pos)) == bool(old_level.match(line, pos))
            new, old = prose._GLUE_BEFORE_CI.match(line, pos), old_glue.match(line, pos)
            assert (new and new.span()) == (old and old.span())


# --------------------------------------------------------------------------- text_tables.py

HEADER_LINES = [
    "Variabel Mean SD Min Max", "Karakteristik f (%)", "Kategori n %", "No. Variable Mean (SD) p-value",
    "Characteristics Rerata (s.d.) Simpangan Baku (SD) Std. Deviation Standard deviation Standar Deviasi",
    "Rata-rata ± SD; t hitung t tabel Z-hitung F-kritis; Persentase (%) Persentase(%) CI 95% 95 % CI",
    "Nilai Z Nilai p Nilai t; Asymp. Sig. (2-tailed) Sig. (2-tailed); Negative Ranks Positif rank Mean Rank",
    "Median Minimum Maksimum Maximum Jumlah Frekuensi Selisih sd se df % N f P z t; Mean (ml) Rerata (gram)",
    "Std.deviation Stddeviation; (n=24) n = 30; mean(sd) Mean (SD) (menit) Skor (skor) Lama (jam) (hari)",
    "Category; Characteristic; Variable; NO; kategorinya",
    "Berdasarkan tabel 2; Data pada tabel; Dari tabel di atas; Sumber: data primer; Sumber : Kuesioner",
    "Keterangan: *; Based on Table 2; According to; As shown; Hasil penelitian; Hasil analisis; Hasil uji t",
    "Tabel di atas; Pada tabel 3; Tabel 2 menunjukkan; Tabel 2. Distribusi; Tabel 3 A; Table 2. Mean",
    "TABEL 4. Hasil; Table 5: Rank; TABLE 6. x; tabel 2. y; Tabel 2.1. z; Tables 2.",
]
OLD_HEADER_PHRASES = (
    r"[fn]\s*\(\s*%\s*\)", r"(?:rerata|rata-rata|mean)\s*\(\s*s\.?d\.?\s*\)",
    r"std\.?\s*deviation", r"standard\s+deviation", r"simpangan\s+baku(?:\s*\(sd\))?", r"standar\s+deviasi",
    r"[tfz][\s-]?hitung", r"[tfz][\s-]?(?:tabel|table|kritis)",
    r"persentase(?:\s*\(%\))?", r"ci\s*95\s*%", r"95\s*%\s*ci", r"p\s*[-_]?\s*value", r"nilai\s+[zpt]",
    r"asymp\.?\s*sig\.?\s*(?:\(\s*2[\s-]*tailed\s*\))?", r"sig\.?\s*\(\s*2[\s-]*tailed\s*\)",
    r"(?:negati(?:f|ve)|positi(?:f|ve))\s+ranks?", r"mean\s+rank", r"rata-rata", r"rerata", r"mean",
    r"median", r"minimum", r"maksimum", r"maximum", r"min", r"max", r"jumlah", r"frekuensi",
    r"selisih", r"sd", r"se", r"df", r"%", r"[nNfpPzZt]",
)
OLD_TEXT_TABLE_RES = {
    "HEADER_RE": (rf"(?i)(?<![\w.])(?:{'|'.join(OLD_HEADER_PHRASES)})"
                  r"(?:\s*\((?:ml|cc|gram|g|kg|cm|mm|mmhg|menit|jam|hari|skor|sd)\))?(?![\w])(?!\s*=)"),
    "LABEL_HEADER_RE": r"(?i)^(?:variabel|variable|karakteristik|characteristics?|kategori|category|no\.?)\b",
    "PROSE_START_RE": (r"(?i)^(?:berdasarkan|data pada|dari tabel|sumber\s*:|keterangan|based on|according to|"
                       r"as shown|hasil (?:penelitian|analisis|uji)|tabel di atas|pada tabel|tabel\s+\d+\s+[a-z])"),
    "CAPTION_RE": r"^(?:Tabel|TABEL|Table|TABLE)\s+\d+(?:\.\d+)?\s*[.:]",
}
#: What the lexicon forms read more: "rata rata (SD)" (a mean word of the headers), a "(score)"
#: unit (as PDF headers have it) and "Table 2 shows" (as "Tabel 2 menunjukkan") ending a table.
TEXT_TABLE_FIXES = re.compile(r"(?i)rata rata|\(score\)|^table\s+\d+\s+[a-z]")


@pytest.mark.parametrize("name", sorted(OLD_TEXT_TABLE_RES))
def test_the_text_table_patterns_find_what_the_written_ones_found(texts, name):
    from evidencekit.extract import text_tables

    lines = [line.strip() for text in texts + HEADER_LINES for line in re.split(r"[;\n]", text)]
    lines = [line for line in texts + HEADER_LINES + lines if not TEXT_TABLE_FIXES.search(line)]
    assert _found(getattr(text_tables, name), lines) == _found(re.compile(OLD_TEXT_TABLE_RES[name]), lines)


def test_flattened_headers_read_the_fixed_spellings():
    from evidencekit.extract.text_tables import HEADER_RE, PROSE_START_RE

    assert [m.group(0) for m in HEADER_RE.finditer("Umur Rata rata (SD) Skor")] == ["Rata rata (SD)"]
    assert column_role("Rata rata (SD)") == "mean_sd"
    assert [m.group(0) for m in HEADER_RE.finditer("Kelompok Mean (score) SD")] == ["Mean (score)", "SD"]
    assert PROSE_START_RE.match("Table 2 shows the mean scores") and PROSE_START_RE.match("Tabel 2 menunjukkan")
    assert not PROSE_START_RE.match("Table 2. Mean scores")


# --------------------------------------------------------------------------- statistics.py

N_LINES = [
    "sebanyak 24 orang; sejumlah 30 responden; berjumlah 12 ibu nifas; total 40 pasien; Sampel 16 subjek",
    "sampel penelitian ini adalah 30 ibu; sampel penelitian 20 orang; sampel ini 18 responden; sampel adalah 9 ibu",
    "as many as 15 respondents; a total of 40 mothers; Total 12 participants; as many as 3 subjects; total 7 patients",
    "sampel  penelitian 20 orang; a total of 12 women; sebanyak 2021 orang; sebanyak 24\norang; total 5 patient",
]
OLD_N_PHRASE = (
    r"(?i)(?:sebanyak|sejumlah|berjumlah|total|as many as|a total of|sampel(?: penelitian)?(?: ini)?"
    r"(?: adalah)?)\s+(?P<n>\d{1,6})\s+(?:orang|responden|respondents?|ibu|subjek|subjects?|"
    r"participants?|pasien|patients?|mothers?)")


def test_the_sample_size_phrases_find_what_the_written_ones_found(texts):
    from evidencekit.extract import statistics

    lines = texts + N_LINES + [part for line in N_LINES for part in line.split("; ")]
    assert _found(statistics._N_PHRASE_RE, lines) == _found(re.compile(OLD_N_PHRASE), lines)
