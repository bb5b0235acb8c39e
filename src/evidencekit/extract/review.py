"""Read a literature review's extraction table (placeholder until issue 4 lands)."""


def is_review(document) -> bool:
    return False


def find_studies(document):
    return []
