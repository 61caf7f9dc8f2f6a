"""Secrets in a script (literals that carry one, names a secret is assigned to) and in the developer tools'
project files (``project.config.json``, ``project.private.config.json``).

A Mini Program's code package can be unpacked and de-obfuscated, so a secret written into it is leaked: the
AppSecret (and the server-only APIs that take it, ``code2Session`` / ``getAccessToken``) belongs on the developer's
server (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html), and so does
another service's key (https://developers.weixin.qq.com/miniprogram/security/). Every value is redacted where the
fact is made (:mod:`mp_precheck.core.secrets`). The project files are committed with the code and handed to
anyone who opens the project in the developer tools, so an AppSecret some teams keep there (``"appsecret"``,
``"secret"``) is leaked the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.core.secrets import (
    MASK,
    MERCHANT_ID,
    credential_params,
    is_app_secret,
    is_pay_key,
    is_pay_key_name,
    is_secret_name,
    redact,
    secret_params,
)
from mp_precheck.facts.model import Fact
from mp_precheck.readers.syntax import name_and_value, node_text, string_value

# "<name naming a secret>": "<value>" in a JSON file (JSON strings hold no raw quote or line break).
_JSON_SECRET = compiled(r'"([\w$-]*secret[\w$-]*)"\s*:\s*"([^"\\\n]*)"', re.IGNORECASE)
# A WeChat Pay merchant key (商户 API 密钥) signs orders and refunds; it is the merchant's, and signing happens on
# the merchant's server (https://pay.weixin.qq.com/wiki/doc/api/wxa/wxa_api.php?chapter=4_3).
PAY_KEY = "secret:pay-key"
_SERVER_APIS = compiled(r"jscode2session|/cgi-bin/(?:stable_)?token\b|//(?:\w+\.)?api\.weixin\.qq\.com/", re.I)


def literal_secrets(text: str, line: int) -> list[Fact]:
    """Facts of a string literal's ``text`` on ``line``: an AppSecret (``secret=<32 hex>``,
    ``secret:url-param``), a call of a server-only API that needs one (``jscode2session``, ``cgi-bin/token``,
    ``secret:server-api``), or another service's credential (``client_secret=<key>``,
    ``secret:service-credential``); at most one, its value the redacted text. [] for any other text."""
    if secret_params(text):
        subject = "secret:url-param"
    elif _SERVER_APIS.search(text):
        subject = "secret:server-api"
    elif credential_params(text):
        subject = "secret:service-credential"
    else:
        return []
    return [Fact(subject, "api", line, redact(text)[:200])]


def assigned_secret(node: Node, line: Callable[[Node], int]) -> Fact | None:
    """``appSecret: '<32 hex>'`` (a ``pair``), ``const APP_SECRET = '…'`` (a ``variable_declarator``),
    ``this.secret = '…'`` (an assignment), also as the fallback of a value read elsewhere
    (``secret: process.env.X || '…'``, ``?? '…'``: the literal ships and is used whenever the other is unset):
    a ``secret:app-secret`` fact at the value's line, the value masked; a ``secret:pay-key`` fact for a WeChat Pay
    merchant key (``mchKey: '<32 letters and digits>'``, ``key: …`` beside ``mch_id``); None when the name names no
    secret or the value has no secret's form."""
    name, value = name_and_value(node) or (None, None)
    if name is not None and name.type == "member_expression":
        name = name.child_by_field_name("property")
    literal = string_value(_fallback(value)) if value is not None else None
    if name is None or value is None or literal is None:
        return None
    shown = f'{node_text(name).strip(chr(39) + chr(34))}: "***"'
    if is_secret_name(node_text(name)) and is_app_secret(literal):
        return Fact("secret:app-secret", "api", line(value), shown)
    if is_pay_key(literal) and _names_pay_key(node, node_text(name)):
        return Fact(PAY_KEY, "api", line(value), shown)
    return None


def _names_pay_key(node: Node, name: str) -> bool:
    """Whether ``name``, bound at ``node``, names a WeChat Pay merchant key: by itself (``mchKey``, ``payKey``), or
    a generic key name (``key``, ``apiKey``) beside a merchant id — a sibling of the object it is a member of
    (``{ mch_id: …, key: … }``), or, for a name longer than ``key``, anywhere in its file."""
    kind = is_pay_key_name(name)
    if kind != "generic":
        return kind == "pay"
    if node.type == "pair" and node.parent is not None and any(
            MERCHANT_ID.fullmatch(node_text(key).strip("'\"`")) for pair in node.parent.named_children
            if pair.type == "pair" and (key := pair.child_by_field_name("key")) is not None):
        return True
    root = node
    while root.parent is not None:
        root = root.parent
    return name.strip("'\"`").lower() != "key" and MERCHANT_ID.search(node_text(root)) is not None


def _fallback(value: Node) -> Node:
    """The literal a ``a || 'literal'`` / ``a ?? 'literal'`` value falls back to (the right-hand side, through
    parentheses), else ``value`` itself."""
    while value.type == "parenthesized_expression" and value.named_child_count == 1:
        value = value.named_children[0]
    operator = value.child_by_field_name("operator") if value.type == "binary_expression" else None
    right = value.child_by_field_name("right")
    if operator is not None and operator.type in ("||", "??") and right is not None:
        return _fallback(right)
    return value


def json_secrets(text: str) -> list[Fact]:
    """A ``secret:app-secret`` fact (at the value's line, the value masked) for each key of the JSON ``text`` that
    names a secret (``appsecret``, ``secret``, ``appSecret``) and holds an AppSecret's form (32 hexadecimal
    characters, :func:`~mp_precheck.core.secrets.is_app_secret`); an empty value or a placeholder (``your-secret``,
    one character repeated) is none. Any text is read, valid JSON or not; never raises."""
    facts = []
    for match in _JSON_SECRET.finditer(text):
        name, value = match.group(1), match.group(2)
        if is_secret_name(name) and is_app_secret(value) and len(set(value.lower())) > 1:
            line = text.count("\n", 0, match.start(2)) + 1
            facts.append(Fact("secret:app-secret", "api", line, f'{name}: "{MASK}"'))
    return facts
