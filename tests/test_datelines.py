"""Printed datelines: which lines are one, and which date they give."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.datelines import find_dateline, parse_dateline, parse_wire_dateline


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2 November 2022, 15:01", (dt.date(2022, 11, 2), False)),
        ("Published 4 October 2024", (dt.date(2024, 10, 4), False)),
        ("Oct. 4, 2024 5:00 am ET", (dt.date(2024, 10, 4), False)),
        ("Oct. 4, 2024, 5:00 a.m. ET", (dt.date(2024, 10, 4), False)),
        ("Updated: 12 March 2023", (dt.date(2023, 3, 12), True)),
        ("Last modified on Wed 2 Oct 2024 10.00 BST", (dt.date(2024, 10, 2), True)),
        ("Published 3 Oct 2024, updated 4 Oct 2024 10:00 BST", (dt.date(2024, 10, 3), False)),
        ("Updated 4 Oct 2024 | First published 3 Oct 2024", (dt.date(2024, 10, 3), False)),
        ("By Jane Roe, Defence Correspondent | Friday 4 October 2024 6.00pm BST", (dt.date(2024, 10, 4), False)),
        ("Thursday, June 20, 2024 at 3:41 p.m. EDT", (dt.date(2024, 6, 20), False)),
        ("2024-10-04T09:30:00Z", (dt.date(2024, 10, 4), False)),
        ("13/10/2024", (dt.date(2024, 10, 13), False)),
        ("04/10/2024", None),                       # April or October: not said
        ("31 February 2023", None),
        ("Kim met Putin on 13 September 2023", None),  # a sentence, not a dateline
        ("On 2 November 2022 the ministry said it would send more shells to the front.", None),
        ("Harbour cranes painted blue", None),
        ("10:32 BST", None),
    ],
)
def test_parse_dateline(line: str, expected: tuple[dt.date, bool] | None) -> None:
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("OSLO, 3 May 2021 (Nordwire) - The port reopened.", ("OSLO, 3 May 2021 (Nordwire)", dt.date(2021, 5, 3))),
        ("NEW YORK, May 3, 2021 - Markets rose.", ("NEW YORK, May 3, 2021", dt.date(2021, 5, 3))),
        ("KYIV (Agency) - No date here.", None),
        ("Oslo is quiet on 3 May 2021 - said nobody.", None),
    ],
)
def test_parse_wire_dateline(line: str, expected: tuple[str, dt.date] | None) -> None:
    assert parse_wire_dateline(line) == expected


def test_find_dateline_looks_only_near_the_top() -> None:
    lines = ["Headline here", *[f"Story line {n} goes on." for n in range(10)], "Published 4 October 2024"]
    assert find_dateline(lines) is None
    found = find_dateline(["Headline here", "Published 4 October 2024", "Story."])
    assert found is not None and (found.index, found.date, found.inline) == (1, dt.date(2024, 10, 4), False)
