"""An extraction table flattened into text, one cell fragment per line, cut back into cells.

Text pulled from a PDF table lists, within each page, every row's cell fragments in column order
(see ../shared/pdf/README.md, "Reconstruction notes"). Cell boundaries are lost; they are found
again from

* the header: its column names follow each other ("No. Nama penulis dan tahun publikasi Judul
  penelitian …") and give the column order;
* the row numbers "1.", "2.", … that open each row (numbers must follow each other, so a "7." inside
  a cell is not a row);
* the author cell, which ends with the year "(2021)";
* the phrases each column's cells open with (lexicon ``review_columns``, keys ``opener_*``):
  "Desain penelitian …", "Populasi …", "Pijat …", "Hasil penelitian …". A cell that follows a page
  break continues in whatever column the row had reached; that text is kept, in the later column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from evidencekit.extract import lexicon
from evidencekit.extract.fields.phrases import phrase_pattern, squash, word_alternation, word_set
from evidencekit.extract.fields.places import guess_sections

#: How far (characters of joined fragments) a flattened header may run.
HEADER_WINDOW = 400
#: Columns whose cells are read by their opening phrases, and the lexicon key of those phrases.
OPENERS = {"design": "opener_design", "population": "opener_population", "intervention": "opener_treatment",
           "comparator": "opener_treatment", "results": "opener_results"}
#: Columns that may be missing from a row's flattened text (an empty cell has no fragment).
SKIPPABLE = frozenset({"population", "intervention", "comparator", "outcome"})
#: A row opens with its number: "1. Halimatus", "10. Zuhrotunida".
ROW_START = re.compile(r"^\s*(?P<n>\d{1,3})\s*\.\s*(?P<rest>.*)$")
#: The year that closes an author cell.
AUTHOR_YEAR_END = re.compile(r"\(?\s*(?:19|20)\d\d\s*\)|,\s*(?:19|20)\d\d\s*$")
#: Rows longer than this many fragments are cut (a table that never ends is prose).
MAX_ROW_FRAGMENTS = 600


@dataclass(frozen=True, slots=True)
class FlatHeader:
    """A flattened header: canonical columns in order, their printed names, where it ends."""

    columns: tuple[str, ...]
    names: tuple[str, ...]
    end: int


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stripped text) of every non-blank line."""
    out, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped), stripped))
        pos += len(line) + 1
    return out


@cache
def _column_phrases() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    out = []
    for key, phrases in lexicon.phrases("review_columns").items():
        if key.startswith("opener_"):
            continue
        for p in phrases:
            out.append((key, p, re.compile(r"\s*" + phrase_pattern(p), re.IGNORECASE)))
    return tuple(sorted(out, key=lambda t: -len(t[1])))


def _read_header(joined: str) -> tuple[list[str], list[str], int]:
    """Greedy longest-phrase reading of column names from the start of ``joined``."""
    columns, names, pos, used = [], [], 0, 0
    while pos < len(joined):
        skip = re.match(r"[\s.:|]+", joined[pos:])
        if skip and columns:
            pos += skip.end()
        for key, phrase, pattern in _column_phrases():
            m = pattern.match(joined, pos)
            if m and key not in columns:
                columns.append(key)
                names.append(" ".join(m.group(0).split()))
                pos = used = m.end()
                break
        else:
            break
    return columns, names, used


@cache
def _header_words() -> str:
    """How a flattened header's first line opens ("No.", "Nama penulis", "Author", "Peneliti"):
    lexicon ``review_words`` ``header_opening`` as word starts, ``header_opening_whole`` as words."""
    whole = word_alternation("review_words", "header_opening_whole")
    return rf"(?:{whole})\b|{word_alternation('review_words', 'header_opening')}"


@cache
def _header_opening() -> re.Pattern[str]:
    """A line (stripped) that opens as a flattened header's first line does."""
    return re.compile(rf"(?i)({_header_words()})")


@cache
def _header_line() -> re.Pattern[str]:
    """A line of the text that opens so (after its leading whitespace): one search rules out most texts."""
    return re.compile(rf"(?im)^[^\S\n]*(?:{_header_words()})")


def find_flat_header(text: str) -> FlatHeader | None:
    """The first flattened extraction-table header in ``text``, or None."""
    if not _header_line().search(text):
        return None
    lines = _lines(text)
    for i, (start, _, first) in enumerate(lines):
        if not _header_opening().match(first):
            continue
        joined, ends = "", []
        for s, e, t in lines[i:i + 40]:
            joined += (" " if joined else "") + t
            ends.append((len(joined), e))
            if len(joined) > HEADER_WINDOW:
                break
        columns, names, used = _read_header(joined)
        if len(columns) >= 4 and {"author_year", "author"} & set(columns):
            end = next(e for length, e in ends if length >= used)
            return FlatHeader(tuple(columns), tuple(names), end)
    return None


@cache
def _openers(key: str) -> tuple[str, ...]:
    """The opening phrases of lexicon key ``key`` in every language, longest first (read once)."""
    phrases: list[str] = []
    for lang in lexicon.LANGUAGES:
        phrases.extend(lexicon.load(lang, "review_columns").get(key, {}).get("phrases", ()))
    return tuple(sorted(set(phrases), key=len, reverse=True))


def _opens(fragment: str, column: str) -> bool:
    key = OPENERS.get(column)
    return bool(key) and fragment.startswith(_openers(key))


@cache
def _results_opener() -> re.Pattern[str] | None:
    """A results opener standing as a word after a space ("… Ada …"): one alternation of them all."""
    openers = _openers("opener_results")
    if not openers:
        return None
    return re.compile(r"\s(?:" + "|".join(re.escape(o.strip()) for o in openers) + r")(?=[\s:,]|$)")


def _split_results(fragment: str) -> int | None:
    """Offset inside ``fragment`` where a results cell opens mid-line ("Pijat marmet Ada …"): the
    earliest opener found."""
    pattern = _results_opener()
    m = pattern.search(fragment, 1) if pattern else None
    return m.start() + 1 if m else None


def flat_rows(text: str, main_intervention: str | None = None, section_starts: list[int] | None = None):
    """Rows of the flattened extraction table in ``text`` as :class:`~evidencekit.extract.review.RowCells`.

    The table ends at the first section that starts after its header (``section_starts``, from
    the reader; headings found in the text when not given).
    """
    header = find_flat_header(text)
    if header is None:
        return []
    lines = [ln for ln in _lines(text) if ln[0] >= header.end]
    if section_starts is None:
        section_starts = [s.start for s in guess_sections(text)]
    stop = min((s for s in section_starts if s > header.end), default=len(text))
    starts, expected = [], 1
    for i, (s, _, t) in enumerate(lines):
        if s >= stop:
            break
        m = ROW_START.match(t)
        if m and int(m.group("n")) == expected:
            starts.append(i)
            expected += 1
    rows = []
    for k, first in enumerate(starts):
        last = starts[k + 1] if k + 1 < len(starts) else next(
            (j for j, ln in enumerate(lines) if ln[0] >= stop), len(lines))
        fragments = lines[first:min(last, first + MAX_ROW_FRAGMENTS)]
        rows.append(_segment(fragments, header, k + 1, main_intervention))
    return rows


def _segment(fragments: list[tuple[int, int, str]], header: FlatHeader, number: int,
             main_intervention: str | None):
    """Assign each fragment of one row to a column (see the module docstring)."""
    from evidencekit.extract.review import RowCells

    columns = [c for c in header.columns if c != "number"]
    parts: dict[str, list[tuple[int, int, str]]] = {c: [] for c in columns}
    state = 0
    s0, e0, t0 = fragments[0]
    rest = ROW_START.match(t0).group("rest")
    queue = ([(e0 - len(rest), e0, rest)] if rest else []) + list(fragments[1:])
    author_done = False
    while queue:
        s, e, t = queue.pop(0)
        current = columns[state]
        if current in ("author_year", "author") and not author_done:
            parts[current].append((s, e, t))
            if AUTHOR_YEAR_END.search(t):
                author_done = True
                state = min(state + 1, len(columns) - 1)
            continue
        # an opener may be cut over two lines ("Jenis | penelitian"): read a little ahead
        ahead = " ".join([t] + [q[2] for q in queue[:3]])
        target = _next_column(columns, state, ahead)
        if target is None and columns[state] == "population" and _ends_population(parts["population"]) \
                and re.match(r"[A-Z][a-z]", t) and not _opens(ahead, "population") and state + 1 < len(columns):
            # a capitalised fragment after a finished population cell ("… purposive sampling.")
            # opens the next cell even without a known opener
            target = state + 1
        if target is not None:
            state = target
        if columns[state] in ("intervention", "comparator") and "results" in columns:
            cut = _split_results(t)
            if cut:
                queue.insert(0, (s + cut, e, t[cut:]))
                t, e = t[:cut].rstrip(), s + len(t[:cut].rstrip())
        parts[columns[state]].append((s, e, t))
    _fix_single_treatment(parts, main_intervention)
    cells = {c: join_fragments([t for _, _, t in frs]) for c, frs in parts.items() if frs}
    spans = {c: (frs[0][0], frs[-1][1]) for c, frs in parts.items() if frs}
    raw = {name: cells.get(col, "") for col, name in zip(header.columns, header.names) if col != "number"}
    raw = {"No.": str(number)} | raw
    return RowCells(number, cells, spans, raw)


def join_fragments(fragments: list[str]) -> str:
    """Join a cell's fragments with spaces, except before the broken-off end of a word."""
    out = ""
    for fragment in fragments:
        # "p = 0,012" and "n = 30" start with a symbol, not with the end of a broken word
        head = re.match(r"([a-z]{1,2})(?![\w])(?!\s*[=<>≤≥(\d])", fragment)
        # short words stand alone (lexicon review_words.short_words); any other one- or two-letter
        # lower-case start is the end of a word the narrow cell broke ("pengeluar|an", "Primigravi|da")
        if out and head and head.group(1) not in word_set("review_words", "short_words") and out[-1:].isalpha():
            out += fragment
        else:
            out += (" " if out else "") + fragment
    return out


def _ends_population(fragments: list[tuple[int, int, str]]) -> bool:
    """Whether the population cell so far ends as such cells do: a full stop or "… sampling"."""
    if not fragments:
        return False
    last = fragments[-1][2].rstrip()
    return last.endswith(".") or last.lower().endswith("sampling")


def _next_column(columns: list[str], state: int, fragment: str) -> int | None:
    """The column a fragment opens, if it may follow the current one (skipping only columns that
    can be empty), else None."""
    j = state + 1
    while j < len(columns):
        if _opens(fragment, columns[j]):
            return j
        if columns[j] not in SKIPPABLE:
            return None
        j += 1
    return None


def _fix_single_treatment(parts: dict[str, list], main_intervention: str | None) -> None:
    """With one treatment cell only, it is the comparator when it does not name the review's
    own intervention (the main-intervention cell was empty)."""
    if "comparator" not in parts or "intervention" not in parts:
        return
    if parts["comparator"] or not parts["intervention"] or not main_intervention:
        return
    text = squash(" ".join(t for _, _, t in parts["intervention"]))
    if squash(main_intervention) not in text:
        parts["comparator"], parts["intervention"] = parts["intervention"], []
