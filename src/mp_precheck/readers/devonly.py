"""Development-only code: where a literal is used only by a developer build, never by the reviewed app.

Server domains must be ICP-filed https / wss hosts configured in 开发设置 → 服务器域名; an IP address or
``localhost`` cannot even be entered there
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). A host the code uses
only when ``process.env.NODE_ENV === 'development'``, when ``__wxConfig.envVersion === 'develop'``
(https://developers.weixin.qq.com/miniprogram/dev/api/open-api/account-info/wx.getAccountInfoSync.html),
under a ``dev`` / ``test`` / ``local`` key or in a Taro ``config/dev.js`` is a developer's setting, not a
review fact. Branches are read from the tree-sitter tree, never from source text.
"""

from __future__ import annotations

import posixpath
import re

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text, string_value

# Words that name a development setting (a key, a variable, a config file, an env value).
DEV_WORDS = frozenset({"dev", "develop", "development", "test", "testing", "local", "localhost", "debug", "mock"})
_RELEASE_WORDS = frozenset({"production", "prod", "release", "online"})
_ENV_READS = ("NODE_ENV", "envVersion", "ENV", "env", "MODE", "mode")
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def words(name: str) -> list[str]:
    """``devApiHost`` → ``['dev', 'api', 'host']``; ``LOCAL_URL`` → ``['local', 'url']``."""
    return [w.lower() for w in _WORD.findall(name)]


def is_dev_name(name: str) -> bool:
    """A key or variable named for development: ``dev``, ``devHost``, ``TEST_API``, ``local``, ``isDebug``."""
    return any(w in DEV_WORDS for w in words(name.strip("'\"`")))


def is_dev_file(path: str) -> bool:
    """A configuration file for development builds: Taro ``config/dev.js``, ``env.development.js``…"""
    name = posixpath.basename(path).lower().split(".")
    folder = posixpath.basename(posixpath.dirname(path)).lower()
    return (name[0] in DEV_WORDS and folder in ("config", "env", "environments")) or \
        (name[0] in ("env", "config") and len(name) > 2 and name[1] in DEV_WORDS)


def in_dev_branch(node: Node) -> bool:
    """Whether ``node`` is reached only in a development build: the taken side of a dev test (``if``, a
    ternary, ``&&``), or the value of a key / variable named for development."""
    child, current = node, node.parent
    while current is not None:
        kind = current.type
        if kind in ("if_statement", "ternary_expression"):
            condition = current.child_by_field_name("condition")
            consequence = current.child_by_field_name("consequence")
            alternative = current.child_by_field_name("alternative")
            test = _dev_test(condition) if condition is not None else None
            if (test is True and child == consequence) or (test is False and child == alternative):
                return True
        elif kind == "binary_expression" and node_text(current.child_by_field_name("operator")) == "&&":
            left = current.child_by_field_name("left")
            if left is not None and child == current.child_by_field_name("right") and _dev_test(left) is True:
                return True
        elif kind == "pair" and child == current.child_by_field_name("value"):
            if is_dev_name(node_text(current.child_by_field_name("key"))):
                return True
        elif kind == "variable_declarator" and child == current.child_by_field_name("value"):
            name = current.child_by_field_name("name")
            if name is not None and name.type == "identifier" and is_dev_name(node_text(name)):
                return True
        elif kind in ("function_declaration", "method_definition", "program"):
            return False
        child, current = current, current.parent
    return False


def _dev_test(condition: Node) -> bool | None:
    """True when ``condition`` holds in development only, False when it holds in release only, else None."""
    while condition.type == "parenthesized_expression" and condition.named_children:
        condition = condition.named_children[0]
    if condition.type in ("identifier", "member_expression"):
        name = node_text(condition).rsplit(".", 1)[-1]
        return True if is_dev_name(name) and not _reads_env(condition) else None
    if condition.type == "unary_expression" and node_text(condition.child_by_field_name("operator")) == "!":
        inner = condition.child_by_field_name("argument")
        result = _dev_test(inner) if inner is not None else None
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
    release = value in _RELEASE_WORDS
    if not dev and not release:
        return None
    equal = operator in ("===", "==")
    return dev == equal


def _reads_env(node: Node) -> bool:
    """``process.env.NODE_ENV``, ``__wxConfig.envVersion``, ``wx.getAccountInfoSync().miniProgram.envVersion``…"""
    return node_text(node).rsplit(".", 1)[-1] in _ENV_READS
