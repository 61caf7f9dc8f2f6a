"""A native page (``.ts`` or ``.js`` beside its ``.wxml``) that builds a list in code — pushed in a loop, returned by
a method or a module function, mapped from another list — and stores it in its data, which the template shows as
``<image src="{{item.url}}">``: the URL's host is a picture host, not a new server domain (readers/storedlists.py,
readers/shownfields.py, facts/pagepictures.py). A list also handed elsewhere, or a field the template or the script
reads another way, keeps the host a server."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_APP, Repo
from helpers import run

GRID = ('<view wx:for="{{tiles}}" wx:key="id" class="cell">\n  <image src="{{item.url}}" mode="widthFix" />\n'
        "  <text>{{item.name}}</text>\n</view>\n")

RETURNED_MAP = """Page({
  data: { tiles: [] as Array<{ id: string; url: string }> },
  onLoad() {
    this.setData({ tiles: this.makeTiles() })
  },
  makeTiles(): Array<{ id: string; url: string; name: string }> {
    const heights = [320, 240, 410]
    return heights.map((h, i) => ({ id: String(i), url: `https://tiles.quarry-fen.cn/w/${h}`, name: 'x' + i }))
  },
})
"""
RETURNED_PUSH = """Page({
  data: { tiles: [] },
  onLoad() {
    this.setData({ tiles: this.makeTiles(9) })
  },
  makeTiles(n: number) {
    const tiles = []
    for (let i = 0; i < n; i++) {
      tiles.push({ id: i, url: 'https://tiles.quarry-fen.cn/w/' + i, name: 'tile' })
    }
    return tiles
  },
})
"""
MODULE_FUNCTION = """function mockTiles(n: number) {
  const out: any[] = []
  for (let i = 0; i < n; i++) {
    out.push({ id: i, url: `https://tiles.quarry-fen.cn/w/${i}`, name: 'tile' })
  }
  return out
}
Page({
  data: { tiles: [] },
  onLoad() {
    const tiles = mockTiles(8)
    this.setData({ tiles })
  },
})
"""
ARRAY_FROM = """Page({
  data: { tiles: [] },
  onLoad() {
    const list = Array.from({ length: 6 }, (_, i) => ({ id: i, url: `https://tiles.quarry-fen.cn/w/${i}` }))
    this.setData({ tiles: list })
  },
})
"""


def _roles(tmp_path, script: str, template: str = GRID, suffix: str = ".ts") -> dict[str, str]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({**MINIMAL_APP, "app.json": '{"pages": ["pages/index/index", "pages/me/me", "pages/wall/wall"]}\n'})
    base = repo.commit("app")
    repo.write_files({f"pages/wall/wall{suffix}": script, "pages/wall/wall.wxml": template,
                      "pages/wall/wall.json": "{}\n"})
    repo.commit("wall")
    return {f.subject: f.rule for f in run(repo.path, base).findings if f.subject.startswith("host:")}


@pytest.mark.parametrize("script", [RETURNED_MAP, RETURNED_PUSH, MODULE_FUNCTION, ARRAY_FROM],
                         ids=["returned-map", "returned-push", "module-function", "array-from"])
@pytest.mark.parametrize("suffix", [".ts", ".js"])
def test_a_built_list_shown_only_as_pictures_names_no_server(tmp_path, script, suffix):
    source = script.replace(" as Array<{ id: string; url: string }>", "").replace(": any[]", "") \
        .replace("(n: number)", "(n)").replace("(): Array<{ id: string; url: string; name: string }>", "()") \
        if suffix == ".js" else script
    assert _roles(tmp_path, source, suffix=suffix) == {}


def test_a_built_list_also_sent_keeps_its_server(tmp_path):
    sent = RETURNED_PUSH.replace("    this.setData({ tiles: this.makeTiles(9) })\n",
                                 "    this.setData({ tiles: this.makeTiles(9) })\n"
                                 "    wx.request({ url: 'https://api.quarry-fen.cn/log', data: this.makeTiles(2) })\n")
    assert _roles(tmp_path, sent)["host:tiles.quarry-fen.cn"] == "external_link.domain"


def test_a_field_the_template_hands_to_a_tap_keeps_its_server(tmp_path):
    template = GRID.replace('mode="widthFix"', 'mode="widthFix" data-src="{{item.url}}" bindtap="open"')
    assert _roles(tmp_path, RETURNED_MAP, template) == {"host:tiles.quarry-fen.cn": "external_link.domain"}
