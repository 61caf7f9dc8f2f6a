"""The lifecycle hooks a framework runs before the user touches anything: one table, per framework.

A hook of this table runs as the app launches or a page or component opens, with no tap in between: what it
does (a redirect to login, a profile prompt, a login overlay it raises, a subscription prompt) is done to every
user who opens it. Every reader that asks "does this run on open?" derives its set from :data:`TABLE`:

- :data:`OPENING`: the names a hook is written under as a member (``onLoad() {…}``, ``created() {…}``), any
  instance: the forced-login scanner (``readers/lifecycle.py``), the overlays a hook raises
  (``readers/authoverlay.py``), subscription prompts outside a tap (``readers/scriptchecks.py``), a page's load
  hooks into other modules (``readers/modulereach.py``), a login page's silent pass-through
  (``readers/passthrough.py``), a read made before any tap (``core/spelling.py``);
- :data:`LAUNCH`: those that run as the app itself launches (the App's hooks: ``analyzers/launch_auth_page.py``,
  ``readers/launchcalls.py``);
- :data:`REGISTERED`: a hook written as a call that registers a function (``onLoad(() => …)``,
  ``useDidShow(…)``, ``useEffect(…)``) → the member hook it stands for, read by
  :func:`~mp_precheck.readers.lifecycle.definitions` and :func:`registered_bodies`;
- :func:`opening_bodies`: a file's hook bodies of the table, every registration of one (each mount effect).

A component's page-lifetime hooks (``pageLifetimes: { show() {…} }``) are named ``pageLifetimes.<name>``: a bare
``show`` is as often a method a tap calls. Hooks that run on a later event (``onHide``, ``onPullDownRefresh``,
``onShareAppMessage``, ``beforeUpdate``, ``componentDidUpdate``) are not in the table.

Sources: https://developers.weixin.qq.com/miniprogram/dev/reference/api/App.html,
https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html,
https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/lifetimes.html,
https://v2.vuejs.org/v2/api/#Options-Lifecycle-Hooks, https://vuejs.org/api/composition-api-lifecycle.html,
https://uniapp.dcloud.net.cn/tutorial/page.html#lifecycle, https://uniapp.dcloud.net.cn/tutorial/vue3-composition-api.html,
https://docs.taro.zone/docs/react-page, https://docs.taro.zone/docs/react-entry, https://docs.taro.zone/docs/hooks,
https://react.dev/reference/react/useEffect, https://mpxjs.cn/guide/composition-api/composition-api.html,
https://wepyjs.github.io/wepy-docs/1.x/ and https://wepyjs.github.io/wepy-docs/2.x/.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal

from msgspec import Struct
from tree_sitter import Node

from mp_precheck.readers.syntax import node_text

Instance = Literal["app", "page", "component"]


class Hook(Struct, frozen=True):
    """One hook that runs before any tap: its ``name`` as written, the ``frameworks`` that call it, the
    instances it runs on, for a hook written as a call (``registered``) the member hook it ``means``, and for an
    effect whether it counts only as the mount effect (``mount_only``: no dependency list, or ``[]``)."""

    name: str
    frameworks: tuple[str, ...]
    runs_on: tuple[Instance, ...]
    registered: bool = False
    means: str = ""
    mount_only: bool = False


_ALL: tuple[Instance, ...] = ("app", "page", "component")
_VIEWS: tuple[Instance, ...] = ("page", "component")
_VUE = ("mpvue", "uni-app", "taro-vue", "mpx", "wepy2", "kbone")

TABLE: tuple[Hook, ...] = (
    # WeChat's own App, Page and Component (mpx and WePY keep the same names; uni-app, mpvue and Taro's Vue
    # pages take the page hooks too)
    Hook("onLaunch", ("native", "uni-app", "mpvue", "taro-vue", "mpx", "wepy"), ("app",)),
    Hook("onShow", ("native", "uni-app", "mpvue", "taro-vue", "mpx", "wepy"), _ALL),
    Hook("onLoad", ("native", "uni-app", "mpvue", "taro", "taro-vue", "mpx", "wepy"), _VIEWS),
    Hook("onReady", ("native", "uni-app", "mpvue", "taro", "taro-vue", "mpx", "wepy"), _VIEWS),
    Hook("created", ("native", "mpx", "wepy2"), ("component",)),
    Hook("attached", ("native", "mpx", "wepy2"), ("component",)),
    Hook("ready", ("native", "mpx", "wepy2"), ("component",)),
    Hook("pageLifetimes.show", ("native", "mpx"), ("component",)),
    # Vue's instance, on the app (mpvue, Taro's Vue entry), a page or a component
    Hook("beforeCreate", _VUE, _ALL),
    Hook("created", _VUE, _ALL),
    Hook("beforeMount", _VUE, _ALL),
    Hook("mounted", _VUE, _ALL),
    Hook("setup", ("uni-app", "taro-vue", "mpx"), _ALL),
    # hooks registered by a call in setup (Vue 3; uni-app's and mpx's page hooks; uni-app x's onPageShow)
    Hook("onBeforeMount", ("uni-app", "taro-vue", "mpx"), _ALL, registered=True, means="beforeMount"),
    Hook("onMounted", ("uni-app", "taro-vue", "mpx"), _ALL, registered=True, means="mounted"),
    Hook("onLaunch", ("uni-app",), ("app",), registered=True, means="onLaunch"),
    Hook("onShow", ("uni-app", "mpx"), _ALL, registered=True, means="onShow"),
    Hook("onLoad", ("uni-app", "mpx"), _VIEWS, registered=True, means="onLoad"),
    Hook("onReady", ("uni-app", "mpx"), _VIEWS, registered=True, means="onReady"),
    Hook("onPageShow", ("uni-app-x",), ("component",), registered=True, means="onShow"),
    # Taro's React classes: the App's and a page's
    Hook("componentWillMount", ("taro",), _ALL),
    Hook("componentDidMount", ("taro",), _ALL),
    Hook("componentDidShow", ("taro",), _ALL),
    # Taro's hooks, and React's mount effects: ``useEffect(fn, [])`` is a class's componentDidMount. An effect
    # with dependencies runs again as they change, its work tied to that state (data loaded, a flag a tap set).
    Hook("useLaunch", ("taro",), ("app",), registered=True, means="onLaunch"),
    Hook("useLoad", ("taro",), ("page",), registered=True, means="onLoad"),
    Hook("useDidShow", ("taro",), _ALL, registered=True, means="componentDidShow"),
    Hook("useReady", ("taro",), _VIEWS, registered=True, means="onReady"),
    Hook("useEffect", ("taro", "remax"), _ALL, registered=True, means="useEffect", mount_only=True),
    Hook("useLayoutEffect", ("taro", "remax"), _ALL, registered=True, means="useLayoutEffect", mount_only=True),
)

# The names a member hook is written under, and what a registered one stands for: what definitions() keys.
OPENING = frozenset({h.name for h in TABLE if not h.registered} | {h.means for h in TABLE if h.registered})
LAUNCH = frozenset({h.name for h in TABLE if not h.registered and "app" in h.runs_on} |
                   {h.means for h in TABLE if h.registered and "app" in h.runs_on})
REGISTERED = {h.name: h.means for h in TABLE if h.registered}
_MOUNT_ONLY = frozenset(h.name for h in TABLE if h.mount_only)
PAGE_LIFETIMES = "pageLifetimes"
_FUNCTIONS = ("function_expression", "function", "arrow_function", "generator_function")


def registered_hook(call: Node) -> tuple[str, Node] | None:
    """(the hook it stands for, the body) of a call registering one (``onLoad(() => {…})``,
    ``useEffect(function () {…}, [])``: :data:`REGISTERED`; an effect with dependencies is none), else None."""
    fn = call.child_by_field_name("function")
    hook = REGISTERED.get(node_text(fn)) if fn is not None and fn.type == "identifier" else None
    args = call.child_by_field_name("arguments") if hook else None
    if args is not None and node_text(fn) in _MOUNT_ONLY and len(args.named_children) > 1 and \
            (args.named_children[1].type != "array" or args.named_children[1].named_children):
        return None
    first = args.named_children[0] if args is not None and args.named_children else None
    body = first.child_by_field_name("body") if first is not None and first.type in _FUNCTIONS else None
    return (str(hook), body) if body is not None else None


def registered_bodies(nodes: Iterable[Node]) -> Iterator[tuple[str, Node]]:
    """(hook, body) of every registering call among ``nodes``, in their order: a function component may register
    an effect many times (``useEffect`` per concern), each of which runs as it mounts."""
    for node in nodes:
        if node.type == "call_expression":
            found = registered_hook(node)
            if found is not None:
                yield found


def member_name(node: Node, name: str) -> str:
    """The name a function defined by ``node`` (a method or a pair) under ``name`` is known by: ``name``, or
    ``pageLifetimes.show`` for a member of a component's ``pageLifetimes`` (a hook the page's showing runs, not
    the ``show`` method a tap calls)."""
    owner = node.parent.parent if name and node.parent is not None and node.parent.type == "object" else None
    key = owner.child_by_field_name("key") if owner is not None and owner.type == "pair" else None
    return f"{PAGE_LIFETIMES}.{name}" if key is not None and node_text(key).strip("'\"") == PAGE_LIFETIMES else name


def opening_bodies(nodes: Iterable[Node], defs: dict[str, Node]) -> list[tuple[str, Node]]:
    """(hook, body) of each hook among a file's ``nodes`` (``defs``: their
    :func:`~mp_precheck.readers.lifecycle.definitions`) that runs before the user touches anything
    (:data:`OPENING`), by name, then every further registration of one (a second ``useEffect(…)``), each body
    once."""
    found = [(hook, defs[hook]) for hook in sorted(OPENING & set(defs))]
    seen = {body.id for _hook, body in found}
    for hook, body in registered_bodies(nodes):
        if body.id not in seen:
            seen.add(body.id)
            found.append((hook, body))
    return found


_APP_FILES = ("app.js", "app.ts", "app.jsx", "app.tsx", "app.vue", "app.wpy", "app.mpx", "app.uvue")


def is_app_script(path: str) -> bool:
    """The app entry file, where the App's launch hooks (:data:`LAUNCH`) live; a .vue path arrives as
    ``App.vue.js``."""
    name = path.rsplit("/", 1)[-1].lower()
    return name in _APP_FILES or any(name == f + suffix for f in _APP_FILES for suffix in (".js", ".ts"))
