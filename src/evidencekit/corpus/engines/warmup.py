"""Warm-up of the local engine's forkserver: imported there once, never by library code.

The pipeline builds caches on first use (spaCy pipelines, lexicons, compiled patterns — about
2 s). Running it once on two synthetic papers (Indonesian and English, our own sentences) inside
the forkserver means every worker forked from it starts with those caches, instead of each
worker paying the cost again (copy-on-write keeps them shared).
"""

from __future__ import annotations

import logging
import random
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)


def warm_up() -> None:
    """Process one small paper per language through the whole pipeline and discard the results."""
    from evidencekit.corpus.synthetic import make_paper
    from evidencekit.pipeline import process

    rng = random.Random(0)
    with tempfile.TemporaryDirectory(prefix="evidencekit-warmup-") as tmp:
        for language in ("id", "en"):
            path = Path(tmp) / f"warmup_{language}.txt"
            path.write_text(make_paper(rng, language).text, encoding="utf-8")
            process(path)


try:
    warm_up()
except Exception:  # noqa: BLE001 — optional speed-up: a failure only means workers start cold
    log.warning("ingest workers start without warm-up", exc_info=True)
