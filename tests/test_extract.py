"""The rules engine, one sentence at a time: who supplies what, how it is said, and which date governs.

Dates are given to the engine as mentions built here from (phrase, TIMEX value), so these tests pin down the
extraction rules whatever the temporal tagger does; tests/test_events.py runs the two together.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import Mention, find_dates
from timeline.extract import analyse
from timeline.timex import grain_of, interval_of


def mentions(sentence: str, *dated: tuple[str, str]) -> list[Mention]:
    out = []
    for phrase, value in dated:
        start = sentence.index(phrase)
        first, last = interval_of(value) or (None, None)
        out.append(Mention(start, start + len(phrase), phrase, value, grain_of(value), first, last))
    return out


# (sentence, dates, expected: (supplier, item_class, kind, date, basis) per event, in order)
CASES = [
    ("Iran has shipped 200 ballistic missiles to Russia.", [],
     [("Iran", "missiles", "shipment", None, "undated")]),
    ("Half of the shells fired by Russia are supplied by North Korea.", [],
     [("North Korea", "ammunition", "shipment", None, "undated")]),
    ("Russia received Shahed drones from Iran in August.", [("in August", "2022-08")],
     [("Iran", "drones", "shipment", "2022-08", "event")]),
    ("Shipments of North Korean shells grew sharply in May.", [("in May", "2023-05")],
     [("North Korea", "ammunition", "shipment", "2023-05", "event")]),
    ("Pyongyang denied that it had sent troops to Russia.", [],
     [("North Korea", "troops", "denial", None, "undated")]),
    ("Belarus has not supplied ammunition to Moscow, the ministry said.", [],
     [("Belarus", "ammunition", "denial", None, "undated")]),
    ("Officials said in March that China was supplying microchips to Russia.", [("in March", "2023-03")],
     [("China", "components", "shipment", "2023-03", "statement")]),
    ("Iran will deliver Fath-360 missiles to Russia.", [],
     [("Iran", "missiles", "plan", None, "undated")]),
    ("Kim Jong Un reportedly sent KN-23 missiles to Russia.", [],
     [("North Korea", "missiles", "claim", None, "undated")]),
    ("Putin and Kim signed a mutual defence treaty in June.", [("in June", "2024-06")],
     [("North Korea", "agreement", "agreement", "2024-06", "event")]),
    ("A newspaper reported in May that Belarus had sent tanks to Russia, while Iran has helped a Russian firm build drones.",
     [("in May", "2023-05")],
     [("Belarus", "weapons", "shipment", "2023-05", "statement"), ("Iran", "drones", "other", "2023-05", "statement")]),
    ("North Korea supplies shells, missiles, and troops.", [],
     [("North Korea", "ammunition", "shipment", None, "undated"), ("North Korea", "missiles", "shipment", None, "undated"),
      ("North Korea", "troops", "deployment", None, "undated")]),
    ("Iran sent drones in August, Ukrainian officials said on Monday.", [("in August", "2022-08"), ("on Monday", "2022-10-17")],
     [("Iran", "drones", "shipment", "2022-08", "event")]),
    ("Iran sent attack drones, Ukrainian officials said on Monday.", [("on Monday", "2022-10-17")],
     [("Iran", "drones", "shipment", "2022-10-17", "statement")]),
    ("Russia has received 400 Iranian drones, a spokesman said on Monday, adding that most were shot down.",
     [("Monday", "2022-10-17")], [("Iran", "drones", "shipment", "2022-10-17", "statement")]),
    ("Tehran acknowledged for the first time on Saturday that it had sent drones to Russia.", [("Saturday", "2022-11-05")],
     [("Iran", "drones", "shipment", "2022-11-05", "statement")]),
    ("In July, Tehran shipped attack drones to Russia.", [("In July", "2022-07")],
     [("Iran", "drones", "shipment", "2022-07", "event")]),
    ("March 2023: Chinese firms sell machine tools to Russia, US officials say.", [("March 2023", "2023-03")],
     [("China", "components", "shipment", "2023-03", "event")]),
    ("Rumours say North Korea would deploy its labourers to occupied territory.", [],
     [("North Korea", "troops", "claim", None, "undated")]),
    ("Minsk has been sending armoured vehicles to Russia by rail.", [],
     [("Belarus", "weapons", "shipment", None, "undated")]),
    ("The agency believes the North may send more personnel, as well as self-propelled howitzers.", [],
     [("North Korea", "troops", "claim", None, "undated"), ("North Korea", "weapons", "claim", None, "undated")]),
    ("Some 3,000 North Korean labourers and military engineers will be sent to Kursk.", [],
     [("North Korea", "troops", "plan", None, "undated"), ("North Korea", "troops", "plan", None, "undated")]),
    ("The Russia-North Korea treaty entered into force in December.", [("December", "2024-12")],
     [("North Korea", "agreement", "agreement", "2024-12", "event")]),
    ("Russia fired Iranian-made missiles that Tehran delivered in May and June.", [("May", "2024-05"), ("June", "2024-06")],
     [("Iran", "missiles", "shipment", "2024-05/2024-06", "event")]),
    ("More than 10,000 North Korean soldiers are fighting in Kursk.", [],
     [("North Korea", "troops", "deployment", None, "undated")]),
    ("North Korea, which signed a treaty with Russia in June, has sent troops to Kursk.", [("June", "2024-06")],
     [("North Korea", "agreement", "agreement", "2024-06", "event"), ("North Korea", "troops", "deployment", None, "undated")]),
    ("Kim pledged to send more artillery shells to Moscow.", [],
     [("North Korea", "ammunition", "plan", None, "undated")]),
    ("Russia has been supplied with Iranian drones.", [],
     [("Iran", "drones", "shipment", None, "undated")]),
    ("Under the June 2024 treaty, North Korea has sent troops to Kursk.", [("June 2024", "2024-06")],
     [("North Korea", "troops", "deployment", None, "undated")]),
    ("Under Pyongyang's 2024 treaty, North Korea has sent troops to Kursk.", [("2024", "2024")],
     [("North Korea", "troops", "deployment", None, "undated")]),
    ("Belarusian plants are producing shells for the Russian army.", [],
     [("Belarus", "ammunition", "shipment", None, "undated")]),
    ("Belarusian plants are producing shells for their own army.", [], []),
    ("A cargo ship carrying North Korean containers docked in Vladivostok.", [], []),
    ("Roughly 10,000 North Korean troops had moved to Kursk.", [],
     [("North Korea", "troops", "deployment", None, "undated")]),
    ("Chinese firms sold drone components to Russian manufacturers.", [],
     [("China", "components", "shipment", None, "undated")]),
    ("North Korea is shipping shells to Russia as Moscow steps up its offensive this autumn.", [("this autumn", "2024-FA")],
     [("North Korea", "ammunition", "shipment", None, "undated")]),
    # the object of a contract is not a shipment
    ("Tehran and Moscow signed a contract for the delivery of several hundred rockets in early 2024.",
     [("in early 2024", "2024")], [("Iran", "agreement", "agreement", "2024", "event")]),
    # missiles and launchers are two classes of supply: one fact each
    ("Pyongyang has handed over cruise missiles and launchers to Moscow.", [],
     [("North Korea", "missiles", "shipment", None, "undated"), ("North Korea", "weapons", "shipment", None, "undated")]),
    ("Pyongyang has handed over launchers and their missiles to Moscow.", [],
     [("North Korea", "weapons", "shipment", None, "undated"), ("North Korea", "missiles", "shipment", None, "undated")]),
    # "an estimated" is an amount, not a saying; what containers are packed with is what was supplied
    ("Pyongyang has shipped an estimated 9,000 containers packed with rockets and mortar rounds.", [],
     [("North Korea", "missiles", "shipment", None, "undated"), ("North Korea", "ammunition", "shipment", None, "undated")]),
    ("Minsk sent 40 wagons filled with shells to Russia.", [], [("Belarus", "ammunition", "shipment", None, "undated")]),
    ("Pyongyang denies selling weapons to Russia.", [], [("North Korea", "weapons", "denial", None, "undated")]),
    # calling the reports false is denying them
    ("Reports of Iran sending missiles to Russia are psychological warfare, a commander said.", [],
     [("Iran", "missiles", "denial", None, "undated")]),
    ("Any claim that Iran sold Russia drones is a sheer lie.", [], [("Iran", "drones", "denial", None, "undated")]),
    ("Reports that Minsk sends shells to Russia are not true.", [], [("Belarus", "ammunition", "denial", None, "undated")]),
    # a foreign-made missile identified after a dated strike is a supply claim dated at the strike
    ("Wreckage of the rocket that hit Odesa on 3 March came from a North Korean KN-24, investigators said.",
     [("on 3 March", "2024-03-03")], [("North Korea", "missiles", "claim", "2024-03-03", "event")]),
    ("By 9 April the army had fired at least 30 North Korean artillery shells at the town.",
     [("By 9 April", "2024-04-09")], [("North Korea", "ammunition", "claim", "2024-04-09", "event")]),
    ("Inspectors found that the missile which struck Lviv on 4 May was Iran's Fath-360.",
     [("on 4 May", "2024-05-04")], [("Iran", "missiles", "claim", "2024-05-04", "event")]),   # a foreign missile that struck: used
    # a trailing reporting clause, inverted or followed by a participle, governs the facts before it
    ("North Korea has shipped 8,000 containers to Russia, reported the Seoul daily on Monday.",
     [("on Monday", "2024-09-30")], [("North Korea", "ammunition", "shipment", "2024-09-30", "statement")]),
    ("Russia has received cruise missiles from Iran, the minister said Monday, pledging tougher sanctions on Tehran.",
     [("Monday", "2024-09-30")], [("Iran", "missiles", "shipment", "2024-09-30", "statement")]),
    # arrival in Russia, an order placed abroad, talks about a deal
    ("A second batch of Iranian drones arrived in Russia on 2 June.", [("on 2 June", "2023-06-02")],
     [("Iran", "drones", "shipment", "2023-06-02", "event")]),
    ("Moscow has ordered 1,500 attack drones from Tehran.", [], [("Iran", "drones", "plan", None, "undated")]),
    ("Kim Jong Un and Putin met to discuss arms deals and space.", [], [("North Korea", "agreement", "other", None, "undated")]),
    # two calibres of one item are one fact; different items of one class stay apart for the merger
    ("North Korea sent 3 million 152-mm shells and 400,000 122-mm shells.", [],
     [("North Korea", "ammunition", "shipment", None, "undated")]),
    # a dateline with an agency, and the decade an item was made, do not date the supply
    ("Minsk, June 11 (Agency).- Belarus has handed over 30 T-72 tanks to Russia.", [("June 11", "2024-06-11")],
     [("Belarus", "weapons", "shipment", None, "undated")]),
    ("Belarus sent Russia 50 T-72 tanks manufactured in the 1970s.", [("in the 1970s", "197")],
     [("Belarus", "weapons", "shipment", None, "undated")]),
    # the date of another event (the invasion) does not date the supply
    ("Belarus has sent old tanks since the invasion of Ukraine in February 2022.", [("in February 2022", "2022-02")],
     [("Belarus", "weapons", "shipment", None, "undated")]),
    # items named in a "which include" clause are part of the supply; "transfers between Russia and X"
    ("Iran will send Russia a cargo of arms, which will include cruise missiles and attack drones.", [],
     [("Iran", "weapons", "plan", None, "undated"), ("Iran", "missiles", "plan", None, "undated"),
      ("Iran", "drones", "plan", None, "undated")]),
    ("Firms were fined for brokering arms transfers between Moscow and Pyongyang, including rockets.", [],
     [("North Korea", "missiles", "shipment", None, "undated")]),
    # a saying whose subject is an appositive followed by its date
    ("The alliance chief, Jan Berg, on Monday confirmed that North Korean troops had been deployed in Kursk.",
     [("on Monday", "2024-09-30")], [("North Korea", "troops", "deployment", "2024-09-30", "statement")]),
    ("Beijing strictly controls the export of dual-use goods, including drones, the ministry said.", [],
     [("China", "components", "denial", None, "undated"), ("China", "drones", "denial", None, "undated")]),
    # a first-person denial quoted before its speaker
    ("\"We have never sold arms to Moscow,\" Iran's deputy minister said on 8 May.", [("on 8 May", "2024-05-08")],
     [("Iran", "weapons", "denial", "2024-05-08", "statement")]),
    # a denial's "any" is not a condition
    ("Beijing has firmly denied any involvement in supplying lethal weapons to Russia.", [],
     [("China", "weapons", "denial", None, "undated")]),
    # supply told by where things come from
    ("The firm said the engines for its drones come from China.", [],
     [("China", "components", "shipment", None, "undated")]),
    ("Officials say lethal aid is flowing from China to Russia.", [], [("China", "weapons", "shipment", None, "undated")]),
    ("Kim Jong Un could forge an arms deal with Putin, officials said on Wednesday.", [("on Wednesday", "2023-09-13")],
     [("North Korea", "agreement", "agreement", "2023-09-13", "statement")]),
    # a date in a participle aside, or of another predicate, does not date the supply
    ("Wang denied that China has supplied weapons to Russia, pushing back on claims made by a minister the previous day.",
     [("the previous day", "2024-05-22")], [("China", "weapons", "denial", None, "undated")]),
    ("North Korean troops stationed in Kursk had not been involved in combat since mid-January.",
     [("since mid-January", "2025-01")], [("North Korea", "troops", "deployment", None, "undated")]),
    ("The shipments began in early January following the finalisation of a deal with Iran late last year.",
     [("in early January", "2024-01"), ("late last year", "2023")], [("Iran", "agreement", "agreement", "2023", "event")]),
    ("Following the pact signed by the two leaders in June 2024, Pyongyang dispatched soldiers to Russia.",
     [("in June 2024", "2024-06")], [("North Korea", "agreement", "agreement", "2024-06", "event"),
                                     ("North Korea", "troops", "deployment", None, "undated")]),
    ("Following the pact, Pyongyang dispatched soldiers to Russia in June 2024.",
     [("in June 2024", "2024-06")], [("North Korea", "troops", "deployment", "2024-06", "event")]),
    # a foreign-made drone shot down before Russia built its own came from its maker; after that, it may not have
    ("On Tuesday Ukrainian forces shot down an Iranian-made Shahed-136 drone near Kupiansk.",
     [("On Tuesday", "2022-09-13")], [("Iran", "drones", "claim", "2022-09-13", "event")]),
    ("On Tuesday Ukrainian forces shot down an Iranian-made Shahed-136 drone near Kupiansk.",
     [("On Tuesday", "2024-09-10")], []),
    # what the containers hold is what was supplied; "his country" is the speaker's
    ("Pyongyang has delivered 1,000 containers of military equipment and munitions to Russia.", [],
     [("North Korea", "weapons", "shipment", None, "undated"), ("North Korea", "ammunition", "shipment", None, "undated")]),
    ("Iran's foreign minister acknowledged that his country has supplied Russia with drones.", [],
     [("Iran", "drones", "shipment", None, "undated")]),
    # "no evidence that" is a denial; "help it deploy tanks" is no supply by its subject
    ("The U.S. has seen no evidence that China is supplying lethal weapons to Russia.", [],
     [("China", "weapons", "denial", None, "undated")]),
    # troops moved or trained in Russia; a supply told by its transport
    ("Some 11,000 North Korean soldiers are training in eastern Russia.", [],
     [("North Korea", "troops", "deployment", None, "undated")]),
    ("North Korea transported its special forces to Russia between October 8 and 13.",
     [("between October 8 and 13", "2024-10-08/2024-10-13")],
     [("North Korea", "troops", "deployment", "2024-10-08/2024-10-13", "event")]),
    # troops are deployed, things are shipped, in one list
    ("North Korea has given Moscow 11,000 troops and 200 artillery pieces.", [],
     [("North Korea", "troops", "deployment", None, "undated"), ("North Korea", "weapons", "shipment", None, "undated")]),
    # a weapon whose maker is named after it; two days listed are two facts
    ("Russia fired missiles of North Korean origin on 30 December and 2 January.",
     [("on 30 December", "2023-12-30"), ("2 January", "2024-01-02")],
     [("North Korea", "missiles", "claim", "2023-12-30", "event"), ("North Korea", "missiles", "claim", "2024-01-02", "event")]),
    ("Beijing says it keeps strict controls over the export of drones.", [], [("China", "drones", "denial", None, "undated")]),
    ("China said it was not aware of any exports of engines to Russia.", [],
     [("China", "components", "denial", None, "undated")]),
    # treaty steps; a relative clause closed by a comma gives the date back to the main clause; a dated place
    ("North Korea signed the treaty, which was concluded on June 19, on Monday.",
     [("June 19", "2024-06-19"), ("Monday", "2024-11-11")],
     [("North Korea", "agreement", "agreement", "2024-11-11", "event"),
      ("North Korea", "agreement", "agreement", "2024-06-19", "event")]),
    ("The Duma okayed the treaty with North Korea on October 24.", [("October 24", "2024-10-24")],
     [("North Korea", "agreement", "agreement", "2024-10-24", "event")]),
    ("Seoul, November 13: North Korea has ratified the treaty with Russia, the agency reported.",
     [("November 13", "2024-11-13")], [("North Korea", "agreement", "agreement", None, "undated")]),
    ("Russia received shells made in North Korea from 3 to 9 May.", [("3", "2024-05-03"), ("9 May", "2024-05-09")],
     [("North Korea", "ammunition", "shipment", "2024-05-03/2024-05-09", "event")]),
    # a list "including ..." is not a clause that keeps the date away; an opening participle dates the saying
    ("North Korea sent supplies, including shells, to Russia around the time Shoigu visited in July.",
     [("in July", "2023-07")], [("North Korea", "ammunition", "shipment", "2023-07", "event")]),
    ("Speaking to reporters on Monday, Kirby said North Korea sent missiles to Russia.", [("Monday", "2024-01-01")],
     [("North Korea", "missiles", "shipment", "2024-01-01", "statement")]),
    # a date in a later clause with its own verb dates that clause, not the supply
    ("Iran is sending parts to Russia after the initial agreement was struck this month.", [("this month", "2022-11")],
     [("Iran", "components", "shipment", None, "undated")]),
    # reaching a deal is an agreement, unless the deal is to buy from Russia
    ("Iran and Russia have reached an agreement to produce drones in Russia.", [],
     [("Iran", "agreement", "agreement", None, "undated")]),
    ("Iran reached a deal to buy fighter jets from Russia in March.", [("in March", "2023-03")], []),
    ("Iran signed a deal to purchase the planes from Moscow.", [], []),
    # the verb after a noun cue is the cue's own: it keeps the date
    ("Shipments of North Korean shells were recorded in May.", [("in May", "2024-05")],
     [("North Korea", "ammunition", "shipment", "2024-05", "event")]),
    ("The first sightings of North Korean soldiers were recorded on Oct. 23.", [("on Oct. 23", "2024-10-23")],
     [("North Korea", "troops", "deployment", "2024-10-23", "event")]),
    ("Shipments of North Korean shells were criticised by Seoul in May.", [("in May", "2024-05")],
     [("North Korea", "ammunition", "shipment", None, "undated")]),   # the date of the criticism
    ("The last shipment of weapons left Iran in early March, heading toward Russia.", [("in early March", "2023-03")],
     [("Iran", "weapons", "shipment", "2023-03", "event")]),
    ("Pyongyang has dispatched pilots and sappers to Russia.", [],
     [("North Korea", "troops", "deployment", None, "undated"), ("North Korea", "troops", "deployment", None, "undated")]),
    # a treaty's steps: a participle clause with a date of its own is a step of its own
    ("The treaty, signed by Putin and Kim in June, took effect on Wednesday.",
     [("in June", "2024-06"), ("on Wednesday", "2024-12-04")],
     [("North Korea", "agreement", "agreement", "2024-06", "event"), ("North Korea", "agreement", "agreement", "2024-12-04", "event")]),
    ("Iran and Russia began implementing the treaty on Thursday, signed by Putin and Pezeshkian on January 17, 2025.",
     [("on Thursday", "2025-10-02"), ("on January 17, 2025", "2025-01-17")],
     [("Iran", "agreement", "agreement", "2025-10-02", "event"), ("Iran", "agreement", "agreement", "2025-01-17", "event")]),
    ("On Thursday, Washington sanctioned a Chinese firm, involved in making engines for Russia's drones.",
     [("On Thursday", "2024-10-17")], [("China", "components", "shipment", "2024-10-17", "event")]),   # no date of its own
    ("Russia and North Korea reached an agreement on the treaty on Wednesday, signed by Putin and Kim.",
     [("on Wednesday", "2024-06-19")],
     [("North Korea", "agreement", "agreement", "2024-06-19", "event"), ("North Korea", "agreement", "agreement", "2024-06-19", "event")]),
    # a country's own army sent abroad
    ("North Korea has sent its troops to Russia.", [], [("North Korea", "troops", "deployment", None, "undated")]),
    ("Beijing has not sent its military to fight in Ukraine.", [], [("China", "troops", "denial", None, "undated")]),
    ("Iran said it would equip its military with new rocket launchers.", [], []),   # its own forces
    # a foreign weapon that struck or hit, or was identified
    ("It was one of several North Korean missiles that hit Kharkiv on 2 January.", [("on 2 January", "2024-01-02")],
     [("North Korea", "missiles", "claim", "2024-01-02", "event")]),
    ("The missile that struck a residential building in Kyiv on April 24 was made in North Korea.",
     [("on April 24", "2025-04-24")], [("North Korea", "missiles", "claim", "2025-04-24", "event")]),
    ("Investigators said the wreckage was identified as a North Korean-made KN-23.", [],
     [("North Korea", "missiles", "claim", None, "undated")]),
    ("Zelensky said on Monday that Russia had used Iran-made drones to attack cities.", [("on Monday", "2022-10-10")],
     [("Iran", "drones", "claim", "2022-10-10", "statement")]),   # "Iran-made" names the maker
    # attacking with a foreign weapon is using it
    ("Russia attacked Kyiv with North Korean missiles on 2 January.", [("on 2 January", "2024-01-02")],
     [("North Korea", "missiles", "claim", "2024-01-02", "event")]),
    # weapons for its own army, and a test-firing, are not supplied
    ("North Korea said it would deploy a new 240 mm multiple rocket launcher to its military this year.", [("this year", "2024")], []),
    ("North Korea's Kim Jong Un oversaw the test-firing of a 240mm rocket launcher on Tuesday.", [("on Tuesday", "2024-03-05")], []),
    ("The general stated that Iran had achieved self-sufficiency in supplying combat drones to its forces.", [], []),
    ("Kim oversaw the test of a rocket launcher equipped with a new guiding system on Tuesday.", [("on Tuesday", "2024-03-05")], []),
    ("He added that in 2025, most of the electronics used in Russian drones originated from China.", [("in 2025", "2025")],
     [("China", "components", "shipment", "2025", "event")]),   # the drones hold the electronics
    ("North Korea says it has never had arms dealings with Russia.", [], [("North Korea", "weapons", "denial", None, "undated")]),
    ("North Korean troops left for Kursk in early August.", [("early August", "2024-08")],
     [("North Korea", "troops", "deployment", "2024-08", "event")]),
    # a list goes on past "a significant amount of"
    ("North Korea sent Moscow 11,000 troops and a significant amount of ammunition.", [],
     [("North Korea", "troops", "deployment", None, "undated"), ("North Korea", "ammunition", "shipment", None, "undated")]),
    # a shipment that left or arrived on a date is dated by it
    ("Officials said the last shipment of weapons that was known to have crossed the sea left Iran in early March.",
     [("early March", "2023-03")], [("Iran", "weapons", "claim", "2023-03", "event")]),
    # an agreement under which the supplier receives from Russia runs the other way
    ("The two countries reached an agreement under which North Korea will receive drone technology from Russia.", [], []),
    # an attempt to buy is a plan; help by exporting is the export
    ("Russia is seeking to buy artillery shells from North Korea.", [], [("North Korea", "ammunition", "plan", None, "undated")]),
    ("Chinese firms helped Russia refill its stocks of ammunition by exporting a component used to produce gunpowder.",
     [], [("China", "components", "shipment", None, "undated")]),
    # the weapon's maker named after it: developed by, made in, of Chinese origin
    ("Experts confirmed that the missile launched on 2 January is a short-range missile developed in North Korea.",
     [("on 2 January", "2024-01-02")], [("North Korea", "missiles", "claim", "2024-01-02", "event")]),
    ("He said in March that most electronics used in Russian drones are of Chinese origin.", [("in March", "2024-03")],
     [("China", "components", "claim", "2024-03", "statement")]),
    ("He said in March that most drones used by Russia are now made in Russia.", [("in March", "2024-03")], []),
    ("Kyiv identified the wreckage on 2 January as being a missile made by North Korea.", [("on 2 January", "2024-01-02")],
     [("North Korea", "missiles", "claim", "2024-01-02", "event")]),
    # the supplier as an adjective of the verb, a handover, a possibility
    ("Ukraine's army said it had downed an Iranian-supplied drone near Kupiansk.", [],
     [("Iran", "drones", "shipment", None, "undated")]),
    ("The sanctions answer the alleged handover of drones from Iran to Russia.", [],
     [("Iran", "drones", "claim", None, "undated")]),
    ("China mulled the possibility of providing military assistance to Russia, including either weapons or ammunition.", [],
     [("China", "weapons", "plan", None, "undated"), ("China", "weapons", "plan", None, "undated"),
      ("China", "ammunition", "plan", None, "undated")]),
    # a second amount with a date of its own, the verb left out
    ("North Korea sent 11,000 troops to Russia in October, and 4,000 more troops this February.",
     [("in October", "2024-10"), ("this February", "2025-02")],
     [("North Korea", "troops", "deployment", "2024-10", "event"), ("North Korea", "troops", "deployment", "2025-02", "event")]),
    ("Iran delivered 400 drones in August and 300 more in September.", [("in August", "2022-08"), ("in September", "2022-09")],
     [("Iran", "drones", "shipment", "2022-08", "event"), ("Iran", "drones", "shipment", "2022-09", "event")]),
    ("Iran delivered 400 drones in August and 300 missiles.", [("in August", "2022-08")],
     [("Iran", "drones", "shipment", "2022-08", "event"), ("Iran", "missiles", "shipment", "2022-08", "event")]),
    # a verb dates its fact, not the nearest date to a noun of supply before it
    ("This comes after an agreement signed by Iran in late 2023, with the first shipment of missiles delivered to Russia "
     "in early September 2024.", [("in late 2023", "2023"), ("in early September 2024", "2024-09")],
     [("Iran", "agreement", "agreement", "2023", "event"), ("Iran", "missiles", "shipment", "2024-09", "event")]),
    # a passive supply names its supplier after the item
    ("A total of 25,000 workers from North Korea will be dispatched to the plant.", [],
     [("North Korea", "troops", "plan", None, "undated")]),
    # bringing in or recruiting people from a supplier
    ("Russia plans to bring 12,000 workers from North Korea to its drone plant.", [],
     [("North Korea", "troops", "plan", None, "undated")]),
    ("Russia plans to recruit about 12,000 North Korean workers for its drone plant.", [],
     [("North Korea", "troops", "plan", None, "undated")]),
    ("Russia brought in shells from North Korea last year.", [("last year", "2024")],
     [("North Korea", "ammunition", "shipment", "2024", "event")]),
    # troops placed or redeployed on a front
    ("North Korean troops were placed back in the frontline region of Kursk in February.", [("in February", "2025-02")],
     [("North Korea", "troops", "deployment", "2025-02", "event")]),
    ("Pyongyang redeployed its soldiers to Kursk in March.", [("in March", "2025-03")],
     [("North Korea", "troops", "deployment", "2025-03", "event")]),
    # people fighting for Russia, and parts used in Russia's weapons
    ("Kyiv's forces have captured two Chinese citizens fighting for Russia.", [],
     [("China", "troops", "deployment", None, "undated")]),
    ("About 12,000 North Korean military personnel are involved in hostilities in Russia.", [],
     [("North Korea", "troops", "deployment", None, "undated")]),
    ("The US sanctioned two Iranian nationals for supplying drones to Russia.", [],
     [("Iran", "drones", "shipment", None, "undated")]),
    ("Russia started producing the Garpiya drone last year using Chinese engines.", [("last year", "2023")],
     [("China", "components", "claim", "2023", "event")]),
    # a headline's infinitive is a plan
    ("North Korea to send 25,000 workers to Russia's drone factory", [], [("North Korea", "troops", "plan", None, "undated")]),
    ("North Korea sent troops to Russia to fight in Kursk.", [], [("North Korea", "troops", "deployment", None, "undated")]),
    ("Two Chinese citizens who fought as part of the Russian army were captured in Donetsk.", [],
     [("China", "troops", "deployment", None, "undated")]),   # people who fought for it are not Russia's own
    ("Washington sanctioned five firms for aiding weapons transfers between North Korea and Russia.", [],
     [("North Korea", "weapons", "shipment", None, "undated")]),   # the supplier named first
    ("North Korea sent an engineering regiment to Kursk in August.", [("in August", "2025-08")],
     [("North Korea", "troops", "deployment", "2025-08", "event")]),
    ("Iran sent 10,000 units of ammunition to Russia.", [], [("Iran", "ammunition", "shipment", None, "undated")]),
    # a model's name names its maker
    ("Russia fired two KN-23 missiles at Kyiv on Monday.", [("on Monday", "2024-01-08")],
     [("North Korea", "missiles", "claim", "2024-01-08", "event")]),
    ("Russia received Shahed drones in August.", [("in August", "2022-08")],
     [("Iran", "drones", "shipment", "2022-08", "event")]),
    ("Russia now builds Geran drones at Alabuga.", [], []),   # the Russian name: built in Russia
    # two verbs, one object; a limit is no denial
    ("North Korea has transferred and will continue to transfer artillery shells to Russia.", [],
     [("North Korea", "ammunition", "shipment", None, "undated")]),
    ("North Korea will not transfer more shells than it has, Seoul said.", [],
     [("North Korea", "ammunition", "plan", None, "undated")]),
    ("North Korea will not transfer more than a million shells to Russia, Seoul said.", [],
     [("North Korea", "ammunition", "plan", None, "undated")]),
    # a date after "and will" belongs to the second predicate
    ("Some 11,000 North Korean troops are in Russia and will be ready to fight by November 1.",
     [("by November 1", "2024-11-01")],
     [("North Korea", "troops", "deployment", None, "undated"), ("North Korea", "troops", "plan", "2024-11-01", "event")]),
    # an agency dateline with a full stop dates the report, not the fact
    ("BEIJING. Dec 5 (Interfax) - The treaty, signed by Kim and Putin in June, has entered into force.",
     [("Dec 5", "2024-12-05"), ("in June", "2024-06")],
     [("North Korea", "agreement", "agreement", "2024-06", "event"), ("North Korea", "agreement", "agreement", None, "undated")]),
    ("Oct 18 (Reuters) - Iran has pledged to supply Russia with missiles, two officials said.", [("Oct 18", "2024-10-18")],
     [("Iran", "missiles", "plan", None, "undated")]),   # no place before the day
]


@pytest.mark.parametrize(("sentence", "dated", "expected"), CASES)
def test_sentence_patterns(sentence: str, dated: list[tuple[str, str]], expected: list[tuple[object, ...]]) -> None:
    found = analyse(sentence, mentions(sentence, *dated))
    got = [(c.supplier, c.item_class, c.kind, c.date.value if c.date else None, c.date_basis) for c in found]
    assert got == expected


@pytest.mark.parametrize("sentence", [
    "Russia has deployed thousands of conscripts to the front.",          # Russia is not a supplier
    "Russia launched Iranian-made drones at Kyiv overnight.",             # use, not supply
    "Pyongyang is seeking fighter jets and technology from Moscow.",      # the other way round
    "The shells are being sent at a time when the front is collapsing.",  # no supplier named
    "North Korea's leader inspected a missile factory.",                  # no supply cue
    "Subscribe now. Already a subscriber? Sign in.",                      # page chrome
    "Pezeshkian and Putin met in Tianjin, where they agreed to fully implement the treaty.",   # not a new treaty
    "Tanks and personnel of the Armed Forces of Russia were transported from central parts of Belarus.",   # Russia's own
    "Russian troops crossed into Ukraine from Belarus.",                  # no supply cue, Russian troops
    "Kim gave the Russian minister a tour of North Korea's newest and most advanced weaponry.",   # shown, not given
    # conditions, norms and threats are not facts
    "Any such sale of North Korean arms would breach the embargo.",
    "Ministers vowed to respond to any Iranian missile transfer with new sanctions.",
    "If Iran ships drones to Russia, sanctions will follow.",
    "The resolution prohibits the export of all weapons from North Korea.",
    "The pact requires each side to provide military assistance to the other.",
    "Chinese firms provide them with services through shell companies.",   # a front company, not a shell   # an obligation, not a supply
    # the recipient is the subject of the supply verb: it runs the other way, or to someone else
    "Russia has transferred Iranian attack drones to Belarus.",
    "Moscow gave North Korea satellite technology and tanks.",
    # mere use is background; so is a drone of Iranian design (they are built in Russia too)
    "Russia fired Iranian-made drones at Kharkiv on 2 May.",
    "North Korea's new missiles are not meant for export to anyone.",
    "The general ordered North Korean troops to hold the line.",          # an order to troops, not a purchase
    "In exchange, Russia gave North Korea technology to help it deploy spy satellites and tanks.",
    "Russia, which needs shells, will probably give weapons technology to North Korea's nuclear programme.",
    "Minsk has deployed more troops for duty on the border with Ukraine.",   # at home, not sent to Russia
    # silence is not a denial
    "Tehran has not commented on the transfer of ballistic missiles to Russia.",
    "The ministry declined to comment on reports that Iran sent missiles to Russia.",
])
def test_not_events(sentence: str) -> None:
    assert analyse(sentence, []) == []


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Iran sent drones to Russia, according to western intelligence.", "western intelligence"),
    ("The White House said North Korea had shipped shells to Russia.", "White House"),
    ("Kyiv's spy chief, a general, warned that Iran had sent missiles.", "Kyiv's spy chief"),
    ("North Korea has sent troops, South Korean officials said.", "South Korean officials"),
    ("The United States said North Korea had shipped shells to Russia.", "United States"),
    ("Belarus sent 40 old tanks to Russia, reported the Minsk weekly on Sunday.", "Minsk weekly"),
    ("On January 4, the coordinator of the White House National Security Council, John Kirby, announced that "
     "Russia had acquired ballistic missiles from North Korea.", "John Kirby"),
    ("In recent weeks, North Korea provided 50 howitzers, said the assessment, which was shared with a newspaper.",
     "assessment"),
    ("Wang denied that China supplied weapons to Russia, pushing back on claims made by a minister.", None),
    ("The U.S. Treasury on Thursday said Chinese firms had sold drones to Russia.", "U.S. Treasury"),
    ("In a statement, KCNA said North Korea had shipped shells to Russia.", "KCNA"),   # an opening phrase, not a quote
])
def test_attribution(sentence: str, speaker: str | None) -> None:
    found = analyse(sentence, [])
    assert found and found[0].attributed_to == speaker


@pytest.mark.parametrize(("sentence", "found"), [
    ("It has also shipped artillery shells to Moscow.", ["ammunition"]),
    ("It is unclear whether shells were sent.", []),
    ("The regime is supplying missiles.", ["missiles"]),
    ("Later, old tanks, shells and trucks were transferred.", ["weapons", "ammunition", "weapons"]),   # an agentless passive
    ("The talks were meant to discuss arms deals and trade.", ["agreement"]),                        # talks about a deal
    ("\"Journalists have seen the shells that we supply to Russia,\" he said.", ["ammunition"]),        # "we": the speaker's
])
def test_it_refers_to_the_previous_supplier(sentence: str, found: list[str]) -> None:
    assert [c.item_class for c in analyse(sentence, [], None, "North Korea")] == found
    assert analyse(sentence, [], None, None) == []


def test_such_items_are_those_of_the_supplier_before() -> None:
    """A weapon fired is a supply claim when its maker is known and the claim is dated, here by its statement."""
    sentence = "Prosecutors said on Monday that Russia had fired 50 such missiles at Kharkiv."
    dated = mentions(sentence, ("on Monday", "2024-03-04"))
    found = analyse(sentence, dated, None, "North Korea")
    assert [(c.supplier, c.item_class, c.kind, c.date_basis) for c in found] == [
        ("North Korea", "missiles", "claim", "statement")]
    assert analyse(sentence, dated, None, None) == []


def test_statement_carries_over_a_quote() -> None:
    found = analyse('"We have seen them supply shells," he said.', [], inherited="Ukraine's defence minister")
    assert found == []   # "them" is nobody we can name: no supplier, no event
    found = analyse('"Our information shows Iran shipped drones to Russia."', [], inherited="White House")
    assert [c.attributed_to for c in found] == ["White House"]


@pytest.mark.parametrize(("sentence", "quantity", "value"), [
    ("Iran has shipped 200 ballistic missiles to Russia.", "200", 200),
    ("North Korea supplied more than a million shells.", "more than a million", 1e6),
    ("Half of the shells used by Russia — about two million a year — come from deliveries by North Korea.",
     "about two million a year", 2e6),
    ("North Korea has sent dozens of missiles to Russia.", "dozens", None),
    ("North Korea has sent 1,000 containers of military equipment and munitions.", "1,000 containers", 1000),
])
def test_quantity_of_the_item(sentence: str, quantity: str, value: float | None) -> None:
    found = analyse(sentence, [])
    assert found and found[0].quantity is not None
    assert (found[0].quantity.text, found[0].quantity.value) == (quantity, value)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    for cand in analyse(text, []):
        assert 0 <= cand.cue.start < len(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "Iran", "North Korea", "Kim", "shipped", "sent", "denied", "not", "drones", "shells", "200", "half of the",
    "according to", "officials", "said", ",", "that", "in June", "while", "Russia", "by", "from", "will", ";",
]), max_size=25))
def test_never_raises_on_cue_soup(words: list[str]) -> None:
    text = " ".join(words)
    for cand in analyse(text, []):
        assert text[cand.item_span[0]:cand.item_span[1]] == cand.item


@pytest.mark.parametrize(("sentence", "tense"), [
    ("Iran denies sending drones to Russia.", "present"),
    ("Iran denied sending drones to Russia.", "past"),
])
def test_a_denial_takes_the_tense_of_its_own_verb(sentence: str, tense: str) -> None:
    found = analyse(sentence, [])
    assert [(c.kind, c.tense) for c in found] == [("denial", tense)]


@pytest.mark.parametrize(("sentence", "supplier"), [
    ("Russian cargo planes delivered Iranian-made drones to Russia in May.", "Iran"),
    ("A Russian ship delivered North Korean shells to Russia's Pacific port.", "North Korea"),
])
def test_a_russian_carrier_does_not_reverse_the_supply(sentence: str, supplier: str) -> None:
    found = analyse(sentence, [])
    assert found and found[0].supplier == supplier


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Russia relies on North Korea for artillery shells.", [("North Korea", "ammunition")]),
    ("Russia has increasingly relied upon North Korea for munitions.", [("North Korea", "ammunition")]),
    ("Moscow has turned to Iran for drones.", [("Iran", "drones")]),
    ("Russia got thousands of drones from Iran.", [("Iran", "drones")]),
    ("Iran equipped Russia with Shahed drones.", [("Iran", "drones")]),
    ("Iran is helping Russia with drones and missiles.", [("Iran", "drones"), ("Iran", "missiles")]),
    ("Pyongyang has become a major source of ammunition for Moscow.", [("North Korea", "ammunition")]),
    ("China is the main source of components for Russian drones.", [("China", "components")]),
    ("Iranian drones are reaching Russia via the Caspian Sea.", [("Iran", "drones")]),
    ("Belarus has handed Russia 100 tanks.", [("Belarus", "weapons")]),
    ("Officials believe that Iran passed these drones to Russia.", [("Iran", "drones")]),
    ("The Iranian drone passed low over the city before it was shot down by Ukraine.", []),
    ("The shipment of Iranian missiles reached Russia last week.", [("Iran", "missiles")]),
    ("North Korean soldiers have been spotted in the Kursk region.", [("North Korea", "troops")]),
    ("Iranian drones were seen over Kyiv.", []),
    ("Belarusian plants are engaged in the mass production of shells for the Russian army.", [("Belarus", "ammunition")]),
    ("The participation of Korean People's Army soldiers in the Kursk fighting was confirmed.", [("North Korea", "troops")]),
    ("Belarusian plants are engaged in the mass production of shells for the Egyptian army.", []),
    # every member of a list: "not only ... but also", what containers are worth
    ("North Korea is supplying not only shells but also ballistic missiles.",
     [("North Korea", "ammunition"), ("North Korea", "missiles")]),
    ("Pyongyang sent 13,000 containers' worth of shells and missiles.",
     [("North Korea", "ammunition"), ("North Korea", "missiles")]),
    ("Iran sent drones but also denied sending missiles.", [("Iran", "drones"), ("Iran", "missiles")]),
    # people named by the force they belong to; "a sign of" is no signing; the country troops are sent to
    ("Iran has sent members of its Revolutionary Guard Corps to a base in Crimea.", [("Iran", "troops")]),
    ("North Korea and Russia sign arms deal", [("North Korea", "agreement")]),
    ("Iran is sending drones, a sign of closer military cooperation with Moscow.", [("Iran", "drones")]),
    ("Russia had sent its personnel to Iran for such training.", []),
    # "Russia received drones": the object follows the verb, whatever came before it
    ("After the tanks arrived, Russia received drones from Iran.", [("Iran", "drones")]),
    # a meeting's place is not a party to the deal
    ("Iran and Russia met in Tianjin, China, where they agreed a drone deal.", [("Iran", "agreement")]),
    # what an opening "in addition to" adds to is supplied by the same supplier
    ("Besides shells, North Korea has sent Russia about 50 KN-23 missiles.",
     [("North Korea", "missiles"), ("North Korea", "ammunition")]),
    ("In addition to supplying drones, Tehran has shipped artillery rounds to Moscow.",
     [("Iran", "ammunition"), ("Iran", "drones")]),
    # the same words where nothing reaches Russia
    ("Ukraine relies on the US for weapons.", []),
    ("The ship carried North Korean shells.", []),
    ("Russia turned to the page on drones.", []),
])
def test_more_ways_of_telling_a_supply(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.supplier, c.item_class) for c in analyse(sentence, [])] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # what acts is not what is supplied; a right is not a fact
    ("Such weapons can provide Russia's army time.", []),
    ("North Korea maintains the right to export military equipment.", []),
    # the supplier behind a describing word
    ("Russia's purchase of shells from the isolated North Korean government went on.", [("North Korea", "ammunition")]),
    # a vague word listed beside a specific one is a thing of its own
    ("North Korea said it never supplied weapons or ammunition to Russia.",
     [("North Korea", "weapons"), ("North Korea", "ammunition")]),
    ("Two of the five missiles that struck the city originated from North Korea.", [("North Korea", "missiles")]),
    ("Two Chinese companies are involved in the manufacturing of attack drones used by Russia.", [("China", "drones")]),
    ("Chinese firms are involved in the manufacturing of drones produced by Russian firms.", []),
    # troops told by what happens to them in the war
    ("Some North Korean troops have been killed during combat in the Kursk region.", [("North Korea", "troops")]),
    ("North Korean troops are on the front lines of Russia's war.", [("North Korea", "troops")]),
    ("Ukraine captured two North Korean soldiers.", [("North Korea", "troops")]),
    ("North Korean shells killed two people in Kharkiv.", []),
    # a denial's "any" after the verb is not a condition
    ("A spokesman rejected claims that Tehran had sent any weapons, including drones, to Russia.",
     [("Iran", "weapons"), ("Iran", "drones")]),
])
def test_this_sessions_wordings(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.supplier, c.item_class) for c in analyse(sentence, [], None, "Iran")] == expected


@pytest.mark.parametrize(("sentence", "speaker"), [
    # a saying in a leading or trailing subordinate clause is not the sentence's
    ("Weeks after the US claimed it, North Korea denied sending arms to Russia, according to state media.", "state media"),
    ("China denied that it sent drones to Russia, after the United States accused Beijing of aiding Moscow.", None),
])
def test_a_subordinate_saying_does_not_govern(sentence: str, speaker: str | None) -> None:
    found = analyse(sentence, [])
    assert found and found[0].attributed_to == speaker and found[0].kind == "denial"


@pytest.mark.parametrize(("sentence", "expected"), [
    # sanctions name the makers that supply Russia's war
    ("Washington sanctioned three Chinese firms and a Russian partner involved in building and shipping attack drones.",
     [("China", "drones")]),
    ("The sanctions hit two Chinese makers of drone engines that helped Russia assemble long-range drones.",
     [("China", "drones"), ("China", "components")]),
    ("The Treasury sanctioned a Chinese company that makes engines for Russian drones.", [("China", "components")]),
    ("Russian drones are being made using Chinese engines.", [("China", "components")]),
    ("The Treasury sanctioned a Chinese company that makes engines for tractors.", []),
    # people, reinforcements and combat
    ("About 3,000 North Koreans were moved to the Kursk region in November.", [("North Korea", "troops")]),
    ("Fresh North Korean reinforcements joined the fighting in Kursk.", [("North Korea", "troops")]),
    ("Ordinary North Koreans went hungry that winter.", []),
    ("North Korea sent weapons experts and rocket launcher specialists to Russia.",
     [("North Korea", "troops"), ("North Korea", "troops")]),
    ("Kupol developed a drone in China with the help of local specialists for Russia.", [("China", "drones")]),
    ("Kupol tested its drone with the participation of Chinese specialists.", []),   # they took part
    ("Moscow and Tehran plan to build an Iranian-designed factory in Russia that could produce 6,000 drones.",
     [("Iran", "drones")]),
    ("Moscow plans to build a factory in Russia that could produce 6,000 drones.", []),   # no foreign partner
    ("Chinese and Russian firms are working to jointly produce drones in Russia.", [("China", "drones")]),
    ("Russian firms are working to jointly produce drones in Russia.", []),
    # "sources" who tell are not where things come from; a thing sourced from a country is
    ("Iran has handed Russia dozens of ballistic missiles, four sources told a news agency.", [("Iran", "missiles")]),
    ("Moscow sources most of its shells from North Korea.", [("North Korea", "ammunition")]),
    # "not ... any" is a denial, not a condition; a demand to stop is not a fact
    ("The minister said Tehran had not sent any drones to Russia.", [("Iran", "drones")]),
    ("We urge North Korea and Russia to stop unlawful arms transfers.", []),
    ("Iran says it has the rights to export arms to any country it wants.", []),
    # gifts, objections, presence, agents without "was", and what a fight is against
    ("A missile system was donated to Moscow by Tehran.", [("Iran", "missiles")]),
    ("Iran's embassy objected to a report on arms deliveries to Russia.", [("Iran", "weapons")]),
    ("Kyiv reported the presence of North Korean soldiers in Russia.", [("North Korea", "troops")]),
    ("Some 5,000 North Korean soldiers are now in the Kursk region, officials say.", [("North Korea", "troops")]),
    ("Ukrainian troops are still in the Kursk region.", []),
    ("Russia is using shells smuggled by Iran from Iraq.", [("Iran", "ammunition")]),
    ("Kim backed Russia in its fight against the hostile forces.", []),
    # equipping its own forces is not a supply
    ("Pyongyang said it would equip its own artillery units with new rocket launchers.", []),
    ("Pyongyang has equipped Russia with new howitzers.", [("North Korea", "weapons")]),
    # a list's last member may carry words before its noun
    ("Pyongyang has sent shells, rockets, and other conventional arms to Russia since May.",
     [("North Korea", "ammunition"), ("North Korea", "missiles"), ("North Korea", "weapons")]),
    ("Tehran sends drones and other weapons to Moscow.", [("Iran", "drones"), ("Iran", "weapons")]),
])
def test_sanctions_people_and_sources(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert sorted((c.supplier, c.item_class) for c in analyse(sentence, [])) == sorted(expected)


@pytest.mark.parametrize(("sentence", "speaker"), [
    # a trailing saying followed by any participle, or by a long "as saying" tail
    ("Iran has sent Russia missiles, three officials told the paper, widening their military ties.", "three officials"),
    ("The attack was carried out using a North Korean missile, the agency cited a military source as saying on Monday.",
     "agency"),
    # "X reported that ..." after an opening date is not a trailing saying
    ("- On 2 and 3 May, local media reported that Iran had shipped drones to Russia.", "local media"),
    # nor after an opening participle ("Speaking to reporters on Monday, ...")
    ("Speaking to reporters on Monday, Kirby said North Korea sent missiles to Russia.", "Kirby"),
])
def test_trailing_sayings(sentence: str, speaker: str | None) -> None:
    found = analyse(sentence, [])
    assert found and found[0].attributed_to == speaker


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("The news that Iran is sending shells to Russia across the Caspian was reported in May by a Gulf newspaper.",
     "Gulf newspaper"),
    ("Iran's drone deliveries to Russia were confirmed in May by the Pentagon.", "Pentagon"),
])
def test_a_passive_saying_after_the_fact_dates_the_statement(sentence: str, speaker: str) -> None:
    found = analyse(sentence, find_dates(sentence, dt.date(2023, 7, 1)))
    assert [(c.attributed_to, c.date and c.date.value, c.date_basis) for c in found] == [(speaker, "2023-05", "statement")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Moscow and Pyongyang are advancing negotiations for artillery shells, officials said.",
     [("North Korea", "agreement", "negotiations for artillery shells")]),
    ("Kim and Putin met on Tuesday and discussed military matters.", [("North Korea", "agreement", "military matters")]),
    ("Iran and Russia held talks on drones in Tehran.", [("Iran", "agreement", "talks on drones")]),
    ("North Korea discussed the weather with Russia.", []),
    ("After talks in Minsk, Belarus and Russia signed a security pact.", [("Belarus", "agreement", "security pact")]),
    ("Russia and North Korea ratified it in November.", [("North Korea", "agreement", "treaty")]),   # only a treaty is ratified
    ("Russia and North Korea discussed it in November.", []),
])
def test_talks_about_arms_are_talks_towards_a_deal(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(c.supplier, c.item_class, c.item) for c in analyse(sentence, [])] == expected



@pytest.mark.parametrize(("sentence", "tense"), [
    ("Iran continues to supply Russia with drones.", "present"),
    ("Iran keeps supplying Russia with drones.", "present"),
    ("Iran could continue to supply Russia with drones.", "other"),
    ("Tehran intends to supply Russia with ballistic missiles.", "present"),   # the intention as it stands
    ("Tehran was going to supply Russia with ballistic missiles.", "past"),
])
def test_continuing_or_intended_supply_is_present(sentence: str, tense: str) -> None:
    assert [c.tense for c in analyse(sentence, [])] == [tense]


@pytest.mark.parametrize(("sentence", "tense"), [
    ("The issue of North Korea's missile transfer to Russia", "other"),   # "transfer" here is a noun: no tense
    ("Russia brought in shells from North Korea.", "past"),
    ("Sanctions have been imposed due to the alleged handover of drones from Iran to Russia.", "perfect"),   # news of now
    ("The handover of drones from Iran to Russia worried the West.", "other"),
])
def test_the_tense_is_read_from_the_cue_word(sentence: str, tense: str) -> None:
    assert [c.tense for c in analyse(sentence, [])] == [tense]


@pytest.mark.parametrize(("sentence", "kind", "date"), [
    ("On Monday, while speaking to reporters, the chancellor said Beijing won't supply Russia with weapons.",
     "denial", "2023-03-06"),
    ("The EU has seen \"no evidence\" that suggests Beijing plans to supply Russia with weapons.", "denial", None),
    ("Iran has not only sent drones to Russia on Monday, it said.", "shipment", "2023-03-06"),
])
def test_wont_and_no_evidence_are_denials(sentence: str, kind: str, date: str | None) -> None:
    found = analyse(sentence, find_dates(sentence, dt.date(2023, 3, 7)))
    assert [(c.kind, c.date and c.date.value) for c in found] == [(kind, date)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Tehran acknowledged sending a few drones to Moscow before the war.", [("Iran", "drones", "other")]),
    ("Iran's minister admitted having sent drones to Russia.", [("Iran", "drones", "past")]),
    ("Belarus handed over 100 tanks to Russia.", [("Belarus", "weapons", "past")]),
    ("The US confirmed sending drones to Russia.", []),
    ("Kim said 6,000 construction troops would be sent to the Kursk region.", [("North Korea", "troops", "future")]),
    ("Ukraine said 6,000 troops would be sent to Russia.", []),   # not a supplier speaking
])
def test_who_admits_sending_sent(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(c.supplier, c.item_class, c.tense) for c in analyse(sentence, [])] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # "is said to have", "were estimated to have": the subject's fact, told as a claim
    ("Around 10,000 North Korean troops were estimated to have fought alongside Russian forces.",
     [("North Korea", "troops", "claim")]),
    ("Iran is said to have sent drones to Russia.", [("Iran", "drones", "claim")]),
    ("Iran was widely reported to have sent 1,000 drones to Russia.", [("Iran", "drones", "claim")]),
    # a saying that is not raised keeps its speaker's word
    ("Iran reported to the UN that it sent drones to Russia.", [("Iran", "drones", "shipment")]),
    # "X is accused (by Y) of supplying": the subject's fact, told as a claim
    ("Two Chinese firms are accused by the Treasury of providing Russia with drone engines.",
     [("China", "components", "claim")]),
    ("Iran was accused of sending drones to Russia.", [("Iran", "drones", "claim")]),
    ("Kyiv accused Iran of sending drones to Russia.", [("Iran", "drones", "claim")]),
])
def test_a_raised_saying_is_a_claim(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(c.supplier, c.item_class, c.kind) for c in analyse(sentence, [])] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Kirby added that North Korea had provided Russia with howitzers and several dozen ballistic missiles.",
     [("weapons", "Kirby"), ("missiles", "Kirby")]),
    ("Kirby continued, adding that North Korea had provided Russia with howitzers and several dozen missiles.",
     [("weapons", "Kirby"), ("missiles", "Kirby")]),
    ("The minister spoke, noting that Iran had sent hundreds of drones and dozens of missiles to Russia.",
     [("drones", "minister"), ("missiles", "minister")]),
    # "citing X" inside the subject's commas names its sources; the saying is the verb after it
    ("In May, the Post, citing US officials, wrote that Iran had sent drones to Russia.", [("drones", "Post")]),
])
def test_a_list_with_amounts_and_a_participle_saying(sentence: str, expected: list[tuple[str, str]]) -> None:
    """'adding that', 'noting that' say what the subject of the clause before says; 'several dozen' is an amount
    inside a list, not a break in it."""
    assert [(c.item_class, c.attributed_to) for c in analyse(sentence, [])] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The last shipment of weapons from Iran to Russia included about 450 drones.", [("Iran", "drones")]),
    ("New deliveries of Iranian weapons to Russia would include missiles and drones.",
     [("Iran", "missiles"), ("Iran", "drones")]),
    ("Iran sent weapons to Russia, including drones.", [("Iran", "weapons"), ("Iran", "drones")]),
    ("North Korea has sent Russia weapons since September 2023, including millions of shells and some missiles.",
     [("North Korea", "weapons"), ("North Korea", "ammunition"), ("North Korea", "missiles")]),
])
def test_what_a_shipment_of_weapons_included_is_what_was_supplied(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.supplier, c.item_class) for c in analyse(sentence, [])] == expected


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Media claims about the participation of Korean People's Army servicemen in Russia's operation in Ukraine are "
     "nothing but fake news, a Kremlin spokesman has told reporters.", "denial"),
    ("Reports about the presence of North Korean soldiers in Kursk are fake, the Kremlin said.", "denial"),
    ("The spokesman dismissed allegations regarding the involvement of North Korean troops in the war.", "denial"),
    ("So far, Iran has declined to transfer ballistic missiles to Russia.", "denial"),   # no supply
])
def test_nothing_but_fake_news_is_a_denial(sentence: str, kind: str) -> None:
    assert [c.kind for c in analyse(sentence, [])] == [kind]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Iran shipped drones and rockets to armed groups in Yemen.", []),
    ("North Korea sold shells to Syria last year.", []),
    ("A Chinese network provided parts to an Iranian manufacturer.", []),   # China to Iran
    ("Washington sanctioned a Chinese network that supplied parts to an Iranian manufacturer that sold drones to Russia.",
     [("Iran", "drones")]),   # the manufacturer sold the drones
    ("Seoul said soldiers from North Korea may have been sent to Ukraine.", [("North Korea", "troops")]),   # Russia's war
])
def test_a_supply_to_a_third_party_is_not_to_russia(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.supplier, c.item_class) for c in analyse(sentence, [])] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("North Korean missiles were spotted over the front line for the first time.", [("North Korea", "missiles", "claim")]),
    ("Chinese-made chips were found in the wreckage of a Russian drone.", [("China", "components", "claim")]),
    ("The drones were spotted over the front line for the first time.", []),   # no maker named
    ("Ukraine reported Russian attacks with North Korean missiles last week.", [("North Korea", "missiles", "claim")]),
    ("Officials said the missile was a North Korean-made KN-23.", [("North Korea", "missiles", "claim")]),   # identified
    ("Officials said the weather was a Swiss-made invention.", []),
])
def test_a_foreign_weapon_seen_in_the_war_is_a_supply_claim(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(c.supplier, c.item_class, c.kind) for c in analyse(sentence, [])] == expected


def test_a_warning_after_with_is_a_clause_of_its_own() -> None:
    sentence = ("Last month, Russia announced that North Korea would send 6,000 personnel to Kursk, with Seoul warning "
                "that more troops could follow as early as July.")
    found = analyse(sentence, find_dates(sentence, dt.date(2025, 7, 4)))
    assert [(c.item_class, c.date and c.date.value, c.date_basis) for c in found] == [("troops", "2025-06", "statement")]


@pytest.mark.parametrize(("sentence", "date"), [
    ("Russian semiconductor imports from China rose from $200 million in 2021 to more than $500 million in 2022.", "2022"),
    ("China sold Russia chips worth $200 million in 2021.", "2021"),
])
def test_the_year_a_figure_grew_from_is_only_its_baseline(sentence: str, date: str) -> None:
    found = analyse(sentence, find_dates(sentence, dt.date(2024, 4, 13)))
    assert [c.date and c.date.value for c in found] == [date]


def test_a_relative_clause_in_an_earlier_sentence_of_a_quote_is_no_aside() -> None:
    sentence = ('"North Korea made an arms delivery to Wagner, which paid for it. Last month, North Korea delivered '
                'rockets to Russia," he told reporters.')
    found = analyse(sentence, find_dates(sentence, dt.date(2022, 12, 23)))
    assert [(c.item_class, c.date and c.date.value) for c in found if c.item_class == "missiles"] == [("missiles", "2022-11")]
