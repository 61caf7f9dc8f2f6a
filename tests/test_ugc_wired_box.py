"""A text box a page already had, whose page sent nothing, is published when the change wires the page's 发布
button to a post (analyzers/ugc.py ``_wired``): content check and category at the post. A page that already
sent, that now only reads, or that keeps a private record stays silent."""

from __future__ import annotations

import pytest

from helpers import places, run

BOX = '<view>\n<textarea placeholder="说点什么" bindinput="onText"/>\n<button bindtap="submit">发布</button>\n</view>\n'
STUB = """Page({
  data: { text: '' },
  onText(e) { this.setData({ text: e.detail.value }) },
  submit() { wx.showToast({ title: '发布成功' }) },
})
"""
API = """export function createCircle(data) {
  return new Promise((resolve) => wx.request({ url: 'https://api.example.com/circle/create', method: 'POST', data,
    success: resolve }))
}
export function getCircleList(query) {
  return new Promise((resolve) => wx.request({ url: 'https://api.example.com/circle/list', data: query,
    success: resolve }))
}
export function saveExpense(data) {
  return new Promise((resolve) => wx.request({ url: 'https://api.example.com/expense', method: 'POST', data,
    success: resolve }))
}
"""
WIRED = """import { createCircle } from '../../utils/api'
Page({
  data: { text: '' },
  onText(e) { this.setData({ text: e.detail.value }) },
  submit() {
    createCircle({ desc: this.data.text })
      .then(() => wx.showToast({ title: 'OK' }))
  },
})
"""


def _wire(app_repo, page: str, script: str, base_script: str = STUB) -> set[tuple[str, str, int]]:
    app_repo.write_files({"utils/api.js": API, f"{page}.wxml": BOX, f"{page}.js": base_script})
    base = app_repo.commit("a publish page whose button only shows a toast")
    app_repo.write(f"{page}.js", script)
    app_repo.commit("the page posts")
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload")


def test_a_text_box_the_page_had_is_published_when_its_button_starts_posting(app_repo):
    assert _wire(app_repo, "pages/me/me", WIRED) == {
        ("upload.user_text", "pages/me/me.js", 6), ("category.ugc", "pages/me/me.js", 6)}


@pytest.mark.parametrize(("page", "script", "base_script"), [
    # the page posted before: a new field or a new wrapper is no new publication
    ("pages/me/me", WIRED.replace("desc:", "text:"), WIRED),
    # the page now only loads a list: nothing of the box leaves it
    ("pages/me/me", WIRED.replace("createCircle({ desc: this.data.text })", "getCircleList({ page: 1 })")
     .replace("{ createCircle }", "{ getCircleList }"), STUB),
    # a private record: an expense note is kept for the user
    ("pages/expense/add", WIRED.replace("createCircle", "saveExpense"), STUB),
])
def test_no_publication_where_the_page_sent_before_or_sends_no_post(app_repo, page, script, base_script):
    assert _wire(app_repo, page, script, base_script) == set()


def test_an_old_box_wired_beside_a_new_posting_page_is_the_same_feature(app_repo):
    app_repo.write_files({"utils/api.js": API, "pages/me/me.wxml": BOX, "pages/me/me.js": STUB})
    base = app_repo.commit("a reply box whose button only shows a toast")
    app_repo.write_files({"pages/me/me.js": WIRED, "pages/index/index.wxml": BOX, "pages/index/index.js": WIRED})
    app_repo.commit("a new 发布 page, and the reply box posts too")
    report = run(app_repo.path, base)
    assert places(report, "category") | places(report, "upload") == {
        ("upload.user_text", "pages/index/index.js", 6), ("category.ugc", "pages/index/index.js", 6)}
