"""The first page is the login page: a page named by its folder (pages/login/index) counts as one named by
its file (pages/login/login), also in a project that lives in a subfolder; a page merely called index under
an ordinary folder does not."""

from __future__ import annotations

from conftest import Repo
from helpers import run

PAGES = '{\n  "pages": [\n    %s\n  ]\n}\n'
INDEX_FIRST = PAGES % '"pages/index/index",\n    "pages/login/index",\n    "pages/me/index"'
LOGIN_FIRST = PAGES % '"pages/login/index",\n    "pages/index/index",\n    "pages/me/index"'
ME_FIRST = PAGES % '"pages/me/index",\n    "pages/index/index",\n    "pages/login/index"'


def _app(repo: Repo, root: str, app_json: str) -> None:
    repo.write(f"{root}app.json", app_json)
    repo.write(f"{root}app.js", "App({})\n")
    for page in ("index", "login", "me"):
        repo.write(f"{root}pages/{page}/index.js", "Page({})\n")
        repo.write(f"{root}pages/{page}/index.wxml", f"<view>{page}</view>\n")


def _entry_findings(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.rule == "login.login_first_page"}


def test_login_page_named_by_its_folder_becomes_first_in_a_subfolder_project(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write("project.config.json", '{"miniprogramRoot": "wx-app/"}\n')
    _app(repo, "wx-app/", INDEX_FIRST)
    base = repo.commit("base")
    repo.write("wx-app/app.json", LOGIN_FIRST)
    repo.commit()
    assert _entry_findings(repo, base) == {("login.login_first_page", "wx-app/app.json", 3)}


def test_mpvue_main_file_is_named_by_its_folder(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", PAGES % '"pages/login/main",\n    "pages/index/main"')
    app_repo.commit()
    assert _entry_findings(app_repo, base) == {("login.login_first_page", "app.json", 3)}


def test_an_ordinary_first_page_named_index_is_silent(tmp_path):
    repo = Repo(tmp_path / "repo")
    _app(repo, "", INDEX_FIRST)
    base = repo.commit("base")
    repo.write("app.json", ME_FIRST)
    repo.commit()
    assert _entry_findings(repo, base) == set()


UNI_PAGES = '{\n  "pages": [\n    // the first page opens the app\n%s\n  ]\n}\n'
UNI_PAGE = '    {\n      "path": "%s",\n      "style": { "navigationBarTitleText": "" }\n    }'


def _uni_app(repo: Repo, first: str, second: str) -> None:
    repo.write("src/pages.json", UNI_PAGES % ",\n".join(UNI_PAGE % p for p in (first, second)))
    repo.write("src/manifest.json", "{}\n")
    repo.write("src/App.vue", "<script>export default {}</script>\n")
    for page in ("home", "login", "me"):
        repo.write(f"src/pages/{page}/index.vue", f"<template><view>{page}</view></template>\n")


def test_uni_app_pages_json_puts_the_login_page_first(tmp_path):
    repo = Repo(tmp_path / "repo")
    _uni_app(repo, "pages/home/index", "pages/login/index")
    base = repo.commit("base")
    _uni_app(repo, "pages/login/index", "pages/home/index")
    repo.commit()
    assert _entry_findings(repo, base) == {("login.login_first_page", "src/pages.json", 5)}


def test_uni_app_pages_json_with_an_ordinary_first_page_is_silent(tmp_path):
    repo = Repo(tmp_path / "repo")
    _uni_app(repo, "pages/home/index", "pages/login/index")
    base = repo.commit("base")
    _uni_app(repo, "pages/me/index", "pages/login/index")
    repo.commit()
    assert _entry_findings(repo, base) == set()


AUTHORIZE_JS = ("Page({\n  onLoad() {\n    wx.getSetting({ success(res) {\n"
                "      if (res.authSetting['scope.userInfo']) {\n"
                "        wx.navigateTo({ url: '/pages/login/bind-phone' })\n      }\n    } })\n  }\n})\n")


def test_a_login_entry_page_sending_the_user_to_the_next_login_step_is_one_finding(app_repo):
    # The app opens on its authorization page: that is the finding; the page passing authorized users on
    # to the phone-binding step is part of the same login flow, not a second gate.
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", PAGES % '"pages/authorize/authorize",\n    "pages/index/index"')
    app_repo.write("pages/authorize/authorize.js", AUTHORIZE_JS)
    app_repo.write("pages/authorize/authorize.wxml", "<button open-type=\"getUserInfo\">登录</button>\n")
    app_repo.commit()
    login = {(f.rule, f.path) for f in run(app_repo.path, base).findings if f.family == "login"}
    assert login == {("login.login_first_page", "app.json")}


def test_an_ordinary_entry_page_sending_users_to_login_is_still_forced_login(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", PAGES % '"pages/home/home",\n    "pages/index/index"')
    app_repo.write("pages/home/home.js", AUTHORIZE_JS)
    app_repo.write("pages/home/home.wxml", "<view>home</view>\n")
    app_repo.commit()
    login = {(f.rule, f.path) for f in run(app_repo.path, base).findings if f.family == "login"}
    assert login == {("login.forced_login", "pages/home/home.js")}


ROLES_WXML = ('<view class="page">\n  <text>权限管理</text>\n  <view wx:for="{{roles}}">\n    <text>{{item.name}}</text>\n'
              '    <text bindtap="add" data-id="{{item.id}}">添加</text>\n  </view>\n</view>\n')
ROLES_JS = "Page({\n  data: { roles: [] },\n  onLoad () { this.load() },\n  load () {},\n  add () {}\n})\n"


def _first(app_repo, wxml: str, js: str) -> set[tuple[str, str]]:
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", PAGES % '"pages/authorize/authorize",\n    "pages/index/index"')
    app_repo.write("pages/authorize/authorize.js", js)
    app_repo.write("pages/authorize/authorize.wxml", wxml)
    app_repo.commit()
    return {(f.rule, f.path) for f in run(app_repo.path, base).findings if f.family == "login"}


def test_a_roles_page_named_authorize_put_first_is_no_login_page(app_repo):
    # 权限管理: a list of a team's roles with an add control; nothing on it asks the user to log in.
    assert _first(app_repo, ROLES_WXML, ROLES_JS) == set()


def test_a_page_named_authorize_with_a_list_and_a_profile_button_is_still_a_login_page(app_repo):
    wxml = ROLES_WXML.replace("</view>\n</view>", '</view>\n  <button open-type="getUserInfo">授权</button>\n</view>')
    assert _first(app_repo, wxml, ROLES_JS) == {("login.login_first_page", "app.json")}


def test_a_listing_page_named_authorize_that_sends_users_to_login_is_still_a_login_page(app_repo):
    js = ROLES_JS.replace("load () {}", "load () { wx.redirectTo({ url: '/pages/login/login' }) }")
    assert _first(app_repo, ROLES_WXML, js) == {("login.login_first_page", "app.json")}
