"""Generative AI told by the model a page names (analyzers/model_pages.py), a prompt sent to a model told as no
publication (analyzers/model_prompts.py), and an upload to WeChat's content-security API told as no upload
(readers/checkuploads.py). Each on a small real repository, with what must stay silent."""

from __future__ import annotations

from analyzer_context import finding, project_context
from helpers import places, register_pages, run
from mp_precheck.analyzers.model_prompts import analyze as drop_prompts
from mp_precheck.readers.jsfacts import js_facts
from mp_precheck.readers.modelpages import model_named, template_words
from mp_precheck.readers.openingsends import opening_lines

RULE = "category.generative_ai"

# A question page: the box sits in a component of the page's folder, which keeps the typed text in storage; the page
# posts it to the app's own server when the component's button is tapped, and shows the answer.
QUESTION_JS = """Page({
  data: { answer: '' },
  onAsk() {
    const that = this
    wx.getStorage({ key: 'question', success(res) {
      wx.request({
        url: 'https://api.quiz.example.com/question',
        method: 'POST',
        data: { text: res.data },
        success(r) { that.setData({ answer: r.data.answer }) },
      })
    } })
  },
})
"""
QUESTION_JSON = '{\n  "navigationBarTitleText": "问一问",\n  "usingComponents": { "box": "./box/index" }\n}\n'
BOX_WXML = '<textarea placeholder="请输入" bindinput="keep" />\n'
BOX_JS = "Component({ methods: { keep(e) { wx.setStorage({ key: 'question', data: e.detail.value }) } } })\n"
BOX_JSON = '{\n  "component": true\n}\n'


def _question_page(app_repo, wxml: str, js: str = QUESTION_JS, page_json: str = QUESTION_JSON) -> str:
    base = str(app_repo.git("rev-parse", "HEAD"))
    app_repo.write_files({"pages/assistant/ask.js": js, "pages/assistant/ask.wxml": wxml, "pages/assistant/ask.json": page_json,
                          "pages/assistant/box/index.wxml": BOX_WXML, "pages/assistant/box/index.js": BOX_JS,
                          "pages/assistant/box/index.json": BOX_JSON})
    register_pages(app_repo)
    app_repo.commit("a question page")
    return base


def _told(report) -> set[tuple[str, int]]:
    return {(f.path, f.line) for f in report.findings if f.rule == RULE}


def test_a_page_titled_for_a_model_posting_the_typed_question_is_generative_ai(app_repo):
    wxml = '<view>\n  <card title="ChatGPT 智能提问" />\n  <box />\n  <button bindtap="onAsk">提问</button>\n</view>\n'
    base = _question_page(app_repo, wxml)
    assert _told(run(app_repo.path, base)) == {("pages/assistant/ask.js", 6)}


def test_a_navigation_title_naming_an_ai_assistant_is_the_page_s_words(app_repo):
    titled = QUESTION_JSON.replace("问一问", "AI 助手")
    base = _question_page(app_repo, "<view><box /><button bindtap=\"onAsk\">提问</button></view>\n", page_json=titled)
    assert _told(run(app_repo.path, base)) == {("pages/assistant/ask.js", 6)}


def test_a_search_box_with_no_model_named_and_ai_named_only_in_prose_stay_silent(app_repo):
    plain = '<view>\n  <box />\n  <button bindtap="onAsk">搜索</button>\n</view>\n'
    base = _question_page(app_repo, plain)
    assert _told(run(app_repo.path, base)) == set()
    # AI wording only in prose, on a page with no box of its own and none in its components: nothing typed is sent
    app_repo.write("pages/assistant/ask.json", '{\n  "navigationBarTitleText": "关于"\n}\n')
    app_repo.write("pages/assistant/ask.wxml", "<view>本站的推荐由大模型与人工编辑共同完成</view>\n")
    app_repo.write("pages/assistant/ask.js", QUESTION_JS.replace("/question", "/about"))
    second = str(app_repo.git("rev-parse", "HEAD"))
    app_repo.commit("an about page")
    assert _told(run(app_repo.path, second)) == set()


def test_a_model_named_only_in_a_comment_or_a_log_stays_silent(app_repo):
    wxml = '<view>\n  <!-- ChatGPT 智能提问 -->\n  <box />\n  <button bindtap="onAsk">提问</button>\n</view>\n'
    logged = QUESTION_JS.replace("const that = this", "const that = this\n    console.log('DeepSeek answer')")
    base = _question_page(app_repo, wxml, js=logged)
    assert _told(run(app_repo.path, base)) == set()


def test_a_page_that_named_its_model_before_the_change_is_nothing_new(app_repo):
    wxml = '<view>\n  <card title="ChatGPT 智能提问" />\n  <box />\n</view>\n'
    _question_page(app_repo, wxml, js="Page({ onAsk() {} })\n")
    base = str(app_repo.git("rev-parse", "HEAD"))
    app_repo.write("pages/assistant/ask.js", QUESTION_JS)
    app_repo.commit("the question is posted")
    assert _told(run(app_repo.path, base)) == set()


def test_the_page_words_read_names_labels_and_boxes_not_comments_or_code():
    template = ('<view title="Kimi 问答">\n<!-- GPT -->\n<wxs module="m">var a = "deepseek"</wxs>\n'
                '<text>问问豆包</text>\n<input type="checkbox" />\n</view>\n')
    assert template_words(template) == ([(1, "Kimi"), (4, "豆包")], False)
    assert template_words('<van-field label="昵称" />\n')[1] is True
    assert model_named("ChatGPT智能提问") == "ChatGPT"
    assert model_named("AI 对话") == "ai对话"
    assert model_named("kimiko 的相册") is None
    assert model_named("AI 智能推荐 · 人工智能为你挑选") is None


# -- a prompt is no publication ------------------------------------------------------------------------
# An assistant page posting the user's question to the app's own backend and showing the model's answers.
ASSISTANT_JS = """Page({
  data: { input: '', turns: [] },
  send() {
    const question = this.data.input
    this.setData({ turns: this.data.turns.concat({ role: 'user', content: question }) })
    wx.request({
      url: 'https://api.shop.example.com/llm/chat',
      method: 'POST',
      data: { message: question },
      success: (res) => this.setData({ turns: this.data.turns.concat({ role: 'assistant', content: res.data }) }),
    })
  },
})
"""
ASSISTANT_WXML = ('<view wx:for="{{turns}}">{{item.content}}</view>\n<textarea model:value="{{input}}"/>\n'
                  '<button bindtap="send">发送</button>\n')
PUBLISHED = frozenset({"upload.user_text", "category.ugc"})


def test_a_question_sent_to_a_model_is_no_user_text_nor_ugc(app_repo):
    base = str(app_repo.git("rev-parse", "HEAD"))
    app_repo.write_files({"pages/ai/chat.js": ASSISTANT_JS, "pages/ai/chat.wxml": ASSISTANT_WXML})
    register_pages(app_repo)
    app_repo.commit("an assistant page")
    report = run(app_repo.path, base)
    assert _told(report) == {("pages/ai/chat.js", 6)}
    assert {p for p in places(report) if p[0] in PUBLISHED} == set()


def test_a_chat_between_users_keeps_its_user_text_and_ugc(app_repo):
    people = ASSISTANT_JS.replace("'assistant'", "'peer'").replace("/llm/chat", "/room/message")
    base = str(app_repo.git("rev-parse", "HEAD"))
    app_repo.write_files({"pages/room/chat.js": people, "pages/room/chat.wxml": ASSISTANT_WXML})
    register_pages(app_repo)
    app_repo.commit("a room chat")
    report = run(app_repo.path, base)
    assert _told(report) == set()
    assert {p[0] for p in places(report) if p[0] in PUBLISHED} == PUBLISHED


def test_a_page_that_also_publishes_keeps_the_findings_of_its_model_send():
    context = project_context({"pages/a/a.js": "Page({})\n"})
    model = finding("category.generative_ai", "sdk:generative-ai", "pages/a/a.js", 6)
    prompt = [finding("upload.user_text", "<input>", "pages/a/a.js", 6, scope="file"),
              finding("category.ugc", "ugc:chat", "pages/a/a.js", 6, scope="file")]
    comment = finding("upload.user_text", "<textarea>", "pages/a/a.js", 20, scope="file")
    assert drop_prompts(context, [model, *prompt]) == [model]
    assert drop_prompts(context, [model, *prompt, comment]) == [model, *prompt, comment]


# -- an upload to WeChat's content check -----------------------------------------------------------------
CHECK_JS = """export function checkPicture(path, token) {
  return new Promise((resolve) => {
    wx.uploadFile({
      url: 'https://api.weixin.qq.com/wxa/img_sec_check?access_token=' + token,
      filePath: path,
      name: 'media',
      success: resolve,
    })
  })
}
export function keepPicture(path) {
  const url = 'https://files.example.com/upload'
  return new Promise((resolve) => wx.uploadFile({ url, filePath: path, name: 'file', success: resolve }))
}
"""


def test_an_upload_to_the_content_check_gives_no_upload_fact():
    uploads = [f.line for f in js_facts(CHECK_JS, "utils/check.js").facts if f.subject == "wx.uploadFile"]
    assert uploads == [13]
    held = "function send(p, t) {\n  const url = 'https://api.weixin.qq.com/wxa/media_check_async?access_token=' + t\n" \
           "  wx.uploadFile({ url, filePath: p, name: 'media' })\n}\n"
    assert [f for f in js_facts(held, "utils/c.js").facts if f.subject == "wx.uploadFile"] == []


def test_a_page_checking_its_picture_with_wechat_is_told_no_upload_but_its_own_upload_is(app_repo):
    base = str(app_repo.git("rev-parse", "HEAD"))
    page = """import { checkPicture, keepPicture } from '../../utils/check'
Page({
  async submit() {
    await checkPicture(this.data.path, this.data.token)
  },
  async keep() {
    await keepPicture(this.data.path)
  },
})
"""
    app_repo.write_files({"utils/check.js": CHECK_JS, "pages/found/found.js": page,
                          "pages/found/found.wxml": '<button bindtap="submit">提交</button>\n'})
    register_pages(app_repo)
    app_repo.commit("a found-items form")
    report = run(app_repo.path, base)
    uploads = {(p[1], p[2]) for p in places(report) if p[0] == "upload.upload_file"}
    assert ("pages/found/found.js", 4) not in uploads and ("utils/check.js", 3) not in uploads
    assert ("pages/found/found.js", 7) in uploads or ("utils/check.js", 13) in uploads
    assert ("external_link.wechat_server_api", "utils/check.js", 4) in places(report)


def test_a_request_the_page_makes_as_it_opens_sends_nothing_typed(app_repo):
    wxml = '<view>\n  <card title="ChatGPT 智能提问" />\n  <box />\n</view>\n'
    loading = """Page({
  onLoad() {
    wx.request({ url: 'https://api.quiz.example.com/topics', success: (r) => this.setData({ topics: r.data }) })
  },
})
"""
    base = _question_page(app_repo, wxml, js=loading)
    assert _told(run(app_repo.path, base)) == set()
    assert opening_lines(loading, "pages/assistant/ask.js", {3}) == {3}
    hooked = "import { onLoad } from '@dcloudio/uni-app'\nonLoad(() => {\n  uni.request({ url: '/a' })\n})\n" \
             "const send = () => uni.request({ url: '/ask' })\n"
    assert opening_lines(hooked, "pages/a/a.js", {3, 5}) == {3}
