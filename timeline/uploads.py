"""Adding articles a person uploads or names by folder: check the file, keep it, extract its events, store them.

Each file gets its own ImportResult (its events, or a clear error); a bad file changes nothing already saved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from timeline.dataset import event_to_row
from timeline.errors import InputError, TimelineError
from timeline.store import Store, safe_file_name

ACCEPTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 5_000_000
"""An upload larger than this is refused before it is read (a news article is rarely over 200 kB)."""
MAX_FOLDER_FILES = 500


@dataclass(slots=True)
class ImportResult:
    name: str
    events: int = 0
    error: str | None = None
    source_id: str | None = None
    headline: str | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None

    def line(self) -> str:
        """One line a person can read: what the file gave, or what is wrong with it."""
        if self.error:
            error = self.error.removeprefix(f"{self.name}: ")
            return f"{self.name}: {error}"
        what = f"{self.events} event{'s' if self.events != 1 else ''}"
        extra = f" ({'; '.join(self.problems[:3])})" if self.problems else ""
        return f"{self.name}: {what}{extra}"


def check_upload(name: str, raw: bytes) -> None:
    """Refuse what cannot be an article before anything is parsed or written."""
    if Path(name).suffix.lower() not in ACCEPTED_SUFFIXES:
        raise InputError(f"not an article file: only {', '.join(ACCEPTED_SUFFIXES)} are read")
    if not raw.strip():
        raise InputError("the file is empty")
    if len(raw) > MAX_BYTES:
        raise InputError(f"the file is {len(raw) / 1e6:.1f} MB; articles over {MAX_BYTES / 1e6:.0f} MB are refused")
    if b"\x00" in raw[:4096]:
        raise InputError("the file is binary, not text")


def import_bytes(store: Store, name: str, raw: bytes, published: dt.date | None = None) -> ImportResult:
    """Check, keep and extract one article; every user-caused failure is an error line, never an exception."""
    from timeline.articles import parse_article
    from timeline.pipeline import events_from_paths

    shown = Path(name).name or name
    safe = safe_file_name(shown)
    try:
        check_upload(shown, raw)
        article = parse_article(raw, safe, published=published)
        existed = (store.uploads / safe).exists()
        path = store.save_file(safe, raw)
        try:
            events, problems = events_from_paths([path], published=published)
        except TimelineError:
            if not existed:
                path.unlink(missing_ok=True)
            raise
        source_id = path.stem
        rows = [event_to_row(e, source_id) for e in events]
        source = {
            "source_id": source_id, "publisher": article.publisher or "unknown",
            "headline": article.headline or shown, "url": article.url,
            "published": article.published.isoformat() if article.published else None, "file": path.name,
        }
        store.add_article(source, rows)
    except TimelineError as e:
        return ImportResult(shown, error=str(e).replace(f"{safe}: ", "", 1))
    return ImportResult(shown, events=len(rows), source_id=source_id, headline=source["headline"],
                        problems=[str(p).replace(f"{path}: ", "") for p in problems])


def article_files(folder: str | Path) -> list[Path]:
    """The article files directly inside a folder the user named, sorted by name."""
    text = str(folder).strip()
    if not text:
        raise InputError("type the path of a folder that holds .txt, .md or .html articles")
    path = Path(text).expanduser()
    if not path.is_dir():
        raise InputError(f"{path} is not a folder on this computer")
    files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ACCEPTED_SUFFIXES)
    if not files:
        raise InputError(f"{path} holds no .txt, .md or .html files")
    if len(files) > MAX_FOLDER_FILES:
        raise InputError(f"{path} holds {len(files)} articles; add at most {MAX_FOLDER_FILES} at a time")
    return files


def import_path(store: Store, path: Path, published: dt.date | None = None) -> ImportResult:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return ImportResult(path.name, error=f"the file is {size / 1e6:.1f} MB; articles over "
                                                 f"{MAX_BYTES / 1e6:.0f} MB are refused")
        raw = path.read_bytes()
    except OSError as e:
        return ImportResult(path.name, error=f"cannot read it ({e.strerror or e})")
    return import_bytes(store, path.name, raw, published=published)
