"""Taro's platform branches: code under ``process.env.TARO_ENV`` of another platform is not in the WeChat build.

Taro builds one source for each platform and replaces ``process.env.TARO_ENV`` with the platform's name
(``weapp`` for WeChat, ``alipay``, ``h5``…; https://docs.taro.zone/docs/envs), so ``if (process.env.TARO_ENV ===
'alipay') {…}`` is dead code in the WeChat build and its dead branch is dropped, as uni-app's ``#ifdef MP-ALIPAY``
block is (readers/conditional.py). Read here, for a script (``.js``/``.ts``/``.jsx``/``.tsx``, a Vue component's
script): an ``if`` whose test compares ``process.env.TARO_ENV`` with a name (``===``, ``!==``, ``==``, ``!=``, either
side, under ``!``, ``&&``, ``||`` and parentheses), or names a constant of the same file that holds such a comparison
(``const ALIPAY = process.env.TARO_ENV === 'alipay'``, also through an arrow called at once). Its branch the WeChat
build never runs is blanked: the lines between the braces of the ``if``'s block (or of its ``else``), keeping the
line count. A test the reader cannot decide (a value from another file, a call) keeps both branches.

In: the file's text and path. Out: the same text with those lines blank. Never raises.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value

WECHAT = "weapp"
TARO_ENV = "TARO_ENV"
_ENV = "process.env.TARO_ENV"
_EQUAL = {"===": True, "==": True, "!==": False, "!=": False}
_SCRIPTS = (".js", ".ts", ".jsx", ".tsx", ".mjs", ".cjs", ".vue")


def for_weapp(text: str, path: str) -> str:
    """``text`` with the branches of Taro platform tests the WeChat build drops blanked (module docstring)."""
    if TARO_ENV not in text or not path.lower().endswith(_SCRIPTS):
        return text
    lines = text.split("\n")
    dropped: set[int] = set()
    for source, name, offset in script_units(text, path):
        language = language_for(name)
        root = parse(language, source.encode("utf-8")).root_node
        constants = _constants(nodes_of(root, language, ("variable_declarator",)))
        for statement in nodes_of(root, language, ("if_statement",)):
            verdict = _value(statement.child_by_field_name("condition"), constants)
            branch = statement.child_by_field_name("consequence") if verdict is False else \
                _else_body(statement.child_by_field_name("alternative")) if verdict is True else None
            if branch is not None and branch.type == "statement_block":
                dropped |= {row + offset for row in range(branch.start_point[0] + 1, branch.end_point[0])}
    return "\n".join("" if n in dropped else line for n, line in enumerate(lines)) if dropped else text


def _else_body(alternative: Node | None) -> Node | None:
    """The block of an ``else`` clause (not an ``else if``, whose own test is judged by itself)."""
    if alternative is None:
        return None
    body = next((c for c in alternative.named_children if c.type == "statement_block"), None)
    return body


def _constants(declarators: list[Node]) -> dict[str, bool]:
    """The file's names bound to a platform test (``const ALIPAY = process.env.TARO_ENV === 'alipay'``, or an
    arrow returning one called at once), with their value in the WeChat build."""
    out: dict[str, bool] = {}
    for declarator in declarators:
        name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
        if name is None or name.type != "identifier" or value is None:
            continue
        if value.type == "call_expression" and not node_text(value.child_by_field_name("arguments")).strip("() "):
            value = _returned(value.child_by_field_name("function"))
        verdict = _value(value, out)
        if verdict is not None:
            out[node_text(name)] = verdict
    return out


def _returned(function: Node | None) -> Node | None:
    """What an arrow or function called at once returns: its expression body, or its block's only ``return``."""
    while function is not None and function.type == "parenthesized_expression":
        function = function.named_children[0] if function.named_children else None
    if function is None or function.type not in ("arrow_function", "function_expression", "function"):
        return None
    body = function.child_by_field_name("body")
    if body is None or body.type != "statement_block":
        return body
    returns = [c for c in body.named_children if c.type != "comment"]
    if len(returns) == 1 and returns[0].type == "return_statement" and returns[0].named_children:
        return returns[0].named_children[0]
    return None


def _value(node: Node | None, constants: dict[str, bool]) -> bool | None:
    """The value of a test in the WeChat build, or None when it depends on anything but the platform."""
    if node is None:
        return None
    if node.type == "parenthesized_expression":
        return _value(node.named_children[0], constants) if len(node.named_children) == 1 else None
    if node.type == "identifier":
        return constants.get(node_text(node))
    if node.type == "unary_expression" and node_text(node.child_by_field_name("operator")) == "!":
        inner = _value(node.child_by_field_name("argument"), constants)
        return None if inner is None else not inner
    if node.type != "binary_expression":
        return None
    operator = node_text(node.child_by_field_name("operator"))
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if operator in ("&&", "||"):
        a, b = _value(left, constants), _value(right, constants)
        if operator == "&&":
            return False if a is False or b is False else True if a and b else None
        return True if a is True or b is True else False if a is False and b is False else None
    if operator not in _EQUAL or left is None or right is None:
        return None
    platform = _platform(left, right) or _platform(right, left)
    return None if platform is None else (platform == WECHAT) == _EQUAL[operator]


def _platform(env: Node, other: Node) -> str | None:
    """The platform name ``other`` holds where ``env`` is ``process.env.TARO_ENV``, else None."""
    if node_text(env).replace(" ", "") != _ENV or other.type not in ("string", "template_string"):
        return None
    return string_value(other)
