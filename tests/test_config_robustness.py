"""App configs of the wrong shape or nested too deeply: one line under ``errors``, the rest still analysed.

Regression tests for crashes (exit 3) on ``"subpackages": 5`` and on JSON nested 100,000 levels deep.
"""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import cli_json
from mp_precheck.core.baseline import parse_baseline
from mp_precheck.core.errors import ConfigError
from mp_precheck.notes.pagetitles import _uni_title_table
from mp_precheck.readers.appconfig import MalformedJson, app_config_facts, load_json, loads_jsonc
from mp_precheck.readers.appdata import read_app_data
from mp_precheck.readers.buildscope import other_programs
from mp_precheck.readers.pagelist import registered_pages
from test_discovery import projects_of

LOCATE = "Page({\n  onLoad() {\n    wx.getLocation({ type: 'gcj02' })\n  }\n})\n"
DEEP = "[" * 100_000 + "]" * 100_000
SUBPACKAGES = '"subpackages" must be a list of {"root": …, "pages": […]} objects'


def _run(repo: Repo, files: dict[str, str], changed: str = "pages/index/index.js") -> tuple[int, dict]:
    repo.write_files({"app.js": "App({})\n", "pages/index/index.wxml": "<view>hi</view>\n",
                      "pages/index/index.js": "Page({})\n", **files})
    base = repo.commit()
    repo.write(changed, LOCATE)
    repo.commit()
    return cli_json("diff", "--repo", str(repo.path), "--base", base, "--fail-on", "none")


def _located(data: dict, path: str = "pages/index/index.js") -> bool:
    return ("privacy.location", path, 3) in {(f["rule"], f["path"], f["line"]) for f in data["findings"]}


@pytest.mark.parametrize("value", ["5", "true", '"pages/a"', '{"root": "a"}'])
@pytest.mark.parametrize("key", ["subpackages", "subPackages"])
def test_subpackages_that_are_no_list_are_a_shape_error_and_the_rest_is_analysed(repo, key, value):
    code, data = _run(repo, {"app.json": f'{{"pages": ["pages/index/index"], "{key}": {value}}}'})
    assert code == 0
    assert data["errors"] == [{"path": "app.json",
                               "message": SUBPACKAGES.replace("subpackages", key)}]
    assert _located(data)


def test_subpackages_of_a_build_written_app_json_that_are_no_list(repo):
    files = {"src/app.js": "App({})\n", "src/pages/index/index.wxml": "<view>hi</view>\n",
             "src/pages/index/index.js": "Page({})\n",
             "templates/app.json": '{"pages": ["pages/index/index"], "subpackages": 5}'}
    repo.write_files(files)
    base = repo.commit()
    repo.write("src/pages/index/index.js", LOCATE)
    repo.commit()
    code, data = cli_json("diff", "--repo", str(repo.path), "--base", base, "--fail-on", "none")
    assert code == 0
    assert {"path": "templates/app.json", "message": SUBPACKAGES} in data["errors"]
    assert _located(data, "src/pages/index/index.js")


def test_uni_app_sub_packages_that_are_no_list(repo):
    repo.write_files({"src/pages.json": '{"pages": [{"path": "pages/index/index"}], "subPackages": 5}',
                      "src/manifest.json": "{}", "src/main.js": "", "src/App.vue": "<script>export default {}</script>"})
    repo.commit()
    [project] = projects_of(repo)
    assert project.pages == ("pages/index/index",)
    assert project.errors == (f'src/pages.json: {SUBPACKAGES.replace("subpackages", "subPackages")}',)


def test_a_taro_page_list_computed_by_code_is_told_as_computed_and_the_rest_analysed(repo):
    repo.write_files({"package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}',
                      "src/app.config.ts": "import { routes } from './routes'\n"
                                           "export default defineAppConfig({ pages: routes.map((r) => r.path) })\n",
                      "src/routes.ts": "export const routes = [{ path: 'pages/index/index' }]\n",
                      "src/pages/index/index.tsx": "export default function Index() { return null }\n"})
    base = repo.commit()
    repo.write("src/pages/index/index.tsx", "import Taro from '@tarojs/taro'\n"
                                            "export default function Index() { Taro.getLocation({}); return null }\n")
    repo.commit()
    code, data = cli_json("diff", "--repo", str(repo.path), "--base", base, "--fail-on", "none")
    assert code == 0
    [error] = data["errors"]
    assert error["path"] == "src/app.config.ts"
    assert error["message"].startswith("mp-precheck could not read the whole page list: part of it is computed by code")
    assert ("privacy.location", "src/pages/index/index.tsx") in {(f["rule"], f["path"]) for f in data["findings"]}


def test_required_private_infos_that_is_no_list_does_not_stop_the_run(repo):
    code, data = _run(repo, {"app.json": '{"pages": ["pages/index/index"], "requiredPrivateInfos": 5}'})
    assert code == 0
    assert data["errors"] == [{"path": "app.json",
                               "message": '"requiredPrivateInfos" must be a list of strings, not a number'}]
    assert _located(data)


@pytest.mark.parametrize("value", [5, True, "a", {"root": "a"}])
def test_page_lists_of_the_wrong_shape_are_skipped(value):
    assert registered_pages({"pages": ["p/a"], "subpackages": value,
                             "subPackages": [{"root": "s", "pages": value}]}) == (["p/a"], None)
    assert _uni_title_table({"pages": value, "subPackages": value}) == {}
    assert _uni_title_table({"subPackages": [{"root": "s", "pages": value}]}) == {}


def test_an_app_json_nested_too_deeply_is_malformed_json_and_the_rest_is_analysed(repo):
    code, data = _run(repo, {"app.json": '{"pages": ["pages/index/index"]}'})
    assert _located(data)
    repo.write("app.json", '{"pages":' + DEEP + "}")
    repo.write("pages/index/index.js", LOCATE.replace("getLocation", "chooseLocation"))
    repo.commit()
    code, data = cli_json("diff", "--repo", str(repo.path), "--base", "HEAD~1", "--fail-on", "none")
    assert code == 0
    assert {"path": "app.json", "message": "app.json is not valid JSON (nested too deeply)"} in data["errors"]
    assert any(f["path"] == "pages/index/index.js" and f["line"] == 3 for f in data["findings"])


def test_json_nested_too_deeply_in_every_reader():
    with pytest.raises(MalformedJson, match=r"^app\.json is not valid JSON \(nested too deeply\)$"):
        load_json(DEEP, "app.json")
    with pytest.raises(ValueError, match="nested too deeply"):
        loads_jsonc(DEEP)
    with pytest.raises(ValueError, match="nested too deeply"):
        loads_jsonc("// a comment\n" + "[" * 3000 + "]" * 3000)  # JSON5's parser recurses sooner
    assert read_app_data("src/pages.json", '// c\n{"pages": ' + DEEP + "}") is None
    assert read_app_data("app.json", '{"pages": ' + DEEP + "}") is None
    manifest = '{"scripts": ' + DEEP + "}"
    assert other_programs("", "taro", "src", ["server/package.json"], lambda path: manifest, lambda m: False) == ()
    with pytest.raises(ConfigError, match=r"not valid JSON \(nested too deeply\)"):
        parse_baseline(DEEP, "baseline.json")


def test_a_list_key_copied_into_window_is_placed_at_the_top_level_key_wechat_reads():
    text = ('{\n  "pages": ["pages/index/index"],\n  "window": {\n    "navigateToMiniProgramAppIdList": [\n'
            '      "wx1111111111111111"\n    ]\n  },\n  "navigateToMiniProgramAppIdList": [\n'
            '    "wx1111111111111111"\n  ],\n  "permission": {"scope.userLocation": {"desc": "nearby shops"}}\n}\n')
    facts = {(f.subject, f.line) for f in app_config_facts(text, load_json(text, "app.json"))}
    assert ("app.json:navigateToMiniProgramAppIdList:wx1111111111111111", 9) in facts
    assert ("app.json:permission:scope.userLocation", 11) in facts

