"""Text typed on an editor page and handed back to the page that opened it (analyzers/relayed_posts.py,
readers/openerwrites.py): the opener's new post of the data key the text was written into is a post of the box's
text; the text only shown there, or a picked item handed back, stays silent."""

from __future__ import annotations

from analyzer_context import project_context
from mp_precheck.analyzers import relayed_posts
from mp_precheck.readers.openerwrites import listened_keys, names_route, opener_writes

APP = '{"pages": ["pages/compose/compose", "pages/notepad/notepad", "pages/picker/picker"]}\n'
NOTEPAD_WXML = '<view>\n  <textarea value="{{draft}}" bindinput="onType" />\n  <button bindtap="done">好</button>\n</view>\n'
NOTEPAD_JS = """Page({
  data: { draft: '', field: '' },
  onLoad(query) { this.setData({ field: query.field }) },
  onType(e) { this.setData({ draft: e.detail.value }) },
  done() {
    const stack = getCurrentPages()
    const opener = stack.at(-2)
    opener.setData({ [`story.${this.data.field}`]: this.data.draft })
    wx.navigateBack()
  }
})
"""
COMPOSE_WXML = '<view>\n  <view bindtap="write">{{story.body}}</view>\n  <button bindtap="submit">发布</button>\n</view>\n'
COMPOSE_JS = """Page({
  data: { story: { body: '' }, city: '' },
  write() { wx.navigateTo({ url: '/pages/notepad/notepad?field=body' }) },
  submit() {
    const payload = { story: this.data.story }
    wx.request({
      url: 'https://api.example.com/stories',
      method: 'POST',
      data: payload
    })
  }
})
"""


def _findings(head: dict[str, str], base: dict[str, str] | None = None) -> set[tuple[str, str, int]]:
    files = {"app.json": APP, "app.js": "App({})\n", "pages/notepad/notepad.wxml": NOTEPAD_WXML,
             "pages/notepad/notepad.js": NOTEPAD_JS, **head}
    context = project_context(files, base=base or {}, changed=list(head))
    return {(f.rule, f.path, f.line) for f in relayed_posts.analyze(context, [])}


def test_text_an_editor_hands_back_posted_by_the_opener_is_a_post_at_the_openers_send():
    head = {"pages/compose/compose.wxml": COMPOSE_WXML, "pages/compose/compose.js": COMPOSE_JS}
    assert _findings(head) == {("upload.user_text", "pages/compose/compose.js", 6),
                               ("category.ugc", "pages/compose/compose.js", 6)}


def test_text_handed_back_and_only_shown_is_no_post():
    shown = COMPOSE_JS.replace("data: payload", "data: { city: this.data.city }")
    head = {"pages/compose/compose.wxml": COMPOSE_WXML, "pages/compose/compose.js": shown}
    assert _findings(head) == set()


def test_a_picked_item_handed_back_and_posted_is_no_post_of_typed_text():
    picker_wxml = '<view>\n  <textarea value="{{remark}}" bindinput="onRemark" />\n' \
                  '  <view wx:for="{{cities}}" bindtap="pick" data-i="{{index}}">{{item}}</view>\n</view>\n'
    picker_js = """Page({
  data: { cities: ['A', 'B'], remark: '' },
  onRemark(e) { this.setData({ remark: e.detail.value }) },
  pick(e) {
    const pages = getCurrentPages()
    pages[pages.length - 2].setData({ city: this.data.cities[e.currentTarget.dataset.i] })
    wx.navigateBack()
  }
})
"""
    opener = COMPOSE_JS.replace("/pages/notepad/notepad?field=body", "/pages/picker/picker").replace(
        "data: payload", "data: { city: this.data.city }")
    head = {"pages/compose/compose.wxml": COMPOSE_WXML, "pages/compose/compose.js": opener,
            "pages/picker/picker.wxml": picker_wxml, "pages/picker/picker.js": picker_js}
    assert _findings(head) == set()


def test_an_editor_that_posted_before_is_a_new_call_site_of_posting_only():
    posting = NOTEPAD_JS.replace("  done() {", "  save() { wx.request({ url: 'https://api.example.com/drafts', "
                                               "method: 'POST', data: { draft: this.data.draft } }) },\n  done() {")
    head = {"pages/compose/compose.wxml": COMPOSE_WXML, "pages/compose/compose.js": COMPOSE_JS,
            "pages/notepad/notepad.js": posting}
    assert _findings(head, base={"pages/notepad/notepad.js": posting}) == {
        ("category.ugc", "pages/compose/compose.js", 6)}


def test_text_emitted_on_the_openers_channel_and_posted_is_a_post():
    editor = NOTEPAD_JS.replace(
        "    const stack = getCurrentPages()\n    const opener = stack.at(-2)\n"
        "    opener.setData({ [`story.${this.data.field}`]: this.data.draft })\n",
        "    const channel = this.getOpenerEventChannel()\n    channel.emit('written', { text: this.data.draft })\n")
    opener = COMPOSE_JS.replace(
        "wx.navigateTo({ url: '/pages/notepad/notepad?field=body' })",
        "wx.navigateTo({ url: '/pages/notepad/notepad', events: { written(res) { this.setData({ story: res }) } } })")
    head = {"pages/compose/compose.wxml": COMPOSE_WXML, "pages/compose/compose.js": opener,
            "pages/notepad/notepad.js": editor}
    assert ("category.ugc", "pages/compose/compose.js", 6) in _findings(head)
    silent = opener.replace("written(res)", "other(res)")
    assert _findings({**head, "pages/compose/compose.js": silent}) == set()


def test_the_reader_finds_writes_into_the_previous_page_and_routes():
    assert opener_writes(NOTEPAD_JS, "notepad.js") == [(8, "story", frozenset({"draft"}))]
    assigned = "const p = getCurrentPages(); const prev = p[p.length - 2]; prev.data.memo = this.data.text\n"
    assert opener_writes(assigned, "x.js") == [(1, "memo", frozenset({"text"}))]
    current = "const p = getCurrentPages(); p[p.length - 1].setData({ memo: this.data.text })\n"
    assert opener_writes(current, "x.js") == []
    assert listened_keys("wx.navigateTo({ events: { done: (r) => { this.note = r } } })", "x.js") == {
        "done": frozenset({"note"})}
    assert names_route(("../notepad/notepad?x=1",), "pages/notepad/notepad")
    assert names_route(("notepad",), "pages/notepad/notepad")
    assert not names_route(("index",), "pages/index/index")
    for broken in ("getCurrentPages()[", b"\xff\xfe".decode("utf-8", "replace"), "\ufeffgetCurrentPages( ) ]]"):
        assert opener_writes(broken, "x.js") == []


def test_a_handed_back_box_whose_hint_names_a_private_record_is_no_post():
    remark = NOTEPAD_WXML.replace('<textarea value="{{draft}}"', '<textarea placeholder="订单备注" value="{{draft}}"')
    saved = COMPOSE_JS.replace("/stories", "/plan/save")
    head = {"pages/compose/compose.wxml": COMPOSE_WXML, "pages/compose/compose.js": saved}
    assert ("category.ugc", "pages/compose/compose.js", 6) in _findings(head)
    assert _findings({**head, "pages/notepad/notepad.wxml": remark}) == set()


def test_only_pages_that_name_the_page_stack_or_the_openers_channel_are_looked_up_as_editors():
    # A whole-app import asks for every page: matching each page's strings against every route cost 9 s on the
    # benchmark's generated app, so the routes are narrowed once to the pages that can hand text back.
    files = {"app.json": APP, "app.js": "App({})\n", "pages/notepad/notepad.wxml": NOTEPAD_WXML,
             "pages/notepad/notepad.js": NOTEPAD_JS, "pages/compose/compose.wxml": COMPOSE_WXML,
             "pages/compose/compose.js": COMPOSE_JS,
             "pages/picker/picker.js": "Page({ pick() { wx.getOpenerEventChannel().emit('city', 'x') } })\n"}
    context = project_context(files, base={}, changed=list(files))
    assert relayed_posts._editor_routes(context) == ["pages/notepad/notepad", "pages/picker/picker"]
