"""pdfplumber's table finder with its cell search made fast, giving exactly its cells.

pdfplumber's ``intersections_to_cells`` looks, for every intersection, at every later point
for the ones directly below and directly right, and builds the sets of edges through two points
anew for every pair it tests: on a page with a few hundred intersections that is three quarters
of the table finder's time. :func:`intersections_to_cells` does the same search in the same
order over the same points, with each point's column and row found by lookup and each point's
edge sets built once. tests/extract/test_pdf_cells.py checks it against pdfplumber's own on
random grids, and tests/extract/test_pdf_tables_oracle.py the tables on every shared page.
"""

from __future__ import annotations

import bisect
from operator import itemgetter

from pdfplumber.table import (T_intersections, Table, TableFinder, TableSettings, cells_to_tables,
                              edges_to_intersections)

Point = tuple[float, float]
Cell = tuple[float, float, float, float]
#: pdfplumber's ``obj_to_bbox``: an edge's (x0, top, x1, bottom).
_bbox = itemgetter("x0", "top", "x1", "bottom")


class CellFinder(TableFinder):
    """pdfplumber's ``TableFinder`` (the steps of its 0.11 ``__init__``: edges, intersections,
    cells, tables), its cells found by :func:`intersections_to_cells`."""

    def __init__(self, page, settings: TableSettings):
        self.page = page
        self.settings = settings
        self.edges = self.get_edges()
        self.intersections = edges_to_intersections(self.edges, settings.intersection_x_tolerance,
                                                    settings.intersection_y_tolerance)
        self.cells = intersections_to_cells(self.intersections)
        self.tables = [Table(page, group) for group in cells_to_tables(self.cells)]


def intersections_to_cells(intersections: T_intersections) -> list[Cell]:
    """pdfplumber's ``intersections_to_cells``: for each point in sorted order, the smallest cell
    it is the top-left corner of: the first point below it (nearest first) joined to it by a
    vertical edge and the first point right of it joined by a horizontal edge whose corner
    opposite is an intersection joined to both."""
    points = sorted(intersections)
    vertical = {p: frozenset(map(_bbox, intersections[p]["v"])) for p in points}
    horizontal = {p: frozenset(map(_bbox, intersections[p]["h"])) for p in points}
    columns: dict[float, list[Point]] = {}
    rows: dict[float, list[float]] = {}
    for point in points:                         # in sorted order: columns by x, each top down
        columns.setdefault(point[0], []).append(point)
        rows.setdefault(point[1], []).append(point[0])

    def connects(p: Point, q: Point) -> bool:
        """pdfplumber's ``edge_connects``: one vertical edge through both, or one horizontal."""
        return ((p[0] == q[0] and not vertical[p].isdisjoint(vertical[q]))
                or (p[1] == q[1] and not horizontal[p].isdisjoint(horizontal[q])))

    cells: list[Cell] = []
    for column in columns.values():              # the points in sorted order again
        for k, point in enumerate(column):
            row = rows[point[1]]
            right = [(x, point[1]) for x in row[bisect.bisect_right(row, point[0]):]]
            cell = _smallest_cell(point, column[k + 1:], right, intersections, connects)
            if cell is not None:
                cells.append(cell)
    return cells


def _smallest_cell(point: Point, below: list[Point], right: list[Point], intersections: T_intersections,
                   connects) -> Cell | None:
    """pdfplumber's ``find_smallest_cell`` for one point, given the points below and right of it."""
    for below_point in below:
        if not connects(point, below_point):
            continue
        for right_point in right:
            if not connects(point, right_point):
                continue
            corner = (right_point[0], below_point[1])
            if corner in intersections and connects(corner, right_point) and connects(corner, below_point):
                return (point[0], point[1], corner[0], corner[1])
    return None
