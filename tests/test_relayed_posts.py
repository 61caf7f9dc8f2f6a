"""Comments and room chat whose text box is not where the post is (analyzers/relayed_posts.py): a component's
box text emitted to the page's handler that posts it, a list item's field a new post carries, a room's socket
send of an input bar's text; a search bar, a login form, feedback to the operator and a box nothing sends stay
silent."""

from __future__ import annotations

import pytest

from analyzer_context import project_context
from mp_precheck.analyzers import relayed_posts
from mp_precheck.readers.relay import emitted, handler_params, tag_events

PAGES = '{"pages": [{"path": "pages/detail/detail"}]}\n'
MANIFEST = '{"name": "demo", "mp-weixin": {"appid": ""}}\n'  # with pages.json: a uni-app project (easycom)
POPUP = """<template>
  <view>
    <textarea v-model="content" placeholder="说点什么" />
    <button @click="send">发送</button>
  </view>
</template>
<script>
export default {
  data() { return { content: '' } },
  methods: {
    send() {
      this.$emit('send', this.content)
      this.content = ''
    }
  }
}
</script>
"""
API = """import http from './http.js'
export default {
  getDetail(id) { return http.get('/detail', { id }) },
  addReply(data) { return http.post('/thread/reply', data) },
}
"""
HTTP = "export default { get(u, d) { return uni.request({ url: u, data: d }) }, " \
       "post(u, d) { return uni.request({ url: u, data: d, method: 'POST' }) } }\n"
DETAIL = """<template>
  <view>
    <text>{{ detail.title }}</text>
    <note-popup ref="popup" @send="onSend"></note-popup>
  </view>
</template>
<script>
import api from '@/api/index.js'
export default {
  data() { return { detail: {} } },
  methods: {
    onSend(text) {
      const data = { id: this.detail.id, text }
      api.addReply(data).then(() => uni.showToast({ title: 'ok' }))
    }
  }
}
</script>
"""
BASE_DETAIL = DETAIL.replace(' @send="onSend"', "").replace(
    "      const data = { id: this.detail.id, text }\n      api.addReply(data).then(() => uni.showToast({ title: 'ok' }))\n",
    "")


def _findings(head: dict[str, str], base: dict[str, str]) -> set[tuple[str, str, int]]:
    common = {"pages.json": PAGES, "manifest.json": MANIFEST, "main.js": "import App from './App'\n", "api/index.js": API,
              "api/http.js": HTTP}
    context = project_context({**common, **head}, base={**common, **base}, changed=list(head))
    return {(f.rule, f.path, f.line) for f in relayed_posts.analyze(context, [])}


def test_a_components_emitted_box_text_posted_by_the_pages_handler_is_a_post():
    head = {"pages/detail/detail.vue": DETAIL, "components/note-popup/note-popup.vue": POPUP}
    base = {"pages/detail/detail.vue": BASE_DETAIL, "components/note-popup/note-popup.vue": POPUP}
    assert _findings(head, base) == {("upload.user_text", "pages/detail/detail.vue", 14),
                                     ("category.ugc", "pages/detail/detail.vue", 14)}


LIST = """<template>
  <view>
    <view v-for="(item, index) in list" :key="index">
      <text>{{ item.content }}</text>
      <uni-easyinput v-model="item.draft.body" placeholder="回复"></uni-easyinput>
      <text @click="reply(item)">回复</text>
    </view>
  </view>
</template>
<script setup>
import { ref } from 'vue'
import api from '../../api/index.js'
const list = ref([])
const reply = async (item) => {
  const params = { id: item.id, body: item.draft.body }
  await api.addReply(params)
}
</script>
"""


def test_a_list_items_field_carried_by_a_new_reply_is_a_post():
    base = LIST.replace("  await api.addReply(params)\n", "")
    assert _findings({"pages/detail/detail.vue": LIST}, {"pages/detail/detail.vue": base}) == {
        ("upload.user_text", "pages/detail/detail.vue", 16), ("category.ugc", "pages/detail/detail.vue", 16)}


BAR = """<template>
  <view>
    <input v-model="msg" confirm-type="send" @confirm="go" />
    <text @click="go">发送</text>
  </view>
</template>
<script>
export default {
  data() { return { msg: '' } },
  methods: { go() { this.$emit('send', this.msg); this.msg = '' } }
}
</script>
"""
SOCKET = """export default function useSocket(url) {
  let task = null
  const connect = () => { task = uni.connectSocket({ url }) }
  const sendMessage = (m) => { task.send({ data: JSON.stringify(m) }) }
  return { connect, sendMessage }
}
"""
ROOM = """<template>
  <view>
    <view v-for="m in list" :key="m.id">{{ m.content }}</view>
    <chat-bar @send="doSend" />
  </view>
</template>
<script setup>
import { ref } from 'vue'
import ChatBar from '../../components/chat-bar/chat-bar.vue'
import useSocket from '../../hooks/useSocket'
const { connect, sendMessage } = useSocket('wss://example.com/room')
const list = ref([])
const doSend = (msg) => {
  const params = { roomId: 1, content: msg }
  sendMessage(params)
}
</script>
"""


def test_a_rooms_socket_send_of_an_input_bars_text_is_chat():
    head = {"pages/detail/detail.vue": ROOM, "components/chat-bar/chat-bar.vue": BAR, "hooks/useSocket.js": SOCKET}
    base = {"pages/detail/detail.vue": ROOM.replace("  sendMessage(params)\n", "")}
    assert _findings(head, base) == {("upload.user_text", "pages/detail/detail.vue", 15),
                                     ("category.ugc", "pages/detail/detail.vue", 15)}


@pytest.mark.parametrize(("popup", "handler"), [
    # a search bar: its keyword goes to a search
    (POPUP.replace("<textarea v-model", '<input confirm-type="search" v-model'), "api.searchPosts(data)"),
    # a login form's account: no post
    (POPUP, "api.login(data)"),
    # feedback to the operator: a private record
    (POPUP, "api.addFeedback(data)"),
    # the popup emits nothing of its box
    (POPUP.replace("this.$emit('send', this.content)", "this.$emit('send')"), "api.addReply(data)"),
])
def test_no_post_where_the_relayed_text_is_no_public_post(popup, handler):
    page = DETAIL.replace("api.addReply(data)", handler)
    head = {"pages/detail/detail.vue": page, "components/note-popup/note-popup.vue": popup}
    base = {"pages/detail/detail.vue": BASE_DETAIL, "components/note-popup/note-popup.vue": popup}
    assert _findings(head, base) == set()


def test_what_a_component_emits_and_what_its_parent_receives():
    assert emitted(POPUP, "c.vue") == [(12, "send", frozenset({"content"}))]
    assert tag_events(DETAIL, 4) == {"send": "onSend"}
    assert tag_events('<view @click="go" bind:submit="onSubmit">', 1) == {"submit": "onSubmit"}
    assert handler_params(ROOM, "p.vue", "doSend") == (range(13, 17), frozenset({"msg"}))
    assert handler_params("const x = 1\n", "a.js", "doSend") is None


# A Taro page written in a .js file (its JSX its markup): a reply bar component calls the callback prop its page
# gave it with what its box holds; the page's handler posts that text (readers/relay.py ``_JSX_ON``, props calls).
TARO_APP = {"app.config.js": "export default { pages: ['pages/thread/index'] }\n",
            "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n', "app.js": "export default {}\n"}
REPLY_BAR = """import Taro, { Component } from '@tarojs/taro'
import { View, Input } from '@tarojs/components'

export default class ReplyBar extends Component {
  state = { draft: '' }
  keep = (e) => { this.setState({ draft: e.detail.value }) }
  done() { this.props.onReply(this.state.draft) }
  render() {
    return (
      <View>
        <Input value={this.state.draft} onInput={this.keep} />
        <View onClick={this.done.bind(this)}>回复</View>
      </View>
    )
  }
}
"""
THREAD = """import Taro, { Component } from '@tarojs/taro'
import { View } from '@tarojs/components'
import ReplyBar from '../../components/reply-bar/index'

export default class Thread extends Component {
  answer(words) {
    Taro.request({ url: '/thread/reply/add', method: 'POST', data: { id: this.state.id, words } })
  }
  render() {
    return (
      <View>
        <ReplyBar onReply={this.answer.bind(this)} />
      </View>
    )
  }
}
"""
BASE_THREAD = THREAD.replace(" onReply={this.answer.bind(this)}", "").replace(
    "    Taro.request({ url: '/thread/reply/add', method: 'POST', data: { id: this.state.id, words } })\n", "")


def _taro_findings(thread: str) -> set[tuple[str, str, int]]:
    common = {**TARO_APP, "components/reply-bar/index.js": REPLY_BAR}
    context = project_context({**common, "pages/thread/index.js": thread},
                              base={**common, "pages/thread/index.js": BASE_THREAD}, changed=["pages/thread/index.js"])
    return {(f.rule, f.path, f.line) for f in relayed_posts.analyze(context, [])}


def test_a_components_callback_prop_posted_by_the_pages_jsx_handler_is_a_post():
    assert _taro_findings(THREAD) == {("upload.user_text", "pages/thread/index.js", 7),
                                      ("category.ugc", "pages/thread/index.js", 7)}


def test_a_jsx_handler_that_posts_none_of_the_callbacks_text_is_silent():
    counted = THREAD.replace("data: { id: this.state.id, words }", "data: { id: this.state.id, seen: 1 }")
    assert not _taro_findings(counted)


def test_a_callback_prop_and_its_jsx_handler_are_read():
    assert emitted(REPLY_BAR, "components/reply-bar/index.js") == [(7, "onReply", frozenset({"state", "draft"}))]
    assert tag_events(THREAD, 12) == {"onReply": "answer"}
    assert tag_events("<View onClick={this.go} onTap={this.go} />\n", 1) == {}


BOARD = THREAD.replace("'/thread/reply/add'", "'/board/message/send'").replace(
    "  render() {", "  componentDidShow() {\n    Taro.request({ url: '/board/message/list' })\n  }\n  render() {")


def test_a_relayed_message_onto_a_board_the_page_lists_is_a_post():
    assert ("category.ugc", "pages/thread/index.js", 7) in _taro_findings(BOARD)


def test_a_relayed_message_onto_no_listed_board_is_silent():
    assert not _taro_findings(THREAD.replace("'/thread/reply/add'", "'/board/message/send'"))
