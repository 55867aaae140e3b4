"""sources.csv: columns, empty cells, bad rows, lookup by name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.errors import DataError
from timeline.sources_csv import SourceInfo, parse_sources_csv, read_sources_csv, source_for


def test_shared_sources_csv_empty_cells_are_unknown(corpus: Path) -> None:
    sources = read_sources_csv(corpus / "sources.csv")
    assert sources["000_a6e8e7abecd39d3d.txt"] == SourceInfo(publisher="LBC")
    assert sources["001_08cad3d0ee1d098d.txt"] == SourceInfo(publisher="The Times", published=dt.date(2024, 10, 4))


def test_bom_extra_columns_and_spaces_are_fine() -> None:
    text = "\ufeffFile , Publisher,notes,published\n a.txt , Gazette ,x, 2021-05-03 \n,ignored,,\n"
    assert parse_sources_csv(text) == {"a.txt": SourceInfo(publisher="Gazette", published=dt.date(2021, 5, 3))}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,publisher\na.txt,X\n", "no 'file' column"),
        ("file,published\na.txt,last week\n", "row 2, field 'published'"),
        ("", "no 'file' column"),
    ],
)
def test_bad_sources_csv_raises_data_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "sources.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message) as err:
        read_sources_csv(path)
    assert str(path) in str(err.value)


def test_missing_or_non_utf8_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        read_sources_csv(tmp_path / "nope.csv")
    (tmp_path / "latin.csv").write_bytes("file,publisher\na.txt,Caf\u00e9\n".encode("latin-1"))
    with pytest.raises(DataError, match="UTF-8"):
        read_sources_csv(tmp_path / "latin.csv")


@pytest.mark.parametrize(("name", "found"), [("a.txt", "A"), ("dir/a.txt", "A"), ("a.html", "A"), ("b.txt", None)])
def test_source_for(name: str, found: str | None) -> None:
    info = source_for({"a.txt": SourceInfo(publisher="A")}, name)
    assert (info.publisher if info else None) == found
