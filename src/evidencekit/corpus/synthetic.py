"""Synthetic papers for benchmarks and tests: our own sentences, Indonesian or English, seeded.

Each paper has the parts a real one has — title, abstract, methods (design, n, sampling, test),
results (descriptives and a test statistic with comma or point decimals), conclusion — so an
ingest does realistic work. The statistics are internally consistent: p is the two-sided p of the printed t and its df.
PDFs are drawn with reportlab (a test dependency), two pages each.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from pathlib import Path

from scipy.stats import t as student_t

#: Phrase lists by language (our own wording).
_PHRASES = {
    "id": {
        "interventions": ["pijat oksitosin", "kompres hangat payudara", "pijat punggung",
                          "perawatan payudara", "aromaterapi lavender", "senam nifas"],
        "outcomes": ["produksi ASI", "kelancaran ASI", "berat badan bayi", "kecemasan ibu nifas"],
        "title": "Efek {i} terhadap {o} pada ibu postpartum di {place}",
        "abstract": "Abstrak. Penelitian ini menilai apakah {i} mengubah {o}. Sebanyak {n} ibu "
                    "mengikuti penelitian. Hasil uji menunjukkan t({df}) = {t}; p {p}.",
        "methods": "Metode. Desain penelitian adalah pra-eksperimen dengan satu kelompok pretest "
                   "dan posttest. Sampel berjumlah {n} responden yang dipilih secara purposive. "
                   "Data dianalisis dengan uji t berpasangan pada taraf signifikansi 0,05.",
        "results": "Hasil. Rerata {o} sebelum intervensi adalah {m1} (SD {s1}) dan sesudah "
                   "intervensi {m2} (SD {s2}). Uji t berpasangan memberikan t({df}) = {t} dengan "
                   "p {p}. Sebanyak {k} responden ({pct}%) mengalami peningkatan.",
        "conclusion": "Kesimpulan. {I} dapat dipertimbangkan oleh bidan sebagai asuhan untuk "
                      "{o} di {place}.",
        "places": ["Puskesmas Sukamaju", "RSUD Kota Baru", "Klinik Bersalin Harapan", "Desa Sumberjaya"],
        "decimal": ",",
    },
    "en": {
        "interventions": ["oxytocin massage", "warm breast compress", "back massage",
                          "breast care", "lavender aromatherapy", "postnatal exercise"],
        "outcomes": ["breast-milk production", "milk flow", "infant weight gain", "maternal anxiety"],
        "title": "The effect of {i} on {o} among postpartum mothers at {place}",
        "abstract": "Abstract. This study tested whether {i} changes {o}. A total of {n} mothers "
                    "took part. The test gave t({df}) = {t}, p {p}.",
        "methods": "Methods. We used a one-group pretest-posttest pre-experimental design. The "
                   "sample was {n} respondents chosen by purposive sampling. Data were analysed "
                   "with a paired t-test at a significance level of 0.05.",
        "results": "Results. The mean {o} was {m1} (SD {s1}) before and {m2} (SD {s2}) after the "
                   "intervention. The paired t-test gave t({df}) = {t} with p {p}. In all, {k} "
                   "respondents ({pct}%) improved.",
        "conclusion": "Conclusion. Midwives may consider {i} as care for {o} at {place}.",
        "places": ["Harbour Community Clinic", "North District Hospital", "Riverside Health Post"],
        "decimal": ".",
    },
}


@dataclass(frozen=True, slots=True)
class SyntheticPaper:
    """One generated paper: its parts, in order, as paragraphs."""

    language: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs) + "\n"


def make_paper(rng: random.Random, language: str | None = None) -> SyntheticPaper:
    """A paper with consistent statistics, drawn from ``rng``."""
    lang = language or rng.choice(("id", "en"))
    ph = _PHRASES[lang]
    dec = ph["decimal"]
    n = rng.randint(12, 60)
    m1 = rng.uniform(5, 15)
    diff = rng.uniform(0.3, 4.0)
    s1, s2, sd_diff = rng.uniform(0.8, 2.5), rng.uniform(0.8, 2.5), rng.uniform(0.8, 3.0)
    t = diff / (sd_diff / math.sqrt(n))
    t = round(t, 2)                                       # p follows from the t as printed
    p = 2 * student_t.sf(t, n - 1)
    k = rng.randint(n // 2, n)

    def num(x: float, digits: int) -> str:
        return f"{x:.{digits}f}".replace(".", dec)

    values = dict(i=rng.choice(ph["interventions"]), o=rng.choice(ph["outcomes"]),
                  place=rng.choice(ph["places"]), n=n, df=n - 1, t=num(t, 2),
                  p=f"< {num(0.001, 3)}" if p < 0.001 else f"= {num(p, 3)}",
                  m1=num(m1, 2), s1=num(s1, 2), m2=num(m1 + diff, 2), s2=num(s2, 2), k=k,
                  pct=num(100 * k / n, 1))
    values["I"] = values["i"][0].upper() + values["i"][1:]
    parts = ("title", "abstract", "methods", "results", "conclusion")
    return SyntheticPaper(lang, tuple(ph[part].format(**values) for part in parts))


def write_corpus(folder: str | Path, n: int, *, pdf_fraction: float = 0.25, seed: int = 0) -> list[Path]:
    """Write ``n`` synthetic papers into ``folder`` (``pdf_fraction`` of them as PDFs); return paths."""
    if not 0 <= pdf_fraction <= 1:
        raise ValueError(f"pdf_fraction must lie in [0, 1]; got {pdf_fraction!r}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        paper = make_paper(rng)
        as_pdf = rng.random() < pdf_fraction
        path = folder / f"synthetic_{i:05d}_{paper.language}.{'pdf' if as_pdf else 'txt'}"
        if as_pdf:
            write_pdf(paper, path)
        else:
            path.write_text(paper.text, encoding="utf-8")
        paths.append(path)
    return paths


def write_pdf(paper: SyntheticPaper, path: Path) -> None:
    """A two-page PDF: title and abstract on page 1, the rest on page 2 (reportlab)."""
    try:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas
    except ImportError as exc:
        raise RuntimeError("writing synthetic PDFs needs reportlab: pip install reportlab") from exc
    from textwrap import wrap

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)   # invariant: same bytes every run
    width, height = A4
    pages = (paper.paragraphs[:2], paper.paragraphs[2:])
    for page in pages:
        y = height - 72
        for paragraph in page:
            for line in wrap(paragraph, 90):
                pdf.setFont("Helvetica", 10)
                pdf.drawString(60, y, line)
                y -= 14
            y -= 10
        pdf.showPage()
    pdf.save()
