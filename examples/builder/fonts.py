"""Fonts for the example PDFs: DejaVu Sans when Debian's fonts-dejavu-core is installed.

DejaVu Sans covers Indonesian text and the symbols the papers print (±, χ², ≤, −, –). Without it
we fall back to Helvetica, whose WinAnsi encoding lacks χ, ≤ and −; those are spelled out in
ASCII (see :data:`HELVETICA_SUBSTITUTES`) and a warning says how to get the real glyphs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
DEJAVU_FILES = {
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
}

#: characters Helvetica (WinAnsi) cannot show -> ASCII spelling used only in the fallback
HELVETICA_SUBSTITUTES = {"−": "-", "≤": "<=", "≥": ">=", "χ": "chi"}


@dataclass(frozen=True)
class FontSet:
    regular: str
    bold: str
    italic: str
    unicode: bool  # False: Helvetica, apply HELVETICA_SUBSTITUTES

    def fit(self, text: str) -> str:
        """The text as this font set can show it."""
        if self.unicode:
            return text
        for char, ascii_ in HELVETICA_SUBSTITUTES.items():
            text = text.replace(char, ascii_)
        return text


@cache
def font_set() -> FontSet:
    """Register DejaVu Sans (regular, bold, oblique) once, or fall back to Helvetica."""
    paths = {name: DEJAVU_DIR / file for name, file in DEJAVU_FILES.items()}
    if all(p.is_file() for p in paths.values()):
        for name, path in paths.items():
            pdfmetrics.registerFont(TTFont(name, str(path)))
        return FontSet("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", unicode=True)
    log.warning("DejaVu fonts not found in %s; using Helvetica, which cannot show χ, ≤ or −. "
                "Install them with: apt-get install fonts-dejavu-core", DEJAVU_DIR)
    return FontSet("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", unicode=False)
