"""Damaged PDFs never crash the reader: each either reads or raises one of our errors."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from evidencekit.errors import EvidencekitError
from evidencekit.extract.read import read_document


def _source(kit) -> bytes:
    page = kit.ruled_table(72, 200, [120, 60, 60], [["Kelompok", "n", "p"], ["A", "12", "0,04"]])
    page.texts += kit.lines_at(72, 100, ["METODE", "Uji t dipakai pada dua kelompok kecil."])
    return kit.draw_pdf([page, page])


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), min_size=1, max_size=8),
       truncate=st.one_of(st.none(), st.integers(20, 10_000)))
@example(cuts=[(250, 1)], truncate=None)          # a MediaBox with a name in it (pdfplumber raised)
def test_a_damaged_pdf_reads_or_fails_with_our_error(tmp_path, kit, cuts, truncate):
    data = bytearray(_source(kit))
    for position, value in cuts:
        data[position % len(data)] = value
    if truncate is not None:
        data = data[: truncate % len(data)]
    path = tmp_path / "rusak.pdf"
    path.write_bytes(bytes(data))
    try:
        document = read_document(path)
    except EvidencekitError as exc:
        assert exc.code != "error" and str(exc)
    else:
        assert document.text is not None


@settings(max_examples=200, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_any_bytes_as_a_text_file_read_or_fail_with_our_error(tmp_path, data):
    path = tmp_path / "acak.txt"
    path.write_bytes(data)
    try:
        document = read_document(path)
    except EvidencekitError as exc:
        assert exc.code in {"empty", "nul_bytes", "not_utf8", "binary_text"}
    else:
        assert document.text.strip()
