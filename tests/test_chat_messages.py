"""A chat between users is user-generated content: a conversation page whose text box (or picked file) the
change starts sending to another user needs the content check (upload family) and the social category with the
UGC declaration (category.ugc); customer service, a search box, a list that only reads and an old chat do not."""

from __future__ import annotations

import pytest

from helpers import places, run

REQUEST = """export default function request(url, options = {}) {
  return new Promise((resolve) => wx.request({ url: 'https://api.example.com' + url, method: options.method,
    data: options.data, success: resolve }))
}
"""
CHAT_WXML = """<view class="chat">
  <scroll-view scroll-y><view wx:for="{{messages}}">{{item.content}}</view></scroll-view>
  <input
    type="text"
    value="{{inputValue}}"
    bindinput="onInput"
    confirm-type="send"
  />
  <button bindtap="send">发送</button>
</view>
"""


def _chat_js(send_url: str, method: str = "POST") -> str:
    return ("import request from '../../utils/request'\nPage({\n  data: { inputValue: '' },\n"
            "  load() { request('/im/history', { method: 'GET' }) },\n"
            "  onInput(e) { this.setData({ inputValue: e.detail.value }) },\n"
            f"  send() {{ request('{send_url}', {{ method: '{method}', data: {{ content: this.data.inputValue }} }}) }}\n"
            "})\n")


def _chat_findings(app_repo, page: str, wxml: str, script: str, base_files: dict[str, str] | None = None):
    app_repo.write_files({"utils/request.js": REQUEST, **(base_files or {})})
    base = app_repo.commit("base")
    app_repo.write_files({f"{page}.wxml": wxml, f"{page}.js": script})
    app_repo.commit("the page")
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload")


def test_a_new_private_message_page_sends_user_text_to_another_user(app_repo):
    assert _chat_findings(app_repo, "pages/chat/index", CHAT_WXML, _chat_js("/im/send")) == {
        ("upload.user_text", "pages/chat/index.js", 6), ("category.ugc", "pages/chat/index.js", 6)}


@pytest.mark.parametrize(("page", "wxml", "script"), [
    # customer service: the operator is the counterpart, not another user
    ("pages/kefu/chat", CHAT_WXML, _chat_js("/im/send")),
    # a conversation list that only loads
    ("pages/chat/index", CHAT_WXML, _chat_js("/im/history", "GET")),
    # a search box on a message page: it sends nothing that names a message
    ("pages/message/index", CHAT_WXML, _chat_js("/search")),
    # a number box (a red-packet amount) is no text box
    ("pages/chat/index", CHAT_WXML.replace('type="text"', 'type="digit"'), _chat_js("/im/send")),
    # a feedback form to the operator is no conversation
    ("pages/feedback/index", CHAT_WXML, _chat_js("/feedback/send")),
])
def test_no_chat_finding_without_a_message_sent_to_another_user(app_repo, page, wxml, script):
    assert _chat_findings(app_repo, page, wxml, script) == set()


def test_a_chat_that_sent_messages_before_the_change_is_no_new_scene(app_repo):
    old = {"pages/chat/index.wxml": CHAT_WXML.replace("发送", "Send"),
           "pages/chat/index.js": _chat_js("/im/send")}
    restyled = CHAT_WXML.replace('class="chat"', 'class="chat chat--dark"')
    assert _chat_findings(app_repo, "pages/chat/index", restyled, _chat_js("/im/send").replace("e.detail", "e?.detail"),
                          base_files=old) == set()


UNI = {
    "src/pages.json": '{\n  "pages": [{"path": "pages/index/index"}, {"path": "pages/talk/chat"}]\n}\n',
    "src/manifest.json": '{\n  "name": "club",\n  "mp-weixin": { "appid": "wx1" }\n}\n',
    "src/App.vue": "<script>\nexport default {}\n</script>\n",
    "src/pages/index/index.vue": "<template><view>首页</view></template>\n",
    "src/components/MyTextarea.vue": '<template><textarea :value="modelValue" @input="onInput"/></template>\n'
                                     "<script>\nexport default { props: ['modelValue'], methods: {\n"
                                     "  onInput(e) { this.$emit('update:modelValue', e.detail.value) } } }\n</script>\n",
    "src/models/message.ts": "import { Client } from './client'\nexport class Letter {\n"
                               "  static api = new Client('/chat')\n"
                               "  static async send(chatId: number, content: string) {\n"
                               "    return this.api.call({ method: 'POST', endpoint: `/message?to=${chatId}`, data: content })\n"
                               "  }\n}\n",
    "src/models/client.ts": "export class Client {\n  constructor(prefix) { this.prefix = prefix }\n"
                              "  call(options) { return uni.request({ url: this.prefix + options.endpoint, ...options }) }\n}\n",
}
CHAT_VUE = """<script setup lang="ts">
import { ref } from "vue";
import { Letter } from "@/models/message";
import MyTextarea from "@/components/MyTextarea.vue";
const text = ref("");
function onSend() {
  Letter.send(1, text.value);
}
</script>
<template>
  <view>
    <MyTextarea v-model="text" />
    <view @click="onSend">发送</view>
  </view>
</template>
"""


def test_a_chat_sends_through_a_model_class_method_of_another_module(repo):
    repo.write_files(UNI)
    base = repo.commit("base")
    repo.write("src/pages/talk/chat.vue", CHAT_VUE)
    repo.commit("chat page")
    report = run(repo.path, base)
    assert places(report, "category") | places(report, "upload") == {
        ("upload.user_text", "src/pages/talk/chat.vue", 7), ("category.ugc", "src/pages/talk/chat.vue", 7)}


def test_a_chat_send_through_a_package_is_no_evidence(repo):
    repo.write_files(UNI)
    base = repo.commit("base")
    repo.write("src/pages/talk/chat.vue", CHAT_VUE.replace("@/models/message", "some-im-sdk"))
    repo.commit("chat page")
    report = run(repo.path, base)
    assert places(report, "category") | places(report, "upload") == set()


OSS = """function putObject(options) { uni.request(options) }
export function uploadFile(file, folder, done = () => uni.showToast({ title: 'ok' })) {
  file.arrayBuffer().then((data) => putObject({ url: 'https://bucket.example.com/' + folder, method: 'PUT', data,
    success: done }))
}
"""
FILE_CHAT = """<template><view @click="sendFile">文件</view></template>
<script>
import { uploadFile } from '../../utils/oss.js'
export default {
  methods: {
    sendFile() {
      uni.chooseMessageFile({ count: 3, success: (res) => {
        for (const file of res.tempFiles) uploadFile(file, 'files/', (r) => this.$store.dispatch('sendMsg', r))
      } })
    },
  },
}
</script>
"""


@pytest.mark.parametrize(("page", "expected"), [
    ("src/pages/talk/chat.vue", {("upload.upload_file", "src/pages/talk/chat.vue", 8)}),
    ("src/pages/kefu/chat.vue", set()),  # customer service: the operator reads it
])
def test_files_picked_in_a_chat_go_up_through_a_project_upload_helper(repo, page, expected):
    repo.write_files({**UNI, "src/pages.json": UNI["src/pages.json"].replace("talk/chat", page[10:-4]),
                      "src/utils/oss.js": OSS})
    base = repo.commit("base")
    repo.write(page, FILE_CHAT)
    repo.commit("send files in chat")
    assert places(run(repo.path, base), "upload") == expected


ROOM_WXML = CHAT_WXML.replace('value="{{inputValue}}"', 'value="{{draft}}"')
ROOM_JS = """Page({
  data: { draft: '' },
  onLoad() {
    wx.connectSocket({ url: 'wss://chat.example.com/room' })
    wx.onSocketOpen(() => wx.sendSocketMessage({ data: JSON.stringify({ type: 'join', content: '进入了聊天室' }) }))
  },
  onInput(e) { this.setData({ draft: e.detail.value }) },
  send() {
    wx.sendSocketMessage({ data: JSON.stringify({ type: 'text', content: this.data.draft }) })
  },
})
"""


def test_a_chat_room_sends_the_typed_text_to_everyone_over_its_socket(app_repo):
    assert _chat_findings(app_repo, "pages/chat/room", ROOM_WXML, ROOM_JS) == {
        ("upload.user_text", "pages/chat/room.js", 9), ("category.ugc", "pages/chat/room.js", 9)}


@pytest.mark.parametrize(("page", "script", "base_files"), [
    # only the room's own join notice goes over the socket: the typed text is not sent
    ("pages/chat/room", ROOM_JS.replace("content: this.data.draft", "content: 'ping'"), None),
    # a customer-service desk over a socket: the operator is the counterpart
    ("pages/kefu/chat", ROOM_JS, None),
    # the room sent messages over its socket before the change
    ("pages/chat/room", ROOM_JS.replace("'text'", "'txt'"),
     {"pages/chat/room.wxml": ROOM_WXML, "pages/chat/room.js": ROOM_JS}),
])
def test_no_socket_chat_finding_without_new_user_text_to_other_users(app_repo, page, script, base_files):
    assert _chat_findings(app_repo, page, ROOM_WXML, script, base_files) == set()
