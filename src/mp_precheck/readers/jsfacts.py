"""Facts from JavaScript and TypeScript, parsed with tree-sitter (never regular expressions over code).

What counts as a use of ``wx.X``:

* ``wx.X(...)``, ``wx['X'](...)``, ``wx.X`` passed as a value (``promisify(wx.X)``), ``wx.cloud.X``;
* the same through an alias: ``const w = wx; w.X()``, ``const { X } = wx; X()``, framework namespaces (``uni``,
  ``Taro``, ``mpx``, ``wepy``, ``wepy.wx``) and named imports from ``@tarojs/taro`` or ``remax/wechat``;
* methods of objects a ``wx`` factory returned: ``wx.getRecorderManager().start()`` gives ``RecorderManager.start``,
  a uniCloud cloud object's ``wx.cloud.callFunction`` (readers/cloudobjects.py), a plugin's recorder ``sdk:record``.

Comments and strings never produce API facts; assignments *to* ``wx.X`` (polyfills) are not uses.
"""

from __future__ import annotations

from functools import lru_cache

from msgspec.structs import replace
from tree_sitter import Language, Node

from mp_precheck.core.secrets import may_name_secret
from mp_precheck.core.subject import prefixed
from mp_precheck.facts.model import ACCOUNT, DEVELOPMENT, NETWORK_APIS, SWITCHED_OFF, Export, Fact, FileFacts
from mp_precheck.readers import base64media, codeliterals, multipartbody, nativepay, reexports
from mp_precheck.readers.bound import attribute_urls, in_attribute_value
from mp_precheck.readers.builthosts import built_url
from mp_precheck.readers.callargs import authorize_scope, clipboard_link
from mp_precheck.readers.callcontext import is_feature_test, is_logged, is_property_read, is_type_reference
from mp_precheck.readers.callshape import call_shapes
from mp_precheck.readers.checkuploads import sent_for_check
from mp_precheck.readers.cloudobjects import method_fact
from mp_precheck.readers.connectprops import connected_calls
from mp_precheck.readers.copiedlinks import copied_links
from mp_precheck.readers.devonly import in_dev_branch, is_dev_file
from mp_precheck.readers.dispatch import call_literals
from mp_precheck.readers.flagbranch import switched_off, switches
from mp_precheck.readers.forwarding import forwarding_exports
from mp_precheck.readers.handedupload import UPLOAD_SUBJECT as HANDED_UPLOAD
from mp_precheck.readers.handedupload import calls_handed_upload
from mp_precheck.readers.handedurls import handed_urls
from mp_precheck.readers.heldapis import dropped, held_name
from mp_precheck.readers.imagebases import constant_roles, held_constant
from mp_precheck.readers.imagenames import (
    bare_host_url,
    held_as_api_base,
    held_as_image,
    holder_name,
    names_reading_page,
)
from mp_precheck.readers.imagerefs import image_reference
from mp_precheck.readers.inherited import inherited_call
from mp_precheck.readers.instances import factories, member_call
from mp_precheck.readers.jsbindings import ALIAS_TYPES, GET_APP, VUE_INSTANCE, Bindings
from mp_precheck.readers.jsexports import app_members, prototype_members, wrappers
from mp_precheck.readers.jsxtags import foreign_tags
from mp_precheck.readers.lifecycle import DEFINITION_TYPES, HookScanner, guard_role
from mp_precheck.readers.localcalls import local_uploads
from mp_precheck.readers.markup import bound_choices, element_facts, normalise_attribute, normalise_tag, plugin_appid
from mp_precheck.readers.modelservices import with_model_services
from mp_precheck.readers.modulespecs import NODE_TYPES as MODULE_NODE_TYPES
from mp_precheck.readers.modulespecs import module_specifiers, runs_on_node
from mp_precheck.readers.openinghooks import is_app_script
from mp_precheck.readers.orderpay import not_wechats, paid_subject
from mp_precheck.readers.ownhelpers import with_own_helpers
from mp_precheck.readers.paintviews import painted_picture
from mp_precheck.readers.regiontable import region_role
from mp_precheck.readers.reviewflag import REVIEW_FLAG, is_flag_use, names_review_flag
from mp_precheck.readers.sdkexports import instance_exports, object_exports
from mp_precheck.readers.secretfacts import assigned_secret, literal_secrets
from mp_precheck.readers.socketurl import SocketUrls
from mp_precheck.readers.specifiers import scoped_calls
from mp_precheck.readers.syntax import call_option, compiles_code, language_for, nodes_of, parse
from mp_precheck.readers.syntax import node_text as _text
from mp_precheck.readers.syntax import string_value as _string_value
from mp_precheck.readers.syntax import walk as _walk
from mp_precheck.readers.textplaces import (
    inside_button,
    locale_file,
    message_text,
    prompt_text,
    share_title,
    shown_as_jsx_text,
    ui_label,
    warning_list,
)
from mp_precheck.readers.textsignals import SERVICE_SIGNALS, signals
from mp_precheck.readers.unrequested import unrequested
from mp_precheck.readers.urls import MEDIA_APIS, find_urls, is_wechat_server_api, without_source_comments

# The role of a URL an API is given: a font wx.loadFontFace loads is a download (文件地址需为下载类型:
# https://developers.weixin.qq.com/miniprogram/dev/api/ui/font/wx.loadFontFace.html); a picture shown or saved is media.
_HOST_ROLES = {**NETWORK_APIS, "wx.loadFontFace": "download", "wx.openCustomerServiceChat": ACCOUNT,
               "wx.openOfficialAccountArticle": ACCOUNT}
_ARGUMENT_ROLES = {**_HOST_ROLES, **dict.fromkeys(MEDIA_APIS, "media")}


def js_facts(source: str, path: str = "file.js", line_offset: int = 0) -> FileFacts:
    """Facts of one JS/TS source text. ``line_offset`` is added to lines (a script block inside a .vue). Never
    raises: syntax errors leave tree-sitter's recovered tree, which still yields the valid parts."""
    language = language_for(path)
    root = parse(language, source.encode("utf-8", "surrogatepass")).root_node
    # Names are looked at only for a review switch: a file that spells none anywhere skips its identifiers.
    types = _NODE_TYPES + (_NAME_TYPES if names_review_flag(source) else ())
    found = _Extractor(line_offset, path, language, source).run(root, nodes_of(root, language, types))
    found = copied_links(found, root, language, line_offset) if "etClipboardData" in source else found
    found = nativepay.with_payments(found, source, root, language, line_offset)  # checks/pay_channels.yml
    found = with_model_services(found, (source, root, language, path, line_offset))  # checks/model_services.yml
    return with_own_helpers(found, root, language, line_offset, classes="extends" in source)


# The node types the passes below look at; tree-sitter's query engine collects them in one pass over the tree.
_NAME_TYPES = ("property_identifier", "identifier", "shorthand_property_identifier")
_NODE_TYPES = (*ALIAS_TYPES, *DEFINITION_TYPES, "member_expression", "subscript_expression", "call_expression",
               "string", "template_string", "jsx_opening_element", "jsx_self_closing_element", "jsx_text",
               "method_definition", "new_expression", *MODULE_NODE_TYPES)

# Page hooks that make a page shareable (the "转发" menu, Moments) and Taro's hook forms.
SHARE_HOOKS = frozenset({"onShareAppMessage", "onShareTimeline", "useShareAppMessage", "useShareTimeline"})


@lru_cache(maxsize=8192)  # the same literals recur through a file and an app (~11,000 asks, ~4,000 texts)
def _signals(text: str, title: bool, label: bool, script: bool, share: bool, prompt: bool) -> tuple[str, ...]:
    """:func:`signals` of one text, remembered."""
    return tuple(signals(text, title=title, label=label, script=script, share_control=share, prompt=prompt))


class _Extractor(Bindings):
    def __init__(self, line_offset: int, path: str, language: Language, source: str) -> None:
        self.switches: dict[str, bool] = {}  # the file's own build switches (readers/flagbranch.py)
        super().__init__()
        self.offset, self.path, self.language = line_offset, path, language
        self.facts: list[Fact] = []
        self.imported_calls: list[tuple[str, str, int]] = []
        # this.api.add() in a component: a global property only if a Vue entry installs it (facts/store.py)
        self.plain_instance_calls: list[tuple[str, str, int]] = []
        self.url_constants: dict[str, list[int]] = {}  # const name -> indexes of its host facts
        self.url_roles: dict[str, str] = {}  # const name -> role of the API whose url it feeds
        self.media_requests: list[int] = []  # lines of requests whose data carries a picture
        self.indexed: list[tuple[Node, str, str]] = []  # wx[name]: (reference, variable, namespace)
        self.calls: list[Node] = []  # the call_expression nodes, in source order
        # const choose = (uni as any).chooseMessageFile: (index of its fact, name); the names called
        self.alias_defs: list[tuple[int, str]] = []
        self.called_aliases: set[str] = set()
        # A share hook's or a secret's name is spelled out: a text that spells neither has its names left unread.
        self.shares, self.secrets = any(hook in source for hook in SHARE_HOOKS), may_name_secret(source)

    def line(self, node: Node) -> int:
        return node.start_point[0] + 1 + self.offset

    # -- pass 2: facts ----------------------------------------------------------------------------
    def run(self, root: Node, nodes: list[Node]) -> FileFacts:
        """Facts of the tree at ``root``; ``nodes`` are its nodes of the types the passes read, in source order."""
        self.collect_aliases(nodes, factories(root))  # const api = createClient(): its class
        self.switches, self.foreign_tags = switches(root, self.language), foreign_tags(nodes)  # icons' <Camera>
        self.sockets = SocketUrls(root, self.language, (self.named_imports, self.module_aliases))  # at its 1st socket
        for node in nodes:
            kind = node.type
            if kind in ("member_expression", "subscript_expression"):
                self._reference(node)
            elif kind == "call_expression":
                self.calls.append(node)
                self._call(node)
            elif kind in ("string", "template_string"):
                self._string(node)
            elif kind in ("jsx_opening_element", "jsx_self_closing_element"):
                self._jsx(node)
            elif kind == "jsx_text":
                label = inside_button(node)  # a share button's label is also a label: walk again only then
                self._text_signals(_text(node), node, label=label,
                                   share_control=label and inside_button(node, share=True))
            elif kind in ("method_definition", "pair", "variable_declarator", "assignment_expression"):
                self._share_hook(node)
                if self.secrets and (secret := assigned_secret(node, self.line)) is not None:
                    self.facts.append(secret)
            elif kind == "new_expression" and compiles_code(node):
                self.facts.append(Fact("js:new-Function", "api", self.line(node)))
            elif kind in ("property_identifier", "identifier", "shorthand_property_identifier") and \
                    REVIEW_FLAG.fullmatch(_text(node)) and is_flag_use(node):
                self.facts.append(Fact("js:review-flag", "api", self.line(node), _text(node)))
        app_file = is_app_script(self.path)
        for found in HookScanner(self._resolve_callee).scan(nodes, page=not app_file):
            subject = "policy:auto-jump" if "navigateToMiniProgram" in found.what else \
                f"login:launch:{found.target}" if app_file else f"login:page-hook:{found.target}"
            self.facts.append(Fact(subject, "hook", self.line(found.node), found.what,
                                   guard_role(found.conditions, [self.line(c) for c in found.calls])))
        if self.media_requests and base64media.reads_base64(nodes):
            self.facts += [Fact(base64media.SUBJECT, "api", line) for line in self.media_requests]
        self.facts += multipartbody.file_parts(nodes, self.facts, self.line)  # a file in a body built by hand
        self.facts = constant_roles(self.facts, self.url_constants, self.url_roles, root)  # feeds an API, or images
        bound, aliased = connected_calls(nodes, self.calls, (self.module_aliases, self.named_imports, self.scoped),
                                         self.line) if b"connect" in (root.text or b"") else ([], [])
        self.imported_calls += bound  # this.props.addReview(form): the action creator connect binds to the prop
        handed = handed_urls(self.calls, self.imported_calls, self.facts, self.url_constants, self.line)
        called = dropped(self.alias_defs, self.called_aliases, root, self.language, self.path)  # called, or never
        self.facts = [f for i, f in enumerate(self.facts) if i not in called]
        exports, scoped = self._exports(root), scoped_calls(self.calls, self.scoped, self.line) + tuple(aliased)
        called_lines = [(line, name) for _s, name, line in (*self.imported_calls, *self.plain_instance_calls, *scoped)]
        shaped = [line for line, _ in called_lines] + [f.line for f in self.facts if f.kind == "api" and f.role is None]
        held = self.sdk_specs | self.module_aliases  # what an App member or a global property may hold
        specs = module_specifiers(nodes)
        if runs_on_node(specs):  # server code in the repository is where WeChat's server API belongs
            self.facts = [f for f in self.facts if not (f.kind == "host" and is_wechat_server_api(f.subject))]
        return FileFacts(facts=tuple(local_uploads(self.facts, nodes, self.path, self.line, exports.keys())),
                         imported_calls=tuple(self.imported_calls + self.plain_instance_calls), exports=exports,
                         scoped_calls=scoped, app_members=app_members(root, held) if app_file else
                         prototype_members(root, held, self.path, self.named_imports), handed_urls=handed,
                         call_literals=call_literals(self.calls, called_lines, self.line), module_specs=specs,
                         imported_names=tuple(sorted({name for _spec, name in self.named_imports.values()})),
                         reexports=reexports.reexports(root, self.module_aliases, self.passed_names()),
                         call_shapes=call_shapes(self.calls, shaped, self.line), socket_imports=self.sockets.imported)

    def _exports(self, root: Node) -> dict[str, Export]:
        """API wrappers (other modules' functions, an alias's, a package's too), SDK, factory and plugin objects."""
        other = (*self.imported_calls, *scoped_calls(self.calls, self.scoped, self.line))
        exports = wrappers(root, self.facts, self.line, is_app_script(self.path), self.language, self.calls,
                           frozenset(line for _s, _n, line in other), self.indexed)
        exports = instance_exports(root, self.sdks, self._constructed, self.line) | \
            object_exports(root, self._factory_type, self.plugin_object, self.line) | exports
        return forwarding_exports(root, self.forwarders, self._namespace_of, self._resolve, self.line) | exports

    def _resolve_callee(self, node: Node) -> str | None:
        api = self._resolve(node)
        if api is None and node.type == "identifier":
            api = self.api_aliases.get(_text(node))
        return api

    def _reference(self, node: Node) -> None:
        api = self._resolve(node)
        indexed = self.indexed_namespace(node) if api is None else None
        if api is None and indexed is None:
            self.facts += self.sdk_method_value(node, self.line(node))
            return
        parent = node.parent
        if parent is not None and parent.type == "assignment_expression" and parent.child_by_field_name("left") == node:
            return  # wx.X = polyfill: a definition, not a use
        if parent is not None and parent.type in ("member_expression", "subscript_expression") and \
                parent.child_by_field_name("object") == node and (api or "").endswith(".cloud"):
            return
        if is_feature_test(node) or is_type_reference(node) or is_logged(node) or is_property_read(node, api):
            return  # if (wx.getUserProfile) …, typeof Taro.login, console.log(wx.X), Taro.$globalData: no API used
        if parent is not None and parent.type == "call_expression":
            if not_wechats(parent, api) or (api == "wx.uploadFile" and sent_for_check(parent)):
                return  # uni.getUserInfo({ provider: 'apple' }), appPay() { requestPayment({ orderInfo }) }; an
                # upload to WeChat's content check (readers/checkuploads.py)
            api = paid_subject(parent, api)  # requestPayment({ orderInfo }): WeChat's only where it is the app's one
        if api is None:
            if indexed is not None:  # wx[method]: the API a wrapper's parameter names (jsexports.wrappers)
                self.indexed.append((node, *indexed))
            return
        if (held := held_name(node, api, self.api_aliases)) is not None:  # const x = wx.X, promisify(wx.X)
            self.alias_defs.append((len(self.facts), held))
        self.facts.append(Fact(api, "api", self.line(node)))
        if parent is not None and parent.type == "call_expression" and parent.child_by_field_name("function") == node:
            self._qualify(api, parent)

    def _qualify(self, api: str, call: Node) -> None:
        """Extra facts that depend on a call's arguments."""
        if api in ("wx.authorize", "wx.authorizeForMiniProgram"):  # the latter: a plugin asking for its host
            self.facts += authorize_scope(api, call, self.line)
        elif api == "wx.setClipboardData":
            self.facts += clipboard_link(call, self.line)
        elif api in _HOST_ROLES:
            self._url_argument(api, call)
            if api == "wx.connectSocket" and (role := self.sockets.role(call, self.facts[-1].line)):
                self.facts[-1] = replace(self.facts[-1], role=role)
        if api in base64media.SENDERS and base64media.sends_media(call):  # a request or a cloud function's data
            self.media_requests.append(self.line(call))

    def _url_argument(self, api: str, call: Node) -> None:
        """Remember which constants build the ``url`` of a request, so their hosts get its role."""
        value = call_option(call, "url", shorthand=True)  # wx.request({ url }): the constant named url
        for node in _walk(value) if value is not None else ():
            if node.type in ("identifier", "shorthand_property_identifier"):
                self.url_roles.setdefault(_text(node), _HOST_ROLES[api])

    def _call(self, node: Node) -> None:
        fn = node.child_by_field_name("function")
        if fn is None:
            return
        if fn.type == "identifier":
            name = _text(fn)
            if name == "eval":
                self.facts.append(Fact("js:eval", "api", self.line(fn)))
            if name in SHARE_HOOKS:  # Taro: useShareAppMessage(() => ({ title }))
                self.facts.append(Fact("share:hook", "hook", self.line(fn), name))
            if name in self.api_aliases:
                api = self.api_aliases[name]
                self.called_aliases.add(name)
                self.facts.append(Fact(api, "api", self.line(fn)))
                self._qualify(api, node)
            elif name in self.named_imports:
                spec, exported = self.named_imports[name]
                self.imported_calls.append((spec, exported, self.line(fn)))
            elif name in self.module_aliases:  # a default import called: request({...})
                self.imported_calls.append((self.module_aliases[name], "default", self.line(fn)))
            elif calls_handed_upload(node):  # a kit hook's uploadFile parameter: (uploadFile, o) => uploadFile({…})
                self.facts.append(Fact(HANDED_UPLOAD, "api", self.line(fn)))
                self._qualify(HANDED_UPLOAD, node)
        elif fn.type == "member_expression":
            obj = fn.child_by_field_name("object")
            method = _text(fn.child_by_field_name("property"))
            held = _text(obj)  # read once: each read copies and decodes the bytes
            owner = self.typed.get(held) or self._factory_type(obj)
            if held in self.plugins:  # livePlayer.getLiveStatus(): a call of the plugin's interface
                self.facts.append(Fact(prefixed("plugin", self.plugins[held]), "api", self.line(fn), _text(fn)))
            if owner:  # the value names the factory: what the code calls (wx.getRecorderManager, a cloud object's)
                self.facts.append(method_fact(owner, method, self.line(fn), held))
            if (used := self.plugin_use(obj, method, self.line(fn))) is not None:  # a plugin's recorder
                self.facts.append(used)
            sdk = next((s for s in self.sdks.get(held, ()) if s.makes(method)), None)
            if sdk is not None:  # a map SDK given the position (``getRegeo({ location })``) reads none
                if not ((given := sdk.option_given(method)) and call_option(node, given) is not None):
                    self.facts.append(Fact(sdk.subject, "api", self.line(fn), f"{held}.{method} ({sdk.sdk})"))
            elif obj is not None and obj.type == "identifier" and held in self.module_aliases:
                self.imported_calls.append((self.module_aliases[held], method, self.line(fn)))
            elif obj is not None and obj.type == "identifier" and held in self.named_imports:
                spec, exported = self.named_imports[held]
                self.imported_calls.append((spec, f"{exported}.{method}", self.line(fn)))
            elif (base := inherited_call(fn, self.module_aliases, self.named_imports) or self.held_call(fn)):
                self.imported_calls.append((*base, self.line(fn)))  # this.uploadFile() of a base class, api.add()
            elif (member := self.app_member(obj)) is not None:
                self.imported_calls.append((GET_APP, f"{member}.{method}" if member else method, self.line(fn)))
            elif obj is not None and obj.type == "member_expression" and held.startswith("this.") \
                    and "." not in held[5:]:  # this.$api.add(); this.api.add() only where an entry installs it
                calls = self.imported_calls if held.startswith(VUE_INSTANCE) else self.plain_instance_calls
                calls.append((VUE_INSTANCE, f"{held[5:]}.{method}", self.line(fn)))
            elif obj is not None and obj.type == "member_expression" and \
                    (held_call := member_call(held, method, self.module_aliases, self.named_imports)):
                # sheep.$api.app.upload(), db.comment.add(): kept by name even where no reader resolves the path
                self.imported_calls.append((*held_call, self.line(fn)))
            elif obj is not None and obj.type == "call_expression" and (found := self.chained_call(fn, self.line(fn))):
                if isinstance(found, Fact):  # client.storage.from(bucket).upload(): the SDK's call
                    self.facts.append(found)
                else:  # the same through a client a project module exports
                    self.imported_calls.append(found)

    def _string(self, node: Node) -> None:
        parent = node.parent
        if parent is not None and (parent.type == "jsx_attribute" or (
                parent.type == "jsx_expression" and parent.parent is not None
                and parent.parent.type == "jsx_attribute")):
            return  # JSX attribute values are read by _jsx, which knows the element (a WebView src…)
        value = _string_value(node)
        image = image_reference(value or "")
        if image is not None:  # import logo from './wx.png', require('…'), { icon: '/images/a.png' }
            self.facts.append(Fact(prefixed("image", image), "image", self.line(node), image))
            return
        if not value or (parent is not None and parent.type in ("import_statement", "export_statement")):
            return
        if (shown := shown_as_jsx_text(node)) is not None:  # {ok ? '…' : '微信登录'}, a state's text in {btnText}
            label = inside_button(shown)
            self._text_signals(value, node, label=label, share_control=label and inside_button(shown, share=True))
        elif not codeliterals.code_value(node, value, share_title(node)):  # compared, a key: no UI text
            self._text_signals(value, node, title=share_title(node),
                               label=not (prompt_text(node) or message_text(node)),
                               script=not ui_label(node, locale_file(self.path)), prompt=prompt_text(node, True))
        self.facts += literal_secrets(_text(node), self.line(node))
        if value.lower() == "ios" and parent is not None and parent.type == "binary_expression":
            self._ios_payment_branch(node)
        value = built_url(node, value)  # "https://" + sub + ".example.com/…": the domain after the built label
        value = value if "://" in value else bare_host_url(node, value) or ""  # const HOST = 'api.example.cn'
        if "://" not in value or in_attribute_value(node) or unrequested(node, value):
            return  # no URL, a JSX attribute's (_jsx), or one no code requests (data, text, unread: unrequested.py)
        if value.startswith(("plugin-private://", "plugin://")):
            self.facts.append(Fact(prefixed("plugin-page", plugin_appid(value)), "api", self.line(node), value))
            return
        role = self._host_role(node)
        role = "request" if role == "code" and held_as_api_base(node) else role  # fly.config.baseURL = '…'
        role = "download" if role == "code" and painted_picture(node) else role  # a palette's picture view
        if role == "code" and names_reading_page(holder_name(node) or ""):
            return  # { github: 'https://…' }: a page the app shows or copies, not a server it requests
        constant = _text(held) if (held := held_constant(node)) is not None else None  # const B = ref('…') too
        dev_only = is_dev_file(self.path) or in_dev_branch(node)
        for url in find_urls(without_source_comments(value)):  # a shader's // comment: read, never requested
            if url.is_development or (url.is_documentation and role == "code"):
                continue  # a developer's machine or LAN, or WeChat's docs linked from code: no configurable domain
            # A public host only development uses is kept (role DEVELOPMENT): moving it to release is not new.
            facts_role = DEVELOPMENT if dev_only else SWITCHED_OFF if switched_off(node, self.switches) else \
                "media" if (url.is_media or held_as_image(node, url.path)) and role == "code" else role
            if constant is not None:
                self.url_constants.setdefault(constant, []).append(len(self.facts))
            self.facts.append(Fact(prefixed("host", url.host), "host", self.line(node), url.text, facts_role))

    def _share_hook(self, node: Node) -> None:
        """``onShareAppMessage`` / ``onShareTimeline``… defined as a method or an object key: the page can share."""
        if not self.shares or node.type not in ("method_definition", "pair"):
            return
        name = _text(node.child_by_field_name("name") or node.child_by_field_name("key")).strip("'\"")
        if name in SHARE_HOOKS:
            self.facts.append(Fact("share:hook", "hook", self.line(node), name))

    def _text_signals(self, text: str, node: Node, title: bool = False, label: bool = False,
                      script: bool = False, share_control: bool = False, prompt: bool = False) -> None:
        warned = warning_list(node)  # ['刷单返利', '校园贷/网贷']: fraud types, no service offered
        for signal in (s for s in _signals(text, title, label, script, share_control, prompt)
                       if not (warned and s in SERVICE_SIGNALS)):
            self.facts.append(Fact(prefixed("text", signal), "text", self.line(node), " ".join(text.split())[:120]))

    def _ios_payment_branch(self, node: Node) -> None:
        """``platform === 'ios'`` in a function that pays: hiding or rerouting payment on iOS (OPS2018 14.6)."""
        current = node.parent
        while current is not None and current.type not in ("function_declaration", "method_definition",
                                                            "arrow_function", "function_expression", "function"):
            current = current.parent
        if current is None:
            return
        body = _text(current)
        if any(name in body for name in ("requestPayment", "requestVirtualPayment", "requestOrderPayment")):
            self.facts.append(Fact("policy:ios-payment", "api", self.line(node), _text(node.parent)[:120]))

    def _host_role(self, node: Node) -> str:
        """How a URL literal is used: the API it is passed to (``request``…), ``account`` when WeChat opens it
        (``openCustomerServiceChat``, ``openOfficialAccountArticle``), ``media`` when it is a picture or video an
        API shows or saves (``MEDIA_APIS``), else ``code`` or ``alternative:<region>``."""
        current = node.parent
        for step in range(6):  # literal → pair → object (→ pair → object) → arguments → call
            if current is None:
                break
            if current.type == "call_expression":
                fn = current.child_by_field_name("function")
                api = self._resolve(fn) if fn is None else self._resolve_callee(fn)  # an alias's too
                role = _ARGUMENT_ROLES.get(api or "", "code")
                # A media list nests one level deeper: literal → array → pair → object → arguments → call.
                return role if step < 4 or role in (ACCOUNT, "media") else region_role(node)
            current = current.parent
        return region_role(node)

    def _jsx(self, node: Node) -> None:
        name_node = node.child_by_field_name("name")
        raw = _text(name_node).split(".")[-1]
        if not raw:
            return
        attributes: list[tuple[str, str | None, int]] = []
        for attr in node.named_children:
            if attr.type != "jsx_attribute" or not attr.named_children:
                continue
            name = normalise_attribute(_text(attr.named_children[0]))
            value_node = attr.named_children[1] if len(attr.named_children) > 1 else None
            bound = value_node is not None and value_node.type == "jsx_expression"
            inner = value_node.named_children[0] if bound and value_node and value_node.named_children else value_node
            value = _string_value(inner) if inner is not None else None
            attributes.append((name, value, self.line(attr)))
            if value is None and value_node is not None and inner is not None and bound:
                choices = bound_choices(name, _text(value_node)[1:-1])  # and a URL: src={avatar || 'https://…'}
                choices += [u for u in attribute_urls(inner) if u not in choices] if inner != value_node else []
                attributes.extend((name, choice, self.line(attr)) for choice in choices)
        local = _text(name_node).split(".")[0]
        project = local in self.module_aliases or local in self.named_imports  # a component of the project's own
        self.facts.extend(element_facts(normalise_tag(raw), attributes, self.line(node), project_component=project,
                                        builtin=local not in self.foreign_tags))
