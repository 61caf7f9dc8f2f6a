"""A one-line comment box (analyzers/comment_boxes.py): an ``<input>`` whose text a new call posts to a comment
endpoint is a post, told at that call; a search box, a number field, a call that carries none of the text and a
comment bar that posted before stay silent."""

from __future__ import annotations

import pytest

from helpers import places, run
from mp_precheck.core.scenes import scenes
from mp_precheck.readers.boxhandlers import box_handlers, call_strings, handler_writes

BAR = '<view class="bar">\n<input class="c" confirm-type="send" bindconfirm="doComment" placeholder="评论"/>\n</view>\n'
STUB = """Component({
  methods: {
    like() {
      wx.request({ url: getApp().getUrl('/feed/up'), method: 'POST', data: { id: 1 } })
    },
  },
})
"""
COMMENTS = STUB.replace("""    },
  },""", """    },
    doComment(e) {
      const text = e.detail.value
      wx.request({
        url: getApp().getUrl('/feed/reply_comment'),
        method: 'POST',
        data: { text, mid: this.properties.id },
      })
    },
  },""")
MODAL = '<modal title="评论" bindconfirm="confirm">\n  <input type="text" bindinput="watchIn" placeholder="请输入内容"/>\n' \
        '</modal>\n'
DETAIL = """Page({
  data: { mess: '' },
  watchIn(e) { this.data.mess = e.detail.value },
  confirm() {
    const comment = this.data.mess
    wx.cloud.callFunction({ name: 'addComment', data: { comment_details: comment } })
  },
})
"""


def _change(app_repo, page: str, markup: str, base_script: str, head_script: str,
            head_markup: str | None = None) -> set[tuple[str, str, int]]:
    app_repo.write_files({f"{page}.wxml": markup, f"{page}.js": base_script})
    base = app_repo.commit("base")
    app_repo.write_files({f"{page}.wxml": head_markup or markup, f"{page}.js": head_script})
    app_repo.commit("head")
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload")


def test_a_comment_bar_whose_confirm_posts_the_typed_text_is_a_post(app_repo):
    assert _change(app_repo, "pages/feed/detail", BAR, STUB, COMMENTS) == {
        ("upload.user_text", "pages/feed/detail.js", 8), ("category.ugc", "pages/feed/detail.js", 8)}


def test_a_comment_modals_stored_text_sent_to_a_comment_cloud_function_is_a_post(app_repo):
    base = DETAIL.replace("    wx.cloud.callFunction({ name: 'addComment', data: { comment_details: comment } })\n", "")
    assert _change(app_repo, "pages/state/state", MODAL, base, DETAIL) == {
        ("upload.user_text", "pages/state/state.js", 6), ("category.ugc", "pages/state/state.js", 6)}


@pytest.mark.parametrize(("markup", "base_script", "head_script"), [
    # a search box: its text goes to a search, no post
    (BAR.replace('confirm-type="send"', 'confirm-type="search"'), STUB,
     COMMENTS.replace("/feed/reply_comment", "/feed/search")),
    # a number field
    (BAR.replace('confirm-type="send"', 'type="number"'), STUB, COMMENTS),
    # the new call carries none of the text: a delete of one's own comment
    (BAR, STUB, COMMENTS.replace("data: { text, mid: this.properties.id }", "data: { id: this.properties.id }")
     .replace("reply_comment", "delete_comment")),
    # the bar posted to that endpoint before: the change restyles it
    (BAR, COMMENTS.replace("      wx.request({\n        url", "      wx.request( {\n        url"), COMMENTS),
])
def test_no_post_where_the_input_is_no_comment_or_its_post_is_not_new(app_repo, markup, base_script, head_script):
    assert _change(app_repo, "pages/feed/detail", markup, base_script, head_script) == set()


def test_the_handlers_an_input_names_and_what_they_store():
    assert box_handlers(MODAL, 2) == {"watchIn"}
    assert box_handlers(BAR, 2) == {"doComment"}
    stored, spans = handler_writes(DETAIL, "pages/state/state.js", frozenset({"watchIn"}))
    assert stored == {"mess"} and [3 in span for span in spans] == [True]
    setter = "Page({\n  onInput(e) {\n    this.setData({ 'form.body': e.detail.value })\n  },\n})\n"
    assert handler_writes(setter, "a.js", frozenset({"onInput"}))[0] == {"form", "body"}


def test_the_strings_a_call_passes_outside_its_callbacks():
    script = "wx.request({\n  url: getUrl('/feed/reply_comment'), success(res) { log('done') },\n})\n"
    assert call_strings(script, "a.js", [1]) == {1: ("/feed/reply_comment",)}


@pytest.mark.parametrize(("text", "names"), [
    ("addComment", True), ("/feed/reply_comment", True), ("https://a.example.com/api/post/add", True),
    ("/post/like", False), ("/user/update", False), ("POST", False), ("getPostInfo", False),
])
def test_a_string_that_names_writing_a_post(text, names):
    assert scenes().names_a_post(text) is names


ROWS = """<template>
  <view v-for="(row, i) in rows" :key="i">
    <text @click="like(row)">{{ row.likes }}</text>
    <input v-model="row.draft.words" placeholder="回复"/>
    <text @click="answer(row)">回复</text>
  </view>
</template>
<script>
export default {
  data() { return { rows: [] } },
  methods: {
    like(row) {
      const body = { rowId: row.id }
      uni.request({ url: '/api/comment/putLike', method: 'POST', data: body })
    },
    answer(row) {
      const body = { rowId: row.id, words: row.draft.words }
      uni.request({ url: '/api/note/addComment', method: 'POST', data: body })
    },
  },
}
</script>
"""


def test_a_rows_reply_is_told_at_the_post_of_its_field_not_at_a_like_of_the_row(repo):
    # both new calls pass the row the box sits in; only the second carries the field the box writes
    page = "src/pages/note/note.vue"
    repo.write_files({"src/pages.json": '{"pages": [{"path": "pages/note/note"}]}',
                      "src/manifest.json": '{"mp-weixin": {"appid": "wx1"}}', "src/App.vue": "<script>\n</script>\n",
                      page: ROWS.split("  methods: {")[0] + "}\n</script>\n"})
    base = repo.commit("base")
    repo.write(page, ROWS)
    repo.commit("head")
    report = run(repo.path, base)
    assert places(report, "category") | places(report, "upload") == {
        ("upload.user_text", page, 18), ("category.ugc", page, 18)}


CHAINED = """Page({
  data: { code: '' },
  onCode(e) { this.setData({ code: e.detail.value }) },
  check() {
    wx.request({ url: '/community/verify', method: 'POST', data: { code: this.data.code } }).then(() => {
      console.log('ok')
    })
  },
})
"""


def test_a_promise_chains_options_and_handlers_name_no_post(app_repo):
    # ``method: 'POST'`` and a log line's words are no endpoint: the chain's callee is no name of one
    base = CHAINED.replace("    wx.request({ url: '/community/verify', method: 'POST', data: { code: this.data.code } })"
                           ".then(() => {\n      console.log('ok')\n    })\n", "")
    markup = '<input bindinput="onCode" placeholder="code"/>\n<button bindtap="check">ok</button>\n'
    assert _change(app_repo, "pages/check/check", markup, base, CHAINED) == set()


REPLY_BAR = '<input value="{{draft}}" bindinput="typed" bindconfirm="send" placeholder="写回复"/>\n' \
            '<button bindtap="send">发送</button>\n'
SENT = """Page({
  data: { draft: '', rows: [] },
  typed(e) { this.setData({ draft: e.detail.value }) },
  send() {
    const words = this.data.draft.trim()
    this.setData({ rows: this.data.rows.concat([{ words }]), draft: '' })
    wx.cloud.callFunction({ name: 'thread', data: { action: 'reply', words } })
  },
})
"""
KEPT = SENT.replace("    wx.cloud.callFunction({ name: 'thread', data: { action: 'reply', words } })\n", "")
REWRITTEN = """const { toRow } = require('../../utils/rows')
Page({
  data: { draft: '', rows: [], waiting: {} },
  typed(e) { this.setData({ draft: e.detail.value }) },
  async send() {
    const body = this.data.draft.trim()
    const temp = toRow({ body, at: Date.now() })
    this.setData({ rows: this.data.rows.concat([temp]), waiting: { [temp.id]: true } })
    const res = await wx.cloud.callFunction({ name: 'thread', data: { action: 'replyCreate', body } })
    this.setData({ rows: this.data.rows.map(r => r.id === temp.id ? toRow(res.result) : r), draft: '' })
  },
})
"""
ROWS_UTIL = "function toRow(r) { return { id: r.id || 't' + r.at, body: r.body } }\nmodule.exports = { toRow }\n"


@pytest.mark.parametrize(("base_script", "told"), [
    # the bar only added the reply to the list on the phone before: the change starts posting it
    (KEPT, {("upload.user_text", "pages/thread/view.js", 9), ("category.ugc", "pages/thread/view.js", 9)}),
    # the bar posted its text before; the change rewrites the flow (a new action name, a helper, a pending row)
    (SENT, set()),
])
def test_a_reply_bar_whose_text_was_posted_before_keeps_its_post_when_rewritten(app_repo, base_script, told):
    app_repo.write("utils/rows.js", ROWS_UTIL)
    assert _change(app_repo, "pages/thread/view", REPLY_BAR, base_script, REWRITTEN) == told


BOARD = """<textarea value="{{story}}" bindinput="onStory" placeholder="分享你的故事"/>
<input value="{{topic}}" bindinput="onTopic" placeholder="话题"/>
<button bindtap="share">发表</button>
<view wx:for="{{stories}}" wx:key="id">{{item.story}}</view>
<input value="{{answer}}" bindinput="onAnswer" confirm-type="send" bindconfirm="answerIt" placeholder="说点什么"/>
"""
BOARD_BASE = """Page({
  data: { story: '', topic: '', answer: '', stories: [] },
  onStory(e) { this.setData({ story: e.detail.value }) },
  onTopic(e) { this.setData({ topic: e.detail.value }) },
  onAnswer(e) { this.setData({ answer: e.detail.value }) },
  share() {
    const item = { story: this.data.story, topic: this.data.topic }
    this.setData({ stories: [item].concat(this.data.stories) })
  },
  answerIt() {
    const words = this.data.answer
    this.setData({ answer: '' })
  },
})
"""
BOARD_HEAD = BOARD_BASE.replace(
    "    this.setData({ stories: [item].concat(this.data.stories) })\n",
    "    this.setData({ stories: [item].concat(this.data.stories) })\n"
    "    wx.request({ url: HOST + '/story/publish', method: 'POST', data: item })\n").replace(
    "    this.setData({ answer: '' })\n",
    "    this.setData({ answer: '' })\n"
    "    wx.request({ url: HOST + '/story/answer/create', method: 'POST', data: { words } })\n").replace(
    "Page({", "const HOST = 'https://api.example.com'\nPage({")


@pytest.mark.parametrize(("head_script", "told"), [
    # the story (a <textarea>) and the answer under it (a one-line box) go out through two calls named as posts
    (BOARD_HEAD, {("upload.user_text", "pages/board/board.js", 10), ("category.ugc", "pages/board/board.js", 10),
                  ("upload.user_text", "pages/board/board.js", 15)}),
    # the answer is only kept on the phone: the page's one post, its topic box carried by the same call
    (BOARD_HEAD.replace("    wx.request({ url: HOST + '/story/answer/create', method: 'POST', data: { words } })\n",
                        ""),
     {("upload.user_text", "pages/board/board.js", 10), ("category.ugc", "pages/board/board.js", 10)}),
])
def test_a_second_send_under_a_told_post_is_told_at_its_own_call(app_repo, head_script, told):
    assert _change(app_repo, "pages/board/board", BOARD, BOARD_BASE, head_script) == told
