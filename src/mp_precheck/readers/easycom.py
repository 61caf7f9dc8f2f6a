"""Where uni-app's easycom registers a component by its tag alone, with no import naming its file.

easycom compiles ``<tag>`` to the file at one of its default places below the folder of ``pages.json``
(``components/tag/tag.vue``, ``uni_modules/<plugin>/components/tag/tag.vue``), or to the file a ``custom`` rule of
``pages.json`` writes for it (``"^u-(.*)": "@/uview-ui/components/u-$1/u-$1.vue"``; older projects write the rules
directly under ``easycom``): https://uniapp.dcloud.net.cn/collocation/pages.html#easycom. A component file at none
of these places renders only where a page, a component or the app entry imports it (``Vue.component`` in
``main.js`` included).

In: a ``pages.json`` text; a component's path relative to that file's folder. Out: the custom rules (pattern,
target template), whether a path lies at a place easycom may give a tag, and the tags that compile to it. Never
raises: a malformed file has no rules.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Sequence

from mp_precheck.core.lazyre import lazy
from mp_precheck.readers.appdata import read_app_data

# Default places, by tag ({0}); ``components/tag/index.vue`` too, which older tools resolve (analyzers/rendered.py).
POSITIONS = ("components/{0}/{0}.vue", "uni_modules/{0}/components/{0}/{0}.vue", "components/{0}/index.vue")
_GROUP = lazy(r"\\\$\d")  # $1 in an escaped target template
_ONE_GROUP = lazy(r"\^?(?P<head>[^()]*)\((?:\.\*|\.\+|\[\^/?\]\*)\)(?P<tail>[^()]*?)\$?")  # ^u-(.*) and its kin
_META = lazy(r"[\\.*+?\[\]{}|^$]")


def custom_rules(text: str | None) -> tuple[tuple[str, str], ...]:
    """The easycom rules in the ``pages.json`` text as (tag pattern, target template) pairs (``@/`` and ``/``
    prefixes of the target dropped: both name the folder of ``pages.json``); empty when it has none or cannot be
    read."""
    data = read_app_data("pages.json", text) if text else None
    easycom = data.get("easycom") if data else None
    if not isinstance(easycom, dict):
        return ()
    custom = easycom.get("custom")
    rules = dict(custom) if isinstance(custom, dict) else {}
    rules.update({key: value for key, value in easycom.items() if key not in ("custom", "autoscan")})
    return tuple((str(key), value.removeprefix("@/").lstrip("/")) for key, value in rules.items()
                 if isinstance(value, str))


def custom_targets(text: str | None) -> tuple[str, ...]:
    """The target templates of the easycom rules in the ``pages.json`` text (:func:`custom_rules`)."""
    return tuple(target for _pattern, target in custom_rules(text))


def tag_registers(relative: str, targets: Sequence[str]) -> bool:
    """Whether easycom may compile some tag to the ``.vue`` file at ``relative`` (a path below the folder of
    ``pages.json``): a default place whose folder names the file (``components/x/x.vue``, a plugin's
    ``components/x/x.vue``, ``components/x/index.vue``), or a custom rule's target template, its ``$1`` any
    text. A template naming a package (``uview-ui/…``) is matched against the project's own folders too: when
    unsure, the file is taken as registered."""
    parts = relative.split("/")
    stem = posixpath.splitext(parts[-1])[0]
    if len(parts) >= 3 and parts[-3] == "components" and stem in (parts[-2], "index"):
        return True
    return any(re.fullmatch(_GROUP.sub(".+", re.escape(target)), relative) for target in targets)


def tags_for(relative: str, rules: Sequence[tuple[str, str]]) -> set[str] | None:
    """The tag names easycom compiles to the ``.vue`` file at ``relative`` by a custom rule (``^s-(.*)`` with
    target ``kit/s-$1/s-$1.vue`` gives ``kit/s-card/s-card.vue`` the tag ``s-card``); empty when no rule's target
    is the file; None when a matching rule's pattern is more than a literal around one group (any tag may match
    it: the caller keeps the file)."""
    tags: set[str] = set()
    for pattern, target in rules:
        match = re.fullmatch(_GROUP.sub(_group_of(), re.escape(target)), relative)
        if match is None:
            continue
        literal, parts = _ONE_GROUP.fullmatch(pattern), set(match.groupdict().values())
        if literal is None or len(parts) > 1 or _META.search(literal["head"] + literal["tail"]):
            return None
        tags.add(literal["head"] + next(iter(parts), "") + literal["tail"])
    return tags


def _group_of() -> Callable[[re.Match[str]], str]:
    """A replacement for the ``$N`` of an escaped target template: a named group the first time, a back-reference
    to it after (``s-$1/s-$1.vue``: both parts are the one tag's)."""
    seen: set[str] = set()

    def group(match: re.Match[str]) -> str:
        name = "g" + match.group()[-1]
        if name in seen:
            return f"(?P={name})"
        seen.add(name)
        return f"(?P<{name}>.+?)"
    return group
