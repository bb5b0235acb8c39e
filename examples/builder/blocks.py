"""The parts a paper is made of. Content modules in ``papers/`` build a :class:`Paper` from these.

Text is plain (no markup): the PDF renderer escapes it and the text renderer writes it as is, so
both files carry exactly the same words and numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

Layout = Literal["single", "two_column"]


@dataclass(frozen=True)
class JournalLine:
    """The journal, volume and page line printed above the title."""

    text: str


@dataclass(frozen=True)
class Title:
    text: str


@dataclass(frozen=True)
class Authors:
    """Author names, then one line per affiliation."""

    names: str
    affiliations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Abstract:
    """An abstract: its printed heading, one paragraph, and the keywords line."""

    heading: str
    text: str
    keywords_label: str
    keywords: str


@dataclass(frozen=True)
class Heading:
    """A section heading as printed ("METODE PENELITIAN", "Results")."""

    text: str


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Reference:
    """One entry of the reference list (set with a hanging indent)."""

    text: str


@dataclass(frozen=True)
class TableBlock:
    """A ruled table: caption above, header row(s), body rows, optional note below.

    ``widths`` are fractions of the frame width (they must sum to 1); ``span`` is "full" for a table
    that spans both columns of a two-column layout (placed on a page of its own band).
    """

    caption: str
    header: tuple[tuple[str, ...], ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    note: str | None = None
    font_size: float = 8.0
    numeric_from: int = 1  # columns from this index on are centred (numbers)

    def __post_init__(self) -> None:
        ncols = len(self.widths)
        if abs(sum(self.widths) - 1.0) > 1e-6:
            raise ValueError(f"table {self.caption!r}: widths sum to {sum(self.widths)}, not 1")
        for row in self.header + self.rows:
            if len(row) != ncols:
                raise ValueError(f"table {self.caption!r}: row {row!r} has {len(row)} cells, "
                                 f"widths give {ncols}")


Block = Union[JournalLine, Title, Authors, Abstract, Heading, Para, Reference, TableBlock]


@dataclass(frozen=True)
class Paper:
    """One example paper.

    ``front`` is the title band (journal line, title, authors, abstracts): full width in both
    layouts. ``body`` follows in one or two columns. ``running_head`` is printed at the top of
    pages after the first and must carry no digits (it is page furniture, absent from the text
    twin).
    """

    id: str
    layout: Layout
    running_head: str
    front: tuple[Block, ...]
    body: tuple[Block, ...]
    metadata_title: str = ""
    metadata_author: str = ""
    page_offset: int = 1  # printed number of the first page
    notes: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if any(ch.isdigit() for ch in self.running_head):
            raise ValueError(f"{self.id}: the running head must carry no digits "
                             "(page furniture would add numbers the text twin lacks)")
