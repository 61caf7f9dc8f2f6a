"""Server hosts the code names in three less common ways: a public IPv4 address under a name ending in ``ip``, a
picture a canvas painter's palette downloads, and a URL in a Vue page's computed value only a commented-out tag
binds (readers/imagenames.py, readers/paintviews.py, readers/uncalled.py)."""

from __future__ import annotations

from helpers import loaded_by_app, run

_IP_CONFIG = ("const settings = {\n  HOST_IP: '%s',\n  PORT: 9000,\n"
              "  get base() { return `http://${this.HOST_IP}:${this.PORT}` },\n}\n"
              "module.exports = { fetch: (p) => wx.request({ url: settings.base + p }) }\n")


def _hosts(repo, base):
    return {(f.subject, f.path, f.line) for f in run(repo.path, base).findings if f.rule == "external_link.domain"}


def test_a_public_ip_under_an_ip_name_is_a_new_server(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"lib/settings.js": _IP_CONFIG % "47.96.120.33", **loaded_by_app("lib/settings.js")})
    app_repo.commit("the server by its address")
    assert _hosts(app_repo, base) == {("host:47.96.120.33", "lib/settings.js", 2)}


def test_a_lan_ip_or_a_name_under_an_ip_name_stays_silent(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"lib/settings.js": _IP_CONFIG % "192.168.3.40",
                          "lib/other.js": "module.exports = { clientIp: 'report.example-stats.cn' }\n",
                          **loaded_by_app("lib/settings.js", "lib/other.js")})
    app_repo.commit("a LAN server; a name under an ip key")
    assert _hosts(app_repo, base) == set()


_PALETTE = ("export default function poster() {\n  return {\n    width: '600px',\n    height: '900px',\n"
            "    views: [\n      { type: 'text', text: 'hi' },\n"
            "      { type: '%s', url: 'https://files.poster-example.cn/qr/code.png', css: { top: '10px' } },\n"
            "    ],\n  }\n}\n")


def test_a_picture_a_painter_palette_draws_is_a_download_host(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"lib/poster.js": _PALETTE % "image", **loaded_by_app("lib/poster.js")})
    app_repo.commit("a poster palette")
    report = run(app_repo.path, base)
    assert {(f.subject, f.line, f.usage) for f in report.findings if f.rule == "external_link.domain"} == \
        {("host:files.poster-example.cn", 7, "download")}


def test_a_picture_outside_a_palette_view_stays_an_image(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"lib/poster.js": _PALETTE % "banner", **loaded_by_app("lib/poster.js")})
    app_repo.commit("a list of banners")
    assert _hosts(app_repo, base) == set()


_UNI = {
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/track/index"}]}',
    "App.vue": "<script>export default {}</script>\n",
    "main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue({ ...App }).$mount()\n",
    "pages/index/index.vue": "<template><view>home</view></template>\n<script>export default {}</script>\n",
    "pages/track/index.vue": "<template><view>track</view></template>\n<script>export default {}</script>\n",
}


def _track(tag: str) -> str:
    return (f"<template>\n  <view>\n    {tag}\n  </view>\n</template>\n<script>\nexport default {{\n"
            "  computed: {\n    link() {\n      return `https://track.parcel-example.cn/q?id=${this.id}`\n    }\n"
            "  }\n}\n</script>\n")


def test_a_computed_url_only_a_commented_out_tag_binds_is_not_used(repo):
    repo.write_files(_UNI)
    base = repo.commit("app")
    repo.write("pages/track/index.vue", _track('<!-- <web-view :src="link"></web-view> -->'))
    repo.commit("a tracking page, its web-view left out")
    assert _hosts(repo, base) == set()


def test_a_computed_url_a_live_tag_binds_is_a_new_host(repo):
    repo.write_files(_UNI)
    base = repo.commit("app")
    repo.write("pages/track/index.vue", _track('<text>{{ link }}</text>'))
    repo.commit("a tracking page showing its link")
    assert _hosts(repo, base) == {("host:track.parcel-example.cn", "pages/track/index.vue", 10)}

