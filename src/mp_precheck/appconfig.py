"""Facts from ``app.json`` / ``ext.json``: the keys review looks at (wechat-reference §2.2).

Each entry becomes one fact ``app.json:<key>:<value>`` located at the line of the value, so a new entry
in ``requiredPrivateInfos`` or ``plugins`` compares like any other new use.
"""

from __future__ import annotations

import json
from typing import Any

from .facts import Fact

_LIST_KEYS = ("requiredPrivateInfos", "requiredBackgroundModes", "navigateToMiniProgramAppIdList",
              "embeddedAppIdList")


class MalformedJson(ValueError):
    """The text is not JSON; the message has the line and column of the problem."""


def load_json(text: str, name: str) -> Any:
    """Parse ``text``; raise :class:`MalformedJson` naming ``name`` and the line/column of the error."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedJson(f"{name} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") \
            from exc


def _line_of(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    at = text.find(needle, after)
    if at < 0:
        return 1, after
    return text.count("\n", 0, at) + 1, at


def app_config_facts(text: str, data: Any) -> list[Fact]:
    """Facts of a parsed app.json (``data``, with its ``text`` for line numbers). Wrong types are skipped."""
    if not isinstance(data, dict):
        return []
    facts: list[Fact] = []
    for key in _LIST_KEYS:
        values = data.get(key)
        if not isinstance(values, list):
            continue
        _, key_at = _line_of(text, f'"{key}"')
        for value in values:
            if isinstance(value, str):
                line, _ = _line_of(text, json.dumps(value, ensure_ascii=False), key_at)
                facts.append(Fact(f"app.json:{key}:{value}", "config", line, value))
    permission = data.get("permission")
    if isinstance(permission, dict):
        _, key_at = _line_of(text, '"permission"')
        for scope, spec in permission.items():
            line, _ = _line_of(text, json.dumps(scope, ensure_ascii=False), key_at)
            desc = spec.get("desc") if isinstance(spec, dict) else None
            facts.append(Fact(f"app.json:permission:{scope}", "config", line,
                              desc if isinstance(desc, str) else None))
    plugins = data.get("plugins")
    if isinstance(plugins, dict):
        _, key_at = _line_of(text, '"plugins"')
        for alias, spec in plugins.items():
            provider = spec.get("provider") if isinstance(spec, dict) else None
            line, _ = _line_of(text, json.dumps(alias, ensure_ascii=False), key_at)
            facts.append(Fact(f"app.json:plugins:{provider or alias}", "config", line, alias))
    return facts
