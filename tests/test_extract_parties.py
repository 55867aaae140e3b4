"""Who supplies, and whether the one supplied is Russia (invented sentences)."""

from __future__ import annotations

import pytest

from timeline.extract_parties import is_passive, makes, recipient_owned, to_third_party
from timeline.lexicon import find_actors, find_cues, find_items


def _item(sentence: str, text: str):
    return next(i for i in find_items(sentence) if i.text == text)


@pytest.mark.parametrize(("sentence", "item", "maker"), [
    ("Russia fired North Korean shells.", "shells", "North Korea"),
    ("The missiles from Pyongyang hit Kyiv.", "missiles", "North Korea"),
    ("The missile that hit Kyiv was made in North Korea.", "missile", "North Korea"),
    ("The drones were made in Iran.", "drones", "Iran"),
    ("Iran sent drones to Russia.", "drones", None),   # the sender, not a maker named with the item
])
def test_the_maker_named_with_the_item(sentence: str, item: str, maker: str | None) -> None:
    found = [a.canonical for a in find_actors(sentence) if a.is_supplier and makes(sentence, a, _item(sentence, item))]
    assert found == ([maker] if maker else [])


@pytest.mark.parametrize(("sentence", "item", "elsewhere"), [
    ("Iran shipped drones to armed groups in Yemen.", "drones", True),
    ("A Chinese firm sold parts to an Iranian manufacturer.", "parts", True),
    ("Seoul said soldiers from North Korea were sent to Ukraine.", "soldiers", False),   # to Russia's war
    ("Iran shipped drones to Russia.", "drones", False),
])
def test_a_supply_that_goes_elsewhere(sentence: str, item: str, elsewhere: bool) -> None:
    assert to_third_party(sentence, _item(sentence, item), find_actors(sentence)) is elsewhere


@pytest.mark.parametrize(("sentence", "item", "owned"), [
    ("Iran trained Russian forces.", "forces", True),
    ("Kupol tested drones with the participation of Chinese specialists.", "specialists", True),
    ("Peskov denied the involvement of North Korean troops in the war.", "troops", False),
])
def test_people_who_are_not_sent(sentence: str, item: str, owned: bool) -> None:
    assert recipient_owned(sentence, _item(sentence, item)) is owned


@pytest.mark.parametrize(("sentence", "cue", "expected"), [
    ("Drones were delivered to Russia.", "delivered", True),
    ("Weapons smuggled by Iran reached Russia.", "smuggled", True),
    ("Iran sent drones to Russia.", "sent", False),
])
def test_the_voice_of_the_cue(sentence: str, cue: str, expected: bool) -> None:
    assert is_passive(sentence, next(c for c in find_cues(sentence) if c.text == cue)) is expected
