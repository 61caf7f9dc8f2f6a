"""Components the change shows users for the first time: an existing component file that a changed page or
component starts rendering, that nothing rendered before.

A component can sit in the tree for several commits with nothing rendering it (its use commented out, only
imported); what it shows reaches users only when a file first renders it, so its WeChat wording or logo is
new there even though its own lines are old. A component file is first rendered when a changed file renders it
on a line the diff adds, the file's base version did not render it, no other changed file rendered it at base,
and no unchanged file writes its tag (``<WeLogin``, ``<we-login``, or ``we-login`` in a pug template).
Components the change adds are left out: their lines are new anyway; so is a page the change turns into a
component (renamed from a page the base app registered): users saw it as a page. Components are matched as
``readers/componentuses.py`` reads them, through a barrel module that passes them on (``analyzers/rendered.py``).
Doc: https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/

In: a :class:`~mp_precheck.analyzers.context.ProjectContext`. Out: {component file: (rendering file, line)}.
"""

from __future__ import annotations

import posixpath
import weakref
from collections.abc import Callable, Mapping

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.rendered import component_file, component_uses, registered_components
from mp_precheck.core.lazyre import lazy
from mp_precheck.facts.model import FileFacts
from mp_precheck.facts.store import ExistingPaths
from mp_precheck.notes.pagetitles import page_of
from mp_precheck.readers.aliases import project_aliases
from mp_precheck.readers.componentuses import Use, is_sfc, jsx_uses, template_tags
from mp_precheck.readers.pugtemplate import PUG_LANGS
from mp_precheck.readers.sfc import split_blocks

_WORDS = lazy(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")  # WeLogin → we, login
# The last context's answer: brand text and brand images both ask for it in one run, and it reads and parses
# every changed file. Held by a weak reference, so a finished run's context is never kept alive nor mistaken.
_last: tuple[weakref.ref[ProjectContext], dict[str, tuple[str, int]]] | None = None


def first_rendered(context: ProjectContext) -> dict[str, tuple[str, int]]:
    """Existing component files the change renders for the first time, each with the first place that renders
    it (changed file, 1-based line on an added line). Computed once per context."""
    global _last
    if _last is None or _last[0]() is not context:
        _last = (weakref.ref(context), _first_rendered(context))
    return _last[1]


def _first_rendered(context: ProjectContext) -> dict[str, tuple[str, int]]:
    tree = ExistingPaths(context.exists_at_head)
    registered = registered_components(context)
    folders = (context.project.root, context.project.env_root or context.project.root)
    aliases = project_aliases(folders, context.read_head)
    before: set[str | None] = set()
    found: dict[str, tuple[str, int, str]] = {}
    for path in sorted(context.head_facts):
        old = context.counterpart.get(path)
        if old:
            before |= {component_file(context, old, spec, tag, tree) for spec, tag, _line in
                       _uses(context.read_base, old, registered, aliases, context.base_facts.get(old))}
        added = context.added_lines.get(path, frozenset())
        for spec, tag, line in _uses(context.read_head, path, registered, aliases, context.head_facts[path]):
            target = component_file(context, path, spec, tag, tree)
            if line in added and target and target != path and target not in found:
                found[target] = (path, line, tag)
    kept = {target: place for target, place in found.items() if target not in before and
            (target not in context.head_facts or context.counterpart.get(target) is not None)
            and not _was_page(context, context.counterpart.get(target))}
    if not kept:
        return {}
    needles = {needle for _path, _line, tag in kept.values() for needle in _tag_needles(tag)}
    hits = context.repo_grep(needles | {needle[1:] for needle in needles})  # a pug template writes `we-login`
    elsewhere = {needle for path, names in hits.items() if path not in context.head_facts
                 for needle in names & needles | _pug_written(context.read_head, path, names - needles)}
    return {target: (path, line) for target, (path, line, tag) in kept.items()
            if not elsewhere & _tag_needles(tag)}


def _pug_written(read: Callable[[str], str | None], path: str, names: set[str]) -> set[str]:
    """The tags among ``names`` (bare, as a pug template writes them) that a single-file component at ``path``
    renders in its pug template, as needles (``<we-login``); empty for any other file."""
    text = read(path) if names and is_sfc(path) else None
    if not text:
        return set()
    written = {f"<{tag}" for block in split_blocks(text) if block.tag == "template" and
               block.attrs.get("lang", "").lower() in PUG_LANGS for tag, _line in template_tags(block.text)}
    return written & {f"<{name}" for name in names}


def _was_page(context: ProjectContext, old: str | None) -> bool:
    """Whether ``old`` (a component's base path, through a rename) was itself a page the base app registered: a
    page turned into a component was shown to users before, whatever renders it now."""
    if not old:
        return False
    page = page_of(old, context.project.root, context.base_pages)
    return page is not None and posixpath.splitext(old)[0].endswith(page)


def shown_files(context: ProjectContext, component: str) -> list[str]:
    """The files of a first-rendered ``component`` whose text and images users see: a native component is
    resolved to its script (``components/card/card.js``), and what it shows is in the template beside it
    (``card.wxml``); any other component file shows itself."""
    stem, suffix = posixpath.splitext(component)
    template = stem + ".wxml"
    return [component, template] if suffix in (".js", ".ts") and context.exists_at_head(template) else [component]


def _tag_needles(tag: str) -> set[str]:
    """How a file writes the tag when it renders it: as written, PascalCase and kebab-case (``<WeLogin``,
    ``<we-login``)."""
    words = [w.lower() for w in _WORDS.findall(tag)]
    return {f"<{tag}", "<" + "".join(w.capitalize() for w in words), "<" + "-".join(words)}


def _uses(read: Callable[[str], str | None], path: str, registered: Mapping[str, str],
          aliases: Mapping[str, str], facts: FileFacts | None) -> list[Use]:
    """The components ``path`` renders; a ``.js`` file is read as JSX too (Taro writes pages in ``.js``), and an
    import through a build alias (``@components``) counts. A script's ``facts`` hold what it renders."""
    if path.endswith((".js", ".jsx", ".tsx")) and facts is not None and facts.jsx is not None:
        return jsx_uses("", path, aliases, facts.jsx)
    if path.endswith((".js", ".jsx", ".tsx")):
        text = read(path)
        return jsx_uses(text, path, aliases) if text and "<" in text else []
    return component_uses(read, path, registered)
