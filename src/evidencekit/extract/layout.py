"""Lay positioned lines and tables out as one normalised text with offsets.

Input: each page's lines (running furniture removed) and its tables. Output: the text, each
page's [start, end) and the :class:`~evidencekit.model.Table` objects whose cells point into it.

Lines of one paragraph are joined into one text line (statistics are not cut by the PDF's line
breaks); a paragraph ends at a wider vertical gap, an indented or a heading line, or a short
line ending a sentence. Hyphenated line breaks are joined ("ekspe-" + "rimen" -> "eksperimen")
unless the hyphenated form is the paper's own spelling elsewhere ("pre-test"). A table is its
own block: one line per row, cells separated by " | ".
"""

from __future__ import annotations

import re
import statistics as stats
from dataclasses import dataclass, field
from typing import Sequence

from evidencekit.extract.aligned import table_in_rules
from evidencekit.extract.order import Block, order_blocks
from evidencekit.extract.pdf import PdfPage
from evidencekit.extract.pdf_lines import Line, inside
from evidencekit.extract.pdf_tables import RawTable, continues, merge
from evidencekit.extract.sections import match_heading
from evidencekit.extract.text import CELL_SEPARATOR, normalise_line
from evidencekit.model import Cell, Page, Table

#: A paragraph ends when the gap to the next line exceeds the page's usual gap by this many
#: line heights, or the next line is indented by more than this many line heights.
GAP_BREAK = 0.45
INDENT_BREAK = 0.8
#: A line ending this many line heights short of the column's right edge is a paragraph's last.
SHORT_LINE = 2.5
#: Two lines this short may be one heading set on two lines.
SPLIT_HEADING_CHARS = 40
#: Lines whose heights differ by more than this share are set in different font sizes.
FONT_CHANGE = 0.2
SENTENCE_END = re.compile(r"[.!?:]['\")]?$")
FOOTNOTE_END = re.compile(r"[^\W\d_][.!?]\d{1,2}$")     # "... sehat.20": a sentence, then its note
#: Regions with fewer lines are not body text (running heads, front-matter boxes).
BODY_LINES = 4
CAPTION = re.compile(r"^(?:tabel|table|gambar|figure|grafik|bagan)\s*\d+", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_][\w-]*")
#: Every byte that cannot be part of a WORD, made a space (ASCII text only).
WORD_BYTES = bytes(b if chr(b).isascii() and (chr(b).isalnum() or chr(b) in "_-") else ord(" ")
                   for b in range(256))
LETTERS_START = re.compile(r"[^\W\d_]+")      # the letters a cell line starts (or ends) with


@dataclass
class _Writer:
    """Builds the text; keeps where each page starts."""

    parts: list[str]
    length: int = 0

    def write(self, s: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(s)
        self.length += len(s)
        return start, self.length

    def newline(self) -> None:
        if self.length and not self.parts[-1].endswith("\n"):
            self.write("\n")

    def drop_last_char(self) -> None:
        self.parts[-1] = self.parts[-1][:-1]
        self.length -= 1

    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class _Item:
    page: int
    column: int
    line: Line | None = None
    table: RawTable | None = None

    #: the line's height, read once: the paragraph rules use it many times
    height: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        if self.line is not None:
            self.height = self.line.height


def reading_order(pages: Sequence[PdfPage], furniture: frozenset[tuple[int, int]],
                  tables: dict[int, list[RawTable]]) -> tuple[list[_Item], dict[int, int]]:
    """Every line and table in reading order, continued tables merged; columns per page."""
    items: list[_Item] = []
    columns: dict[int, int] = {}
    furniture_lines: dict[int, set[int]] = {}
    for number, i in furniture:
        furniture_lines.setdefault(number, set()).add(i)
    for page in pages:
        page_tables = list(tables.get(page.number, [])) + _rule_tables(page, tables.get(page.number, []))
        blocks = [Block(t.bbox[0], t.bbox[2], t.bbox[1], t.bbox[3], table=k)
                  for k, t in enumerate(page_tables)]
        blocks += _line_blocks(page, furniture_lines.get(page.number, set()), [t.bbox for t in page_tables])
        ordered, columns[page.number] = order_blocks(blocks)
        for block in ordered:
            if block.grid is not None:
                items.append(_Item(page.number, block.column, table=RawTable(
                    page.number, (block.x0, block.top, block.x1, block.bottom), block.grid, ruled=False)))
                continue
            if block.table is not None:
                table = page_tables[block.table]
                if items and items[-1].table is not None and continues(items[-1].table, table):
                    items[-1].table = merge(items[-1].table, table)
                    continue
                items.append(_Item(page.number, block.column, table=table))
            else:
                items.append(_Item(page.number, block.column, line=block.line))
    return items, columns


def _line_blocks(page: PdfPage, furniture: set[int],
                 boxes: Sequence[tuple[float, float, float, float]]) -> list[Block]:
    """A block for each line of ``page`` that is neither furniture (``furniture``: the page's
    line indices) nor inside a table box."""
    return [Block(line.x0, line.x1, line.top, line.bottom, line)
            for i, line in enumerate(page.lines)
            if i not in furniture and not (boxes and any(inside(line, box) for box in boxes))]


def _rule_tables(page: PdfPage, ruled: Sequence[RawTable]) -> list[RawTable]:
    """Tables ruled only across (top, header, bottom rules) on ``page``, read from the lines
    between the rules, which the reader cut into cells."""
    out = []
    for box in page.rule_boxes:
        if any(_overlap(box, t.bbox) for t in ruled):
            continue
        pieces = [piece for piece in page.cell_pieces if inside(piece, box)]
        grid = table_in_rules([Block(l.x0, l.x1, l.top, l.bottom, line=l) for l in pieces])
        if grid is not None:
            out.append(RawTable(page.number, box, grid, ruled=False))
    return out


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def join_split_headings(items: list[_Item]) -> list[_Item]:
    """One heading set on two lines of a narrow column ("HASIL DAN" / "PEMBAHASAN") becomes
    one line, so it is found as a heading and starts its own paragraph."""
    out: list[_Item] = []
    for item in items:
        prev = out[-1] if out else None
        if (prev is not None and prev.line is not None and item.line is not None
                and (prev.page, prev.column) == (item.page, item.column)
                and len(prev.line.text) <= SPLIT_HEADING_CHARS and len(item.line.text) <= SPLIT_HEADING_CHARS
                and not match_heading(prev.line.text)
                and match_heading(f"{prev.line.text} {item.line.text}")):
            a, b = prev.line, item.line
            out[-1] = _Item(prev.page, prev.column, line=Line(f"{a.text} {b.text}", min(a.x0, b.x0),
                                                             max(a.x1, b.x1), a.top, b.bottom))
            continue
        out.append(item)
    return out


def _vocabulary(items: Sequence[_Item]) -> set[str]:
    """The words (WORD) of the prose lines, lower case: the ASCII lines (nearly all) cut in C,
    the others by the regex."""
    texts = [item.line.text for item in items if item.line is not None]
    vocabulary = _ascii_words("\n".join(text for text in texts if text.isascii()))
    others = "\n".join(text for text in texts if not text.isascii())
    vocabulary.update(w.lower() for w in WORD.findall(others))
    return vocabulary


def _ascii_words(text: str) -> set[str]:
    """WORD's matches in an ASCII ``text``, lower case: each run of word characters and hyphens
    holds one, from the run's first letter on."""
    runs = set(text.lower().encode("ascii").translate(WORD_BYTES).split())
    words = {run.lstrip(b"0123456789_-").decode("ascii") for run in runs}
    words.discard("")
    return words


def _page_metrics(items: Sequence[_Item]) -> dict[tuple[int, int], tuple[float, float, float, int]]:
    """(page, column) -> (usual gap between lines, left edge, right edge, number of lines)."""
    groups: dict[tuple[int, int], list[_Item]] = {}
    for item in items:
        if item.line is not None:
            groups.setdefault((item.page, item.column), []).append(item)
    metrics = {}
    for key, group in groups.items():
        gaps = [b.line.top - a.line.bottom for a, b in zip(group, group[1:])
                if 0 <= b.line.top - a.line.bottom < 3 * a.height]
        gap = stats.median(gaps) if gaps else 0.3 * group[0].height
        metrics[key] = (gap, min(i.line.x0 for i in group), max(i.line.x1 for i in group), len(group))
    return metrics


def _breaks(prev: _Item, cur: _Item, metrics, caption: bool = False, solitary: bool = False) -> bool:
    """Does a new paragraph start at ``cur``? ``solitary``: a wide gap follows ``cur`` (a lone
    line at a page top, such as a running head only one page has, takes no sentence over)."""
    a, b = prev.line, cur.line
    assert a is not None and b is not None
    if match_heading(a.text) or match_heading(b.text) or CAPTION.match(b.text):
        return True
    height = prev.height
    if caption and not _ends_sentence(a.text) and b.top - a.bottom < 2 * height:
        return False                                   # a caption's second line
    if prev.page != cur.page or prev.column != cur.column or b.top < a.top:
        # a column or page break: the paragraph goes on if its sentence does, and the line
        # before the break is full (runs to its column's edge) or the next starts in lower case
        if _ends_sentence(a.text) or _ends_with_note(a.text) or _font_change(prev, cur):
            return True
        if b.text[:1].islower():
            return False
        # a full line carries the sentence over only between columns of body text (a lone
        # running head or a block of front matter is not body text)
        _, _, right, count = metrics[(prev.page, prev.column)]
        body = count >= BODY_LINES and metrics[(cur.page, cur.column)][3] >= BODY_LINES
        return not (body and not solitary and a.x1 >= right - SHORT_LINE * height)
    if _font_change(prev, cur):
        return True                                    # a title over its author line
    gap, left, right, _ = metrics[(cur.page, cur.column)]
    if b.top - a.bottom > gap + GAP_BREAK * height:
        return True
    indent = INDENT_BREAK * cur.height
    if b.x0 - left > indent and b.x0 - a.x0 > indent:
        return True
    return a.x1 < right - SHORT_LINE * height and _ends_sentence(a.text)


def _ends_sentence(text: str) -> bool:
    """Does SENTENCE_END match? It spans two characters at most (``$`` may stand before a final
    newline), so only the last three are searched, not every position of a long line."""
    return SENTENCE_END.search(text[-3:]) is not None


def _ends_with_note(text: str) -> bool:
    """Does FOOTNOTE_END match (four characters at most, and a final newline)?"""
    return FOOTNOTE_END.search(text[-5:]) is not None


def _solitary(items: Sequence[_Item], metrics) -> list[bool]:
    """For each item: is it a line with no next line of its own paragraph close below it?"""
    out = []
    for item, nxt in zip(items, [*items[1:], None]):
        if item.line is None or nxt is None or nxt.line is None or (nxt.page, nxt.column) != (item.page, item.column):
            out.append(True)
            continue
        gap = metrics[(item.page, item.column)][0]
        out.append(nxt.line.top - item.line.bottom > gap + GAP_BREAK * item.height)
    return out


def _font_change(a: _Item, b: _Item) -> bool:
    """Are two lines set in different font sizes (heights)?"""
    return abs(a.height - b.height) > FONT_CHANGE * max(a.height, b.height)


def _join(writer: _Writer, prev_text: str, text: str, vocabulary: set[str]) -> int:
    """Write ``text`` after a line of the same paragraph, joining a hyphenated break; returns
    where ``text`` starts."""
    if prev_text.endswith("-") and len(prev_text) > 1 and prev_text[-2].isalnum() and text[:1].isalnum():
        head = WORD.findall(prev_text[-40:])
        tail = WORD.findall(text[:40])
        hyphenated = (head[-1] if head else "") + (tail[0] if tail else "")
        if prev_text[-2].isalpha() and text[:1].islower() and hyphenated.lower() not in vocabulary:
            writer.drop_last_char()                     # "ekspe-" + "rimen"
        return writer.write(text)[0]                    # "pre-" + "test", "ke-" + "3" keep it
    return writer.write(" " + text)[0] + 1


def layout(pages: Sequence[PdfPage], furniture: frozenset[tuple[int, int]],
           tables: dict[int, list[RawTable]],
           labels: dict[int, str]) -> tuple[str, tuple[Page, ...], tuple[Table, ...]]:
    """The normalised text of a PDF, its pages and its tables."""
    items, columns = reading_order(pages, furniture, tables)
    items = join_split_headings(items)
    vocabulary = _vocabulary(items)
    metrics = _page_metrics(items)
    writer = _Writer([])
    page_starts: dict[int, int] = {}
    out_tables: list[Table] = []
    prev: _Item | None = None
    prev_text = ""
    last_paragraph = ""
    alone = _solitary(items, metrics)
    for k, item in enumerate(items):
        if item.table is not None:
            writer.newline()
            page_starts.setdefault(item.page, writer.length)
            caption = last_paragraph if CAPTION.match(last_paragraph) else None
            table, row_starts = _write_table(writer, item.table, caption, vocabulary)
            out_tables.append(table)
            for page, start in zip(item.table.pages_of_rows(), row_starts):
                page_starts.setdefault(page, start)       # a table running over pages
            writer.newline()
            prev, prev_text, last_paragraph = None, "", ""
            continue
        text = normalise_line(item.line.text)
        if not text:
            continue
        if prev is not None and not _breaks(prev, item, metrics, bool(CAPTION.match(last_paragraph)), alone[k]):
            page_starts.setdefault(item.page, _join(writer, prev_text, text, vocabulary))
            last_paragraph += " " + text
        else:
            writer.newline()
            page_starts.setdefault(item.page, writer.length)
            writer.write(text)
            last_paragraph = text
        prev, prev_text = item, text
    text = writer.text()
    out_pages = _pages(pages, page_starts, len(text), labels, columns)
    return text, out_pages, tuple(out_tables)


def join_cell_lines(value: str, vocabulary: set[str]) -> str:
    """A cell's lines as one: a word a narrow column cut in two ("peru" / "bahan") is joined
    when the whole word is the paper's own and its first part is not; other lines get a space,
    and a hyphenated break is joined as in the prose."""
    lines = value.split("\n")
    out = lines[0]
    for line in lines[1:]:
        head, tail = _letters_end(out), LETTERS_START.match(line)
        if head and tail:
            whole = (head + tail.group()).lower()
            if whole in vocabulary and head.lower() not in vocabulary:
                out += line
                continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalnum() and line[:1].isalnum():
            out += line
            continue
        out += " " + line
    return out


def _letters_end(text: str) -> str:
    """The letters ``text`` ends with ("" if none), matched at the start of the reversed text
    (a search for them at the end tries every position of a cell that grows line by line)."""
    found = LETTERS_START.match(text[::-1])
    return found.group()[::-1] if found else ""


def _write_table(writer: _Writer, table: RawTable, caption: str | None,
                 vocabulary: set[str] = frozenset()) -> tuple[Table, list[int]]:
    start = writer.length
    rows = []
    row_starts = []
    for r, row in enumerate(table.rows):
        if r:
            writer.write("\n")
        row_starts.append(writer.length)
        cells = []
        for c, value in enumerate(row):
            if c:
                writer.write(CELL_SEPARATOR)
            value = join_cell_lines(value, vocabulary) if "\n" in value else value
            if value:
                a, b = writer.write(value)
                cells.append(Cell(value, a, b))
            else:
                cells.append(Cell("", None, None))
        rows.append(tuple(cells))
    return Table(page=table.page, rows=tuple(rows), start=start, end=writer.length,
                 caption=caption, bbox=table.bbox, ruled=table.ruled), row_starts


def _pages(pages: Sequence[PdfPage], starts: dict[int, int], length: int, labels: dict[int, str],
           columns: dict[int, int]) -> tuple[Page, ...]:
    out = []
    numbers = [p.number for p in pages]
    for k, number in enumerate(numbers):
        start = starts.get(number)
        if start is None:                      # an empty page: zero width where the next begins
            later = [starts[n] for n in numbers[k + 1:] if n in starts]
            start = later[0] if later else length
        nxt = [starts[n] for n in numbers[k + 1:] if n in starts]
        end = nxt[0] if nxt else length
        out.append(Page(number, start, max(start, end), labels.get(number), columns.get(number, 1)))
    return tuple(out)
