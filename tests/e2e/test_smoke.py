"""The app starts and serves its first page in Chromium."""

from playwright.sync_api import Page

from tests.e2e.conftest import wait_for_app


def test_app_opens_on_timeline(app_url: str, page: Page, screenshot) -> None:
    page.goto(app_url)
    wait_for_app(page)
    page.get_by_role("heading", name="Timeline").first.wait_for()
    page.locator(".js-plotly-plot .main-svg").first.wait_for()
    screenshot("smoke-home")
