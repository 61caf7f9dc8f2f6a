"""API hosts in a JSON configuration file the code imports: ``config/env/production.json`` holding
``{"DOMAIN_NAME": "https://api.example.cn/"}``.

A bundler (webpack, Vite, the Taro and mpx builds) inlines an imported JSON file into the code, so an address a
team keeps there is a server the Mini Program calls: its host needs a 服务器域名, exactly as a URL literal in the
code or a ``.env`` variable does (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html).

In: a JSON file's text, its parsed data and its path. Out: one ``host:`` fact per top-level key whose name says it
holds a server address (``DOMAIN``, ``HOST``, ``BASE_URL``, ``apiUrl``, ``server``…) and whose whole value is one
URL; a data file's links (``"url": …`` of a list item, nested objects) are content, not a configuration, and are
left out. A file named for a development mode (``development.json``, ``localhost.json``, ``mock.json``) holds a
developer's hosts (role ``development``, as :mod:`mp_precheck.readers.envfiles` keeps them); the others take the
role their key names (:func:`~mp_precheck.readers.envfiles.address_role`).
"""

from __future__ import annotations

import json
import posixpath
from typing import Any

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.core.subject import prefixed
from mp_precheck.facts.model import DEVELOPMENT, Fact
from mp_precheck.readers.appconfig import line_of
from mp_precheck.readers.devonly import NOT_RELEASE
from mp_precheck.readers.envfiles import address_role
from mp_precheck.readers.urls import find_urls

_WORD = compiled(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
# Words of a key that names where the app's server is: DOMAIN_NAME, apiHost, baseURL, SERVER, endpoint.
_ADDRESS_WORDS = frozenset({"domain", "host", "base", "api", "server", "endpoint", "origin", "baseurl"})


_NAME_PARTS = lazy(r"[._-]")


def json_host_facts(text: str, data: Any, path: str) -> list[Fact]:
    """The ``host:`` facts of the JSON file ``path`` (see the module docstring)."""
    if not isinstance(data, dict):
        return []
    stem = posixpath.basename(path).lower().rsplit(".", 1)[0]
    development = bool(NOT_RELEASE.intersection(_NAME_PARTS.split(stem)))
    facts = []
    for key, value in data.items():
        if not isinstance(value, str) or not _ADDRESS_WORDS.intersection(w.lower() for w in _WORD.findall(key)):
            continue
        urls = find_urls(value.strip())
        if len(urls) != 1 or urls[0].text.lower() != value.strip().lower() or urls[0].is_development:
            continue  # not one address, or a developer's machine
        url = urls[0]
        line, _ = line_of(text, json.dumps(key, ensure_ascii=False))
        role = DEVELOPMENT if development else address_role(key, url.scheme, url.is_media)
        facts.append(Fact(prefixed("host", url.host), "host", line, url.text, role))
    return facts
