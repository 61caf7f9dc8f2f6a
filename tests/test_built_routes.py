"""Unregistered routes whose page path is literal and only the query is built: ``'/pages/a/a?id=' + id``,
```/pages/a/a?id=${id}```, also through a variable of the calling function. A path with anything computed in it
stays unknown and silent."""

from __future__ import annotations

from conftest import Repo, minimal_app
from helpers import run
from mp_precheck.readers.routes import script_routes


def _routes(tmp_path, script: str) -> set[tuple[str, int]]:
    repo, base = minimal_app(tmp_path / "repo")
    repo.write("pages/index/index.js", script)
    repo.commit("links")
    return {(f.value or "", f.line) for f in run(repo.path, base).findings if f.rule == "completeness.unregistered_route"}


def test_a_concatenated_query_to_an_unregistered_page_fires_at_the_url(tmp_path):
    script = """Page({
  open(e) {
    const key = e.currentTarget.dataset.key
    wx.navigateTo({ url: '/shop/pages/item/item?key=' + key + '&from=list' })
  },
  mine(key) { wx.navigateTo({ url: '/pages/me/me?key=' + key }) },
})
"""
    assert _routes(tmp_path, script) == {("/shop/pages/item/item?", 4)}


def test_a_template_or_a_local_variable_built_url_fires_and_a_computed_path_does_not(tmp_path):
    script = """Page({
  open(kind, key) {
    let target = ''
    if (kind) {
      target = `/extra/pages/form/index?kind=${kind}`
    } else {
      target = '/pages/me/me?key=' + key
    }
    wx.redirectTo({ url: target })
  },
  pick(kind) {
    const url = `/pages/${kind}/index?x=1`
    wx.navigateTo({ url })
    wx.navigateTo({ url: '/pages/' + kind + '?x=1' })
    wx.navigateTo({ url: base + '/pages/none/none?x=1' })
  },
})
"""
    assert _routes(tmp_path, script) == {("/extra/pages/form/index?", 5)}


def test_script_routes_read_the_literal_head_and_a_variable_only_inside_its_function():
    script = """const shared = '/pages/far/far?x=1'
Page({
  a(id) { wx.navigateTo({ url: ('/pages/a/a' + '?id=') + id }) },
  b() { wx.navigateTo({ url: shared }) },
  c(id) { const link = '/pages/c/c'; wx.navigateTo({ url: link }) },
})
"""
    assert script_routes(script, "x.js") == [("/pages/a/a?", 3), ("/pages/c/c", 5)]


def test_a_taro_config_naming_its_subpackages_by_a_const_registers_them(tmp_path):
    repo = Repo(tmp_path)
    repo.write_files({
        "package.json": '{"name": "shop", "dependencies": {"@tarojs/taro": "3.6.0"}}\n',
        "src/app.config.ts": "const parts = [\n  {root: `pages/more`, pages: ['web']},\n]\n"
                             "export default { pages: ['pages/index/index'], subpackages: parts }\n",
        "src/app.ts": "export default {}\n",
        "src/pages/index/index.tsx": "export default function Index() { return null }\n",
        "src/pages/more/web.tsx": "export default function Web() { return null }\n",
    })
    base = repo.commit("base")
    repo.write("src/pages/index/index.tsx",
               "import Taro from '@tarojs/taro'\nexport default function Index() {\n"
               "  const open = (id) => Taro.navigateTo({ url: `/pages/more/web?id=${id}` })\n"
               "  const lost = (id) => Taro.navigateTo({ url: `/pages/gone/web?id=${id}` })\n"
               "  return null\n}\n")
    repo.commit()
    routes = {f.subject for f in run(repo.path, base).findings if f.rule == "completeness.unregistered_route"}
    assert routes == {"route:pages/gone/web"}
