"""Extraction throughput on a synthetic corpus, as a ratio to dateparser's search_dates on the same text.

    python3 benchmarks/bench_extract.py [--articles 1000] [--seed 7]

The corpus is made of our own invented sentences (templates filled at random). The whole pipeline is timed:
bytes -> parse_article -> extract_events -> merge. A ratio >= 1 means the pipeline is no slower than
dateparser.search.search_dates alone over the same texts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CHUNKS = 20
SUPPLIERS = ["North Korea", "Pyongyang", "Kim Jong Un", "Iran", "Tehran", "China", "Chinese firms", "Belarus", "Minsk"]
VERBS = ["has sent", "is supplying", "shipped", "delivered", "will provide", "denied sending", "reportedly transferred",
         "has been selling", "plans to deliver"]
ITEMS = ["artillery shells", "152mm shells", "KN-23 missiles", "Fath-360 ballistic missiles", "Shahed-136 drones",
         "machine tools", "microchips", "troops", "Koksan howitzers", "ammunition", "attack drones", "soldiers"]
AMOUNTS = ["", "200 ", "about three million ", "dozens of ", "more than 10,000 ", "half of the ", "a large number of "]
WHEN = ["", " in June", " last month", " on 3 March 2023", " earlier this year", " in the spring of 2023", " last week",
        " in September 2024", " on Tuesday"]
SAYERS = ["", ", officials said", ", according to western intelligence", ", the ministry said on Monday",
          ", a report claimed"]
FILLER = [
    "The front line barely moved during the autumn rains.",
    "Analysts in the capital expect more strikes on energy sites before winter.",
    "The talks lasted three hours and ended without a joint statement.",
    "Residents queued for water after the night's attack on the pumping station.",
    "The governor said repairs would take at least two weeks.",
    "Prices of fuel rose by a tenth over the summer, the statistics office said.",
]


def sentence(rng: random.Random) -> str:
    return (f"{rng.choice(SUPPLIERS)} {rng.choice(VERBS)} {rng.choice(AMOUNTS)}{rng.choice(ITEMS)} to Russia"
            f"{rng.choice(WHEN)}{rng.choice(SAYERS)}.")


def article(rng: random.Random) -> str:
    lines = [f"{rng.choice(SUPPLIERS)} {rng.choice(['sends', 'ships', 'denies sending'])} {rng.choice(ITEMS)} to Moscow"]
    for _ in range(rng.randint(6, 14)):
        lines.append(sentence(rng) if rng.random() < 0.45 else rng.choice(FILLER))
    return "\n".join(lines) + "\n"


def corpus(n: int, seed: int) -> list[tuple[str, dt.date]]:
    rng = random.Random(seed)
    base = dt.date(2022, 3, 1)
    return [(article(rng), base + dt.timedelta(days=rng.randint(0, 1000))) for _ in range(n)]


def run_pipeline(docs: list[tuple[str, dt.date]]) -> tuple[float, int]:
    from timeline.articles import parse_article
    from timeline.events import extract_events
    from timeline.pipeline import merge_across, merge_article

    start = time.perf_counter()
    events = []
    for n, (text, published) in enumerate(docs):
        art = parse_article(text.encode("utf-8"), f"doc{n}.txt", published=published, sources={})
        events.extend(merge_article(extract_events(art)))
    merged = merge_across(events)
    return time.perf_counter() - start, len(merged)


def run_dateparser(docs: list[tuple[str, dt.date]]) -> tuple[float, int]:
    from dateparser.search import search_dates

    start = time.perf_counter()
    found = 0
    for text, published in docs:
        base = dt.datetime.combine(published, dt.time())
        found += len(search_dates(text, languages=["en"],
                                  settings={"PREFER_DATES_FROM": "past", "RELATIVE_BASE": base}) or [])
    return time.perf_counter() - start, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    docs = corpus(args.articles, args.seed)
    mb = sum(len(t.encode("utf-8")) for t, _ in docs) / 1_000_000
    run_pipeline(docs[:20])   # warm up: compile the rule tables and grammars once
    run_dateparser(docs[:20])
    ours = theirs = 0.0
    events = dates = 0
    step = max(1, len(docs) // CHUNKS)
    for i in range(0, len(docs), step):   # interleaved, so a busy machine slows both alike
        t, n = run_pipeline(docs[i:i + step])
        ours, events = ours + t, events + n
        t, n = run_dateparser(docs[i:i + step])
        theirs, dates = theirs + t, dates + n
    print(f"corpus: {len(docs)} articles, {mb:.2f} MB")
    print(f"pipeline (read + dates + extract + merge per chunk): {ours:.2f} s, {len(docs) / ours:.1f} articles/s, "
          f"{mb / ours:.3f} MB/s, {events} events")
    print(f"dateparser.search.search_dates:                     {theirs:.2f} s, {len(docs) / theirs:.1f} articles/s, "
          f"{mb / theirs:.3f} MB/s, {dates} dates")
    print(f"ratio (pipeline speed / dateparser speed): {theirs / ours:.2f}")


if __name__ == "__main__":
    main()
