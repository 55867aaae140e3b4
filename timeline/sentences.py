"""Split clean text into sentences, as (start, end) character spans.

A sentence never crosses a line break (the cleaner puts each paragraph on its own line). Inside a line it
ends at . ! ? (plus closing quotes and brackets) followed by a space and something that can open a
sentence, unless the word before the full stop is an abbreviation, an initial or an initialism, or the
stop is inside a quotation that closes later on the line (`"It is over. We won," she said.` is one sentence).
A stop with no space after it ends a sentence when a lower-case word runs into a capitalised one.
"""

from __future__ import annotations

import bisect
import re

# Titles and the like: never the end of a sentence.
TITLES = frozenset([
    "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "lt", "col", "sgt", "cpl", "pte", "capt", "cmdr", "maj",
    "adm", "brig", "rev", "fr", "sr", "jr", "st", "mt", "hon", "gov", "sen", "rep", "pres", "supt", "insp",
    "det", "amb", "messrs", "mme", "mlle", "approx", "ca", "cf", "vs", "v", "viz", "dept", "univ", "assn",
    "bros"
])
# Abbreviations that stand before a number ("No. 10", "Vol. 3"); before a word they may end a sentence.
NUMBER_ABBREVIATIONS = frozenset([
    "no", "nos", "vol", "vols", "fig", "figs", "art", "sec", "ch", "para", "pp", "op"
])
# Abbreviations that may also close a sentence ("... drones, missiles, etc. The ...").
ABBREVIATIONS = frozenset([
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "etc", "inc", "ltd", "co", "corp", "plc",
    "llc", "bn", "mn", "yr", "yrs", "al"
])
# Company suffixes: a capitalised word then a lower-case one after them starts a new sentence.
COMPANY_SUFFIXES = frozenset(["inc", "ltd", "co", "corp", "plc", "llc"])
# Words that commonly open a sentence: after an abbreviation or initialism they mark a new sentence.
SENTENCE_OPENERS = frozenset([
    "the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
    "this", "that", "these", "those", "there", "here", "but", "and", "so", "yet", "or", "nor", "in", "on",
    "at", "for", "as", "if", "when", "while", "after", "before", "since", "although", "though", "however",
    "meanwhile", "moreover", "also", "then", "now", "still", "some", "many", "most", "no", "not", "one",
    "two", "three", "officials", "critics", "analysts"
])

_CANDIDATE = re.compile(r"""[.!?]+['")\]]*(?=\s+)""")
_NEXT_WORD = re.compile(r"""\s+(['"(\[$\u00a3\u20ac]*)(\w[\w'-]*)?""")
# A full stop glued to the next sentence by a careless page ("...regulations.Beijing has"): a word of two or more
# lower-case letters, the stop, then a capitalised word; "U.S.Army" and "News.az" are not split.
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]{2,}|(?:In|If|On|At|As|It|He|We|By|An)\s)")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of `text`; text[start:end] is trimmed and never empty."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        _split_line(line, pos, spans)
        pos += len(line) + 1
    return spans


def _split_line(line: str, offset: int, spans: list[tuple[int, int]]) -> None:
    start = 0
    quotes = [i for i, c in enumerate(line) if c == '"'] if '"' in line else []
    stops = sorted([*_CANDIDATE.finditer(line), *_GLUED.finditer(line)], key=lambda m: m.start())
    for m in stops:
        if quotes and m.re is not _GLUED and _inside_quotation(quotes, m.end()):
            continue
        if m.re is _GLUED or _ends_sentence(line, m):
            _add(line, start, m.end(), offset, spans)
            start = m.end()
    _add(line, start, len(line), offset, spans)


def _inside_quotation(quotes: list[int], pos: int) -> bool:
    """True between an opening double quote and its closing one later on the same line."""
    before = bisect.bisect_left(quotes, pos)
    return before % 2 == 1 and before < len(quotes)


def _add(line: str, start: int, end: int, offset: int, spans: list[tuple[int, int]]) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((offset + start + lead, offset + start + lead + len(stripped)))


def _ends_sentence(line: str, m: re.Match[str]) -> bool:
    nxt = _NEXT_WORD.match(line, m.end())
    word = nxt.group(2) if nxt else None
    if not word or not (word[0].isupper() or word[0].isdigit()):
        return False
    mark = m.group()
    if mark[0] in "!?" or mark.startswith("..."):
        return True
    if len(mark) > 1 and mark[1] in "'\")]":
        return True  # the full stop sits inside a quotation or bracket that closes here
    token = line[line.rfind(" ", 0, m.start()) + 1:m.start()].lstrip("\"'([")
    opens = word.lower() in SENTENCE_OPENERS
    if _INITIALISM.fullmatch(token + "."):
        return opens  # U.S., a.m., U.N.
    key = token.rsplit(".", 1)[-1].lower().strip("'-")
    if key in TITLES:
        return False
    if key in NUMBER_ABBREVIATIONS:
        return not word[0].isdigit()
    if len(key) == 1 and key.isalpha() and token[-1].isupper():
        return opens  # an initial: "John F. Kennedy"
    if key in COMPANY_SUFFIXES and nxt is not None:   # "... TransMorFlot LLC. Publicly available data showed"
        after = re.match(r"\s+([A-Za-z]+)", line[nxt.end():])
        return opens or (after is not None and after.group(1).islower() and word[0].isupper() and word[1:].islower())
    if key in ABBREVIATIONS:
        return opens
    return True
