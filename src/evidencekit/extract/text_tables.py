"""Rebuild tables that text input flattened into lines, as :class:`~evidencekit.model.Table` grids.

Text pulled from a PDF loses a table's grid. What is left, seen in the seed texts:

* row lines: a label then the row's values ("20-35 tahun 13 86,7", "Lancar 8 (53,3) 13 (86,7)");
* column runs: the labels of a block one per line, then each column's values one per line
  ("Lancar / Cukup Lancar / Kurang Lancar / 0 / 3 / 21 / 0 / 12,50 / 87,50"), sometimes
  followed by one line of merged summary cells ("2,00 1 2 0,338");
* labels split over lines, values before their label ("16,59 17,41 0,000 / PRE-TEST").

A table starts at a caption line ("Tabel 2." / "Table 2:"); its header is the lines that name
columns (:data:`HEADER_PHRASES`), and it ends at the first prose line. The grid is rebuilt from
the header's columns and the lines' value atoms, every cell keeping its offsets in the text, and
is then read by :func:`evidencekit.extract.tables.interpret_table` like a PDF table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidencekit.extract import lexicon
from evidencekit.extract.context import StatContext
from evidencekit.extract.patterns import DECIMAL, NUM, by_first_letter, lexicon_alternation
from evidencekit.extract.table_headers import column_role, header_words
from evidencekit.model import Cell, Document, Table

#: A caption at the start of a line: "Tabel 2." / "Table 3:" / "TABEL 5.1" (table_labels.toml
#: caption words, capitalised or in capitals).
CAPTION_RE = re.compile(
    rf"^(?:{'|'.join(f'{w.capitalize()}|{w.upper()}' for w in lexicon.phrases('table_labels')['caption'])})"
    r"\s+\d+(?:\.\d+)?\s*[.:]")

#: Column names as printed in headers, notation first (before the words that start like it:
#: "Mean (SD)" before "Mean", "t hitung" before "t"), then the words of table_headers.toml
#: text_column (longest first, grouped by first letter so the engine tries only the words of the
#: letter it stands on), then short notation; single letters only as whole tokens, never before
#: "=" (so the caption's "(n=24)" is not a header).
HEADER_NOTATION = (
    r"[fn]\s*\(\s*%\s*\)", rf"(?:{header_words('mean_sd')})\s*\(\s*s\.?d\.?\s*\)",
    rf"[tfz][\s-]?(?:{header_words('computed_of')})", rf"[tfz][\s-]?(?:{header_words('critical_of')})",
    r"ci\s*95\s*%", r"95\s*%\s*ci", r"p\s*[-_]?\s*value",
    r"asymp\.?\s*sig\.?\s*(?:\(\s*2[\s-]*tailed\s*\))?", r"sig\.?\s*\(\s*2[\s-]*tailed\s*\)",
)
HEADER_SHORT_NOTATION = (r"min", r"max", r"sd", r"se", r"df", r"%", r"[nNfpPzZt]")
HEADER_PHRASES = (*HEADER_NOTATION,
                  by_first_letter(lexicon_alternation("table_headers", "text_column", hyphen=r"\-").split("|")),
                  *HEADER_SHORT_NOTATION)
#: A unit in brackets after a column name: symbols and table_headers.toml's unit words.
_UNIT = rf"(?:\s*\((?:ml|cc|g|kg|cm|mm|mmhg|sd|{header_words('unit')})\))?"
HEADER_RE = re.compile(
    rf"(?i)(?<![\w.])(?:{'|'.join(HEADER_PHRASES)}){_UNIT}(?![\w])(?!\s*=)")
#: Words that start a label column's header (table_headers.toml label_column, or "No."): they
#: mark a header line but name no value column.
LABEL_HEADER_RE = re.compile(rf"(?i)^(?:{header_words('label_column')}|no\.?)\b")
#: Lines that end a table: prose about it (table_headers.toml prose_start), its source line
#: ("Sumber:"), a caption word with a number and a word ("Tabel 2 menunjukkan").
PROSE_START_RE = re.compile(
    rf"(?i)^(?:{header_words('prose_start')}|(?:{header_words('source')})\s*:|"
    rf"(?:{lexicon_alternation('table_labels', 'caption')})\s+\d+\s+[a-z])")

UNUM = rf"(?:{DECIMAL})"
#: A value atom of a table line: "8 (53,3)" / "2,07 (1,438)" pairs, "1,27-2,86" ranges, numbers.
ATOM_RE = re.compile(
    rf"(?<!\S)(?:(?P<pair>{NUM}\s*\(\s*{UNUM}\s*%?\s*\))|(?P<range>{UNUM}\s*[-–]\s*{UNUM})|"
    rf"(?P<num>{NUM}\s*%?))(?!\S)")

MAX_BODY_LINES = 120
PROSE_WORDS = 7


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str
    label: Cell | None
    atoms: tuple[Cell, ...]

    @property
    def kind(self) -> str:
        if not self.atoms:
            return "L"
        return "V" if self.label is None else "LV"


def find_text_tables(document: Document, ctx: StatContext | None = None) -> list[Table]:
    """Tables flattened into the text (captioned "Tabel N." / "Table N."), rebuilt as grids.

    Captions whose table the reader already found (``document.tables``) are skipped.
    """
    text = document.text
    lines = _lines(text)
    known = [(t.start, t.end) for t in document.tables]
    tables: list[Table] = []
    for c, (start, end) in enumerate(lines):
        if not CAPTION_RE.match(text[start:end]):
            continue
        if any(start <= a <= start + 800 for a, _ in known) or any(a <= start < b for a, b in known):
            continue
        table = _table_after_caption(text, lines, c)
        if table is not None:
            tables.append(table)
    return tables


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        a = pos + len(line) - len(line.lstrip())
        b = pos + len(line.rstrip())
        out.append((a, max(a, b)))
        pos += len(line) + 1
    return out


def _words(s: str) -> int:
    return len(re.findall(r"[A-Za-z]{2,}", s))


def _table_after_caption(text: str, lines: list[tuple[int, int]], c: int) -> Table | None:
    nonblank = [i for i in range(c + 1, min(len(lines), c + 4 * MAX_BODY_LINES)) if lines[i][1] > lines[i][0]]
    # the first header line: names a column or a label column, before any value line
    k = None
    for i in nonblank[:10]:
        s = text[slice(*lines[i])]
        if _atoms_of(s) and not HEADER_RE.search(s) and _words(s) <= 2:
            break                                       # a data line: no header here
        if HEADER_RE.search(s) or LABEL_HEADER_RE.match(s):
            k = i
            break
    if k is None:
        return None
    h0 = k
    prev = [i for i in nonblank if i < k]
    while prev and _words(text[slice(*lines[prev[-1]])]) <= 3 and not _atoms_of(text[slice(*lines[prev[-1]])]):
        h0 = prev.pop()
    after = [i for i in nonblank if i > k]
    h1 = k
    for n, i in enumerate(after):
        s = text[slice(*lines[i])]
        if _is_value_line(s):
            break
        ahead = [text[slice(*lines[j])] for j in after[n + 1:n + 3]]
        ahead = ahead[:next((q for q, a in enumerate(ahead) if _is_value_line(a)), len(ahead))]
        continuation = _words(s) <= 2 and (s.count(")") > s.count("(") or any(HEADER_RE.search(a) for a in ahead))
        if HEADER_RE.search(s) and _words(s) <= 8 or continuation:
            h1 = i
        else:
            break
    header_lines = [i for i in nonblank if h0 <= i <= h1]
    columns = _columns(text, lines, header_lines)
    if not columns or all(column_role(col.text) in (None, "rank") for col in columns):
        return None
    body = _body(text, lines, [i for i in nonblank if i > h1], columns)
    if not body:
        return None
    start = lines[c][0]
    end = max(max((x.end for x in r if x.end is not None), default=start) for r in body)
    caption_lines = [i for i in nonblank if i < h0] + [c]
    caption = " ".join(text[slice(*lines[i])] for i in sorted(caption_lines))
    label_header = Cell(" ".join(text[slice(*lines[i])] for i in header_lines)[:0] or "")
    header = (label_header, *columns)
    return Table(page=None, rows=(header, *body), start=start, end=end, caption=caption, ruled=False)


def _columns(text: str, lines, header_lines: list[int]) -> list[Cell]:
    """Column cells from the header lines' phrases; words between phrases qualify the next one."""
    cols: list[Cell] = []
    pieces = [(lines[i][0], text[slice(*lines[i])]) for i in header_lines]
    joined = " ".join(p for _, p in pieces)
    offsets = []
    for off, p in pieces:
        offsets.extend(range(off, off + len(p)))
        offsets.append(off + len(p))
    last = 0
    found = list(HEADER_RE.finditer(joined))
    for n, m in enumerate(found):
        between = LABEL_HEADER_RE.sub("", joined[last:m.start()].strip()).strip()
        label = m.group(0)
        if between and (n > 0 or re.match(r"(?i)[fn]\s*\(", label)):
            label = f"{between} {label}"               # "Sebelum intervensi f (%)"
        a = offsets[m.start()]
        b = offsets[min(m.end(), len(offsets) - 1)]
        cols.append(Cell(re.sub(r"\s+", " ", label), a, b))
        last = m.end()
    return cols


def _atoms_of(s: str) -> list[re.Match[str]]:
    """The value atoms that end the line (a contiguous suffix of atoms), in order."""
    atoms = list(ATOM_RE.finditer(s))
    end = len(s.rstrip())
    suffix: list[re.Match[str]] = []
    for m in reversed(atoms):
        if m.end() != end and s[m.end():end].strip():
            break
        suffix.append(m)
        end = len(s[:m.start()].rstrip())
    suffix.reverse()
    if suffix:
        head = s[:suffix[0].start()].rstrip()
        if head.endswith(("<", ">", "≤", "≥", "=", "-", "–")):
            return []                                   # "< 20", "15 -": part of a label
        if not head and len(suffix) == 1 and suffix[0].group("range") and not re.search(r"[.,]", suffix[0].group(0)):
            return []                                   # "20-35": an age band, a label
    return suffix


def _is_value_line(s: str) -> bool:
    return bool(_atoms_of(s))


def _read_line(text: str, span: tuple[int, int]) -> _Line:
    a, b = span
    s = text[a:b]
    atoms = _atoms_of(s)
    cells = tuple(Cell(m.group(0).strip(), a + m.start(), a + m.start() + len(m.group(0).strip())) for m in atoms)
    head = s[:atoms[0].start()].strip() if atoms else s.strip()
    label = Cell(head, a, a + len(head)) if head else None
    return _Line(a, b, s, label, cells)


def _body(text: str, lines, idxs: list[int], columns: list[Cell]) -> list[tuple[Cell, ...]]:
    """Grid rows (label cell + one cell per column) from the lines after the header."""
    ncols = len(columns)
    read: list[_Line] = []
    for i in idxs[:MAX_BODY_LINES]:
        s = text[slice(*lines[i])]
        if CAPTION_RE.match(s) or PROSE_START_RE.match(s) or (_words(s) >= PROSE_WORDS and not _atoms_of(s)):
            break
        read.append(_read_line(text, lines[i]))
    rows: list[tuple[Cell, ...]] = []
    pending: list[Cell] = []
    empty = Cell("")

    def row(label: Cell | None, cells: list[Cell]) -> tuple[Cell, ...]:
        cells = (cells + [empty] * ncols)[:ncols]
        return (label or empty, *cells)

    def flush_groups(cells: list[Cell]) -> None:
        for g in cells:
            rows.append(row(g, []))

    def joined(cells: list[Cell]) -> Cell | None:
        if not cells:
            return None
        return Cell(" ".join(c.text for c in cells), cells[0].start, cells[-1].end)

    i = 0
    while i < len(read):
        line = read[i]
        if line.kind == "L":
            pending.append(line.label)
            i += 1
            continue
        if line.kind == "LV":
            flush_groups(pending)
            pending = []
            cells = list(line.atoms)
            i += 1
            while i < len(read) and read[i].kind == "V" and len(read[i].atoms) == 1 and len(cells) < ncols:
                cells.extend(read[i].atoms)
                i += 1
            rows.append(row(line.label, cells))
            continue
        # a run of value-only lines
        run = []
        while i < len(read) and read[i].kind == "V":
            run.append(read[i])
            i += 1
        if len(run[0].atoms) > 1:                       # a row whose label came before (or comes after)
            cells = list(run[0].atoms) + [a for r in run[1:] for a in r.atoms]
            label = joined(pending)
            pending = []
            if label is None and i < len(read) and read[i].kind == "L":
                label = read[i].label                   # values first, label after
                i += 1
            rows.append(row(label, cells[:ncols]))
            continue
        singles = [r.atoms[0] for r in run if len(r.atoms) == 1]
        multi = [a for r in run if len(r.atoms) > 1 for a in r.atoms]
        m = ncols - len(multi)
        if m > 0 and singles and len(singles) % m == 0 and 1 <= len(singles) // m <= len(pending):
            k = len(singles) // m
            flush_groups(pending[:-k])
            for r in range(k):
                cells = [singles[j * k + r] for j in range(m)] + (multi if r == 0 else [empty] * len(multi))
                rows.append(row(pending[len(pending) - k + r], cells))
            pending = []
        elif pending:
            rows.append(row(joined(pending), singles + multi))
            pending = []
        elif i < len(read) and read[i].kind == "L":
            rows.append(row(read[i].label, singles + multi))
            i += 1
    return rows


__all__ = ["ATOM_RE", "CAPTION_RE", "HEADER_RE", "find_text_tables"]
