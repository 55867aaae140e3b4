"""The app starts and serves its first page in Chromium."""

from playwright.sync_api import Page

from tests.e2e.conftest import wait_for_app


def test_app_opens_on_timeline(app_url: str, page: Page, screenshot) -> None:
    page.goto(app_url)
    wait_for_app(page)
    assert page.get_by_role("heading", name="Timeline").first.is_visible()
    screenshot("smoke-home")
