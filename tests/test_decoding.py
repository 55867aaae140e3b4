"""Encodings and normalisation."""

from __future__ import annotations

import pytest

from timeline.decoding import DecodeError, declared_charset, decode, normalise_line, normalise_lines

SAMPLE = "Caf\u00e9 \u201cquotes\u201d \u2013 dash \u00a312"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("cp1252"), "cp1252"),
        ("Caf\u00e9 \u00a312 \u00bd".encode("latin-1"), "latin-1"),
        (SAMPLE.encode("utf-16"), "utf-16-le"),
    ],
)
def test_decode(raw: bytes, encoding: str) -> None:
    text, used = decode(raw)
    assert used == encoding
    assert text.startswith("Caf\u00e9")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'<html><head><meta charset="windows-1251">', "windows-1251"),
        (b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>", "ISO-8859-1"),
        (b"<html><head><title>none</title>", None),
    ],
)
def test_declared_charset(raw: bytes, expected: str | None) -> None:
    assert declared_charset(raw) == expected


def test_utf8_with_stray_cp1252_bytes() -> None:
    raw = "Caf\u00e9 \u201cok\u201d".encode() + b" then \x93pasted\x94"
    assert decode(raw) == ("Caf\u00e9 \u201cok\u201d then \u201cpasted\u201d", "utf-8+cp1252")


def test_declared_charset_is_used_when_utf8_fails() -> None:
    raw = "\u041f\u0438\u0440\u0441 \u0438 \u043c\u043e\u0440\u0435".encode("koi8-r")
    assert decode(raw, "koi8-r") == ("\u041f\u0438\u0440\u0441 \u0438 \u043c\u043e\u0440\u0435", "koi8-r")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"text\x00with nul", "NUL"),
        (bytes(range(1, 32)) * 10, "control codes"),
        (b"\xff\xfe\x00\xd8", "utf-16-le"),
    ],
)
def test_decode_refuses_binary(raw: bytes, message: str) -> None:
    with pytest.raises(DecodeError, match=message):
        decode(raw)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("\u201cYes,\u201d she said \u2014 twice\u2026", '"Yes," she said - twice...'),
        ("  many   \u00a0spaces\t here ", "many spaces here"),
        ("soft\u00adhyphen and zero\u200bwidth", "softhyphen and zerowidth"),
        ("it\u2019s \u2018quoted\u2019", "it's 'quoted'"),
        ("e\u0301", "\u00e9"),
    ],
)
def test_normalise_line(line: str, expected: str) -> None:
    assert normalise_line(line) == expected


def test_normalise_lines_splits_on_unicode_line_separators() -> None:
    assert normalise_lines(["one\u2028two", "three"]) == ["one", "two", "three"]
