"""`evidencekit meta` on CSVs (CliRunner)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from evidencekit.cli import app
from evidencekit.meta import escalc, pool

runner = CliRunner()


def test_meta_json_matches_the_library(examples_dir):
    path = examples_dir / "meta" / "oxytocin_two_group.csv"
    res = runner.invoke(app, ["meta", str(path), "--measure", "SMD", "--method", "REML", "--format", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    import pandas as pd

    d = pd.read_csv(path)
    lib = pool(escalc("SMD", **{c: d[c] for c in ("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i")}))
    assert out["result"]["estimate"] == pytest.approx(lib.estimate, rel=1e-12)
    assert out["result"]["k"] == 8 and out["result"]["studies"][0] == "Sari 2019"
    assert "regtest" in out["bias"] and "ranktest" in out["bias"]


def test_meta_table_with_subgroups_and_knapp_hartung(examples_dir):
    path = examples_dir / "meta" / "oxytocin_two_group.csv"
    res = runner.invoke(app, ["meta", str(path), "--measure", "SMD", "--test", "knha", "--by", "setting"])
    assert res.exit_code == 0, res.output
    assert "Subgroups by setting" in res.stdout and "puskesmas" in res.stdout and "Pooled" in res.stdout


def test_missing_columns_are_named(tmp_path):
    csv = tmp_path / "d.csv"
    csv.write_text("study,m1i,sd1i,n1i\nA,1,1,10\n")
    res = runner.invoke(app, ["meta", str(csv), "--measure", "SMD"])
    assert res.exit_code == 1
    assert "m2i" in res.output and "sd2i" in res.output and "n2i" in res.output


def test_semicolons_and_comma_decimals_are_read(tmp_path):
    csv = tmp_path / "d.csv"
    csv.write_text("study;yi;vi\nAni;0,41;0,052\nBudi;0,2;0,03\nCitra;0,65;0,08\n")
    res = runner.invoke(app, ["meta", str(csv), "--format", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["measure"] == "GEN" and out["effects"][0]["yi"] == pytest.approx(0.41)


def test_na_rows_are_dropped_with_a_note(tmp_path):
    csv = tmp_path / "d.csv"
    csv.write_text("study,yi,vi\nA,0.4,0.05\nB,NA,0.03\nC,0.6,0.08\nD,0.1,0.02\n")
    out = json.loads(runner.invoke(app, ["meta", str(csv), "-f", "json"]).stdout)
    assert out["result"]["k"] == 3 and any("omitted" in n for n in out["result"]["notes"])


def test_mantel_haenszel_from_the_cli(tmp_path):
    csv = tmp_path / "t.csv"
    csv.write_text("study,ai,n1i,ci,n2i\nA,4,40,9,41\nB,2,30,5,29\nC,0,25,3,26\n")
    res = runner.invoke(app, ["meta", str(csv), "--measure", "OR", "--method", "MH", "-f", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["result"]["method"] == "MH" and out["result"]["k"] == 3


def test_unknown_by_column_and_missing_file_are_clear_errors(tmp_path, examples_dir):
    path = examples_dir / "meta" / "oxytocin_two_group.csv"
    res = runner.invoke(app, ["meta", str(path), "--measure", "SMD", "--by", "region"])
    assert res.exit_code == 1 and "no such column" in res.output
    res = runner.invoke(app, ["meta", str(tmp_path / "none.csv")])
    assert res.exit_code == 1 and "no such file" in res.output


def test_meta_help_has_an_example():
    res = runner.invoke(app, ["meta", "--help"])
    assert res.exit_code == 0 and "Example:" in res.stdout


def test_sensitivity_analyses_are_in_the_json_and_match_the_library(examples_dir):
    from evidencekit.meta import leave_one_out

    path = examples_dir / "meta" / "oxytocin_two_group.csv"
    out = json.loads(runner.invoke(app, ["meta", str(path), "--measure", "SMD", "-f", "json"]).stdout)
    import pandas as pd

    d = pd.read_csv(path)
    effects = escalc("SMD", study=list(d["study"]), **{c: d[c] for c in ("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i")})
    loo = leave_one_out(pool(effects))
    assert out["sensitivity"]["leave_one_out"]["columns"]["estimate"] == pytest.approx(list(loo.column("estimate")))
    assert set(out["sensitivity"]) == {"leave_one_out", "influence", "cumulative", "trimfill"}


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False).map(lambda x: round(x, 4)), min_size=1, max_size=20),
       st.booleans())
def test_numeric_reads_comma_and_point_decimals_alike(values, comma):
    import pandas as pd

    from evidencekit.meta.from_csv import numeric

    text = [f"{v:.4f}".replace(".", ",") if comma else f"{v:.4f}" for v in values]
    parsed = numeric(pd.DataFrame({"yi": text}), "yi")
    assert parsed.tolist() == pytest.approx(values, abs=1e-9)
