"""A URL a page hands to another page in a jump's query, which that page shows in a ``<web-view src>``, needs a
business domain (业务域名), as a ``<web-view src>`` literal does, not a request domain (readers/pagequery.py,
facts/handedpages.py). Handed to a page that requests it, or requested where it is written, it stays a server."""

from __future__ import annotations

from conftest import Repo
from helpers import register_pages, run
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.checklist import checklist

WEB_PAGE = {
    "pages/web/index.js": "Page({\n  data: { url: '' },\n  onLoad(options) {\n"
                          "    this.setData({ url: decodeURIComponent(options.url) })\n  },\n})\n",
    "pages/web/index.wxml": '<web-view src="{{url}}"></web-view>\n',
    "pages/feed/index.js": "Page({\n  onLoad(options) {\n    wx.request({ url: decodeURIComponent(options.src) })\n"
                           "  },\n})\n",
    "pages/feed/index.wxml": "<view>feed</view>\n",
}

JUMPS = """Page({
  openGuide() {
    wx.navigateTo({ url: '/pages/web/index?url=' + encodeURIComponent('https://guide.birch-lane.cn/start') })
  },
  openNews() {
    const link = 'https://news.birch-lane.cn/today'
    wx.navigateTo({ url: '/pages/web/index?url=' + encodeURIComponent(link) })
  },
  openPlain() {
    wx.navigateTo({ url: '/pages/web/index?url=https://plain.birch-lane.cn/a' })
  },
  openFeed() {
    wx.navigateTo({ url: '../feed/index?src=' + encodeURIComponent('https://feed.birch-lane.cn/rss') })
  },
  load() {
    wx.request({ url: 'https://api.birch-lane.cn/list' })
  },
})
"""


def _links(report):
    return {(f.rule, f.subject, f.line) for f in report.findings if f.family == "external_link"}


def _native(app_repo: Repo) -> str:
    app_repo.write_files(WEB_PAGE)
    register_pages(app_repo)
    return app_repo.commit("web and feed pages")


def test_urls_handed_to_a_web_view_page_are_business_domains(app_repo):
    base = _native(app_repo)
    app_repo.write("pages/index/index.js", JUMPS)
    app_repo.commit("jumps")
    report = run(app_repo.path, base)
    assert _links(report) == {
        ("external_link.business_domain", "web-view-host:guide.birch-lane.cn", 3),  # the URL written as an argument
        ("external_link.business_domain", "web-view-host:news.birch-lane.cn", 6),  # held by a variable
        ("external_link.business_domain", "web-view-host:plain.birch-lane.cn", 10),  # written into the query
        ("external_link.domain", "host:feed.birch-lane.cn", 13),  # the feed page requests it: a server
        ("external_link.domain", "host:api.birch-lane.cn", 16)}
    items = checklist(report, load_catalog())
    assert {i.values["host"] for i in items if i.kind == "business_domain"} == {
        "guide.birch-lane.cn", "news.birch-lane.cn", "plain.birch-lane.cn"}
    assert {i.values["host"] for i in items if i.kind == "domain"} == {"feed.birch-lane.cn", "api.birch-lane.cn"}


def test_a_url_handed_to_a_page_with_no_web_view_stays_a_server(app_repo):
    base = _native(app_repo)
    app_repo.write("pages/index/index.js", JUMPS.replace("/pages/web/index?", "/pages/feed/index?"))
    app_repo.commit("jumps to the feed")
    assert {rule for rule, _s, _l in _links(run(app_repo.path, base))} == {"external_link.domain"}


UNI_HOME = """<template>
  <view @tap="open">home</view>
</template>
<script>
const TERMS = 'https://terms.birch-lane.cn/v2'
export default {
  methods: {
    open() {
      uni.navigateTo({ url: `/pages/webview/webview?url=${encodeURIComponent(TERMS)}` })
    },
  },
}
</script>
"""


def test_a_uni_app_page_handing_a_url_to_its_web_view_page(repo):
    repo.write_files({
        "src/pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/webview/webview"}]}\n',
        "src/manifest.json": '{"name": "birch", "mp-weixin": {"appid": "wx0123456789abcdef"}}\n',
        "src/pages/index/index.vue": "<template><view>home</view></template>\n",
        "src/pages/webview/webview.vue": "<template>\n  <web-view :src=\"link\"></web-view>\n</template>\n<script>\n"
                                         "export default {\n  data() { return { link: '' } },\n"
                                         "  onLoad(query) { this.link = decodeURIComponent(query.url) },\n}\n"
                                         "</script>\n"})
    base = repo.commit("base")
    repo.write("src/pages/index/index.vue", UNI_HOME)
    repo.commit("terms")
    assert _links(run(repo.path, base)) == {("external_link.business_domain", "web-view-host:terms.birch-lane.cn", 5)}
