"""Serving the app: warm the Timeline once per server at start-up, and start a server for tests and benchmarks.

INTERFACE (stable; others build on it):
    warm_up()                          import the Timeline's modules, read the data, build the first figure
    lifespan(app)                      st.App lifespan: warm_up() (in a worker thread) before the server listens
    PreloadChart(app)                  ASGI middleware: the app's HTML page asks the browser to fetch the chart
                                       library at once, not only when the first chart reaches it
    running_app(home, script=APP) -> URL   context manager: `streamlit run` on a free port, own user data folder
    CHROMIUM_ARGS                      the flags browser tests and benchmarks start Chromium with
A fresh server otherwise spends half a second of its first visitor's time importing pandas and plotly and
reading the bundled data. Done while the first visitor's browser loads Streamlit's front end, it still competes
with it for the CPU and for the server's one Python thread; so the server starts listening once it is done.
Streamlit's front end fetches the code of each kind of element (Plotly's is 4.7 MB) only when the first such
element arrives; PreloadChart names the Plotly chunk in the page, so the browser fetches it with the front end.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, MutableMapping
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
START_SECONDS = 60.0
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
"""How the browser tests and the benchmark start Debian's Chromium."""

_log = logging.getLogger(__name__)


def warm_up() -> None:
    """Do, once per server process, what the first visit to the Timeline would otherwise wait for."""
    from timeline import ui
    from timeline.charts import timeline_figure
    from timeline.errors import TimelineError

    try:
        timeline_figure(ui.load_table())
    except TimelineError as e:  # the page itself shows the error to whoever opens it
        _log.warning("warm-up skipped: %s", e)
    # Streamlit's first element in a process looks up the module of each calling frame (env_util.is_repl), and
    # inspect then maps every loaded module to its file (0.1 s); filling that map here spares the first visitor.
    inspect.stack()


@asynccontextmanager
async def lifespan(app: object) -> AsyncIterator[None]:
    """warm_up() before the server takes its first request (in a worker thread: the event loop stays free)."""
    try:
        await asyncio.to_thread(warm_up)
    except Exception:  # noqa: BLE001 - a failed warm-up only costs the first visitor time; the page reports errors
        _log.exception("warm-up failed")
    yield


# --- the chart library fetched with the front end ----------------------------------------------------------

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]
PRELOADED = ("PlotlyChart",)
"""Streamlit front-end chunks every visit needs at once (the Timeline, the default page, is a Plotly chart)."""


@functools.cache
def preload_tags(static: Path | None = None) -> bytes:
    """<link rel="modulepreload"> tags for the PRELOADED chunks of the installed Streamlit (none if not found)."""
    if static is None:
        import streamlit

        static = Path(streamlit.__file__).parent / "static"
    tags = [f'<link rel="modulepreload" crossorigin href="./static/js/{f.name}">'
            for name in PRELOADED for f in sorted((static / "static" / "js").glob(f"{name}.*.js"))]
    return "".join(tags).encode()


class PreloadChart:
    """ASGI middleware: add preload_tags() to the head of every HTML page the app serves."""

    def __init__(self, app: ASGIApp, tags: bytes | None = None) -> None:
        self.app = app
        self.tags = preload_tags() if tags is None else tags

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        headers = dict(scope.get("headers") or []) if scope["type"] == "http" else {}
        if not self.tags or scope.get("method") != "GET" or b"text/html" not in headers.get(b"accept", b""):
            await self.app(scope, receive, send)
            return
        # The page uncompressed (it is 8 KB), so that the tags can go in.
        scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]}
        start: Message | None = None
        body = bytearray()

        async def add_tags(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                kind = dict(message.get("headers") or []).get(b"content-type", b"")
                if kind.startswith(b"text/html"):
                    start = message
                    return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            body.extend(message.get("body", b""))
            if message.get("more_body"):
                return
            page = bytes(body).replace(b"</head>", self.tags + b"</head>", 1)
            kept = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            await send({**start, "headers": [*kept, (b"content-length", str(len(page)).encode())]})
            await send({"type": "http.response.body", "body": page})

        await self.app(scope, receive, add_tags)


# --- a server for tests and benchmarks ---------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_healthy(url: str, seconds: float = START_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"the app did not start at {url} within {seconds:.0f} s")


@contextmanager
def running_app(home: Path | str, script: Path = APP) -> Iterator[str]:
    """`streamlit run script` on a free port with its own user data folder; yields its URL once healthy."""
    port = free_port()
    env = {**os.environ, "SUPPLY_LINES_HOME": str(home), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script.name, "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=script.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
