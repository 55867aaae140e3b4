"""Exports in Chromium: the HTML chart draws with the network cut off; the Export page hands over files."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from PIL import Image, ImageStat
from playwright.sync_api import Browser, Page, Route

from tests.e2e.conftest import wait_for_app
from timeline.dataset import events_with_sources, load_events, load_sources
from timeline.export import ExportOptions, export_view


def bundled() -> tuple[pd.DataFrame, pd.DataFrame]:
    sources = load_sources()
    return events_with_sources(load_events(), sources), sources


def test_html_export_draws_its_chart_offline(browser: Browser, tmp_path: Path) -> None:
    view, sources = bundled()
    result = export_view(view, "html", ExportOptions(title="Offline chart"), sources=sources)
    path = tmp_path / result.filename
    path.write_bytes(result.data)
    context = browser.new_context(offline=True)
    asked: list[str] = []

    def refuse(route: Route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            asked.append(route.request.url)
            route.abort()

    context.route("**/*", refuse)
    try:
        pg = context.new_page()
        pg.goto(path.as_uri())
        pg.wait_for_selector(".plotly .main-svg", state="attached", timeout=20_000)
        assert pg.locator(".main-svg").count() >= 1
        assert pg.locator(".scatterlayer .point").count() >= len(view) - view["date_start"].isna().sum()
        assert "Offline chart" in (pg.locator(".gtitle").first.text_content() or "")
    finally:
        context.close()
    assert asked == [], f"the page asked the network for {asked}"


def open_export_page(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/export")
    wait_for_app(page)
    page.get_by_role("heading", name="Export").first.wait_for()


def test_export_page_downloads_the_csv(app_url: str, page: Page, screenshot) -> None:
    open_export_page(page, app_url)
    page.get_by_text("CSV (spreadsheets)", exact=True).click()
    wait_for_app(page)
    button = page.get_by_role("button", name="Download supply-lines-")
    button.wait_for()
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    view, _ = bundled()
    assert list(pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")["id"]) == list(view["id"])
    screenshot("export-csv")


def test_export_page_prepares_and_downloads_a_png(app_url: str, page: Page, screenshot) -> None:
    open_export_page(page, app_url)
    title = page.get_by_label("Title", exact=True)
    title.fill("Chart from the page")
    title.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name="Prepare the PNG image").click()
    button = page.get_by_role("button", name="Download supply-lines-")
    button.wait_for(timeout=60_000)
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename.endswith("-web.png")
    image = Image.open(io.BytesIO(Path(download.path()).read_bytes())).convert("L")
    assert image.size == (1200, 675)
    assert ImageStat.Stat(image).var[0] > 50
    screenshot("export-png")
