"""Section headings in Indonesian and English, numbered or not, upper or title case."""

from __future__ import annotations

import pytest

from evidencekit.extract.sections import find_sections, match_heading

REQUIRED = ("abstract", "methods", "results", "discussion", "conclusion")
#: 003 has no conclusion heading at all (its text ends inside PEMBAHASAN), so it cannot have a
#: conclusion section; every other seed has all five.
NO_CONCLUSION = {"003_2ac0d445ba19c17d"}


@pytest.mark.parametrize(("line", "name"), [
    ("ABSTRAK", "abstract"),
    ("Abstract", "abstract"),
    ("I. PENDAHULUAN", "introduction"),
    ("Latar Belakang", "introduction"),
    ("1. Introduction", "introduction"),
    ("METODE PENELITIAN", "methods"),
    ("2.1 Bahan dan Metode", "methods"),
    ("Materials and Methods", "methods"),
    ("Hasil dan Pembahasan", "results"),          # combined heading: results come first
    ("III. HASIL", "results"),
    ("RESULTS AND DISCUSSION", "results"),
    ("PEMBAHASAN", "discussion"),
    ("IV. DISCUSSION", "discussion"),
    ("Simpulan:", "conclusion"),
    ("KESIMPULAN DAN SARAN", "conclusion"),
    ("V. CONCLUSION", "conclusion"),
    ("DAFTAR PUSTAKA", "references"),
    ("References", "references"),
    ("Ucapan Terima Kasih", "acknowledgements"),
    ("TINJAUAN PUSTAKA", "introduction"),
    ("2. Material and Method", "methods"),
    ("RESULTS AND DISCUSSIONS", "results"),
    ("SARAN", "other"),
    ("Kata kunci: pijat; ASI; nifas", "keywords"),
    ("Keywords: breastfeeding, massage", "keywords"),
    ("Abstrak: Penelitian ini menilai pijat punggung.", "abstract"),
])
def test_match_heading_names_the_section(line, name):
    heading = match_heading(line)
    assert heading is not None and heading.name == name


@pytest.mark.parametrize("line", [
    "Hasil penelitian menunjukkan rerata naik.",     # a sentence that starts like a heading
    "hasil",                                          # lower case: running text, not a heading
    "Hasil penelitian",                               # sentence case: a table cell or a lead-in
    "Metode yang dipakai adalah uji Wilcoxon",
    "Background: the sample was small.",              # a structured-abstract label, not a section
])
def test_match_heading_leaves_running_text_alone(line):
    assert match_heading(line) is None


def test_find_sections_gives_ranges_from_heading_to_heading():
    text = "Judul Contoh\nABSTRAK\nRingkasan isi.\nMETODE\nKami mengukur.\nHASIL\nNaik 3 ml.\n"
    sections = find_sections(text)
    assert [s.name for s in sections] == ["front", "abstract", "methods", "results"]
    methods = sections[2]
    assert text[methods.start:methods.end] == "METODE\nKami mengukur.\n"
    assert sections[-1].end == len(text)


def test_english_abstract_of_an_indonesian_paper_is_abstract_en():
    text = ("ABSTRAK\nIsi ringkasan.\nKata kunci: pijat\n\nABSTRACT\nSummary text.\n"
            "Keywords: massage\n\nPENDAHULUAN\nLatar.\n")
    names = [s.name for s in find_sections(text)]
    assert names == ["abstract", "keywords", "abstract_en", "keywords", "introduction"]


def test_keywords_end_at_their_paragraph_and_the_abstract_resumes():
    text = "Abstract\nKey words:\nmassage, milk\n\nBackground: small trial.\nPENDAHULUAN\nIsi.\n"
    sections = find_sections(text)
    assert [s.name for s in sections] == ["abstract", "keywords", "abstract", "introduction"]
    assert "Background" in text[sections[2].start:sections[2].end]


def test_a_long_front_paragraph_without_heading_is_the_abstract():
    para = " ".join(["kata"] * 90)
    text = f"{para}\n\nI. PENDAHULUAN\nIsi.\n"
    sections = find_sections(text)
    assert sections[0].name == "abstract" and sections[0].heading == ""


def test_headings_inside_tables_are_skipped():
    text = "METODE\nHasil | Pembahasan\nHASIL\n"
    table = (text.index("Hasil |"), text.index("HASIL") - 1)
    names = [s.name for s in find_sections(text, [table])]
    assert names == ["methods", "results"]


@pytest.mark.parametrize("kind", ["txt", "pdf"])
def test_every_seed_has_abstract_methods_results_discussion_conclusion(kind, shared_dir, read_seed):
    folder = shared_dir / ("seeds" if kind == "txt" else "pdf")
    for path in sorted(folder.glob(f"*.{kind}")):
        names = {s.name for s in read_seed(path.stem, kind).sections}
        required = set(REQUIRED) - ({"conclusion"} if path.stem in NO_CONCLUSION else set())
        assert required <= names, f"{path.name}: missing {sorted(required - names)}"


def test_the_seed_without_a_conclusion_heading_gets_no_invented_conclusion(read_seed):
    for kind in ("txt", "pdf"):
        for stem in NO_CONCLUSION:
            names = {s.name for s in read_seed(stem, kind).sections}
            assert "conclusion" not in names


CANONICAL = {"front", "abstract", "abstract_en", "keywords", "introduction", "methods", "results",
             "discussion", "conclusion", "references", "acknowledgements", "other"}


def test_section_lexicons_use_canonical_names_and_cover_the_same_sections():
    from evidencekit.extract.lexicon import load

    indonesian, english = set(load("id", "sections")), set(load("en", "sections"))
    assert indonesian == english
    assert indonesian <= CANONICAL


def test_no_heading_phrase_means_two_sections():
    from evidencekit.extract.lexicon import LANGUAGES, load

    owner: dict[str, str] = {}
    for lang in LANGUAGES:
        for name, entry in load(lang, "sections").items():
            for phrase in entry["phrases"]:
                assert owner.setdefault(phrase.lower(), name) == name, phrase
