"""Functions that pick their API by a string argument or an option flag, and what a call passes.

A helper such as ``chooseAndUploadFile(opts)`` that runs ``chooseImage`` when ``opts.type === 'image'``,
``chooseVideo`` when it is ``'video'`` and ``chooseMessageFile`` otherwise uses one of them per call: a
page calling it with ``{ type: 'image' }`` picks images only. Likewise a request helper
``ajax(path, data, options)`` that calls ``uploadFile`` only ``if (options.upload)``: a call passing an
object without ``upload: true`` (or no options at all) sends a plain request, as one whose options leave out the
key a helper dispatches on by string (``if (options.type === 'upload')``) takes the path no branch takes.
Without this, every branch would count as a new use at the call site. And a helper
``invoke: (name, ...rest) => wx[name]({...})`` calls whichever API its caller names:
``bridge.invoke('chooseImage', …)`` is a ``wx.chooseImage`` at that call.

In: a function node and how to turn a node into a line (and, for :func:`choices` and :func:`flag_choices`,
what a set of lines of the function reaches). Out: ``(string, subjects)`` per branch, ``(argument index,
key, subjects when set, subjects when not)`` per flag, ``(argument index, namespace)`` per API a parameter
names; for call sites, ``{line: strings and argument tokens passed}``
(:data:`~mp_precheck.facts.model.ARG` tokens, read by ``Export.subjects_for``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from tree_sitter import Node

from mp_precheck.facts.model import ARG
from mp_precheck.readers.boundargs import bound_object
from mp_precheck.readers.syntax import node_text, string_value, walk

Reach = Callable[[set[int]], set[str]]
STATEMENT_TYPES = ("if_statement", "switch_case")  # the nodes a dispatching function branches with
LITERAL_TYPES = ("true", "false", "null", "undefined", "number")  # literals other than strings and objects


def _compared(condition: Node | None) -> tuple[str, Node] | None:
    """(``'image'``, the other side) of a condition ``(x === 'image')`` / ``('image' == x)``, else None."""
    expr = condition.named_children[0] if condition is not None and condition.type == "parenthesized_expression" \
        and condition.named_children else condition
    if expr is None or expr.type != "binary_expression":
        return None
    operator = expr.child_by_field_name("operator")
    if operator is None or operator.type not in ("===", "=="):
        return None
    left, right = expr.child_by_field_name("left"), expr.child_by_field_name("right")
    for side, other in ((left, right), (right, left)):
        if side is not None and side.type == "string" and other is not None and \
                (value := string_value(side)) is not None:
            return value, other
    return None


def _compared_string(condition: Node | None) -> str | None:
    """``'image'`` of a condition ``(x === 'image')`` / ``('image' == x)``, else None."""
    compared = _compared(condition)
    return compared[0] if compared is not None else None


def returns(body: Node) -> bool:
    """Whether a branch ends the function: a ``return`` among its own statements."""
    return body.type == "return_statement" or any(c.type == "return_statement" for c in body.named_children)


def chain_end(node: Node) -> Node:
    """The outermost ``if`` of an ``if … else if …`` chain."""
    while node.parent is not None and node.parent.type == "else_clause" and node.parent.parent is not None:
        node = node.parent.parent
    return node


def branches(statements: Iterable[Node]) -> list[tuple[str, Node, Node | None]]:
    """(string, branch, statement the branch leaves when it returns — None when it does not) for each
    ``if (x === 'a')`` and ``case 'a':`` among ``statements`` (a function's ``if`` and ``case`` nodes, in
    source order: :data:`STATEMENT_TYPES`), in source order."""
    out: list[tuple[str, Node, Node | None]] = []
    for node in statements:
        if node.type == "if_statement":
            value, body = _compared_string(node.child_by_field_name("condition")), \
                node.child_by_field_name("consequence")
            if value is not None and body is not None:
                out.append((value, body, chain_end(node) if returns(body) else None))
        elif node.type == "switch_case":
            case = node.child_by_field_name("value")
            if case is not None and case.type == "string" and (value := string_value(case)) is not None:
                switch = node.parent.parent if node.parent is not None else None
                out.append((value, node, switch if returns(node) else None))
    return out


def _lines(node: Node, line: Callable[[Node], int]) -> set[int]:
    first = line(node)
    return set(range(first, first + node.end_point[0] - node.start_point[0] + 1))


def choices(function: Node, line: Callable[[Node], int], reach: Reach,
            statements: Sequence[Node]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What ``function`` reaches per string it dispatches on: its lines without the other branches (and,
    when the chosen branch returns, without what follows its ``if`` chain or ``switch``). ``statements`` are
    its ``if`` and ``case`` nodes in source order (:data:`STATEMENT_TYPES`). Empty when it does not
    dispatch, or when no branch changes what is reached."""
    found = branches(statements)
    if not found:
        return ()
    every = _lines(function, line)
    whole = reach(every)
    out: list[tuple[str, tuple[str, ...]]] = []
    for value, body, left in found:
        kept = set(every)
        for _other, other_body, _left in found:
            if other_body is not body:
                kept -= _lines(other_body, line)
        if left is not None:
            kept = {n for n in kept if n <= line(left) + left.end_point[0] - left.start_point[0]}
        kept |= _lines(body, line)
        chosen = reach(kept) & whole
        if chosen != whole and value not in (v for v, _s in out):
            out.append((value, tuple(sorted(chosen))))
    return tuple(out)


def call_literals(calls: Iterable[Node], called: Iterable[tuple[int, str]],
                  line: Callable[[Node], int]) -> dict[int, tuple[str, ...]]:
    """For the calls among ``calls`` (a file's ``call_expression`` nodes in source order, as tree-sitter's
    query finds them) whose callee is on the line of one of ``called`` ((line, name) of the project's functions
    a file calls): the strings passed as arguments or as property values of an object argument
    (``f('image')``, ``f({ type: 'image' })``), written in the call or bound to a local variable it passes
    (readers/boundargs.py). Where several calls start on a line, the last one whose callee ends in a called name
    is the line's, else the last one not passed in another's arguments (``upload(path, 'a/' + getApp().id)``:
    ``upload``'s, not ``getApp``'s; ``api.get('/x').then(…)``: ``api.get``'s)."""
    wanted: dict[int, set[str]] = {}
    for number, name in called:
        wanted.setdefault(number, set()).add(name.rsplit(".", 1)[-1])
    out: dict[int, tuple[str, ...]] = {}
    named: set[int] = set()  # lines whose recorded call is one of a called name
    for node in calls:
        callee = node.child_by_field_name("function")
        if callee is None or line(callee) not in wanted:
            continue
        last = callee.child_by_field_name("property") if callee.type == "member_expression" else callee
        is_named = last is not None and node_text(last) in wanted[line(callee)]
        if not is_named and (line(callee) in named or _passed_on_line(node)):
            continue
        if is_named:
            named.add(line(callee))
        out[line(callee)] = passed(arguments_of(node))
    return out


def arguments_of(call: Node) -> list[Node]:
    """The arguments of ``call`` (a ``call_expression``), comments left out."""
    arguments = call.child_by_field_name("arguments")
    return [a for a in arguments.named_children if a.type != "comment"] if arguments is not None else []


def passed(args: Sequence[Node]) -> tuple[str, ...]:
    """What a call passing ``args`` passes, as :func:`call_literals` gives it: the strings written as arguments or
    as property values of an object argument (one bound to a local variable too), then :data:`ARG` tokens."""
    values: list[str] = []
    for index, arg in enumerate(args):
        arg = bound_object(arg) or arg  # send(options) after var options = {…}
        items = [p.child_by_field_name("value") for p in arg.named_children if p.type == "pair"] \
            if arg.type == "object" else [arg]
        values += [v for item in items if item is not None and item.type == "string"
                   and (v := string_value(item)) is not None]
        values += _argument_tokens(index, arg)
    if not any(a.type == "spread_element" for a in args):
        values.append(f"{ARG}#{len(args)}")
    return tuple(values)


def _passed_on_line(node: Node) -> bool:
    """Whether call ``node`` sits in the arguments of a call that starts on its line."""
    row, child, current = node.start_point[0], node, node.parent
    while current is not None and current.start_point[0] == row:
        if current.type == "call_expression" and child.type == "arguments":
            return True
        child, current = current, current.parent
    return False


def parameters(function: Node) -> dict[str, tuple[int, str | None]]:
    """Parameter name → (index, None) for plain parameters (``options``, ``options = {}``), and destructured
    keys → (index, key) (``{ upload }``)."""
    params = function.child_by_field_name("parameters")
    single = function.child_by_field_name("parameter")
    nodes = params.named_children if params is not None else [single] if single is not None else []
    out: dict[str, tuple[int, str | None]] = {}
    for index, node in enumerate(n for n in nodes if n.type != "comment"):
        if node.type in ("required_parameter", "optional_parameter"):  # TypeScript: ``name: string = 'x'``
            node = node.child_by_field_name("pattern") or node
        target = node.child_by_field_name("left") if node.type == "assignment_pattern" else node
        if target is not None and target.type == "identifier":
            out[target.text.decode() if target.text else ""] = (index, None)
        elif target is not None and target.type == "object_pattern":
            for item in target.named_children:
                name = item.child_by_field_name("left") if item.type == "object_assignment_pattern" else item
                if name is not None and name.type == "shorthand_property_identifier_pattern" and name.text:
                    out[name.text.decode()] = (index, name.text.decode())
    return out


def _flag_tested(condition: Node | None, params: dict[str, tuple[int, str | None]]) -> tuple[int, str, bool] | None:
    """(argument index, key, whether the branch runs when it is set) of ``if (options.upload)``,
    ``if (!options.upload)``, ``if (options.upload === true)``, ``if (upload)`` (destructured or read into a local)
    or ``if (upload === undefined)`` / ``!= null``."""
    expr = condition.named_children[0] if condition is not None and condition.type == "parenthesized_expression" \
        and condition.named_children else condition
    positive = True
    negation = expr.child_by_field_name("operator") if expr is not None and expr.type == "unary_expression" else None
    if expr is not None and negation is not None and negation.type == "!":
        expr, positive = expr.child_by_field_name("argument"), False
    if expr is not None and expr.type == "binary_expression":
        operator = expr.child_by_field_name("operator")
        right = (expr.child_by_field_name("right") or expr).type
        equal = operator is not None and operator.type in ("===", "==")
        unequal = operator is not None and operator.type in ("!==", "!=")
        if right in ("undefined", "null") and (equal or unequal):
            positive = positive == unequal
        elif not (right == "true" and equal):
            return None
        expr = expr.child_by_field_name("left")
    option = _option(expr, params)
    return (*option, positive) if option is not None else None


def _option(expr: Node | None, params: dict[str, tuple[int, str | None]]) -> tuple[int, str] | None:
    """(argument index, key) of an option a function reads: ``options.upload`` of a plain parameter, or
    ``upload`` destructured from one (``{ upload }``)."""
    if expr is not None and expr.type == "parenthesized_expression" and expr.named_children:
        expr = expr.named_children[0]
    if expr is None:
        return None
    if expr.type == "identifier" and expr.text and (found := params.get(expr.text.decode())) and found[1]:
        return found[0], found[1]
    obj, prop = expr.child_by_field_name("object"), expr.child_by_field_name("property")
    if expr.type == "member_expression" and obj is not None and obj.type == "identifier" and obj.text and \
            prop is not None and prop.text and (found := params.get(obj.text.decode())) and found[1] is None:
        return found[0], prop.text.decode()
    return None


def flag_choices(function: Node, line: Callable[[Node], int], reach: Reach,
                 statements: Sequence[Node]) -> tuple[tuple[int, str, tuple[str, ...], tuple[str, ...]], ...]:
    """What ``function`` reaches when an option flag of its parameters is set and when it is not: its lines
    without the branches of every ``if (options.key)`` on that key that run only the other way (``statements``:
    its ``if`` and ``case`` nodes in source order; ``if (file === undefined) request(); if (file) upload()`` as one
    flag). Only flags whose branches reach different subjects are kept."""
    params = parameters(function)
    if not params:
        return ()
    params = _option_locals(function, params) | params
    every = _lines(function, line)
    # (index, key) → (lines that run only when the flag is set, lines that run only when it is not)
    skipped: dict[tuple[int, str], tuple[set[int], set[int]]] = {}
    for node in (n for n in statements if n.type == "if_statement"):
        tested = _flag_tested(node.child_by_field_name("condition"), params)
        body, other = node.child_by_field_name("consequence"), node.child_by_field_name("alternative")
        if tested is None or body is None:
            continue
        index, key, positive = tested
        when_set, when_unset = skipped.setdefault((index, key), (set(), set()))
        (when_set if positive else when_unset).update(_lines(body, line))
        (when_unset if positive else when_set).update(_lines(other, line) if other is not None else ())
        (when_unset if positive else when_set).update(_after(node, body, function, line))
    out = [(index, key, tuple(sorted(reach(every - unset_only))), tuple(sorted(reach(every - set_only))))
           for (index, key), (set_only, unset_only) in skipped.items()]
    out = [flag for flag in out if flag[2] != flag[3]]
    seen = {(i, k) for i, k, _s, _u in out}
    return tuple(out + [keyed for keyed in _keyed(function, line, reach, statements, params) if keyed[:2] not in seen])


def _after(statement: Node, body: Node, function: Node, line: Callable[[Node], int]) -> set[int]:
    """The lines of ``function`` after ``statement``, an ``if`` of its own body whose branch ``body`` returns: they
    run only when the branch does not (``if (options.upload) { return upload() } return request()``)."""
    block = function.child_by_field_name("body")
    if block is None or statement.parent is None or (statement.parent.start_byte, statement.parent.end_byte) != \
            (block.start_byte, block.end_byte) or not returns(body):
        return set()
    end = line(statement) + statement.end_point[0] - statement.start_point[0]
    return set(range(end + 1, line(function) + function.end_point[0] - function.start_point[0] + 1))


def _option_locals(function: Node, params: dict[str, tuple[int, str | None]]) -> dict[str, tuple[int, str | None]]:
    """Locals the function's own body binds to an option of a plain parameter and never assigns again
    (``let file = params.file``; later ``if (file)``): name → (argument index, key)."""
    body = function.child_by_field_name("body")
    out: dict[str, tuple[int, str | None]] = {}
    for statement in body.named_children if body is not None and body.type == "statement_block" else ():
        if statement.type not in ("lexical_declaration", "variable_declaration"):
            continue
        for decl in statement.named_children:
            name, value = decl.child_by_field_name("name"), decl.child_by_field_name("value")
            option = _option(value, {k: v for k, v in params.items() if v[1] is None})
            if name is not None and name.type == "identifier" and name.text and option is not None:
                out[name.text.decode()] = option
    if not out:
        return out  # no local to check for assignments: the function is not walked
    assigned = {node_text(node.child_by_field_name("left")) for node in walk(function)
                if node.type in ("assignment_expression", "augmented_assignment_expression")}
    assigned |= {node_text(node.child_by_field_name("argument")) for node in walk(function)
                 if node.type == "update_expression"}
    return {name: option for name, option in out.items() if name not in assigned}


def _keyed(function: Node, line: Callable[[Node], int], reach: Reach, statements: Sequence[Node],
           params: dict[str, tuple[int, str | None]]) -> list[tuple[int, str, tuple[str, ...], tuple[str, ...]]]:
    """For each option a function dispatches on by string (``if (options.type === 'upload')``, ``switch
    (options.type)``): (argument index, key, every subject — for a string no branch names, or an unknown
    one —, the subjects of the path no branch takes), the path of a call whose options leave the key out
    (``request({ url, data })``: no ``type``, so no upload). Left out when the parameter's default value
    names a branch (a call without the argument takes that branch) or the paths reach the same subjects."""
    bodies: dict[tuple[int, str], list[Node]] = {}
    named: dict[tuple[int, str], set[str]] = {}
    for node in statements:
        compared, body = _compared(node.child_by_field_name("condition")), node.child_by_field_name("consequence")
        if node.type == "switch_case":
            case, switch = node.child_by_field_name("value"), node.parent.parent if node.parent else None
            value = string_value(case) if case is not None and case.type == "string" else None
            subject = switch.child_by_field_name("value") if switch is not None else None
            compared = (value, subject) if value is not None and subject is not None else None
            body = node
        option = _option(compared[1], params) if compared is not None and body is not None else None
        if option is not None and body is not None and compared is not None:
            bodies.setdefault(option, []).append(body)
            named.setdefault(option, set()).add(compared[0])
    every = _lines(function, line)
    whole = tuple(sorted(reach(every)))
    out: list[tuple[int, str, tuple[str, ...], tuple[str, ...]]] = []
    for (index, key), found in bodies.items():
        rest = every.difference(*(_lines(body, line) for body in found))
        unset = tuple(sorted(reach(rest)))
        if unset != whole and not named[(index, key)] & _default_strings(function, index, key):
            out.append((index, key, whole, unset))
    return out


def _default_strings(function: Node, index: int, key: str) -> set[str]:
    """The string the default value of parameter ``index`` gives option ``key`` (``opts = { type: 'image' }``)."""
    params = function.child_by_field_name("parameters")
    nodes = [n for n in params.named_children if n.type != "comment"] if params is not None else []
    node = nodes[index] if index < len(nodes) else None
    if node is not None and node.type == "optional_parameter":  # TypeScript: ``opts: Options = { … }``
        node = node.child_by_field_name("value")
    elif node is not None and node.type == "assignment_pattern":
        node = node.child_by_field_name("right")
    else:
        return set()
    pairs = node.named_children if node is not None and node.type == "object" else []
    return {v for p in pairs if p.type == "pair" and (k := p.child_by_field_name("key")) is not None and
            (k.text or b"").decode().strip("'\"") == key and (value := p.child_by_field_name("value")) is not None
            and value.type == "string" and (v := string_value(value)) is not None}


def _argument_tokens(index: int, arg: Node) -> list[str]:
    """:data:`ARG` tokens of one argument: a string literal, which may name an API (``arg:0=chooseImage``) or
    take a helper's branch (``arg:0=/pages/cart/cart``; a template string's known start: ``arg:0^=/pages/item?id=``),
    another literal (``arg:3:true``), an object literal and the flags it sets."""
    if arg.type in ("string", "template_string"):
        text = string_value(arg)
        whole = not any(c.type == "template_substitution" for c in arg.children)
        return [] if text is None or not (text or whole) else [f"{ARG}{index}{'' if whole else '^'}={text}"]
    if arg.type in LITERAL_TYPES:  # a flag's value (``request(url, 'POST', data, true)``)
        return [f"{ARG}{index}:{node_text(arg)}"]
    if arg.type != "object":
        return []
    tokens = [f"{ARG}{index}"]
    for item in arg.named_children:
        if item.type == "spread_element":
            tokens.append(f"{ARG}{index}.*?")
        elif item.type in ("pair", "shorthand_property_identifier"):
            key_node = item.child_by_field_name("key") if item.type == "pair" else item
            value = item.child_by_field_name("value") if item.type == "pair" else item
            key = (string_value(key_node) if key_node is not None and key_node.type == "string"
                   else key_node.text.decode() if key_node is not None and key_node.text else "")
            if value is None or value.type in ("false", "null", "undefined") or \
                    (value.type == "number" and value.text in (b"0", b"0.0")):
                continue
            literal = value.type in ("true", "number", "string", "template_string")
            tokens.append(f"{ARG}{index}.{key}" + ("" if literal else "?"))
    return tokens


FUNCTION_TYPES = ("arrow_function", "function_expression", "function", "generator_function", "function_declaration",
                   "generator_function_declaration", "method_definition")


def named_apis(function: Node, indexed: Iterable[tuple[Node, str, str]]) -> tuple[tuple[int, str], ...]:
    """(argument index, namespace) of each API ``function`` calls by the name one of its own parameters holds:
    ``(name, ...rest) => wx[name]({...})``, ``uni[name](opts)``. ``indexed`` are the file's uses of a
    namespace indexed by a variable: (reference, variable, the namespace it indexes — ``wx`` or ``wx.cloud``;
    jsfacts reads ``uni``, ``Taro``, ``wepy``… as ``wx``). A name an inner function's parameter shadows is not
    the wrapper's. A call passing a string literal at that index uses the API it names, one passing anything
    else none that can be told (``Export.subjects_for``)."""
    params = {name: index for name, (index, key) in parameters(function).items() if key is None}
    out: set[tuple[int, str]] = set()
    for node, name, space in indexed:
        inside = function.start_byte <= node.start_byte < node.end_byte <= function.end_byte
        if inside and name in params and not shadowed(node, function, name):
            out.add((params[name], space))
    return tuple(sorted(out))


def shadowed(node: Node, function: Node, name: str) -> bool:
    """Whether a function between ``node`` and ``function`` has a parameter ``name`` of its own."""
    current = node.parent
    while current is not None and current != function:
        if current.type in FUNCTION_TYPES and name in parameters(current):
            return True
        current = current.parent
    return False
