"""The message catalog (``templates/messages.yml``): every user-visible string outside the rule catalog."""

from __future__ import annotations

from functools import cache
from typing import Any

from mp_precheck.core.datafiles import read_data
from mp_precheck.core.resources import data_dir
from mp_precheck.core.vocabulary import LANGUAGES


@cache
def _catalog() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = read_data(data_dir("templates") / "messages.yml")
    return data


class Messages:
    """Messages of one language; ``t(key, **values)`` formats the message ``key`` with ``values``.

    Raises:
        KeyError: an unknown key or language (a programming error, caught by the golden tests).
    """

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise KeyError(f"unknown language {language!r}")
        self.language = language

    def t(self, key: str, **values: Any) -> str:
        return _catalog()[key][self.language].format(**values)

    def join(self, items: list[str]) -> str:
        return self.t("list_sep").join(items)
