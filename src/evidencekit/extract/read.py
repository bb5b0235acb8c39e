"""Read a file into a :class:`~evidencekit.model.Document` (placeholder until issue 2 lands)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from evidencekit.errors import FileNotFound
from evidencekit.model import Document


def document_id(path: Path) -> str:
    return Path(path).stem


def read_document(path: Path, *, limits=None, doc_id: str | None = None) -> Document:
    path = Path(path)
    if not path.is_file():
        raise FileNotFound(f"{path}: no such file")
    data = path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    return Document(id=doc_id or document_id(path), source=str(path),
                    sha256=hashlib.sha256(data).hexdigest(), text=text)
