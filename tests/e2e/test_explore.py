"""A researcher's session in Chromium: filter, share the URL, open an event, add an article, reload."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.e2e
COUNT = re.compile(r"(\d+) of (\d+) events")
INVENTED_ARTICLE = (
    "Invented Wire\n\n"
    "Drones for the front, officials say\n\n"
    "Iran delivered 40 Shahed drones to Russia in March 2023, officials said on Tuesday.\n\n"
    "The officials, who spoke without being named, said the drones crossed the Caspian Sea by boat.\n"
)


def counts(page: Page) -> tuple[int, int]:
    text = page.locator('[data-testid="stSidebar"]').get_by_text(COUNT).first.inner_text()
    m = COUNT.search(text)
    assert m, text
    return int(m[1]), int(m[2])


def settle(page: Page, seconds: float = 90) -> None:
    """wait_for_app with room for a busy machine: the script run may take long when the cores are shared."""
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                           timeout=seconds * 1000)
    page.wait_for_timeout(300)


def wait_for_chart(page: Page) -> None:
    """Wait until the timeline's markers are drawn (Streamlit may still be busy after wait_for_app)."""
    page.wait_for_selector('[data-testid="stPlotlyChart"] .scatterlayer .points path', timeout=60_000)
    settle(page)


def pick(page: Page, label: str, value: str, sidebar: bool = True) -> None:
    """Choose `value` in the multiselect or selectbox labelled `label` by typing it and pressing Enter."""
    scope = page.locator('[data-testid="stSidebar"]') if sidebar else page.locator('[data-testid="stMain"]')
    box = scope.locator('[data-testid="stMultiSelect"], [data-testid="stSelectbox"]').filter(has_text=label).first
    box.locator("input").first.click()
    page.keyboard.type(value)
    page.get_by_role("option", name=re.compile(re.escape(value))).first.click()
    page.keyboard.press("Escape")
    settle(page)


def test_filter_by_iran_and_the_url_reproduces_the_view(
    app_url: str, page: Page, browser: Browser, screenshot: Callable[[str], Path]
) -> None:
    page.goto(app_url)
    wait_for_chart(page)
    shown, total = counts(page)
    assert shown == total > 0
    screenshot("timeline-all")

    pick(page, "Supplier", "Iran")
    expect(page.locator('[data-testid="stSidebar"]').get_by_text(COUNT).first).not_to_have_text(
        f"{total} of {total} events")
    iran, again = counts(page)
    assert again == total and 0 < iran < total
    page.wait_for_function("() => location.search.includes('supplier=Iran')")
    shared = page.url
    wait_for_chart(page)
    lanes = page.locator('[data-testid="stPlotlyChart"] .yaxislayer-above text').evaluate_all(
        "nodes => nodes.map(n => n.textContent)")
    assert lanes == ["Iran"]
    screenshot("timeline-iran")

    other = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    try:
        other.goto(shared)
        wait_for_chart(other)
        assert counts(other) == (iran, total)
        expect(other.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first).to_contain_text("Iran")
        assert "supplier=Iran" in other.url
    finally:
        other.context.close()


def test_select_an_event_and_read_its_detail(app_url: str, page: Page, screenshot: Callable[[str], Path]) -> None:
    page.set_viewport_size({"width": 1400, "height": 2000})
    page.goto(app_url)
    wait_for_chart(page)
    pick(page, "Event", "2024", sidebar=False)
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_text("Sources", exact=True)).to_be_visible()
    expect(main.locator('[data-testid="stDataFrame"]').first).to_be_visible()
    expect(main.locator("h3").filter(has_text="→").first).to_be_visible()
    assert "event=" in page.url
    wait_for_chart(page)
    screenshot("timeline-event-detail")


def test_click_a_marker_on_the_chart_opens_its_detail(app_url: str, page: Page) -> None:
    page.goto(app_url)
    wait_for_chart(page)
    point = page.locator('[data-testid="stPlotlyChart"] .scatterlayer .trace .points path').first
    point.click(force=True)
    settle(page)
    page.wait_for_function("() => location.search.includes('event=')", timeout=15_000)
    expect(page.locator('[data-testid="stMain"]').get_by_text("Sources", exact=True)).to_be_visible()


@pytest.fixture
def clean_home(user_home: Path) -> Iterator[Path]:
    """The app's user data folder, emptied afterwards so that later tests see the bundled data only."""
    yield user_home
    for child in user_home.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()


def test_upload_an_article_and_its_events_survive_a_reload(
    app_url: str, page: Page, tmp_path: Path, screenshot: Callable[[str], Path], clean_home: Path
) -> None:
    article = tmp_path / "invented-iran-drones.txt"
    article.write_text(INVENTED_ARTICLE, encoding="utf-8")
    hostile = tmp_path / "hostile.html"
    hostile.write_text("<html><body><script>window.__pwned = 1</script><p>Nothing to see.</p></body></html>",
                       encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")

    page.goto(app_url)
    wait_for_chart(page)
    _, before = counts(page)
    page.goto(app_url + "/add_articles")
    settle(page)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files([article, hostile, empty])
    page.wait_for_timeout(800)
    page.get_by_role("button", name="Add articles").click()
    settle(page)
    main = page.locator('[data-testid="stMain"]')
    result = main.get_by_text(re.compile(r"invented-iran-drones\.txt: [1-9]\d* events?"))
    expect(result).to_be_visible()
    added = int(re.search(r": (\d+) event", result.inner_text())[1])
    expect(main.get_by_text(re.compile(r"empty\.txt: .*empty"))).to_be_visible()
    assert page.evaluate("() => window.__pwned") is None
    screenshot("add-articles")

    page.goto(app_url + "/?q=delivered+40+shahed")
    wait_for_chart(page)
    shown, total = counts(page)
    assert total == before + added
    assert any(clean_home.rglob("*.sqlite3")), "the events are saved in the user's folder"
    assert shown >= 1, "the uploaded article's sentence is searchable"
    page.reload()
    wait_for_chart(page)
    assert counts(page) == (shown, total)
    screenshot("timeline-after-upload")

    page.set_viewport_size({"width": 1400, "height": 2000})
    pick(page, "Event", "Shahed", sidebar=False)
    quote = page.locator('[data-testid="stMain"] blockquote').first
    expect(quote).to_contain_text("delivered 40 Shahed drones")
    marks = quote.locator("mark").all_inner_texts()
    assert "Iran" in marks and "Russia" in marks and any("March 2023" in m for m in marks)
    wait_for_chart(page)
    screenshot("uploaded-event-evidence")


def test_nothing_is_fetched_from_outside(app_url: str, page: Page) -> None:
    """Offline: no CDN, web font or telemetry request leaves the machine."""
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(
        (app_url, "data:", "blob:", "about:")) else None)
    for path in ("/", "/events_table", "/sources", "/add_articles"):
        page.goto(app_url + path, timeout=90_000)
        page.wait_for_selector("h1", timeout=90_000)
        page.wait_for_timeout(1500)
        settle(page)
    assert outside == []
