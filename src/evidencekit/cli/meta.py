"""``evidencekit meta``: pool study data from a CSV (metafor column names).

The analysis is :func:`evidencekit.meta.from_csv.analyse_table`; this module prints it.
"""

from __future__ import annotations

import math
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Table

from evidencekit.cli.app import app, console, fail, write_json
from evidencekit.errors import DataError
from evidencekit.meta.from_csv import TABLE_METHODS, analyse_table, read_study_csv
from evidencekit.meta.results import TAU2_METHODS


class MetaFormat(str, Enum):
    json = "json"
    table = "table"


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
        out = analyse_table(read_study_csv(data), measure=measure, method=method, test=test.lower(), level=level,
                            by=by)
    except DataError as exc:
        raise fail(str(exc)) from exc
    if fmt is MetaFormat.json or output is not None:
        write_json(out, output)
    else:
        print_tables(out)
