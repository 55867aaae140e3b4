"""Per-format reading: hard-wrapped text, Markdown markup, saved web pages."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.formats import FormatError, looks_like_html, page_from_html, page_from_markdown, unwrap

WRAPPED = [
    "The lock keepers on the old canal voted on Monday to accept the new",
    "rota, which gives each of them two free weekends a month during the",
    "summer season, their union said.",
    "",
    "The trust, which runs the canal, had offered the same terms last year",
    "but the keepers turned them down.",
]


def test_unwrap_joins_hard_wrapped_paragraphs() -> None:
    out = [line for line in unwrap(WRAPPED) if line]
    assert len(out) == 2
    assert out[0].startswith("The lock keepers") and out[0].endswith("their union said.")
    assert "the new rota, which" in out[0]


def test_unwrap_leaves_one_paragraph_per_line_alone() -> None:
    lines = ["Short headline", "A" * 150 + ".", "Another paragraph that is long enough." * 4]
    assert unwrap(lines) == lines


@pytest.mark.parametrize(
    ("markdown", "lines"),
    [
        ("# Title\n\nSome **bold** and *em* and `code`.", ["Title", "Some bold and em and code."]),
        ("A [link](https://x.example) and ![alt text](pic.png) here.", ["A link and here."]),
        ("Line one\ncontinues here.\n\nNew para.", ["Line one continues here.", "New para."]),
        ("> quoted words\n> go on", ["quoted words go on"]),
        ("- first item\n- second item", ["first item", "second item"]),
        ("Title\n=====\n\nBody.", ["Title", "Body."]),
        ("```\ncode = 1\n```\nAfter.", ["After."]),
        ("Text<script>alert('x')</script> more.", ["Text more."]),
        ("snake_case_name stays", ["snake_case_name stays"]),
    ],
)
def test_markdown_loses_its_markup(markdown: str, lines: list[str]) -> None:
    assert page_from_markdown(markdown).lines == lines


@pytest.mark.parametrize(("value", "day"), [("2020-09-21", dt.date(2020, 9, 21)), ("September 21, 2020", dt.date(2020, 9, 21)),
                                           ("soon", None)])
def test_markdown_front_matter_dates(value: str, day: dt.date | None) -> None:
    assert page_from_markdown(f"---\ndate: {value}\n---\nBody.\n").published == day


def test_markdown_front_matter_gives_metadata() -> None:
    page = page_from_markdown("---\ntitle: 'A title'\ndate: 2020-09-21T10:00\nsource: Gazette\n---\nBody.\n")
    assert (page.title, page.published, page.publisher, page.lines) == ("A title", dt.date(2020, 9, 21), "Gazette",
                                                                        ["Body."])


HTML = """<html><head><title>Tide tables change | Shore Post</title>
<meta property="og:site_name" content="Shore Post">
<meta name="date" content="2019-04-02">
<script>var hidden = "SCRIPT_ONLY_TEXT";</script></head>
<body><article><h1>Tide tables change</h1>
<p>The harbour office will publish its tide tables online only from next month, the harbour master said.</p>
<script>document.write("SCRIPT_ONLY_TEXT")</script><noscript>SCRIPT_ONLY_TEXT</noscript>
<p>Printed copies will still be available at the office counter for anyone who asks for one.</p>
</article></body></html>"""


def test_html_main_text_and_metadata_without_scripts() -> None:
    page = page_from_html(HTML)
    body = "\n".join(page.lines)
    assert "SCRIPT_ONLY_TEXT" not in body
    assert "tide tables online only" in body and "office counter" in body
    assert (page.title, page.publisher, page.published) == ("Tide tables change", "Shore Post", dt.date(2019, 4, 2))


@pytest.mark.parametrize("html", ["<html><body><nav><a href='/'>Home</a></nav></body></html>", "<<<>>>", "<p>"])
def test_html_without_main_text_is_refused(html: str) -> None:
    with pytest.raises(FormatError, match="no main text|could not be parsed"):
        page_from_html(html)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("<!DOCTYPE html><html>", True), ("  <html lang='en'>", True), ("Plain <b>text</b>", False)],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected
