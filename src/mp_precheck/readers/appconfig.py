"""Facts from ``app.json`` / ``ext.json``: the keys review looks at.

Each entry becomes one fact ``app.json:<key>:<value>`` located at the line of the value, so a new entry
in ``requiredPrivateInfos`` or ``plugins`` compares like any other new use.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.subject import app_config, prefixed
from mp_precheck.facts.model import Fact
from mp_precheck.readers.lifecycle import LOGIN_TARGET
from mp_precheck.readers.pagelist import route
from mp_precheck.readers.textsignals import signals

# File names that say nothing of the page: the page is named by its folder (pages/login/index; mpx apps often
# name every page's file ``entry``: pages/login/entry).
GENERIC_PAGE_FILES = frozenset({"index", "main", "entry"})
_MAX_DEPTH = 200  # no configuration nests deeper; a text that does is no configuration
SCRIPT_CONFIGS = (".js", ".ts", ".mjs", ".cjs")  # a config a framework evaluates: a value None is computed
_LIST_KEYS = ("requiredPrivateInfos", "requiredBackgroundModes", "navigateToMiniProgramAppIdList",
              "embeddedAppIdList")


class MalformedJson(ValueError):
    """The text is not JSON; the message has the line and column of the problem, ``line`` its line (1 when the
    parser names none)."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


def load_json(text: str, name: str) -> Any:
    """Parse ``text``; raise :class:`MalformedJson` naming ``name`` and the line/column of the error, or saying the
    text is nested too deeply for the parser (where it would raise RecursionError)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        closer = _unclosed(text) if not exc.doc[exc.pos:].strip() else None
        # at the end of the text the parser asks for a comma, but what is missing is the bracket it left open
        why = f"Expecting '{closer}' before the end of the file" if closer else exc.msg
        raise MalformedJson(f"{name} is not valid JSON: {why} at line {exc.lineno} column {exc.colno}",
                            exc.lineno) from exc
    except RecursionError:  # 100,000 nested "[": the parser recurses once per level
        raise MalformedJson(f"{name} is not valid JSON (nested too deeply)") from None
    except MemoryError:
        raise MalformedJson(f"{name} is not valid JSON (too large to read)") from None


def _unclosed(text: str) -> str | None:
    """The bracket (``}`` or ``]``) that would close the innermost one ``text`` leaves open, outside strings; None
    when every bracket is closed."""
    stack: list[str] = []
    in_string = escaped = False
    for char in text:
        if in_string:
            escaped, in_string = (False, True) if escaped else (char == "\\", char != '"')
        elif char == '"':
            in_string = True
        elif char in "{[":
            stack.append("}" if char == "{" else "]")
        elif char in "}]" and stack:
            stack.pop()
    return stack[-1] if stack else None


def load_json_leniently(text: str, name: str) -> tuple[Any, str | None]:
    """Parse an ``app.json`` as WeChat does (strict JSON), and when that fails read it again as JSON5 (comments,
    trailing commas) so the rest of the run still knows the pages and keys the author meant.

    Returns ``(value, problem)``: ``problem`` is None for valid JSON; otherwise it names the line and column
    (WeChat's tools reject such a file: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html
    is JSON) and says whether the lenient read recovered anything (``value`` None when it did not)."""
    try:
        return load_json(text, name), None
    except MalformedJson as exc:
        try:
            value = loads_jsonc(text)
        except ValueError:
            return None, str(exc)
        return value, f"{exc}; WeChat's tools will not compile it — the rest was read leniently (as JSON5)"


def loads_jsonc(text: str) -> Any:
    """JSON that may carry comments, trailing commas or other JSON5 (uni-app's ``pages.json``, a ``tsconfig.json``,
    mpx): the standard library's parser first, then pyjson5, a compiled JSON5 parser
    (https://pyjson5.readthedocs.io/, https://spec.json5.org/).

    Raises:
        MalformedJson: valid in neither; the message says why and at which line and column, as for JSON.
        ValueError: nested deeper than :data:`_MAX_DEPTH` (``nested too deeply``).
    """
    try:
        return json.loads(text)
    except ValueError:
        pass
    except (RecursionError, MemoryError):  # the standard parser recurses once per level of nesting
        raise ValueError("nested too deeply") from None
    import pyjson5  # loaded only for a file JSON rejects

    try:
        return pyjson5.decode(text, maxdepth=_MAX_DEPTH)
    except pyjson5.Json5NestingTooDeep:
        raise ValueError("nested too deeply") from None
    except pyjson5.Json5Exception as exc:
        message = exc.message or ""
        near = _NEAR.search(message)
        if isinstance(exc, pyjson5.Json5EOF) and "b'string'" in message:
            raise _at("Unterminated string starting at", text, int(near[1]) - 1 if near else 0) from None
        if isinstance(exc, pyjson5.Json5EOF):  # told at the end, as the bracket the file leaves open
            closer = _unclosed(text)
            why = f"Expecting '{closer}' before the end of the file" if closer else "Unexpected end of the file"
            raise _at(why, text, len(text)) from None
        why = _TOKEN.sub(_token, _NEAR.sub("", message))  # b'comma' and U+005d as the characters they are
        raise _at(why, text, int(near[1]) - 1 if near else 0) from None


_NEAR = lazy(r" (?:starting )?near (\d+)")  # pyjson5's position: one past the character it stopped at
_TOKEN = lazy(r"b'(\w+)'|U\+([0-9A-Fa-f]{4,6})")
_TOKENS = {"comma": ",", "colon": ":"}


def _token(found: re.Match[str]) -> str:
    return f"'{_TOKENS.get(found[1], found[1])}'" if found[1] else repr(chr(int(found[2], 16)))


def _at(why: str, text: str, offset: int) -> MalformedJson:
    """``why`` at the line and column of ``offset`` in ``text``, worded as :func:`load_json` words its errors."""
    offset = max(0, min(offset, len(text)))
    line, column = text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
    return MalformedJson(f"{why} at line {line} column {column}", line)


def read_json(path: str, read_text: Callable[[str], str | None]) -> Any:
    """The JSON value of the file at ``path`` read through ``read_text``, or None when the file is missing or is no
    valid JSON (callers that report malformed files use :func:`load_json`)."""
    text = read_text(path)
    if text is None:
        return None
    try:
        return load_json(text, path)
    except MalformedJson:
        return None


def shape_errors(data: Any, name: str, *, lists_only: bool = False) -> list[str]:
    """What in a parsed ``app.json`` is not the shape WeChat reads, for the keys this tool reads: the file must be
    an object, ``pages`` and the list keys lists of strings, ``entryPagePath`` a string, ``subpackages`` objects
    with a ``root`` and their own ``pages`` (https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html).
    Returns one message per problem (``app.json: "pages" must be a list of page paths, not a string``); an empty
    list when the shape is right. What is wrong is left unread, the rest is still analysed.

    ``lists_only`` checks only that ``pages`` and ``subpackages`` (and each subpackage's ``pages``) are lists, for a
    framework's config whose entries take other forms (uni-app's ``{"path": …}`` objects, values a script
    computes); a config that is no object is then no error (there is no config)."""
    if lists_only:
        return _list_errors(data, name)
    if not isinstance(data, dict):
        return [f"{name} must be a JSON object, not {_kind(data)}; its pages and settings were not read"]
    problems = [f'{name}: "{key}" must be a list of strings, not {_listed_kind(data[key])}'
                for key in ("pages", *_LIST_KEYS) if key in data and not _strings(data[key])]
    if "entryPagePath" in data and not isinstance(data["entryPagePath"], str):
        problems.append(f'{name}: "entryPagePath" must be a page path, not {_kind(data["entryPagePath"])}')
    for key in ("subpackages", "subPackages"):
        packages = data.get(key)
        if key in data and not (isinstance(packages, list) and all(
                isinstance(p, dict) and isinstance(p.get("root"), str) and _strings(p.get("pages", []))
                for p in packages)):
            problems.append(f'{name}: "{key}" must be a list of {{"root": …, "pages": […]}} objects')
    return problems


def _list_errors(data: Any, name: str) -> list[str]:
    """The ``lists_only`` checks of :func:`shape_errors`."""
    if not isinstance(data, dict):
        return []
    pages = data.get("pages")
    # a script's config reads as None where a value is computed (routes.map(...)): that is no wrong shape but a
    # list not read, told once for the file with the checks it skips (core/unread.py: computed_pages_error)
    script = name.endswith(SCRIPT_CONFIGS)
    problems = [f'{name}: "pages" must be a list, not {_kind(pages)}'] \
        if "pages" in data and not (pages is None and script) and not isinstance(pages, list) else []
    for key in ("subpackages", "subPackages"):
        packages = data.get(key)
        if key in data and not (packages is None and script) and not (isinstance(packages, list) and all(
                not isinstance(p, dict) or (p.get("pages") is None and script) or isinstance(p.get("pages", []), list)
                for p in packages)):
            problems.append(f'{name}: "{key}" must be a list of {{"root": …, "pages": […]}} objects')
    return problems


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _listed_kind(value: Any) -> str:
    """:func:`_kind` of ``value``; for a list, the kind of its first item that is no string (``a list holding a
    number``), so the message never says "not a list" of a list."""
    odd = [item for item in value if not isinstance(item, str)] if isinstance(value, list) else []
    return f"a list holding {_kind(odd[0])}" if odd else _kind(value)


def _kind(value: Any) -> str:
    """JSON's name for the type of ``value`` (``a string``, ``null``)."""
    return "null" if value is None else {bool: "a boolean", int: "a number", float: "a number", str: "a string",
                                         list: "a list", dict: "an object"}.get(type(value), "a value")


def line_of(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    """(1-based line, offset) of the first spelling of ``needle`` after ``after``; (1, ``after``) if none.

    ``needle`` is a JSON string (``"key"``); the same token written in JavaScript (``'key'``, `` `key` ``
    or a bare ``key:``) is found too, so Taro and WePY configs point at their own lines.
    """
    at = _find(text, needle, after)
    return (1, after) if at < 0 else (text.count("\n", 0, at) + 1, at)


def _find(text: str, needle: str, after: int) -> int:
    """The offset of the first spelling of ``needle`` (see :func:`line_of`) at or after ``after``, or -1."""
    inner = needle[1:-1] if len(needle) >= 2 and needle[0] == needle[-1] == '"' else None
    variants = [needle] + ([f"'{inner}'", f"`{inner}`", f"{inner}:", f"{inner} :"] if inner is not None else [])
    hits = [at for at in (text.find(v, after) for v in variants) if at >= 0]
    return min(hits) if hits else -1


def _key_offsets(text: str, needle: str) -> list[int]:
    """The offset of every spelling of the key ``needle`` in ``text``, in order."""
    offsets: list[int] = []
    at = _find(text, needle, 0)
    while at >= 0:
        offsets.append(at)
        at = _find(text, needle, at + 1)
    return offsets


def _top_level_key(text: str, needle: str) -> int:
    """The offset of the spelling of the key ``needle`` that sits in the config's outermost object — the one
    WeChat reads — rather than a copy nested in ``window`` or another object; the first spelling when none is
    (a JS config whose braces this count misreads), 0 when the key is not spelled at all."""
    offsets = _key_offsets(text, needle)
    depth, quote, escaped, scanned = 0, "", False, 0
    for at in offsets:  # one scan of the text up to each spelling in turn: brackets open outside strings
        for char in text[scanned:at]:
            if quote:
                escaped, quote = (not escaped and char == "\\"), ("" if char == quote and not escaped else quote)
            elif char in "\"'`":
                quote = char
            elif char in "{[":
                depth += 1
            elif char in "}]":
                depth -= 1
        scanned = max(scanned, at)
        if depth == 1 and not quote:
            return at
    return offsets[0] if offsets else 0


# A plugins key and the brace that opens its table, in JSON or a JS config: `"plugins": {`, `plugins: {`.
_OPENS_TABLE = lazy(r"[\"'`]?plugins[\"'`]?\s*:\s*\{\s*")


def _table_start(text: str, keys: list[int], first: str) -> int:
    """The offset of the first of the ``plugins`` keys at ``keys`` whose table starts with the entry ``first``
    (a JSON string); else the key ``first`` comes soonest after, else 0."""
    hits = [(at - key, key) for key in keys if (at := _find(text, first, key + 1)) >= 0]
    opening = [key for gap, key in hits if _OPENS_TABLE.fullmatch(text, key, key + gap)]
    if opening:
        return opening[0]
    return min(hits)[1] if hits else 0


def _plugin_declarations(plugins: dict[str, Any], depth: int = 0) -> list[tuple[str, str | None]]:
    """(alias, provider) of each plugin entry. An entry mistakenly nested inside another one still names
    its provider, so moving it to the top level is not reported as a new plugin."""
    found: list[tuple[str, str | None]] = []
    for alias, spec in plugins.items():
        if not isinstance(spec, dict):
            continue
        provider = spec.get("provider")
        found.append((alias, provider if isinstance(provider, str) else None))
        if depth < 3:
            found.extend(_plugin_declarations({k: v for k, v in spec.items() if isinstance(v, dict)}, depth + 1))
    return found


def title_facts(text: str, data: Any) -> list[Fact]:
    """Text signals of name-like places in a page or app config: navigation bar titles and tabBar texts. A tab's
    text names the feature the tab opens (领红包: the page of red packets), a menu entry rather than a title
    posing as a red packet to open, so the red-packet lure is read in titles only
    (https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#tabBar)."""
    facts: list[Fact] = []
    for key, value in _title_values(data):
        for signal in signals(value, title=True):
            if key == "tabBar" and signal in _NOT_IN_TABS:
                continue
            line, _ = line_of(text, json.dumps(value, ensure_ascii=False))
            facts.append(Fact(prefixed("text", signal), "text", line, f"{key}: {value}"))
    return facts


_NOT_IN_TABS = frozenset({"red-packet"})  # signals of a title that a tab's text (a menu entry) does not make


def _title_values(data: Any, depth: int = 0, custom: bool = False) -> list[tuple[str, str]]:
    """``navigationBarTitleText`` at any depth (app window, page, uni-app style) and tabBar item texts. A title
    under ``"navigationStyle": "custom"`` (its own object's or an enclosing one's, unless ``default`` again) is
    never shown: the page draws its own bar, whose title the markup holds
    (https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/page.html)."""
    found: list[tuple[str, str]] = []
    if depth > 6:
        return found
    if isinstance(data, dict):
        style = data.get("navigationStyle")
        custom = style == "custom" if isinstance(style, str) else custom
        tab_bar = data.get("tabBar")
        if isinstance(tab_bar, dict) and isinstance(tab_bar.get("list"), list):
            found.extend(("tabBar", item["text"]) for item in tab_bar["list"]
                         if isinstance(item, dict) and isinstance(item.get("text"), str))
        for key, value in data.items():
            if key == "navigationBarTitleText" and isinstance(value, str):
                if not custom:
                    found.append((key, value))
            elif isinstance(value, (dict, list)) and key != "tabBar":
                found.extend(_title_values(value, depth + 1, custom))
    elif isinstance(data, list):
        for item in data:
            found.extend(_title_values(item, depth + 1, custom))
    return found


def app_config_facts(text: str, data: Any) -> list[Fact]:
    """Facts of a parsed app.json (``data``, with its ``text`` for line numbers). Wrong types are skipped."""
    if not isinstance(data, dict):
        return []
    facts: list[Fact] = []
    for key in _LIST_KEYS:
        values = data.get(key)
        if not isinstance(values, list):
            continue
        key_at = _top_level_key(text, f'"{key}"')
        for value in values:
            if isinstance(value, str):
                line, _ = line_of(text, json.dumps(value, ensure_ascii=False), key_at)
                facts.append(Fact(app_config(key, value), "config", line, value))
    permission = data.get("permission")
    if isinstance(permission, dict):
        key_at = _top_level_key(text, '"permission"')
        for scope, spec in permission.items():
            line, _ = line_of(text, json.dumps(scope, ensure_ascii=False), key_at)
            desc = spec.get("desc") if isinstance(spec, dict) else None
            facts.append(Fact(app_config("permission", scope), "config", line,
                              desc if isinstance(desc, str) else None))
    pages = data.get("pages")
    first = pages[0] if isinstance(pages, list) and pages else None
    if isinstance(first, dict):  # uni-app pages.json: [{"path": "pages/login/index", "style": {…}}, …]
        first = first.get("path")
    entry = data.get("entryPagePath") or first
    if isinstance(entry, str) and LOGIN_TARGET.search(page_name(entry)):
        line, _ = line_of(text, json.dumps(entry, ensure_ascii=False))
        # named by its route (mpx writes ``./pages/login/index``), as discovery names the entry page
        facts.append(Fact(app_config("entry-login", route(entry)), "config", line, entry))
    return facts + _plugin_facts(text, data)


def _plugin_facts(text: str, data: dict[str, Any]) -> list[Fact]:
    """``app.json:plugins:<provider>`` for each plugin the app declares, at the app level or for one
    subpackage (``subpackages[].plugins``, uni-app ``subPackages``), at the line of its alias. A plugin is the
    same subject wherever it is declared, so moving it into a subpackage is not new. Doc:
    https://developers.weixin.qq.com/miniprogram/dev/framework/plugin/using.html"""
    blocks = [data.get("plugins")]
    for key in ("subpackages", "subPackages"):
        packages = data.get(key)
        if isinstance(packages, list):
            blocks.extend(package.get("plugins") for package in packages if isinstance(package, dict))
    keys = _key_offsets(text, '"plugins"')
    facts: list[Fact] = []
    for plugins in blocks:
        if not isinstance(plugins, dict):
            continue
        declared = _plugin_declarations(plugins)
        start = _table_start(text, keys, json.dumps(declared[0][0], ensure_ascii=False)) if declared else 0
        keys = [key for key in keys if key != start]  # a table has one key: the next block opens another
        for alias, provider in declared:
            line, _ = line_of(text, json.dumps(alias, ensure_ascii=False), start)
            facts.append(Fact(app_config("plugins", provider or alias), "config", line, alias))
    return facts


def page_name(route: str) -> str:
    """The name a page route gives its page: its last segment (``pages/login`` -> ``login``), or, where that
    is a generic file name (``pages/login/index``, mpvue's ``pages/login/main``), the folder it sits in, as
    a page's folder is then its name. Only the page's own name is used: a folder higher up (``pages``, a
    subpackage root) names a group of pages, not this one."""
    parts = [part for part in route.split("/") if part]
    if len(parts) > 1 and parts[-1].lower() in GENERIC_PAGE_FILES:
        return parts[-2]
    return parts[-1] if parts else route
