"""Turn the bytes of a file from git into text, whatever encoding a Mini Program team saved it in.

Mini Program sources are mostly UTF-8, but WeChat DevTools on Windows happily keeps GBK files, editors
add a BOM before ``app.json``, and CRLF line ends are common. Decoding must never stop the run: a file
that is no text at all raises :class:`UndecodableFile`, which the caller records as a per-file error.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes


class UndecodableFile(ValueError):
    """The bytes are binary (NUL bytes) or valid in no encoding we accept."""


@dataclass(frozen=True)
class DecodedText:
    """``text`` has ``\\n`` line ends only; ``encoding`` names what was detected (e.g. ``utf-8-sig``)."""

    text: str
    encoding: str


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
    Chinese Windows editors save); else charset-normalizer's best guess. CR LF and lone CR become LF, so
    line numbers match what git and editors show.

    Raises:
        UndecodableFile: NUL bytes outside a UTF-16/32 BOM file, or no encoding fits.
    """
    encoding = _detect(data)
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
    best = from_bytes(data).best()
    if best is None:
        raise UndecodableFile("valid in no known text encoding")
    return str(best.encoding)
