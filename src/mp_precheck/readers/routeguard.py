"""A login guard the app config turns on over the entry page: forced login with no code in any page.

uni-id's ``uniIdRouter`` (uni-app ``pages.json``: ``{ loginPage, needLogin: [route patterns], resToLogin }``)
sends a visitor without a valid token from every page a ``needLogin`` pattern matches to ``loginPage``; the
uniCloud client checks the page the app opens on as well as each navigation. A pattern that covers the entry page
(``entryPagePath``, else ``pages[0]``; or the first tabBar page when the entry page only leads on to it) therefore
puts the login page in front of every new user — what review rejects as forced login ("请在用户了解体验小程序功能
后，再要求用户进行帐号登录", https://developers.weixin.qq.com/miniprogram/product/index.html, operations rules
15.1.3). Patterns for a profile or order page leave the entry page open: nothing to report.

Which guards exist and how each is spelled is data: ``checks/route_guards.yml`` (the config block, its login-page
key, its pattern list, the per-page flag, the official doc: https://doc.dcloud.net.cn/uniCloud/uni-id/summary.html#uniidrouter).
Patterns are matched as the guard matches them: a JavaScript regular expression tested unanchored against the
route with its leading slash (``/pages/list/list``); a page's own flag (``"needLogin": false``) overrides them, and
the login page itself is never guarded.

In: a config file's name, text and parsed data. Out: ``login:entry-page:<login page>`` at the line of the pattern
(or page flag) that covers the entry page — one fact per guard, so a second pattern over the same page is no
new gate; the semantic diff tells whether the gate is new to the app.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from msgspec import Struct

from mp_precheck.core.catalog import validated
from mp_precheck.core.resources import data_dir
from mp_precheck.facts.model import Fact
from mp_precheck.readers.appconfig import line_of
from mp_precheck.readers.lifecycle import page_path

TABLE = "route_guards.yml"
SCHEMA = "route_guards.schema.json"


class RouteGuardDataError(ValueError):
    """``checks/route_guards.yml`` does not match its schema (a packaging bug, not user input)."""


class Guard(Struct, frozen=True):
    """One row of the table: the keys under which ``config`` spells the guard."""

    name: str
    config: str
    block: str
    login_page: str
    patterns: str
    page_flag: str


def check_route_guards() -> None:
    """Check the shipped table against its schema (the test suite does).

    Raises:
        RouteGuardDataError: the table does not match, naming the file and the key path.
    """
    validated(data_dir("checks") / TABLE, SCHEMA, RouteGuardDataError)


@cache
def guards() -> tuple[Guard, ...]:
    """The shipped table, read once."""
    data = validated(data_dir("checks") / TABLE, SCHEMA, check=False)
    return tuple(Guard(row["name"], row["config"], row["block"], row["login_page"], row["patterns"],
                       row["page_flag"]) for row in data["guards"])


def guard_facts(config: str, text: str, data: Any) -> list[Fact]:
    """Facts of the guards of config file ``config`` (its name) whose ``data`` (parsed from ``text``) puts the
    entry page behind login; wrong types and patterns no regular expression engine reads are skipped."""
    if not isinstance(data, dict):
        return []
    facts: list[Fact] = []
    for guard in guards():
        block = data.get(guard.block) if guard.config == config else None
        login = block.get(guard.login_page) if isinstance(block, dict) else None
        if not isinstance(block, dict) or not isinstance(login, str) or not login.strip("/"):
            continue  # without a login page the guard sends nobody anywhere
        for route, entry in _opening_pages(data, guard):
            if route == page_path(login):
                continue
            found = _covering(guard, text, block, route, entry)
            if found is not None:
                line, what = found
                facts.append(Fact(f"login:entry-page:{page_path(login)}", "config", line,
                                  f"{guard.block}.{what} covers the entry page {route}"))
                break
    return facts


def _opening_pages(data: dict[str, Any], guard: Guard) -> list[tuple[str, dict[str, Any] | None]]:
    """(route, its pages[] entry or None) of the page the app opens on, then the first tabBar page when the
    entry page is not a tab itself (a splash page that switches to it; tabs a user taps are not guarded on
    WeChat, but the launch switch is a navigation the guard checks)."""
    pages = data["pages"] if isinstance(data.get("pages"), list) else []
    entries = {page_path(p["path"]): p for p in pages if isinstance(p, dict) and isinstance(p.get("path"), str)}
    first = pages[0] if pages else None
    first_route = first.get("path") if isinstance(first, dict) else first
    entry = data.get("entryPagePath") if isinstance(data.get("entryPagePath"), str) else first_route
    found: list[tuple[str, dict[str, Any] | None]] = []
    if isinstance(entry, str) and page_path(entry):
        found.append((page_path(entry), entries.get(page_path(entry))))
    tab_bar = data.get("tabBar")
    tabs = tab_bar["list"] if isinstance(tab_bar, dict) and isinstance(tab_bar.get("list"), list) else []
    routes = [page_path(t["pagePath"]) for t in tabs if isinstance(t, dict) and isinstance(t.get("pagePath"), str)]
    if routes and (not found or found[0][0] not in routes):
        found.append((routes[0], entries.get(routes[0])))
    return found


def _covering(guard: Guard, text: str, block: dict[str, Any], route: str,
              entry: dict[str, Any] | None) -> tuple[int, str] | None:
    """(line, what) of the page flag or the first pattern that puts ``route`` behind login, else None."""
    flag = entry.get(guard.page_flag) if entry is not None else None
    if flag is False:
        return None  # the page's own setting wins over the patterns
    if flag is True:
        _, at = line_of(text, json.dumps(entry.get("path") if entry else route, ensure_ascii=False))
        return line_of(text, json.dumps(guard.page_flag), at)[0], f"pages[].{guard.page_flag}"
    patterns = block.get(guard.patterns)
    for pattern in patterns if isinstance(patterns, list) else ():
        if isinstance(pattern, str) and _matches(pattern, "/" + route):
            _, block_at = line_of(text, json.dumps(guard.block))
            _, list_at = line_of(text, json.dumps(guard.patterns), block_at)
            return line_of(text, json.dumps(pattern, ensure_ascii=False), list_at)[0], \
                f"{guard.patterns} {pattern}"
    return None


def _matches(pattern: str, url: str) -> bool:
    """``new RegExp(pattern).test(url)``: an unanchored search; a pattern Python's engine cannot read is no match."""
    try:
        return re.search(pattern, url) is not None
    except re.error:
        return False
