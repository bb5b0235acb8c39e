"""pdfium's vector paths as pdfplumber sees them: path objects walked through form XObjects (their
matrices applied), classified into lines, rects and curves by pdfminer's own ``paint_path``, and
turned into pdfplumber's edges. :mod:`.pdf_tables` feeds these edges to pdfplumber's TableFinder.
The same walk tells whether any text on the page is turned (:func:`page_objects`).
"""

from __future__ import annotations

import ctypes
import math
from typing import Callable, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTContainer
from pdfminer.pdfinterp import PDFGraphicState, PDFResourceManager
from pdfplumber import utils as plumber_utils

#: Form XObjects nested deeper than this are not walked (the page goes to pdfplumber).
MAX_FORM_DEPTH = 16
#: Text turned more than this (radians) from upright is read by pdfplumber, whose words follow it.
UPRIGHT_ANGLE = 0.01


class Unmatched(Exception):
    """A page holds something the pdfium path does not reproduce as pdfplumber would."""


Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _then(m: Matrix, n: Matrix) -> Matrix:
    """Apply ``m``, then ``n`` (pdfminer's ``mult_matrix(m, n)``)."""
    a1, b1, c1, d1, e1, f1 = m
    a0, b0, c0, d0, e0, f0 = n
    return (a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1,
            a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0)


def _matrix(obj) -> Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return IDENTITY
    return m.a, m.b, m.c, m.d, m.e, m.f


def _path_operations(obj, m: Matrix) -> list[tuple]:
    """A path object's path as pdfminer hands it to ``paint_path`` ("m", "l", "c" with their
    points in page space, "h" closing), read segment by segment from pdfium. pdfium gives a
    Bézier as three points in a row and marks a closed subpath on its last point."""
    a, b, c, d, e, f = m
    x, y = ctypes.c_float(), ctypes.c_float()
    operations: list[tuple] = []
    bezier: list[float] = []
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        px, py = a * x.value + c * y.value + e, b * x.value + d * y.value + f
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier.extend((px, py))
            if len(bezier) == 6:
                operations.append(("c", *bezier))
                bezier = []
        elif kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            operations.append(("m", px, py))
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            operations.append(("l", px, py))
        else:
            raise Unmatched(f"a path segment of unknown type {kind}")
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            operations.append(("h",))
    return operations


class PageObjects(NamedTuple):
    """What the table reader needs of a page's objects, from one walk through its forms."""

    paths: list[list[tuple]]       # each path object's operations (:func:`_path_operations`)
    turned_text: bool              # a text object or a form is drawn turned (see :func:`_turned`)


def page_objects(page: pdfium.PdfPage) -> PageObjects:
    """Walk the page's objects, form XObjects included (their matrices applied): the paths, and
    whether any text may be turned. pdfium gives a character the matrix of its text object
    times the matrices of the forms around it, and its angle is that matrix's; so when no text
    object and no form is turned, no character is, and nothing needs asking per character."""
    paths: list[list[tuple]] = []
    turned = _walk(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, IDENTITY, paths)
    return PageObjects(paths, turned)


def _walk(parent, count: Callable, get: Callable, m: Matrix, out: list[list[tuple]], depth: int = 0) -> bool:
    """Append the paths under ``parent`` to ``out``; return whether a text object or form is turned."""
    turned = False
    for i in range(count(parent)):
        obj = get(parent, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            out.append(_path_operations(obj, _then(_matrix(obj), m)))
        elif kind == pdfium_c.FPDF_PAGEOBJ_TEXT and not turned:
            turned = _turned(_matrix(obj) if m is IDENTITY else _then(_matrix(obj), m))
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            if depth >= MAX_FORM_DEPTH:
                raise Unmatched(f"form XObjects nest deeper than {MAX_FORM_DEPTH}")
            form = _then(_matrix(obj), m)
            turned = _walk(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject,
                           form, out, depth + 1) or turned or _turned(form)
    return turned


def _turned(m: Matrix) -> bool:
    """May text drawn with matrix ``m`` (a, b, c, d, e, f) be turned? pdfium takes a
    character's angle from a against one of b and c (which one depends on how it stores the
    matrix), so both are tested, and from half of :data:`UPRIGHT_ANGLE` on: float rounding
    cannot hide a character the per-character test would call turned."""
    a, b, c = m[0], m[1], m[2]
    if b == 0 and c == 0:                            # axis-aligned: upright unless mirrored
        return a <= 0
    return any(min(angle, 2 * math.pi - angle) > UPRIGHT_ANGLE / 2
               for angle in (math.atan2(b, a) % (2 * math.pi), math.atan2(c, a) % (2 * math.pi)))


def path_shapes(paths: list[list[tuple]], height: float) -> list[dict]:
    """The page's lines, rects and curves as pdfplumber's ``page.objects`` holds them, from
    pdfium's path objects (:func:`page_objects`) classified by pdfminer's own ``paint_path``
    (an ``re`` or a closed four-sided axis-aligned path is a rect, a single segment a line,
    anything else a curve)."""
    analyzer = PDFLayoutAnalyzer(PDFResourceManager())
    analyzer.ctm = IDENTITY
    analyzer.cur_item = LTContainer((0, 0, 0, 0))
    state = PDFGraphicState()
    for operations in paths:
        analyzer.paint_path(state, True, False, False, operations)
    shapes = []
    for item in analyzer.cur_item:
        top = height - item.y1
        shapes.append({"object_type": type(item).__name__[2:].lower(), "x0": item.x0, "y0": item.y0,
                       "x1": item.x1, "y1": item.y1, "width": item.width, "height": item.height,
                       "top": top, "bottom": height - item.y0, "doctop": top,
                       "pts": [(px, height - py) for px, py in item.pts]})
    return shapes


def shape_edges(shapes: list[dict]) -> list[dict]:
    """pdfplumber's ``page.edges``: one edge per line, four per rect, one per curve segment."""
    edges: list[dict] = []
    for shape in shapes:
        kind = shape["object_type"]
        if kind == "line":
            edges.append(plumber_utils.line_to_edge(shape))
        elif kind == "rect":
            edges.extend(plumber_utils.rect_to_edges(shape))
        else:
            edges.extend(plumber_utils.curve_to_edges(shape))
    return edges


__all__ = ["IDENTITY", "MAX_FORM_DEPTH", "UPRIGHT_ANGLE", "Matrix", "PageObjects", "Unmatched", "page_objects",
           "path_shapes", "shape_edges"]
