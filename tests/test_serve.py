"""Serving: `streamlit run app.py` serves through an st.App whose start-up warms the Timeline once per server."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import pytest
from streamlit.web.server.app_discovery import discover_asgi_app

from timeline import charts, serve, ui
from timeline.dataset import load_events
from timeline.errors import DataError
from timeline.serve import Message, Scope

ROOT = Path(__file__).resolve().parents[1]
NOT_AT_FIRST = ("kaleido", "trafilatura", "openpyxl", "dateparser", "htmldate", "timeline.pipeline",
                "timeline.extract", "timeline.export", "timeline.uploads", "timeline.present")
"""Modules of other pages (export, uploads, extraction, classroom) that the first Timeline must not load."""


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SUPPLY_LINES_HOME", str(tmp_path))
    return tmp_path


def test_streamlit_run_finds_the_app_server_in_app_py() -> None:
    found = discover_asgi_app(ROOT / "app.py")
    assert found.is_asgi_app and found.import_string == "app:server"


def test_importing_app_py_builds_the_server_with_the_warm_up() -> None:
    code = ("import app, streamlit as st, timeline.serve as s; "
            "assert isinstance(app.server, st.App) and app.server._user_lifespan is s.lifespan; "
            "assert [m.cls for m in app.server._user_middleware] == [s.PreloadChart]")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def _in_own_loop(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run `coroutine` on a loop of its own (Playwright's tests may hold this thread's loop)."""
    out: list[Any] = []
    runner = threading.Thread(target=lambda: out.append(asyncio.run(coroutine)))
    runner.start()
    runner.join(10)
    return out[0]


@pytest.mark.parametrize("fails", [False, True])
def test_lifespan_warms_up_before_the_server_listens(monkeypatch: pytest.MonkeyPatch, fails: bool) -> None:
    done: list[str] = []

    def warm_up() -> None:
        done.append(threading.current_thread().name)
        if fails:
            raise RuntimeError("a bug in the warm-up")

    monkeypatch.setattr(serve, "warm_up", warm_up)

    async def start() -> list[str]:
        async with serve.lifespan(object()):
            return list(done)

    seen = _in_own_loop(start())
    assert len(seen) == 1, "the warm-up is over when the server starts to listen, even when it failed"
    assert seen[0] != threading.current_thread().name


PAGE = b"<!DOCTYPE html><html><head><title>S</title></head><body></body></html>"
TAGS = b'<link rel="modulepreload" crossorigin href="./static/js/PlotlyChart.abc.js">'


def _through_middleware(content_type: bytes, accept: bytes, body: bytes = PAGE) -> tuple[list[Message], Scope]:
    """What PreloadChart sends for a response of `content_type` in two body parts, and the scope passed on."""
    seen: dict[str, Scope] = {}

    async def app(scope: Scope, receive: Any, send: Any) -> None:
        seen["scope"] = scope
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body[:10], "more_body": True})
        await send({"type": "http.response.body", "body": body[10:]})

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    async def receive() -> Message:
        return {"type": "http.request"}

    scope = {"type": "http", "method": "GET", "path": "/",
             "headers": [(b"accept", accept), (b"accept-encoding", b"gzip, br")]}
    _in_own_loop(serve.PreloadChart(app, tags=TAGS)(scope, receive, send))
    return sent, seen["scope"]


def test_preload_tags_go_in_the_head_of_the_html_page() -> None:
    sent, scope = _through_middleware(b"text/html; charset=utf-8", b"text/html,*/*")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    assert body == PAGE.replace(b"</head>", TAGS + b"</head>")
    headers = dict(sent[0]["headers"])
    assert headers[b"content-length"] == str(len(body)).encode()
    assert b"accept-encoding" not in dict(scope["headers"]), "asked uncompressed, so the tags can go in"


@pytest.mark.parametrize(("content_type", "accept"), [
    (b"application/javascript", b"*/*"),
    (b"text/html; charset=utf-8", b"application/json"),
])
def test_other_responses_pass_unchanged(content_type: bytes, accept: bytes) -> None:
    sent, scope = _through_middleware(content_type, accept)
    assert [m.get("body") for m in sent[1:]] == [PAGE[:10], PAGE[10:]]
    assert dict(sent[0]["headers"])[b"content-length"] == str(len(PAGE)).encode()


def test_preload_names_the_installed_plotly_chunk(tmp_path: Path) -> None:
    js = tmp_path / "static" / "js"
    js.mkdir(parents=True)
    (js / "PlotlyChart.x1Y2.js").write_text("", encoding="utf-8")
    (js / "Other.z.js").write_text("", encoding="utf-8")
    assert serve.preload_tags(tmp_path) == b'<link rel="modulepreload" crossorigin href="./static/js/PlotlyChart.x1Y2.js">'
    assert serve.preload_tags(tmp_path / "missing") == b""
    assert b"PlotlyChart." in serve.preload_tags(), "the installed Streamlit still has the chunk"


def test_warm_up_builds_the_first_figure_from_the_table(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    monkeypatch.setattr(charts, "timeline_figure", lambda df: built.append(len(df)))
    serve.warm_up()
    assert built == [len(load_events())]


def test_warm_up_leaves_a_data_error_to_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise DataError("events.csv, row 2: no id")

    monkeypatch.setattr(ui, "load_table", broken)
    serve.warm_up()  # no exception: whoever opens the page reads the message


def test_first_timeline_loads_no_module_of_the_other_pages(home: Path) -> None:
    code = ("import sys; from streamlit.testing.v1 import AppTest; "
            "at = AppTest.from_file('app.py', default_timeout=60); at.run(); "
            "assert not at.exception and at.get('plotly_chart'); "
            f"print(sorted(m for m in {NOT_AT_FIRST!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
