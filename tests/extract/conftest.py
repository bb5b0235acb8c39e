"""Helpers for the reading tests: small PDFs drawn with ReportLab inside the tests.

Every text here is written by us (Indonesian and English one-liners); nothing comes from the
seed papers, which the tests read from ../shared through the fixtures of tests/conftest.py.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = "Vera"          # bundled with ReportLab, so no system fonts are needed
FONT_FILE = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
A4 = (595.0, 842.0)


@dataclass
class Text:
    x: float
    top: float          # from the top of the page, like pdfplumber
    text: str
    size: float = 10.0


@dataclass
class Rule:
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class PageSpec:
    texts: list[Text] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)


def draw_pdf(pages: list[PageSpec], *, encrypt: str | None = None) -> bytes:
    """A PDF whose pages hold exactly these strings and ruled lines."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE)))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt, invariant=1)
    for page in pages:
        for t in page.texts:
            c.setFont(FONT, t.size)
            c.drawString(t.x, A4[1] - t.top - t.size * 0.8, t.text)
        for r in page.rules:
            c.line(r.x0, A4[1] - r.top, r.x1, A4[1] - r.bottom)
        c.showPage()
    c.save()
    return buffer.getvalue()


def lines_at(x: float, top: float, texts: list[str], leading: float = 13.0,
             size: float = 10.0) -> list[Text]:
    """Texts set one under the other from (x, top)."""
    return [Text(x, top + i * leading, t, size) for i, t in enumerate(texts)]


def ruled_table(x0: float, top: float, widths: list[float], rows: list[list[str]],
                height: float = 18.0) -> PageSpec:
    """A fully ruled grid with one string per cell."""
    spec = PageSpec()
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                spec.texts.append(Text(xs[c] + 3, top + r * height + 4, value, 9))
    bottom = top + len(rows) * height
    for r in range(len(rows) + 1):
        y = top + r * height
        spec.rules.append(Rule(xs[0], y, xs[-1], y))
    for x in xs:
        spec.rules.append(Rule(x, top, x, bottom))
    return spec


@pytest.fixture
def write_pdf(tmp_path):
    """write_pdf(pages, name="x.pdf", encrypt=None) -> path of the written PDF."""
    def write(pages: list[PageSpec], name: str = "made.pdf", encrypt: str | None = None) -> Path:
        path = tmp_path / name
        path.write_bytes(draw_pdf(pages, encrypt=encrypt))
        return path
    return write


@pytest.fixture
def write_text(tmp_path):
    """write_text(content, name="x.txt") -> path (str is written as UTF-8, bytes as given)."""
    def write(content: str | bytes, name: str = "made.txt") -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path
    return write


@pytest.fixture(scope="session")
def kit():
    """The drawing helpers as one object (test files cannot import conftest under importlib)."""
    from types import SimpleNamespace

    return SimpleNamespace(PageSpec=PageSpec, Text=Text, Rule=Rule, draw_pdf=draw_pdf,
                           lines_at=lines_at, ruled_table=ruled_table, A4=A4)


@pytest.fixture(scope="session")
def plumber_char():
    """plumber_char(char) -> the dict pdfplumber keeps for an upright character with ``char``'s
    box and text (a :class:`evidencekit.extract.pdf_words.Char`): to run pdfplumber's own text and
    table code on characters our tests generate."""

    def as_plumber(char) -> dict:
        return {"x0": char.x0, "x1": char.x1, "top": char.top, "bottom": char.bottom, "doctop": char.top,
                "text": char.text, "upright": True, "width": char.x1 - char.x0,
                "height": char.bottom - char.top, "size": char.bottom - char.top}

    return as_plumber


@pytest.fixture(scope="session")
def read_seed(shared_dir):
    """read_seed(stem, kind) -> the seed's Document, read once per test session ("txt" | "pdf")."""
    from functools import cache

    from evidencekit.extract.read import read_document

    @cache
    def read(stem: str, kind: str):
        folder = shared_dir / ("seeds" if kind == "txt" else "pdf")
        return read_document(folder / f"{stem}.{kind}")
    return read
