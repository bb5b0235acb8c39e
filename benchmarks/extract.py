"""Extraction time per page on the shared PDFs, against pypdfium2's plain text in the same process.

Run: .venv/bin/python benchmarks/extract.py [REPEATS]
For each PDF of ../shared/pdf it times (median of REPEATS warm runs):

* ``pdfium``: pypdfium2 plain text of every page (open, ``get_text_range()``, close) — the peer;
* ``statistics``: :func:`find_statistics` on the already read document;
* ``extract``: the whole extract step, ``pipeline.process(path, until="extract")`` — reading
  (layout, sections, tables) plus statistics, record and review;

and prints ms/page for each and the ratios to pdfium (the issue's target: extract ≤ 5×).
Loading spaCy and the lexicons happens once, in a warm-up run that is not timed.
"""

from __future__ import annotations

import statistics as st
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

from evidencekit import pipeline
from evidencekit.extract.read import read_document
from evidencekit.extract.statistics import find_statistics

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "pdf"
TARGET_RATIO = 5.0


def pdfium_text(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    try:
        chars = 0
        for page in pdf:
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
        return chars
    finally:
        pdf.close()


def timed(fn, repeats: int) -> float:
    """Median seconds of ``repeats`` calls of ``fn`` (after one untimed warm-up call)."""
    fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return st.median(times)


def main(repeats: int = 5) -> None:
    paths = sorted(SHARED.glob("*.pdf"))
    rows = []
    for path in paths:
        document = read_document(path)
        pages = len(document.pages)
        base = timed(lambda: pdfium_text(path), repeats)
        stats = timed(lambda: find_statistics(document), repeats)
        whole = timed(lambda: pipeline.process(path, until="extract"), repeats)
        rows.append((path.stem, pages, base, stats, whole))
    print(f"{'file':<24}{'pages':>6}{'pdfium ms/p':>13}{'stats ms/p':>12}{'extract ms/p':>14}"
          f"{'stats/pdfium':>14}{'extract/pdfium':>16}")
    for stem, pages, base, stats, whole in rows:
        print(f"{stem:<24}{pages:>6}{1000 * base / pages:>13.2f}{1000 * stats / pages:>12.2f}"
              f"{1000 * whole / pages:>14.2f}{stats / base:>14.2f}{whole / base:>16.2f}")
    n = sum(r[1] for r in rows)
    base, stats, whole = (sum(r[i] for r in rows) for i in (2, 3, 4))
    print(f"{'all':<24}{n:>6}{1000 * base / n:>13.2f}{1000 * stats / n:>12.2f}{1000 * whole / n:>14.2f}"
          f"{stats / base:>14.2f}{whole / base:>16.2f}")
    verdict = "meets" if whole / base <= TARGET_RATIO else "misses"
    print(f"whole extract step: {whole / base:.1f}x pdfium plain text per page ({verdict} the {TARGET_RATIO:.0f}x target)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
