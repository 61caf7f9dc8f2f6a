"""A URL no live code requests is no server domain: a function's local variable nothing reads (its reader commented
out: ``unread_local`` in readers/imagebases.py), and a variable a component reads only into the fields its template
shows as pictures (readers/shownfields.py). A variable read into a request stays a server."""

from __future__ import annotations

from helpers import run
from mp_precheck.facts.extract import extract
from mp_precheck.readers.shownfields import picture_fields

NATIVE_PAGE = """Page({
  loadGallery(id) {
    let prefix = 'https://pics.maple-garden.cn/'
    wx.request({ url: 'https://api.maple-garden.cn/gallery', data: { id }, success: (res) => {
      this.setData({ items: res.data })
      // this.data.items.forEach(item => { item.src = prefix + item.src })
    } })
  },
  openShop(prefix) {
    wx.navigateTo({ url: `/pages/shop/shop?from=${prefix}` })
  },
})
"""

READ_PAGE = NATIVE_PAGE.replace("      // this.data", "      this.data")


def _hosts(path: str, text: str) -> dict[str, str | None]:
    return {f.subject: f.role for f in extract(path, text.encode()).facts if f.kind == "host"}


def _domains(repo, base):
    return {(f.rule, f.subject, f.path, f.line) for f in run(repo.path, base).findings
            if f.family == "external_link"}


def test_a_local_url_whose_only_reader_is_commented_out_names_no_host():
    # Another method's parameter of the same name is no reader of the local variable.
    assert _hosts("pages/index/index.js", NATIVE_PAGE) == {"host:api.maple-garden.cn": "request"}


def test_a_local_url_a_live_line_reads_keeps_its_host():
    assert _hosts("pages/index/index.js", READ_PAGE)["host:pics.maple-garden.cn"] == "code"


def test_a_top_level_url_nothing_in_the_file_reads_keeps_its_host():
    # Another module may import it, a template read it: only a function's own variables are judged.
    assert _hosts("utils/config.js", "const BASE = 'https://api.maple-garden.cn/'\n") == {
        "host:api.maple-garden.cn": "code"}


def test_the_unread_local_is_reported_before_and_silent_now(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", NATIVE_PAGE)
    app_repo.commit("gallery")
    assert _domains(app_repo, base) == {
        ("external_link.domain", "host:api.maple-garden.cn", "pages/index/index.js", 4)}


SFC = """<template>
  <view>
    <swiper><swiper-item v-for="item in slides" :key="item.id"><image :src="item.src" /></swiper-item></swiper>
    <image :src="'https://pics.maple-garden.cn/' + logo" />
  </view>
</template>
<script>
export default {
  data() { return { slides: [], logo: 'a.png' } },
  onLoad() { this.loadSlides(); this.loadForm() },
  methods: {
    loadSlides() {
      let prefix = 'https://pics.maple-garden.cn/'
      this.$http.post('/slides').then((res) => {
        this.slides = res.data
        this.slides.forEach((item) => { item.src = prefix + item.src })
      })
    },
    loadForm() {
      let prefix = 'https://forms.maple-garden.cn/'
      this.$http.post('/form').then((res) => { res.data.action = prefix + res.data.action })
    },
  },
}
</script>
"""


def test_the_fields_a_template_shows_as_pictures_are_read_from_its_bindings():
    assert picture_fields('<image :src="item.src" /><img src="{{ cover }}"><image :src="a + b" />'
                          '<video :src="item.clip" />') == {"src", "cover"}


def test_a_url_read_only_into_a_field_the_template_shows_as_a_picture_is_media():
    hosts = {f.line: f.role for f in extract("src/pages/home/index.vue", SFC.encode()).facts if f.kind == "host"}
    assert hosts == {13: "media", 20: "code"}  # action is no picture the template shows: kept


def test_a_picture_field_host_is_not_told_as_a_server(repo):
    repo.write_files({"src/pages.json": '{"pages": [{"path": "pages/home/index"}]}\n',
                      "src/manifest.json": '{"name": "maple", "mp-weixin": {"appid": "wx0123456789abcdef"}}\n',
                      "src/pages/home/index.vue": "<template><view /></template>\n"})
    base = repo.commit("base")
    repo.write("src/pages/home/index.vue", SFC)
    repo.commit("slides")
    assert {(s, line) for _r, s, _p, line in _domains(repo, base)} == {("host:forms.maple-garden.cn", 20)}
