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


def _wire(app_repo, page: str, script: str, base_script: str = STUB, box: str = BOX) -> set[tuple[str, str, int]]:
    app_repo.write_files({"utils/api.js": API, f"{page}.wxml": box, f"{page}.js": base_script})
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


UPLOADS = """export function uploadImage(url, filePath, formData) {
  return new Promise((resolve) => wx.uploadFile({ url: 'https://api.example.com' + url, filePath, name: 'file',
    formData, success: resolve }))
}
"""
DESC_BOX = '<view>\n<textarea value="{{desc}}" bindblur="onDesc"/>\n<button bindtap="submit">提交</button>\n</view>\n'
PREVIEW = """import { uploadImage } from '../../utils/upload'
Page({
  data: { desc: '', files: [] },
  onDesc(e) { this.setData({ desc: e.detail.value }) },
  submit() {},
})
"""


def _template_app(app_repo, script: str) -> set[tuple[str, str, int]]:
    app_repo.write_files({"utils/upload.js": UPLOADS, "pages/tmpl/tmpl.wxml": DESC_BOX, "pages/tmpl/tmpl.js": PREVIEW})
    base = app_repo.commit("a template page whose 提交 does nothing")
    app_repo.write("pages/tmpl/tmpl.js", script)
    app_repo.commit("提交 sends the template")
    report = run(app_repo.path, base)
    return {p for p in places(report, "category") | places(report, "upload") if p[0] != "upload.upload_file"}


def test_an_old_box_whose_text_now_goes_up_with_a_file_is_published(app_repo):
    submit = "submit() {\n    const desc = this.data.desc\n    uploadImage('/templates', this.data.files[0], { desc })\n  },"
    assert _template_app(app_repo, PREVIEW.replace("submit() {},", submit)) == {
        ("upload.user_text", "pages/tmpl/tmpl.js", 7), ("category.ugc", "pages/tmpl/tmpl.js", 7)}


def test_an_old_box_whose_page_uploads_none_of_its_text_is_not_published(app_repo):
    submit = "submit() {\n    uploadImage('/preview2', this.data.files[0], { y: 2 })\n  },"
    assert _template_app(app_repo, PREVIEW.replace("submit() {},", submit)) == set()


ROWS_BOX = ('<view>\n<view wx:for="{{rows}}" wx:for-item="row">\n'
            '<textarea value="{{row.words}}" bindblur="onWords" data-i="{{index}}"/>\n</view>\n'
            '<button bindtap="submit">提交</button>\n</view>\n')
ROWS = """Page({
  data: { rows: [], ids: [] },
  load(query) {
    wx.request({ url: 'https://api.example.com/rows', method: 'GET', data: query })
  },
  onWords(e) { this.data.rows[e.currentTarget.dataset.i].words = e.detail.value },
  sendRows(token, items) {
    wx.request({ url: 'https://api.example.com/rows/save?t=' + token, method: 'POST', data: { items } })
  },
  submit() {},
})
"""


@pytest.mark.parametrize(("handed", "told"), [("this.data.rows", True), ("this.data.ids", False)])
def test_an_old_list_of_boxes_is_published_where_a_method_of_the_page_posts_what_its_caller_hands_it(
        app_repo, handed, told):
    stub = "Page({\n  data: { rows: [], ids: [] },\n  submit() {},\n})\n"
    app_repo.write_files({"pages/rows/rows.wxml": ROWS_BOX, "pages/rows/rows.js": stub})
    base = app_repo.commit("each row has a box; 提交 does nothing")
    app_repo.write("pages/rows/rows.js", ROWS.replace("submit() {}", f"submit() {{ this.sendRows('t', {handed}) }}"))
    app_repo.commit("提交 hands the rows to the page's own posting method")
    report = run(app_repo.path, base)
    expected = {("upload.user_text", "pages/rows/rows.js", 8), ("category.ugc", "pages/rows/rows.js", 8)}
    assert places(report, "category") | places(report, "upload") == (expected if told else set())


CLOUD_POST = """Page({
  data: { text: '' },
  onText(e) { this.setData({ text: e.detail.value }) },
  submit() {
    wx.cloud.callFunction({ name: 'createTopic', data: { body: this.data.text } })
  },
})
"""
# the change adds a second cloud call and a database write of something else to the file
WITH_CITY = "const db = wx.cloud.database()\n" + CLOUD_POST.replace("  submit() {", """  async onCity(e) {
    const res = await wx.cloud.callFunction({ name: 'lookupCity', data: { code: e.detail.code } })
    db.collection('members').doc(this.data.id).update({ data: { city: res.result.city } })
  },
  submit() {""")


BOUND_BOX = BOX.replace('bindinput="onText"', 'value="{{ text }}" bindinput="onText"')


def test_an_unchanged_post_of_an_old_box_stays_silent_when_the_file_gains_other_sends(app_repo):
    assert _wire(app_repo, "pages/me/me", WITH_CITY, CLOUD_POST, box=BOUND_BOX) == set()


def test_an_old_box_is_published_by_a_post_the_change_adds_beside_other_sends(app_repo):
    assert _wire(app_repo, "pages/me/me", WITH_CITY, box=BOUND_BOX) == {
        ("upload.user_text", "pages/me/me.js", 10), ("category.ugc", "pages/me/me.js", 10)}
