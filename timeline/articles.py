"""Reading one article file (.txt, .md, .html) into a clean Article record.

INTERFACE (stable; others build on it):
    read_article(path, published=None, sources=None) -> Article
    parse_article(raw: bytes, name: str, published=None, sources=None, url=None) -> Article
    read_sources_csv(path) -> dict[str, SourceInfo]          (re-exported from timeline.sources_csv)

Article.text is the cleaned story: one paragraph per line, paragraphs separated by a blank line, ASCII
quotes and dashes, single spaces; the headline, a dateline line of its own and page furniture (kept in
`dropped`, with `dropped_reasons`) are not part of it. A wire dateline opening a paragraph ("MINSK,
15 March 2023 - ...") stays in the text. Sentence offsets index into it: text[s.start:s.end] == s.text.

Publication date, first found wins: the caller's date; a dateline printed in the text; the page's own
metadata (HTML meta tags or JSON-LD, Markdown front matter); sources.csv; an "Updated ..." dateline; else
unknown. What the article prints is what its readers saw, and page metadata is written by the publisher's
system, while a curator's sources.csv is often filled in afterwards from elsewhere, so it only fills a gap;
an "Updated" dateline is explicitly not the first publication, so any other source beats it. Every date
found is kept in `published_candidates`, so disagreements can be shown. read_article looks for a
sources.csv beside the file when `sources` is None; pass {} to ignore it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from timeline.boilerplate import Dropped, filter_lines
from timeline.datelines import Dateline, find_dateline
from timeline.decoding import DecodeError, declared_charset, decode, normalise_line, normalise_lines
from timeline.errors import ArticleError
from timeline.formats import (
    FormatError,
    Page,
    looks_like_html,
    page_from_html,
    page_from_markdown,
    page_from_text,
)
from timeline.sentences import split_sentences
from timeline.sources_csv import SOURCES_FILE, SourceInfo, read_sources_csv, source_for

__all__ = [
    "MAX_ARTICLE_BYTES", "SUPPORTED_SUFFIXES", "Article", "PublishedSource", "Sentence", "SourceInfo",
    "parse_article", "read_article", "read_sources_csv",
]

PublishedSource = Literal["text", "metadata", "sources.csv", "caller", "unknown"]

# Larger files are refused: a news article is a few kilobytes, a saved page a few hundred.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
SUPPORTED_SUFFIXES: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
}
# The headline is looked for among this many lines from the top.
HEADLINE_WINDOW = 5
HEADLINE_WORDS = (3, 30)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Article:
    id: str                       # file stem, e.g. "000_a6e8e7abecd39d3d"
    path: str | None
    text: str                     # the cleaned story text; Sentence offsets point into it
    sentences: list[Sentence]
    headline: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_source: PublishedSource = "unknown"
    dateline: str | None = None   # the printed dateline, e.g. "2 November 2022, 15:01" or "MINSK, 15 March 2023"
    dropped: list[str] = field(default_factory=list)  # lines removed as not the story
    dropped_reasons: list[str] = field(default_factory=list)  # why, one per line of `dropped`
    published_candidates: dict[str, dt.date] = field(default_factory=dict)  # every date found, by source
    format: str = "txt"           # txt, md or html
    encoding: str = "utf-8"       # what the bytes were decoded as


def read_article(
    path: str | Path,
    published: dt.date | None = None,
    sources: Mapping[str, SourceInfo] | None = None,
) -> Article:
    """Read one article file. With `sources` None, a sources.csv beside the file is used if there is one;
    pass {} to ignore it."""
    path = Path(path)
    _format_of(path.name)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ArticleError(f"{path}: not a file (give an article file, .txt, .md or .html)")
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(_too_large(path, size))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except OSError as e:
        raise ArticleError(f"{path}: cannot read it ({e.strerror or e})") from None
    if sources is None:
        sources = _sources_beside(path)
    article = parse_article(raw, str(path), published=published, sources=sources)
    article.path = str(path)
    return article


def parse_article(
    raw: bytes,
    name: str,
    published: dt.date | None = None,
    sources: Mapping[str, SourceInfo] | None = None,
    url: str | None = None,
) -> Article:
    """Parse the bytes of an article file called `name` (a file name or path: its extension says the
    format, its stem is the id, errors name it)."""
    kind = _format_of(name)
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(_too_large(name, len(raw)))
    if not raw.strip():
        raise ArticleError(f"{name}: the file is empty" if not raw else f"{name}: the file holds only blank space")
    try:
        text, encoding = decode(raw, declared_charset(raw) if kind == "html" else None)
    except DecodeError as e:
        raise ArticleError(f"{name}: cannot read it as text: {e}") from None
    if not text.strip():
        raise ArticleError(f"{name}: the file holds only blank space")
    if kind == "txt" and looks_like_html(text):
        kind = "html"
    try:
        page = {"txt": page_from_text, "md": page_from_markdown, "html": page_from_html}[kind](text)
    except FormatError as e:
        raise ArticleError(f"{name}: {e}") from None
    source = source_for(sources, name) if sources else None
    article = _build(page, name, published, source, url)
    article.format, article.encoding = kind, encoding
    return article


def _sources_beside(path: Path) -> Mapping[str, SourceInfo]:
    """The sources.csv in the article's folder, read once per version of the file."""
    beside = path.parent / SOURCES_FILE
    try:
        stat = beside.stat()
    except OSError:
        return {}
    return _read_sources_cached(str(beside.resolve()), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=32)
def _read_sources_cached(path: str, mtime_ns: int, size: int) -> Mapping[str, SourceInfo]:
    return MappingProxyType(read_sources_csv(path))


def _format_of(name: str) -> str:
    kind = SUPPORTED_SUFFIXES.get(Path(name).suffix.lower())
    if kind is None:
        wanted = ", ".join(SUPPORTED_SUFFIXES)
        raise ArticleError(f"{name}: unsupported file type {Path(name).suffix or '(none)'!r}; use one of {wanted}")
    return kind


def _too_large(name: str | Path, size: int) -> str:
    return (f"{name}: {size / 1_048_576:.1f} MB is too large for one article "
            f"(limit {MAX_ARTICLE_BYTES / 1_048_576:.0f} MB); save just the article")


def _build(page: Page, name: str, published: dt.date | None, source: SourceInfo | None,
           url: str | None) -> Article:
    lines = [line for line in normalise_lines(page.lines) if line]
    kept, dropped = filter_lines(lines)
    story, where = [lines[i] for i in kept], list(kept)
    dateline = find_dateline(story)
    if dateline is not None and not dateline.inline:
        del story[dateline.index], where[dateline.index]
    title = normalise_line(page.title) if page.title else None
    listed_headline = normalise_line(source.headline) if source and source.headline else None
    known = [t for t in (title, listed_headline) if t]
    headline_index = _headline_index(story, known, detect=page.title is None)
    headline = story.pop(headline_index) if headline_index is not None else None
    if headline is not None and headline_index is not None:
        where.pop(headline_index)
        _restore_lead_that_repeats(headline, headline_index, story, where, dropped)
    if not story:
        reasons = sorted({d.reason for d in dropped})
        raise ArticleError(f"{name}: no story text found"
                           + (f" (dropped as not the story: {', '.join(reasons)})" if reasons else ""))
    text = "\n\n".join(story)
    article = Article(
        id=Path(name).stem,
        path=None,
        text=text,
        sentences=[Sentence(s, e, text[s:e]) for s, e in split_sentences(text)],
        headline=_first(listed_headline, title, headline),
        publisher=_first(source and source.publisher, page.publisher),
        url=_first(url, source and source.url, page.url),
        dateline=dateline.line if dateline else None,
        dropped=[d.line for d in dropped],
        dropped_reasons=[d.reason for d in dropped],
    )
    _date(article, published, dateline, page.published, source.published if source else None)
    return article


def _restore_lead_that_repeats(headline: str, at: int, story: list[str], where: list[int], dropped: list[Dropped]) -> None:
    """A first paragraph that repeats the headline word for word is the story's lead, not a repeat: once the
    headline is set apart, the paragraph goes back into the story (a copy further down stays dropped)."""
    before = where[at] if at < len(where) else None
    copy = next((d for d in dropped if d.reason == "repeats an earlier line" and _key(d.line) == _key(headline)
                 and (before is None or d.index < before)), None)
    if copy is not None:
        story.insert(at, copy.line)
        dropped.remove(copy)


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def _headline_index(story: list[str], known: list[str], detect: bool) -> int | None:
    """Which line is the headline: a known title printed near the top, else (when `detect`) the first
    line that looks like one before the story starts; never the only line."""
    if len(story) < 2:
        return None
    keys = {_key(t) for t in known}
    found = next((i for i, line in enumerate(story[:HEADLINE_WINDOW]) if _key(line) in keys), None)
    if found is not None or not detect:
        return found
    for i, line in enumerate(story[:HEADLINE_WINDOW]):
        words = len(line.split())
        if HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1] and not line.endswith((".", ",", ";", ":")):
            return i
        if words > HEADLINE_WORDS[1] or len(split_sentences(line)) > 1:
            return None  # the story has started
    return None


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line.casefold()).strip()


def _date(article: Article, caller: dt.date | None, dateline: Dateline | None,
          metadata: dt.date | None, listed: dt.date | None) -> None:
    """Fill published, published_source and published_candidates by the module's precedence."""
    if isinstance(caller, dt.datetime):
        caller = caller.date()
    candidates: dict[str, dt.date] = {}
    for key, value in (("caller", caller), ("text", dateline.date if dateline else None),
                       ("metadata", metadata), ("sources.csv", listed)):
        if value is not None:
            candidates[key] = value
    order: list[PublishedSource] = ["caller", "metadata", "sources.csv", "text"]
    if dateline is not None and not dateline.updated:
        order = ["caller", "text", "metadata", "sources.csv"]
    article.published_candidates = candidates
    for key in order:
        if key in candidates:
            article.published, article.published_source = candidates[key], key
            return
