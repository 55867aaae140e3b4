"""Time every export format on the bundled data (and on a table 100 times larger for the data formats).

    python3 benchmarks/bench_export.py [--repeat 3] [--scale 100]

Static charts are timed inside one Chromium session (the start-up is timed on its own) and once with a
browser of their own, as the CLI does.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from timeline.dataset import events_with_sources, load_events, load_sources  # noqa: E402
from timeline.export import FORMATS, ExportOptions, export_view  # noqa: E402
from timeline.export_charts import ChartRenderer  # noqa: E402


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median seconds of `repeat` runs, and the last result."""
    times: list[float] = []
    result: object = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def grown(view: pd.DataFrame, times: int) -> pd.DataFrame:
    """The table repeated `times` times with fresh ids (to see how the data formats scale)."""
    parts = [view.assign(id=view["id"] + f"-{n}") for n in range(times)]
    return pd.concat(parts, ignore_index=True)


def row(name: str, seconds: float, size: int | None = None) -> None:
    extra = f"{size:>12,} bytes" if size is not None else ""
    print(f"  {name:<34} {seconds * 1000:>9.1f} ms {extra}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", type=int, default=100)
    args = parser.parse_args()

    sources = load_sources()
    view = events_with_sources(load_events(), sources)
    options = ExportOptions(subtitle="benchmark")
    print(f"bundled data: {len(view)} events, {len(sources)} sources; median of {args.repeat} runs")

    print("data and page formats")
    for fmt in ("csv", "json", "xlsx", "timelinejs", "html"):
        seconds, result = timed(lambda f=fmt: export_view(view, f, options, sources=sources), args.repeat)
        row(FORMATS[fmt].label, seconds, len(result.data))  # type: ignore[attr-defined]

    print("static charts, one Chromium for all")
    start = time.perf_counter()
    with ChartRenderer() as renderer:
        row("start Chromium (kaleido)", time.perf_counter() - start)
        for fmt, preset, scale in (("png", "web", "1x"), ("png", "web", "2x"), ("png", "social", "1x"),
                                   ("png", "print", "300dpi"), ("svg", "web", "1x"), ("pdf", "print", "1x")):
            opts = ExportOptions(subtitle="benchmark", preset=preset, scale=scale)
            seconds, result = timed(
                lambda f=fmt, o=opts: export_view(view, f, o, sources=sources, renderer=renderer), args.repeat)
            row(f"{fmt.upper()} {preset} {scale}", seconds, len(result.data))  # type: ignore[attr-defined]
        start = time.perf_counter()
    row("close Chromium", time.perf_counter() - start)

    print("static chart with a browser of its own (as the CLI and the page do)")
    seconds, result = timed(lambda: export_view(view, "png", options, sources=sources), 1)
    row("PNG web 1x, start to finish", seconds, len(result.data))  # type: ignore[attr-defined]

    big = grown(view, args.scale)
    print(f"data formats on {len(big):,} events (the bundled table x{args.scale})")
    for fmt in ("csv", "json", "xlsx", "timelinejs"):
        seconds, result = timed(lambda f=fmt: export_view(big, f, options, sources=sources), 1)
        row(FORMATS[fmt].label, seconds, len(result.data))  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
