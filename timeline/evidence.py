"""The evidence behind an event: where its article file is, the sentence at the cited offsets, and that
sentence with the date phrase and the actors marked — escaped first, so no article text is ever live HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
_PIECE = re.compile(r"(?P<sid>[^:;]+):(?P<start>\d+)-(?P<end>\d+)")
MAX_SENTENCE = 2000


@dataclass(frozen=True, slots=True)
class Citation:
    source_id: str
    start: int
    end: int


def parse_evidence(cell: str | None) -> list[Citation]:
    """ "src:10-80;other:5-40" → citations; malformed pieces are skipped."""
    out: list[Citation] = []
    for piece in (cell or "").split(";"):
        m = _PIECE.fullmatch(piece.strip())
        if m and int(m["start"]) < int(m["end"]):
            out.append(Citation(m["sid"].strip(), int(m["start"]), int(m["end"])))
    return out


def find_file(name: str | None, folders: Iterable[Path]) -> Path | None:
    """The first folder holding an article file of this bare name."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    for folder in folders:
        path = Path(folder) / name
        if path.is_file():
            return path
    return None


def sentence_at(text: str, start: int, end: int) -> str | None:
    """The cited stretch of an article's text, or None when the offsets fall outside it."""
    if start < 0 or end <= start or end > len(text):
        return None
    return text[start:end].strip()[:MAX_SENTENCE] or None


@dataclass(frozen=True, slots=True)
class Mark:
    phrase: str
    kind: str  # "date" or "actor"


def spans(text: str, marks: Sequence[Mark]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, kind) of every case-insensitive occurrence; longer phrases win."""
    found: list[tuple[int, int, str]] = []
    for mark in sorted(marks, key=lambda m: -len(m.phrase)):
        phrase = mark.phrase.strip()
        if len(phrase) < 2:
            continue
        for m in re.finditer(re.escape(phrase), text, flags=re.IGNORECASE):
            if all(m.end() <= s or m.start() >= e for s, e, _ in found):
                found.append((m.start(), m.end(), mark.kind))
    return sorted(found)


def highlight(text: str, marks: Sequence[Mark]) -> str:
    """HTML of `text` with each mark in <mark class="date|actor">; every piece of text is escaped."""
    out: list[str] = []
    pos = 0
    for start, end, kind in spans(text, marks):
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark class="{kind}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


ACTOR_WORDS: dict[str, tuple[str, ...]] = {
    "North Korea": ("North Korea", "Pyongyang", "DPRK", "North Korean"),
    "Russia": ("Russia", "Moscow", "Kremlin", "Russian"),
    "Iran": ("Iran", "Tehran", "Iranian"),
    "China": ("China", "Beijing", "Chinese"),
    "Belarus": ("Belarus", "Minsk", "Belarusian"),
}
"""Other names the text may use for a country (marked as actors too)."""


def marks_for(date_text: str | None, actors: Iterable[str | None]) -> list[Mark]:
    out = [Mark(date_text, "date")] if date_text else []
    for actor in actors:
        if actor:
            out.extend(Mark(word, "actor") for word in ACTOR_WORDS.get(actor, (actor,)))
    return out
