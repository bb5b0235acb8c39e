"""Which extracted objects belong together before a check compares them.

Extraction gives flat lists (descriptives, statistics, counts, tables); a check needs pairs: the
frequency table of a summary row, the two group rows a p compares, the words naming a count in
the text, the unit printed beside a number. These helpers find them and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidencekit.checks import bounds, values
from evidencekit.checks.context import CheckContext
from evidencekit.extract.claims import Claims
from evidencekit.labels import time_named
from evidencekit.model import (Candidate, Descriptive, DocumentResult, Flag, FrequencyTable,
                               PercentCount, Statistic, StudyRecord)
from evidencekit.vocab import Source, TestName


@dataclass(frozen=True)
class Inputs:
    result: DocumentResult
    ctx: CheckContext
    claims: Claims

    @property
    def record(self) -> StudyRecord:
        return self.result.record or StudyRecord()

    @property
    def stats(self) -> list[Statistic]:
        return [s for s in self.result.statistics if isinstance(s, Statistic)]

    @property
    def descriptives(self) -> list[Descriptive]:
        return [s for s in self.result.statistics if isinstance(s, Descriptive)]

    @property
    def percents(self) -> list[PercentCount]:
        return [s for s in self.result.statistics if isinstance(s, PercentCount)]

    @property
    def tables(self) -> list[FrequencyTable]:
        return list(self.result.frequency_tables)


def same_row(table: FrequencyTable, d: Descriptive) -> bool:
    """True when a descriptive's label words (and time, pre or post) are those of a frequency table."""
    t_words = set(values.norm(table.label).split())
    d_words = set(values.norm(d.label).split()) | set(values.norm(d.time).split())
    d_words -= {"tabel", "table"}
    time_t, time_d = time_named(Descriptive(label=table.label)), time_named(d)
    return bool(d_words) and d_words <= t_words | {"pre", "post"} and time_t == time_d


def table_pairs(inp: Inputs) -> list[tuple[FrequencyTable, Descriptive]]:
    """(frequency table, table descriptive) pairs that describe the same variable and sample."""
    pairs = []
    for t in inp.tables:
        for d in inp.descriptives:
            if d.source is Source.TABLE and same_row(t, d) and (d.n is None or d.n == sum(c or 0 for c in t.counts)):
                pairs.append((t, d))
    return pairs


def two_group_p_bounds(inp: Inputs, ds: list[Descriptive], skip: set[float]) -> list[Flag]:
    """Two-group p bounds, only where we know which comparison a p belongs to: the statistic's
    label names the row pair ("Age, years" ↔ "Age, years, Massage" / "… Usual care"), or the
    paper has exactly one pair of group rows and no other summary rows."""
    keyed: dict[tuple, dict[str, Descriptive]] = {}
    unpaired = 0
    for d in ds:
        if not (d.group and d.n):
            unpaired += 1
            continue
        rest = " ".join(w for w in values.norm(d.label).split() if w not in values.norm(d.group).split())
        keyed.setdefault((time_named(d), rest), {}).setdefault(values.norm(d.group), d)
    pairs = {key: tuple(g.values()) for key, g in keyed.items() if len(g) == 2}
    out, seen = [], set()
    for s in inp.stats:
        if s.p is None or s.test not in (TestName.INDEPENDENT_T, TestName.WELCH_T) \
                or s.p.value in skip or (s.p.value, s.label) in seen:
            continue
        seen.add((s.p.value, s.label))
        if s.label:
            words = set(values.norm(s.label).split())
            mine = [pr for (time, rest), pr in pairs.items() if rest and set(rest.split()) == words]
        else:
            mine = list(pairs.values()) if len(pairs) == 1 and not unpaired else []
        if len(mine) == 1 and (f := bounds.check_two_group_p_bound(*mine[0], s, inp.ctx)):
            out.append(f)
    return out


def n_from_tables(inp: Inputs) -> list[Candidate]:
    """Sample sizes printed in a paired design's tables, as candidates for the n_conflict check."""
    if inp.ctx.paired is not True:
        return []
    return [Candidate(d.n, d.span) for d in inp.descriptives if d.n and d.source is Source.TABLE]


#: How far back before a "count (percent)" the text may name its category.
LABEL_LOOKBACK = 80


def named_before(inp: Inputs, pc: PercentCount) -> str:
    """The words printed just before a count in the text (its label, e.g. "tidak lancar
    sebanyak"), back to the previous number or sentence end."""
    doc = inp.result.document
    label = pc.label or ""
    if doc is None or pc.span is None:
        return label
    before = doc.text[max(0, pc.span.start - LABEL_LOOKBACK):pc.span.start]
    before = re.split(r"[.;:]\s|\d[%)]?\s*[,)]|\)", before)[-1]
    return f"{before} {label}"


#: "16,59 ml", "4,757 %": a unit printed right after a number
UNIT_AFTER = re.compile(r"^\s*(%|ml\b|cc\b)", re.IGNORECASE)
UNIT_INSIDE = re.compile(r"\d\s*(ml|cc)\b", re.IGNORECASE)


def printed_units(inp: Inputs, d: Descriptive) -> frozenset[str]:
    """The units the paper prints with a descriptive: its own field, a unit right after its
    span ("4,757 %"), and a volume unit inside it ("16,59 ml")."""
    found = set()
    if d.unit:
        found.add(values.unit_of(d.unit))
    doc = inp.result.document
    if doc is not None and d.span is not None:
        if (m := UNIT_AFTER.match(doc.text[d.span.end:d.span.end + 8])):
            found.add(m.group(1).lower())
        found.update(m.lower() for m in UNIT_INSIDE.findall(d.span.text))
    return frozenset(u for u in found if u)
