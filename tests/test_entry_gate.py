"""A welcome entry page whose way into the app shows only to a user a load-time login check lets in, and under the
flag's other value only an authorization button (login.forced_login, readers/authgate.py). Told at the ask. An
entry page with a control everyone sees, a flag that only hides a header whose tap opens a detail page, the same gate
at the merge base, on a page that is not the entry page, or on an entry page a tab bar leads past stay silent."""

from __future__ import annotations

from conftest import Repo
from helpers import run
from mp_precheck.readers.authgate import gate

APP = '{\n  "pages": [\n    "pages/start/start",\n    "pages/shop/shop",\n    "pages/me/me"\n  ]%s\n}\n'
TABS = (',\n  "tabBar": {\n    "list": [\n      {"pagePath": "pages/shop/shop", "text": "店"},\n'
        '      {"pagePath": "pages/me/me", "text": "我"}\n    ]\n  }')
START = "pages/start/start"
OPEN = ('<view class="welcome">\n  <image src="/img/logo.png"></image>\n'
        '  <view class="go" bindtap="enter"><text>进入</text></view>\n</view>\n')
GATED = ('<view class="welcome">\n  <image src="/img/logo.png"></image>\n'
         '  <view class="go" bindtap="enter" wx:if="{{ member == true }}"><text>进入</text></view>\n'
         '  <button open-type="getUserInfo" bindgetuserinfo="signUp" wx:if="{{ member == false }}">授权</button>\n'
         '  <text class="note">欢迎光临</text>\n</view>\n')
CHECKED_JS = ("const app = getApp()\nPage({\n  data: { member: true },\n  onLoad () { this.check() },\n"
              "  enter () { wx.switchTab({ url: '/pages/shop/shop' }) },\n  check () {\n    const that = this\n"
              "    wx.login({ success (res) {\n      wx.request({ url: app.api + '/member', data: { code: res.code },\n"
              "        success (r) { if (r.data.code !== 200) { that.setData({ member: false }) } } })\n"
              "    } })\n  },\n  signUp (e) { wx.login({ success: () => this.enter() }) }\n})\n")
PLAIN_JS = "Page({\n  enter () { wx.switchTab({ url: '/pages/shop/shop' }) }\n})\n"


def _app(repo: Repo, wxml: str, js: str, tabs: str = "") -> None:
    repo.write_files({"app.json": APP % tabs, "app.js": "App({})\n", f"{START}.wxml": wxml, f"{START}.js": js,
                      "pages/shop/shop.wxml": "<view>shop</view>\n", "pages/shop/shop.js": "Page({})\n",
                      "pages/me/me.wxml": "<view>me</view>\n", "pages/me/me.js": "Page({})\n"})


def _walls(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def _gated(repo: Repo, wxml: str = GATED, js: str = CHECKED_JS, tabs: str = "") -> set[tuple[str, str, int]]:
    _app(repo, OPEN, PLAIN_JS, tabs)
    base = repo.commit("welcome page")
    _app(repo, wxml, js, tabs)
    repo.commit("members only")
    return _walls(repo, base)


def test_the_way_in_shown_only_to_members_behind_a_load_time_check_is_a_wall(tmp_path):
    assert _gated(Repo(tmp_path / "repo")) == {("login.forced_login", f"{START}.wxml", 4)}


def test_a_wx_else_ask_after_a_way_in_a_navigator_gives_is_the_same_gate():
    wxml = ('<image src="/img/logo.png"></image>\n<view wx:if="{{!fresh}}">\n'
            '  <navigator open-type="switchTab" url="/pages/shop/shop">进入</navigator>\n</view>\n'
            '<view wx:else>\n  <button open-type="getPhoneNumber" bindgetphonenumber="bind">手机号登录</button>\n'
            '</view>\n')
    js = "Page({\n  onLoad () { wx.getStorage({ key: 'user', fail: () => this.setData({ fresh: true }) }) }\n})\n"
    found = gate(wxml, "start.wxml", js, "start.js")
    assert found is not None and (found.line, found.flag) == (5, "fresh")
    assert gate(wxml, "start.wxml", "Page({})\n", "start.js") is None  # nothing raises the flag: the way in shows


def test_a_control_everyone_sees_beside_the_gate_is_another_way_in(tmp_path):
    wxml = GATED.replace('  <text class="note">', '  <navigator open-type="switchTab" url="/pages/shop/shop">'
                                                   '随便看看</navigator>\n  <text class="note">')
    assert _gated(Repo(tmp_path / "repo"), wxml) == set()


def test_a_flag_hiding_only_a_header_whose_tap_opens_a_detail_page_is_no_gate(tmp_path):
    wxml = ('<view class="userinfo">\n  <button wx:if="{{!hasUserInfo}}" open-type="getUserInfo" '
            'bindgetuserinfo="got">获取头像昵称</button>\n  <block wx:else>\n'
            '    <image bindtap="viewLogs" src="{{userInfo.avatarUrl}}"></image>\n  </block>\n</view>\n'
            '<view class="motto"><text>{{motto}}</text></view>\n')
    js = ("Page({\n  data: { hasUserInfo: false },\n  viewLogs () { wx.navigateTo({ url: '../me/me' }) },\n"
          "  got (e) { this.setData({ hasUserInfo: true }) }\n})\n")
    assert _gated(Repo(tmp_path / "repo"), wxml, js) == set()


def test_a_gate_the_entry_page_already_was_stays_silent(tmp_path):
    repo = Repo(tmp_path / "repo")
    _app(repo, GATED, CHECKED_JS)
    base = repo.commit("members only")
    _app(repo, GATED.replace("欢迎光临", "欢迎"), CHECKED_JS)
    repo.commit("wording")
    assert _walls(repo, base) == set()


def test_the_gate_on_a_page_that_is_not_the_entry_page_or_one_a_tab_bar_leads_past_stays_silent(tmp_path):
    assert _gated(Repo(tmp_path / "tabs"), tabs=TABS.replace("pages/shop/shop", START)) == set()
    repo = Repo(tmp_path / "later")
    _app(repo, OPEN, PLAIN_JS)
    repo.write("app.json", APP.replace('"pages/start/start",\n    "pages/shop/shop"',
                                       '"pages/shop/shop",\n    "pages/start/start"') % "")
    base = repo.commit("shop first")
    repo.write_files({f"{START}.wxml": GATED, f"{START}.js": CHECKED_JS})
    repo.commit("members only")
    assert _walls(repo, base) == set()
