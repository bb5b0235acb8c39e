"""Field finders on one-line fixtures we wrote (Indonesian and English): sample size, tests used,
p-values in short passages, α, aims, comparators, bibliography."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evidencekit.extract.fields.bibliography import find_authors, find_doi, find_journal, find_title
from evidencekit.extract.fields.pico import find_aims, find_comparator, find_contrasts, find_primary_outcome
from evidencekit.extract.fields.pvalues import find_alpha, read_p_values, reported
from evidencekit.extract.fields.sample_size import (
    best_sample_size,
    find_count_percents,
    find_sample_sizes,
    percent_support,
)
from evidencekit.extract.fields.tests_used import find_tests, read_tests
from evidencekit.vocab import POperator, TestName


def _n(text: str) -> int | None:
    best = best_sample_size(find_sample_sizes(text))
    return best.n if best else None


# --------------------------------------------------------------------------- sample size


@pytest.mark.parametrize(("text", "n"), [
    ("Jumlah sampel sebanyak 28 orang ibu nifas.", 28),
    ("Sampel berjumlah 40 responden yang memenuhi kriteria.", 40),
    ("The sample consisted of 52 women attending the clinic.", 52),
    ("Kelompok A 12 responden dan kelompok B 12 responden, sehingga total adalah 24 orang.", 24),
    ("jumlah sampel 21 responden pijat dan 21 responden kompres", 42),
    ("Mothers were allocated to massage (n = 18) or to usual care (n = 17).", 35),
    ("Sebanyak 26 ibu dibagi menjadi kelompok intervensi (13 orang) dan kelompok kontrol (13 orang).", 26),
    ("Populasi target 150 ibu, total seluruh sampel berjumlah 44 orang.", 44),
    ("Table 2. Scores of the mothers (n = 31)", 31),
])
def test_sample_size_reads_the_whole_sample(text, n):
    assert _n(text) == n


@pytest.mark.parametrize("text", [
    "Sebagian besar berusia 20-35 tahun sebanyak 14 orang (58,3%).",     # a subgroup with its share
    "Pijat dilakukan selama 15 menit sebanyak 2 kali sehari.",            # duration and frequency
    "Penelitian dilakukan pada tahun 2021 di puskesmas.",                  # a year
    "Ibu menyusui 0-6 bulan mendapat kurma 9,3 gram.",                     # a range and a dose
])
def test_sample_size_leaves_alone_counts_that_are_not_the_sample(text):
    assert _n(text) is None


def test_sample_size_keeps_the_arms_with_their_labels():
    best = best_sample_size(find_sample_sizes("sampel 15 responden kelompok pijat dan 15 responden kelompok kompres"))
    assert best.arms == {"pijat": 15, "kompres": 15}


def test_percent_support_counts_pairs_that_only_the_true_n_explains():
    pairs = find_count_percents("lancar 9 orang (60,0%) dan tidak lancar 6 orang (40,0%); 4 (26,7)")
    assert percent_support(15, pairs) == 3
    assert percent_support(18, pairs) == 0


def test_count_percent_pairs_carry_their_place_in_the_text():
    text = "ASI lancar 9 orang (60,0%)."
    (pair,) = find_count_percents(text, offset=100)
    assert (pair.count, pair.percent, pair.decimals) == (9, 60.0, 1)
    assert text[pair.start - 100:pair.end - 100] == "9 orang (60,0"


ONE_PRINTED_PAIR = """Pijat Oksitosin dan Produksi ASI

ABSTRAK
Penelitian pra eksperimen one group pretest posttest dengan sampel sebanyak 20 responden.

METODE PENELITIAN
Rancangan one group pretest posttest. Sampel penelitian adalah 24 ibu nifas yang dipilih dengan
teknik purposive sampling. Data dianalisis dengan uji Wilcoxon.

HASIL
Sebelum perlakuan, produksi ASI kurang pada 12 orang (60,0%). Uji Wilcoxon memberi nilai p = 0,001.
"""


def test_one_printed_count_percent_pair_is_one_piece_of_support_not_two(write_text):
    # the pair is found by the record's own scan and as a PercentCount statistic; counted twice,
    # it alone reached the two pairs needed and chose n = 20 over the methods' 24
    from evidencekit import pipeline
    from evidencekit.model import PercentCount

    result = pipeline.process(write_text(ONE_PRINTED_PAIR), until="extract")
    assert [(s.count, s.percent.value) for s in result.statistics if isinstance(s, PercentCount)] == [(12, 60.0)]
    assert result.record.n_total == 24


# --------------------------------------------------------------------------- tests used


def test_a_test_named_only_in_a_condition_is_not_counted_as_used():
    text = ("Normalitas diuji dengan Shapiro-Wilk, jika data normal maka dipakai uji t berpasangan, "
            "dan jika tidak normal maka uji Wilcoxon.")
    assert read_tests(text) == (TestName.SHAPIRO_WILK,)


def test_a_test_given_as_an_example_is_not_counted_as_used():
    assert read_tests("Data were analysed with tests such as the Mann-Whitney test.") == ()


def test_a_test_stated_plainly_is_counted_once():
    text = "Analisis bivariat memakai uji Wilcoxon. Hasil uji Wilcoxon menunjukkan perbedaan."
    assert read_tests(text) == (TestName.WILCOXON_SIGNED_RANK,)
    assert [m.hedged for m in find_tests(text)] == [False, False]


# --------------------------------------------------------------------------- p-values in short passages


@pytest.mark.parametrize(("text", "values"), [
    ("hasil uji (P_value 0,003) dan (P_value 0,000)", [0.003, 0.0]),
    ("nilai signifikansi uji Mann-Whitney sebesar 0,021 yang berarti p < 0,05", [0.021]),
    ("p value < α (0,002 < 0,05), sedangkan p value 0,000", [0.002, 0.0]),
    ("with p -value : 0.040.", [0.04]),
    ("p-value 0, 000 (<0,05) with r = 0,61", [0.0]),
    ("berpengaruh terhadap berat badan bayi (p<0,05).", [0.05]),
    ("nilai Pvalue < 0,05 dan p value 0,000; p value 0,000", [0.0]),
])
def test_read_p_values_keeps_reported_ps_and_drops_decision_rules(text, values):
    assert [p.value.value for p in read_p_values(text)] == values


def test_a_lone_threshold_p_is_kept_with_its_operator():
    (p,) = read_p_values("the effect was significant (p<0.05).")
    assert (p.value.value, p.operator) == (0.05, POperator.LT)


@given(st.integers(min_value=0, max_value=9999), st.sampled_from([",", "."]))
def test_reported_reads_comma_and_dot_decimals_with_their_precision(digits, mark):
    text = f"0{mark}{digits:04d}"
    r = reported(text)
    assert r.value == pytest.approx(digits / 10_000) and r.decimals == 4


@pytest.mark.parametrize(("text", "alpha"), [
    ("nilai p lebih kecil dari α = 0,05", 0.05),
    ("dengan tingkat kemaknaan 0,01", 0.01),
    ("diukur dengan tingkat kepercayaan 95%", 0.05),
    ("at a two-sided alpha of 0.05", 0.05),
])
def test_find_alpha_reads_the_stated_level(text, alpha):
    assert find_alpha(text)[0] == pytest.approx(alpha)


def test_find_alpha_gives_none_when_no_level_is_stated():
    assert find_alpha("hasil uji bermakna secara statistik") is None


# --------------------------------------------------------------------------- aims, comparators


@pytest.mark.parametrize(("text", "intervention", "outcome"), [
    ("Tujuan penelitian ini mengetahui pengaruh kompres hangat terhadap produksi ASI pada ibu nifas.",
     "kompres hangat", "produksi ASI"),
    ("Penelitian ini menilai efektivitas senam nifas dalam meningkatkan involusi uteri di klinik.",
     "senam nifas", "involusi uteri"),
    ("We assessed the effect of breast massage on milk volume among first-time mothers.",
     "breast massage", "milk volume"),
    ("Pengaruh peran ayah dalam pijat punggung terhadap kelancaran ASI di Puskesmas Kota.",
     "peran ayah dalam pijat punggung", "kelancaran ASI"),
])
def test_find_aims_splits_the_aim_into_intervention_and_outcome(text, intervention, outcome):
    aim = find_aims(text)[0]
    assert (aim.intervention, aim.outcome) == (intervention, outcome)


@pytest.mark.parametrize(("text", "comparator"), [
    ("Kelompok kontrol (14 orang) yang hanya menerima perawatan rutin.", "perawatan rutin"),
    ("sedangkan kelompok kontrol diberikan kompres dingin selama 10 menit", "kompres dingin"),
    ("The control group received standard counselling during the stay.", "standard counselling"),
])
def test_find_comparator_reads_what_the_control_group_received(text, comparator):
    assert find_comparator(text)[0] == comparator


def test_find_contrasts_reads_compared_x_with_y():
    (c,) = find_contrasts("We compared foot massage plus usual care with usual care alone in one ward.")
    assert (c.intervention, c.comparator) == ("foot massage plus usual care", "usual care alone")


def test_a_test_after_compared_with_is_not_a_comparator():
    assert find_comparator("The groups were compared with the independent samples t-test.") is None


def test_find_primary_outcome_reads_x_as_the_primary_outcome():
    assert find_primary_outcome("with expressed milk volume as the primary outcome")[0][0] == "expressed milk volume"


# --------------------------------------------------------------------------- bibliography


FRONT = ("Jurnal Bidan Contoh, Vol. 4 No. 2, Juni 2021. DOI: 10.1234/jbc.v4i2.99\n\n"
         "Pengaruh Senam Hamil terhadap Kecemasan Ibu Primigravida\n\n"
         "Ani Lestari, Budi Santoso, Citra Dewi\n"
         "Program Studi Kebidanan, Universitas Contoh\n\n")


def test_bibliography_reads_title_authors_journal_year_and_doi_from_the_front():
    title = find_title(FRONT)
    assert title.value == "Pengaruh Senam Hamil terhadap Kecemasan Ibu Primigravida"
    assert find_authors(FRONT, title.end).value == ("Ani Lestari", "Budi Santoso", "Citra Dewi")
    journal, year = find_journal(FRONT)
    assert (journal.value, year.value) == ("Jurnal Bidan Contoh", 2021)
    assert find_doi(FRONT).value == "10.1234/jbc.v4i2.99"


def test_numbered_authors_on_one_line_are_cut_at_their_affiliations():
    line = "1. Ani Lestari, Prodi Kebidanan, Universitas Contoh 2. Budi Santoso, Prodi Gizi, Universitas Contoh"
    assert find_authors("Judul Penelitian Tentang Senam Hamil\n" + line + "\n").value == ("Ani Lestari", "Budi Santoso")


# --------------------------------------------------------------------------- properties


@given(st.integers(min_value=5, max_value=2000),
       st.sampled_from(["Jumlah sampel sebanyak {} orang.", "Sampel berjumlah {} responden.",
                        "The sample consisted of {} mothers.", "Tabel 1. Karakteristik responden (n={})"]))
def test_sample_size_reads_any_stated_n(n, template):
    assert _n(template.format(n)) == n


@given(st.integers(min_value=2, max_value=400), st.integers(min_value=2, max_value=400))
def test_two_arms_joined_by_dan_add_up(a, b):
    assert _n(f"kelompok intervensi {a} responden dan kelompok kontrol {b} responden") == a + b


@given(st.integers(min_value=0, max_value=999), st.sampled_from(["p = 0,{:03d}", "p-value 0.{:03d}",
                                                                 "(P_value 0,{:03d})", "nilai p sebesar 0,{:03d}"]))
def test_read_p_values_reads_any_three_decimal_p(digits, template):
    (p,) = read_p_values(template.format(digits))
    assert p.value.value == pytest.approx(digits / 1000) and p.value.decimals == 3


@pytest.mark.parametrize(("text", "setting"), [
    ("Penelitian dilakukan di Wilayah Kerja Puskesmas Sukamaju Kabupaten Contoh. Sampel",
     "Wilayah Kerja Puskesmas Sukamaju Kabupaten Contoh"),
    ("PIJAT PUNGGUNG DI RSUD KOTA CONTOH\n\nAni Lestari, Budi Santoso", "RSUD KOTA CONTOH"),
    ("Mothers from two community health centres in Bandung took part.", "community health centres in Bandung"),
])
def test_find_setting_reads_the_place_name_and_stops_at_the_sentence_or_block_end(text, setting):
    from evidencekit.extract.fields.pico import find_setting

    assert find_setting(text)[0] == setting


@pytest.mark.parametrize(("text", "value"), [
    ("Twenty-five", 25), ("thirty two", 32), ("one hundred and twenty", 120), ("dua puluh empat", 24),
    ("lima belas", 15), ("seratus dua puluh", 120), ("dua ratus lima puluh", 250), ("sebelas", 11),
])
def test_parse_number_words_reads_english_and_indonesian_numbers(text, value):
    from evidencekit.extract.fields.number_words import parse_number_words

    assert parse_number_words(text) == value


@pytest.mark.parametrize(("text", "n"), [
    ("Twenty-five mothers took part.", 25),
    ("Jumlah sampel sebanyak dua puluh empat orang.", 24),
    ("Thirty mothers per group gave enough power.", None),
    ("We needed 30 mothers per group.", None),
])
def test_sample_size_reads_numbers_in_words_but_not_per_group_sizes(text, n):
    assert _n(text) == n


def test_a_count_in_a_sentence_about_the_population_is_the_population_not_the_sample():
    from evidencekit.extract.fields.sample_size import find_sample_sizes
    found = find_sample_sizes("Populasi penelitian ini adalah semua ibu bersalin di klinik itu, yakni 48 orang.")
    assert [(f.n, f.strength) for f in found] == [(48, "population")]


def test_a_population_count_is_not_a_sample_size_candidate_when_the_sample_is_stated():
    from evidencekit.extract.record import find_record
    from evidencekit.model import Document, Section
    text = ("METODE\nPopulasi penelitian ini adalah semua ibu bersalin di klinik itu, yakni 48 orang. "
            "Sampel sebanyak 26 ibu dipilih secara purposive.\n")
    doc = Document(id="x", source="x.txt", sha256="0", text=text,
                   sections=(Section("methods", "METODE", 0, len(text)),))
    record = find_record(doc, [])
    assert record.n_total == 26
    assert [c.value for c in record.candidates["n_total"]] == [26]
