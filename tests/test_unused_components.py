"""A component library copied in whole ships only what a usingComponents chain reaches: the components the app, a
page or a reached component names, and the scripts they require. The rest of the folder asks for nothing."""

from __future__ import annotations

import pytest

from helpers import places, run
from test_frameworks import TARO_BASE, UNI_BASE


def _component(folder: str, script: str, uses: str = "") -> dict[str, str]:
    """A native component in ``folder`` (index.js requiring ./helpers.js, which holds ``script``)."""
    return {f"{folder}/index.json": '{\n  "component": true,\n  "usingComponents": {' + uses + '}\n}\n',
            f"{folder}/index.wxml": '<view class="box"><slot/></view>\n',
            f"{folder}/index.js": "const helpers = require('./helpers')\nComponent({ methods: { go() { helpers.run() } } })\n",
            f"{folder}/helpers.js": "module.exports = {\n  run() {\n    " + script + "\n  }\n}\n"}


KIT = {**_component("libs/kit/sheet", "wx.chooseMessageFile({ count: 1 })"),
       **_component("libs/kit/panel", "wx.chooseImage({ count: 1 })", '"kit-badge": "../badge/index"'),
       **_component("libs/kit/badge", "wx.chooseAddress()")}


def test_only_the_components_a_page_names_and_those_they_name_are_read(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({**KIT, "pages/me/me.json": '{\n  "usingComponents": {"kit-panel": "/libs/kit/panel/index"}\n}\n'})
    app_repo.commit()
    privacy = {(rule, path) for rule, path, _line in places(run(app_repo.path, base), "privacy")}
    assert ("privacy.album", "libs/kit/panel/helpers.js") in privacy  # registered: its require is read
    assert ("privacy.address", "libs/kit/badge/helpers.js") in privacy  # named by the registered component
    assert not [p for p in privacy if p[0] == "privacy.message_file"]  # the sheet: nothing names it


def test_a_copied_library_no_page_registers_asks_for_nothing(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files(KIT)
    app_repo.commit()
    assert places(run(app_repo.path, base), "privacy") == set()


# A uni-app's pages.json globalStyle, and a Taro page config written as a script: each registers the kit's sheet.
REGISTRATIONS = {
    "uni-app pages.json": (UNI_BASE, "src/pages.json",
                           '{\n  "pages": [{"path": "pages/index/index"}, {"path": "pages/me/me"}],\n'
                           '  "globalStyle": {"usingComponents": {"kit-sheet": "/libs/kit/sheet/index"}}\n}\n'),
    "Taro page config": (TARO_BASE, "src/pages/me/index.config.ts",
                         "export default definePageConfig({\n  usingComponents: {\n"
                         "    'kit-sheet': '../../libs/kit/sheet/index',\n  },\n})\n"),
}


@pytest.mark.parametrize("framework", sorted(REGISTRATIONS))
def test_a_framework_config_registers_a_native_component(repo, framework):
    base_files, config, registration = REGISTRATIONS[framework]
    repo.write_files(base_files)
    base = repo.commit()
    repo.write_files({**{f"src/{path}": text for path, text in KIT.items()}, config: registration})
    repo.commit()
    privacy = {(rule, path) for rule, path, _line in places(run(repo.path, base), "privacy")}
    assert ("privacy.message_file", "src/libs/kit/sheet/helpers.js") in privacy
    assert not [p for p in privacy if p[0] in ("privacy.album", "privacy.address")]
