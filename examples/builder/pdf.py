"""Lay a :class:`~builder.blocks.Paper` out as an A4 journal PDF with reportlab.

Single-column papers flow in one frame. Two-column papers put the title band (journal line,
title, authors, abstracts) full width at the top of page 1 and the body in two columns below it
and on every later page. Tables are fully ruled (pdfplumber finds them from the lines) and repeat
their header row when they break across pages. ``invariant=1`` fixes dates and ids, so a rebuild
is byte-identical.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame, FrameBreak, NextPageTemplate,
                                PageTemplate, Paragraph, Spacer, Table, TableStyle)
from reportlab.platypus.flowables import HRFlowable

from .blocks import (Abstract, Authors, Block, Heading, JournalLine, Paper, Para, Reference,
                     TableBlock, Title)
from .fonts import FontSet, font_set

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 2.0 * cm
MARGIN_TOP = 2.2 * cm
MARGIN_BOTTOM = 2.2 * cm
COLUMN_GAP = 0.7 * cm
FOOTER_BASELINE = 1.1 * cm      # page numbers sit below this + a few points
HEADER_BASELINE = PAGE_HEIGHT - 1.3 * cm
#: Everything printed within this distance of the top or bottom edge is page furniture
#: (running head, page number); the text twin leaves it out, and tests crop it away.
FURNITURE_BAND = 1.8 * cm
CAPTION_KEEP = 3.5 * cm          # room a table needs below its caption, or it starts a new frame
BAND_SLACK = 14                  # points added to the measured title band (spacing at frame edges)
FULL_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
COLUMN_WIDTH = (FULL_WIDTH - COLUMN_GAP) / 2


def styles(fonts: FontSet, two_column: bool) -> dict[str, ParagraphStyle]:
    """Paragraph styles by role; two-column bodies are set a little smaller."""
    body_size = 9.0 if two_column else 10.0
    base = ParagraphStyle("body", fontName=fonts.regular, fontSize=body_size,
                          leading=body_size * 1.3, alignment=TA_JUSTIFY, spaceAfter=5)
    return {
        "body": base,
        "journal": ParagraphStyle("journal", base, fontName=fonts.italic, fontSize=8.5,
                                  leading=11, alignment=TA_CENTER, spaceAfter=8),
        "title": ParagraphStyle("title", base, fontName=fonts.bold, fontSize=14, leading=18,
                                alignment=TA_CENTER, spaceAfter=8),
        "authors": ParagraphStyle("authors", base, fontSize=10, leading=13, alignment=TA_CENTER,
                                  spaceAfter=2),
        "affiliation": ParagraphStyle("affiliation", base, fontName=fonts.italic, fontSize=8.5,
                                      leading=11, alignment=TA_CENTER, spaceAfter=2),
        "abstract_heading": ParagraphStyle("abstract_heading", base, fontName=fonts.bold,
                                           fontSize=9.5, alignment=TA_LEFT, spaceBefore=8,
                                           spaceAfter=3),
        "abstract": ParagraphStyle("abstract", base, fontSize=9, leading=11.7, leftIndent=12,
                                   rightIndent=12, spaceAfter=3),
        "keywords": ParagraphStyle("keywords", base, fontName=fonts.italic, fontSize=9,
                                   leading=11.7, leftIndent=12, rightIndent=12, spaceAfter=4),
        "heading": ParagraphStyle("heading", base, fontName=fonts.bold, fontSize=body_size + 0.5,
                                  alignment=TA_LEFT, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "reference": ParagraphStyle("reference", base, fontSize=body_size - 1,
                                    leading=(body_size - 1) * 1.3, alignment=TA_LEFT,
                                    leftIndent=14, firstLineIndent=-14, spaceAfter=3),
        "caption": ParagraphStyle("caption", base, fontName=fonts.bold, fontSize=body_size - 0.5,
                                  alignment=TA_LEFT, spaceBefore=6, spaceAfter=3),
        "note": ParagraphStyle("note", base, fontName=fonts.italic, fontSize=7.5, leading=9.5,
                               alignment=TA_LEFT, spaceBefore=2, spaceAfter=8),
    }


def para(text: str, style: ParagraphStyle, fonts: FontSet) -> Paragraph:
    """A paragraph of plain text (escaped: "<" in "p < 0,05" is text, not markup)."""
    return Paragraph(escape(fonts.fit(text)), style)


def table_flowable(block: TableBlock, width: float, fonts: FontSet,
                   st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Caption, a fully ruled table whose header repeats on every page, and the note."""
    size = block.font_size
    cell = ParagraphStyle("cell", st["body"], fontSize=size, leading=size * 1.25,
                          alignment=TA_LEFT, spaceAfter=0)
    cell_num = ParagraphStyle("cell_num", cell, alignment=TA_CENTER)
    head = ParagraphStyle("head", cell, fontName=fonts.bold, alignment=TA_CENTER)
    n_head = len(block.header)
    data = []
    for r, row in enumerate(block.header + block.rows):
        data.append([para(text, head if r < n_head else
                          (cell_num if c >= block.numeric_from else cell), fonts)
                     for c, text in enumerate(row)])
    table = Table(data, colWidths=[w * width for w in block.widths], repeatRows=n_head,
                  hAlign="CENTER")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, n_head - 1), colors.Color(0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    # Not keepWithNext: that would move a long table whole to the next page instead of letting
    # it break there. A conditional break keeps the caption with the header and a first row.
    out: list[Flowable] = [CondPageBreak(CAPTION_KEEP), para(block.caption, st["caption"], fonts),
                           table]
    out.append(para(block.note, st["note"], fonts) if block.note else Spacer(1, 8))
    return out


def flowables(blocks: tuple[Block, ...], width: float, fonts: FontSet,
              st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The flowables of a run of blocks set in a frame of this width."""
    out: list[Flowable] = []
    for block in blocks:
        match block:
            case JournalLine(text):
                out.append(para(text, st["journal"], fonts))
            case Title(text):
                out.append(para(text, st["title"], fonts))
            case Authors(names, affiliations):
                out.append(para(names, st["authors"], fonts))
                out.extend(para(a, st["affiliation"], fonts) for a in affiliations)
            case Abstract(heading, text, label, keywords):
                out += [para(heading, st["abstract_heading"], fonts),
                        para(text, st["abstract"], fonts),
                        para(f"{label}: {keywords}", st["keywords"], fonts)]
            case Heading(text):
                out.append(para(text, st["heading"], fonts))
            case Para(text):
                out.append(para(text, st["body"], fonts))
            case Reference(text):
                out.append(para(text, st["reference"], fonts))
            case TableBlock():
                out += table_flowable(block, width, fonts, st)
            case _:
                raise TypeError(f"unknown block {block!r}")
    return out


def band_height(items: list[Flowable], width: float) -> float:
    """Height the title band needs at full width."""
    total = 0.0
    for f in items:
        _, h = f.wrap(width, PAGE_HEIGHT)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total + BAND_SLACK


def page_furniture(paper: Paper, fonts: FontSet):
    """onPage callback: the running head (pages after the first) and the page number."""
    def draw(canvas, doc) -> None:
        canvas.saveState()
        number = paper.page_offset + doc.page - 1
        canvas.setFont(fonts.regular, 8.5)
        canvas.drawCentredString(PAGE_WIDTH / 2, FOOTER_BASELINE - 0.4 * cm, str(number))
        if doc.page > 1:
            canvas.setFont(fonts.italic, 8)
            canvas.drawString(MARGIN_X, HEADER_BASELINE, fonts.fit(paper.running_head))
            canvas.setLineWidth(0.4)
            canvas.line(MARGIN_X, HEADER_BASELINE - 4, PAGE_WIDTH - MARGIN_X, HEADER_BASELINE - 4)
        canvas.restoreState()
    return draw


def column_frames(top: float, suffix: str) -> list[Frame]:
    """Two body columns from ``top`` down to the bottom margin."""
    height = top - MARGIN_BOTTOM
    return [Frame(MARGIN_X + i * (COLUMN_WIDTH + COLUMN_GAP), MARGIN_BOTTOM, COLUMN_WIDTH, height,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                  id=f"col{i}{suffix}") for i in range(2)]


def render_pdf(paper: Paper) -> bytes:
    """The paper as PDF bytes (deterministic)."""
    fonts = font_set()
    two = paper.layout == "two_column"
    st = styles(fonts, two)
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                          topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, invariant=1,
                          title=paper.metadata_title, author=paper.metadata_author,
                          creator="evidencekit examples/make_examples.py", producer="reportlab")
    furniture = page_furniture(paper, fonts)
    top = PAGE_HEIGHT - MARGIN_TOP
    front = flowables(paper.front, FULL_WIDTH, fonts, st)
    front.append(HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceBefore=4,
                            spaceAfter=8))
    body_width = COLUMN_WIDTH if two else FULL_WIDTH
    body = flowables(paper.body, body_width, fonts, st)
    if two:
        band = band_height(front, FULL_WIDTH)
        band_frame = Frame(MARGIN_X, top - band, FULL_WIDTH, band, leftPadding=0,
                           rightPadding=0, topPadding=0, bottomPadding=0, id="band")
        doc.addPageTemplates([
            PageTemplate("first", [band_frame, *column_frames(top - band, "a")], onPage=furniture),
            PageTemplate("later", column_frames(top, "b"), onPage=furniture),
        ])
        story = [NextPageTemplate("later"), *front, FrameBreak(), *body]
    else:
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, FULL_WIDTH, top - MARGIN_BOTTOM, leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0, id="main")
        doc.addPageTemplates([PageTemplate("main", [frame], onPage=furniture)])
        story = [*front, *body]
    doc.build(story)
    return buf.getvalue()
