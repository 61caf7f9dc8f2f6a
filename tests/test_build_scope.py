"""Code in a Mini Program project's folder that its build never takes is not analysed as the app's: a script
beside a framework's source folder (Taro's ``sourceRoot``), another program with its own package.json (a back
end, an admin console), a script only Node runs. The app's own files — every file of a native project, a
framework's source folder, the build's config and a root-level module the app imports — still are."""

from __future__ import annotations

import json

from conftest import Repo
from helpers import run
from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.facts.scope import in_project, runs_under_node
from mp_precheck.readers.buildscope import other_programs, source_folder
from mp_precheck.readers.discovery import Project
from test_discovery import projects_of

TARO_CONFIG = "export default { pages: ['pages/index/index'] }\n"


def _hosts(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.subject, f.path, f.line) for f in run(repo.path, base).findings if f.rule == "external_link.domain"}


def _taro(repo: Repo) -> str:
    repo.write("package.json", json.dumps({"dependencies": {"@tarojs/taro": "3.6.0"}}))
    repo.write("config/index.ts", "export default { sourceRoot: 'src', outputRoot: 'dist' }\n")
    repo.write("src/app.config.ts", TARO_CONFIG)
    repo.write("src/app.ts", "export default {}\n")
    repo.write("src/pages/index/index.tsx", "export default function Index() { return null }\n")
    return repo.commit("base")


def test_a_smoke_script_beside_taros_source_folder_names_no_server(tmp_path):
    repo = Repo(tmp_path / "repo")
    base = _taro(repo)
    repo.write("tools/link-check.ts", "import { check } from '../src/utils/link'\n"
                                      "const samples = [\n  'https://sample-site.test/a',\n]\n"
                                      "samples.forEach(check)\n")
    repo.write("src/utils/link.ts", "export function check(url: string) { return url.startsWith('https://') }\n")
    repo.commit("a smoke test")
    assert _hosts(repo, base) == set()


def test_taros_own_api_module_and_build_config_still_name_their_servers(tmp_path):
    repo = Repo(tmp_path / "repo")
    base = _taro(repo)
    repo.write("src/api/base.ts", "import Taro from '@tarojs/taro'\n"
                                  "export const get = () => Taro.request({ url: 'https://api.shop-one.test/x' })\n")
    repo.write("config/prod.ts", "export default { defineConstants: { API: '\"https://api.shop-two.test\"' } }\n")
    repo.commit("api")
    found = _hosts(repo, base)
    assert ("host:api.shop-one.test", "src/api/base.ts", 2) in found
    assert ("host:api.shop-two.test", "config/prod.ts", 1) in found


def test_a_file_beside_the_source_folder_the_app_imports_is_the_apps(tmp_path):
    repo = Repo(tmp_path / "repo")
    base = _taro(repo)
    repo.write("shared/endpoints.ts", "export const API = 'https://api.shared-one.test'\n")
    repo.write("src/pages/index/index.tsx", "import Taro from '@tarojs/taro'\nimport { API } from '../../../shared/"
                                            "endpoints'\nexport default function Index() {\n"
                                            "  Taro.request({ url: API + '/list' })\n  return null\n}\n")
    repo.commit("shared endpoints")
    assert ("host:api.shared-one.test", "shared/endpoints.ts", 1) in _hosts(repo, base)


def _uni(repo: Repo) -> str:
    repo.write("manifest.json", '{"name": "x", "mp-weixin": {"appid": "wx0000000000000000"}}\n')
    repo.write("pages.json", '{"pages": [{"path": "pages/index/index"}]}\n')
    repo.write("App.vue", "<script>\nexport default {}\n</script>\n")
    repo.write("main.js", "import App from './App'\nimport config from './config'\nexport default config\n")
    repo.write("pages/index/index.vue", "<template><view>home</view></template>\n")
    return repo.commit("base")


def test_a_back_end_with_its_own_package_json_names_no_server(tmp_path):
    repo = Repo(tmp_path / "repo")
    base = _uni(repo)
    repo.write("api-server/package.json", json.dumps({"scripts": {"start": "node src/index.js"}}))
    repo.write("api-server/src/seed.js", "module.exports = [\n  { cover: 'https://pictures.sample.test/1.jpg' },\n]\n")
    repo.write("console/package.json", json.dumps({"scripts": {"dev": "vite"}, "dependencies": {"vue": "^3"}}))
    repo.write("console/src/api.js", "export const base = 'https://console-api.sample.test'\n")
    repo.commit("back end and console")
    assert _hosts(repo, base) == set()


def test_a_uni_app_root_config_module_the_app_imports_still_names_its_server(tmp_path):
    repo = Repo(tmp_path / "repo")
    base = _uni(repo)
    repo.write("config.js", "export default { baseUrl: 'https://api.uni-one.test' }\n")
    repo.commit("config")
    assert ("host:api.uni-one.test", "config.js", 1) in _hosts(repo, base)


def test_a_script_only_node_runs_names_no_server(tmp_path):
    repo = Repo(tmp_path / "repo")
    base = _uni(repo)
    repo.write("seed/rows.js", "const fs = require('fs')\nconst rows = [\n  'https://pictures.other.test/2.jpg',\n]\n"
                               "fs.writeFileSync('rows.json', JSON.stringify(rows))\n")
    repo.write("db/pool.js", "import mysql from 'mysql2/promise'\n"
                             "export const url = 'https://db-admin.other.test'\nexport default mysql\n")
    repo.commit("seed")
    assert _hosts(repo, base) == set()


def test_a_native_utils_file_requiring_nothing_is_app_code(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write("app.json", '{"pages": ["pages/index/index"]}\n')
    repo.write("app.js", "App({})\n")
    repo.write("package.json", json.dumps({"scripts": {"dev": "gulp"}}))
    repo.write("pages/index/index.js", "Page({})\n")
    base = repo.commit("base")
    repo.write("tools/package.json", json.dumps({"scripts": {"start": "node x"}}))
    repo.write("tools/net.js", "module.exports = () => wx.request({ url: 'https://api.native-one.test/a' })\n")
    repo.commit("utils")
    assert ("host:api.native-one.test", "tools/net.js", 1) in _hosts(repo, base)


def test_the_project_records_its_source_folder_and_other_programs(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write("package.json", json.dumps({"dependencies": {"@tarojs/taro": "3.6.0"}}))
    repo.write("src/app.config.ts", TARO_CONFIG)
    repo.write("src/app.ts", "export default {}\n")
    repo.write("admin/package.json", json.dumps({"dependencies": {"koa": "^2"}}))
    repo.write("src/lib/sdk/package.json", json.dumps({"name": "sdk", "main": "index.js"}))
    repo.commit()
    [project] = projects_of(repo)
    assert (project.source_root, project.programs) == ("src", ("admin",))
    assert project.owns("src/lib/sdk/index.js") and project.owns("config/dev.ts") and project.owns("package.json")
    assert project.owns("static/logo.png")
    assert not project.owns("scripts/check.ts") and not project.owns("admin/app.js")


def test_source_folder_by_framework():
    files = {"mini/src/app.jsx"}
    assert source_folder("mini", "taro", "mini/src/app.config.js", files) == "mini/src"
    assert source_folder("mini", "taro", None, files) == "mini/src"
    assert source_folder("", "uni-app", "manifest.json", set()) is None
    assert source_folder("src", "mpx", "src/config/app.json", set()) is None
    assert source_folder("", "native", "app.json", set()) is None


def test_other_programs_by_their_manifest():
    manifests = {"srv/package.json": '{"dependencies": {"express": "4"}}', "lib/package.json": '{"main": "a.js"}',
                 "cli/package.json": '{"bin": {"x": "x.js"}}', "bad/package.json": "{"}
    manifests["shop/package.json"] = '{"scripts": {"dev": "x"}, "dependencies": {"mpvue": "2"}}'

    def names_framework(manifest: object) -> bool:
        return isinstance(manifest, dict) and "mpvue" in manifest.get("dependencies", {})
    manifests["kit/package.json"] = '{"scripts": {"start": "node app"}, "dcloudext": {}}'
    manifests["src/ui/package.json"] = '{"scripts": {"dev": "tsc -w"}}'
    found = other_programs("", "uni-app", None, sorted(manifests), manifests.get, names_framework)
    assert found == ("cli", "src/ui", "srv")
    assert other_programs("", "uni-app", "src", sorted(manifests), manifests.get, names_framework) == ("cli", "srv")
    assert other_programs("", "native", None, sorted(manifests), manifests.get, names_framework) == ()


def test_runs_under_node_by_what_a_script_loads():
    def facts(*specs: str) -> FileFacts:
        return FileFacts(facts=(Fact("host:a.test", "host", 1),), module_specs=specs)
    assert runs_under_node("a/seed.js", facts("node:sqlite"))
    assert runs_under_node("a/seed.js", facts("@koa/router"))
    assert not runs_under_node("a/util.js", facts("crypto", "path", "./http"))
    assert not runs_under_node("vite.config.ts", facts("fs"))
    assert not runs_under_node("config/index.js", facts("fs"))
    # a page with a stray type import an editor added stays app code: its idcard input is no new one when the
    # import goes away (the regression this guards against)
    assert not runs_under_node("src/pages/activation/index.vue", facts("child_process"))
    assert not runs_under_node("src/pages/post.wpy", facts("fs"))
    project = Project(root="", framework="native")
    assert in_project({"s.js": facts("child_process")}, project)["s.js"].facts == ()
