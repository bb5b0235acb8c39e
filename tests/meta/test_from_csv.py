"""Reading study data from CSV: paths as text or Path, clear errors."""

from pathlib import Path

import pytest

from evidencekit.errors import DataError
from evidencekit.meta.from_csv import read_study_csv


def test_read_study_csv_takes_a_path_given_as_text(tmp_path):
    csv = tmp_path / "studies.csv"
    csv.write_text("study;yi;vi\nA;0,41;0,02\nB;0,30;0,05\n", encoding="utf-8")
    data = read_study_csv(str(csv))
    assert list(data.columns) == ["study", "yi", "vi"] and len(data) == 2


def test_read_study_csv_names_the_missing_file(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        read_study_csv(Path(tmp_path / "absent.csv"))
