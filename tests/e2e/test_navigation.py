"""A shared link to a page, opened first on a freshly started server, still gets the app's menu and layout."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from tests.e2e.conftest import wait_for_app
from timeline.serve import running_app


def test_a_page_link_opened_first_shows_the_apps_own_menu(page: Page, tmp_path: Path) -> None:
    with running_app(tmp_path) as url:
        page.goto(f"{url}/sources")
        wait_for_app(page)
        page.get_by_role("heading", name="Sources").first.wait_for()
        nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
        assert "Timeline" in nav and "Add articles" in nav
        assert "app" not in nav.split()
