"""An authorization wall inside the entry page (login.forced_login): the page's content under a flag and, under
its negation, a block or a project component whose only control asks for the profile. Told at the ask's block.
A login button beside content everyone sees, a flag only a tap sets and a wall the page already was stay silent.
Also: a redirect a load hook's callback decides (wx.getSetting → else → wx.reLaunch) is told where it decides."""

from __future__ import annotations

from conftest import Repo
from helpers import run

APP = '{\n  "pages": [\n    "pages/index/index",\n    "pages/me/me"\n  ]\n}\n'
HOME = "pages/index/index"
OPEN = ('<view class="filters">\n  <button bindtap="filter" wx:for="{{filters}}">{{item}}</button>\n</view>\n'
        '<view wx:for="{{programs}}">{{item.name}}</view>\n')
WALLED = ('<!-- index -->\n<block wx:if="{{ hasUserInfo }}">\n  <view wx:for="{{programs}}">{{item.name}}</view>\n'
          '  <button bindtap="filter">筛选</button>\n</block>\n<block wx:if="{{ hasUserInfo === false }}">\n'
          '  <view class="ask">\n    <image src="/img/logo.png"/>\n    <text>我们需要您的头像和昵称</text>\n'
          '    <button open-type="getUserInfo" bindgetuserinfo="onAuth">授权</button>\n  </view>\n</block>\n'
          '<block wx:if="{{ hasUserInfo === null }}">正在启动...</block>\n')
WALLED_JS = ("const app = getApp()\nPage({\n  data: { hasUserInfo: null },\n  onLoad () {\n"
             "    this.setData({ hasUserInfo: app.globalData.hasUserInfo })\n  },\n"
             "  onAuth (e) {\n    this.setData({ hasUserInfo: true })\n  }\n})\n")


def _native(repo: Repo, wxml: str, js: str = "Page({})\n") -> None:
    repo.write_files({"app.json": APP, "app.js": "App({})\n", f"{HOME}.wxml": wxml, f"{HOME}.js": js,
                      "pages/me/me.wxml": "<view>me</view>\n", "pages/me/me.js": "Page({})\n"})


def _login(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_the_entry_pages_content_hidden_until_the_profile_is_granted(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo, OPEN)
    base = repo.commit("base")
    _native(repo, WALLED, WALLED_JS)
    repo.commit("ask first")
    assert _login(repo, base) == {("login.forced_login", f"{HOME}.wxml", 6)}


def test_a_wx_else_ask_block_after_the_content_is_the_same_wall(tmp_path):
    wxml = ('<view wx:if="{{authorized}}">\n  <view wx:for="{{goods}}">{{item}}</view>\n</view>\n'
            '<view wx:else>\n  <button open-type="getPhoneNumber" bindgetphonenumber="bind">手机号登录</button>\n</view>\n')
    repo = Repo(tmp_path / "repo")
    _native(repo, OPEN)
    base = repo.commit("base")
    _native(repo, wxml, "Page({ data: { authorized: false } })\n")
    repo.commit("phone first")
    assert _login(repo, base) == {("login.forced_login", f"{HOME}.wxml", 4)}


AUTH_VUE = ('<template>\n  <div class="auth">\n    <logo-image src="/static/logo.png"></logo-image>\n'
            '    <div class="title">登录后阅读</div>\n'
            '    <button open-type="getUserInfo" @getuserinfo="done">授权登录</button>\n  </div>\n</template>\n'
            "<script>\nexport default { methods: { done () { this.$emit('done') } } }\n</script>\n")
HOME_VUE = ('<template>\n<div>\n  <div class="home" v-if="granted">\n    <div v-for="b in books">{{ b.title }}</div>\n'
            '  </div>\n  <auth v-if="!granted" @done="init"></auth>\n</div>\n</template>\n'
            "<script>\nimport auth from '../../components/auth'\nexport default {\n  components: { auth },\n"
            "  data () { return { granted: true, books: [] } },\n  mounted () { this.init() },\n  methods: {\n"
            "    init () {\n      wx.getSetting({ success: (res) => {\n"
            "        if (!res.authSetting['scope.userInfo']) { this.granted = false }\n      } })\n    }%s\n  }\n}\n"
            "</script>\n")


def _mpvue(repo: Repo, home: str, auth: str | None) -> None:
    repo.write_files({"package.json": '{"dependencies": {"mpvue": "^2.0.0"}}\n', "src/main.js": "new Vue({})\n",
                      "src/App.vue": "<script>export default {}</script>\n",
                      "src/app.json": '{\n  "pages": [\n    "pages/index/main"\n  ]\n}\n',
                      "src/pages/index/main.js": "import App from './index'\nnew Vue(App).$mount()\n",
                      "src/pages/index/index.vue": home})
    if auth is not None:
        repo.write("src/components/auth.vue", auth)


def test_a_component_ask_replacing_the_mpvue_home_page_after_get_setting(tmp_path):
    repo = Repo(tmp_path / "repo")
    _mpvue(repo, '<template>\n  <div v-for="b in books">{{ b.title }}</div>\n</template>\n', None)
    base = repo.commit("base")
    _mpvue(repo, HOME_VUE % "", AUTH_VUE)
    repo.commit("auth wall")
    assert _login(repo, base) == {("login.forced_login", "src/pages/index/index.vue", 6)}


def test_a_flag_only_a_tap_lowers_is_no_wall(tmp_path):
    tapped = HOME_VUE.replace("mounted () { this.init() }", "mounted () {}") % ",\n    logout () { this.init() }"
    repo = Repo(tmp_path / "repo")
    _mpvue(repo, '<template>\n  <div v-for="b in books">{{ b.title }}</div>\n</template>\n', None)
    base = repo.commit("base")
    _mpvue(repo, tapped, AUTH_VUE)
    repo.commit("ask after logout")
    assert _login(repo, base) == set()


def test_a_login_button_beside_content_everyone_sees_is_silent(tmp_path):
    header = ('<view wx:if="{{!hasUserInfo}}">\n  <button open-type="getUserInfo" bindgetuserinfo="onAuth">登录</button>\n'
              '</view>\n<view wx:else>{{userInfo.nickName}}</view>\n' + OPEN)
    repo = Repo(tmp_path / "repo")
    _native(repo, OPEN)
    base = repo.commit("base")
    _native(repo, header, WALLED_JS)
    repo.commit("login in the header")
    assert _login(repo, base) == set()


def test_a_wall_the_entry_page_already_was_is_silent(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo, WALLED, WALLED_JS)
    base = repo.commit("base")
    _native(repo, WALLED.replace("我们需要您的头像和昵称", "请授权"), WALLED_JS)
    repo.commit("wording")
    assert _login(repo, base) == set()


REDIRECT_JS = ("Page({\n  onLoad () {\n    wx.login({ success: () => {} })\n    wx.getSetting({\n"
               "      success (res) {\n        if (res.authSetting['scope.userInfo']) {\n"
               "          wx.getUserInfo({ success () {} })\n          console.log('ok')\n        } else {\n"
               "          console.log('not yet')\n          console.log('asking')\n"
               "          wx.reLaunch({ url: '/pages/authorize/index' })\n        }\n      }\n    })\n  }\n})\n")


def test_a_redirect_the_get_setting_callback_decides_is_told_at_its_else(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo, OPEN)
    base = repo.commit("base")
    _native(repo, OPEN, REDIRECT_JS)
    repo.commit("authorize on load")
    assert _login(repo, base) == {("login.forced_login", f"{HOME}.js", 9)}


def test_a_login_page_by_name_made_first_is_told_once_by_the_name_rule(tmp_path):
    app = '{\n  "pages": [\n    "pages/login/login",\n    "pages/index/index"\n  ]\n}\n'
    repo = Repo(tmp_path / "repo")
    _native(repo, OPEN)
    base = repo.commit("base")
    _native(repo, OPEN)
    repo.write_files({"app.json": app, "pages/login/login.wxml": WALLED, "pages/login/login.js": WALLED_JS})
    repo.commit("login first")
    assert {rule for rule, _path, _line in _login(repo, base)} == {"login.login_first_page"}


# The only way in held by ``disabled`` until the ask's handler lowers the flag (the ask itself always shown).
GATED = ('<!-- index -->\n<button open-type="getUserInfo" bindgetuserinfo="onGot">获取用户信息</button>\n'
         '<button bindtap="enter" disabled="{{notGranted}}">进入</button>\n')
GATED_JS = ("Page({\n  data: { notGranted: true },\n  enter () { wx.navigateTo({ url: '/pages/me/me' }) },\n"
            "  onGot (e) {\n    if (e.detail.userInfo) { this.setData({ notGranted: false }) }\n  }\n})\n")


def test_the_only_way_in_disabled_until_the_profile_is_granted_is_a_wall(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo, '<button bindtap="enter">进入</button>\n')
    base = repo.commit("base")
    _native(repo, GATED, GATED_JS)
    repo.commit("ask first")
    assert _login(repo, base) == {("login.forced_login", f"{HOME}.wxml", 2)}


def test_a_button_disabled_by_a_flag_the_ask_does_not_set_is_silent(tmp_path):
    # ``busy`` holds the button while a request runs: the profile button beside it lets nobody in.
    js = GATED_JS.replace("notGranted: true", "notGranted: true, busy: true").replace(
        "this.setData({ notGranted: false })", "this.setData({ user: e.detail.userInfo })")
    repo = Repo(tmp_path / "repo")
    _native(repo, '<button bindtap="enter">进入</button>\n')
    base = repo.commit("base")
    _native(repo, GATED.replace("notGranted", "busy"), js)
    repo.commit("a busy flag")
    assert _login(repo, base) == set()


def test_a_disabled_way_in_that_starts_enabled_is_silent(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo, '<button bindtap="enter">进入</button>\n')
    base = repo.commit("base")
    _native(repo, GATED, GATED_JS.replace("notGranted: true", "notGranted: false"))
    repo.commit("enabled at first")
    assert _login(repo, base) == set()


MPX_APP = ('<script>\nimport { createApp } from "@mpxjs/core"\ncreateApp({})\n</script>\n'
           '<script type="application/json">\n{\n  "pages": ["./pages/index", "./pages/me"]\n}\n</script>\n')
MPX_WALL = ('<template>\n  <view>\n    <block wx:if="{{ user }}">\n      <button bindtap="enter">进入</button>\n'
            '    </block>\n    <block wx:else>\n      <button open-type="getUserInfo" bindgetuserinfo="onUser">授权登录'
            '</button>\n    </block>\n  </view>\n</template>\n\n<script lang="ts" src="./index.ts"></script>\n')


def _mpx(repo: Repo, index: str) -> None:
    repo.write_files({"package.json": '{"dependencies": {"@mpxjs/core": "^2.8.0"}}\n', "src/app.mpx": MPX_APP,
                      "src/pages/index.mpx": index, "src/pages/index.ts": "createPage({})\n",
                      "src/pages/me.mpx": "<template><view>me</view></template>\n"})


def test_an_mpx_entry_page_listed_relative_to_app_mpx_is_read_as_the_entry(tmp_path):
    # app.mpx names its pages "./pages/index": the same page as pages/index, its wall the entry page's.
    repo = Repo(tmp_path / "repo")
    _mpx(repo, '<template>\n  <view wx:for="{{rooms}}">{{item}}</view>\n</template>\n')
    base = repo.commit("base")
    _mpx(repo, MPX_WALL)
    repo.commit("ask first")
    assert _login(repo, base) == {("login.forced_login", "src/pages/index.mpx", 6)}


def test_the_same_mpx_ask_on_a_page_that_is_not_the_entry_is_silent(tmp_path):
    repo = Repo(tmp_path / "repo")
    _mpx(repo, '<template>\n  <view wx:for="{{rooms}}">{{item}}</view>\n</template>\n')
    base = repo.commit("base")
    repo.write("src/pages/me.mpx", MPX_WALL)
    repo.commit("ask on the second page")
    assert _login(repo, base) == set()


def _moved(repo: Repo, old: str, new: str) -> None:
    for name in (f"{HOME}.wxml", f"{HOME}.js", "app.json", "app.js", "pages/me/me.wxml", "pages/me/me.js"):
        repo.move(f"{old}/{name}", f"{new}/{name}")


def test_a_wall_moved_with_the_whole_app_into_another_folder_is_silent(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files({f"old/{path}": text for path, text in {
        "app.json": APP, "app.js": "App({})\n", f"{HOME}.wxml": GATED, f"{HOME}.js": GATED_JS,
        "pages/me/me.wxml": "<view>me</view>\n", "pages/me/me.js": "Page({})\n"}.items()})
    base = repo.commit("base")
    _moved(repo, "old", "client")
    repo.commit("the app moves into client/")
    assert _login(repo, base) == set()


def test_a_wall_added_as_the_app_moves_into_another_folder_is_told(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files({f"old/{path}": text for path, text in {
        "app.json": APP, "app.js": "App({})\n", f"{HOME}.wxml": '<button bindtap="enter">进入</button>\n',
        f"{HOME}.js": GATED_JS, "pages/me/me.wxml": "<view>me</view>\n", "pages/me/me.js": "Page({})\n"}.items()})
    base = repo.commit("base")
    _moved(repo, "old", "client")
    repo.write("client/" + f"{HOME}.wxml", GATED)
    repo.commit("the app moves into client/ and asks first")
    assert _login(repo, base) == {("login.forced_login", f"client/{HOME}.wxml", 2)}
