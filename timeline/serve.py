"""Serving the app: warm the Timeline once per server at start-up, and start a server for tests and benchmarks.

INTERFACE (stable; others build on it):
    warm_up()                          import the Timeline's modules, read the data, build the first figure
    lifespan(app)                      st.App lifespan: warm_up() in a background thread as the server starts
    running_app(home, script=APP) -> URL   context manager: `streamlit run` on a free port, own user data folder
    CHROMIUM_ARGS                      the flags browser tests and benchmarks start Chromium with
A fresh server otherwise spends about a second of its first visitor's time importing pandas and plotly and
reading the bundled data; done at start-up, that overlaps with the browser loading Streamlit's front end.
"""

from __future__ import annotations

import inspect
import logging
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

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
    """Start warm_up() as the server starts, without holding the server back."""
    threading.Thread(target=warm_up, name="supply-lines-warm-up", daemon=True).start()
    yield


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
