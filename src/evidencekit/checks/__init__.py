"""Consistency checks: flag internally inconsistent statistics, with plain-language evidence.

:func:`check_result` runs every check of CONTRACT vocabulary C (:data:`CHECKS`) over one
:class:`DocumentResult` and returns its flags, worst first. The checks are pure functions over
extracted values; the prose claims they need are extracted here once
(:func:`evidencekit.extract.claims.find_claims`).
"""

from __future__ import annotations

import logging
from dataclasses import replace

from evidencekit.checks.context import CheckContext, context_for
from evidencekit.checks.registry import CHECKS, Inputs
from evidencekit.checks.settings import CheckSettings
from evidencekit.extract.claims import Claims, find_claims
from evidencekit.extract.instrument import scale_items
from evidencekit.model import DocumentResult, Flag

log = logging.getLogger(__name__)


def check_result(result: DocumentResult, settings: CheckSettings | None = None) -> list[Flag]:
    """Every flag of one document, errors first (a failed document has none)."""
    if result.error is not None:
        return []
    claims = find_claims(result.document) if result.document is not None else Claims()
    ctx = context_for(result, settings, scores_are_integers=claims.score_instrument,
                      one_tailed_stated=claims.one_tailed, scale_items=scale_items(result.document))
    inputs = Inputs(result, ctx, claims)
    flags: list[Flag] = []
    for check_id, run in CHECKS.items():
        found = run(inputs)
        log.debug("%s: %s gave %d flag(s)", result.id, check_id.value, len(found))
        flags.extend(found)
    return sorted(merge_repeats(flags), key=lambda f: f.severity.rank)


def merge_repeats(flags: list[Flag]) -> list[Flag]:
    """One flag per finding: a result printed twice (text and table, abstract and results) gives
    the same check and message twice; keep the first, with the evidence of all."""
    merged: dict[tuple[str, str], Flag] = {}
    for flag in flags:
        key = (flag.check.value, flag.message)
        if key not in merged:
            merged[key] = flag
            continue
        first = merged[key]
        extra = tuple(s for s in flag.evidence if s not in first.evidence)
        merged[key] = replace(first, evidence=first.evidence + extra)
    return list(merged.values())


__all__ = ["CHECKS", "CheckContext", "CheckSettings", "check_result", "merge_repeats"]
