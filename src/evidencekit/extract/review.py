"""A literature review's extraction table: detect it, map its columns, one StudyRecord per row.

Columns are mapped by what their header means (lexicon ``review_columns``: "Nama penulis dan
tahun publikasi" and "Author (year)" are both ``author_year``), in any order. Tables come from the
reader as grids (PDF), or — for plain text — flattened one fragment per line, which
:mod:`evidencekit.extract.review_text` cuts back into cells. Every cell is read with the same
field finders as a primary paper: n from the population cell, design from the design cell, the
p-values and tests from the results cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Callable

from evidencekit.extract import lexicon
from evidencekit.extract.fields.bibliography import join_initials
from evidencekit.extract.fields.design import read_design, read_family
from evidencekit.extract.fields.phrases import (
    LexiconPart,
    phrase_pattern,
    phrase_starts_any,
    within_span,
    word_alternation,
)
from evidencekit.extract.fields.places import places
from evidencekit.extract.fields.pico import find_aims
from evidencekit.extract.fields.pvalues import read_p_values, significant
from evidencekit.extract.fields.sample_size import LEXICONS as SAMPLE_LEXICONS
from evidencekit.extract.fields.sample_size import best_sample_size, find_sample_sizes
from evidencekit.extract.fields.sampling import read_sampling
from evidencekit.extract.fields.tests_used import read_tests
from evidencekit.model import Document, MainResult, StudyRecord
from evidencekit.vocab import DesignFamily

#: Canonical columns a header may map to (keys of lexicon ``review_columns`` without "opener_").
COLUMNS = ("number", "author_year", "author", "year", "title", "design", "population", "intervention",
           "comparator", "outcome", "results")
#: A header row must map this many columns, one of them naming the authors, to be an extraction table.
MIN_COLUMNS = 4
#: A year in an author cell: "(2021)", ", 2019", "2017)".
CELL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
#: α at which a row's p is called significant when the review does not say (field convention).
ROW_ALPHA = 0.05


@dataclass(frozen=True, slots=True)
class RowCells:
    """One study row: cell text and its span (start, end in the document) by canonical column,
    plus the raw cells by printed header."""

    number: int | None
    cells: dict[str, str]
    spans: dict[str, tuple[int, int]]
    raw: dict[str, str]


# --------------------------------------------------------------------------- columns


def column_of(header: str) -> str | None:
    """The canonical column a header cell names, or None: the longest matching phrase wins (the
    first in lexicon order among equally long ones)."""
    text = " ".join(header.split())
    if not _any_column().search(text):
        return None                        # most cells of other tables: one search, not one per phrase
    for key, _, pattern in _column_patterns():
        if pattern.search(text):
            return key
    return None


@cache
def _column_patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(key, phrase, compiled pattern) of every column phrase, longest first, lexicon order among
    equally long ones (compiled once)."""
    entries = [(key, phrase) for key, phrases in lexicon.phrases("review_columns").items()
               if not key.startswith("opener_") for phrase in phrases]
    return tuple((key, phrase, re.compile(phrase_pattern(phrase), re.IGNORECASE))
                 for key, phrase in sorted(entries, key=lambda e: -len(e[1])))


@cache
def _any_column() -> re.Pattern[str]:
    """Any column phrase at all (one alternation of them all)."""
    return re.compile("|".join(f"(?:{pattern.pattern})" for _, _, pattern in _column_patterns()) or "(?!)",
                      re.IGNORECASE)


def map_columns(headers: list[str]) -> dict[int, str]:
    """Column index -> canonical column for a header row (each canonical column used once)."""
    out: dict[int, str] = {}
    for i, header in enumerate(headers):
        key = column_of(header)
        if key and key not in out.values():
            out[i] = key
    return out


def is_extraction_header(headers: list[str]) -> bool:
    """Whether a table's headers are those of a review's study table (enough known columns, one of them the author)."""
    mapped = set(map_columns(headers).values())
    return len(mapped) >= MIN_COLUMNS and bool(mapped & {"author_year", "author"})


# --------------------------------------------------------------------------- detection


def is_review(document: Document) -> bool:
    """A review: its abstract or methods name a review design, or it holds an extraction table."""
    for place in places(document):
        if place.name not in ("abstract", "abstract_en", "front", "methods"):
            continue
        if read_family(document.text[place.start:place.end]) is DesignFamily.REVIEW:
            return True
    if any(is_extraction_header(t.grid()[0]) for t in document.tables if t.rows):
        return True
    from evidencekit.extract.review_text import find_flat_header

    return find_flat_header(document.text) is not None


# --------------------------------------------------------------------------- rows


def grid_rows(document: Document) -> list[RowCells]:
    """Study rows of every extraction-table grid, continuation rows (no number, no author) joined
    to the row above and repeated header rows dropped."""
    rows: list[RowCells] = []
    mapping: dict[int, str] | None = None
    headers: list[str] = []
    for table in document.tables:
        grid = table.grid()
        if not grid:
            continue
        if is_extraction_header(grid[0]):
            mapping, headers = map_columns(grid[0]), grid[0]
            body = table.rows[1:]
        elif mapping is not None and len(grid[0]) == len(headers):
            body = table.rows                      # a continuation piece without its header
        else:
            continue
        for row in body:
            texts = [" ".join(c.text.split()) for c in row]
            if [t.lower() for t in texts] == [h.lower() for h in headers]:
                continue
            cells = {mapping[i]: texts[i] for i in mapping if i < len(texts)}
            spans = {mapping[i]: (row[i].start, row[i].end) for i in mapping
                     if i < len(row) and row[i].start is not None and row[i].end is not None}
            number = _row_number(cells.get("number", ""))
            starts_row = number is not None or (cells.get("author_year") or cells.get("author"))
            if not starts_row and rows:
                rows[-1] = _join(rows[-1], cells, spans, headers, mapping)
                continue
            raw = {headers[i]: texts[i] for i in range(min(len(headers), len(texts)))}
            rows.append(RowCells(number, cells, spans, raw))
    return rows


def _row_number(text: str) -> int | None:
    m = re.match(r"\s*(\d{1,3})\s*\.?\s*$", text or "")
    return int(m.group(1)) if m else None


def _join(row: RowCells, cells: dict[str, str], spans: dict[str, tuple[int, int]], headers: list[str],
          mapping: dict[int, str]) -> RowCells:
    merged = dict(row.cells)
    merged_spans = dict(row.spans)
    for key, text in cells.items():
        if text:
            merged[key] = (merged.get(key, "") + " " + text).strip()
            if key in spans:
                s0 = merged_spans.get(key, spans[key])
                merged_spans[key] = (min(s0[0], spans[key][0]), max(s0[1], spans[key][1]))
    by_key = {v: k for k, v in mapping.items()}
    raw = {headers[by_key[k]]: v for k, v in merged.items() if k in by_key}
    return RowCells(row.number, merged, merged_spans, raw)


# --------------------------------------------------------------------------- records


def find_studies(document: Document) -> list[StudyRecord]:
    """One :class:`StudyRecord` per row of the review's extraction table ([] when none is found)."""
    rows = grid_rows(document)
    if not rows:
        from evidencekit.extract.review_text import flat_rows

        starts = [s.start for s in document.sections] if document.sections else None
        rows = flat_rows(document.text, main_intervention=_review_topic(document), section_starts=starts)
    return [study_record(document, row, i + 1) for i, row in enumerate(rows)]


def _review_topic(document: Document) -> str | None:
    """The intervention the review is about (its title's or abstract's aim), to tell a row's main
    intervention from its comparator when the flattened text leaves only one of them."""
    for place in places(document):
        if place.name in ("front", "title", "abstract", "abstract_en"):
            aims = find_aims(document.text[place.start:place.end])
            if aims:
                return aims[0].intervention
    return None


def study_record(document: Document, row: RowCells, index: int) -> StudyRecord:
    """Read one row's cells with the field finders."""
    cells = row.cells
    author_cell = cells.get("author_year") or cells.get("author") or ""
    authors, year = _authors_year(author_cell, cells.get("year"))
    whole, within = _row_text(cells)
    design_cell = cells.get("design", "")
    statement = read_design(design_cell, broken_words=True, within=within("design"))
    if statement is None or statement.design_hit is None:
        # the design cell names only a family (or nothing): a finer design may sit elsewhere in
        # the row, e.g. after a page break in flattened text
        finer = read_design(whole, broken_words=True, within=within(None))
        if finer is not None and finer.design_hit is not None:
            if statement is not None and statement.family_hit is not None:
                finer = replace(finer, family=statement.family, family_hit=statement.family_hit)
            statement = finer
        elif statement is None:
            statement = finer
    sizes = find_sample_sizes(whole, 0, within(None))
    size = (best_sample_size(find_sample_sizes(cells.get("population", ""), 0, within("population")))
            or best_sample_size(sizes))
    if size is not None and size.strength == "population":
        size = best_sample_size([s for s in sizes if s.strength != "population"]) or size
    # the split into arms, when one is stated that adds up to n
    arms = next((s.arms for s in sizes if s.arms and size is not None and s.n == size.n), {})
    results = cells.get("results", "")
    p_values = read_p_values(results)
    tests = (read_tests(results, broken_words=True, within=within("results"))
             or read_tests(whole, broken_words=True, within=within(None)))
    title = cells.get("title") or None
    outcome = cells.get("outcome") or None
    if outcome is None and title:
        aims = find_aims(title)
        outcome = aims[0].outcome if aims else None
    main = None
    if p_values:
        p = p_values[0]
        main = MainResult(test=tests[0] if len(tests) == 1 else None, p=p.value.value, p_operator=p.operator,
                          significant=significant(p.value.value, p.operator, ROW_ALPHA))
    evidence = {k: (document.span(*row.spans[c]),) for k, c in
                (("authors", "author_year"), ("year", "author_year"), ("title", "title"), ("design", "design"),
                 ("n_total", "population"), ("intervention", "intervention"), ("comparator", "comparator"),
                 ("p_values", "results")) if c in row.spans}
    return StudyRecord(
        title=title, authors=authors, year=year,
        design=statement.design if statement else None, design_family=statement.family if statement else None,
        n_total=size.n if size else None, n_arms=dict(arms),
        sampling=read_sampling(whole, broken_words=True, within=within(None)),
        intervention=cells.get("intervention") or None, comparator=cells.get("comparator") or None,
        outcome=outcome, tests=tests, main_result=main, evidence=evidence,
        row=row.number or index, cells=dict(row.raw), p_values=tuple(p.value for p in p_values),
    )


#: The lexicons a row is read with: one scan of the row's text finds where any of their phrases
#: may start, for every cell (:func:`_row_text`).
ROW_LEXICONS: tuple[LexiconPart, ...] = (("designs", None), ("design_families", None), *SAMPLE_LEXICONS,
                                         ("tests", None), ("sampling", None))
#: Cells that are not read for design, sample, tests or sampling.
NOT_READ = ("author_year", "author", "title", "number")


def _row_text(cells: dict[str, str]) -> tuple[str, Callable[[str | None], list[int] | None]]:
    """The row's readable cells joined by spaces, and ``within(column)``: where a phrase of
    :data:`ROW_LEXICONS` may start in that cell (offsets in the cell; the whole row for None), from
    one scan of the row. A cell is part of the row's text, so the row's places cover the cell's."""
    read = [(k, v) for k, v in cells.items() if k not in NOT_READ]
    whole = " ".join(v for _, v in read)
    starts = phrase_starts_any(ROW_LEXICONS, whole)
    at, pos = {}, 0
    for key, value in read:
        at[key] = pos
        pos += len(value) + 1

    def within(column: str | None) -> list[int] | None:
        if column is None:
            return starts
        if column not in at:
            return None                 # the cell is missing (read as ""): nothing to look up
        return within_span(starts, at[column], at[column] + len(cells[column]))

    return whole, within


@cache
def _author_separator() -> re.Pattern[str]:
    """Between two authors in a cell: a comma, ";", "&" or an ``author_and`` word (lexicon bibliography)."""
    return re.compile(rf",|;|&|\b(?:{word_alternation('bibliography', 'author_and')})\b")


def _authors_year(cell: str, year_cell: str | None) -> tuple[tuple[str, ...], int | None]:
    years = CELL_YEAR.findall(year_cell or cell)
    year = int(years[-1]) if years else None
    names = CELL_YEAR.sub("", cell)
    names = re.sub(r"[()]", " ", names)
    names = re.sub(r"\bet\.?\s*al\.?", "", names)
    parts = [" ".join(p.split()) for p in _author_separator().split(names)]
    return tuple(join_initials([p for p in parts if re.search(r"[A-Za-z]", p)])), year


__all__ = ["column_of", "find_studies", "grid_rows", "is_extraction_header", "is_review", "map_columns",
           "study_record"]
