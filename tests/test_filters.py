"""Filters: applying each restriction to a small invented event table, and the URL round trip."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from timeline.filters import Filters, apply_filters, date_bounds, options


def table() -> pd.DataFrame:
    rows = [
        # id, supplier, recipient, item, item_class, kind, claimant, grain, start, end, basis, publishers, note
        ("a", "Iran", "Russia", "attack drones", "drones", "shipment", "US officials", "month",
         "2023-03-01", "2023-03-31", "event", "Paper A; Paper B", "invented note one"),
        ("b", "North Korea", "Russia", "artillery shells", "ammunition", "claim", "Seoul", "day",
         "2023-09-13", "2023-09-13", "statement", "Paper B", "invented note two"),
        ("c", "North Korea", "Russia", "mutual defence treaty", "agreement", "agreement", None, "day",
         "2024-06-19", "2024-06-19", "event", "Paper C", None),
        ("d", "China", "Russia", "engines", "components", "denial", "Beijing", "year",
         "2024-01-01", "2024-12-31", "report", "Paper A", "invented note, with a comma"),
        ("e", "Belarus", "Russia", "rifles", "weapons", "plan", None, None, None, None, "undated", "", None),
    ]
    cols = ["id", "supplier", "recipient", "item", "item_class", "kind", "attributed_to", "grain",
            "date_start", "date_end", "date_basis", "publishers", "note"]
    return pd.DataFrame(rows, columns=cols)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ["a", "b", "c", "d", "e"]),
        (Filters(suppliers=("Iran",)), ["a"]),
        (Filters(suppliers=("North Korea", "China")), ["b", "c", "d"]),
        (Filters(recipients=("Russia",), kinds=("claim", "denial")), ["b", "d"]),
        (Filters(item_classes=("agreement",)), ["c"]),
        (Filters(claimants=("Seoul", "Beijing")), ["b", "d"]),
        (Filters(grains=("undated",)), ["e"]),
        (Filters(grains=("month", "year")), ["a", "d"]),
        (Filters(bases=("statement", "report")), ["b", "d"]),
        (Filters(publishers=("Paper B",)), ["a", "b"]),
        (Filters(publishers=("Paper A",)), ["a", "d"]),
        (Filters(date_from=dt.date(2023, 3, 31)), ["a", "b", "c", "d"]),
        (Filters(date_from=dt.date(2023, 4, 1), date_to=dt.date(2024, 1, 1)), ["b", "d"]),
        (Filters(date_to=dt.date(2023, 2, 28)), []),
        (Filters(search="SHELLS"), ["b"]),
        (Filters(search="invented note"), ["a", "b", "d"]),
        (Filters(search="comma invented"), ["d"]),
        (Filters(search="seoul"), ["b"]),
        (Filters(suppliers=("Nobody",)), []),
    ],
)
def test_apply_filters(filters: Filters, expected: list[str]) -> None:
    assert list(apply_filters(table(), filters)["id"]) == expected


def test_apply_filters_keeps_columns_and_does_not_touch_the_input() -> None:
    df = table()
    out = apply_filters(df, Filters(suppliers=("Iran",)))
    assert list(out.columns) == list(df.columns)
    assert len(df) == 5


def test_search_reads_the_sentence_column_when_present() -> None:
    df = table().assign(sentence=["", "", "an invented sentence about a pact", "", ""])
    assert list(apply_filters(df, Filters(search="pact"))["id"]) == ["c"]


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(suppliers=("Iran", "North Korea")),
        Filters(claimants=("Officials, unnamed", "100% sure")),
        Filters(grains=("undated",), bases=("event",), publishers=("A & B",)),
        Filters(date_from=dt.date(2022, 1, 1), date_to=dt.date(2024, 12, 31), search="shahed drones"),
        Filters(recipients=("Russia",), item_classes=("drones",), kinds=("shipment",)),
    ],
)
def test_query_params_round_trip(filters: Filters) -> None:
    params = filters.to_query_params()
    assert all(isinstance(v, str) for v in params.values())
    assert Filters.from_query_params(params) == filters


def test_query_params_hold_only_what_is_restricted() -> None:
    assert Filters().to_query_params() == {}
    assert Filters(suppliers=("Iran",), search="  x ").to_query_params() == {"supplier": "Iran", "q": "x"}


@pytest.mark.parametrize(
    "params",
    [
        {"from": "not-a-date", "to": "2024-13-45"},
        {"from": "2024-02-30"},
        {"supplier": ",,,", "q": "   "},
        {"supplier": 42, "kind": None, "precision": ["month", "year"]},
        {"unknown": "value"},
    ],
)
def test_from_query_params_tolerates_garbage(params: dict[str, object]) -> None:
    f = Filters.from_query_params(params)
    assert f.date_from is None and f.date_to is None
    assert f.suppliers == () and f.search == ""


def test_from_query_params_reads_a_list_from_repeated_keys() -> None:
    assert Filters.from_query_params({"precision": ["month", "year"]}).grains == ("month", "year")


def test_active() -> None:
    assert not Filters().active
    assert Filters(kinds=("claim",)).active


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("suppliers", ["Belarus", "China", "Iran", "North Korea"]),
        ("grains", ["day", "month", "undated", "year"]),
        ("publishers", ["Paper A", "Paper B", "Paper C"]),
        ("claimants", ["Beijing", "Seoul", "US officials"]),
    ],
)
def test_options(field: str, expected: list[str]) -> None:
    assert options(table(), field) == expected


def test_date_bounds() -> None:
    assert date_bounds(table()) == (dt.date(2023, 3, 1), dt.date(2024, 12, 31))
    assert date_bounds(table().iloc[4:]) is None
