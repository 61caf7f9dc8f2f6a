"""What the names of a JS/TS file stand for: the ``wx`` namespace and its framework aliases (``uni``, ``Taro``,
``mpvue``, ``wepy.wx``, a default import of ``@tarojs/taro``, wevu's ``wpi``; what a getter of the file hands
back: ``const rt = getRuntime()``, readers/namespacegetters.py), ``wx.cloud`` bound to a name
(``uniCloud``, ``import { cloud } from '@tarojs/taro'``, ``const { cloud } = Taro``), single APIs bound to a name
(``const { getLocation } = wx``), objects a ``wx`` factory returned (``wx.getRecorderManager()``, or a function
of the file handing one back: readers/factorygetters.py), project modules imported or required, upload SDK
clients, plugins (``requirePlugin``) and the objects their factories hand back (``checks/plugin_apis.yml``), the
App instance (``const app = getApp()``) and the functions a hook library's hook hands back
(``const [, { getUserProfile }] = useUserInfo()`` from taro-hooks, ``checks/hook_libraries.yml``).

In: a file's nodes of :data:`ALIAS_TYPES` in source order (other nodes are skipped). Out: the tables of
:class:`Bindings`, and ``resolve(node)``: the ``wx.X`` API an expression refers to, or None
(``indexed_namespace(node)``: the variable and the namespace of ``wx[name]``).
"""

from __future__ import annotations

from msgspec.structs import replace
from tree_sitter import Node

from mp_precheck.core.subject import FACTORIES
from mp_precheck.core.thirdparty import PluginApi, UploadSdk, third_party
from mp_precheck.facts.model import Fact
from mp_precheck.readers.cloudextend import extension_owner
from mp_precheck.readers.factorygetters import FactoryGetters
from mp_precheck.readers.forwarding import filled_object, forwarded_namespace
from mp_precheck.readers.instances import TYPED_TYPES, Factories, Made, constructed, declared, instance_call
from mp_precheck.readers.markup import required_plugin
from mp_precheck.readers.namespacegetters import calls_getter, namespace_getters
from mp_precheck.readers.specifiers import imported_names, is_alias_candidate, is_project_spec, required_names
from mp_precheck.readers.syntax import first_string
from mp_precheck.readers.syntax import node_text as _text
from mp_precheck.readers.syntax import string_value as _string_value
from mp_precheck.readers.syntax import walk as _walk

# The API namespaces that run on WeChat: wx, uni-app's uni, Taro's, mpx's and WePY's proxies, and mpvue 2's global
# ``mpvue`` (the platform's API object, wx on a WeChat build: https://github.com/mpvue/webpack-mpvue-vendor-plugin).
# QQ's ``qq`` and the other platforms' namespaces are no WeChat API.
NAMESPACES = frozenset({"wx", "uni", "Taro", "taro", "mpx", "wepy", "mpvue"})
CLOUD_NAMESPACES = frozenset({"uniCloud"})  # uni-app's wx.cloud: https://doc.dcloud.net.cn/uniCloud/storage/dev.html
# Modules whose default export is the API namespace, and whose named exports are wx APIs.
NAMESPACE_MODULES = frozenset({"@tarojs/taro", "remax/wechat", "@remax/wechat", "@mpxjs/core", "wepy",
                               "@wepy/core", "@tarojs/taro-weapp"})
NAMESPACE_EXPORTS = {"wevu/api": "wpi"}  # named exports that are the namespace: wevu's promisified wx

# Expressions that evaluate to what they hold: ``(wx)``, and TypeScript's ``wx as any``, ``wx!``, ``wx satisfies T``.
_WRAPPING = ("parenthesized_expression", "as_expression", "non_null_expression", "satisfies_expression")

GET_APP = "getApp()"  # the module specifier of calls through the App instance
VUE_INSTANCE = "this.$"  # the module specifier of calls through a Vue instance property (``this.$api.x()``)
VUE_ENTRIES = ("main.js", "main.ts")  # where a Vue app sets its instance properties


def is_get_app(node: Node | None) -> bool:
    """``getApp()`` (TypeScript's ``getApp<IAppOption>()`` too)."""
    return node is not None and node.type == "call_expression" and \
        _text(node.child_by_field_name("function")) == "getApp"


# The node types collect_aliases reads.
ALIAS_TYPES = frozenset({"import_statement", "variable_declarator", "assignment_expression", "pair",
                         "field_definition", "public_field_definition", *TYPED_TYPES})


class Bindings:
    """The names of one file and what each stands for, filled by :meth:`collect_aliases`."""

    def __init__(self) -> None:
        self.namespaces: set[str] = set(NAMESPACES)
        self.cloud_namespaces: set[str] = set(CLOUD_NAMESPACES)  # and what is bound to it: Taro's { cloud }
        self.api_aliases: dict[str, str] = {}  # identifier -> "wx.X"
        self.typed: dict[str, str] = {}  # expression text -> factory type
        self.module_aliases: dict[str, str] = {}  # identifier -> module specifier (import x from './m')
        self.named_imports: dict[str, tuple[str, str]] = {}  # identifier -> (specifier, exported name)
        self.scoped: dict[str, tuple[str, str]] = {}  # the same of an alias or a package (readers/specifiers.py)
        self.sdks: dict[str, list[UploadSdk]] = {}  # binding or instance -> upload SDKs it may be
        self.sdk_specs: dict[str, str] = {}  # binding -> the SDK module it was imported or required from
        self.app_aliases: set[str] = set()  # names bound to getApp()
        self.app_member_aliases: dict[str, str] = {}  # const apis = app.apis: name -> member of the App object
        self.plugins: dict[str, str] = {}  # const live = requirePlugin('live-player-plugin'): name -> plugin
        self.hooks: dict[str, dict[str, str]] = {}  # imported hook -> {returned function -> "wx.X"}
        self.plugin_objects: dict[str, PluginApi] = {}  # expression text -> the plugin object it holds
        self.forwarders: dict[str, str] = {}  # a promisified wx (readers/forwarding.py): name -> namespace
        self.instances: dict[str, Made] = {}  # api / this.api -> the project class it holds (readers/instances.py)
        self.getters: frozenset[str] = frozenset()  # functions handing back wx (readers/namespacegetters.py)
        self.factory_getters = FactoryGetters((), self._factory_type, self.typed)  # … a factory's object, alike

    # -- pass 1: aliases --------------------------------------------------------------------------
    def collect_aliases(self, nodes: list[Node], made: Factories) -> None:
        self.getters = namespace_getters(nodes, lambda node: self._namespace_of(node) == "wx", self.namespaces)
        self.factory_getters = FactoryGetters(nodes, self._factory_type, self.typed)
        for node in nodes:
            if node.type in ("assignment_expression", "call_expression") and \
                    (filled := filled_object(node, self._namespace_of)) is not None:
                self._forwarder(*filled)  # wxp[key] = promisify(wx[key]), promisifyAll(wx, wxp)
                continue
            if node.type not in ALIAS_TYPES:
                continue
            if node.type not in ("import_statement", "assignment_expression") and \
                    (held := declared(node, self.module_aliases, self.named_imports, made)) is not None:
                self.instances[held[0]] = held[1]  # const api = new ReplyClient(), constructor(private api: Api)
            if node.type == "import_statement":
                self._import(node)
            elif node.type == "variable_declarator":
                self._declarator(node.child_by_field_name("name"), node.child_by_field_name("value"))
            elif node.type == "assignment_expression":
                left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
                factory = self._factory_type(right)
                if left is not None and left.type == "identifier" and self._namespace_of(right) == "wx":
                    self.namespaces.add(_text(left))  # minified SDKs: var t; … e=wx,t=e; … t.getLocation(…)
                elif left is not None and factory:
                    self.typed[_text(left)] = factory
                elif left is not None and (plugin := self.plugin_object(right)) is not None:
                    self.plugin_objects[_text(left)] = plugin  # this.manager = plugin.getRecordRecognitionManager()
                elif left is not None and right is not None and (sdks := self._constructed(right)):
                    self.sdks[_text(left)] = sdks  # this.cos = new COS({...})
                elif left is not None and (of := constructed(right, self.module_aliases, self.named_imports, made)):
                    self.instances[_text(left)] = of  # this.api = new ReplyClient(http), = createClient()
            elif node.type in ("pair", "field_definition", "public_field_definition"):
                self._stored_factory(node)

    def _stored_factory(self, node: Node) -> None:
        """A factory's object kept as a component field: ``data() { return { rec: uni.getRecorderManager() } }``
        or a class field ``rec = Taro.getRecorderManager()``, later used as ``this.rec`` / ``this.data.rec``; an
        SDK client a class field makes (``api: Fly = new Fly()``), used as ``this.api``."""
        key = next((k for f in ("key", "property", "name") if (k := node.child_by_field_name(f)) is not None), None)
        value = node.child_by_field_name("value")
        factory, plugin = self._factory_type(value), self.plugin_object(value)
        sdks = self._constructed(value) if value is not None and node.type != "pair" else []
        if key is None or (factory is None and plugin is None and not sdks):
            return
        name = _string_value(key) if key.type == "string" else _text(key)
        if name and factory is not None:
            self.typed[f"this.{name}"] = self.typed[f"this.data.{name}"] = factory
        elif name and plugin is not None:
            self.plugin_objects[f"this.{name}"] = self.plugin_objects[f"this.data.{name}"] = plugin
        elif name:
            self.sdks[f"this.{name}"] = sdks

    def passed_names(self) -> dict[str, tuple[str, str]]:
        """The names a module may export again: its named imports, and the names bound to an instance of an
        imported class (``const api = new Api()``: the class, ``default`` for a default import)."""
        held = {name: (spec, prefix or "default") for name, (spec, prefix) in self.instances.items() if "." not in name}
        return held | self.named_imports

    def held_call(self, callee: Node) -> tuple[str, str] | None:
        """(module specifier, exported name) of a method called on an instance of a project class (``api.add``,
        ``new ReplyClient(http).create``: :func:`~mp_precheck.readers.instances.instance_call`), else None."""
        return instance_call(callee, self.instances, self.module_aliases, self.named_imports)

    def _import(self, node: Node) -> None:
        source = node.child_by_field_name("source")
        spec = _string_value(source) if source is not None else None
        if spec is None:
            return
        clause = next((c for c in node.children if c.type == "import_clause"), None)
        if clause is None:
            return
        if is_alias_candidate(spec) and spec not in NAMESPACE_MODULES | NAMESPACE_EXPORTS.keys():
            self.scoped.update(imported_names(clause, spec))
        for bound in _walk(clause):
            if bound.type == "identifier":
                self._sdk_binding(_text(bound), spec)
        for child in clause.children:
            if child.type == "identifier":  # default import
                if spec in NAMESPACE_MODULES:
                    self.namespaces.add(_text(child))
                elif is_project_spec(spec):
                    self.module_aliases[_text(child)] = spec
            elif child.type == "namespace_import":
                ident = next((c for c in child.children if c.type == "identifier"), None)
                if ident is not None:
                    if spec in NAMESPACE_MODULES:
                        self.namespaces.add(_text(ident))
                    elif is_project_spec(spec):
                        self.module_aliases[_text(ident)] = spec
            elif child.type == "named_imports":
                for item in child.children:
                    if item.type != "import_specifier":
                        continue
                    name = _text(item.child_by_field_name("name"))
                    alias = _text(item.child_by_field_name("alias")) or name
                    if NAMESPACE_EXPORTS.get(spec) == name:
                        self.namespaces.add(alias)
                    elif spec in NAMESPACE_MODULES:
                        if name == "cloud":
                            self.cloud_namespaces.add(alias)
                        elif name and name[0].islower():
                            self.api_aliases[alias] = f"wx.{name}"
                    elif name in (hooks := third_party().hooks_of(spec)):
                        self.hooks[alias] = hooks[name]
                    elif is_project_spec(spec):
                        self.named_imports[alias] = (spec, name)

    def _declarator(self, name: Node | None, value: Node | None) -> None:
        if name is None or value is None:
            return
        if (spec := self._require_spec(value)) and is_alias_candidate(spec) and spec not in NAMESPACE_MODULES:
            self.scoped.update(required_names(name, spec))
        if name.type == "identifier" and is_get_app(value):
            self.app_aliases.add(_text(name))
        elif name.type == "identifier":
            if (value.type == "identifier" and _text(value) in self.namespaces) or self._namespace_of(value) == "wx":
                self.namespaces.add(_text(name))
            elif self._namespace_of(value) == "wx.cloud":  # const cloud = Taro.cloud
                self.cloud_namespaces.add(_text(name))
            elif (api := self._resolve(value)) is not None:
                self.api_aliases[_text(name)] = api
            elif (space := forwarded_namespace(value, self._namespace_of)) is not None:
                self._forwarder(_text(name), space)  # const $wx = new Proxy(wx, {...})
            elif (factory := self._factory_type(value)) is not None:
                self.typed[_text(name)] = factory
            elif sdks := self._constructed(value):
                self.sdks[_text(name)] = sdks  # const cos = new COS({...})
            elif _is_require_plugin(value):  # const live = requirePlugin('live-player-plugin')
                self.plugins[_text(name)] = required_plugin(first_string(value) or "")
            elif (plugin := self.plugin_object(value)) is not None:
                self.plugin_objects[_text(name)] = plugin
            elif (spec := self._require_spec(value)) is not None:
                self._sdk_binding(_text(name), spec)
                if spec in NAMESPACE_MODULES:
                    self.namespaces.add(_text(name))
                elif is_project_spec(spec):
                    self.module_aliases[_text(name)] = spec
            elif (member := self._app_member_of(value)) is not None:
                self.app_member_aliases[_text(name)] = member  # its methods are the App member's
        elif name.type in ("array_pattern", "object_pattern") and value.type == "call_expression" and \
                (returned := self.hooks.get(_text(value.child_by_field_name("function")))):
            self._hook_functions(name, returned)
        elif name.type == "object_pattern":
            source_ns = self._namespace_of(value)
            spec = self._require_spec(value)
            for item in name.children:
                if item.type == "shorthand_property_identifier_pattern":
                    key = alias = _text(item)
                elif item.type == "pair_pattern":
                    key = _text(item.child_by_field_name("key"))
                    alias = _text(item.child_by_field_name("value"))
                else:
                    continue
                if source_ns == "wx" and key == "cloud":  # const { cloud } = Taro
                    self.cloud_namespaces.add(alias)
                elif source_ns is not None:
                    self.api_aliases[alias] = f"{source_ns}.{key}"
                elif spec is not None and is_project_spec(spec):
                    self.named_imports[alias] = (spec, key)

    def _forwarder(self, name: str, space: str) -> None:
        """``name`` holds an object that hands its members on to ``space`` (``wx``): a namespace of this file."""
        self.forwarders[name] = space
        (self.namespaces if space == "wx" else self.cloud_namespaces).add(name)

    def _app_member_of(self, value: Node) -> str | None:
        """``app.apis`` / ``getApp().apis`` (a member of the App object,
        https://developers.weixin.qq.com/miniprogram/dev/reference/api/getApp.html): the member's name."""
        if value.type != "member_expression" or (obj := value.child_by_field_name("object")) is None:
            return None
        if (obj.type == "identifier" and _text(obj) in self.app_aliases) or is_get_app(obj):
            return _text(value.child_by_field_name("property"))
        return None

    def app_member(self, obj: Node | None) -> str | None:
        """``APP`` / ``getApp()`` (the App object: "") or ``APP.HTTP`` (one of its members: "HTTP")."""
        if obj is None:
            return None
        if obj.type == "identifier" and _text(obj) in self.app_member_aliases:  # const apis = app.apis
            return self.app_member_aliases[_text(obj)]
        if (obj.type == "identifier" and _text(obj) in self.app_aliases) or is_get_app(obj):
            return ""
        if obj.type == "member_expression":
            inner = obj.child_by_field_name("object")
            if inner is not None and ((inner.type == "identifier" and _text(inner) in self.app_aliases)
                                      or is_get_app(inner)):
                return _text(obj.child_by_field_name("property"))
        return None

    def _hook_functions(self, pattern: Node, returned: dict[str, str]) -> None:
        """``const [info, { getUserProfile: ask }] = useUserInfo()``: each destructured function the hook
        hands back (at any depth of the pattern) is bound to the API it calls."""
        for item in _walk(pattern):
            if item.type == "shorthand_property_identifier_pattern":
                key = alias = _text(item)
            elif item.type == "pair_pattern":
                key, alias = _text(item.child_by_field_name("key")), _text(item.child_by_field_name("value"))
            else:
                continue
            if key in returned:
                self.api_aliases[alias] = returned[key]

    def _constructed(self, value: Node) -> list[UploadSdk]:
        """The SDKs a ``new`` expression makes an instance of: ``new COS(…)`` of a bound SDK, or
        ``new amapFile.AMapWX(…)`` of a class on a required SDK module — for an SDK whose calls belong to some
        of its classes, only ``new AV.File(…)`` of one of them (the instance then makes them) — or whose
        factory a call is (``createClient(url, key)`` imported from Supabase's SDK: the client it hands back)."""
        if value.type == "call_expression" and (fn := value.child_by_field_name("function")) is not None:
            called = _text(fn.child_by_field_name("property") if fn.type == "member_expression" else fn)
            held = _text(fn.child_by_field_name("object")) if fn.type == "member_expression" else called
            return [s for s in self.sdks.get(held, []) if called in s.factories]
        if value.type != "new_expression" or (constructor := value.child_by_field_name("constructor")) is None:
            return []
        if constructor.type == "member_expression":
            made = _text(constructor.child_by_field_name("property"))
            return [replace(s, classes=()) for s in self.sdks.get(_text(constructor.child_by_field_name("object")), [])
                    if not s.classes or made in s.classes]
        return [s for s in self.sdks.get(_text(constructor), []) if not s.classes]

    def _sdk_binding(self, name: str, spec: str) -> None:
        """``name`` imported or required from ``spec``: an upload SDK by its binding name or its module."""
        found = [s for s in (third_party().sdk_of_name(name), third_party().sdk_of_module(spec)) if s is not None]
        if found:
            self.sdks[name] = found
        if third_party().sdk_of_module(spec) is not None:  # installed as a global property, read elsewhere
            self.sdk_specs[name] = spec

    def sdk_method_value(self, node: Node, line: int) -> list[Fact]:
        """``promisify(instance.reverseGeocoder)``: an SDK method handed to a wrapper is a use, as ``wx.X`` is."""
        if node.type != "member_expression" or node.parent is None or node.parent.type != "arguments":
            return []
        held, method = _text(node.child_by_field_name("object")), _text(node.child_by_field_name("property"))
        sdk = next((s for s in self.sdks.get(held, ()) if s.makes(method)), None)
        return [Fact(sdk.subject, "api", line, f"{held}.{method} ({sdk.sdk})")] if sdk else []

    def chained_call(self, fn: Node, line: int) -> Fact | tuple[str, str, int] | None:
        """A call through a client's members and calls (``supabase.storage.from(bucket).upload(…)``, ``fn`` its
        callee): the SDK's fact when a name of this file holds the client and the path after it is one of its
        methods (``checks/upload_sdks.yml``); an imported call (specifier, ``supabase.storage.from.upload``,
        line) when the first name is a project module's import and the path ends with such a method (the
        module that makes the client exports it, ``readers/sdkexports.py``); else None."""
        path: list[str] = []
        node: Node | None = fn
        while node is not None and node.type in ("member_expression", "call_expression"):
            if node.type == "call_expression":
                node = node.child_by_field_name("function")
                continue
            path.insert(0, _text(node.child_by_field_name("property")))
            node = node.child_by_field_name("object")
            held, method = _text(node), ".".join(path)
            sdk = next((s for s in self.sdks.get(held, ()) if s.makes(method)), None)
            if sdk is not None:
                return Fact(sdk.subject, "api", line, f"{held}.{method} ({sdk.sdk})")
        name = ".".join(path)
        if node is None or node.type != "identifier" or not third_party().chained(name):
            return None
        if (root := _text(node)) in self.named_imports:
            spec, exported = self.named_imports[root]
            return spec, f"{exported}.{name}", line
        return (self.module_aliases[root], name, line) if root in self.module_aliases else None

    def plugin_object(self, node: Node | None) -> PluginApi | None:
        """The plugin object an expression holds: a name bound to one, or a call handing one back
        (``plugin.getRecordRecognitionManager()`` on a name bound to ``requirePlugin(…)``, or on ``requirePlugin(…)``
        itself); else None."""
        if node is not None and (held := self.plugin_objects.get(_text(node))) is not None:
            return held
        fn = node.child_by_field_name("function") if node is not None and node.type == "call_expression" else None
        owner = fn.child_by_field_name("object") if fn is not None and fn.type == "member_expression" else None
        if fn is None or owner is None or not ((owner.type == "identifier" and _text(owner) in self.plugins) or
                                               _is_require_plugin(owner)):
            return None
        return third_party().plugin_factory(_text(fn.child_by_field_name("property")))

    def plugin_use(self, obj: Node | None, method: str, line: int) -> Fact | None:
        """The fact of ``obj.method(…)`` when ``obj`` is a plugin object and ``method`` one that uses its
        capability (``manager.start`` → ``sdk:record``), else None."""
        plugin = self.plugin_object(obj)
        if plugin is None or method not in plugin.methods:
            return None
        return Fact(plugin.subject, "api", line, f"{_text(obj)}.{method} ({plugin.plugin})")

    def _require_spec(self, node: Node) -> str | None:
        if node.type != "call_expression" or _text(node.child_by_field_name("function")) != "require":
            return None
        args = node.child_by_field_name("arguments")
        first = args.named_children[0] if args is not None and args.named_children else None
        return _string_value(first) if first is not None else None

    # -- resolution -------------------------------------------------------------------------------
    def _namespace_of(self, node: Node | None) -> str | None:
        """"wx" or "wx.cloud" when ``node`` evaluates to that namespace object, else None."""
        if node is None:
            return None
        if node.type == "identifier":
            name = _text(node)  # a project module imported as ``uniCloud`` (a mock) is that module
            return "wx" if name in self.namespaces else "wx.cloud" if name in self.cloud_namespaces and \
                name not in self.module_aliases and name not in self.named_imports else None
        if node.type == "member_expression":
            obj = self._namespace_of(node.child_by_field_name("object"))
            prop = _text(node.child_by_field_name("property"))
            if obj == "wx" and prop == "cloud":
                return "wx.cloud"
            if obj == "wx" and prop == "wx":  # wepy.wx
                return "wx"
        if node.type in _WRAPPING and node.named_children:  # (wx), (wx as any): TypeScript's cast is still wx
            return self._namespace_of(node.named_children[0])
        return "wx" if calls_getter(node, self.getters) else None  # const rt = getRuntime()

    def _resolve(self, node: Node | None) -> str | None:
        """``wx.X`` / ``wx.cloud.X`` when ``node`` is a reference to that API, else None."""
        if node is None:
            return None
        if node.type == "member_expression":  # wx.cloud.extend.AI.createModel: the AI extension's (cloudextend.py)
            obj = node.child_by_field_name("object")
            ns = self._namespace_of(obj) or extension_owner(obj, self._namespace_of)
            prop = node.child_by_field_name("property")
            if ns is None or prop is None or prop.type != "property_identifier":
                return None
            return None if (ns, name := _text(prop)) in (("wx", "cloud"), ("wx", "wx")) else f"{ns}.{name}"
        if node.type == "subscript_expression":
            ns = self._namespace_of(node.child_by_field_name("object"))
            index = node.child_by_field_name("index")
            key = _string_value(index) if index is not None else None
            if ns is None or not key or not key.isidentifier():
                return None
            return f"{ns}.{key}"
        return None

    def indexed_namespace(self, node: Node | None) -> tuple[str, str] | None:
        """(variable, namespace) when ``node`` indexes ``wx`` (or ``wx.cloud``) by a variable — ``wx[method]``,
        ``uni[name]``, TypeScript's ``wx[name as keyof Wx]``: ``("method", "wx")`` — so the variable holds
        which API it is (readers/dispatch.py ``named_apis``); else None."""
        index = node.child_by_field_name("index") if node is not None and node.type == "subscript_expression" \
            else None
        while index is not None and index.type in _WRAPPING and index.named_children:
            index = index.named_children[0]
        if node is None or index is None or index.type != "identifier":
            return None
        space = self._namespace_of(node.child_by_field_name("object"))
        return (_text(index), space) if space is not None else None

    def _factory_type(self, node: Node | None) -> str | None:
        """The type of object the expression ``node`` holds when a ``wx`` factory made it: ``wx.getRecorderManager()``,
        also as a fallback or a kept one (``this.rec || uni.getRecorderManager()``, ``rec ?? …``, in parentheses), and
        a name already holding one: ``this.recorder = rec`` after ``const rec = wx.getRecorderManager()``."""
        while node is not None and node.type == "parenthesized_expression" and node.named_children:
            node = node.named_children[0]
        if node is not None and node.type == "binary_expression" and \
                _text(node.child_by_field_name("operator")) in ("||", "??"):
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            return next((t for side in (left, right) if side is not None and (t := self._factory_type(side))), None)
        if node is None or node.type != "call_expression":
            return self.typed.get(_text(node)) if node is not None else None
        fn = node.child_by_field_name("function")
        named = fn is not None and fn.type == "identifier"
        api = self._resolve(fn) or (self.api_aliases.get(_text(fn)) if named else None)
        return FACTORIES.get(api) if api else self.factory_getters.type_of(node)  # getRecorder(): its kept manager


def _is_require_plugin(node: Node) -> bool:
    """``requirePlugin('name')``: a plugin the app declares in app.json ``plugins``."""
    return node.type == "call_expression" and _text(node.child_by_field_name("function")) == "requirePlugin"
