"""A one-line comment box posted through a project helper handed an endpoint a local name holds
(analyzers/comment_boxes.py, ``_spelt``): ``var url = host + '/api/articles/comments'; http.postApi(url, …)`` names
its post by that string as a literal would; a local endpoint naming a read (a search) names none, whatever the
data's own strings say."""

from __future__ import annotations

from helpers import places, run

HELPER = """function send(url, token, body, method, done) {
  wx.request({
    url: url,
    method: method,
    data: body,
    header: { 'X-Token': token },
    success: (res) => done && done(res.data)
  })
}
function postApi(url, token, body, done) {
  send(url, token, body, 'POST', done)
}
function getApi(url, token, body, done) {
  send(url, token, body, 'GET', done)
}
module.exports = { postApi, getApi }
"""
MARKUP = """<view class="article">{{body}}</view>
<!-- <view class="bar">
  <input class="line" type="text" maxlength="200" placeholder="说点什么"></input>
  <button class="go">发送</button>
</view> -->
"""
BAR = """<view class="article">{{body}}</view>
<view class="bar" hidden="{{closed}}">
  <input class="line" type="text" maxlength="200" bindinput="onText" placeholder="说点什么"></input>
  <button class="go" bindtap="send">发送</button>
</view>
"""
SCRIPT = """const app = getApp()
const http = require('../../utils/http.js')
Page({
  data: { body: '', closed: false },
  onLoad(options) {
    this.setData({ id: options.id })
    var url = app.globalData.host + '/api/articles/' + options.id
    http.getApi(url, app.globalData.token, {}, (res) => this.setData({ body: res.content }))
  },
})
"""
SEND = SCRIPT.replace("""  },
})""", """  },
  onText(e) {
    this.setData({ draft: e.detail.value })
  },
  send() {
    var url = app.globalData.host + '/api/articles/comments'
    var body = { content: this.data.draft, articleId: this.data.id }
    http.postApi(url, app.globalData.token, body, () => wx.showToast({ title: '已发送' }))
  },
})""")


def _change(app_repo, head_script: str) -> set[tuple[str, str, int]]:
    app_repo.write_files({"utils/http.js": HELPER, "pages/index/index.wxml": MARKUP,
                          "pages/index/index.js": SCRIPT})
    base = app_repo.commit("base")
    app_repo.write_files({"pages/index/index.wxml": BAR, "pages/index/index.js": head_script})
    app_repo.commit("head")
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload")


def test_a_comment_posted_to_an_endpoint_a_local_holds_is_a_post(app_repo):
    assert _change(app_repo, SEND) == {("category.ugc", "pages/index/index.js", 16),
                                       ("upload.user_text", "pages/index/index.js", 16)}


def test_text_sent_to_a_local_endpoint_naming_a_read_is_no_post(app_repo):
    search = SEND.replace("/api/articles/comments", "/api/comments/search") \
        .replace("{ content: this.data.draft, articleId: this.data.id }", "{ keyword: this.data.draft, scope: 'comment' }")
    assert _change(app_repo, search) == set()
