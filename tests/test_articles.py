"""Reading article files: the two shared samples (read at run time), invented fixtures, bad input, offsets."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.articles import MAX_ARTICLE_BYTES, Article, parse_article, read_article, read_sources_csv
from timeline.decoding import normalise_line
from timeline.errors import ArticleError
from timeline.sources_csv import SourceInfo

FIXTURES = Path(__file__).parent / "fixtures" / "articles_io"
LBC = "000_a6e8e7abecd39d3d"
TIMES = "001_08cad3d0ee1d098d"


def assert_offsets(article: Article) -> None:
    for s in article.sentences:
        assert article.text[s.start:s.end] == s.text
        assert s.text and s.text == s.text.strip()
    starts = [s.start for s in article.sentences]
    assert starts == sorted(starts)


def gold(corpus: Path, stem: str) -> dict:
    return json.loads((corpus / f"{stem}.gold.json").read_text(encoding="utf-8"))


def story_paragraphs(path: Path, headline: str) -> list[str]:
    """Raw lines after the headline that are story paragraphs: 8+ words, opening with a capital or a quote."""
    lines = [normalise_line(line) for line in path.read_text(encoding="utf-8").splitlines()]
    start = next(i for i, line in enumerate(lines) if line == headline) + 1
    return [line for line in lines[start:] if len(line.split()) >= 8 and re.match(r"[A-Z\"']", line)]


# --- the shared samples --------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("stem", "published", "source", "publisher"),
    [
        (LBC, dt.date(2022, 11, 2), "text", "LBC"),
        (TIMES, dt.date(2024, 10, 4), "sources.csv", "The Times"),
    ],
)
def test_sample_headline_date_publisher(corpus: Path, stem: str, published: dt.date, source: str,
                                        publisher: str) -> None:
    article = read_article(corpus / f"{stem}.txt")
    assert article.id == stem
    assert article.headline == normalise_line(gold(corpus, stem)["headline"])
    assert (article.published, article.published_source) == (published, source)
    assert article.publisher == publisher == gold(corpus, stem)["publisher"]
    assert_offsets(article)


def test_first_sample_date_comes_from_its_printed_dateline(corpus: Path) -> None:
    article = read_article(corpus / f"{LBC}.txt", sources={})
    assert (article.published, article.published_source) == (dt.date(2022, 11, 2), "text")
    assert article.dateline is not None and article.dateline in (corpus / f"{LBC}.txt").read_text(encoding="utf-8")
    assert article.dateline not in article.text


@pytest.mark.parametrize(
    ("sources", "caller", "published", "source"),
    [
        ("beside", None, dt.date(2024, 10, 4), "sources.csv"),
        ("explicit", None, dt.date(2024, 10, 4), "sources.csv"),
        ("empty", None, None, "unknown"),
        ("beside", dt.date(2024, 10, 5), dt.date(2024, 10, 5), "caller"),
        ("empty", dt.date(2024, 10, 3), dt.date(2024, 10, 3), "caller"),
    ],
)
def test_second_sample_date_only_from_sources_or_caller(corpus: Path, sources: str, caller: dt.date | None,
                                                        published: dt.date | None, source: str) -> None:
    given_sources = {"beside": None, "explicit": read_sources_csv(corpus / "sources.csv"), "empty": {}}[sources]
    article = read_article(corpus / f"{TIMES}.txt", published=caller, sources=given_sources)
    assert (article.published, article.published_source) == (published, source)
    assert article.dateline is None


def test_caller_date_beats_the_printed_dateline(corpus: Path) -> None:
    article = read_article(corpus / f"{LBC}.txt", published=dt.date(2022, 11, 3))
    assert (article.published, article.published_source) == (dt.date(2022, 11, 3), "caller")
    assert article.published_candidates == {"caller": dt.date(2022, 11, 3), "text": dt.date(2022, 11, 2)}


@pytest.mark.parametrize("furniture", ["Advertisement", "Listen to this article", "Loading audio...",
                                       "PROMOTED CONTENT", "subscription", "payment details", "GETTY IMAGES"])
@pytest.mark.parametrize("stem", [LBC, TIMES])
def test_sample_boilerplate_is_gone(corpus: Path, stem: str, furniture: str) -> None:
    article = read_article(corpus / f"{stem}.txt")
    assert furniture.casefold() not in article.text.casefold()
    if furniture.casefold() in (corpus / f"{stem}.txt").read_text(encoding="utf-8").casefold():
        assert any(furniture.casefold() in line.casefold() for line in article.dropped)
    assert len(article.dropped) == len(article.dropped_reasons)


@pytest.mark.parametrize("stem", [LBC, TIMES])
def test_sample_repeated_lines_appear_once_at_most(corpus: Path, stem: str) -> None:
    raw = [normalise_line(line) for line in (corpus / f"{stem}.txt").read_text(encoding="utf-8").splitlines()]
    repeated = {line for line in raw if line and raw.count(line) > 1}
    article = read_article(corpus / f"{stem}.txt")
    for line in repeated:
        assert article.text.count(line) <= 1


def test_show_byline_is_dropped(corpus: Path) -> None:
    first_line = (corpus / f"{LBC}.txt").read_text(encoding="utf-8").splitlines()[0].strip()
    article = read_article(corpus / f"{LBC}.txt")
    assert first_line not in article.text
    assert article.dropped_reasons[article.dropped.index(first_line)] == "byline"


@pytest.mark.parametrize("stem", [LBC, TIMES])
def test_every_story_paragraph_is_kept(corpus: Path, stem: str) -> None:
    article = read_article(corpus / f"{stem}.txt")
    assert article.headline is not None
    paragraphs = story_paragraphs(corpus / f"{stem}.txt", article.headline)
    assert len(paragraphs) >= 10
    for paragraph in paragraphs:
        assert " ".join(paragraph.split()) in article.text


@pytest.mark.parametrize("stem", [LBC, TIMES])
def test_gold_event_sentences_are_whole_sentences(corpus: Path, stem: str) -> None:
    article = read_article(corpus / f"{stem}.txt")
    for event in gold(corpus, stem)["events"]:
        snippet = normalise_line(event["sentence_contains"])
        assert sum(snippet in s.text for s in article.sentences) == 1, snippet


# --- invented fixtures -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "encoding", "headline", "published", "source", "in_text", "not_in_text"),
    [
        ("ferry_cp1252.txt", "cp1252", "Ferry service to Port Ellery will resume after the storm",
         dt.date(2023, 3, 14), "text", ['"We are grateful for everyone\'s patience,"', "Renée", "£12", "manager - who"],
         ["Advertisement", "\u201c", "Published"]),
        ("heat_latin1.txt", "latin-1", "Heat record broken in the southern valley", dt.date(2021, 8, 2), "text",
         ["44°C near Málaga", "Jürgen Müller", "½-hour"], ["Updated"]),
        ("cafe_utf8_bom.txt", "utf-8-sig", "Café owners protest new opening hours", dt.date(2024, 10, 4), "text",
         ["cafés", "Thursday - the third", "Mr. Okafor"], ["\ufeff", "\r", "Share this", "Facebook", "\u2014"]),
        ("library_wrapped.txt", "utf-8", "Library reopens after two-year refurbishment", None, "unknown",
         ["that took two years and cost more", "the new children's room, which replaces"], ["By Tom Hale"]),
        ("orchard.md", "utf-8", "Orchard harvest beats forecasts", dt.date(2020, 9, 21), "metadata",
         ["picked more apples than expected this year, according to the growers' association, which said",
          "Pickers worked extra shifts"], ["**", "](", "apples.jpg", "crate", "Read more", "#"]),
        ("lighthouse.html", "utf-8", "Lighthouse keeper retires after forty years", dt.date(2022, 6, 17),
         "metadata", ["climbed the 112 steps", "a small museum open to visitors"],
         ["SCRIPTMARKER", "window.", "font-family", "cookies", "Advertisement", "Share on", "Home"]),
        ("bridge_dateline.html", "utf-8", "Bridge repairs finished early", dt.date(2021, 5, 7), "text",
         ["two weeks ahead of schedule"], ["Published 7 May"]),
    ],
)
def test_invented_fixture_reads(name: str, encoding: str, headline: str, published: dt.date | None,
                                source: str, in_text: list[str], not_in_text: list[str]) -> None:
    article = read_article(FIXTURES / name)
    assert article.encoding == encoding
    assert article.headline == headline
    assert (article.published, article.published_source) == (published, source)
    assert article.headline not in article.text
    for piece in in_text:
        assert piece in article.text
    for piece in not_in_text:
        assert piece not in article.text
    assert_offsets(article)


@pytest.mark.parametrize(
    ("name", "publisher", "url"),
    [
        ("lighthouse.html", "Northern Coast Courier", "https://courier.example/news/lighthouse-keeper-retires"),
        ("bridge_dateline.html", "Valley Weekly", None),
        ("orchard.md", "Farming Gazette", "https://gazette.example/orchard-harvest"),
        ("ferry_cp1252.txt", None, None),
    ],
)
def test_publisher_and_url_from_page_metadata(name: str, publisher: str | None, url: str | None) -> None:
    article = read_article(FIXTURES / name)
    assert (article.publisher, article.url) == (publisher, url)


def test_metadata_date_is_kept_as_a_candidate_when_the_text_wins() -> None:
    article = read_article(FIXTURES / "bridge_dateline.html")
    assert article.published_candidates == {"text": dt.date(2021, 5, 7), "metadata": dt.date(2021, 5, 9)}


def test_sources_csv_fills_what_the_file_lacks_and_its_headline_wins(tmp_path: Path) -> None:
    (tmp_path / "ferry.txt").write_bytes((FIXTURES / "ferry_cp1252.txt").read_bytes())
    (tmp_path / "sources.csv").write_text(
        "file,publisher,headline,published,url\n"
        "ferry.txt,Island News,Ferries are back,2023-03-15,https://island.example/ferry\n", encoding="utf-8")
    article = read_article(tmp_path / "ferry.txt")
    assert (article.publisher, article.headline, article.url) == (
        "Island News", "Ferries are back", "https://island.example/ferry")
    assert (article.published, article.published_source) == (dt.date(2023, 3, 14), "text")
    assert article.published_candidates["sources.csv"] == dt.date(2023, 3, 15)
    assert "Ferry service to Port Ellery" not in article.text


@pytest.mark.parametrize(
    ("lines", "metadata", "listed", "published", "source"),
    [
        (["Published 3 May 2021"], "2021-05-04", "2021-05-05", dt.date(2021, 5, 3), "text"),
        ([], "2021-05-04", "2021-05-05", dt.date(2021, 5, 4), "metadata"),
        ([], None, "2021-05-05", dt.date(2021, 5, 5), "sources.csv"),
        (["Updated: 9 May 2021"], "2021-05-04", None, dt.date(2021, 5, 4), "metadata"),
        (["Updated: 9 May 2021"], None, "2021-05-05", dt.date(2021, 5, 5), "sources.csv"),
        (["Updated: 9 May 2021"], None, None, dt.date(2021, 5, 9), "text"),
        ([], None, None, None, "unknown"),
    ],
)
def test_publication_date_precedence(lines: list[str], metadata: str | None, listed: str | None,
                                     published: dt.date | None, source: str) -> None:
    front = f"---\ndate: {metadata}\n---\n" if metadata else ""
    body = "\n\n".join(["# Canal boats return to the old wharf", *lines,
                        "Narrow boats moored at the old wharf for the first time in a decade on Sunday, the trust said."])
    sources = {"canal.md": SourceInfo(published=dt.date.fromisoformat(listed))} if listed else {}
    article = parse_article((front + body).encode(), "canal.md", sources=sources)
    assert (article.published, article.published_source) == (published, source)


JSON_LD_PAGE = """<html><head><title>Pier lights</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Pier lights switched on",
 "datePublished": "2021-03-04T08:00:00Z", "publisher": {"@type": "Organization", "name": "Bay Herald"}}</script>
</head><body><article><h1>Pier lights switched on</h1>
<p>The new lights along the pier were switched on for the first time on Thursday evening, the council said.</p>
<p>They use about half the power of the old lamps, according to the engineers who fitted them.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("html", "encoding", "headline", "publisher", "published"),
    [
        (JSON_LD_PAGE, "utf-8", "Pier lights switched on", "Bay Herald", dt.date(2021, 3, 4)),
        (JSON_LD_PAGE.replace("<head>", '<head><meta charset="koi8-r">').replace("Thursday", "\u0447\u0435\u0442\u0432\u0435\u0440\u0433"),
         "koi8-r", "Pier lights switched on", "Bay Herald", dt.date(2021, 3, 4)),
    ],
)
def test_html_metadata_json_ld_and_declared_charset(html: str, encoding: str, headline: str, publisher: str,
                                                    published: dt.date) -> None:
    article = parse_article(html.encode(encoding), "pier.html")
    assert (article.encoding, article.headline, article.publisher) == (encoding, headline, publisher)
    assert (article.published, article.published_source) == (published, "metadata")
    assert "datePublished" not in article.text and "half the power" in article.text
    assert_offsets(article)


# --- bad input -------------------------------------------------------------------------------------------------

def _write(tmp_path: Path, name: str, raw: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(raw)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: FIXTURES / "empty.txt", "empty"),
        (lambda tmp: FIXTURES / "blank.md", "blank"),
        (lambda tmp: FIXTURES / "no_main_text.html", "no main text"),
        (lambda tmp: _write(tmp, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
         "binary"),
        (lambda tmp: _write(tmp, "noise.txt", bytes(range(1, 32)) * 40), "control codes"),
        (lambda tmp: _write(tmp, "huge.txt", b"Word and word again. " * (MAX_ARTICLE_BYTES // 21 + 10)), "too large"),
        (lambda tmp: _write(tmp, "report.pdf", b"%PDF-1.7 some text"), "unsupported file type"),
        (lambda tmp: _write(tmp, "README", b"Some text"), "unsupported file type"),
        (lambda tmp: tmp / "missing.txt", "no such file"),
        (lambda tmp: (tmp / "folder.txt").mkdir() or tmp / "folder.txt", "not a file"),
        (lambda tmp: _write(tmp, "furniture.txt", b"Advertisement\nShare this article\nRead more\n"),
         "no story text"),
    ],
)
def test_bad_input_raises_article_error_naming_the_file(tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path)
    with pytest.raises(ArticleError, match=message) as err:
        read_article(path)
    assert path.name in str(err.value)


def test_upper_case_suffix_and_a_page_saved_as_txt(tmp_path: Path) -> None:
    page = (FIXTURES / "lighthouse.html").read_bytes()
    article = read_article(_write(tmp_path, "SAVED.TXT", page))
    assert (article.id, article.format, article.publisher) == ("SAVED", "html", "Northern Coast Courier")
    assert "SCRIPTMARKER" not in article.text


def test_too_large_bytes_are_refused_without_parsing() -> None:
    with pytest.raises(ArticleError, match="too large"):
        parse_article(b"x" * (MAX_ARTICLE_BYTES + 1), "big.html")


# --- properties ------------------------------------------------------------------------------------------------

NAMES = st.sampled_from(["a.txt", "b.md", "c.html"])
STORYISH = st.lists(
    st.sampled_from(["Mr.", "U.S.", "Jan.", "J.", "said", "the", "Kim", "\"", "'", "\u201c", "\u201d", ".", "?",
                     "!", "...", "-", "\u2014", "\n", "\n\n", "\r\n", " ", "\u00a0", "2 November 2022", "Advertisement",
                     "By Jo Bloggs", "AP", "\t", "é", "<p>", "</p>", "<script>x()</script>", "# ", "**", "Shells"]),
    max_size=80,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.binary(max_size=2000), name=NAMES)
def test_arbitrary_bytes_give_an_article_or_article_error(raw: bytes, name: str) -> None:
    try:
        article = parse_article(raw, name)
    except ArticleError:
        return
    assert article.text.strip()
    assert_offsets(article)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=STORYISH, name=NAMES, encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
def test_storyish_text_keeps_offsets(text: str, name: str, encoding: str) -> None:
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        return
    try:
        article = parse_article(raw, name)
    except ArticleError:
        return
    assert_offsets(article)


@pytest.mark.parametrize(("body", "lead_kept"), [
    ("Iran sends drones to Russia, officials say\nIran sends drones to Russia, officials say.\nMore followed in May.", True),
    ("Iran sends drones to Russia\nThe first paragraph tells more.\nIran sends drones to Russia", False),
])
def test_a_first_paragraph_repeating_the_headline_stays_in_the_story(body: str, lead_kept: bool) -> None:
    article = parse_article(body.encode(), "lead.txt", published=dt.date(2024, 5, 20))
    assert article.headline is not None and article.headline.startswith("Iran sends drones to Russia")
    assert article.text.startswith("Iran sends drones") is lead_kept
    assert article.text.count("Iran sends drones to Russia") == int(lead_kept)
