"""The record finders' fast paths give exactly what the plain patterns give (oracle tests on the
seed texts and on odd one-liners of our own): patterns tried only where their opening phrase may
start, whitespace flattened without touching plain spaces."""

from __future__ import annotations

import re

import pytest

from evidencekit.extract.fields import pico
from evidencekit.extract.fields.phrases import matches_at, phrase_starts

#: Our own lines: line breaks and tabs inside aims and contrasts, odd case, a phrase at the text's end.
ODD = ("PENGARUH\tpijat punggung\nterhadap kecemasan ibu. Kami membandingkan pijat A dengan pijat B.\n"
       "The EFFECT of warm compresses on\u00a0milk flow among mothers; compared breast care with\x0bmassage")


def _cases(seed_texts):
    return [*seed_texts, ODD, ODD.lower(), ""]


@pytest.mark.parametrize("link", ["link", "link_weak"])
def test_aim_pattern_tried_at_phrase_starts_finds_what_finditer_finds(link, seed_texts):
    for text in _cases(seed_texts):
        flat = pico.flatten(text)
        plain = [m.span() for m in pico._aim_re(link).finditer(flat)]
        assert [m.span() for m in pico._opening_with("effect", pico._aim_re(link), flat)] == plain


def test_contrast_pattern_tried_at_phrase_starts_finds_what_finditer_finds(seed_texts):
    for text in _cases(seed_texts):
        flat = pico.flatten(text)
        plain = [m.span() for m in pico._contrast_re().finditer(flat)]
        assert [m.span() for m in pico._opening_with("contrast", pico._contrast_re(), flat)] == plain


def test_flatten_turns_every_whitespace_character_into_one_space(seed_texts):
    for text in _cases(seed_texts):
        assert pico.flatten(text) == re.sub(r"\s", " ", text)


def test_flatten_knows_every_whitespace_character():
    every = {chr(i) for i in range(0x110000) if chr(i).isspace()} - {" "}
    assert set(pico.WHITESPACE) == every
    assert all(re.fullmatch(r"\s", ch) for ch in every)


def test_matches_at_skips_starts_inside_an_earlier_match():
    pattern = re.compile(r"ab+")
    assert [m.span() for m in matches_at(pattern, "abbb ab", [0, 1, 2, 5])] == [(0, 4), (5, 7)]


def test_phrase_starts_holds_every_place_a_phrase_matches(seed_texts):
    from evidencekit.extract.fields.phrases import compiled

    for text in _cases(seed_texts):
        starts = set(phrase_starts("pico", text))
        assert {m.start() for m in compiled("pico")[0].finditer(text)} <= starts


def test_number_words_tried_at_word_starts_find_what_the_run_pattern_finds(seed_texts):
    from evidencekit.extract.fields import number_words

    odd = "Twenty-five MOTHERS, dua puluh\tempat orang; seratus dua puluh; one hundred and six; xtwenty"
    for text in [*_cases(seed_texts), odd]:
        plain = [m.span() for m in number_words._run_re().finditer(text)
                 if number_words.parse_number_words(m.group(0)) is not None]
        assert [(s, e) for _, s, e in number_words.find_number_words(text)] == plain


@pytest.fixture(scope="module")
def seed_texts(shared_dir) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((shared_dir / "seeds").glob("*.txt"))]


def test_read_family_is_the_family_read_design_gives(seed_texts):
    from evidencekit.extract.fields.design import read_design, read_family
    from evidencekit.extract.fields.phrases import sentences

    for text in [*seed_texts, "desain one group pretest posttest", "quasi eksperimen", "tidak ada", ""]:
        for s, e in [(0, len(text)), *sentences(text)]:
            statement = read_design(text[s:e])
            assert read_family(text[s:e]) == (statement.family if statement else None)


@pytest.mark.parametrize("text", ["No\nNama", "  \tno. penulis", "x\n  Author (year)", "\u00a0Peneliti", "NO", "nomor"])
def test_header_line_search_finds_every_line_the_per_line_check_accepts(text):
    from evidencekit.extract import review_text

    per_line = any(review_text._header_opening().match(t) for _, _, t in review_text._lines(text))
    assert bool(review_text._header_line().search(text)) == per_line


def test_pico_finders_given_the_places_of_all_aim_keys_find_what_they_find_alone(seed_texts):
    for text in _cases(seed_texts):
        flat = pico.flatten(text)
        starts = phrase_starts("pico", flat, pico.AIM_KEYS)
        assert pico.find_aims(flat, 7, starts) == pico.find_aims(text, 7)
        assert pico.find_contrasts(flat, 7, starts) == pico.find_contrasts(text, 7)
        for key in ("intervention_cue", "outcome_cue"):
            assert pico.find_cued(flat, key, 7, starts) == pico.find_cued(text, key, 7)


@pytest.mark.parametrize("name", ["designs", "tests", "sample_size"])
def test_find_hits_within_the_places_of_a_whole_lexicon_finds_what_it_finds_alone(name, seed_texts):
    from evidencekit.extract import lexicon
    from evidencekit.extract.fields.phrases import find_hits

    keys = tuple(lexicon.phrases(name))[:2]
    for text in _cases(seed_texts):
        starts = phrase_starts(name, text)
        assert find_hits(name, text, keys=keys, within=starts) == find_hits(name, text, keys=keys)
        assert find_hits(name, text, within=starts) == find_hits(name, text)


def test_field_readers_given_the_places_of_one_union_scan_read_what_they_read_alone(seed_texts):
    from evidencekit.extract.fields.design import read_design
    from evidencekit.extract.fields.phrases import phrase_starts_any, sentences, within_span
    from evidencekit.extract.fields.pvalues import find_alpha
    from evidencekit.extract.fields.sample_size import find_sample_sizes
    from evidencekit.extract.fields.sampling import find_sampling
    from evidencekit.extract.fields.tests_used import find_tests
    from evidencekit.extract.record import PLACE_LEXICONS

    for text in _cases(seed_texts):
        starts = phrase_starts_any(PLACE_LEXICONS, text)
        assert find_sampling(text, 3, starts) == find_sampling(text, 3)
        assert find_tests(text, 3, starts) == find_tests(text, 3)
        assert find_alpha(text, 3, starts) == find_alpha(text, 3)
        for s, e in sentences(text):
            within = within_span(starts, s, e)
            assert read_design(text[s:e], s, within=within) == read_design(text[s:e], s)
            assert find_sample_sizes(text[s:e], s, within) == find_sample_sizes(text[s:e], s)


def test_within_span_keeps_the_places_of_a_range_shifted_to_it():
    from evidencekit.extract.fields.phrases import within_span

    assert within_span([0, 4, 9, 12, 20], 4, 13) == [0, 5, 8]
    assert within_span([], 0, 5) == []


def test_count_percent_patterns_find_what_their_lookbehind_first_forms_find(seed_texts):
    from evidencekit.extract.fields import sample_size

    plain = re.compile(r"(?<![\d.,])(?P<count>\d{1,4})\s*(?:orang|responden|respondents|ibu)?\s*\(\s*"
                       r"(?P<pct>\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s*\)")
    plain_table = re.compile(r"(?m)(?<=[A-Za-z)|] )(?P<count>\d{1,4})[ \t|]+(?P<pct>\d{1,3}[.,]\d{1,2})[ \t|]*$")
    odd = "12 (50%) 1.5 (3) a 7 | 12,5\n(3 (4))1234 (12,34) x 99 9,99\nab 5 10.5\n0 (0)"
    for text in [*_cases(seed_texts), odd]:
        for fast, slow in ((sample_size._count_percent(), plain), (sample_size._TABLE_COUNT_PERCENT, plain_table)):
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
                [(m.span(), m.groupdict()) for m in slow.finditer(text)]


def test_the_number_words_lexicon_holds_every_number_word_the_reader_knows():
    from evidencekit.extract import lexicon
    from evidencekit.extract.fields.number_words import _values

    assert {w.lower() for w in _values()} <= {p for ps in lexicon.phrases("number_words").values() for p in ps}


def test_sample_size_patterns_find_what_their_lookbehind_first_forms_find(seed_texts):
    from evidencekit.extract.fields import sample_size

    plain_integer = r"(?<![\d.,\-])(?P<n>\d{1,5})(?![\d]|[.,]\d|\s*-\s*\d)"
    pairs = [
        (sample_size._INTEGER, re.compile(plain_integer)),
        (sample_size._N_EQUALS, re.compile(r"(?<![A-Za-z])[nN]\s*=\s*" + plain_integer)),
        (sample_size._count_with_unit(), re.compile(
            plain_integer + r"\s*(?:orang\s+)?(?:" + sample_size._units() + r")(?![^\W_])", re.IGNORECASE)),
    ]
    odd = "n=5 N = 12 an=3 123456 1-2 3 - 4 12.5 30 orang 1,5 ibu 15responden\n7\u2212 8 (n = 30) x-4 .5"
    for text in [*_cases(seed_texts), odd]:
        for fast, slow in pairs:
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
                [(m.span(), m.groupdict()) for m in slow.finditer(text)]


def test_designs_read_sentence_by_sentence_in_one_pass_are_those_read_one_sentence_at_a_time(seed_texts):
    from evidencekit.extract.fields.design import read_design, read_sentence_designs
    from evidencekit.extract.fields.phrases import sentences

    odd = "Desain quasi eksperimen. Pre-Experimental design! One group pretest-posttest? Studi kohort\n\nRCT."
    for text in [*_cases(seed_texts), odd]:
        spans = sentences(text, 11)
        assert read_sentence_designs(text, spans, 11) == [read_design(text[s - 11:e - 11], s) for s, e in spans]


def test_a_review_row_read_from_one_scan_reads_each_cell_as_alone():
    from evidencekit.extract.fields.design import read_design
    from evidencekit.extract.fields.sample_size import find_sample_sizes
    from evidencekit.extract.fields.tests_used import read_tests
    from evidencekit.extract.review import _row_text

    cells = {"number": "1", "author_year": "Sari (2020)", "design": "Quasi eksperimen pretest posttest",
             "population": "Populasi 40 ibu, sampel dua puluh orang", "intervention": "pijat oksitosin",
             "results": "uji Wilcoxon p = 0,001; jika normal uji t berpasangan", "title": "Uji t"}
    whole, within = _row_text(cells)
    assert whole.startswith("Quasi eksperimen") and "Sari" not in whole
    for column in ("design", "population", "results", "outcome"):
        cell = cells.get(column, "")
        assert read_design(cell, broken_words=True, within=within(column)) == read_design(cell, broken_words=True)
        assert find_sample_sizes(cell, 0, within(column)) == find_sample_sizes(cell)
        assert read_tests(cell, broken_words=True, within=within(column)) == read_tests(cell, broken_words=True)
    assert find_sample_sizes(whole, 0, within(None)) == find_sample_sizes(whole)


def _squashed_keys_by_find(name: str, text: str) -> list[str]:
    """squashed_keys as first written: every phrase looked up with str.find."""
    from evidencekit.extract.fields.phrases import _squashed_phrases, squash

    flat = squash(text)
    firsts = []
    for key, squashed in _squashed_phrases(name):
        best = None
        for sp in squashed:
            i = flat.find(sp)
            if i >= 0 and (best is None or (i, -len(sp)) < best[:2]):
                best = (i, -len(sp), key)
        if best:
            firsts.append(best)
    firsts.sort()
    out, end = [], -1
    for i, neg_len, key in firsts:
        if i >= end and key not in out:
            out.append(key)
            end = i - neg_len
    return out


@pytest.mark.parametrize("name", ["designs", "design_families", "tests", "sampling"])
def test_squashed_keys_finds_what_looking_up_every_phrase_finds(name, seed_texts):
    from evidencekit.extract.fields.phrases import squashed_keys

    odd = ("Quasi Eksperi men tal one grouppre test post test Wilco xon Signed Rank Test purpo sive sam pling "
           "Mann-Whitn ey accidentalsampling kruskal wallis")
    for text in [*_cases(seed_texts), odd, odd.upper()]:
        for s, e in [(0, len(text)), *[(k, k + 300) for k in range(0, len(text), 250)]]:
            assert squashed_keys(name, text[s:e]) == _squashed_keys_by_find(name, text[s:e])


def test_letter_classes_that_open_fast_patterns_hold_every_case_of_their_letters():
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for letter, written in (("a", "aA"), ("s", "sSſ"), ("p", "pP"), ("t", "tT")):
        assert set(re.findall(letter, every, re.IGNORECASE)) == set(written)


def test_fast_opening_patterns_find_what_their_plain_forms_find(seed_texts):
    from evidencekit.extract.fields import bibliography

    plain_primary = re.compile(r"as\s+the\s+primary\s+outcome|sebagai\s+luaran\s+utama", re.IGNORECASE)
    plain_title = re.compile(
        r"(?:penelitian\s+(?:ini\s+)?(?:dengan\s+judul|berjudul)|this\s+(?:study|research)\s+(?:is\s+)?entitled)"
        r"\s*[\"'](?P<title>[^\"']{15,300})[\"']", re.IGNORECASE)
    odd = ('milk volume AS THE Primary\nOutcome; volume ASI ſebagai luaran utama. Penelitian ini berjudul '
           '"Pijat punggung dan produksi ASI ibu" and This research is entitled \'A trial of warm compresses\'')
    for text in [*_cases(seed_texts), odd]:
        for fast, slow in ((pico._primary_words(), plain_primary), (bibliography.quoted_title_re(), plain_title)):
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
                [(m.span(), m.groupdict()) for m in slow.finditer(text)]


def test_sentences_end_where_the_look_behind_pattern_ends_them(seed_texts):
    from evidencekit.extract.fields.phrases import _SENTENCE_END

    plain = re.compile(r"(?<=[.!?])(?<!\b[A-Za-z]\.)\s+(?=[A-Z(\"'\[])")
    odd = "A. B. Sari et al. Found it! Why? (Yes.) \"No.\"  x. Y 0.05. Z\n\nEnd."
    for text in [*_cases(seed_texts), odd]:
        assert [m.span("gap") for m in _SENTENCE_END.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_what_one_record_keeps_per_document_does_not_reach_the_next(shared_dir):
    from evidencekit.extract.read import read_document
    from evidencekit.extract.record import find_record
    from evidencekit.extract.review import find_studies, is_review

    first, second = (read_document(p) for p in sorted((shared_dir / "seeds").glob("*.txt"))[:2])
    alone = (find_record(second), is_review(second), find_studies(second))
    find_record(first), is_review(first), find_studies(first)
    assert (find_record(second), is_review(second), find_studies(second)) == alone
