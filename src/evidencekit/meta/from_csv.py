"""From a study-data CSV (metafor's column names) to the whole analysis, as JSON-ready values.

What ``evidencekit meta`` runs: effect sizes (``escalc``), the pooled fit (``pool``), Egger and Begg
tests, leave-one-out, influence, cumulative and trim-and-fill (up to :data:`SENSITIVITY_MAX_K`
studies), and subgroups; or Mantel-Haenszel / Peto pooling of 2×2 tables. An analysis that cannot
be run on these data is recorded as ``{"error": message}`` and the others go on.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from evidencekit.errors import DataError

#: columns that may label the studies, in order of preference
STUDY_COLUMNS = ("study", "slab", "author", "authors", "trial")
#: pooling methods for 2×2 data besides the inverse-variance estimators
TABLE_METHODS = ("MH", "PETO")
#: leave-one-out and influence refit the model k times: above this k they are left to the Python API
SENSITIVITY_MAX_K = 500


def read_study_csv(path: str | Path) -> Any:
    """Read a study-data CSV (comma or semicolon separated; comma decimals accepted)."""
    import pandas as pd

    path = Path(path)
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


def _each_or_error(calls: Iterable[tuple[str, Callable[[], Any]]]) -> dict[str, Any]:
    """{name: result.to_dict()} of each call; a call the data cannot support gives {"error": …}."""
    out: dict[str, Any] = {}
    for name, call in calls:
        try:
            out[name] = call().to_dict()
        except DataError as exc:
            out[name] = {"error": str(exc)}
    return out


def analyse_table(data: Any, *, measure: str | None, method: str, test: str, level: float,
                  by: str | None) -> dict:
    """The whole analysis of a study-data table (a pandas DataFrame) as a JSON-ready dict."""
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
    out["bias"] = _each_or_error((("regtest", lambda: meta.regtest(result)),
                                  ("ranktest", lambda: meta.ranktest(result))))
    if result.k > SENSITIVITY_MAX_K:
        out["sensitivity"] = {"skipped": f"k = {result.k} > {SENSITIVITY_MAX_K}: leave-one-out and influence "
                                         "refit k times; run them from Python (evidencekit.meta)."}
    else:
        out["sensitivity"] = _each_or_error((("leave_one_out", lambda: meta.leave_one_out(result)),
                                             ("influence", lambda: meta.influence(result)),
                                             ("cumulative", lambda: meta.cumulative(result)),
                                             ("trimfill", lambda: meta.trimfill(result))))
    if by:
        usable = [e for e in effects if math.isfinite(e.yi) and math.isfinite(e.vi)]
        out["subgroup"] = meta.subgroup(usable, name=by, method=method, test=test, level=level).to_dict()
    return out


__all__ = ["SENSITIVITY_MAX_K", "STUDY_COLUMNS", "TABLE_METHODS", "analyse_table", "numeric", "read_study_csv"]
