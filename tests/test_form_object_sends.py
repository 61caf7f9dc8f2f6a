"""An old text box bound to one field of a form object (``value="{{draft.body}}"``) is judged by the form's own
sends (analyzers/old_boxes.py, analyzers/ugc.py): a project function handed the whole object
(``addAnswer({ data: this.data.draft })``) carries the box's text, as a post of that field does; a page whose
earlier requests sent nothing of the form (a load of its option lists) is weighed as any page that sent data
before, not as one that posted the form without the box."""

from __future__ import annotations

from helpers import places, run

PAGE = "pages/answer/answer"
API = """import { send } from './http'
export const getAnswer = (id) => send({ url: `/answers/${id}`, method: 'GET' })
export const addAnswer = ({ id, data }) => send({
  url: `/answers/${id}`, method: 'POST', data: { answer: data }, header: { token: uni.getStorageSync('token') },
})
"""
HTTP = """export const send = ({ url, method, data = {} }) => {
  return new Promise((resolve, reject) => {
    uni.request({ url: 'https://api.example.com' + url, method, data, success: resolve, fail: reject })
  }).catch(() => {})
}
"""
IDLE = """<template>
  <view>
    <input v-model="draft.tags"/>
    <textarea v-model="draft.body"/>
    <button @click="send">提交</button>
  </view>
</template>
<script>
import { getAnswer } from '../../api/answers'
export default {
  data() { return { id: 0, draft: {} } },
  onLoad() { getAnswer(this.id) },
  methods: {
    send() {},
  },
}
</script>
"""
WHOLE = IDLE.replace("import { getAnswer }", "import { getAnswer, addAnswer }").replace("    send() {},", """\
    async send() {
      const res = await addAnswer({ id: this.id, data: this.draft }).catch(() => null)
      if (res) uni.showToast({ title: 'ok' })
    },""")
TAGS_ONLY = WHOLE.replace("data: this.draft })", "tags: this.draft.tags })")


def _vue(app_repo, head: str) -> set[tuple[str, str, int]]:
    app_repo.write_files({"pages.json": '{"pages": [{"path": "pages/answer/answer"}]}\n',
                          "manifest.json": '{"name": "demo"}\n', f"{PAGE}.vue": IDLE,
                          "api/answers.js": API, "api/http.js": HTTP})
    start = app_repo.commit("an answer form that sends nothing")
    app_repo.write(f"{PAGE}.vue", head)
    app_repo.commit("it sends")
    return places(run(app_repo.path, start), "category")


def test_a_form_object_handed_whole_to_a_project_function_publishes_its_old_box(app_repo):
    assert _vue(app_repo, WHOLE) == {("category.ugc", f"{PAGE}.vue", 15)}


def test_a_project_function_handed_another_field_of_the_form_publishes_nothing_of_the_box(app_repo):
    assert _vue(app_repo, TAGS_ONLY) == set()


MARKUP = ('<view>\n<input value="{{draft.tags}}" bindinput="onTags"/>\n'
          '<textarea value="{{draft.body}}" bindinput="onBody"/>\n'
          '<button bindtap="send">提交</button>\n</view>\n')


def _change(app_repo, base: str, head: str) -> set[tuple[str, str, int]]:
    app_repo.write_files({f"{PAGE}.wxml": MARKUP, f"{PAGE}.js": base})
    start = app_repo.commit("an answer form")
    app_repo.write(f"{PAGE}.js", head)
    app_repo.commit("the form sends")
    return places(run(app_repo.path, start), "category")


LOADING = """Page({
  data: { draft: { tags: '', body: '' }, kinds: [] },
  onLoad() {
    wx.request({ url: 'https://api.example.com/kinds', method: 'POST', data: { group: 'answer' },
      success: (res) => this.setData({ kinds: res.data }) })
  },
  onTags(e) { this.setData({ 'draft.tags': e.detail.value }) },
  onBody(e) { this.setData({ 'draft.body': e.detail.value }) },
  send() { wx.showToast({ title: 'ok' }) },
})
"""
LOADING_POSTS = LOADING.replace("send() { wx.showToast({ title: 'ok' }) },", """send() {
    wx.request({ url: 'https://api.example.com/answers', method: 'POST',
      data: { body: this.data.draft.body } })
  },""")
TAGS_SENT = LOADING.replace("data: { group: 'answer' }", "data: { tags: this.data.draft.tags }")
TAGS_SENT_POSTS = TAGS_SENT.replace("send() { wx.showToast({ title: 'ok' }) },", """send() {
    wx.request({ url: 'https://api.example.com/answers', method: 'POST', data: { body: this.data.draft.body } })
  },""")


def test_a_page_whose_requests_sent_none_of_its_form_sent_data_before_as_any_page(app_repo):
    assert _change(app_repo, LOADING, LOADING_POSTS) == set()


def test_a_page_whose_request_sent_another_field_of_its_form_did_not_send_the_box(app_repo):
    assert ("category.ugc", f"{PAGE}.js", 10) in _change(app_repo, TAGS_SENT, TAGS_SENT_POSTS)
