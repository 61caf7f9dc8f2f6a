"""mpvue apps built with the ``mpvue-entry`` webpack plugin: the pages, in order, come from a routes module.

Such an app lists no pages in ``src/app.json``: the plugin writes them into the built ``app.json`` from a
JavaScript module that exports an array of routes (https://github.com/F-loat/mpvue-entry, README 参数 paths /
pages)::

    module.exports = [{ path: 'pages/login/index', config: { navigationBarTitleText: '登录' } }, 'pages/about/index']

Each entry is a page path relative to ``src/`` (a leading ``/`` and a ``.vue`` suffix are dropped; ``route``
overrides the path), a string standing for ``{ path }``; ``subPackage: true`` or a ``root`` puts it in a
subpackage. The main package's pages keep the array's order, so its first entry is the page the Mini Program
opens on. The module is the one the webpack config passes to ``MpvueEntry.getEntry('src/router/index.js')``
(or as ``pages`` / ``config`` of an options object); with no argument the plugin reads ``src/pages.js``.
Everything is read as data with tree-sitter, never executed.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from typing import Any

from msgspec import Struct
from tree_sitter import Node

from mp_precheck.core.subject import app_config
from mp_precheck.facts.model import Fact
from mp_precheck.readers.appconfig import page_name
from mp_precheck.readers.jsconfig import exported_value, literal
from mp_precheck.readers.lifecycle import LOGIN_TARGET, names_login
from mp_precheck.readers.syntax import language_for, nodes_of, object_property, parse, string_value

PACKAGE = "mpvue-entry"
DEFAULT_MODULE = "src/pages.js"
# The role of an ``app.json:entry-login:*`` fact read from a file shaped like a routes module: it counts only in
# the project whose routes module that file is (facts/scope.py), as any script may export such an array.
ROUTES_ROLE = "mpvue-entry-routes"
_SCRIPTS = (".js", ".ts", ".cjs", ".mjs")
_EXPORTS = ("module.exports", "export default", "exports.default")
# A routes module is a hand-written list (300 routes with their page configs are ~60 kB): a larger script is a
# bundle or a library, not worth a second parse for this fact.
_MAX_ROUTES_CHARS = 200_000


class Route(Struct, frozen=True):
    """One page of a routes module: its ``page`` route, the 1-based ``line`` of its path and, for a subpackage
    page, the subpackage ``root`` (None in the main package)."""

    page: str
    line: int
    root: str | None


def routes(source: str, path: str) -> list[Route] | None:
    """The routes of a module that exports an array of them (or an object whose ``pages`` is one), in order;
    None when it exports no such array: an empty one, or one holding anything but route strings and objects
    with a string ``path`` (a spread, a variable) whose order cannot be known."""
    exported = exported_value(source, path)
    if exported is not None and exported.type == "object":
        exported = object_property(exported, "pages")
    if exported is None or exported.type != "array":
        return None
    found = []
    for element in exported.named_children:
        if element.type == "comment":
            continue
        route = _route(element)
        if route is None:
            return None
        found.append(route)
    return found or None


def _route(node: Node) -> Route | None:
    """A route entry: a path string, or an object with a string ``path`` (``route``, ``subPackage``, ``root``)."""
    if node.type in ("string", "template_string"):
        text = literal(node)  # None for a template with a ${…} in it: that page is not known
        return Route(_page(text, None), node.start_point[0] + 1, None) if isinstance(text, str) and \
            text.strip("/") else None
    path_node = object_property(node, "path")
    data = literal(node) if path_node is not None else None
    if not isinstance(data, dict) or not isinstance(data.get("path"), str) or not data["path"].strip("/"):
        return None
    page = _page(data["path"], data.get("route"))
    root = data.get("root")
    root = root.strip("/") if isinstance(root, str) and root.strip("/") else None
    if root is None and data.get("subPackage") is True:
        root = page.split("/", 1)[0]  # the plugin's default root: the page's first folder
    return Route(page, path_node.start_point[0] + 1 if path_node is not None else 1, root)


def _page(path: str, route: Any) -> str:
    """The page route of an entry: its ``route`` when set, else its path without a ``.vue`` suffix."""
    if isinstance(route, str) and route.strip("/"):
        return route.strip("/")
    page = path.strip().lstrip("/")
    return page[:-len(".vue")] if page.endswith(".vue") else page


def routes_config(source: str, path: str) -> dict[str, Any] | None:
    """The app.json keys a routes module gives (``pages`` and ``subPackages``, as the plugin writes them into
    the built ``app.json``), or None when ``source`` exports no routes."""
    found = routes(source, path)
    if not found:
        return None
    packages: dict[str, list[str]] = {}
    for route in found:
        if route.root is not None:
            prefix = route.root + "/"
            packages.setdefault(route.root, []).append(route.page.removeprefix(prefix))
    return {"pages": [route.page for route in found if route.root is None],
            "subPackages": [{"root": root, "pages": pages} for root, pages in packages.items()]}


def entry_login_facts(source: str, path: str) -> list[Fact]:
    """``app.json:entry-login:<page>`` (role :data:`ROUTES_ROLE`) at the line of the first main-package route
    when a routes module makes a login or authorization page the first page (Doc:
    https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#pages, the first of
    ``pages`` is the home page); [] otherwise."""
    if len(source) > _MAX_ROUTES_CHARS or not any(word in source for word in _EXPORTS) \
            or not names_login(source):
        return []  # too large for a routes module, nothing exported, or no page is a login page: no parse
    first = next((route for route in routes(source, path) or () if route.root is None), None)
    if first is None or not LOGIN_TARGET.search(page_name(first.page)):
        return []
    return [Fact(app_config("entry-login", first.page), "config", first.line, first.page, role=ROUTES_ROLE)]


def depends_on_plugin(manifest: Any) -> bool:
    """Whether a parsed ``package.json`` lists ``mpvue-entry`` among its dependencies or devDependencies."""
    return isinstance(manifest, dict) and any(
        isinstance(manifest.get(key), dict) and PACKAGE in manifest[key] for key in ("dependencies", "devDependencies"))


def routes_module(folder: str, files: set[str], read_text: Callable[[str], str | None]) -> str | None:
    """The routes module of the app whose ``package.json`` is in ``folder``: the script the webpack config
    (``webpack*.js`` in the folder, its ``build/`` or ``config/``) passes to ``getEntry``, else
    ``src/pages.js``; None when that file is not in ``files`` or is no script (mpvue-entry 2 also takes an
    ``app.json``, which discovery reads as the app config)."""
    named: str | None = None
    for config in _webpack_configs(folder, files):
        text = read_text(config)
        if text and "getEntry" in text:
            named = _entry_argument(text, config, folder, files)
            if named is not None:
                break
    module = named or _join(folder, DEFAULT_MODULE)
    return module if module in files and module.endswith(_SCRIPTS) else None


def _webpack_configs(folder: str, files: Iterable[str]) -> list[str]:
    places = {folder, _join(folder, "build"), _join(folder, "config")}
    return sorted(path for path in files if posixpath.dirname(path) in places and path.endswith(".js")
                  and "webpack" in posixpath.basename(path).lower())


def _entry_argument(text: str, config: str, folder: str, files: set[str]) -> str | None:
    """The file a ``….getEntry(…)`` call in the webpack config ``config`` names, resolved from the project
    ``folder`` (where the build runs) or else from the config's own folder (``path.resolve(__dirname, …)``);
    the first of these in ``files``. A call without argument names none."""
    language = language_for(config)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    for call in nodes_of(root, language, ("call_expression",)):
        function = call.child_by_field_name("function")
        prop = function.child_by_field_name("property") if function is not None else None
        if function is None or function.type != "member_expression" or prop is None or prop.text != b"getEntry":
            continue
        args = call.child_by_field_name("arguments")
        first = args.named_children[0] if args is not None and args.named_children else None
        if first is not None and first.type == "object":
            first = object_property(first, "pages") or object_property(first, "config")
        relative = _path_text(first) if first is not None else None
        if relative:
            candidates = (_join(folder, relative), _join(posixpath.dirname(config), relative))
            return next((c for c in candidates if c in files), candidates[0])
    return None


def _path_text(node: Node) -> str | None:
    """A path literal, or the string arguments of a path helper call joined (``resolve('src/pages.js')``,
    ``path.resolve(__dirname, '../src/pages.js')``)."""
    text = string_value(node)
    if text is not None or node.type != "call_expression":
        return text
    args = node.child_by_field_name("arguments")
    parts = [string_value(arg) for arg in (args.named_children if args is not None else [])
             if arg.type in ("string", "template_string")]
    return "/".join(part for part in parts if part) or None


def _join(folder: str, rel: str) -> str:
    joined = posixpath.normpath(posixpath.join(folder, rel))
    return "" if joined == "." else joined.lstrip("/")
