"""The same quantity printed twice with different values, units or labels.

* value_conflict — a descriptive (mean, SD, min, max, median) printed in the text and in a table
  (or abstract and results) with values whose rounding intervals do not meet; a count/percentage
  in the text that no level of the matching frequency table has; the main p-value printed
  differently in different places.
* unit_conflict — one quantity in incompatible units (an SD in % of a quantity in ml; scores of a
  questionnaire reported in ml).
* label_conflict — two tables label their rows with the same time point (both "pre test") while
  the values differ and no other time point is reported: one label is wrong.
"""

from __future__ import annotations

import re
from collections import defaultdict

from evidencekit.checks import messages as msg
from evidencekit.checks.rounding import interval
from evidencekit.extract.claims import level_keys_in
from evidencekit.extract import units
from evidencekit.labels import TIME_WORDS, time_named, tokens
from evidencekit.model import Descriptive, Flag, FrequencyTable, PercentCount, Reported, Statistic
from evidencekit.vocab import CheckId, Severity, Source, TestName

SUMMARIES = ("mean", "sd", "median", "min", "max")
WORD = re.compile(r"[a-z0-9]+")


def norm(text: str | None) -> str:
    """Lower-case words of ``text`` joined by single spaces ("" for None), for label matching."""
    return " ".join(WORD.findall((text or "").lower()))


def _place(d) -> str:
    where = d.span.section if d.span and d.span.section else None
    return f"{'table' if d.source is Source.TABLE else 'text'}{f' ({where})' if where else ''}"


def _disjoint(a: Reported, b: Reported) -> bool:
    return not interval(a).intersects(interval(b))


def _agreement(a: Descriptive, b: Descriptive) -> tuple[list[str], list[str]]:
    """(summaries both print and agree on, summaries both print and disagree on)."""
    same, diff = [], []
    for name in SUMMARIES:
        ra, rb = getattr(a, name), getattr(b, name)
        if ra is None or rb is None:
            continue
        (diff if _disjoint(ra, rb) else same).append(name)
    return same, diff


#: Sections whose numbers are the study's own (the discussion also cites other studies).
OWN_SECTIONS = (None, "abstract", "abstract_en", "methods", "results")


def check_descriptive_values(descriptives: list[Descriptive]) -> list[Flag]:
    """value_conflict between two printings of one descriptive row. A printing in the text is
    matched to the table row of the same time point (and group) that shares the most summaries;
    the match must share at least one and be better than the runner-up. Warning."""
    own = [d for d in descriptives if d.span is None or d.span.section in OWN_SECTIONS]
    rows = [d for d in own if d.source is Source.TABLE]
    out = []
    for d in own:
        if d.source is Source.TABLE:
            continue
        cands = [r for r in rows if time_named(r) == time_named(d) and norm(r.group) == norm(d.group)
                 and (not r.n or not d.n or r.n == d.n)]
        scored = sorted(((len(_agreement(d, r)[0]), r) for r in cands), key=lambda x: -x[0])
        if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            continue
        row = scored[0][1]
        same, diff = _agreement(d, row)
        # printings of one number share its precision; "3" against "58.4" is a misread label
        diff = [n for n in diff if getattr(d, n).decimals == getattr(row, n).decimals]
        if not diff:
            continue
        name = diff[0]
        ra, rb = getattr(d, name), getattr(row, name)
        label = row.label or d.label or "a summary"
        message = (f"{label}: the {name} is {msg.shown(ra)} in the {_place(d)} but "
                   f"{msg.shown(rb)} in the {_place(row)} (which agree on the "
                   f"{msg.listing(same)}).")
        out.append(Flag(CheckId.VALUE_CONFLICT, Severity.WARNING, message,
                        evidence=tuple(s for s in (d.span, row.span) if s),
                        reported=ra.value, expected=rb.value, details={"summary": name}))
    return out


def _levels_in(label: str, table: FrequencyTable) -> list[int]:
    """Indices of the table's levels that the label names: as whole phrases (longest wins), or
    through the claims lexicon's level names in either language ("not smooth" ↔ "Tidak lancar")."""
    text = f" {norm(label)} "
    hits = [i for i, lv in enumerate(table.levels) if lv and f" {norm(lv)} " in text]
    # "lancar" inside "tidak lancar": keep only levels not contained in another hit
    hits = [i for i in hits if not any(i != j and norm(table.levels[i]) in norm(table.levels[j])
                                       for j in hits)]
    if hits:
        return hits
    named = level_keys_in(label)
    return [i for i, lv in enumerate(table.levels) if lv and named and level_keys_in(lv) == named]


def restated_in(pc: PercentCount, tables: list[FrequencyTable]) -> bool:
    """True when some table level prints the same count and percentage."""
    return any(c == pc.count and p is not None and not _disjoint(p, pc.percent)
               for t in tables for c, p in zip(t.counts, t.percents))


def check_percent_values(items: list[tuple[PercentCount, str]], tables: list[FrequencyTable]) -> list[Flag]:
    """value_conflict: a count (percent) in the text, named by ``label`` (the words printed
    before it), that the table levels of that name do not have. Warning."""
    out = []
    for pc, label in items:
        if pc.source is Source.TABLE or not label:
            continue
        matches = [(t, i) for t in tables for i in _levels_in(label, t)]
        if not matches:
            continue
        fits = [(t, i) for t, i in matches
                if t.counts[i] == pc.count and (t.percents[i] is None
                                                or not _disjoint(t.percents[i], pc.percent))]
        if fits:
            continue
        t, i = matches[0]
        names = msg.listing(sorted({t.levels[j] for t, j in matches}))
        shown = f"{t.counts[i]} ({msg.shown(t.percents[i]) if t.percents[i] else '?'}%)"
        other = [lv for tt in tables for j, lv in enumerate(tt.levels)
                 if tt.counts[j] == pc.count and tt.percents[j] is not None
                 and not _disjoint(tt.percents[j], pc.percent)]
        hint = f"; those numbers belong to '{other[0]}'" if other else ""
        message = (f"The text gives {names} as {pc.count} ({msg.shown(pc.percent)}%), but "
                   f"table '{t.label}' gives {t.levels[i]} {shown}{hint}.")
        out.append(Flag(CheckId.VALUE_CONFLICT, Severity.WARNING, message,
                        evidence=tuple(s for s in (pc.span, t.span) if s),
                        reported=pc.percent.value,
                        expected=t.percents[i].value if t.percents[i] else None))
    return out


#: p-values of these tests or kinds are not the main comparison's.
NOT_MAIN = frozenset({TestName.SHAPIRO_WILK, TestName.KOLMOGOROV_SMIRNOV})


ABSTRACTS = ("abstract", "abstract_en")


def check_main_p_values(stats: list[Statistic]) -> list[Flag]:
    """value_conflict: the abstract prints one p-value and the results one other p-value for
    the paper's comparison (e.g. p = 0.005 in the abstract, p = 0,000 in the table). Papers with
    several comparisons, or with a value shared by both places, are left alone; the discussion
    is not read (it also cites other studies). Warning."""
    def printed_in(sections) -> dict[float, Statistic]:
        out: dict[float, Statistic] = {}
        for s in stats:
            if s.p is None or s.test in NOT_MAIN or s.span is None or s.span.section not in sections:
                continue
            if s.p_operator is not None and s.p_operator.value != "=":
                continue
            out.setdefault(round(s.p.value, 6) if s.p.value > 0 else 0.0, s)
        return out

    abstract, results = printed_in(ABSTRACTS), printed_in(("results",))
    if len(abstract) != 1 or len(results) != 1:
        return []
    (va, a), = abstract.items()
    (vb, b), = results.items()
    if va == vb or (va > 0 and vb > 0 and not _disjoint(a.p, b.p)):
        return []
    message = (f"The result's p-value is {msg.shown(a.p)} in the {a.span.section} but "
               f"{msg.shown(b.p)} in the results; report one value.")
    return [Flag(CheckId.VALUE_CONFLICT, Severity.WARNING, message,
                 evidence=(a.span, b.span), details={"values": [va, vb]})]


#: Printed volume units the unit model may not know by themselves (kept for callers).
VOLUME = frozenset({"ml", "cc", "l", "mililiter", "millilitre", "milliliter"})


def unit_of(u: str | None) -> str | None:
    """A printed unit compared as lower case without brackets ("(mL)" -> "ml"); None when blank."""
    return (u or "").strip().lower().strip("()") or None


def _dimension(printed: str) -> str | None:
    """What a printed unit measures, by the unit model ("cc" -> "volume", "%" -> "percent")."""
    model = units.unit(printed)
    if model is not None:
        return model.dimension
    return "volume" if printed in VOLUME else None


def check_units(described: list[tuple[Descriptive, frozenset[str]]], questionnaire: bool) -> list[Flag]:
    """unit_conflict: one quantity in two units (a summary in % of a quantity in ml: note), or
    questionnaire scores given in ml (warning). ``described`` pairs each descriptive with the
    units printed with it (as printed, or canonical keys of :mod:`evidencekit.extract.units`)."""
    out = []
    dims = [(d, {u: _dimension(u) for u in us}) for d, us in described]
    volumes = sorted({u for _, ud in dims for u, dim in ud.items() if dim == "volume"})
    percent_ds = [d for d, ud in dims if "percent" in ud.values()]
    if percent_ds and volumes:
        vol = volumes[0]
        out.append(Flag(CheckId.UNIT_CONFLICT, Severity.NOTE,
                        f"A summary of a quantity measured in {vol} is given in % "
                        f"({msg.listing([msg.shown(d.sd or d.mean) for d in percent_ds])}); give it in {vol}.",
                        evidence=tuple(d.span for d in percent_ds if d.span)))
    if questionnaire and volumes:
        ds = [d for d, ud in dims if "volume" in ud.values()]
        out.append(Flag(CheckId.UNIT_CONFLICT, Severity.WARNING,
                        f"The outcome is a questionnaire score, but its summaries are given in "
                        f"{volumes[0]}; scores have no volume unit.",
                        evidence=tuple(d.span for d in ds[:3] if d.span)))
    return out


def check_labels(descriptives: list[Descriptive], table_captions: dict[int, str]) -> list[Flag]:
    """label_conflict: a table row labelled with one time point inside a table whose caption
    names the other; or two different tables both labelling their row "pre" (or "post") with
    different values while no row has the other label. Warning."""
    out = []
    table_rows = [d for d in descriptives if d.source is Source.TABLE and d.mean is not None]
    for d in table_rows:
        caption = table_captions.get(d.span.start) if d.span else None
        t = time_named(d)
        if caption and t:
            words = tokens(caption)
            cap_post, cap_pre = bool(words & TIME_WORDS["post"]), bool(words & TIME_WORDS["pre"])
            if (t == "pre" and cap_post and not cap_pre) or (t == "post" and cap_pre and not cap_post):
                out.append(Flag(CheckId.LABEL_CONFLICT, Severity.WARNING,
                                f"A row labelled '{d.label}' (mean {msg.shown(d.mean)}) sits in a table "
                                f"captioned '{caption.strip()[:80]}'; one of the two labels is wrong.",
                                evidence=(d.span,)))
    if out:
        return out
    times = defaultdict(list)
    for d in table_rows:
        if (t := time_named(d)) is not None:
            times[t].append(d)
    for t, other in (("pre", "post"), ("post", "pre")):
        ds = times.get(t, [])
        if len(ds) >= 2 and not times.get(other):
            distinct = {d.mean.value for d in ds}
            if len(distinct) >= 2:
                ds = sorted(ds, key=lambda d: d.span.start if d.span else 0)
                out.append(Flag(CheckId.LABEL_CONFLICT, Severity.WARNING,
                                f"Two tables both label their row '{t}' (means "
                                f"{msg.listing([msg.shown(d.mean) for d in ds])}) and no row is "
                                f"labelled '{other}'; the later one is probably the {other}-test.",
                                evidence=tuple(d.span for d in ds if d.span)))
    return out
