"""Which call of a posting page sends its text: the one whose data carries the page state the text box
writes (readers/textflow.py, analyzers/ugc.py ``_flow``), not a lookup that holds none of it."""

from __future__ import annotations

from helpers import run

BOX = '<view>\n<textarea value="{{content}}" bindinput="onText" placeholder="说点什么"/>\n</view>\n'
LOOKUP_FIRST = """Page({
  lookup(code) { wx.request({ url: 'https://api.example.com/barcode?code=' + code, method: 'GET' }) },
  onText(e) { this.setData({ content: e.detail.value }) },
  publish() {
    const data = { content: this.data.content, price: this.data.price }
    wx.request({ url: 'https://api.example.com/posts', method: 'POST', data })
  },
})
"""


def _hits(report, rule):
    return {(f.path, f.line) for f in report.findings if f.rule == rule}


def test_the_post_carrying_the_text_is_the_post_not_a_lookup_before_it(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", BOX)
    app_repo.write("pages/me/me.js", LOOKUP_FIRST)
    app_repo.commit("a posting page with a lookup")
    report = run(app_repo.path, base)
    assert _hits(report, "upload.user_text") == {("pages/me/me.js", 6)}
    assert _hits(report, "category.ugc") == {("pages/me/me.js", 6)}


def test_a_project_call_no_reader_resolves_that_carries_the_text_is_the_post(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("utils/api.js", "const call = (name) => (...args) => backend()[name](...args)\n"
                                   "export const createPost = call('createPost')\n")
    app_repo.write("pages/me/me.wxml", BOX)
    app_repo.write("pages/me/me.js", "import { createPost } from '../../utils/api'\n" + LOOKUP_FIRST.replace(
        "wx.request({ url: 'https://api.example.com/posts', method: 'POST', data })", "createPost(data)"))
    app_repo.commit("a posting page through a dispatching client")
    report = run(app_repo.path, base)
    assert _hits(report, "upload.user_text") == {("pages/me/me.js", 7)}
    assert _hits(report, "category.ugc") == {("pages/me/me.js", 7)}
    [text] = [f for f in report.findings if f.rule == "upload.user_text"]
    assert text.value == "<textarea> pages/me/me.wxml:2 → createPost"


def test_a_box_whose_state_is_not_seen_keeps_the_first_call(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", BOX.replace('value="{{content}}" ', ""))
    app_repo.write("pages/me/me.js", LOOKUP_FIRST)
    app_repo.commit("a box bound by its handler only")
    report = run(app_repo.path, base)
    assert _hits(report, "upload.user_text") == {("pages/me/me.js", 2)}


def test_a_carrying_project_call_on_a_page_that_sends_nothing_else_publishes_nothing(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("utils/api.js", "const call = (name) => (...args) => backend()[name](...args)\n"
                                   "export const saveNote = call('saveNote')\n")
    app_repo.write("pages/me/me.wxml", BOX)
    app_repo.write("pages/me/me.js", "import { saveNote } from '../../utils/api'\n"
                                     "Page({ save() { saveNote({ content: this.data.content }) } })\n")
    app_repo.commit("a note saved through a dispatching client")
    report = run(app_repo.path, base)
    assert _hits(report, "upload.user_text") == set() and _hits(report, "category.ugc") == set()
