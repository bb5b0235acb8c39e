"""The one data model of evidencekit: plain frozen dataclasses, JSON in/out per CONTRACT.md.

Reading gives a :class:`Document` (normalised text, pages, sections, tables). Extraction gives
:class:`Statistic`, :class:`Descriptive`, :class:`PercentCount`, :class:`FrequencyTable` and a
:class:`StudyRecord`; checks give :class:`Flag`. A :class:`DocumentResult` carries all of them and
is what ``evidencekit extract --format json`` writes (one entry of ``documents``).

JSON field names live only in the ``to_dict``/``from_dict`` methods of this module.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from typing import Any, Iterable, Union

from evidencekit.vocab import (
    CheckId,
    Design,
    DesignFamily,
    DocumentKind,
    POperator,
    Sampling,
    Severity,
    Source,
    StatKind,
    TestName,
)

CONTRACT_VERSION = 1


# --------------------------------------------------------------------------- numbers and places


@dataclass(frozen=True, slots=True)
class Reported:
    """A number as the paper printed it.

    ``value`` is the parsed float ("0,874" -> 0.874), ``decimals`` the printed precision (3: the
    value stands for [0.8735, 0.8745]) and ``text`` the characters as printed.
    """

    value: float
    decimals: int
    text: str

    @classmethod
    def exact(cls, value: float) -> "Reported":
        """A number that was not printed (computed or given by the caller): precision unknown, so
        we give it the decimals of its shortest repr."""
        s = repr(float(value))
        decimals = 0 if "e" in s or s.endswith(".0") else len(s.split(".")[1])
        return cls(float(value), decimals, s)

    @property
    def half_unit(self) -> float:
        """Half of the last printed digit: the rounding radius of this number."""
        return 0.5 * 10.0 ** (-self.decimals)

    def bounds(self) -> tuple[float, float]:
        """The interval of true values that round to this one (half-up or half-even)."""
        return self.value - self.half_unit, self.value + self.half_unit

    def to_json(self) -> float:
        return self.value


@dataclass(frozen=True, slots=True)
class Span:
    """A range of the document's normalised text: ``document.text[start:end]`` is the evidence."""

    section: str | None
    page: int | None
    start: int
    end: int
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"section": self.section, "page": self.page, "start": self.start, "end": self.end,
                "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Span":
        return cls(d.get("section"), d.get("page"), int(d.get("start") or 0), int(d.get("end") or 0),
                   d.get("text") or "")


# --------------------------------------------------------------------------- the read document


@dataclass(frozen=True, slots=True)
class Page:
    """One page's range of the normalised text. ``number`` counts from 1 in the file;
    ``label`` is the printed page number when the page shows one."""

    number: int
    start: int
    end: int
    label: str | None = None
    columns: int = 1


@dataclass(frozen=True, slots=True)
class Section:
    """A section of the paper: ``name`` is canonical (abstract, abstract_en, introduction, methods,
    results, discussion, conclusion, references, front, other), ``heading`` as printed."""

    name: str
    heading: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "heading": self.heading, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Section":
        return cls(d["name"], d.get("heading", ""), int(d["start"]), int(d["end"]))


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell; ``start``/``end`` locate its text in the normalised text (None when empty)."""

    text: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A table as a grid of cells (rows of equal length; merged cells repeat as empty cells).

    ``start``/``end`` is the table's block in the normalised text; prose readers skip it.
    ``bbox`` is (x0, top, x1, bottom) in PDF points, None for text input.
    """

    page: int | None
    rows: tuple[tuple[Cell, ...], ...]
    start: int
    end: int
    caption: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    ruled: bool = True

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.rows), (len(self.rows[0]) if self.rows else 0)

    def grid(self) -> list[list[str]]:
        """The table as lists of strings."""
        return [[c.text for c in row] for row in self.rows]

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "caption": self.caption, "start": self.start, "end": self.end,
                "bbox": list(self.bbox) if self.bbox else None, "rows": self.grid()}


@dataclass(frozen=True, slots=True)
class Document:
    """A read document: one normalised text with an offset map to pages, sections and tables."""

    id: str
    source: str
    sha256: str
    text: str
    pages: tuple[Page, ...] = ()
    sections: tuple[Section, ...] = ()
    tables: tuple[Table, ...] = ()
    language: str | None = None
    media_type: str = "text/plain"
    #: Running heads/feet the reader took out of ``text`` ("GLOBAL HEALTH SCIENCE, Volume 7 …,
    #: September 2022"), one string per distinct line: the record reads journal and year there.
    furniture: tuple[str, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The page number holding ``offset`` (None for text input without pages)."""
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        if self.pages and offset >= self.pages[-1].start:
            return self.pages[-1].number
        return None

    def section_at(self, offset: int) -> str | None:
        """The canonical name of the section holding ``offset``."""
        found = None
        for section in self.sections:
            if section.start <= offset < section.end:
                found = section.name        # innermost/last wins
        return found

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` with page and section filled in."""
        return Span(self.section_at(start), self.page_at(start), start, end, self.text[start:end])

    def section_text(self, name: str) -> list[tuple[int, str]]:
        """(offset, text) of every section with this canonical name."""
        return [(s.start, self.text[s.start:s.end]) for s in self.sections if s.name == name]

    def in_table(self, offset: int) -> Table | None:
        for table in self.tables:
            if table.start <= offset < table.end:
                return table
        return None


# --------------------------------------------------------------------------- statistics


@dataclass(frozen=True, slots=True)
class Statistic:
    """A test result or a bare p-value / interval / ratio (every kind but descriptive and percent).

    ``df`` holds one or two degrees of freedom (F has two). ``n`` is the sample size printed with
    the statistic (r(N), χ²(df, N = …)). ``ci`` is a 95% interval when printed beside an OR/RR.
    """

    kind: StatKind
    value: Reported | None = None
    df: tuple[float, ...] | None = None
    p: Reported | None = None
    p_operator: POperator | None = None
    test: TestName | None = None
    n: int | None = None
    ci: tuple[Reported, Reported] | None = None
    one_tailed: bool = False
    label: str | None = None
    span: Span | None = None
    source: Source = Source.TEXT
    value_operator: POperator | None = None   # "t(40) > 3.00": the statistic as a bound (None: "=")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": self.kind.value,
            "value": _num(self.value),
            "df": df_to_json(self.df),
            "p": _num(self.p),
            "p_operator": self.p_operator.value if self.p_operator else None,
            "test": self.test.value if self.test else None,
        }
        if self.n is not None:
            d["n"] = self.n
        if self.ci is not None:
            d["ci95"] = [self.ci[0].value, self.ci[1].value]
        if self.one_tailed:
            d["one_tailed"] = True
        if self.label:
            d["label"] = self.label
        if self.value_operator is not None:
            d["value_operator"] = self.value_operator.value
        d["decimals"] = {k: r.decimals for k, r in (("value", self.value), ("p", self.p)) if r}
        return d | _span_fields(self.span) | {"source": self.source.value}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Statistic":
        dec = d.get("decimals") or {}
        ci = d.get("ci95")
        return cls(StatKind(d["kind"]), _reported(d.get("value"), dec.get("value")),
                   df_from_json(d.get("df")),
                   _reported(d.get("p"), dec.get("p")), _opt(POperator, d.get("p_operator")),
                   _opt(TestName, d.get("test")), d.get("n"),
                   (_reported(ci[0], None), _reported(ci[1], None)) if ci else None,
                   bool(d.get("one_tailed")), d.get("label"), _span_from(d),
                   Source(d.get("source") or "text"), _opt(POperator, d.get("value_operator")))


@dataclass(frozen=True, slots=True)
class Descriptive:
    """Summary of one group at one time: n, mean, SD, SE, median, min, max, 95% CI.

    ``group`` names the arm (intervention/control) and ``time`` the occasion (pre/post) when the
    paper says so; ``items`` is the number of items of a summed scale (GRIM granularity).
    """

    label: str | None = None
    n: int | None = None
    mean: Reported | None = None
    sd: Reported | None = None
    se: Reported | None = None
    median: Reported | None = None
    min: Reported | None = None
    max: Reported | None = None
    ci95: tuple[Reported, Reported] | None = None
    unit: str | None = None
    group: str | None = None
    time: str | None = None
    items: int | None = None
    span: Span | None = None
    source: Source = Source.TEXT

    kind = StatKind.DESCRIPTIVE

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": "descriptive", "label": self.label, "n": self.n,
            "mean": _num(self.mean), "sd": _num(self.sd), "se": _num(self.se),
            "ci95": [self.ci95[0].value, self.ci95[1].value] if self.ci95 else None,
            "min": _num(self.min), "max": _num(self.max), "median": _num(self.median),
            "unit": self.unit, "group": self.group, "time": self.time,
        }
        d["decimals"] = {k: getattr(self, k).decimals for k in ("mean", "sd", "se", "median", "min", "max")
                         if getattr(self, k) is not None}
        return d | _span_fields(self.span) | {"source": self.source.value}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Descriptive":
        dec = d.get("decimals") or {}
        num = {k: _reported(d.get(k), dec.get(k)) for k in ("mean", "sd", "se", "median", "min", "max")}
        ci = d.get("ci95")
        return cls(label=d.get("label"), n=d.get("n"), **num,
                   ci95=(_reported(ci[0], None), _reported(ci[1], None)) if ci else None,
                   unit=d.get("unit"), group=d.get("group"), time=d.get("time"),
                   span=_span_from(d), source=Source(d.get("source") or "text"))


@dataclass(frozen=True, slots=True)
class PercentCount:
    """A count with its percentage: "21 orang (87,50%)". ``n`` is the denominator when known."""

    count: int
    percent: Reported
    n: int | None = None
    label: str | None = None
    span: Span | None = None
    source: Source = Source.TEXT

    kind = StatKind.PERCENT

    def to_dict(self) -> dict[str, Any]:
        return ({"kind": "percent", "label": self.label, "count": self.count, "n": self.n,
                 "percent": self.percent.value, "decimals": {"percent": self.percent.decimals}}
                | _span_fields(self.span) | {"source": self.source.value})

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "PercentCount":
        return cls(d["count"], _reported(d["percent"], (d.get("decimals") or {}).get("percent")),
                   d.get("n"), d.get("label"), _span_from(d), Source(d.get("source") or "text"))


@dataclass(frozen=True, slots=True)
class FrequencyTable:
    """A categorical variable's distribution as printed: levels, counts, percents.

    ``codes`` are the numeric scores of the levels when the paper's summaries imply a coding.
    """

    label: str
    levels: tuple[str, ...]
    counts: tuple[int | None, ...]
    percents: tuple[Reported | None, ...]
    n: int | None = None
    codes: tuple[float, ...] | None = None
    span: Span | None = None
    source: Source = Source.TABLE

    def to_dict(self) -> dict[str, Any]:
        return ({"label": self.label, "levels": list(self.levels), "counts": list(self.counts),
                 "percents": [_num(p) for p in self.percents], "n": self.n,
                 "codes": list(self.codes) if self.codes else None}
                | _span_fields(self.span) | {"source": self.source.value})

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "FrequencyTable":
        return cls(d["label"], tuple(d.get("levels") or ()), tuple(d.get("counts") or ()),
                   tuple(_reported(p, None) for p in d.get("percents") or ()), d.get("n"),
                   tuple(d["codes"]) if d.get("codes") else None, _span_from(d),
                   Source(d.get("source") or "table"))


def statistic_from_dict(d: dict[str, Any]) -> "AnyStatistic":
    """Rebuild a statistic of any kind from its contract dict (``kind`` picks the class)."""
    kind = d.get("kind")
    if kind == StatKind.DESCRIPTIVE.value:
        return Descriptive.from_dict(d)
    if kind == StatKind.PERCENT.value:
        return PercentCount.from_dict(d)
    return Statistic.from_dict(d)


AnyStatistic = Union[Statistic, Descriptive, PercentCount]


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class MainResult:
    """The primary comparison of a study."""

    test: TestName | None = None
    statistic: StatKind | None = None
    value: float | None = None
    df: tuple[float, ...] | None = None
    p: float | None = None
    p_operator: POperator | None = None
    significant: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"test": _enum(self.test), "statistic": _enum(self.statistic), "value": self.value,
                "df": df_to_json(self.df), "p": self.p,
                "p_operator": _enum(self.p_operator), "significant": self.significant}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "MainResult":
        return cls(
            test=_opt(TestName, d.get("test")), statistic=_opt(StatKind, d.get("statistic")),
            value=d.get("value"), df=df_from_json(d.get("df")), p=d.get("p"),
            p_operator=_opt(POperator, d.get("p_operator")), significant=d.get("significant"))


@dataclass(frozen=True, slots=True)
class Candidate:
    """One value a field could take and where the paper says so (kept when places disagree)."""

    value: Any
    span: Span | None

    def to_dict(self) -> dict[str, Any]:
        v = self.value
        v = v.value if hasattr(v, "value") and not isinstance(v, (int, float)) else v
        return {"value": v, **({"evidence": self.span.to_dict()} if self.span else {})}


@dataclass(frozen=True, slots=True)
class StudyRecord:
    """One row of a review's extraction table. Unknown is None, never guessed.

    ``evidence`` maps a field name to the spans that support the chosen value; ``candidates``
    keeps every value found for a field (abstract vs methods vs tables) for the cross-checks.
    For a review's row, ``row`` is its number and ``cells`` the raw cell texts by column header.
    """

    title: str | None = None
    authors: tuple[str, ...] = ()
    year: int | None = None
    journal: str | None = None
    doi: str | None = None
    setting: str | None = None
    design: Design | None = None
    design_family: DesignFamily | None = None
    n_total: int | None = None
    n_arms: dict[str, int] = field(default_factory=dict)
    sampling: Sampling | None = None
    intervention: str | None = None
    comparator: str | None = None
    outcome: str | None = None
    instrument: str | None = None
    tests: tuple[TestName, ...] = ()
    main_result: MainResult | None = None
    evidence: dict[str, tuple[Span, ...]] = field(default_factory=dict)
    candidates: dict[str, tuple[Candidate, ...]] = field(default_factory=dict)
    alpha: float | None = None
    row: int | None = None
    cells: dict[str, str] | None = None
    p_values: tuple[Reported, ...] = ()     # review rows: every p printed in the results cell

    def citation(self) -> str | None:
        """"Surname Year" as forest plots and tables name a study (authors may be printed as
        "Given Surname" or "Surname, G."); None without authors."""
        if not self.authors:
            return None
        first = self.authors[0]
        surname = first.split(",")[0].strip() if "," in first else (first.split() or [first])[-1]
        return f"{surname} {self.year}" if self.year else surname

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "title": self.title, "authors": list(self.authors), "year": self.year,
            "journal": self.journal, "doi": self.doi, "setting": self.setting,
            "design": _enum(self.design), "design_family": _enum(self.design_family),
            "n_total": self.n_total, "n_arms": dict(self.n_arms), "sampling": _enum(self.sampling),
            "intervention": self.intervention, "comparator": self.comparator,
            "outcome": self.outcome, "instrument": self.instrument,
            "tests": [t.value for t in self.tests],
            "main_result": self.main_result.to_dict() if self.main_result else None,
            "alpha": self.alpha,
            "evidence": {k: [s.to_dict() for s in v] for k, v in self.evidence.items()},
            "candidates": {k: [c.to_dict() for c in v] for k, v in self.candidates.items()},
        }
        if self.row is not None:
            d["row"] = self.row
            d["cells"] = dict(self.cells or {})
            d["p_values"] = [p.value for p in self.p_values]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "StudyRecord":
        return cls(
            title=d.get("title"), authors=tuple(d.get("authors") or ()), year=d.get("year"),
            journal=d.get("journal"), doi=d.get("doi"), setting=d.get("setting"),
            design=_opt(Design, d.get("design")), design_family=_opt(DesignFamily, d.get("design_family")),
            n_total=d.get("n_total"), n_arms=dict(d.get("n_arms") or {}),
            sampling=_opt(Sampling, d.get("sampling")), intervention=d.get("intervention"),
            comparator=d.get("comparator"), outcome=d.get("outcome"), instrument=d.get("instrument"),
            tests=tuple(TestName(t) for t in d.get("tests") or ()),
            main_result=MainResult.from_dict(d["main_result"]) if d.get("main_result") else None,
            evidence={k: tuple(Span.from_dict(s) for s in v) for k, v in (d.get("evidence") or {}).items()},
            alpha=d.get("alpha"), row=d.get("row"), cells=d.get("cells"),
            p_values=tuple(Reported.exact(p) for p in d.get("p_values") or ()),
        )


# --------------------------------------------------------------------------- flags


@dataclass(frozen=True, slots=True)
class Flag:
    """An inconsistency found by a check: what is wrong, what was expected, and where.

    ``expected``/``reported`` hold the recomputed and printed numbers where a number was
    recomputed; ``expected_range`` a recomputed interval (e.g. the p-values a statistic allows).
    """

    check: CheckId
    severity: Severity
    message: str
    evidence: tuple[Span, ...] = ()
    expected: float | None = None
    reported: float | None = None
    expected_range: tuple[float, float] | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {"check": self.check.value, "severity": self.severity.value, "message": self.message,
             "expected": _finite(self.expected), "reported": _finite(self.reported),
             "evidence": [s.to_dict() for s in self.evidence]}
        if self.expected_range is not None:
            d["expected_range"] = [_finite(x) for x in self.expected_range]
        if self.details:
            d["details"] = self.details
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Flag":
        er = d.get("expected_range")
        return cls(CheckId(d["check"]), Severity(d["severity"]), d["message"],
                   tuple(Span.from_dict(s) for s in d.get("evidence") or ()),
                   d.get("expected"), d.get("reported"), tuple(er) if er else None,
                   dict(d.get("details") or {}))


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class DocumentError:
    """Why a document failed: ``code`` is stable (unreadable_pdf, encrypted_pdf, no_text_layer …)."""

    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything evidencekit knows of one input file: one entry of the contract's ``documents``."""

    id: str
    source: str
    sha256: str | None = None
    language: str | None = None
    kind: DocumentKind = DocumentKind.PRIMARY
    error: DocumentError | None = None
    record: StudyRecord | None = None
    studies: tuple[StudyRecord, ...] = ()
    statistics: tuple[AnyStatistic, ...] = ()
    frequency_tables: tuple[FrequencyTable, ...] = ()
    flags: tuple[Flag, ...] = ()
    document: Document | None = field(default=None, compare=False, repr=False)

    @classmethod
    def failed(cls, id: str, source: str, code: str, message: str, sha256: str | None = None) -> "DocumentResult":
        return cls(id=id, source=source, sha256=sha256, error=DocumentError(code, message))

    @property
    def n_pages(self) -> int | None:
        return len(self.document.pages) if self.document and self.document.pages else None

    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        return {
            "id": self.id, "source": self.source, "sha256": self.sha256, "language": self.language,
            "kind": self.kind.value, "error": self.error.to_dict() if self.error else None,
            "pages": self.n_pages,
            "sections": [s.to_dict() for s in doc.sections] if doc else [],
            "record": self.record.to_dict() if self.record else None,
            "studies": [s.to_dict() for s in self.studies],
            "statistics": [s.to_dict() for s in self.statistics],
            "frequency_tables": [t.to_dict() for t in self.frequency_tables],
            "flags": [f.to_dict() for f in self.flags],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], document: Document | None = None) -> "DocumentResult":
        """Rebuild a result from its contract dict (the read ``document`` is not in the JSON;
        pass it when known). Numbers come back with their printed decimals, not their text."""
        err = d.get("error")
        return cls(
            id=d["id"], source=d["source"], sha256=d.get("sha256"), language=d.get("language"),
            kind=DocumentKind(d.get("kind") or "primary"),
            error=DocumentError(err["code"], err["message"]) if err else None,
            record=StudyRecord.from_dict(d["record"]) if d.get("record") else None,
            studies=tuple(StudyRecord.from_dict(s) for s in d.get("studies") or ()),
            statistics=tuple(statistic_from_dict(s) for s in d.get("statistics") or ()),
            frequency_tables=tuple(FrequencyTable.from_dict(t) for t in d.get("frequency_tables") or ()),
            flags=tuple(Flag.from_dict(f) for f in d.get("flags") or ()),
            document=document)


def results_to_dict(results: Iterable[DocumentResult], version: str) -> dict[str, Any]:
    """The whole contract object of ``extract --format json``."""
    return {"contract": CONTRACT_VERSION, "tool": {"name": "evidencekit", "version": version},
            "documents": [r.to_dict() for r in results]}


# --------------------------------------------------------------------------- helpers


def df_to_json(df: tuple[float, ...] | None) -> float | list[float] | None:
    """Degrees of freedom as the contract writes them: one number (t, r, χ²), or a list of two
    (F); whole numbers as integers."""
    if not df:
        return None
    values = [int(x) if float(x).is_integer() else x for x in df]
    return values[0] if len(values) == 1 else values


def df_from_json(value: Any) -> tuple[float, ...] | None:
    """The inverse of :func:`df_to_json` (also accepts a one-item list, as written before)."""
    if value is None or value == []:
        return None
    return tuple(float(x) for x in value) if isinstance(value, list) else (float(value),)


def _num(r: Reported | None) -> float | None:
    return None if r is None else r.value


def _finite(x: float | None) -> float | None:
    return None if x is None or (isinstance(x, float) and not math.isfinite(x)) else x


def _enum(e: Any) -> Any:
    return None if e is None else e.value


def _opt(enum: Any, value: Any) -> Any:
    return None if value is None else enum(value)


def _reported(value: float | None, decimals: int | None) -> Reported | None:
    """A number read back from JSON: its printed decimals when recorded, else its shortest repr."""
    if value is None:
        return None
    if decimals is None:
        return Reported.exact(value)
    return Reported(float(value), int(decimals), f"{float(value):.{int(decimals)}f}")


def _span_from(d: dict[str, Any]) -> Span | None:
    """The span of a statistic/flag dict written by :func:`_span_fields` (None when it had none)."""
    if d.get("start") is None and d.get("section") is None and d.get("page") is None:
        return None
    return Span.from_dict(d)


def _span_fields(span: Span | None) -> dict[str, Any]:
    if span is None:
        return {"section": None, "page": None, "start": None, "end": None, "text": None}
    return {"section": span.section, "page": span.page, "start": span.start, "end": span.end,
            "text": span.text}


__all__ = [
    "AnyStatistic", "Candidate", "Cell", "CONTRACT_VERSION", "Descriptive", "Document",
    "DocumentError", "DocumentResult", "Flag", "FrequencyTable", "MainResult", "Page",
    "PercentCount", "Reported", "Section", "Span", "Statistic", "StudyRecord", "Table",
    "replace", "results_to_dict", "fields", "statistic_from_dict",
]
