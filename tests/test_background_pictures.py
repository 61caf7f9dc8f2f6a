"""A URL a template shows only as a CSS background — a ``url(…)`` in a style binding — is a picture host, not a
server domain, as one shown in an ``<image>``'s ``src`` is (readers/shownfields.py, facts/pagepictures.py). A list
of plain URLs shown item by item counts too. Data also read another way, or a host also requested, keeps its role."""

from __future__ import annotations

from helpers import run
from mp_precheck.facts.extract import extract
from mp_precheck.readers.shownfields import shown_pictures


def test_style_bindings_show_their_url_data_as_pictures():
    assert shown_pictures("""<view :style="'background-image:url(' + walls[pick] + ');'">hi</view>""") == {
        ("walls", "[]", True)}
    assert shown_pictures("""<view :style="{ backgroundImage: 'url(' + card.face + ')' }" />""") == {
        ("card", "face", False)}
    assert shown_pictures('<view v-for="w in walls" :key="w" :style="`background: url(${w}) no-repeat`" />') == {
        ("walls", "[]", True)}
    assert shown_pictures('<view wx:for="{{tiles}}" style="height: 80px; background-image: url({{item.pic}})" />') \
        == {("tiles", "pic", True)}
    assert shown_pictures('<image v-for="w in walls" :src="w" /><image :src="shots[0]" />') == {
        ("walls", "[]", True), ("shots", "[]", True)}


def test_url_data_the_template_also_reads_another_way_is_not_only_a_picture():
    style = """<view :style="'background-image:url(' + walls[pick] + ')'" />"""
    assert shown_pictures(style + "<text>{{ walls[pick] }}</text>") == frozenset()
    assert shown_pictures(style + '<web-view :src="walls[0]" />') == frozenset()
    assert shown_pictures(style + '<wall-list :items="walls" />') == frozenset()
    # a style's other values are no pictures
    assert shown_pictures("""<view :style="'color:' + tints[pick]">x</view>""") == frozenset()


PAGE = """<template>
  <div class="page" :style="'background-image:url(' + walls[pick] + ');'">
    <div :style="'color:' + tints[pick] + ';'">Welcome</div>
  </div>
</template>
<script>
export default {
  data () {
    return {
      walls: [
        'http://pics.fern-hollow.cn/wall1',
        'http://pics.fern-hollow.cn/wall2'
      ],
      tints: ['#515D69', '#A3B4AE'],
      pick: 0
    }
  },
  mounted () {
    this.pick = Math.floor(Math.random() * 2)
  }
}
</script>
"""


def _roles(text: str) -> dict[str, str | None]:
    return {f.subject: f.role for f in extract("src/pages/hello/index.vue", text.encode()).facts if f.kind == "host"}


def test_a_list_of_urls_shown_only_as_a_background_is_a_picture_host():
    assert _roles(PAGE) == {"host:pics.fern-hollow.cn": "media"}


def test_a_list_of_urls_the_script_also_reads_keeps_its_host():
    text = PAGE.replace("this.pick = ", "wx.request({ url: this.walls[0] })\n    this.pick = ")
    assert _roles(text) == {"host:pics.fern-hollow.cn": "code"}


TILES_JS = "Page({\n  data: {\n    tiles: [{ spot: 'http://pics.fern-hollow.cn/tile?id=1' }],\n  },\n})\n"
TILES_WXML = '<view wx:for="{{tiles}}" wx:key="spot" style="background-image: url({{item.spot}})"></view>\n'


def _domains(app_repo, files: dict[str, str]):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files(files)
    app_repo.commit("tiles")
    return {(f.rule, f.subject, f.path, f.line) for f in run(app_repo.path, base).findings
            if f.family == "external_link"}


def test_a_native_pages_background_data_is_no_server(app_repo):
    assert _domains(app_repo, {"pages/index/index.js": TILES_JS, "pages/index/index.wxml": TILES_WXML}) == set()


def test_a_background_host_also_requested_elsewhere_is_still_told(app_repo):
    found = _domains(app_repo, {
        "pages/index/index.js": TILES_JS, "pages/index/index.wxml": TILES_WXML,
        "pages/me/me.js": "Page({ onShow() { wx.request({ url: 'http://pics.fern-hollow.cn/api/me' }) } })\n"})
    assert {(rule, path, line) for rule, subject, path, line in found if subject == "host:pics.fern-hollow.cn"} == {
        ("external_link.domain", "pages/me/me.js", 1), ("external_link.insecure_url", "pages/me/me.js", 1)}
