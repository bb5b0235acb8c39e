"""The plain-text twin of a paper: the same words and numbers, one paragraph per line.

Tables are written as their caption, then one line per row with cells separated by tabs, then
the note. Page furniture (running head, page numbers) is not part of the text.
"""

from __future__ import annotations

from .blocks import (Abstract, Authors, Block, Heading, JournalLine, Paper, Para, Reference,
                     TableBlock, Title)


def block_lines(block: Block) -> list[str]:
    """The lines one block contributes to the text twin."""
    match block:
        case JournalLine(text) | Title(text) | Heading(text) | Para(text) | Reference(text):
            return [text]
        case Authors(names, affiliations):
            return [names, *affiliations]
        case Abstract(heading, text, keywords_label, keywords):
            return [heading, text, f"{keywords_label}: {keywords}"]
        case TableBlock():
            rows = ["\t".join(row) for row in block.header + block.rows]
            return [block.caption, *rows, *([block.note] if block.note else [])]
    raise TypeError(f"unknown block {block!r}")


def render_text(paper: Paper) -> str:
    """The whole paper as UTF-8 text; blocks are separated by blank lines."""
    return "\n\n".join("\n".join(block_lines(b)) for b in paper.front + paper.body) + "\n"
