"""A record's bibliography: title, authors, journal, DOI and year, from the front matter, the
journal line and the running heads (the readers are in :mod:`~evidencekit.extract.fields.bibliography`)."""

from __future__ import annotations

from typing import Any

from evidencekit.extract.fields import bibliography as bib
from evidencekit.extract.record_paper import Paper
from evidencekit.model import Span


def add_bibliography(paper: Paper, values: dict[str, Any], evidence: dict[str, tuple[Span, ...]]) -> None:
    """Add title, authors, journal, DOI and year (from the front matter and running heads) to
    ``values`` and their spans to ``evidence``."""
    front = paper.named("front")
    front_text, front_start = (paper.slice(front[0]), front[0].start) if front else ("", 0)
    title = bib.find_title(front_text, front_start) if front_text else None
    if title and (len(title.value) > 250 or ". " in title.value):
        title = None                     # the "front" was an unheaded abstract, not a title block
    if title is not None:
        authors = bib.find_authors(front_text, title.end - front_start, front_start)
    else:
        authors = None
        title = bib.find_quoted_title(paper.text)
    for name, found in (("title", title), ("authors", authors)):
        if found:
            values[name] = found.value
            evidence[name] = (paper.span(found.start, found.end),)
    _journal_and_year(paper, values, evidence)


def _journal_and_year(paper: Paper, values: dict[str, Any], evidence: dict[str, tuple[Span, ...]]) -> None:
    """DOI, journal and year. The journal line ("Jurnal X, Vol 5 No 1, May 2022") gives the year;
    it is looked for in the text, then in the running heads the reader took out of it (which
    have no offsets to cite). Without one, the year is the latest the paper's own parts mention."""
    furniture = "\n".join(paper.document.furniture)
    doi = bib.find_doi(_head_text(paper))
    if doi is not None:
        values["doi"], evidence["doi"] = doi.value, (paper.span(doi.start, doi.end),)
    elif furniture and (doi := bib.find_doi(furniture)) is not None:
        values["doi"] = doi.value
    body_end = min((p.start for p in paper.named("references")), default=len(paper.text))
    journal = bib.find_journal(paper.text[:body_end])
    if journal is not None:
        values["journal"], evidence["journal"] = journal[0].value, (paper.span(journal[0].start, journal[0].end),)
        if journal[1] is not None:
            values["year"], evidence["year"] = journal[1].value, (paper.span(journal[1].start, journal[1].end),)
            return
    elif furniture and (journal := bib.find_journal(furniture)
                        or bib.find_journal(" ".join(paper.document.furniture))) is not None:
        # a running head may come as two lines ("GLOBAL HEALTH SCIENCE," / "Volume 7 …, 2022")
        values["journal"] = journal[0].value
        if journal[1] is not None:
            values["year"] = journal[1].value
            return
    # the study period and table captions: a paper is not older than the latest year it reports.
    # Introduction and discussion are left out (targets such as "2030", other studies).
    years = [y for p in paper.ranked() for y in bib.find_years(paper.slice(p), p.start)]
    if years:
        year = max(years, key=lambda y: (y.value, -y.start))
        values["year"], evidence["year"] = year.value, (paper.span(year.start, year.end),)


def _head_text(paper: Paper) -> str:
    """Front matter and the first page: where a paper prints its own DOI."""
    end = 0
    for p in paper.places:
        if p.name in ("front", "abstract", "abstract_en", "title"):
            end = max(end, p.end)
    if paper.document.pages:
        end = max(end, paper.document.pages[0].end)
    return paper.text[:end or min(len(paper.text), 3000)]
