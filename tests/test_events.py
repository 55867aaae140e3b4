"""Whole articles through the rules engine and the temporal tagger: which date governs each event, stable ids,
and properties that must hold on any text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.articles import Article, Sentence
from timeline.events import EVENT_FIELDS, Event, event_id, extract_events
from timeline.pipeline import merge_article
from timeline.sentences import split_sentences


def article(text: str, published: dt.date | None = None, headline: str | None = None) -> Article:
    sentences = [Sentence(s, e, text[s:e]) for s, e in split_sentences(text)]
    return Article("doc", None, text, sentences, headline=headline or text.split("\n", 1)[0],
                   publisher="The Test Gazette", published=published,
                   published_source="caller" if published else "unknown")


STORY = """North Korea ships more rockets to Russia
North Korea is sending rockets and artillery shells to Russia by rail, according to satellite imagery analysts.
The trains have run for several weeks.
Ukraine's intelligence chief said in March that Pyongyang had delivered KN-23 missiles to Moscow.
Russia has previously bought Shahed drones from Iran, which also supplied guided bombs.
In December 2023, Belarus sent 40 armoured vehicles to Russia.
"""


def dates_of(sentence: str, text: str, published: dt.date) -> list[str | None]:
    """The dates of the events read from one sentence of an article."""
    return [e.date for e in extract_events(article(text, published)) if e.sentence == sentence]


def by_supplier(events: list[Event]) -> dict[tuple[str, str], Event]:
    out: dict[tuple[str, str], Event] = {}
    for e in events:
        out.setdefault((e.supplier, e.item_class), e)
    return out


def test_which_date_governs() -> None:
    events = by_supplier(extract_events(article(STORY, dt.date(2024, 5, 6))))
    shells = events[("North Korea", "ammunition")]
    assert (shells.date, shells.date_basis, shells.date_text) == ("2024-05-06", "report", None)
    missiles = next(e for e in extract_events(article(STORY, dt.date(2024, 5, 6))) if "KN-23" in e.item)
    assert (missiles.date, missiles.date_basis, missiles.grain) == ("2024-03", "statement", "month")
    assert missiles.attributed_to == "Ukraine's intelligence chief"
    drones = events[("Iran", "drones")]
    assert (drones.date, drones.date_basis) == (None, "undated")      # background, not the news
    vehicles = events[("Belarus", "weapons")]
    assert (vehicles.date, vehicles.date_basis, vehicles.quantity_value) == ("2023-12", "event", 40)
    assert (vehicles.date_start, vehicles.date_end) == ("2023-12-01", "2023-12-31")


def test_no_publication_date_leaves_report_events_unresolved() -> None:
    events = by_supplier(extract_events(article(STORY)))
    shells = events[("North Korea", "ammunition")]
    assert (shells.date, shells.date_basis, shells.date_start) == (None, "report", None)
    assert events[("Belarus", "weapons")].date == "2023-12"     # an absolute date needs no reference


def test_outlet_speaks_for_itself() -> None:
    text = "Iran has sent more drones\nThe Test Gazette revealed last week that Iran has sent 100 drones to Russia.\n"
    events = extract_events(article(text, dt.date(2023, 1, 10)))
    assert {e.attributed_to for e in events} == {"The Test Gazette"}


def test_ids_are_stable_and_distinct() -> None:
    first = [e.id for e in extract_events(article(STORY, dt.date(2024, 5, 6)))]
    again = [e.id for e in extract_events(article(STORY, dt.date(2024, 5, 6)))]
    assert first == again
    assert len(set(first)) == len(first)
    assert event_id("Iran", "drones", "shipment", "2022-08", "a", 10) != event_id("Iran", "drones", "shipment", "2022-09", "a", 10)


def test_every_field_in_json() -> None:
    events = extract_events(article(STORY, dt.date(2024, 5, 6)))
    assert events and all(set(e.to_json()) == set(EVENT_FIELDS) for e in events)


PIECES = [
    "Iran", "North Korea", "Pyongyang", "China", "Belarus", "Russia", "Kim Jong Un", "has shipped", "sent", "is supplying",
    "denied sending", "will deliver", "reportedly", "drones", "artillery shells", "KN-23 missiles", "troops", "a defence pact",
    "signed", "200", "half of the", "dozens of", "in June", "last month", "on 3 March 2023", "earlier this year",
    "in the spring", "since 2022", "next week", "according to officials", "officials said", ",", ".", "\n", "that", "while",
    "to Russia", "by", "from", "“", "”", "1,200 a day", "10pm - 1am",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2026, 12, 31)))
def test_properties_on_generated_articles(pieces: list[str], published: dt.date | None) -> None:
    text = " ".join(pieces)
    doc = article(text, published)
    for e in extract_events(doc):
        assert e.sentence is not None and e.sentence_start is not None and e.sentence_end is not None
        assert doc.text[e.sentence_start:e.sentence_end] == e.sentence
        if e.date_start or e.date_end:
            assert e.date_start is not None and e.date_end is not None and e.date_start <= e.date_end
        assert e.supplier != "Russia"
        assert e.date_basis in ("event", "statement", "report", "undated")


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    for e in extract_events(article(text, dt.date(2024, 1, 1))):
        assert e.item


@pytest.mark.parametrize(("headline", "body", "basis"), [
    ("Iran sends drones to Russia", "Officials confirmed that Iran sent drones to Russia by sea.", "report"),
    ("Weather turns cold in Kyiv", "Many residents of the capital spent the night without heating or light.\n"
     "The city opened warming points in schools and in several metro stations.\n"
     "Officials noted that Iran sent drones to Russia by sea.", "undated"),
    # a denial is a statement the article reports, unless told as background
    ("Weather turns cold in Kyiv", "Many residents of the capital spent the night without heating or light.\n"
     "The city opened warming points in schools and in several metro stations.\n"
     "Iran's foreign minister denied claims of sending drones to Russia.", "report"),
    ("Weather turns cold in Kyiv", "Many residents of the capital spent the night without heating or light.\n"
     "The city opened warming points in schools and in several metro stations.\n"
     "Tehran has for years denied sending drones to Russia.", "undated"),
])
def test_news_or_background(headline: str, body: str, basis: str) -> None:
    events = extract_events(article(headline + "\n" + body + "\nAnother line with nothing in it at all today.",
                                    dt.date(2022, 9, 1), headline))
    assert [e.date_basis for e in events if e.sentence != headline] == [basis]


@pytest.mark.parametrize(("follow_up", "date", "speaker"), [
    ("This was stated by the Iranian Defence Ministry on Monday, December 12.", "2022-12-12", "Iranian Defence Ministry"),
    ("That was reported on Friday.", "2022-12-09", "The Test Gazette"),
    ("The weather was cold on Friday.", "2022-12-13", "The Test Gazette"),   # not a reporting sentence
])
def test_a_following_reporting_sentence_dates_the_statement(follow_up: str, date: str, speaker: str) -> None:
    text = "Iran rejects drone claims\nKyiv has shown no proof that Iran supplied drones to Russia. " + follow_up
    found = [e for e in extract_events(article(text, dt.date(2022, 12, 13))) if e.sentence and "proof" in e.sentence]
    assert [(e.date, e.attributed_to) for e in found] == [(date, speaker)]


@pytest.mark.parametrize(("body", "speaker"), [
    ("Iran has sent drones to Russia, the defence minister said on Monday. "
     "According to him, Iran has also shipped missiles to Russia.", "defence minister"),
    ("The weather was cold. According to her, Iran has also shipped missiles to Russia.", "The Test Gazette"),
])
def test_a_pronoun_source_is_the_source_of_the_sentence_before(body: str, speaker: str) -> None:
    """With no source in the sentence before, a bare pronoun is no name: the outlet's own report remains."""
    events = extract_events(article(body, dt.date(2024, 3, 6)))
    missiles = [e for e in events if e.item_class == "missiles"]
    assert missiles and missiles[0].attributed_to == speaker


@pytest.mark.parametrize(("body", "basis"), [
    # "previously" far from the supply verb does not make it background
    ("A previously reported deal has now gone through, as officials say a first shipment of Iranian drones has "
     "been delivered to Russia.", "report"),
    ("Iran has previously supplied drones to Russia, officials say.", "undated"),
    ("North Korea has already supplied Russia with five million shells, officials say.", "report"),   # a running total
    ("The purchase of shells from North Korea has emptied its stores, officials say.", "undated"),
    ("Beijing has repeatedly denied supplying drones to Russia.", "undated"),   # a stance, not today's statement
])
def test_background_is_read_beside_the_supply_verb(body: str, basis: str) -> None:
    text = "Weather turns cold in Kyiv\nThe city opened warming points in schools and metro stations.\n" \
           "Residents queued for water at several points in the centre.\n" + body
    events = extract_events(article(text, dt.date(2022, 8, 30)))
    assert [e.date_basis for e in events] == [basis]


@pytest.mark.parametrize(("follow_up", "date"), [
    ('"North Korea has given Moscow 200 artillery pieces," the official stated.', "2025-02-24"),
    ("According to him, North Korea has also supplied howitzers to Russia.", "2025-02-24"),
    ('"North Korea has given Moscow 200 artillery pieces," a Ukrainian general said.', "2025-02-27"),
])
def test_a_saying_dates_the_next_sentence_from_the_same_source(follow_up: str, date: str) -> None:
    text = ("Seoul reports on Pyongyang\nThe weather in the capital was mild and many people went out.\n"
            "Markets in the region were calm and traders expected little change.\n"
            "A defence ministry official told reporters on Monday that the war had changed.\n" + follow_up)
    assert dates_of(follow_up, text, dt.date(2025, 2, 27)) == [date]


@pytest.mark.parametrize(("follow_up", "date"), [
    ("Kirby added that Iran had recently provided Russia with drone engines.", "2025-03-06"),
    ("Kirby continued, adding that Iran had recently provided Russia with drone engines.", "2025-03-06"),
    ("Kirby added that Iran had provided Russia with drone engines in January.", "2025-01"),
    ("A senator added that Iran had recently provided Russia with drone engines.", None),
])
def test_a_speaker_dated_once_speaks_on_that_occasion_later_in_the_article(follow_up: str, date: str | None) -> None:
    text = ("Briefing in Washington\nThe spokesman John Kirby told a White House briefing on Thursday that the war "
            "had entered a new phase.\nThe weather in the capital was mild.\nMarkets were calm and traders expected "
            "little change.\nReporters asked about the talks.\n" + follow_up)
    assert dates_of(follow_up, text, dt.date(2025, 3, 8)) == [date]


@pytest.mark.parametrize(("follow_up", "date"), [
    ("The Chinese companies facing sanctions are accused of providing Russia with drone engines.", "2024-05-01"),
    ("Its sanctions hit Chinese firms that supplied drone engines to Russia.", "2024-05-01"),
    ("The proposed measures target Chinese firms supplying drone engines to Russia.", "2024-05-01"),
    ("Chinese firms have supplied drone engines to Russia, officials believe.", "2024-05-03"),
])
def test_a_fact_the_dated_sanctions_name_takes_their_day(follow_up: str, date: str) -> None:
    text = ("Sanctions news\nThe administration on Wednesday announced new sanctions on suppliers of Russia's "
            "arsenal.\nThe weather in the capital was mild.\nMarkets were calm and traders expected little change.\n"
            "Officials have discussed the issue for months.\nThe talks went on in several capitals.\n" + follow_up)
    assert dates_of(follow_up, text, dt.date(2024, 5, 3)) == [date]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("In late June, intelligence officials warned that North Korea may send more troops to Russia within the next "
     "two months.", ("2025-06", "statement", "plan")),
    ("North Korea will send more troops to Russia in October.", ("2025-07-13", "report", "plan")),
    ("North Korea sent more troops to Russia in May.", ("2025-05", "event", "deployment")),
])
def test_a_forecast_sits_where_it_was_made(sentence: str, expected: tuple[str, str, str]) -> None:
    (event,) = extract_events(article("Troops news\n" + sentence, dt.date(2025, 7, 13)))
    assert (event.date, event.date_basis, event.kind) == expected


def test_the_lead_is_dated_where_the_article_names_its_source_again() -> None:
    body = ("South Korea's spy agency (NIS) has reported that 11,000 North Korean troops are stationed in Kursk. "
            "A lawmaker briefed reporters, citing the NIS on 20 November. The talks went on.")
    (event,) = extract_events(article("Troops news\n" + body, dt.date(2024, 11, 21)))
    assert (event.date, event.date_basis) == ("2024-11-20", "statement")


def test_a_quoted_today_is_the_day_the_speaker_spoke() -> None:
    body = ("Putin said on June 19 that a new treaty with North Korea provides for mutual aid. "
            '"The partnership treaty signed today provides for aid," Putin was quoted as saying by news agencies.')
    events = merge_article(extract_events(article("Pact news\n" + body, dt.date(2024, 6, 25))))
    assert [(e.item_class, e.date) for e in events] == [("agreement", "2024-06-19")]


def test_an_acronym_names_the_source_spelled_out_before() -> None:
    body = ("The National Intelligence Service said on Thursday that North Korea may send more troops. "
            "The weather was cold. The NIS believes North Korea has supplied Russia with artillery shells.")
    events = extract_events(article("Troops news\n" + body, dt.date(2025, 6, 27)))
    assert [(e.item_class, e.date, e.date_basis) for e in events if e.item_class == "ammunition"] == [
        ("ammunition", "2025-06-26", "statement")]


@pytest.mark.parametrize(("body", "expected"), [
    ("Beijing denied supplying weapons to Russia. Chinese foreign ministry spokesman Wang Wenbin said at a briefing "
     "on Monday that the claims were false.", ("weapons", "2023-02-20", "statement")),   # the supplier's own spokesman
    ("North Korea is sending shells to Russia, Ambassador Linda Thomas-Greenfield told a news conference. "
     "The talks went on for weeks. Thomas-Greenfield said on Monday that letters were exchanged.", ("ammunition", "2023-02-20", "statement")),
    ("Beijing denied supplying weapons to Russia. A US spokesman said on Monday that the claims were true.",
     ("weapons", "2023-02-21", "report")),   # someone else's saying does not date the denial
    ("North Korea is sending shells to Russia, Ambassador Linda Thomas-Greenfield told a news conference. "
     "The talks went on for weeks. Thomas-Greenfield said on Tuesday that letters were exchanged. "
     "On 15 February, Thomas-Greenfield said the talks had begun.", ("ammunition", "2023-02-21", "report")),   # that day
])
def test_the_news_is_dated_where_its_speaker_speaks_again(body: str, expected: tuple[str, str, str]) -> None:
    (event,) = extract_events(article("Arms news\n" + body, dt.date(2023, 2, 21)))
    assert (event.item_class, event.date, event.date_basis) == expected


def test_what_the_speaker_of_the_news_goes_on_to_say_is_said_then_too() -> None:
    body = ("North Korea has sent artillery shells to Russia, President Zelensky said. The forum was busy. "
            "According to him, about 1.5 million shells were sent to Russia by North Korea.")
    events = extract_events(article("Shells news\n" + body, dt.date(2024, 2, 25)))
    assert {(e.date, e.date_basis) for e in events} == {("2024-02-25", "report")}


@pytest.mark.parametrize(("body", "dates"), [
    ("In 2022, China sold Russia 700 tons of nitrocellulose, while in 2023 that volume doubled to 1,400 tons. "
     "From January to March of the current year, about 110 tons were exported.", ["2022", "2023", "2024-01/2024-03"]),
    ("In 2022, China sold Russia 700 tons of nitrocellulose. In 2023, that volume doubled.", ["2022"]),   # no figure
    ("In 2022, China sold Russia 700 tons of nitrocellulose. Prices rose by 20 percent in 2023.", ["2022"]),   # no anaphor
])
def test_each_figure_of_a_series_is_a_fact_at_its_date(body: str, dates: list[str]) -> None:
    events = extract_events(article("Trade news\n" + body, dt.date(2024, 5, 16)))
    assert [e.date for e in events if e.item_class == "components"] == dates


def test_the_speakers_report_is_the_speaker() -> None:
    body = ("North Korea has supplied Russia with 200 artillery pieces, the Defense Ministry said on Tuesday in a report. "
            "The forum was busy. Pyongyang sent Moscow “some 11,000 troops,” the Defense Ministry report said.")
    events = extract_events(article("Arms news\n" + body, dt.date(2025, 2, 12)))
    assert {(e.item_class, e.date) for e in events} == {("weapons", "2025-02-11"), ("troops", "2025-02-11")}


def test_what_the_speaker_of_the_news_only_supposes_stays_out() -> None:
    body = ("North Korea has sent artillery shells to Russia, the official said at a long briefing for reporters. "
            "The forum was busy with delegates from many countries and long queues at the door. "
            "The official suggested that North Korea could continue to supply more drones.")
    events = extract_events(article("Shells news\n" + body, dt.date(2024, 2, 25)))
    assert [e.item_class for e in events] == ["ammunition"]


def test_a_delivery_to_russia_with_no_supplier_is_the_supplier_just_named() -> None:
    body = ("Washington sanctioned shipping firms over weapons transfers from North Korea. "
            "The list names three shippers for taking part in the delivery of munitions to Russia.")
    events = extract_events(article("Sanctions news\n" + body, dt.date(2023, 12, 13)))
    assert {(e.supplier, e.item_class) for e in events} == {("North Korea", "weapons"), ("North Korea", "ammunition")}


def test_a_treaty_step_naming_only_russia_is_the_treaty_of_the_story() -> None:
    body = ("North Korea ratified its defence treaty with Russia on Monday, state media said. "
            "The vote was unanimous. Putin signed the treaty on Saturday. Putin then met his defence chiefs.")
    events = extract_events(article("Treaty news\n" + body, dt.date(2024, 11, 13)))
    assert [(e.supplier, e.item_class, e.date) for e in events] == [
        ("North Korea", "agreement", "2024-11-11"), ("North Korea", "agreement", "2024-11-09")]


@pytest.mark.parametrize(("body", "count"), [
    ("Russia used North Korean missiles in its recent strikes on Kharkiv, police say. The city is calm.", 1),
    ("The city is calm after a week of strikes and long nights. Many shops are open again in the centre. "
     "Russia used North Korean missiles in other strikes too.", 0),
])
def test_a_weapon_used_without_a_date_is_an_event_only_as_the_news(body: str, count: int) -> None:
    events = extract_events(article("Strikes on Kharkiv\n" + body, dt.date(2024, 2, 8)))
    assert [(e.supplier, e.date_basis) for e in events] == [("North Korea", "report")] * count


@pytest.mark.parametrize(("body", "count"), [
    ("Seoul says North Korea could continue to supply more troops to Russia in the future.", 1),   # the news
    ("The weather in the capital was mild and many people went out.\n"
     "Markets in the region were calm and traders expected little change today.\n"
     "An official suggested that North Korea could continue to supply more troops to Russia.", 0),  # in passing
    ("The weather in the capital was mild and many people went out.\n"
     "Markets in the region were calm and traders expected little change today.\n"
     "A newspaper has also reported that North Korea could supply more troops to Russia.", 1),  # reported as of now
])
def test_a_forecast_is_an_event_only_as_the_news(body: str, count: int) -> None:
    assert len(extract_events(article("Seoul weighs risks\n" + body, dt.date(2025, 2, 27)))) == count


def test_since_a_date_runs_to_the_month_of_the_report() -> None:
    text = "Seoul counts the shipments\nNorth Korea has sent about 5,000 containers to Russia since March, officials said."
    events = extract_events(article(text, dt.date(2024, 6, 12)))
    assert [(e.date, e.date_start, e.date_end, e.grain) for e in events] == [
        ("2024-03/2024-06", "2024-03-01", "2024-06-12", "interval")]


@pytest.mark.parametrize(("follow_up", "date"), [
    ("Customs records show the shipments took place between May and August 2023.", "2023-05/2023-08"),
    ("The deliveries began in April.", "2024-04"),
    ("The weather was cold in April.", "2024-06-12"),   # says nothing of the supplies
    ("Yesterday, 11 June, the first batch of rifles departed for Rostov.", "2024-06-11"),
    ("The rifles arrived in Russia in May.", "2024-05"),
    ("The drones arrived in Russia in May.", "2024-06-12"),   # other things than the rifles
    ("The containers arrived in Russia in May.", "2024-06-12"),   # the fact named no containers
    ("A customs officer said on 3 June that the deliveries had arrived.", "2024-06-12"),   # the day of a saying
])
def test_a_later_sentence_says_when_the_supplies_happened(follow_up: str, date: str) -> None:
    text = ("Rifles reach Russia\nChinese firms have sent Russian buyers 2,000 hunting rifles, according to trade data.\n"
            + follow_up)
    rifles = [e for e in extract_events(article(text, dt.date(2024, 6, 12))) if e.item_class == "weapons"]
    assert [e.date for e in rifles] == [date]


@pytest.mark.parametrize(("follow_up", "dates"), [
    ("The deal was reached on 6 October during a visit by an Iranian delegation.", ["2022-10-06", "2022-10-06"]),
    ("That agreement had been struck in Tehran in early October.", ["2022-10", "2022-10"]),
    ("\"The pact has an effect from 14 October,\" the agency said.", ["2022-10-14", "2022-10-14"]),
    ("The weather was cold on 6 October.", ["2022-10-18", "2022-10-18"]),   # says nothing of the deal
])
def test_a_later_sentence_says_when_the_deal_was_made(follow_up: str, dates: list[str]) -> None:
    text = ("Tehran to arm Moscow\nIran has pledged to supply Russia with missiles and more drones, two officials said.\n"
            + follow_up)
    plans = [e for e in extract_events(article(text, dt.date(2022, 10, 18))) if e.kind == "plan"]
    assert [e.date for e in plans] == dates


@pytest.mark.parametrize(("follow_up", "date"), [
    ("They were housed on Monday in barracks near the border.", "2024-10-28"),
    ("They arrived in Vladivostok on 8 October, the officials said.", "2024-10-08"),
    ("They said on Monday that more would follow.", "2024-10-30"),   # a saying, not a move
])
def test_they_moved_on_a_day_dates_the_facts_just_told(follow_up: str, date: str) -> None:
    text = ("Troops reach Kursk\nAbout 3,000 North Korean troops have been moved to the Kursk region, officials said.\n"
            + follow_up)
    troops = [e for e in extract_events(article(text, dt.date(2024, 10, 30))) if e.item_class == "troops"]
    assert [e.date for e in troops] == [date]


@pytest.mark.parametrize(("follow_up", "date"), [
    ("This was stated by the president at the forum \"Ukraine. Year 2024\".", "2024-02-25"),   # a name
    ("This was stated by the president on 20 February.", "2024-02-20"),
])
def test_a_date_in_a_quoted_name_dates_nothing(follow_up: str, date: str) -> None:
    text = "Shells for Moscow\nNorth Korea has transferred artillery ammunition to Russia.\n" + follow_up
    assert [e.date for e in extract_events(article(text, dt.date(2024, 2, 25)))] == [date]


def test_the_deal_does_not_date_supplies_already_made() -> None:
    text = ("Shells for Moscow\nNorth Korea has sent artillery shells to Russia, officials said.\n"
            "The deal was signed on 6 October in Pyongyang.")
    shells = [e for e in extract_events(article(text, dt.date(2022, 10, 18))) if e.item_class == "ammunition"]
    assert [(e.date, e.date_basis) for e in shells] == [("2022-10-18", "report")]


@pytest.mark.parametrize(("follow_up", "date"), [
    ("Later, a prosecutor said the enemy used a North Korean missile in the attack.", "2024-03-05"),
    ("A prosecutor said Russia has used North Korean missiles for months.", "2024-03-20"),   # not that strike    ("Later it was found that the downed missile was a KN-23 supplied by North Korea.", "2024-03-05"),
])
def test_a_weapon_named_after_a_dated_strike_takes_its_day(follow_up: str, date: str) -> None:
    text = ("Missiles hit Odesa\nOn 5 March, Russian forces launched a missile attack on the port of Odesa.\n"
            "Rescuers worked through the night at the damaged warehouses.\n" + follow_up)
    found = [e for e in extract_events(article(text, dt.date(2024, 3, 20))) if e.item_class == "missiles"]
    assert [e.date for e in found] == [date]


@pytest.mark.parametrize(("published", "dates"), [
    (dt.date(2022, 10, 17), ["2022-10-17"]),
    (dt.date(2024, 10, 15), []),   # Russia builds its own drones of that design by then
])
def test_foreign_made_drones_used_in_the_strikes_take_the_strikes_day(published: dt.date, dates: list[str]) -> None:
    text = ("Drones hit Kyiv\nRussia launched a barrage of drones at Kyiv on Monday.\n"
            "Ukraine claimed that Iranian-made drones were used in the strikes.")
    assert [e.date for e in extract_events(article(text, published))] == dates


@pytest.mark.parametrize(("follow_up", "expected"), [
    ("This aid includes 152mm shells and rockets for the Grad launcher system.",
     [("ammunition", "2024-05"), ("missiles", "2024-05")]),
    ("The shipments consisted of drones and troops.", [("drones", "2024-05"), ("troops", "2024-05")]),
    ("This weather includes snow and shells.", [("weapons", "2024-05")]),   # not what the aid held
])
def test_what_the_aid_included_is_a_fact_of_the_same_supplier(follow_up: str, expected: list[tuple[str, str]]) -> None:
    text = "Aid for Moscow\nNorth Korea secretly sent military assistance to Russia in May, officials said.\n" + follow_up
    events = merge_article(extract_events(article(text, dt.date(2024, 6, 12))))
    assert sorted((e.item_class, e.date) for e in events) == expected
    assert all(e.supplier == "North Korea" for e in events)


@pytest.mark.parametrize(("follow_up", "date"), [
    ("Speaking to reporters on Thursday, the official said Russia was isolated.", "2024-01-04"),
    ("Speaking to reporters on Thursday, a minister said Russia was isolated.", "2024-01-05"),   # someone else
])
def test_the_next_sentence_dates_the_same_speakers_saying(follow_up: str, date: str) -> None:
    text = "Missiles for Moscow\nA US official said that North Korea recently provided missiles to Russia.\n" + follow_up
    events = extract_events(article(text, dt.date(2024, 1, 5)))
    assert [(e.item_class, e.date) for e in events] == [("missiles", date)]


@pytest.mark.parametrize(("follow_up", "expected"), [
    ("At the same time, a foreign ministry spokesman denied this.", [("denial", "2024-09-08", "statement")]),
    ("On Tuesday, the foreign ministry rejected the claims.", [("denial", "2024-09-10", "statement")]),
    ("Tehran has denied the accusation.", [("denial", None, "undated")]),   # when, the text does not say
    ("The weather was cold.", []),
    # the denial may be dated after its object and come a sentence later
    ("Such a transfer would be dangerous. An official denied the reports earlier on Monday, calling them lies.",
     [("denial", "2024-09-09", "statement")]),
    ("Such a transfer would be dangerous. It would worry Europe. An official denied the reports.", []),
])
def test_a_denial_of_what_the_sentence_before_told(follow_up: str, expected: list[tuple[str, str | None, str]]) -> None:
    text = ("Missiles for Moscow\nOn September 8, it was reported that an MP confirmed Tehran had supplied missiles "
            "to Russia.\n" + follow_up)
    events = extract_events(article(text, dt.date(2024, 9, 11)))
    assert [(e.kind, e.date, e.date_basis) for e in events if e.kind == "denial"] == expected
    assert all(e.supplier == "Iran" and e.item_class == "missiles" for e in events)


@pytest.mark.parametrize(("body", "expected"), [
    ("Footage claimed to show North Korean soldiers training at a base in Russia. pic.twitter.com/abc123 — Front Watch "
     "(@frontwatch) October 18, 2024", [("2024-10-18", "statement", "Front Watch")]),
    ("Footage claimed to show North Korean soldiers training at a base in Russia.\n"
     "— Front Watch (@frontwatch) October 18, 2024", [("2024-10-18", "statement", "Front Watch")]),
])
def test_an_embedded_post_is_dated_by_its_signature(body: str, expected: list[tuple[str, str, str]]) -> None:
    events = extract_events(article("Troops in Russia\n" + body, dt.date(2024, 10, 20)))
    assert [(e.date, e.date_basis, e.attributed_to) for e in events] == expected


@pytest.mark.parametrize(("between", "supplier"), [
    ("The two countries signed a supply deal in 2023.", "Iran"),              # one sentence naming no supplier
    ("The deal was signed in 2023. Talks went on for months.", None),         # two: the story has moved on
    ("Belarus and China signed deals in 2023.", None),                        # two other suppliers named
])
def test_an_agentless_shipment_belongs_to_the_supplier_named_just_before(between: str, supplier: str | None) -> None:
    text = ("Missiles for Moscow\nIran handed Russia hundreds of ballistic missiles.\n" + between
            + "\nThe first batch of drones was transferred to Russia in September.")
    events = extract_events(article(text, dt.date(2024, 10, 2)))
    found = [e.supplier for e in events if e.sentence and e.sentence.startswith("The first batch")]
    assert found == ([supplier] if supplier else [])


@pytest.mark.parametrize(("claim", "expected"), [
    ("Iran has sent drone instructors to Crimea, US officials say.", [("denial", "2022-10-18", "report")]),   # the news
    ("Iran sent drone instructors to Crimea in 2021, US officials say.", [("denial", None, "undated")]),      # not the news
])
def test_a_denial_of_the_news_is_news(claim: str, expected: list[tuple[str, str | None, str]]) -> None:
    text = "Trainers in Crimea\n" + claim + "\nIran denied the claim."
    events = extract_events(article(text, dt.date(2022, 10, 18)))
    assert [(e.kind, e.date, e.date_basis) for e in events if e.kind == "denial"] == expected

