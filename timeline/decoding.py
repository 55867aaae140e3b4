"""Bytes to clean text: guess the encoding, refuse binary data, normalise whitespace and typography.

Every function here is pure; the caller names the file in any error it raises.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Byte-order marks we honour, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Share of control characters above which decoded text is taken to be binary data.
MAX_CONTROL_SHARE = 0.01
# Share of non-ASCII bytes above which a non-UTF-8 file is probably not in a Western single-byte code page.
MAX_WESTERN_NON_ASCII = 0.3


_ASCII = bytes(range(0x80))
_C1_BYTES = re.compile(rb"[\x80-\x9f]")


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why (without the file name)."""


def decode(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """The text of `raw` and the name of the encoding used.

    A byte-order mark first, then UTF-8, then the `declared` charset (a web page's own <meta charset>);
    UTF-8 with a few stray single bytes is read as UTF-8 with those bytes as cp1252; otherwise cp1252, reported as latin-1 when no byte in 0x80-0x9F tells them apart. Text that is mostly
    non-ASCII (Cyrillic, CJK code pages) is left to charset-normalizer.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _check_text(raw[len(bom):].decode(encoding.removesuffix("-sig"))), encoding
            except UnicodeDecodeError as e:
                raise DecodeError(f"it starts with a {encoding} byte-order mark but is not valid {encoding}") from e
    if b"\x00" in raw:
        raise DecodeError("it contains NUL bytes, so it looks like a binary file, not text")
    try:
        return _check_text(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            name = codecs.lookup(declared).name
            return _check_text(raw.decode(name)), name
        except (LookupError, UnicodeDecodeError):
            pass
    if _UTF8_SEQUENCE.search(raw):
        return _check_text(raw.decode("utf-8", errors=_MIXED_HANDLER)), "utf-8+cp1252"
    non_ascii = len(raw.translate(None, _ASCII))
    if non_ascii <= MAX_WESTERN_NON_ASCII * len(raw):
        return _western(raw)
    guess = _charset_normalizer_guess(raw)
    if guess is not None:
        return guess
    return _western(raw)


def _cp1252_for_stray_bytes(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 is read as cp1252 (text pasted from two sources)."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start:err.end]
    return bad.decode("cp1252", errors="replace"), err.end


_MIXED_HANDLER = "timeline-cp1252-fallback"
codecs.register_error(_MIXED_HANDLER, _cp1252_for_stray_bytes)
# A well-formed multi-byte UTF-8 sequence: where there is one, the file is UTF-8 with a few stray bytes.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _western(raw: bytes) -> tuple[str, str]:
    if not _C1_BYTES.search(raw):
        return _check_text(raw.decode("latin-1")), "latin-1"
    try:
        return _check_text(raw.decode("cp1252")), "cp1252"
    except UnicodeDecodeError:
        return _check_text(raw.decode("latin-1")), "latin-1"


def _charset_normalizer_guess(raw: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        return None
    try:
        return _check_text(str(best)), best.encoding
    except DecodeError:
        return None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _check_text(text: str) -> str:
    controls = len(_CONTROL.findall(text))
    if controls > MAX_CONTROL_SHARE * max(len(text), 1):
        raise DecodeError(f"{controls} of its {len(text)} characters are control codes, so it looks binary")
    if "\ufffd" in text and text.count("\ufffd") > MAX_CONTROL_SHARE * len(text):
        raise DecodeError("it holds many replacement characters (U+FFFD), so its encoding is broken")
    return text


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)


def declared_charset(raw: bytes) -> str | None:
    """The charset a web page declares in its first few kilobytes, if any."""
    m = _META_CHARSET.search(raw, 0, 4096)
    return m.group(1).decode("ascii") if m else None


# --- normalisation ----------------------------------------------------------------------------------------

# One character in, a short ASCII string out: quotes, dashes, odd spaces, invisible characters.
TYPOGRAPHY: dict[str, str] = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\uff07", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    **dict.fromkeys("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\f\v", " "),
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f", ""),
    "\u2026": "...",
    "\u2028": "\n",
    "\u2029": "\n",
    "\x85": "\n",
}
_TRANSLATE = str.maketrans(TYPOGRAPHY)
_SPACES = re.compile(r" {2,}")
_CONTROL_OUT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]")


def normalise_line(line: str) -> str:
    """One line with ASCII quotes and dashes, single spaces, no control codes, trimmed."""
    return normalise_lines([line])[0] if line else ""


def normalise_lines(lines: list[str]) -> list[str]:
    """normalise_line on every line, in one pass over the text; a line break inside a line splits it."""
    text = unicodedata.normalize("NFC", "\n".join(lines)).translate(_TRANSLATE)
    if _CONTROL_OUT.search(text):
        text = _CONTROL_OUT.sub("", text)
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n")]


def split_lines(text: str) -> list[str]:
    """The lines of a text whatever its line endings (CRLF, CR, LF, Unicode separators)."""
    return text.translate(_TRANSLATE_BREAKS).splitlines()


_TRANSLATE_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n", "\x0b": "\n", "\x0c": "\n"})
