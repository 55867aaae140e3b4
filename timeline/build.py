"""Rebuilding the bundled data: re-extract events from a folder of articles and merge them with reviewed rows.

INTERFACE (cli.py calls this):
    build(folder, out=DATA_DIR, base=None, extract=None) -> BuildReport
    merge_rows(base_rows, fresh_rows, rebuilt) -> (rows, dropped)     the merge rule, no I/O

The merge rule: rows a person wrote (origin=manual) or reviewed (reviewed=true) are kept as they are and win
over re-extracted rows with the same id, or with the same fact from the same article; extracted rows not yet
reviewed are replaced by this run's extraction for the articles in the folder and kept for other articles.
Extracted ids come from timeline.events.event_id, so a rebuild gives the same ids and reviews survive it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline.dataset import (
    DATA_DIR,
    EVENT_COLUMNS,
    EVENTS_FILE,
    ITEM_CLASSES,
    KINDS,
    MAX_DATE_TEXT,
    ROOT,
    SOURCE_COLUMNS,
    SOURCES_FILE,
    check_events,
    check_sources,
    event_to_row,
    label,
    read_rows,
    sort_events,
    sort_sources,
    split_ids,
    write_rows,
)
from timeline.errors import InputError
from timeline.events import Event
from timeline.timex import grain_of, interval_of

Row = dict[str, str]
Extractor = Callable[[Sequence[Path]], tuple[list[Event], list[str]]]

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
KIND_GROUPS = {"denial": "denial", "plan": "plan", "agreement": "agreement"}   # the rest assert a supply


@dataclass(frozen=True, slots=True)
class BuildReport:
    out: Path
    events: int                 # rows written
    sources: int
    extracted: int              # rows this run's extraction produced
    added: int                  # of those, written (the rest were reviewed facts already)
    problems: tuple[str, ...] = field(default_factory=tuple)

    def summary(self) -> str:
        return (f"{self.events} events and {self.sources} sources written to {label(self.out)} "
                f"({self.extracted} extracted, {self.added} new or refreshed, "
                f"{self.extracted - self.added} already reviewed)")


def default_corpus() -> Path | None:
    """The shared sample articles beside the repository, when present."""
    path = ROOT.parent / "shared" / "corpus"
    return path if path.is_dir() else None


def build(folder: Path | str, out: Path | str = DATA_DIR, base: Path | str | None = None,
          extract: Extractor | None = None) -> BuildReport:
    """Re-extract the folder's articles, merge with the base data (default: out when it has data, else
    data/), check everything, then write out/events.csv and out/sources.csv."""
    folder, out = Path(folder), Path(out)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder of articles")
    if base is None:
        base = out if (out / EVENTS_FILE).is_file() else DATA_DIR
    base = Path(base)
    base_sources = read_rows(base / SOURCES_FILE, SOURCE_COLUMNS) if (base / SOURCES_FILE).is_file() else []
    base_events = read_rows(base / EVENTS_FILE, EVENT_COLUMNS) if (base / EVENTS_FILE).is_file() else []

    files = sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    events, problems = (extract or _pipeline)([folder])
    events = [ev for ev in events if ev.article_id]
    sources, by_article = merge_sources(base_sources, events, files)
    fresh = [event_row(ev, by_article) for ev in events]
    rebuilt = {by_article[Path(f).stem] for f in files if Path(f).stem in by_article}
    rows, dropped = merge_rows(base_events, fresh, rebuilt)

    rows, sources = sort_events(rows), sort_sources(sources)
    for n, row in enumerate(rows, start=2):
        row["_row"] = str(n)
    for n, row in enumerate(sources, start=2):
        row["_row"] = str(n)
    check_sources(sources, label(out / SOURCES_FILE))
    check_events(rows, label(out / EVENTS_FILE), {s["source_id"] for s in sources})
    write_rows(out / SOURCES_FILE, sources, SOURCE_COLUMNS)
    write_rows(out / EVENTS_FILE, rows, EVENT_COLUMNS)
    return BuildReport(out=out, events=len(rows), sources=len(sources), extracted=len(fresh),
                       added=len(fresh) - dropped, problems=tuple(problems))


def _pipeline(paths: Sequence[Path]) -> tuple[list[Event], list[str]]:
    try:
        from timeline.pipeline import events_from_paths

        return events_from_paths(list(paths))
    except ImportError as e:
        raise InputError(f"the extraction pipeline cannot be loaded ({e})") from None


# --- sources ---------------------------------------------------------------------------------------------

def merge_sources(base: Iterable[Mapping[str, str]], events: Iterable[Event],
                  files: Iterable[str]) -> tuple[list[Row], dict[str, str]]:
    """The base sources plus a row for each cited article not yet listed; and article id -> source_id."""
    rows = [{c: r.get(c, "") for c in SOURCE_COLUMNS} for r in base]
    by_article = {Path(r["file"]).stem: r["source_id"] for r in rows if r["file"]}
    names = {Path(f).stem: f for f in files}
    taken = {r["source_id"] for r in rows}
    for citation in _citations(events):
        article = str(citation.get("article_id") or "")
        if not article or article in by_article:
            continue
        sid = _free_id(_slug(article), taken)
        taken.add(sid)
        by_article[article] = sid
        rows.append({
            "source_id": sid, "publisher": _text(citation.get("publisher")) or "unknown",
            "headline": _text(citation.get("headline")) or names.get(article, article),
            "published": _text(citation.get("published"))[:10], "url": _text(citation.get("url")),
            "file": names.get(article, ""),
        })
    return rows, by_article


def _citations(events: Iterable[Event]) -> Iterable[Mapping[str, object]]:
    for ev in events:
        yield {"article_id": ev.article_id, "publisher": ev.publisher, "headline": ev.headline,
               "published": ev.published, "url": ev.url}
        yield from ev.sources


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _slug(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-._")
    return slug or "article"


def _free_id(sid: str, taken: set[str]) -> str:
    n, candidate = 2, sid
    while candidate in taken:
        candidate, n = f"{sid}-{n}", n + 1
    return candidate


# --- events ----------------------------------------------------------------------------------------------

def event_row(ev: Event, by_article: Mapping[str, str]) -> Row:
    """A CSV row for an extracted event: every citation's source_id and evidence offsets, never the text;
    the date fields made to agree with the TIMEX value (an unknown value leaves the event undated)."""
    first = by_article.get(str(ev.article_id), _slug(str(ev.article_id)))
    row = event_to_row(ev, first)
    ids, evidence = [first], [row["evidence"]] if row["evidence"] else []
    for src in ev.sources:
        sid = by_article.get(str(src.get("article_id")))
        if sid is None or sid in ids:
            continue
        ids.append(sid)
        start, end = src.get("sentence_start"), src.get("sentence_end")
        if isinstance(start, int) and isinstance(end, int) and start < end:
            evidence.append(f"{sid}:{start}-{end}")
    row.update(source_ids=";".join(ids), evidence=";".join(evidence), origin="extracted", reviewed="false")
    row["note"] = ""
    if row["item_class"] not in ITEM_CLASSES:
        row["item_class"] = "other"
    if row["kind"] not in KINDS:
        row["kind"] = "other"
    row["date_text"] = row["date_text"][:MAX_DATE_TEXT]
    span = interval_of(row["date"]) if row["date"] else None
    if span is None or row["date_basis"] == "undated":
        row.update(date="", grain="", date_start="", date_end="", date_basis="undated")
    else:
        row.update(grain=grain_of(row["date"]) or "", date_start=span[0].isoformat(), date_end=span[1].isoformat())
    return row


def merge_rows(base: Iterable[Mapping[str, str]], fresh: Iterable[Mapping[str, str]],
               rebuilt: set[str]) -> tuple[list[Row], int]:
    """The merged rows, and how many fresh rows were dropped because a kept row already holds them."""
    kept = [{c: r.get(c, "") for c in EVENT_COLUMNS} for r in base
            if _protected(r) or not set(split_ids(r.get("source_ids")))
            & rebuilt]
    ids = {r["id"] for r in kept}
    reviewed = [r for r in kept if _protected(r)]
    dropped = 0
    for raw in fresh:
        row = {c: raw.get(c, "") for c in EVENT_COLUMNS}
        if row["id"] in ids or any(_same_fact(r, row) for r in reviewed):
            dropped += 1
            continue
        ids.add(row["id"])
        kept.append(row)
    return kept, dropped


def _protected(row: Mapping[str, str]) -> bool:
    return row.get("reviewed") == "true" or row.get("origin") == "manual"


def _same_fact(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    """One article's fact: a shared source, the same supplier, class and kind of statement, and dates that
    can be the same (overlapping, or either undated or placed at the report date)."""
    if not set(split_ids(a["source_ids"])) & set(split_ids(b["source_ids"])):
        return False
    if (a["supplier"], a["item_class"]) != (b["supplier"], b["item_class"]):
        return False
    if KIND_GROUPS.get(a["kind"], "asserted") != KIND_GROUPS.get(b["kind"], "asserted"):
        return False
    if "undated" in (a["date_basis"], b["date_basis"]) or "report" in (a["date_basis"], b["date_basis"]):
        return True
    return a["date_start"] <= b["date_end"] and b["date_start"] <= a["date_end"]
