"""Generative AI a change newly offers (category.generative_ai): cloud development's AI extension
(``wx.cloud.extend.AI.createModel``, an agent's ``bot.sendMessage``) and a request to a public model service's API
(checks/model_services.yml). Each on a small real repository, with what must stay silent: a request to the app's own
server, a page whose text only names AI, a model the base app already called, an image URL on a vendor's host, the
agents' read-only calls and a model run on the phone."""

from __future__ import annotations

from helpers import run
from mp_precheck.facts.presence import needles
from mp_precheck.readers.jsfacts import js_facts
from mp_precheck.readers.modelservices import SUBJECT, check_model_services, model_hosts

RULE = "category.generative_ai"

# A recipe page asking cloud development's model for a menu from what the user has in the fridge.
RECIPE_JS = """Page({
  data: { fridge: '', menu: '' },
  async plan() {
    const model = wx.cloud.extend.AI.createModel('hunyuan-exp')
    const res = await model.generateText({
      data: { model: 'hunyuan-turbos-latest', messages: [{ role: 'user', content: this.data.fridge }] },
    })
    this.setData({ menu: res.choices[0].message.content })
  },
})
"""
# A Taro page whose helper chat goes to an agent through the bound cloud namespace.
HELPER_TSX = """import Taro from '@tarojs/taro'
const cloud = Taro.cloud
export default function Helper() {
  const ask = async (text: string) => {
    const res = await cloud.extend.AI.bot.sendMessage({ data: { botId: 'bot-1', msg: text } })
    for await (const piece of res.textStream) console.log(piece)
  }
  return null
}
"""
# A poem page posting the user's theme straight to a model vendor's chat API, its base URL in a constant.
POEM_JS = """const LLM_BASE = 'https://api.moonshot.cn/v1'
Page({
  write() {
    wx.request({
      url: LLM_BASE + '/chat/completions',
      method: 'POST',
      data: { model: 'moonshot-v1-8k', messages: [{ role: 'user', content: this.data.theme }] },
    })
  },
})
"""


APP_JSON = '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/recipe/recipe", "pages/write/write"]\n}\n'


def _head(repo) -> str:
    return str(repo.git("rev-parse", "HEAD"))


def _hits(report):
    return {(f.path, f.line, f.scope) for f in report.findings if f.rule == RULE}


def _subjects(source: str, path: str = "pages/a/a.js") -> list[tuple[str, int]]:
    return [(f.subject, f.line) for f in js_facts(source, path).facts
            if f.subject == SUBJECT or f.subject.startswith("wx.cloud.extend.AI.")]


def test_the_shipped_table_matches_its_schema():
    check_model_services()
    assert model_hosts()["api.deepseek.com"] == "deepseek"
    assert "dashscope.aliyuncs.com" in needles(SUBJECT)


def test_a_new_page_asking_cloud_development_s_model_is_told_once(app_repo):
    base = _head(app_repo)
    app_repo.write("app.json", APP_JSON)
    app_repo.write("pages/recipe/recipe.js", RECIPE_JS)
    app_repo.write("pages/recipe/recipe.wxml", "<textarea model:value=\"{{fridge}}\"/><text>{{menu}}</text>\n")
    app_repo.write("pages/write/write.js", RECIPE_JS.replace("plan()", "again()"))
    app_repo.write("pages/write/write.wxml", "<text>{{menu}}</text>\n")
    app_repo.commit("a recipe page")
    assert _hits(run(app_repo.path, base)) == {("pages/recipe/recipe.js", 4, "app")}


def test_a_model_the_base_app_already_called_is_nothing_new(app_repo):
    app_repo.write("pages/index/index.js", RECIPE_JS)
    base = app_repo.commit("the home page plans a menu")
    app_repo.write("pages/me/me.js", POEM_JS)
    app_repo.write("pages/me/plan.js", RECIPE_JS.replace("plan()", "replan()"))
    app_repo.commit("a poem and another plan")
    assert _hits(run(app_repo.path, base)) == set()


def test_a_request_to_a_model_vendor_s_api_is_told(app_repo):
    base = _head(app_repo)
    app_repo.write("pages/me/me.js", POEM_JS)
    app_repo.commit("a poem page")
    assert _hits(run(app_repo.path, base)) == {("pages/me/me.js", 1, "app")}


def test_the_app_s_own_api_and_text_naming_ai_stay_silent(app_repo):
    base = _head(app_repo)
    app_repo.write("pages/me/me.js", POEM_JS.replace("https://api.moonshot.cn/v1", "https://api.shop.example.com"))
    app_repo.write("pages/me/me.wxml", "<view>AI 智能推荐 · 人工智能为你挑选</view>\n")
    app_repo.write("pages/index/index.js", "Page({ onLoad() { wx.createInferenceSession({ model: '/m.onnx' }) } })\n")
    app_repo.commit("a recommendation page")
    assert _hits(run(app_repo.path, base)) == set()


def test_the_extension_s_calls_through_any_spelling_of_wx_cloud():
    assert _subjects(RECIPE_JS) == [("wx.cloud.extend.AI.createModel", 4)]
    assert ("wx.cloud.extend.AI.bot.sendMessage", 5) in _subjects(HELPER_TSX, "pages/helper/index.tsx")
    reads = "Page({ a() { wx.cloud.extend.AI.bot.list({}); wx.cloud.extend.AI.bot.get({ botId: 'b' }) } })\n"
    assert not [s for s, _l in _subjects(reads) if s.endswith(("createModel", "sendMessage"))]
    assert _subjects("Page({ a() { wx.cloud.extend.createModel('x'); ai.extend.AI.createModel('x') } })\n") == []


def test_a_model_host_only_as_an_image_or_a_link_is_no_request():
    assert _subjects(POEM_JS) == [(SUBJECT, 1)]
    shown = """Page({ data: { logo: 'https://api.openai.com/logo.png' },
  copy() { wx.setClipboardData({ data: 'https://api.deepseek.com/docs' }) } })
"""
    assert _subjects(shown) == []


# An assistant page posting the user's question to the app's own backend and showing the model's answers.
ASSISTANT_JS = """const api = require('../../utils/api')
function turn(role, content) { return { role, content } }
Page({
  data: { input: '', turns: [] },
  async send() {
    const question = this.data.input
    this.setData({ turns: this.data.turns.concat(turn('user', question)) })
    const res = await api.assistant.llm.ask({ message: question })
    this.setData({ turns: this.data.turns.concat(turn('assistant', res.answer)) })
  },
})
"""
ASSISTANT_WXML = '<view wx:for="{{turns}}">{{item.content}}</view>\n<input model:value="{{input}}"/>\n' \
                 '<button bindtap="send">发送</button>\n'
# The same through a request helper named for nothing, on a page whose path names AI; the model's turns as role 'ai'.
ASK_JS = """const { request } = require('../../utils/request')
Page({
  data: { messages: [] },
  ask(text) {
    request({ url: `/v2/llm/answer`, method: 'POST', data: { text } }).then((data) => {
      this.setData({ messages: this.data.messages.concat({ role: 'ai', content: data.reply }) })
    })
  },
})
"""


def _ai_app(app_repo, files: dict[str, str]) -> str:
    base = _head(app_repo)
    app_repo.write("app.json", '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/ai-helper/index"]\n}\n')
    app_repo.write("utils/api.js", "module.exports = { assistant: { llm: { ask: (d) => wx.request({ url: "
                                   "'https://api.shop.example.com/llm/answer', data: d }) } } }\n")
    app_repo.write("utils/request.js", "module.exports = { request: (o) => new Promise((ok) => wx.request({ ...o, "
                                       "url: 'https://api.shop.example.com' + o.url, success: (r) => ok(r.data) })) }\n")
    app_repo.write_files(files)
    app_repo.commit("an AI assistant page")
    return base


def test_a_chat_with_a_model_on_the_app_s_own_server_is_generative_ai(app_repo):
    base = _ai_app(app_repo, {"pages/ai-helper/index.js": ASSISTANT_JS, "pages/ai-helper/index.wxml": ASSISTANT_WXML})
    assert _hits(run(app_repo.path, base)) == {("pages/ai-helper/index.js", 8, "app")}


def test_a_page_whose_path_names_ai_asking_its_own_api_with_ai_turns(app_repo):
    base = _ai_app(app_repo, {"pages/ai-helper/index.js": ASK_JS, "pages/ai-helper/index.wxml": ASSISTANT_WXML})
    assert _hits(run(app_repo.path, base)) == {("pages/ai-helper/index.js", 5, "app")}


def test_an_ai_page_showing_no_answer_and_a_customer_service_chat_stay_silent(app_repo):
    recognise = ASSISTANT_JS.replace("api.assistant.llm.ask", "api.assistant.llm.recognize") \
        .replace("turn('assistant', res.answer)", "turn('user', res.label)")
    staff = ASSISTANT_JS.replace("const question", "const title = '在线客服'\n    const question")
    base = _ai_app(app_repo, {"pages/ai-helper/index.js": recognise, "pages/ai-helper/index.wxml": ASSISTANT_WXML,
                              "pages/me/me.js": staff, "pages/me/me.wxml": ASSISTANT_WXML})
    assert _hits(run(app_repo.path, base)) == set()


def test_an_own_server_chat_the_base_app_already_had_is_nothing_new(app_repo):
    app_repo.write("pages/me/me.js", ASSISTANT_JS.replace("api.assistant", "require('../../utils/api').assistant"))
    base = app_repo.commit("the me page already chats")
    app_repo.write("pages/index/index.js", ASSISTANT_JS.replace("api.assistant", "require('../../utils/api').assistant"))
    app_repo.commit("the home page chats too")
    assert _hits(run(app_repo.path, base)) == set()


def test_reading_or_keeping_the_conversation_asks_no_model(app_repo):
    history = """const { loadChatLog } = require('../../utils/llm/talk')
Page({
  data: { turns: [] },
  async onLoad() {
    const old = await loadChatLog()
    const chatLog = []
    chatLog.push({ role: 'assistant', content: old.last })
    this.setData({ turns: chatLog })
  },
})
"""
    base = _ai_app(app_repo, {"pages/ai-helper/index.js": history, "pages/ai-helper/index.wxml": ASSISTANT_WXML})
    assert _hits(run(app_repo.path, base)) == set()
    sent = history.replace("chatLog.push", "chatLog.push(await postChat(old.last))\n    chatLog.push")
    app_repo.write("pages/ai-helper/index.js", sent)
    app_repo.commit("the page asks too")
    assert _hits(run(app_repo.path, base)) == {("pages/ai-helper/index.js", 7, "app")}


# A mock AI chat page: its "send" appends a canned reply through the page's own methods; nothing leaves the phone.
CANNED_JS = """const REPLY = '我会尽力帮你！'
function message(role, text) { return { id: Date.now(), role, text } }
Page({
  data: { draft: '', messages: [], title: '你的AI助手' },
  addTurn(text) {
    const latest = [message('user', text), message('assistant', REPLY)]
    this.setData({ messages: this.data.messages.concat(latest), draft: '' }, () => this.scrollToLatest())
  },
  scrollToLatest() { wx.pageScrollTo({ scrollTop: 99999 }) },
  sendText() {
    const value = this.data.draft.trim()
    if (!value) return wx.showToast({ title: '请输入内容', icon: 'none' })
    this.addTurn(value)
  },
})
"""


def test_a_chat_page_whose_own_methods_only_show_a_canned_reply_asks_no_model(app_repo):
    """The asking call ``this.addTurn(value)`` is a method of the page whose body, and the page's
    functions it calls, send nothing: no model is asked. The same method posting the text to the app's server
    asks one, at the request."""
    base = _ai_app(app_repo, {"pages/ai-helper/index.js": CANNED_JS, "pages/ai-helper/index.wxml": ASSISTANT_WXML})
    assert _hits(run(app_repo.path, base)) == set()
    sent = CANNED_JS.replace("    const latest", "    wx.request({ url: 'https://api.shop.example.com/ai/chat', "
                                               "data: { text } })\n    const latest")
    app_repo.write("pages/ai-helper/index.js", sent)
    app_repo.commit("the canned reply is asked of the server")
    assert _hits(run(app_repo.path, base)) == {("pages/ai-helper/index.js", 6, "app")}


# A tutor page streaming the answer of the app's own server to the user's question; the path is joined to the base
# with ``+`` (no template, no literal URL), the answers are the AI's turns.
TUTOR_JS = """const { SERVER } = require('../../utils/config')
Page({
  data: { draft: '', turns: [{ role: 'ai', text: '你好，有什么问题？' }] },
  send() {
    const question = this.data.draft
    const turns = this.data.turns.concat({ role: 'user', text: question }, { role: 'ai', text: '' })
    this.setData({ turns, draft: '' })
    const task = wx.request({ url: SERVER + '/tutor/chat/stream', enableChunked: true, data: { q: question } })
    task.onChunkReceived((res) => this.grow(res.data))
  },
  grow(piece) { console.log(piece) },
})
"""


def test_an_own_server_chat_whose_path_is_joined_to_its_base_is_generative_ai(app_repo):
    base = _ai_app(app_repo, {"utils/config.js": "module.exports = { SERVER: 'https://api.shop.example.com' }\n",
                              "pages/index/index.js": TUTOR_JS, "pages/index/index.wxml": ASSISTANT_WXML})
    assert _hits(run(app_repo.path, base)) == {("pages/index/index.js", 8, "app")}


def test_a_joined_path_of_a_chat_between_people_or_with_staff_asks_no_model(app_repo):
    """The same joined request on a chat between users (their turns: 'me', 'peer') or with customer service (客服)
    offers no model."""
    people = TUTOR_JS.replace("role: 'ai'", "role: 'peer'").replace("role: 'user'", "role: 'me'")
    staff = TUTOR_JS.replace("你好，有什么问题？", "在线客服为您服务")
    base = _ai_app(app_repo, {"utils/config.js": "module.exports = { SERVER: 'https://api.shop.example.com' }\n",
                              "pages/index/index.js": people, "pages/index/index.wxml": ASSISTANT_WXML,
                              "pages/me/me.js": staff, "pages/me/me.wxml": ASSISTANT_WXML})
    assert _hits(run(app_repo.path, base)) == set()
