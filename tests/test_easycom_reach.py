"""A uni-app kit copied into uni_modules/ (or components/) ships only the components a reached page renders by tag,
imports or registers globally (core/easycomfiles.py); the rest of the kit asks for nothing. Checklist lines and
declaration evidence follow the rule they belong to."""

from __future__ import annotations

import json

import pytest

from helpers import cli, places, run
from mp_precheck.core.items import group_items

PAGES = '{\n  "pages": [{"path": "pages/index/index"}]%s\n}\n'
KIT = {  # an ad row, and a link copying its address: two components of one kit, nothing renders either yet
    "uni_modules/kit/components/kit-ad/kit-ad.vue":
        '<template>\n  <view><ad unit-id="adunit-1"></ad></view>\n</template>\n',
    "uni_modules/kit/components/kit-link/kit-link.vue":
        "<template><text @click=\"copy\">{{ href }}</text></template>\n<script>\nexport default {\n"
        "  props: ['href'],\n  methods: { copy() { uni.setClipboardData({ data: this.href }) } }\n}\n</script>\n",
    "uni_modules/kit/components/kit-poster/kit-poster.vue":
        '<template>\n  <view><image src="https://pics.example.org/demo/a.jpg"/></view>\n</template>\n<script>\n'
        "export default { methods: { save(p) { uni.downloadFile({ url: 'https://pics.example.org/demo/a.jpg' }) } } }"
        "\n</script>\n",
}


def _uni_app(repo, easycom: str = "") -> str:
    repo.write_files({"pages.json": PAGES % easycom, "App.vue": "<script>export default {}</script>\n",
                      "manifest.json": '{"name": "shop", "mp-weixin": {"appid": "wx1"}}\n',
                      "main.js": "import App from './App'\nimport { createSSRApp } from 'vue'\n"
                                 "export function createApp() { return { app: createSSRApp(App) } }\n",
                      "pages/index/index.vue": "<template><view>home</view></template>\n"})
    return repo.commit("app")


def _page(template: str) -> dict[str, str]:
    return {"pages/index/index.vue": f"<template><view>{template}</view></template>\n"}


def _rules(repo, base: str) -> set[str]:
    return {rule for rule, _path, _line in places(run(repo.path, base))}


def test_a_kit_nothing_renders_asks_for_nothing(repo):
    base = _uni_app(repo)
    repo.write_files(KIT)
    repo.commit()
    assert _rules(repo, base) & {"category.ad", "privacy.clipboard", "policy.clipboard_link",
                                 "external_link.domain"} == set()


@pytest.mark.parametrize("tag", ["<kit-ad></kit-ad>", "<KitAd/>"])
def test_a_kit_component_a_page_renders_by_tag_is_read(repo, tag):
    base = _uni_app(repo)
    repo.write_files({**KIT, **_page(tag)})
    repo.commit()
    rules = _rules(repo, base)
    assert "category.ad" in rules
    assert "privacy.clipboard" not in rules  # the link: still rendered by nothing


def test_a_tag_only_an_unrendered_component_writes_renders_nothing(repo):
    base = _uni_app(repo)
    repo.write_files({**KIT, "uni_modules/kit/components/kit-list/kit-list.vue":
                      "<template><view><kit-ad/><slot/></view></template>\n"})
    repo.commit()
    assert "category.ad" not in _rules(repo, base)


def test_a_component_a_custom_easycom_rule_gives_a_tag(repo):
    custom = ',\n  "easycom": {"custom": {"^my-(.*)": "@/widgets/w-$1/w-$1.vue"}}'
    base = _uni_app(repo, custom)
    repo.write_files({"widgets/w-banner/w-banner.vue": KIT["uni_modules/kit/components/kit-ad/kit-ad.vue"],
                      "widgets/w-copy/w-copy.vue": KIT["uni_modules/kit/components/kit-link/kit-link.vue"],
                      **_page("<my-banner/>")})
    repo.commit()
    rules = _rules(repo, base)
    assert "category.ad" in rules  # <my-banner> is w-banner.vue
    assert "privacy.clipboard" not in rules  # <my-copy> is written nowhere


def test_a_component_registered_globally_in_main_js_is_read(repo):
    base = _uni_app(repo)
    repo.write_files({**KIT, "main.js": "import App from './App'\nimport { createSSRApp } from 'vue'\n"
                      "import KitLink from '@/uni_modules/kit/components/kit-link/kit-link.vue'\n"
                      "export function createApp() {\n  const app = createSSRApp(App)\n"
                      "  app.component('KitLink', KitLink)\n  return { app }\n}\n"})
    repo.commit()
    assert "privacy.clipboard" in _rules(repo, base)


@pytest.mark.parametrize(("glob", "judged"), [("import.meta.glob('./modules/*.js', { eager: true })", True),
                                              ("require.context('./parts', true, /\\.vue$/)", False)])
def test_a_glob_keeps_the_components_only_when_it_may_load_them(repo, glob, judged):
    base = _uni_app(repo)
    repo.write_files({**KIT, "store/index.js": f"const files = {glob}\nexport default files\n"})
    repo.commit()
    assert ("category.ad" in _rules(repo, base)) is not judged


def test_a_live_plugin_asks_for_the_live_menu_not_a_service_category(repo):
    base = _uni_app(repo)
    repo.write("manifest.json", json.dumps({"name": "shop", "mp-weixin": {"appid": "wx1", "plugins": {
        "live-player-plugin": {"version": "1.3.0", "provider": "wx2b03c6e691cd7370"}}}}))
    repo.commit()
    _code, out, _err = cli("diff", "--repo", str(repo.path), "--base", base, "--format", "text", "--color", "never")
    assert "新增功能" not in out and "服务类目：确认" not in out
    assert any(line.strip(" -").startswith("小程序直播：确认已在后台「直播」菜单开通") for line in out.splitlines())


def test_a_declared_address_api_is_evidence_of_the_address_item(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        "app.json": json.dumps({"pages": ["pages/index/index"], "requiredPrivateInfos": ["chooseAddress", "getLocation"]}),
        "pages/index/index.js": "Page({ pick() { wx.chooseAddress({}) }, here() { wx.getLocation({}) } })\n"})
    app_repo.commit()
    items = {item[0].rule: {(f.rule, f.value) for f in item[1:]} for item in group_items(run(app_repo.path, base).findings)}
    assert ("privacy.required_private_infos", "chooseAddress") in items["privacy.address"]
    assert ("privacy.required_private_infos", "getLocation") in items["privacy.location"]
    assert ("privacy.required_private_infos", "chooseAddress") not in items["privacy.location"]


def test_an_unloaded_file_keeps_its_server_but_not_a_picture_address():
    from mp_precheck.core.unloadedfacts import kept_facts
    from mp_precheck.facts.model import Fact

    facts = (Fact("host:api.example.com", "host", 3, "https://api.example.com/v1", "request"),
             Fact("host:pics.example.org", "host", 4, "https://pics.example.org/demo/a.jpg?x=1", "download"))
    assert [f.role for f in kept_facts(facts, False)] == ["code", "media"]
