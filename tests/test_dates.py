"""The temporal tagger: grains, relative forms, forward cues, non-dates, unresolved forms, offsets.

Every example is invented for these tests. The reference date is a Friday, 4 October 2024, unless said.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import Mention, find_dates

REF = dt.date(2024, 10, 4)


def values(text: str, ref: dt.date | None = REF) -> list[str | None]:
    return [m.value for m in find_dates(text, ref)]


def only(text: str, ref: dt.date | None = REF) -> Mention:
    found = [m for m in find_dates(text, ref) if m.grain != "duration"]
    assert len(found) == 1, found
    return found[0]


GRAINS = [
    # day
    ("The convoy crossed on 3 August 2023.", "2023-08-03", "day"),
    ("Shelling resumed on Aug. 3, 2023, officials said.", "2023-08-03", "day"),
    ("Filed 2023-08-03 by the agency.", "2023-08-03", "day"),
    ("A stamp reading 03.08.2023 was found.", "2023-08-03", "day"),
    ("The invoice is dated 8/3/2023.", "2023-08-03", "day"),
    ("The ship docked on Thursday, August 3, 2023.", "2023-08-03", "day"),
    ("He returned on the 2nd of May 2021.", "2021-05-02", "day"),
    ("Logged as Sep-03-2021 in the register.", "2021-09-03", "day"),
    ("Logged as 03-Sep-21 in the register.", "2021-09-03", "day"),
    # week, weekend
    ("Deliveries peaked in week 7 of 2023.", "2023-W07", "week"),
    ("Traffic fell the second week of January 2024.", "2024-W02", "week"),
    ("The drills ran last weekend.", "2024-W39-WE", "weekend"),
    # month
    ("Talks stalled in November 2022.", "2022-11", "month"),
    ("Exports rose in 2021/04 figures.", "2021-04", "month"),
    # quarter, half
    ("Output doubled in Q2 2023.", "2023-Q2", "quarter"),
    ("Output doubled in the second quarter of 2023.", "2023-Q2", "quarter"),
    ("Spending rose in the second half of 2022.", "2022-H2", "half"),
    ("Budget plans for H1 2025 were published.", "2025-H1", "half"),
    # season
    ("The offensive began in the autumn of 2023.", "2023-FA", "season"),
    ("Fighting slowed in winter 2022.", "2022-WI", "season"),
    # year, decade, century
    ("The factory opened in 2019 near the border.", "2019", "year"),
    ("The 2022 invasion changed everything.", "2022", "year"),
    ("Relations were frozen in the 1980s.", "198", "decade"),
    ("A treaty from the nineteenth century survives.", "18", "century"),
    # interval
    ("Exercises took place on March 4-6, 2024.", "2024-03-04/2024-03-06", "interval"),
    ("The embargo lasted from 2014 to 2016.", "2014/2016", "interval"),
    ("Prices rose between April and June 2023.", "2023-04/2023-06", "interval"),
    ("The season 2022-23 was long.", "2022/2023", "interval"),
]


@pytest.mark.parametrize(("text", "value", "grain"), GRAINS)
def test_each_grain(text: str, value: str, grain: str) -> None:
    m = only(text)
    assert (m.value, m.grain) == (value, grain)
    assert m.first_day is not None and m.last_day is not None and m.first_day <= m.last_day


RELATIVE = [
    ("Officials met last month.", "2024-09"),
    ("The plant reopened earlier this year.", "2024"),
    ("The depot burned two weeks ago.", "2024-09-20"),
    ("by the end of the year", "2024"),
    ("Crews worked this week.", "2024-W40"),
    ("They will meet again next Friday.", "2024-10-11"),
    ("The ministry confirmed it yesterday.", "2024-10-03"),
    ("Imports doubled over the past three months.", "2024-07/2024-09"),
    ("Shipments went on for the past 1.5 months.", "2024-08/2024-09"),   # the whole months it reaches into
    ("Trade collapsed in the 1990s.", "199"),
    ("Borders were drawn in the 20th century.", "19"),
    ("Sales fell in the third quarter.", "2024-Q3"),
    ("Sales fell in Q3 2023.", "2023-Q3"),
    ("Sales fell in the first half of 2023.", "2023-H1"),
    ("Sales fell in summer 2023.", "2023-SU"),
    ("Sales fell last weekend.", "2024-W39-WE"),
    ("Ships left in week 12 of 2023.", "2023-W12"),
    ("The drills ran June 3-5.", "2024-06-03/2024-06-05"),
    ("between May 2 and May 9, 2022", "2022-05-02/2022-05-09"),
    ("from January to March 2021", "2021-01/2021-03"),
    ("Payment was due on the 20th.", "2024-09-20"),
    ("The port closed on Tuesday.", "2024-10-01"),
    ("The port closed last Thursday.", "2024-09-26"),   # the previous week's, not yesterday
    ("Talks ended last Monday.", "2024-09-23"),
    ("Staff left before Christmas.", "2023-12-25"),
    ("The ban started on New Year's Day.", "2024-01-01"),
    ("Output dipped in mid-August.", "2024-08"),
    ("Output dipped in late 2022.", "2022"),
    ("Output dipped at the start of 2023.", "2023"),
    ("The launch happened in August.", "2024-08"),
    ("It happened the day before yesterday.", "2024-10-02"),
    ("It happened three days ago.", "2024-10-01"),
    ("It happened this month.", "2024-10"),
    ("It happened last year.", "2023"),
    ("It happened next year.", "2025"),
    ("It happened on the first Monday of last month.", "2024-09-02"),
    ("the week after next", "2024-W42"),
    ("Talks ended the last Friday in August.", "2024-08-30"),
]


@pytest.mark.parametrize(("text", "value"), RELATIVE)
def test_relative_forms(text: str, value: str) -> None:
    m = only(text)
    assert m.value == value
    assert m.text.lower() in text.lower()


def test_relative_flag_set_for_relative_only() -> None:
    assert only("They met last month.").relative
    assert not only("They met in June 2021.").relative


def test_following_month_follows_previous_mention() -> None:
    found = values("The contract was signed in March 2022. The following month, the first train left.")
    assert found == ["2022-03", "2022-04"]


def test_days_later_counts_from_previous_mention() -> None:
    assert values("A strike hit on 10 May 2023 and another one five days later.") == ["2023-05-10", "2023-05-15"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chips came in 2023. In the last quarter of the year, tools came too.", ["2023", "2023-Q4"]),
    ("Chips came in 2022. In the first half of the year, more came.", ["2022", "2022-H1"]),
    ("In the first half of this year, tools came.", ["2024-H1"]),   # "this year" is the report's year
])
def test_a_period_of_the_year_is_in_the_year_just_named(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("On 17 October 2022, officials said drones hit Kyiv earlier in the day.", ["2022-10-17", "2022-10-17"]),
    ("Officials said drones hit Kyiv earlier this week.", ["2024-W40"]),   # "this week" is the report's
    ("Sales began in January 2022. Earlier in the month, officials said more came.", ["2022-01", "2024-10"]),
])
def test_earlier_in_the_day_is_the_day_just_named(text: str, expected: list[str]) -> None:
    assert values(text) == expected


def test_months_of_the_current_year() -> None:
    assert values("From January to March of the current year, tons were sold.") == ["2024-01/2024-03"]


def test_a_day_before_counts_from_the_last_day_named() -> None:
    text = "The Pentagon said on 29 October 2024 that fighting has gone on since August. Rutte said the previous day that troops arrived."
    assert values(text) == ["2024-10-29", "2024-08", "2024-10-28"]   # not the day before August


def test_since_gives_open_interval_to_reference() -> None:
    m = only("Deliveries have continued since mid-2022.")
    assert (m.value, m.mod) == ("2022", "ON_OR_AFTER")
    assert m.first_day is not None and m.first_day.year == 2022 and m.last_day == REF


@pytest.mark.parametrize(("text", "mod"), [
    ("early 2023", "START"), ("in mid-2023", "MID"), ("late 2023", "END"), ("the end of 2023", "END"),
    ("the beginning of March 2023", "START"), ("before June 2023", "BEFORE"), ("after June 2023", "AFTER"),
    ("until June 2023", "ON_OR_BEFORE"), ("since June 2023", "ON_OR_AFTER"),
])
def test_modifiers(text: str, mod: str) -> None:
    assert only(text).mod == mod


def test_modifier_narrows_the_days() -> None:
    m = only("in late 2023")
    assert (m.first_day, m.last_day) == (dt.date(2023, 9, 2), dt.date(2023, 12, 31))


# --- direction: the news reading and the forward cues ---------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("The shells arrived in September.", "2024-09"),
    ("The shells will arrive in September.", "2025-09"),
    ("Voters go to the polls in November.", "2024-11"),
    ("The election in November is close.", "2024-11"),
    ("The summit is scheduled for March.", "2025-03"),
    ("The summit took place in March.", "2024-03"),
    ("They met on Monday.", "2024-09-30"),
    ("They will meet on Monday.", "2024-10-07"),
    ("Seoul forecast more troops to deploy between July and August.", "2025-07/2025-08"),   # a forecast looks ahead
    ("Analysts predicted the shells would arrive in March.", "2025-03"),
    ("next month", "2024-11"),
    ("the coming week", "2024-W41"),
])
def test_direction(text: str, value: str) -> None:
    assert only(text).value == value


# --- what is not a date ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The plant makes 1,200 a day.",
    "They earn three million a year.",
    "A 38-year-old driver was arrested.",
    "The curfew runs 10pm - 1am.",
    "Some 13,000 containers were counted.",
    "Launchers for the KN-23 were seen.",
    "A Shahed-136 was shot down.",
    "Two Su-35 jets landed.",
    "The Fath-360 has a short range.",
    "The letter was dated 31 February 2024.",
    "The form says 30/02/2023.",
    "They sent 2,500 troops.",
    "He is in his 60s.",
    "Staff work 24/7 here.",
    "The team won 3-1.",
    "It is the second time.",
    "They may agree. They march on.",
    "He sat in the sun.",
    "She was the first to arrive.",
    "They voted for the second time.",
    "The 2.5-tonne warhead was shown.",
    "Between 2-3 million rounds were sent.",
    "Theresa May spoke.",
    "This may be a decoy, he said.",
    "That may well change.",
    "Resolution 1718 bans such sales.",
    "The 1,000 drones came in 2 batches.",
    "Factories built 2000 drones.",
])
def test_not_a_date(text: str) -> None:
    assert [m for m in find_dates(text, REF) if m.value is not None or m.grain != "duration"] == []


@pytest.mark.parametrize(("text", "duration"), [
    ("The siege lasted for two weeks.", "P2W"),
    ("The treaty runs for three years.", "P3Y"),
    ("They waited 10 days.", "P10D"),
])
def test_durations_are_never_dates(text: str, duration: str) -> None:
    (m,) = find_dates(text, REF)
    assert (m.value, m.grain, m.duration) == (None, "duration", duration)
    assert m.first_day is None and m.last_day is None


# --- unresolved without a reference date ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["last month", "two weeks ago", "yesterday", "in September", "on Tuesday",
                                  "next year", "this week", "the 12th"])
def test_relative_is_unresolved_without_ref(text: str) -> None:
    m = only(text, None)
    assert m.value is None and m.first_day is None and m.last_day is None


@pytest.mark.parametrize(("text", "value"), [("June 2024", "2024-06"), ("3 May 2022", "2022-05-03"),
                                             ("the 1990s", "199"), ("Q1 2020", "2020-Q1"),
                                             ("from March to May 2023", "2023-03/2023-05")])
def test_absolute_is_resolved_without_ref(text: str, value: str) -> None:
    assert only(text, None).value == value


# --- offsets and records --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kim travelled in June, and on 19 June 2024 signed the pact; shipments started weeks later.",
    "Since mid-2022 and until the end of last year, trains ran from March to May 2023.",
    "  Early 2023 — a lull; by Q4 2023 a surge, and last week more.\nYesterday: nothing.",
])
def test_offsets_slice_the_text(text: str) -> None:
    found = find_dates(text, REF)
    assert found
    for m in found:
        assert text[m.start:m.end] == m.text
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_to_json_fields() -> None:
    d = only("in June 2021").to_json()
    assert {"start", "end", "text", "value", "grain", "first_day", "last_day", "mod"} <= set(d)
    assert (d["first_day"], d["last_day"]) == ("2021-06-01", "2021-06-30")


def test_datetime_reference_is_accepted() -> None:
    assert values("yesterday", dt.datetime(2024, 10, 4, 23, 30)) == ["2024-10-03"]


# --- holidays, offsets, anaphora at the anchor's grain --------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("The offensive paused at Christmas.", "2023-12-25"),
    ("They met on Thanksgiving 2022.", "2022-11-24"),
    ("The parade on Victory Day was smaller.", "2024-05-09"),
    ("last Memorial Day", "2024-05-27"),
    ("The strike came on Easter Monday 2023.", "2023-04-10"),
    ("The shipment came a week before Christmas 2023.", "2023-12-18"),
    ("Two days after 1 March 2022 the convoy stopped.", "2022-03-03"),
])
def test_holidays_and_offsets(text: str, value: str) -> None:
    assert only(text).value == value


def test_year_earlier_keeps_the_anchor_grain() -> None:
    assert values("Exports rose in the second quarter of 2023, up from a year earlier.") == ["2023-Q2", "2022-Q2"]


@pytest.mark.parametrize(("text", "expected"), [
    ("A contract was signed in March 2023 for parts from September of that year.", ["2023-03", "2023-09"]),
    ("The pact came in 2019; in May of the same year the first shells left.", ["2019", "2019-05"]),
])
def test_a_month_of_that_year_is_in_the_year_just_named(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("They met on June 19 of last year.", ["2023-06-19"]),
    ("They met on 3 March this year.", ["2024-03-03"]),
    ("They will meet on May 2nd, next year.", ["2025-05-02"]),
    ("They met on 30 February last year.", []),     # no such day: nothing, never a guess
])
def test_a_day_of_last_or_this_year(text: str, expected: list[str]) -> None:
    assert values(text) == expected


def test_bare_day_of_month_takes_the_month_in_context() -> None:
    assert values("Ships left on 2 August 2023 and returned on the 9th.") == ["2023-08-02", "2023-08-09"]


@pytest.mark.parametrize(("text", "value", "mod"), [
    ("The deal should close by year-end.", "2024", "END"), ("Prices peaked at mid-year.", "2024", "MID"),
    ("the rest of the month", "2024-10-04/2024-10-31", None), ("within two weeks", "2024-10-04/2024-10-18", None),
])
def test_unit_edges_and_spans(text: str, value: str, mod: str | None) -> None:
    m = only(text)
    assert (m.value, m.mod) == (value, mod)


@pytest.mark.parametrize(("text", "value"), [
    ("in nineteen ninety-nine", "1999"), ("the summer of nineteen eighty", "1980-SU"),
    ("the twenty-first of March two thousand and five", "2005-03-21"),
])
def test_numbers_in_words(text: str, value: str) -> None:
    assert only(text).value == value


@pytest.mark.parametrize(("text", "value"), [
    ("Results for FY2023 were weak.", "2023"), ("Results for the 2023 first half were weak.", "2023-H1"),
    ("The offensive stalled on 3 May 2023. The following Tuesday it resumed.", "2023-05-09"),
])
def test_fiscal_years_halves_and_following_weekday(text: str, value: str) -> None:
    assert values(text)[-1] == value


@pytest.mark.parametrize("text", ["The pilot, 38 years old, survived.", "a man aged 38 years", "it was a 10-year-old deal"])
def test_ages_are_not_durations(text: str) -> None:
    assert find_dates(text, REF) == []


VOCABULARY = ["the", "last", "next", "this", "of", "in", "on", "from", "to", "between", "and", "-", "/", ".", ",", "1", "2", "13", "29", "31", "99", "999", "1999", "2024", "9999", "January", "May", "Monday", "week", "weekend", "month", "year", "Q3", "H1", "century", "1990s", "ago", "later", "before", "since", "until", "early", "mid", "end", "first", "second", "21st", "twenty", "nineteen", "thousand", "summer", "fall", "Christmas", "today", "yesterday", "days", "years", "few", "a", "will", "was", "2/29", "31/02", "2023-02-30", "past", "coming", "following"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8),
       st.sampled_from([None, REF, dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2024, 2, 29)]))
def test_any_word_salad_gives_sliced_ordered_mentions(words: list[str], ref: dt.date | None) -> None:
    text = " ".join(words)
    found = find_dates(text, ref)
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.value is None or m.first_day is None or m.last_day is None or m.first_day <= m.last_day
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@pytest.mark.parametrize(("text", "value"), [
    ("Talks began in March 2023. At that time, no deal was signed.", "2023-03"),
    ("The depot burned on 2 May. Back then, the guards had left.", "2024-05-02"),
])
def test_at_that_time_points_back_to_the_previous_mention(text: str, value: str) -> None:
    assert values(text)[-1] == value


def test_at_that_time_without_a_previous_mention_is_not_a_date() -> None:
    assert values("At that time, nobody knew.") == []
