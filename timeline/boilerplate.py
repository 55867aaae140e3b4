"""Lines of a saved or pasted article page that are not the story: rules as tables, not fitted to samples.

Each rule looks at one whole line (a paragraph). Keyword rules only fire on short lines, so a story
paragraph that happens to mention "cookies" or "subscription" is kept. A line that repeats another line,
or one sentence of another line (a photo caption, a standfirst repeated as the first paragraph), is
dropped too: nothing of the story is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.sentences import split_sentences


@dataclass(frozen=True, slots=True)
class Dropped:
    index: int
    line: str
    reason: str


def _norm(line: str) -> str:
    """Casefolded, with surrounding punctuation and spaces trimmed: the key that tables match."""
    return line.casefold().strip(" .:;,!?|*#>-_=~•·()[]\"'")


# Whole lines (after _norm) that are page furniture.
FURNITURE = frozenset("""
advertisement|advert|ad|ads|ad feature|advertising|sponsored|sponsored content|sponsored by|promoted|promoted content
paid content|paid post|partner content|in partnership with|commercial content
recommended|recommended for you|most read|most popular|most viewed|trending|trending now|top stories|editor's picks
related|related articles|related stories|related content|related topics|more on this story|more from|you may also like
you might also like|read more|read next|read this next|see also|more stories|more news|latest news|latest
listen|listen now|listen live|listen to this article|listen to article|listen to this story|loading|loading audio
loading video|audio|play|pause|play video|watch|watch now|watch live|watch more|video|image|photo|gallery
view gallery|expand|close|menu|search|home|back to top|skip to content|skip to main content|skip advert|jump to
show more|show less|load more|see more|continue reading|subscribe|subscribe now|sign in|log in|login|register
sign up|join|join now|donate|follow|follow us|print|email|share|share this|share this article|share article
share this story|save|save article|saved|gift article|gift this article|copy link|link copied|comments|comment
view comments|add comment|leave a comment|accept|accept all|accept cookies|reject all|manage preferences
manage cookies|cookie settings|cookie policy|privacy policy|terms|terms of use|terms and conditions|contact us
about us|topics|tags|advertise|newsletter|newsletters|story continues below|article continues below
story continues below advertisement|continue reading below|scroll to continue|more below|live updates|breaking
""".replace("\n", "|").split("|"))

SOCIAL_NETWORKS = frozenset([
    "facebook", "twitter", "x", "whatsapp", "linkedin", "reddit", "pinterest", "telegram", "flipboard",
    "messenger", "bluesky", "threads", "instagram", "tiktok", "youtube", "email", "e-mail", "mail", "print",
    "sms", "copy", "link"
])

# News agencies and photo libraries, as they appear in photo credits.
AGENCIES = frozenset("""
ap|afp|reuters|getty|getty images|pa|pa media|pa wire|pa images|epa|epa-efe|efe|shutterstock|alamy|bloomberg
nurphoto|sipa|sipa usa|rex|rex features|rex/shutterstock|anadolu|anadolu agency|tass|ria novosti|sputnik|kcna
xinhua|yonhap|dpa|ansa|associated press|agence france-presse|zuma|zuma press|zuma wire|abaca|eyevine
universal images group|wireimage|kyodo|imago|avalon|splash news|handout|supplied|planet labs|maxar
maxar technologies|ukrinform|press service|presidential press service|ap photo|reuters/|news1|korea pool
""".replace("\n", "|").split("|"))

CREDIT_PREFIX = re.compile(
    r"^\(?(?:photo(?:graph)?s?|pictures?|pic|images?|credit|photo credit|image source|source|video|footage)"
    r"(?:\s+(?:by|from|courtesy of))?\s*[:,|-]\s*\S",
    re.IGNORECASE,
)
PHOTO_BY = re.compile(r"^\(?(?:photo|picture|image)s?\s+(?:by|courtesy of)\s", re.IGNORECASE)
CREDIT_SPLIT = re.compile(r"\s*(?:/|\||;|,|\bvia\b|\band\b|&|\bfor\b)\s*", re.IGNORECASE)

# Reader-addressed paywall and account notices; searched in short lines without quotations.
PAYWALL = re.compile(
    r"\byour (?:subscription|payment|account|membership|free trial|trial|digital access|access)\b"
    r"|\bpayment details\b|\btake (?:your )?payment\b|\b(?-i:My Account)\b"
    r"|\bsubscribe (?:now|today|for|to (?:read|continue|unlock|access|get|our))\b"
    r"|\b(?:already|become) a (?:subscriber|member)\b|\bsubscribers? only\b|\bfor (?:subscribers|members) only\b"
    r"|\bexclusive to subscribers\b|\bfree articles?\b|\bunlock (?:this|the full|full|unlimited)\b"
    r"|\bunlimited (?:digital )?access\b|\b(?:sign|log) in to (?:read|continue|keep|access|comment)\b"
    r"|\bregister (?:for free|now|to (?:read|continue))\b|\bpaywall\b"
    r"|\byou(?:'ve| have) (?:reached|read) (?:your|all|\d+)\b",
    re.IGNORECASE,
)
COOKIES = re.compile(r"\bcookies?\b", re.IGNORECASE)
SITE_VOICE = re.compile(r"\b(?:we|we're|our|us|you|your|this (?:site|website))\b", re.IGNORECASE)
COOKIE_CONTEXT = re.compile(
    r"\b(?:accept|consent|we use|uses cookies|use of cookies|preferences|settings|manage|privacy|reject)\b",
    re.IGNORECASE,
)
NEWSLETTER = re.compile(r"\bnewsletters?\b|\binbox\b|\bsign up\b", re.IGNORECASE)
PROMO_PREFIX = re.compile(
    r"^(?:read more|read next|read also|also read|related|more|see also|watch|listen|explore more|more on"
    r"|click here|sign up|subscribe|topics|tags|categories|filed under|follow|most read|recommended)"
    r"\s*[:|>»-](?:\s|$)",
    re.IGNORECASE,
)
LISTEN_PREFIX = re.compile(r"^(?:listen to|play|hear) (?:this|the) (?:article|story|report|audio)\b", re.IGNORECASE)
SHARE_LINE = re.compile(r"^(?:(?:share|post|tweet|send|email|pin)(?: (?:on|to|via|by|with) [\w.+-]+)?\W*)+$", re.I)
PLAYER_TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?$")  # 0:00 / 3:45
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b", re.IGNORECASE)
READ_TIME = re.compile(r"^(?:reading time:?\s*)?\d+\s*(?:-\s*\d+\s*)?(?:min|mins|minutes?)(?:\s+(?:read|listen))?$",
                       re.IGNORECASE)
RELATIVE_STAMP = re.compile(r"^(?:updated|published|posted)?\s*\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?)"
                            r"\s+ago$", re.IGNORECASE)
LABELLED_TIME = re.compile(r"^(?:last\s+)?(?:updated|published|posted|modified)\s*:?\s*(?:at\s+)?\d{1,2}[:.]\d{2}"
                           r"\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*[a-z]{2,4})?$", re.IGNORECASE)
COUNTS = re.compile(r"^(?:\d[\d,.]*k?\s+(?:comments?|shares?|views?|likes?)|(?:comments?|shares?)\s*\(\d+\))$",
                    re.IGNORECASE)
_TIME = r"\d{1,2}(?:[:.]\d{2})?\s*(?i:am|pm|a\.m\.|p\.m\.)?"
SHOW_SLOT = re.compile(rf"^(?:[A-Z][\w'.-]*\s+){{1,5}}{_TIME}\s*(?:-|to|until)\s*{_TIME}$")
BYLINE = re.compile(r"^(?i:by|words by|written by|reporting by|report by)\s+[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3}"
                    r"(?:\s*(?:,|\band\b|&|\||-|\bin\b|\bfor\b)\s*.*)?$")
ROLES = frozenset([
    "correspondent", "editor", "reporter", "journalist", "columnist", "writer", "contributor", "staff",
    "producer", "presenter", "host", "analyst", "commentator"
])
# Alt text is only taken for such within this many lines of a photo credit.
PHOTO_CLUSTER = 3
ROLE_GLUE = frozenset(["of", "for", "and", "&", "the", "at", "in", "on"])
_TERMINAL = tuple(".!?\"'")
_HAS_WORD = re.compile(r"[^\W_]", re.UNICODE)


def reason_to_drop(line: str) -> str | None:
    """Why a single line is not story text, or None when it may be story text."""
    key = _norm(line)
    words = line.split()
    n = len(words)
    if not _HAS_WORD.search(line):
        return "no words"
    if key in FURNITURE:
        return "page furniture"
    if n <= 8 and all(_norm(w) in SOCIAL_NETWORKS or not _norm(w) for w in re.split(r"[\s|,/]+", key)):
        return "share buttons"
    if n <= 12 and (SHARE_LINE.match(key) or LISTEN_PREFIX.match(key)):
        return "share buttons" if SHARE_LINE.match(key) else "audio player"
    if PLAYER_TIME.match(key) or READ_TIME.match(key) or COUNTS.match(key):
        return "player or counter"
    if RELATIVE_STAMP.match(key) or LABELLED_TIME.match(key):
        return "timestamp"
    if n <= 25 and COPYRIGHT.search(line):
        return "copyright notice"
    if n <= 60 and '"' not in line and PAYWALL.search(line):
        return "paywall or account notice"
    if n <= 60 and '"' not in line and COOKIES.search(line) and COOKIE_CONTEXT.search(line) and (
            n <= 8 or SITE_VOICE.search(line)):
        return "cookie banner"
    if n <= 25 and (PROMO_PREFIX.match(line) or NEWSLETTER.search(line) and not line.endswith(_TERMINAL[:3])):
        return "promotion"
    if n <= 14 and _is_credit(line, key):
        return "photo credit"
    if n <= 12 and not line.endswith(_TERMINAL) and (SHOW_SLOT.match(line) or BYLINE.match(line)):
        return "byline"
    if n <= 6 and not line.endswith(_TERMINAL) and _is_role_line(words):
        return "byline"
    return None


def _is_credit(line: str, key: str) -> bool:
    if key in AGENCIES:
        return True
    if PHOTO_BY.match(line):
        return True
    if CREDIT_PREFIX.match(line) and len(line) <= 120:
        rest = key.split(":", 1)[-1] if ":" in key else key
        return any(a in rest for a in AGENCIES if len(a) > 3) or _credit_parts(rest)
    if line.endswith(_TERMINAL[:3]):
        return False
    if "/" in line and not any(c.islower() for c in line):
        return True  # JANE ROE/AFP, SAM LEE/THE DAILY PLANET
    return _credit_parts(key)


def _credit_parts(key: str) -> bool:
    """'name/agency via agency': every part an agency or a short name, and at least one agency."""
    key = key.removeprefix("©").removeprefix("(c)").strip()
    parts = [p.strip(" .()") for p in CREDIT_SPLIT.split(key) if p.strip(" .()")]
    if not parts or not any(p in AGENCIES for p in parts):
        return False
    return all(p in AGENCIES or len(p.split()) <= 4 for p in parts)


def _is_role_line(words: list[str]) -> bool:
    """'Defence Editor', 'Chief Political Correspondent', 'By our defence correspondent'."""
    if words[-1].casefold().strip(",").removesuffix("s") not in ROLES:
        return False
    if words[0].casefold() == "by":
        return True
    return all(w[:1].isupper() or w.casefold() in ROLE_GLUE for w in words)


def _is_image_description(line: str) -> bool:
    """Alt text as sites write it: 'a group of children holding flags', not a sentence, not capitalised."""
    words = line.split()
    return 4 <= len(words) <= 40 and words[0] in ("a", "an") and not line.endswith((*_TERMINAL, ":", ";", ","))


def _sentence_key(text: str) -> str:
    return text.casefold().strip(" .!?\"'")


def filter_lines(lines: list[str]) -> tuple[list[int], list[Dropped]]:
    """Indices of the lines that may be story text, and the lines dropped with their reason."""
    reasons = [reason_to_drop(line) for line in lines]
    credits = [i for i, r in enumerate(reasons) if r == "photo credit"]
    kept: list[int] = []
    dropped: list[Dropped] = []
    for i, line in enumerate(lines):
        reason = reasons[i]
        if reason is None and any(abs(i - c) <= PHOTO_CLUSTER for c in credits) and _is_image_description(line):
            reason = "image description"
        if reason:
            dropped.append(Dropped(i, line, reason))
        else:
            kept.append(i)
    return _drop_repeats(lines, kept, dropped)


def _drop_repeats(lines: list[str], kept: list[int], dropped: list[Dropped]) -> tuple[list[int], list[Dropped]]:
    """Drop a line equal to an earlier line, or to one sentence of a longer line."""
    in_longer: dict[str, int] = {}
    for i in kept:
        spans = split_sentences(lines[i])
        if len(spans) > 1:
            for start, end in spans:
                in_longer.setdefault(_sentence_key(lines[i][start:end]), i)
    seen: set[str] = set()
    result: list[int] = []
    for i in kept:
        key = _sentence_key(lines[i])
        if key in seen:
            dropped.append(Dropped(i, lines[i], "repeats an earlier line"))
        elif len(key.split()) >= 4 and in_longer.get(key, i) != i:
            dropped.append(Dropped(i, lines[i], "repeats a sentence of another line"))
        else:
            seen.add(key)
            result.append(i)
    return result, sorted(dropped, key=lambda d: d.index)
