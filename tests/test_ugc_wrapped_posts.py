"""Posts through a project's request wrapper: a reply box whose text a wrapper named by the act (``replies(id,
data)``) carries in members set on its data, a composer whose only send is a write-named project function no reader
follows (``add(form)``), a post told at a wrapper named as one; and what stays silent: a search box, a date
formatter handed a loaded row, a page that posted before and only gains attachments."""

from __future__ import annotations

import pytest

from helpers import places, register_pages, run
from mp_precheck.core.scenes import scenes
from mp_precheck.readers.boxhandlers import endpoint_refs
from mp_precheck.readers.textflow import carried_names

API = """function send(url, data, ok) { wx.request({ url, data, method: 'POST', success: ok }) }
function replies(id, data, ok) { send('https://api.example.com/t/' + id + '/r', data, ok) }
function find(q, ok) { send('https://api.example.com/search', { q }, ok) }
export default { replies, find }
"""
FMT = "export default function fmt(v) { return String(v) }\n"
BAR = '<view>\n<input bindinput="onInput" placeholder="回复"/>\n<text bindtap="submit">发送</text>\n</view>\n'
DETAIL = """import request from '../../api/request.js'
import fmt from '../../utils/fmt.js'
Page({
  data: { reply: { content: '' } },
  onLoad() {
    const detail = { create_at: 1, content: '' }
    detail.content = fmt(detail.create_at)
  },
  onInput(e) {
    this.data.reply.content = e.detail.value
  },
  submit() {
    const data = { token: 1 }
    data.content = this.data.reply.content
    request.replies(this.options.id, data, () => {})
  },
})
"""


def _change(app_repo, files_base: dict[str, str], files_head: dict[str, str]) -> set[tuple[str, str, int]]:
    app_repo.write_files(files_base)
    base = app_repo.commit("base")
    app_repo.write_files(files_head)
    register_pages(app_repo)
    app_repo.commit("head")
    report = run(app_repo.path, base)
    return places(report, "category")


def test_a_reply_sent_through_a_wrapper_named_by_the_act_is_a_post(app_repo):
    base = {"api/request.js": API, "utils/fmt.js": FMT, "pages/topic/detail.wxml": BAR,
            "pages/topic/detail.js": "Page({})\n"}
    assert _change(app_repo, base, {"pages/topic/detail.js": DETAIL}) == {
        ("category.ugc", "pages/topic/detail.js", 15)}


@pytest.mark.parametrize("head", [
    # the box's text goes to a search, not a post
    DETAIL.replace("request.replies(this.options.id, data, () => {})", "request.find(data, () => {})"),
    # the reply is never set on what the wrapper sends
    DETAIL.replace("    data.content = this.data.reply.content\n", ""),
])
def test_no_post_where_the_wrapper_searches_or_carries_none_of_the_text(app_repo, head):
    base = {"api/request.js": API, "utils/fmt.js": FMT, "pages/topic/detail.wxml": BAR,
            "pages/topic/detail.js": "Page({})\n"}
    assert _change(app_repo, base, {"pages/topic/detail.js": head}) == set()


COMPOSER = """<template>
  <view>
    <textarea v-model="form.content" placeholder="写评论"/>
    <button @click="submit">发布</button>
  </view>
</template>
<script>
import { add } from '@/api/remarks'
export default {
  data() { return { form: { content: '' } } },
  methods: {
    async submit() {
      await add(this.form)
    },
  },
}
</script>
"""


@pytest.mark.parametrize(("name", "fires"), [("add", True), ("validate", False)])
def test_a_composer_posting_through_a_write_named_function_no_reader_follows(app_repo, name, fires):
    page = COMPOSER.replace("add", name)
    found = _change(app_repo, {"src/pages/index/index.vue": "<template><view/></template>\n"},
                    {"src/pages/comment/index.vue": page})
    assert (("category.ugc", "src/pages/comment/index.vue", 13) in found) is fires


FORUM_JS = """Page({
  data: { content: '' },
  onText(e) { this.setData({ content: e.detail.value }) },
  submit() {
    const { content } = this.data
    getApp().api.createTopic({ content })
  },
})
"""


def test_a_page_that_posted_topics_and_gains_attachments_is_no_new_post(app_repo):
    base = {"pages/forum/create.wxml": '<input bindinput="onText" placeholder="说点什么"/>\n',
            "pages/forum/create.js": FORUM_JS}
    head = {"pages/forum/create.wxml": '<textarea bindinput="onText" placeholder="说点什么"/>\n'
                                       '<view bindtap="pick">+</view>\n',
            "pages/forum/create.js": FORUM_JS.replace("  submit() {", "  pick() {\n    wx.chooseImage({ success: (r) => "
                                                      "wx.uploadFile({ url: 'https://up.example.com/a', filePath: "
                                                      "r.tempFilePaths[0], name: 'f' }) })\n  },\n  submit() {")}
    assert _change(app_repo, base, head) == set()


def test_members_set_on_passed_data_are_carried_and_local_fields_are_no_endpoint():
    script = "function go() {\n  const d = {}\n  d.body = text\n  send(d)\n  fmt(row.create_at)\n}\n"
    assert "text" in carried_names(script, "a.js", [4])[4]
    assert endpoint_refs("function f() {\n  const row = {}\n  fmt(row.create_at)\n}\n", "a.js", [3]) == {3: ()}


@pytest.mark.parametrize(("text", "names"), [("replies", True), ("publish", True), ("comment", True),
                                             ("post", False), ("share", False), ("/replies", False)])
def test_a_function_named_only_by_the_act_of_posting(text, names):
    assert scenes().names_a_post(text) is names


PUBLISH_JS = """import { topicAdd } from '../../api/topic.js'
Page({
  data: { text: '' },
  onText(e) { this.setData({ text: e.detail.value }) },
  pick() {
    wx.chooseImage({ success: (r) => this.setData({ files: r.tempFilePaths }) })
  },
  async submit() {
    await new Promise((ok) => wx.uploadFile({ url: 'https://up.example.com/a', filePath: this.data.files[0],
                                             name: 'f', success: ok }))
    const payload = { text: this.data.text }
    await topicAdd(payload)
  },
})
"""


def test_a_post_through_a_wrapper_named_as_one_is_told_there_not_at_the_picture_upload(app_repo):
    head = {"api/topic.js": "export function topicAdd(d) { return wx.request({ url: 'https://api.example.com/t', "
                            "method: 'POST', data: d }) }\n",
            "pages/publish/publish.wxml": '<textarea bindinput="onText"/>\n<view bindtap="pick">+</view>\n',
            "pages/publish/publish.js": PUBLISH_JS}
    assert ("category.ugc", "pages/publish/publish.js", 12) in _change(
        app_repo, {"pages/index/index.js": "Page({})\n"}, head)


def test_no_post_through_an_unfollowed_function_on_a_feedback_page_or_one_the_page_called_before(app_repo):
    feedback = COMPOSER.replace("'@/api/remarks'", "'@/api/sdk'").replace("add", "addComment")
    restyled = COMPOSER.replace('placeholder="写评论"', 'placeholder="写评论吧"')
    found = _change(app_repo, {"src/pages/comment/index.vue": COMPOSER},
                    {"src/pages/feedback/index.vue": feedback, "src/pages/comment/index.vue": restyled})
    assert found == set()
