"""A posting page's calls that publish none of its text box's text are not its post (analyzers/unposted.py): a
request in a method nothing names (readers/uncalled.py: a URL's words name no method), a stub whose data holds
nothing, and a content check (readers/contentchecks.py), which is the check ``upload.user_text`` asks for."""

from __future__ import annotations

from helpers import run
from mp_precheck.core.scenes import scenes
from mp_precheck.facts.extract import sfc_facts
from mp_precheck.readers.contentchecks import check_lines

UNI_APP = {
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/board/index"}]}',
    "App.vue": "<script>export default {}</script>\n",
    "main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue({ ...App }).$mount()\n",
    "pages/index/index.vue": "<template><view>home</view></template>\n<script>export default {}</script>\n",
    "pages/board/index.vue": "<template><view>board</view></template>\n<script>export default {}</script>\n",
}
# A method named only inside a test endpoint's URL: no binding and no script runs it.
IDLE_SEND = """<template>
  <view>
    <textarea v-model="note" placeholder="说说你的看法" />
    <view class="submit">提交</view>
  </view>
</template>
<script>
export default {
  data() { return { note: '' } },
  methods: {
    remind() {
      uni.request({ url: 'https://api.example.com/demo/remind', method: 'POST', data: { note: this.note } })
    },
  },
}
</script>
"""
BOX = '<view>\n<textarea bindinput="onText" placeholder="说点什么"/>\n<button bindtap="publish">发布</button>\n</view>\n'
STUB_FIRST = """Page({
  ping() { wx.request({ url: 'https://api.example.com/ping', data: {} }) },
  onText(e) { this.setData({ body: e.detail.value }) },
  publish() { wx.request({ url: 'https://api.example.com/posts', method: 'POST', data: { body: this.data.body } }) },
})
"""
STUB_ONLY = """Page({
  onText(e) { this.setData({ body: e.detail.value }) },
  publish() {
    wx.request({
      url: 'https://api.example.com/demo',
      data: {
        // body: this.data.body
      },
    })
  },
})
"""
CHECKED_BOX = ('<view>\n<textarea value="{{draft}}" bindinput="onText" placeholder="说点什么"/>\n'
               '<button bindtap="send">发布</button>\n</view>\n')
CLOUD_CHECK = """const db = wx.cloud.database()
Page({
  data: { draft: '' },
  onText(e) { this.setData({ draft: e.detail.value }) },
  send() {
    const text = this.data.draft
    wx.cloud.callFunction({
      name: 'textCheck',
      data: { text },
      success: () => this.save(text),
      fail: () => wx.showToast({ title: '内容检测失败' }),
    })
  },
  save(text) {
    db.collection('posts').add({ data: { text, at: Date.now() } })
  },
})
"""
ENDPOINT_CHECK = """Page({
  data: { draft: '' },
  onText(e) { this.setData({ draft: e.detail.value }) },
  async send() {
    const content = this.data.draft
    await wx.request({ url: 'https://api.example.com/text/security', method: 'POST', data: { content } })
    wx.request({ url: 'https://api.example.com/topics', method: 'POST', data: { content } })
  },
})
"""


def _hits(report, rule):
    return {(f.path, f.line) for f in report.findings if f.rule == rule}


def _told(report):
    return _hits(report, "upload.user_text") | _hits(report, "category.ugc")


def _page(app_repo, markup: str, script: str) -> str:
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", markup)
    app_repo.write("pages/me/me.js", script)
    app_repo.commit("a text box and its page's calls")
    return base


def test_a_request_in_a_method_named_only_in_a_url_is_no_post(repo):
    repo.write_files(UNI_APP)
    base = repo.commit("app")
    repo.write("pages/board/index.vue", IDLE_SEND)
    repo.commit("a review form whose submit is not wired")
    assert _told(run(repo.path, base)) == set()


def test_the_words_of_a_url_in_the_script_name_no_method():
    facts = sfc_facts(IDLE_SEND, "pages/board/index.vue")
    assert facts.idle == ((11, 13),)
    named = IDLE_SEND.replace("<view class=\"submit\">", "<view class=\"submit\" @tap=\"remind\">")
    assert sfc_facts(named, "pages/board/index.vue").idle == ()


def test_a_request_whose_data_holds_nothing_is_not_the_post_before_the_real_one(app_repo):
    base = _page(app_repo, BOX, STUB_FIRST)
    report = run(app_repo.path, base)
    assert _hits(report, "upload.user_text") == {("pages/me/me.js", 4)}
    assert _hits(report, "category.ugc") == {("pages/me/me.js", 4)}


def test_a_page_whose_only_request_holds_nothing_posts_nothing(app_repo):
    base = _page(app_repo, BOX, STUB_ONLY)
    assert _told(run(app_repo.path, base)) == set()


def test_a_cloud_function_checking_the_text_is_not_the_post_the_write_after_it_is(app_repo):
    base = _page(app_repo, CHECKED_BOX, CLOUD_CHECK)
    report = run(app_repo.path, base)
    assert _hits(report, "category.ugc") == {("pages/me/me.js", 15)}
    assert _hits(report, "upload.user_text") == set()  # the text is checked before it is stored


def test_an_endpoint_checking_the_text_is_not_the_post_the_request_after_it_is(app_repo):
    base = _page(app_repo, CHECKED_BOX, ENDPOINT_CHECK)
    report = run(app_repo.path, base)
    assert _hits(report, "category.ugc") == {("pages/me/me.js", 7)}
    assert _hits(report, "upload.user_text") == set()
    # a check of another field (the title) leaves the box's text unchecked: told at the post
    app_repo.write("pages/me/me.js", ENDPOINT_CHECK.replace("data: { content } })\n    wx",
                                                            "data: { title: this.data.title } })\n    wx"))
    app_repo.commit("check the title only")
    report = run(app_repo.path, base)
    assert _hits(report, "upload.user_text") == _hits(report, "category.ugc") == {("pages/me/me.js", 7)}


def test_names_that_say_a_call_checks_content():
    table = scenes()
    checks = ["textCheck", "msg_sec_check", "/v1/content/security", "contentcensor", "msgseccheck", "内容安全检测"]
    others = ["checkIn", "check_out", "checkout", "checkbox", "checkAndSave", "/api/comment/add", "recheck"]
    assert [name for name in checks if not table.names_check(name)] == []
    assert [name for name in others if table.names_check(name)] == []


def test_a_check_is_read_from_where_the_call_sends_not_from_its_callbacks_or_data():
    text = CLOUD_CHECK.replace("name: 'textCheck'", "name: 'savePost'")
    assert check_lines(CLOUD_CHECK, "pages/me/me.js", [7, 15]) == {7}
    assert check_lines(text, "pages/me/me.js", [7, 15]) == frozenset()  # the fail toast's 内容检测 is its answer
    routed = text.replace("data: { text }", "data: { action: 'msgSecCheck', text }")
    held = text.replace("data: { text }", "data: { text, state: 'pending_check' }")  # a field of the post
    assert check_lines(routed, "pages/me/me.js", [7]) == {7} and check_lines(held, "pages/me/me.js", [7]) == set()
