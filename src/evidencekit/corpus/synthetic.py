"""Synthetic papers for benchmarks and tests: our own sentences, Indonesian or English, seeded.

Each paper has the parts a real one has — title, abstract, introduction, methods (design, n,
sampling, test), results (respondents by age, descriptives and a test statistic with comma or
point decimals), discussion, conclusion, references — so an ingest does realistic work (a PDF
has 2–3 pages; a real paper of the seed corpus has 6–8). The numbers are internally consistent:
age counts sum to n with percents count/n, and p is the two-sided p of the printed t and its df.
PDFs are drawn with reportlab (a test dependency).
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
        "headings": {"introduction": "Pendahuluan", "methods": "Metode Penelitian", "results": "Hasil",
                     "discussion": "Pembahasan", "conclusion": "Kesimpulan", "references": "Daftar Pustaka"},
        "intro": ["Masa nifas adalah waktu ketika ibu memulihkan diri dan mulai menyusui bayinya.",
                  "Banyak ibu merasa ASI keluar sedikit pada hari-hari pertama setelah melahirkan.",
                  "Bidan di {place} sering menerima keluhan tentang {o}.",
                  "{I} adalah asuhan sederhana yang dapat diberikan oleh keluarga di rumah.",
                  "Rangsangan pada punggung dan payudara diduga membantu pengeluaran hormon menyusui.",
                  "Data dinas kesehatan setempat menunjukkan cakupan ASI eksklusif masih rendah.",
                  "Penelitian sebelumnya memberikan hasil yang belum seragam tentang {i}.",
                  "Oleh karena itu peneliti ingin menilai {i} pada ibu di {place}."],
        "ages": ["20–25 tahun", "26–30 tahun", "lebih dari 30 tahun"],
        "characteristics": "Karakteristik responden menurut umur: {a0} {c0} orang ({p0}%), "
                           "{a1} {c1} orang ({p1}%), dan {a2} {c2} orang ({p2}%).",
        "discussion": ["Hasil ini sejalan dengan pengamatan bidan di lapangan.",
                       "Ibu yang merasa nyaman cenderung lebih sering menyusui bayinya.",
                       "Dukungan suami dan keluarga juga ikut menentukan keberhasilan menyusui.",
                       "Jumlah sampel yang kecil membatasi kesimpulan penelitian ini.",
                       "Penelitian ini tidak memakai kelompok pembanding sehingga pengaruh waktu tidak dapat dipisahkan.",
                       "Pengukuran {o} dilakukan oleh peneliti yang mengetahui perlakuan.",
                       "Penelitian lanjutan dengan kelompok kontrol dan sampel acak sangat dianjurkan."],
        "day": "Pada pengukuran hari ke-{d}, rerata {o} sebelum intervensi {m1} (SD {s1}) dan sesudah "
               "intervensi {m2} (SD {s2}); uji t berpasangan memberikan t({df}) = {t} dengan p {p}.",
        "reference": "{author} ({year}). Catatan tentang {topic}. Jurnal Kebidanan Nusantara, {vol}({issue}), {page}.",
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
        "headings": {"introduction": "Introduction", "methods": "Methods", "results": "Results",
                     "discussion": "Discussion", "conclusion": "Conclusion", "references": "References"},
        "intro": ["The weeks after birth are when mothers recover and start to breastfeed.",
                  "Many mothers feel that little milk comes in during the first days after delivery.",
                  "Midwives at {place} often hear concerns about {o}.",
                  "{I} is simple care that family members can give at home.",
                  "Touch on the back and breasts is thought to help the hormones of lactation.",
                  "Local health office figures show that exclusive breastfeeding is still uncommon.",
                  "Earlier studies of {i} have not agreed with one another.",
                  "We therefore set out to assess {i} among mothers at {place}."],
        "ages": ["20–25 years", "26–30 years", "over 30 years"],
        "characteristics": "Respondents by age: {a0}, {c0} ({p0}%); {a1}, {c1} ({p1}%); "
                           "{a2}, {c2} ({p2}%).",
        "discussion": ["This finding matches what midwives see in practice.",
                       "Mothers who feel at ease tend to feed their babies more often.",
                       "Support from partners and relatives also shapes how breastfeeding goes.",
                       "The small sample limits what this study can conclude.",
                       "With no comparison group, the effect of time alone cannot be separated out.",
                       "The person measuring {o} knew who had received the care.",
                       "Further studies with a control group and random sampling are needed."],
        "day": "On day {d}, the mean {o} was {m1} (SD {s1}) before and {m2} (SD {s2}) after the "
               "intervention; the paired t-test gave t({df}) = {t} with p {p}.",
        "reference": "{author} ({year}). Notes on {topic}. Journal of Community Midwifery, {vol}({issue}), {page}.",
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


def make_paper(rng: random.Random, language: str | None = None, *, scale: int = 1) -> SyntheticPaper:
    """A paper with consistent statistics, drawn from ``rng``; ``scale`` k makes the introduction,
    the measurements and the discussion k times longer (k = 5 is about a real paper's length)."""
    if scale < 1:
        raise ValueError(f"scale must be at least 1; got {scale!r}")
    lang = language or rng.choice(("id", "en"))
    ph = _PHRASES[lang]
    dec = ph["decimal"]
    n = rng.randint(12, 60)

    def num(x: float, digits: int) -> str:
        return f"{x:.{digits}f}".replace(".", dec)

    def measurement() -> dict[str, str]:
        """Pre/post means and SDs with the paired t and its p (p from the t as printed)."""
        m1, diff = rng.uniform(5, 15), rng.uniform(0.3, 4.0)
        s1, s2, sd_diff = rng.uniform(0.8, 2.5), rng.uniform(0.8, 2.5), rng.uniform(0.8, 3.0)
        t = round(diff / (sd_diff / math.sqrt(n)), 2)
        p = 2 * student_t.sf(t, n - 1)
        return dict(m1=num(m1, 2), s1=num(s1, 2), m2=num(m1 + diff, 2), s2=num(s2, 2), t=num(t, 2),
                    p=f"< {num(0.001, 3)}" if p < 0.001 else f"= {num(p, 3)}")

    k = rng.randint(n // 2, n)
    values = dict(i=rng.choice(ph["interventions"]), o=rng.choice(ph["outcomes"]),
                  place=rng.choice(ph["places"]), n=n, df=n - 1, k=k, pct=num(100 * k / n, 1),
                  **measurement())
    values["I"] = values["i"][0].upper() + values["i"][1:]
    counts = _split(rng, n, len(ph["ages"]))
    for j, (age, count) in enumerate(zip(ph["ages"], counts)):
        values |= {f"a{j}": age, f"c{j}": count, f"p{j}": num(100 * count / n, 1)}
    h = ph["headings"]

    def pick(bank: str, k: int) -> str:
        return " ".join(rng.sample(ph[bank], k)).format(**values)

    references = [ph["reference"].format(author=f"{rng.choice(_SURNAMES)}, {rng.choice('ABDMRS')}.",
                                         year=rng.randint(2012, 2023), topic=rng.choice(ph["outcomes"]),
                                         vol=rng.randint(1, 14), issue=rng.randint(1, 4),
                                         page=rng.randint(1, 120)) for _ in range(12)]
    paragraphs = (
        ph["title"].format(**values), ph["abstract"].format(**values),
        h["introduction"], *(pick("intro", k) for _ in range(scale) for k in (6, 5, 4)),
        h["methods"], ph["methods"].format(**values),
        h["results"], ph["characteristics"].format(**values), ph["results"].format(**values),
        *(ph["day"].format(**(values | measurement() | {"d": d}))
          for d in range(2, 2 + scale * rng.randint(2, 5))),
        h["discussion"], *(pick("discussion", k) for _ in range(scale) for k in (5, 4, 6)),
        h["conclusion"], ph["conclusion"].format(**values),
        h["references"], *references,
    )
    return SyntheticPaper(lang, paragraphs)


#: Invented surnames for reference lists.
_SURNAMES = ("Lestari", "Wibowo", "Hartono", "Siregar", "Nugroho", "Pratiwi", "Okafor", "Lindqvist",
             "Moreau", "Tanaka", "Hughes", "Castillo")


def _split(rng: random.Random, n: int, parts: int) -> list[int]:
    """``n`` as ``parts`` positive counts that sum to ``n``."""
    cuts = sorted(rng.sample(range(1, n), parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, n])]


def write_corpus(folder: str | Path, n: int, *, pdf_fraction: float = 0.25, seed: int = 0,
                 scale: int = 1) -> list[Path]:
    """Write ``n`` synthetic papers into ``folder`` (``pdf_fraction`` of them as PDFs); return paths."""
    if not 0 <= pdf_fraction <= 1:
        raise ValueError(f"pdf_fraction must lie in [0, 1]; got {pdf_fraction!r}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        paper = make_paper(rng, scale=scale)
        as_pdf = rng.random() < pdf_fraction
        path = folder / f"synthetic_{i:05d}_{paper.language}.{'pdf' if as_pdf else 'txt'}"
        if as_pdf:
            write_pdf(paper, path)
        else:
            path.write_text(paper.text, encoding="utf-8")
        paths.append(path)
    return paths


def write_pdf(paper: SyntheticPaper, path: Path) -> None:
    """A small A4 PDF, paragraphs flowing over as many pages as they need (reportlab)."""
    try:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas
    except ImportError as exc:
        raise RuntimeError("writing synthetic PDFs needs reportlab: pip install reportlab") from exc
    from textwrap import wrap

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)   # invariant: same bytes every run
    _, height = A4
    top, bottom, leading = height - 72, 72, 15
    y = top
    for paragraph in paper.paragraphs:
        for line in wrap(paragraph, 88):
            if y < bottom:
                pdf.showPage()
                y = top
            pdf.setFont("Helvetica", 10.5)
            pdf.drawString(60, y, line)
            y -= leading
        y -= 8
    pdf.showPage()
    pdf.save()
