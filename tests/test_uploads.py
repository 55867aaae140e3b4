"""Adding articles: each file gives its events or a clear error, and a bad file changes nothing saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.store import DB_NAME, Store
from timeline.uploads import MAX_BYTES, article_files, check_upload, import_bytes, import_path

INVENTED = (b"Invented Wire\n\nDrones for the front\n\n"
            b"Iran delivered 40 Shahed drones to Russia in March 2023, officials said on Tuesday.\n")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "home" / DB_NAME)


def test_an_invented_article_gives_events_that_are_saved(store: Store) -> None:
    result = import_bytes(store, "invented drones.txt", INVENTED)
    assert result.ok and result.events >= 1, result.line()
    assert result.line().startswith("invented drones.txt: ")
    events = Store(store.path).events()
    assert len(events) == result.events
    row = events.iloc[0]
    assert (row["supplier"], row["recipient"], row["item_class"]) == ("Iran", "Russia", "drones")
    assert row["source_ids"] == result.source_id
    assert (store.uploads / "invented_drones.txt").read_bytes() == INVENTED
    assert list(Store(store.path).sources()["file"]) == ["invented_drones.txt"]


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"   \n\n ", "empty"),
        ("binary.txt", b"\x00\x01\x02 not text", "binary"),
        ("notes.pdf", b"%PDF-1.4", "only .txt, .md, .html"),
        ("huge.txt", b"a" * (MAX_BYTES + 1), "MB"),
    ],
)
def test_bad_files_get_a_clear_error_and_change_nothing(store: Store, name: str, raw: bytes, message: str) -> None:
    import_bytes(store, "first.txt", INVENTED)
    before = Store(store.path).events()
    result = import_bytes(store, name, raw)
    assert not result.ok and message in result.error
    assert result.line().startswith(f"{name}: ")
    assert Store(store.path).events().equals(before)
    assert not (store.uploads / name).exists()


def test_check_upload_accepts_an_article() -> None:
    check_upload("story.html", b"<html><body><p>text</p></body></html>")


def test_a_folder_is_read_file_by_file(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_bytes(INVENTED)
    (folder / "b.md").write_bytes(b"")
    (folder / "ignored.csv").write_text("x", encoding="utf-8")
    files = article_files(folder)
    assert [p.name for p in files] == ["a.txt", "b.md"]
    results = [import_path(store, p) for p in files]
    assert [r.ok for r in results] == [True, False]


@pytest.mark.parametrize("folder", ["", "/no/such/folder/anywhere"])
def test_a_missing_folder_is_an_input_error(folder: str) -> None:
    with pytest.raises(InputError):
        article_files(folder)
