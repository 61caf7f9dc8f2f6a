"""An entry page whose load path now stops a first-time user at a login view (login.forced_login): the page used to
log in silently as it opened and now, when nothing is stored, raises a flag under which its template shows only a
login control. Told at the statement that raises the flag. A view shown only after the user signed out, a silent
login kept, content shown beside an optional login button and a view the page already had stay silent; each
silent shape is checked beside the one change that makes it a wall."""

from __future__ import annotations

from conftest import Repo
from helpers import places, run

ENTRY = "pages/start/start"
APP = '{\n  "pages": [\n    "pages/start/start",\n    "pages/home/home"\n  ]\n}\n'
API = ("function token () { return wx.getStorageSync('tk') }\n"
       "function login () { return new Promise(r => wx.login({ success: r })) }\n"
       "function loggedOut () { return wx.getStorageSync('bye') === 1 }\n"
       "module.exports = { token, login, loggedOut, me: () => Promise.resolve(null) }\n")
WXML = ('<view class="page">\n  <view class="hero">\n    <image src="/img/logo.png" mode="aspectFit"/>\n'
        '    <text class="title">护理助手</text>\n  </view>\n'
        '  <view wx:if="{{askLogin}}" class="gate">\n    <button class="go" bindtap="tapLogin">一键登录</button>\n'
        '  </view>\n  <view wx:elif="{{busy}}" class="spin">加载中</view>\n  <block wx:else>\n'
        '    <view wx:for="{{items}}" wx:key="id">{{item.name}}</view>\n'
        '    <button bindtap="add">新建</button>\n  </block>\n</view>\n')
ENTER = ("  async enter () {\n    let me = null\n    if (api.token()) me = await api.me()\n"
         "    if (!me) await api.login()\n    this.setData({ busy: false })\n  },\n"
         "  tapLogin () { this.enter() },\n  add () {}\n})\n")
HEAD = "const api = require('../../lib/api')\nPage({\n  data: { busy: true, askLogin: false, items: [] },\n"
SILENT = HEAD + "  onLoad () {\n    this.enter()\n  },\n" + ENTER
STOPPED = (HEAD + "  onLoad () {\n    if (!api.token() || api.loggedOut()) {\n"
           "      this.setData({ busy: false, askLogin: true })\n      return\n    }\n    this.enter()\n  },\n" + ENTER)
RAISE = 6  # the line of STOPPED's setData


def _app(repo: Repo, js: str, wxml: str = WXML, app: str = APP) -> None:
    repo.write_files({"app.json": app, "app.js": "App({})\n", "lib/api.js": API, f"{ENTRY}.wxml": wxml,
                      f"{ENTRY}.js": js, "pages/home/home.wxml": "<view>home</view>\n",
                      "pages/home/home.js": "Page({})\n"})


def _login(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return places(run(repo.path, base), "login")


def _change(repo: Repo, base_js: str, head_js: str, wxml: str = WXML) -> set[tuple[str, str, int]]:
    _app(repo, base_js, wxml)
    base = repo.commit("base")
    _app(repo, head_js, wxml)
    repo.commit("head")
    return _login(repo, base)


def test_a_silent_login_replaced_by_a_login_view_for_users_without_a_token(tmp_path):
    assert _change(Repo(tmp_path / "repo"), SILENT, STOPPED) == {("login.forced_login", f"{ENTRY}.js", RAISE)}


def test_a_login_view_only_after_signing_out_is_silent_and_for_every_new_user_is_told(tmp_path):
    signed_out = STOPPED.replace("!api.token() || api.loggedOut()", "!api.token() && api.loggedOut()")
    assert _change(Repo(tmp_path / "out"), SILENT, signed_out) == set()
    assert _change(Repo(tmp_path / "new"), signed_out, STOPPED) == {("login.forced_login", f"{ENTRY}.js", RAISE)}


def test_a_silent_login_kept_before_the_view_is_silent(tmp_path):
    kept = STOPPED.replace("      this.setData({ busy: false, askLogin: true })\n      return\n",
                           "      try {\n        await api.login()\n      } catch (e) {\n"
                           "        this.setData({ busy: false, askLogin: true })\n        return\n      }\n"
                           ).replace("  onLoad () {", "  async onLoad () {")
    assert _change(Repo(tmp_path / "kept"), SILENT, kept) == set()
    # the login only a failed profile request reaches: the view is what a first-time user meets
    failed = kept.replace("        await api.login()\n      } catch (e) {\n", "        await api.me()\n      } catch (e) {\n"
                          "        await api.login()\n      }\n      {\n")
    assert _change(Repo(tmp_path / "failed"), SILENT, failed) == {("login.forced_login", f"{ENTRY}.js", 12)}


def test_content_shown_beside_an_optional_login_button_is_silent(tmp_path):
    beside = WXML.replace('  <view wx:elif="{{busy}}"', '  <view wx:if="{{busy}}"').replace(
        "  <block wx:else>\n", '  <block wx:if="{{!busy}}">\n')
    assert _change(Repo(tmp_path / "beside"), SILENT, STOPPED, beside) == set()
    hidden = beside.replace('<block wx:if="{{!busy}}">', '<block wx:if="{{!busy && !askLogin}}">')
    assert _change(Repo(tmp_path / "hidden"), SILENT, STOPPED, hidden) == {
        ("login.forced_login", f"{ENTRY}.js", RAISE)}


def test_a_login_view_the_entry_page_already_showed_new_users_is_silent(tmp_path):
    reworded = STOPPED.replace("this.setData({ busy: false, askLogin: true })",
                               "this.setData({ askLogin: true, busy: false })")
    assert _change(Repo(tmp_path / "repo"), STOPPED, reworded) == set()


def test_an_entry_page_a_tab_bar_leads_past_is_silent(tmp_path):
    tabs = APP.replace("\n  ]\n}", '\n  ],\n  "tabBar": {\n    "list": [\n'
                                    '      { "pagePath": "pages/start/start", "text": "a" },\n'
                                    '      { "pagePath": "pages/home/home", "text": "b" }\n    ]\n  }\n}')
    repo = Repo(tmp_path / "repo")
    _app(repo, SILENT, app=tabs)
    base = repo.commit("base")
    _app(repo, STOPPED, app=tabs)
    repo.commit("head")
    assert _login(repo, base) == set()


VUE = ('<template>\n  <div>\n    <div class="hero"><img src="/static/logo.png" /></div>\n'
       '    <div v-if="asking" class="gate">\n      <button @click="go">登录后使用</button>\n    </div>\n'
       '    <div v-else>\n      <div v-for="b in books" :key="b.id">{{ b.title }}</div>\n    </div>\n'
       '  </div>\n</template>\n<script>\nexport default {\n  data () { return { asking: false, books: [] } },\n'
       '  mounted () {\n%s  },\n  methods: { go () { wx.login({ success () {} }) } }\n}\n</script>\n')


def test_a_vue_entry_page_told_in_its_script_block(tmp_path):
    repo = Repo(tmp_path / "repo")
    files = {"package.json": '{"dependencies": {"mpvue": "^2.0.0"}}\n', "src/main.js": "new Vue({})\n",
             "src/App.vue": "<script>export default {}</script>\n",
             "src/app.json": '{\n  "pages": [\n    "pages/index/main"\n  ]\n}\n',
             "src/pages/index/main.js": "import App from './index'\nnew Vue(App).$mount()\n"}
    repo.write_files({**files, "src/pages/index/index.vue": VUE % "    wx.login({ success () {} })\n"})
    base = repo.commit("base")
    repo.write("src/pages/index/index.vue",
               VUE % "    if (!wx.getStorageSync('tk')) {\n      this.asking = true\n    }\n")
    repo.commit("head")
    assert _login(repo, base) == {("login.forced_login", "src/pages/index/index.vue", 17)}
