"""Speed of the dashboard: filter + figure on a synthetic 100,000-event table, and cold start to first chart.

Run: python3 benchmarks/bench_app.py [--events 100000] [--repeat 5] [--servers 5] [--visits 3] [--no-browser]
Targets: filter + rebuild the timeline figure < 300 ms server-side; cold start to first chart < 3 s.
The cold start is timed on several fresh servers (`streamlit run app.py`, as scripts/run.sh starts it), each
opened in a fresh browser context as soon as it is healthy, then again warm; alternated with two floors: a bare
Streamlit page with one Plotly chart, and the same with the kinds and number of widgets the Timeline draws.
The app's server answers only once its warm-up is done (timeline.serve.lifespan), so its "process start to
healthy" includes the warm-up; "process start to chart" is the whole wait for someone who opens it at once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.charts import timeline_figure  # noqa: E402
from timeline.filters import Filters, apply_filters  # noqa: E402
from timeline.serve import APP, CHROMIUM_ARGS, running_app  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser

SUPPLIERS = ["North Korea", "Iran", "China", "Belarus", "Myanmar", "Syria"]
CLASSES = ["ammunition", "missiles", "drones", "troops", "components", "weapons", "agreement", "other"]
KINDS = ["shipment", "agreement", "claim", "denial", "deployment", "plan", "other"]
CLAIMANTS = ["Seoul", "Kyiv", "Washington", "London", "Tehran", "unnamed officials", None]
PUBLISHERS = [f"Paper {c}" for c in "ABCDEFGHIJ"]


def synthetic(n: int, seed: int = 7) -> pd.DataFrame:
    """An invented event table with the real columns: a third each dated to a day, a month and a year."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("2022-01-01") + rng.integers(0, 1400, n).astype("timedelta64[D]")
    grain = rng.choice(["day", "month", "year"], n, p=[0.4, 0.4, 0.2])
    days = pd.DatetimeIndex(start)
    first = np.where(grain == "day", days, np.where(grain == "month", days.to_period("M").start_time,
                                                    days.to_period("Y").start_time))
    last = np.where(grain == "day", days, np.where(grain == "month", days.to_period("M").end_time.normalize(),
                                                   days.to_period("Y").end_time.normalize()))
    first_s = pd.DatetimeIndex(first).strftime("%Y-%m-%d")
    last_s = pd.DatetimeIndex(last).strftime("%Y-%m-%d")
    date = np.where(grain == "day", first_s, np.where(grain == "month", first_s.str[:7], first_s.str[:4]))
    return pd.DataFrame({
        "id": [f"ev{i}" for i in range(n)], "date": date, "grain": grain, "date_start": first_s,
        "date_end": last_s, "date_text": "in an invented month", "date_basis": rng.choice(["event", "statement", "report"], n),
        "supplier": rng.choice(SUPPLIERS, n), "recipient": "Russia", "item": rng.choice(["shells", "drones", "rifles"], n),
        "item_class": rng.choice(CLASSES, n), "quantity": None, "quantity_value": rng.integers(1, 10**6, n).astype(float),
        "kind": rng.choice(KINDS, n), "attributed_to": rng.choice(np.array(CLAIMANTS, dtype=object), n),
        "note": "an invented note", "publisher": rng.choice(PUBLISHERS, n), "publishers": rng.choice(PUBLISHERS, n),
        "headline": "Invented headline", "url": None,
    })


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """Median wall-clock and CPU milliseconds (CPU time is steadier when other work shares the cores)."""
    walls, cpus, out = [], [], None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000, out


def server_side(n: int, repeat: int) -> None:
    df = synthetic(n)
    cases = {
        "no filter": Filters(),
        "supplier Iran": Filters(suppliers=("Iran",)),
        "NK+Iran, 2023, search": Filters(suppliers=("North Korea", "Iran"), date_from=dt.date(2023, 1, 1),
                                         date_to=dt.date(2023, 12, 31), search="shells"),
    }
    timeline_figure(df.head(10))  # imports and first-call costs are not part of a filter change
    print(f"server side, synthetic table of {n:,} events (median of {repeat}; wall clock, CPU in brackets):")
    for name, f in cases.items():
        ms_filter, cpu_filter, view = timed(lambda f=f: apply_filters(df, f), repeat)
        ms_figure, cpu_figure, fig = timed(lambda view=view: timeline_figure(view), repeat)
        ms_json, _, _ = timed(lambda fig=fig: fig.to_json(), repeat)
        total = ms_filter + ms_figure
        print(f"  {name:<22} {len(view):>7,} events  filter {ms_filter:5.1f} ms  figure {ms_figure:5.1f} ms"
              f"  = {total:5.1f} ms [{cpu_filter + cpu_figure:5.1f}] {'OK' if total < 300 else 'OVER 300 ms'}"
              f"  (+ figure to JSON {ms_json:5.1f} ms)")


BARE_APP = """import plotly.graph_objects as go
import streamlit as st

st.title("Bare")
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2], mode="markers")))
"""
WIDGETS_APP = """import plotly.graph_objects as go
import streamlit as st

st.set_page_config(layout="wide")
st.title("Bare with widgets")
with st.sidebar:
    for i in range(8):
        st.multiselect(f"Filter {i}", ["a", "b", "c"], key=f"m{i}")
    st.date_input("From", value=None)
    st.date_input("To", value=None)
    st.text_input("Search")
    st.button("Reset")
st.radio("Lanes", ["a", "b"], horizontal=True)
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2], mode="markers")))
st.selectbox("Event", ["x", "y"])
"""
"""The same, with the kinds and number of widgets the Timeline page draws: what Streamlit's own widgets cost."""
CHART = '[data-testid="stPlotlyChart"] .scatterlayer .points path'
TIMEOUT_MS = 60_000


@dataclass
class Starts:
    """Seconds of each fresh server: process start to healthy, first visit (cold), later visits (warm), and
    process start to the first visit's chart."""

    healthy: list[float] = field(default_factory=list)
    cold: list[float] = field(default_factory=list)
    total: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)
    failed: int = 0


def first_chart(browser: Browser, url: str) -> float | None:
    """Seconds from opening `url` in a fresh browser context to the first chart's markers on screen
    (None when no chart shows within TIMEOUT_MS; a screenshot of that page is kept to look at)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        t = time.perf_counter()
        page.goto(url)
        try:
            page.wait_for_selector(CHART, timeout=TIMEOUT_MS)
        except PlaywrightTimeout:
            shot = Path(tempfile.gettempdir()) / f"bench-app-no-chart-{int(time.time())}.png"
            page.screenshot(path=str(shot), full_page=True)
            print(f"  no chart within {TIMEOUT_MS // 1000} s at {url}; screenshot {shot}", flush=True)
            return None
        return time.perf_counter() - t
    finally:
        context.close()


def _add(into: list[float], seconds: float | None, starts: Starts) -> bool:
    if seconds is None:
        starts.failed += 1
        return False
    into.append(seconds)
    return True


def time_server(browser: Browser, script: Path, visits: int, into: Starts) -> None:
    """One fresh `streamlit run script`: its start, its first visit, then `visits - 1` more."""
    with tempfile.TemporaryDirectory(prefix="supply-lines-bench-") as home:
        t0 = time.perf_counter()
        with running_app(home, script) as url:
            into.healthy.append(time.perf_counter() - t0)
            if _add(into.cold, first_chart(browser, url), into):
                into.total.append(into.healthy[-1] + into.cold[-1])
            for _ in range(visits - 1):
                _add(into.warm, first_chart(browser, url), into)


def _spread(values: list[float]) -> str:
    if not values:
        return "no chart shown"
    return f"median {statistics.median(values):4.2f} s (min {min(values):4.2f}, max {max(values):4.2f})"


def cold_start(servers: int, visits: int, app: Path = APP) -> None:
    from playwright.sync_api import sync_playwright

    ours, floor, widgets = Starts(), Starts(), Starts()
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        bare, bare_widgets = Path(tmp) / "bare.py", Path(tmp) / "bare_widgets.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        bare_widgets.write_text(WIDGETS_APP, encoding="utf-8")
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        try:
            for _ in range(servers):  # alternated, so a busy moment of the machine weighs on all alike
                time_server(browser, app, visits, ours)
                time_server(browser, bare, visits, floor)
                time_server(browser, bare_widgets, visits, widgets)
        finally:
            browser.close()
    print(f"browser (Chromium, headless): {servers} fresh servers each, {visits} visits per server "
          "(the first on a cold server, the others warm):")
    for name, s in (("Supply Lines", ours), ("bare Streamlit + one Plotly chart (the floor)", floor),
                    ("bare Streamlit + one Plotly chart + the Timeline's kinds of widgets, no data", widgets)):
        verdict = ""
        if s is ours:
            verdict = " OK" if s.cold and not s.failed and statistics.median(s.cold) < 3 else " OVER 3 s"
        print(f"  {name}:")
        print(f"    first chart, cold server  {_spread(s.cold)}{verdict}")
        print(f"    first chart, warm server  {_spread(s.warm)}")
        print(f"    process start to healthy  {_spread(s.healthy)}")
        print(f"    process start to chart    {_spread(s.total)}")
        if s.failed:
            print(f"    {s.failed} visit(s) showed no chart within {TIMEOUT_MS // 1000} s (left out of the figures)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--servers", type=int, default=5, help="fresh servers started for the cold start")
    parser.add_argument("--visits", type=int, default=3, help="visits per server (the first is the cold one)")
    parser.add_argument("--app", type=Path, default=APP, help="entry script to time (default: app.py)")
    parser.add_argument("--no-browser", action="store_true")
    a = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    server_side(a.events, a.repeat)
    if not a.no_browser:
        cold_start(a.servers, max(a.visits, 2), a.app.resolve())


if __name__ == "__main__":
    main()
