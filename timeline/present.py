"""Present mode: a story is an ordered list of events, shown one step at a time in a classroom.

INTERFACE (stable; pages/present.py builds on it):
    Story, ALL_EVENTS, CURRENT_VIEW, STORIES_FILE
    parse_stories(obj, name) -> list[Story]      load_stories(path=STORIES_FILE) -> list[Story]
    story_events(events, story) -> DataFrame     the story's events in date order (undated last or dropped)
    Step, Firmness, SourceRef, build_steps(events) -> list[Step]
    date_words(date), what_happened(row), firmness(...), step_number(value, total)
    step_html(step, story_title) -> str          the step as HTML, every value from the data escaped
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from timeline.charts import timeline_figure
from timeline.dataset import ITEM_CLASSES, KINDS
from timeline.errors import DataError
from timeline.timex import describe

STORIES_FILE = Path(__file__).resolve().parents[1] / "data" / "stories.json"
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_STORY_KEYS = {
    "id", "title", "description", "suppliers", "item_classes", "kinds", "date_from", "date_to", "event_ids",
    "include_undated",
}
RESERVED_IDS = ("all", "view")


@dataclass(frozen=True, slots=True)
class Story:
    """Which events to step through: those matching the filter, plus any listed by id."""

    id: str
    title: str
    description: str = ""
    suppliers: tuple[str, ...] = ()
    item_classes: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    date_from: str | None = None     # ISO day; an event counts when its span overlaps the range
    date_to: str | None = None
    event_ids: tuple[str, ...] = ()
    include_undated: bool = False    # undated events go last when True, are left out when False

    @property
    def has_filter(self) -> bool:
        return bool(self.suppliers or self.item_classes or self.kinds or self.date_from or self.date_to)


ALL_EVENTS = Story("all", "All events", "Every event in the timeline, oldest first.", include_undated=True)
CURRENT_VIEW = Story("view", "Current view", "The events the current filters show, oldest first.",
                     include_undated=True)


# --- stories kept as data --------------------------------------------------------------------------------

def _strings(value: object, where: str, field: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{where}, field {field}: expected a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _iso_day(value: object, where: str, field: str) -> str | None:
    if value is None:
        return None
    try:
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise DataError(f"{where}, field {field}: {value!r} is not a date (YYYY-MM-DD)")


def parse_story(obj: object, where: str) -> Story:
    """One story from its JSON object; DataError names the story and the field."""
    if not isinstance(obj, dict):
        raise DataError(f"{where}: expected an object with id, title and a filter or event_ids")
    unknown = sorted(set(obj) - _STORY_KEYS)
    if unknown:
        raise DataError(f"{where}, field {unknown[0]}: unknown field (expected {', '.join(sorted(_STORY_KEYS))})")
    for field in ("id", "title"):
        if not isinstance(obj.get(field), str) or not obj[field].strip():
            raise DataError(f"{where}, field {field}: required (a non-empty string)")
    sid = obj["id"].strip()
    if not _ID.fullmatch(sid) or sid in RESERVED_IDS:
        raise DataError(f"{where}, field id: {sid!r} must be lower-case letters, digits and '-', "
                        f"and not {' or '.join(RESERVED_IDS)}")
    where = f"{where} ({sid})"
    description = obj.get("description", "")
    if not isinstance(description, str):
        raise DataError(f"{where}, field description: expected a string")
    include_undated = obj.get("include_undated", False)
    if not isinstance(include_undated, bool):
        raise DataError(f"{where}, field include_undated: expected true or false")
    lists = {f: _strings(obj.get(f, []), where, f) for f in ("suppliers", "item_classes", "kinds", "event_ids")}
    for field, allowed in (("item_classes", ITEM_CLASSES), ("kinds", KINDS)):
        for value in lists[field]:
            if value not in allowed:
                raise DataError(f"{where}, field {field}: {value!r} is not one of {', '.join(allowed)}")
    story = Story(
        id=sid, title=obj["title"].strip(), description=description.strip(), include_undated=include_undated,
        date_from=_iso_day(obj.get("date_from"), where, "date_from"),
        date_to=_iso_day(obj.get("date_to"), where, "date_to"), **lists,
    )
    if story.date_from and story.date_to and story.date_from > story.date_to:
        raise DataError(f"{where}, field date_to: {story.date_to} comes before date_from {story.date_from}")
    if not story.has_filter and not story.event_ids:
        raise DataError(f"{where}: give a filter (suppliers, item_classes, kinds, date_from, date_to) "
                        "or event_ids, or both")
    return story


def parse_stories(obj: object, name: str = "data/stories.json") -> list[Story]:
    """Stories from the parsed JSON file: {"stories": [...]}, ids unique."""
    if not isinstance(obj, dict) or not isinstance(obj.get("stories"), list):
        raise DataError(f'{name}: expected an object {{"stories": [...]}}')
    stories: list[Story] = []
    for n, item in enumerate(obj["stories"], start=1):
        story = parse_story(item, f"{name} story {n}")
        if any(s.id == story.id for s in stories):
            raise DataError(f"{name} story {n}, field id: {story.id!r} is used by an earlier story")
        stories.append(story)
    return stories


def load_stories(path: Path | str = STORIES_FILE) -> list[Story]:
    """The preset stories; a missing or broken file raises DataError."""
    path = Path(path)
    name = f"data/{path.name}" if path.parent.name == "data" else str(path)
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{name} is missing") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise DataError(f"{name}: not valid JSON ({e})") from None
    return parse_stories(obj, name)


def missing_event_ids(stories: Iterable[Story], event_ids: Iterable[str]) -> dict[str, list[str]]:
    """For each story, the ids it lists that no event has (empty dict when all are found)."""
    known = set(event_ids)
    out = {s.id: [i for i in s.event_ids if i not in known] for s in stories}
    return {k: v for k, v in out.items() if v}


# --- choosing and ordering events ------------------------------------------------------------------------

def _cell(value: object) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def order_events(events: pd.DataFrame, include_undated: bool = True) -> pd.DataFrame:
    """Oldest first by first day, then last day, then id; undated events last, or dropped."""
    starts = [_cell(v) for v in events["date_start"]] if "date_start" in events else [None] * len(events)
    ends = [_cell(v) for v in events["date_end"]] if "date_end" in events else [None] * len(events)
    keys = [(s is None, s or "", e or "", str(i)) for s, e, i in zip(starts, ends, events["id"], strict=True)]
    order = sorted(range(len(events)), key=keys.__getitem__)
    if not include_undated:
        order = [i for i in order if starts[i] is not None]
    return events.iloc[order].reset_index(drop=True)


def _matches(events: pd.DataFrame, story: Story) -> pd.Series:
    keep = pd.Series(True, index=events.index)
    for field, column in ((story.suppliers, "supplier"), (story.item_classes, "item_class"),
                          (story.kinds, "kind")):
        if field:
            keep &= events[column].isin(field)
    if story.date_from or story.date_to:
        starts = events["date_start"].map(_cell)
        ends = events["date_end"].map(_cell)
        ends = ends.where(ends.notna(), starts)
        keep &= starts.notna()
        if story.date_from:
            keep &= ends.fillna("") >= story.date_from
        if story.date_to:
            keep &= starts.fillna("9999") <= story.date_to
    return keep


def story_events(events: pd.DataFrame, story: Story) -> pd.DataFrame:
    """The story's events (filter matches plus listed ids), in date order."""
    if story.has_filter or story.event_ids:
        keep = pd.Series(False, index=events.index)
        if story.has_filter:
            keep |= _matches(events, story)
        if story.event_ids:
            keep |= events["id"].isin(story.event_ids)
        events = events[keep]
    return order_events(events, include_undated=story.include_undated)


# --- one step --------------------------------------------------------------------------------------------

def date_words(date: str | None) -> str:
    """A TIMEX3 value in words at its own precision; "Date not known" when undated."""
    return describe(date) if _cell(date) else "Date not known"


_BASIS_NOTE = {"statement": "when it was said", "report": "when it was reported"}


def date_basis_note(date_basis: str | None) -> str:
    """What the date stands for when it is not the date of the event itself ("" when it is)."""
    return _BASIS_NOTE.get(date_basis or "", "")


_VERBS = {
    "shipment": "{s} shipped {i} to {r}",
    "agreement": "{s} and {r} agreed on {i}",
    "deployment": "{s} sent {i} to {r}",
    "plan": "{s} planned to send {i} to {r}",
    "claim": "{a} said {s} supplied {i} to {r}",
    "denial": "{s} denied supplying {i} to {r}",
    "other": "{s} helped {r} with {i}",
}


def what_happened(row: Mapping[str, object]) -> str:
    """One plain sentence: our own note, or one built from supplier, item, recipient and kind."""
    note = _cell(row.get("note"))
    if note:
        return note if note[-1] in ".!?" else note + "."
    supplier = _cell(row.get("supplier")) or "Someone"
    recipient = _cell(row.get("recipient")) or "Russia"
    item = _cell(row.get("item")) or "help"
    quantity = _cell(row.get("quantity"))
    if quantity:
        item = f"{item} ({quantity})"
    kind = _cell(row.get("kind")) or "other"
    says = _cell(row.get("attributed_to")) or "Reports"
    sentence = _VERBS.get(kind, _VERBS["other"]).format(s=supplier, r=recipient, i=item, a=says)
    return sentence[0].upper() + sentence[1:] + "."


@dataclass(frozen=True, slots=True)
class Firmness:
    """How firm a fact is, and who says so; `symbol` and `label` carry the meaning without colour."""

    level: str       # confirmed | reported | claimed | denied
    symbol: str
    label: str
    who: str
    sentence: str


FIRMNESS_LEVELS = {
    "confirmed": ("✔", "Confirmed"),
    "reported": ("●", "Reported"),
    "claimed": ("?", "Claimed"),
    "denied": ("✖", "Denied"),
}

PARTY_NAMES: dict[str, tuple[str, ...]] = {
    "russia": ("russia", "russian", "kremlin", "moscow", "putin"),
    "north korea": ("north korea", "north korean", "pyongyang", "kcna", "kim jong un"),
    "iran": ("iran", "iranian", "tehran"),
    "china": ("china", "chinese", "beijing"),
    "belarus": ("belarus", "belarusian", "minsk", "lukashenko"),
}


def speaks_for(who: str | None, party: str | None) -> bool:
    """True when `who` names the party itself (its government, capital, leader or state media)."""
    if not who or not party:
        return False
    names = PARTY_NAMES.get(party.strip().lower(), (party.strip().lower(),))
    return any(re.search(rf"\b{re.escape(n)}\b", who.lower()) for n in names)


def firmness(kind: str | None, date_basis: str | None, attributed_to: str | None, supplier: str | None,
             recipient: str | None = None, publisher: str | None = None) -> Firmness:
    """Confirmed, reported, claimed or denied, from the event's kind, date basis and attribution.

    Denials are denied; a party speaking for itself confirms; a named third party claims; the publisher's
    own reporting is reported; a claim or a statement with nobody named is claimed by unnamed sources;
    a dated agreement with nobody named is public, so confirmed.
    """
    who = _cell(attributed_to)
    supplier = _cell(supplier) or "the supplier"
    publisher = _cell(publisher)
    parties = (supplier, _cell(recipient))

    def made(level: str, whom: str, sentence: str) -> Firmness:
        symbol, label = FIRMNESS_LEVELS[level]
        return Firmness(level, symbol, label, whom, sentence)

    if kind == "denial":
        if who and not any(speaks_for(who, p) for p in parties):
            return made("denied", supplier, f"Denied by {supplier} (source: {who})")
        return made("denied", who or supplier, f"Denied by {who or supplier}")
    if who and any(speaks_for(who, p) for p in parties):
        return made("confirmed", who, f"Confirmed by {who}")
    if who and publisher and who.lower() == publisher.lower():
        return made("reported", who, f"Reported by {who}")
    if who:
        return made("claimed", who, f"Claimed by {who}")
    if kind in ("claim", "plan") or date_basis == "statement":
        whom = f"unnamed sources quoted by {publisher}" if publisher else "unnamed sources"
        return made("claimed", whom, f"Claimed by {whom}")
    if kind == "agreement" and date_basis == "event":
        both = " and ".join(p for p in parties if p)
        return made("confirmed", both, f"Confirmed: made in public by {both}")
    whom = publisher or "the press"
    return made("reported", whom, f"Reported by {whom}")


@dataclass(frozen=True, slots=True)
class SourceRef:
    publisher: str
    headline: str | None
    published: str | None    # in words: "4 October 2024"
    url: str | None          # http(s) only


@dataclass(frozen=True, slots=True)
class Step:
    number: int              # 1-based
    total: int
    event_id: str
    date: str | None         # TIMEX3 value, for the timeline
    date_words: str
    date_note: str
    sentence: str
    firmness: Firmness
    source: SourceRef | None
    also: tuple[str, ...]    # further publishers of the same fact

    @property
    def progress(self) -> str:
        return f"{self.number} of {self.total}"


def source_ref(row: Mapping[str, object]) -> SourceRef | None:
    """The first source of an event row of events_with_sources(); None when it has none."""
    publisher = _cell(row.get("publisher"))
    if not publisher:
        return None
    published = _cell(row.get("published"))
    url = _cell(row.get("url"))
    return SourceRef(
        publisher=publisher, headline=_cell(row.get("headline")),
        published=date_words(published) if published else None,
        url=url if url and re.fullmatch(r"https?://\S+", url) else None,
    )


def build_steps(events: pd.DataFrame) -> list[Step]:
    """One step per row, in the order given (use story_events first)."""
    steps: list[Step] = []
    total = len(events)
    for n, row in enumerate(events.to_dict("records"), start=1):
        source = source_ref(row)
        publishers = [p.strip() for p in (_cell(row.get("publishers")) or "").split(";") if p.strip()]
        steps.append(Step(
            number=n, total=total, event_id=str(row["id"]), date=_cell(row.get("date")),
            date_words=date_words(_cell(row.get("date"))), date_note=date_basis_note(_cell(row.get("date_basis"))),
            sentence=what_happened(row),
            firmness=firmness(_cell(row.get("kind")), _cell(row.get("date_basis")), _cell(row.get("attributed_to")),
                              _cell(row.get("supplier")), _cell(row.get("recipient")),
                              source.publisher if source else None),
            source=source,
            also=tuple(p for p in dict.fromkeys(publishers) if not source or p != source.publisher),
        ))
    return steps


def step_number(value: object, total: int) -> int:
    """A 1-based step from a URL value ("3", "last"), kept within 1..total; 1 for anything else."""
    if total < 1:
        return 1
    text = str(value).strip().lower() if value is not None else ""
    if text == "last":
        return total
    try:
        n = int(text)
    except ValueError:
        return 1
    return min(max(n, 1), total)


def story_choices(presets: Sequence[Story]) -> list[Story]:
    """What the page offers: all events, the current view, then the preset stories."""
    return [ALL_EVENTS, CURRENT_VIEW, *presets]


def step_html(step: Step, story_title: str) -> str:
    """The step as a block of HTML for st.markdown; classes are styled by the page's own CSS."""
    e = html.escape
    f = step.firmness
    basis = f' <span class="sl-basis">({e(step.date_note)})</span>' if step.date_note else ""
    parts = [
        f'<section class="sl-step" aria-live="polite" data-event-id="{e(step.event_id)}">',
        f'<p class="sl-progress"><span class="sl-count">{e(step.progress)}</span> · {e(story_title)}</p>',
        f'<p class="sl-date">{e(step.date_words)}{basis}</p>',
        f'<p class="sl-what">{e(step.sentence)}</p>',
        f'<p class="sl-firm"><span class="sl-badge sl-{e(f.level)}">{e(f.symbol)} {e(f.label)}</span> '
        f'{e(f.sentence)}</p>',
    ]
    src = step.source
    if src:
        headline = e(src.headline or "article")
        link = f'<a href="{e(src.url)}" target="_blank" rel="noopener">{headline}</a>' if src.url else headline
        when = f", {e(src.published)}" if src.published else ""
        also = f'<br><span class="sl-also">Also: {e("; ".join(step.also))}</span>' if step.also else ""
        parts.append(f'<p class="sl-source">Source: {e(src.publisher)}{when} — “{link}”{also}</p>')
    else:
        parts.append('<p class="sl-source">Source: none recorded</p>')
    parts.append("</section>")
    return "\n".join(parts)


def story_figure(events: pd.DataFrame, steps: Sequence[Step], step: Step) -> go.Figure:
    """The timeline so far: steps up to this one shown, the current one ringed, the axis fixed to the story."""
    shown = {s.event_id for s in steps[: step.number]}
    fig = timeline_figure(events[events["id"].isin(shown)], highlight_ids=(step.event_id,))
    starts = pd.to_datetime(events["date_start"], errors="coerce").dropna()
    ends = pd.to_datetime(events["date_end"], errors="coerce").dropna() + pd.Timedelta(days=1)
    if len(starts) and len(ends):
        pad = max((ends.max() - starts.min()) / 40, pd.Timedelta(days=15))
        fig.update_xaxes(range=[starts.min() - pad, ends.max() + pad])
    legends = sorted(k for k in fig.layout.to_plotly_json() if k.startswith("legend"))
    for row, name in enumerate(legends):
        fig.update_layout({name: {"orientation": "h", "x": 0, "xanchor": "left", "y": -0.16 - 0.13 * row,
                                  "yanchor": "top", "font": {"size": 18}}})
    fig.update_layout(height=420, font={"size": 20}, margin={"t": 50, "b": 20 + 40 * len(legends)})
    fig.update_annotations(font_size=15)
    return fig
