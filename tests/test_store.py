"""The user's store: where it lives, saving added events, reviews kept with their originals, bad files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from timeline.errors import InputError, StoreError
from timeline.store import DB_NAME, Review, Store, apply_reviews, safe_file_name, user_home

SOURCE = {"source_id": "invented-1", "publisher": "Invented Wire", "headline": "An invented story",
          "published": "2023-04-02", "url": "https://example.org/x", "file": "invented-1.txt"}


def row(eid: str, **extra: object) -> dict[str, object]:
    base = {"id": eid, "date": "2023-03", "grain": "month", "date_start": "2023-03-01", "date_end": "2023-03-31",
            "date_text": "in March 2023", "date_basis": "event", "supplier": "Iran", "recipient": "Russia",
            "item": "Shahed drones", "item_class": "drones", "quantity": "40", "quantity_value": 40.0,
            "kind": "shipment", "attributed_to": "officials", "source_ids": "invented-1",
            "evidence": "invented-1:0-70", "origin": "extracted", "reviewed": False}
    return {**base, **extra}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / DB_NAME)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"SUPPLY_LINES_HOME": "/tmp/somewhere"}, Path("/tmp/somewhere")),
        ({"SUPPLY_LINES_HOME": "", "XDG_DATA_HOME": "/tmp/xdg"}, Path("/tmp/xdg/supply-lines")),
    ],
)
def test_user_home(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: Path) -> None:
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert user_home() == expected


def test_default_home_is_a_user_data_folder_not_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUPPLY_LINES_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert user_home() == Path.home() / ".local" / "share" / "supply-lines"
    assert "data" not in Store().path.parts[-2:]


def test_events_survive_a_new_store_object(store: Store) -> None:
    assert store.add_article(SOURCE, [row("e1"), row("e2", kind="claim")]) == 2
    again = Store(store.path)
    events = again.events()
    assert list(events["id"]) == ["e1", "e2"]
    assert events.loc[0, "quantity_value"] == 40.0
    assert not events.loc[0, "reviewed"]
    assert list(again.sources()["headline"]) == ["An invented story"]


def test_reimporting_an_article_replaces_its_events(store: Store) -> None:
    store.add_article(SOURCE, [row("e1"), row("e2")])
    store.add_article(SOURCE, [row("e3")])
    assert list(store.events()["id"]) == ["e3"]


def test_empty_store_gives_empty_tables(store: Store) -> None:
    assert store.events().empty and store.sources().empty and store.reviews() == []


def test_review_needs_a_name_and_a_known_action(store: Store) -> None:
    with pytest.raises(InputError, match="name"):
        store.review("e1", "accept", "  ")
    with pytest.raises(InputError, match="not a review action"):
        store.review("e1", "approve", "Ann")


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"date": "March"}, "not a date value"), ({"quantity": "5"}, "cannot be corrected"), ({}, "nothing to correct")],
)
def test_bad_corrections_are_refused(store: Store, changes: dict[str, str], message: str) -> None:
    with pytest.raises(InputError, match=message):
        store.review("e1", "correct", "Ann", changes=changes)
    assert store.reviews() == []


def test_correction_is_saved_with_original_reviewer_and_time(store: Store) -> None:
    store.add_article(SOURCE, [row("e1")])
    saved = store.review("e1", "correct", "Ann", changes={"date": "2023-04", "supplier": "Iran"},
                         original=row("e1"))
    [back] = Store(store.path).reviews()
    assert back == saved
    assert back.changes == {"date": "2023-04", "supplier": "Iran"}
    assert back.original == {"date": "2023-03", "supplier": "Iran"}
    assert back.reviewer == "Ann" and back.at.startswith("20")


def test_apply_reviews_corrects_and_keeps_the_original() -> None:
    df = pd.DataFrame([row("e1"), row("e2"), row("e3")])
    reviews = [
        Review("e1", "correct", {"date": "2023-04-05", "kind": "claim"}, {}, "Ann", "2025-01-01T00:00:00+00:00"),
        Review("e1", "accept", {}, {}, "Bo", "2025-01-02T00:00:00+00:00"),
        Review("e2", "reject", {}, {}, "Ann", "2025-01-03T00:00:00+00:00"),
        Review("zz", "reject", {}, {}, "Ann", "2025-01-03T00:00:00+00:00"),
    ]
    out = apply_reviews(df, reviews).set_index("id")
    assert out.loc["e1", "date"] == "2023-04-05"
    assert (out.loc["e1", "grain"], out.loc["e1", "date_start"], out.loc["e1", "date_end"]) == (
        "day", "2023-04-05", "2023-04-05")
    assert out.loc["e1", "kind"] == "claim"
    assert out.loc["e1", "status"] == "accepted" and out.loc["e1", "reviewed_by"] == "Bo"
    assert "date: 2023-03 → 2023-04-05" in out.loc["e1", "original"]
    assert out.loc["e2", "status"] == "rejected"
    assert out.loc["e3", "status"] == "pending"
    assert df.loc[0, "date"] == "2023-03", "the input is not changed"


def test_a_file_that_is_not_a_database_raises_store_error(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="move it aside"):
        Store(path).events()


def test_save_file_keeps_a_bare_safe_name(store: Store) -> None:
    saved = store.save_file("../../etc/passwd.txt", b"invented text")
    assert saved.parent == store.uploads and saved.name == "passwd.txt"
    assert saved.read_bytes() == b"invented text"


@pytest.mark.parametrize(("name", "expected"), [
    ("a b.txt", "a_b.txt"), ("..\\x.md", "x.md"), (".hidden.html", "hidden.html"), ("", "article.txt"),
])
def test_safe_file_name(name: str, expected: str) -> None:
    assert safe_file_name(name) == expected


def test_rows_already_reviewed_start_accepted() -> None:
    df = pd.DataFrame([row("e1", reviewed=True), row("e2")])
    assert list(apply_reviews(df, [])["status"]) == ["accepted", "pending"]
