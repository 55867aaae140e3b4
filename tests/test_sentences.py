"""Sentence splitting: abbreviations, initials, initialisms, quotations, offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ship left. It came back.", ["The ship left.", "It came back."]),
        ("Mr. Hale met Dr. Ames on Tuesday. They spoke.", ["Mr. Hale met Dr. Ames on Tuesday.", "They spoke."]),
        ("He visited the U.S. Navy yard. Then he left.", ["He visited the U.S. Navy yard.", "Then he left."]),
        ("Aid came from the U.S. The rest came later.", ["Aid came from the U.S.", "The rest came later."]),
        ("Talks began on Jan. 5 in Oslo. They ended.", ["Talks began on Jan. 5 in Oslo.", "They ended."]),
        ("The memo was signed by John F. Kennedy in person.", ["The memo was signed by John F. Kennedy in person."]),
        ("It closed at 5 p.m. Officials were tired.", ["It closed at 5 p.m.", "Officials were tired."]),
        ("It closed at 5 p.m. Friday and reopened.", ["It closed at 5 p.m. Friday and reopened."]),
        ("Boats, nets, etc. The harbour was full.", ["Boats, nets, etc.", "The harbour was full."]),
        ("The ship belongs to Flot LLC. Publicly available data showed it sailed.",
         ["The ship belongs to Flot LLC.", "Publicly available data showed it sailed."]),
        ("Samsung Co. Chairman Lee spoke.", ["Samsung Co. Chairman Lee spoke."]),
        ("No. 10 said no. The vote failed.", ["No. 10 said no.", "The vote failed."]),
        ("Prices rose 3.5% in 2022. Wages did not.", ["Prices rose 3.5% in 2022.", "Wages did not."]),
        ('"Why now?" she asked. Nobody knew.', ['"Why now?" she asked.', "Nobody knew."]),
        ('"It is over. We won," he said. Then silence.', ['"It is over. We won," he said.', "Then silence."]),
        ('He said: "It is done." Later he left!', ['He said: "It is done."', "Later he left!"]),
        ('"An unclosed quote. It runs on.', ['"An unclosed quote.', "It runs on."]),
        ("Wait... Then go.", ["Wait...", "Then go."]),
        ("First line without a stop\nSecond line.", ["First line without a stop", "Second line."]),
        ("Cost: (about $5m.) Next year more.", ["Cost: (about $5m.)", "Next year more."]),
        ("Exports are controlled.Beijing denies it.", ["Exports are controlled.", "Beijing denies it."]),  # glued
        ("Read News.az and the U.S.Army site.", ["Read News.az and the U.S.Army site."]),
        ("Shells went to Ukraine.In a briefing he said so.", ["Shells went to Ukraine.", "In a briefing he said so."]),
        ("  \n\n  ", []),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@given(st.lists(st.sampled_from([*"ab .?!\"'\n", "U.S.", "Mr.", "The", " "]), max_size=80).map("".join))
def test_spans_are_trimmed_ordered_and_inside_lines(text: str) -> None:
    spans = split_sentences(text)
    for (_, e), (s2, _) in zip(spans, spans[1:], strict=False):
        assert e <= s2
    for s, e in spans:
        piece = text[s:e]
        assert piece and piece == piece.strip() and "\n" not in piece
