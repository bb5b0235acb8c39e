"""Consistency checks (placeholder until issue 5 lands)."""


def check_result(result, settings=None):
    return []
