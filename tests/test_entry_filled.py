"""Entry and login pages read for what the build ships: a page's copy that no page list registered held nothing the
app had, so moving it onto the first page is new (its brand label, and the first page now asking to log in); a
name that only begins like "auth" (author, authority) names no login page; a splash put in front of the page the
app already opened on adds no wall; a template's fill-in title naming the platform is no brand use."""

from __future__ import annotations

from conftest import Repo
from helpers import run
from mp_precheck.readers.lifecycle import LOGIN_HELPER, LOGIN_TARGET, names_login
from mp_precheck.readers.textsignals import signals

PAGES = '{\n  "pages": [\n    %s\n  ]\n}\n'
BLANK_WXML = "<text>blank page</text>\n"
BLANK_JS = "Page({\n  data: {},\n  onLoad() {}\n})\n"
FORM_WXML = ('<view class="box">\n  <view class="tabs">\n    <view bindtap="pick">账号密码</view>\n  </view>\n'
             '  <input type="text" placeholder="请输入手机号" />\n  <input password placeholder="请输入密码" />\n'
             '  <button bindtap="submit">\n    微信快捷登录\n  </button>\n</view>\n')
FORM_JS = ("Page({\n  pick() {},\n  submit() {\n    wx.login({ success: () => wx.switchTab({ url: '/pages/shelf/shelf' }) })\n"
           "  }\n})\n")


def _rules(repo: Repo, base: str, family: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == family}


def _app(tmp_path, first_wxml: str, first_js: str) -> Repo:
    """An app that opens on pages/signin/index (``first_*``) before its shelf page, with a finished sign-in form
    kept beside it at pages/signin/form/form, which app.json does not register."""
    repo = Repo(tmp_path / "repo")
    repo.write("app.json", PAGES % '"pages/signin/index",\n    "pages/shelf/shelf"')
    repo.write("app.js", "App({})\n")
    repo.write_files({"pages/shelf/shelf.js": "Page({})\n", "pages/shelf/shelf.wxml": "<view>shelf</view>\n",
                      "pages/signin/index.js": first_js, "pages/signin/index.wxml": first_wxml,
                      "pages/signin/form/form.js": FORM_JS, "pages/signin/form/form.wxml": FORM_WXML})
    return repo


def _moved_onto_first_page(repo: Repo) -> str:
    base = repo.commit("base")
    repo.write("pages/signin/index.js", FORM_JS)
    repo.write("pages/signin/index.wxml", FORM_WXML)
    repo.remove("pages/signin/form/form.js")
    repo.remove("pages/signin/form/form.wxml")
    repo.commit()
    return base


def test_an_unregistered_login_page_moved_onto_the_blank_first_page_is_a_login_first_page(tmp_path):
    repo = _app(tmp_path, BLANK_WXML, BLANK_JS)
    base = _moved_onto_first_page(repo)
    assert ("login.login_first_page", "app.json", 3) in _rules(repo, base, "login")
    assert ("branding.brand_text", "pages/signin/index.wxml", 8) in _rules(repo, base, "branding")


def test_a_first_page_that_already_asked_to_log_in_and_is_rewritten_is_no_new_login_first_page(tmp_path):
    asking = FORM_WXML.replace("微信快捷登录", "登录")
    repo = _app(tmp_path, asking, FORM_JS)
    base = _moved_onto_first_page(repo)
    assert _rules(repo, base, "login") == set()


def test_a_label_moved_between_two_registered_pages_is_not_new(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write("app.json", PAGES % '"pages/shelf/shelf",\n    "pages/me/me",\n    "pages/you/you"')
    repo.write("app.js", "App({})\n")
    repo.write_files({"pages/shelf/shelf.js": "Page({})\n", "pages/shelf/shelf.wxml": "<view>shelf</view>\n",
                      "pages/me/me.js": "Page({})\n", "pages/me/me.wxml": "<button>微信快捷登录</button>\n",
                      "pages/you/you.js": "Page({})\n", "pages/you/you.wxml": "<view>you</view>\n"})
    base = repo.commit("base")
    repo.write("pages/me/me.wxml", "<view>me</view>\n")
    repo.write("pages/you/you.wxml", "<button>微信快捷登录</button>\n")
    repo.commit()
    assert _rules(repo, base, "branding") == set()


def test_author_and_authority_name_no_login_page_while_auth_words_still_do():
    for name in ("authorityCenter", "pages/author/author", "goAuthorityList", "AUTHORITY"):
        assert not LOGIN_TARGET.search(name) and not names_login(name), name
    assert not LOGIN_HELPER.match("toAuthorityList")
    for name in ("pages/auth/auth", "authorize", "userAuthorization", "authentication", "toAuth", "authorise"):
        assert LOGIN_TARGET.search(name) and names_login(name), name
    assert LOGIN_HELPER.match("goAuthorize")


MEMBERS_WXML = ('<view class="list">\n  <view wx:for="{{members}}" bindtap="open">{{item.name}}</view>\n'
                '  <button open-type="share">邀请成员</button>\n</view>\n')
MEMBERS_JS = ("Page({\n  open() {\n    wx.navigateTo({ url: '../authorityEdit/authorityEdit' })\n  },\n"
              "  onShareAppMessage() { return { title: 'join', path: '/pages/shelf/shelf' } }\n})\n")


def _first(tmp_path, page: str, wxml: str, js: str) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write("app.json", PAGES % '"pages/shelf/shelf"')
    repo.write("app.js", "App({})\n")
    repo.write_files({"pages/shelf/shelf.js": "Page({})\n", "pages/shelf/shelf.wxml": "<view>shelf</view>\n"})
    base = repo.commit("base")
    repo.write("app.json", PAGES % f'"{page}",\n    "pages/shelf/shelf"')
    repo.write_files({f"{page}.wxml": wxml, f"{page}.js": js})
    repo.commit()
    return repo, base


def test_a_permissions_page_named_authority_put_first_is_no_login_page(tmp_path):
    repo, base = _first(tmp_path, "pages/authorityList/authorityList", MEMBERS_WXML, MEMBERS_JS)
    assert _rules(repo, base, "login") == set()


def test_a_page_named_auth_put_first_is_still_a_login_page(tmp_path):
    repo, base = _first(tmp_path, "pages/authPanel/authPanel", FORM_WXML, FORM_JS)
    assert ("login.login_first_page", "app.json", 3) in _rules(repo, base, "login")


SPLASH_JS = ("Page({\n  onLoad() {\n    setTimeout(() => {\n      wx.redirectTo({ url: '/pages/signin/signin' })\n"
             "    }, 2000)\n  }\n})\n")


def _splash(tmp_path, first_before: str) -> tuple[Repo, str]:
    """An app that opened on ``first_before``; the change puts a new splash page first that sends everyone on to
    the sign-in page after a moment."""
    repo = Repo(tmp_path / "repo")
    repo.write("app.js", "App({})\n")
    repo.write_files({"pages/signin/signin.js": "Page({})\n",
                      "pages/signin/signin.wxml": '<view><input type="password" /><button>登录</button></view>\n',
                      "pages/shelf/shelf.js": "Page({})\n", "pages/shelf/shelf.wxml": "<view>shelf</view>\n"})
    others = [p for p in ("signin", "shelf") if p != first_before]
    repo.write("app.json", PAGES % ",\n    ".join(f'"pages/{p}/{p}"' for p in (first_before, *others)))
    base = repo.commit("base")
    repo.write("app.json", PAGES % ",\n    ".join(f'"pages/{p}/{p}"' for p in ("splash", "signin", "shelf")))
    repo.write_files({"pages/splash/splash.js": SPLASH_JS, "pages/splash/splash.wxml": "<view class=\"logo\"></view>\n"})
    repo.commit()
    return repo, base


def test_a_splash_put_in_front_of_the_sign_in_page_the_app_opened_on_adds_no_wall(tmp_path):
    repo, base = _splash(tmp_path, "signin")
    assert _rules(repo, base, "login") == set()


def test_a_splash_sending_everyone_to_sign_in_where_the_app_opened_on_content_is_forced_login(tmp_path):
    repo, base = _splash(tmp_path, "shelf")
    assert ("login.forced_login", "pages/splash/splash.js", 3) in _rules(repo, base, "login")


def test_a_fill_in_placeholder_title_naming_the_platform_is_no_brand_use():
    for text in ("替换成你的微信小程序名称", "请在此填写您自己的腾讯地图应用名", "your WeChat app name here"):
        assert "brand" not in signals(text, title=True), text
    for text in ("微信小程序商城", "腾讯优选", "填写微信名称"):  # a name, or a field's label: no fill-in for the copier
        assert "brand" in signals(text, title=True), text


def test_a_template_title_replaced_by_a_fill_in_placeholder_is_not_told_while_a_brand_title_is(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write("app.json", '{\n  "pages": ["pages/shelf/shelf"],\n  "window": {"navigationBarTitleText": "书架"}\n}\n')
    repo.write_files({"app.js": "App({})\n", "pages/shelf/shelf.js": "Page({})\n",
                      "pages/shelf/shelf.wxml": "<view>shelf</view>\n"})
    base = repo.commit("base")
    repo.write("app.json", '{\n  "pages": ["pages/shelf/shelf"],\n'
               '  "window": {"navigationBarTitleText": "替换成你的微信小程序名称"}\n}\n')
    repo.commit()
    assert _rules(repo, base, "branding") == set()
    repo.write("app.json", '{\n  "pages": ["pages/shelf/shelf"],\n  "window": {"navigationBarTitleText": "微信书架"}\n}\n')
    repo.commit()
    assert ("branding.brand_text", "app.json", 3) in _rules(repo, base, "branding")
