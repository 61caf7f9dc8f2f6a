"""A project request wrapper takes its endpoint where its definition sends it as ``wx.request``'s url, not
necessarily first: ``http(method, body, path, done)`` is called ``http('POST', body, urls.noteComment, done)``, so the
comment bar's post names ``noteComment`` — a comment, sent by POST: a new post of the one-line box's text
(readers/urlparam.py, analyzers/comment_boxes.py). The same call by GET reads comments: silent."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.readers.urlparam import url_parameter

NET = """const BASE = 'https://api.example.com'
const urls = { noteComment: '/v2/note/noteComment', noteList: '/v2/note/list' }
function http(method, body, path, done) {
  wx.request({ url: BASE + path, method: method, data: body, success: done })
}
module.exports = { http, urls }
"""
MARKUP = ('<view>\n<view wx:for="{{notes}}">{{item.text}}</view>\n'
          '<input class="bar" placeholder="说点什么" bindinput="onWord"/>\n'
          '<view bindtap="onSend">发送</view>\n</view>\n')
BASE = """const net = require('../../utils/net.js')
Page({
  data: { notes: [], word: '', id: 0 },
  onLoad(q) { net.http('GET', { id: q.id }, net.urls.noteList, (res) => this.setData({ notes: res.data })) },
  onWord(e) { this.setData({ word: e.detail.value }) },
  onSend() {
    wx.showToast({ title: '发送中' })
  },
})
"""
SENDS = BASE.replace("    wx.showToast({ title: '发送中' })\n", "    wx.showToast({ title: '发送中' })\n"
                     "    net.http('POST', { id: this.data.id, word: this.data.word }, net.urls.noteComment, () => {})\n")


def _wire(app_repo, head_script: str) -> set[tuple[str, str, int]]:
    page = "pages/note/note"
    app_repo.write_files({"utils/net.js": NET, f"{page}.wxml": MARKUP, f"{page}.js": BASE})
    base = app_repo.commit("a note page that lists its comments")
    app_repo.write(f"{page}.js", head_script)
    app_repo.commit("the comment bar sends")
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload")


def test_a_comment_posted_through_a_wrapper_whose_endpoint_comes_third_is_a_new_post(app_repo):
    assert _wire(app_repo, SENDS) == {
        ("upload.user_text", "pages/note/note.js", 8), ("category.ugc", "pages/note/note.js", 8)}


def test_the_same_wrapper_reading_comments_by_get_posts_nothing(app_repo):
    assert _wire(app_repo, SENDS.replace("net.http('POST'", "net.http('GET'")) == set()


def test_the_endpoint_parameter_is_the_one_the_url_is_built_from():
    assert url_parameter(NET, "utils/net.js", "http") == 2
    assert url_parameter("const get = (url, q) => wx.request({ url, data: q })", "a.js", "get") == 0
    assert url_parameter("function fixed(data) { wx.request({ url: '/a', data }) }", "a.js", "fixed") is None
