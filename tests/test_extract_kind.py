"""The kind and tense of a candidate fact (invented sentences)."""

from __future__ import annotations

import pytest

from timeline.extract_kind import kind_of, tense_of
from timeline.lexicon import find_cues, find_items


def _cue(sentence: str, text: str):
    return next(c for c in find_cues(sentence) if c.text == text)


@pytest.mark.parametrize(("sentence", "cue", "kind"), [
    ("Iran sent drones to Russia.", "sent", "shipment"),
    ("Iran never sent drones to Russia.", "sent", "denial"),
    ("So far, Iran has declined to transfer missiles to Russia.", "transfer", "denial"),
    ("Iran plans to send drones to Russia.", "send", "plan"),
    ("Iran allegedly sent drones to Russia.", "sent", "claim"),
])
def test_kind_of_a_fact(sentence: str, cue: str, kind: str) -> None:
    cues = find_cues(sentence)
    item = find_items(sentence)[0]
    assert kind_of(sentence, (0, len(sentence)), _cue(sentence, cue), item, cues, None) == kind


@pytest.mark.parametrize(("sentence", "cue", "tense"), [
    ("Iran has sent drones to Russia.", "sent", "perfect"),
    ("Iran sent drones to Russia.", "sent", "past"),
    ("Iran will send drones to Russia.", "send", "future"),
    ("Tehran intends to supply missiles to Russia.", "supply", "present"),
    ("Iran had sent drones to Russia.", "sent", "pluperfect"),
])
def test_tense_of_a_fact(sentence: str, cue: str, tense: str) -> None:
    assert tense_of(sentence, _cue(sentence, cue)) == tense
