"""Read a table grid: descriptive, frequency and test-result tables.

The header row names what each column holds (a *role*: count, percent, mean, SD, CI, p, Z …;
:mod:`~evidencekit.extract.table_headers`). Rows whose value cells are all empty are group labels
("Umur", "Hari I", "Pre Tes"); the rest are data rows. From them come

* a :class:`FrequencyTable` per group and count/percent column pair, with a
  :class:`PercentCount` per cell pair;
* a :class:`Descriptive` per row with summary columns — or per group, when the table is a
  frequency table whose summary cells span the group's rows (a merged cell holds its value in
  the group's first row);
* a :class:`Statistic` per row with a test-statistic column (Z, t, …) or only a p column.

The same interpreter reads PDF tables (``Document.tables``) and tables rebuilt from text. Words
of row labels and captions (total, pre/post, arm, "Tabel") are lexicon data
(``lexicon/{id,en}/table_labels.toml``).
"""

from __future__ import annotations

import re

from evidencekit.extract.context import StatContext
from evidencekit.extract.numbers import parse_count
from evidencekit.extract.patterns import NUM, RANGE_RE, lexicon_alternation
from evidencekit.extract.table_headers import (ROW_ROLE_RE, SUMMARY_ROLES, TEST_HEADER_RE, column_role,
                                               split_header)
from evidencekit.extract.units import unit_of_label
from evidencekit.model import (Cell, Descriptive, FrequencyTable, PercentCount, Reported, Statistic, Table,
                               replace)
from evidencekit.vocab import POperator, Source, StatKind

STAT_ROLES = {"Z": StatKind.Z, "t": StatKind.T, "U": StatKind.U, "W": StatKind.W,
              "chi2": StatKind.CHI2, "F": StatKind.F, "r": StatKind.R}
_PAIR_RE = re.compile(rf"^\s*(?P<a>{NUM})\s*\(\s*(?P<b>{NUM})\s*%?\s*\)\s*$")
_PLAIN_NUMBER_RE = re.compile(rf"^\s*{NUM}\s*%?\s*$")
_COUNT_PCT_SUFFIX_RE = re.compile(r"(?i)\s*[fn]\s*\(\s*%\s*\)\s*$")
_PLUSMINUS_CELL_RE = re.compile(rf"^\s*(?P<a>{NUM})\s*±\s*(?P<b>{NUM})\s*$")
_P_CELL_RE = re.compile(rf"^\s*(?P<op><=|>=|≤|≥|<|>|=)?\s*(?P<v>{NUM})\s*\*{{0,3}}\s*$")

#: A total row's label starts with a table_labels.toml total word ("Jumlah", "Total").
_TOTAL_RE = re.compile(rf"(?i)^(?:{lexicon_alternation('table_labels', 'total')})\b")
#: An occasion as a whole word (table_labels.toml pre, post: "Pre Tes", "Sesudah").
_PRE_RE = re.compile(rf"(?i)\b(?:{lexicon_alternation('table_labels', 'pre')})\b")
_POST_RE = re.compile(rf"(?i)\b(?:{lexicon_alternation('table_labels', 'post')})\b")
#: A study arm as a whole word (table_labels.toml arm: "Intervensi", "Control"); group 1 is the word.
_GROUP_RE = re.compile(rf"(?i)\b({lexicon_alternation('table_labels', 'arm')})\b")
#: The word a caption starts with (table_labels.toml caption: "Tabel", "Table").
_CAPTION = lexicon_alternation("table_labels", "caption")
_CAPTION_BEFORE_RE = re.compile(rf"(?i)^\s*(?:{_CAPTION})\s+\d+")
_TABLE_NAME_RE = re.compile(rf"(?i)\s*((?:{_CAPTION})\s+\d+(?:\.\d+)?)")
_TABLE_NAME_ONLY_RE = re.compile(rf"(?i)(?:{_CAPTION})\s+[\d.]+")

def _header_row(rows: list[list[Cell]]) -> tuple[int, list[tuple[str | None, str]]]:
    """Index of the row naming the value columns (rows above it qualify them: "Pre" | "Post"),
    and that row's cells split by :func:`split_header`."""
    splits = []
    for h, row in enumerate(rows[:3]):
        splits.append([split_header(c.text) for c in row])
        if any(r and r != "rank" for r, _ in splits[-1]):
            return h, splits[-1]
        if any(_PLAIN_NUMBER_RE.match(c.text) for c in row):
            break
    return 0, splits[0]


def _qualifiers(rows: list[list[Cell]], h: int, own: list[str], roles: list[str | None]) -> list[str]:
    """Each column's qualifier: the spanning header cells above it plus its own words."""
    quals = [""] * len(own)
    for super_row in rows[:h]:
        last = ""
        for j, cell in enumerate(super_row):
            if roles[j] is None:
                last = ""
                continue
            last = cell.text.strip() or last                # a merged cell spans empty cells
            quals[j] = f"{quals[j]} {last}".strip()
    return [f"{q} {o}".strip() for q, o in zip(quals, own)]


_GROUP_N_RE = re.compile(r"\(\s*[nN]\s*=\s*(\d+)\s*\)")


def interpret_table(table: Table, ctx: StatContext) -> tuple[list[Statistic | Descriptive | PercentCount],
                                                           list[FrequencyTable]]:
    """Every statistic of one table grid, with ``source="table"`` and row/column labels."""
    rows = [list(r) for r in table.rows]
    if len(rows) < 2:
        return [], []
    if any(ROW_ROLE_RE.search(r[0].text) for r in rows[1:] if r):
        return _groups_by_rows(rows, table, ctx), []
    h, split = _header_row(rows)
    header = rows[h]
    roles = [r for r, _ in split]
    if not any(r and r != "rank" for r in roles):
        return [], []
    quals = _qualifiers(rows, h, [q for _, q in split], roles)
    units = [unit_of_label(c.text) for c in header]
    value_cols = [j for j, r in enumerate(roles) if r is not None]
    label_cols = [j for j, r in enumerate(roles) if r is None]
    # a frequency table prints percentages; an "n" column alone is a descriptive table's n
    has_freq = any(roles[j] in ("percent", "count_pct") for j in value_cols)
    has_summary = any(roles[j] in SUMMARY_ROLES for j in value_cols)
    freq_with_block_summary = has_freq and has_summary
    caption = table.caption or _caption_before(ctx.text, table.start)
    caption_n = _caption_n(caption)
    # the caption's unit is the summaries' unit, unless the table also counts people (a
    # characteristics table's caption speaks of its percentages, not of its mean age)
    caption_unit = None if has_freq else unit_of_label(caption)
    out: list[Statistic | Descriptive | PercentCount] = []
    freq_tables: list[FrequencyTable] = []

    body = rows[h + 1:]
    name = _table_name(caption)
    for path_t, idxs in _row_groups(body, value_cols, label_cols):
        group_label = " ".join(path_t)
        total_row = [i for i in idxs if _TOTAL_RE.match(_row_label(body[i], label_cols))]
        leaf = [i for i in idxs if i not in total_row]
        if has_freq and leaf:
            freq, pcs = _frequency(body, leaf, total_row, header, roles, quals, label_cols, group_label or name, ctx)
            freq_tables.extend(freq)
            out.extend(pcs)
        if freq_with_block_summary and leaf:
            n = caption_n or _group_n(body, leaf, roles, ctx)
            cells = {roles[j]: body[leaf[0]][j] for j in value_cols if roles[j] in SUMMARY_ROLES}
            desc = _descriptive(cells, n, group_label or name, units, roles, ctx, caption, caption_unit)
            if desc is not None:
                out.append(desc)
        for i in leaf:
            row = body[i]
            label = " ".join(x for x in (group_label, _row_label(row, label_cols)) if x)
            cells: dict[str, Cell] = {}
            for j in value_cols:
                if row[j].text.strip():
                    cells.setdefault(roles[j], row[j])
            if has_summary and not freq_with_block_summary:
                for q in dict.fromkeys(quals[j] for j in value_cols if roles[j] in SUMMARY_ROLES):
                    mine = {roles[j]: row[j] for j in value_cols
                            if row[j].text.strip() and (quals[j] == q or (roles[j] == "count" and not quals[j]))}
                    full = " ".join(x for x in (label, q) if x)
                    n = parse_count(mine["count"].text) if "count" in mine else None
                    if n is None and not _GROUP_RE.search(full):
                        n = caption_n                   # "(n=24)" of a one-group table
                    desc = _descriptive({k: v for k, v in mine.items() if k in SUMMARY_ROLES}, n,
                                        full or name, units, roles, ctx, caption, caption_unit)
                    if desc is not None:
                        out.append(desc)
            stat = _statistic(cells, label, table, ctx)
            if stat is not None:
                out.append(stat)
    return out, freq_tables


def _row_groups(body: list[list[Cell]], value_cols: list[int],
                label_cols: list[int]) -> list[tuple[tuple[str, ...], list[int]]]:
    """Body rows under their group labels: (label path, data row indices) in table order.

    A row with no values is a group label ("Umur", "Pre Tes"); two such rows in a row make the
    first a top-level label that the labels under it keep as the first part of their path."""
    path: list[str] = []
    top = False
    groups: list[tuple[tuple[str, ...], list[int]]] = []
    for i, row in enumerate(body):
        label = _row_label(row, label_cols)
        if all(not row[j].text.strip() for j in value_cols):
            if not label:
                continue
            nxt_empty = i + 1 < len(body) and all(not body[i + 1][j].text.strip() for j in value_cols)
            if nxt_empty:
                path, top = [label], True
            else:
                path = (path[:1] if top else []) + [label]
            groups.append((tuple(path), []))
            continue
        if not groups:
            groups.append(((), []))
        groups[-1][1].append(i)
    return groups


def _groups_by_rows(rows: list[list[Cell]], table: Table, ctx: StatContext) -> list:
    """A baseline table: columns are groups ("Massage (n = 30)"), each row label says what its
    cells hold ("mean (SD)", "n (%)"); a "Test" column prints the statistic, a "p" column its p."""
    from evidencekit.extract.prose import read_statistic

    header = rows[0]
    test_col = next((j for j, c in enumerate(header) if TEST_HEADER_RE.match(c.text.strip())), None)
    p_col = next((j for j, c in enumerate(header) if j and column_role(c.text) == "p"), None)
    groups = [j for j in range(1, len(header)) if j not in (test_col, p_col) and column_role(header[j].text) is None]
    out: list = []
    for row in rows[1:]:
        m = ROW_ROLE_RE.search(row[0].text)
        base = (row[0].text[:m.start()] if m else row[0].text).strip(" ,;:")
        role = (m.group("role").lower() if m else "")
        for j in groups:
            text, head = row[j].text.strip(), header[j].text
            pair = _PAIR_RE.match(text) or _PLUSMINUS_CELL_RE.match(text)
            if not (role and pair):
                continue
            gn = _GROUP_N_RE.search(head)
            group = _GROUP_N_RE.sub("", head).strip()
            label, n, span = f"{base}, {group}", int(gn.group(1)) if gn else None, _span(ctx, [row[j]])
            if role.startswith(("n", "f")):
                count = parse_count(pair.group("a"))
                pct = ctx.number(pair.group("b"))
                if count is not None and pct is not None:
                    out.append(PercentCount(count=count, percent=pct, n=n, label=label, span=span,
                                            source=Source.TABLE))
            else:
                mean, sd = ctx.number(pair.group("a")), ctx.number(pair.group("b"))
                if mean and sd:
                    out.append(Descriptive(label=label, n=n, mean=mean, sd=sd, group=group, span=span,
                                           time=_time(base), unit=unit_of_label(base), source=Source.TABLE))
        stat = None
        if test_col is not None and row[test_col].text.strip() and row[test_col].start is not None:
            stat = read_statistic(ctx, row[test_col].start, row[test_col].end)
        p_cell = row[p_col] if p_col is not None and row[p_col].text.strip() else None
        cells = {"p": p_cell} if p_cell else {}
        if stat is not None:
            p = _statistic(cells, base, table, ctx) if p_cell else None
            test = ctx.test_for(stat.kind, stat.span.start, also=(table.start, table.end + 200))
            out.append(replace(stat, p=p.p if p else None, p_operator=p.p_operator if p else None,
                               test=test, label=base or None, source=Source.TABLE,
                               span=_span(ctx, [row[test_col]] + ([p_cell] if p_cell else []))))
        elif p_cell is not None and (p := _statistic(cells, base, table, ctx)) is not None:
            out.append(p)
    return out


def _row_label(row: list[Cell], label_cols: list[int]) -> str:
    """The row's label: its label cells (row numbers left out), without a trailing colon."""
    text = " ".join(row[j].text for j in label_cols if row[j].text and not row[j].text.rstrip(".").isdigit())
    return text.strip().rstrip(":").strip()


def _caption_before(text: str, start: int) -> str:
    """The "Tabel N. …" line just above a table block that came without its caption."""
    before = text[max(0, start - 400):start].rstrip().split("\n")
    for line in reversed(before[-3:]):
        if _CAPTION_BEFORE_RE.match(line):
            return line.strip()
    return ""


def caption_of(table: Table, text: str) -> str:
    """A table's caption: the reader's, else the "Tabel N. …" line just above it."""
    return table.caption or _caption_before(text, table.start)


def _table_name(caption: str) -> str:
    """"Tabel 3" from "Tabel 3. Distribusi …": a short label for a table without row groups."""
    m = _TABLE_NAME_RE.match(caption)
    return m.group(1) if m else ""


def _caption_n(caption: str) -> int | None:
    m = re.search(r"\(\s*[nN]\s*=\s*(\d+)\s*\)", caption)
    return int(m.group(1)) if m else None


def _span(ctx: StatContext, cells: list[Cell]):
    offs = [(c.start, c.end) for c in cells if c.start is not None and c.end is not None and c.text]
    if not offs:
        return None
    return ctx.span(min(a for a, _ in offs), max(b for _, b in offs))


def _group_n(body, leaf, roles, ctx) -> int | None:
    total = 0
    for i in leaf:
        for j, r in enumerate(roles):
            if r in ("count", "count_pct") and body[i][j].text.strip():
                m = _PAIR_RE.match(body[i][j].text)
                c = parse_count(m.group("a") if m else body[i][j].text)
                if c is None:
                    return None
                total += c
                break
    return total or None


def _frequency(body, leaf, total_row, header, roles, quals, label_cols, group_label, ctx):
    """One FrequencyTable per count/percent column (pair) of a group, and its PercentCounts."""
    pairs: list[tuple[int | None, int | None, str]] = []
    count_cols = [j for j, r in enumerate(roles) if r == "count"]
    pct_cols = [j for j, r in enumerate(roles) if r == "percent"]
    for j, r in enumerate(roles):
        if r == "count_pct":
            qualifier = _COUNT_PCT_SUFFIX_RE.sub("", header[j].text).strip()
            pairs.append((j, j, qualifier))
    for k, j in enumerate(count_cols):
        pairs.append((j, pct_cols[k] if k < len(pct_cols) else None, quals[j]))
    if not count_cols and pct_cols:
        pairs.append((None, pct_cols[0], ""))
    tables, pcs = [], []
    for cj, pj, qualifier in pairs:
        levels, counts, percents, cells = [], [], [], []
        read = [(i, *_count_pct(body[i], cj, pj, ctx)) for i in leaf]      # each cell read once
        for i, count, pct in read:
            row = body[i]
            if count is None and pct is None:
                continue
            levels.append(_row_label(row, label_cols))
            counts.append(count)
            percents.append(pct)
            cells.extend(c for c in (row[cj] if cj is not None else None, row[pj] if pj is not None else None) if c)
        if not levels:
            continue
        n = None
        if total_row and cj is not None:
            n, _ = _count_pct(body[total_row[0]], cj, pj, ctx)
        if n is None and all(c is not None for c in counts):
            n = sum(counts)
        label = " ".join(x for x in (group_label, qualifier) if x)
        span = _span(ctx, cells)
        tables.append(FrequencyTable(label=label, levels=tuple(levels), counts=tuple(counts),
                                     percents=tuple(percents), n=n, span=span, source=Source.TABLE))
        for i, count, pct in read:
            if count is not None and pct is not None:
                row_cells = [c for c in (body[i][cj], body[i][pj]) if c]
                pcs.append(PercentCount(count=count, percent=pct, n=n,
                                        label=" ".join(x for x in (label, _row_label(body[i], label_cols)) if x),
                                        span=_span(ctx, row_cells), source=Source.TABLE))
    return tables, pcs


def _count_pct(row, cj, pj, ctx) -> tuple[int | None, Reported | None]:
    if cj is not None and cj == pj:
        m = _PAIR_RE.match(row[cj].text)
        if not m:
            return None, None
        return parse_count(m.group("a")), ctx.number(m.group("b"))
    count = parse_count(row[cj].text) if cj is not None and row[cj].text.strip() else None
    pct = ctx.number(row[pj].text.rstrip("% ")) if pj is not None and row[pj].text.strip() else None
    return count, pct


def _descriptive(cells: dict[str, Cell], n, label, units, roles, ctx, caption=None,
                 caption_unit=None) -> Descriptive | None:
    """One summary row. Its unit: the one its summary columns' headers print ("Mean (ml)"),
    else the one its row label prints ("Berat badan (kg)"), else the caption's."""
    values: dict[str, object] = {}
    for role, cell in cells.items():
        text = cell.text.strip()
        if not text:
            continue
        if role == "mean_sd":
            m = _PAIR_RE.match(text) or _PLUSMINUS_CELL_RE.match(text)
            if m:
                values["mean"], values["sd"] = ctx.number(m.group("a")), ctx.number(m.group("b"))
        elif role in ("ci", "min_max"):
            m = RANGE_RE.fullmatch(text.strip())
            if m:
                lo, hi = ctx.number(m.group("lo")), ctx.number(m.group("hi"))
                if lo and hi:
                    if role == "ci":
                        values["ci95"] = (lo, hi)
                    else:
                        values["min"], values["max"] = lo, hi
        else:
            value = ctx.number(text)
            if value is not None:
                values[role] = value
    values = {k: v for k, v in values.items() if v is not None}
    if len(values) < 2:
        return None
    unit = (next((u for u, r in zip(units, roles) if u and r in SUMMARY_ROLES), None)
            or unit_of_label(label) or caption_unit)
    own = label and not _TABLE_NAME_ONLY_RE.fullmatch(label)
    when = _time(label) or (None if own else _time(caption or ""))   # no row label: the caption's
    group = _GROUP_RE.search(label)
    return Descriptive(label=label or None, n=n, unit=unit, time=when,
                       group=group.group(1).lower() if group else None,
                       span=_span(ctx, list(cells.values())), source=Source.TABLE, **values)


def _time(text: str) -> str | None:
    """"pre"/"post" when ``text`` names one occasion only."""
    pre, post = _PRE_RE.search(text), _POST_RE.search(text)
    if pre and not post:
        return "pre"
    if post and not pre:
        return "post"
    return None


def _statistic(cells: dict[str, Cell], label: str, table: Table, ctx: StatContext) -> Statistic | None:
    stat_role = next((r for r in cells if r in STAT_ROLES), None)
    p_cell = cells.get("p")
    if stat_role is None and p_cell is None:
        return None
    p, op = None, None
    if p_cell is not None:
        m = _P_CELL_RE.match(p_cell.text)
        if m:
            p = ctx.stat_number(m.group("v"))
            op = POperator.parse(m.group("op")) if m.group("op") else POperator.EQ
    value = ctx.stat_number(cells[stat_role].text.strip()) if stat_role else None
    if stat_role and value is None:
        stat_role = None
    if stat_role is None and p is None:
        return None
    kind = STAT_ROLES[stat_role] if stat_role else StatKind.P_ONLY
    df = None
    if "df" in cells and (d := ctx.stat_number(cells["df"].text.strip())) is not None:
        df = (d.value,)
    span_cells = [c for r, c in cells.items() if r in (stat_role, "p", "df")]
    span = _span(ctx, span_cells)
    test = ctx.test_for(kind, span.start if span else table.start, also=(table.start, table.end + 200))
    return Statistic(kind=kind, value=value, df=df, p=p, p_operator=op if p else None, test=test,
                     label=label or None, span=span, source=Source.TABLE)


__all__ = ["caption_of", "column_role", "interpret_table", "split_header"]
