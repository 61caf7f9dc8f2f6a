"""mpvue apps built with mpvue-entry list their pages, in order, in a routes module the webpack config names
(``MpvueEntry.getEntry('src/router/index.js')``; ``src/pages.js`` by default), not in ``src/app.json``: the first
route is the page the app opens on, and the pages are the app's pages."""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import places, run
from test_discovery import projects_of

PACKAGE = '{\n  "name": "shop-mini",\n  "dependencies": {"mpvue": "^1.0.18"},\n  "devDependencies": {%s}\n}\n'
WITH_PLUGIN = PACKAGE % '"mpvue-entry": "^1.5.9", "webpack": "^3.11.0"'
WITHOUT_PLUGIN = PACKAGE % '"webpack": "^3.11.0"'
WEBPACK = ("const path = require('path')\nconst MpvueEntry = require('mpvue-entry')\n\nmodule.exports = {\n"
           "  entry: MpvueEntry.getEntry(%s),\n  target: require('mpvue-webpack-target'),\n"
           "  plugins: [new MpvueEntry()]\n}\n")
ROUTE = "  {\n    path: '%s',\n    config: {\n      navigationBarTitleText: '%s'\n    }\n  }"
TITLES = {"index": "首页", "login": "登录", "goods": "商品", "about": "关于"}


def _routes(*pages: str) -> str:
    return "module.exports = [\n" + ",\n".join(ROUTE % (f"pages/{p}/index", TITLES[p]) for p in pages) + "\n]\n"


def _app(repo: Repo, *pages: str, package: str = WITH_PLUGIN, app_json: bool = True,
         module: str = "src/router/index.js", argument: str = "'src/router/index.js'") -> None:
    repo.write("package.json", package)
    repo.write("build/webpack.base.conf.js", WEBPACK % argument)
    repo.write("src/main.js", "import Vue from 'vue'\nimport App from '@/App'\n\nnew Vue(App).$mount()\n")
    repo.write("src/App.vue", "<script>\nexport default {\n  mpType: 'app'\n}\n</script>\n")
    if app_json:
        repo.write("src/app.json", '{\n  "window": {"navigationBarTitleText": "小店"}\n}\n')
    repo.write(module, _routes(*pages))
    for page in TITLES:
        repo.write(f"src/pages/{page}/index.vue", f"<template>\n  <div>{page}</div>\n</template>\n")


def _entry_findings(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {p for p in places(run(repo.path, base)) if p[0] == "login.login_first_page"}


@pytest.mark.parametrize("app_json", [True, False], ids=["src-app-json", "package-json-only"])
def test_a_login_route_moved_first_is_the_login_first_page_at_its_line(repo, app_json):
    _app(repo, "index", "login", "goods", app_json=app_json)
    base = repo.commit("base")
    _app(repo, "login", "index", "goods", app_json=app_json)
    repo.commit("open on the login page")
    # line 3: the path of the first route (line 1 opens the array, line 2 the first route's object)
    assert _entry_findings(repo, base) == {("login.login_first_page", "src/router/index.js", 3)}


def test_a_login_route_added_after_the_first_is_silent(repo):
    _app(repo, "index", "goods")
    base = repo.commit("base")
    _app(repo, "index", "login", "goods")
    repo.write("src/utils/menu.js", _routes("login", "about"))  # an array like it, not the routes module
    repo.commit("add a login page")
    assert _entry_findings(repo, base) == set()


def test_without_mpvue_entry_an_array_module_is_no_page_registry(repo):
    # The same module in an mpvue app that lists its pages in src/app.json: only the plugin reads it.
    _app(repo, "index", "login", package=WITHOUT_PLUGIN)
    repo.write("src/app.json", '{\n  "pages": ["pages/index/main", "pages/login/main"]\n}\n')
    base = repo.commit("base")
    _app(repo, "login", "index", package=WITHOUT_PLUGIN)
    repo.write("src/app.json", '{\n  "pages": ["pages/index/main", "pages/login/main"]\n}\n')
    repo.commit("reorder a data file")
    assert _entry_findings(repo, base) == set()
    [project] = projects_of(repo)
    assert (project.framework, project.pages, project.routes_module) == \
        ("mpvue", ("pages/index/main", "pages/login/main"), None)


@pytest.mark.parametrize(("module", "argument"), [
    ("src/router/index.js", "'src/router/index.js'"),
    ("src/router/routes.js", "{ pages: 'src/router/routes.js', main: 'src/main.js' }"),
    ("src/config/routes.js", "path.resolve(__dirname, '../src/config/routes.js')"),
    ("src/pages.js", ""),
], ids=["string", "options-pages", "resolved-from-build", "default"])
def test_discovery_reads_pages_in_order_from_the_module_the_webpack_config_names(repo, module, argument):
    _app(repo, "goods", "index", "about", module=module, argument=argument)
    repo.write("src/decoy.js", _routes("login", "index"))  # another array module: not the one named
    repo.commit()
    [project] = projects_of(repo)
    assert (project.root, project.framework, project.routes_module) == ("", "mpvue", module)
    assert project.pages == ("pages/goods/index", "pages/index/index", "pages/about/index")
    assert project.entry_page == "pages/goods/index"


def test_string_routes_subpackages_and_vue_suffixes(repo):
    _app(repo, "index")
    repo.write("src/pages.js", "// every page of the app\nmodule.exports = [\n  '/pages/index/index.vue',\n"
                               "  { path: 'shop/cart/index', subPackage: true },\n  'pages/about/index'\n]\n")
    repo.write("build/webpack.base.conf.js", WEBPACK % "")
    repo.commit()
    [project] = projects_of(repo)
    assert project.pages == ("pages/index/index", "pages/about/index", "shop/cart/index")
    assert project.entry_page == "pages/index/index"


HOOK_PAGE = ("<template>\n  <div>{page}</div>\n</template>\n<script>\nexport default {{\n  onLoad () {{\n"
             "    if (!wx.getStorageSync('token')) {{\n      wx.redirectTo({{ url: '/pages/login/index' }})\n    }}\n"
             "  }}\n}}\n</script>\n")


def test_the_first_route_is_the_entry_page_for_forced_login(repo):
    _app(repo, "index", "goods")
    base = repo.commit("base")
    repo.write("src/pages/index/index.vue", HOOK_PAGE.format(page="index"))  # the entry page
    repo.write("src/pages/goods/index.vue", HOOK_PAGE.format(page="goods"))  # not the entry page
    repo.commit("send guests to login")
    login = {p for p in places(run(repo.path, base), "login")}
    assert login == {("login.forced_login", "src/pages/index/index.vue", 7)}  # the condition that sends them


def test_a_route_without_its_vue_file_is_a_missing_page(repo):
    _app(repo, "index", "goods")
    base = repo.commit("base")
    repo.write("src/router/index.js", _routes("index", "goods").replace(
        "\n]\n", ",\n  'pages/cart/index'\n]\n"))
    repo.commit("register a page not yet written")
    missing = {p for p in places(run(repo.path, base)) if p[0] == "completeness.missing_page"}
    assert missing == {("completeness.missing_page", "src/router/index.js", 14)}
