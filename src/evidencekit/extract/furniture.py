"""Running heads, feet and page numbers of a PDF, found by repetition across pages.

A line in the top or bottom margin is furniture when it repeats (digits aside) on another page
or is a bare page number; the numbers in furniture give each page's printed label.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from evidencekit.extract.pdf import PdfPage
from evidencekit.extract.pdf_lines import Line, inside
from evidencekit.extract.text import normalise_line

#: Running heads and feet live in these top and bottom shares of the page height.
MARGIN_SHARE = 0.085
#: A bare page number, alone or as "Page 3", "Halaman 3", "3 of 9", "- 3 -".
PAGE_NUMBER = re.compile(
    r"^(?:(?:page|halaman|hal\.?)\s*)?[-–]?\s*(?P<n>\d{1,4}|[ivxlc]{1,6})\s*[-–]?"
    r"(?:\s*(?:of|dari|/)\s*\d{1,4})?$", re.IGNORECASE)
#: The same running head on different pages differs only in its digits.
DIGITS = re.compile(r"\d+")


def find_furniture(pages: Sequence[PdfPage], tables: dict[int, Sequence[tuple[float, float, float, float]]] | None = None,
                   ) -> tuple[frozenset[tuple[int, int]], dict[int, str]]:
    """Running heads/feet and page numbers: lines in the top or bottom margin that repeat (digits
    aside) on another page, or that are a bare page number. Lines inside ``tables`` (page ->
    table boxes) never are: a table's header repeated at the top of each page is the table's.
    Returns their (page, line index) and the printed page label of each page."""
    tables = tables or {}
    in_margin: list[tuple[PdfPage, int, Line]] = []
    for page in pages:
        boxes = tables.get(page.number, ())
        for i, line in enumerate(page.lines):
            if line.bottom < MARGIN_SHARE * page.height or line.top > (1 - MARGIN_SHARE) * page.height:
                if not any(inside(line, box) for box in boxes):
                    in_margin.append((page, i, line))
    templates = Counter()
    for page, _, line in in_margin:
        templates[(DIGITS.sub("#", line.text.lower()), page.number)] += 1
    pages_with = Counter(t for t, _ in templates)
    furniture: set[tuple[int, int]] = set()
    numbers: dict[int, list[tuple[int, int]]] = {}          # page -> (number, weight)
    for page, i, line in in_margin:
        bare = PAGE_NUMBER.match(line.text)
        repeated = pages_with[DIGITS.sub("#", line.text.lower())] >= 2
        if bare or repeated:
            furniture.add((page.number, i))
            weight = 2 if bare else 1            # a bare number beats "Vol 4 No 2" in a head
            numbers.setdefault(page.number, []).extend(
                (int(n), weight) for n in DIGITS.findall(line.text) if len(n) <= 4)
    return frozenset(furniture), _page_labels(pages, numbers)


def _page_labels(pages: Sequence[PdfPage], numbers: dict[int, list[tuple[int, int]]]) -> dict[int, str]:
    """The printed number of each page: the offset (printed - physical) with most votes."""
    offsets: Counter = Counter()
    for page, found in numbers.items():
        for n, weight in dict(found).items():
            offsets[n - page] += weight
    if not offsets:
        return {}
    offset, votes = offsets.most_common(1)[0]
    if votes < max(1, len(numbers) // 2):
        return {}
    return {p.number: str(p.number + offset) for p in pages}


def running_heads(pages: Sequence[PdfPage], furniture: frozenset[tuple[int, int]]) -> tuple[str, ...]:
    """The text of the running heads and feet taken out, one line per kind (lines that differ
    only in their digits count once), in page order; bare page numbers left out."""
    seen: set[str] = set()
    out: list[str] = []
    for page in pages:
        for i, line in enumerate(page.lines):
            if (page.number, i) not in furniture or PAGE_NUMBER.match(line.text):
                continue
            template = DIGITS.sub("#", line.text.lower())
            if template not in seen:
                seen.add(template)
                out.append(normalise_line(line.text))
    return tuple(out)
