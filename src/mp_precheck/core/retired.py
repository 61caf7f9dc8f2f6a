"""Pages a change takes out of the app: a page file deleted with no file continuing it, whose page is no
longer registered in ``app.json`` (``pages`` / ``subPackages``,
https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#pages).

What such a page did leaves the app with it (a removal); it was not moved. So its calls do not offset the
same call on another page the change adds — a test upload page deleted while a 发布 page that uploads is
added is one feature gone and one feature new — while the app is still known to have had the capability
(the new page is a new call site, not new to the app). Except a call a file the change adds carries on: the
same API called with the same shape (in a function of the same name, passing the same options,
``readers/callshape.py``) — the profile page rebuilt under a new name, rewritten beyond git's rename threshold
around the same ``getUserInfo() { wx.getUserProfile({ desc: … }) }``: that call moved. So does an element of
the markup with the same attributes (a ``<web-view src="{{url}}">`` page renamed and registered under its new
name).

The same holds for a page the change keeps but rewrites with a deleted page's content (the deleted page written
into an empty page that was registered already): a head file the change modifies whose every fact is one of a
retired file's of the same kind (script to script, template to template; a call or element by its shape), its
calls and elements all on lines the change adds, carries that file's calls on (:func:`moved_into`). A page that
keeps anything of its own beside them — its own calls, its own elements, a call of another shape — is judged as
any page: what it gains is a new call site.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet

from msgspec.structs import replace

from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.notes.pagetitles import page_of
from mp_precheck.readers.discovery import Project

_MARKUP = ("component", "attribute")  # the kinds of facts a page's markup gives its elements


def retired_pages(base_paths: Iterable[str], counterpart: Mapping[str, str | None], base: Project | None,
                  head: Project) -> frozenset[str]:
    """The base paths among ``base_paths`` (changed files of the base project) that belong to a page ``head``
    no longer registers and that no head file continues (``counterpart``: head path → its base path)."""
    if base is None:
        return frozenset()
    continued = set(counterpart.values())
    out = set()
    for path in base_paths:
        page = page_of(path, base.root, base.pages)
        if path not in continued and page is not None and page not in head.pages:
            out.add(path)
    return frozenset(out)


def carriers(retired: AbstractSet[str], base: Mapping[str, FileFacts], head: Mapping[str, FileFacts],
             counterpart: Mapping[str, str | None], added_lines: Mapping[str, frozenset[int]]) -> dict[str, FileFacts]:
    """The head files (of ``head``: path → facts) that may carry a ``retired`` file's calls on (:func:`carried_on`):
    those the change adds (no base path in ``counterpart``) and those it keeps holding only a deleted page's content
    (:func:`moved_into`, reading ``base`` and ``added_lines``)."""
    into = moved_into(retired, base, head, counterpart, added_lines)
    return {path: f for path, f in head.items() if not counterpart.get(path) or path in into}


def moved_into(retired: AbstractSet[str], base: Mapping[str, FileFacts], head: Mapping[str, FileFacts],
               counterpart: Mapping[str, str | None], added_lines: Mapping[str, frozenset[int]]) -> frozenset[str]:
    """The head files of ``head`` the change modifies (``counterpart``: head path → its base path) whose content the
    change replaced with one ``retired`` base file's (of ``base``: path → facts) of the same kind (suffix): each of
    their calls and elements (by shape, :func:`_shaped`; one at least) is on a line the change adds there
    (``added_lines``: head path → line numbers) — the page kept none of its own —, and each of their facts (a call
    or element by its shape, anything else by its kind, subject and value) is one of that file's, as many times
    at most. The deleted page's content moved into a page that already existed (module docstring)."""
    gone = [(posixpath.splitext(path)[1], _contents(base[path])) for path in sorted(retired & base.keys())]
    out = set()
    for path, file_facts in head.items() if gone else ():
        if not counterpart.get(path):
            continue  # a file the change adds: carried_on reads it anyway
        markup, added = _markup_shapes(file_facts), added_lines.get(path, frozenset())
        shaped = [f for f in file_facts.facts if _shaped(file_facts, f, markup) is not None]
        if not shaped or any(f.line not in added for f in shaped):
            continue  # nothing to carry, or calls and elements of the page's own beside the ones it gains
        held, suffix = _contents(file_facts), posixpath.splitext(path)[1]
        if any(kind == suffix and not held - had for kind, had in gone):
            out.add(path)
    return frozenset(out)


def _contents(file_facts: FileFacts) -> Counter[tuple[str, ...]]:
    """The facts of ``file_facts`` as a multiset: a call or element by (subject, shape), anything else by (kind,
    subject, value)."""
    markup = _markup_shapes(file_facts)
    return Counter(_shaped(file_facts, f, markup) or (f.kind, f.subject, f.value or "") for f in file_facts.facts)


def carried_on(retired: AbstractSet[str], base: Mapping[str, FileFacts],
               added: Mapping[str, FileFacts]) -> tuple[dict[str, FileFacts], list[tuple[str, Fact]]]:
    """The calls (and markup elements) of ``retired`` base files (of ``base``: path → facts) that a file of
    ``added`` (head files the change adds, and those it keeps holding only a deleted page's content:
    :func:`moved_into`) carries on: the same subject at a call or element of the same shape
    (``FileFacts.call_shapes``, :func:`_shaped`), each paired with at most one.
    Returns the retired files reduced to those calls (base path → facts) and the calls that carry them on (head
    path, fact)."""
    waiting: dict[tuple[str, str], list[tuple[str, Fact]]] = {}
    for path, file_facts in sorted(added.items()):
        markup = _markup_shapes(file_facts)
        for fact in file_facts.facts:
            if (key := _shaped(file_facts, fact, markup)) is not None:
                waiting.setdefault(key, []).append((path, fact))
    reduced: dict[str, FileFacts] = {}
    carrying: list[tuple[str, Fact]] = []
    for path in sorted(retired & base.keys()):
        kept = []
        markup = _markup_shapes(base[path])
        for fact in base[path].facts:
            key = _shaped(base[path], fact, markup)
            if key is not None and waiting.get(key):
                kept.append(fact)
                carrying.append(waiting[key].pop(0))
        reduced[path] = replace(base[path], facts=tuple(kept))
    return reduced, carrying


def _markup_shapes(file_facts: FileFacts) -> dict[int, str]:
    """Line → the shape of the markup elements on it (``markup:`` and the sorted (attribute, value) pairs read on
    that line), made once per file: a generated page of thousands of elements on one line was read in quadratic
    time when each element gathered its line's attributes anew."""
    by_line: dict[int, list[tuple[str, str]]] = {}
    for f in file_facts.facts:
        if f.kind == "attribute":
            by_line.setdefault(f.line, []).append((f.subject, f.value or ""))
    return {line: f"markup:{sorted(pairs)}" for line, pairs in by_line.items()}


def _shaped(file_facts: FileFacts, fact: Fact, markup: Mapping[int, str]) -> tuple[str, str] | None:
    """(subject, shape) of an API call that has a shape, or of an element of a page's markup (its shape: the
    attributes read on its line, with their values — ``<web-view src="{{url}}">``, from ``markup``:
    :func:`_markup_shapes` of ``file_facts``); None for anything else (a host, a text, a dispatch)."""
    if fact.kind in _MARKUP:
        return fact.subject, markup.get(fact.line, "markup:[]")
    shape = file_facts.call_shapes.get(fact.line)
    if shape is None or fact.kind != "api" or (fact.role or "").startswith("dispatch:"):
        return None
    return fact.subject, shape
