"""Extraction time per page on the shared PDFs (and our example PDFs), stage by stage, against
pypdfium2's plain text in the same process.

Run: .venv/bin/python benchmarks/extract.py [REPEATS] [--examples]
For each PDF of ../shared/pdf (with --examples also examples/*.pdf) it times, as the median of
REPEATS warm runs:

* ``pdfium``: pypdfium2 plain text of every page (open, ``get_text_range()``, close) — the peer;
* ``read``: :func:`read_document` (layout, sections, tables: the reading engineer's part);
* ``stats``: :func:`find_statistics` on the already read document;
* ``review``: :func:`is_review`, and :func:`find_studies` when it is one;
* ``record``: :func:`find_record` (given the statistics);
* ``extract``: the whole extract step, ``pipeline.process(path, until="extract")``;

and prints ms/page for each and each one's ratio to pdfium (the issue's target: extract ≤ 5×).
Loading spaCy and the lexicons happens once, in a warm-up run that is not timed. Caches keyed by
a paper's own text (:data:`TEXT_CACHES`) are emptied before every timed call, so a repeated paper
costs what a new one would. The machine is
shared: compare ratios from one run, not absolute times across runs.
"""

from __future__ import annotations

import statistics as st
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

from evidencekit import pipeline
from evidencekit.extract.read import read_document
from evidencekit.extract.record import find_record
from evidencekit.extract.review import find_studies, is_review
from evidencekit.extract.sections import match_heading
from evidencekit.extract.statistics import find_statistics
from evidencekit.vocab import DocumentKind

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "pdf"
TARGET_RATIO = 5.0
#: Memoised functions whose keys are a paper's text (not lexicon data): cold for every timed call.
TEXT_CACHES = (match_heading,)
STAGES = ("pdfium", "read", "stats", "review", "record", "extract")


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
    """Median seconds of ``repeats`` calls of ``fn`` (after one untimed warm-up call), each
    with :data:`TEXT_CACHES` emptied first."""
    fn()
    times = []
    for _ in range(repeats):
        for cached in TEXT_CACHES:
            cached.cache_clear()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return st.median(times)


def stage_times(path: Path, repeats: int) -> tuple[int, dict[str, float]]:
    """(pages, seconds per stage) of one PDF."""
    document = read_document(path)
    statistics, _ = find_statistics(document)
    review = is_review(document)
    kind = DocumentKind.REVIEW if review else DocumentKind.PRIMARY

    def review_stage():
        if is_review(document):
            find_studies(document)

    return len(document.pages), {
        "pdfium": timed(lambda: pdfium_text(path), repeats),
        "read": timed(lambda: read_document(path), repeats),
        "stats": timed(lambda: find_statistics(document), repeats),
        "review": timed(review_stage, repeats),
        "record": timed(lambda: find_record(document, statistics, kind=kind), repeats),
        "extract": timed(lambda: pipeline.process(path, until="extract"), repeats),
    }


def main(repeats: int = 5, examples: bool = False) -> None:
    paths = sorted(SHARED.glob("*.pdf")) + (sorted((ROOT / "examples").glob("*.pdf")) if examples else [])
    rows = [(path.stem, *stage_times(path, repeats)) for path in paths]
    print("ms/page" + " " * 21 + "pages" + "".join(f"{s:>9}" for s in STAGES) + "  extract/pdfium")
    for stem, pages, t in rows:
        print(f"{stem[:27]:<28}{pages:>5}" + "".join(f"{1000 * t[s] / pages:>9.2f}" for s in STAGES)
              + f"{t['extract'] / t['pdfium']:>16.1f}")
    n = sum(r[1] for r in rows)
    total = {s: sum(r[2][s] for r in rows) for s in STAGES}
    print(f"{'all':<28}{n:>5}" + "".join(f"{1000 * total[s] / n:>9.2f}" for s in STAGES)
          + f"{total['extract'] / total['pdfium']:>16.1f}")
    print("ratio to pdfium per page: " + ", ".join(f"{s} {total[s] / total['pdfium']:.1f}x" for s in STAGES[1:]))
    ratio = total["extract"] / total["pdfium"]
    verdict = "meets" if ratio <= TARGET_RATIO else "misses"
    print(f"whole extract step: {ratio:.1f}x pdfium plain text per page ({verdict} the {TARGET_RATIO:.0f}x target)")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 5, examples="--examples" in sys.argv)
