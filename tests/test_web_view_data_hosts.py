"""Where a URL is never requested, it needs no server domain (服务器域名).

* A web-view page's own default address, written into the data its ``<web-view src="{{url}}">`` reads
  (``this.url = q ? decodeURIComponent(q) : 'https://…'``, ``setData({ url: … })``, ``data: { url: '…' }``), or
  handed through a project's named-route helper (``navigateTo('web-view', { url: 'https://…' })``), is a web page
  the web-view opens: a business domain (业务域名), readers/webviewdata.py and readers/pagequery.py. A request in the
  same page stays a server domain, and so does a URL written into data the web-view does not read.
* A URL inside a ``//`` or ``/* */`` comment of source code a string holds (a shader's GLSL) is read by nobody's
  code (readers/urls.py :func:`without_source_comments`); the same string's code outside the comment is still read.
* A URL inside a sentence of a template attribute (``intro="… CC BY 4.0 https://…"``) is text the page shows, no
  address (readers/markup.py); an attribute that is the URL itself keeps it.
"""

from __future__ import annotations

from conftest import Repo
from helpers import register_pages, run
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.checklist import checklist
from mp_precheck.readers.urls import find_urls, without_source_comments


def _hosts(report):
    return {(f.rule, f.subject, f.line) for f in report.findings
            if f.rule in ("external_link.domain", "external_link.business_domain")}


NATIVE_WEB_VIEW = """Page({
  data: { url: '', feed: 'https://cdn.rowan-quay.cn/notices' },
  onLoad(options) {
    this.setData({ url: options.url ? decodeURIComponent(options.url) : 'https://h5.rowan-quay.cn/home' })
    wx.request({ url: 'https://api.rowan-quay.cn/visit' })
    wx.request({ url: this.data.feed })
  },
})
"""


def test_a_native_web_view_pages_default_address_is_a_business_domain(app_repo):
    base = app_repo.commit("base")
    app_repo.write_files({"pages/wv/wv.js": NATIVE_WEB_VIEW,
                          "pages/wv/wv.wxml": '<web-view src="{{url}}"></web-view>\n'})
    register_pages(app_repo)
    app_repo.commit("web view page")
    report = run(app_repo.path, base)
    assert _hosts(report) == {
        ("external_link.business_domain", "web-view-host:h5.rowan-quay.cn", 4),
        ("external_link.domain", "host:api.rowan-quay.cn", 5),  # requested: a server
        ("external_link.domain", "host:cdn.rowan-quay.cn", 2)}  # data the web-view never reads
    items = checklist(report, load_catalog())
    assert {i.values["host"] for i in items if i.kind == "business_domain"} == {"h5.rowan-quay.cn"}
    assert "h5.rowan-quay.cn" not in {i.values.get("host") for i in items if i.kind.startswith("domain")}


def test_the_same_page_with_a_fixed_web_view_src_keeps_the_data_host_a_server(app_repo):
    base = app_repo.commit("base")
    app_repo.write_files({"pages/wv/wv.js": NATIVE_WEB_VIEW,
                          "pages/wv/wv.wxml": '<web-view src="https://h5.rowan-quay.cn/fixed"></web-view>\n'})
    register_pages(app_repo)
    app_repo.commit("web view page")
    assert ("external_link.domain", "host:h5.rowan-quay.cn", 4) in _hosts(run(app_repo.path, base))


MPX_APP = ('<script>\nimport mpx, { createApp } from "@mpxjs/core"\ncreateApp({})\n</script>\n'
           '<script type="application/json">\n{\n  "pages": ["./pages/index", "./pages/browse/index"]\n}\n</script>\n')
MPX_WEB_VIEW = """<template>
  <web-view wx:if="{{ready}}" src="{{ link }}"></web-view>
</template>
<script>
import { createPage } from '@mpxjs/core'
createPage({
  data: { link: '', ready: false },
  onLoad(query) {
    this.link = query.link ? decodeURIComponent(query.link) : 'https://m.alder-fen.cn/#/start'
    this.ready = true
  }
})
</script>
"""
MPX_HOME = """<template>
  <view bindtap="open">home</view>
</template>
<script>
import { createPage } from '@mpxjs/core'
import { navigateTo, request } from '../utils/nav'
createPage({
  methods: {
    open() {
      navigateTo('browse', { link: 'https://help.alder-fen.cn/faq' })
    }
  },
  onLoad() {
    request({ url: 'https://api.alder-fen.cn/feed' })
  }
})
</script>
"""
NAV = """import mpx from '@mpxjs/core'
const routes = { browse: '/pages/browse/index' }
export function navigateTo(name, params = {}) {
  const query = Object.keys(params).map((k) => `${k}=${encodeURIComponent(params[k])}`).join('&')
  return mpx.navigateTo({ url: `${routes[name]}?${query}` })
}
export function request(options) {
  return mpx.request(options)
}
"""


def test_an_mpx_web_view_default_and_a_named_route_to_it_are_business_domains(repo: Repo):
    repo.write_files({"src/app.mpx": MPX_APP, "src/pages/index.mpx": "<template><view>hi</view></template>\n",
                      "src/utils/nav.js": NAV})
    base = repo.commit("base")
    repo.write_files({"src/pages/browse/index.mpx": MPX_WEB_VIEW, "src/pages/index.mpx": MPX_HOME})
    repo.commit("browse page")
    assert _hosts(run(repo.path, base)) == {
        ("external_link.business_domain", "web-view-host:m.alder-fen.cn", 9),
        ("external_link.business_domain", "web-view-host:help.alder-fen.cn", 10),
        ("external_link.domain", "host:api.alder-fen.cn", 14)}


def test_a_named_route_to_a_page_with_no_web_view_stays_a_server(repo: Repo):
    repo.write_files({"src/app.mpx": MPX_APP, "src/pages/index.mpx": "<template><view>hi</view></template>\n",
                      "src/utils/nav.js": NAV})
    base = repo.commit("base")
    repo.write_files({"src/pages/browse/index.mpx": MPX_WEB_VIEW.replace("web-view", "view"),
                      "src/pages/index.mpx": MPX_HOME})
    repo.commit("browse page")
    assert _hosts(run(repo.path, base)) == {
        ("external_link.domain", "host:m.alder-fen.cn", 9),
        ("external_link.domain", "host:help.alder-fen.cn", 10),
        ("external_link.domain", "host:api.alder-fen.cn", 14)}


SHADER = """export const fragment = `
precision highp float;
const float gamma = 2.2;
uniform vec3 tint; // after https://papers.cedar-moor.org/shading.pdf
/* table from https://data.cedar-moor.org/lut */
void main() { gl_FragColor = vec4(tint, 1.0); }
`
export const atlas = `
const base = 'https://tiles.cedar-moor.org/atlas'
`
"""


def test_urls_in_comments_of_a_shader_string_are_no_server_domains(app_repo):
    base = app_repo.commit("base")
    app_repo.write_files({"pages/gl/gl.js": "import { fragment, atlas } from './shader'\n"
                                            "Page({ onReady() { this.draw(fragment, atlas) } })\n",
                          "pages/gl/shader.js": SHADER, "pages/gl/gl.wxml": '<canvas type="webgl" id="c"/>\n'})
    register_pages(app_repo)
    app_repo.commit("shader")
    assert _hosts(run(app_repo.path, base)) == {("external_link.domain", "host:tiles.cedar-moor.org", 8)}


def test_source_comments_are_blanked_only_in_lines_of_code():
    one_line = "see // https://a.cedar-moor.org/x"
    assert without_source_comments(one_line) == one_line  # one line: no code to read comments in
    code = "a = 1; // https://b.cedar-moor.org/x\nb = 'https://c.cedar-moor.org/y' /* https://d.cedar-moor.org */\n"
    assert [u.host for u in find_urls(without_source_comments(code))] == ["c.cedar-moor.org"]


def test_a_url_in_a_sentence_of_a_template_attribute_is_no_server_domain(app_repo):
    base = app_repo.commit("base")
    app_repo.write_files({
        "pages/model/model.js": "Page({})\n",
        "pages/model/model.wxml": '<model-card title="Lamp" intro="Model by Iris. CC BY 4.0 '
                                  'https://licences.cedar-moor.org/by/4.0/"\n'
                                  '  source="https://models.cedar-moor.org/lamp.glb" />\n'})
    register_pages(app_repo)
    app_repo.commit("model page")
    assert _hosts(run(app_repo.path, base)) == {("external_link.domain", "host:models.cedar-moor.org", 2)}
