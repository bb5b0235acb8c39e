"""Per-file work that misbehaves on purpose, chosen by the file name (for isolation tests).

Loaded by the ingest workers as "<this file>:work"; not a test module.
"""

import os
import signal
import time

from evidencekit.pipeline import process


def work(path, limits, until):
    name = os.path.basename(path)
    if "crash" in name:
        os.kill(os.getpid(), signal.SIGSEGV)          # what a broken C library does
    if "hang" in name:
        while True:
            time.sleep(0.05)
    if "hog" in name:
        hoard = []
        while True:
            hoard.append(bytearray(64 * 1024 * 1024))
    if "bug" in name:
        raise KeyError("a bug in an extractor")
    if "slow" in name:
        time.sleep(0.1)
    return process(path, limits=limits, until=until)
