"""The item count of the paper's instrument and Descriptive.items, on one-line fixtures written
by us (Indonesian and English)."""

from __future__ import annotations

import pytest

from evidencekit.extract.instrument import find_scale_items, says_per_item, scale_items
from evidencekit.extract.statistics import find_statistics
from evidencekit.model import Document, Section


def doc(text: str, sections: tuple[Section, ...] = ()) -> Document:
    return Document(id="t", source="test", sha256="", text=text, sections=sections)


@pytest.mark.parametrize(("text", "k"), [
    ("Pengetahuan ibu diukur dengan kuesioner 10 item.", 10),
    ("Kecemasan diukur memakai kuesioner yang terdiri dari 15 pertanyaan.", 15),
    ("Instrumen berupa angket berisi 12 butir soal.", 12),
    ("Anxiety was measured with a 20-item questionnaire.", 20),
    ("Knowledge was scored with a questionnaire of 14 questions.", 14),
])
def test_the_methods_give_the_item_count_of_the_instrument(text, k):
    assert scale_items(doc(text)) == k


@pytest.mark.parametrize("text", [
    "Kuesioner diisi oleh 30 responden.",                       # people, not items
    "The scale offers 5 response options.",                      # options, not items
    "A 10-item scale and a 20-item questionnaire were used.",    # two instruments: which one?
    "Each item was scored 1 item at a time.",                    # no instrument named
])
def test_no_single_item_count_gives_none(text):
    assert scale_items(doc(text)) is None


def test_an_item_count_in_the_introduction_is_someone_elses_scale():
    intro = "Studi lain memakai kuesioner 25 item. "
    methods = "Penelitian ini memakai kuesioner 10 item."
    text = intro + methods
    sections = (Section("introduction", "Pendahuluan", 0, len(intro)),
                Section("methods", "Metode", len(intro), len(text)))
    assert [s.items for s in find_scale_items(doc(text, sections))] == [10]


def test_a_summary_said_to_be_per_item_carries_the_item_count():
    found, _ = find_statistics(doc("Pengetahuan diukur dengan kuesioner 10 item. "
                                   "Skor rata-rata per item adalah 2,45 ± 0,61."))
    (d,) = [s for s in found if s.kind.value == "descriptive"]
    assert d.items == 10


def test_a_total_score_keeps_no_item_count_because_its_granularity_is_one_over_n():
    found, _ = find_statistics(doc("We used a 20-item questionnaire. "
                                   "The mean total score was 41.35 (SD 6.20)."))
    (d,) = [s for s in found if s.kind.value == "descriptive"]
    assert d.items is None


@pytest.mark.parametrize(("text", "per_item"), [
    ("Skor rata-rata per butir", True), ("mean item score", True), ("Total score", False),
    ("Skor total kuesioner", False), ("dispersion", False),
])
def test_per_item_wording_is_recognised(text, per_item):
    assert says_per_item(text) is per_item
