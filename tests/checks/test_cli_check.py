"""`evidencekit check`: grouped, readable output; JSON; exit codes."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from evidencekit.cli import app

runner = CliRunner()

#: A one-paragraph paper of our own: a reversed decision rule and an impossible mean.
PAPER = """PENGARUH PIJAT TERHADAP SKOR ASI

ABSTRAK
Penelitian pre eksperimen pada 12 ibu nifas.

METODE
Desain one group pretest posttest dengan 12 responden. Skor diukur dengan kuesioner. Bila p value > 0,05 maka ada pengaruh, dan bila p value < 0,05 maka tidak ada pengaruh.

HASIL
Rata-rata skor sebelum 5,30 dan sesudah 7,10. Uji t berpasangan t(11) = 4,20; p = 0,001.
"""


def test_check_prints_flags_grouped_by_severity_with_evidence(tmp_path):
    f = tmp_path / "paper.txt"
    f.write_text(PAPER, encoding="utf-8")
    result = runner.invoke(app, ["check", str(f)])
    assert result.exit_code == 1, result.output          # an error-severity flag
    assert "ERRORS" in result.output and "decision_rule" in result.output
    assert "p value > 0,05" in result.output             # the evidence sentence


def test_check_writes_contract_json(tmp_path):
    f = tmp_path / "paper.txt"
    f.write_text(PAPER, encoding="utf-8")
    out = tmp_path / "flags.json"
    result = runner.invoke(app, ["check", str(f), "--format", "json", "-o", str(out)])
    assert result.exit_code == 1
    doc = json.loads(out.read_text(encoding="utf-8"))["documents"][0]
    checks = {fl["check"] for fl in doc["flags"]}
    assert "decision_rule" in checks
    assert all({"check", "severity", "message", "evidence"} <= set(fl) for fl in doc["flags"])


def test_check_rejects_an_impossible_alpha_with_a_clear_message(tmp_path):
    f = tmp_path / "paper.txt"
    f.write_text(PAPER, encoding="utf-8")
    result = runner.invoke(app, ["check", str(f), "--alpha", "5"])
    assert result.exit_code == 2 and "alpha must lie in (0, 1)" in result.output


def test_check_help_has_an_example():
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output
