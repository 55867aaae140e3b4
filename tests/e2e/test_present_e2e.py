"""Present mode in Chromium at 1920x1080: arrow keys step through a preset story; type is big and dark enough."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.conftest import SHOTS, wait_for_app

STORY = "north-korea-russia"
MIN_FONT_PX = 32
MIN_CONTRAST = 7.0

# Every visible element with its own text inside the step and on the two buttons: its computed font size,
# colour and the first non-transparent background behind it.
STYLES_JS = """
(selector) => {
  const out = [];
  const opaque = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      const m = bg.match(/rgba?\\(([^)]+)\\)/);
      if (m && (m[1].split(',').length < 4 || parseFloat(m[1].split(',')[3]) > 0)) return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  for (const el of document.querySelectorAll(selector)) {
    const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent.trim()).join(' ').trim();
    if (!own || el.getClientRects().length === 0) continue;
    const cs = getComputedStyle(el);
    out.push({text: own.slice(0, 40), tag: el.tagName, cls: el.className, size: parseFloat(cs.fontSize),
              color: cs.color, background: opaque(el)});
  }
  return out;
}
"""
TEXT_SELECTOR = ".sl-step, .sl-step *, .st-key-present_prev button *, .st-key-present_next button *"


def rgb(css: str) -> tuple[float, float, float]:
    parts = re.findall(r"[\d.]+", css)
    assert len(parts) >= 3, css
    return float(parts[0]), float(parts[1]), float(parts[2])


def luminance(colour: tuple[float, float, float]) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0-255 channels)."""
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(rgb(a)), luminance(rgb(b))), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize(("fg", "bg", "ratio"), [
    ("rgb(0, 0, 0)", "rgb(255, 255, 255)", 21.0),
    ("rgb(255, 255, 255)", "rgb(255, 255, 255)", 1.0),
    ("rgb(118, 118, 118)", "rgb(255, 255, 255)", 4.54),
])
def test_contrast_formula(fg: str, bg: str, ratio: float) -> None:
    assert contrast(fg, bg) == pytest.approx(ratio, abs=0.01)


@pytest.fixture
def big_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    context.close()


def open_step(page: Page, url: str) -> tuple[str, str]:
    page.goto(url)
    wait_for_app(page)
    page.wait_for_selector(".sl-step .sl-count")
    return step_on_screen(page)


def step_on_screen(page: Page) -> tuple[str, str]:
    step = page.locator(".sl-step")
    return str(step.get_attribute("data-event-id")), page.locator(".sl-step .sl-count").inner_text()


def shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def check_type(page: Page) -> list[dict[str, object]]:
    styles = page.evaluate(STYLES_JS, TEXT_SELECTOR)
    assert len(styles) >= 6, styles
    for s in styles:
        assert s["size"] >= MIN_FONT_PX, s
        assert contrast(str(s["color"]), str(s["background"])) >= MIN_CONTRAST, s
    return styles


def test_present_a_story_with_the_arrow_keys(app_url: str, big_page: Page) -> None:
    page = big_page
    first_id, first_progress = open_step(page, f"{app_url}/present?story={STORY}&step=1")
    m = re.fullmatch(r"1 of (\d+)", first_progress)
    assert m, first_progress
    total = int(m[1])
    assert total >= 3
    page.wait_for_selector(".js-plotly-plot .scatterlayer")
    check_type(page)
    shoot(page, "present-step-1")

    page.locator(".sl-step .sl-date").click()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('.sl-step .sl-count')?.textContent.startsWith('2 of')")
    wait_for_app(page)
    second_id, second_progress = step_on_screen(page)
    assert second_progress == f"2 of {total}"
    assert second_id != first_id
    assert re.search(r"[?&]step=2(&|$)", page.url) and f"story={STORY}" in page.url
    check_type(page)
    shoot(page, "present-step-2")

    page.keyboard.press("ArrowLeft")
    page.wait_for_function(
        "() => document.querySelector('.sl-step .sl-count')?.textContent.startsWith('1 of')")
    assert step_on_screen(page)[0] == first_id

    last_id, last_progress = open_step(page, f"{app_url}/present?story={STORY}&step={total}")
    assert last_progress == f"{total} of {total}"
    assert last_id not in (first_id, second_id)
    assert page.locator(".st-key-present_next button").is_disabled()
    check_type(page)
    shoot(page, "present-step-last")
