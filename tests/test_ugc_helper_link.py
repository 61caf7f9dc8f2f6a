"""A text box is posted only by a call that carries what it writes: a project helper the page calls with none of it
(a sign-in guard in ``onShow`` whose own request checks the session) sends nothing the user typed, however it
requests (analyzers/module_sends.py). The box's value is read from its own tag where it shares its line with its
label (readers/textflow.py ``tag_at``), so a submit handler that hands the helper the box's field is the post."""

from __future__ import annotations

import pytest

from helpers import places, run
from mp_precheck.readers.textflow import tag_at, written_state

HTTP = """export function request(options) {
  return new Promise((resolve, reject) => wx.request({ ...options, success: resolve, fail: reject }))
}
"""
SESSION = """import { request } from '../utils/http'
export async function checkSession() {
  const res = await request({ url: 'https://api.example.com/session/check', method: 'POST' })
  return res.data.valid
}
"""
GUARD = """import { checkSession } from '../services/session'
export async function ensureSignedIn() {
  const valid = await checkSession()
  if (!valid) {
    wx.redirectTo({ url: '/pages/index/index' })
  }
  return valid
}
"""
POSTS = """import { request } from '../utils/http'
export function saveVisit(data) {
  return request({ url: 'https://api.example.com/visits', method: 'POST', data })
}
export function publishNote(data) {
  return request({ url: 'https://api.example.com/notes', method: 'POST', data })
}
"""
LABELLED = ('<view class="card">\n'
            '  <view class="row"><text class="label">内容</text><textarea value="{{body}}" bindinput="onBody" /></view>\n'
            '  <button bindtap="submit">提交</button>\n</view>\n')
OWN_LINE = ('<view class="card">\n  <textarea value="{{body}}" bindinput="onBody" />\n'
            '  <button bindtap="submit">提交</button>\n</view>\n')
SCRIPT = """import { ensureSignedIn } from '../../utils/guard'
import { saveVisit, publishNote } from '../../api/notes'
Page({
  data: { body: '' },
  async onShow() {
    if (!(await ensureSignedIn())) return
    LOAD
  },
  onBody(e) { this.setData({ body: e.detail.value }) },
  submit() {
    SUBMIT
  },
})
"""
MODAL = "wx.showModal({ title: '暂未开放', content: '稍后再试', showCancel: false })"
POST = "publishNote({ body: this.data.body })"


def _posting(app_repo, markup: str, submit: str, load: str = "") -> set[tuple[str, str, int]]:
    app_repo.write_files({"utils/http.js": HTTP, "services/session.js": SESSION, "utils/guard.js": GUARD,
                          "api/notes.js": POSTS})
    base = app_repo.commit("helpers")
    script = SCRIPT.replace("SUBMIT", submit).replace("LOAD", load)
    app_repo.write_files({"pages/index/index.wxml": markup, "pages/index/index.js": script})
    app_repo.commit("a note form")
    report = run(app_repo.path, base)
    return places(report, "upload") | places(report, "category")


@pytest.mark.parametrize("markup", [LABELLED, OWN_LINE])
def test_a_guard_the_page_hands_nothing_of_its_box_posts_nothing(app_repo, markup):
    assert _posting(app_repo, markup, MODAL) == set()


@pytest.mark.parametrize("markup", [LABELLED, OWN_LINE])
def test_the_call_handing_on_the_box_is_the_post_not_an_earlier_request(app_repo, markup):
    # the visit saved on show sends none of the box: the submit handler's call is where the text leaves
    assert _posting(app_repo, markup, POST, "saveVisit({ page: 'note' })") == {
        ("upload.user_text", "pages/index/index.js", 11), ("category.ugc", "pages/index/index.js", 11)}


def test_a_box_after_its_label_on_one_line_is_read_from_its_own_tag():
    assert tag_at(LABELLED, 2).startswith("<textarea ")
    assert written_state(LABELLED, 2) == frozenset({"body"})
    assert tag_at('<view><text>a</text></view>\n', 1) == "<view"  # no box on the line: its first tag
