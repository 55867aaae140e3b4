"""The rule tables: every row loads, and the forms the engine relies on are recognised."""

from __future__ import annotations

import re

import pytest

from timeline.lexicon import RULES_DIR, _by_length, cue_types, find_actors, find_cues, find_items, read_table


@pytest.mark.parametrize(("table", "columns"), [
    ("suppliers.csv", ("alias", "canonical", "form")),
    ("items.csv", ("pattern", "item_class", "role")),
    ("cues.csv", ("pattern", "type")),
])
def test_tables_load(table: str, columns: tuple[str, ...]) -> None:
    rows = read_table(table, columns)
    assert len(rows) > 10
    for row in rows:
        if "pattern" in row:
            re.compile(row["pattern"])


@pytest.mark.parametrize(("text", "canonical"), [
    ("DPRK", ["North Korea"]), ("Kim's regime", ["North Korea"]), ("Kim Jong-un", ["North Korea"]),
    ("[North Korea]", ["North Korea"]), ("the North", ["North Korea"]), ("the north of the country", []),
    ("Tehran", ["Iran"]), ("Iranian-made", ["Iran"]), ("Chinese firms", ["China"]), ("Lukashenko", ["Belarus"]),
    ("the Kremlin", ["Russia"]), ("Russia-North Korea treaty", ["Russia", "North Korea"]), ("kimchi", []),
])
def test_actors(text: str, canonical: list[str]) -> None:
    assert [a.canonical for a in find_actors(text)] == canonical


@pytest.mark.parametrize(("text", "item", "item_class"), [
    ("Shahed-136 drones", "Shahed-136 drones", "drones"),
    ("Geran-2", "Geran-2", "drones"),
    ("152mm artillery shells", "152mm artillery shells", "ammunition"),
    ("KN-23 ballistic missiles", "KN-23 ballistic missiles", "missiles"),
    ("Hwasong-11", "Hwasong-11", "missiles"),
    ("Fath-360", "Fath-360", "missiles"),
    ("Koksan howitzers", "Koksan howitzers", "weapons"),
    ("a mutual defence treaty", "mutual defence treaty", "agreement"),
    ("machine tools", "machine tools", "components"),
    ("gunpowder", "gunpowder", "components"),
    ("weapons components", "weapons components", "components"),   # a material for shells, like nitrocellulose
    ("special forces", "special forces", "troops"),
    ("rocket launchers", "rocket launchers", "weapons"),
    ("200 artillery pieces", "artillery pieces", "weapons"),   # guns, not their shells
    ("artillery", "artillery", "ammunition"),
    ("200 pieces of long-range artillery", "pieces of long-range artillery", "weapons"),
    ("1.5 million pieces of artillery ammunition", "artillery ammunition", "ammunition"),
    ("multiple launch rocket systems", "multiple launch rocket systems", "weapons"),   # not a "rocket"
    ("ballistic missile launchers", "ballistic missile launchers", "missiles"),   # part of the missile system
    ("mobile launchers", "launchers", "weapons"),
    ("rocket launcher specialists", "rocket launcher specialists", "troops"),   # people named for their trade
    ("weapons experts", "weapons experts", "troops"),
])
def test_items(text: str, item: str, item_class: str) -> None:
    (found,) = find_items(text)
    assert (found.text, found.item_class) == (item, item_class)


@pytest.mark.parametrize(("word", "types"), [
    ("claims", {"hedge", "claim_attribution"}), ("shipped", {"supply"}), ("shipments", {"nominal"}),
    ("denied", {"deny"}), ("according to", {"attribution"}), ("May", set()), ("may", {"hedge"}),
])
def test_cues(word: str, types: set[str]) -> None:
    assert {c.type for c in find_cues(word)} == types


@pytest.mark.parametrize(("text", "types"), [
    ("Tehran estimated", {"attribution"}), ("an estimated", set()),            # a name ending in "an" is no article
    ("Russia signed", {"agree"}), ("Russia signs", {"agree"}), ("a sign of", set()),
])
def test_cue_words_read_by_the_word_before(text: str, types: set[str]) -> None:
    assert {c.type for c in find_cues(text)} == types


@pytest.mark.parametrize(("text", "generic"), [
    ("never supplied weapons or ammunition", [False, False]),
    ("weapons and drones", [False, False]),
    ("weapons, including shells", [True, False]),
    ("a shipment of weapons, which will include drones", [True, False]),
    ("ten shipments of assorted weapons and over 2 million shells", [False, False]),
    ("ballistic missiles and other weapons", [False, False]),   # the other weapons are a fact of their own
])
def test_a_vague_item_named_beside_another_is_a_thing_of_its_own(text: str, generic: list[bool]) -> None:
    assert [item.generic for item in find_items(text)] == generic


@pytest.mark.parametrize(("text", "classes"), [
    ("supply them with equipment, electronics and microchips", ["components", "components", "components"]),
    ("China supplied $68 million worth of equipment", ["components"]),   # counted as trade
    ("North Korea sent equipment and shells", ["weapons", "ammunition"]),
])
def test_bare_equipment_among_parts_is_parts(text: str, classes: list[str]) -> None:
    assert [item.item_class for item in find_items(text)] == classes


@pytest.mark.parametrize("text", ["a space rocket", "the rocket launch site", "the rocket launch pad"])
def test_space_rockets_are_not_weapons(text: str) -> None:
    assert [i.item_class for i in find_items(text)] in ([], ["other"])


def test_a_new_supplier_is_one_line() -> None:
    header = (RULES_DIR / "suppliers.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "alias,canonical,form,case"


@pytest.mark.parametrize(("word", "types"), [
    ("handed", ("supply",)),     # "hand(?:s|ed|ing)?(?= (?:Russia|...))": the lookahead is context, not the word
    ("forge", ("agree",)),
    ("source of", ("nominal",)),
])
def test_cue_types_ignore_lookaheads(word: str, types: tuple[str, ...]) -> None:
    assert cue_types(word) == types


@pytest.mark.parametrize(("text", "types"), [
    ("Putin and Kim struck a deal", {"agree", "use"}),
    ("The agreement, struck among ambassadors", {"use"}),   # agreeing needs "a deal" after it
    ("the missile struck Kyiv", {"use"}),
])
def test_a_word_of_several_types_keeps_those_its_context_fits(text: str, types: set[str]) -> None:
    assert {c.type for c in find_cues(text) if c.text == "struck"} == types


@pytest.mark.parametrize(("text", "types"), [
    ("the parties concluded an agreement", {"agree"}),   # a deal concluded is no saying
    ("the report concluded that Iran sent drones", {"agree", "attribution"}),
])
def test_concluding_a_deal_is_not_saying(text: str, types: set[str]) -> None:
    assert {c.type for c in find_cues(text) if c.text == "concluded"} == types


@pytest.mark.parametrize(("patterns", "first"), [
    (["rockets?", "rocket launchers?"], "rocket launchers?"),
    # written longer, matches shorter: the one that always matches more text goes first
    (["(?:ballistic|cruise|hypersonic|anti-ship) missiles?", "missile launchers"], "missile launchers"),
    (["shells", "artillery shells"], "artillery shells"),
])
def test_rule_tables_try_the_pattern_that_matches_more_text_first(patterns: list[str], first: str) -> None:
    assert _by_length(patterns)[0] == first
