"""A page that had its text box before, but whose script sent nothing, starts publishing when the change posts
what the box writes (analyzers/ugc.py ``_wired``): ``category.ugc`` at the post, no text box finding of its own."""

from __future__ import annotations

from helpers import run

FORM = '<view>\n<input value="{{form.title}}" bindinput="onTitle"/>\n' \
       '<textarea value="{{form.content}}" bindinput="onContent" placeholder="描述一下"/>\n' \
       '<button bindtap="publish">发布</button>\n</view>\n'
API = """function request(url, data) {
  return new Promise((ok) => wx.request({ url: 'https://api.example.com' + url, method: 'POST', data, success: ok }))
}
const listingApi = { createListing(data) { return request('/listings', data) } }
const lookupAPI = { check(code) { return request('/barcode', { code }) }, submit(data) { return request('/note', data) } }
module.exports = { listingApi, lookupAPI }
"""
TOAST = """Page({
  data: { form: { title: '', content: '' } },
  onContent(e) { this.setData({ 'form.content': e.detail.value }) },
  publish() {
    wx.showToast({ title: '发布成功' })
  },
})
"""
WIRED = """const { listingApi, lookupAPI } = require('../../utils/api')
Page({
  data: { form: { title: '', content: '' } },
  onContent(e) { this.setData({ 'form.content': e.detail.value }) },
  async publish() {
    const { form } = this.data
    const payload = { itemTitle: form.title, itemDescription: form.content }
    await listingApi.createListing(payload)
    wx.showToast({ title: '发布成功' })
  },
})
"""


def _hits(report, rule):
    return {(f.path, f.line) for f in report.findings if f.rule == rule}


def _wire(app_repo, page: str, script: str, before: str = TOAST):
    app_repo.write_files({"utils/api.js": API, f"pages/{page}/{page}.wxml": FORM, f"pages/{page}/{page}.js": before,
                          "app.json": f'{{"pages": ["pages/index/index", "pages/{page}/{page}"]}}\n'})
    base = app_repo.commit("a form whose button only shows a toast")
    app_repo.write(f"pages/{page}/{page}.js", script)
    app_repo.commit("wire the form to the backend")
    return run(app_repo.path, base)


def test_a_form_whose_publish_starts_posting_the_text_box_is_a_posting_page(app_repo):
    report = _wire(app_repo, "publish", WIRED)
    assert _hits(report, "category.ugc") == {("pages/publish/publish.js", 8)}
    assert _hits(report, "upload.user_text") == set()  # the box is not new: no finding of its own


def test_a_call_that_carries_none_of_the_text_publishes_nothing(app_repo):
    lookup = WIRED.replace("await listingApi.createListing(payload)", "await lookupAPI.check(this.data.code)")
    assert _hits(_wire(app_repo, "publish", lookup), "category.ugc") == set()


def test_a_form_that_already_sent_data_publishes_nothing_new(app_repo):
    sent = TOAST.replace("wx.showToast({ title: '发布成功' })",
                         "wx.request({ url: 'https://api.example.com/draft', method: 'POST', data: this.data.form })")
    assert _hits(_wire(app_repo, "publish", WIRED, before=sent), "category.ugc") == set()


def test_a_private_record_wired_to_the_server_publishes_nothing(app_repo):
    sent = WIRED.replace("listingApi.createListing(payload)", "lookupAPI.submit(payload)")
    assert _hits(_wire(app_repo, "feedback", sent), "category.ugc") == set()
    assert _hits(_wire(app_repo, "publish", sent), "category.ugc") == {("pages/publish/publish.js", 8)}
