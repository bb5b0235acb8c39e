"""``evidencekit meta``: pool study data from a CSV (metafor column names)."""

from __future__ import annotations

import math
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Table

from evidencekit.cli.app import app, console, fail, write_json
from evidencekit.errors import DataError
from evidencekit.meta.results import TAU2_METHODS


class MetaFormat(str, Enum):
    json = "json"
    table = "table"


#: columns that may label the studies, in order of preference
STUDY_COLUMNS = ("study", "slab", "author", "authors", "trial")
#: pooling methods for 2×2 data besides the inverse-variance estimators
TABLE_METHODS = ("MH", "PETO")
#: leave-one-out and influence refit the model k times: above this k they are left to the Python API
SENSITIVITY_MAX_K = 500


def read_study_csv(path: Path) -> Any:
    """Read a study-data CSV (comma or semicolon separated; comma decimals accepted)."""
    import pandas as pd

    if not path.is_file():
        raise DataError(f"{path}: no such file; give the path of a CSV with one row per study.")
    header = path.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
    sep = max((";", ",", "\t"), key=header.count)      # "0,41" in the rows must not decide it
    try:
        data = pd.read_csv(path, sep=sep)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read as CSV ({exc}); save it as UTF-8 CSV with a header row.") from exc
    data.columns = [str(c).strip() for c in data.columns]
    return data


def numeric(data: Any, column: str) -> Any:
    """A column as floats; "1,25" is read as 1.25; blanks and NA become NaN."""
    import pandas as pd

    col = data[column]
    if not pd.api.types.is_numeric_dtype(col):
        col = col.astype(str).str.strip().str.replace(",", ".", regex=False)
    return pd.to_numeric(col, errors="coerce").to_numpy(float)


def run_meta(data: Any, *, measure: str | None, method: str, test: str, level: float, by: str | None) -> dict:
    """The whole analysis as a JSON-ready dict (library calls only; the CLI formats it)."""
    from evidencekit import meta
    from evidencekit.meta.effects import MEASURE_COLUMNS, check_measure, columns_for

    cols = list(data.columns)
    if measure is None:
        if {"yi", "vi"} <= set(cols) or {"yi", "sei"} <= set(cols):
            measure = "GEN"
        else:
            raise DataError("give --measure (one of " + ", ".join(MEASURE_COLUMNS) + "), or columns yi and vi.")
    measure = check_measure(measure)
    used = columns_for(measure, cols)
    values = {c: numeric(data, c) for c in used}
    label_col = next((c for c in STUDY_COLUMNS if c in cols), None)
    studies = [str(s) for s in data[label_col]] if label_col else [f"study {i + 1}" for i in range(len(data))]
    out: dict[str, Any] = {"measure": measure, "method": method, "test": test, "level": level, "columns": list(used)}
    if method.upper() in TABLE_METHODS:
        if measure not in ("OR", "RR"):
            raise DataError(f"--method {method} needs 2×2 data with --measure OR or RR (Peto: OR).")
        fn = meta.peto if method.upper() == "PETO" else meta.mantel_haenszel
        kw = {} if method.upper() == "PETO" else {"measure": measure}
        out["result"] = fn(level=level, **kw, **values).to_dict()  # type: ignore[arg-type]
        return out
    if by and by not in cols:
        raise DataError(f"--by {by}: no such column; the columns are {', '.join(cols)}.")
    groups = [None if (isinstance(g, float) and math.isnan(g)) else str(g) for g in data[by]] if by else None
    effects = meta.escalc(measure, study=studies, group=groups, **values)
    result = meta.pool(effects, method=method, test=test, level=level)
    out["effects"] = [e.to_dict() for e in effects]
    out["result"] = result.to_dict()
    out["bias"] = {}
    for name, call in (("regtest", lambda: meta.regtest(result)), ("ranktest", lambda: meta.ranktest(result))):
        try:
            out["bias"][name] = call().to_dict()
        except DataError as exc:
            out["bias"][name] = {"error": str(exc)}
    if result.k > SENSITIVITY_MAX_K:
        out["sensitivity"] = {"skipped": f"k = {result.k} > {SENSITIVITY_MAX_K}: leave-one-out and influence "
                                         "refit k times; run them from Python (evidencekit.meta)."}
    else:
        out["sensitivity"] = {}
        for name, call in (("leave_one_out", lambda: meta.leave_one_out(result)),
                           ("influence", lambda: meta.influence(result)),
                           ("cumulative", lambda: meta.cumulative(result)),
                           ("trimfill", lambda: meta.trimfill(result))):
            try:
                out["sensitivity"][name] = call().to_dict()
            except DataError as exc:
                out["sensitivity"][name] = {"error": str(exc)}
    if by:
        usable = [e for e in effects if math.isfinite(e.yi) and math.isfinite(e.vi)]
        out["subgroup"] = meta.subgroup(usable, name=by, method=method, test=test, level=level).to_dict()
    return out


def _fmt(x: Any, digits: int = 4) -> str:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "—"
    if isinstance(x, float):
        return f"{x:.{digits}f}" if abs(x) >= 1e-4 or x == 0 else f"{x:.2e}"
    return str(x)


def print_tables(out: dict) -> None:
    """Rich tables: the studies, the pooled estimate, heterogeneity and the notes."""
    r = out["result"]
    if "effects" in out:
        from evidencekit.meta.dist import wald_ci

        t = Table(title=f"Studies ({out['measure']})")
        for col in ("study", "yi", f"{100 * out['level']:g}% CI", "weight %"):
            t.add_column(col, justify="left" if col == "study" else "right")
        weights = dict(zip(r["studies"], r["weights"]))
        yis = [math.nan if e["yi"] is None else e["yi"] for e in out["effects"]]
        lowers, uppers = wald_ci(yis, [math.nan if e["vi"] is None else e["vi"] for e in out["effects"]],
                                 out["level"])
        for e, lower, upper in zip(out["effects"], lowers.tolist(), uppers.tolist()):
            ci = f"[{_fmt(lower)}, {_fmt(upper)}]" if math.isfinite(lower) and math.isfinite(upper) else "—"
            t.add_row(str(e["study"]), _fmt(e["yi"]), ci, _fmt(weights.get(e["study"]), 2))
        console.print(t)
    s = Table(title=f"Pooled: {r.get('method')} ({out['test'] if 'ddf' in r else 'z'}), k = {r['k']}")
    for col in ("estimate", "se", "stat", "p", "CI lower", "CI upper"):
        s.add_column(col, justify="right")
    s.add_row(*(_fmt(r.get(k)) for k in ("estimate", "se", "stat", "pval", "ci_lower", "ci_upper")))
    console.print(s)
    h = r["heterogeneity"]
    line = f"Q({h['df']}) = {_fmt(h['Q'])}, p = {_fmt(h['p'])}; I² = {_fmt(h['I2'], 1)}%, H² = {_fmt(h['H2'], 2)}"
    if "tau2" in r:
        line += f"; τ² = {_fmt(r['tau2'])}"
        pred = r.get("prediction") or {}
        if pred.get("pi_lower") is not None:
            line += f"; 95% prediction interval [{_fmt(pred['pi_lower'])}, {_fmt(pred['pi_upper'])}]"
    console.print(line, highlight=False)
    if "subgroup" in out:
        sg = out["subgroup"]
        g = Table(title=f"Subgroups by {sg['by']}")
        for col in ("subgroup", "k", "estimate", "CI lower", "CI upper", "I² %"):
            g.add_column(col, justify="left" if col == "subgroup" else "right")
        for level, res in zip(sg["levels"], sg["subgroups"]):
            g.add_row(level, str(res["k"]), _fmt(res["estimate"]), _fmt(res["ci_lower"]), _fmt(res["ci_upper"]),
                      _fmt(res["heterogeneity"]["I2"], 1))
        console.print(g)
        b, s2 = sg["between_common"], sg["between_separate"]
        console.print(f"Between subgroups: {b['stat_name']} = {_fmt(b['stat'])}, p = {_fmt(b['pval'])} (common τ²); "
                      f"Q = {_fmt(s2['stat'])}, p = {_fmt(s2['pval'])} (separate τ²)", highlight=False)
    for name, test in (out.get("bias") or {}).items():
        if "error" not in test:
            console.print(f"{name}: {_fmt(test['stat'])}, p = {_fmt(test['pval'])}", highlight=False)
    sens = out.get("sensitivity") or {}
    tf = sens.get("trimfill") or {}
    if "error" not in tf and tf:
        console.print(f"trim-and-fill ({tf['estimator']}): {tf['k0']} studies imputed on the {tf['side']} side; "
                      f"adjusted estimate {_fmt(tf['result']['estimate'])}", highlight=False)
    inf = sens.get("influence") or {}
    if "columns" in inf:
        flagged = [s for s, f in zip(inf["studies"], inf["columns"]["influential"]) if f]
        console.print(f"influential studies: {', '.join(flagged) if flagged else 'none'}", highlight=False)
    loo = sens.get("leave_one_out") or {}
    if "columns" in loo:
        est = loo["columns"]["estimate"]
        console.print(f"leave-one-out estimates range from {_fmt(min(est))} to {_fmt(max(est))}", highlight=False)
    for note in r.get("notes") or []:
        console.print(f"[yellow]note:[/] {note}", highlight=False)


@app.command("meta")
def meta_command(
    data: Path = typer.Argument(..., help="CSV with one row per study, columns named as in metafor."),
    measure: Optional[str] = typer.Option(None, "--measure", "-m",
                                          help="SMD, MD, ROM, SMCR, SMCC, OR, RR, RD, ZCOR, COR or GEN (yi/vi)."),
    method: str = typer.Option("REML", "--method", help="EE, FE, DL, REML, ML, PM, SJ, HE, HS, EB; MH or PETO for 2×2."),
    test: str = typer.Option("z", "--test", help="z or knha (Hartung-Knapp-Sidik-Jonkman)."),
    level: float = typer.Option(0.95, "--level", help="Confidence level."),
    by: Optional[str] = typer.Option(None, "--by", help="Column with subgroup labels."),
    fmt: MetaFormat = typer.Option(MetaFormat.table, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write JSON here instead of stdout."),
) -> None:
    """Pool study data: effect sizes, pooled estimate, heterogeneity, bias tests, subgroups, and
    leave-one-out, influence, cumulative and trim-and-fill analyses.

    Columns use metafor's names: m1i, sd1i, n1i, m2i, sd2i, n2i (SMD, MD, ROM); m1i, m2i, sd1i, ni, ri
    (SMCR); ai, bi, ci, di or ai, n1i, ci, n2i (OR, RR, RD); ri, ni (ZCOR, COR); yi, vi (given).
    A "study" column labels the rows.

    Example: evidencekit meta examples/meta/oxytocin_two_group.csv --measure SMD --method REML --by setting
    """
    method = method.upper() if method.upper() in TAU2_METHODS + TABLE_METHODS else method
    try:
        out = run_meta(read_study_csv(data), measure=measure, method=method, test=test.lower(), level=level, by=by)
    except DataError as exc:
        raise fail(str(exc)) from exc
    if fmt is MetaFormat.json or output is not None:
        write_json(out, output)
    else:
        print_tables(out)
