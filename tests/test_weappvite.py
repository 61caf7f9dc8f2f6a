"""weapp-vite projects: ``project.config.json`` points at the build output (``dist/``, not in git), the source is in
the Vite config's ``weapp.srcRoot``: a native app (``app.json``, ``app.json.ts``) or wevu's ``app.vue`` whose pages
are listed in ``defineAppJson`` / a ``<json>`` block, or found under ``pages/`` by auto routes. wevu's ``wpi`` is
wx promisified."""

from __future__ import annotations

import pytest

from helpers import places, rules, run
from mp_precheck.core.errors import UserError
from mp_precheck.facts.extract import sfc_facts
from mp_precheck.notes.pagetitles import page_title
from mp_precheck.readers.appdata import read_app_data
from mp_precheck.readers.jsfacts import js_facts
from mp_precheck.readers.weappvite import weapp_options, weapp_vite_app

PROJECT_CONFIG = '{"compileType": "miniprogram", "miniprogramRoot": "build/", "appid": "wx00000000000000aa"}'

WEVU_ROUTED = {
    "project.config.json": PROJECT_CONFIG,
    "package.json": '{"name": "tides", "dependencies": {"wevu": "^1.0.0"}, "devDependencies": {"weapp-vite": "^6"}}',
    "vite.config.mts": "import { defineConfig } from 'weapp-vite/config'\n\n"
                       "export default defineConfig(() => ({\n  weapp: { srcRoot: 'mini', autoRoutes: true },\n}))\n",
    "mini/app.vue": "<script setup lang=\"ts\">\nimport routes from 'weapp-vite/auto-routes'\n\n"
                    "defineAppJson({\n  pages: routes.pages,\n  subPackages: routes.subPackages,\n"
                    "  window: { navigationBarTitleText: 'Tides' },\n})\n</script>\n",
    "mini/pages/index/index.vue": "<script setup lang=\"ts\">\ndefinePageJson({ navigationBarTitleText: '潮汐' })\n"
                                  "</script>\n\n<template>\n  <view>today</view>\n</template>\n",
    "mini/pages/spot/index.vue": "<script setup lang=\"ts\">\nimport { ref } from 'wevu'\n\nconst label = ref('')\n"
                                 "</script>\n\n<template>\n  <view>{{ label }}</view>\n</template>\n",
    "mini/pages/spot/components/pin.vue": "<template><view>pin</view></template>\n",
    "mini/harbour/pages/list/index.vue": "<template><view>list</view></template>\n",
}

SPOT_WITH_LOCATION = """<script setup lang="ts">
import { ref } from 'wevu'
import { wpi as api } from 'wevu/api'

const label = ref('')

async function locate() {
  const here = await api.getLocation({ type: 'gcj02' })
  label.value = `${here.latitude}`
}
</script>

<template>
  <view>{{ label }}</view>
  <button @tap="locate">locate</button>
</template>
"""


def test_a_wevu_project_is_found_in_its_src_root_with_its_auto_routed_pages(repo):
    repo.write_files(WEVU_ROUTED)
    base = repo.commit()
    repo.write("mini/pages/spot/index.vue", SPOT_WITH_LOCATION)
    repo.commit()
    report = run(repo.path, base)
    [project] = report.projects
    assert (project.root, project.framework) == ("mini", "wevu")
    assert project.pages == ("pages/index/index", "pages/spot/index", "harbour/pages/list/index")
    assert ("privacy.location", "mini/pages/spot/index.vue", 8) in places(report)
    assert "privacy.required_private_infos_missing" in rules(report)  # defineAppJson declares none
    assert report.errors == ()  # the source is read in full: the build folder being absent is no error


def test_a_wevu_change_that_adds_no_api_reports_nothing(repo):
    repo.write_files(WEVU_ROUTED)
    base = repo.commit()
    repo.write("mini/pages/spot/index.vue", WEVU_ROUTED["mini/pages/spot/index.vue"].replace("label", "caption"))
    repo.commit()
    report = run(repo.path, base)
    assert [p.framework for p in report.projects] == ["wevu"]
    assert not [f for f in report.findings if f.family == "privacy"]
    assert report.errors == ()  # a clean change gets a clean report, not "could not be read"


WEVU_JSON_BLOCK = {
    "project.config.json": PROJECT_CONFIG,
    "weapp-vite.config.ts": "import { defineConfig } from 'weapp-vite/config'\n\n"
                            "export default defineConfig({ weapp: { srcRoot: './app' } })\n",
    "app/app.vue": "<script setup lang=\"ts\">\nimport { onLaunch } from 'wevu'\nonLaunch(() => {})\n</script>\n\n"
                   "<json>\n{\n  // the pages, written out\n  \"pages\": [\"pages/board/board\", \"pages/me/me\"],\n"
                   "  \"requiredPrivateInfos\": [\"chooseAddress\"]\n}\n</json>\n",
    "app/pages/board/board.vue": "<template><view>board</view></template>\n",
    "app/pages/me/me.vue": "<script setup>\nconst a = 1\n</script>\n<template><view>me</view></template>\n",
}


def test_a_json_block_lists_the_pages_and_declares_the_private_infos(repo):
    repo.write_files(WEVU_JSON_BLOCK)
    base = repo.commit()
    repo.write("app/pages/me/me.vue", "<script setup>\nfunction pick() {\n  wx.chooseAddress({ success() {} })\n}\n"
                                      "</script>\n<template><view @tap=\"pick\">me</view></template>\n")
    repo.commit()
    report = run(repo.path, base)
    [project] = report.projects
    assert (project.root, project.framework, project.pages) == ("app", "wevu", ("pages/board/board", "pages/me/me"))
    assert ("privacy.address", "app/pages/me/me.vue", 3) in places(report)
    assert "privacy.required_private_infos_missing" not in rules(report)  # chooseAddress is listed


NATIVE_JSON_TS = {
    "project.config.json": '{"miniprogramRoot": "dist", "appid": "wx00000000000000bb"}',
    "vite.config.ts": "import { defineConfig } from 'weapp-vite/config'\n\n"
                      "export default defineConfig({\n  weapp: {\n    srcRoot: 'miniprogram',\n  },\n})\n",
    "miniprogram/app.json.ts": "import { defineAppJson } from 'weapp-vite/json'\n\n"
                               "export default defineAppJson({\n  pages: ['pages/shop/shop', 'pages/cart/cart'],\n})\n",
    "miniprogram/app.ts": "App({})\n",
    "miniprogram/pages/shop/shop.ts": "Page({})\n",
    "miniprogram/pages/shop/shop.wxml": "<view>shop</view>\n",
    "miniprogram/pages/cart/cart.ts": "Page({ data: { n: 0 } })\n",
    "miniprogram/pages/cart/cart.wxml": "<view>cart</view>\n",
}


def test_a_native_weapp_vite_app_with_app_json_ts_is_found(repo):
    repo.write_files(NATIVE_JSON_TS)
    base = repo.commit()
    repo.write("miniprogram/pages/cart/cart.ts", "Page({\n  data: { n: 0 },\n"
                                                 "  send() { wx.chooseAddress({}) },\n})\n")
    repo.commit()
    report = run(repo.path, base)
    [project] = report.projects
    assert (project.root, project.framework) == ("miniprogram", "native")
    assert project.pages == ("pages/shop/shop", "pages/cart/cart")
    assert ("privacy.address", "miniprogram/pages/cart/cart.ts", 3) in places(report)


def test_a_native_weapp_vite_change_that_adds_nothing_reports_nothing(repo):
    repo.write_files(NATIVE_JSON_TS)
    base = repo.commit()
    repo.write("miniprogram/pages/cart/cart.wxml", "<view>cart ({{n}})</view>\n")
    repo.commit()
    assert not run(repo.path, base).findings


def test_a_committed_build_folder_stays_the_mini_program(repo):
    files = {**NATIVE_JSON_TS, "dist/app.json": '{"pages": ["pages/shop/shop"]}', "dist/app.js": "App({})\n"}
    paths = set(files)
    assert weapp_vite_app("vite.config.ts", paths, files.get) is None


def test_a_vite_config_of_another_build_is_no_weapp_vite_project(repo):
    uni = "import uni from '@dcloudio/vite-plugin-uni'\nexport default { plugins: [uni()], weapp: { srcRoot: 'x' } }\n"
    assert weapp_options(uni, "vite.config.ts") is None
    repo.write_files({"vite.config.ts": uni, "x/app.vue": "<json>{\"pages\": [\"pages/a/a\"]}</json>\n",
                      "x/pages/a/a.vue": "<template><view/></template>\n"})
    base = repo.commit()
    repo.write("x/pages/a/a.vue", "<script>\nwx.getLocation()\n</script>\n")
    repo.commit()
    with pytest.raises(UserError, match="no Mini Program found"):
        run(repo.path, base)


def test_weapp_options_read_the_object_a_config_function_returns():
    config = "import { defineConfig } from 'weapp-vite'\nexport default defineConfig(() => ({ weapp: { srcRoot: 's' } }))\n"
    assert weapp_options(config, "vite.config.ts") == {"srcRoot": "s"}
    assert weapp_options("import { defineConfig } from 'weapp-vite/config'\nexport default defineConfig({})\n",
                         "weapp-vite.config.ts") == {}


def test_wpi_is_wx_only_when_imported_from_wevu():
    wevu = js_facts("import { wpi } from 'wevu/api'\nwpi.scanCode({})\n", "a.ts")
    own = js_facts("import { wpi } from './wpi'\nwpi.scanCode({})\n", "b.ts")
    assert ("wx.scanCode", 2) in {(f.subject, f.line) for f in wevu.facts}
    assert not [f for f in own.facts if f.subject == "wx.scanCode"]


def test_define_app_json_in_app_vue_gives_the_app_keys():
    app = "<script setup lang=\"ts\">\ndefineAppJson({\n  pages: ['pages/a/a'],\n" \
          "  requiredPrivateInfos: ['getLocation'],\n})\n</script>\n"
    assert read_app_data("src/app.vue", app) == {"pages": ["pages/a/a"], "requiredPrivateInfos": ["getLocation"]}
    subjects = {f.subject for f in sfc_facts(app, "src/app.vue").facts}
    assert any("requiredPrivateInfos" in s and "getLocation" in s for s in subjects)
    page = "<script setup lang=\"ts\">\ndefineAppJson({ requiredPrivateInfos: ['getLocation'] })\n</script>\n"
    assert not [f for f in sfc_facts(page, "src/pages/a/a.vue").facts if "requiredPrivateInfos" in f.subject]


def test_a_wevu_page_title_is_its_define_page_json():
    texts = {"mini/pages/index/index.vue": WEVU_ROUTED["mini/pages/index/index.vue"]}
    assert page_title("pages/index/index", "mini", "wevu", texts.get) == "潮汐"
    assert page_title("pages/spot/index", "mini", "wevu", WEVU_ROUTED.get) is None


def test_a_page_the_change_adds_under_auto_routes_is_a_new_page_of_the_app(repo):
    repo.write_files(WEVU_ROUTED)
    base = repo.commit()
    repo.write("mini/harbour/pages/scan/index.vue", "<script setup lang=\"ts\">\nimport { wpi } from 'wevu/api'\n"
                                                    "const scan = () => wpi.chooseImage({ count: 1 })\n</script>\n"
                                                    "<template><view @tap=\"scan\">scan</view></template>\n")
    repo.commit()
    report = run(repo.path, base)
    assert "harbour/pages/scan/index" in report.projects[0].pages
    assert ("privacy.album", "mini/harbour/pages/scan/index.vue", 3) in places(report)
