"""Speed of the dashboard: filter + figure on a synthetic 100,000-event table, and cold start to first chart.

Run: python3 benchmarks/bench_app.py [--events 100000] [--repeat 5] [--no-browser]
Targets: filter + rebuild the timeline figure < 300 ms server-side; cold start to first chart < 3 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.charts import timeline_figure  # noqa: E402
from timeline.filters import Filters, apply_filters  # noqa: E402

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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


BARE_APP = """import plotly.graph_objects as go
import streamlit as st

st.title("Bare")
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2], mode="markers")))
"""
CHART = '[data-testid="stPlotlyChart"] .scatterlayer .points path'


def time_app(browser: object, script: Path, visits: int) -> tuple[float, list[float]]:
    """Start `streamlit run script` and time: process start → healthy, then each fresh visit → first chart."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    home = tempfile.mkdtemp(prefix="supply-lines-bench-")
    env = {**os.environ, "SUPPLY_LINES_HOME": home, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script.name, "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=script.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.05)
            if time.perf_counter() - t0 > 60:
                raise RuntimeError("the app did not start within 60 s")
        up = time.perf_counter() - t0
        seconds = []
        for _ in range(visits):
            page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()  # type: ignore[attr-defined]
            t = time.perf_counter()
            page.goto(url)
            page.wait_for_selector(CHART, timeout=60_000)
            seconds.append(time.perf_counter() - t)
            page.context.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)
    return up, seconds


def cold_start(visits: int = 3) -> None:
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync"]
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=args)
        try:
            ours = time_app(browser, ROOT / "app.py", visits)
            floor = time_app(browser, bare, visits)
        finally:
            browser.close()
    print(f"browser (Chromium, headless), {visits} fresh visits each:")
    for name, (up, seconds) in (("Supply Lines", ours), ("bare Streamlit + one Plotly chart", floor)):
        first, rest = seconds[0], statistics.median(seconds[1:]) if len(seconds) > 1 else seconds[0]
        print(f"  {name}: process start to healthy {up:4.2f} s; first chart: cold server {first:4.2f} s, "
              f"warm server {rest:4.2f} s {'OK' if first < 3 else 'OVER 3 s'}; "
              f"process start to first chart {up + first:4.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    a = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    server_side(a.events, a.repeat)
    if not a.no_browser:
        cold_start()


if __name__ == "__main__":
    main()
