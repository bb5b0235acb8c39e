"""Occasion and arm of a descriptive row (evidencekit.labels): one word list, two readings."""

from __future__ import annotations

import pytest

from evidencekit.labels import ARM_WORDS, TIME_WORDS, arm_of, time_named, time_of
from evidencekit.model import Descriptive


def row(label=None, time=None, group=None) -> Descriptive:
    return Descriptive(label=label, time=time, group=group)


@pytest.mark.parametrize("label, occasion", [
    ("Pretest", "pre"), ("Pre-test (sebelum)", "pre"), ("Skor awal", "pre"), ("Baseline", "pre"),
    ("Posttest", "post"), ("Sesudah pijat", "post"), ("After the massage", "post"),
    ("Prevalence of low supply", None), ("Presentase", None), ("Difference (post − pre)", None),
])
def test_time_of_reads_whole_words_and_leaves_a_row_naming_both_occasions_out(label, occasion):
    assert time_of(row(label)) == occasion


def test_time_of_takes_the_extractors_time_before_the_label():
    assert time_of(row("Posttest", time="pre")) == "pre"


def test_time_named_reads_a_difference_row_at_post_for_the_checks():
    assert time_named(row("Difference (post − pre)")) == "post"
    assert time_named(row("Rerata", time="sebelum")) == "pre"
    assert time_named(row("Prevalence")) is None


@pytest.mark.parametrize("label, group, arm", [
    ("Kelompok intervensi", None, "intervention"), ("Pijat oksitosin", None, "intervention"),
    ("Control group", None, "control"), ("Pijat (kontrol)", None, "control"),
    ("Skor", "Eksperimen", "intervention"), ("Mean", None, None),
])
def test_arm_of_reads_the_group_or_the_label_and_control_wins_a_tie(label, group, arm):
    assert arm_of(row(label, group=group)) == arm


def test_the_word_lists_come_from_both_languages_of_the_lexicon():
    assert {"sebelum", "before"} <= TIME_WORDS["pre"] and {"sesudah", "after"} <= TIME_WORDS["post"]
    assert {"intervensi", "intervention"} <= ARM_WORDS["intervention"]
    assert {"kontrol", "control"} <= ARM_WORDS["control"]
    assert not TIME_WORDS["pre"] & TIME_WORDS["post"] and not ARM_WORDS["intervention"] & ARM_WORDS["control"]
