"""A change that leaves a framework app's own configuration unparsable (an mpvue ``src/app.json`` cut short, a
uni-app ``pages.json`` missing its bracket, a Taro ``app.config.ts`` with a syntax error) breaks the build as an
invalid native ``app.json`` does: a high ``completeness.invalid_app_config`` at the file and line of the error, in
every output format, so a required check fails; the could-not-read notice stays. A configuration already broken
before the change stays a notice, and a change that keeps it valid is no finding."""

from __future__ import annotations

import json

import pytest

from helpers import cli, cli_json

RULE = "completeness.invalid_app_config"
MPVUE_APP = '{\n  "pages": [\n    "pages/home/main"\n  ],\n  "window": {"navigationBarTitleText": "Orders"}\n}\n'
MPVUE_CUT = MPVUE_APP.rstrip()[:-1]  # the last "}" lost
UNI_PAGES = '{\n  // the pages\n  "pages": [\n    {"path": "pages/home/home"}\n  ]\n}\n'
TARO_CONFIG = "export default defineAppConfig({\n  pages: [\n    'pages/home/index'\n  ]\n})\n"


def _mpvue(repo, app_json: str) -> str:
    repo.write_files({"package.json": '{"dependencies": {"mpvue": "^1.0.18", "vue": "^2.5.0"}}',
                      "src/app.json": app_json, "src/App.vue": "<script>export default {}</script>\n",
                      "src/main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue(App).$mount()\n",
                      "src/pages/home/main.js": "import Vue from 'vue'\nimport P from './index'\nnew Vue(P).$mount()\n",
                      "src/pages/home/index.vue": "<template><div>orders</div></template>\n"})
    return repo.commit()


def _uni(repo, pages: str) -> str:
    repo.write_files({"package.json": '{"dependencies": {"@dcloudio/uni-app": "^2.0.0"}}', "pages.json": pages,
                      "manifest.json": '{"name": "orders", "mp-weixin": {"appid": "wx0000000000000000"}}',
                      "App.vue": "<script>export default {}</script>\n", "main.js": "import App from './App'\n",
                      "pages/home/home.vue": "<template><view>orders</view></template>\n"})
    return repo.commit()


def _taro(repo, config: str) -> str:
    repo.write_files({"package.json": '{"dependencies": {"@tarojs/taro": "^3.6.0"}}', "src/app.config.ts": config,
                      "src/app.ts": "export default function App({ children }) { return children }\n",
                      "src/pages/home/index.tsx": "export default function Home() { return <View>orders</View> }\n"})
    return repo.commit()


def _json(repo, base: str) -> tuple[int, dict]:
    return cli_json("diff", "--repo", str(repo.path), "--base", base, "--format", "json")


def test_an_mpvue_app_json_cut_short_is_high_at_its_last_line_and_fails_the_check(repo):
    base = _mpvue(repo, MPVUE_APP)
    repo.write("src/app.json", MPVUE_CUT + "\n")
    repo.commit()
    code, data = _json(repo, base)
    assert code == 1
    assert [(f["rule"], f["severity"], f["path"], f["line"], f["value"]) for f in data["findings"]
            if f["rule"] == RULE] == [
        (RULE, "high", "src/app.json", 5, "app.json is not valid JSON: Expecting '}' before the end of the file "
                                          "at line 7 column 1")]
    assert [e["path"] for e in data["errors"]] == ["src/app.json"]  # the could-not-read notice stays


@pytest.mark.parametrize("fmt", ["text", "markdown", "github", "sarif", "codequality"])
def test_the_broken_config_is_told_as_high_in_every_format(repo, fmt):
    base = _mpvue(repo, MPVUE_APP)
    repo.write("src/app.json", MPVUE_CUT + "\n")
    repo.commit()
    code, out, _ = cli("diff", "--repo", str(repo.path), "--base", base, "--format", fmt, "--language", "en")
    assert code == 1
    if fmt == "text":
        assert "high · Completeness" in out and f"src/app.json:5:1  {RULE}" in out
    elif fmt == "markdown":
        assert "**The app configuration does not parse, so the Mini Program does not compile**" in out
        assert "`src/app.json:5`" in out
    elif fmt == "github":
        assert any(line.startswith("::error file=src/app.json,line=5") and RULE in line for line in out.splitlines())
    elif fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        assert [(r["level"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
                for r in results if r["ruleId"] == RULE] == [("error", 5)]
    else:
        issues = json.loads(out)
        assert [(i["severity"], i["location"]["lines"]["begin"]) for i in issues
                if i["check_name"] == RULE] == [("critical", 5)]


def test_a_uni_app_pages_json_missing_its_bracket_is_high_at_the_error(repo):
    base = _uni(repo, UNI_PAGES)
    repo.write("pages.json", UNI_PAGES.replace("  ]\n", "\n"))  # the list left open
    repo.commit()
    code, data = _json(repo, base)
    assert code == 1
    assert [(f["path"], f["line"], f["severity"], f["value"]) for f in data["findings"] if f["rule"] == RULE] == [
        ("pages.json", 6, "high", "pages.json is not valid JSON5: Expected ',' or ']', found '}' at line 6 column 1")]


def test_a_taro_app_config_with_a_syntax_error_is_high_at_the_error(repo):
    base = _taro(repo, TARO_CONFIG)
    repo.write("src/app.config.ts", TARO_CONFIG.replace("  ]\n", ""))
    repo.commit()
    code, data = _json(repo, base)
    assert code == 1
    assert [(f["path"], f["line"], f["severity"]) for f in data["findings"] if f["rule"] == RULE] == [
        ("src/app.config.ts", 3, "high")]


def test_a_chinese_report_words_the_error_in_chinese(repo):
    base = _taro(repo, TARO_CONFIG)
    repo.write("src/app.config.ts", TARO_CONFIG.replace("  ]\n", ""))
    repo.commit()
    _, out, _ = cli("diff", "--repo", str(repo.path), "--base", base, "--format", "text", "--language", "zh-CN")
    assert "小程序全局配置无法解析，小程序无法编译" in out and "app.config.ts 有语法错误：第 3 行" in out


def _native(repo, app_json: str) -> str:
    repo.write_files({"app.json": app_json, "app.js": "App({})\n", "pages/home/main.js": "Page({})\n",
                      "pages/home/main.wxml": "<view>orders</view>\n"})
    return repo.commit()


@pytest.mark.parametrize(("make", "path"), [(_mpvue, "src/app.json"), (_native, "app.json")])
def test_a_config_already_broken_before_the_change_stays_a_notice(repo, make, path):
    make(repo, MPVUE_APP)
    repo.write(path, MPVUE_CUT + "\n")
    base = repo.commit()
    repo.write(path, MPVUE_CUT.replace("Orders", "My orders") + "\n")  # still cut short
    repo.commit()
    code, data = _json(repo, base)
    assert RULE not in {f["rule"] for f in data["findings"]} and code == 0
    assert [e["path"] for e in data["errors"]] == [path]


@pytest.mark.parametrize(("make", "path", "edit"), [
    (_mpvue, "src/app.json", MPVUE_APP.replace("Orders", "My orders")),
    (_uni, "pages.json", UNI_PAGES.replace("]\n}", "],\n}")),  # a trailing comma uni-app accepts
    (_taro, "src/app.config.ts", TARO_CONFIG.replace("'pages/home/index'", "'pages/home/index',\n    'pages/me/index'")),
])
def test_a_config_the_change_keeps_valid_is_no_finding(repo, make, path, edit):
    base = make(repo, {"src/app.json": MPVUE_APP, "pages.json": UNI_PAGES}.get(path, TARO_CONFIG))
    repo.write(path, edit)
    repo.commit()
    _, data = _json(repo, base)
    assert RULE not in {f["rule"] for f in data["findings"]}
    assert data["errors"] == []
