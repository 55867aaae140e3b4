"""`python -m timeline build`: re-extract a folder, merge with reviewed rows, keep ids stable."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pytest

from timeline.build import build, event_row, merge_rows
from timeline.cli import main
from timeline.dataset import DATA_DIR, EVENT_COLUMNS, SOURCE_COLUMNS, load_events, load_sources
from timeline.errors import InputError
from timeline.events import Event

REVIEWED = {
    "id": "r1", "date": "2024-09", "grain": "month", "date_start": "2024-09-01", "date_end": "2024-09-30",
    "date_text": "in September", "date_basis": "event", "supplier": "Iran", "recipient": "Russia",
    "item": "ballistic missiles", "item_class": "missiles", "quantity": "", "quantity_value": "",
    "kind": "shipment", "attributed_to": "", "note": "An invented reviewed note.", "source_ids": "a1",
    "evidence": "", "origin": "manual", "reviewed": "true",
}
SOURCE = {"source_id": "a1", "publisher": "Example Post", "headline": "An invented headline",
          "published": "2024-10-04", "url": "https://example.org/a1", "file": "a1.txt"}


def write_csv(path: Path, columns: Sequence[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(columns), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def event(article: str, supplier: str, item_class: str, kind: str, date: str | None, ident: str,
          basis: str = "event", sources: list[dict[str, object]] | None = None) -> Event:
    return Event(id=ident, supplier=supplier, recipient="Russia", item="things", item_class=item_class, kind=kind,
                 date=date, date_basis=basis if date else "undated", article_id=article, publisher="Example Post",
                 headline=f"Invented headline {article}", published="2024-10-04", sentence="not written",
                 sentence_start=10, sentence_end=60, sources=sources or [])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("a1.txt", "b2.txt"):
        (articles / name).write_text("An invented article about invented shipments.\n", encoding="utf-8")
    base = tmp_path / "base"
    base.mkdir()
    write_csv(base / "sources.csv", SOURCE_COLUMNS, [SOURCE])
    write_csv(base / "events.csv", EVENT_COLUMNS, [REVIEWED])
    return articles


def fake_extract(paths: Sequence[Path]) -> tuple[list[Event], list[str]]:
    return [
        event("a1", "Iran", "missiles", "claim", "2024-09-13", "x-same-fact"),      # the reviewed fact again
        event("a1", "China", "drones", "shipment", "2024-09", "x-china",
              sources=[{"article_id": "b2", "sentence_start": 5, "sentence_end": 40}]),
        event("b2", "North Korea", "troops", "deployment", "2024-13", "x-bad-date"),  # impossible month
    ], ["b2.txt: one problem"]


def test_build_merges_keeps_reviewed_rows_and_writes_offsets_not_text(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = build(folder, out=out, base=tmp_path / "base", extract=fake_extract)
    events, sources = load_events(out), load_sources(out)
    assert sorted(events["id"]) == ["r1", "x-bad-date", "x-china"]
    assert (report.extracted, report.added, report.problems) == (3, 2, ("b2.txt: one problem",))
    china = events.set_index("id").loc["x-china"]
    assert (china["source_ids"], china["evidence"], china["origin"], bool(china["reviewed"])) == (
        "a1;b2", "a1:10-60;b2:5-40", "extracted", False)
    bad = events.set_index("id").loc["x-bad-date"]
    assert bad["date_basis"] == "undated" and pd.isna(bad["date"]) and pd.isna(bad["date_start"])
    assert set(sources["source_id"]) == {"a1", "b2"}
    assert sources.set_index("source_id").loc["b2", "file"] == "b2.txt"
    assert "not written" not in (out / "events.csv").read_text(encoding="utf-8")


def test_build_twice_gives_the_same_ids_and_files(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(folder, out=out, base=tmp_path / "base", extract=fake_extract)
    first = (out / "events.csv").read_text(encoding="utf-8"), (out / "sources.csv").read_text(encoding="utf-8")
    build(folder, out=out, extract=fake_extract)
    assert ((out / "events.csv").read_text(encoding="utf-8"), (out / "sources.csv").read_text(encoding="utf-8")) == first


def test_a_review_survives_a_rebuild(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(folder, out=out, base=tmp_path / "base", extract=fake_extract)
    text = (out / "events.csv").read_text(encoding="utf-8")
    lines = [line.replace(",extracted,false", ",extracted,true") if line.startswith("x-china,") else line
             for line in text.splitlines()]
    (out / "events.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build(folder, out=out, extract=lambda paths: ([event("a1", "China", "drones", "shipment", "2024-10", "x-china")], []))
    china = load_events(out).set_index("id").loc["x-china"]
    assert (china["date"], bool(china["reviewed"])) == ("2024-09", True)


@pytest.mark.parametrize(("base_row", "fresh_id", "rebuilt", "kept_ids"), [
    ({"origin": "extracted", "reviewed": "false", "id": "old"}, "new", {"a1"}, ["new"]),      # refreshed
    ({"origin": "extracted", "reviewed": "false", "id": "old"}, "new", set(), ["old", "new"]),  # other article
    ({"origin": "extracted", "reviewed": "true", "id": "same"}, "same", {"a1"}, ["same"]),    # review wins
    ({"origin": "manual", "reviewed": "false", "id": "m"}, "new", {"a1"}, ["m"]),            # same fact
])
def test_merge_rule(base_row: dict[str, str], fresh_id: str, rebuilt: set[str], kept_ids: list[str]) -> None:
    fresh = event_row(event("a1", "Iran", "missiles", "shipment", "2024-09-13", fresh_id), {"a1": "a1"})
    rows, _ = merge_rows([REVIEWED | base_row], [fresh], rebuilt)
    assert [r["id"] for r in rows] == kept_ids


def test_build_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a folder"):
        build(tmp_path / "nope", out=tmp_path / "out", extract=fake_extract)


def test_cli_build_writes_to_out_and_reports(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("timeline.build._pipeline", fake_extract)
    out = tmp_path / "out"
    assert main(["build", str(folder), "--out", str(out), "--base", str(tmp_path / "base")]) == 0
    captured = capsys.readouterr()
    assert "3 events and 2 sources written to" in captured.out
    assert "warning: b2.txt: one problem" in captured.err
    assert main(["build", str(tmp_path / "nope"), "--out", str(out)]) == 1
    assert "Error: " in capsys.readouterr().err


def test_build_on_the_sample_corpus_keeps_the_bundled_rows_and_ids(corpus: Path, tmp_path: Path) -> None:
    """The real pipeline on the two sample articles, twice: the same ids, every reviewed row kept."""
    first, second = tmp_path / "first", tmp_path / "second"
    build(corpus, out=first, base=DATA_DIR)
    build(corpus, out=second, base=DATA_DIR)
    build(corpus, out=second)
    ids = [sorted(load_events(f)["id"]) for f in (first, second)]
    assert ids[0] == ids[1]
    bundled = load_events(DATA_DIR)
    assert set(bundled["id"]) <= set(ids[0])
