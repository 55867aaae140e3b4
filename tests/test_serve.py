"""Serving: `streamlit run app.py` serves through an st.App whose start-up warms the Timeline once per server."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from streamlit.web.server.app_discovery import discover_asgi_app

from timeline import charts, serve, ui
from timeline.dataset import load_events
from timeline.errors import DataError

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
            "assert isinstance(app.server, st.App) and app.server._user_lifespan is s.lifespan")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_lifespan_warms_up_in_the_background(monkeypatch: pytest.MonkeyPatch) -> None:
    ran = threading.Event()
    monkeypatch.setattr(serve, "warm_up", ran.set)

    async def start() -> None:
        async with serve.lifespan(object()):
            pass

    runner = threading.Thread(target=asyncio.run, args=(start(),))  # its own loop: Playwright may hold this one
    runner.start()
    runner.join(10)
    assert ran.wait(5)


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
