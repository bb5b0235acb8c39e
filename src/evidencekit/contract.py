"""The public JSON contract (v1, /work/shared/CONTRACT.md) as a JSON Schema, and its validator.

``evidencekit extract --format json`` writes one contract object. :func:`validate` says, path by
path, where an object breaks the contract; :func:`offset_mismatches` checks that every evidence
span of a document points at its ``text`` in the normalised text (``evidencekit text --no-markers``).

The schema has one source of truth for its vocabularies: :mod:`evidencekit.vocab`.
:func:`build_schema` makes it from those enums; ``schema/contract-v1.json`` is that output as
shipped (``write_schema`` rewrites it, and a test keeps the two equal).

    >>> from evidencekit.contract import validate
    >>> validate({"contract": 1, "tool": {"name": "evidencekit", "version": "0.1.0"}, "documents": []})
    []
"""

from __future__ import annotations

import json
import re
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from evidencekit.errors import EvidencekitError
from evidencekit.model import CONTRACT_VERSION
from evidencekit.vocab import (
    CheckId,
    Design,
    DesignFamily,
    DocumentKind,
    POperator,
    Sampling,
    Severity,
    Source,
    StatKind,
    TestName,
)

SCHEMA_ID = "https://evidencekit.invalid/schema/contract-v1.json"
SCHEMA_RESOURCE = "schema/contract-v1.json"

#: Statistic kinds that are not a test result: a descriptive row and a count with its percent.
SUMMARY_KINDS = (StatKind.DESCRIPTIVE, StatKind.PERCENT)


class SchemaUnavailable(EvidencekitError):
    """The validator needs the ``jsonschema`` package."""

    code = "schema_unavailable"


# --------------------------------------------------------------------------- building blocks


def _values(enum: type[Enum]) -> list[str]:
    return [m.value for m in enum]


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` or null: the contract's "unknown is null, never guessed"."""
    return {"anyOf": [schema, {"type": "null"}]}


def _enum_or_null(enum: type[Enum]) -> dict[str, Any]:
    return {"enum": [*_values(enum), None]}


#: A printed string when known: never "" for unknown (that is null).
_TEXT = _nullable({"type": "string", "minLength": 1})
_NUMBER = {"type": "number"}
_OPT_NUMBER = _nullable(_NUMBER)
_COUNT = {"type": "integer", "minimum": 0}
_OPT_COUNT = _nullable(_COUNT)
_OFFSET = _nullable({"type": "integer", "minimum": 0})
_INTERVAL = _nullable({"type": "array", "items": _NUMBER, "minItems": 2, "maxItems": 2})
#: One df (t, χ², r) or two (F); the contract example prints null for Z.
_DF = _nullable({"anyOf": [_NUMBER, {"type": "array", "items": _NUMBER, "minItems": 1, "maxItems": 2}]})


def _object(properties: dict[str, Any], required: Iterable[str] | None = None) -> dict[str, Any]:
    """An object with these properties, all required unless ``required`` says otherwise; extra
    fields are allowed (the contract says fields may be added)."""
    return {"type": "object", "properties": properties,
            "required": list(properties if required is None else required),
            "additionalProperties": True}


def _span() -> dict[str, Any]:
    return _object({
        "section": _TEXT,
        "page": _nullable({"type": "integer", "minimum": 1}),
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 0},
        "text": {"type": "string"},
    })


def _main_result() -> dict[str, Any]:
    return _nullable(_object({
        "test": _enum_or_null(TestName),
        "statistic": _enum_or_null(StatKind),
        "value": _OPT_NUMBER,
        "df": _DF,
        "p": _OPT_NUMBER,
        "p_operator": _enum_or_null(POperator),
        "significant": _nullable({"type": "boolean"}),
    }))


def _record() -> dict[str, Any]:
    return _object({
        "title": _TEXT,
        "authors": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "year": _nullable({"type": "integer", "minimum": 1800, "maximum": 2100}),
        "journal": _TEXT,
        "doi": _nullable({"type": "string", "pattern": r"^10\.\d{4,9}/\S+$"}),
        "setting": _TEXT,
        "design": _enum_or_null(Design),
        "design_family": _enum_or_null(DesignFamily),
        "n_total": _nullable({"type": "integer", "minimum": 1}),
        "n_arms": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
        "sampling": _enum_or_null(Sampling),
        "intervention": _TEXT,
        "comparator": _TEXT,
        "outcome": _TEXT,
        "tests": {"type": "array", "items": {"enum": _values(TestName)}, "uniqueItems": True},
        "main_result": _main_result(),
        "evidence": {"type": "object", "additionalProperties": {"type": "array", "items": {"$ref": "#/$defs/span"}}},
    })


def _study() -> dict[str, Any]:
    """A review's row: a record plus its row number and raw cells by column header."""
    return {"allOf": [
        {"$ref": "#/$defs/record"},
        _object({"row": {"type": "integer", "minimum": 1},
                 "cells": {"type": "object", "additionalProperties": {"type": "string"}}}),
    ]}


#: Where a statistic was read; every statistic carries these (null when unknown).
_PLACE = {
    "section": _TEXT,
    "page": _nullable({"type": "integer", "minimum": 1}),
    "start": _OFFSET,
    "end": _OFFSET,
    "text": _nullable({"type": "string"}),
    "source": {"enum": _values(Source)},
}


def _statistic() -> dict[str, Any]:
    """One entry of ``statistics``; its fields depend on ``kind``."""
    test_kinds = [k.value for k in StatKind if k not in SUMMARY_KINDS]
    test_result = _object({
        "value": _OPT_NUMBER, "df": _DF, "p": _OPT_NUMBER,
        "p_operator": _enum_or_null(POperator), "test": _enum_or_null(TestName),
    })
    descriptive = _object({
        "label": _TEXT, "n": _OPT_COUNT, "mean": _OPT_NUMBER, "sd": _OPT_NUMBER,
        "ci95": _INTERVAL, "min": _OPT_NUMBER, "max": _OPT_NUMBER, "median": _OPT_NUMBER,
        "unit": _TEXT,
    })
    percent = _object({"label": _TEXT, "count": _COUNT, "n": _OPT_COUNT, "percent": _NUMBER})
    return {
        **_object({"kind": {"enum": _values(StatKind)}, **_PLACE},
                  required=["kind", "section", "page", "text", "source"]),
        "allOf": [
            {"if": {"properties": {"kind": {"enum": test_kinds}}}, "then": test_result},
            {"if": {"properties": {"kind": {"const": StatKind.P_ONLY.value}}},
             "then": {"properties": {"value": {"type": "null"}, "p": _NUMBER}}},
            {"if": {"properties": {"kind": {"const": StatKind.DESCRIPTIVE.value}}}, "then": descriptive},
            {"if": {"properties": {"kind": {"const": StatKind.PERCENT.value}}}, "then": percent},
        ],
    }


def _flag() -> dict[str, Any]:
    return _object({
        "check": {"enum": _values(CheckId)},
        "severity": {"enum": _values(Severity)},
        "message": {"type": "string", "minLength": 1},
        "expected": _OPT_NUMBER,
        "reported": _OPT_NUMBER,
        "evidence": {"type": "array", "items": {"$ref": "#/$defs/span"}},
    })


def _document() -> dict[str, Any]:
    document = _object({
        "id": {"type": "string", "minLength": 1},
        "source": {"type": "string", "minLength": 1},
        "sha256": _nullable({"type": "string", "pattern": "^[0-9a-f]{64}$"}),
        "language": _nullable({"type": "string", "pattern": "^[a-z]{2}(\\+[a-z]{2})*$"}),
        "kind": {"enum": _values(DocumentKind)},
        "error": _nullable(_object({"code": {"type": "string", "minLength": 1},
                                    "message": {"type": "string", "minLength": 1}})),
        "record": _nullable({"$ref": "#/$defs/record"}),
        "studies": {"type": "array", "items": {"$ref": "#/$defs/study"}},
        "statistics": {"type": "array", "items": {"$ref": "#/$defs/statistic"}},
        "flags": {"type": "array", "items": {"$ref": "#/$defs/flag"}},
    })
    # "studies": kind == review only.
    document["allOf"] = [{"if": {"properties": {"kind": {"const": DocumentKind.PRIMARY.value}}},
                          "then": {"properties": {"studies": {"maxItems": 0}}}}]
    return document


def build_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of contract v1, vocabularies taken from :mod:`vocab`."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "evidencekit output contract v1",
        "description": "What `evidencekit extract --format json` writes. Fields may be added; "
                       "unknown values are null; every number is a JSON number.",
        **_object({
            "contract": {"const": CONTRACT_VERSION},
            "tool": _object({"name": {"const": "evidencekit"}, "version": {"type": "string", "minLength": 1}}),
            "documents": {"type": "array", "items": {"$ref": "#/$defs/document"}},
        }),
        "$defs": {
            "document": _document(),
            "record": _record(),
            "study": _study(),
            "statistic": _statistic(),
            "flag": _flag(),
            "span": _span(),
        },
    }


# --------------------------------------------------------------------------- the shipped file


def schema() -> dict[str, Any]:
    """The shipped schema file (``evidencekit/schema/contract-v1.json``)."""
    text = resources.files("evidencekit").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return json.loads(text)


def write_schema(path: Path | None = None) -> Path:
    """Rewrite the shipped schema file from :func:`build_schema` (after a vocabulary change)."""
    path = path or Path(__file__).parent / SCHEMA_RESOURCE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- validation


def _path(parts: Iterable[Any]) -> str:
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def validate(obj: Any) -> list[str]:
    """Every way ``obj`` breaks contract v1, as ``"$.documents[0].record.design: message"``
    lines in document order; an empty list when it conforms."""
    try:
        from jsonschema import Draft202012Validator
    except ImportError:
        raise SchemaUnavailable("validating the contract needs the jsonschema package: "
                                "pip install 'evidencekit[test]' or pip install jsonschema") from None
    validator = Draft202012Validator(schema())
    lines = [line for e in validator.iter_errors(obj) for line in _leaves(e)]
    return sorted(dict.fromkeys(lines), key=_natural)


def _leaves(error: Any) -> list[str]:
    """``path: message`` lines of one validation error. A nullable field that is neither null
    nor valid reports why its non-null branch failed, not "not valid under any schema"."""
    if error.validator == "anyOf" and error.context:
        branches: dict[Any, list[Any]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        live = [errs for errs in branches.values()
                if not (len(errs) == 1 and errs[0].validator == "type" and errs[0].validator_value == "null")]
        if len(live) == 1:
            return [line for sub in live[0] for line in _leaves(sub)]
    return [f"{_path(error.absolute_path)}: {error.message}"]


def _natural(line: str) -> list[Any]:
    """Sort key: $.documents[10] after $.documents[9]."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", line.split(": ", 1)[0])]


# --------------------------------------------------------------------------- evidence offsets


def _all_spans(document: dict[str, Any]) -> Iterable[tuple[str, dict[str, Any]]]:
    """(JSON path, span dict) of every place of one contract document that may carry offsets."""
    for i, stat in enumerate(document.get("statistics") or ()):
        yield f"$.statistics[{i}]", stat
    for i, flag in enumerate(document.get("flags") or ()):
        for j, span in enumerate(flag.get("evidence") or ()):
            yield f"$.flags[{i}].evidence[{j}]", span
    records = [("$.record", document.get("record"))]
    records += [(f"$.studies[{i}]", study) for i, study in enumerate(document.get("studies") or ())]
    for where, record in records:
        for name, spans in ((record or {}).get("evidence") or {}).items():
            for j, span in enumerate(spans):
                yield f"{where}.evidence.{name}[{j}]", span


def evidence_spans(document: dict[str, Any]) -> Iterable[tuple[str, dict[str, Any]]]:
    """(JSON path, span dict) of every evidence span of one contract document that has
    offsets: statistics, flags' evidence, and the record's (and review rows') field evidence."""
    return ((where, span) for where, span in _all_spans(document)
            if span.get("start") is not None and span.get("end") is not None)


def offset_mismatches(document: dict[str, Any], text: str) -> list[str]:
    """Every evidence span of ``document`` whose ``text`` is not ``text[start:end]`` of the
    document's normalised text (``evidencekit text --no-markers``), or whose offsets fall
    outside it. Spans without ``text`` are checked for bounds only."""
    problems = []
    for where, span in evidence_spans(document):
        start, end, quoted = span["start"], span["end"], span.get("text")
        if not 0 <= start <= end <= len(text):
            problems.append(f"{where}: offsets {start}:{end} outside the text (length {len(text)})")
        elif quoted and text[start:end] != quoted:
            problems.append(f"{where}: text[{start}:{end}] is {text[start:end]!r}, evidence says {quoted!r}")
    return problems


__all__ = ["CONTRACT_VERSION", "SchemaUnavailable", "build_schema", "evidence_spans",
           "offset_mismatches", "schema", "validate", "write_schema"]
