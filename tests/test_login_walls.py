"""The entry page itself becomes a login wall, told by what it shows rather than by its name: a login form
(phone and password fields and a login button) or a single 授权登录 button put in place of the entry page's
content, a tab bar that led past an ask taken away, and a full-screen authorization overlay the entry page
renders as it opens (told at the page's tag when the component was that wall before the change). An entry page that shows content beside a login control, a login form on another page, a
dismissible popup, one opened by a tap and a wall that was there before stay silent; so does a redirect to the
login page refactored onto a login helper."""

from __future__ import annotations

from conftest import Repo
from helpers import run

HOME = "pages/index/index"
APP = '{\n  "pages": [\n    "pages/index/index",\n    "pages/me/me"\n  ]%s\n}\n'
TABS = (',\n  "tabBar": {"list": [{"pagePath": "pages/index/index", "text": "首页"},'
        ' {"pagePath": "pages/me/me", "text": "我的"}]}')
CONTENT = '<view>\n  <navigator url="/pages/goods/goods" wx:for="{{goods}}">{{item.name}}</navigator>\n</view>\n'
FORM = ('<view class="login">\n  <image src="/images/logo.png"/>\n'
        '  <input type="number" placeholder="请输入手机号" bindinput="onPhone"/>\n'
        '  <input password placeholder="请输入密码" bindinput="onPassword"/>\n'
        '  <button bindtap="login">登录</button>\n</view>\n')
FORM_JS = "Page({\n  login() {\n    wx.switchTab({ url: '/pages/me/me' })\n  }\n})\n"
AUTH = '<view>\n  <text>授权后开始使用</text>\n  <button open-type="getUserInfo" bindgetuserinfo="auth">授权登录</button>\n</view>\n'


def _native(repo: Repo, tabs: str = "", home: str = CONTENT, home_js: str = "Page({})\n") -> None:
    repo.write("app.json", APP % tabs)
    repo.write("app.js", "App({})\n")
    repo.write(f"{HOME}.wxml", home)
    repo.write(f"{HOME}.js", home_js)
    repo.write("pages/me/me.wxml", "<view>me</view>\n")
    repo.write("pages/me/me.js", "Page({})\n")


def _login(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_the_entry_page_turned_into_a_phone_and_password_form_is_told_at_its_login_button(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo)
    base = repo.commit("base")
    _native(repo, home=FORM, home_js=FORM_JS)
    repo.commit("login first")
    assert _login(repo, base) == {("login.login_first_page", f"{HOME}.wxml", 5)}


def test_a_kit_form_in_an_mpvue_entry_page_shown_until_a_stored_login_is_found(tmp_path):
    page = ('<template>\n  <div>\n    <div v-if="!valid">\n      <van-nav-bar right-text="注册" @clickright="reg"/>\n'
            '      <van-field :value="phone" label="手机号" @change="onPhone"/>\n'
            '      <van-field :value="pwd" label="密码" type="password" @change="onPwd"/>\n'
            '      <van-button type="primary" @click="login">登录</van-button>\n    </div>\n  </div>\n</template>\n'
            "<script>\nexport default {\n  data () { return { valid: false } },\n  methods: {\n"
            "    login () { wx.switchTab({ url: '../me/main' }) }\n  }\n}\n</script>\n")
    repo = Repo(tmp_path / "repo")
    repo.write_files({"package.json": '{"dependencies": {"mpvue": "^2.0.0"}}\n', "src/main.js": "new Vue({})\n",
                      "src/App.vue": "<script>export default {}</script>\n",
                      "src/app.json": '{\n  "pages": [\n    "pages/index/main",\n    "pages/me/main"\n  ]\n}\n',
                      "src/pages/index/main.js": "import App from './index'\nnew Vue(App).$mount()\n",
                      "src/pages/index/index.vue": "<template>\n  <div>{{ msg }}</div>\n</template>\n",
                      "src/pages/me/main.js": "new Vue({}).$mount()\n"})
    base = repo.commit("base")
    repo.write("src/pages/index/index.vue", page)
    repo.commit("login form")
    assert _login(repo, base) == {("login.login_first_page", "src/pages/index/index.vue", 7)}


def test_a_single_authorize_button_page_needs_no_forward_when_it_says_it_logs_in(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo)
    base = repo.commit("base")
    _native(repo, home=AUTH)
    repo.commit("authorize first")
    assert _login(repo, base) == {("login.login_first_page", f"{HOME}.wxml", 3)}


def test_taking_away_the_tab_bar_that_led_past_the_ask_makes_the_wall(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo, tabs=TABS, home=AUTH.replace("授权登录", "获取权限"))
    base = repo.commit("base")
    _native(repo, home=AUTH)
    repo.commit("no tabs")
    assert _login(repo, base) == {("login.login_first_page", f"{HOME}.wxml", 3)}


def test_an_ask_on_a_tab_page_others_lead_past_is_silent(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo, tabs=TABS)
    base = repo.commit("base")
    _native(repo, tabs=TABS, home=AUTH)
    repo.commit("authorize on the home tab")
    assert _login(repo, base) == set()


def test_content_beside_a_login_form_and_a_form_on_another_page_are_silent(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo)
    base = repo.commit("base")
    _native(repo, home=FORM.replace("</view>\n", '  <view wx:for="{{goods}}">{{item.name}}</view>\n</view>\n'),
            home_js=FORM_JS)
    repo.write("pages/me/me.wxml", FORM)
    repo.write("pages/me/me.js", FORM_JS)
    repo.commit("forms")
    assert _login(repo, base) == set()


def test_a_wall_the_entry_page_already_was_is_silent(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo, home=FORM, home_js=FORM_JS)
    base = repo.commit("base")
    _native(repo, home=FORM.replace("请输入密码", "请输入登录密码"), home_js=FORM_JS)
    repo.commit("wording")
    assert _login(repo, base) == set()


OVERLAY = ('<template>\n<view wx:if="{{show}}" class="mask">\n  <view class="box">\n    <view>登录并授权</view>\n'
           '    <button open-type="getUserInfo" bindgetuserinfo="allow">允许</button>\n  </view>\n</view>\n</template>\n'
           "<script>\nexport default {\n  data () { return { show: false } },\n"
           "  onLoad () {\n    wx.getSetting({ success: (res) => { if (!res.authSetting['scope.userInfo']) this.show = true } })\n"
           "  },\n  methods: { allow () { this.show = false } }\n}\n</script>\n"
           "<style>\n.mask {\n  position: fixed;\n  top: 0;\n  left: 0;\n  right: 0;\n  bottom: 0;\n}\n</style>\n")
HOME_VUE = ('<template>\n  <view>\n    %s\n    <view v-for="item in goods">{{ item.name }}</view>\n  </view>\n</template>\n'
            "<script>\nimport AuthMask from '@/components/auth-mask'\n"
            "export default {\n  components: { AuthMask },\n  data () { return { open: false, goods: [] } },\n"
            "  methods: { buy () { this.open = true } }\n}\n</script>\n")


def _uni(repo: Repo, use: str, overlay: str | None) -> None:
    repo.write_files({"src/manifest.json": "{}\n", "src/App.vue": "<script>export default {}</script>\n",
                      "src/pages.json": '{\n  "pages": [\n    {"path": "pages/index/index"}\n  ]\n}\n',
                      "src/pages/index/index.vue": HOME_VUE % use})
    if overlay is not None:
        repo.write("src/components/auth-mask.vue", overlay)


def test_a_full_screen_authorization_overlay_the_entry_page_renders_as_it_opens(tmp_path):
    repo = Repo(tmp_path / "repo")
    _uni(repo, "<view>首页</view>", None)
    base = repo.commit("base")
    _uni(repo, "<auth-mask></auth-mask>", OVERLAY)
    repo.commit("authorize over the home page")
    assert _login(repo, base) == {("login.forced_login", "src/components/auth-mask.vue", 2)}


def test_a_dismissible_popup_one_opened_by_a_tap_and_a_small_banner_are_silent(tmp_path):
    closable = OVERLAY.replace('<view class="box">', '<view class="box">\n    <view bindtap="close">×</view>')
    tapped = OVERLAY.replace("onLoad ()", "buy ()")
    banner = OVERLAY.replace("  top: 0;\n", "").replace("  bottom: 0;\n", "  height: 120rpx;\n")  # a bar, not a wall
    for index, overlay in enumerate((closable, tapped, banner)):
        repo = Repo(tmp_path / f"repo{index}")
        _uni(repo, "<view>首页</view>", None)
        base = repo.commit("base")
        _uni(repo, "<auth-mask></auth-mask>", overlay)
        repo.commit("popup")
        assert _login(repo, base) == set(), index


def test_an_overlay_the_page_opens_on_a_tap_and_one_already_there_are_silent(tmp_path):
    always = OVERLAY.replace(' wx:if="{{show}}"', "")
    repo = Repo(tmp_path / "tapped")
    _uni(repo, "<view>首页</view>", None)
    base = repo.commit("base")
    _uni(repo, '<auth-mask v-if="open"></auth-mask>', always)
    repo.commit("opened by buy()")
    assert _login(repo, base) == set()
    repo = Repo(tmp_path / "old")
    _uni(repo, "<auth-mask></auth-mask>", OVERLAY)
    base = repo.commit("base")
    _uni(repo, "<auth-mask></auth-mask>", OVERLAY.replace("登录并授权", "请授权"))
    repo.commit("wording")
    assert _login(repo, base) == set()


JUMP = ("import Router from './router'\nexport default {\n  gotoLogin () {\n"
        "    Router.redirect({ url: '/pages/user/auth/index' })\n  }\n}\n")
ENTRY = ("import Router from '../../router'\nimport jump from '../../jump'\nPage({\n  onShow () {\n"
         "    if (!wx.getStorageSync('token')) {\n      %s\n    }\n  }\n})\n")


def test_a_redirect_to_login_refactored_onto_a_login_helper_is_not_new(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo)
    repo.write_files({"jump.js": JUMP, "router.js": "export default {}\n",
                      f"{HOME}.js": ENTRY % "Router.reLaunch({ url: '/pages/user/auth/index' })"})
    base = repo.commit("base")
    repo.write(f"{HOME}.js", ENTRY % "jump.gotoLogin()")
    repo.commit("onto the helper")
    assert _login(repo, base) == set()


def test_a_login_helper_where_no_redirect_was_or_under_fewer_conditions_is_still_told(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo)
    repo.write_files({"jump.js": JUMP, "router.js": "export default {}\n",
                      f"{HOME}.js": ENTRY % "Router.reLaunch({ url: '/pages/goods/index' })"})
    base = repo.commit("base")
    repo.write(f"{HOME}.js", ENTRY % "jump.gotoLogin()")
    repo.commit("login now")
    # told at the helper's new call (line 6), not the unchanged test around it
    assert _login(repo, base) == {("login.forced_login", f"{HOME}.js", 6)}
    repo = Repo(tmp_path / "wider")
    _native(repo)
    repo.write_files({"jump.js": JUMP, "router.js": "export default {}\n",
                      f"{HOME}.js": ENTRY % "Router.reLaunch({ url: '/pages/user/auth/index' })"})
    base = repo.commit("base")
    repo.write(f"{HOME}.js", "import jump from '../../jump'\nPage({\n  onShow () {\n    jump.gotoLogin()\n  }\n})\n")
    repo.commit("every time")
    assert _login(repo, base) == {("login.forced_login", f"{HOME}.js", 4)}


def test_a_native_component_overlay_raised_by_set_data_in_its_attached_hook(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo)
    base = repo.commit("base")
    repo.write_files({
        "pages/index/index.json": '{"usingComponents": {"auth-mask": "/components/auth/auth"}}\n',
        "pages/index/index.wxml": CONTENT.replace("<view>\n", "<view>\n  <auth-mask/>\n", 1),
        "components/auth/auth.json": '{"component": true}\n',
        "components/auth/auth.wxml": '<view class="mask" hidden="{{!visible}}">\n'
                                     '  <button open-type="getPhoneNumber" bindgetphonenumber="bind">手机号登录</button>\n'
                                     "</view>\n",
        "components/auth/auth.wxss": ".mask { position: fixed; inset: 0; background: rgba(0, 0, 0, .5); }\n",
        "components/auth/auth.js": "Component({\n  data: { visible: false },\n  lifetimes: {\n    attached() {\n"
                                   "      if (!wx.getStorageSync('phone')) this.setData({ visible: true })\n    }\n  }\n})\n"})
    repo.commit("phone wall")
    assert _login(repo, base) == {("login.forced_login", "components/auth/auth.wxml", 1)}


def test_an_overlay_the_entry_page_puts_up_under_its_own_condition_on_load_is_told_at_the_page_tag(tmp_path):
    # The page decides when the wall goes up (its flag, set on load when the profile is not granted): the reviewer
    # reads the wall at the page's tag; without a condition of the page's the component decides (told there).
    always = OVERLAY.replace(' wx:if="{{show}}"', "")
    deciding = HOME_VUE.replace("  methods:", "  onLoad () {\n    wx.getSetting({ success: (res) => "
                                "{ if (!res.authSetting['scope.userInfo']) this.open = true } })\n  },\n  methods:")
    repo = Repo(tmp_path / "repo")
    _uni(repo, "<view>首页</view>", None)
    base = repo.commit("base")
    _uni(repo, '<auth-mask v-if="open"></auth-mask>', always)
    repo.write("src/pages/index/index.vue", deciding % '<auth-mask v-if="open"></auth-mask>')
    repo.commit("authorize over the home page")
    assert _login(repo, base) == {("login.forced_login", "src/pages/index/index.vue", 3)}


MASK = ('<view class="home">\n  <view class="mask" wx:if="{{!userInfo.nickName}}">\n    <view class="box">\n'
        '      <button open-type="getUserInfo" bindgetuserinfo="onAuth">登录</button>\n    </view>\n  </view>\n'
        '  <navigator url="/pages/goods/goods" wx:for="{{goods}}">{{item.name}}</navigator>\n</view>\n')
MASK_JS = ("Page({\n  data: { userInfo: {}, goods: [] },\n  onAuth(e) {\n"
           "    this.setData({ userInfo: e.detail.userInfo })\n  },\n  close() {},\n  buy() {}\n})\n")
MASK_CSS = ".mask {\n  position: fixed;\n  top: 0;\n  bottom: 0;\n  width: 100%;\n  z-index: 100;\n}\n"


def _masked(repo: Repo, home: str, css: str = MASK_CSS, js: str = MASK_JS) -> None:
    _native(repo, TABS, home=home, home_js=js)
    repo.write(f"{HOME}.wxss", css)


def test_a_full_screen_authorization_mask_in_the_entry_page_itself_shown_as_it_opens(tmp_path):
    # Not a component: the home page's own template lays the mask over its content until the profile is known.
    repo = Repo(tmp_path / "repo")
    _masked(repo, CONTENT, css="")
    base = repo.commit("base")
    _masked(repo, MASK)
    repo.commit("authorize over the home page")
    assert _login(repo, base) == {("login.forced_login", f"{HOME}.wxml", 2)}


def test_an_in_page_mask_with_a_close_opened_by_a_tap_not_covering_or_already_there_is_silent(tmp_path):
    closable = MASK.replace('<view class="box">', '<view class="box">\n      <view bindtap="close">×</view>')
    tapped = MASK.replace("!userInfo.nickName", "showLogin")
    bar = MASK_CSS.replace("  bottom: 0;\n", "  height: 120rpx;\n")
    for index, (home, css) in enumerate(((closable, MASK_CSS), (tapped, MASK_CSS), (MASK, bar))):
        repo = Repo(tmp_path / f"repo{index}")
        _masked(repo, CONTENT, css="")
        base = repo.commit("base")
        _masked(repo, home, css)
        repo.commit("popup")
        assert _login(repo, base) == set(), index
    repo = Repo(tmp_path / "old")
    _masked(repo, MASK)
    base = repo.commit("base")
    _masked(repo, MASK.replace(">登录<", ">授权登录<"))
    repo.commit("wording")
    assert _login(repo, base) == set()
    repo = Repo(tmp_path / "restyled")  # laid over the page absolutely before, fixed now: the same mask
    _masked(repo, MASK, css=MASK_CSS.replace("fixed", "absolute"))
    base = repo.commit("base")
    _masked(repo, MASK)
    repo.commit("fixed")
    assert _login(repo, base) == set()


WALL = {"components/auth/auth.json": '{"component": true}\n',
        "components/auth/auth.wxml": '<view class="mask">\n'
                                     '  <button open-type="getUserInfo" bindgetuserinfo="allow">授权</button>\n</view>\n',
        "components/auth/auth.wxss": ".mask { position: fixed; inset: 0; }\n",
        "components/auth/auth.js": "Component({ methods: { allow() {} } })\n"}
USES_WALL = '{"usingComponents": {"auth-mask": "/components/auth/auth"}}\n'


def test_a_wall_component_the_entry_page_starts_rendering_is_told_at_the_pages_tag(tmp_path):
    # The full-screen authorization component was there (on another page); the change has the entry page render
    # it. The page is what changed and what the reviewer opens first: told at its tag, not in the component.
    repo = Repo(tmp_path / "repo")
    _native(repo)
    repo.write_files({**WALL, "pages/me/me.json": USES_WALL, "pages/me/me.wxml": "<auth-mask/>\n"})
    base = repo.commit("base")
    repo.write_files({"pages/index/index.json": USES_WALL,
                      f"{HOME}.wxml": CONTENT.replace("<view>\n", "<view>\n  <auth-mask/>\n", 1)})
    repo.commit("the home page gets the wall")
    assert _login(repo, base) == {("login.forced_login", f"{HOME}.wxml", 2)}


def test_a_component_the_entry_page_rendered_that_the_change_makes_a_wall_is_told_at_the_wall(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo)
    banner = WALL["components/auth/auth.wxss"].replace("inset: 0;", "top: 0; height: 80rpx;")
    repo.write_files({**WALL, "components/auth/auth.wxss": banner, "pages/index/index.json": USES_WALL,
                      f"{HOME}.wxml": CONTENT.replace("<view>\n", "<view>\n  <auth-mask/>\n", 1)})
    base = repo.commit("base")
    repo.write("components/auth/auth.wxss", WALL["components/auth/auth.wxss"])
    repo.commit("the banner covers the page")
    assert _login(repo, base) == {("login.forced_login", "components/auth/auth.wxml", 1)}
