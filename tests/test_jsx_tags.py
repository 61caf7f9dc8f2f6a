"""A capitalised JSX tag is the binding its import names: ``<Camera>`` / ``<Map>`` is WeChat's built-in
component when Taro's (or Remax's) components, a project module or a UI kit give it, or when nothing imports it;
the same name imported from another npm package (an icon set, a chart library) renders that package's component."""

from __future__ import annotations

import json

import pytest

from conftest import Repo
from helpers import run
from mp_precheck.readers.jsfacts import js_facts


def _components(source: str, path: str = "page.tsx") -> set[tuple[str, int]]:
    return {(f.subject, f.line) for f in js_facts(source, path).facts if f.kind == "component"}


@pytest.mark.parametrize("spec", ["@tarojs/components", "remax/wechat", "../../widgets/shutter", "@/widgets/shutter"])
def test_a_camera_from_taros_components_or_a_project_module_is_the_built_in(spec):
    src = f"import {{ View, Camera }} from '{spec}'\n\nexport default () => <View>\n  <Camera devicePosition='back' />\n</View>\n"
    assert ("<camera>", 4) in _components(src)


@pytest.mark.parametrize("spec", ["react-feather", "@mdi/react-icons"])
def test_a_camera_from_an_icon_package_is_no_built_in(spec):
    src = (f"import {{ View }} from '@tarojs/components'\nimport {{ Camera as Shot }} from '{spec}'\n\n"
           "export default () => <View>\n  <Shot size={16} />\n</View>\n")
    assert ("<shot>", 5) not in _components(src)
    src = (f"import {{ View }} from '@tarojs/components'\nimport {{ Camera }} from '{spec}'\n\n"
           "export default () => <View>\n  <Camera size={16} />\n</View>\n")
    assert ("<camera>", 5) not in _components(src)
    assert ("<view>", 4) in _components(src)


def test_a_map_from_a_chart_package_is_no_built_in_but_taros_map_is():
    chart = "import * as Charts from 'echarts-province-charts'\n\nexport default () => <Charts.Map data={[]} />\n"
    assert ("<map>", 3) not in _components(chart)
    required = "const { Map } = require('province-chart')\n\nexport default () => <Map data={[]} />\n"
    assert ("<map>", 3) not in _components(required, "page.jsx")
    taro = "import { Map } from '@tarojs/components'\n\nexport default () => <Map latitude={23} longitude={113} />\n"
    assert ("<map>", 3) in _components(taro)


def test_a_tag_no_import_binds_stays_the_built_in():
    assert ("<camera>", 1) in _components("export default () => <Camera mode='scanCode' />\n", "page.jsx")


def test_an_open_type_another_packages_button_forwards_still_counts():
    src = "import { Button } from 'some-taro-kit'\n\nexport default () => <Button openType='getPhoneNumber' />\n"
    facts = js_facts(src, "page.tsx").facts
    assert ("button[open-type=getPhoneNumber]", 3) in {(f.subject, f.line) for f in facts}
    assert ("<button>", 3) not in _components(src)


def _taro_page(repo: Repo, page: str) -> str:
    repo.write("package.json", json.dumps({"dependencies": {"@tarojs/taro": "3.6.0"}}))
    repo.write("config/index.ts", "export default { sourceRoot: 'src', outputRoot: 'dist' }\n")
    repo.write("src/app.config.ts", "export default { pages: ['pages/scan/index'] }\n")
    repo.write("src/app.ts", "export default {}\n")
    repo.write("src/pages/scan/index.tsx", "export default function Scan() { return null }\n")
    base = repo.commit("base")
    repo.write("src/pages/scan/index.tsx", page)
    repo.commit("page")
    return base


def _camera_findings(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.rule == "privacy.camera"}


def test_a_page_adding_taros_camera_is_told(tmp_path):
    repo = Repo(tmp_path / "repo")
    base = _taro_page(repo, "import { Camera } from '@tarojs/components'\n\n"
                            "export default function Scan() {\n  return <Camera devicePosition='front' />\n}\n")
    assert _camera_findings(repo, base) == {("privacy.camera", "src/pages/scan/index.tsx", 4)}


def test_a_page_adding_an_icon_named_camera_is_not(tmp_path):
    repo = Repo(tmp_path / "repo")
    base = _taro_page(repo, "import { Button } from '@tarojs/components'\nimport { Camera } from 'react-feather'\n\n"
                            "export default function Scan() {\n  return <Button><Camera size={20} /></Button>\n}\n")
    assert _camera_findings(repo, base) == set()


def test_a_textarea_a_taro_ui_kit_renders_is_the_built_in():
    src = "import { Textarea } from '@taroify/core'\n\nexport default () => <Textarea placeholder='说点什么' />\n"
    assert ("<textarea>", 3) in _components(src)
    src = "import { Textarea } from 'rich-note-editor'\n\nexport default () => <Textarea placeholder='说点什么' />\n"
    assert ("<textarea>", 3) not in _components(src)
