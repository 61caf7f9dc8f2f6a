"""Code a Mini Program imports from outside its root — a monorepo's shared folder, by a relative path or an
alias of the build config (Taro ``config/index.js``, ``tsconfig.json`` paths) — is part of the app: what it
adds is reported, and what it already has is known. A sibling web client the Mini Program never imports
stays out."""

from __future__ import annotations

from conftest import MINIMAL_APP
from helpers import run
from mp_precheck.readers.aliases import project_aliases
from test_frameworks import TARO_BASE

TARO_CONFIG = ("const path = require('path')\nmodule.exports = {\n  sourceRoot: 'src',\n  alias: {\n"
               "    '@shared': path.resolve(__dirname, '..', '../shared'),\n    '@/': 'src',\n  },\n}\n")
JUMP = ("import Taro from '@tarojs/taro'\nexport const openPartner = () => {\n"
        "  return Taro.navigateToMiniProgram({ appId: 'wx0000000000000001' })\n}\n")
CONFIG = "module.exports = {\n  API_BASE: 'https://api.shop.example',\n}\n"
SETTINGS = "const config = require('./prod')\nexport const base = () => config.API_BASE\n"


def _found(report):
    return {(f.rule, f.path, f.line) for f in report.findings if f.family == "external_link"}


def _taro(repo, page_import=""):
    repo.write_files({**{f"mini/{k}": v for k, v in TARO_BASE.items()}, "mini/config/index.js": TARO_CONFIG,
                      "shared/config/prod.js": CONFIG, "shared/config/index.js": SETTINGS,
                      "shared/site.js": "import { base } from '@shared/config'\nexport const site = base\n",
                      "web/src/api.js": "export const api = 'https://web.shop.example'\n"})
    repo.write("mini/src/pages/me/index.tsx", page_import + "export default () => null\n")
    return repo.commit()


def test_the_taro_alias_and_tsconfig_paths_are_read_as_data():
    texts = {"mini/config/index.js": TARO_CONFIG,
             "mini/tsconfig.json": '{"compilerOptions": {"baseUrl": ".", "paths": {"@lib/*": ["../lib/*"]}}}'}
    assert project_aliases(("mini",), texts.get) == {"@shared": "shared", "@/": "mini/src", "@lib": "lib"}


def test_a_new_shared_helper_the_mini_program_imports_by_alias_is_reported_there(repo):
    base = _taro(repo)
    repo.write("shared/jump.js", JUMP)
    repo.write("mini/src/pages/me/index.tsx", "import { openPartner } from '@shared/jump'\n"
               "export default () => <Button onClick={openPartner}>go</Button>\n")
    repo.commit()
    assert _found(run(repo.path, base)) == {("external_link.navigate_to_mini_program", "shared/jump.js", 3)}


def test_a_shared_file_nothing_in_the_mini_program_imports_is_left_out(repo):
    base = _taro(repo)
    repo.write("shared/jump.js", JUMP)
    repo.write("web/src/api.js", "export const api = 'https://web2.shop.example'\n")
    repo.commit()
    assert _found(run(repo.path, base)) == set()


def test_a_host_of_an_imported_shared_config_is_already_the_apps(repo):
    base = _taro(repo, "import { site } from '@shared/site'\n")
    repo.write("mini/src/pages/index/index.tsx", "import Taro from '@tarojs/taro'\n"
               "export const up = () => Taro.request({ url: 'https://api.shop.example/items' })\n")
    repo.commit()
    assert _found(run(repo.path, base)) == set()


def test_a_host_only_an_unimported_web_client_uses_is_new_to_the_mini_program(repo):
    base = _taro(repo, "import { site } from '@shared/site'\n")
    repo.write("mini/src/pages/index/index.tsx", "import Taro from '@tarojs/taro'\n"
               "export const up = () => Taro.request({ url: 'https://web.shop.example/items' })\n")
    repo.commit()
    assert _found(run(repo.path, base)) == {("external_link.domain", "mini/src/pages/index/index.tsx", 2)}


def test_a_native_mini_program_reaches_a_sibling_folder_by_a_relative_path(repo):
    repo.write_files({"project.config.json": '{"miniprogramRoot": "miniprogram/"}',
                      **{f"miniprogram/{k}": v for k, v in MINIMAL_APP.items()},
                      "common/share.js": "module.exports = {\n  open(id) {}\n}\n",
                      "miniprogram/pages/me/me.js": "const share = require('../../../common/share.js')\n"
                                                    "Page({ tap() { share.open('wx0000000000000002') } })\n"})
    base = repo.commit()
    repo.write("common/share.js", "module.exports = {\n  open(id) { wx.navigateToMiniProgram({ appId: id }) }\n}\n")
    repo.commit()
    assert _found(run(repo.path, base)) == {("external_link.navigate_to_mini_program", "common/share.js", 2)}
