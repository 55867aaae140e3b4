"""The parties layer of the rules engine: who supplies, and whether the one supplied is Russia.

"North Korean shells" and "shells made in North Korea" name the maker; the subject of "sends", the "by X" of
"are supplied by X" and the "from X" of "received from X" name the supplier by the cue's voice. Items that
belong to Russia ("Russian forces"), come from it ("technology from Moscow") or go to a third party ("shells
to Syria", "parts to an Iranian manufacturer") are no supply to Russia.
"""

from __future__ import annotations

import re

from timeline import extract_patterns as rx
from timeline.lexicon import Actor, Cue, Item, find_actors


def _a_place(sentence: str, actor: Actor) -> bool:
    """'met in Tianjin, China': where a meeting was held, not who took part."""
    return rx.IN_CITY.search(sentence, 0, actor.start) is not None or (
        actor.form == "group" and re.search(r"\b(?:in|at)\s+$", sentence[:actor.start]) is not None)


def recipient_owned(sentence: str, item: Item) -> bool:
    """'Russian forces', 'Ukraine's troops': not something supplied to Russia; 'with the help of local
    specialists', 'the training of Alabuga staff': people who take part, not people sent; 'tanks, trucks and
    personnel of the Armed Forces of Russia': Russia's own."""
    if rx.OF_RUSSIAN_FORCES.match(sentence, item.end):
        return True
    if item.item_class != "troops":
        return False
    if re.match(r"\s+of\s+(?:Russia|the\s+Russian\s+Federation)\b", sentence[item.end:]):
        return True   # "the Armed Forces of Russia"
    if re.search(r"(?:Russian|Ukrainian|Russia['’]s|Ukraine['’]s|Kyiv['’]s|Moscow['’]s|own)\s+(?:\w+\s+)?$"
                 r"|\b(?:to|for)\s+(?:its|their|his)\s+(?:\w+\s+)?$",   # "supplying drones to its forces": the recipient
                 sentence[:item.start]):
        return True
    taking_part = rx.TAKING_PART.search(sentence[:item.start])   # "with the participation of Chinese specialists"
    return taking_part is not None and not (
        taking_part.group(1).lower() in ("involvement", "participation") and not taking_part.group().lower().startswith("with")
        and any(a.is_supplier for a in find_actors(taking_part.group(2))))   # "the involvement of North Korean troops in the war"


def from_recipient(sentence: str, item: Item, actors: list[Actor]) -> bool:
    """'technology from Moscow': Russia is the giver here, not the one supplied."""
    return any(x.is_recipient and 0 <= x.start - item.end <= 40
               and re.fullmatch(r"[^,;.]*\bfrom\s+(?:the\s+)?", sentence[item.end:x.start], re.I) for x in actors)


def to_third_party(sentence: str, item: Item, actors: list[Actor]) -> bool:
    """'drones and rockets to armed groups in Yemen', 'shells to Ukraine', 'parts to an Iranian manufacturer':
    supplied, but not to Russia. Troops sent to Ukraine go to Russia's war."""
    if any(x.is_supplier and x.form == "adjective" and rx.TO_A.fullmatch(sentence, item.end, x.start) for x in actors):
        return True
    return any(x.form == "other" and 0 <= x.start - item.end <= 60
               and not (item.item_class == "troops" and x.canonical == "Ukraine")
               and re.fullmatch(r"[^,;.]*?\b(?:to|for)\s+(?:the\s+)?", sentence[item.end:x.start], re.I) for x in actors)


def makes(sentence: str, actor: Actor, item: Item) -> bool:
    """'North Korean shells', "Iran's Shahed drones", "missiles of North Korean origin", "shells made in North
    Korea": the actor names the maker of the item."""
    if actor.start <= item.start and item.end <= actor.end:
        return True   # "North Koreans": the people are the item and name their country
    if item.start < actor.end:
        return rx.MAKER_AFTER.fullmatch(sentence, item.end, actor.start) is not None and (
            actor.form == "name" or rx.ORIGIN.match(sentence, actor.end) is not None)
    gap = sentence[actor.end:item.start]
    if actor.form == "adjective":
        return 0 <= len(gap) <= 25 and re.fullmatch(r"[\s\w-]*", gap) is not None
    return actor.form == "name" and re.fullmatch(r"(?:['’]s|-(?:made|built|designed|produced|manufactured|supplied))\s+"
                                                 r"(?:[\w-]+\s+){0,2}", gap) is not None   # "Iran's drones", "Iran-made drones"


def is_passive(sentence: str, cue: Cue) -> bool:
    """'were sent', and a participle with its agent: 'weapons smuggled by Iran'."""
    return bool(re.search(r"(?:ed|sent|sold|given|shipped|supplied|provided|built)$", cue.text, re.I)) and (
        rx.BE.search(sentence[:cue.start]) is not None or re.match(r"\s+by\s+(?:the\s+)?[A-Z]", sentence[cue.end:]) is not None)


def supplier_for(sentence: str, clause: tuple[int, int], cue: Cue, item: Item, actors: list[Actor],
                 speakers: list[Actor]) -> str | None:
    """Who supplies, by the cue's voice; a pronoun subject ("it", "they") refers to the one who says so."""
    a, b = clause
    suppliers = [x for x in actors if x.is_supplier and a <= x.start < b]
    adjective = [x for x in suppliers if makes(sentence, x, item)]
    by = [x for x in suppliers if x.start > cue.end and re.search(r"\bby\s+(?:the\s+)?\[?$", sentence[:x.start], re.I)]
    source = [x for x in suppliers if x.start > cue.end
              and re.search(r"\b(?:from|left|leaving|departed|departing)\s+(?:the\s+)?(?-i:(?!an?\s)[a-z-]+\s+){0,2}?\[?$",
                            sentence[:x.start], re.I)]   # "from the isolated North Korean regime", "the shipment left Iran"
    left_adj = [x for x in suppliers if x.end <= cue.start and not rx.SENT_TO.search(sentence, a, x.start)]
    left = [x for x in left_adj if x.form != "adjective"]
    if cue.type in ("agree", "negotiate"):   # "met in Tianjin, China": a place, not a party
        parties = [x for x in actors if x.is_supplier and not _a_place(sentence, x)]
        ranked = sorted([x for x in suppliers if x in parties] or parties, key=lambda x: abs(x.start - cue.start))
        return ranked[0].canonical if ranked else None
    if cue.type == "rely":
        order = [[x for x in suppliers if x.start > cue.end][:1]]   # "relies on North Korea for shells"
    elif cue.type == "receive" and rx.ORDERED.fullmatch(cue.text):
        order = [source]     # "ordered drones from Iran"; not "ordered North Korean troops to advance"
    elif cue.type == "receive":
        order = [source, adjective]
    elif cue.type == "use" or cue.type == "deploy" and item.item_class != "troops":
        order = [adjective, by, source]   # "Russia deployed North Korean missiles"; not "help it deploy tanks"
    elif is_passive(sentence, cue):
        origin = [x for x in suppliers if item.end <= x.start < cue.start
                  and re.fullmatch(r"\s+from\s+(?:the\s+)?", sentence[item.end:x.start], re.I)]
        order = [by, adjective, source, origin]   # "25,000 workers from North Korea will be dispatched"
    elif cue.type == "nominal":
        between = [x for x in suppliers if x.start > cue.end and (rx.BETWEEN.search(sentence, cue.end, x.start)
                                                                 or rx.BETWEEN_FIRST.search(sentence, cue.end, x.start)
                                                                 and rx.AND_RUSSIA.match(sentence, x.end))]
        order = [adjective, source, by, between, left_adj[-1:]]
    else:
        order = [_relative_subject(sentence, cue, suppliers), left[-1:], adjective, left_adj[-1:], by, source]
    for group in order:
        if group:
            return group[0].canonical
    pronoun = re.search(r"\b(?:it|they|she|he|we|(?:his|her|their|our|the) (?:country|government|nation|state))\b",
                        sentence[a:cue.start], re.I)
    if speakers and (pronoun or rx.ADMITTED.search(sentence, 0, cue.start)
                     or is_passive(sentence, cue) and rx.WILL_BE.search(sentence, max(a, cue.start - 30), cue.start)):
        return speakers[0].canonical   # "Tehran acknowledged sending drones", "Kim said troops would be sent"
    return None


def _relative_subject(sentence: str, cue: Cue, suppliers: list[Actor]) -> list[Actor]:
    """'a network providing parts to an Iranian manufacturer that sold drones to Russia': the manufacturer
    the relative clause hangs on sold them, not the network."""
    rel = rx.RELATIVE_BEFORE.search(sentence, max(0, cue.start - 60), cue.start)
    return [x for x in suppliers if rel and x.form == "adjective" and x.start == rel.start(1)][:1]
