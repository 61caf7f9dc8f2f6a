"""A URL handed to another Mini Program in a jump's ``path`` query or ``extraData`` is requested by that Mini
Program, not by this one: no 服务器域名 for it (readers/otherapps.py). The same URL also requested here keeps it."""

from __future__ import annotations

from helpers import run

JUMP_JS = """const { openMiniProgram } = require('../../utils/jump')
Page({
  openClinic() {
    const link = 'https://h5.hazel-clinic.cn/patients/#/queue'
    const query = `pages/login/index?url=${encodeURIComponent(link)}&type=H5&uid=${this.data.uid}`
    openMiniProgram({ appId: 'wx00000000000000a1', path: query })
  },
  openShop() {
    wx.navigateToMiniProgram({ appId: 'wx00000000000000a2', extraData: { back: 'https://h5.hazel-shop.cn/ret' } })
  },
})
"""
HELPER_JS = "module.exports = { openMiniProgram: (o) => wx.navigateToMiniProgram(o) }\n"


def _hosts(app_repo, page: str) -> set[tuple[str, str]]:
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/jump.js": HELPER_JS, "pages/index/index.js": page})
    app_repo.commit("jump")
    return {(f.rule, f.subject) for f in run(app_repo.path, base).findings if f.rule == "external_link.domain"}


def test_a_url_handed_to_another_mini_program_names_no_server_domain(app_repo):
    assert _hosts(app_repo, JUMP_JS) == set()


def test_the_same_url_requested_here_keeps_its_server_domain(app_repo):
    page = JUMP_JS.replace("    openMiniProgram({", "    wx.request({ url: link })\n    openMiniProgram({")
    assert _hosts(app_repo, page) == {("external_link.domain", "host:h5.hazel-clinic.cn")}
