"""The tool's own English reading errors (a file over the size limit, a JSON file that does not parse) in the
report's language. The JSON report keeps the English text (a contract); text and Markdown reports word it for
the reader, so a zh-CN report has no English line of ours."""

from __future__ import annotations

import re
from functools import partial

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.messages import Messages

# (the English form, the messages.yml key it is worded by); matched anywhere in a line, in order.
_FORMS = (
    (lazy(r"skipped: (?P<size>[\d.]+) MB is over the 1 MB limit \(a minified or generated file\?\)"),
     "error_text.oversized"),
    (lazy(r"(?P<name>[\w.-]+) is not valid JSON5?: (?P<why>.+?) at line (?P<line>\d+) column (?P<column>\d+)"),
     "error_text.invalid_json_at"),
    (lazy(r"(?P<name>[\w.-]+) is not valid JSON5?(?: \((?P<why>[^)]*)\))?(?=$|;|:)"), "error_text.invalid_json"),
    (lazy(r"(?P<name>[\w.-]+) has a syntax error at line (?P<line>\d+) column (?P<column>\d+)"),
     "error_text.syntax_error_at"),
    (lazy(r"; WeChat's tools will not compile it — the rest was read leniently \(as JSON5\)"), "error_text.lenient"),
    (lazy(r"mp-precheck could not read the whole page list: .*? never runs; (?P<skipped>routes to unregistered pages"
          r"(?P<entry> and the entry page's login checks)?) were skipped \(the build may well be fine\)"),
     "error_text.pages_computed"),
    # core/unread.py's files a run never reads, and the words analyzers put in a finding's value
    (lazy(r"not read: a git submodule, whose files mp-precheck never reads; check what its new commit changes by hand"),
     "error_text.submodule"),
    (lazy(r"not read: a symbolic link, which mp-precheck never follows; check the file it points to by hand"),
     "error_text.symlink"),
    (lazy(r"\(not sent yet\)"), "error_text.not_sent"),
    (lazy(r"\bin a response handler: "), "error_text.response_handler"),
)


# Python's JSON decoder's reasons (json.JSONDecodeError.msg), by the zh-CN words of the developer tools' own errors.
_JSON_REASONS_ZH = {
    "Expecting value": "缺少值（多余的逗号？）",
    "Expecting property name enclosed in double quotes": "属性名须用双引号（多余的逗号或注释？）",
    "Expecting ',' delimiter": "缺少逗号",
    "Expecting '}' before the end of the file": "文件意外结束：缺少 \"}\"",
    "Expecting ']' before the end of the file": "文件意外结束：缺少 \"]\"",
    "Expecting ':' delimiter": "缺少冒号",
    "Extra data": "结尾有多余内容",
    "Unterminated string starting at": "字符串没有结束",
    "Invalid control character at": "字符串中有控制字符",
}


def localized(text: str, messages: Messages) -> str:
    """``text`` with each of the tool's English reading errors in it worded in ``messages``' language (English is
    returned as it is); any other text unchanged."""
    if messages.language == "en":
        return text
    for pattern, key in _FORMS:
        text = pattern.sub(partial(_worded, key=key, messages=messages), text)
    return text


def _worded(found: re.Match[str], key: str, messages: Messages) -> str:
    values = {name: value or "" for name, value in found.groupdict().items()}
    if "skipped" in values:  # the checks skipped, in the report's language
        values["skipped"] = messages.t("error_text.skipped_entry" if values.pop("entry") else "error_text.skipped")
    if "why" in values:
        values["why"] = _JSON_REASONS_ZH.get(values["why"], values["why"])
    return messages.t(key, **values)
