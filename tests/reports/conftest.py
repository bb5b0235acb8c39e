"""Fixtures of the report tests: small documents we write ourselves, and a pooled analysis."""

from __future__ import annotations

import pytest

from evidencekit.meta import Effect, pool
from evidencekit.model import (
    Cell, Document, DocumentResult, Flag, Page, Section, StudyRecord, Table,
)
from evidencekit.reports.forest_rows import StudyInfo
from evidencekit.vocab import CheckId, Design, Severity

# Two pages of our own text (Indonesian), then a small table on page 2.
TEXT_PAGE1 = ("Judul uji coba. Metode: desain satu kelompok pretest-posttest dengan 18 ibu nifas. "
              "Rerata skor sebelum pijat adalah 2,07 dengan SD 0,80. ")
TEXT_PAGE2 = "Hasil uji Wilcoxon Z = -3,10 dengan p = 0,002. Tabel 1\nKelompok Rerata\nPre 2,07\nPost 3,90\n"


def make_document(doc_id: str = "doc-a", source: str = "papers/doc-a.pdf") -> Document:
    text = TEXT_PAGE1 + TEXT_PAGE2
    p2 = len(TEXT_PAGE1)
    table_start = text.index("Tabel 1")
    pre = text.index("2,07", table_start)
    cells = ((Cell("Kelompok", table_start + 8, table_start + 16), Cell("Rerata", table_start + 17, table_start + 23)),
             (Cell("Pre", pre - 4, pre - 1), Cell("2,07", pre, pre + 4)))
    return Document(
        id=doc_id, source=source, sha256="0" * 64, text=text,
        pages=(Page(1, 0, p2), Page(2, p2, len(text))),
        sections=(Section("methods", "Metode", 0, p2), Section("results", "Hasil", p2, len(text))),
        tables=(Table(2, cells, table_start, len(text), caption="Tabel 1"),), language="id")


def span_of(document: Document, needle: str, after: int = 0):
    start = document.text.index(needle, after)
    return document.span(start, start + len(needle))


@pytest.fixture
def document() -> Document:
    return make_document()


@pytest.fixture
def flagged_result(document) -> DocumentResult:
    """A primary paper with one error (in a sentence), one warning (in a table cell) and one note."""
    sentence_mean = span_of(document, "2,07")
    table_mean = span_of(document, "2,07", document.text.index("Tabel 1"))
    flags = (
        Flag(CheckId.GRIM, Severity.ERROR, "Mean 2.07 is not a possible average of 18 whole-number scores.",
             evidence=(sentence_mean,), expected=2.06, reported=2.07),
        Flag(CheckId.VALUE_CONFLICT, Severity.WARNING, "The table gives another pretest mean.",
             evidence=(table_mean,)),
        Flag(CheckId.P_ZERO_OR_FORMAT, Severity.NOTE, "p is printed with too few digits."),
    )
    record = StudyRecord(title="Pijat oksitosin dan produksi ASI", authors=("Sari",), year=2021,
                         design=Design.ONE_GROUP_PRETEST_POSTTEST, n_total=18)
    return DocumentResult(id=document.id, source=document.source, sha256=document.sha256, language="id",
                          record=record, flags=flags, document=document)


@pytest.fixture
def effects() -> tuple[Effect, ...]:
    """Five one-group pre/post effects (SMCR) made up for the tests."""
    data = (("s1", 1.20, 0.09), ("s2", 0.80, 0.05), ("s3", 2.50, 0.60), ("s4", 0.30, 0.04), ("s5", 1.00, 0.12))
    return tuple(Effect(yi=y, vi=v, measure="SMCR", study=s, derived_from="pre_post_mean_sd",
                        assumed={"r_prepost": 0.5}) for s, y, v in data)


@pytest.fixture
def pooled(effects):
    return pool(effects, method="REML", test="z")


@pytest.fixture
def info() -> dict[str, StudyInfo]:
    flag = Flag(CheckId.GRIM, Severity.ERROR, "Mean 2.07 is impossible for n = 18.")
    return {"s1": StudyInfo("Sari 2021", "n=18", (flag,)), "s2": StudyInfo("Dewi 2019", "n=30"),
            "s3": StudyInfo("Lestari 2020", "n=12"), "s4": StudyInfo("Putri 2018", "n=40"),
            "s5": StudyInfo("Rahma 2022", "n=20")}


# --------------------------------------------------------------------------- headless Chromium

import asyncio  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import urllib.request  # noqa: E402
from pathlib import Path  # noqa: E402

#: Flags of the browser test (CI runs as root in a container, hence --no-sandbox).
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--remote-debugging-port=0", "--window-size=1280,1800")
#: Seconds to wait for Chromium to start and for the page (4.8 MB of plotly.js) to settle.
BROWSER_START_S, PAGE_LOAD_S = 30.0, 60.0


class PageSession:
    """A page of headless Chromium driven over the DevTools protocol (tornado's websocket client).

    Collects console errors and uncaught exceptions as they arrive.
    """

    def __init__(self, ws_url: str):
        self.ws_url = ws_url
        self.loop = asyncio.new_event_loop()
        self.conn = None
        self.next_id = 0
        self.events: list[dict] = []

    def _run(self, coro):
        return self.loop.run_until_complete(asyncio.wait_for(coro, PAGE_LOAD_S))

    def connect(self) -> None:
        from tornado.websocket import websocket_connect

        async def connect():
            return await websocket_connect(self.ws_url, max_message_size=256 * 1024 * 1024)

        self.conn = self._run(connect())

    async def _call(self, method: str, params: dict | None) -> dict:
        self.next_id += 1
        call_id = self.next_id
        await self.conn.write_message(json.dumps({"id": call_id, "method": method, "params": params or {}}))
        while True:
            message = await self.conn.read_message()
            assert message is not None, "the browser closed the DevTools connection"
            data = json.loads(message)
            if data.get("id") == call_id:
                assert "error" not in data, f"{method}: {data['error']}"
                return data.get("result", {})
            self.events.append(data)

    def call(self, method: str, params: dict | None = None) -> dict:
        return self._run(self._call(method, params))

    async def _wait_event(self, method: str) -> dict:
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            data = json.loads(await self.conn.read_message())
            self.events.append(data)
            if data.get("method") == method:
                return data

    def wait_event(self, method: str) -> dict:
        return self._run(self._wait_event(method))

    def evaluate(self, expression: str, await_promise: bool = False):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": await_promise})
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = PAGE_LOAD_S):
        """Poll ``expression`` until it is truthy; return its value."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for: {expression}")

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries seen so far."""
        found = []
        for e in self.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(json.dumps(params["exceptionDetails"])[:500])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(" ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(params["entry"]["text"])
        return found

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.loop.close()


@pytest.fixture
def chromium_page():
    """A fresh headless Chromium (own --user-data-dir) with one page, as a :class:`PageSession`."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    assert binary, "the browser test needs Chromium: run `make sysdeps` (apt-get install chromium)"
    profile = tempfile.mkdtemp(prefix="ek-chromium-")
    proc = subprocess.Popen([binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    session = None
    try:
        port = None
        for line in proc.stderr:                       # "DevTools listening on ws://127.0.0.1:PORT/…"
            m = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
            if m:
                port = int(m.group(1))
                break
        assert port, "Chromium did not open a DevTools port"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=BROWSER_START_S) as r:
            targets = json.load(r)
        page = next(t for t in targets if t["type"] == "page")
        session = PageSession(page["webSocketDebuggerUrl"])
        session.connect()
        for domain in ("Page", "Runtime", "Log"):
            session.call(f"{domain}.enable")
        yield session
    finally:
        if session is not None:
            session.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


#: Where the browser test leaves its screenshot (CI keeps out/ as an artifact).
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "out" / "browser-test"


@pytest.fixture
def screenshot_dir() -> Path:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR
