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
from typing import TextIO

from timeline.errors import InputError, TimelineError

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
        rows.append((m.text, m.value or "unresolved", m.grain or "", str(m.first_day or ""),
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
    sys.stdout.write(format_events(events, args.format))
    return 1 if problems and not events else 0


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
