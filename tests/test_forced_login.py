"""Forced login / binding from the app's launch hooks in every framework, told apart by what is forced;
and a forced-login finding never hides the privacy finding on the same line (or the reverse)."""

from __future__ import annotations

import pytest

from helpers import found, run
from test_frameworks import TARO_BASE, UNI_BASE

APP_BASE = """\
App({
  onShow() {
    if (!wx.getStorageSync('token')) {
      this.goLogin()
    }
  },
  goLogin() { wx.navigateTo({ url: '/pages/auth/login' }) }
})
"""
# The check moves into a helper (same target, new lines), and the helper now also forces phone binding.
APP_HEAD = """\
App({
  onShow() {
    this.checkUser()
  },
  checkUser() {
    if (!wx.getStorageSync('token')) {
      this.goLogin()
      return
    }
    api.profile().then((user) => {
      if (!user.mobile) {
        wx.navigateTo({ url: '/pages/account/bind-mobile' })
      }
    })
  },
  goLogin() { wx.navigateTo({ url: '/pages/auth/login' }) }
})
"""


def test_a_new_bind_target_in_a_launch_helper_fires_where_the_helper_decides(app_repo):
    app_repo.write("app.js", APP_BASE)
    base = app_repo.commit("login check on show")
    app_repo.write("app.js", APP_HEAD)
    app_repo.commit("force phone binding")
    login = {(f.rule, f.path, f.line, f.subject) for f in run(app_repo.path, base).findings if f.family == "login"}
    # the moved login check is not new; the bind-mobile page is
    assert login == {("login.forced_login", "app.js", 12, "login:launch:pages/account/bind-mobile")}


def test_a_launch_hook_navigating_to_an_ordinary_page_is_fine(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.js", "App({\n  onShow() {\n    if (!wx.getStorageSync('seen')) {\n"
                             "      wx.navigateTo({ url: '/pages/guide/index' })\n    }\n  }\n})\n")
    app_repo.commit()
    assert [f for f in run(app_repo.path, base).findings if f.family == "login"] == []


def test_taro_app_class_component_did_show(repo):
    repo.write_files(TARO_BASE)
    base = repo.commit()
    repo.write("src/app.ts", "import Taro from '@tarojs/taro'\nimport { Component } from 'react'\n"
                             "class App extends Component {\n  componentDidShow() {\n"
                             "    if (!Taro.getStorageSync('userInfo')) {\n"
                             "      Taro.reLaunch({ url: '/pages/authorize/index' })\n    }\n  }\n"
                             "  render() { return this.props.children }\n}\nexport default App\n")
    repo.commit()
    assert ("login.forced_login", "src/app.ts", 5, "app") in found(run(repo.path, base))


def test_uni_app_app_vue_on_launch(repo):
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write("src/App.vue", "<script>\nexport default {\n  onLaunch() {\n"
                              "    if (!uni.getStorageSync('token')) uni.redirectTo({ url: '/pages/login/login' })\n"
                              "  }\n}\n</script>\n")
    repo.commit()
    assert ("login.forced_login", "src/App.vue", 4, "app") in found(run(repo.path, base))


SETUP_APP = """<script setup lang="ts">
import { onLaunch, onShow } from '@dcloudio/uni-app'
onLaunch(() => {
  const token = uni.getStorageSync('token')
  if (!token) {
    uni.reLaunch({ url: '/pages/auth/login' })
  }
})
onShow(() => {
  console.log('show')
})
</script>
"""


def test_uni_app_composition_on_launch_registered_by_a_call(repo):
    """Vue 3 uni-app registers hooks by calling ``onLaunch(() => …)``: the same forced login as a method."""
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write("src/App.vue", SETUP_APP)
    repo.commit()
    assert ("login.forced_login", "src/App.vue", 5, "app") in found(run(repo.path, base))


def test_uni_app_composition_hook_that_forces_nothing_is_silent(repo):
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write("src/App.vue", SETUP_APP.replace("uni.reLaunch({ url: '/pages/auth/login' })", "console.log('guest')"))
    repo.commit()
    assert [f for f in run(repo.path, base).findings if f.family == "login"] == []


def test_wepy_app_on_launch(repo):
    repo.write_files({
        "src/app.wpy": "<script>\nimport wepy from 'wepy'\nexport default class extends wepy.app {\n"
                       "  config = { pages: ['pages/index'] }\n}\n</script>\n",
        "src/pages/index.wpy": "<template><view>hi</view></template>\n",
    })
    base = repo.commit()
    repo.write("src/app.wpy", "<script>\nimport wepy from 'wepy'\nexport default class extends wepy.app {\n"
                              "  config = { pages: ['pages/index'] }\n  onLaunch() {\n"
                              "    wepy.navigateTo({ url: '/pages/bindPhone' })\n  }\n}\n</script>\n")
    repo.commit()
    assert ("login.forced_login", "src/app.wpy", 6, "app") in found(run(repo.path, base))


# -- one finding never hides another -------------------------------------------------------------
ENTRY_PROFILE = "Page({\n  onLoad() { wx.authorize({ scope: 'scope.userInfo' }) }\n})\n"  # a dialog as it loads


def test_entry_page_prompt_is_both_privacy_and_forced_login(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", ENTRY_PROFILE)
    app_repo.commit()
    report = run(app_repo.path, base)
    on_line = {f.rule for f in report.findings if (f.path, f.line) == ("pages/index/index.js", 2)}
    assert on_line >= {"privacy.user_info_reclaimed", "login.forced_login"}


def test_suppressing_one_rule_on_a_line_keeps_the_other(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", "Page({\n  // mp-precheck-ignore login.forced_login: guest can close it\n"
                                           "  onLoad() { wx.authorize({ scope: 'scope.userInfo' }) }\n})\n")
    app_repo.commit()
    report = run(app_repo.path, base)
    state = {f.rule: f.suppressed for f in report.findings if (f.path, f.line) == ("pages/index/index.js", 3)}
    assert state["login.forced_login"] is True
    assert state["privacy.user_info_reclaimed"] is False


def test_declared_privacy_rewording_keeps_the_forced_login(app_repo):
    app_repo.write(".mp-precheck.yml", "privacy:\n  declared: [位置信息]\n")  # a type the page does not use
    base = app_repo.commit("config")
    app_repo.write("pages/index/index.js", ENTRY_PROFILE)
    app_repo.commit()
    report = run(app_repo.path, base)
    on_line = {(f.rule, f.severity) for f in report.findings if (f.path, f.line) == ("pages/index/index.js", 2)}
    assert ("login.forced_login", "high") in on_line
    assert any(rule.startswith("privacy.") for rule, _ in on_line)


def test_a_helper_that_navigates_whenever_it_runs_is_reported_at_the_hook(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.js", "App({\n  onLaunch() {\n    if (!wx.getStorageSync('token')) {\n      this.goAuthLater()\n"
                             "    }\n  },\n  goAuthLater() {\n    setTimeout(() => {\n"
                             "      wx.navigateTo({ url: '/pages/authorize/index' })\n    }, 1000)\n  }\n})\n")
    app_repo.commit()
    assert {(f.rule, f.line) for f in run(app_repo.path, base).findings if f.family == "login"} == {
        ("login.forced_login", 3)}


def test_a_same_file_helper_is_judged_by_what_it_does_not_its_name(app_repo):
    app_repo.write("app.js", "App({\n  onShow() {\n    if (!wx.getStorageSync('token')) {\n      this.goToLogin()\n"
                             "    }\n  },\n  goToLogin() { wx.navigateTo({ url: '/pages/login/index' }) }\n})\n")
    base = app_repo.commit("login check")
    app_repo.write("app.js", "App({\n  onShow() {\n    this.checkLogin().catch(() => {\n      this.goToLogin()\n"
                             "    })\n  },\n  checkLogin() {\n    return new Promise((resolve, reject) => {\n"
                             "      wx.getStorageSync('token') ? resolve() : reject()\n    })\n  },\n"
                             "  goToLogin() { wx.navigateTo({ url: '/pages/login/index' }) }\n})\n")
    app_repo.commit("refactor the check")
    assert [f for f in run(app_repo.path, base).findings if f.family == "login"] == []


# -- Taro 1.x entry page, failure callbacks, else branches ------------------------------------------
TARO1_BASE = {
    "package.json": '{"dependencies": {"@tarojs/taro": "2.2.0"}}',
    "src/app.jsx": "import Taro, { Component } from '@tarojs/taro'\nclass App extends Component {\n"
                   "  config = {\n    pages: ['pages/home/index', 'pages/orders/index', 'pages/grant/index']\n  }\n"
                   "  render() { return null }\n}\nexport default App\n",
    "src/pages/home/index.jsx": "import Taro, { Component } from '@tarojs/taro'\n"
                                "export default class Home extends Component {\n  render() { return null }\n}\n",
    "src/pages/orders/index.jsx": "import Taro, { Component } from '@tarojs/taro'\n"
                                  "export default class Orders extends Component {\n  render() { return null }\n}\n",
}
TARO1_DENIED = ("import Taro, { Component } from '@tarojs/taro'\nexport default class Page extends Component {\n"
                "  componentDidShow() {\n    this.props.place.denied &&\n"
                "    Taro.reLaunch({ url: '/pages/auth-setting/index' })\n  }\n  render() { return null }\n}\n")


def test_a_launch_helper_navigating_in_a_fail_callback_is_reported_there(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.js", "App({\n  onLaunch() {\n    wx.login({ success: (res) => this.profile(res.code) })\n"
                             "  },\n  profile(code) {\n    wx.getSetting({\n      success() {},\n      fail() {\n"
                             "        wx.showModal({ content: '请先授权', success() {\n"
                             "          wx.navigateTo({ url: './grant-auth' })\n        } })\n      }\n    })\n"
                             "  }\n})\n")
    app_repo.commit()
    assert {(f.rule, f.line) for f in run(app_repo.path, base).findings if f.family == "login"} == {
        ("login.forced_login", 10)}


def test_an_entry_page_sending_guests_to_login_in_an_else_branch_is_reported_at_the_else(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", "const app = getApp()\nPage({\n  onLoad() {\n    if (app.globalData.user) {\n"
                                           "      this.loadGoods()\n      this.loadFriends()\n      this.loadMap()\n"
                                           "    } else {\n      app.redirectToLogin()\n    }\n  }\n})\n")
    app_repo.commit()
    assert {(f.rule, f.line) for f in run(app_repo.path, base).findings if f.family == "login"} == {
        ("login.forced_login", 8)}


def test_silent_wx_login_on_the_entry_page_is_fine(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", "Page({\n  onLoad() {\n    wx.login({ success: (res) => {}, fail() {\n"
                                           "      wx.showToast({ title: '网络异常' })\n    } })\n  }\n})\n")
    app_repo.commit()
    assert [f for f in run(app_repo.path, base).findings if f.family == "login"] == []


MPVUE_BASE = {
    "package.json": '{"dependencies": {"mpvue": "^2.0.0"}}',
    "src/app.json": '{"pages": ["pages/home/main", "pages/chat/main", "pages/login/main"]}',
    "src/main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue(App).$mount()\n",
    "src/App.vue": "<script>export default {}</script>\n",
    "src/pages/home/main.js": "import App from './home'\nimport Vue from 'vue'\nnew Vue(App).$mount()\n",
    "src/pages/home/home.vue": "<template><div>home</div></template>\n<script>\nexport default {}\n</script>\n",
    "src/pages/chat/main.js": "import App from './index'\nimport Vue from 'vue'\nnew Vue(App).$mount()\n",
    "src/pages/chat/index.vue": "<template><div>chat</div></template>\n<script>\nexport default {}\n</script>\n",
}
MPVUE_GATE = ("<template><div>{{ name }}</div></template>\n<script>\nexport default {\n  onLoad() {\n"
              "    if (!wx.getStorageSync('userInfo')) {\n      wx.reLaunch({ url: '../login/main' })\n    }\n"
              "  }\n}\n</script>\n")


# (app files, the gate, the entry page's file, the gate's line there, a later page's file)
ENTRY_GATES = [
    # Taro 1: the entry page comes from the app class's config
    (TARO1_BASE, TARO1_DENIED, "src/pages/home/index.jsx", 4, "src/pages/orders/index.jsx"),
    # mpvue: pages/home/main.js only mounts home.vue, so the entry page's hooks live there
    (MPVUE_BASE, MPVUE_GATE, "src/pages/home/home.vue", 5, "src/pages/chat/index.vue"),
]


@pytest.mark.parametrize(("app", "gate", "entry", "line", "_later"), ENTRY_GATES)
def test_an_entry_page_sending_guests_to_login_is_forced_login(repo, app, gate, entry, line, _later):
    repo.write_files(app)
    base = repo.commit()
    repo.write(entry, gate)
    repo.commit()
    login = {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}
    assert login == {("login.forced_login", entry, line)}


@pytest.mark.parametrize(("app", "gate", "_entry", "_line", "later"), ENTRY_GATES)
def test_the_same_gate_on_a_later_page_is_fine(repo, app, gate, _entry, _line, later):
    repo.write_files(app)
    base = repo.commit()
    repo.write(later, gate)
    repo.commit()
    assert [f for f in run(repo.path, base).findings if f.family == "login"] == []


def test_an_entry_page_redirect_inside_a_try_is_reported_at_its_branch(app_repo):
    # A try decides nothing: the line shown is the else that sends guests to login, not the try.
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", "Page({\n  onLoad() {\n    try {\n      const user = wx.getStorageSync('u')\n"
                                           "      if (user) {\n        this.show(user)\n      } else {\n"
                                           "        wx.reLaunch({ url: '/pages/login/login' })\n      }\n"
                                           "    } catch (e) {}\n  }\n})\n")
    app_repo.commit()
    assert {(f.rule, f.line) for f in run(app_repo.path, base).findings if f.family == "login"} == {
        ("login.forced_login", 7)}


ENTRY_POPUP = ("Page({\n  data: { show_login: false },\n  onLoad() {\n    if (!wx.getStorageSync('token')) {\n"
               "      this.setData({ FLAG: true })\n    }\n  },\n})\n")


@pytest.mark.parametrize(("flag", "forced"), [("show_login", True), ("authModalShow", True), ("isLogin", False),
                                              ("showTips", False)])
def test_the_entry_page_opening_its_own_login_popup_on_load_is_forced_login(app_repo, flag, forced):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", ENTRY_POPUP.replace("FLAG", flag))
    app_repo.write("pages/index/index.wxml", "<view>home</view>\n<x-login show=\"{{show_login}}\"/>\n")
    app_repo.commit()
    login = [f for f in found(run(app_repo.path, base)) if f[0] == "login.forced_login"]
    assert login == ([("login.forced_login", "pages/index/index.js", 4, "app")] if forced else [])


def test_a_later_page_opening_a_login_popup_on_load_is_not_the_entry(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", ENTRY_POPUP.replace("FLAG", "show_login"))
    app_repo.commit()
    assert [f for f in found(run(app_repo.path, base)) if f[0] == "login.forced_login"] == []


ENTRY_LOCATION = """\
Page({
  onLoad() {
    this.locate()
  },
  locate() {
    if (wx.canIUse('getLocation')) {
      wx.getLocation({ type: 'wgs84', success: (res) => this.setData(res) })
    } else {
      wx.showModal({
        title: '微信版本过低，暂不支持地理位置授权功能，请升级至微信最新版本',
        showCancel: false%s
      })
    }
  }
})
"""


@pytest.mark.parametrize(("handler", "expected"), [
    ("", set()),  # the modal only informs: confirming it does nothing, the page stays usable
    (",\n        success() { wx.navigateTo({ url: '/pages/auth/auth' }) }", {("login.forced_login", 9), ("login.forced_login", 12)}),
])
def test_an_uncancellable_modal_on_the_entry_page_forces_only_when_confirming_it_acts(app_repo, handler, expected):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", ENTRY_LOCATION % handler)
    app_repo.commit()
    assert {(f.rule, f.line) for f in run(app_repo.path, base).findings if f.family == "login"} == expected



LOGIN_TOOL = "module.exports = {\n  checkLogin() { return !!wx.getStorageSync('token') }\n}\n"
# The same check sending a user without a token to the login page: its module forces, whatever its name.
WALLED_TOOL = LOGIN_TOOL.replace("{ return", "{ if (!wx.getStorageSync('token')) "
                                 "wx.navigateTo({ url: '/pages/login/login' }); return")


@pytest.mark.parametrize(("call", "tool", "forced"), [
    ("const isLogin = this.checkLogin()\n    this.setData({ isLogin })", LOGIN_TOOL, False),  # kept: a question
    ("this.setData({ isLogin: this.checkLogin() })", LOGIN_TOOL, False),
    # called for what it does: its module decides (it only reads the token: nothing is forced)
    ("this.checkLogin()", LOGIN_TOOL, False),
    ("if (!this.checkLogin()) return", LOGIN_TOOL, False),
    ("this.checkLogin()", WALLED_TOOL, True),
    ("if (!this.checkLogin()) return", WALLED_TOOL, True),
])
def test_a_login_check_whose_answer_a_shared_page_keeps_is_a_question(app_repo, call, tool, forced):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("utils/tool.js", tool)
    app_repo.write("pages/me/me.js", "const tool = require('../../utils/tool.js')\nPage({\n"
                                     "  checkLogin: tool.checkLogin,\n  onLoad(options) {\n    " + call + "\n  },\n"
                                     "  onShareAppMessage() { return { title: 'me', path: '/pages/me/me?id=1' } }\n})\n")
    app_repo.commit()
    told = {(f.rule, f.path, f.line) for f in run(app_repo.path, base).findings if f.family == "login"}
    assert told == ({("login.forced_login", "pages/me/me.js", 5)} if forced else set())


LAUNCH_CALLS_HELPER = """\
App({
  onLaunch() {
    wx.getStorage({
      key: 'session',
      fail: () => {
        this.signIn()
      }
    })
  },
  signIn() {
%s
  }
})
"""


def test_a_helper_made_to_redirect_is_told_at_its_new_redirect_not_the_unchanged_hook(app_repo):
    app_repo.write("app.js", LAUNCH_CALLS_HELPER % "    wx.login({ success: (res) => this.send(res.code) })")
    base = app_repo.commit("silent login")
    app_repo.write("app.js", LAUNCH_CALLS_HELPER % "    wx.reLaunch({\n      url: '/pages/auth/login'\n    })")
    app_repo.commit("send guests to the login page")
    login = {(f.rule, f.line, f.subject) for f in run(app_repo.path, base).findings if f.family == "login"}
    # the hook's statement (line 3) is as it was; the redirect written by the change is line 11
    assert login == {("login.forced_login", 11, "login:launch:pages/auth/login")}
