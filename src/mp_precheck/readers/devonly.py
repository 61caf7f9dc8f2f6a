"""Development-only code: where a literal is used only by a developer build, never by the reviewed app.

Server domains must be ICP-filed https / wss hosts configured in 开发设置 → 服务器域名; an IP address or
``localhost`` cannot even be entered there
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). A host the code uses
only when ``process.env.NODE_ENV === 'development'``, when ``__wxConfig.envVersion === 'develop'``
(https://developers.weixin.qq.com/miniprogram/dev/api/open-api/account-info/wx.getAccountInfoSync.html),
under a ``dev`` / ``test`` / ``local`` key or in a Taro ``config/dev.js`` is a developer's setting, not a
review fact — unless the release build has no value of its own for that setting (:func:`shipped_dev_hosts`).
So is the target of a dev-server ``proxy`` (vite's ``server.proxy``, webpack's and Taro's ``devServer.proxy``):
the dev server forwards a browser's requests while a developer serves the H5 build, and no Mini Program build
contains it (https://vite.dev/config/server-options.html#server-proxy,
https://webpack.js.org/configuration/dev-server/#devserverproxy).
A build sets ``process.env.NODE_ENV`` to ``development`` or ``production`` only (``test`` for unit tests): webpack
from its ``mode`` (https://webpack.js.org/configuration/mode/), Vue CLI from its mode
(https://cli.vuejs.org/guide/mode-and-env.html), uni-app for 运行 / 发行
(https://uniapp.dcloud.net.cn/worktile/running-env.html), Taro for watch / build. So ``NODE_ENV === 'prod'`` (or
``'release'``, ``'online'``) holds in no standard build: it names no release-only branch, and its other side is
the one a standard release ships — both sides stay live. ``NODE_ENV === 'dev'`` holds in no release build either,
so its branch stays development-only.
Branches are read from the tree-sitter tree, never from source text.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value
from mp_precheck.readers.urls import find_urls

# Words that name a development setting (a key, a variable, a config file, an env value).
DEV_WORDS = frozenset({"dev", "develop", "development", "test", "testing", "local", "localhost", "debug", "mock"})
# Pre-release stages: a staging / UAT server is a tester's, never the release build's (a ``staging:`` entry of a
# host pool whose release entry is ``production:``).
NOT_RELEASE = DEV_WORDS | {"staging", "stage", "uat", "sit"}
RELEASE_WORDS = frozenset({"production", "prod", "release", "online"})
DEV_SERVER_KEYS = frozenset({"proxy"})  # a dev server's forwarding table (``devServer`` is a dev name already)
_ENV_READS = ("NODE_ENV", "envVersion", "ENV", "env", "MODE", "mode")
# The values builds give NODE_ENV (module docstring); a release word outside them is a team's own spelling.
NODE_ENV_VALUES = frozenset({"development", "production", "test"})
_ENV_WORDS = frozenset({"env", "environment"})  # a word of a name that holds which build this is
_WORD = compiled(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
# Taro's build-time settings: ``defineConstants`` and ``env`` of config/dev.js apply to a development
# build, those of config/prod.js to a release build and those of config/index.js to both
# (https://docs.taro.zone/docs/config-detail#defineconstants, https://docs.taro.zone/docs/config-detail#env).
_BUILD_SETTINGS = ("defineConstants", "env")
_SHARED_CONFIG = "index"


def words(name: str) -> list[str]:
    """``devApiHost`` → ``['dev', 'api', 'host']``; ``LOCAL_URL`` → ``['local', 'url']``."""
    return [w.lower() for w in _WORD.findall(name)]


def is_dev_name(name: str) -> bool:
    """A key or variable named for development or a pre-release stage: ``dev``, ``devHost``, ``TEST_API``,
    ``local``, ``isDebug``, ``staging``."""
    return any(w in NOT_RELEASE for w in words(name.strip("'\"`")))


def is_dev_file(path: str) -> bool:
    """A configuration file for development builds: Taro ``config/dev.js``, ``env.development.js``…"""
    name = posixpath.basename(path).lower().split(".")
    folder = posixpath.basename(posixpath.dirname(path)).lower()
    return (name[0] in DEV_WORDS and folder in ("config", "env", "environments")) or \
        (name[0] in ("env", "config") and len(name) > 2 and name[1] in DEV_WORDS)


def in_dev_branch(node: Node, by_name: bool = True) -> bool:
    """Whether ``node`` is reached only in a development build: the taken side of a dev test (``if``, a
    ternary, ``&&``), the value of a key / variable named for development, or a dev-server ``proxy`` entry; with
    ``by_name`` False only the first (a read whose value is used whatever the name it lands in)."""
    child, current = node, node.parent
    while current is not None:
        kind = current.type
        if kind in ("if_statement", "ternary_expression"):
            condition = current.child_by_field_name("condition")
            consequence = current.child_by_field_name("consequence")
            alternative = current.child_by_field_name("alternative")
            test = dev_test(condition) if condition is not None else None
            if (test is True and child == consequence) or (test is False and child == alternative):
                return True
        elif kind == "binary_expression" and node_text(current.child_by_field_name("operator")) == "&&":
            left = current.child_by_field_name("left")
            if left is not None and child == current.child_by_field_name("right") and dev_test(left) is True:
                return True
        elif by_name and kind == "pair" and child == current.child_by_field_name("value"):
            key = node_text(current.child_by_field_name("key")).strip("'\"`")
            if is_dev_name(key) or key in DEV_SERVER_KEYS:
                return True
        elif by_name and kind == "variable_declarator" and child == current.child_by_field_name("value"):
            name = current.child_by_field_name("name")
            if name is not None and name.type == "identifier" and is_dev_name(node_text(name)):
                return True
        elif kind in ("function_declaration", "method_definition", "program"):
            return False
        child, current = current, current.parent
    return False


def dev_test(condition: Node) -> bool | None:
    """True when ``condition`` holds in development only (``isDev``, ``test``, ``NODE_ENV === 'development'``),
    False when it holds in release only (``!debug``, ``NODE_ENV === 'production'``), else None."""
    while condition.type == "parenthesized_expression" and condition.named_children:
        condition = condition.named_children[0]
    if condition.type in ("identifier", "member_expression"):
        name = node_text(condition).rsplit(".", 1)[-1]
        return True if is_dev_name(name) and not _reads_env(condition) else None
    if condition.type == "unary_expression" and node_text(condition.child_by_field_name("operator")) == "!":
        inner = condition.child_by_field_name("argument")
        result = dev_test(inner) if inner is not None else None
        return None if result is None else not result
    if condition.type != "binary_expression":
        return None
    operator = node_text(condition.child_by_field_name("operator"))
    if operator not in ("===", "==", "!==", "!="):
        return None
    left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
    if left is None or right is None:
        return None
    literal = string_value(right) if string_value(right) is not None else string_value(left)
    other = left if string_value(right) is not None else right
    if literal is None or not _reads_env(other):
        return None
    value = literal.lower()
    dev = value in DEV_WORDS
    release = value in RELEASE_WORDS
    if not dev and not release:
        return None
    if release and value not in NODE_ENV_VALUES and _node_env(other):
        return None  # no standard build sets it: neither side is known to be release-only
    equal = operator in ("===", "==")
    return dev == equal


def _node_env(node: Node) -> bool:
    """``process.env.NODE_ENV`` (or a bare ``NODE_ENV``), the variable builds set themselves."""
    return node_text(node).rsplit(".", 1)[-1] == "NODE_ENV"


def _reads_env(node: Node) -> bool:
    """``process.env.NODE_ENV``, ``__wxConfig.envVersion``, ``wx.getAccountInfoSync().miniProgram.envVersion``, or a
    name of the project's own switch spelt with an env word (``Environment``, ``APP_ENV``, ``currentEnv``)…"""
    name = node_text(node).rsplit(".", 1)[-1]
    return name in _ENV_READS or any(w in _ENV_WORDS for w in words(name))


def release_configs(dev_path: str, paths: Iterable[str]) -> list[str]:
    """The configuration files a release build reads instead of, or besides, the development file
    ``dev_path`` (Taro ``config/dev.js`` → ``config/prod.js``, ``config/index.js``; ``env.development.js`` →
    ``env.production.js``), among ``paths`` (the revision's files)."""
    folder = posixpath.dirname(dev_path)
    dev_name = posixpath.basename(dev_path).lower().split(".")
    found = []
    for path in paths:
        if posixpath.dirname(path) != folder or path == dev_path:
            continue
        name = posixpath.basename(path).lower().split(".")
        if name[-1] not in ("js", "ts", "cjs", "mjs"):
            continue
        if name[0] in RELEASE_WORDS or name[0] == _SHARED_CONFIG or \
                (len(name) > 2 and name[0] == dev_name[0] and name[1] in RELEASE_WORDS):
            found.append(path)
    return sorted(found)


def _build_settings(source: str, path: str) -> dict[str, Node]:
    """Setting name → value node, for every entry of a ``defineConstants`` / ``env`` object in ``source``."""
    root = parse(language_for(path), source.encode("utf-8")).root_node
    out: dict[str, Node] = {}
    for pair in nodes_of(root, language_for(path), ("pair",)):
        value = pair.child_by_field_name("value")
        if node_text(pair.child_by_field_name("key")).strip("'\"`") in _BUILD_SETTINGS and value is not None \
                and value.type == "object":
            for entry in value.named_children:
                entry_value = entry.child_by_field_name("value") if entry.type == "pair" else None
                if entry_value is not None:
                    out[node_text(entry.child_by_field_name("key")).strip("'\"`")] = entry_value
    return out


def shipped_dev_hosts(dev_source: str, dev_path: str, releases: Mapping[str, str]) -> set[str]:
    """Hosts of URLs a development config gives a build setting (``defineConstants: { BASE_URL: … }``)
    that none of the ``releases`` (path → source, :func:`release_configs`) defines: the code has no other
    value for that setting, so the build that works — the one uploaded for review — carries this one.

    In: the development file's source and path, the release files' sources. Out: lower-case host names.
    """
    released = {name for path, source in releases.items() for name in _build_settings(source, path)}
    hosts: set[str] = set()
    for name, value in _build_settings(dev_source, dev_path).items():
        if name not in released:
            hosts |= {url.host for node in nodes_of(value, language_for(dev_path), ("string", "template_string"))
                      for url in find_urls(string_value(node) or "")}
    return hosts
