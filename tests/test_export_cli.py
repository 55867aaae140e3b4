"""`python -m timeline export`: filters as options, one file out, `Error: ...` and status 1 when it cannot."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from timeline.cli import build_parser, export_filters, main
from timeline.errors import InputError
from timeline.filters import Filters

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "export"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["export", "--data", str(FIXTURE), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("argv", "expected"), [
    ([], Filters()),
    (["--supplier", "Iran", "--supplier", "China", "--kind", "shipment"],
     Filters(suppliers=("Iran", "China"), kinds=("shipment",))),
    (["--from", "2023-01-01", "--to", "2024-12-31", "--search", "shahed"],
     Filters(date_from=pd.Timestamp("2023-01-01").date(), date_to=pd.Timestamp("2024-12-31").date(),
             search="shahed")),
    (["--item-class", "drones", "--publisher", "Sample Wire", "--precision", "month", "--basis", "event",
      "--claimant", "Analysts", "--recipient", "Russia"],
     Filters(item_classes=("drones",), publishers=("Sample Wire",), grains=("month",), bases=("event",),
             claimants=("Analysts",), recipients=("Russia",))),
])
def test_options_map_onto_filters(argv: list[str], expected: Filters) -> None:
    args = build_parser().parse_args(["export", "-f", "csv", *argv])
    assert export_filters(args) == expected


@pytest.mark.parametrize(("argv", "message"), [
    (["--kind", "shipmen"], "--kind 'shipmen' is not one of"),
    (["--item-class", "tanks"], "--item-class 'tanks'"),
    (["--from", "2024-13-01"], "not a date"),
    (["--from", "2024-05-01", "--to", "2024-01-01"], "comes after"),
])
def test_bad_filter_options(argv: list[str], message: str) -> None:
    args = build_parser().parse_args(["export", "-f", "csv", *argv])
    with pytest.raises(InputError, match=message):
        export_filters(args)


def test_export_writes_the_filtered_view(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "nk.json"
    code, out, err = run(capsys, "-f", "json", "--supplier", "North Korea", "--from", "2024-01-01", "-o",
                         str(target))
    assert (code, err) == (0, "")
    assert out == f"wrote {target} (1 event, {target.stat().st_size:,} bytes)\n"
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert [e["id"] for e in doc["events"]] == ["exp-year"]
    assert doc["filters"] == {"supplier": "North Korea", "from": "2024-01-01"}
    assert doc["title"] == "Arms supply to Russia: North Korea"


def test_export_to_stdout(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["export", "--data", str(FIXTURE), "-f", "csv", "--search", "loitering", "-o", "-"]) == 0
    out = capsysbinary.readouterr().out
    back = pd.read_csv(io.BytesIO(out), encoding="utf-8-sig")
    assert list(back["id"]) == ["exp-day"]


def test_default_file_name_in_the_working_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "-f", "timelinejs")
    assert code == 0
    written = list(tmp_path.iterdir())
    assert len(written) == 1 and written[0].name.endswith(".timelinejs.json")
    assert out.startswith(f"wrote {written[0].name} (7 events")


@pytest.mark.parametrize(("argv", "message"), [
    (["-f", "csv", "--supplier", "Nobody"], "Error: nothing to export: no event matches the current filters"),
    (["-f", "csv", "--kind", "shipmen"], "Error: --kind 'shipmen' is not one of"),
    (["-f", "csv", "-o", "/nonexistent-folder/x.csv"], "Error: cannot write /nonexistent-folder/x.csv"),
])
def test_errors_print_one_line_and_exit_1(capsys: pytest.CaptureFixture[str], argv: list[str],
                                          message: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert err.startswith(message) and err.count("\n") == 1


def test_no_browser_for_a_png(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                              tmp_path: Path) -> None:
    monkeypatch.delenv("SUPPLY_LINES_BROWSER", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    code, _, err = run(capsys, "-f", "png", "-o", str(tmp_path / "x.png"))
    assert code == 1 and err.startswith("Error: static charts (PNG, SVG, PDF) need Chromium")
    assert not (tmp_path / "x.png").exists()


def test_export_command_has_help() -> None:
    text = build_parser()._subparsers._group_actions[0].choices["export"].format_help()  # type: ignore[union-attr]
    for option in ("--format", "--supplier", "--kind", "--from", "--to", "--search", "--preset", "--output"):
        assert option in text


def test_default_table_is_what_the_app_shows(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.dataset import load_events
    from timeline.store import Store

    monkeypatch.setenv("SUPPLY_LINES_HOME", str(tmp_path / "home"))
    store = Store()
    store.add_article(
        {"source_id": "mine-1", "publisher": "My Notes", "headline": "An article I added", "published": "2024-02-02"},
        [{"id": "mine-1-e1", "date": "2024-02", "grain": "month", "date_start": "2024-02-01",
          "date_end": "2024-02-29", "date_basis": "event", "supplier": "Testland", "recipient": "Russia",
          "item": "invented widgets", "item_class": "other", "kind": "shipment", "source_ids": "mine-1",
          "origin": "extracted", "reviewed": "false"}],
    )
    rejected = str(load_events()["id"].iloc[0])
    store.review(rejected, "reject", "tester")
    target = tmp_path / "all.json"
    assert main(["export", "-f", "json", "-o", str(target)]) == 0
    events = {e["id"]: e for e in json.loads(target.read_text(encoding="utf-8"))["events"]}
    assert events["mine-1-e1"]["publisher"] == "My Notes" and events["mine-1-e1"]["status"] == "pending"
    assert rejected not in events
    assert main(["export", "-f", "json", "--no-store", "-o", str(target)]) == 0
    events = {e["id"] for e in json.loads(target.read_text(encoding="utf-8"))["events"]}
    assert "mine-1-e1" not in events and rejected in events
    capsys.readouterr()


def test_python_m_timeline_export(tmp_path: Path) -> None:
    target = tmp_path / "view.csv"
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "export", "--format", "csv", "--data", str(FIXTURE),
         "--supplier", "Iran", "--kind", "shipment", "-o", str(target)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert list(pd.read_csv(target, encoding="utf-8-sig")["id"]) == ["exp-day"]
