"""evidencekit: extract, check and pool the statistics of research papers."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("evidencekit")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
