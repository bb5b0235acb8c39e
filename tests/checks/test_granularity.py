"""GRIM, GRIMMER and percentage checks: published worked examples, sweeps, wrappers."""

from __future__ import annotations

import pytest

from evidencekit.checks.context import CheckContext
from evidencekit.checks.granularity import (check_frequency_table_percents, check_grim,
                                            check_grimmer, check_percent_sum, grim_consistent,
                                            grim_testable, grimmer_consistent, percent_consistent)
from evidencekit.model import Descriptive, FrequencyTable, StudyRecord
from evidencekit.vocab import CheckId, Severity


# Published worked examples ------------------------------------------------------------------

@pytest.mark.parametrize(("mean", "decimals", "n", "consistent", "source"), [
    # Brown & Heathers (2017), as summarised by The Economist (18 June 2016): 49 participants on a
    # 1-7 scale cannot average 5.93 (5.93 × 49 = 290.57)
    (5.93, 2, 49, False, "Brown & Heathers 2017 / The Economist"),
    # the die example of the GRIM test's encyclopaedia entry: 20 rolls cannot average 3.48
    (3.48, 2, 20, False, "GRIM test, worked die example"),
    # scrutiny's GRIM vignette: grim(x = "5.27", n = 43) is FALSE
    (5.27, 2, 43, False, "scrutiny vignette grim"),
    # 290/49 = 5.918 and 291/49 = 5.939: the neighbours of 5.93 are possible
    (5.92, 2, 49, True, "neighbour of the Economist example"),
    (5.94, 2, 49, True, "neighbour of the Economist example"),
])
def test_grim_reproduces_published_worked_examples(mean, decimals, n, consistent, source):
    assert grim_consistent(mean, decimals, n) is consistent, source


def test_grimmer_reproduces_scrutinys_vignette_example():
    # scrutiny's GRIMMER vignette (Anaya 2016; Allard 2018): grimmer("7.3", "2.51", 12) is FALSE,
    # although the mean alone passes GRIM
    assert grim_consistent(7.3, 1, 12)
    assert not grimmer_consistent(7.3, 1, 2.51, 2, 12)


def test_grim_sweeps_every_mean_between_two_fractions_like_scrutiny():
    # n = 7: possible two-decimal means near 5 are 35/7 = 5.00, 36/7 = 5.14, 37/7 = 5.29
    expected = {5.00: True, 5.14: True, 5.29: True}
    for hundredths in range(500, 530):
        m = hundredths / 100
        assert grim_consistent(m, 2, 7) is expected.get(m, False), m


def test_grim_accepts_a_mean_that_only_fits_after_rounding():
    assert grim_consistent(2.07, 2, 15)          # 31/15 = 2.0667
    assert not grim_consistent(2.07, 2, 18)      # 37/18 = 2.056, 38/18 = 2.111


def test_grim_is_not_testable_when_n_reaches_ten_to_the_decimals():
    assert grim_testable(2, 99) and not grim_testable(2, 100) and not grim_testable(1, 10)


def test_grim_counts_items_of_a_summed_scale():
    assert not grim_consistent(3.53, 2, 18)
    assert grim_consistent(3.53, 2, 15)          # 53/15
    assert grim_consistent(3.53, 2, 18, items=6)  # 381/108 = 3.528


def test_grimmer_accepts_sds_computed_from_real_integer_data():
    data = [1, 2, 2, 3, 5, 5, 6]
    import statistics
    m, s = statistics.mean(data), statistics.stdev(data)
    assert grimmer_consistent(round(m, 2), 2, round(s, 2), 2, len(data))


def test_grimmer_rejects_a_perturbed_sd_of_the_same_data():
    # mean 24/7 = 3.43 and sample SD 1.90 come from the data above; 1.93 does not
    assert not grimmer_consistent(3.43, 2, 1.93, 2, 7)


def test_percent_consistent_needs_the_printed_precision():
    assert percent_consistent(2, 24, 8.3, 1) and not percent_consistent(2, 24, 8.2, 1)
    assert percent_consistent(7, 17, 41, 0)
    assert not percent_consistent(22, 24, 91.60, 2)


# Wrappers on model objects -------------------------------------------------------------------

def test_grim_flags_a_mean_no_whole_number_total_can_give(R):
    rec = StudyRecord(n_total=18)
    ctx = CheckContext(record=rec)
    d = Descriptive(label="before", n=18, mean=R("2,07"), sd=R("1,438"), min=R("0"), max=R("6"))
    flag = check_grim(d, ctx)
    assert flag is not None and flag.check is CheckId.GRIM and flag.severity is Severity.ERROR
    assert "2,07" in flag.message and "2,06" in flag.message and "2,11" in flag.message
    assert flag.reported == 2.07 and flag.expected == pytest.approx(2.06)


def test_grim_names_the_papers_other_n_that_fits(R):
    from evidencekit.model import Candidate
    rec = StudyRecord(n_total=15, candidates={"n_total": (Candidate(15, None), Candidate(29, None))})
    d = Descriptive(n=18, mean=R("2,07"), min=R("0"), max=R("6"))
    flag = check_grim(d, CheckContext(record=rec))
    assert "With n = 15 or 29 it fits." in flag.message


def test_grim_leaves_alone_data_not_known_to_be_whole_numbers(R):
    d = Descriptive(n=18, mean=R("2,07"), unit="ml")
    assert check_grim(d, CheckContext()) is None


def test_grim_uses_the_instrument_when_the_paper_says_it_is_scored_in_points(R):
    d = Descriptive(n=18, mean=R("2,07"))
    assert check_grim(d, CheckContext(scores_are_integers=True)) is not None


def test_grimmer_flags_an_sd_whole_numbers_cannot_give(R):
    d = Descriptive(n=12, mean=R("7.3"), sd=R("2.51"), min=R("2"), max=R("10"))
    flag = check_grimmer(d, CheckContext())
    assert flag is not None and flag.check is CheckId.GRIMMER


def test_percent_count_flags_a_table_level_off_by_more_than_rounding(R):
    t = FrequencyTable("Paritas", ("Primipara", "Multipara", "Grandemultipara"), (11, 11, 2),
                       (R("45,8"), R("45,8"), R("8,20")))
    (flag,) = check_frequency_table_percents(t, CheckContext())
    assert flag.check is CheckId.PERCENT_COUNT and flag.severity is Severity.WARNING
    assert "2 of 24" in flag.message and "8,33" in flag.message


def test_percent_count_leaves_alone_whole_percent_tables_that_round_correctly(R):
    t = FrequencyTable("Umur", ("15-20", "21-25", "26-30"), (7, 7, 3), (R("41"), R("41"), R("18")))
    assert check_frequency_table_percents(t, CheckContext()) == []
    assert check_percent_sum(t, CheckContext()) is None      # 41 + 41 + 18 = 100


def test_percent_sum_flags_percentages_that_do_not_add_to_100_without_counts(R):
    t = FrequencyTable("Status", ("a", "b", "c"), (None, None, None), (R("40,0"), R("40,0"), R("15,0")))
    flag = check_percent_sum(t, CheckContext())
    assert flag is not None and flag.check is CheckId.PERCENT_SUM and "95,0" in flag.message


def test_percent_sum_defers_to_percent_count_when_a_count_explains_the_gap(R):
    t = FrequencyTable("Paritas", ("a", "b", "c"), (11, 11, 2), (R("45,8"), R("45,8"), R("8,2")))
    assert check_percent_sum(t, CheckContext()) is None


def test_debit_accepts_the_sd_of_real_binary_data_and_rejects_another():
    from evidencekit.checks.granularity import debit_consistent
    import statistics
    data = [1] * 7 + [0] * 13                       # mean 0.35, sample SD 0.489
    m, s = statistics.mean(data), statistics.stdev(data)
    assert debit_consistent(round(m, 2), 2, round(s, 3), 3, 20)
    assert debit_consistent(0.35, 2, 0.477, 3, 20)    # population SD sqrt(.35 · .65)
    assert not debit_consistent(0.35, 2, 0.42, 2, 20)


def test_grimmer_flag_uses_debit_for_yes_no_items(R):
    d = Descriptive(label="exclusive breastfeeding", n=20, mean=R("0,35"), sd=R("0,42"), min=R("0"), max=R("1"))
    flag = check_grimmer(d, CheckContext())
    assert flag.check is CheckId.GRIMMER and flag.details["method"] == "DEBIT"


def test_grim_on_a_questionnaire_scored_in_points_is_an_error_that_names_its_premise(R):
    # gold/seeds.json 001: a points score averaged over 18 respondents is an error, not a warning
    ctx = CheckContext(record=StudyRecord(n_total=18), scores_are_integers=True)
    flag = check_grim(Descriptive(n=18, mean=R("3,53")), ctx)
    assert flag is not None and flag.severity is Severity.ERROR
    assert "scored in points" in flag.message
