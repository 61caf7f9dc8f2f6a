"""The report's error lines in the report's language.

A file error's ``message`` is English data (the JSON report keeps it as it is); the text and markdown reports word
the ones they know — a file over the size limit, an ``app.json`` that is not valid JSON — through ``error.*`` in
``templates/messages.yml``, and show any other as written.
"""

from __future__ import annotations

from mp_precheck.core.messages import Messages
from mp_precheck.core.recache import compiled

_OVERSIZE = compiled(r"skipped: (?P<size>[\d.]+) MB is over the 1 MB limit \(a minified or generated file\?\)")
_INVALID_JSON = compiled(r"(?P<name>[^\s:]+) is not valid JSON: (?P<reason>.+?) at line (?P<line>\d+) column "
                         r"(?P<column>\d+)(?P<lenient>; WeChat's tools will not compile it — the rest was read "
                         r"leniently \(as JSON5\))?")


def error_text(message: str, messages: Messages) -> str:
    """``message`` worded in ``messages``' language when it is one of the known errors, else as it is."""
    if match := _OVERSIZE.fullmatch(message):
        return messages.t("error.oversize", size=match["size"])
    if match := _INVALID_JSON.fullmatch(message):
        said = messages.t("error.invalid_json", name=match["name"], reason=match["reason"], line=match["line"],
                          column=match["column"])
        return said + (messages.t("error.read_leniently") if match["lenient"] else "")
    return message
