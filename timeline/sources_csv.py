"""`sources.csv`: what a curator knows about each article file (publisher, headline, date, address).

Columns: file,publisher,headline,published,url. Only `file` is required; an empty cell means unknown.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import DataError

SOURCES_FILE = "sources.csv"
COLUMNS = ("file", "publisher", "headline", "published", "url")


@dataclass(frozen=True, slots=True)
class SourceInfo:
    publisher: str | None = None
    headline: str | None = None
    published: dt.date | None = None
    url: str | None = None


def read_sources_csv(path: str | Path) -> dict[str, SourceInfo]:
    """Rows of a sources.csv keyed by file name; DataError names the file, row and field at fault."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise DataError(f"{path}: cannot read it ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise DataError(f"{path}: not UTF-8 text; save it as UTF-8 CSV") from None
    return parse_sources_csv(text, str(path))


def parse_sources_csv(text: str, name: str = SOURCES_FILE) -> dict[str, SourceInfo]:
    """The same as read_sources_csv, from the file's text."""
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        rows = list(reader)
    except csv.Error as e:
        raise DataError(f"{name}: not valid CSV ({e})") from None
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "file" not in header:
        raise DataError(f"{name}: the header has no 'file' column (expected {','.join(COLUMNS)})")
    sources: dict[str, SourceInfo] = {}
    for n, row in enumerate(rows, 2):
        cells = {(k or "").strip().lower(): (v or "").strip() if isinstance(v, str) else "" for k, v in row.items()}
        file = cells.get("file", "")
        if not file:
            continue
        published = None
        if cells.get("published"):
            try:
                published = dt.date.fromisoformat(cells["published"][:10])
            except ValueError:
                raise DataError(
                    f"{name}, row {n}, field 'published': {cells['published']!r} is not a date (use YYYY-MM-DD)"
                ) from None
        sources[file] = SourceInfo(
            publisher=cells.get("publisher") or None,
            headline=cells.get("headline") or None,
            published=published,
            url=cells.get("url") or None,
        )
    return sources


def source_for(sources: Mapping[str, SourceInfo], name: str) -> SourceInfo | None:
    """The entry for a file name: exact name first, then the same stem (an .html saved beside its .txt)."""
    info = sources.get(name) or sources.get(Path(name).name)
    if info is None:
        stem = Path(name).stem
        info = next((v for k, v in sources.items() if Path(k).stem == stem), None)
    return info
