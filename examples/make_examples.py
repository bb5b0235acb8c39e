#!/usr/bin/env python3
"""Write evidencekit's example papers into examples/: a PDF and a .txt twin for each.

Every sentence of these papers was written for evidencekit; none comes from the real papers in
../shared. The numbers, and the inconsistencies planted in them, are listed in expected.json.
The build is deterministic (reportlab ``invariant=1``) and only rewrites a file whose bytes
changed, so a rerun leaves the tree untouched.

Usage: python examples/make_examples.py [--out DIR] [--check]
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

sys.dont_write_bytecode = True          # keep examples/ free of __pycache__
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from builder.papers import PAPERS      # noqa: E402  (needs the path above)
from builder.pdf import render_pdf     # noqa: E402
from builder.text import render_text   # noqa: E402

log = logging.getLogger("make_examples")


def outputs(paper) -> dict[str, bytes]:
    """File name -> bytes for one paper."""
    return {f"{paper.id}.pdf": render_pdf(paper),
            f"{paper.id}.txt": render_text(paper).encode("utf-8")}


def build(out_dir: Path, check: bool = False) -> list[Path]:
    """Write (or with ``check``, only compare) every example; return the files that changed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    changed = []
    for paper in PAPERS:
        for name, data in outputs(paper).items():
            path = out_dir / name
            if path.is_file() and path.read_bytes() == data:
                continue
            changed.append(path)
            if not check:
                path.write_bytes(data)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write to (default: examples/)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if any file is missing or out of date")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    changed = build(args.out, check=args.check)
    verb = "out of date" if args.check else "written"
    log.info("%d example papers; %d files %s%s", len(PAPERS), len(changed), verb,
             "".join(f"\n  {p}" for p in changed))
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
