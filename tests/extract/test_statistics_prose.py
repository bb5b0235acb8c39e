"""Statistics in running text, on one-line fixtures written by us (Indonesian and English)."""

from __future__ import annotations

import pytest

from evidencekit.extract.statistics import find_sample_sizes, find_statistics
from evidencekit.model import Document


def stats(text: str):
    found, _ = find_statistics(Document(id="t", source="test", sha256="", text=text))
    return found


def one(text: str, kind: str):
    matches = [s for s in stats(text) if s.kind.value == kind]
    assert len(matches) == 1, (text, stats(text))
    return matches[0]


@pytest.mark.parametrize(("text", "kind", "value", "df", "p"), [
    ("hasil uji t berpasangan t(19) = 3,05; p = 0,006", "t", 3.05, (19,), 0.006),
    ("the Mann-Whitney test gave U = 41.5, p = .012", "U", 41.5, None, 0.012),
    ("Uji Wilcoxon menghasilkan nilai Z sebesar -2,64 dengan p value 0,008", "Z", -2.64, None, 0.008),
    ("ANOVA satu arah: F(2, 45) = 4,12; p = 0,023", "F", 4.12, (2, 45), 0.023),
    ("korelasi Spearman rho = 0,41 dengan p = 0,02", "rho", 0.41, None, 0.02),
    ("a Pearson correlation, r(58) = −.27, p = .037", "r", -0.27, (58,), 0.037),
    ("uji chi-square menunjukkan χ²(3, N = 210) = 9,80, p = 0,020", "chi2", 9.80, (3,), 0.020),
    ("Kruskal-Wallis H(2) = 7.1, p = .029", "H", 7.1, (2,), 0.029),
    ("the Wilcoxon signed-rank test gave W = 12, p = .004", "W", 12.0, None, 0.004),
])
def test_find_statistics_reads_one_result(text, kind, value, df, p):
    s = one(text, kind)
    assert s.value.value == pytest.approx(value)
    assert (tuple(s.df) if s.df else None) == (tuple(float(d) for d in df) if df else None)
    assert s.p.value == pytest.approx(p)
    assert s.span.text == text[s.span.start:s.span.end] and s.value.text in s.span.text


@pytest.mark.parametrize(("text", "p", "op", "decimals"), [
    ("diperoleh p value 0,001 pada kelompok ini", 0.001, "=", 3),
    ("with a p-value = 0.001 for the change", 0.001, "=", 3),
    ("dengan nilai p = 0,03 antara kelompok", 0.03, "=", 2),
    ("pengaruh pijat dengan ρ value = 0.005 pada ibu", 0.005, "=", 3),
    ("hasil Sig. (2-tailed) 0,000 pada uji", 0.0, "=", 3),
    ("nilai Asymp. Sig. (2-tailed) = 0,017 sehingga", 0.017, "=", 3),
    ("perbedaan bermakna p<0,05 pada kedua kelompok", 0.05, "<", 2),
    ("the groups differed, p ≤ .05, overall", 0.05, "<=", 2),
    ("The change was clear (P = 0.02) in all arms", 0.02, "=", 2),
    ("a tiny p = 1.2e-4 for the trend", 1.2e-4, "=", 5),
    ("the trend held, p < .001, in both", 0.001, "<", 3),
    ("terdapat perbedaan (p = 0,000) setelah intervensi", 0.0, "=", 3),
])
def test_find_statistics_reads_every_p_value_form(text, p, op, decimals):
    s = one(text, "p_only")
    assert (s.p.value, s.p_operator.value, s.p.decimals) == (pytest.approx(p), op, decimals)


def test_ns_after_a_statistic_reads_as_p_above_alpha_marked_ns():
    s = one("the difference was small, t(40) = 1.10, ns", "t")
    assert (s.p.text, s.p_operator.value, s.p.value) == ("ns", ">", 0.05)


@pytest.mark.parametrize("text", [
    "taraf signifikansi yang digunakan 0,05 untuk semua uji",
    "jika p value < 0,05 maka Ha diterima dan Ho ditolak",
    "if p < .05 the null hypothesis was rejected",
    "tingkat kemaknaan α = 0,05 pada analisis ini",
])
def test_a_p_written_only_as_a_threshold_is_not_a_statistic(text):
    assert [s for s in stats(text) if s.kind.value == "p_only"] == []


def test_a_bracketed_bound_after_a_reported_p_is_not_a_second_statistic():
    found = [s for s in stats("hasil uji diperoleh p-value = 0,000 (p<0,05) artinya ada pengaruh")
             if s.kind.value == "p_only"]
    assert [(s.p.value, s.p_operator.value) for s in found] == [(0.0, "=")]


def test_years_dates_pages_references_issn_doi_and_table_numbers_are_never_statistics():
    text = ("Penelitian pada 12 Agustus 2020 (Smith, 2019; hal. 45-47; Lee, 2018, p.45) ISSN 2503-5088 "
            "doi 10.1234/jk.2020.05.003, lihat Tabel 3 dan Gambar 2, Vol. 7 No. 3, 2022.")
    assert stats(text) == []


@pytest.mark.parametrize(("text", "mean", "sd"), [
    ("rata-rata skor sebelum intervensi adalah 12,5 dengan simpangan baku 2,1", 12.5, 2.1),
    ("the intervention group scored M = 3.2 (SD = 1.1) at follow-up", 3.2, 1.1),
    ("skor posttest 9,17 ± 0,874 poin", 9.17, 0.874),
    ("nilai rerata 34,00 ml dengan standar deviasi 3,725", 34.0, 3.725),
])
def test_find_statistics_reads_a_mean_and_its_sd(text, mean, sd):
    d = one(text, "descriptive")
    assert (d.mean.value, d.sd.value) == (pytest.approx(mean), pytest.approx(sd))


def test_descriptive_keeps_median_min_max_and_the_occasion():
    d = one("pada post test nilai median 1, nilai minimum 0, nilai maksimum 2 dan SD 0,58", "descriptive")
    assert (d.median.value, d.min.value, d.max.value, d.sd.value, d.time) == (1.0, 0.0, 2.0, 0.58, "post")


@pytest.mark.parametrize("text", [
    "rata-rata 4,20 dengan SD 1,10 dan 95% CI [3,81; 4,59] pada kelompok",
    "mean 4.20 (SD 1.10), 95% CI 3.81 to 4.59, in the group",
    "rerata 4,20 dengan SD 1,10, CI 95%: 3,81–4,59 pada kelompok",
    "rerata 4,20 dengan SD 1,10 dan Confidence Interval (3,81 - 4,59)",
])
def test_a_95_percent_ci_is_read_in_every_bracket_and_dash_style(text):
    d = one(text, "descriptive")
    assert (d.ci95[0].value, d.ci95[1].value) == (3.81, 4.59)


def test_an_odds_ratio_keeps_its_confidence_interval_and_p():
    s = one("merokok meningkatkan risiko, OR = 2,45 (95% CI 1,12-5,36), p = 0,025", "OR")
    assert (s.value.value, s.ci[0].value, s.ci[1].value, s.p.value) == (2.45, 1.12, 5.36, 0.025)


@pytest.mark.parametrize(("text", "count", "percent", "decimals"), [
    ("sebagian besar berusia 20-35 tahun sebanyak 21 orang (87,50%)", 21, 87.5, 2),
    ("most were primiparous, 13 respondents (86.7%)", 13, 86.7, 1),
    ("tidak lancar sebanyak 8 (53,3%) responden", 8, 53.3, 1),
])
def test_find_statistics_reads_a_count_with_its_percentage(text, count, percent, decimals):
    pc = one(text, "percent")
    assert (pc.count, pc.percent.value, pc.percent.decimals) == (count, percent, decimals)


@pytest.mark.parametrize(("text", "test"), [
    ("Analisis memakai uji Wilcoxon. Hasilnya Z = -2,10 dengan p = 0,036.", "wilcoxon_signed_rank"),
    ("Data were analysed with a paired t-test, t(14) = 2.50, p = .025.", "paired_t"),
    ("Uji Mann-Whitney memberikan U = 30, p = 0,04 antar kelompok.", "mann_whitney"),
])
def test_a_statistic_belongs_to_the_test_its_sentence_or_paragraph_names(text, test):
    found = [s for s in stats(text) if s.kind.value not in ("descriptive", "percent")]
    assert [s.test.value for s in found] == [test]


def test_a_test_name_that_does_not_fit_the_statistic_is_not_its_test():
    s = one("Uji chi-square dipakai untuk data lain; di sini t(10) = 2,3, p = 0,04.", "t")
    assert s.test is None


def test_sample_sizes_are_found_in_their_usual_forms():
    text = "Sampel sebanyak 24 orang (n=24); in the trial N = 1,024 women took part."
    assert [n for n, _ in find_sample_sizes(Document(id="t", source="t", sha256="", text=text))] == [24, 24, 1024]


@pytest.mark.parametrize(("text", "mean", "sd"), [
    ("the control arm had mean (SD) 4.6 (1.3) at baseline", 4.6, 1.3),
    ("skor kelompok kontrol rerata (SD) = 4,6 (1,3) pada awal", 4.6, 1.3),
])
def test_a_mean_sd_name_pair_announces_the_number_pair(text, mean, sd):
    d = one(text, "descriptive")
    assert (d.mean.value, d.sd.value) == (mean, sd)


def test_df_printed_after_the_statistic_spss_style_is_kept():
    s = one("uji t berpasangan menghasilkan t = 2,51; df = 14; p = 0,024", "t")
    assert (s.value.value, s.df, s.p.value) == (2.51, (14.0,), 0.024)


def test_a_ci_printed_alone_is_a_bare_interval():
    s = one("selisih kedua kelompok bermakna, 95% CI 1,10-3,50, pada minggu keempat", "ci")
    assert (s.ci[0].value, s.ci[1].value, s.value) == (1.1, 3.5, None)


def test_a_ci_inside_a_descriptive_or_ratio_is_not_repeated_as_bare():
    assert [s.kind.value for s in stats("rerata 4,20 dengan SD 1,10, CI 95%: 3,81–4,59 pada kelompok")] == ["descriptive"]
    assert [s.kind.value for s in stats("OR = 2,45 (95% CI 1,12-5,36), p = 0,025")] == ["OR"]


@pytest.mark.parametrize("text", ["at baseline 9 of the 25 mothers (32%) gave formula",
                                  "sebanyak 9 dari 25 ibu (36,0%) memberi susu formula"])
def test_a_count_of_n_keeps_its_denominator(text):
    pc = one(text, "percent")
    assert (pc.count, pc.n) == (9, 25)


@pytest.mark.parametrize(("text", "value", "p"), [
    ("Uji t berpasangan memberi t hitung (3,2) > t tabel (2,06) sehingga H0 ditolak.", 3.2, None),
    ("Diperoleh t hitung = 3,2 > t tabel 2,06 dengan p = 0,004.", 3.2, 0.004),
    ("nilai t hitung 4,512 lebih besar dari t tabel 2,093 (p=0,000)", 4.512, 0.0),
    ("thitung = 2,5 dan ttabel = 2,1 pada taraf 5%", 2.5, None),
    ("nilai t tabel = 2,06 dan t-hitung sebesar 3,1", 3.1, None),
])
def test_t_hitung_is_the_t_statistic_and_t_tabel_is_never_read(text, value, p):
    s = one(text, "t")
    assert s.value.value == pytest.approx(value)
    assert (s.p.value if s.p else None) == (pytest.approx(p) if p is not None else None)
    assert not [x for x in stats(text) if getattr(x, "value", None) is not None
                and x.value.text in ("2,06", "2,093", "2,1")]


def test_a_number_in_brackets_after_a_bare_statistic_name_is_not_a_value():
    assert [s for s in stats("korelasi r (0,5) kuat dan Z (1,2) pada data") if s.kind.value in ("r", "Z")] == []
