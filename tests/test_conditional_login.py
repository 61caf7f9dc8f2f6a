"""The forced-login analyzers read a uni-app file as the WeChat build ships it (analyzers/context.py
``as_shipped``, readers/conditional.py): a redirect to login inside ``// #ifdef MP-WEIXIN`` (or ``#ifndef H5``)
counts, one inside ``#ifdef H5`` / ``#ifdef APP-PLUS`` (or ``#ifndef MP-WEIXIN``) never runs in WeChat and does
not; a native project's ``#ifdef`` is a plain comment, its code shipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Repo
from helpers import run

PAGES = '{"pages": [{"path": "pages/index/index"}, {"path": "pages/welcome/welcome"}, {"path": "pages/login/login"}]}\n'
UNI = {
    "pages.json": PAGES,
    "manifest.json": '{"name": "shop", "mp-weixin": {"appid": "wx1"}}\n',
    "App.vue": "<script>\nexport default {\n  onLaunch() {\n    console.log('launch')\n  }\n}\n</script>\n",
    "pages/index/index.vue": ("<template><view>首页</view></template>\n<script>\n"
                              "import { checkLogin } from '../../utils/auth.js'\n"
                              "export default {\n  onLoad() {\n    checkLogin()\n  }\n}\n</script>\n"),
    # an authorization page by what it does, not by its name
    "pages/welcome/welcome.vue": ("<template><view><button @tap=\"auth\">授权登录</button></view></template>\n"
                                  "<script>\nexport default { methods: { auth() { uni.getUserProfile({ desc: '资料' }) } } }\n"
                                  "</script>\n"),
    "pages/login/login.vue": "<template><view>登录</view></template>\n",
    "utils/auth.js": "export function checkLogin() {\n  return true\n}\n",
}


def _block(condition: str | None, body: str, indent: str = "    ") -> str:
    if condition is None:
        return body
    return f"{indent}// #{condition}\n{body}{indent}// #endif\n"


def _login_places(where: Path, files: dict[str, str], changed: dict[str, str]) -> set[tuple[str, str, int]]:
    """(rule, path, line) of the login findings of a change writing ``changed`` over ``files``."""
    repo = Repo(where / "repo")
    repo.write_files(dict(files))
    base = repo.commit()
    repo.write_files(changed)
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def _launch_to_welcome(condition: str | None) -> str:
    redirect = "    if (!uni.getStorageSync('token')) {\n      uni.reLaunch({ url: '/pages/welcome/welcome' })\n    }\n"
    return ("<script>\nexport default {\n  onLaunch() {\n    console.log('launch')\n"
            + _block(condition, redirect) + "  }\n}\n</script>\n")


def _helper_redirect(condition: str | None) -> str:
    redirect = "  if (!uni.getStorageSync('token')) {\n    uni.reLaunch({ url: '/pages/login/login' })\n  }\n"
    return "export function checkLogin() {\n" + _block(condition, redirect, "  ") + "  return true\n}\n"


@pytest.mark.parametrize(("condition", "line"), [("ifdef MP-WEIXIN", 6), ("ifndef H5", 6), (None, 5)])
def test_a_launch_redirect_to_an_authorization_page_for_wechat_counts(tmp_path, condition, line):
    found = _login_places(tmp_path, UNI, {"App.vue": _launch_to_welcome(condition)})
    assert ("login.forced_login", "App.vue", line) in found


@pytest.mark.parametrize("condition", ["ifdef H5", "ifdef APP-PLUS", "ifndef MP-WEIXIN"])
def test_a_launch_redirect_only_another_platform_runs_is_silent(tmp_path, condition):
    assert _login_places(tmp_path, UNI, {"App.vue": _launch_to_welcome(condition)}) == set()


@pytest.mark.parametrize("condition", ["ifdef MP-WEIXIN", "ifndef H5"])
def test_an_entry_page_helpers_redirect_for_wechat_counts(tmp_path, condition):
    found = _login_places(tmp_path, UNI, {"utils/auth.js": _helper_redirect(condition)})
    assert ("login.forced_login", "utils/auth.js", 4) in found


@pytest.mark.parametrize("condition", ["ifdef H5", "ifdef APP-PLUS", "ifndef MP-WEIXIN"])
def test_an_entry_page_helpers_redirect_for_another_platform_is_silent(tmp_path, condition):
    assert _login_places(tmp_path, UNI, {"utils/auth.js": _helper_redirect(condition)}) == set()


def test_the_wechat_definition_of_a_helper_defined_per_platform_counts(tmp_path):
    # Written twice, once per platform: the H5 copy before it is not what WeChat runs.
    per_platform = ("// #ifdef H5\nexport function checkLogin() {\n  return true\n}\n// #endif\n"
                    "// #ifdef MP-WEIXIN\nexport function checkLogin() {\n  if (!uni.getStorageSync('token')) {\n"
                    "    uni.reLaunch({ url: '/pages/login/login' })\n  }\n}\n// #endif\n")
    found = _login_places(tmp_path, UNI, {"utils/auth.js": per_platform})
    assert ("login.forced_login", "utils/auth.js", 9) in found


def test_a_native_projects_ifdef_is_a_comment_and_its_redirect_ships(tmp_path):
    native = {
        "app.json": '{"pages": ["pages/index/index", "pages/login/login"]}\n',
        "app.js": "App({})\n",
        "pages/index/index.js": "const { checkLogin } = require('../../utils/auth.js')\nPage({\n  onLoad() {\n"
                                "    checkLogin()\n  }\n})\n",
        "pages/index/index.wxml": "<view>首页</view>\n",
        "pages/login/login.js": "Page({})\n",
        "pages/login/login.wxml": "<view>登录</view>\n",
        "utils/auth.js": "function checkLogin() {\n  return true\n}\nmodule.exports = { checkLogin }\n",
    }
    helper = ("function checkLogin() {\n  // #ifdef H5\n  if (!wx.getStorageSync('token')) {\n"
              "    wx.reLaunch({ url: '/pages/login/login' })\n  }\n  // #endif\n  return true\n}\n"
              "module.exports = { checkLogin }\n")
    found = _login_places(tmp_path, native, {"utils/auth.js": helper})
    assert ("login.forced_login", "utils/auth.js", 4) in found
