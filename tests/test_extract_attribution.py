"""The attribution layer: who says so, and which part of the sentence is what is said (invented sentences)."""

from __future__ import annotations

import pytest

from timeline.extract_attribution import find_attribution
from timeline.lexicon import find_cues


@pytest.mark.parametrize(("sentence", "source", "trailing"), [
    ("Iran sent drones to Russia, according to western intelligence.", "western intelligence", True),
    ("The White House said North Korea had shipped shells.", "White House", False),
    ("North Korea has shipped containers to Russia, reported the Seoul daily on Monday.", "Seoul daily", True),
    ("Russia got missiles, the minister said Monday, vowing new sanctions.", "minister", True),
    ("The alliance chief, Jan Berg, on Monday confirmed that troops had arrived.", "alliance chief, Jan Berg", False),
    ('"We have never sold arms to Moscow," the envoy said.', "envoy", True),
    ("Iran has sent troops to Crimea, according to U.S. officials.", "U.S. officials", True),   # an initialism
    ("Iran has sent drones to Russia, according to Mr. Kirby.", "Mr. Kirby", True),   # a title's full stop
    ("Pyongyang will send deminers to Kursk, state media reported, another sign of closer ties.", "state media", True),
    ("SEOUL – The spy agency said Thursday that Pyongyang may send more troops.", "spy agency", False),   # no dateline
    ('"The treaty signed today provides for mutual aid," Putin was quoted as saying by news agencies.', "Putin", True),
    ("On Friday, Zelensky, citing his intelligence services, said the troops would be deployed as early as next week.",
     "Zelensky", False),   # what follows "said" is what he said, not who said it
    ('"The rise in rail traffic indicates a supply of arms to Russia," the think tank stated.', "think tank", True),
])
def test_who_says_so(sentence: str, source: str, trailing: bool) -> None:
    found = find_attribution(sentence, find_cues(sentence), (0, len(sentence)))
    assert found is not None and (found.source, found.trailing) == (source, trailing)
    lo, hi = found.complement
    assert hi > lo and "said" not in sentence[lo:hi] and "reported" not in sentence[lo:hi]
