"""Helpers for the metafor oracle tests: read ../shared/anchors/metafor (never copied)."""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

import numpy as np
import pytest

ANCHORS = Path(__file__).resolve().parents[2].parent / "shared" / "anchors" / "metafor"

#: DESIGN.md / issue 6: agree with metafor 3.8-1 to 1e-6 relative ...
REL_TOL = 1e-6
#: ... or 1e-8 absolute (p-values like 1e-31, DFFITS of 1e-15 that are 0 up to rounding)
ABS_TOL = 1e-8


@cache
def analyses() -> tuple[str, ...]:
    index = json.loads((ANCHORS / "index.json").read_text())
    return tuple(index["analyses"])


@cache
def anchor(analysis_id: str) -> dict:
    return json.loads((ANCHORS / f"{analysis_id}.json").read_text())


def num(x):
    """An anchor number: None for NA, float('nan') / ±inf for the JSON strings."""
    if x is None:
        return None
    if isinstance(x, str):
        return {"NaN": math.nan, "Inf": math.inf, "-Inf": -math.inf}[x]
    return float(x)


def effects_of(analysis_id: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    e = anchor(analysis_id)["escalc"]
    yi = np.array([math.nan if v is None else v for v in e["yi"]], float)
    vi = np.array([math.nan if v is None else v for v in e["vi"]], float)
    return yi, vi, [str(s) for s in e["study"]]


def close(mine, ref, rel: float = REL_TOL, abs_: float = ABS_TOL) -> bool:
    ref = num(ref)
    if ref is None:
        return mine is None or (isinstance(mine, float) and math.isnan(mine))
    if mine is None:
        return False
    mine = float(mine)
    if math.isnan(ref) or math.isinf(ref):
        return (math.isnan(ref) and math.isnan(mine)) or mine == ref
    return abs(mine - ref) <= max(abs_, rel * abs(ref))


def assert_all_close(pairs: dict, rel: float = REL_TOL, abs_: float = ABS_TOL) -> None:
    """pairs: name -> (mine, metafor). Fails listing every quantity that disagrees."""
    bad = {k: v for k, v in pairs.items() if not close(v[0], v[1], rel, abs_)}
    assert not bad, "disagree with metafor: " + "; ".join(f"{k}: ours {m!r} vs {r!r}" for k, (m, r) in bad.items())


@pytest.fixture(scope="session")
def anchors_dir() -> Path:
    assert ANCHORS.is_dir(), f"the metafor anchors are expected at {ANCHORS}"
    return ANCHORS


def fit_id(analysis_id: str, key: str) -> str:
    """"bcg_RR-REML-knha" for fits["REML_knha"], "bcg_RR-DL-z" for fits["DL"]."""
    method, _, test = key.partition("_")
    return f"{analysis_id}-{method}-{test or 'z'}"


def _fit_cases() -> list:
    cases = []
    for aid in analyses():
        for key in anchor(aid)["fits_tight"]:
            cases.append(pytest.param(aid, key, id=fit_id(aid, key)))
    return cases


def pytest_generate_tests(metafunc):
    """Parametrise oracle tests: ``fit_case`` -> (analysis, fit key); ``analysis_id`` -> every analysis."""
    if "fit_case" in metafunc.fixturenames:
        metafunc.parametrize("fit_case", [pytest.param((p.values[0], p.values[1]), id=p.id)
                                          for p in _fit_cases()])
    if "analysis_id" in metafunc.fixturenames:
        metafunc.parametrize("analysis_id", list(analyses()))


class Anchors:
    """The oracle helpers as a fixture (test files do not import each other or conftest)."""

    rel_tol = REL_TOL
    abs_tol = ABS_TOL
    anchor = staticmethod(anchor)
    effects_of = staticmethod(effects_of)
    num = staticmethod(num)
    close = staticmethod(close)
    assert_all_close = staticmethod(assert_all_close)
    dir = ANCHORS


@pytest.fixture(scope="session")
def mf() -> Anchors:
    assert ANCHORS.is_dir(), f"the metafor anchors are expected at {ANCHORS}"
    return Anchors()
