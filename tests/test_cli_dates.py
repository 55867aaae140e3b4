"""`python -m timeline dates`: the table, JSON Lines in and out, and one clear error line for bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cli import dates_jsonl, main

ROOT = Path(__file__).resolve().parents[1]


def test_table_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dates", "The depot burned last month", "--ref", "2024-10-04"]) == 0
    out = capsys.readouterr().out
    assert "last month" in out and "2024-09" in out and "2024-09-30" in out


def test_no_dates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dates", "nothing temporal here"]) == 0
    assert capsys.readouterr().out.strip() == "no dates found"


def test_unresolved_without_ref(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dates", "two weeks ago"]) == 0
    assert "unresolved" in capsys.readouterr().out


def test_jsonl_round_trip() -> None:
    stdin = io.StringIO(json.dumps({"id": "a", "text": "Trains ran from May to July 2023.", "ref": "2024-10-04"})
                        + "\n\n" + json.dumps({"id": "b", "text": "no date"}) + "\n")
    out = io.StringIO()
    assert dates_jsonl(stdin, out) == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    (m,) = rows[0]["mentions"]
    assert (m["value"], m["first_day"], m["last_day"]) == ("2023-05/2023-07", "2023-05-01", "2023-07-31")
    assert rows[1]["mentions"] == []


@pytest.mark.parametrize(("argv", "stdin", "message"), [
    (["dates", "yesterday", "--ref", "4 Oct"], "", "not a date: '4 Oct'"),
    (["dates"], "", "give a text to tag"),
    (["dates", "--jsonl"], "{not json}\n", "line 1: not JSON"),
    (["dates", "--jsonl"], '{"id": 1}\n', 'line 1: expected an object with a "text" string'),
    (["dates", "--jsonl"], '{"text": "x", "ref": "soon"}\n', "not a date: 'soon'"),
])
def test_bad_input_is_one_error_line(argv: list[str], stdin: str, message: str,
                                     monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and message in err and len(err.strip().splitlines()) == 1


def test_module_runs_in_a_subprocess() -> None:
    p = subprocess.run([sys.executable, "-m", "timeline", "dates", "--jsonl"], cwd=ROOT, capture_output=True,
                       text=True, input='{"id": 7, "text": "on 19 June 2024"}\n', timeout=60)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["mentions"][0]["value"] == "2024-06-19"
