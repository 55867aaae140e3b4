"""How an article names the same speaker again."""

from __future__ import annotations

import pytest

from timeline.speakers import head_word, same_speaker, source_keys, speaks_for, spelled_out


@pytest.mark.parametrize(("source", "word"), [
    ("a defence ministry official", "official"),
    ("John Kirby", "kirby"),
    ("the South Korean Defense Ministry report", "ministry"),   # the report is the ministry's
    ("the report", "report"),
])
def test_head_word(source: str, word: str) -> None:
    assert head_word(source) == word


@pytest.mark.parametrize(("source", "before", "same"), [
    ("he", "Volodymyr Zelensky", True),
    ("the official", "a defence ministry official", True),
    ("the minister", "a defence ministry official", False),
    ("the National Security Council", "Kirby", False),   # too long to be a short form
])
def test_same_speaker(source: str, before: str, same: bool) -> None:
    assert same_speaker(source, before) is same


@pytest.mark.parametrize(("source", "keys"), [
    ("South Korea's National Intelligence Service (NIS)", {"NIS", "Intelligence Service"}),
    ("Ambassador Linda Thomas-Greenfield", {"Linda Thomas-Greenfield", "Thomas-Greenfield"}),
    ("the US State Department", {"State Department"}),
])
def test_source_keys(source: str, keys: set[str]) -> None:
    assert source_keys(source) == keys


def test_an_acronym_and_the_spokesman_of_a_supplier() -> None:
    assert spelled_out("NIS", "the National Intelligence Service said")
    assert not spelled_out("NIS", "the national police said")
    assert speaks_for("Chinese Foreign Ministry spokesman Wang Wenbin", "China")
    assert not speaks_for("US Secretary of State Antony Blinken", "China")
