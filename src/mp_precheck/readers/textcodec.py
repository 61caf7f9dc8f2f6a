"""Turn the bytes of a file from git into text, whatever encoding a Mini Program team saved it in.

Mini Program sources are mostly UTF-8, but WeChat DevTools on Windows happily keeps GBK files, editors
add a BOM before ``app.json``, and CRLF line ends are common. Decoding must never stop the run: a file
that is no text at all raises :class:`UndecodableFile`, which the caller records as a per-file error.
"""

from __future__ import annotations

import codecs

from msgspec import Struct


class UndecodableFile(ValueError):
    """The bytes are binary (NUL bytes) or valid in no encoding we accept."""


class DecodedText(Struct, frozen=True):
    """``text`` has ``\\n`` line ends only; ``encoding`` names what was detected (e.g. ``utf-8-sig``);
    ``lossy`` is true when no encoding fitted and undecodable bytes were replaced (U+FFFD)."""

    text: str
    encoding: str
    lossy: bool = False


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> DecodedText:
    """Decode ``data`` (a file's bytes) to text with ``\\n`` line ends.

    Order: a BOM decides; else strict UTF-8; else GB18030 (a superset of GBK and GB2312, the encodings
    Chinese Windows editors save); else charset-normalizer's guess among the CJK encodings (Big5,
    Shift-JIS, EUC-KR…). When none fits, the text is UTF-8 with the bad bytes replaced and ``lossy`` is
    set: the ASCII code (API names) is still read, and the caller says the file was damaged. CR LF and
    lone CR become LF, so line numbers match what git and editors show.

    Raises:
        UndecodableFile: the content is binary (NUL bytes outside a UTF-16/32 BOM file).
    """
    try:
        encoding = _detect(data)
    except _NoEncoding:
        text = data.decode("utf-8", "replace")
        return DecodedText(text.replace("\r\n", "\n").replace("\r", "\n"), "utf-8", lossy=True)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:  # pragma: no cover - _detect already proved it decodes
        raise UndecodableFile(f"cannot decode as {encoding}: {exc}") from exc
    return DecodedText(text.replace("\r\n", "\n").replace("\r", "\n"), encoding)


def _detect(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if b"\x00" in data:
        raise UndecodableFile("binary content (NUL bytes)")
    for name in ("utf-8", "gb18030"):
        try:
            data.decode(name)
        except UnicodeDecodeError:
            continue
        return name
    from charset_normalizer import from_bytes  # only for files that are neither UTF-8 nor a BOM's or GB18030 (rare)

    best = from_bytes(data).best()
    if best is None or not str(best.encoding).startswith(_CJK):
        raise _NoEncoding
    return str(best.encoding)


class _NoEncoding(Exception):
    pass


_CJK = ("big5", "cp950", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949", "iso2022", "hz", "utf_16", "utf_32")
