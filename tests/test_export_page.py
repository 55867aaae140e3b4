"""The Export page (Streamlit AppTest): formats, the chart's words, download of exactly the view, errors."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

PAGE = Path(__file__).resolve().parents[1] / "pages" / "export.py"


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("SUPPLY_LINES_HOME", str(tmp_path))
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def download(at: AppTest) -> object:
    buttons = at.get("download_button")
    assert len(buttons) == 1
    return buttons[0]


def test_page_opens_on_png_with_a_preview_and_a_prepare_button(app: AppTest) -> None:
    assert app.title[0].value == "Export"
    assert app.radio(key="export_format").value == "png"
    assert app.text_input(key="export_title").value.startswith("Arms supply to Russia")
    assert "event" in app.text_input(key="export_subtitle").value
    assert [b.label for b in app.button if b.key == "export_prepare"] == ["Prepare the PNG image"]
    assert app.get("plotly_chart"), "the chart to be exported is previewed"
    assert not app.get("download_button")


def test_csv_is_offered_at_once_and_holds_the_view(app: AppTest) -> None:
    app.radio(key="export_format").set_value("csv").run()
    assert not app.exception and not app.error
    button = download(app)
    assert button.label.startswith("Download supply-lines-") and button.label.endswith(".csv")


def test_search_narrows_the_export(app: AppTest) -> None:
    app.radio(key="export_format").set_value("timelinejs").run()
    app.text_input(key="filter_search").set_value("drones").run()
    assert not app.exception
    assert "matching “drones”" in app.text_input(key="export_subtitle").value


def test_html_is_prepared_on_request(app: AppTest) -> None:
    app.radio(key="export_format").set_value("html").run()
    app.text_input(key="export_title").set_value("My own title").run()
    app.button(key="export_prepare").click().run()
    assert not app.exception and not app.error
    assert download(app).label.endswith(".html")
    assert app.text_input(key="export_title").value == "My own title"


def test_empty_view_shows_an_error(app: AppTest) -> None:
    app.radio(key="export_format").set_value("csv").run()
    app.text_input(key="filter_search").set_value("no-event-has-this-word").run()
    assert not app.exception
    assert any("Nothing to export" in e.value for e in app.error)
    assert not app.get("download_button")


def test_csv_of_the_bundled_data_round_trips() -> None:
    from timeline.dataset import events_with_sources, load_events, load_sources
    from timeline.export import export_view

    sources = load_sources()
    view = events_with_sources(load_events(), sources)
    back = pd.read_csv(io.BytesIO(export_view(view, "csv", sources=sources).data), encoding="utf-8-sig")
    assert list(back["id"]) == list(view["id"])


def test_a_failed_export_shows_why(app: AppTest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SUPPLY_LINES_BROWSER", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    app.button(key="export_prepare").click().run()
    assert not app.exception
    assert any("need Chromium" in e.value for e in app.error)
    assert not app.get("download_button")
