"""Speed of reading articles (timeline.articles) next to date tagging the same text.

    python3 benchmarks/bench_articles.py [--repeat N]

For each shared sample (.txt) and each invented fixture (.txt, .md, .html): the best of N runs of
`parse_article` on the file's bytes, and of `find_dates` on the article's cleaned text. Also the time to read a
1 MB hard-wrapped text. Figures in milliseconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.articles import parse_article  # noqa: E402
from timeline.dates import find_dates  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures" / "articles_io"


def best_ms(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.txt")) + sorted(
        p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".html") and p.stat().st_size > 20
        and p.name != "no_main_text.html")
    parse_article(b"<html><body><p>" + b"Warm up the page parser. " * 9 + b"</p></body></html>", "warm.html")
    print(f"{'file':32} {'bytes':>7} {'read ms':>8} {'dates ms':>9} {'ratio':>6}")
    for path in files:
        raw = path.read_bytes()
        article = parse_article(raw, path.name)
        read = best_ms(lambda raw=raw, name=path.name: parse_article(raw, name), args.repeat)
        dates = best_ms(lambda a=article: find_dates(a.text, a.published), args.repeat)
        ratio = f"{dates / read:.1f}x" if read else "-"
        print(f"{path.name[:32]:32} {len(raw):>7} {read:>8.2f} {dates:>9.2f} {ratio:>6}")
    paragraph = ("The keepers of the old canal locks agreed on Monday to a new rota that gives each of them two\n"
                 "free weekends a month in the summer season, their union said in a statement.\n\n")
    big = (paragraph * (1_000_000 // len(paragraph))).encode()
    ms = best_ms(lambda: parse_article(big, "big.txt"), max(1, args.repeat // 10))
    print(f"1 MB hard-wrapped .txt: {ms:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
