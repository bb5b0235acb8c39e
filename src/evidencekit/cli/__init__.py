"""``evidencekit`` command line: a thin face over the library.

Every module in this package registers its commands on :data:`app`; they are imported here, so a
new command is a new module.
"""

from __future__ import annotations

import importlib
import pkgutil

from evidencekit.cli.app import app

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _info.name != "app":
        importlib.import_module(f"{__name__}.{_info.name}")


def main() -> None:
    app()


__all__ = ["app", "main"]
