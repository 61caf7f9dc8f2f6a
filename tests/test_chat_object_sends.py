"""A conversation page whose message goes out through an object no reader follows (an API object a plugin installs
on every component, ``this.$api.group.sendMessage(text)``; a member of the App; a service a hook hands the page) is a
chat between users all the same: told once at that call. Customer service and bots, a page that only receives, a
feedback form, the page's own method that only pushes to a local list and a chat that sent before stay silent."""

from __future__ import annotations

import pytest

from helpers import places, run

UNI = {
    "pages.json": '{\n  "pages": [{"path": "pages/index/index"}, {"path": "pages/group/chat"},\n'
                  '    {"path": "pages/kefu/chat"}, {"path": "pages/message/feedback"}]\n}\n',
    "manifest.json": '{\n  "name": "school",\n  "mp-weixin": { "appid": "wx1" }\n}\n',
    "App.vue": "<script>\nexport default {}\n</script>\n",
    "main.js": "import Vue from 'vue'\nimport App from './App.vue'\nimport apiPlugin from './plugins/api'\n"
               "Vue.use(apiPlugin)\nconst app = new Vue({ ...App })\napp.$mount()\n",
    "plugins/api.js": "import group from '../services/group'\nimport ai from '../services/ai'\n"
                      "export default { install(Vue) { Vue.prototype.$api = { group, ai } } }\n",
    "services/group.js": "const base = 'https://school.example.com'\n"
                         "const say = (text) => new Promise((resolve) => uni.request({ url: base + '/group/say',\n"
                         "  method: 'POST', data: { text }, success: resolve }))\n"
                         "export default { say }\n",
    "services/ai.js": "export default { ask: (text) => uni.request({ url: 'https://school.example.com/ai', data: { text } }) }\n",
    "pages/index/index.vue": "<template><view>首页</view></template>\n",
}


def _page(call: str, method: str = "sendMessage", own: str = "") -> str:
    return f"""<template>
  <view>
    <view v-for="item in messages" :key="item.id">{{{{ item.text }}}}</view>
    <input v-model="inputMessage" placeholder="输入消息" @confirm="{method}" />
    <button @click="{method}">发送</button>
  </view>
</template>
<script>
export default {{
  data() {{ return {{ messages: [], inputMessage: '' }} }},
  methods: {{
    async {method}() {{
      {call}
      this.inputMessage = ''
    }},{own}
  }}
}}
</script>
"""


SEND = "const res = await this.$api.group.sendMessage(this.inputMessage)"
MOCK = "this.messages.push({ id: Date.now(), text: this.inputMessage })"


def _findings(repo, page: str, head: str, base: str | None = None) -> set[tuple[str, str, int]]:
    repo.write_files({**UNI, **({page: base} if base is not None else {})})
    start = repo.commit("base")
    repo.write(page, head)
    repo.commit("the chat page")
    report = run(repo.path, start)
    return places(report, "category") | places(report, "upload")


def test_a_group_chat_sends_its_typed_text_through_an_installed_api_object(repo):
    assert _findings(repo, "pages/group/chat.vue", _page(SEND), base=_page(MOCK)) == {
        ("upload.user_text", "pages/group/chat.vue", 13), ("category.ugc", "pages/group/chat.vue", 13)}


@pytest.mark.parametrize(("page", "head", "base"), [
    # the page sent through the same object before the change: a restyled chat is no new scene
    ("pages/group/chat.vue", _page(SEND).replace("输入消息", "说点什么"), _page(SEND)),
    # customer service: the operator reads it
    ("pages/kefu/chat.vue", _page(SEND), None),
    # a bot on a conversation page: the object names the assistant
    ("pages/group/chat.vue", _page(SEND.replace(".group.", ".ai.")), None),
    # a page that only receives: it loads the messages, it sends none
    ("pages/group/chat.vue", _page("this.messages = await this.$api.group.getMessages(this.inputMessage)"), None),
    # a feedback form on a message page: a private record for the operator
    ("pages/message/feedback.vue", _page("await this.$api.feedback.submit(this.inputMessage)", "submit"), None),
    # the page's own method, which only pushes to a local list: nothing leaves the page
    ("pages/group/chat.vue", _page("this.reply(this.inputMessage)", own=f"\n    reply(text) {{ {MOCK} }},"), None),
    # a callback the component is handed: its parent's handler sends
    ("pages/group/chat.vue", _page("this.$props.onSend(this.inputMessage)"), None),
    # the call sends something other than the typed text
    ("pages/group/chat.vue", _page("await this.$api.group.sendMessage({ type: 'read' })"), None),
])
def test_no_object_send_finding_without_new_text_to_other_users(repo, page, head, base):
    assert _findings(repo, page, head, base) == set()


def test_a_socket_room_is_told_once_at_its_socket_send(repo):
    room = _page("uni.sendSocketMessage({ data: JSON.stringify({ text: this.inputMessage }) })").replace(
        "methods: {", "onLoad() { uni.connectSocket({ url: 'wss://school.example.com/ws' }) },\n  methods: {")
    assert _findings(repo, "pages/group/chat.vue", room) == {
        ("upload.user_text", "pages/group/chat.vue", 14), ("category.ugc", "pages/group/chat.vue", 14)}


NATIVE_WXML = """<view>
  <view wx:for="{{list}}">{{item.content}}</view>
  <input value="{{content}}" bindinput="typed" />
  <button bindtap="send">发送</button>
</view>
"""
NATIVE_JS = """const app = getApp()
Page({
  data: { list: [], content: '' },
  typed(e) { this.setData({ content: e.detail.value }) },
  send() {
    app.services.talk.sendMsg({ to: this.data.peer, content: this.data.content })
  },
})
"""


def test_a_native_chat_sends_through_a_member_of_the_app(app_repo):
    app_repo.write_files({"app.json": '{\n  "pages": ["pages/index/index", "pages/chat/chat"]\n}\n'})
    start = app_repo.commit("base")
    app_repo.write_files({"pages/chat/chat.wxml": NATIVE_WXML, "pages/chat/chat.js": NATIVE_JS})
    app_repo.commit("private messages")
    report = run(app_repo.path, start)
    assert places(report, "category") | places(report, "upload") == {
        ("upload.user_text", "pages/chat/chat.js", 6), ("category.ugc", "pages/chat/chat.js", 6)}


TARO = {
    "package.json": '{"dependencies": {"@tarojs/taro": "3", "react": "18"}}\n',
    "src/app.config.ts": "export default { pages: ['pages/home/index', 'pages/chat/index'] }\n",
    "src/app.tsx": "export default function App({ children }) { return children }\n",
    "src/pages/home/index.tsx": "export default () => null\n",
}
TARO_PAGE = """import { useState } from 'react'
import { View, Input, Button } from '@tarojs/components'
import { useServices } from '../../hooks/services'

export default function Chat() {
  const services = useServices()
  const [text, setText] = useState('')
  const send = async () => {
    await services.chat.reply({ text })
    setText('')
  }
  return (
    <View>
      <Input value={text} onInput={(e) => setText(e.detail.value)} />
      <Button onClick={send}>发送</Button>
    </View>
  )
}
"""


@pytest.mark.parametrize(("page", "expected"), [
    ("src/pages/chat/index.tsx", {("upload.user_text", "src/pages/chat/index.tsx", 9),
                                  ("category.ugc", "src/pages/chat/index.tsx", 9)}),
    ("src/pages/kefu/index.tsx", set()),  # customer service
])
def test_a_taro_chat_sends_through_a_service_a_hook_hands_it(repo, page, expected):
    repo.write_files({**TARO, "src/hooks/services.ts": "export const useServices = () => (globalThis as any).services\n",
                      "src/app.config.ts": TARO["src/app.config.ts"].replace("pages/chat/index", page[4:-4])})
    start = repo.commit("base")
    repo.write(page, TARO_PAGE)
    repo.commit("chat")
    assert places(run(repo.path, start), "category") | places(run(repo.path, start), "upload") == expected


@pytest.mark.parametrize("entry", [
    "import Vue from 'vue'\nimport api from './api/index'\nVue.prototype.$api = api\n",
    "import { createSSRApp } from 'vue'\nimport api from './api/index'\n"
    "export function createApp() {\n  const app = createSSRApp({})\n  app.config.globalProperties.$api = api\n"
    "  return { app }\n}\n",
])
def test_a_global_property_the_vue_entry_sets_is_followed_to_its_module(repo, entry):
    repo.write_files({**UNI, "main.js": entry, "api/index.js": (
        "export function sendMessage(text) {\n"
        "  return uni.request({ url: 'https://school.example.com/group/msg', method: 'POST', data: { text } })\n}\n")})
    start = repo.commit("base")
    repo.write("pages/group/chat.vue", _page("await this.$api.sendMessage(this.inputMessage)"))
    repo.commit("chat")
    report = run(repo.path, start)
    assert places(report, "category") | places(report, "upload") == {
        ("upload.user_text", "pages/group/chat.vue", 13), ("category.ugc", "pages/group/chat.vue", 13)}
    sent = next(f for f in report.findings if f.rule == "category.ugc")
    assert "wx.request" in (sent.value or "")  # the module's request, not a guess from the call's name


IM_PAGE = """import TIM from 'tim-wx-sdk'
const tim = getApp().globalData.tim
Page({
  data: { draft: '' },
  onInput(e) { this.setData({ draft: e.detail.value }) },
  send() {
    const message = tim.createTextMessage({ to: this.data.peer, conversationType: TIM.TYPES.CONV_C2C,
      payload: { text: this.data.draft } })
    tim.sendMessage(message).then(() => this.setData({ draft: '' }))
  }
})
"""


def test_a_chat_through_an_im_sdk_is_left_to_its_own_analyzer(app_repo):
    app_repo.write_files({"app.json": '{\n  "pages": ["pages/index/index", "pages/chat/chat"]\n}\n',
                          "package.json": '{"dependencies": {"tim-wx-sdk": "^2"}}\n'})
    start = app_repo.commit("base")
    app_repo.write_files({"pages/chat/chat.wxml": NATIVE_WXML.replace("content", "draft"),
                          "pages/chat/chat.js": IM_PAGE})
    app_repo.commit("chat through the SDK")
    report = run(app_repo.path, start)
    assert places(report, "category") | places(report, "upload") == {
        ("upload.user_text", "pages/chat/chat.js", 9), ("category.ugc", "pages/chat/chat.js", 9)}
