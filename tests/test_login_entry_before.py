"""An app that already opened on a login page adds no login wall when the change puts another page first: one login
page for another, or a page being built moved to the front (login.login_first_page stays silent). An app whose first
page at base was content, or a login page that logged in silently and moved on by itself, is told."""

from __future__ import annotations

from conftest import Repo
from helpers import run

PAGES = '{\n  "pages": [\n    %s\n  ]\n}\n'
PASSPORT_WXML = ('<view class="form">\n  <input type="number" placeholder="手机号" />\n'
                 '  <button open-type="getPhoneNumber" bindgetphonenumber="onPhone">登录</button>\n</view>\n')
PASSPORT_JS = "Page({\n  onPhone(e) { wx.request({ url: 'https://api.example.com/phone', data: e.detail }) }\n})\n"
SIGNUP_WXML = '<view class="form">\n  <input placeholder="昵称" />\n  <button bindtap="save">注册</button>\n</view>\n'
SIGNUP_JS = "Page({\n  save() { wx.switchTab({ url: '/pages/shop/shop' }) }\n})\n"
SILENT_JS = ("Page({\n  onLoad() {\n    wx.login({\n      success() {\n"
             "        wx.reLaunch({ url: '/pages/shop/shop' })\n      },\n    })\n  },\n})\n")


def _app(repo: Repo, first: str, passport_js: str = PASSPORT_JS) -> None:
    others = [p for p in ("pages/passport/passport", "pages/shop/shop", "pages/signup/signup") if p != first]
    repo.write_files({
        "app.json": PAGES % ",\n    ".join(f'"{p}"' for p in (first, *others)),
        "app.js": "App({})\n",
        "pages/passport/passport.wxml": PASSPORT_WXML, "pages/passport/passport.js": passport_js,
        "pages/shop/shop.wxml": '<view wx:for="{{goods}}">{{item.name}}</view>\n',
        "pages/shop/shop.js": "Page({ data: { goods: [] } })\n",
        "pages/signup/signup.wxml": SIGNUP_WXML, "pages/signup/signup.js": SIGNUP_JS,
    })


def _first_page(tmp_path, before: str, after: str, passport_js: str = PASSPORT_JS) -> set[tuple[str, int]]:
    repo = Repo(tmp_path / "repo")
    _app(repo, before, passport_js)
    base = repo.commit("base")
    _app(repo, after, passport_js)
    repo.commit("reorder the pages")
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "login.login_first_page"}


def test_one_login_page_put_first_in_place_of_another_is_no_new_wall(tmp_path):
    assert _first_page(tmp_path, "pages/passport/passport", "pages/signup/signup") == set()


def test_a_login_page_put_first_in_place_of_a_content_page_is_told(tmp_path):
    assert _first_page(tmp_path, "pages/shop/shop", "pages/signup/signup") == {("app.json", 3)}


def test_a_login_page_put_first_in_place_of_one_that_logged_in_silently_is_told(tmp_path):
    assert _first_page(tmp_path, "pages/passport/passport", "pages/signup/signup", SILENT_JS) == {("app.json", 3)}


def test_a_login_page_put_first_in_place_of_a_profile_button_that_led_nowhere_is_told(tmp_path):
    # the template project's first page: a 获取头像昵称 button that only fills the page, no login wall
    repo = Repo(tmp_path / "repo")
    _app(repo, "pages/shop/shop")
    repo.write("pages/shop/shop.wxml", '<view>\n  <button open-type="getUserInfo" bindgetuserinfo="fill">获取头像昵称'
                                       '</button>\n  <text>{{motto}}</text>\n</view>\n')
    base = repo.commit("base")
    repo.write("app.json", PAGES % '"pages/signup/signup",\n    "pages/shop/shop",\n    "pages/passport/passport"')
    repo.commit("a sign-up page first")
    assert {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "login.login_first_page"} == \
        {("app.json", 3)}
