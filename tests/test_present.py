"""Present mode: stories kept as data, their events in date order, and what one step says."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from timeline import present
from timeline.dataset import events_with_sources, load_events, load_sources
from timeline.errors import DataError
from timeline.present import (
    ALL_EVENTS,
    Story,
    build_steps,
    date_words,
    firmness,
    parse_stories,
    step_number,
    story_events,
    what_happened,
)


def event(eid: str, date: str | None, start: str | None, end: str | None, **fields: object) -> dict[str, object]:
    row: dict[str, object] = {
        "id": eid, "date": date, "date_start": start, "date_end": end, "supplier": "North Korea",
        "recipient": "Russia", "item": "artillery shells", "item_class": "ammunition", "kind": "shipment",
        "quantity": None, "attributed_to": None, "note": None, "date_basis": "event" if date else "undated",
        "publisher": "Daily Example", "headline": "An invented headline", "published": "2024-10-04",
        "url": "https://example.org/a", "publishers": "Daily Example",
    }
    row.update(fields)
    return row


@pytest.fixture
def events() -> pd.DataFrame:
    """Invented events, deliberately out of order."""
    return pd.DataFrame([
        event("e-late", "2024-09", "2024-09-01", "2024-09-30", item_class="missiles", supplier="Iran"),
        event("e-undated", None, None, None, supplier="China", item_class="drones"),
        event("e-day", "2024-06-19", "2024-06-19", "2024-06-19", kind="agreement", item_class="agreement"),
        event("e-year", "2023", "2023-01-01", "2023-12-31", kind="claim", attributed_to="Seoul officials"),
        event("e-month", "2024-06", "2024-06-01", "2024-06-30", supplier="Iran", item_class="drones"),
        event("e-old", "2022-09", "2022-09-01", "2022-09-30", kind="denial", attributed_to="KCNA"),
    ])


# --- order and selection ---------------------------------------------------------------------------------

def test_all_events_are_in_date_order_with_undated_last(events: pd.DataFrame) -> None:
    ids = list(story_events(events, ALL_EVENTS)["id"])
    assert ids == ["e-old", "e-year", "e-month", "e-day", "e-late", "e-undated"]


def test_same_start_puts_the_shorter_span_first_then_orders_by_id() -> None:
    df = pd.DataFrame([
        event("b-month", "2024-06", "2024-06-01", "2024-06-30"),
        event("z-day", "2024-06-01", "2024-06-01", "2024-06-01"),
        event("a-month", "2024-06", "2024-06-01", "2024-06-30"),
        event("undated", None, None, None),
    ])
    assert list(present.order_events(df)["id"]) == ["z-day", "a-month", "b-month", "undated"]
    assert list(present.order_events(df, include_undated=False)["id"]) == ["z-day", "a-month", "b-month"]


@pytest.mark.parametrize(("story", "expected"), [
    (Story("s", "Iran", suppliers=("Iran",)), ["e-month", "e-late"]),
    (Story("s", "Drones", item_classes=("drones",)), ["e-month"]),
    (Story("s", "Drones", item_classes=("drones",), include_undated=True), ["e-month", "e-undated"]),
    (Story("s", "Words", kinds=("claim", "denial")), ["e-old", "e-year"]),
    (Story("s", "2024", date_from="2024-01-01", date_to="2024-12-31"), ["e-month", "e-day", "e-late"]),
    (Story("s", "Overlap", date_from="2023-06-01", date_to="2023-06-30"), ["e-year"]),
    (Story("s", "Until", date_to="2022-12-31"), ["e-old"]),
    (Story("s", "Ids", event_ids=("e-late", "e-old", "e-undated")), ["e-old", "e-late"]),
    (Story("s", "Ids", event_ids=("e-undated",), include_undated=True), ["e-undated"]),
    (Story("s", "Both", suppliers=("Iran",), event_ids=("e-old",)), ["e-old", "e-month", "e-late"]),
    (Story("s", "None", suppliers=("Belarus",)), []),
])
def test_story_selection(events: pd.DataFrame, story: Story, expected: list[str]) -> None:
    assert list(story_events(events, story)["id"]) == expected


# --- stories kept as data --------------------------------------------------------------------------------

def test_parse_stories_reads_every_field() -> None:
    stories = parse_stories({"stories": [{
        "id": "nk", "title": "North Korea", "description": "d", "suppliers": ["North Korea"],
        "item_classes": ["ammunition"], "kinds": ["shipment"], "date_from": "2022-01-01",
        "date_to": "2024-12-31", "event_ids": ["x"], "include_undated": True,
    }]})
    assert stories == [Story("nk", "North Korea", "d", ("North Korea",), ("ammunition",), ("shipment",),
                             "2022-01-01", "2024-12-31", ("x",), True)]


@pytest.mark.parametrize(("obj", "message"), [
    ([], 'expected an object {"stories": [...]}'),
    ({"stories": [{"title": "t", "suppliers": ["Iran"]}]}, "story 1, field id: required"),
    ({"stories": [{"id": "Bad Id", "title": "t", "suppliers": ["Iran"]}]}, "field id: 'Bad Id'"),
    ({"stories": [{"id": "all", "title": "t", "suppliers": ["Iran"]}]}, "field id: 'all'"),
    ({"stories": [{"id": "a", "title": "t"}]}, "story 1 (a): give a filter"),
    ({"stories": [{"id": "a", "title": "t", "suppliers": "Iran"}]}, "field suppliers: expected a list"),
    ({"stories": [{"id": "a", "title": "t", "date_from": "2024-13-01"}]}, "field date_from: '2024-13-01'"),
    ({"stories": [{"id": "a", "title": "t", "date_from": "2024-02-01", "date_to": "2024-01-01"}]},
     "field date_to: 2024-01-01 comes before"),
    ({"stories": [{"id": "a", "title": "t", "kinds": ["claim"], "colour": "red"}]}, "field colour: unknown"),
    ({"stories": [{"id": "a", "title": "t", "kinds": ["claims"]}]}, "field kinds: 'claims' is not one of"),
    ({"stories": [{"id": "a", "title": "t", "item_classes": ["drone"]}]}, "field item_classes: 'drone'"),
    ({"stories": [{"id": "a", "title": "t", "kinds": ["claim"], "include_undated": "yes"}]},
     "field include_undated"),
    ({"stories": [{"id": "a", "title": "t", "kinds": ["claim"]}, {"id": "a", "title": "u", "kinds": ["plan"]}]},
     "story 2, field id: 'a' is used by an earlier story"),
])
def test_parse_stories_names_the_broken_field(obj: object, message: str) -> None:
    with pytest.raises(DataError, match="stories.json") as err:
        parse_stories(obj)
    assert message in str(err.value)


def test_load_stories_reports_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "stories.json"
    with pytest.raises(DataError, match="is missing"):
        present.load_stories(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match="not valid JSON"):
        present.load_stories(path)


def test_bundled_stories_load_and_each_shows_something() -> None:
    stories = present.load_stories()
    assert {"north-korea-russia", "iran-drones-missiles", "china-help"} <= {s.id for s in stories}
    table = events_with_sources(load_events(), load_sources())
    assert present.missing_event_ids(stories, table["id"]) == {}
    for story in stories:
        assert len(story_events(table, story)) >= 1, story.id
    assert json.loads(present.STORIES_FILE.read_text(encoding="utf-8"))["stories"]


def test_missing_event_ids_lists_what_is_not_found() -> None:
    stories = [Story("a", "A", event_ids=("x", "y")), Story("b", "B", event_ids=("x",))]
    assert present.missing_event_ids(stories, ["x"]) == {"a": ["y"]}


# --- what a step says ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "words"), [
    ("2024-09", "September 2024"),
    ("2024-06", "June 2024"),
    ("2024-06-19", "19 June 2024"),
    ("2023", "2023"),
    ("2024-Q3", "Q3 2024"),
    (None, "Date not known"),
    ("", "Date not known"),
])
def test_date_words(value: str | None, words: str) -> None:
    assert date_words(value) == words


@pytest.mark.parametrize(("fields", "sentence"), [
    ({}, "North Korea shipped artillery shells to Russia."),
    ({"quantity": "about 200"}, "North Korea shipped artillery shells (about 200) to Russia."),
    ({"kind": "agreement", "item": "a defence pact"}, "North Korea and Russia agreed on a defence pact."),
    ({"kind": "deployment", "item": "troops"}, "North Korea sent troops to Russia."),
    ({"kind": "claim", "attributed_to": "Seoul"}, "Seoul said North Korea supplied artillery shells to Russia."),
    ({"kind": "denial"}, "North Korea denied supplying artillery shells to Russia."),
    ({"kind": "plan", "supplier": "Iran", "item": "missiles"}, "Iran planned to send missiles to Russia."),
    ({"kind": "other", "supplier": "China", "item": "drone engines"}, "China helped Russia with drone engines."),
    ({"note": "Our own note without a full stop"}, "Our own note without a full stop."),
    ({"note": "Our own note?"}, "Our own note?"),
])
def test_what_happened(fields: dict[str, object], sentence: str) -> None:
    assert what_happened(event("e", "2024-09", "2024-09-01", "2024-09-30", **fields)) == sentence


@pytest.mark.parametrize(("kind", "basis", "who", "publisher", "level", "sentence"), [
    ("denial", "event", "KCNA", "Paper", "denied", "Denied by KCNA"),
    ("denial", "event", "White House", "Paper", "denied", "Denied by North Korea (source: White House)"),
    ("denial", "event", None, "Paper", "denied", "Denied by North Korea"),
    ("shipment", "statement", "Kremlin spokesman", "Paper", "confirmed", "Confirmed by Kremlin spokesman"),
    ("claim", "event", "North Korean state media", None, "confirmed", "Confirmed by North Korean state media"),
    ("shipment", "report", "western intelligence", "Paper", "claimed", "Claimed by western intelligence"),
    ("shipment", "statement", "Paper", "Paper", "reported", "Reported by Paper"),
    ("claim", "report", None, "Paper", "claimed", "Claimed by unnamed sources quoted by Paper"),
    ("shipment", "statement", None, None, "claimed", "Claimed by unnamed sources"),
    ("agreement", "event", None, "Paper", "confirmed", "Confirmed: made in public by North Korea and Russia"),
    ("shipment", "report", None, "Paper", "reported", "Reported by Paper"),
    ("shipment", "event", None, None, "reported", "Reported by the press"),
])
def test_firmness(kind: str, basis: str, who: str | None, publisher: str | None, level: str, sentence: str) -> None:
    f = firmness(kind, basis, who, "North Korea", "Russia", publisher)
    assert (f.level, f.sentence) == (level, sentence)
    assert f.symbol and f.label.lower() == level  # a symbol and a word, never colour alone


@pytest.mark.parametrize(("who", "party", "expected"), [
    ("Iranian foreign ministry", "Iran", True),
    ("Ukrainian intelligence", "Iran", False),
    ("Pyongyang", "North Korea", True),
    ("Lukashenko", "Belarus", True),
    ("Some Land's army", "Some Land", True),
    (None, "Iran", False),
])
def test_speaks_for(who: str | None, party: str, expected: bool) -> None:
    assert present.speaks_for(who, party) is expected


def test_build_steps(events: pd.DataFrame) -> None:
    steps = build_steps(story_events(events, ALL_EVENTS))
    assert [s.progress for s in steps][:2] == ["1 of 6", "2 of 6"]
    first, last = steps[0], steps[-1]
    assert (first.event_id, first.date_words, first.firmness.level) == ("e-old", "September 2022", "denied")
    assert first.source == present.SourceRef("Daily Example", "An invented headline", "4 October 2024",
                                             "https://example.org/a")
    assert (last.event_id, last.date_words, last.date) == ("e-undated", "Date not known", None)


def test_build_steps_keeps_only_http_links_and_lists_other_publishers() -> None:
    df = pd.DataFrame([event("e", "2024", "2024-01-01", "2024-12-31", url="javascript:alert(1)",
                             publishers="Daily Example; Other Paper")])
    step = build_steps(df)[0]
    assert step.source is not None and step.source.url is None
    assert step.also == ("Other Paper",)
    assert build_steps(df.assign(publisher=None))[0].source is None


@pytest.mark.parametrize(("value", "total", "expected"), [
    ("3", 12, 3), ("0", 12, 1), ("99", 12, 12), ("last", 12, 12), ("abc", 12, 1), (None, 12, 1), ("2", 0, 1),
])
def test_step_number(value: object, total: int, expected: int) -> None:
    assert step_number(value, total) == expected


def test_step_html_escapes_every_value_from_the_data() -> None:
    df = pd.DataFrame([event(
        'e"1', "2024-09", "2024-09-01", "2024-09-30", note="<img src=x onerror=alert(1)> & co",
        publisher="<b>Paper</b>", headline="Big <i>news</i>", url='https://example.org/?a=1&b="2"',
        attributed_to="<Spy>", publishers="<b>Paper</b>; O'Brien & Sons",
    )])
    out = present.step_html(build_steps(df)[0], "Story <1>")
    for raw in ("<img", "<b>", "<i>", "<Spy>", "Story <1>", 'e"1', "O'Brien"):
        assert raw not in out
    for escaped in ("&lt;img src=x onerror=alert(1)&gt; &amp; co.", "&lt;b&gt;Paper&lt;/b&gt;",
                    "Big &lt;i&gt;news&lt;/i&gt;", "Claimed by &lt;Spy&gt;", "Story &lt;1&gt;",
                    'data-event-id="e&quot;1"', 'href="https://example.org/?a=1&amp;b=&quot;2&quot;"',
                    "O&#x27;Brien &amp; Sons", "September 2024", "1 of 1"):
        assert escaped in out


def test_step_html_without_source_or_link() -> None:
    df = pd.DataFrame([event("e", "2024-09", "2024-09-01", "2024-09-30", url=None)])
    assert "<a " not in present.step_html(build_steps(df)[0], "S")
    out = present.step_html(build_steps(df.assign(publisher=None))[0], "S")
    assert "Source: none recorded" in out
    assert 'class="sl-badge sl-reported">● Reported<' in out


def test_story_figure_shows_the_steps_so_far_with_the_axis_fixed_to_the_story() -> None:
    events = pd.DataFrame([
        {"id": f"e{i}", "date": d, "grain": "day", "date_start": d, "date_end": d, "date_text": None,
         "date_basis": "event", "supplier": "Iran", "recipient": "Russia", "item": "drones", "item_class": "drones",
         "kind": "shipment", "quantity": None, "quantity_value": None, "attributed_to": None, "note": "n",
         "publisher": "P", "headline": "H", "url": None, "published": d}
        for i, d in enumerate(["2022-09-01", "2023-05-01", "2024-07-01"])])
    steps = present.build_steps(events)
    fig = present.story_figure(events, steps, steps[0])
    shown = {i for trace in fig.data for i in (trace.customdata or []) for i in ([i] if isinstance(i, str) else i)}
    assert "e0" in str(shown) and "e2" not in str(shown)
    start, end = fig.layout.xaxis.range
    assert str(start) < "2022-09-01" and str(end) > "2024-07-01"
