"""Advice on where to declare an app.json key names the file the project's framework keeps it in
(analyzers/config_place.py): uni-app's manifest.json under "mp-weixin", Taro's app.config.ts; a native project's
app.json stays app.json."""

from __future__ import annotations

from conftest import Repo, minimal_app
from helpers import run
from mp_precheck.core.report import Finding, Report

UNI = {
    "src/pages.json": '{\n  "pages": [{"path": "pages/index/index"}, {"path": "pages/near/near"}]\n}\n',
    "src/manifest.json": '{\n  "name": "shop",\n  "mp-weixin": { "appid": "wx1" }\n}\n',
    "src/App.vue": "<script>\nexport default { onLaunch() {} }\n</script>\n",
    "src/pages/index/index.vue": "<template><view>首页</view></template>\n",
    "src/pages/near/near.vue": "<template><view>附近</view></template>\n",
}
NEAR = ("<template><view @tap=\"where\">附近</view></template>\n<script>\nexport default { methods: {\n"
        "  where() { uni.getLocation({ type: 'gcj02' }) },\n  go() { uni.navigateTo({ url: '/pages/gone/gone' }) } } }\n"
        "</script>\n")
TARO = {
    "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}',
    "src/app.config.ts": "export default defineAppConfig({\n  pages: ['pages/index/index'],\n})\n",
    "src/app.ts": "export default function App({ children }) { return children }\n",
    "src/pages/index/index.tsx": "export default () => null\n",
}


def _by_rule(report: Report) -> dict[str, Finding]:
    return {f.rule: f for f in report.findings}


def _uni(tmp_path: object, language: str) -> Report:
    repo = Repo(tmp_path)  # type: ignore[arg-type]
    repo.write_files(UNI)
    base = repo.commit()
    repo.write("src/pages/near/near.vue", NEAR)
    repo.commit()
    return run(repo.path, base, language=language)


def test_uni_app_location_advice_names_manifest_json_under_mp_weixin(tmp_path):
    found = _by_rule(_uni(tmp_path, "en"))
    for rule in ("privacy.location", "privacy.required_private_infos_missing"):
        assert 'src/manifest.json (under "mp-weixin")' in found[rule].fix, rule
        assert "app.json" not in found[rule].fix.replace("ext.json", ""), rule


def test_uni_app_advice_in_chinese_names_manifest_json_too(tmp_path):
    fix = _by_rule(_uni(tmp_path, "zh-CN"))["privacy.location"].fix
    assert 'src/manifest.json（"mp-weixin" 下）的 requiredPrivateInfos' in fix
    assert "app.json" not in fix


def test_a_new_manifest_entry_is_titled_by_manifest_json(tmp_path):
    repo = Repo(tmp_path)
    repo.write_files(UNI)
    base = repo.commit()
    repo.write("src/manifest.json", '{\n  "name": "shop",\n  "mp-weixin": {\n    "appid": "wx1",\n'
                                    '    "requiredPrivateInfos": ["getLocation"]\n  }\n}\n')
    repo.write("src/pages/near/near.vue", NEAR)
    repo.commit()
    entry = _by_rule(run(repo.path, base))["privacy.required_private_infos"]
    assert (entry.path, entry.line) == ("src/manifest.json", 5)
    assert entry.title.startswith('src/manifest.json (under "mp-weixin") declares requiredPrivateInfos')


def test_taro_advice_names_app_config_ts(tmp_path):
    repo = Repo(tmp_path)
    repo.write_files(TARO)
    base = repo.commit()
    repo.write("src/pages/index/index.tsx", "import Taro from '@tarojs/taro'\n"
                                            "export default () => { Taro.chooseAddress(); return null }\n")
    repo.commit()
    found = _by_rule(run(repo.path, base))
    assert "list chooseAddress in src/app.config.ts requiredPrivateInfos" in found["privacy.address"].fix
    assert "src/app.config.ts" in found["privacy.required_private_infos_missing"].fix


def test_a_native_project_keeps_app_json(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write("pages/index/index.js", "Page({\n  where() { wx.getLocation({}) } })\n")
    repo.commit()
    found = _by_rule(run(repo.path, base))
    assert "in app.json requiredPrivateInfos" in found["privacy.location"].fix
    assert "requiredPrivateInfos of app.json" in found["privacy.required_private_infos_missing"].fix


def test_page_registration_advice_already_names_every_framework_file(tmp_path):
    # The unregistered route's advice names app.json, pages.json and app.config itself: left as written.
    found = _by_rule(_uni(tmp_path, "en"))
    route = found["completeness.unregistered_route"]
    assert "app.json pages / subpackages (or pages.json, app.config)" in route.fix
    assert "manifest.json" not in route.fix
