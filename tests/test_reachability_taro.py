"""Taro: a page file under ``pages/`` that ``app.config`` does not register is no page the build compiles
(core/reachability.py)."""

from __future__ import annotations

from helpers import found, run

PICKER = ("import Taro from '@tarojs/taro'\nimport { View } from '@tarojs/components'\n\n"
          "export default function Venue() {\n  const pick = () => Taro.chooseLocation({})\n"
          "  return <View onClick={pick}>venue</View>\n}\n")
HOME = "import { View } from '@tarojs/components'\n\nexport default function Home() {\n  return <View>home</View>\n}\n"


def _taro_app(repo, pages: str = "['pages/home/index']"):
    repo.write_files({
        "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}',
        "src/app.config.ts": f"export default defineAppConfig({{\n  pages: {pages},\n}})\n",
        "src/app.ts": "import { Component } from 'react'\nexport default class App extends Component {}\n",
        "src/pages/home/index.tsx": HOME,
    })
    return repo.commit("app")


def _location(repo, base):
    return [key for key in found(run(repo.path, base)) if key[0] == "privacy.choose_location"]


def test_a_page_file_the_taro_config_does_not_register_adds_nothing(repo):
    base = _taro_app(repo)
    repo.write("src/pages/venue/picker.tsx", PICKER)
    repo.commit()
    assert _location(repo, base) == []


def test_a_page_file_the_change_registers_is_reported(repo):
    base = _taro_app(repo)
    repo.write("src/app.config.ts", "export default defineAppConfig({\n  pages: ['pages/home/index'],\n"
                                    "  subPackages: [{ root: 'pages/venue', pages: ['picker'] }],\n})\n")
    repo.write("src/pages/venue/picker.tsx", PICKER)
    repo.commit()
    assert _location(repo, base) == [("privacy.choose_location", "src/pages/venue/picker.tsx", 5, "app")]


def test_a_page_of_a_config_that_computes_its_pages_is_reported(repo):
    base = _taro_app(repo, pages="[...extraPages, 'pages/home/index']")
    repo.write("src/pages/venue/picker.tsx", PICKER)
    repo.commit()
    assert _location(repo, base) == [("privacy.choose_location", "src/pages/venue/picker.tsx", 5, "app")]


def test_a_component_under_pages_a_registered_page_imports_is_reported(repo):
    base = _taro_app(repo)
    repo.write("src/pages/home/venuePicker.tsx", PICKER)
    repo.write("src/pages/home/index.tsx", "import { View } from '@tarojs/components'\n"
                                           "import VenuePicker from './venuePicker'\n\n"
                                           "export default function Home() {\n  return <VenuePicker />\n}\n")
    repo.commit()
    assert _location(repo, base) == [("privacy.choose_location", "src/pages/home/venuePicker.tsx", 5, "app")]
