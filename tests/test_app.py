"""Every page under Streamlit's AppTest: it runs without exception, filters change the counts, reviews are saved."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from timeline.dataset import load_events
from timeline.store import DB_NAME, Store

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["pages/timeline_view.py", "pages/events_table.py", "pages/sources.py", "pages/add_articles.py"]
SOURCE = {"source_id": "invented-wire", "publisher": "Invented Wire", "headline": "An invented story",
          "published": "2023-04-02", "url": "javascript:alert(1)", "file": "invented-wire.txt"}


def added_row(eid: str, **extra: object) -> dict[str, object]:
    base = {"id": eid, "date": "2023-03", "grain": "month", "date_start": "2023-03-01", "date_end": "2023-03-31",
            "date_text": "in March 2023", "date_basis": "event", "supplier": "Iran", "recipient": "Russia",
            "item": "<script>alert(1)</script> drones", "item_class": "drones", "quantity": "40",
            "quantity_value": 40.0, "kind": "shipment", "attributed_to": "officials",
            "source_ids": "invented-wire", "evidence": "", "origin": "extracted", "reviewed": False}
    return {**base, **extra}


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SUPPLY_LINES_HOME", str(tmp_path))
    return tmp_path


def start(page: str | None = None, params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page).run()
    return at


def count(at: AppTest) -> tuple[int, int]:
    for m in at.sidebar.markdown:
        found = re.fullmatch(r"\*\*(\d+) of (\d+) events?\*\*", m.value)
        if found:
            return int(found[1]), int(found[2])
    raise AssertionError("no event count in the sidebar")


@pytest.mark.parametrize("page", [None, *PAGES])
def test_every_page_runs_without_exception(home: Path, page: str | None) -> None:
    at = start(page)
    assert not at.exception
    assert not at.error
    assert at.title
    if page != "pages/add_articles.py":
        shown, total = count(at)
        assert shown == total > 0


def test_timeline_is_the_home_page_and_draws_a_chart(home: Path) -> None:
    at = start()
    assert at.title[0].value == "Timeline"
    assert at.get("plotly_chart"), "the timeline chart is on the first page"


def test_a_filter_changes_the_counts_and_the_url(home: Path) -> None:
    at = start()
    _, total = count(at)
    at.sidebar.multiselect(key="filter_suppliers").select("Iran").run()
    shown, again = count(at)
    assert again == total and 0 < shown < total
    assert at.query_params["supplier"] == "Iran"
    at.sidebar.button(key="filter_reset").click().run()
    assert count(at) == (total, total)
    assert "supplier" not in at.query_params


def test_the_url_reproduces_a_view(home: Path) -> None:
    plain = start()
    _, total = count(plain)
    at = start(params={"supplier": "Iran", "q": "drones"})
    shown, _ = count(at)
    assert 0 < shown < total
    assert at.sidebar.multiselect(key="filter_suppliers").value == ["Iran"]
    assert at.sidebar.text_input(key="filter_search").value == "drones"


def charted(at: AppTest) -> set[str]:
    """The event ids the timeline chart draws (each marker's customdata)."""
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return {i for trace in spec["data"] for i in trace.get("customdata") or []}


def test_the_chart_drawn_before_the_sidebar_shows_the_sidebars_filters(home: Path) -> None:
    at = start(params={"supplier": "Iran"})
    shown, _ = count(at)
    assert len(charted(at)) == shown, "the chart, drawn first, uses the filters the URL gives"
    at.sidebar.multiselect(key="filter_suppliers").select("North Korea").run()
    both, _ = count(at)
    assert both > shown and len(charted(at)) == both, "and those the widgets hold after a change"
    at.radio(key="timeline_lane").set_value("kind").run()
    assert json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["yaxis"]["title"]["text"] == "Kind"


def test_garbage_in_the_url_is_ignored(home: Path) -> None:
    at = start(params={"supplier": "Atlantis", "from": "yesterday", "lane": "nonsense", "event": "nope"})
    assert not at.exception and not at.error
    shown, total = count(at)
    assert shown == total


@pytest.mark.parametrize("lane", ["item_class", "kind", "claimant"])
def test_lanes_switch(home: Path, lane: str) -> None:
    at = start()
    at.radio(key="timeline_lane").set_value(lane).run()
    assert not at.exception
    assert at.query_params["lane"] == lane


def test_selecting_an_event_shows_its_detail(home: Path) -> None:
    at = start()
    first = str(load_events()["id"].iloc[0])
    at.selectbox(key="timeline_event").set_value(first).run()
    assert not at.exception
    assert at.query_params["event"] == first
    assert at.subheader, "a detail heading"
    assert any("Sources" in m.value for m in at.markdown)
    fields = at.dataframe[0].value
    assert first in set(fields["Value"])


def test_user_text_is_escaped_and_bad_links_dropped(home: Path) -> None:
    Store(home / DB_NAME).add_article(SOURCE, [added_row("added-1")])
    at = start(params={"event": "added-1"})
    heading = " ".join(s.value for s in at.subheader)
    assert "\\<script\\>" in heading and "<script>" not in heading
    assert not any("javascript:" in m.value for m in at.markdown)


def test_a_review_is_saved_and_a_rejection_leaves_the_view(home: Path) -> None:
    store = Store(home / DB_NAME)
    store.add_article(SOURCE, [added_row("added-1"), added_row("added-2", item="rifles", kind="claim")])
    at = start("pages/add_articles.py")
    _, total = count(start())
    at.text_input(key="reviewer").input("Ann").run()
    at.selectbox(key="review_event").set_value("added-1").run()
    at.button(key="review_accept").click().run()
    assert not at.exception
    [review] = store.reviews()
    assert (review.event_id, review.action, review.reviewer) == ("added-1", "accept", "Ann")
    at.selectbox(key="review_event").set_value("added-2").run()
    at.button(key="review_reject").click().run()
    assert [r.action for r in store.reviews()] == ["accept", "reject"]
    _, after = count(start())
    assert after == total - 1


def test_a_correction_is_saved_with_the_original(home: Path) -> None:
    store = Store(home / DB_NAME)
    store.add_article(SOURCE, [added_row("added-1")])
    at = start("pages/add_articles.py")
    at.text_input(key="reviewer").input("Bo").run()
    at.selectbox(key="review_event").set_value("added-1").run()
    form_inputs = [t for t in at.text_input if t.label.startswith("Date")]
    form_inputs[0].input("2023-04")
    next(b for b in at.button if b.label == "Save correction").click().run()
    assert not at.exception
    [review] = store.reviews()
    assert review.action == "correct" and review.changes == {"date": "2023-04"}
    assert review.original == {"date": "2023-03"} and review.reviewer == "Bo"


def test_a_review_without_a_name_is_a_message_not_a_traceback(home: Path) -> None:
    Store(home / DB_NAME).add_article(SOURCE, [added_row("added-1")])
    at = start("pages/add_articles.py")
    at.button(key="review_accept").click().run()
    assert not at.exception
    assert any("reviewer" in e.value for e in at.error)
