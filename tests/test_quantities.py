"""Quantities as written: numbers, number words, shares, vague amounts, and what is not a quantity."""

from __future__ import annotations

import pytest

from timeline.quantities import find_quantities, number_value, parse_quantity


@pytest.mark.parametrize(("text", "value", "share"), [
    ("three million", 3_000_000, None),
    ("about three million a year", 3_000_000, None),
    ("200", 200, None),
    ("1,200", 1200, None),
    ("2.5m", 2_500_000, None),
    ("1.5 million", 1_500_000, None),
    ("more than 10,000", 10_000, None),
    ("twenty-five", 25, None),
    ("one hundred and fifty", 150, None),
    ("a million", 1_000_000, None),
    ("some 12,000", 12_000, None),
    ("half of the shells", None, 0.5),
    ("a third of its drones", None, 1 / 3),
    ("about 90 percent of the chips", None, 0.9),
    ("dozens of missiles", None, None),
    ("a significant number of shells", None, None),
    ("hundreds of drones", None, None),
])
def test_parse(text: str, value: float | None, share: float | None) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert q.value == value
    assert q.share == pytest.approx(share) if share is not None else q.share is None


@pytest.mark.parametrize("text", ["KN-23", "152mm shells", "Shahed-136", "a year", "one of the", "the Geran-2",
                                  "a $1.7bn deal", "£20m"])
def test_not_a_quantity(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(("words", "value"), [
    ("three million", 3e6), ("1,200", 1200), ("forty two", 42), ("two thousand five hundred", 2500),
    ("3bn", 3e9), ("shells", None),
])
def test_number_value(words: str, value: float | None) -> None:
    assert number_value(words) == value


def test_offsets_point_into_the_text() -> None:
    text = "Iran has shipped 200 ballistic missiles and dozens of drones."
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
