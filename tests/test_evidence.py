"""Evidence: parsing offsets, finding the article file, and marking phrases without ever letting HTML through."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.evidence import Citation, Mark, find_file, highlight, marks_for, parse_evidence, sentence_at


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("a:1-5", [Citation("a", 1, 5)]),
        ("a:1-5; b:10-20", [Citation("a", 1, 5), Citation("b", 10, 20)]),
        ("a:5-1;junk;:3-4;c:x-y", []),
        ("", []),
        (None, []),
    ],
)
def test_parse_evidence(cell: str | None, expected: list[Citation]) -> None:
    assert parse_evidence(cell) == expected


def test_find_file_looks_in_each_folder_and_refuses_paths(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    (second / "story.txt").write_text("invented", encoding="utf-8")
    assert find_file("story.txt", [first, second]) == second / "story.txt"
    assert find_file("missing.txt", [first, second]) is None
    assert find_file("../two/story.txt", [first]) is None
    assert find_file(None, [first]) is None


@pytest.mark.parametrize(("start", "end", "expected"), [(0, 4, "Iran"), (5, 9, "sent"), (3, 2, None), (0, 99, None)])
def test_sentence_at(start: int, end: int, expected: str | None) -> None:
    assert sentence_at("Iran sent drones.", start, end) == expected


def test_highlight_marks_date_and_actors() -> None:
    out = highlight("In March 2023 Tehran sent drones to Moscow.", marks_for("in March 2023", ["Iran", "Russia"]))
    assert out == ('<mark class="date">In March 2023</mark> <mark class="actor">Tehran</mark> sent drones to '
                   '<mark class="actor">Moscow</mark>.')


@pytest.mark.parametrize(
    "text",
    ["<script>alert(1)</script> Iran", "Iran <img src=x onerror=alert(1)>", "Iran & \"quotes\" 'too'"],
)
def test_highlight_escapes_everything_but_its_own_marks(text: str) -> None:
    out = highlight(text, [Mark("Iran", "actor")])
    stripped = out.replace('<mark class="actor">', "").replace("</mark>", "")
    assert "<" not in stripped and ">" not in stripped
    assert '<mark class="actor">Iran</mark>' in out


def test_longer_phrases_win_overlaps() -> None:
    out = highlight("North Korean shells", [Mark("North Korea", "actor"), Mark("North Korean shells", "date")])
    assert out == '<mark class="date">North Korean shells</mark>'
