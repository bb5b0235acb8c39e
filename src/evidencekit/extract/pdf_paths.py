"""pdfium's vector paths as pdfplumber sees them: path objects walked through form XObjects (their
matrices applied), classified into lines, rects and curves by pdfminer's own ``paint_path``, and
turned into pdfplumber's edges. :mod:`.pdf_tables` feeds these edges to pdfplumber's TableFinder.
"""

from __future__ import annotations

import ctypes
from typing import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTContainer
from pdfminer.pdfinterp import PDFGraphicState, PDFResourceManager
from pdfplumber import utils as plumber_utils

#: Form XObjects nested deeper than this are not walked (the page goes to pdfplumber).
MAX_FORM_DEPTH = 16


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


def _walk(parent, count: Callable, get: Callable, m: Matrix, out: list[list[tuple]], depth: int = 0) -> None:
    for i in range(count(parent)):
        obj = get(parent, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            out.append(_path_operations(obj, _then(_matrix(obj), m)))
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            if depth >= MAX_FORM_DEPTH:
                raise Unmatched(f"form XObjects nest deeper than {MAX_FORM_DEPTH}")
            _walk(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject,
                  _then(_matrix(obj), m), out, depth + 1)


def path_shapes(page: pdfium.PdfPage, height: float) -> list[dict]:
    """The page's lines, rects and curves as pdfplumber's ``page.objects`` holds them, from
    pdfium's path objects classified by pdfminer's own ``paint_path`` (an ``re`` or a closed
    four-sided axis-aligned path is a rect, a single segment a line, anything else a curve)."""
    paths: list[list[tuple]] = []
    _walk(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, IDENTITY, paths)
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


__all__ = ["IDENTITY", "MAX_FORM_DEPTH", "Matrix", "Unmatched", "path_shapes", "shape_edges"]
