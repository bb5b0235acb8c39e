"""Static export of plotly figures (SVG, PNG, PDF) through kaleido and a local Chromium.

Kaleido ≥ 1 drives a Chrome/Chromium found on PATH (Debian: ``apt-get install chromium``, which
``make sysdeps`` does). Export is optional for a report: when it fails, :func:`export_figures`
returns the reason instead of raising, and the HTML report is written all the same.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

#: Executable names searched on PATH, in order (Debian's package installs ``chromium``).
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
#: PNG pixels per layout pixel: sharp enough for print at the figure's width.
PNG_SCALE = 2.0
#: Width and height of a figure that sets none (plotly's default).
DEFAULT_SIZE = (700, 500)
INSTALL_HINT = ("install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`, or `make sysdeps`) "
                "and run the command again; the HTML report does not need it")


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What :func:`export_figures` wrote, and why it stopped when it failed."""

    written: tuple[Path, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _size(figure, name: str, default: int) -> int:
    """The figure's own layout width/height (``write_images`` would otherwise use 700×500)."""
    value = getattr(getattr(figure, "layout", None), name, None)
    return int(value) if value else default


def find_chromium() -> str | None:
    """The path of a Chrome/Chromium executable on PATH, or None."""
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _export_errors() -> tuple[type[BaseException], ...]:
    """The exceptions a failed browser or kaleido raises (kaleido wraps some in RuntimeError)."""
    from choreographer import errors as choreo

    return (RuntimeError, OSError, choreo.BrowserFailedError, choreo.BrowserClosedError,
            choreo.BrowserDepsError, choreo.ChannelClosedError, choreo.DevtoolsProtocolError,
            choreo.ChromeNotFoundError)


def export_figures(jobs: Sequence[tuple[object, Path]], *, scale: float = PNG_SCALE) -> ExportResult:
    """Write each (figure, path) pair; the format follows the suffix (.svg, .png, .pdf).

    All figures go through one browser session (plotly's ``write_images``), which is many times
    faster than one ``write_image`` call per file.
    """
    if not jobs:
        return ExportResult()
    if find_chromium() is None:
        return ExportResult(error=f"no Chrome/Chromium found on PATH: {INSTALL_HINT}")
    import plotly.io as pio

    figures = [fig for fig, _ in jobs]
    paths = [Path(p) for _, p in jobs]
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        pio.write_images(figures, paths, scale=[scale if p.suffix.lower() == ".png" else 1 for p in paths],
                         width=[_size(f, "width", DEFAULT_SIZE[0]) for f in figures],
                         height=[_size(f, "height", DEFAULT_SIZE[1]) for f in figures])
    except _export_errors() as exc:
        log.warning("static figure export failed: %s", exc)
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return ExportResult(tuple(p for p in paths if p.exists()),
                            error=f"static export failed ({first_line}): {INSTALL_HINT}")
    return ExportResult(tuple(paths))
