"""The event record: one fact of arms supply, with who, what, how much, when, who says so, and where from.

INTERFACE (stable; others build on it):
    Event                      the record (fields below are the event table's columns)
    extract_events(article) -> list[Event]     (timeline/extract.py holds the rules engine)
    event_id(...) -> str       a stable id: the same fact in the same article gets the same id on every run
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field, fields, replace
from typing import TYPE_CHECKING, Literal

from timeline.extract_patterns import CARRIER, CARRIER_WORDS, EMBEDDED_POST, SANCTIONS, THE_STRIKE
from timeline.quoted_days import on_speakers_day
from timeline.speakers import (
    PRONOUNS,
    occasion_of,
    remember_occasion,
    same_speaker,
    source_keys,
    speaker_of_the_news,
    speaks_for,
    spelled_out,
)

if TYPE_CHECKING:
    import datetime as dt

    from timeline.articles import Article
    from timeline.dates import Mention
    from timeline.extract import Candidate

ItemClass = Literal["ammunition", "missiles", "drones", "troops", "components", "weapons", "agreement", "other"]
Kind = Literal["shipment", "agreement", "claim", "denial", "deployment", "plan", "other"]
DateBasis = Literal["event", "statement", "report", "undated"]


@dataclass(slots=True)
class Event:
    id: str
    supplier: str
    recipient: str | None
    item: str
    item_class: str
    kind: str
    quantity: str | None = None
    quantity_value: float | None = None
    attributed_to: str | None = None
    date: str | None = None          # TIMEX3 value ("2024-09"), None when undated
    grain: str | None = None
    date_start: str | None = None    # ISO day, first day the date covers
    date_end: str | None = None      # ISO day, last day the date covers
    date_text: str | None = None     # the phrase that dated it
    date_basis: str = "undated"      # event | statement | report | undated
    published: str | None = None     # ISO day of the article's publication
    published_source: str = "unknown"
    article_id: str | None = None
    publisher: str | None = None
    headline: str | None = None
    url: str | None = None
    sentence: str | None = None      # evidence: in memory and CLI output only, never written to data/
    sentence_start: int | None = None
    sentence_end: int | None = None
    note: str | None = None          # our own one-line note (bundled data)
    origin: str = "extracted"        # extracted | manual
    reviewed: bool = False
    sources: list[dict[str, object]] = field(default_factory=list)  # further citations of the same fact

    def to_json(self) -> dict[str, object]:
        return asdict(self)


EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event))


LEAD_SENTENCES = 2        # story sentences after the headline that carry the news
LEAD_MIN_WORDS = 10       # shorter lines (bylines, captions, "Listen to this article") are not the lead
NEWS_TENSES = ("present", "perfect")
PRONOUN_REACH = 2         # "They were housed on Monday" refers back at most this many sentences
DENIAL_REACH = 2          # "X denied the reports" answers the facts told at most this many sentences before
ANTECEDENT_GAP = 1        # sentences naming no supplier that a supplier named before them reaches over
BACKGROUND_REACH = 6      # words either side of the supply verb that can mark a fact as background
PRESUPPOSED = re.compile(r"\W*(?:The|This|That|These|Those|Such)\s+(?:[\w-]+\s+){0,2}$")
BACKGROUND = re.compile(r"\b(?:previously|earlier|in the past|formerly|for years|long been|past|repeatedly|consistently|"
                        r"(?:days|weeks|months|years|a day|a week|a month|a year) (?:later|after|afterwards))\b", re.I)


def event_id(supplier: str, item_class: str, kind: str, date: str | None, article_id: str | None,
             anchor: int | None) -> str:
    """12 hex digits from what the event is and where it was read; stable across runs."""
    key = "|".join(str(x) for x in (supplier, item_class, kind, date or "", article_id or "", anchor or 0))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def extract_events(article: Article) -> list[Event]:
    """Every candidate event in an article, one per mention (pipeline.merge_article folds repeats)."""
    from timeline.dates import find_dates
    from timeline.extract import analyse, saying_date, used_as_evidence

    mentions = [m for m in find_dates(article.text, article.published) if not _in_a_quoted_name(article.text, m)]
    news = _headline_facts(article)
    lead = _lead(article)
    events: list[Event] = []
    inherited: str | None = None
    antecedent: str | None = None
    quiet = 0
    previous: list[Event] = []
    told: tuple[int, list[Event]] = (-1, [])   # the last sentence that told facts, and those facts
    said_before: tuple[str | None, Mention] | None = None
    story: str | None = None
    sayings: list[tuple[str, Mention]] = []
    occasions: dict[str, Mention] = {}
    strike: tuple[int, Mention] | None = None
    sanctions: tuple[int, Mention] | None = None
    for n, sent in enumerate(article.sentences):
        local = [_shift(m, sent.start) for m in mentions if sent.start <= m.start and m.end <= sent.end]
        text = article.text[sent.start:sent.end]
        _said_back(previous, text, local, article)
        if previous:
            told = (n - 1, previous)
        said_here = saying_date(text, local)
        _said_after(previous, said_here, text, article)
        contents = _contents_told_after(previous, text, sent.start, article)
        last_speaker = next((e.attributed_to for e in previous if e.attributed_to), None)
        if last_speaker is None and said_before:
            last_speaker = said_before[0]
        previous = []
        for cand in analyse(text, local, inherited, antecedent) or _treaty_steps(text, local, inherited, story):
            if cand.date is None and strike and n - strike[0] <= CONTEXT_REACH \
                    and (cand.cue.type == "use" and THE_STRIKE.search(text) or THE_DOWNED.search(text)):
                cand.date, cand.date_basis = strike[1], "event"   # "On 2 January ... Russia used a North Korean missile in the attack"
            if cand.awaits_strike and not used_as_evidence(cand):
                continue   # a drone of foreign design used on no known day, or after Russia built its own
            if cand.date is None and sanctions and THE_SANCTIONS.search(text):
                cand.date, cand.date_basis = sanctions[1], "statement"   # "... sanctions on Thursday. The sanctions target X, which makes"
            if cand.date is None and (post := _posted(text, local)):
                cand.date, cand.date_basis, cand.attributed_to = post[1], "statement", post[0]   # "... — OSINT (@osint) October 18, 2024"
            if said_before and cand.date is None and same_speaker(cand.attributed_to, said_before[0]):
                cand.date, cand.date_basis = said_before[1], "statement"   # "... on Monday. According to him, ..."
            if cand.date is not None:
                cand.date = on_speakers_day(text, cand.date, _spoken(cand, said_here, said_before))
            if _ahead(cand, article.published):
                _placed_when_told(cand, said_here)   # "warned in late June that it may send troops within two months"
            if cand.date is None and (occasion := occasion_of(cand.attributed_to, occasions)):
                cand.date, cand.date_basis = occasion, "statement"   # "Kirby told a briefing on Thursday ... Kirby added"
            if cand.attributed_to and cand.attributed_to.lower() in PRONOUNS:
                cand.attributed_to = last_speaker  # "according to him": the source of the sentence before, if any
            background = _background(text, cand)
            is_news = (cand.supplier, cand.item_class) in news or not background and (
                cand.tense in NEWS_TENSES or (n in lead or cand.said_now) and cand.tense != "pluperfect"
                or cand.kind == "denial")   # a denial is a statement the article reports, not background
            if cand.only_as_news and cand.date is None and not is_news:
                continue   # "could continue to supply troops", "fired North Korean missiles": in passing, not a fact
            is_news = is_news or not background and speaker_of_the_news(cand.attributed_to, events)
            events.append(_event(article, sent.start, text, cand, is_news))
            previous.append(events[-1])
        series = _series_told_on(previous or (told[1] if n - told[0] == 1 else []), text, local, sent.start, article)
        events.extend(series)
        previous.extend(series)
        if not previous:
            answered = told[1] if n - told[0] <= DENIAL_REACH else []
            events.extend(contents or _denied_back(answered, text, local, sent.start, article))
            _dated_later(events, text, local, article)
            if n - told[0] <= PRONOUN_REACH:
                _they_moved(told[1], text, local, article)
        strike = _dated_day(STRIKE, text, local, n) or strike
        sanctions = _dated_day(SANCTIONS, text, local, n) or sanctions
        inherited = _carried_attribution(text, inherited)
        said_before = said_here
        if said_before:
            sayings.append((text, said_before[1], said_before[0]))
            remember_occasion(occasions, said_before, article.published)
        antecedent, quiet = _only_supplier(text, antecedent, quiet)
        story = antecedent or story
    return [_dated_by_its_source(e, sayings) for e in events]


def _dated_by_its_source(event: Event, sayings: list[tuple[str, Mention, str | None]]) -> Event:
    """'The NIS has reported that ...' in the lead, and later '... citing the NIS on 20 November': the
    article's news is that statement, dated where the article names its source again. A supplier's denial
    is dated where its own spokesman speaks ("Beijing denied the reports." ... "China's foreign ministry
    spokesman said on Monday ...")."""
    from timeline.timex import days_between

    if event.date_basis != "report" or not event.published:
        return event
    keys = source_keys(event.attributed_to) if event.attributed_to else set()
    for text, mention, source in sayings:
        days = days_between(mention.value, event.published)
        if days is None or not 0 <= days <= 7:
            continue
        if any(k in text or spelled_out(k, text) for k in keys) or event.kind == "denial" and speaks_for(source, event.supplier):
            if days == 0:
                return event   # "speaking to journalists on 17 April", the day of the report: dated already
            dated = replace(event, **_date_fields(text, mention))
            dated.id = event_id(dated.supplier, dated.item_class, dated.kind, dated.date, dated.article_id,
                                dated.sentence_start)
            return dated
    return event


def _treaty_steps(text: str, mentions: list[Mention], inherited: str | None, story: str | None) -> list[Candidate]:
    """'Putin signed the treaty on Saturday': a step of a treaty that names only Russia belongs to the treaty
    with the supplier the story last named."""
    from timeline.extract import analyse
    from timeline.lexicon import find_actors

    if story is None or any(a.is_supplier for a in find_actors(text)):
        return []
    return [c for c in analyse(text, mentions, inherited, story) if c.cue.type == "agree" and c.item_class == "agreement"]


def _in_a_quoted_name(text: str, mention: Mention) -> bool:
    """'the forum "Ukraine. Year 2024"', 'an exercise called "Vostok-2022"': a date in a name dates nothing."""
    opening = QUOTED_NAME.search(text, max(0, mention.start - 40), mention.start)
    return opening is not None and re.match(r"[^\"”»\n]{0,40}[\"”»]", text[mention.end:]) is not None


def _background(text: str, cand: Candidate) -> bool:
    """'previously', 'already', 'for years' beside the supply verb tells the fact as background; the same word
    elsewhere in the sentence ("a previously reported deal has now gone through") does not."""
    before = " ".join(text[:cand.cue.start].split()[-BACKGROUND_REACH:])
    after = " ".join(text[cand.cue.start:].split()[:BACKGROUND_REACH + 1])
    if PRESUPPOSED.match(text[:cand.cue.start]) and re.match(r"\s+of\b", text[cand.cue.end:]):
        return True   # "The purchase of shells from North Korea showed ...": a fact the reader already knows
    return BACKGROUND.search(before + " " + after) is not None


def _event(article: Article, offset: int, text: str, cand: Candidate, is_news: bool) -> Event:
    from timeline.timex import grain_of, interval_of

    published = article.published.isoformat() if article.published else None
    date = cand.date.value if cand.date else None
    basis = cand.date_basis
    start = end = None
    if cand.date is not None:
        own = interval_of(cand.date.value or "")
        first = cand.date.first_day or (own[0] if own else None)
        last = cand.date.last_day or (own[1] if own else None)
        if first and last and first <= last:
            start, end = first.isoformat(), last.isoformat()
        date = _since_interval(cand.date, date, own, last)
    elif is_news:
        basis, date, start, end = "report", published, published, published
    quantity = cand.quantity
    grain = "interval" if date and "/" in date else (cand.date.grain if cand.date else None) or (grain_of(date) if date else None)
    return Event(
        id=event_id(cand.supplier, cand.item_class, cand.kind, date, article.id, offset + cand.cue.start),
        supplier=cand.supplier, recipient="Russia", item=cand.item, item_class=cand.item_class, kind=cand.kind,
        quantity=quantity.text if quantity else None,
        quantity_value=quantity.value if quantity else None,
        attributed_to=_speaker(cand.attributed_to, article.publisher),
        date=date, grain=grain,
        date_start=start, date_end=end, date_text=_phrase(text, cand.date) if cand.date else None, date_basis=basis,
        published=published, published_source=article.published_source,
        article_id=article.id, publisher=article.publisher, headline=article.headline, url=article.url,
        sentence=text, sentence_start=offset, sentence_end=offset + len(text),
        note="generic" if cand.generic else None,
    )


def _since_interval(mention: Mention, value: str | None, own: tuple[dt.date, dt.date] | None,
                    last: dt.date | None) -> str | None:
    """'has sent shells since early August' covers August up to the month of the report: 2023-08/2023-11."""
    if not value or not own or not last or last <= own[1] or not re.match(r"since\b", mention.text, re.I):
        return value
    return f"{value}/{last:%Y-%m}"


def _posted(text: str, mentions: list[Mention]) -> tuple[str, Mention] | None:
    """The author and date of an embedded post whose signature closes the sentence."""
    m = EMBEDDED_POST.search(text)
    dated = [d for d in mentions if m and d.start >= m.end() and d.value and d.duration is None]
    return (m.group("by").strip(), dated[0]) if m and dated else None


def _said_back(previous: list[Event], text: str, mentions: list[Mention], article: Article) -> None:
    """'This was reported by the ministry on Monday.', or the signature of an embedded post ('— OSINT (@osint)
    October 18, 2024'): the sentence dates (and attributes) the statement of the facts read in the sentence
    before it, when those have no date of their own."""
    m = SAID_BACK.match(text) or EMBEDDED_POST.match(text)
    if not m or not previous:
        return
    dated = [d for d in mentions if d.start >= m.end() - 1 and d.value and d.duration is None]
    for ev in previous:
        if ev.date_basis not in ("report", "undated"):
            continue
        if m.group("by"):
            ev.attributed_to = m.group("by").strip()
        if dated:
            _redate(ev, text, dated[0], "statement", article)


def _date_fields(text: str, mention: Mention, basis: str = "statement") -> dict[str, str | None]:
    """The date fields of a fact dated from another sentence: by when it was said (basis statement), or by a
    later sentence that says when it happened (basis event); `mention` is in the sentence `text`."""
    from timeline.timex import grain_of, interval_of

    own = interval_of(mention.value or "")
    first, last = mention.first_day or (own[0] if own else None), mention.last_day or (own[1] if own else None)
    return {"date": mention.value, "grain": mention.grain or grain_of(mention.value or ""), "date_basis": basis,
            "date_start": first.isoformat() if first else None, "date_end": last.isoformat() if last else None,
            "date_text": _phrase(text, mention)}


def _redate(ev: Event, text: str, mention: Mention, basis: str, article: Article) -> None:
    """Give a fact told earlier the date another sentence gives it; its id follows its date."""
    for name, value in _date_fields(text, mention, basis).items():
        setattr(ev, name, value)
    ev.id = event_id(ev.supplier, ev.item_class, ev.kind, ev.date, article.id, ev.sentence_start)


def _when_moved(text: str, mentions: list[Mention]) -> list[Mention]:
    """The dates of a sentence that say when something moved, not when it was said."""
    return [d for d in mentions if d.value and d.duration is None and not SAID_ON.search(text, 0, d.start)]


def _dated_day(what: re.Pattern[str], text: str, mentions: list[Mention], n: int) -> tuple[int, Mention] | None:
    """'On January 2, Russian forces launched a missile attack on Kharkiv', 'announced sanctions on Thursday':
    the day of a strike or of sanctions, for a later sentence that names the weapon used or the firms targeted."""
    if not what.search(text):
        return None
    days = [m for m in mentions if m.grain == "day" and m.duration is None]
    return (n, days[0]) if days else None


def _dated_later(events: list[Event], text: str, mentions: list[Mention], article: Article) -> None:
    """'The shipments took place between June and December 2022', 'Yesterday, 9 October, the first batch of 20
    tanks departed': a sentence that only says when the supplies it refers back to moved dates the facts the
    article reports with no date of their own (of that item's class, or all of them for "the shipments")."""
    from timeline.lexicon import find_items

    back = THE_SUPPLIES.search(text)
    named = [i.item_class for i in find_items(text) if not CARRIER.fullmatch(i.text)
             and THE_BEFORE.search(text, max(0, i.start - 40), i.start)]
    deal = THE_DEAL_MADE.search(text)
    if deal:
        named = []   # "the deal" names the plans and agreements, whatever they were of
    elif back is None and not named or not MOVED.search(text):
        return
    when = _when_moved(text, mentions)
    if not when:
        return
    carrier = not named and CARRIER.search(text)
    kinds = ("plan", "agreement") if deal else ("shipment", "claim", "deployment", "plan", "other")
    for ev in events:
        if ev.date_basis != "report" or ev.kind not in kinds:
            continue
        if named and ev.item_class not in named or carrier and not CARRIER.search(ev.sentence or ""):
            continue   # "the tanks", "the containers": the facts that named them
        _redate(ev, text, when[0], "event", article)


def _they_moved(told: list[Event], text: str, mentions: list[Mention], article: Article) -> None:
    """'North Korea has sent 3,000 troops to Kursk. They were housed on Monday in barracks': the sentence
    that says when "they" moved dates the facts just told with no date of their own."""
    if not THEY_MOVED.match(text):
        return
    when = _when_moved(text, mentions)
    for ev in told if when else []:
        if ev.date_basis == "report" and ev.kind in ("shipment", "deployment", "claim"):
            _redate(ev, text, when[0], "event", article)


def _said_after(previous: list[Event], said: tuple[str | None, Mention] | None, text: str, article: Article) -> None:
    """'A US official said North Korea provided missiles. Speaking on Thursday, the official said ...': the
    next sentence dates the saying of the same speaker, whose facts had no date of their own."""
    if said is None or not said[0]:
        return
    for ev in previous:
        if ev.date_basis == "report" and ev.attributed_to and same_speaker(said[0], ev.attributed_to):
            _redate(ev, text, said[1], "statement", article)


def _denied_back(previous: list[Event], text: str, mentions: list[Mention], offset: int,
                 article: Article) -> list[Event]:
    """'... an MP confirmed that Tehran had supplied missiles. At the same time, a spokesman denied this.': a
    denial of what the sentence before told, dated when it was made, else with the claim it answers when it
    says so ("at the same time") or when that claim is the article's news, else undated."""
    m = DENIED_THIS.search(text)
    if not m:
        return []
    speaker = text[:m.start()].split(",")[-1].strip() or None
    own = [d for d in mentions if d.value and d.duration is None]
    out: list[Event] = []
    for ev in previous:
        if ev.kind == "denial" or any((e.supplier, e.item_class) == (ev.supplier, ev.item_class) for e in out):
            continue
        same_time = SAME_TIME.match(text) and ev.date_basis in ("statement", "report") or ev.date_basis == "report"
        dates = _date_fields(text, own[0]) if own else {name: getattr(ev, name) for name in DATE_FIELDS} \
            if same_time else UNDATED
        out.append(_retold(ev, text, offset, offset + m.start(), article, kind="denial", attributed_to=speaker, **dates))
    return out


def _contents_told_after(previous: list[Event], text: str, offset: int, article: Article) -> list[Event]:
    """'North Korea has sent military assistance to Russia. This aid includes shells and rockets.': what the
    aid held are facts of the same supplier, date and source; the vague aid folds into them."""
    from timeline.lexicon import find_items

    m = AID_INCLUDES.match(text)
    if not m or not previous:
        return []
    base = previous[0]
    out: list[Event] = []
    listed = text[m.end():]
    for item in find_items(listed):
        if re.search(r"\bfor\s+(?:the\s+)?(?:[\w\"“”-]+\s+){0,2}$", listed[:item.start], re.I):
            continue   # "rockets for the Grad multiple rocket launcher": what they are for
        if item.generic or item.item_class == "agreement" or any(e.item_class == item.item_class for e in out):
            continue
        kind = "deployment" if item.item_class == "troops" else "shipment" if base.kind == "deployment" else base.kind
        out.append(_retold(base, text, offset, offset + m.end() + item.start, article,
                           item=item.text, item_class=item.item_class, kind=kind))
    if out and base.item_class in ("weapons", "other"):
        base.note = "generic"
    return out


def _series_told_on(base_events: list[Event], text: str, mentions: list[Mention], offset: int,
                    article: Article) -> list[Event]:
    """'In 2022, China sold Russia 700 tons of nitrocellulose, while in 2023 that volume almost doubled. From
    January to March 2024, about 110 tons of the compound were exported': each figure of the series is a fact
    of the same supplier and item at its own date."""
    anaphor = SERIES.search(text)
    if not anaphor or not base_events or not SERIES_FIGURE.search(text):
        return []
    base = base_events[-1]
    if base.date_basis != "event" or base.kind not in ("shipment", "claim"):
        return []
    dates = [m for m in mentions if m.value and m.value != base.date and abs(m.start - anaphor.start()) <= 60]
    if not dates:
        return []
    mention = min(dates, key=lambda m: abs(m.start - anaphor.start()))
    return [_retold(base, text, offset, offset + anaphor.start(), article, **_date_fields(text, mention, basis="event"))]


def _retold(base: Event, text: str, offset: int, at: int, article: Article, **changes: object) -> Event:
    """A fact of an earlier sentence told again in this one (denied, listed, or a new figure of it): the evidence
    is this sentence, the amount is not carried over, and the id is the new fact's own."""
    event = replace(base, **{"quantity": None, "quantity_value": None, "note": None, "sources": [], "sentence": text,
                             "sentence_start": offset, "sentence_end": offset + len(text), **changes})
    event.id = event_id(event.supplier, event.item_class, event.kind, event.date, article.id, at)
    return event


def _ahead(cand: Candidate, published: dt.date | None) -> bool:
    """A date wholly after the report: what is planned or expected, not a supply that took place."""
    first = cand.date.first_day if cand.date else None
    return first is not None and published is not None and first > published


def _placed_when_told(cand: Candidate, said: tuple[str | None, Mention] | None) -> None:
    """A forecast sits on the timeline when it was made: at its saying's date, else (as news) at the report."""
    cand.date, cand.date_basis = (said[1], "statement") if said else (None, "undated")
    if cand.kind in ("shipment", "claim", "deployment"):
        cand.kind = "plan"


def _spoken(cand: Candidate, said_here: tuple[str | None, Mention] | None,
            said_before: tuple[str | None, Mention] | None) -> Mention | None:
    """The day the candidate's words were spoken: its own sentence's saying, or the same speaker's just before."""
    if said_here:
        return said_here[1]
    if said_before and same_speaker(cand.attributed_to, said_before[0]):
        return said_before[1]
    return None


def _only_supplier(text: str, before: str | None, quiet: int) -> tuple[str | None, int]:
    """The one supplier a sentence names, if it names exactly one, and how many sentences ago it was named.
    One sentence that names none keeps the supplier of the sentence before it ("Iran handed Russia
    missiles. The countries signed a deal. The first batch was transferred in September")."""
    from timeline.lexicon import find_actors

    named = {a.canonical for a in find_actors(text) if a.is_supplier}
    if not named:
        return (before, quiet + 1) if quiet < ANTECEDENT_GAP else (None, 0)
    return (named.pop() if len(named) == 1 else None), 0


def _phrase(sentence: str, mention: Mention) -> str:
    """The date phrase with the preposition that introduces it: "in September", "on 19 June 2024"."""
    m = re.search(r"\b(?:in|on|at|since|during|by|from|until|before|after|of)\s+$", sentence[:mention.start], re.I)
    return sentence[m.start():mention.end] if m and not mention.text.lower().startswith(("in ", "on ")) else mention.text


def _speaker(said: str | None, publisher: str | None) -> str | None:
    """Who says so; the outlet's own name when it speaks for itself ("The Times revealed")."""
    if not said:
        return publisher
    if publisher and re.sub(r"^the\s+", "", publisher, flags=re.I).lower() == said.lower():
        return publisher
    return said


def _shift(m: Mention, offset: int) -> Mention:
    return replace(m, start=m.start - offset, end=m.end - offset)


def _headline_facts(article: Article) -> set[tuple[str, str]]:
    """(supplier, item class) pairs the headline reports: the article's news. A weapon used ("Russia fired a
    North Korean missile") makes the claim news, not every later mention of that supplier's missiles."""
    from timeline.extract import analyse

    if not article.headline:
        return set()
    return {(c.supplier, c.item_class) for c in analyse(article.headline, []) if c.cue.type != "use"}


SAID_BACK = re.compile(
    r"\W*(?:This|That|It|The (?:report|news|information|claim|statement))\s+(?:was|has been|had been|is)\s+"
    r"(?:first\s+|also\s+)?(?:reported|said|stated|announced|confirmed|disclosed|revealed|claimed)\b"
    r"(?:\s+by\s+(?:the\s+)?(?P<by>[^,.;]{2,80}?))?(?=\s+(?:on|in|last|this|earlier|late|early|at)\b|\s*[,.;]|\s*$)",
    re.I)
CONTEXT_REACH = 3   # sentences after a dated strike that may name the weapon used
STRIKE = re.compile(r"\b(?:(?:missile|drone|air)\s+)?(?:attack(?:ed|s)?|strikes?|struck|hit|shelled|shelling|launched|"
                    r"shot down|downed|intercepted|jammed)\b", re.I)
THE_DOWNED = re.compile(r"\bthe\s+(?:downed|crashed|intercepted)\s+(?:drone|UAV|missile)\b", re.I)   # "the downed drone was a Mohajer-6 supplied by Iran"
THE_SANCTIONS = re.compile(   # "The companies facing sanctions are accused of ...", "its sanctions hit Chinese entities"
    r"\b(?:the|these|its|their|new|latest|proposed)\s+(?:sanctions|measures|designations)\b"
    r"|\b(?:facing|under)\s+sanctions\b|\bsanctions\s+(?:also\s+)?(?:target|hit|include)", re.I)
DENIED_THIS = re.compile(r"\b(?:denied|denies|rejected|rejects|dismissed|dismisses|refuted|refutes)\s+(?:this|that|it|the\s+"
                         r"(?:reports?|claims?|allegations?|accusations?)|these\s+(?:reports|claims|allegations))"
                         r"(?:\s+(?:earlier|later)?\s*(?:on|in|last|this)?\s*\w+day)?\s*[.,;]",
                         re.I)   # "Tehran denied this."
SAME_TIME = re.compile(r"\W*(?:At the same time|The same day|On the same day|Simultaneously|In response)\b", re.I)
DATE_FIELDS = ("date", "grain", "date_start", "date_end", "date_text", "date_basis")
UNDATED: dict[str, str | None] = dict.fromkeys(DATE_FIELDS) | {"date_basis": "undated"}
SERIES = re.compile(r"\b(?:this|that|the)\s+(?:volume|figure|amount|total|compound|substance|material)\b"
                    r"|\b(?:was|were)\s+(?:exported|imported|shipped|supplied|delivered|sold)\b", re.I)   # "110 tons were exported"
SERIES_FIGURE = re.compile(r"\d[\d,.]*\s*(?:million\s+|thousand\s+)?(?:tons|tonnes|kg|units|pieces|items|%|percent)\b"
                           r"|\$\s*\d", re.I)   # a figure of the series: "1,300 tons", "$68 million"
AID_INCLUDES = re.compile(r"\W*(?:This|That|These|Those|The|Such|Its|Their)\s+(?:[\w-]+\s+){0,2}?(?:aid|assistance|help|"
                          r"support|supplies|shipments?|deliveries|delivery|package|consignments?|cargo|transfers?)\s+"
                          r"(?:\w+\s+)?(?:includes?|included|consist(?:s|ed)? of|comprise[sd]?|contain(?:s|ed)?|"
                          r"(?:is|was|were) made up of)\s", re.I)
THE_SUPPLIES = re.compile(r"\b(?:the|these|those)\s+(?:[\w-]+\s+){0,2}?(?:shipments?|deliveries|delivery|transfers?|"
                          rf"supplies|consignments?|batch(?:es)?|cargo|vessels?|ships?|trains?|convoys?|{CARRIER_WORDS})\b", re.I)
QUOTED_NAME = re.compile(r"\b(?:forum|conference|summit|festival|exhibition|expo|programme|program|project|operation|"
                         r"initiative|strategy|campaign|exercises?|drills?|called|named|titled|entitled|dubbed)\s+[\"“«][^\"”»]{0,40}$",
                         re.I)
THE_DEAL_MADE = re.compile(r"^\W*(?:The|That|This)\s+(?:[\w-]+\s+)?(?:deal|agreement|accord|pact|treaty|arrangement|pledge)\s+"
                           r"(?:(?:was|had been)\s+(?:reached|struck|agreed|signed|sealed|concluded|made|clinched)\b"
                           r"|(?:took|takes|has taken|went into|goes into|has|had) (?:an )?effect\b"
                           r"|(?:entered|enters|came|comes|has entered|has come) into force\b)")   # "The deal was reached on October 6"
THE_BEFORE = re.compile(r"\b(?:the|these|those)\s+(?:[\w-]+\s+){0,3}$", re.I)   # "the first batch of 20 T-72A tanks"
MOVED = re.compile(r"\b(?:took place|happened|occurred|began|started|(?:were|was) (?:made|carried out)|loaded|unloaded|"
                   r"offloaded|departed|left|arrived|reached|crossed|shipped|transported|moved|delivered|handed over|"
                   r"transited|sailed|docked)\b",
                   re.I)
THEY_MOVED = re.compile(r"\W*(?:They|These|Those)\s+(?:troops\s+|soldiers\s+|weapons\s+)?(?:\w+ly\s+)?(?:were|had been|have been)?\s*"
                        r"(?:first\s+)?(?:housed|stationed|quartered|based|deployed|sent|flown|ferried|arrived|reached|"
                        r"crossed|departed|left|moved|delivered|shipped|transported|unloaded|offloaded)\b")
SAID_ON = re.compile(r"\b(?:said|says|announced|reported|told|stated|disclosed|revealed|briefing|statement)\b[^.;]{0,30}$", re.I)
TIMESTAMP = re.compile(r"\W*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?:\s+[A-Z]{2,4})?\W*",
                       re.IGNORECASE)


def _lead(article: Article) -> set[int]:
    """Indices of the headline and of the first story sentences after it, and after each timestamp line of
    a live blog (each entry has its own lead)."""
    headline = (article.headline or "").strip()
    first = article.sentences[0].text.strip() if article.sentences else ""
    if not headline and first and first[-1:] not in ".!?\"'”’":
        headline = first     # an unmarked title line
    out: set[int] = set()
    taken = 0
    for n, sent in enumerate(article.sentences):
        text = sent.text.strip()
        if TIMESTAMP.fullmatch(text):
            taken = 0
            continue
        if headline and text == headline:
            out.add(n)
            continue
        if taken < LEAD_SENTENCES and len(text.split()) >= LEAD_MIN_WORDS:
            out.add(n)
            taken += 1
    return out


def _carried_attribution(text: str, previous: str | None) -> str | None:
    """'The White House said: "..."' hands its speaker to the quoted sentences that follow."""
    m = re.search(r"(?:^|[.;]\s)([A-Z][\w’' .-]{1,60}?)\s+(?:said|says|told\s+\w+|warned|added|wrote)\s*:\s*[\"“]?\s*", text)
    if m:
        words = m.group(1).split()
        if words and words[0].lower() == "the":
            words = words[1:]
        return " ".join(words) or previous
    opens = sum(text.count(q) for q in "“") + text.count('"') % 2
    return previous if opens and not text.rstrip().endswith(("”", '"')) else None
