"""GRIM/GRIMMER premises from the unit model and the instrument's item count; unit_conflict by
unit dimension. Fixtures are numbers of our own."""

from __future__ import annotations

from evidencekit.checks.context import CheckContext
from evidencekit.checks.granularity import FROM_INSTRUMENT, check_grim, check_grimmer, integer_valued
from evidencekit.checks.values import check_units
from evidencekit.model import Descriptive
from evidencekit.pipeline import process
from evidencekit.vocab import CheckId, Severity

# 3,46 · 12 = 41,52: no whole-number total of 12 values averages to 3,46 (41/12 = 3,42; 42/12 = 3,50)


def test_grim_on_a_count_per_day_names_whole_counts_per_day_as_its_premise(R):
    flag = check_grim(Descriptive(n=12, mean=R("3,46"), unit="count_per_day"), CheckContext())
    assert flag is not None and flag.severity is Severity.ERROR
    assert "12 whole-number counts (whole counts per day)" in flag.message


def test_grim_reads_a_printed_count_unit_through_the_unit_model(R):
    flag = check_grim(Descriptive(n=12, mean=R("3.46"), unit="times a day"), CheckContext())
    assert flag is not None and "whole counts per day" in flag.message


def test_grim_on_a_score_unit_names_the_instrument_item_count(R):
    flag = check_grim(Descriptive(n=12, mean=R("3,46"), unit="score"), CheckContext(scale_items=16))
    assert flag is not None and "whole-point scores of a 16-item instrument" in flag.message


def test_a_continuous_unit_overrides_the_instrument_premise(R):
    ctx = CheckContext(scores_are_integers=True)
    assert integer_valued(Descriptive(n=12, mean=R("3,46"), unit="ml"), ctx) is None
    assert check_grim(Descriptive(n=12, mean=R("3,46"), unit="gram"), ctx) is None
    assert check_grim(Descriptive(n=12, mean=R("3,46")), ctx) is not None     # no unit: the instrument


def test_a_continuous_unit_with_whole_minimum_and_maximum_is_still_tested(R):
    d = Descriptive(n=12, mean=R("3,46"), min=R("1"), max=R("6"), unit="ml")
    flag = check_grim(d, CheckContext())
    assert flag is not None and "its minimum and maximum are whole numbers" in flag.message


def test_an_unknown_unit_falls_back_to_the_instrument_premise_with_its_item_count(R):
    d = Descriptive(n=12, mean=R("3,46"), unit="skor produksi ASI (0-10)")
    assert integer_valued(d, CheckContext(scores_are_integers=True)) == FROM_INSTRUMENT
    assert integer_valued(d, CheckContext(scores_are_integers=True, scale_items=10)) == \
        "the 10-item instrument is scored in points"


def test_grim_on_a_mean_per_item_uses_n_times_k(R):
    # 2,45 is no total of 12 whole numbers over 12, but is one of 120 item scores over 120
    assert check_grim(Descriptive(n=12, mean=R("2,45"), unit="score"), CheckContext()) is not None
    assert check_grim(Descriptive(n=12, mean=R("2,45"), items=10), CheckContext()) is None


def test_grimmer_on_counts_names_the_count_premise(R):
    d = Descriptive(n=12, mean=R("3,50"), sd=R("0,55"), unit="count")
    flag = check_grimmer(d, CheckContext())
    assert flag is not None and "whole-number counts (whole counts)" in flag.message


def test_unit_conflict_reads_canonical_units_and_volume_synonyms(R):
    ml = Descriptive(label="pre", mean=R("9,17"), unit="ml")
    pct = Descriptive(label="pre", mean=R("9,17"), sd=R("4,76"), unit="percent")
    (note,) = check_units([(ml, frozenset({"cc"})), (pct, frozenset({"percent"}))], questionnaire=False)
    assert note.check is CheckId.UNIT_CONFLICT and note.severity is Severity.NOTE and "in cc" in note.message
    assert check_units([(ml, frozenset({"ml"})), (ml, frozenset({"score"}))], questionnaire=False) == []


def test_example_02_grim_on_urination_frequency_states_whole_counts_per_day(examples_dir):
    result = process(examples_dir / "02_id_quasi_two_column.txt")
    (grim,) = [f for f in result.flags if f.check is CheckId.GRIM]
    assert grim.reported == 7.45 and "(whole counts per day)" in grim.message
    assert "scored in points" not in grim.message
