"""Charts to take away: a figure dressed for publication, a static image (PNG, SVG, PDF) or one HTML file.

Static images are drawn by kaleido 1.x in a headless Chromium; starting it costs a second or two, so
`ChartRenderer` keeps one browser open for as many renders as its `with` block makes. The interactive HTML
embeds plotly.js and needs no network.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import html
import os
import shutil
import threading
from collections.abc import Coroutine, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TypeVar

import plotly.graph_objects as go

from timeline.errors import ExportError

FONT_FAMILY = "DejaVu Sans, Verdana, sans-serif"
"""DejaVu Sans is on every CI machine (fonts-dejavu-core) so exports look the same offline everywhere."""

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
BROWSER_ENV = "SUPPLY_LINES_BROWSER"
"""An explicit browser executable for static exports, tried before the names above."""

START_TIMEOUT = 60.0
RENDER_TIMEOUT = 90.0
STATIC_FORMATS = ("png", "svg", "pdf")
RESPONSIVE_WIDTH = 900
"""The narrowest window the words of an interactive chart are laid out for."""

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Preset:
    """A size an exported chart is laid out at (layout pixels; PNG pixels are these times the scale)."""

    name: str
    label: str
    width: int
    height: int
    font_size: int = 14


PRESETS: dict[str, Preset] = {
    "web": Preset("web", "Web 1200×675 (16:9)", 1200, 675),
    "social": Preset("social", "Social 1080×1080 (square)", 1080, 1080),
    "print": Preset("print", "Print A4 landscape (1123×794, 3508×2480 at 300 dpi)", 1123, 794),
}
SCALES: dict[str, float] = {"1x": 1.0, "2x": 2.0, "300dpi": 3508 / 1123}
"""PNG scales; 300dpi turns the print preset into 3508×2480 pixels (A4 landscape at 300 dpi)."""


@dataclass(frozen=True, slots=True)
class ChartText:
    """The words printed on an exported chart."""

    title: str
    subtitle: str = ""
    publishers: tuple[str, ...] = ()
    """Named on the source line, the most important first: those that do not fit become "and N more"."""
    credit: str = ""


def preset_of(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        raise ExportError(f"unknown size preset {name!r} (choose {', '.join(PRESETS)})") from None


def scale_of(name: str | float) -> float:
    if isinstance(name, int | float) and not isinstance(name, bool):
        if not 0.25 <= float(name) <= 4:
            raise ExportError(f"scale {name} is out of range (0.25 to 4)")
        return float(name)
    try:
        return SCALES[str(name)]
    except KeyError:
        raise ExportError(f"unknown scale {name!r} (choose {', '.join(SCALES)})") from None


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def wrap(text: str, width: int, max_lines: int = 3) -> list[str]:
    """Greedy word wrap into at most max_lines lines of about `width` characters ("…" when cut)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(width - 1, 1)].rstrip() + "…"
    return lines


def fit_sources(names: Sequence[str], chars: int, max_lines: int = 2) -> list[str]:
    """The source line wrapped into at most max_lines lines, naming as many publishers as fit."""
    if not names:
        return []
    prefix = "Source: " if len(names) == 1 else "Sources: "

    def line(shown: int) -> str:
        rest = len(names) - shown
        return prefix + "; ".join(names[:shown]) + (f" and {rest} more" if rest else "")

    low, high = 1, len(names)
    while low < high:  # the most names whose line still fits
        mid = (low + high + 1) // 2
        if len(wrap(line(mid), chars, max_lines=max_lines + 1)) <= max_lines:
            low = mid
        else:
            high = mid - 1
    return wrap(line(low), chars, max_lines=max_lines)


def _notes_below(fig: go.Figure) -> tuple[list[Any], list[str]]:
    """The figure's annotations split into those it keeps and the notes it put under the plot (HTML)."""
    keep: list[Any] = []
    notes: list[str] = []
    for a in fig.layout.annotations:
        if a.yref == "paper" and a.y is not None and a.y < 0 and a.text:
            notes.append(a.text)
        else:
            keep.append(a)
    return keep, notes


def dress(fig: go.Figure, text: ChartText, preset: Preset, *, fixed_width: bool = True) -> go.Figure:
    """A copy of `fig` laid out for export: size, font, title and subtitle on top; under the plot the
    figure's own notes, the source line and the credit line, each on lines of their own."""
    out = go.Figure(fig)
    size = preset.font_size
    width = preset.width if fixed_width else min(preset.width, RESPONSIVE_WIDTH)
    chars = int((width - 40) / (size * 0.55))
    keep, notes = _notes_below(out)
    footer = [(note, "#555555") for note in notes]
    footer += [(_escape(line), "#333333") for line in fit_sources(text.publishers, chars)]
    if text.credit:
        footer.append((_escape(text.credit), "#777777"))
    line_h = round(size * 1.25)
    below_axis = 44  # the x axis' tick labels
    top = 60 + (line_h if text.subtitle else 0) + 50  # title, subtitle, milestone labels
    title: dict[str, Any] = {
        "text": f"<b>{_escape(text.title)}</b>", "x": 0.0, "xref": "container", "xanchor": "left",
        "pad": {"l": 20}, "y": 1 - 16 / preset.height, "yref": "container", "yanchor": "top",
        "font": {"size": round(size * 1.6), "color": "#111111"},
    }
    if text.subtitle:
        title["subtitle"] = {"text": _escape(text.subtitle), "font": {"size": size + 1, "color": "#444444"}}
    out.update_layout(
        title=title, font={"family": FONT_FAMILY, "size": size}, paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff", height=preset.height, width=preset.width if fixed_width else None,
        autosize=not fixed_width, margin={"t": top, "b": below_axis + line_h * len(footer) + 14, "l": 20, "r": 20},
        legend={"tracegroupgap": 4, "font": {"size": size - 1}},
    )
    out.layout.annotations = keep
    for n, (line, colour) in enumerate(footer):
        out.add_annotation(
            text=line, x=0, xref="paper", xanchor="left", y=0, yref="paper", yanchor="top",
            yshift=-(below_axis + n * line_h), showarrow=False, align="left",
            font={"size": size - 2, "color": colour, "family": FONT_FAMILY},
        )
    return out


# --- interactive HTML --------------------------------------------------------------------------------------

def to_html(fig: go.Figure, title: str = "Supply Lines") -> bytes:
    """One self-contained page: plotly.js inlined, no MathJax, no CDN; it opens with no network."""
    page = fig.to_html(
        full_html=True, include_plotlyjs=True, include_mathjax=False, default_height="100%",
        config={"displaylogo": False, "responsive": True, "toImageButtonOptions": {"format": "png"}},
    )
    page = page.replace("<head>", f'<head><meta charset="utf-8"><title>{_escape(title)}</title>', 1)
    return page.encode("utf-8")


# --- static images -----------------------------------------------------------------------------------------

def find_browser() -> str:
    """The Chromium kaleido should drive: $SUPPLY_LINES_BROWSER, else the first known name on the PATH."""
    explicit = os.environ.get(BROWSER_ENV)
    if explicit:
        if os.path.isfile(explicit) and os.access(explicit, os.X_OK):
            return explicit
        raise ExportError(f"{BROWSER_ENV}={explicit!r} is not an executable browser")
    for name in BROWSER_NAMES:
        path = shutil.which(name)
        if path:
            return path
    raise ExportError("static charts (PNG, SVG, PDF) need Chromium and none was found: install it "
                      "(apt-get install chromium) or export the interactive HTML instead")


class ChartRenderer:
    """One headless Chromium, driven by kaleido on a thread of its own, for any number of renders.

        with ChartRenderer() as r:
            png = r.render(fig, "png", 1200, 675, scale=2)

    Renders from several threads (Streamlit sessions) are taken one at a time.
    """

    def __init__(self, browser: str | None = None, timeout: float = RENDER_TIMEOUT) -> None:
        self._browser = browser
        self._timeout = timeout
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None
        self._lock = threading.Lock()

    def __enter__(self) -> ChartRenderer:
        self.open()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def is_open(self) -> bool:
        return self._kaleido is not None

    def open(self) -> None:
        if self.is_open:
            return
        try:
            import kaleido
        except ImportError:
            raise ExportError("static charts need kaleido (pip install -r requirements.txt); "
                              "the interactive HTML needs nothing more") from None

        path = self._browser or find_browser()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="chart-renderer", daemon=True)
        self._thread.start()

        async def start() -> Any:
            k = kaleido.Kaleido(path=path, mathjax=False, timeout=self._timeout)
            await k.open()
            return k

        try:
            self._kaleido = self._call(start(), START_TIMEOUT)
        except ExportError:
            self._stop_loop()
            raise
        except Exception as e:  # kaleido and choreographer raise many kinds when Chromium will not start
            self._stop_loop()
            raise ExportError(f"could not start Chromium for static charts ({path}): {_reason(e)}") from None

    def render(self, fig: go.Figure | dict[str, Any], fmt: str, width: int, height: int,
               scale: float = 1.0) -> bytes:
        """The figure as PNG, SVG or PDF bytes at width×height layout pixels."""
        if fmt not in STATIC_FORMATS:
            raise ExportError(f"not a static image format: {fmt!r} (choose {', '.join(STATIC_FORMATS)})")
        if not self.is_open:
            self.open()
        spec = fig.to_dict() if isinstance(fig, go.Figure) else fig
        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        with self._lock:
            try:
                data = self._call(self._kaleido.calc_fig(spec, opts=opts), self._timeout + 5)
            except ExportError:
                raise
            except Exception as e:
                raise ExportError(f"the {fmt.upper()} chart could not be drawn: {_reason(e)}") from None
        if not data:
            raise ExportError(f"the {fmt.upper()} chart came back empty")
        return bytes(data)

    def close(self) -> None:
        if self._kaleido is not None and self._loop is not None:
            k, self._kaleido = self._kaleido, None
            with contextlib.suppress(Exception):  # the browser may be gone; closing must not fail an export
                self._call(k.close(), 20)
        self._stop_loop()

    def _call(self, coro: Coroutine[Any, Any, T], timeout: float) -> T:
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(coro, self._loop)
        try:
            return future.result(timeout)
        except FutureTimeout:
            future.cancel()
            raise ExportError(f"Chromium did not answer within {timeout:.0f} s") from None

    def _stop_loop(self) -> None:
        if self._loop is not None:
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(_cancel_pending(), self._loop).result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            if self._thread is not None:
                self._thread.join(10)
            self._loop.close()
        self._loop, self._thread = None, None


async def _cancel_pending() -> None:
    """Cancel what the browser left running (watchdogs, readers) so the loop closes cleanly."""
    tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def _reason(error: BaseException) -> str:
    """The first line of what went wrong (choreographer packs several sentences into args)."""
    text = str(error.args[0]) if error.args else type(error).__name__
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__


def exported_on_text(day: dt.date) -> str:
    """ "24 November 2026" """
    return f"{day.day} {day:%B %Y}"
