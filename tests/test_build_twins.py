"""A compiled ``x.js`` beside the ``x.ts`` WeChat's developer tools compile is build output (readers/buildtwins.py):
the ``.ts`` is the page's script and the one place told."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Repo
from helpers import found, run
from mp_precheck.core.reachability import readable_twin
from mp_precheck.readers.buildtwins import compiled_twins, compiles_typescript
from mp_precheck.readers.discovery import Project

PLUGIN = '{\n  "miniprogramRoot": "client/",\n  "setting": {"useCompilerPlugins": ["typescript"]}\n}\n'
NO_PLUGIN = '{\n  "miniprogramRoot": "client/"\n}\n'
TSC_HEAD = '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n'

# the stale compiled page: written before the page got its ``pick`` handler
STALE_JS = '"use strict";\nPage({\n    data: {},\n    onLoad() { },\n});\n'
PAGE_TS = "Page({\n  data: {},\n  onLoad() {},\n  pick() {\n    wx.chooseImage({ count: 1 })\n  },\n})\n"
MARKUP = '<view bindtap="pick">pick</view>\n<view bindtap="drop">drop</view>\n'


def _app(path: Path, config: str, extra: dict[str, str] | None = None) -> tuple[Repo, str]:
    repo = Repo(path)
    repo.write_files({"project.config.json": config,
                      "client/app.json": '{\n  "pages": ["pages/shelf/shelf"]\n}\n',
                      "client/app.ts": "App({})\n",
                      "client/pages/shelf/shelf.ts": "Page({\n  data: {},\n  onLoad() {},\n})\n",
                      "client/pages/shelf/shelf.js": '"use strict";\nPage({\n    data: {},\n    onLoad() { },\n});\n',
                      "client/pages/shelf/shelf.wxml": "<view>shelf</view>\n", **(extra or {})})
    return repo, repo.commit("base")


def _dead(report: object) -> set[str]:
    return {f.subject for f in report.findings if f.rule == "completeness.dead_handler"}  # type: ignore[attr-defined]


@pytest.mark.parametrize("config, stale", [
    (PLUGIN, STALE_JS),  # the developer tools compile .ts and take it over the .js
    (PLUGIN.replace('"setting": {"useCompilerPlugins": ["typescript"]}', '"useCompilerPlugins": ["sass", "typescript"]'),
     STALE_JS),  # the plugin list at the config's top level
    (NO_PLUGIN, TSC_HEAD + STALE_JS.removeprefix('"use strict";\n')),  # no plugin, but plainly tsc's output
], ids=["plugin-in-setting", "plugin-at-top", "tsc-output"])
def test_the_ts_is_the_pages_script_and_the_compiled_js_no_place(tmp_path, config, stale):
    repo, base = _app(tmp_path / "repo", config)
    repo.write_files({"client/pages/shelf/shelf.ts": PAGE_TS, "client/pages/shelf/shelf.wxml": MARKUP,
                      "client/pages/shelf/shelf.js": stale})
    repo.commit()
    report = run(repo.path, base)
    assert _dead(report) == {"handler:drop"}  # pick is in the .ts; drop is defined nowhere
    assert {(rule, path, line) for rule, path, line, _scope in found(report) if rule == "privacy.album"} == \
        {("privacy.album", "client/pages/shelf/shelf.ts", 5)}
    assert not any(f.path.endswith(".js") for f in report.findings)


def test_a_call_only_the_stale_js_still_holds_does_not_make_the_ts_call_old(tmp_path):
    repo, base = _app(tmp_path / "repo", PLUGIN, {
        "client/pages/shelf/shelf.js": '"use strict";\nPage({\n    onLoad() { wx.getLocation({}); },\n});\n'})
    repo.write_files({"client/pages/map/map.ts": "Page({\n  onLoad() {\n    wx.getLocation({ type: 'gcj02' })\n  },\n})\n",
                      "client/pages/map/map.js": '"use strict";\nPage({});\n',
                      "client/pages/map/map.wxml": "<view>map</view>\n",
                      "client/app.json": '{\n  "pages": ["pages/shelf/shelf", "pages/map/map"]\n}\n'})
    repo.commit()
    told = {(f.rule, f.path, f.scope) for f in run(repo.path, base).findings if f.rule == "privacy.location"}
    assert told == {("privacy.location", "client/pages/map/map.ts", "app")}


def test_an_import_of_the_module_resolves_to_its_ts(tmp_path):
    repo, base = _app(tmp_path / "repo", PLUGIN)
    repo.write_files({"client/utils/send.ts": "export function send(p: string) {\n  return wx.uploadFile({ url: "
                                              "'https://up.example.com/u', filePath: p, name: 'f' })\n}\n",
                      "client/utils/send.js": TSC_HEAD + "function send(p) { return p; }\nexports.send = send;\n",
                      "client/pages/shelf/shelf.ts": "import { send } from '../../utils/send'\n"
                                                     "Page({\n  go(p: string) { send(p) },\n})\n"})
    repo.commit()
    paths = {path for rule, path, _line, _scope in found(run(repo.path, base)) if rule == "upload.upload_file"}
    assert "client/pages/shelf/shelf.ts" in paths  # the call reached through the .ts the import loads
    assert not any(path.endswith(".js") for path in paths)


def test_without_the_plugin_a_hand_written_js_beside_a_typings_ts_is_the_script(tmp_path):
    repo, base = _app(tmp_path / "repo", NO_PLUGIN)
    repo.write_files({"client/pages/shelf/shelf.ts": "export interface Shelf {\n  name: string\n}\n",
                      "client/pages/shelf/shelf.js": "Page({\n  pick() {\n    wx.chooseImage({ count: 1 })\n  },\n})\n",
                      "client/pages/shelf/shelf.wxml": MARKUP})
    repo.commit()
    report = run(repo.path, base)
    assert _dead(report) == {"handler:drop"}
    assert ("privacy.album", "client/pages/shelf/shelf.js", 3) in {(r, p, n) for r, p, n, _s in found(report)}


def test_a_js_without_a_ts_twin_is_read_in_a_project_with_the_plugin(tmp_path):
    repo, base = _app(tmp_path / "repo", PLUGIN)
    repo.write_files({"client/lib/legacy.js": "module.exports = () => wx.chooseImage({ count: 1 })\n",
                      "client/pages/shelf/shelf.ts": "const pick = require('../../lib/legacy')\n"
                                                     "Page({\n  go() { pick() },\n})\n"})
    repo.commit()
    assert ("privacy.album", "client/lib/legacy.js") in {(r, p) for r, p, _n, _s in found(run(repo.path, base))}


def test_compiled_twins_need_the_plugin_or_tscs_output():
    texts = {"project.config.json": PLUGIN, "client/a.js": "Page({})\n", "client/a.ts": "Page({})\n",
             "client/b.js": "x()\n", "client/node_modules/m/i.js": "", "client/node_modules/m/i.ts": ""}
    assert compiles_typescript("client", set(texts), texts.get)
    assert compiled_twins("client", set(texts), texts.get) == {"client/a.js"}
    texts["project.config.json"] = NO_PLUGIN
    assert not compiles_typescript("client", set(texts), texts.get)
    assert compiled_twins("client", set(texts), texts.get) == set()
    texts["client/a.js"] = TSC_HEAD + "Page({})\n"
    assert compiled_twins("client", set(texts), texts.get) == {"client/a.js"}


def test_loading_a_compiled_twin_loads_its_ts():
    project = Project(root="", framework="native", build_twins=frozenset({"u/a.js", "u/b.min.js"}))
    assert readable_twin("u/a.js", project) == "u/a.ts"
    assert readable_twin("u/b.min.js", project) == "u/b.js"
    assert readable_twin("u/c.js", project) == "u/c.js"
