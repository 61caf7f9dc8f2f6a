"""Completeness: dead controls, missing and unregistered pages, placeholder content, debug mode, accounts with no
logout — each fires where the change adds it and stays quiet on moved, unchanged or unknowable code."""

from __future__ import annotations

from conftest import MINIMAL_APP, Repo
from helpers import cli, run
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.checklist import checklist


def _app(tmp_path, files: dict[str, str] | None = None) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({**MINIMAL_APP, **(files or {})})
    return repo, repo.commit("base")


def _found(repo: Repo, base: str, prefix: str = "completeness.") -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.rule.startswith(prefix)}


# -- dead UI --------------------------------------------------------------------------------------------

def test_tap_bound_to_a_method_the_page_lacks_fires_on_the_binding(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.wxml", '<view>me</view>\n<button bindtap="onBuy">购买</button>\n'
                                   '<view catchtap="onClose">x</view>\n')
    repo.write("pages/me/me.js", "Page({\n  onClose() {}\n})\n")
    repo.commit("buy button")
    report = run(repo.path, base)
    dead = [f for f in report.findings if f.rule == "completeness.dead_handler"]
    assert [(f.path, f.line, f.value, f.severity) for f in dead] == [("pages/me/me.wxml", 2, 'bindtap="onBuy"', "high")]


def test_handlers_from_methods_and_project_behaviors_are_resolved(tmp_path):
    repo, base = _app(tmp_path, {"behaviors/buy.js": "module.exports = Behavior({ methods: { onBuy() {} } })\n"})
    repo.write("components/card/card.wxml", '<view bindtap="onBuy">buy</view>\n<view bind:tap="onOpen">open</view>\n')
    repo.write("components/card/card.js", "const buy = require('../../behaviors/buy')\n"
                                           "Component({ behaviors: [buy], methods: { onOpen() {} } })\n")
    repo.commit("card")
    assert _found(repo, base) == set()


def test_unknown_sources_stay_silent(tmp_path):
    """An npm behavior, a spread and a wrapper around Page may all define the handler: unknown, not dead."""
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.wxml", '<view bindtap="fromStore">a</view>\n')
    repo.write("pages/me/me.js", "import { storeBindingsBehavior } from 'mobx-miniprogram-bindings'\n"
                                 "Component({ behaviors: [storeBindingsBehavior] })\n")
    repo.write("pages/index/index.wxml", '<view bindtap="mixed">a</view>\n')
    repo.write("pages/index/index.js", "import common from './common'\nPage({ ...common })\n")
    repo.write("pages/a/a.wxml", '<view bindtap="wrapped">a</view>\n')
    repo.write("pages/a/a.js", "Page(withLogin({ onLoad() {} }))\n")
    repo.commit("unknowable")
    assert _found(repo, base) == set()


def test_global_page_wrapper_makes_every_native_handler_unknown(tmp_path):
    repo, base = _app(tmp_path, {"utils/page.js": "const original = Page\nPage = function (options) {\n"
                                                  "  options.goHome = () => wx.switchTab({ url: '/pages/index/index' })\n"
                                                  "  original(options)\n}\n"})
    repo.write("pages/me/me.wxml", '<view bindtap="goHome">home</view>\n')
    repo.commit("home link")
    assert _found(repo, base) == set()


def test_dead_binding_moved_to_another_page_is_not_new(tmp_path):
    repo, base = _app(tmp_path, {"pages/index/index.wxml": '<view bindtap="missing">x</view>\n'})
    repo.write("pages/index/index.wxml", "<view>home</view>\n")
    repo.write("pages/me/me.wxml", '<view bindtap="missing">x</view>\n')
    repo.commit("move")
    assert _found(repo, base) == set()


def test_removing_the_method_a_binding_uses_fires(tmp_path):
    repo, base = _app(tmp_path, {"pages/me/me.wxml": '<view>me</view>\n<view bindtap="onShare">share</view>\n',
                                 "pages/me/me.js": "Page({\n  onShare() {}\n})\n"})
    repo.write("pages/me/me.js", "Page({})\n")
    repo.commit("drop handler")
    assert _found(repo, base) == {("completeness.dead_handler", "pages/me/me.wxml", 2)}


def test_vue_template_handlers_resolve_against_methods_setup_and_scopes(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/v/v.vue", """<template>
  <view>
    <button @tap="save(item)">save</button>
    <button @click="show = true">open</button>
    <view v-for="(act, i) in actions" :key="i" @tap="act">x</view>
    <button @tap="remove">remove</button>
  </view>
</template>
<script>
export default {
  methods: { save() {} }
}
</script>
""")
    repo.commit("vue page")
    assert _found(repo, base) == {("completeness.dead_handler", "pages/v/v.vue", 6)}


# -- missing pages and routes -----------------------------------------------------------------------------

def test_registered_page_without_files_fires_on_its_app_json_line(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("app.json", '{\n  "pages": [\n    "pages/index/index",\n    "pages/me/me",\n    "pages/shop/shop"\n  ]\n}\n')
    repo.commit("register shop")
    assert _found(repo, base) == {("completeness.missing_page", "app.json", 5)}


def test_page_missing_before_the_change_is_not_reported_again(tmp_path):
    repo, base = _app(tmp_path, {"app.json": '{"pages": ["pages/index/index", "pages/me/me", "pages/old/old"]}\n'})
    repo.write("pages/me/me.wxml", "<view>me again</view>\n")
    repo.commit("unrelated")
    assert _found(repo, base) == set()


def test_deleting_a_registered_page_fires(tmp_path):
    repo, base = _app(tmp_path)
    repo.remove("pages/me/me.js")
    repo.remove("pages/me/me.wxml")
    repo.commit("delete me")
    assert _found(repo, base) == {("completeness.missing_page", "app.json", 2)}


def test_navigation_to_an_unregistered_page_fires_and_registered_or_dynamic_ones_do_not(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/index/index.js", """Page({
  goMe() { wx.navigateTo({ url: '/pages/me/me?id=1' }) },
  goShop() { wx.navigateTo({ url: '/pages/shop/shop' }) },
  goAny(id) { wx.navigateTo({ url: `/pages/${id}/detail?id=1` }) },
  goRel() { wx.redirectTo({ url: '../me/me' }) },
  goPlugin() { wx.navigateTo({ url: 'plugin://live/room' }) },
})
""")
    repo.write("pages/index/index.wxml", '<view>home</view>\n<navigator url="/pages/cart/cart">cart</navigator>\n'
                                         '<navigator url="{{link}}">x</navigator>\n')
    repo.commit("links")
    assert _found(repo, base) == {("completeness.unregistered_route", "pages/index/index.js", 3),
                                  ("completeness.unregistered_route", "pages/index/index.wxml", 2)}


def test_existing_route_to_an_unregistered_page_is_not_new(tmp_path):
    script = "Page({\n  go() { wx.navigateTo({ url: '/pages/gone/gone' }) },\n})\n"
    repo, base = _app(tmp_path, {"pages/index/index.js": script})
    repo.write("pages/index/index.js", script.replace("go()", "open()"))
    repo.commit("rename method")
    assert _found(repo, base) == set()


# mpx keeps app.mpx's JSON in a file its block names (src) and registers subpackages through ``packages``
_MPX_APP = ('<script>\nimport mpx, { createApp } from "@mpxjs/core"\ncreateApp({})\n</script>\n'
            '<script name="json" src="./app.config.js">\n</script>\n')
_MPX_CONFIG = ('module.exports = {\n  pages: ["./pages/work/index"],\n'
               '  packages: ["./pagesMine/app.mpx?root=pagesMine"]\n}\n')
_MPX_PAGE = ('<template><view bindtap="go">go</view></template>\n<script>\nimport mpx, { createPage } from '
             '"@mpxjs/core"\ncreatePage({\n  go() { mpx.navigateTo({ url: "%s" }) }\n})\n</script>\n')


def _mpx(tmp_path) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({"package.json": '{"dependencies": {"@mpxjs/core": "^2.9.0"}}\n', "src/app.mpx": _MPX_APP,
                      "src/app.config.js": _MPX_CONFIG, "src/pages/work/index.mpx": _MPX_PAGE % "/pages/work/index",
                      "src/pagesMine/app.mpx": '<script type="application/json">\n{ "pages": ["./login/index"] }\n'
                                               '</script>\n',
                      "src/pagesMine/login/index.mpx": "<template><view>login</view></template>\n"})
    return repo, repo.commit("base")


def test_a_route_to_a_page_an_mpx_package_registers_is_registered(tmp_path):
    repo, base = _mpx(tmp_path)
    repo.write("src/pages/work/index.mpx", _MPX_PAGE % "/pagesMine/login/index")
    repo.commit("go to login")
    assert _found(repo, base) == set()


def test_a_route_to_a_page_no_mpx_package_registers_fires(tmp_path):
    repo, base = _mpx(tmp_path)
    repo.write("src/pages/work/index.mpx", _MPX_PAGE % "/pagesMine/logon/index")
    repo.commit("go to a typo")
    assert _found(repo, base) == {("completeness.unregistered_route", "src/pages/work/index.mpx", 5)}


# -- placeholder and test content, debug mode ---------------------------------------------------------------

def test_placeholder_text_and_a_test_title_fire(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.wxml", "<view>me</view>\n<view class=\"tip\">积分商城 敬请期待</view>\n")
    repo.write("pages/me/me.json", '{\n  "navigationBarTitleText": "测试"\n}\n')
    repo.write("pages/index/index.js", "Page({\n  onTap() { wx.showToast({ title: '功能开发中' }) }\n})\n")
    repo.commit("placeholders")
    assert _found(repo, base) == {("completeness.placeholder_content", "pages/me/me.wxml", 2),
                                  ("completeness.placeholder_content", "pages/me/me.json", 2),
                                  ("completeness.placeholder_content", "pages/index/index.js", 2)}


def test_finished_wording_and_test_strings_in_code_are_silent(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.wxml", "<view>me</view>\n<view>新品即将上线，全场五折起，欢迎选购本店精品好物抢先体验吧各位朋友</view>\n")
    repo.write("pages/index/index.js", "const env = 'test'\nconsole.log('测试')\nPage({})\n")
    repo.commit("copy")
    assert _found(repo, base) == set()


def test_enable_debug_true_fires_and_false_does_not(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("app.js", MINIMAL_APP["app.js"] + "wx.setEnableDebug({ enableDebug: true })\n")
    repo.write("pages/me/me.js", "Page({ onLoad() { wx.setEnableDebug({ enableDebug: false }) } })\n")
    repo.commit("debug")
    assert _found(repo, base) == {("completeness.debug_enabled", "app.js", 2)}


# -- accounts ---------------------------------------------------------------------------------------------

LOGIN_PAGE = {"pages/login/login.js": "Page({ onLogin() { wx.login() } })\n",
              "pages/login/login.wxml": '<button bindtap="onLogin">登录</button>\n'}


def test_new_login_page_in_an_app_without_logout_fires(tmp_path):
    repo, base = _app(tmp_path)
    repo.write_files(LOGIN_PAGE)
    repo.write("app.json", '{\n  "pages": [\n    "pages/index/index",\n    "pages/me/me",\n    "pages/login/login"\n  ]\n}\n')
    repo.commit("login")
    assert _found(repo, base) == {("completeness.no_logout", "app.json", 5)}
    items = checklist(run(repo.path, base), load_catalog())
    assert [(i.kind, i.values) for i in items] == [("test_account", {"what": "login"})]


def test_new_login_page_with_a_logout_elsewhere_is_silent(tmp_path):
    repo, base = _app(tmp_path, {"pages/me/me.wxml": '<button bindtap="onTapLogout">退出登录</button>\n',
                                 "pages/me/me.js": "Page({ onTapLogout() { wx.clearStorageSync() } })\n"})
    repo.write_files(LOGIN_PAGE)
    repo.write("app.json", '{"pages": ["pages/index/index", "pages/me/me", "pages/login/login"]}\n')
    repo.commit("login")
    assert _found(repo, base) == set()


def test_a_logout_added_beside_binary_files_is_found_and_one_inside_them_is_not(tmp_path):
    # Added binary files are left out of the analyzers' git grep by name; text added with them is still read.
    repo, base = _app(tmp_path)
    repo.write_files(LOGIN_PAGE)
    repo.write("app.json", '{"pages": ["pages/index/index", "pages/me/me", "pages/login/login"]}\n')
    repo.write("images/exit.png", b"\x89PNG\r\n\x1a\n\x00\x00 logout")  # binary: git grep -I never matches it
    repo.commit("login")
    assert _found(repo, base) == {("completeness.no_logout", "app.json", 1)}
    repo.write("utils/session.js", "export function logout() { wx.clearStorageSync() }\n")  # added text
    repo.write("images/exit-2.png", b"\x89PNG\r\n\x1a\n\x00\x00 logout")
    repo.commit("logout")
    assert _found(repo, base) == set()


def test_vue_handlers_are_unknown_when_a_project_file_installs_a_global_mixin(tmp_path):
    repo, base = _app(tmp_path, {"main.js": "import Vue from 'vue'\nimport nav from './common/nav'\nVue.use(nav)\n",
                                 "common/nav.js": "export default { install(Vue) { Vue.mixin({ methods: { goBack() {} } }) } }\n"})
    repo.write("pages/v/v.vue", '<template>\n  <view @tap="goBack">back</view>\n</template>\n'
                                "<script>\nexport default { methods: {} }\n</script>\n")
    repo.commit("back button")
    assert _found(repo, base) == set()


def test_relative_route_in_a_component_is_not_resolved(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("components/card/card.js", "Component({ methods: { open() { wx.navigateTo({ url: '../detail/detail' }) } } })\n")
    repo.commit("card")
    assert _found(repo, base) == set()


def test_taro_class_component_prop_naming_a_missing_method_fires(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("src/pages/cart/index.jsx", """import Taro, { Component } from '@tarojs/taro'
export default class Cart extends Component {
  onPay = () => { this.setState({ paying: true }) }
  render() {
    return <View>
      <Button onClick={this.onPay}>pay</Button>
      <Button onClick={this.onClear}>clear</Button>
      <Button onClick={this.props.onClose}>close</Button>
    </View>
  }
}
""")
    repo.commit("cart")
    assert _found(repo, base) == {("completeness.dead_handler", "src/pages/cart/index.jsx", 7)}


def test_typescript_class_component_is_read_through_its_extends_clause(tmp_path):
    """TypeScript's grammar wraps the base class in an ``extends_clause`` with ``<Props, State>``: such a class
    was once never read, so a TSX page's button naming no method stayed silent."""
    repo, base = _app(tmp_path)
    repo.write("src/pages/cart/index.tsx", """import React, { Component } from 'react'
export default class Cart extends Component<Props, State> {
  private onPay = () => { this.setState({ paying: true }) }
  render() {
    return <View>
      <Button onClick={this.onPay}>pay</Button>
      <Button onClick={this.onClear}>clear</Button>
    </View>
  }
}
""")
    repo.write("src/pages/list/index.tsx", """export default class List extends Base<Props> {
  render() { return <Button onClick={this.onMore}>more</Button> }
}
""")
    repo.commit("cart")
    assert _found(repo, base) == {("completeness.dead_handler", "src/pages/cart/index.tsx", 7)}


def test_missing_handlers_of_non_user_events_are_not_dead_controls(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.wxml", '<image src="/a.png" binderror="onImageError" bindload="onLoaded"/>\n'
                                   '<view bindtouchend="onDragEnd">drag</view>\n')
    repo.commit("image")
    assert _found(repo, base) == set()


def test_route_after_a_return_is_unreachable_and_silent(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/index/index.js", "Page({\n  bind() {\n    return\n    wx.redirectTo({ url: '/pages/bind/bind' })\n  },\n})\n")
    repo.commit("stub")
    assert _found(repo, base) == set()


LISTED = '{"pages": ["pages/index/index", "pages/me/me", "pages/bind-phone/index", "pages/order/order"]}\n'


def test_phone_button_on_a_form_page_is_no_account_system_but_on_a_bind_page_it_is(tmp_path):
    button = '<button open-type="getPhoneNumber" bindgetphonenumber="onPhone">手机号</button>\n'
    repo, base = _app(tmp_path, {"pages/bind-phone/index.js": "Page({ onPhone() {} })\n",
                                 "pages/order/order.js": "Page({ onPhone() {} })\n",
                                 "app.json": LISTED})
    repo.write("pages/order/order.wxml", button)
    repo.commit("delivery phone")
    assert _found(repo, base) == set()
    repo.write("pages/bind-phone/index.wxml", button)
    repo.commit("bind phone")
    assert _found(repo, base) == {("completeness.no_logout", "pages/bind-phone/index.wxml", 1)}


def test_every_output_format_renders_completeness_findings(tmp_path):
    """The terminal report once died on ``handler:`` and ``route:`` subjects (exit 3): every format renders
    them, and the pre-commit command (``--staged --format text``) exits 1 with both places shown."""
    repo = Repo(tmp_path / "repo")
    repo.write_files(MINIMAL_APP)
    repo.commit("base")
    repo.write("pages/index/index.wxml", '<view bindtap="noSuchHandler">x</view>\n'
                                         '<navigator url="/pages/nope/nope">n</navigator>\n')
    repo.git("add", "-A")
    for fmt in ("text", "markdown", "json", "sarif", "github", "codequality"):
        code, out, err = cli("diff", "--repo", str(repo.path), "--staged", "--format", fmt)
        assert code == 1, (fmt, err)
        assert "noSuchHandler" in out and "pages/nope/nope" in out, fmt


CLASS_COMPONENTS = """import Taro, { Component } from '@tarojs/taro'
export default class Outer extends Component {
  onPay() {}
  render() {
    const Inner = class extends Component {
      onInner = () => {}
      render() { return <View onClick={this.onInner} onTap={this.onGone.bind(this)} /> }
    }
    return <View><Button onClick={() => this.onPay()} onLongPress={this.onMissing}>pay</Button></View>
  }
}
class Open extends Component {
  constructor() { super(); this.onSet = () => {} }
  pick(name) { return this[name] }
  render() { return <View onClick={this.onSet} onTouchStart={this.pick} onTap={this.nowhere} /> }
}
"""


def test_class_components_nested_and_open_ones_are_read_as_a_walk_of_the_tree_reads_them():
    """Classes, their members and JSX props come from tree-sitter queries: a class inside a method is read on
    its own and its props count for the outer class too; ``this[name]`` opens a class to every name it spells."""
    from mp_precheck.readers.handlers import assigns_global, calls_mixin
    from mp_precheck.readers.jsxhandlers import class_component_dead

    dead = class_component_dead(CLASS_COMPONENTS, "src/pages/a/index.jsx")
    assert [(b.handler, b.attribute, b.line) for b in dead] == \
        [("onGone", "onTap", 7), ("onMissing", "onLongPress", 9), ("onGone", "onTap", 7)]
    assert class_component_dead("class A extends Component { render() { return 1 } }", "src/a.ts") == []
    assert assigns_global("const x = 1\nwx.Page = function (o) {}\n", "a.js")
    assert assigns_global("let Component: any\nComponent = (o: object) => o\n", "a.ts")
    assert not assigns_global("Page({})", "a.js")
    assert calls_mixin("import Vue from 'vue'\nVue.mixin({ methods: {} })\n", "main.js")
    assert not calls_mixin("app.use(x)", "main.ts")
