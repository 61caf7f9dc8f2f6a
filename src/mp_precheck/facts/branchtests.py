"""Which branches of a helper a string argument takes, when the helper tests the string's text.

A navigation helper ``go(url)`` that opens a web-view when ``url.indexOf('https://') == 0``, navigates within
the app when ``url.indexOf('/pages') == 0`` and opens another Mini Program when ``url.startsWith('miniprogram')``
does one of those per call: ``go('/pages/cart/cart')`` only navigates. The reader (readers/stringtests.py) keeps
each ``if`` whose condition tests a parameter's text against a literal — equal to it (``==`` / ``===``), starting
with it (``indexOf(s) == 0``, ``startsWith``), containing it (``indexOf(s) != -1``, ``includes``) or ending
with it (``endsWith``), joined by ``&&`` / ``||`` / ``!`` — as a :class:`Branch`; a call's literal argument
decides those conditions it can, and the calls in branches it rules out are not made. A condition it cannot
decide (another test, a variable argument) keeps both sides, as before.

A flag parameter is tested the same way by its truthiness: ``request(url, method = 'GET', data = {}, asFile =
false)`` that requests ``if (!asFile)`` and uploads otherwise (or ``asFile ? upload() : request()``,
``if (asFile === true)``, ``if (flag == null)``) only requests at ``request('/list', 'POST')``: the argument left
out takes the parameter's default (``undefined`` without one, as an explicit ``undefined`` does), and a literal
``true`` / ``false`` / ``0`` / ``1`` / ``''`` / ``null`` / object decides it as JavaScript would
(https://tc39.es/ecma262/#sec-toboolean, #sec-islooselyequal). A variable argument keeps both sides.

In: the :class:`StringTests` of a function, the call's argument values, ``{index: (kind, text)}`` (kind ``=`` a
whole string, ``^`` a template string whose known part is only its start, ``:`` another literal — ``true``,
``null``, a number, ``{}`` for an object —), and its argument count (None when a spread hides it). Out: the
subjects the call reaches, or None when no test is decided.
"""

from __future__ import annotations

from msgspec import Struct

# An atom of a condition: (argument index, test, string). Tests: ``=`` equal, ``^`` starts with, ``*`` contains,
# ``$`` ends with; ``t`` truthy, ``S`` strictly (``L`` loosely) equal to the literal ``true`` / ``null`` / a number…
# in the string; each negated with a leading ``!``; ``?`` a test no argument decides (index -1).
Atom = tuple[int, str, str]
UNKNOWN: Atom = (-1, "?", "")
Value = tuple[str, str]  # what a call passes: (kind, text), see the module docstring
_TEXT_TESTS = "=^*$"
_NULLISH = ("null", "undefined")


class Branch(Struct, frozen=True):
    """An ``if`` of the function whose condition tests an argument's text."""

    line: int  # the line of the ``if``
    condition: tuple[tuple[Atom, ...], ...]  # any of (all of atoms)
    then: tuple[int, int]  # first and last line of the consequence
    otherwise: tuple[int, int] = (0, 0)  # of the ``else`` clause; (0, 0) when there is none
    ends: int = 0  # when the consequence returns from the function: the last line of its ``if`` chain
    # The nearest earlier branch it is written in (its index; -1 for none) and whether in its consequence: an
    # ``else if`` shares its line with the ``}`` before it, so lines cannot tell.
    parent: int = -1
    in_then: bool = False


class StringTests(Struct, frozen=True):
    """The text tests of a function that calls APIs itself, the lines of those calls and of assignments that
    change a tested parameter (a test after a live one is not decided by the argument)."""

    branches: tuple[Branch, ...] = ()
    calls: tuple[tuple[str, int], ...] = ()  # (subject, line)
    moved: tuple[tuple[int, int], ...] = ()  # (argument index, line)
    # (argument index, kind, text) of a tested parameter's default value (kind ``?``: one not read)
    defaults: tuple[tuple[int, str, str], ...] = ()

    def subjects_for(self, passed: dict[int, Value], count: int | None, last_line: int) -> tuple[str, ...] | None:
        """The subjects a call passing ``passed`` (``count`` arguments) reaches (see the module docstring);
        ``last_line`` is the function's. None when no condition is decided."""
        passed = self._filled(passed, count)
        skipped: set[int] = set()
        cut: set[int] = set()  # after a chain whose taken branch returns
        values: list[bool | None] = []  # per branch: its condition's value, None when unknown
        ruled: list[bool] = []  # per branch: whether a decided condition keeps it from running
        for branch in self.branches:
            up = branch.parent
            ruled.append(branch.line in cut or (up >= 0 and (ruled[up] or values[up] is (not branch.in_then))))
            live = {index for index, line in self.moved if line <= branch.line and line not in skipped | cut}
            value = None if ruled[-1] else _any(branch.condition, {i: v for i, v in passed.items() if i not in live})
            values.append(value)
            if value:
                skipped.update(_span(branch.otherwise))
                cut.update(range(branch.ends + 1, last_line + 1) if branch.ends else ())
            elif value is not None:
                skipped.update(_span(branch.then))
        decided = any(value is not None for value in values)
        return tuple(sorted({s for s, line in self.calls if line not in skipped | cut})) if decided else None

    def _filled(self, passed: dict[int, Value], count: int | None) -> dict[int, Value]:
        """``passed`` with each tested argument the call leaves out (or passes as ``undefined``) set to its
        parameter's default value, ``undefined`` without one; one whose default is not read left unknown."""
        tested = {atom[0] for branch in self.branches for clause in branch.condition for atom in clause} - {-1}
        defaults = {index: (kind, text) for index, kind, text in self.defaults}
        out = dict(passed)
        for index in tested:
            left_out = index not in passed and count is not None and index >= count
            if left_out or passed.get(index) == (":", "undefined"):
                default = defaults.get(index, (":", "undefined"))
                if default[0] == "?":
                    out.pop(index, None)
                else:
                    out[index] = default
        return out


def _span(lines: tuple[int, int]) -> range:
    return range(lines[0], lines[1] + 1) if lines[0] else range(0)


def _any(condition: tuple[tuple[Atom, ...], ...], passed: dict[int, Value]) -> bool | None:
    """Three-valued: True when a clause holds, False when every clause fails, else None."""
    values = [_all(clause, passed) for clause in condition]
    return True if True in values else False if all(v is False for v in values) else None


def _all(clause: tuple[Atom, ...], passed: dict[int, Value]) -> bool | None:
    values = [_atom(atom, passed) for atom in clause]
    return False if False in values else True if all(v is True for v in values) else None


def _atom(atom: Atom, passed: dict[int, Value]) -> bool | None:
    index, test, text = atom
    if index not in passed or test == "?":
        return None
    kind, value = passed[index]
    negated, test = test.startswith("!"), test.lstrip("!")
    if test in _TEXT_TESTS:  # a text test of anything but a string is not judged
        result = None if kind == ":" else _whole(test, text, value) if kind == "=" else _prefix(test, text, value)
    else:
        result = _truthy(kind, value) if test == "t" else _strict(kind, value, text) if test == "S" \
            else _loose(kind, value, text)
    return result if result is None or not negated else not result


def _truthy(kind: str, value: str) -> bool | None:
    if kind != ":":
        return value != "" if kind == "=" else (True if value else None)
    if value in ("true", "{}", "false", *_NULLISH):
        return value in ("true", "{}")
    number = _number(value)  # 0 is falsy; a literal not read (``1n``) is not judged
    return None if number is None else number != 0


def _strict(kind: str, value: str, literal: str) -> bool:
    """``value === literal``: a string or an object is never ``true``, ``null`` or a number."""
    if kind != ":" or value == "{}":
        return False
    a, b = _number(value), _number(literal)
    return a == b if a is not None and b is not None else value == literal


def _loose(kind: str, value: str, literal: str) -> bool | None:
    """``value == literal``: ``null`` and ``undefined`` equal only each other; otherwise both sides as numbers."""
    if literal in _NULLISH or (kind == ":" and value in _NULLISH):
        return kind == ":" and value in _NULLISH and literal in _NULLISH
    if kind == "^" or value == "{}":
        return None
    a, b = _coerced(kind, value), _coerced(":", literal)
    return a == b if a is not None and b is not None else None


def _coerced(kind: str, value: str) -> float | None:
    if kind == "=":  # '' is 0, a string that is no number NaN
        number = _number(value.strip()) if value.strip() else 0.0
        return number if number is not None else float("nan")
    return {"true": 1.0, "false": 0.0}.get(value, _number(value))


def _number(text: str) -> float | None:
    try:
        return float(int(text, 0)) if text[:2].lower() in ("0x", "0o", "0b") else float(text)
    except ValueError:
        return None


def _whole(test: str, text: str, value: str) -> bool:
    return {"=": value == text, "^": value.startswith(text), "*": text in value, "$": value.endswith(text)}[test]


def _prefix(test: str, text: str, start: str) -> bool | None:
    """A test of a string known only up to ``start`` (``\\`/pages/item?id=${id}\\```)."""
    if test == "^" and (start.startswith(text) or not text.startswith(start)):
        return start.startswith(text)
    if test == "=" and not text.startswith(start):
        return False
    return True if test == "*" and text in start else None
