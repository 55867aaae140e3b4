"""From decoded text to paragraph lines and page metadata, one function per file format.

`.txt` is read line by line (hard-wrapped paragraphs are joined), `.md` loses its markup, and a saved web
page goes through trafilatura (main text, title, site name, address) and htmldate (publication date from
the page's own metadata only, never guessed from the text).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from timeline.datelines import parse_dateline
from timeline.decoding import split_lines

# A hard-wrapped .txt: most lines fill a width of at most this many characters.
MAX_WRAP_WIDTH = 100
# A line at least this share of the width was cut by the wrapping, not by the writer.
WRAPPED_LINE_SHARE = 0.6
# A page whose extracted text has no line this long holds links and labels, not an article.
MIN_PARAGRAPH_WORDS = 5


class FormatError(ValueError):
    """The text cannot be turned into paragraphs (no main text in a page); the message says why."""


@dataclass(slots=True)
class Page:
    lines: list[str]
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: dt.date | None = None
    meta: dict[str, str] = field(default_factory=dict)


# --- plain text --------------------------------------------------------------------------------------------

def page_from_text(text: str) -> Page:
    """Lines of a .txt file; hard-wrapped paragraphs (every line cut near one width) are joined."""
    return Page(lines=unwrap(split_lines(text)))


def unwrap(lines: list[str]) -> list[str]:
    """Join the lines of hard-wrapped paragraphs; leave a file of one paragraph per line alone."""
    lengths = [len(line.strip()) for line in lines if line.strip()]
    width = max(lengths, default=0)
    if len(lengths) < 4 or width > MAX_WRAP_WIDTH:
        return lines
    long_lines = sum(1 for n in lengths if n >= WRAPPED_LINE_SHARE * width)
    if long_lines < 0.5 * len(lengths):
        return lines
    blank_paragraphs = any(not line.strip() for line in lines)
    out: list[str] = []
    joinable = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            out.append("")
            joinable = False
            continue
        if joinable and out and (blank_paragraphs or not out[-1].endswith(tuple(".!?:\"'"))):
            prev = out[-1]
            out[-1] = prev + stripped if prev.endswith("-") and stripped[:1].islower() else f"{prev} {stripped}"
        else:
            out.append(stripped)
        joinable = len(stripped) >= WRAPPED_LINE_SHARE * width
    return out


# --- Markdown ----------------------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_KEYS = {
    "title": "title", "headline": "title",
    "date": "published", "published": "published", "pubdate": "published", "publication_date": "published",
    "publisher": "publisher", "source": "publisher", "site": "publisher", "site_name": "publisher",
    "url": "url", "link": "url", "canonical": "url", "canonical_url": "url",
}
_HIDDEN_HTML = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_SPACES = re.compile(r"[ \t]{2,}")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_INLINE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^<>\s]+)>"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])"), r"\1"),
]


def page_from_markdown(text: str) -> Page:
    """Paragraph lines of a Markdown file without its markup; YAML front matter gives metadata."""
    page = Page(lines=[])
    m = _FRONT_MATTER.match(text)
    if m:
        _read_front_matter(m.group(1), page)
        text = text[m.end():]
    text = _HIDDEN_HTML.sub("", text)
    paragraph: list[str] = []
    in_fence = False

    def flush() -> None:
        if paragraph:
            page.lines.append(_inline(" ".join(paragraph)))
            paragraph.clear()

    for raw in split_lines(text):
        if _FENCE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        if in_fence or _REF_DEF.match(raw):
            continue
        if not raw.strip() or _RULE.match(raw) and not paragraph:
            flush()
            continue
        if _SETEXT.match(raw) and paragraph:
            heading = _inline(" ".join(paragraph))
            paragraph.clear()
            page.lines.append(heading)
            if raw.strip().startswith("=") and page.title is None:
                page.title = heading
            continue
        heading_m = _HEADING.match(raw)
        if heading_m:
            flush()
            heading = _inline(heading_m.group(2))
            page.lines.append(heading)
            if len(heading_m.group(1)) == 1 and page.title is None:
                page.title = heading
            continue
        line = _QUOTE.sub("", raw)
        if _ITEM.match(line):
            flush()
            line = _ITEM.sub("", line, count=1)
        paragraph.append(line.strip())
        if raw.endswith(("  ", "\\")):
            flush()
    flush()
    return page


def _inline(text: str) -> str:
    text = _TAG.sub("", text)
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    return _SPACES.sub(" ", text.rstrip("\\")).strip()


def _read_front_matter(block: str, page: Page) -> None:
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        value = value.strip().strip("'\"").strip()
        field_name = _FRONT_KEYS.get(key.strip().lower())
        if not sep or not value or field_name is None:
            continue
        page.meta[key.strip().lower()] = value
        if field_name == "published":
            if page.published is None:
                printed = parse_dateline(value)
                page.published = _iso_day(value) or (printed[0] if printed else None)
        elif getattr(page, field_name) is None:
            setattr(page, field_name, value)


def _iso_day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


# --- saved web page ----------------------------------------------------------------------------------------

def page_from_html(text: str) -> Page:
    """Main text and metadata of a saved web page (trafilatura); scripts and styles never reach the text."""
    from lxml import etree
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    params = {"extensive_search": False, "original_date": True, "max_date": dt.date.today().isoformat()}
    try:
        tree = load_html(text)
        if tree is None:
            raise FormatError("the HTML could not be parsed")
        # <noscript> and <template> text is not the story, and it pushes trafilatura onto its fallback path.
        etree.strip_elements(tree, "noscript", "template", with_tail=False)
        doc = bare_extraction(tree, with_metadata=True, include_comments=False, include_images=False,
                              favor_recall=True, date_extraction_params=params)
    except FormatError:
        raise
    except Exception as e:  # lxml and trafilatura raise many kinds of errors on broken markup
        raise FormatError(f"the HTML could not be parsed ({type(e).__name__})") from None
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not any(len(line.split()) >= MIN_PARAGRAPH_WORDS for line in body.splitlines()):
        raise FormatError("no main text was found in the page (is it an index page, or saved before it loaded?)")
    return Page(
        lines=split_lines(body),
        title=_clean(doc.title),
        publisher=_clean(doc.sitename),
        url=_clean(doc.url),
        published=_iso_day(doc.date) if doc.date else None,
        meta={k: v for k, v in (("author", doc.author), ("hostname", doc.hostname)) if isinstance(v, str) and v},
    )


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def looks_like_html(text: str) -> bool:
    """A .txt that is really a saved page starts with a doctype or an <html> tag."""
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))
