"""Chat between users over a WebSocket: a page that sends what its text box holds over the socket task it opens
(``task.send``) and lists the messages it receives is a conversation (category.ugc), whatever its path says, in
every framework; a socket for order status, for a bot or customer service, or one that sends no typed text is
none. A socket opened to the app's own request server (its base with the scheme swapped) is a new socket all
the same: socket合法域名 is a list of its own, so the request host must be added there too."""

from __future__ import annotations

import pytest

from helpers import places, run
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.checklist import checklist
from test_frameworks import TARO_BASE, UNI_BASE

CONFIG = "export const BASE_URL = 'https://api.shop-example.cn'\n"


def _uni_page(url: str = "BASE_URL.replace('http', 'ws') + '/ws'", content: str = "content: this.text",
              handler: str = "this.list.push(JSON.parse(res.data))") -> str:
    return f"""<template>
  <view>
    <view v-for="m in list" :key="m.id">{{{{ m.content }}}}</view>
    <input v-model="text" placeholder="说点什么" @confirm="send" />
  </view>
</template>
<script>
import {{ BASE_URL }} from '@/utils/config.js'
export default {{
  data() {{ return {{ text: '', list: [], task: null }} }},
  onLoad() {{ this.open() }},
  methods: {{
    open() {{
      this.task = uni.connectSocket({{ url: {url} }})
      this.task.onMessage((res) => {{ {handler} }})
    }},
    send() {{
      const msg = {{ to: this.peer, {content} }}
      this.task.send({{ data: JSON.stringify(msg) }})
    }}
  }}
}}
</script>
"""


def _uni(repo, page: str, text: str, base_page: str | None = None):
    pages = '{"pages": [{"path": "pages/index/index"}, {"path": "pages/me/me"}, {"path": "pages/assistant/index"}]}'
    repo.write_files({**UNI_BASE, "src/pages.json": pages, "src/utils/config.js": CONFIG,
                      "src/pages/index/index.vue": "<script>\nimport { BASE_URL } from '@/utils/config.js'\n"
                                                   "export default { onLoad() { uni.request({ url: BASE_URL }) } }\n"
                                                   "</script>\n",
                      **({page: base_page} if base_page else {})})
    base = repo.commit()
    repo.write(page, text)
    repo.commit()
    return run(repo.path, base)


def test_typed_text_sent_over_the_pages_socket_task_is_chat_between_users(repo):
    report = _uni(repo, "src/pages/me/me.vue", _uni_page())
    assert places(report, "category") == {("category.ugc", "src/pages/me/me.vue", 14)}
    assert ("upload.user_text", "src/pages/me/me.vue", 14) in places(report, "upload")


def test_a_socket_to_the_request_server_by_its_scheme_needs_the_socket_list(repo):
    report = _uni(repo, "src/pages/me/me.vue", _uni_page())
    assert ("external_link.socket", "src/pages/me/me.vue", 14) in places(report, "external_link")
    items = checklist(report, load_catalog())
    assert [i.kind for i in items if i.kind.startswith("domain")] == ["domain_api_socket"]


def test_a_socket_the_app_had_before_on_its_request_server_is_not_new(repo):
    report = _uni(repo, "src/pages/me/me.vue", _uni_page(url="BASE_URL.replace('https', 'wss') + '/chat'"),
                  _uni_page())
    assert not {p for p in places(report, "external_link") if p[0] == "external_link.socket"}


def test_a_socket_of_its_own_address_still_needs_the_socket_list(repo):
    report = _uni(repo, "src/pages/me/me.vue", _uni_page(url="'wss://push.shop-example.cn/ws'"))
    assert ("external_link.socket", "src/pages/me/me.vue", 14) in places(report, "external_link")


@pytest.mark.parametrize(("page", "text", "base_page"), [
    # order-status push: the socket sends the position, never what the box holds
    ("src/pages/me/me.vue", _uni_page(content="lat: this.latitude"), None),
    # the received messages go nowhere the page lists (a status badge): no conversation
    ("src/pages/me/me.vue", _uni_page(handler="this.status = JSON.parse(res.data).status"), None),
    # a bot answers the user: the operator's assistant, not another user
    ("src/pages/assistant/index.vue", _uni_page(), None),
    # the page chatted over its socket before the change
    ("src/pages/me/me.vue", _uni_page(url="'wss://chat.shop-example.cn/ws'"), _uni_page()),
])
def test_no_socket_chat_without_typed_text_to_other_users(repo, page, text, base_page):
    assert places(_uni(repo, page, text, base_page), "category") == set()


NATIVE_JS = """const { BASE_URL } = require('../../utils/config')
Page({
  data: { draft: '', messages: [] },
  onLoad() {
    this.socketTask = wx.connectSocket({ url: `${BASE_URL.replace(/^http/, 'ws')}/chat` })
    this.socketTask.onMessage(this.onReceive)
  },
  onReceive(res) { this.setData({ messages: this.data.messages.concat(JSON.parse(res.data)) }) },
  onInput(e) { this.setData({ draft: e.detail.value }) },
  send() { this.socketTask.send({ data: JSON.stringify({ content: this.data.draft }) }) },
})
"""
NATIVE_WXML = """<view wx:for="{{messages}}">{{item.content}}</view>
<input value="{{draft}}" bindinput="onInput" />
<button bindtap="send">发送</button>
"""


def test_a_native_chat_page_sending_on_its_socket_task(app_repo):
    app_repo.write("utils/config.js", "module.exports = { BASE_URL: 'https://api.shop-example.cn' }\n")
    app_repo.write("pages/index/index.js", "const { BASE_URL } = require('../../utils/config')\n"
                                           "Page({ onLoad() { wx.request({ url: BASE_URL + '/home' }) } })\n")
    base = app_repo.commit("base")
    app_repo.write_files({"pages/chat/index.js": NATIVE_JS, "pages/chat/index.wxml": NATIVE_WXML,
                          "app.json": '{"pages": ["pages/index/index", "pages/me/me", "pages/chat/index"]}\n'})
    app_repo.commit("chat")
    report = run(app_repo.path, base)
    assert places(report, "category") == {("category.ugc", "pages/chat/index.js", 5)}
    assert ("external_link.socket", "pages/chat/index.js", 5) in places(report, "external_link")


TARO_PAGE = """import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { Input, View } from '@tarojs/components'
import { BASE_URL } from '../../config'

function wsUrl() {
  return BASE_URL.replace(/^https/, 'wss') + '/ws'
}

export default function Room() {
  const [text, setText] = useState('')
  const [messages, setMessages] = useState([])
  const socket = useRef(null)
  const open = () => Taro.connectSocket({ url: wsUrl() }).then((task) => {
    socket.current = task
    task.onMessage((res) => setMessages((list) => [...list, JSON.parse(res.data)]))
  })
  const send = () => socket.current.send({ data: JSON.stringify({ content: text }) })
  return <View onClick={open}>
    {messages.map((m) => <View key={m.id}>{m.content}</View>)}
    <Input value={text} onInput={(e) => setText(e.detail.value)} onConfirm={send} />
  </View>
}
"""


def test_a_taro_page_sending_typed_text_on_its_socket(repo):
    repo.write_files({**TARO_BASE, "src/config.ts": CONFIG,
                      "src/pages/index/index.tsx": "import Taro from '@tarojs/taro'\nimport { BASE_URL } from "
                                                   "'../../config'\nexport default () => Taro.request({ url: BASE_URL"
                                                   " })\n"})
    base = repo.commit()
    repo.write("src/pages/me/index.tsx", TARO_PAGE)
    repo.commit()
    report = run(repo.path, base)
    assert places(report, "category") == {("category.ugc", "src/pages/me/index.tsx", 18)}
    assert {p for p in places(report, "external_link") if p[0] == "external_link.socket"}
