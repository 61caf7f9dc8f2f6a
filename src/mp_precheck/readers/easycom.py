"""Where uni-app's easycom registers a component by its tag alone, with no import naming its file.

easycom compiles ``<tag>`` to the file at one of its default places below the folder of ``pages.json``
(``components/tag/tag.vue``, ``uni_modules/<plugin>/components/tag/tag.vue``), or to the file a ``custom`` rule of
``pages.json`` writes for it (``"^u-(.*)": "@/uview-ui/components/u-$1/u-$1.vue"``; older projects write the rules
directly under ``easycom``): https://uniapp.dcloud.net.cn/collocation/pages.html#easycom. A component file at none
of these places renders only where a page, a component or the app entry imports it (``Vue.component`` in
``main.js`` included).

In: a ``pages.json`` text; a component's path relative to that file's folder. Out: the custom rules' target
templates, and whether a path lies at a place easycom may give a tag. Never raises: a malformed file has no rules.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

from mp_precheck.core.lazyre import lazy
from mp_precheck.readers.appdata import read_app_data

# Default places, by tag ({0}); ``components/tag/index.vue`` too, which older tools resolve (analyzers/rendered.py).
POSITIONS = ("components/{0}/{0}.vue", "uni_modules/{0}/components/{0}/{0}.vue", "components/{0}/index.vue")
_GROUP = lazy(r"\\\$\d")  # $1 in an escaped target template


def custom_targets(text: str | None) -> tuple[str, ...]:
    """The target templates of the easycom rules in the ``pages.json`` text (``@/`` and ``/`` prefixes
    dropped: both name the folder of ``pages.json``); empty when it has none or cannot be read."""
    data = read_app_data("pages.json", text) if text else None
    easycom = data.get("easycom") if data else None
    if not isinstance(easycom, dict):
        return ()
    custom = easycom.get("custom")
    rules = dict(custom) if isinstance(custom, dict) else {}
    rules.update({key: value for key, value in easycom.items() if key not in ("custom", "autoscan")})
    return tuple(value.removeprefix("@/").lstrip("/") for value in rules.values() if isinstance(value, str))


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
