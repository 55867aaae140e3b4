"""Charts dressed for export: title, subtitle, source and credit lines, sizes, self-contained HTML, browser."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

import plotly.graph_objects as go
import pytest

from timeline import export_charts as ec
from timeline.errors import ExportError

TEXT = ec.ChartText("A title", "A subtitle", ("Example Daily", "Sample Wire"),
                    "Supply Lines · exported 24 November 2026")
SOURCE = "Sources: Example Daily; Sample Wire"


def figure() -> go.Figure:
    return go.Figure(go.Scatter(x=[1, 2, 3], y=[3, 1, 2]), layout={"title": "old", "height": 300})


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("a b c", 10, ["a b c"]),
    ("aaa bbb ccc", 7, ["aaa bbb", "ccc"]),
    ("one two three four five six", 4, ["one", "two", "thr…"]),
    ("", 10, []),
])
def test_wrap(text: str, width: int, lines: list[str]) -> None:
    assert ec.wrap(text, width, max_lines=3) == lines


@pytest.mark.parametrize("name", list(ec.PRESETS))
def test_dress_sets_size_font_and_words(name: str) -> None:
    preset = ec.PRESETS[name]
    fig = ec.dress(figure(), TEXT, preset)
    layout = fig.layout
    assert (layout.width, layout.height) == (preset.width, preset.height)
    assert layout.font.family.startswith("DejaVu Sans")
    assert layout.title.text == "<b>A title</b>" and layout.title.subtitle.text == "A subtitle"
    notes = [a.text for a in layout.annotations]
    assert notes == [SOURCE, "Supply Lines · exported 24 November 2026"]
    assert all(a.yshift < 0 for a in layout.annotations)
    assert layout.margin.b > 48 + 2 * preset.font_size


def test_dress_leaves_the_original_alone_and_escapes() -> None:
    fig = figure()
    out = ec.dress(fig, ec.ChartText("<i>x</i> & y"), ec.PRESETS["web"], fixed_width=False)
    assert fig.layout.title.text == "old"
    assert out.layout.title.text == "<b>&lt;i&gt;x&lt;/i&gt; &amp; y</b>"
    assert out.layout.width is None and out.layout.autosize is True
    assert not out.layout.annotations


@pytest.mark.parametrize(("names", "chars", "lines"), [
    ((), 40, []),
    (("Only One",), 40, ["Source: Only One"]),
    (("Aa", "Bb", "Cc"), 40, ["Sources: Aa; Bb; Cc"]),
    (("Alpha", "Beta", "Gamma", "Delta"), 20, ["Sources: Alpha; Beta", "and 2 more"]),
    (("A very long publisher name indeed",), 10, ["Source: A", "very long…"]),
])
def test_fit_sources(names: tuple[str, ...], chars: int, lines: list[str]) -> None:
    assert ec.fit_sources(names, chars, max_lines=2) == lines


def test_many_publishers_fit_in_two_lines() -> None:
    text = ec.ChartText("T", publishers=tuple(f"Publisher number {i}" for i in range(60)))
    fig = ec.dress(figure(), text, ec.PRESETS["social"])
    lines = [a.text for a in fig.layout.annotations]
    assert len(lines) == 2 and lines[0].startswith("Sources: Publisher number 0;")
    assert lines[-1].endswith(" more") and "Publisher number 59" not in " ".join(lines)


class References(HTMLParser):
    """Every src and href attribute of the page's tags (script bodies are not tags)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [v or "" for k, v in attrs if k in ("src", "href")]


def external_references(page: str) -> list[str]:
    parser = References()
    parser.feed(page)
    return [ref for ref in parser.found if not ref.startswith(("#", "data:"))]


def test_html_is_self_contained() -> None:
    page = ec.to_html(ec.dress(figure(), TEXT, ec.PRESETS["web"], fixed_width=False), "My <chart>").decode()
    assert "<title>My &lt;chart&gt;</title>" in page
    assert external_references(page) == []
    assert "mathjax" not in page.lower().split("<body>")[0]
    assert len(page) > 1_000_000  # plotly.js is inlined


@pytest.mark.parametrize(("name", "expected"), [("1x", 1.0), ("2x", 2.0), (1.5, 1.5)])
def test_scale_of(name: str | float, expected: float) -> None:
    assert ec.scale_of(name) == expected


@pytest.mark.parametrize("bad", ["3x", 9.0, 0.0])
def test_bad_scale_is_an_export_error(bad: str | float) -> None:
    with pytest.raises(ExportError):
        ec.scale_of(bad)


def test_unknown_preset_is_an_export_error() -> None:
    with pytest.raises(ExportError, match="web, social, print"):
        ec.preset_of("poster")


def test_300dpi_print_is_a4_at_300_dpi() -> None:
    p = ec.PRESETS["print"]
    assert (round(p.width * ec.SCALES["300dpi"]), round(p.height * ec.SCALES["300dpi"])) == (3508, 2480)


def test_no_browser_on_the_path_is_an_export_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ec.BROWSER_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ExportError, match="need Chromium"):
        ec.find_browser()


def test_a_named_browser_must_exist(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ec.BROWSER_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(ExportError, match="not an executable browser"):
        ec.find_browser()


def test_a_browser_that_will_not_start_is_an_export_error() -> None:
    false = "/bin/false" if os.path.exists("/bin/false") else "/usr/bin/false"
    with pytest.raises(ExportError, match="could not start Chromium"):
        ec.ChartRenderer(browser=false).open()


def test_renderer_refuses_other_formats() -> None:
    with pytest.raises(ExportError, match="not a static image format"):
        ec.ChartRenderer(browser="/nonexistent").render(figure(), "gif", 10, 10)


@pytest.mark.parametrize(("page", "found"), [
    ('<script src="https://cdn.example/x.js"></script>', ["https://cdn.example/x.js"]),
    ('<link rel="stylesheet" href="//fonts.example/css">', ["//fonts.example/css"]),
    ('<script>var u = "<img src=https://x>";</script><a href="#top">top</a>', []),
])
def test_external_references_finds_what_a_browser_would_load(page: str, found: list[str]) -> None:
    assert external_references(page) == found


def test_notes_under_the_plot_join_the_footer() -> None:
    fig = figure()
    fig.add_annotation(text="2 undated events not drawn", x=0, y=-0.08, xref="paper", yref="paper")
    fig.add_annotation(text="a milestone", x=2, y=1.02, xref="x", yref="paper")
    out = ec.dress(fig, TEXT, ec.PRESETS["web"])
    below = [a for a in out.layout.annotations if a.yshift]
    assert [a.text for a in below] == ["2 undated events not drawn", SOURCE, TEXT.credit]
    assert [a.yshift for a in below] == sorted((a.yshift for a in below), reverse=True)
    assert [a.text for a in out.layout.annotations if not a.yshift] == ["a milestone"]
