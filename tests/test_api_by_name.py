"""A helper that calls the WeChat API its caller names — ``invoke: (name, ...rest) => wx[name]({...})``,
``uni[name](options)`` — is, at a call passing that name as a string literal (``bridge.invoke('chooseImage', …)``),
a use of that API there: new to the app or a new call site like a direct call, in every family. A name held
in a variable tells nothing, nor does a helper indexing an object of its own (``cache[key]()``)."""

from __future__ import annotations

import pytest

from helpers import found, run
from mp_precheck.readers.jsfacts import js_facts

# A bridge module offering a request and a generic caller of any wx API, exported in an object.
BRIDGE = """const get = (url) => new Promise((resolve, reject) => {
  wx.request({ url: 'https://api.example.com' + url, success: resolve, fail: reject })
})
const callApi = (name, ...rest) => new Promise((resolve, reject) => {
  wx[name]({ ...rest[0], success: resolve, fail: reject })
})
export default { get, invoke: callApi }
"""
# The same, as a function declaration and as an object method; and a helper indexing its own cache.
DECLARED = "function callWx(name, options = {}) {\n  return wx[name](options)\n}\nmodule.exports = { callWx }\n"
METHOD = "module.exports = {\n  invoke(api, options) {\n    return wx[api](options)\n  }\n}\n"
CACHE = "const cache = {}\nexport default { invoke: (key, ...rest) => cache[key](...rest) }\n"

AVATAR = """import bridge from '../../lib/bridge'
Component({ methods: {
  async pick() {
    const res = await {call}
    this.setData({ photo: res.tempFilePaths[0] })
  } } })
"""


def _component_added(app_repo, call: str, helper: str = BRIDGE, before: str = "bridge.get('/me')") -> set:
    """Findings of a change adding an avatar component (used by the index page) whose ``pick`` runs ``call``;
    the app already loads the helper on the index page, which runs ``before``."""
    app_repo.write_files({"lib/bridge.js": helper,
                          "pages/index/index.js": "import bridge from '../../lib/bridge'\n"
                                                  f"Page({{ onLoad() {{\n  {before}\n}} }})\n",
                          "pages/index/index.json": '{"usingComponents": {"avatar": "/components/avatar/avatar"}}\n',
                          "pages/index/index.wxml": "<avatar />\n",
                          "components/avatar/avatar.json": '{"component": true}\n',
                          "components/avatar/avatar.wxml": '<view bindtap="pick">头像</view>\n',
                          "components/avatar/avatar.js": "Component({})\n"})
    base = app_repo.commit("base")
    app_repo.write("components/avatar/avatar.js", AVATAR.replace("{call}", call))
    app_repo.commit("the avatar picks a photo")
    return found(run(app_repo.path, base))


@pytest.mark.parametrize(("name", "rule"), [("chooseImage", "privacy.album"), ("uploadFile", "upload.upload_file"),
                                            ("requestPayment", "payment.request_payment")])
def test_a_string_naming_an_api_is_that_api_at_the_call(app_repo, name, rule):
    findings = _component_added(app_repo, f"bridge.invoke('{name}', {{ count: 1, sizeType: ['compressed'] }})")
    assert (rule, "components/avatar/avatar.js", 4, "app") in findings


@pytest.mark.parametrize("helper", [DECLARED, METHOD], ids=["function-declaration", "object-method"])
def test_a_declared_function_or_an_object_method_calling_wx_by_name_is_one_too(app_repo, helper):
    call = "bridge.callWx('chooseImage', {})" if helper == DECLARED else "bridge.invoke('chooseImage', {})"
    findings = _component_added(app_repo, call, helper=helper, before="wx.request({ url: '/me' })")
    assert ("privacy.album", "components/avatar/avatar.js", 4, "app") in findings


def test_a_second_page_calling_the_helper_for_photos_is_a_new_call_site(app_repo):
    findings = _component_added(app_repo, "bridge.invoke('chooseImage', { count: 1 })",
                                before="bridge.invoke('chooseImage', { count: 9 })")
    assert ("privacy.album", "components/avatar/avatar.js", 4, "file") in findings


def test_a_name_held_in_a_variable_is_no_use_of_any_api(app_repo):
    findings = _component_added(app_repo, "bridge.invoke(this.data.method, { count: 1 })")
    assert not {f for f in findings if f[0].startswith("privacy.")}


def test_a_helper_indexing_its_own_object_calls_no_api(app_repo):
    findings = _component_added(app_repo, "bridge.invoke('chooseImage', { count: 1 })", helper=CACHE)
    assert not {f for f in findings if f[0].startswith("privacy.")}


def test_the_api_a_helper_calls_by_a_parameter_and_what_a_call_picks():
    helper = js_facts(BRIDGE + "export function shadowed(method) { return [0].map((method) => wx[method]()) }\n"
                      "export function tested(method) { return wx[method] ? 1 : 0 }\n"
                      "export const cloud = (fn, data) => wx.cloud[fn]({ data })\n", "lib/bridge.js").exports
    assert helper["invoke"].named == ((0, "wx"),) and helper["invoke"].subjects == ()
    assert helper["cloud"].named == ((0, "wx.cloud"),)
    assert "shadowed" not in helper and "tested" not in helper  # an inner function's own name; a feature test
    assert helper["invoke"].subjects_for(("chooseImage", "arg:0=chooseImage", "arg:#2")) == ("wx.chooseImage",)
    assert helper["cloud"].subjects_for(("arg:0=uploadFile",)) == ("wx.cloud.uploadFile",)
    # An API no rule of the catalog names, a string at another index, a variable: nothing to tell.
    assert helper["invoke"].subjects_for(("arg:0=showToast",)) == ()
    assert helper["invoke"].subjects_for(("arg:1=chooseImage", "arg:#2")) == ()
    assert helper["invoke"].subjects_for(("arg:#2",)) == ()


def test_a_typescript_helper_casting_wx_or_the_name_is_one_too():
    helper = js_facts("export function callWx<T>(method: string, options?: object): Promise<T> {\n"
                      "  return new Promise((resolve) => (wx as any)[method]({ ...options, success: resolve }))\n}\n"
                      "export const callUni = (name: string, o: object) => uni[name as keyof typeof uni](o)\n",
                      "utils/wx.ts").exports
    assert helper["callWx"].named == ((0, "wx"),) and helper["callUni"].named == ((0, "wx"),)


def test_the_named_api_survives_the_fact_cache(tmp_path):
    from mp_precheck.facts.cache import FactCache

    cache = FactCache(tmp_path / "facts.sqlite")
    cache.put_many({"bridge": js_facts(BRIDGE, "lib/bridge.js")})
    assert cache.get_many(["bridge"])["bridge"].exports["invoke"].named == ((0, "wx"),)


UNI_HELPER = """export function callUni(name, options = {}) {
  return new Promise((resolve, reject) => uni[name]({ ...options, success: resolve, fail: reject }))
}
"""
UNI_PAGE = """<template><view @tap="pick">头像</view></template>
<script>
import { callUni } from '@/utils/uni'
export default { methods: {
  async pick() {
    const res = await callUni({arg}, { count: 1 })
    this.photo = res.tempFilePaths[0]
  } } }
</script>
"""


@pytest.mark.parametrize(("arg", "fires"), [("'chooseImage'", True), ("this.api", False)])
def test_a_uni_app_helper_calling_uni_by_name(repo, arg, fires):
    repo.write_files({"src/pages.json": '{"pages": [{"path": "pages/index/index"}]}',
                      "src/manifest.json": '{"mp-weixin": {"appid": "wx1"}}', "src/App.vue": "<script>\n</script>\n",
                      "src/utils/uni.js": UNI_HELPER,
                      "src/pages/index/index.vue": "<template><view>首页</view></template>\n"})
    base = repo.commit("base")
    repo.write("src/pages/index/index.vue", UNI_PAGE.replace("{arg}", arg))
    repo.commit("the page picks a photo")
    assert (("privacy.album", "src/pages/index/index.vue", 6, "app") in found(run(repo.path, base))) is fires
