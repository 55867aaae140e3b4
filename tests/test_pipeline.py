"""Files to events: folding repeats within and across articles, output formats, bad input, and the scorer's
acceptance figures on the shared sample articles and on our own invented ones."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.errors import InputError
from timeline.events import EVENT_FIELDS, Event
from timeline.pipeline import events_from_paths, format_events, merge_across, merge_article

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
SCORER = ROOT.parent / "shared" / "benchmarks" / "score_events.py"


def ev(item_class: str = "ammunition", kind: str = "shipment", date: str | None = "2024-10-04", basis: str = "report",
       grain: str | None = "day", value: float | None = None, article: str = "a", supplier: str = "North Korea",
       note: str | None = None, start: int = 0, sentence: str = "It was said.") -> Event:
    return Event(id=f"{article}{start}", supplier=supplier, recipient="Russia", item=item_class, item_class=item_class,
                 kind=kind, quantity=str(value) if value else None, quantity_value=value, date=date, grain=grain,
                 date_basis=basis if date or basis == "report" else "undated", article_id=article, publisher=f"pub-{article}",
                 sentence=sentence, sentence_start=start, sentence_end=start + 1, note=note)


@pytest.mark.parametrize(("events", "count"), [
    ([ev(), ev(start=5)], 1),                                                 # one fact said twice
    ([ev(value=3e6), ev(value=5e6, start=5)], 2),                             # different claims
    ([ev(value=3e5), ev(value=1e6)], 1),                                      # "300,000 shells and a million rounds"
    ([ev(value=3e6), ev(start=5)], 1),                                        # an amount and none agree
    ([ev(), ev(kind="denial", start=5)], 2),                                  # a denial is not the shipment
    ([ev(kind="claim"), ev(start=5)], 1),                                     # a claim of the same shipment
    ([ev(date="2024-09", basis="statement", grain="month"), ev(start=5)], 2),  # a dated statement and the news
    ([ev(date="2024-09-13", basis="statement", value=1000), ev(value=1000, start=5)], 1),  # the same amount, retold
    ([ev(date="2024", basis="event", grain="year", item_class="agreement", kind="agreement"),
      ev(date="2024-06", basis="event", grain="month", item_class="agreement", kind="agreement", start=5)], 1),
    ([ev(item_class="weapons", note="generic"), ev(item_class="drones", supplier="North Korea", start=5)], 1),
    ([ev(item_class="weapons", note="generic", supplier="Iran"), ev(item_class="drones", start=5)], 2),
    ([ev(date=None, basis="undated"), ev(date="2023-05", basis="event", grain="month", start=5)], 1),
    # vague "weapons" now is not the dated 2022 shipment of tanks
    ([ev(item_class="weapons", note="generic"), ev(item_class="drones", date="2022", basis="event", grain="year", start=5)], 2),
    # "weapons since August" is a count of its own, not the missiles told on one day inside it
    ([ev(item_class="weapons", note="generic", date="2023-08", basis="event", grain="month"),
      ev(item_class="missiles", date="2023-08-20", basis="statement", start=5)], 2),
    ([ev(item_class="weapons", note="generic", date="2023-08-20", basis="statement"),
      ev(item_class="missiles", date="2023-08", basis="event", grain="month", start=5)], 1),
    # a treaty step reported the next day is one fact; a strike is not the supply told two days later
    ([ev(item_class="agreement", kind="agreement", date="2024-11-11", basis="event"),
      ev(item_class="agreement", kind="agreement", date="2024-11-12", basis="statement", start=5)], 1),
    ([ev(date="2024-01-02", basis="event"), ev(date="2024-01-04", basis="statement", start=5)], 2),
    # a day inside a months-long "since September" is a fact of its own; differing shares are two facts
    ([ev(date="2022-09/2022-12", basis="event", grain="interval", kind="claim"),
      ev(date="2022-12-19", basis="statement", start=5)], 2),
    ([replace(ev(basis="event"), quantity="about 90%"), replace(ev(basis="event", start=5), quantity="nearly 70%")], 2),
    ([replace(ev(basis="event"), quantity="over 300,000"), replace(ev(basis="event"), quantity="a million")], 1),  # one sentence
    # a related-link line retells the claim the body dates; a sentence of news does not
    ([ev(date="2024-10", basis="statement", grain="month"), ev(sentence="Russia buying shells, officials say", start=5)], 1),
    ([ev(date="2024-10", basis="statement", grain="month"), ev(sentence="Russia is buying shells.", start=5)], 2),
    # an agreement the lead reports is the one the body dates within the month of the report
    ([ev(item_class="agreement", kind="agreement", date="2022-11-19", sentence="The two have reached a deal."),
      ev(item_class="agreement", kind="agreement", date="2022-11", basis="event", grain="month", start=5)], 1),
    ([ev(item_class="agreement", kind="agreement", date="2022-11-19", sentence="The two have reached a deal."),
      ev(item_class="agreement", kind="agreement", date="2022-07", basis="event", grain="month", start=5)], 2),
    # a pact the lead reports is the one signed on a day of the week before the report; not one of a month before
    ([ev(item_class="agreement", kind="agreement", date="2024-06-25", sentence="The two have signed a pact."),
      ev(item_class="agreement", kind="agreement", date="2024-06-19", basis="event", start=5)], 1),
    ([ev(item_class="agreement", kind="agreement", date="2024-06-25", sentence="The two have signed a pact."),
      ev(item_class="agreement", kind="agreement", date="2024-05-19", basis="event", start=5)], 2),
])
def test_merge_article(events: list[Event], count: int) -> None:
    assert len(merge_article(events)) == count


@pytest.mark.parametrize(("day", "count"), [("2025-05-26", 2), ("2025-02-10", 1)])
def test_early_in_a_year_is_its_first_months_not_the_whole_year(day: str, count: int) -> None:
    early = replace(ev(date="2025", basis="event", grain="year", item_class="components", kind="claim"),
                    date_start="2025-01-01", date_end="2025-05-01")
    dated = ev(date=day, basis="event", item_class="components", start=5)
    assert len(merge_article([early, dated])) == count


def test_a_deal_the_lead_reports_is_the_one_the_body_dates_early_that_month() -> None:
    lead = ev(item_class="agreement", kind="agreement", date="2022-11-19", sentence="The two have reached a deal.")
    body = replace(ev(item_class="agreement", kind="agreement", date="2022-11", basis="event", grain="month", start=5),
                   date_start="2022-11-01", date_end="2022-11-10")
    assert len(merge_article([lead, body])) == 1


def test_a_quoted_denial_takes_the_date_of_the_denial_it_repeats() -> None:
    dated = replace(ev(item_class="weapons", kind="denial", date="2022-09-21", basis="statement"), published="2022-09-22")
    quoted = replace(ev(item_class="ammunition", kind="denial", date="2022-09-22", start=5), published="2022-09-22")
    older = replace(dated, date="2022-08-01", published="2022-09-22")
    assert {e.date for e in merge_article([dated, quoted])} == {"2022-09-21"}
    assert {e.date for e in merge_article([older, quoted])} == {"2022-08-01", "2022-09-22"}


def test_merge_keeps_the_finer_date_and_its_evidence() -> None:
    year = ev(date="2024", basis="event", grain="year", item_class="agreement", kind="agreement", start=50)
    month = ev(date="2024-06", basis="event", grain="month", item_class="agreement", kind="agreement", start=5)
    (merged,) = merge_article([year, month])
    assert (merged.date, merged.sentence_start) == ("2024-06", 5)


def test_merge_across_leaves_one_article_as_merge_article_left_it() -> None:
    a, b = ev(value=3e6), ev(value=5e6, start=5)
    assert len(merge_across(merge_article([a, b]))) == 2
    assert len(merge_across([ev(article="x"), ev(article="y")])) == 1


def test_merge_across_keeps_every_source() -> None:
    a, b, c = ev(article="a", value=3e6), ev(article="b"), ev(article="c", value=5e6)
    merged = merge_across([a, b, replace(ev(article="d"), date="2024-10-05")] + [c])
    assert len(merged) == 3
    first = merged[0]
    assert [s["article_id"] for s in first.sources] == ["b"] and first.article_id == "a"


def test_formats() -> None:
    events = [ev(value=3e6), ev(item_class="drones", supplier="Iran", start=9)]
    rows = json.loads(format_events(events, "json"))
    assert [r["supplier"] for r in rows] == ["North Korea", "Iran"] and set(rows[0]) == set(EVENT_FIELDS)
    csv_lines = format_events(events, "csv").splitlines()
    assert csv_lines[0].split(",") == list(EVENT_FIELDS) and len(csv_lines) == 3
    table = format_events(events, "table").splitlines()
    assert table[0].split()[:3] == ["date", "date_basis", "supplier"] and "Iran" in table[2]
    assert format_events([], "table") == "no events\n"
    with pytest.raises(InputError):
        format_events(events, "xml")


def test_folder_of_fixtures() -> None:
    events, problems = events_from_paths([FIXTURES])
    assert problems == []
    assert {e.supplier for e in events} == {"North Korea", "Iran", "China", "Belarus"}
    assert all(e.sentence_start is not None and e.article_id for e in events)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"\x00\x01\x02\xff\xfe" * 200, "cannot read"),
])
def test_cli_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert main(["extract", str(path), "--format", "json"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and message in err and "Traceback" not in err


def test_cli_article_without_events_is_an_empty_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "quiet.txt"
    path.write_text("A quiet day in the capital. Nothing happened at all.\n", encoding="utf-8")
    assert main(["extract", str(path), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == []
    assert err.startswith("Note: no supply events")


def test_cli_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "/no/such/article.txt"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_cli_json_in_a_subprocess() -> None:
    article = FIXTURES / "prosecutor_kn23.txt"
    out = subprocess.run([sys.executable, "-m", "timeline", "extract", str(article), "--published", "2024-02-27",
                          "--format", "json"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    events = json.loads(out.stdout)
    assert [(e["supplier"], e["item_class"], e["date"], e["quantity_value"]) for e in events] == [
        ("North Korea", "missiles", "2024-02-27", 40), ("North Korea", "missiles", "2023-12/2024-02", 24)]


def score(folder: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, str(SCORER), str(folder)], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    m = re.search(r"recall ([\d.]+) precision ([\d.]+) date-exact ([\d.]+) dateline (\d+)/(\d+)", out.stdout)
    assert m, out.stdout + out.stderr
    return {"recall": float(m[1]), "precision": float(m[2]), "date": float(m[3]),
            "dateline": int(m[4]) / int(m[5]) if int(m[5]) else 1.0}


def test_scorer_on_the_shared_sample(corpus: Path) -> None:
    assert score(corpus) == {"recall": 1.0, "precision": 1.0, "date": 1.0, "dateline": 1.0}


def test_scorer_on_our_invented_articles() -> None:
    figures = score(FIXTURES)
    assert figures["recall"] >= 0.95 and figures["precision"] >= 0.95 and figures["date"] >= 0.95


def test_a_vague_item_that_folds_gives_its_date() -> None:
    vague = ev(item_class="weapons", note="generic", date="2022-12-22", basis="statement")
    undated = ev(item_class="missiles", date=None, basis="undated", start=5)
    assert [(e.item_class, e.date) for e in merge_article([vague, undated])] == [("missiles", "2022-12-22")]
