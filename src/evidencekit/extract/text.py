"""Plain-text input and the character normalisation every reader shares.

:func:`normalise_chars` makes one canonical form of the characters (ligatures, minus signs and
dashes, odd spaces, soft hyphens, quotes); :func:`normalise_text` adds the line rules (one space
between words, no trailing blanks, at most one blank line in a row) and keeps the line structure,
because extractors downstream read statistics line by line. :func:`decode_text` turns bytes into
text or raises an error that says how to fix the file.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from evidencekit.errors import BinaryText, EmptyDocument, NotUtf8Text, NulBytes
from evidencekit.model import Cell, Page, Table

#: Between the cells of a table row in the normalised text (PDF and text input alike).
CELL_SEPARATOR = " | "
#: A Markdown table row "| a | b |" and its rule line "|---|:--:|".
MD_ROW = re.compile(r"^\s*\|.*\|\s*$")
MD_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")

#: Characters replaced one for one (or dropped). Why each matters:
CHAR_MAP: dict[str, str] = {
    # minus signs and dashes: "−3,317" must parse as a negative number; ranges "15–25" as "15-25"
    "\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\ufe63": "-", "\uff0d": "-",
    # spaces that are not U+0020 (no-break, thin, figure, narrow no-break, ideographic)
    "\u00a0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ",
    "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ",
    "\u202f": " ", "\u205f": " ", "\u3000": " ", "\t": " ",
    # invisible marks: soft hyphen, zero-width space/joiners, BOM
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
    # typographic quotes -> ASCII, so phrase and number patterns need one form only
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    # bullets and ellipsis
    "\u2026": "...",
}

#: Blocks folded with NFKC one character at a time: ligatures (ﬁ → fi), fullwidth forms and the
#: mathematical alphanumerics some journals set "asymp. Sig" in. Superscripts are left alone on
#: purpose: NFKC would turn "10²" into "102".
NFKC_RANGES: tuple[tuple[int, int], ...] = (
    (0xFB00, 0xFB06),      # Latin ligatures
    (0xFF01, 0xFF5E),      # fullwidth ASCII
    (0x1D400, 0x1D7FF),    # mathematical alphanumeric symbols
)

#: C0 controls other than newline and tab: noise from PDF text layers (pdfium marks a
#: line-end hyphen as U+0002) or a sign that a "text" file is binary.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

SPACES = re.compile(r" {2,}")
NON_ASCII = re.compile(r"[^\x00-\x7f]+")
BLANK_RUN = re.compile(r"\n{3,}")

#: Share of control characters above which decoded text is taken for a binary file.
BINARY_CONTROL_SHARE = 0.01


@cache
def _fold_table() -> dict[int, str]:
    """``str.translate`` table: :data:`CHAR_MAP`, and NFKC for the characters of :data:`NFKC_RANGES`."""
    table = {code: unicodedata.normalize("NFKC", chr(code))
             for low, high in NFKC_RANGES for code in range(low, high + 1)}
    table.update({ord(ch): mapped for ch, mapped in CHAR_MAP.items()})
    return table


def normalise_chars(text: str) -> str:
    """Canonical characters: dashes/minus -> "-", odd spaces -> " ", ligatures unfolded,
    soft hyphens and zero-width marks dropped, curly quotes -> ASCII, CR/CRLF -> LF, other
    control characters (pdfium's U+0002 hyphen marker included) dropped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = NON_ASCII.sub(_fold_run, text)     # translate costs per character: runs only
    return CONTROL.sub("", text.replace("\t", " "))


def _fold_run(run: re.Match[str]) -> str:
    return run.group().translate(_fold_table())


def normalise_line(line: str) -> str:
    """One line: canonical characters, single spaces, no leading/trailing blanks."""
    line = normalise_chars(line)
    if "  " in line:
        line = SPACES.sub(" ", line)
    return line.strip()


def normalise_text(text: str) -> str:
    """A whole text: every line normalised, runs of blank lines cut to one, ends stripped."""
    lines = [SPACES.sub(" ", line).strip() for line in normalise_chars(text).split("\n")]
    return BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


def decode_text(data: bytes, name: str) -> str:
    """Decode a text file's bytes (UTF-8, with or without BOM; UTF-16 with a BOM).

    Raises :class:`NulBytes`, :class:`NotUtf8Text`, :class:`BinaryText` or
    :class:`EmptyDocument` with a message that says how to repair the file.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise NotUtf8Text(f"The file starts with a UTF-16 byte-order mark but is not valid "
                              f"UTF-16 ({exc.reason}); save it again as UTF-8.") from None
        return _checked(text, name)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise NulBytes(f"The file contains NUL bytes (first at byte {nul}), so it is not a plain "
                       "text file; if it is a PDF or a word-processor file, give that file "
                       "instead, or export the paper as UTF-8 text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if _looks_binary(data):
            raise BinaryText("The file looks like a binary file, not text; give the PDF itself "
                             "or export the paper as UTF-8 text.") from None
        raise NotUtf8Text(
            f"The file is not UTF-8 (byte 0x{data[exc.start]:02x} at position {exc.start}); it is "
            "probably Latin-1/Windows-1252. Convert it first, e.g. "
            f"`iconv -f latin1 -t utf-8 {name} > fixed.txt`.") from None
    return _checked(text, name)


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
    return controls > BINARY_CONTROL_SHARE * max(len(sample), 1)


def _checked(text: str, name: str) -> str:
    sample = text[:65536]
    if len(CONTROL.findall(sample)) - sample.count("\f") > BINARY_CONTROL_SHARE * max(len(sample), 1):
        raise BinaryText("The file holds many control characters, so it is not plain text; give "
                         "the PDF itself or export the paper as UTF-8 text.")
    if not text.strip():
        raise EmptyDocument("The file is empty (no text); check that the right file "
                            "was given.")
    return text


# --------------------------------------------------------------------------- text files


def read_text_layout(raw: str) -> tuple[str, tuple[Page, ...], tuple[Table, ...]]:
    """The normalised text of a text file, its pages and its tables.

    Line structure is kept (one blank line at most in a row). A form feed starts a new page
    (pages are empty when there is none). Two or more consecutive lines with tabs, or a Markdown
    table, are a table: one line per row, cells joined by " | ".
    """
    parts: list[str] = []
    length = 0
    tables: list[Table] = []
    starts: list[int] = []
    raw_pages = raw.replace("\r\n", "\n").replace("\r", "\n").split("\f")
    for raw_page in raw_pages:
        starts.append(length)
        lines = raw_page.split("\n")
        i, blank = 0, 0
        while i < len(lines):
            run = _table_run(lines, i)
            if run is not None:
                i, grid = run
                if parts and not parts[-1].endswith("\n"):
                    parts.append("\n")
                    length += 1
                table, text = _text_table(grid, length, len(starts) if len(raw_pages) > 1 else None)
                tables.append(table)
                parts.append(text + "\n")
                length += len(text) + 1
                blank = 0
                continue
            line = normalise_line(lines[i])
            i += 1
            if not line:
                blank += 1
                if blank == 1 and length:
                    parts.append("\n")
                    length += 1
                continue
            blank = 0
            parts.append(line + "\n")
            length += len(line) + 1
    text = "".join(parts).rstrip("\n")
    pages: tuple[Page, ...] = ()
    if len(raw_pages) > 1:
        ends = [min(s, len(text)) for s in starts[1:]] + [len(text)]
        pages = tuple(Page(k + 1, min(a, len(text)), b) for k, (a, b) in enumerate(zip(starts, ends)))
    return text, pages, tuple(tables)


def _table_run(lines: list[str], i: int) -> tuple[int, list[list[str]]] | None:
    """(index after the run, cell grid) when a table starts at line ``i``."""
    j = i
    while j < len(lines) and "\t" in lines[j] and lines[j].strip():
        j += 1
    if j - i >= 2:
        return j, [line.split("\t") for line in lines[i:j]]
    j = i
    while j < len(lines) and MD_ROW.match(lines[j]):
        j += 1
    rows = [line.strip()[1:-1].split("|") for line in lines[i:j] if not MD_RULE.match(line)]
    if j - i >= 2 and len(rows) >= 2:
        return j, rows
    return None


def _text_table(grid: list[list[str]], start: int, page: int | None) -> tuple[Table, str]:
    cleaned = [[normalise_line(c) for c in row] for row in grid]
    width = max(len(row) for row in cleaned)
    pieces: list[str] = []
    pos = start
    rows = []
    for r, row in enumerate(cleaned):
        row = row + [""] * (width - len(row))
        if r:
            pieces.append("\n")
            pos += 1
        cells = []
        for c, value in enumerate(row):
            if c:
                pieces.append(CELL_SEPARATOR)
                pos += len(CELL_SEPARATOR)
            cells.append(Cell(value, pos, pos + len(value)) if value else Cell("", None, None))
            pieces.append(value)
            pos += len(value)
        rows.append(tuple(cells))
    text = "".join(pieces)
    return Table(page=page, rows=tuple(rows), start=start, end=start + len(text), ruled=False), text
