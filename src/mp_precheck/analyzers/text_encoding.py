"""A changed source file saved in an encoding other than UTF-8 (``completeness.not_utf8``).

The run reads a GBK (or Big5, Shift-JIS…) file correctly (readers/textcodec.py), but WeChat's developer tools
compile code files as UTF-8 — iOS supports UTF-8 only, and the tools check the encoding when the code is
uploaded — so the Chinese text of such a file shows garbled to users and to the reviewer. Told once per file, with
the encoding detected; a BOM-marked UTF-8 file is UTF-8, and a file no encoding fits is already an error line
(facts/extract.py).

Source: https://developers.weixin.qq.com/miniprogram/dev/devtools/edit.html (文件格式: UTF-8 only).

Reads: ``head_facts`` (which files the project reads), ``read_head_bytes``.
Writes: adds ``completeness.not_utf8`` at line 1 of the file.
"""

from __future__ import annotations

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding
from mp_precheck.readers.textcodec import UndecodableFile, decode

RULE = "completeness.not_utf8"
# The code files the developer tools compile, and the single-file components a framework's build reads as UTF-8.
_SOURCES = (".wxml", ".wxss", ".wxs", ".js", ".ts", ".json", ".vue", ".wpy")
_UTF8 = ("utf-8", "utf-8-sig", "ascii")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    paths = sorted(p for p in context.head_facts if p.lower().endswith(_SOURCES))
    if not paths:
        return findings
    found = []
    for path, data in context.read_head_bytes(paths).items():
        encoding = _foreign_encoding(data)
        if encoding is not None:
            found.append(context.finding(RULE, path, path, 1, value=encoding))
    return [*findings, *found]


def _foreign_encoding(data: bytes | None) -> str | None:
    """The encoding ``data`` is in when it is text but not UTF-8, else None (UTF-8, binary, or no encoding fits)."""
    if not data:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return None
    try:
        decoded = decode(data)
    except UndecodableFile:
        return None
    if decoded.lossy or decoded.encoding in _UTF8:
        return None
    return "GBK/GB18030" if decoded.encoding == "gb18030" else decoded.encoding  # GB18030 extends GBK
