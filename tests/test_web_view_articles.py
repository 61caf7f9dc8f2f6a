"""Two things about the address a ``<web-view>`` opens.

A URL handed to a web-view page by WePY 1.x (``$navigate(route, params)``, ``$preload(key, data)`` before the jump)
or through a helper the page calls with it is that page's web-view host (业务域名), as a ``navigateTo`` query is
(readers/pagequery.py); handed to a page with no web-view it stays a server domain.

An Official Account article (mp.weixin.qq.com) is opened without any 业务域名 when the account is linked to the
Mini Program, and that host can never be a 业务域名 (https://developers.weixin.qq.com/miniprogram/dev/component/web-view.html):
``external_link.web_view_article`` says to link the account, never to add the host to 业务域名."""

from __future__ import annotations

from conftest import Repo
from helpers import notes_remark, notes_text, register_pages, run
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.checklist import checklist
from mp_precheck.facts.model import Fact
from mp_precheck.readers.pagequery import with_page_queries

WEPY_APP = ("<script>\nimport wepy from 'wepy'\nexport default class extends wepy.app {\n"
            "  config = { pages: ['pages/home', 'pages/reader/view', 'pages/feed/list'] }\n}\n</script>\n")
READER = """<template>
  <web-view src="{{link}}"></web-view>
</template>
<script>
import wepy from 'wepy'
export default class Reader extends wepy.page {
  data = { link: '' }
  onLoad (options, {preload}) {
    this.link = options.link || preload.doc.link
  }
}
</script>
"""
FEED = """<template>
  <view>{{rows.length}}</view>
</template>
<script>
import wepy from 'wepy'
export default class Feed extends wepy.page {
  data = { rows: [] }
  async onLoad (options) {
    this.rows = await wepy.request({ url: options.src })
  }
}
</script>
"""
HOME = """<template>
  <view @tap="openGuide">guide</view>
</template>
<script>
import wepy from 'wepy'
const NEWS = 'https://news.fern-hollow.cn/today'
export default class Home extends wepy.page {
  toReader (title, link) {
    this.$preload('doc', { title, link })
    this.$navigate('/pages/reader/view')
  }
  methods = {
    openGuide () {
      const link = 'https://guide.fern-hollow.cn/start'
      this.toReader('guide', link)
    },
    openNews () {
      this.$navigate('/pages/reader/view', { link: NEWS })
    },
    openFeed () {
      const src = 'https://feed.fern-hollow.cn/rss'
      this.$navigate('/pages/feed/list', { src })
    },
  }
}
</script>
"""


def _links(report):
    return {(f.rule, f.subject, f.line) for f in report.findings if f.family == "external_link"}


def _wepy(repo: Repo) -> str:
    repo.write_files({"package.json": '{"dependencies": {"wepy": "^1.7.0"}}\n', "src/app.wpy": WEPY_APP,
                      "src/pages/reader/view.wpy": READER, "src/pages/feed/list.wpy": FEED,
                      "src/pages/home.wpy": HOME.replace("https://", "#")})
    return repo.commit("pages")


def test_urls_wepy_hands_to_a_web_view_page_are_business_domains(repo):
    base = _wepy(repo)
    repo.write("src/pages/home.wpy", HOME)
    repo.commit("links")
    assert _links(run(repo.path, base)) == {
        ("external_link.business_domain", "web-view-host:guide.fern-hollow.cn", 14),  # through a helper's $preload
        ("external_link.business_domain", "web-view-host:news.fern-hollow.cn", 6),  # $navigate(route, params)
        ("external_link.domain", "host:feed.fern-hollow.cn", 21)}  # the feed page requests it: a server


def test_a_helper_nothing_hands_a_literal_leaves_the_host_a_server(repo):
    base = _wepy(repo)
    # the helper opens no page: the address it is given is requested, a server domain
    repo.write("src/pages/home.wpy", HOME.replace("this.$navigate('/pages/reader/view')\n",
                                                  "wepy.request({ url: link })\n"))
    repo.commit("links")
    assert ("external_link.domain", "host:guide.fern-hollow.cn", 14) in _links(run(repo.path, base))


NATIVE_VIEW = {
    "pages/view/index.js": "Page({\n  data: { url: '' },\n  onLoad(options) {\n"
                           "    this.setData({ url: decodeURIComponent(options.url) })\n  },\n})\n",
    "pages/view/index.wxml": '<web-view src="{{url}}"></web-view>\n',
}
ARTICLE = "https://mp.weixin.qq.com/s/Qw3rTy-fern"


def test_an_official_account_article_asks_for_the_linked_account_not_a_business_domain(app_repo):
    base = app_repo.commit("base")
    app_repo.write("pages/me/me.wxml", f'<web-view src="{ARTICLE}"></web-view>\n')
    app_repo.commit("article")
    report = run(app_repo.path, base, language="zh-CN")
    assert _links(report) == {("external_link.web_view", "<web-view>", 1),
                              ("external_link.web_view_article", "web-view-host:mp.weixin.qq.com", 1)}
    items = checklist(report, load_catalog())
    assert [i.kind for i in items if i.kind in ("official_account_link", "business_domain")] \
        == ["official_account_link"]
    assert notes_remark(notes_text(app_repo, base), 2) == "2. 本次是否涉及支付、内容发布或外链？是：内嵌网页 关联公众号的文章"


def test_a_web_page_elsewhere_keeps_its_business_domain(app_repo):
    base = app_repo.commit("base")
    app_repo.write("pages/me/me.wxml", '<web-view src="https://help.fern-hollow.cn/s/Qw3rTy"></web-view>\n')
    app_repo.commit("help page")
    report = run(app_repo.path, base)
    assert ("external_link.business_domain", "web-view-host:help.fern-hollow.cn", 1) in _links(report)
    assert not any(f.rule == "external_link.web_view_article" for f in report.findings)
    assert [i.kind for i in checklist(report, load_catalog()) if i.kind == "official_account_link"] == []


def test_an_article_moved_into_a_page_parameter_is_neither_a_server_nor_a_removed_web_view_host(app_repo):
    app_repo.write_files({**NATIVE_VIEW, "pages/me/me.wxml": f'<web-view src="{ARTICLE}"></web-view>\n'})
    register_pages(app_repo)
    base = app_repo.commit("article in the page")
    app_repo.write_files({
        "pages/me/me.wxml": "<view bindtap=\"open\">read</view>\n",
        "pages/me/me.js": "Page({\n  show(address) {\n    wx.navigateTo({ url: '/pages/view/index?url=' + "
                          "encodeURIComponent(address) })\n  },\n  open() {\n"
                          f"    const address = '{ARTICLE}'\n    this.show(address)\n  }},\n}})\n".replace("}}", "}")})
    app_repo.commit("article handed to the web-view page")
    report = run(app_repo.path, base)
    # the account was linked for the article the page opened: nothing to set up again, no server, nothing removed
    assert not any(f.rule in ("external_link.domain", "external_link.web_view_article") for f in report.findings)
    assert not any("mp.weixin.qq.com" in r.subject for r in report.removed)


OPTIONS_JUMP = """export default {
  openMap () {
    this.$navigate({ url: '/pages/reader/view?link=https://maps.fern-hollow.cn/m' })
  },
  openPlain () {
    this.$navigate('/pages/reader/view')
    wepy.request({ url: 'https://api.fern-hollow.cn/list' })
  },
}
"""


def test_wepy_jumps_with_wx_options_or_no_data_hand_what_they_carry_only():
    facts = [Fact("host:maps.fern-hollow.cn", "host", 3, role="code"),
             Fact("host:api.fern-hollow.cn", "host", 7, role="code")]
    assert [f.role for f in with_page_queries(facts, OPTIONS_JUMP, "src/pages/home.js")] \
        == ["page-query:/pages/reader/view", "code"]
