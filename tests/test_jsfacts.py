from __future__ import annotations

import pytest

from mp_precheck.core.subject import parse
from mp_precheck.readers.jsfacts import js_facts


def subjects(source: str, path: str = "a.js") -> list[tuple[str, int]]:
    return [(f.subject, f.line) for f in js_facts(source, path).facts if f.kind == "api"]


def test_direct_call_and_subscript():
    assert subjects("wx.getLocation({})\nwx['chooseMedia']()\n") == [("wx.getLocation", 1), ("wx.chooseMedia", 2)]


def test_an_api_bound_to_a_name_is_used_where_the_name_is_called():
    src = ("const pickFile = (uni as any).chooseMessageFile\n"
           "if (typeof pickFile === 'function') {\n  pickFile({ count: 1, type: 'file' })\n}\n")
    assert subjects(src, "a.ts") == [("wx.chooseMessageFile", 3)]


def test_an_api_bound_to_a_name_never_called_stays_a_use_where_it_is_bound():
    src = "const pick = wx.chooseImage\nmodule.exports = { pick: promisify(pick) }\n"
    assert subjects(src) == [("wx.chooseImage", 1)]


def test_destructured_and_renamed_alias():
    src = "const { getLocation, chooseImage: pick } = wx\ngetLocation()\npick()\n"
    assert subjects(src) == [("wx.getLocation", 2), ("wx.chooseImage", 3)]


def test_namespace_alias_variable():
    assert subjects("const w = wx\nw.uploadFile({})\n") == [("wx.uploadFile", 2)]


def test_namespace_assigned_to_a_declared_name_in_a_chain_is_wx():
    # minified SDKs declare the name at the top and assign the platform object to it later, through another name
    src = "var n, o;\nfunction f(){ o.getLocation({ type: 'wgs84' }) }\nfunction init(){ var e; e = wx, o = e }\n"
    assert subjects(src) == [("wx.getLocation", 2)]


def test_a_name_assigned_something_else_stays_no_namespace():
    src = "var o;\nfunction f(){ o.getLocation({}) }\nfunction init(){ o = tracker }\n"
    assert subjects(src) == []


def test_api_passed_to_promisify_counts():
    assert subjects("const pay = promisify(wx.requestPayment)\nmodule.exports = { pay }\n") == \
        [("wx.requestPayment", 1)]
    assert subjects("const pay = promisify(wx.requestPayment)\n") == []  # a wrapper nothing reads: no use


def test_cloud_namespace():
    assert subjects("wx.cloud.uploadFile({})\n") == [("wx.cloud.uploadFile", 1)]


@pytest.mark.parametrize("source", [
    "import { cloud } from '@tarojs/taro'\ncloud.uploadFile({})\n",
    "import { cloud as c } from '@tarojs/taro'\nc.uploadFile({})\n",
    "const { cloud } = Taro\ncloud.uploadFile({})\n",
    "const store = wx.cloud\nstore.uploadFile({})\n",
])
def test_the_cloud_namespace_bound_to_a_name_is_still_wx_cloud(source):
    assert subjects(source, "a.ts") == [("wx.cloud.uploadFile", 2)]


def test_unicloud_is_uni_apps_wx_cloud():
    src = "uniCloud.uploadFile({ filePath })\nconst c = uniCloud\nc.callFunction({ name: 'topic-add' })\n"
    assert subjects(src) == [("wx.cloud.uploadFile", 1), ("wx.cloud.callFunction", 3)]


def test_a_module_imported_as_unicloud_is_no_wx_cloud():
    assert subjects("import uniCloud from './mock-cloud'\nuniCloud.uploadFile({})\n", "a.ts") == []


def test_a_project_module_named_cloud_is_no_wx_cloud():
    assert subjects("import { cloud } from './store'\ncloud.uploadFile({})\n", "a.ts") == []


def test_recorder_manager_start_from_factory():
    src = "const rm = wx.getRecorderManager()\nrm.start({})\nwx.getRecorderManager().start()\n"
    found = subjects(src)
    assert ("RecorderManager.start", 2) in found
    assert ("RecorderManager.start", 3) in found


def test_factory_object_stored_on_this():
    src = "Page({ onLoad() { this.rec = wx.getRecorderManager() }, go() { this.rec.start() } })\n"
    assert ("RecorderManager.start", 1) in subjects(src)


def test_factory_object_kept_in_vue_data_or_a_class_field():
    src = ("export default {\n  data() { return { rec: uni.getRecorderManager() } },\n"
           "  methods: { go() { this.rec.start({}) } } }\n"
           "class Voice { r = Taro.getRecorderManager()\n  go() { this.r.start() } }\n")
    found = [(f.subject, f.line, f.value) for f in js_facts(src, "a.js").facts if f.subject == "RecorderManager.start"]
    assert found == [("RecorderManager.start", 3, "wx.getRecorderManager"),
                     ("RecorderManager.start", 5, "wx.getRecorderManager")]


def test_a_factory_object_kept_or_made_as_a_fallback():
    src = ("export default {\n  mounted() { this.rec = uni.getRecorderManager() },\n"
           "  methods: { go() {\n    let rec = this.rec || uni.getRecorderManager()\n    rec.start({})\n"
           "    const r2 = (this.other ?? this.rec)\n    r2.start({})\n  } } }\n")
    found = [(f.subject, f.line) for f in js_facts(src, "a.js").facts if f.subject == "RecorderManager.start"]
    assert found == [("RecorderManager.start", 5), ("RecorderManager.start", 7)]


def test_a_factory_object_passed_on_through_a_name_keeps_its_type():
    src = ("Page({\n  init() {\n    const rec = wx.getRecorderManager()\n    this.recorder = rec\n    this.other = voice\n"
           "  },\n  go() {\n    this.recorder.start({})\n    this.other.start({})\n  },\n})\n")
    found = [(f.subject, f.line, f.value) for f in js_facts(src, "a.js").facts if f.subject == "RecorderManager.start"]
    assert found == [("RecorderManager.start", 8, "wx.getRecorderManager")]


def test_a_fallback_of_no_factory_object_is_not_typed():
    src = "function go(a, b) {\n  const rec = a || b\n  rec.start({})\n}\n"
    assert [s for s, _ in subjects(src) if parse(s).owner == "RecorderManager"] == []


def test_a_field_that_is_not_a_factory_object_is_not_typed():
    src = "export default {\n  data() { return { rec: new Recorder() } },\n  methods: { go() { this.rec.start() } } }\n"
    assert [s for s, _ in subjects(src) if parse(s).owner == "RecorderManager"] == []


def test_comments_and_strings_are_not_uses():
    src = "// wx.getLocation()\n/* wx.chooseImage() */\nconst s = 'wx.requestPayment()'\nconst t = `wx.uploadFile`\n"
    assert subjects(src) == []


def test_assignment_to_wx_member_is_a_polyfill_not_a_use():
    assert subjects("wx.getLocation = function () {}\n") == []


def test_framework_namespaces_map_to_wx():
    src = "uni.chooseImage()\nTaro.getLocation()\nwepy.wx.requestPayment()\nmpx.chooseAddress()\n"
    assert subjects(src) == [("wx.chooseImage", 1), ("wx.getLocation", 2), ("wx.requestPayment", 3),
                             ("wx.chooseAddress", 4)]


def test_named_import_from_taro():
    src = "import { chooseImage as pick } from '@tarojs/taro'\npick()\n"
    assert subjects(src) == [("wx.chooseImage", 2)]


def test_authorize_scope_is_recorded():
    found = subjects("wx.authorize({ scope: 'scope.userLocation' })\n")
    assert ("wx.authorize:scope.userLocation", 1) in found


@pytest.mark.parametrize(("source", "scopes"), [
    # a settings page listing the scopes and asking for the one tapped asks for each of them
    ("const LIST = ['scope.record', 'scope.camera']\nPage({ ask(i) {\n  wx.authorize({ scope: LIST[i] })\n} })\n",
     ["scope.record", "scope.camera"]),
    ("const SCOPES = { mic: 'scope.record', cam: 'scope.camera' }\nwx.authorize({ scope: SCOPES.cam })\n",
     ["scope.camera"]),
    ("const scope = 'scope.werun'\nwx.authorize({ scope })\n", ["scope.werun"]),
    # what a caller passes, or the page's data, is not spelled out here
    ("function ask(scope) {\n  wx.authorize({ scope })\n}\n", []),
    ("Page({ ask() {\n  wx.authorize({ scope: this.data.scope })\n} })\n", []),
    ("const LIST = ['a', 'b']\nwx.authorize({ scope: LIST[0] })\n", []),
])
def test_authorize_scope_bound_in_the_file(source, scopes):
    found = [s for s, _ in subjects(source) if s.startswith("wx.authorize:")]
    assert found == [f"wx.authorize:{scope}" for scope in scopes]


def test_typescript_and_tsx():
    assert subjects("const x: number = 1\nwx.getLocation({} as any)\n", "a.ts") == [("wx.getLocation", 2)]
    facts = js_facts('export default () => <Button openType="getPhoneNumber" />\n', "a.tsx").facts
    assert ("button[open-type=getPhoneNumber]", 1) in [(f.subject, f.line) for f in facts]


def test_jsx_webview_and_nickname_input():
    facts = js_facts('const A = () => (<View>\n<WebView src="https://h5.example.com/x" />\n'
                     '<Input type="nickname" /></View>)\n', "a.jsx").facts
    got = {(f.subject, f.line) for f in facts}
    assert ("<web-view>", 2) in got and ("input[type=nickname]", 3) in got
    assert ("web-view-host:h5.example.com", 2) in got


def test_url_hosts_in_string_literals_with_role():
    src = ("const API = 'https://api.example.com/v1/'\n"
           "wx.request({ url: `https://req.example.com/${id}` })\n"
           "const img = 'https://cdn.example.com/a.png'\n"
           "// const old = 'https://commented.example.com'\n")
    hosts = {(f.subject, f.line, f.role) for f in js_facts(src).facts if f.kind == "host"}
    assert hosts == {("host:api.example.com", 1, "code"), ("host:req.example.com", 2, "request"),
                     ("host:cdn.example.com", 3, "media")}


def test_syntax_error_still_yields_valid_parts():
    assert ("wx.getLocation", 1) in subjects("wx.getLocation({})\nfunction (((\n")


def test_wrapper_exports_are_recorded():
    src = ("export function upload(p) { return wx.uploadFile({ filePath: p }) }\n"
           "module.exports = { pick() { wx.chooseImage() } }\n")
    exports = js_facts(src).exports
    assert (exports["upload"].subjects, exports["upload"].first_line, exports["upload"].last_line) == (
        ("wx.uploadFile",), 1, 1)
    assert exports["pick"].subjects == ("wx.chooseImage",)


def test_imported_calls_are_recorded():
    src = "import { upload } from '../../utils/api'\nconst api = require('./api')\nupload()\napi.pick()\n"
    assert js_facts(src).imported_calls == (("../../utils/api", "upload", 3), ("./api", "pick", 4))


def test_constant_url_gets_the_role_of_the_request_it_feeds():
    src = ("const UPLOAD = 'https://up.example.com/avatar'\n"
           "const API = 'https://api.example.com'\n"
           "wx.uploadFile({ url: UPLOAD, filePath: p })\n"
           "wx.request({ url: `${API}/list` })\n")
    roles = {(f.subject, f.role) for f in js_facts(src).facts if f.kind == "host"}
    assert roles == {("host:up.example.com", "upload"), ("host:api.example.com", "request")}


def test_review_switch_names_are_found_in_any_case_and_only_where_spelt():
    flagged = [f.line for f in js_facts("const a = 1\nif (app.IS_AUDIT_MODE) {}\nlet ſhenhe = false\n").facts
               if f.subject == "js:review-flag"]
    assert flagged == [2, 3]  # ſ is an s to re.IGNORECASE: the quick test of the text must not skip it
    assert [f for f in js_facts("const auditStatus = 1\n").facts if f.subject == "js:review-flag"] == []
