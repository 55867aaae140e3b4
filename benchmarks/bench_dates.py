"""Accuracy by grain and speed of the temporal tagger against dateparser, on the shared temporal cases.

    python3 benchmarks/bench_dates.py [CASES.jsonl] [--repeat N]

Accuracy uses the scorer's rule (../shared/benchmarks/score_dates.py): a case is right when a mention overlapping
the expression carries the gold value (for an underspecified case, the forward reading counts too). Speed: the
same documents through `find_dates` and through `dateparser.search.search_dates` (languages=['en'],
RELATIVE_BASE=ref, PREFER_DATES_FROM='past'); the ratio is dateparser's time over the tagger's.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.dates import Mention, find_dates  # noqa: E402

DEFAULT_CASES = ROOT.parent / "shared" / "benchmarks" / "temporal_cases.jsonl"


def document(case: dict[str, object]) -> tuple[str, tuple[int, int]]:
    """The text the scorer feeds (the sentence, else the expression) and where the expression is in it."""
    expr = str(case["text"])
    sentence = str(case.get("sentence") or expr)
    i = sentence.lower().find(expr.lower())
    if i < 0:
        sentence, i = expr, 0
    return sentence, (i, i + len(expr))


def right(case: dict[str, object], mentions: list[Mention], where: tuple[int, int]) -> bool:
    want = {case["value"]}
    if case.get("underspecified") and case.get("value_future"):
        want.add(case["value_future"])
    s, e = where
    return any(m.start < e and m.end > s and m.value in want for m in mentions)


def tagger_seconds(docs: list[tuple[str, dt.datetime]], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for text, ref in docs:
            find_dates(text, ref)
        best = min(best, time.perf_counter() - t)
    return best


def dateparser_seconds(docs: list[tuple[str, dt.datetime]]) -> float:
    from dateparser.search import search_dates

    search_dates("warm up on 5 May 2020", languages=["en"])
    t = time.perf_counter()
    for text, ref in docs:
        search_dates(text, languages=["en"], settings={"RELATIVE_BASE": ref, "PREFER_DATES_FROM": "past"})
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", nargs="?", type=Path, default=DEFAULT_CASES)
    ap.add_argument("--repeat", type=int, default=3, help="runs of the tagger; the fastest counts")
    a = ap.parse_args(argv)
    cases = [json.loads(line) for line in a.cases.read_text(encoding="utf-8").splitlines() if line.strip()]

    by, total = collections.Counter(), collections.Counter()
    docs = []
    for case in cases:
        text, where = document(case)
        ref = dt.datetime.fromisoformat(case["ref"])
        docs.append((text, ref))
        total[case["grain"]] += 1
        by[case["grain"]] += right(case, find_dates(text, ref), where)
    print("accuracy by grain:")
    for grain in sorted(total):
        print(f"  {grain:9} {by[grain]:4}/{total[grain]:<4} {by[grain] / total[grain]:.3f}")
    n = sum(total.values())
    print(f"overall {sum(by.values()) / n:.3f} ({sum(by.values())}/{n})")

    ours = tagger_seconds(docs, a.repeat)
    theirs = dateparser_seconds(docs)
    print(f"tagger     {ours:7.3f} s for {len(docs)} documents ({1000 * ours / len(docs):.2f} ms each)")
    print(f"dateparser {theirs:7.3f} s for {len(docs)} documents ({1000 * theirs / len(docs):.2f} ms each)")
    print(f"speed ratio (dateparser time / tagger time): {theirs / ours:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
