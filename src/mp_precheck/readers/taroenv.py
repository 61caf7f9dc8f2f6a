"""Taro's build target, decided without running anything: the WeChat build's view of a test, and the branches it drops.

Taro replaces ``process.env.TARO_ENV`` with the target's name when it builds (``weapp`` for WeChat, ``alipay``,
``h5``…; https://docs.taro.zone/docs/envs), so ``process.env.TARO_ENV === 'weapp'`` is true and ``… === 'alipay'``
false in the build WeChat reviews. A condition is decided (:func:`wechat_test`) when it is such a comparison (either
side, ``===``, ``==``, ``!==``, ``!=``), ``!``, ``&&`` / ``||`` of decided parts (``false && x`` is false whatever
``x`` is), ``true`` / ``false``, or a name a ``const`` of the same file binds to one of these (also through an arrow
called at once); anything else — a value from another file, a call — is undecided (None), never guessed.

:func:`for_weapp` blanks, in a script (``.js``/``.ts``/``.jsx``/``.tsx``, a Vue component's script), the branch of
such an ``if`` the WeChat build never runs — the lines between the braces of its block or of its ``else`` — keeping
the line count, as uni-app's ``#ifdef MP-ALIPAY`` block is dropped (readers/conditional.py). The config reader
(readers/jsconfig.py) uses :func:`wechat_test` to read ``app.config`` as the weapp build sees it.
"""


from __future__ import annotations

from collections.abc import Mapping

from tree_sitter import Node

from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value

WECHAT_TARGET = "weapp"
TARO_ENV = "TARO_ENV"
_ENV = "process.env.TARO_ENV"
_MAX_DEPTH = 8
_SCRIPTS = (".js", ".ts", ".jsx", ".tsx", ".mjs", ".cjs", ".vue")


def wechat_test(node: Node | None, names: Mapping[str, Node] | None = None, depth: int = 0) -> bool | None:
    """Whether the condition ``node`` holds in Taro's WeChat build; None when it cannot be told statically.
    ``names`` maps a name the file declares to its value node (``const isWeapp = process.env.TARO_ENV === 'weapp'``).
    Never raises."""
    if node is None or depth > _MAX_DEPTH:
        return None
    kind = node.type
    if kind in ("parenthesized_expression", "as_expression", "non_null_expression") and node.named_children:
        return wechat_test(node.named_children[0], names, depth + 1)
    if kind in ("true", "false"):
        return kind == "true"
    if kind == "identifier":
        bound = names.get(node_text(node)) if names is not None else None
        return wechat_test(bound, names, depth + 1) if bound is not None else None
    if kind == "unary_expression" and node_text(node.child_by_field_name("operator")) == "!":
        inner = wechat_test(node.child_by_field_name("argument"), names, depth + 1)
        return None if inner is None else not inner
    if kind != "binary_expression":
        return None
    operator = node_text(node.child_by_field_name("operator"))
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if operator in ("&&", "||"):
        a, b = wechat_test(left, names, depth + 1), wechat_test(right, names, depth + 1)
        decisive = operator == "||"  # true decides ||, false decides &&
        if decisive in (a, b):
            return decisive
        return None if a is None or b is None else not decisive
    if operator not in ("===", "==", "!==", "!="):
        return None
    target = _compared_target(left, right) or _compared_target(right, left)
    if target is None:
        return None
    return (target == WECHAT_TARGET) == (operator in ("===", "=="))


def is_target_env(node: Node | None) -> bool:
    """Whether ``node`` reads ``process.env.TARO_ENV`` (also written ``process.env['TARO_ENV']``)."""
    if node is None:
        return False
    text = "".join(node_text(node).split()).replace("['TARO_ENV']", ".TARO_ENV").replace('["TARO_ENV"]', ".TARO_ENV")
    return text == _ENV


def _compared_target(env: Node | None, other: Node | None) -> str | None:
    """The target name ``other`` spells when ``env`` reads the build target; else None."""
    if not is_target_env(env) or other is None or other.type not in ("string", "template_string"):
        return None
    return string_value(other)



def for_weapp(text: str, path: str) -> str:
    """``text`` with the branches of Taro platform tests the WeChat build drops blanked (module docstring)."""
    if TARO_ENV not in text or not path.lower().endswith(_SCRIPTS):
        return text
    lines = text.split("\n")
    dropped: set[int] = set()
    for source, name, offset in script_units(text, path):
        language = language_for(name)
        root = parse(language, source.encode("utf-8")).root_node
        constants = constants_of(nodes_of(root, language, ("variable_declarator",)))
        for statement in nodes_of(root, language, ("if_statement",)):
            verdict = wechat_test(statement.child_by_field_name("condition"), constants)
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


def constants_of(declarators: list[Node]) -> dict[str, Node]:
    """The file's names bound to a platform test (``const ALIPAY = process.env.TARO_ENV === 'alipay'``, or an
    arrow returning one called at once), each with the test it holds."""
    out: dict[str, Node] = {}
    for declarator in declarators:
        name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
        if name is None or name.type != "identifier" or value is None:
            continue
        if value.type == "call_expression" and not node_text(value.child_by_field_name("arguments")).strip("() "):
            value = _returned(value.child_by_field_name("function"))
        if value is not None and wechat_test(value, out) is not None:
            out[node_text(name)] = value
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
