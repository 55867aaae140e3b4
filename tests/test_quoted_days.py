"""A quotation's "today" counts from the day it was spoken."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates import Mention, find_dates
from timeline.quoted_days import in_quotation, on_speakers_day

SPOKEN = find_dates("on June 19", dt.date(2024, 6, 25))[0]


@pytest.mark.parametrize(("text", "word", "inside"), [
    ('"The pact signed today is historic," he said.', "today", True),
    ("“The pact signed today is historic,” he said.", "today", True),
    ("“It is historic,” he said of the pact signed today.", "today", False),
    ("The pact was signed today.", "today", False),
])
def test_in_quotation(text: str, word: str, inside: bool) -> None:
    assert in_quotation(text, text.index(word)) is inside


@pytest.mark.parametrize(("text", "spoken", "value"), [
    ('"The treaty signed today provides for aid," Putin said.', SPOKEN, "2024-06-19"),
    ('"We signed it yesterday," Putin said.', SPOKEN, "2024-06-18"),
    ("The treaty was signed today, Putin said.", SPOKEN, "2024-06-25"),          # the reporter's today
    ('"The treaty signed today provides for aid," Putin said.', None, "2024-06-25"),   # no day of speaking
    ('"The treaty signed on June 20 is in force," Putin said.', SPOKEN, "2024-06-20"),  # a named day stays
])
def test_on_speakers_day(text: str, spoken: Mention | None, value: str) -> None:
    mention = find_dates(text, dt.date(2024, 6, 25))[0]
    assert on_speakers_day(text, mention, spoken).value == value
