"""An authorization page made the entry page, told by what it does (login.login_first_page): a welcome page
named anything whose only control asks for the profile, the phone number or a login, and nothing else to show,
opened first. A home page with a login button beside its content, a page with a way past the ask (暂不登录),
an entry page that already was such a page, and a login page by name (told once, by the name rule) stay as
they were."""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import run
from mp_precheck.readers.authpage import Ask, AuthPageDataError, authorization_page, check_auth_pages

PAGES = '{\n  "pages": [\n    %s\n  ]\n}\n'
HOME = "pages/index/index"
HOME_WXML = '<view>\n  <navigator url="/pages/goods/goods" wx:for="{{goods}}">{{item.name}}</navigator>\n</view>\n'
WELCOME = ('<view class="welcome">\n  <image src="/images/bg.png" mode="aspectFill"/>\n  <text>欢迎</text>\n'
           '  <button open-type="%s" bind%s="onAuth">开启使用</button>\n</view>\n')
WELCOME_JS = "Page({\n  onAuth() {\n    wx.switchTab({ url: '/pages/index/index' })\n  }\n})\n"


def _native(repo: Repo, first: str, pages: dict[str, str]) -> None:
    order = [first] + [p for p in (HOME, "pages/welcome/welcome") if p != first]
    repo.write("app.json", PAGES % ",\n    ".join(f'"{p}"' for p in order))
    repo.write("app.js", "App({})\n")
    repo.write(f"{HOME}.js", "Page({})\n")
    repo.write(f"{HOME}.wxml", HOME_WXML)
    repo.write("pages/welcome/welcome.js", WELCOME_JS)
    for path, text in pages.items():
        repo.write(path, text)


def _entry(repo: Repo, base: str) -> set[tuple[str, int]]:
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "login.login_first_page"}


@pytest.mark.parametrize("open_type", ["getUserInfo", "getPhoneNumber", "chooseAvatar"])
def test_a_welcome_page_asking_only_for_user_data_put_first(tmp_path, open_type):
    repo = Repo(tmp_path / "repo")
    wxml = WELCOME % (open_type, open_type.lower())
    _native(repo, HOME, {"pages/welcome/welcome.wxml": wxml})
    base = repo.commit("base")
    _native(repo, "pages/welcome/welcome", {"pages/welcome/welcome.wxml": wxml})
    repo.commit("welcome first")
    assert _entry(repo, base) == {("app.json", 3)}


def test_a_uni_app_welcome_page_whose_only_control_is_a_login_button_put_first(tmp_path):
    page = ('<template>\n  <view class="page">\n    <view>我是背景图片</view>\n'
            '    <button class="cu-btn" @click="login">授权登录</button>\n  </view>\n</template>\n'
            "<script>\nexport default { methods: { login() {\n"
            "  uni.login({ success: () => uni.switchTab({ url: '/pages/ci/home' }) })\n} } }\n</script>\n")
    files = {"manifest.json": "{}\n", "App.vue": "<script>export default {}</script>\n",
             "pages/ci/welcome.vue": page,
             "pages/ci/home.vue": '<template>\n  <view v-for="c in list" @tap="open(c)">{{ c.name }}</view>\n</template>\n'}
    pages = '{\n  "pages": [\n    {\n      "path": "%s"\n    },\n    {\n      "path": "%s"\n    }\n  ]\n}\n'
    repo = Repo(tmp_path / "repo")
    repo.write_files({"mp/" + path: text for path, text in files.items()})
    repo.write("mp/pages.json", pages % ("pages/ci/home", "pages/ci/welcome"))
    base = repo.commit("base")
    repo.write("mp/pages.json", pages % ("pages/ci/welcome", "pages/ci/home"))
    repo.commit("welcome first")
    assert _entry(repo, base) == {("mp/pages.json", 4)}


def test_the_entry_page_turned_into_an_authorization_page_in_place(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo, HOME, {})
    base = repo.commit("base")
    repo.write(f"{HOME}.wxml", '<view>\n  <button open-type="getPhoneNumber" bindgetphonenumber="bind">手机号快捷登录</button>\n'
                               "</view>\n")
    repo.write(f"{HOME}.js", "Page({\n  bind() {\n    wx.reLaunch({ url: '/pages/goods/goods' })\n  }\n})\n")
    repo.commit("bind first")
    assert _entry(repo, base) == {(f"{HOME}.wxml", 2)}  # the page is what changed: told at its ask


@pytest.mark.parametrize("extra", [
    '  <navigator url="/pages/goods/goods">逛逛</navigator>\n',  # another control
    '  <view wx:for="{{goods}}">{{item.name}}</view>\n',  # a list: content to show
    '  <swiper><swiper-item><image src="/a.png"/></swiper-item></swiper>\n',  # content
    '  <button bindtap="skip">暂不授权</button>\n',  # a way past the ask
    '  <view bindtap="goHome">先去首页看看</view>\n',  # a control the markup binds
])
def test_an_entry_page_with_more_than_the_ask_is_silent(tmp_path, extra):
    repo = Repo(tmp_path / "repo")
    _native(repo, HOME, {})
    base = repo.commit("base")
    wxml = (WELCOME % ("getUserInfo", "getuserinfo")).replace("</view>\n", extra + "</view>\n")
    _native(repo, "pages/welcome/welcome", {"pages/welcome/welcome.wxml": wxml})
    repo.commit("welcome first")
    assert _entry(repo, base) == set()


def test_a_profile_form_put_first_that_leads_nowhere_is_silent(tmp_path):
    # The avatar and nickname form registered first while it is being built: nothing forwards from it, so it
    # gates nothing (its privacy items are reported as such).
    form = ('<button open-type="chooseAvatar" bind:chooseavatar="onChooseAvatar">\n  <image src="{{avatarUrl}}"/>\n'
            '</button>\n<input type="nickname" placeholder="请输入昵称"/>\n')
    repo = Repo(tmp_path / "repo")
    _native(repo, HOME, {})
    base = repo.commit("base")
    _native(repo, "pages/welcome/welcome", {"pages/welcome/welcome.wxml": form,
                                            "pages/welcome/welcome.js": "Page({\n  onChooseAvatar(e) {}\n})\n"})
    repo.commit("profile first")
    assert _entry(repo, base) == set()


def test_an_entry_page_that_already_was_an_authorization_page_is_silent(tmp_path):
    repo = Repo(tmp_path / "repo")
    wxml = WELCOME % ("getUserInfo", "getuserinfo")
    _native(repo, "pages/welcome/welcome", {"pages/welcome/welcome.wxml": wxml})
    base = repo.commit("base")
    repo.write("pages/welcome/welcome.wxml", wxml.replace("欢迎", "欢迎使用"))
    repo.commit("wording")
    assert _entry(repo, base) == set()


def test_a_login_page_by_name_put_first_is_told_once(tmp_path):
    repo = Repo(tmp_path / "repo")
    wxml = WELCOME % ("getUserInfo", "getuserinfo")
    _native(repo, HOME, {"pages/login/login.wxml": wxml, "pages/login/login.js": WELCOME_JS})
    repo.write("app.json", PAGES % f'"{HOME}",\n    "pages/login/login"')
    base = repo.commit("base")
    repo.write("app.json", PAGES % f'"pages/login/login",\n    "{HOME}"')
    repo.commit("login first")
    assert _entry(repo, base) == {("app.json", 3)}


def test_the_reader_needs_an_ask_and_reads_a_single_file_component_template():
    vue = ('<template>\n  <view>\n    <van-button open-type="getUserInfo" @getuserinfo="go">进入</van-button>\n'
           "  </view>\n</template>\n<script>\nexport default {}\n</script>\n")
    assert authorization_page(vue, "pages/a/a.vue") is not None
    assert authorization_page(vue, "pages/a/a.vue").line == 3  # type: ignore[union-attr]
    assert authorization_page('<view>\n  <button bindtap="go">开启使用</button>\n</view>\n', "a.wxml") is None
    assert authorization_page("<view>欢迎</view>\n", "a.wxml") is None  # no control at all: a splash page
    assert authorization_page('<view><button open-type="share">分享</button></view>', "a.wxml") is None


def test_the_shipped_table_matches_its_schema():
    check_auth_pages()


def test_a_broken_table_is_reported_by_file(tmp_path, monkeypatch):
    folder = tmp_path / "checks"
    folder.mkdir()
    (folder / "auth_pages.yml").write_text("asks: 1\n", encoding="utf-8")
    monkeypatch.setattr("mp_precheck.readers.authpage.data_dir", lambda name: folder)
    with pytest.raises(AuthPageDataError, match=r"^auth_pages\.yml: "):
        check_auth_pages()


def test_a_welcome_page_first_moved_with_the_whole_app_into_another_folder_is_silent(tmp_path):
    repo = Repo(tmp_path / "repo")
    wxml = WELCOME % ("getUserInfo", "getuserinfo")
    _native(repo, "pages/welcome/welcome", {"pages/welcome/welcome.wxml": wxml})
    base = repo.commit("base")
    for path in ("app.json", "app.js", f"{HOME}.js", f"{HOME}.wxml", "pages/welcome/welcome.js",
                 "pages/welcome/welcome.wxml"):
        repo.move(path, f"client/{path}")
    repo.commit("the app moves into client/")
    assert _entry(repo, base) == set()


LOGIN_WITH_TERMS = ('<view class="login" wx:if="{{ready}}">\n  <image src="/images/logo.png"></image>\n'
                    '  <button open-type="getUserInfo" bindgetuserinfo="onAuth">一键登录</button>\n'
                    '  <text>登录即代表你同意</text><text catchtap="showTerms">服务协议</text>\n</view>\n'
                    '<view class="popup" wx:if="{{askPhone}}">\n  <text>绑定手机号</text>\n'
                    '  <button bindtap="close">取消</button>\n'
                    '  <button open-type="getPhoneNumber" bindgetphonenumber="onPhone">允许</button>\n</view>\n')


def test_a_terms_link_and_a_later_popups_cancel_leave_a_login_page_one():
    assert authorization_page(LOGIN_WITH_TERMS, "pages/start/start.wxml") == \
        Ask(3, "button[open-type=getUserInfo]", True)


def test_a_cancel_shown_with_the_first_ask_is_a_way_past():
    text = LOGIN_WITH_TERMS.replace("<text>登录即代表你同意</text>", '<button bindtap="close">暂不登录</button>')
    assert authorization_page(text, "pages/start/start.wxml") is None
    top = LOGIN_WITH_TERMS + '<button bindtap="back">取消</button>\n'
    assert authorization_page(top, "pages/start/start.wxml") is None


def test_a_terms_page_put_first_with_its_login_button_is_told(tmp_path):
    repo = Repo(tmp_path / "repo")
    _native(repo, HOME, {})
    base = repo.commit("base")
    _native(repo, "pages/welcome/welcome", {"pages/welcome/welcome.wxml": LOGIN_WITH_TERMS})
    repo.commit("login first")
    assert _entry(repo, base) == {("app.json", 3)}


LANDING = ('<view class="page">\n  <view bindtap="bindViewTap" class="avatar">\n'
           '    <open-data type="userAvatarUrl"></open-data>\n  </view>\n'
           '  <button open-type="getUserInfo" bindgetuserinfo="onGetUserInfo">进入商城</button>\n</view>\n')
LANDING_JS = ("const app = getApp()\nPage({\n  onGetUserInfo(e) {\n    wx.switchTab({ url: '/pages/index/index' })\n"
              "  }%s\n})\n")


def test_a_landing_page_whose_avatar_is_bound_to_a_handler_the_page_lacks_put_first(tmp_path):
    # The avatar's tap names no handler of the page (left from the template project): it does nothing, so the
    # getUserInfo button is the page's only way on.
    repo = Repo(tmp_path / "repo")
    _native(repo, HOME, {"pages/welcome/welcome.wxml": LANDING, "pages/welcome/welcome.js": LANDING_JS % ""})
    base = repo.commit("base")
    _native(repo, "pages/welcome/welcome", {"pages/welcome/welcome.wxml": LANDING,
                                            "pages/welcome/welcome.js": LANDING_JS % ""})
    repo.commit("landing first")
    assert _entry(repo, base) == {("app.json", 3)}


def test_a_landing_page_whose_avatar_opens_another_page_put_first_is_silent(tmp_path):
    tap = ",\n  bindViewTap() {\n    wx.navigateTo({ url: '/pages/logs/logs' })\n  }"
    repo = Repo(tmp_path / "repo")
    _native(repo, HOME, {"pages/welcome/welcome.wxml": LANDING, "pages/welcome/welcome.js": LANDING_JS % tap})
    base = repo.commit("base")
    _native(repo, "pages/welcome/welcome", {"pages/welcome/welcome.wxml": LANDING,
                                            "pages/welcome/welcome.js": LANDING_JS % tap})
    repo.commit("landing first")
    assert _entry(repo, base) == set()


def test_an_unbound_control_with_words_still_offers_a_way():
    page = '<view>\n  <view bindtap="goHome">先去首页逛</view>\n  <button open-type="getUserInfo">进入</button>\n</view>\n'
    assert authorization_page(page, "a.wxml", frozenset({2})) is None
    assert authorization_page(page.replace("先去首页逛", ""), "a.wxml", frozenset({2})) == \
        Ask(3, "button[open-type=getUserInfo]")
