"""Page furniture is dropped by general rules; story lines that share its words are kept."""

from __future__ import annotations

import pytest

from timeline.boilerplate import filter_lines, reason_to_drop


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Advertisement", "page furniture"),
        ("ADVERTISEMENT", "page furniture"),
        ("Story continues below advertisement", "page furniture"),
        ("Listen to this article", "page furniture"),
        ("Listen to this article - 4 min", "audio player"),
        ("Loading audio...", "page furniture"),
        ("PROMOTED CONTENT", "page furniture"),
        ("Read more", "page furniture"),
        ("Read more: Harbour reopens after storm", "promotion"),
        ("Sign up to our morning newsletter", "promotion"),
        ("Share this article", "page furniture"),
        ("Share on Facebook Share on X", "share buttons"),
        ("Facebook | Twitter | Email | Copy link", "share buttons"),
        ("0:00 / 3:45", "player or counter"),
        ("5 min read", "player or counter"),
        ("Updated 3 hours ago", "timestamp"),
        ("Updated 5:00 a.m. ET", "timestamp"),
        ("12 comments", "player or counter"),
        ("Your subscription is due to end", "paywall or account notice"),
        ("Please update your payment details in My Account to keep reading.", "paywall or account notice"),
        ("Subscribe now for unlimited access. Already a subscriber? Sign in", "paywall or account notice"),
        ("We use cookies to give you the best experience. Manage your preferences", "cookie banner"),
        ("Accept all cookies", "cookie banner"),
        ("AP", "photo credit"),
        ("GETTY IMAGES", "photo credit"),
        ("JANE ROE/AFP VIA GETTY IMAGES", "photo credit"),
        ("SAM LEE/THE DAILY PLANET", "photo credit"),
        ("Photo: Reuters", "photo credit"),
        ("(Photo by Jo Bloggs/AFP via Getty Images)", "photo credit"),
        ("Image source, Getty Images", "photo credit"),
        ("© 2024 Some Media Ltd. All rights reserved.", "copyright notice"),
        ("Sam Lee 10pm - 1am", "byline"),
        ("Jo Bloggs 7:00 - 10:00", "byline"),
        ("By Jo Bloggs", "byline"),
        ("By Jo Bloggs and Sam Lee, in Oslo", "byline"),
        ("By our defence correspondent", "byline"),
        ("Chief Political Correspondent", "byline"),
        ("***", "no words"),
    ],
)
def test_furniture_is_dropped(line: str, reason: str) -> None:
    assert reason_to_drop(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The harbour board said it would not renew the advertising contract this year.",
        "Subscribers to the ferry pass will pay more from May, the operator said.",
        "The regulator fined the firm over its cookie consent rules, officials said.",
        "By the end of the year, the yard had built four new boats.",
        "AP reported that the talks had stalled.",
        "Reuters could not verify the footage independently.",
        "Read the full statement below, the ministry told reporters.",
        "Kim and Putin",
        "Russia sacks its chief editor",
        "Ukraine war live: talks resume in Geneva",
        "artillery shells and rockets",
        "a man in a grey coat walking past a mural",
        "Follow-up talks - the third round - begin on Monday in Geneva.",
        "10:32 BST",
        "The two mayors at the opening of the new ferry terminal in June",
        "Harbour row: a headline with a colon in it",
        '"Act now," the minister urged, "or the shells will run out."',
    ],
)
def test_story_lines_are_kept(line: str) -> None:
    assert reason_to_drop(line) is None


def test_repeated_lines_and_sentences_are_dropped_once() -> None:
    lines = [
        "Boats return to the wharf after a decade away",
        "Narrow boats moored at the wharf on Sunday. Crowds watched from the towpath all afternoon.",
        "Crowds watched from the towpath all afternoon",
        "A caption that appears twice under the photo",
        "A caption that appears twice under the photo",
        "Short line",
        "Short line",
    ]
    kept, dropped = filter_lines(lines)
    assert kept == [0, 1, 3, 5]
    assert [(d.index, d.reason) for d in dropped] == [
        (2, "repeats a sentence of another line"), (4, "repeats an earlier line"), (6, "repeats an earlier line")]


@pytest.mark.parametrize(
    ("lines", "dropped"),
    [
        (["Story paragraph one is here.", "a man in a grey coat walking past a mural", "The mural, painted last year",
          "JANE ROE/AFP", "Story paragraph two is here."], ["a man in a grey coat walking past a mural", "JANE ROE/AFP"]),
        (["The shipments included:", "a large number of shells", "an unknown number of rockets",
          "Officials gave no figures."], []),
    ],
)
def test_alt_text_is_dropped_only_beside_a_photo_credit(lines: list[str], dropped: list[str]) -> None:
    assert [d.line for d in filter_lines(lines)[1]] == dropped
