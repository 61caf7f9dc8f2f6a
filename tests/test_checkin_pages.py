"""A page named ``signin`` / ``sign_in`` is often the daily check-in (签到) of a Chinese app: it adds no account
system, so no ``completeness.no_logout`` and no test-account line. One that logs in, asks for a phone number or a
password, or keeps a token is an account page whatever else it shows."""

from __future__ import annotations

from conftest import MINIMAL_APP, Repo
from helpers import run

APP_JSON = '{\n  "pages": [\n    "pages/index/index",\n    "pages/me/me",\n    "pages/%s"\n  ]\n}\n'


def _add_page(tmp_path, page: str, files: dict[str, str]) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write_files(MINIMAL_APP)
    base = repo.commit("base")
    repo.write_files(files)
    repo.write("app.json", APP_JSON % page)
    repo.commit("page")
    report = run(repo.path, base)
    return {(f.rule, f.path, f.line) for f in report.findings if f.rule == "completeness.no_logout"}


CHECK_IN = {
    "pages/sign_in/sign_in.json": '{ "navigationBarTitleText": "每日签到" }\n',
    "pages/sign_in/sign_in.wxml": '<view>{{days}}</view>\n<button bindtap="onPunch">立即领取积分</button>\n',
    "pages/sign_in/sign_in.js": "Page({ data: { days: 0 }, onPunch() { wx.request({ url: 'https://a.example.com/punch' }) } })\n",
}


def test_a_check_in_page_named_sign_in_adds_no_account_system(tmp_path):
    assert _add_page(tmp_path, "sign_in/sign_in", CHECK_IN) == set()


def test_a_check_in_page_told_only_by_its_text_adds_no_account_system(tmp_path):
    files = {"pages/signin/signin.wxml": '<view>连续打卡 {{days}} 天</view>\n<button bindtap="onPunch">打卡</button>\n',
             "pages/signin/signin.js": "Page({ onPunch() {} })\n"}
    assert _add_page(tmp_path, "signin/signin", files) == set()


def test_a_sign_in_page_that_logs_in_is_an_account_page_even_beside_a_check_in(tmp_path):
    files = dict(CHECK_IN)
    files["pages/sign_in/sign_in.js"] = ("Page({ onPunch() { wx.login({ success: (r) => "
                                         "wx.setStorageSync('userToken', r.code) }) } })\n")
    assert _add_page(tmp_path, "sign_in/sign_in", files) == {("completeness.no_logout", "app.json", 5)}


def test_a_sign_in_page_with_a_password_form_is_an_account_page(tmp_path):
    files = {"pages/signin/signin.wxml": '<input type="password" />\n<button bindtap="go">Sign in</button>\n',
             "pages/signin/signin.js": "Page({ go() {} })\n"}
    assert _add_page(tmp_path, "signin/signin", files) == {("completeness.no_logout", "app.json", 5)}


def test_a_sign_in_page_that_says_nothing_of_checking_in_keeps_its_name(tmp_path):
    files = {"pages/signin/signin.wxml": '<button bindtap="go">Continue</button>\n',
             "pages/signin/signin.js": "Page({ go() {} })\n"}
    assert _add_page(tmp_path, "signin/signin", files) == {("completeness.no_logout", "app.json", 5)}
