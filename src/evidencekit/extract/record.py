"""Build the study record (placeholder until issue 4 lands)."""

from evidencekit.model import StudyRecord


def find_record(document, statistics, kind=None) -> StudyRecord:
    return StudyRecord()
