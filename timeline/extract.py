"""The rules engine: one sentence in, candidate supply events out.

A sentence is read in three layers. Attribution ("X said in September that ...", "..., according to X")
splits it into who says so, when it was said, and the complement that holds the facts. The complement is
cut into clauses (";", "while", ", but"), and in each clause every supply cue is paired with its supplier
(by voice: the subject of "sends", the "by X" of "are supplied by X", the "from X" of "received from X", the
"North Korean" of "North Korean shells": timeline/extract_parties.py) and its items; its kind and tense are read
in timeline/extract_kind.py. The date that governs a fact is the one in its own
clause (basis event); else the one of its statement (basis statement); the caller decides between the
publication date (basis report) and none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from timeline import extract_patterns as rx
from timeline.dates import Mention
from timeline.extract_attribution import PARTICIPLE_OPENING, Attribution, sayings
from timeline.extract_dates import also_dated, governing_date
from timeline.extract_kind import item_kind, kind_of, tense_of
from timeline.extract_parties import (
    from_recipient,
    is_passive,
    makes,
    recipient_owned,
    supplier_for,
    to_third_party,
)
from timeline.lexicon import Actor, Cue, Item, find_actors, find_cues, find_items, implied_makers
from timeline.quantities import Quantity, find_quantities


@dataclass(slots=True)
class Candidate:
    """A fact found in one sentence; offsets are relative to the sentence."""

    supplier: str
    item: str
    item_class: str
    generic: bool
    kind: str
    cue: Cue
    item_span: tuple[int, int]
    quantity: Quantity | None = None
    attributed_to: str | None = None
    date: Mention | None = None
    date_basis: str = "undated"
    tense: str = "other"        # present, perfect, past, pluperfect, future, other
    said_now: bool = False      # under a present-tense saying ("officials say ...")
    only_as_news: bool = False  # "could supply", "fired North Korean missiles": undated, a fact only as the news
    awaits_strike: bool = False  # "Iranian-made drones were used in the strikes": evidence once the strike's day is known


def analyse(sentence: str, dates: list[Mention], inherited: str | None = None,
            antecedent: str | None = None) -> list[Candidate]:
    """Candidate events in one sentence. `dates` are the sentence's mentions with sentence-relative offsets;
    `inherited` is the attribution carried over from the previous sentence (a quote running on);
    `antecedent` the one supplier the previous sentence named, for a sentence that opens "It has sent ..."."""
    items = find_items(sentence)
    actors = all_actors = sorted([*find_actors(sentence), *implied_makers(items)], key=lambda a: a.start)
    cues = find_cues(sentence)
    cues = [c for c in cues if not (re.fullmatch(r"ships?", c.text, re.I) and rx.NOUN_BEFORE.search(sentence, 0, c.start))]
    cues = [c for c in cues if c.type != "rely" or rx.RELY_FOR.match(sentence, c.end)]
    cues = [c for c in cues if not (rx.EQUIPPED.fullmatch(c.text) and any(sentence[i.end:c.start].isspace() for i in items))]
    cues = [replace(c, type="supply") if c.type == "help" and rx.HELP_WITH.match(sentence, c.end) else c for c in cues]
    cues = [c for c in cues if c.type == "agree" or not rx.CONTRACT_FOR.search(sentence, 0, c.start)]
    cues += [Cue(m.start(1), m.end(1), m.group(1), "supply") for m in rx.SUPPLIED_BY_ADJECTIVE.finditer(sentence)]
    items = sorted([*items, *(i for c in cues if c.type == "agree" for i in _ratified_it(sentence, c))], key=lambda i: i.start)
    supply = [c for c in cues if c.type in rx.SUPPLY_TYPES] + [
        replace(c, type="receive") for c in cues if c.type == "deploy_troops" and (rx.INTO_RUSSIA.match(sentence, c.end) or (
            c.text.lower().startswith("reach") and rx.REACHED_RUSSIA.match(sentence, c.end)))] + [
        replace(c, type="supply") for c in cues if c.type == "produce" and (
            rx.FOR_RUSSIA.match(sentence, c.end) or _sanctioned_maker(sentence, c)
            or rx.FACTORY_IN_RUSSIA.search(sentence, max(0, c.start - 80), c.start)   # "a factory in Russia that could produce drones"
            or rx.JOINTLY.search(sentence, max(0, c.start - 30), c.start))]   # "Chinese and Russian firms jointly produce drones"
    anaphor = (rx.ANAPHOR.match(sentence) or _we_subject(sentence, supply)) if antecedent else None
    if antecedent and anaphor:
        actors = [Actor(anaphor.start(), anaphor.end(), anaphor.group(), antecedent, "name"), *actors]
    if antecedent and not anaphor and not any(a.is_supplier for a in actors):
        actors = _such_items(sentence, items, antecedent) + _agentless(sentence, supply, items, antecedent) + actors
        if any(c.type in ("agree", "negotiate") for c in supply) and any(i.item_class == "agreement" for i in items):
            actors = [Actor(0, 0, "", antecedent, "name"), *actors]   # "The talks covered arms deals."
    if not supply or not items or not any(a.is_supplier for a in actors):
        return []
    parts = clauses(sentence, (0, len(sentence)))
    said = sayings(sentence, cues, parts)
    blocked = [a.region for a in said if a and a.source]
    speakers = [a for a in actors if any(s <= a.start < e for s, e in blocked) and a.is_supplier]
    actors = [a for a in actors if not any(s <= a.start < e for s, e in blocked)]
    items = [i for i in items if not any(s <= i.start < e for s, e in blocked) and not _overlaps_date(i, dates)]
    quantities = [q for q in find_quantities(sentence) if not any(m.start < q.end and q.start < m.end for m in dates)]
    quoted = sentence.lstrip()[:1] in rx.QUOTES
    out: list[Candidate] = []
    for clause, saying in zip(parts, said, strict=True):
        region = clause
        if saying and saying.clause == clause:
            region = (max(clause[0], saying.complement[0]), min(clause[1], saying.complement[1]))
        source = saying.source if saying and saying.source else inherited if saying or quoted else None
        for cue in supply:
            if not region[0] <= cue.start < region[1]:
                continue
            if cue.type == "help" and not any(c.type == "produce" and clause[0] <= c.start < clause[1] for c in cues):
                continue
            if cue.type == "help" and any(c.start > cue.end and rx.BY_MEANS.search(sentence, cue.end, c.start) for c in supply):
                continue   # "helped Russia refill its stocks of shells by exporting a component": the export is the fact
            if cue.type == "negotiate" and any(c.type == "agree" and region[0] <= c.start < region[1] for c in supply):
                continue   # "Following talks in Pyongyang, Putin and Kim signed a pact": the signing is the fact
            if _hypothetical(sentence, region, cue, cues) or _reversed(sentence, region, cue, all_actors, cues):
                continue
            if rx.NO_COMMENT.search(sentence, region[0], cue.start):
                continue   # "has not commented on the transfer": silence, neither a supply nor its denial
            if cue.type == "supply" and rx.OWN_FORCES.match(sentence, cue.end) and not rx.SENDING.fullmatch(cue.text):
                continue   # "said it would equip its military with rocket launchers": its own forces
            if cue.type == "deploy" and rx.AT_HOME.match(sentence, cue.end):
                continue   # "forces deployed for duty on the border with Ukraine": at home, not sent to Russia
            for cand in _pair(sentence, region, cue, actors, speakers, items, cues, quantities, saying, source):
                cand.date, cand.date_basis = governing_date(cand, sentence, dates, saying, region)
                if cue.type == "use" and not used_as_evidence(cand):
                    if cand.date is not None or not rx.THE_STRIKE.search(sentence):
                        continue   # drones of Iranian design are built in Russia too: their use is not a supply
                    cand.awaits_strike = True
                cand.said_now = bool(saying and saying.present)
                cand.only_as_news = rx.SPECULATION.search(sentence, region[0], cue.start) is not None or cue.type == "use" \
                    or any(c.type == "produce" and c.start == cue.start for c in cues) and not rx.FOR_RUSSIA.match(sentence, cue.end)
                out.append(cand)
                if cand.date and cand.date_basis == "event":
                    out.extend(replace(cand, date=d) for d in also_dated(sentence, cand.date, dates))
                    out.extend(_gapped(sentence, cand, items, dates, quantities))
    return _unique(out)


def _gapped(sentence: str, cand: Candidate, items: list[Item], dates: list[Mention],
            quantities: list[Quantity]) -> list[Candidate]:
    """'sent 11,000 troops in October, and 4,000 more troops this February', 'delivered 400 drones in August and
    300 missiles': a second amount after the date, the verb left out, is a second fact (at its own date, if any)."""
    assert cand.date is not None
    start = max(cand.item_span[1], cand.date.end)
    joint = rx.GAPPED_CONJUNCT.match(sentence, start)
    if not joint:
        return []
    item = next((i for i in items if i.start == joint.end() and i.item_class != "agreement"), None)
    after = item.end if item else joint.end()   # ", and 300 more in September": the item left out too
    date = next((m for m in dates if m.value and m.start >= after
                 and re.fullmatch(r"\s*(?:in|on|during)?\s*", sentence[after:m.start])), None)
    amount = next((q for q in quantities if joint.start() <= q.start < joint.end()), None)
    if not item:
        return [replace(cand, date=date, quantity=amount)] if date else []
    return [replace(cand, item=item.text, item_class=item.item_class, item_span=(item.start, item.end),
                    date=date or cand.date, quantity=amount, kind=item_kind(cand.kind, item))]


def _sanctioned_maker(sentence: str, cue: Cue) -> bool:
    """'sanctions on two Chinese makers of drone engines that helped Russia', 'sanctioned Chinese firms involved
    in making attack drones used by Russia': a maker named in sanctions over Russia's war is its supplier."""
    return rx.SANCTIONS.search(sentence, 0, cue.start) is not None and rx.RUSSIA_NAMED.search(sentence) is not None


def _we_subject(sentence: str, supply: list[Cue]) -> re.Match[str] | None:
    """'"... the missiles that we supply to Russia"': "we" right before a supply verb speaks for the supplier
    the sentence before named (the speaker's country)."""
    for cue in supply:
        m = rx.WE_BEFORE.search(sentence, 0, cue.start)
        if m and cue.type == "supply":
            return m
    return None


def used_as_evidence(cand: Candidate) -> bool:
    """A foreign missile or shell fired is a supply; a foreign-designed drone only before Russia built its own."""
    if cand.item_class in rx.USED_AS_EVIDENCE:
        return True
    last = cand.date.last_day if cand.date else None
    return cand.item_class == "drones" and last is not None and last < rx.DRONES_BUILT_IN_RUSSIA


def saying_date(sentence: str, dates: list[Mention]) -> tuple[str | None, Mention] | None:
    """The date of a saying in a sentence ("..., the minister said on Monday", "citing the agency on 20
    November", "told AFP earlier this month") and who said it: it may date what the next sentence goes on
    to report from the same source."""
    cues = find_cues(sentence)
    said = [c for c in cues if c.type in ("attribution", "claim_attribution")]
    supply = [c for c in cues if c.type in rx.SUPPLY_TYPES]
    parts = clauses(sentence, (0, len(sentence)))
    attributions = sayings(sentence, cues, parts)
    opening = next((a for a in attributions if a and not a.trailing and PARTICIPLE_OPENING.match(sentence)), None)
    if opening:   # "Responding to an inquiry on Thursday about ..., the official said"
        dated = [m for m in dates if m.duration is None and m.value and m.end <= opening.region[0]]
        if dated:
            return opening.source, dated[0]
    best: tuple[int, Mention, Attribution | None] | None = None
    for m in dates:
        if m.duration is not None or not m.value:
            continue
        governing = next((a for a, (lo, hi) in zip(attributions, parts, strict=True) if lo <= m.start < hi), None)
        if governing and governing.complement[0] <= m.start < governing.complement[1] and (governing.trailing or any(
                governing.complement[0] <= x.start < governing.complement[1] for x in supply)):
            continue   # "... in May, according to the agency": the date is of what is said, not of the saying
        for c in said:
            lo, hi = (c.end, m.start) if m.start >= c.end else (m.end, c.start)
            if hi < lo or hi - lo > rx.SAYING_REACH or any(lo <= x.start < hi for x in supply) \
                    or re.search(r"[;.:\"“”]", sentence[lo:hi]):
                continue
            if best is None or hi - lo < best[0]:
                best = (hi - lo, m, governing)
    if best is None:
        return None
    return (best[2].source if best[2] else None), best[1]


def _such_items(sentence: str, items: list[Item], antecedent: str) -> list[Actor]:
    """'around 50 such missiles', 'these drones': items the sentence before named, made by its one supplier."""
    out = []
    for item in items:
        m = rx.SUCH_BEFORE.search(sentence, 0, item.start)
        if m:
            out.append(Actor(m.start(1), m.end(1), m.group(1), antecedent, "adjective"))
    return out


def _agentless(sentence: str, supply: list[Cue], items: list[Item], antecedent: str) -> list[Actor]:
    """'Tanks and trucks were transferred.' after a sentence naming one supplier: an agentless passive
    continues the story of that supplier, which is made the maker of the first item before the verb."""
    passive = [c for c in supply if c.type == "supply" and is_passive(sentence, c)
               and not re.match(r"\s+(?:by|from)\b", sentence[c.end:])]
    lead = [i for i in items if passive and i.end <= passive[0].start]
    if not lead:   # "... for taking part in the delivery of munitions to Russia"
        lead = [i for c in supply if c.type == "nominal" for i in items[:1]
                if rx.OF_ITEM_TO_RUSSIA.fullmatch(sentence, c.end, i.start) and rx.TO_RUSSIA.match(sentence, i.end)]
    if not lead:   # "the most recent such shipment included 2,000 shells"
        lead = [i for c in supply if c.type == "nominal" and rx.SUCH_SHIPMENT.search(sentence, 0, c.start)
                for i in items if i.start > c.end and rx.HELD.fullmatch(sentence, c.end, i.start)][:1]
    return [Actor(lead[0].start, lead[0].start, "", antecedent, "adjective")] if lead else []


def _hypothetical(sentence: str, region: tuple[int, int], cue: Cue, cues: list[Cue]) -> bool:
    """A condition, a norm or a threat, not a fact: "if it involves arms", "any such deal would",
    "a resolution that prohibits the export of weapons", "to respond to any missile transfer".
    A denial's "any" is not one: "denied any involvement in supplying weapons"."""
    before = sentence[region[0]:cue.start]
    after = sentence[cue.end:min(region[1], cue.end + 30)]
    denied = any(c.type == "deny" and region[0] <= c.start < cue.start for c in cues) or \
        re.search(r"\b(?:not|never|n['’]t)\s+(?:\w+\s+){0,2}$", before, re.I) is not None   # "had not delivered any"
    any_near = rx.ANY_BEFORE.search(before) or re.match(r"\s+(?:of\s+)?any\b", after, re.I)
    return bool(rx.CONDITION.search(before) or any_near and not denied or rx.NORM.search(before) or rx.PURPOSE.search(before))


def _reversed(sentence: str, region: tuple[int, int], cue: Cue, actors: list[Actor], cues: list[Cue]) -> bool:
    """'Russia provided North Korea with technology', 'Moscow transfers drones to Belarus': the recipient is
    the subject of an active supply verb, so the supply runs the other way."""
    verb = cue.type in ("supply", "help") or any(c.type == "supply" and c.start == cue.start for c in cues)
    if not verb or is_passive(sentence, cue):
        return False
    if any(re.search(r"\bfrom\s+(?:the\s+)?$", sentence[cue.end:a.start]) for a in actors
           if a.is_supplier and cue.end <= a.start < region[1]):
        return False
    if any(re.search(r"\b(?:to|into)\s+(?:the\s+)?$", sentence[cue.end:a.start]) for a in actors
           if a.is_recipient and cue.end <= a.start < region[1]):
        return False  # "Russian aircraft delivered Iranian drones to Russia": the subject only carried them
    if any(re.fullmatch(r"[^,;.]*?\bto\s+(?:the\s+)?", sentence[cue.end:a.start]) for a in actors
           if a.is_supplier and a.form != "adjective" and cue.end <= a.start < region[1]):
        return True   # "will give weapons technology to North Korea's nuclear programme"
    left = [a for a in actors if region[0] <= a.start and a.end <= cue.start]
    if not left or not left[-1].is_recipient or left[-1].form != "recipient":
        return False
    if len(left) > 1 and left[-2].is_supplier and re.fullmatch(
            r"\s+(?:[\w-]+\s+){0,2}and\s+(?:an?\s+|the\s+|its\s+)?", sentence[left[-2].end:left[-1].start]):
        return False   # "Chinese companies and a Russian affiliate involved in shipping drones": supplied together
    gap = sentence[left[-1].end:cue.start]
    return len(gap.split()) <= 5 and not re.search(r"[,;:(]|\b(?:from|by|with|that|which|who|of|for|is|are|was|were|be|been|being)\b", gap, re.I) and \
        not re.match(r"\s*(?:['’]s|forces|troops|army|military|soldiers)\b", gap, re.I)


def clauses(sentence: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = span
    out = []
    for m in rx.CLAUSE_BREAK.finditer(sentence, start, end):
        if m.group().lstrip(", ").lower().startswith("and") and _item_ahead(sentence, m.end()):
            continue   # "shells, missiles, and troops": a list, not a new clause
        out.append((start, m.start()))
        start = m.end()
    out.append((start, end))
    return [c for c in out if c[1] > c[0]] or [span]


def _item_ahead(sentence: str, pos: int) -> bool:
    ahead = re.sub(r"^(?:[\d,.]+|some|about|more|other|further)\s+", "", sentence[pos:pos + 80], flags=re.I)
    return any(i.start == 0 or re.fullmatch(r"(?:[a-z-]+\s+){1,2}", ahead[:i.start])   # "and other conventional arms"
               and not find_cues(ahead[:i.start]) for i in find_items(ahead))


def _pair(sentence: str, clause: tuple[int, int], cue: Cue, actors: list[Actor], speakers: list[Actor],
          items: list[Item],
          cues: list[Cue], quantities: list[Quantity], attribution: Attribution | None,
          source: str | None) -> list[Candidate]:
    a, b = clause
    here = [i for i in items if a <= i.start < b]
    if cue.type in ("agree", "negotiate"):
        if rx.AGREED_TO_DO.match(sentence, cue.end) and cue.text.lower().startswith("agree"):
            return []   # "agreed to fully implement the treaty": the treaty is not what they agreed
        chosen = [i for i in here if i.item_class == "agreement" and not rx.BUY_FROM_RUSSIA.match(sentence, i.end)]
        chosen = sorted(chosen, key=lambda i: abs(i.start - cue.start))[:1] or _arms_talks(sentence, cue, here)
    else:
        here = [i for i in here if i.item_class != "agreement" and not recipient_owned(sentence, i)
                and not rx.AGAINST.search(sentence, max(0, i.start - 40), i.start)
                and not from_recipient(sentence, i, actors) and not to_third_party(sentence, i, actors)
                and not rx.TO_OWN_FORCES.match(sentence, i.end)
                and not rx.SHOWN.search(sentence, max(0, i.start - 60), i.start)]
        if cue.type == "deploy_troops":
            here = [i for i in here if i.item_class == "troops"]
        if cue.type == "use":   # only the weapon whose maker is named: "a North Korean KN-23"
            chosen = [i for i in here if any(makes(sentence, x, i) for x in actors if x.is_supplier)
                      and (0 <= i.start - cue.end <= 60 or rx.WRECKAGE.match(cue.text) or is_passive(sentence, cue)
                           or rx.ITEM_THAT.fullmatch(sentence, i.end, cue.start)
                           or sentence[i.end:cue.start].isspace())][:1]   # "electronics used in its drones are Chinese"
        else:
            chosen = _items_for(sentence, cue, here, cues, b)
    if chosen and cue.type == "supply" and not is_passive(sentence, cue):
        chosen = [*chosen, *_in_addition_to(sentence, (a, cue.start), here)]
    named = chosen[:1]
    chosen = _missile_systems(sentence, _contents(sentence, chosen, here), here)
    if not chosen:
        return []
    supplier = supplier_for(sentence, clause, cue, chosen[0], actors, speakers)
    if supplier is None and named and named[0] not in chosen:   # "deliveries of Iranian weapons included missiles"
        supplier = supplier_for(sentence, clause, cue, named[0], actors, speakers)
    if supplier is None:
        return []
    kind = kind_of(sentence, clause, cue, chosen[0], cues, attribution)
    deny = [c for c in cues if c.type == "deny" and a <= c.start and c.end <= cue.start and cue.start - c.end <= 30]
    tense = tense_of(sentence, deny[-1] if deny else cue)   # "denies sending": the denial's own tense
    out = []
    for n, item in enumerate(chosen):
        if any(c.item_class == item.item_class and _head(c.text) == _head(item.text) for c in chosen[:n]):
            continue   # "152-mm shells and 122-mm shells": one fact
        out.append(Candidate(
            supplier=supplier, item=item.text, item_class=item.item_class, generic=item.generic,
            kind=item_kind(kind, item),
            cue=cue, item_span=(item.start, item.end), quantity=_quantity_for(sentence, item, quantities),
            attributed_to=source, tense=tense,
        ))
    return out


def _in_addition_to(sentence: str, span: tuple[int, int], items: list[Item]) -> list[Item]:
    """'In addition to drones, Iran has sent shells': what the opening adds to is supplied too."""
    m = rx.IN_ADDITION_TO.search(sentence, *span)
    if not m:
        return []
    stop = sentence.find(",", m.end(), span[1])
    return [i for i in items if m.end() <= i.start and i.end <= (stop if stop >= 0 else span[1])]


def _ratified_it(sentence: str, cue: Cue) -> list[Item]:
    """'Russia and North Korea ratified it in November': only a treaty or an agreement is ratified."""
    it = re.match(r"\s+(it|the\s+(?:document|text))\b", sentence[cue.end:], re.I)
    if not cue.text.lower().startswith("ratif") or it is None:
        return []
    return [Item(cue.end + it.start(1), cue.end + it.end(1), "treaty", "agreement", False)]   # "it" names nothing to show


def _arms_talks(sentence: str, cue: Cue, items: list[Item]) -> list[Item]:
    """'negotiations for weapons', 'discussed arms supplies': talks about arms are talks towards an arms deal."""
    if cue.type != "negotiate":
        return []
    for item in items:
        if item.item_class != "troops" and cue.end <= item.start and rx.TALKS_ABOUT.fullmatch(sentence, cue.end, item.start):
            return [Item(cue.start, item.end, sentence[cue.start:item.end], "agreement", False)]
    return []


def _items_for(sentence: str, cue: Cue, items: list[Item], cues: list[Cue], end: int) -> list[Item]:
    """The item a cue governs and those coordinated with it ("shells, missiles and troops")."""
    passive = is_passive(sentence, cue) or cue.type == "receive"
    verbs = [c for c in cues if c.type in ("supply", "receive", "deploy", "deploy_troops") and c.start > cue.end]
    nxt = min([c.start for c in verbs] + [end])
    if verbs and not passive and rx.VERBS_JOINED.fullmatch(sentence, cue.end, verbs[0].start):
        nxt = min([c.start for c in verbs[1:]] + [end])   # "has sent and will continue to send shells": one object
    after = [i for i in items if cue.end <= i.start < nxt]
    before = [i for i in items if i.end <= cue.start]
    if passive and before and not _object_follows(sentence, cue, after):
        if len(before) > 1 and rx.FOR_ITEM.search(sentence, 0, before[-1].start):
            before = before[:-1]   # "the engines for its drones come from China": the engines
        return _run_before(sentence, before)
    if not after:
        if before and rx.SUBJECT_MODAL.fullmatch(sentence, before[-1].end, cue.start):
            return []   # "such weapons can provide Russia time": the weapons act, they are not supplied
        return _run_before(sentence, before)   # "the shells and missiles that we supply"
    return _run_after(sentence, after)


def _object_follows(sentence: str, cue: Cue, after: list[Item]) -> bool:
    """'Russia received drones from Iran': the active receiving verb takes the item after it as its object;
    'came from a KN-24' names a source, not an object."""
    return (cue.type == "receive" and bool(after) and not is_passive(sentence, cue)
            and not cue.text.lower().endswith("from")
            and rx.OBJECT_NEXT.fullmatch(sentence, cue.end, after[0].start) is not None)


def _run_after(sentence: str, items: list[Item]) -> list[Item]:
    """The first item and those listed after it ("shells, missiles and troops")."""
    run = items[:1]
    for item in items[1:]:
        if not _coordinated(sentence, run[-1].end, item.start):
            break
        run.append(item)
    return run


def _run_before(sentence: str, before: list[Item]) -> list[Item]:
    """The last item before a verb and the items listed with it."""
    if not before:
        return []
    run = [before[-1]]
    for item in reversed(before[:-1]):
        if not _coordinated(sentence, item.end, run[0].start):
            break
        run.insert(0, item)
    return run


def _contents(sentence: str, chosen: list[Item], items: list[Item]) -> list[Item]:
    """'1,000 containers of military equipment and munitions': what the containers hold is what was supplied."""
    out: list[Item] = []
    for item in chosen:
        inside = [i for i in items if i.start > item.end and re.fullmatch(
            r"['’]?\s+(?:worth\s+)?(?:of|with|carrying|containing|full of|(?:loaded|packed|filled|laden|stuffed|crammed)\s+with)\s+(?:[\w-]+\s+)?", sentence[item.end:i.start])]
        if not inside and item.generic:
            inside = [i for i in items if i.start > item.end and not i.generic
                      and rx.CONTENTS_VERB.fullmatch(sentence, item.end, i.start)]   # "the shipment of weapons included 450 drones"
            if inside:
                out.extend(i for i in _run_after(sentence, [i for i in items if i.start >= inside[0].start]) if i not in out)
                continue
        if not rx.CARRIER.fullmatch(item.text) or not inside:
            out.append(item)
            continue
        run = _run_after(sentence, [i for i in items if i.start >= inside[0].start])
        out.extend(i for i in run if i not in out)
    return out


def _head(text: str) -> str:
    return text.split()[-1].lower().rstrip("s") if text.split() else ""


def _missile_systems(sentence: str, chosen: list[Item], items: list[Item]) -> list[Item]:
    """"Missiles and their launchers" supplies both: the missiles named just before the launchers are
    supplied with them."""
    if not chosen or not all(rx.LAUNCHERS.fullmatch(i.text) for i in chosen):
        return chosen
    missiles = [i for i in items if i.item_class == "missiles" and i.end <= chosen[0].start
                and re.fullmatch(r"\s*(?:,|and|&|with)\s*(?:their\s+|its\s+)?", sentence[i.end:chosen[0].start], re.I)]
    return missiles[-1:] + chosen


def _coordinated(sentence: str, end: int, start: int) -> bool:
    """Is the text between two items a list joint (", ", "and", "as well as", with amounts)?"""
    gap = re.sub(r"\b(?:of|the|its|either|both|some|about|around|over|more than|at least|several|dozens?|hundreds?|thousands?"
                 r"|\d[\d,.]*|[a-z]+ (?:million|thousand)|an? (?:[a-z]+ )?(?:amount|number|quantity|volume)|"
                 r"(?:large |huge |vast )?(?:amounts|numbers|quantities|volumes))\b",
                 " ", rx.TO_RUSSIA_INCLUDING.sub(" including ", sentence[end:start]), flags=re.I)
    if not gap.strip() or rx.COORDINATION.fullmatch(gap) or rx.INCLUDING.fullmatch(gap):
        return True
    return rx.COORDINATION.fullmatch(re.sub(r"[\w-]+\s*$", "", gap)) is not None   # "and construction workers"


def _quantity_for(sentence: str, item: Item, quantities: list[Quantity]) -> Quantity | None:
    """The amount written before the item ("200", "half of the"), or in an aside right after it
    ("shells used by Russia — about three million a year —"); an absolute number wins over a share."""
    found = []
    for q in quantities:
        gap = sentence[q.end:item.start]
        if q.end <= item.start and re.fullmatch(
                r"\s*(?:[\w-]+\s+)?(?:of\s+)?(?:the\s+|its\s+|their\s+|these\s+)?(?:[\w-]+\s+)?", gap):
            found.append(q)
        after = sentence[item.end:q.start]
        if q.start >= item.end and len(after) <= 40 and re.search(r"[—–(]\s*$|\s-\s*$", after):
            found.append(q)
    carried = _carried_quantity(sentence, item, quantities)
    if carried or not found:
        return carried
    found.sort(key=lambda q: (q.value is None, q.share is None))
    return found[0]


def _carried_quantity(sentence: str, item: Item, quantities: list[Quantity]) -> Quantity | None:
    """'1,000 containers of equipment and munitions': the munitions came in those 1,000 containers."""
    m = rx.CARRIED.search(sentence, max(0, item.start - 80), item.start)
    if not m:
        return None
    q = next((q for q in quantities if q.end <= m.start(1) and not sentence[q.end:m.start(1)].strip()), None)
    return replace(q, text=f"{q.text} {m.group(1)}") if q else None


def _overlaps_date(item: Item, dates: list[Mention]) -> bool:
    return any(m.start < item.end and item.start < m.end for m in dates)


def _unique(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per supplier, item and date. A verb says more than a noun or a use: "the first shipment
    of these missiles delivered in early September" is dated by "delivered", not by the nearest date to
    "shipment"."""
    nouns = {c.cue.start for c in cands if c.cue.type == "nominal"}
    verbs = {(c.supplier, c.item_span) for c in cands if c.cue.type not in ("nominal", "use") and c.cue.start not in nouns}
    cands = [c for c in cands if c.cue.type != "nominal" or (c.supplier, c.item_span) not in verbs]
    seen = set()
    out = []
    for c in sorted(cands, key=lambda c: c.cue.type == "use"):
        key = (c.supplier, c.item_span, c.date.value if c.date else None)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out
