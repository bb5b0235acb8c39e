"""One paper through the stages: read → extract (statistics, record) → check.

The CLI, the corpus ingest and the report all call :func:`process`, so a paper gives the same
result whichever way it comes in. A failed read becomes a :class:`DocumentResult` carrying an
``error``; it never raises for bad input.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

from evidencekit.errors import EvidencekitError
from evidencekit.model import Document, DocumentResult
from evidencekit.vocab import DocumentKind

log = logging.getLogger(__name__)

#: Stages in order; a run names the last one it wants.
STAGES = ("read", "extract", "check")


@dataclass(frozen=True)
class Limits:
    """Per-file limits that keep a hostile input from hanging or exhausting a run."""

    max_pages: int = 300
    timeout_s: float = 120.0
    max_bytes: int = 200 * 1024 * 1024

    def __post_init__(self) -> None:
        if self.max_pages < 1:
            raise ValueError(f"max_pages must be at least 1; got {self.max_pages!r}")
        if self.timeout_s <= 0:
            raise ValueError(f"timeout_s must be positive; got {self.timeout_s!r}")


def process(path: str | Path, *, limits: Limits = Limits(), until: str = "check",
            doc_id: str | None = None, check_settings=None) -> DocumentResult:
    """Read one file and run the stages up to ``until`` ("read", "extract" or "check")."""
    from evidencekit.extract.read import document_id, read_document

    if until not in STAGES:
        raise ValueError(f"unknown stage {until!r}; allowed: {', '.join(STAGES)}")
    path = Path(path)
    doc_id = doc_id or document_id(path)
    try:
        document = read_document(path, limits=limits, doc_id=doc_id)
    except EvidencekitError as exc:
        log.info("%s: %s", path, exc)
        return DocumentResult.failed(doc_id, str(path), exc.code, str(exc),
                                     sha256=getattr(exc, "sha256", None))
    return analyse(document, until=until, check_settings=check_settings)


def analyse(document: Document, *, until: str = "check", check_settings=None) -> DocumentResult:
    """Run extraction and checks on an already read :class:`Document`."""
    result = DocumentResult(id=document.id, source=document.source, sha256=document.sha256,
                            language=document.language, document=document)
    if until == "read":
        return result
    result = extract(result)
    if until == "extract":
        return result
    from evidencekit.checks import check_result

    return replace(result, flags=tuple(check_result(result, check_settings)))


def extract(result: DocumentResult) -> DocumentResult:
    """Fill statistics, frequency tables, the record and (for reviews) the studies."""
    from evidencekit.extract.record import find_record
    from evidencekit.extract.review import find_studies, is_review
    from evidencekit.extract.statistics import find_statistics

    document = result.document
    assert document is not None
    statistics, frequency_tables = find_statistics(document)
    kind = DocumentKind.REVIEW if is_review(document) else DocumentKind.PRIMARY
    studies = tuple(find_studies(document)) if kind is DocumentKind.REVIEW else ()
    record = find_record(document, statistics, kind=kind)
    return replace(result, kind=kind, statistics=tuple(statistics),
                   frequency_tables=tuple(frequency_tables), record=record, studies=studies)
