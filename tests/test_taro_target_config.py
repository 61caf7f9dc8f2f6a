"""A Taro app config read as Taro's WeChat build sees it (``process.env.TARO_ENV`` is ``weapp``), and a page list
code computes skipping the checks that need the whole list instead of raising them from a partial one."""

from __future__ import annotations

import pytest

from helpers import cli, cli_json
from mp_precheck.core.report import FileError
from mp_precheck.core.unread import one_per_file
from mp_precheck.readers.jsconfig import config_object
from test_discovery import projects_of

PACKAGE = '{"dependencies": {"@tarojs/taro": "3.6.0"}}'
# Two builds from one config: WeChat's subpackages and another target's, chosen by the build target.
TARGETED = """const config = {
  pages: ['pages/index/index'],
  subpackages: undefined,
  subPackages: undefined,
  window: { navigationBarTitleText: 'Shop' },
}
const isWechat = process.env.TARO_ENV === 'weapp'
const packages = [
  { root: 'pkg', pages: process.env.TARO_ENV === 'weapp' ? ['order/order', 'wallet/wallet'] : ['order/order'] },
]
if (process.env.TARO_ENV === 'weapp') {
  const plugins = { maps: { version: '1.0.0', provider: 'wxaaaaaaaaaaaaaaaa' } }
  config.plugins = plugins
  config.subpackages = packages
}
if (process.env.TARO_ENV === 'swan') {
  const plugins = { other: { version: '*', provider: 'other-provider' } }
  config.plugins = plugins
  config.subPackages = packages
}
if (!isWechat) { config.window.navigationBarTitleText = 'Elsewhere' }
export default config
"""
INDEX = "import Taro from '@tarojs/taro'\nexport default function Index() { return null }\n"


def _route(page: str) -> str:
    return ("import Taro from '@tarojs/taro'\nexport default function Index() {\n"
            f"  const go = () => Taro.navigateTo({{ url: '/{page}' }})\n  return null\n}}\n")


def _taro(repo, config: str, page: str) -> tuple[int, dict]:
    repo.write_files({"package.json": PACKAGE, "src/app.config.ts": config, "src/pages/index/index.tsx": INDEX,
                      "src/pkg/order/order.tsx": INDEX, "src/pkg/wallet/wallet.tsx": INDEX})
    base = repo.commit()
    repo.write("src/pages/index/index.tsx", _route(page))
    repo.commit()
    return cli_json("diff", "--repo", str(repo.path), "--base", base, "--fail-on", "none")


def _routes(data: dict) -> set[str]:
    return {f["subject"] for f in data["findings"] if f["rule"] == "completeness.unregistered_route"}


def test_the_config_reads_as_the_wechat_build_sees_it():
    data = config_object(TARGETED, "src/app.config.ts")
    assert data is not None
    assert data["subpackages"] == [{"root": "pkg", "pages": ["order/order", "wallet/wallet"]}]
    assert "subPackages" not in data  # undefined: no key, as the built JSON has it
    assert data["plugins"] == {"maps": {"version": "1.0.0", "provider": "wxaaaaaaaaaaaaaaaa"}}
    assert data["window"] == {"navigationBarTitleText": "Shop"}


@pytest.mark.parametrize(("test", "weapp"), [
    ("process.env.TARO_ENV === 'weapp'", True), ("process.env.TARO_ENV !== 'weapp'", False),
    ("process.env.TARO_ENV == 'alipay'", False), ("process.env['TARO_ENV'] != 'alipay'", True),
    ("'weapp' === process.env.TARO_ENV && true", True), ("process.env.TARO_ENV === 'h5' || false", False),
])
def test_each_spelling_of_the_build_target_test_is_decided(test, weapp):
    source = (f"const config = {{ pages: {test} ? ['a/a'] : ['b/b'] }}\n"
              f"if ({test}) {{ config.tabBar = {{ list: [] }} }} else {{ config.debug = true }}\nexport default config\n")
    data = config_object(source, "app.config.js")
    assert data == ({"pages": ["a/a"], "tabBar": {"list": []}} if weapp else {"pages": ["b/b"], "debug": True})


def test_a_test_of_anything_else_leaves_the_written_list_computed():
    source = ("const config = { pages: ['a/a'] }\nif (process.env.NODE_ENV === 'production') "
              "{ config.subpackages = [{ root: 'p', pages: ['b'] }] }\nexport default config\n")
    assert config_object(source, "app.config.ts") == {"pages": ["a/a"], "subpackages": None}


def test_routes_to_pages_the_wechat_branch_registers_are_registered(repo):
    code, data = _taro(repo, TARGETED, "pkg/wallet/wallet")
    assert code == 0
    assert data["errors"] == []
    assert _routes(data) == set()
    [project] = projects_of(repo)
    assert project.pages == ("pages/index/index", "pkg/order/order", "pkg/wallet/wallet")


def test_a_route_to_a_page_no_branch_registers_still_fires(repo):
    _code, data = _taro(repo, TARGETED, "pkg/gone/gone")
    assert _routes(data) == {"route:pkg/gone/gone"}


COMPUTED = """import { packages } from './packages'
export default defineAppConfig({ pages: ['pages/index/index'], subpackages: packages.filter(Boolean) })
"""


def test_a_computed_page_list_skips_the_route_check_and_says_so_once(repo):
    repo.write("src/packages.ts", "export const packages = []\n")
    code, data = _taro(repo, COMPUTED, "pkg/wallet/wallet")
    assert _routes(data) == set()  # the list read is partial: no high finding from it
    [error] = data["errors"]
    assert error["path"] == "src/app.config.ts"
    assert "could not read the whole page list" in error["message"]
    assert "routes to unregistered pages were skipped" in error["message"]
    assert "must be a list" not in error["message"]
    # only what the page list decides is open: the notes' three questions are still answered
    assert data["answers"] == {"privacy": "no", "payment_content_links": "no", "category": "not_checked"}
    assert code == 0


def test_a_computed_page_list_is_no_broken_configuration_in_the_comment(repo):
    repo.write("src/packages.ts", "export const packages = []\n")
    _taro(repo, COMPUTED, "pkg/wallet/wallet")
    code, out, _err = cli("diff", "--repo", str(repo.path), "--base", "HEAD~1", "--format", "markdown",
                          "--language", "en", "--fail-on", "none")
    assert code == 0
    assert "upload or review will fail" not in out
    assert "could not read the whole page list" in out
    _code, text, _err = cli("diff", "--repo", str(repo.path), "--base", "HEAD~1", "--format", "text", "--color",
                            "never", "--fail-on", "none")
    assert "未能读取完整的页面列表" in text and "已跳过「跳转到未注册页面」的检查" in text and "could not" not in text


def test_a_malformed_app_json_still_blocks_in_the_comment(repo):
    repo.write_files({"app.json": '{"pages": ["pages/index/index"],}', "app.js": "App({})\n",
                      "pages/index/index.js": "Page({})\n", "pages/index/index.wxml": "<view/>\n"})
    base = repo.commit()
    repo.write("pages/index/index.js", "Page({ onLoad() {} })\n")
    repo.commit()
    _code, out, _err = cli("diff", "--repo", str(repo.path), "--base", base, "--format", "markdown",
                           "--language", "en", "--fail-on", "none")
    assert "upload or review will fail" in out


def test_the_entry_page_is_unknown_when_the_main_list_is_computed(repo):
    repo.write_files({"package.json": PACKAGE, "src/app.config.ts":
                      "export default { pages: makePages(), subpackages: [{ root: 'pkg', pages: ['login/login'] }] }\n",
                      "src/pkg/login/login.tsx": INDEX})
    repo.commit()
    [project] = projects_of(repo)
    assert project.pages == ("pkg/login/login",)
    assert project.entry_page is None  # a subpackage's page is never the entry page


def test_errors_of_one_file_are_listed_once():
    merged = one_per_file([FileError("app.json", "a"), FileError("app.json", "b"), FileError("app.json", "a"),
                           FileError("x.js", "c", families=("completeness",))])
    assert merged == [FileError("app.json", "a; b"), FileError("x.js", "c", families=("completeness",))]
    partial = one_per_file([FileError("c.ts", "a", families=("completeness",)), FileError("c.ts", "b")])
    assert partial == [FileError("c.ts", "a; b")]  # one part leaving everything open leaves everything open
