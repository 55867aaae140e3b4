"""The Present page in Streamlit's AppTest: steps forward and back, keeps story and step in the URL."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from timeline import present
from timeline.dataset import events_with_sources, load_events, load_sources

PAGE = Path(__file__).resolve().parents[1] / "pages" / "present.py"


@pytest.fixture(autouse=True)
def empty_user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page reads the user's own added events too: give it an empty folder, never the real one.

    Cached data is cleared so the page reads the same files as expected_ids() below.
    """
    monkeypatch.setenv("SUPPLY_LINES_HOME", str(tmp_path))
    st.cache_data.clear()


def expected_ids(story_id: str) -> list[str]:
    table = events_with_sources(load_events(), load_sources())
    story = next(s for s in present.story_choices(present.load_stories()) if s.id == story_id)
    return list(present.story_events(table, story)["id"])


def open_page(**params: str) -> AppTest:
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> tuple[str, str]:
    """(event id, progress) of the step on screen, read from the step's HTML."""
    body = next(h.proto.body for h in at.html if 'class="sl-step"' in h.proto.body)
    event_id = re.search(r'data-event-id="([^"]+)"', body)
    progress = re.search(r'class="sl-count">([^<]+)<', body)
    assert event_id and progress, body
    return event_id[1], progress[1]


def test_opens_on_all_events_at_step_one() -> None:
    at = open_page()
    ids = expected_ids("all")
    assert shown(at) == (ids[0], f"1 of {len(ids)}")
    assert at.button(key="present_prev").disabled
    assert not at.button(key="present_next").disabled
    assert dict(at.query_params) == {"story": "all", "step": "1"}
    assert len(at.get("plotly_chart")) == 1


def walk(at: AppTest, key: str) -> list[tuple[str, str]]:
    """Press the button until it is disabled; what each step showed."""
    seen = []
    while not at.button(key=key).disabled:
        at.button(key=key).click().run()
        assert not at.exception, at.exception
        seen.append(shown(at))
    return seen


def test_steps_forward_to_the_end_and_back() -> None:
    ids = expected_ids("shells")
    at = open_page(story="shells")
    steps = [(eid, f"{n} of {len(ids)}") for n, eid in enumerate(ids, start=1)]
    assert [shown(at), *walk(at, "present_next")] == steps
    assert at.query_params["step"] == str(len(ids))
    assert walk(at, "present_prev") == steps[-2::-1]
    assert at.query_params["step"] == "1"


def test_every_step_of_a_long_story_renders() -> None:
    ids = expected_ids("north-korea-russia")
    assert len(ids) >= 3
    at = open_page(story="north-korea-russia")
    assert [e for e, _ in walk(at, "present_next")] == ids[1:]
    assert at.query_params["step"] == str(len(ids))


def test_the_url_resumes_a_lesson() -> None:
    ids = expected_ids("shells")
    at = open_page(story="shells", step="2")
    assert shown(at) == (ids[1], f"2 of {len(ids)}")
    assert at.selectbox(key="present_story").value == "shells"
    assert open_page(story="shells", step="last").query_params["step"] == str(len(ids))


@pytest.mark.parametrize(("params", "story", "step"), [
    ({"story": "no-such-story", "step": "4"}, "all", "4"),
    ({"story": "shells", "step": "abc"}, "shells", "1"),
    ({"story": "shells", "step": "999"}, "shells", None),
])
def test_a_bad_url_falls_back_to_something_sensible(params: dict[str, str], story: str, step: str | None) -> None:
    at = open_page(**params)
    assert at.query_params["story"] == story
    assert at.query_params["step"] == (step or str(len(expected_ids(story))))


def test_choosing_another_story_starts_it_at_step_one() -> None:
    at = open_page(story="north-korea-russia", step="3")
    at.selectbox(key="present_story").set_value("iran-drones-missiles").run()
    assert not at.exception
    ids = expected_ids("iran-drones-missiles")
    assert shown(at) == (ids[0], f"1 of {len(ids)}")
    assert dict(at.query_params) == {"story": "iran-drones-missiles", "step": "1"}


def test_current_view_without_filters_is_every_event() -> None:
    at = open_page(story="view")
    assert shown(at)[1] == f"1 of {len(expected_ids('all'))}"


def test_undated_events_come_last_and_data_is_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    """An invented table: the undated step has no chart, and markup in the data shows as text."""
    from timeline import ui

    table = pd.DataFrame([
        {"id": "x-undated", "date": None, "date_start": None, "date_end": None, "date_basis": "undated",
         "supplier": "Iran", "recipient": "Russia", "item": "drones", "item_class": "drones", "kind": "shipment",
         "note": "<script>alert(1)</script> & more", "publisher": "Invented <b>Paper</b>"},
        {"id": "x-dated", "date": "2024-06", "date_start": "2024-06-01", "date_end": "2024-06-30",
         "date_basis": "event", "supplier": "Iran", "recipient": "Russia", "item": "missiles",
         "item_class": "missiles", "kind": "shipment", "note": None, "publisher": "Invented Paper"},
    ])
    monkeypatch.setattr(ui, "load_table", lambda include_rejected=False: table)
    monkeypatch.setattr(ui, "current_view", lambda: (table, None))
    at = open_page(story="all", step="2")
    assert shown(at) == ("x-undated", "2 of 2")
    body = next(h.proto.body for h in at.html if 'class="sl-step"' in h.proto.body)
    assert "Date not known" in body and "<script>" not in body and "<b>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more." in body
    assert len(at.get("plotly_chart")) == 0
    assert any("no date" in c for c in at.caption.values)
    at.button(key="present_prev").click().run()
    assert shown(at) == ("x-dated", "1 of 2")
    assert "Iran shipped missiles to Russia." in next(h.proto.body for h in at.html if "sl-step" in h.proto.body)
    assert len(at.get("plotly_chart")) == 1
