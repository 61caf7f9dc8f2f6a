"""A launch redirect to an authorization page not named as one: App.onLaunch reLaunches a user without a stored
id to pages/init/init, whose only control is a getUserInfo 微信一键登录 button — forced login at launch, told at the
hook's statement. The same redirect to a page of content, one the app already made to that authorization page
(rewritten), and one made only by a tap stay silent."""

from __future__ import annotations

from conftest import Repo
from helpers import run

APP_JSON = '{\n  "pages": [\n    "pages/index/index",\n    "pages/init/init"\n  ]\n}\n'
PLAIN_APP = "App({\n  onLaunch() {}\n})\n"
LAUNCH_APP = """App({
  onLaunch(options) {
    const user = wx.getStorageSync('user')
    if (!user.id) {
      wx.reLaunch({ url: '/pages/init/init' })
    }
  },
  onHide() {}
})
"""
TAP_APP = """App({
  onLaunch() {},
  relogin() {
    wx.reLaunch({ url: '/pages/init/init' })
  }
})
"""
AUTH_PAGE = """<view class="box">
  <image src="/images/logo.png"></image>
  <button open-type="getUserInfo" bindgetuserinfo="onUser">微信一键登录</button>
</view>
"""
CONTENT_PAGE = """<view class="box">
  <view wx:for="{{goods}}">{{item.name}}</view>
  <button bindtap="more">更多</button>
</view>
"""
INIT_JS = "Page({\n  onUser() { wx.switchTab({ url: '/pages/index/index' }) }\n})\n"


def _findings(tmp_path, base_app: str, head_app: str, init_page: str, base_page: str | None = None
              ) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write("app.json", APP_JSON)
    repo.write("app.js", base_app)
    repo.write("pages/index/index.js", "Page({})\n")
    repo.write("pages/index/index.wxml", CONTENT_PAGE)
    repo.write("pages/init/init.js", INIT_JS)
    repo.write("pages/init/init.wxml", base_page or init_page)
    base = repo.commit("base")
    repo.write("app.js", head_app)
    repo.write("pages/init/init.wxml", init_page)
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.rule.startswith("login.")}


def test_a_launch_redirect_to_an_authorization_page_named_like_any_page_is_forced_login(tmp_path):
    assert _findings(tmp_path, PLAIN_APP, LAUNCH_APP, AUTH_PAGE) == {("login.forced_login", "app.js", 4)}


def test_a_launch_redirect_to_a_page_of_content_is_silent(tmp_path):
    assert _findings(tmp_path, PLAIN_APP, LAUNCH_APP, CONTENT_PAGE) == set()


def test_a_redirect_only_a_tap_makes_is_silent(tmp_path):
    assert _findings(tmp_path, PLAIN_APP, TAP_APP, AUTH_PAGE) == set()


def test_a_launch_redirect_the_app_already_made_to_the_same_authorization_page_is_silent(tmp_path):
    moved = LAUNCH_APP.replace("wx.reLaunch({ url: '/pages/init/init' })", "wx.reLaunch({url: '/pages/init/init'})")
    assert _findings(tmp_path, LAUNCH_APP, moved, AUTH_PAGE) == set()


# A Taro 1/2 class App: componentDidMount runs at launch; the redirect is gated on the profile not granted.
TARO_APP = """import Taro, { Component } from '@tarojs/taro'
class App extends Component {
  componentDidMount () {
    Taro.getSetting({
      success: res => {
        if (!res.authSetting['scope.userInfo']) {
          Taro.reLaunch({ url: '/pages/init/init' })
          return
        }
        Taro.login()
      }
    })
  }
  render () { return null }
}
Taro.render(<App />, document.getElementById('app'))
"""


def _taro_findings(tmp_path, head_app: str) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write("package.json", '{"dependencies": {"@tarojs/taro": "2.2.0"}}\n')
    repo.write("project.config.json", '{"miniprogramRoot": "dist/", "appid": "wx1"}\n')
    repo.write("src/app.jsx", TARO_APP.replace("  componentDidMount () {", "  componentDidMount () {}\n  old () {"))
    repo.write("src/pages/index/index.jsx", "export default function Index() { return null }\n")
    repo.write("src/pages/init/index.jsx", "export default function Init() { return null }\n")
    base = repo.commit("base")
    repo.write("src/app.jsx", head_app)
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.rule.startswith("login.")}


def test_a_class_apps_launch_redirect_for_users_without_the_profile_is_forced_login(tmp_path):
    app = TARO_APP.replace("/pages/init/init", "/pages/init/index")
    assert _taro_findings(tmp_path, app) == {("login.forced_login", "src/app.jsx", 6)}


def test_a_class_apps_launch_redirect_under_another_condition_to_a_page_of_no_ask_is_silent(tmp_path):
    app = TARO_APP.replace("/pages/init/init", "/pages/init/index").replace(
        "!res.authSetting['scope.userInfo']", "res.authSetting['scope.userLocation'] === false")
    assert _taro_findings(tmp_path, app) == set()


def test_a_launch_redirect_in_an_app_script_the_change_adds_is_forced_login(tmp_path):
    # A new file's added lines are every line: the analyzer must not take them for none (an app imported whole).
    repo = Repo(tmp_path / "repo")
    repo.write("README.md", "app\n")
    base = repo.commit("base")
    repo.write("app.json", APP_JSON)
    repo.write("app.js", LAUNCH_APP)
    repo.write("pages/index/index.js", "Page({})\n")
    repo.write("pages/index/index.wxml", CONTENT_PAGE)
    repo.write("pages/init/init.js", INIT_JS)
    repo.write("pages/init/init.wxml", AUTH_PAGE)
    repo.commit()
    found = {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.rule.startswith("login.")}
    assert ("login.forced_login", "app.js", 4) in found


# The launch hook sends users who granted the profile to the home tab and the others to the init page.
SPLIT = ("if (res.authSetting['scope.userInfo'] === true) {\n          Taro.switchTab({ url: '/pages/index/index' })\n"
         "        } else {\n          Taro.reLaunch({ url: '/pages/init/index' })\n        }")


def test_a_launch_redirect_in_the_else_of_a_granted_profile_test_is_forced_login(tmp_path):
    app = TARO_APP.replace("if (!res.authSetting['scope.userInfo']) {\n          Taro.reLaunch({ url: "
                           "'/pages/init/init' })\n          return\n        }", SPLIT)
    assert _taro_findings(tmp_path, app) == {("login.forced_login", "src/app.jsx", 8)}  # the else, not the if


def test_a_launch_switch_to_home_only_for_users_who_granted_the_profile_is_silent(tmp_path):
    # the way into the content for those who granted it: no gate, though the test reads the profile scope
    app = TARO_APP.replace("if (!res.authSetting['scope.userInfo']) {\n          Taro.reLaunch({ url: "
                           "'/pages/init/init' })\n          return\n        }",
                           SPLIT.split(" else ")[0])
    assert _taro_findings(tmp_path, app) == set()
