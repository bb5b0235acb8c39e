"""Find every reported statistic (placeholder until issue 3 lands)."""

from evidencekit.model import Document


def find_statistics(document: Document):
    return [], []
