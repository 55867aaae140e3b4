"""Command line: `python -m timeline COMMAND ...`. Thin over the library.

Each command parses its options, calls `timeline/`, and prints. The project's own errors become one line
`Error: ...` on stderr and exit status 1; nobody sees a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from timeline.errors import ExportError, InputError, TimelineError

if TYPE_CHECKING:
    import pandas as pd

    from timeline.filters import Filters

Command = Callable[[argparse.Namespace], int]


def parse_day(value: str) -> dt.date:
    """A YYYY-MM-DD (or ISO datetime) option value, or a clear error."""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"not a date: {value!r} (use YYYY-MM-DD, e.g. 2024-10-04)") from None


# --- dates -----------------------------------------------------------------------------------------------

def cmd_dates(args: argparse.Namespace) -> int:
    if args.jsonl:
        return dates_jsonl(sys.stdin, sys.stdout)
    if not args.text:
        raise InputError("give a text to tag, or --jsonl to read JSON Lines on stdin")
    from timeline.dates import find_dates

    ref = parse_day(args.ref) if args.ref else None
    mentions = find_dates(" ".join(args.text), ref)
    if not mentions:
        print("no dates found")
        return 0
    rows = [("text", "value", "grain", "first day", "last day", "mod")]
    for m in mentions:
        rows.append((m.text, m.value or m.duration or "unresolved", m.grain or "", str(m.first_day or ""),
                     str(m.last_day or ""), m.mod or ""))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
    return 0


def dates_jsonl(stdin: TextIO, stdout: TextIO) -> int:
    """One JSON object {"id","text","ref"} per input line; one {"id","mentions"} per output line."""
    from timeline.dates import find_dates

    for n, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"line {n}: not JSON ({e.msg})") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
            raise InputError(f'line {n}: expected an object with a "text" string')
        ref = parse_day(str(doc["ref"])) if doc.get("ref") else None
        mentions = [m.to_json() for m in find_dates(doc["text"], ref)]
        stdout.write(json.dumps({"id": doc.get("id"), "mentions": mentions}) + "\n")
    return 0


# --- extract ---------------------------------------------------------------------------------------------

def cmd_extract(args: argparse.Namespace) -> int:
    from timeline.pipeline import events_from_paths, format_events

    published = parse_day(args.published) if args.published else None
    events, problems = events_from_paths(args.paths, published=published)
    for p in problems:
        print(f"Error: {p}", file=sys.stderr)
    if not events and not problems:
        print("Note: no supply events found in the articles given", file=sys.stderr)
    sys.stdout.write(format_events(events, args.format))
    return 1 if problems and not events else 0


# --- export ----------------------------------------------------------------------------------------------

EXPORT_FILTERS: tuple[tuple[str, str, str], ...] = (
    ("--supplier", "suppliers", "supplier (repeat for several)"),
    ("--recipient", "recipients", "recipient"),
    ("--item-class", "item_classes", "item class: ammunition, missiles, drones, ..."),
    ("--kind", "kinds", "kind: shipment, agreement, claim, denial, deployment, plan, other"),
    ("--claimant", "claimants", "who says so (attributed_to)"),
    ("--publisher", "publishers", "publisher citing the event"),
    ("--precision", "grains", "date precision: day, month, year, ... or undated"),
    ("--basis", "bases", "date basis: event, statement, report, undated"),
)


def export_filters(args: argparse.Namespace) -> Filters:
    """The Filters the export options describe (the same as the sidebar's)."""
    from timeline.dataset import DATE_BASES, ITEM_CLASSES, KINDS
    from timeline.filters import Filters

    lists = {field: tuple(dict.fromkeys(getattr(args, field) or ())) for _, field, _ in EXPORT_FILTERS}
    for flag, field, allowed in (("--kind", "kinds", KINDS), ("--item-class", "item_classes", ITEM_CLASSES),
                                 ("--basis", "bases", DATE_BASES)):
        for value in lists[field]:
            if value not in allowed:
                raise InputError(f"{flag} {value!r} is not one of {', '.join(allowed)}")
    date_from = parse_day(args.date_from) if args.date_from else None
    date_to = parse_day(args.date_to) if args.date_to else None
    if date_from and date_to and date_from > date_to:
        raise InputError(f"--from {date_from} comes after --to {date_to}")
    return Filters(**lists, date_from=date_from, date_to=date_to, search=args.search or "")  # type: ignore[arg-type]


def export_table(args: argparse.Namespace) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The events and sources the app shows: the bundled data plus the user's store (reviews applied, rejected
    events left out); with --data, that folder alone; with --no-store, the bundled data alone."""
    from timeline.dataset import DATA_DIR, events_with_sources, load_events, load_sources
    from timeline.store import Store
    from timeline.table import combine, empty_events, merge_sources

    folder = args.data or DATA_DIR
    sources = load_sources(folder)
    table = events_with_sources(load_events(folder), sources)
    if args.data or args.no_store:
        return table, sources
    store = Store()
    added = store.events()
    sources = merge_sources(sources, store.sources())
    return combine(table, added if len(added) else empty_events(), sources, store.reviews()), sources


def cmd_export(args: argparse.Namespace) -> int:
    from timeline.export import default_texts, export_view, options_from
    from timeline.filters import apply_filters

    filters = export_filters(args)
    table, sources = export_table(args)
    view = apply_filters(table, filters)
    title, subtitle = default_texts(view, filters)
    options = options_from(
        filters, title=args.title if args.title is not None else title,
        subtitle=args.subtitle if args.subtitle is not None else subtitle,
        preset=args.preset, scale=args.scale, lane=args.lane,
    )
    result = export_view(view, args.format, options, sources=sources)
    if args.output == "-":
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()
        return 0
    path = Path(args.output or result.filename)
    try:
        path.write_bytes(result.data)
    except OSError as e:
        raise ExportError(f"cannot write {path}: {e.strerror or e}") from None
    print(f"wrote {path} ({len(view)} event{'s' if len(view) != 1 else ''}, {len(result.data):,} bytes)")
    return 0


def add_export_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from timeline.export import FORMATS, PRESETS, SCALES

    p = sub.add_parser("export", help="export the (filtered) timeline as a chart, a page or a data file")
    p.add_argument("--format", "-f", required=True, choices=tuple(FORMATS), help="what to write")
    p.add_argument("-o", "--output", help="file to write (default: a dated name here; '-' for stdout)")
    p.add_argument("--title", help="chart title (default: from the filters)")
    p.add_argument("--subtitle", help="chart subtitle (default: count and period)")
    p.add_argument("--preset", choices=tuple(PRESETS), default="web", help="chart size (default: web)")
    p.add_argument("--scale", choices=tuple(SCALES), default="1x", help="PNG pixel scale (default: 1x)")
    p.add_argument("--lane", choices=("supplier", "item_class", "kind", "claimant"), default="supplier",
                   help="what each row of the timeline is (default: supplier)")
    p.add_argument("--data", help="export this folder's events.csv and sources.csv alone "
                   "(default: the bundled data plus the events you added in the app)")
    p.add_argument("--no-store", action="store_true", help="leave out the events you added in the app")
    for flag, field, what in EXPORT_FILTERS:
        p.add_argument(flag, dest=field, action="append", metavar="VALUE", help=f"only this {what}")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="only events on or after this day")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="only events on or before this day")
    p.add_argument("--search", help="only events whose text holds every word")
    p.set_defaults(func=cmd_export)


# --- build ----------------------------------------------------------------------------------------------

def cmd_build(args: argparse.Namespace) -> int:
    from timeline.build import build, default_corpus

    folder = args.folder or default_corpus()
    if folder is None:
        raise InputError("give a folder of articles (the default ../shared/corpus is not there)")
    report = build(folder, out=args.out, base=args.base)
    for problem in report.problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(report.summary())
    return 0


def add_build_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from timeline.dataset import DATA_DIR

    p = sub.add_parser("build", help="re-extract a folder of articles and merge with the reviewed data")
    p.add_argument("folder", nargs="?", help="folder of articles (default: ../shared/corpus when present)")
    p.add_argument("--out", default=str(DATA_DIR), help="folder to write events.csv and sources.csv (default: data/)")
    p.add_argument("--base", help="folder of the data to merge with (default: --out when it has data, else data/)")
    p.set_defaults(func=cmd_build)


# --- wiring ----------------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m timeline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("dates", help="find and resolve the dates in a text")
    p.add_argument("text", nargs="*", help="the text to tag (omit with --jsonl)")
    p.add_argument("--ref", help="reference (publication) date, YYYY-MM-DD")
    p.add_argument("--jsonl", action="store_true", help='read {"id","text","ref"} JSON Lines on stdin')
    p.set_defaults(func=cmd_dates)

    p = sub.add_parser("extract", help="extract supply events from article files")
    p.add_argument("paths", nargs="+", help="article files (.txt, .md, .html) or folders")
    p.add_argument("--published", help="publication date, YYYY-MM-DD (else the text or sources.csv)")
    p.add_argument("--format", choices=("json", "csv", "table"), default="table")
    p.set_defaults(func=cmd_extract)

    add_export_parser(sub)
    add_build_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Command = args.func
    try:
        return func(args)
    except TimelineError as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
