"""Browser tests: start the app once on a free port (timeline.serve.running_app, which the benchmark shares),
drive it with Playwright in Debian's Chromium.

Fixtures: `app_url` (base URL of a running app with its own empty user data folder), `browser`, `page`
(a fresh 1400x900 page), `screenshot` (saves PNGs under tests/e2e/screenshots/ to look at).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from timeline.serve import CHROMIUM_ARGS, running_app

SHOTS = Path(__file__).parent / "screenshots"


@pytest.fixture(scope="session")
def user_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("supply-lines-home")


@pytest.fixture(scope="session")
def app_url(user_home: Path) -> Iterator[str]:
    with running_app(user_home) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    assert executable, "Debian's chromium must be installed (apt-get install -y chromium)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    context.close()


@pytest.fixture
def screenshot(page: Page) -> Callable[[str], Path]:
    SHOTS.mkdir(exist_ok=True)

    def take(name: str) -> Path:
        path = SHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def wait_for_app(page: Page) -> None:
    """Wait until Streamlit has finished running the script (no spinner, app container present)."""
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000
    )
    page.wait_for_timeout(300)
