"""Our cell search (evidencekit.extract.pdf_cells) gives exactly pdfplumber's cells and tables."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber import table as plumber_table
from pdfplumber.table import TableFinder, TableSettings

from evidencekit.extract.pdf_cells import CellFinder, intersections_to_cells
from evidencekit.extract.pdf_tables import TABLE_SETTINGS, _EdgePage

#: Lines on a coarse lattice with half-point jitter: cells, spans, gaps, near misses and ties.
position = st.integers(min_value=0, max_value=12).map(lambda v: v * 10.0) | st.sampled_from([5.5, 30.5, 60.25])


def edge(orientation: str, at: float, start: float, end: float) -> dict:
    start, end = sorted((start, end))
    if orientation == "h":
        return {"x0": start, "x1": end, "top": at, "bottom": at, "width": end - start, "height": 0.0,
                "orientation": "h", "object_type": "line", "doctop": at}
    return {"x0": at, "x1": at, "top": start, "bottom": end, "width": 0.0, "height": end - start,
            "orientation": "v", "object_type": "line", "doctop": start}


stray = st.builds(edge, st.sampled_from("hv"), position, position, position)


@st.composite
def grids(draw) -> list[dict]:
    """Rules of a grid (some cut short or left out: spanned and open cells), plus stray lines."""
    xs = sorted(draw(st.sets(position, min_size=2, max_size=5)))
    ys = sorted(draw(st.sets(position, min_size=2, max_size=5)))
    out = []
    for y in ys:
        if draw(st.integers(0, 5)):                          # most rules drawn, some left out
            out.append(edge("h", y, xs[0], _end(draw, xs)))
    for x in xs:
        if draw(st.integers(0, 5)):
            out.append(edge("v", x, ys[0], _end(draw, ys)))
    return out + draw(st.lists(stray, max_size=6))


def _end(draw, positions: list[float]) -> float:
    """Where a rule stops: most run the whole grid, some stop short."""
    return positions[-1] if draw(st.integers(0, 3)) else draw(st.sampled_from(positions[1:]))


edges = st.one_of(grids(), grids(), st.lists(stray, max_size=24))     # mostly grids


@settings(max_examples=300, deadline=None)
@given(edges)
def test_cells_equal_pdfplumbers_intersections_to_cells(sample):
    intersections = plumber_table.edges_to_intersections(sample, 1, 1)
    assert intersections_to_cells(intersections) == plumber_table.intersections_to_cells(intersections)


@settings(max_examples=200, deadline=None)
@given(edges)
def test_cell_finder_finds_pdfplumbers_tables(sample):
    page = _EdgePage(sample, (0.0, 0.0, 200.0, 200.0))
    resolved = TableSettings.resolve(TABLE_SETTINGS)
    ours = [t.cells for t in CellFinder(page, resolved).tables]
    assert ours == [t.cells for t in TableFinder(page, resolved).tables]


def test_a_three_by_two_grid_has_six_cells():
    lines = [edge("h", y, 0, 90) for y in (0, 20, 40)] + [edge("v", x, 0, 40) for x in (0, 30, 60, 90)]
    cells = intersections_to_cells(plumber_table.edges_to_intersections(lines, 1, 1))
    assert cells == [(x, y, x + 30, y + 20) for x in (0, 30, 60) for y in (0, 20)]
