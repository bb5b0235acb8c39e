"""Helpers for the checks tests: model objects built from printed numbers."""

from __future__ import annotations

import pytest

from evidencekit.checks.context import CheckContext
from evidencekit.checks.settings import CheckSettings
from evidencekit.model import Reported, Span, StudyRecord


def rep(text: str) -> Reported:
    """A Reported number from its printed text: "2,07" -> 2.07 with 2 decimals."""
    t = text.strip().replace("−", "-")
    body = t.replace(",", ".")
    decimals = len(body.split(".")[1]) if "." in body else 0
    return Reported(float(body), decimals, text)


def span(section: str = "results", start: int = 0, text: str = "") -> Span:
    return Span(section, 1, start, start + max(1, len(text)), text)


@pytest.fixture
def R():
    return rep


@pytest.fixture
def S():
    return span


@pytest.fixture
def ctx():
    def make(**record_fields) -> CheckContext:
        return CheckContext(CheckSettings(), StudyRecord(**record_fields) if record_fields else None)
    return make
