"""From article files to one list of events: read, extract, fold repeats, format.

INTERFACE (cli.py and the app call these):
    events_from_paths(paths, published=None) -> (events, problems)   files and folders; problems are messages
    events_from_articles(articles) -> list[Event]                      extract + merge, no I/O
    merge_article(events), merge_across(events)                        the dedup rules below
    format_events(events, fmt) -> str                                  json | csv | table

One fact mentioned twice in an article is one event; the same fact reported by several outlets is one event
whose other citations are kept in Event.sources; different claims (3 million vs 5 million shells) stay apart.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from timeline.errors import InputError, TimelineError
from timeline.events import DATE_FIELDS, EVENT_FIELDS, Event, extract_events
from timeline.timex import days_between, in_week_before, interval_of

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
KIND_GROUPS = {"denial": "denial", "plan": "plan", "agreement": "agreement"}   # the rest: "asserted"
TABLE_COLUMNS = ("date", "date_basis", "supplier", "item", "quantity", "kind", "attributed_to", "publisher")
BASIS_RANK = {"event": 0, "statement": 1, "report": 2, "undated": 3}
GRAIN_RANK = ("day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade", "century")
LONG_SPAN_DAYS = 60        # a saying on one day is not the date of a fact that runs over months


def events_from_paths(paths: Sequence[str | Path], published: dt.date | None = None) -> tuple[list[Event], list[str]]:
    """Events from every article file named or inside the folders named, and a message per file that failed."""
    from timeline.articles import read_article

    problems: list[str] = []
    articles = []
    for path in article_files(paths, problems):
        try:
            articles.append(read_article(path, published=published))
        except TimelineError as e:
            problems.append(f"{path}: {e}" if str(path) not in str(e) else str(e))
    events = []
    for article in articles:
        try:
            found = extract_events(article)
        except TimelineError as e:
            problems.append(f"{article.path or article.id}: {e}")
            continue
        events.extend(merge_article(found))
    return merge_across(events), problems


def article_files(paths: Sequence[str | Path], problems: list[str]) -> list[Path]:
    """The article files among the paths (folders are searched, sources.csv and gold files skipped)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
            if not found:
                problems.append(f"{path}: no article files (.txt, .md, .html) in this folder")
            out.extend(found)
        elif path.is_file():
            out.append(path)
        else:
            problems.append(f"{path}: no such file or folder")
    return out


def events_from_articles(articles: Iterable[object]) -> list[Event]:
    events: list[Event] = []
    for article in articles:
        events.extend(merge_article(extract_events(article)))  # type: ignore[arg-type]
    return merge_across(events)


# --- merging ---------------------------------------------------------------------------------------------


def kind_group(kind: str) -> str:
    return KIND_GROUPS.get(kind, "asserted")


def merge_article(events: list[Event]) -> list[Event]:
    """Fold the mentions of one fact in one article: same supplier, class and kind of statement, dates that
    agree (one within the other, or one undated), amounts that do not differ. A vague item ("weapons")
    folds into a specific one of the same supplier."""
    events = _denials_dated_as_one(events)
    out: list[Event] = []
    buckets: dict[tuple[str, str, str], list[Event]] = {}
    for ev in events:
        if ev.note != "generic":
            _fold(out, buckets, ev, same_article=True)
    for ev in events:
        if ev.note != "generic":
            continue
        target = next((o for o in out if o.supplier == ev.supplier and kind_group(o.kind) == kind_group(ev.kind)
                       and o.note != "generic" and _dates_agree(o, ev) and not _own_span_around(ev, o)), None)
        if target is None:
            _fold(out, buckets, ev, same_article=True)
        else:
            _absorb(target, ev, same_article=True)   # "arms" on Thursday dates the undated "rockets" it folds into
    for ev in out:
        ev.note = None
    return out


def _denials_dated_as_one(events: list[Event]) -> list[Event]:
    """A supplier's denial is one statement however often the article quotes it: 'denied on Wednesday ...'
    dates the quote 'we have never exported ammunition' that has no date of its own."""
    out = []
    for ev in events:
        dated = [o for o in events if o.kind == "denial" and o.supplier == ev.supplier
                 and o.date_basis in ("event", "statement") and o.grain == "day" and in_week_before(o.date, ev.published)]
        if ev.kind == "denial" and ev.date_basis == "report" and len({o.date for o in dated}) == 1:
            ev = replace(ev, **{name: getattr(dated[0], name) for name in DATE_FIELDS})
        out.append(ev)
    return out


def merge_across(events: list[Event]) -> list[Event]:
    """Fold the same fact reported by several articles: same supplier, class, kind of statement and date."""
    out: list[Event] = []
    buckets: dict[tuple[str, str, str], list[Event]] = {}
    for ev in events:
        _fold(out, buckets, ev, same_article=False)
    return out


def _fold(out: list[Event], buckets: dict[tuple[str, str, str], list[Event]], ev: Event, same_article: bool) -> None:
    key = (ev.supplier, ev.item_class, kind_group(ev.kind))
    for kept in buckets.get(key, []):
        if _same_fact(kept, ev, same_article):
            _absorb(kept, ev, same_article)
            return
    copy = replace(ev, sources=list(ev.sources))
    out.append(copy)
    buckets.setdefault(key, []).append(copy)


def _same_fact(a: Event, b: Event, same_article: bool) -> bool:
    if (a.supplier, a.item_class, kind_group(a.kind)) != (b.supplier, b.item_class, kind_group(b.kind)):
        return False
    if same_article and a.sentence_start == b.sentence_start and a.date == b.date:
        return True    # "300,000 shells and a million rounds" in one sentence: one shipment of ammunition
    if a.quantity_value is not None and b.quantity_value is not None and a.quantity_value != b.quantity_value:
        return False
    if a.quantity and b.quantity and a.quantity_value is None and b.quantity_value is None \
            and _figures(a.quantity) != _figures(b.quantity):
        return False   # "about 90%" of microelectronics and "nearly 70%" of machine tools: two shares, two facts
    if not same_article:
        if a.article_id is not None and a.article_id == b.article_id:
            return False    # merge_article has already decided within one article
        return a.date == b.date and a.date_basis != "undated" or (a.date_basis == b.date_basis == "undated")
    if a.date_basis == "undated" or b.date_basis == "undated":
        return True
    if a.quantity_value is not None and a.quantity_value == b.quantity_value:
        return True    # "1,000 containers" told in the lead and again in a quote
    if (a.date_basis == "report") != (b.date_basis == "report"):
        reported = a if a.date_basis == "report" else b
        dated = b if reported is a else a
        return a.date == b.date or (_title_like(reported.sentence) or a.item_class == "agreement") and _nested(a, b, by_days=False) \
            or a.item_class == "agreement" and dated.grain == "day" and in_week_before(dated.date, reported.date)
    if a.date_basis == b.date_basis == "event" and "/" in str(a.date) and "/" in str(b.date) and a.date_start != b.date_start:
        return False   # "13,000 containers since 2022" and "half of them since February": two counts
    if _day_within_a_long_span(a, b) or _day_within_a_long_span(b, a):
        return False
    return _nested(a, b) or _told_days_later(a, b) or _told_days_later(b, a)


def _figures(quantity: str) -> list[str]:
    return re.findall(r"\d+(?:[.,]\d+)*", quantity)


def _day_within_a_long_span(day: Event, span: Event) -> bool:
    """'Attacking with Iranian drones since September' runs over months: a day inside it ('250 more arrived on
    Dec. 19'), or a saying on a day inside any long span, is a fact of its own."""
    covered = _days_covered(span)
    return day.grain == "day" and span.date_basis == "event" and ("/" in str(span.date) or day.date_basis == "statement") \
        and covered is not None and (covered[1] - covered[0]).days > LONG_SPAN_DAYS


def _told_days_later(fact: Event, told: Event) -> bool:
    """'X reported on Tuesday that North Korea signed the treaty' and '... signed it on Monday': the
    statement tells the dated step of a treaty a few days before."""
    if (fact.date_basis, told.date_basis) != ("event", "statement") or fact.grain != "day" or told.grain != "day" \
            or fact.item_class != "agreement":   # a strike on 2 January is not the supply told on 4 January
        return False
    days = days_between(fact.date, told.date)
    return days is not None and 0 < days <= 7



def _title_like(sentence: str | None) -> bool:
    """A headline, related link or caption line: it retells a fact the body dates, it does not add one."""
    return bool(sentence) and not sentence.rstrip().rstrip("\"'”’)").endswith((".", "!", "?", ":"))


def _dates_agree(a: Event, b: Event) -> bool:
    """'Weapons' in 2024 is not the 2022 shipment of tanks: a vague item folds only into a fact of its time."""
    return "undated" in (a.date_basis, b.date_basis) or _nested(a, b)


def _own_span_around(vague: Event, specific: Event) -> bool:
    """'10 shipments of weapons since August' is a count of its own, not the missiles told on one day in it."""
    if vague.date_basis != "event" or vague.date == specific.date:
        return False
    iv, isp = interval_of(vague.date or ""), interval_of(specific.date or "")
    return iv is not None and isp is not None and iv[0] <= isp[0] and isp[1] <= iv[1]


def _nested(a: Event, b: Event, by_days: bool = True) -> bool:
    """One date within the other: by the days each covers ("early 2025" is January to April), or by the
    values alone ("early November" is in November)."""
    if a.date == b.date:
        return True
    ia, ib = (_days_covered(a), _days_covered(b)) if by_days else (interval_of(a.date or ""), interval_of(b.date or ""))
    if ia is None or ib is None:
        return False
    return (ia[0] <= ib[0] and ib[1] <= ia[1]) or (ib[0] <= ia[0] and ia[1] <= ib[1])


def _days_covered(event: Event) -> tuple[dt.date, dt.date] | None:
    """The days an event's date covers: "early 2025" is January to April, not all of 2025."""
    try:
        if event.date_start and event.date_end:
            return dt.date.fromisoformat(event.date_start), dt.date.fromisoformat(event.date_end)
    except ValueError:
        pass
    return interval_of(event.date or "")


def _absorb(kept: Event, other: Event, same_article: bool) -> None:
    if _better_date(other, kept):
        for name in DATE_FIELDS:
            setattr(kept, name, getattr(other, name))
        if same_article:
            kept.sentence, kept.sentence_start, kept.sentence_end = other.sentence, other.sentence_start, other.sentence_end
    if kept.quantity_value is None and (other.quantity_value is not None or kept.quantity is None):
        kept.quantity, kept.quantity_value = other.quantity or kept.quantity, other.quantity_value
    if kept.attributed_to in (None, kept.publisher) and other.attributed_to not in (None, other.publisher):
        kept.attributed_to = other.attributed_to
    if kept.kind in ("claim", "other") and other.kind in ("shipment", "deployment"):
        kept.kind = other.kind
    if not same_article:
        cited = {str(s.get("article_id")) for s in kept.sources} | {str(kept.article_id)}
        for src in [_citation(other), *other.sources]:
            if str(src.get("article_id")) not in cited:
                kept.sources.append(src)
                cited.add(str(src.get("article_id")))


def _better_date(a: Event, b: Event) -> bool:
    """Is a's date better than b's: a stronger basis, then a finer grain."""
    if BASIS_RANK.get(a.date_basis, 3) != BASIS_RANK.get(b.date_basis, 3):
        return BASIS_RANK.get(a.date_basis, 3) < BASIS_RANK.get(b.date_basis, 3)
    return _grain_rank(a.grain) < _grain_rank(b.grain)


def _grain_rank(grain: str | None) -> int:
    return GRAIN_RANK.index(grain) if grain in GRAIN_RANK else len(GRAIN_RANK)


def _citation(ev: Event) -> dict[str, object]:
    return {"article_id": ev.article_id, "publisher": ev.publisher, "headline": ev.headline, "url": ev.url,
            "published": ev.published, "attributed_to": ev.attributed_to, "sentence": ev.sentence,
            "sentence_start": ev.sentence_start, "sentence_end": ev.sentence_end}


# --- output ----------------------------------------------------------------------------------------------

def format_events(events: list[Event], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([e.to_json() for e in events], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(EVENT_FIELDS)
        for e in events:
            row = e.to_json()
            writer.writerow([json.dumps(row[f], ensure_ascii=False) if f == "sources" else
                             ("" if row[f] is None else row[f]) for f in EVENT_FIELDS])
        return buf.getvalue()
    if fmt == "table":
        return _table(events)
    raise InputError(f"unknown format {fmt!r}: use json, csv or table")


def _table(events: list[Event]) -> str:
    if not events:
        return "no events\n"
    rows = [TABLE_COLUMNS]
    for e in events:
        quantity = e.quantity or ""
        rows.append((e.date or "undated", e.date_basis, e.supplier, _cut(e.item, 30), _cut(quantity, 24), e.kind,
                     _cut(e.attributed_to or "", 24), _cut(e.publisher or "", 20)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(TABLE_COLUMNS))]
    return "".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n" for r in rows)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
