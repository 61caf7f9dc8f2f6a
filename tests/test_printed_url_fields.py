"""A URL written as a field of data the template only prints as text (``{{ card.site }}``: an about card showing
the project's address) is read by the user, not requested: no new server domain (readers/shownfields.py). A field
the script reads, one bound to an attribute a handler reads, or one a request takes keeps its host."""

from __future__ import annotations

from helpers import run
from mp_precheck.facts.extract import extract

CARD = """<template>
  <view class="about">
    <image class="logo" :src="card.logo" />
    <text class="name">{{ card.name }}</text>
    <text class="site">{{ card.site }}</text>
  </view>
</template>
<script>
export default {
  data () {
    return {
      card: {
        name: 'Orchard notes',
        site: 'https://code.orchard-notes.dev/app',
        logo: '/static/logo.png'
      }
    }
  }
}
</script>
"""
NATIVE_JS = "Page({\n  data: {\n    links: [{ title: 'Docs', href: 'https://docs.orchard-notes.dev' }]\n  }\n})\n"
NATIVE_WXML = '<view wx:for="{{links}}">{{item.title}}: {{item.href}}</view>\n'


def _roles(text: str) -> dict[str, str | None]:
    return {f.subject: f.role for f in extract("pages/about/about.vue", text.encode()).facts if f.kind == "host"}


def test_a_url_field_only_printed_as_text_is_no_server():
    assert _roles(CARD) == {"host:code.orchard-notes.dev": "displayed"}


def test_a_printed_url_field_read_or_bound_any_other_way_keeps_its_host():
    requested = CARD.replace("  data () {", "  onLoad () {\n    uni.request({ url: this.card.site })\n  },\n  data () {")
    bound = CARD.replace('<text class="site">', '<text class="site" :data-url="card.site" @click="open">')
    joined = CARD.replace("{{ card.site }}", "{{ card.site + '/about' }}")
    for text in (requested, bound, joined):
        assert _roles(text) == {"host:code.orchard-notes.dev": "code"}, text


def test_a_native_page_printing_a_url_item_adds_no_server_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"pages/index/index.js": NATIVE_JS, "pages/index/index.wxml": NATIVE_WXML})
    app_repo.commit()
    assert [f for f in run(app_repo.path, base).findings if f.family == "external_link"] == []
    app_repo.write("pages/index/index.js", NATIVE_JS.replace("  }\n})", "  },\n  onLoad() {\n"
                                                             "    wx.request({ url: this.data.links[0].href })\n"
                                                             "  }\n})"))
    app_repo.commit()
    assert {f.subject for f in run(app_repo.path, base).findings if f.rule == "external_link.domain"} == \
        {"host:docs.orchard-notes.dev"}
