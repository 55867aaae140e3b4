"""The rule tables in timeline/rules/*.csv, loaded once and compiled to regular expressions.

A new supplier, weapon or cue word is one line in a table; nothing here names one.
"""

from __future__ import annotations

import csv
import re
import re._parser as sre_parse
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from timeline.errors import DataError

RULES_DIR = Path(__file__).resolve().parent / "rules"


@dataclass(frozen=True, slots=True)
class Actor:
    """A supplier (or Russia, the recipient) named in a sentence."""

    start: int
    end: int
    text: str
    canonical: str
    form: str  # name, person, group, adjective, recipient, other (a third party: never the supplier here)

    @property
    def is_recipient(self) -> bool:
        return self.form == "recipient"

    @property
    def is_supplier(self) -> bool:
        return self.form not in ("recipient", "other")


@dataclass(frozen=True, slots=True)
class Item:
    """What is supplied, as written: "Fath-360 ballistic missiles"."""

    start: int
    end: int
    text: str
    item_class: str
    generic: bool


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    text: str
    type: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    actors: re.Pattern[str]
    actor_table: dict[str, tuple[str, str]]   # lower-case alias -> (canonical, form)
    items: re.Pattern[str]
    item_parts: re.Pattern[str]                # one item row per named group
    item_groups: dict[str, tuple[str, str]]   # regex group name -> (item_class, role)
    cues: re.Pattern[str]


def read_table(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a rule table; lines starting with '#' are comments."""
    path = RULES_DIR / name
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    except OSError as e:
        raise DataError(f"cannot read the rule table {path}: {e.strerror}") from None
    rows = list(csv.DictReader(lines))
    for n, row in enumerate(rows, 2):
        if any(not (row.get(c) or "").strip() for c in columns):
            raise DataError(f"{name}, row {n}: every one of {', '.join(columns)} must be filled in")
    return rows


def _compile(name: str, alternatives: list[str]) -> re.Pattern[str]:
    try:
        return re.compile("|".join(alternatives), re.IGNORECASE)
    except re.error as e:
        raise DataError(f"{name}: a pattern is not a valid regular expression ({e})") from None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and compile every rule table (cached: the tables are read once per process)."""
    actor_table: dict[str, tuple[str, str]] = {}
    exact: dict[str, str] = {}
    for row in read_table("suppliers.csv", ("alias", "canonical", "form")):
        alias = row["alias"].strip()
        actor_table[alias.lower()] = (row["canonical"].strip(), row["form"].strip())
        if (row.get("case") or "").strip() == "exact":
            exact[alias.lower()] = alias
    aliases = sorted(actor_table, key=len, reverse=True)
    alternatives = "|".join(
        ("(?-i:" if a in exact else "(?:") + re.escape(exact.get(a, a)).replace(r"\ ", r"\s+").replace("'", "['’]") + ")"
        for a in aliases)
    actors = _compile("suppliers.csv", [r"(?<!\w)\[?(?:" + alternatives + r")\]?(?!\w)"])

    item_groups: dict[str, tuple[str, str]] = {}
    named: list[str] = []
    heads: list[str] = []
    models: list[str] = []
    modifiers: list[str] = []
    for n, row in enumerate(read_table("items.csv", ("pattern", "item_class", "role"))):
        role = row["role"].strip()
        pattern = row["pattern"].strip()
        if role == "modifier":
            modifiers.append(pattern)
            continue
        group = f"i{n}"
        item_groups[group] = (row["item_class"].strip(), role)
        named.append(f"(?P<{group}>{pattern})")
        (models if role == "model" else heads).append(pattern)
    mod = "(?:" + "|".join(_by_length(modifiers + models)) + ")"
    head = "(?:" + "|".join(_by_length(heads)) + ")"
    model = "(?:" + "|".join(_by_length(models)) + ")"
    items = _compile("items.csv", [
        rf"(?<![\w-])(?:{mod}[\s-]+)*(?:{head}|{model}(?:[\s-]+{mod})*(?:[\s-]+{head})?)(?![\w-])",
    ])
    parts = _compile("items.csv", [r"(?<![\w-])(?:" + "|".join(_by_length(named)) + r")(?![\w-])"])

    cues = [pattern for pattern, _ in _cue_rows()]
    cue_re = _compile("cues.csv", [r"(?<![\w-])(?:" + "|".join(_by_length(cues)) + r")(?![\w-])"])
    return Lexicon(actors, actor_table, items, parts, item_groups, cue_re)


def _by_length(patterns: list[str]) -> list[str]:
    """Patterns that match longer text first, so "artillery rounds" wins over "rounds" and "rocket launchers?"
    over "rocket": an alternation takes the first alternative that matches, not the longest. A pattern is ranked
    by the shortest text it can match, then by how long it is written."""
    return sorted(patterns, key=lambda p: (_shortest_match(p), len(p)), reverse=True)


def _shortest_match(pattern: str) -> int:
    try:
        return sre_parse.parse(pattern, re.IGNORECASE).getwidth()[0]
    except re.error:
        return len(pattern)


def _plain(patterns: list[str]) -> list[str]:
    """The same patterns with their named groups removed, for use as modifiers."""
    return [re.sub(r"\(\?P<\w+>", "(?:", p) for p in patterns]


WORTH_OF = re.compile(r"\bworth\s+of\s+(?:[\w-]+\s+)?$", re.IGNORECASE)   # "$68 million worth of"
LISTED_TOGETHER = re.compile(r"(?:,? (?:and|or|and/or) |, | ?/ ?)(?:(?:over|more than|about|around|some|nearly|almost|other) )?"
                             r"(?:[\d.,]+(?: (?:million|thousand|billion))? )?", re.IGNORECASE)   # "weapons and over 1 million shells"


def find_actors(text: str) -> list[Actor]:
    return list(_actors(text))


@lru_cache(maxsize=2048)
def _actors(text: str) -> tuple[Actor, ...]:
    lex = lexicon()
    out = []
    for m in lex.actors.finditer(text):
        key = re.sub(r"\s+", " ", m.group().strip("[]")).replace("’", "'").lower()
        canonical, form = lex.actor_table.get(key, ("", ""))
        if canonical:
            out.append(Actor(m.start(), m.end(), m.group(), canonical, form))
    return tuple(out)


def find_items(text: str) -> list[Item]:
    lex = lexicon()
    out = []
    for m in lex.items.finditer(text):
        found = [(g, lex.item_groups[g]) for p in lex.item_parts.finditer(m.group())
                 for g, v in p.groupdict().items() if v is not None]
        heads = [f for f in found if f[1][1] != "model"]
        _, (item_class, role) = (heads or found)[-1]
        out.append(Item(m.start(), m.end(), m.group(), item_class, role == "generic"))
    return _coordinated_not_generic(text, _equipment_among_parts(text, _people_named_by_trade(text, out)))


def _equipment_among_parts(text: str, items: list[Item]) -> list[Item]:
    """'equipment, electronics and microchips', '$68 million worth of equipment': bare "equipment" listed with
    parts, or counted as trade, is machinery and parts, not arms."""
    out = list(items)
    for n, item in enumerate(items):
        if item.text.lower() != "equipment":
            continue
        traded = WORTH_OF.search(text, max(0, item.start - 40), item.start) is not None
        beside = [o for o in items[max(0, n - 1):n + 2] if o is not item and o.item_class == "components"
                  and LISTED_TOGETHER.fullmatch(text[min(item.end, o.end):max(item.start, o.start)])]
        if traded or beside:
            out[n] = replace(item, item_class="components", generic=False)
    return out


def _people_named_by_trade(text: str, items: list[Item]) -> list[Item]:
    """'weapons experts', 'rocket launcher specialists': people named for what they handle are people."""
    out: list[Item] = []
    for item in items:
        if out and item.item_class == "troops" and text[out[-1].end:item.start].isspace():
            out[-1] = replace(item, start=out[-1].start, text=text[out[-1].start:item.end])
        else:
            out.append(item)
    return out


def _coordinated_not_generic(text: str, items: list[Item]) -> list[Item]:
    """'weapons or ammunition' names two things; 'weapons, including shells' names one: only the first
    makes the vague word a fact of its own."""
    out = list(items)
    for i, (a, b) in enumerate(zip(items, items[1:], strict=False)):
        if a.generic != b.generic and LISTED_TOGETHER.fullmatch(text[a.end:b.start]):
            if a.generic:
                out[i] = replace(a, generic=False)
            else:
                out[i + 1] = replace(b, generic=False)
    return out


@lru_cache(maxsize=1)
def _makers() -> list[tuple[re.Pattern[str], str]]:
    rows = read_table("makers.csv", ("pattern", "supplier"))
    return [(_compile("makers.csv", [row["pattern"].strip()]), row["supplier"].strip()) for row in rows]


def implied_makers(items: list[Item]) -> list[Actor]:
    """'KN-23 missiles', 'Shahed drones': a model's name names its maker, as "North Korean" would."""
    return [Actor(i.start, i.end, i.text, supplier, "adjective")
            for i in items for pattern, supplier in _makers() if pattern.search(i.text)]


def find_cues(text: str) -> list[Cue]:
    """Every cue word; one span may carry several types ("claims": hedge and attribution)."""
    return list(_cues(text))


@lru_cache(maxsize=2048)
def _cues(text: str) -> tuple[Cue, ...]:
    """Cached: the engine reads each sentence's cues twice (its facts, and the date of its saying)."""
    out = []
    for m in lexicon().cues.finditer(text):
        types = cue_types(m.group().lower())
        if len(types) > 1:   # "struck a deal" agrees, "the missile struck Kyiv" is a use: each type's own context
            types = tuple(t for t in types if _fits(text, m, t)) or types
        out.extend(Cue(m.start(), m.end(), m.group(), t) for t in types)
    return tuple(out)


def _fits(text: str, m: re.Match[str], cue_type: str) -> bool:
    for pattern, t in _in_context():
        if t == cue_type and (found := pattern.match(text, m.start())) and found.end() == m.end():
            return True
    return False


@lru_cache(maxsize=4096)
def cue_types(word: str) -> tuple[str, ...]:
    """Every type whose pattern matches the whole cue text."""
    return tuple(sorted({t for pattern, t in _alternatives() if pattern.fullmatch(word)}))


def _without_lookahead(pattern: str) -> str:
    """'forge(?= an? )' -> 'forge': the lookahead, nested groups and all, is context, not the cue's words."""
    start = pattern.find("(?=")
    if start < 0:
        return pattern
    depth = 0
    for end in range(start, len(pattern)):
        depth += {"(": 1, ")": -1}.get(pattern[end], 0) if pattern[end - 1:end] != "\\" else 0
        if depth == 0:
            return _without_lookahead(pattern[:start] + pattern[end + 1:])
    return pattern


@lru_cache(maxsize=1)
def _cue_rows() -> tuple[tuple[str, str], ...]:
    """(pattern, type) of each row of cues.csv, read once."""
    return tuple((row["pattern"].strip(), row["type"].strip()) for row in read_table("cues.csv", ("pattern", "type")))


@lru_cache(maxsize=1)
def _in_context() -> list[tuple[re.Pattern[str], str]]:
    """Each cue pattern with its lookarounds, to tell the type of a cue that several patterns match."""
    return [(re.compile(rf"(?:{pattern})(?![\w-])", re.IGNORECASE), t) for pattern, t in _cue_rows()]


@lru_cache(maxsize=1)
def _alternatives() -> list[tuple[re.Pattern[str], str]]:
    """Each cue pattern without its lookahead ("forge(?= an? )"): the type is told from the cue's own words."""
    return [(re.compile(_without_lookahead(pattern), re.IGNORECASE), t) for pattern, t in _cue_rows()]
