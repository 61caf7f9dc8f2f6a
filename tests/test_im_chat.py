"""Chat between users through an instant-messaging SDK (checks/im_sdks.yml) is user-generated content: a page the
change makes send a message through one, in an app that sent none before, needs the content check (upload.user_text)
and the social category with the UGC declaration (category.ugc). Logging in or listing conversations, customer
service, an SDK file copied in with no page sending, a name the app defines itself and an old chat do not."""

from __future__ import annotations

import pytest
from msgspec.structs import replace

from analyzer_context import project_context
from helpers import places, run
from mp_precheck.analyzers import im_chat
from mp_precheck.core.imsdks import im_sdks
from mp_precheck.readers.imsends import im_sends
from mp_precheck.readers.sdkhosts import vendored_hosts

APP = {"app.json": '{"pages": ["pages/index/index", "pages/talk/talk"]}\n', "pages/index/index.js": "Page({})\n",
       "pages/index/index.wxml": "<view>home</view>\n"}
# A LeanCloud-style vendored build: its own code sends and builds messages (never the app's page).
VENDORED = "!function(e){var t=e.conversation;t.send(new TextMessage('x'));var u='https://api.example.org/2/route'}(this)\n"
LEAN_APP = "const { Realtime } = require('./libs/realtime.weapp.min.js')\nApp({ realtime: new Realtime({ appId: 'a' }) })\n"
LEAN_PAGE = """const { TextMessage } = require('../../libs/realtime.weapp.min.js')
const realtime = getApp().realtime
Page({
  onLoad(query) {
    realtime.createIMClient(query.me).then(function (me) {
      return me.createConversation({ members: [query.peer], unique: true })
    }).then(function (conversation) {
      return conversation.send(new TextMessage('hello'))
    }).catch(console.error)
  }
})
"""
TALK_WXML = '<view>\n  <input value="{{draft}}" bindinput="onInput" />\n  <button bindtap="send">send</button>\n</view>\n'
TIM_PAGE = """import TIM from 'tim-wx-sdk'
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


def _found(context) -> set[tuple[str, str, str, int]]:
    return {(f.rule, f.subject, f.path, f.line) for f in im_chat.analyze(context, [])}


def test_a_page_sending_through_a_vendored_sdk_is_a_chat_told_at_the_chain_that_sends():
    context = project_context({**APP, "app.js": LEAN_APP, "libs/realtime.weapp.min.js": VENDORED,
                               "pages/talk/talk.wxml": "<view>talk</view>\n", "pages/talk/talk.js": LEAN_PAGE},
                              changed=["pages/talk/talk.js", "pages/talk/talk.wxml"])
    assert _found(context) == {("upload.user_text", "ugc:chat", "pages/talk/talk.js", 5),
                               ("category.ugc", "ugc:chat", "pages/talk/talk.js", 5)}


def test_the_typed_text_sent_through_an_installed_sdk_is_told_at_the_send_with_its_box():
    files = {**APP, "app.js": "App({ globalData: {} })\n", "package.json": '{"dependencies": {"tim-wx-sdk": "^2"}}\n',
             "pages/talk/talk.wxml": TALK_WXML, "pages/talk/talk.js": TIM_PAGE}
    context = project_context(files, changed=["pages/talk/talk.js", "pages/talk/talk.wxml"])
    assert _found(context) == {("upload.user_text", "<input>", "pages/talk/talk.js", 9),
                               ("category.ugc", "ugc:chat", "pages/talk/talk.js", 9)}


def test_a_page_sending_through_a_project_wrapper_of_the_sdk_is_told_at_its_call():
    wrapper = ("import NIM from './NIM_Web_NIM_weixin_v9.js'\nconst nim = NIM.getInstance({ appKey: 'k' })\n"
               "export function sendWords(to, text) {\n  return nim.sendText({ scene: 'p2p', to, text })\n}\n")
    page = ("import { sendWords } from '../../utils/im'\nPage({\n  send() {\n"
            "    sendWords(this.data.peer, this.data.draft)\n  }\n})\n")
    context = project_context({**APP, "app.js": "App({})\n", "utils/im.js": wrapper,
                               "pages/talk/talk.wxml": TALK_WXML, "pages/talk/talk.js": page},
                              changed=["pages/talk/talk.js"])
    assert _found(context) == {("upload.user_text", "<input>", "pages/talk/talk.js", 4),
                               ("category.ugc", "ugc:chat", "pages/talk/talk.js", 4)}


LOGIN_ONLY = """import TIM from 'tim-wx-sdk'
const tim = getApp().globalData.tim
Page({
  onLoad() { tim.login({ userID: 'me', userSig: 's' }).then(() => tim.getConversationList()) }
})
"""
KEFU = TIM_PAGE.replace("this.data.peer", "'kefu_01'")
OWN_NAMES = """function createTextMessage(text) { return { text } }
Page({
  send() { wx.sendSocketMessage({ data: JSON.stringify(createTextMessage(this.data.draft)) }) },
  sendMessage(message) { this.socket.sendMessage(message) },
  go() { this.sendMessage(createTextMessage('hi')) },
  sendText() { this.sendText() }
})
"""


@pytest.mark.parametrize(("path", "script", "extra"), [
    # the SDK only logs in and lists conversations: nothing is sent
    ("pages/talk/talk.js", LOGIN_ONLY, {}),
    # a chat with customer service, by the page's path or the counterpart the message goes to
    ("pages/kefu/talk.js", TIM_PAGE, {}),
    ("pages/talk/talk.js", KEFU, {}),
    # the project's own functions named like an SDK's, in an app holding no IM SDK
    ("pages/talk/talk.js", OWN_NAMES, {"package.json": '{"dependencies": {"dayjs": "^1"}}\n'}),
    # a direct method of the SDK's name called on the page's own object
    ("pages/talk/talk.js", OWN_NAMES, {"package.json": '{"dependencies": {"nim-web-sdk-ng": "^10"}}\n'}),
])
def test_no_chat_without_a_message_sent_to_another_user(path, script, extra):
    stem = path.rsplit(".", 1)[0]
    context = project_context({**APP, "app.js": "App({})\n", "package.json": '{"dependencies": {"tim-wx-sdk": "^2"}}\n',
                               **extra, f"{stem}.wxml": TALK_WXML, path: script}, changed=[path])
    assert _found(context) == set()


def test_an_sdk_copied_in_with_no_page_sending_is_no_chat(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"libs/realtime.weapp.min.js": VENDORED, "app.js": LEAN_APP})
    app_repo.commit("vendor the SDK")
    assert places(run(app_repo.path, base), "category") == set()


def test_a_chat_the_app_had_before_is_no_new_scene(app_repo):
    app_repo.write_files({"package.json": '{"dependencies": {"tim-wx-sdk": "^2"}}\n', "app.json": APP["app.json"],
                          "pages/talk/talk.wxml": TALK_WXML, "pages/talk/talk.js": TIM_PAGE})
    base = app_repo.commit("chat")
    app_repo.write_files({"pages/group/group.wxml": TALK_WXML, "pages/group/group.js": TIM_PAGE,
                          "app.json": '{"pages": ["pages/index/index", "pages/talk/talk", "pages/group/group"]}\n'})
    app_repo.commit("group chat")
    assert places(run(app_repo.path, base), "category") == set()


def test_a_new_chat_is_told_through_the_whole_run(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"package.json": '{"dependencies": {"tim-wx-sdk": "^2"}}\n', "app.json": APP["app.json"],
                          "pages/talk/talk.wxml": TALK_WXML, "pages/talk/talk.js": TIM_PAGE})
    app_repo.commit("chat")
    report = run(app_repo.path, base)
    assert places(report, "category") == {("category.ugc", "pages/talk/talk.js", 9)}
    assert ("upload.user_text", "pages/talk/talk.js", 9) in places(report, "upload")


def test_the_base_of_a_changed_page_decides_whether_it_sent_before():
    files = {**APP, "app.js": "App({})\n", "package.json": '{"dependencies": {"tim-wx-sdk": "^2"}}\n',
             "pages/talk/talk.wxml": TALK_WXML, "pages/talk/talk.js": TIM_PAGE}
    context = project_context(files, changed=["pages/talk/talk.js"], base={"pages/talk/talk.js": TIM_PAGE})
    old = replace(context, read_base=lambda path: TIM_PAGE if path == "pages/talk/talk.js" else None)
    assert _found(old) == set()
    assert len(_found(replace(context, read_base=lambda path: LOGIN_ONLY))) == 2


def test_a_send_the_chain_does_not_return_is_told_at_its_own_line():
    text = ("upload(file).then((res) => {\n  const m = tim.createImageMessage({ to, payload: { file: res } })\n"
            "  tim.sendMessage(m)\n})\n")
    assert [(s.line, s.callee) for s in im_sends(text, "a.js", im_sdks())] == [(3, "tim.sendMessage")]


def test_an_im_sdk_file_keeps_the_hosts_its_vendor_documents():
    text = "!function(){function r(){return http.get('https://app-router.leancloud.cn/2/route')}wx.request({})}()\n"
    assert [f.subject for f in vendored_hosts(text, "libs/realtime.weapp.min.js").facts] == [
        "host:app-router.leancloud.cn"]
    assert vendored_hosts(text, "libs/other.min.js").facts == ()


def test_a_send_an_arrow_hands_to_the_chain_is_told_at_its_head():
    text = ("import { TextMessage } from 'leancloud-realtime'\nclient\n  .createConversation({ members })\n"
            "  .then((c) => c.send(new TextMessage(text)))\n")
    assert [(s.line, s.call_line) for s in im_sends(text, "a.ts", im_sdks())] == [(2, 4)]
