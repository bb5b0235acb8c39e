"""Reading speed: evidencekit's reader vs pdfplumber and pypdfium2 on the shared PDFs.

Prints ms/page per file for
  ours       evidencekit.extract.read.read_document (text, order, furniture, tables, sections, language)
  plumber    pdfplumber page.extract_text() on every page
  pdfium     pypdfium2 textpage.get_text_range() on every page
run side by side (each repeat runs the three in turn, the median is kept), then the same on
the pages that may hold ruled tables (enough paths drawn) and on the pages without (a sub-PDF
of those pages, so our reader runs end to end on them), with the ratios. The issue's target:
on pages without tables, ours <= 3x pdfium.

Usage: .venv/bin/python benchmarks/read.py [PDF ...] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber
import pypdfium2

from evidencekit.extract.pdf_tables import MIN_PATH_OBJECTS
from evidencekit.extract.read import read_document

SHARED_PDF = Path(__file__).resolve().parents[1].parent / "shared" / "pdf"


def ours(path: Path) -> None:
    read_document(path)


def plumber(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def pdfium(path: Path) -> None:
    pdf = pypdfium2.PdfDocument(path)
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()


READERS = {"ours": ours, "plumber": plumber, "pdfium": pdfium}


def pages_with(path: Path, folder: Path, tables: bool) -> tuple[Path, int] | None:
    """A copy of ``path`` holding only its pages with (or without) enough paths for ruled
    tables (by our own test), and how many there are."""
    from evidencekit.extract.pdf import count_paths

    source = pypdfium2.PdfDocument(path)
    keep = []
    for i in range(len(source)):
        page = source[i]
        if (count_paths(page) >= MIN_PATH_OBJECTS) == tables:
            keep.append(i)
        page.close()
    if not keep:
        return None
    target = pypdfium2.PdfDocument.new()
    target.import_pages(source, keep)
    out = folder / f"{path.stem}.{'tables' if tables else 'no_tables'}.pdf"
    target.save(out)
    return out, len(keep)


def time_side_by_side(path: Path, repeat: int) -> dict[str, float]:
    runs: dict[str, list[float]] = {name: [] for name in READERS}
    for _ in range(repeat):
        for name, reader in READERS.items():
            start = time.perf_counter()
            reader(path)
            runs[name].append(time.perf_counter() - start)
    return {name: statistics.median(times) for name, times in runs.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    paths = args.pdfs or sorted(SHARED_PDF.glob("*.pdf"))
    if not paths:
        print(f"no PDFs given and none found in {SHARED_PDF}", file=sys.stderr)
        return 2
    header = f"{'file':<28}{'pages':>6}{'ours':>9}{'plumber':>9}{'pdfium':>9}{'ours/pdfium':>13}{'plumber/pdfium':>16}"
    for title, prepare in (("all pages (ms/page)", None), ("pages with tables (ms/page)", True),
                           ("pages without tables (ms/page)", False)):
        print(f"\n{title}\n{header}")
        total = {name: 0.0 for name in READERS}
        total_pages = 0
        with tempfile.TemporaryDirectory() as tmp:
            for path in paths:
                if prepare is not None:
                    made = pages_with(path, Path(tmp), prepare)
                    if made is None:
                        continue
                    target, pages = made
                else:
                    target = path
                    pdf = pypdfium2.PdfDocument(path)
                    pages = len(pdf)
                    pdf.close()
                medians = time_side_by_side(target, args.repeat)
                for name, seconds in medians.items():
                    total[name] += seconds
                total_pages += pages
                per = {n: 1000 * s / pages for n, s in medians.items()}
                print(f"{path.stem[:27]:<28}{pages:>6}{per['ours']:>9.2f}{per['plumber']:>9.2f}"
                      f"{per['pdfium']:>9.2f}{per['ours'] / per['pdfium']:>13.2f}"
                      f"{per['plumber'] / per['pdfium']:>16.2f}")
        per = {n: 1000 * s / total_pages for n, s in total.items()}
        print(f"{'all':<28}{total_pages:>6}{per['ours']:>9.2f}{per['plumber']:>9.2f}{per['pdfium']:>9.2f}"
              f"{per['ours'] / per['pdfium']:>13.2f}{per['plumber'] / per['pdfium']:>16.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
