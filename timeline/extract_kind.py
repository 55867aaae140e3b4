"""The kind and tense of a candidate fact: shipment, claim, plan, denial, agreement or other, and whether it is
told as the news of now (present, perfect) or as past, future or background.
"""

from __future__ import annotations

import re

from timeline import extract_patterns as rx
from timeline.extract_attribution import Attribution
from timeline.lexicon import Cue, Item

PRESENT_INTENTS = ("plans", "intends", "aims", "seeks", "wants", "hopes", "expects", "prepares")


def kind_of(sentence: str, clause: tuple[int, int], cue: Cue, item: Item, cues: list[Cue],
            attribution: Attribution | None) -> str:
    a, b = clause
    before = sentence[max(a, cue.start - 40):cue.start]
    scope = [c for c in cues if a <= c.start < b or (attribution and attribution.region[0] <= c.start < attribution.region[1])]
    if any(c.type == "deny" for c in scope):
        return "denial"
    if (re.search(r"(?:\b(?:not(?!\s+only\b)|never|no|(?:declin|refus)(?:ed|es|ing)\s+to)|n['’]t)\b(?:\s+\w+){0,3}\s*$", before, re.I)
            and not rx.NOT_MORE_THAN.match(sentence, cue.end)) or rx.NO_EVIDENCE.search(sentence, a, cue.start):
        return "denial"
    if cue.type == "agree":
        return "agreement"
    if cue.type == "negotiate":
        return "other"
    if rx.ORDERED.fullmatch(cue.text) or rx.HEADLINE_INFINITIVE.search(sentence, a, cue.start):
        return "plan"   # "ordered", and the headline's "North Korea to send workers"
    if cue.type == "use":
        return "claim"
    if any(c.type == "hedge" for c in scope) or (attribution and attribution.claim):
        return "claim"
    if re.search(r"\b(?:will|would|shall|plans?|planned|planning|intends?|intended|set|expected|ready|could|"
                 r"consider(?:s|ed|ing)?|mull(?:s|ed|ing)?|weigh(?:s|ed|ing)?|preparing|prepares?|pledged?|promised?|offered|vowed|"
                 r"agreed|agrees|possibility|option|idea|seek(?:s|ing)?|sought|wants?|wanted|hop(?:e|es|ed|ing)|"
                 r"aim(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|attempt(?:s|ed|ing)?)\b(?:\s+\w+){0,2}\s+(?:to\s+|of\s+)?$", before, re.I):
        return "plan"
    if cue.type == "help":
        return "other"
    return "shipment"


def item_kind(kind: str, item: Item) -> str:
    """Troops are deployed, things are shipped: "11,000 troops, missiles and artillery" is one of each."""
    return "deployment" if kind == "shipment" and item.item_class == "troops" else kind


def tense_of(sentence: str, cue: Cue) -> str:
    words = cue.text.lower().split()
    if len(words) > 1 and words[-1] in ("over", "to", "from", "with", "on", "of"):
        words = words[:-1]   # "handed over", "came from": the verb's own tense
    before = sentence[max(0, cue.start - 40):cue.start].lower().split()[-5:] + words[:-1]
    word = words[-1]
    if any(w in ("will", "would", "shall") for w in before):
        return "future"
    if any(w in ("has", "have", "'s", "’s") for w in before):
        return "perfect"
    if any(w in ("is", "are", "am", "does", "do") for w in before):
        return "present"
    modal = any(w in ("could", "can", "may", "might", "must", "should") for w in before)
    if "now" in before or not modal and (before[-2:] in (["continues", "to"], ["continue", "to"]) or before[-1:] == ["keeps"]):
        return "present"     # "had now sent", "continues to supply": the state of things as reported
    if before[-2:-1] and before[-1] == "to" and before[-2] in PRESENT_INTENTS:
        return "present"     # "Tehran intends to supply": the intention as it stands now
    if "had" in before:
        return "pluperfect"
    if any(w in ("was", "were", "did") for w in before):
        return "past"
    if cue.type == "nominal":   # "sanctions have been imposed due to the alleged handover of drones": the news of now
        return "perfect" if rx.PERFECT_FOR.search(sentence, max(0, cue.start - 80), cue.start) else "other"
    if before and before[-1] == "to" or word.endswith("ing"):
        return "other"
    if re.fullmatch(r"\w+ed|sent|sold|gave|given|built|struck|bought|brought|got|hit|made|took|led|lent", word):
        return "past"
    if word.endswith("s") and not word.endswith("ss"):
        return "present"
    if cue.type in ("supply", "receive", "deploy", "deploy_troops", "help") and not (
            before and before[-1] in ("not", "n't", "never", "can", "cannot", "should", "must", "might", "may", "could")):
        return "present"    # "Chinese exporters provide ..."
    return "other"
