"""The bundled data (data/events.csv, data/sources.csv) and the loader that checks it."""

from __future__ import annotations

import csv
import json
import math
import re
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from timeline.dataset import (
    DATA_DIR,
    EVENT_COLUMNS,
    ROOT,
    SOURCE_COLUMNS,
    event_to_row,
    events_with_sources,
    load_events,
    load_sources,
    row_to_event,
)
from timeline.errors import DataError
from timeline.timex import grain_of, interval_of

SOURCE = {"source_id": "s1", "publisher": "Example Post", "headline": "An invented headline",
          "published": "2024-10-04", "url": "https://example.org/a", "file": ""}
EVENT = {
    "id": "e1", "date": "2024-09", "grain": "month", "date_start": "2024-09-01", "date_end": "2024-09-30",
    "date_text": "in September", "date_basis": "event", "supplier": "Iran", "recipient": "Russia",
    "item": "ballistic missiles", "item_class": "missiles", "quantity": "200", "quantity_value": "200",
    "kind": "shipment", "attributed_to": "officials", "note": "An invented note.", "source_ids": "s1",
    "evidence": "s1:10-80", "origin": "manual", "reviewed": "true",
}


def write_csv(path: Path, columns: tuple[str, ...] | list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(columns), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def fixture_folder(tmp_path: Path, events: list[dict[str, str]], sources: list[dict[str, str]] | None = None,
                   columns: tuple[str, ...] | list[str] = EVENT_COLUMNS) -> Path:
    write_csv(tmp_path / "sources.csv", SOURCE_COLUMNS, [SOURCE] if sources is None else sources)
    write_csv(tmp_path / "events.csv", columns, events)
    return tmp_path


# --- the loader ------------------------------------------------------------------------------------------

def test_a_good_fixture_loads_with_types(tmp_path: Path) -> None:
    folder = fixture_folder(tmp_path, [EVENT, EVENT | {"id": "e2", "quantity": "", "quantity_value": "",
                                                       "reviewed": "false", "recipient": ""}])
    df = load_events(folder)
    assert list(df.columns) == list(EVENT_COLUMNS)
    assert df["quantity_value"].tolist()[0] == 200.0 and math.isnan(df["quantity_value"].tolist()[1])
    assert df["reviewed"].tolist() == [True, False]
    assert pd.isna(df["recipient"].tolist()[1])


@pytest.mark.parametrize(("change", "row", "field", "says"), [
    ({"date_start": "2024-13-01"}, 2, "date_start", "'2024-13-01' is not a date"),
    ({"date_end": "2024-09-29"}, 2, "date_end", "gives 2024-09-30"),
    ({"date": "2024-9"}, 2, "date", "not a TIMEX3"),
    ({"grain": "day"}, 2, "grain", "is a month"),
    ({"date": "2024-09-13"}, 2, "grain", "is a day"),
    ({"item_class": "tanks"}, 2, "item_class", "'tanks' is not one of"),
    ({"kind": "gift"}, 2, "kind", "not one of"),
    ({"date_basis": "rumour"}, 2, "date_basis", "not one of"),
    ({"date_basis": "undated"}, 2, "date", "must be empty"),
    ({"date": "", "grain": "", "date_start": "", "date_end": ""}, 2, "date", "required when"),
    ({"origin": "guessed"}, 2, "origin", "not one of"),
    ({"reviewed": "yes"}, 2, "reviewed", "not one of"),
    ({"supplier": ""}, 2, "supplier", "required"),
    ({"source_ids": "s1;nope"}, 2, "source_ids", "'nope' is not a source_id"),
    ({"evidence": "s1:80-10"}, 2, "evidence", "start must come before end"),
    ({"evidence": "s2:1-5"}, 2, "evidence", "not among this row's source_ids"),
    ({"evidence": "a sentence copied here"}, 2, "evidence", "not source_id:start-end"),
    ({"quantity_value": "many"}, 2, "quantity_value", "not a number"),
    ({"date_text": "a whole sentence pasted where only the date phrase belongs"}, 2, "date_text", "longer than"),
    ({"id": "has space"}, 2, "id", "not an id"),
])
def test_a_broken_event_names_file_row_and_field(tmp_path: Path, change: dict[str, str], row: int, field: str,
                                                 says: str) -> None:
    folder = fixture_folder(tmp_path, [EVENT | change])
    with pytest.raises(DataError) as e:
        load_events(folder)
    assert f"events.csv row {row}, field {field}: " in str(e.value)
    assert says in str(e.value)


def test_a_duplicate_id_names_the_second_row(tmp_path: Path) -> None:
    folder = fixture_folder(tmp_path, [EVENT, EVENT | {"id": "e2"}, EVENT])
    with pytest.raises(DataError, match=r"events.csv row 4, field id: 'e1' is used by an earlier row"):
        load_events(folder)


@pytest.mark.parametrize(("change", "field", "says"), [
    ({"published": "4 Oct 2024"}, "published", "is not a date"),
    ({"headline": ""}, "headline", "required"),
    ({"url": "example.org/a"}, "url", "not an http(s) address"),
    ({"file": "../x.txt"}, "file", "not an article file name"),
    ({"publisher": ""}, "publisher", "required"),
])
def test_a_broken_source_names_file_row_and_field(tmp_path: Path, change: dict[str, str], field: str,
                                                  says: str) -> None:
    folder = fixture_folder(tmp_path, [EVENT], [SOURCE | {"source_id": "s0"}, SOURCE | change])
    with pytest.raises(DataError) as e:
        load_sources(folder)
    assert f"sources.csv row 3, field {field}: " in str(e.value)
    assert says in str(e.value)


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    columns = [c for c in EVENT_COLUMNS if c != "kind"]
    folder = fixture_folder(tmp_path, [{k: v for k, v in EVENT.items() if k != "kind"}], columns=columns)
    with pytest.raises(DataError, match=r"events.csv row 1, field kind: column missing"):
        load_events(folder)


def test_a_missing_file_and_a_short_row_are_named(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="sources.csv is missing"):
        load_sources(tmp_path)
    folder = fixture_folder(tmp_path, [EVENT])
    with (folder / "events.csv").open("a", encoding="utf-8") as f:
        f.write("e9,2024\n")
    with pytest.raises(DataError, match=r"events.csv row 3: 2 cells where the header has 20"):
        load_events(folder)


def test_events_with_sources_joins_publishers(tmp_path: Path) -> None:
    sources = [SOURCE, SOURCE | {"source_id": "s2", "publisher": "Other Daily", "url": ""}]
    folder = fixture_folder(tmp_path, [EVENT | {"source_ids": "s1;s2"}], sources)
    df = events_with_sources(load_events(folder), load_sources(folder))
    row = df.iloc[0]
    assert (row["publisher"], row["publishers"], row["url"], row["published"]) == (
        "Example Post", "Example Post; Other Daily", "https://example.org/a", "2024-10-04")


def test_row_to_event_and_back_keeps_the_fields(tmp_path: Path) -> None:
    folder = fixture_folder(tmp_path, [EVENT])
    df = events_with_sources(load_events(folder), load_sources(folder))
    event = row_to_event(df.iloc[0].to_dict())
    assert (event.date, event.quantity_value, event.reviewed, event.publisher) == ("2024-09", 200.0, True,
                                                                                   "Example Post")
    event.sentence_start, event.sentence_end = 10, 80
    assert event_to_row(event, "s1") == EVENT


# --- the bundled data ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundled() -> tuple:
    return load_events(DATA_DIR), load_sources(DATA_DIR)


def test_the_bundled_data_validates_with_unique_ids(bundled: tuple) -> None:
    events, sources = bundled
    assert events["id"].is_unique and sources["source_id"].is_unique
    assert len(events) > 0


def test_every_timex_value_agrees_with_its_days(bundled: tuple) -> None:
    events, _ = bundled
    for row in events.itertuples():
        if row.date is None:
            continue
        first, last = interval_of(row.date)
        assert (row.date_start, row.date_end, row.grain) == (first.isoformat(), last.isoformat(),
                                                             grain_of(row.date)), row.id


def _has(events: pd.DataFrame, words: str) -> pd.Series:
    text = (events["item"].fillna("") + " " + events["note"].fillna("")).str.lower()
    return text.str.contains(words)


def _between(events: pd.DataFrame, first: str, last: str) -> pd.Series:
    return (events["date_start"] >= first) & (events["date_start"] <= last)


TOPICS = {
    "North Korean shells from 2022": lambda e: (e.supplier == "North Korea") & (e.item_class == "ammunition")
    & _between(e, "2022-01-01", "2022-12-31"),
    "Iranian Shahed drones": lambda e: (e.supplier == "Iran") & (e.item_class == "drones") & _has(e, "shahed"),
    "the Alabuga drone factory": lambda e: (e.supplier == "Iran") & _has(e, "alabuga"),
    "the September 2023 Kim–Putin summit at Vostochny": lambda e: _has(e, "vostochny")
    & _between(e, "2023-09-01", "2023-09-30"),
    "North Korean ballistic missiles from the turn of 2024": lambda e: (e.supplier == "North Korea")
    & (e.item_class == "missiles") & _between(e, "2023-12-01", "2024-02-29"),
    "the treaty of 19 June 2024": lambda e: (e.supplier == "North Korea") & (e.kind == "agreement")
    & (e.date == "2024-06-19"),
    "Iranian Fath-360 missiles in September 2024": lambda e: (e.supplier == "Iran") & _has(e, "fath-360")
    & _between(e, "2024-09-01", "2024-09-30"),
    "North Korean troops in Kursk": lambda e: (e.supplier == "North Korea") & (e.item_class == "troops")
    & _has(e, "kursk") & (e.date_start >= "2024-10-01"),
    "Chinese components": lambda e: (e.supplier == "China") & (e.item_class == "components"),
    "Chinese help with Garpiya drones": lambda e: (e.supplier == "China") & _has(e, "garpiya"),
    "Belarus": lambda e: e.supplier == "Belarus",
    "North Korean denials": lambda e: (e.supplier == "North Korea") & (e.kind == "denial"),
    "Iranian denials": lambda e: (e.supplier == "Iran") & (e.kind == "denial"),
    "Chinese denials": lambda e: (e.supplier == "China") & (e.kind == "denial"),
    "an estimate of 3 million shells": lambda e: (e.item_class == "ammunition") & (e.quantity_value == 3_000_000),
    "an estimate of close to 5 million shells": lambda e: (e.item_class == "ammunition")
    & e.quantity_value.between(4_500_000, 5_000_000),
}


@pytest.mark.parametrize("topic", list(TOPICS))
def test_every_topic_is_covered(bundled: tuple, topic: str) -> None:
    events, _ = bundled
    assert TOPICS[topic](events).any(), topic


def test_the_two_shell_estimates_come_from_different_articles(bundled: tuple) -> None:
    events, _ = bundled
    three = events[events.quantity_value == 3_000_000]["source_ids"]
    five = events[events.quantity_value.between(4_500_000, 5_000_000)]["source_ids"]
    assert set(three).isdisjoint(set(five))


def test_the_bundled_data_is_large_and_broad_enough(bundled: tuple) -> None:
    events, sources = bundled
    assert len(events) >= 65
    assert len(sources) >= 25
    assert sources["publisher"].nunique() >= 8
    years = set(events["date_start"].dropna().str[:4])
    assert {"2022", "2023", "2024", "2025"} <= years


@pytest.mark.parametrize("supplier", ["Iran", "North Korea", "China"])
def test_at_least_five_events_per_main_supplier(bundled: tuple, supplier: str) -> None:
    events, _ = bundled
    assert (events["supplier"] == supplier).sum() >= 5


def test_every_source_is_cited_dated_and_addressed(bundled: tuple) -> None:
    events, sources = bundled
    cited = {sid for ids in events["source_ids"] for sid in ids.split(";")}
    assert set(sources["source_id"]) == cited
    assert sources["published"].notna().all()
    missing_url = sources[sources["url"].isna()]
    assert missing_url["file"].notna().all(), "only the sample articles may lack a URL"
    assert len(missing_url) <= 2
    assert sources["url"].dropna().str.match(r"https?://").all()


def test_the_sample_articles_are_cited_with_their_headlines(bundled: tuple, corpus: Path) -> None:
    _, sources = bundled
    for gold in sorted(corpus.glob("*.gold.json")):
        facts = json.loads(gold.read_text(encoding="utf-8"))
        row = sources[sources["file"] == gold.name.replace(".gold.json", ".txt")]
        assert len(row) == 1, gold.name
        assert (row.iloc[0]["publisher"], row.iloc[0]["published"]) == (facts["publisher"], facts["published"])
        cited = row.iloc[0]["headline"]
        assert "…" in cited, "a sample's headline is cited shortened, so no run of its text is copied"
        assert facts["headline"].startswith(cited.split("…")[0])


def test_hand_written_rows_are_reviewed_and_have_a_note(bundled: tuple) -> None:
    events, _ = bundled
    manual = events[events["origin"] == "manual"]
    assert manual["reviewed"].all()
    assert manual["note"].notna().all()


# --- no article text in the repository -------------------------------------------------------------------

RUN = 10  # words: a run this long copied from an article is a copy, not a coincidence


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _repository_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                         capture_output=True, check=True).stdout.decode("utf-8")
    return [ROOT / name for name in out.split("\0") if name and (ROOT / name).is_file()]


def test_no_ten_word_run_of_a_sample_article_is_in_the_repository(corpus: Path) -> None:
    runs: set[tuple[str, ...]] = set()
    for article in sorted(corpus.glob("*.txt")):
        runs |= _runs(_words(article.read_text(encoding="utf-8")))
    assert len(runs) > 500
    copied = []
    for path in _repository_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if _runs(_words(text)) & runs:
            copied.append(path.relative_to(ROOT).as_posix())
    assert copied == [], f"article text found in {copied}"


def test_evidence_offsets_point_at_whole_sentences_of_the_sample_articles(bundled: tuple, corpus: Path) -> None:
    """Offsets into a sample article's cleaned text must still land on one of its sentences."""
    from timeline.articles import read_article
    from timeline.evidence import parse_evidence

    events, sources = bundled
    files = dict(zip(sources["source_id"], sources["file"], strict=True))
    checked = 0
    for cell in events["evidence"].dropna():
        for cite in parse_evidence(cell):
            file = files.get(cite.source_id)
            if not isinstance(file, str) or not (corpus / file).exists():
                continue
            article = read_article(corpus / file)
            assert (cite.start, cite.end) in {(s.start, s.end) for s in article.sentences}, cell
            checked += 1
    assert checked >= 9
