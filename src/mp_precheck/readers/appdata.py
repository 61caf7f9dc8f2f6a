"""The app.json-equivalent configuration of any framework, as data: native ``app.json``, Taro
``app.config.*``, uni-app ``manifest.json`` ``mp-weixin`` (keys) and ``pages.json`` (pages), mpx's JSON
block in ``app.mpx``, WePY's ``config`` in ``app.wpy``, the pages of an mpvue-entry routes module, weapp-vite's
``app.vue`` (its ``<json>`` block or ``defineAppJson({...})``: readers/weappvite.py). Read, never executed."""

from __future__ import annotations

import posixpath
from typing import Any

from mp_precheck.readers.appconfig import loads_jsonc
from mp_precheck.readers.conditional import for_wechat
from mp_precheck.readers.jsconfig import config_object, macro_object
from mp_precheck.readers.mpvueentry import routes_config
from mp_precheck.readers.sfc import split_blocks


def read_app_data(path: str, text: str) -> dict[str, Any] | None:
    """The configuration object in the file at ``path`` with ``text``, or None when it has none.

    For uni-app's ``manifest.json`` this is the ``mp-weixin`` block (where ``requiredPrivateInfos``
    and ``permission`` must go); for ``pages.json`` the whole file (pages, subPackages, tabBar).
    """
    name = posixpath.basename(path).lower()
    text = for_wechat(text)
    data: Any = None
    try:
        if name.endswith(".json"):
            data = loads_jsonc(text)
            if name == "manifest.json":
                data = data.get("mp-weixin") if isinstance(data, dict) else None
        elif name.endswith((".js", ".ts")):
            data = config_object(text, path) or routes_config(text, path)  # mpvue-entry's routes module
        elif name.endswith((".mpx", ".wpy", ".vue")):
            data = _sfc_config(text, path)
    except (ValueError, RecursionError, MemoryError):  # malformed, or nested deeper than a parser recurses
        return None
    return data if isinstance(data, dict) else None


def _sfc_config(text: str, path: str) -> Any:
    for block in split_blocks(text):
        is_json = block.tag in ("config", "json") or (block.tag == "script" and (
            "json" in block.attrs.get("type", "") or block.attrs.get("name") == "json"))
        if is_json:
            try:
                return loads_jsonc(block.text)
            except ValueError:  # a script: module.exports = {...} (mpx's name="json"), or an object alone
                return config_object(block.text, path + ".js") or \
                    config_object(f"export default {block.text}", path + ".js")
        if block.tag == "script":
            script = f"{path}.{block.attrs.get('lang') or 'js'}"  # weapp-vite's macros: the app's, a page's
            found = (macro_object(block.text, script, "defineAppJson") or
                     macro_object(block.text, script, "definePageJson")) if path.endswith(".vue") \
                else config_object(block.text, path + ".js")
            if found is not None:
                return found
    return None
