"""A comment box whose text a page posts through a service module's method named by its act (``replyNotice(id, text)``
on an exported object, ``commentPhoto(form)`` on a class), beside a text area nothing told too
(analyzers/comment_boxes.py): told at the page's call; a service method that saves the user's own settings is no
post."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.core.scenes import scenes

HTTP = """export function send(path, body) {
  return new Promise((resolve) => {
    wx.request({ url: 'https://api.example.cn' + path, method: 'POST', data: body, success: resolve })
  })
}
"""
BAR = '<view class="answer">\n  <input placeholder="说点什么" bindinput="onType" value="{{draft}}"/>\n' \
      '  <button bindtap="send">发送</button>\n</view>\n'
TOPIC_BASE = """import { hub } from '../../services/hub'

Page({
  data: { draft: '', id: '' },
  onType(e) { this.setData({ draft: e.detail.value }) },
  send() { wx.showToast({ title: this.data.draft }) },
})
"""
TOPIC_HEAD = """import { hub } from '../../services/hub'

Page({
  data: { draft: '', id: '' },
  onType(e) { this.setData({ draft: e.detail.value }) },
  send() {
    const words = this.data.draft
    hub.{method}(this.data.id, words)
  },
})
"""
SERVICE_BASE = """import { send } from '../utils/http'

export const hub = {
  remove(id) {
    return send('/items/' + id + '/remove', {})
  },
}
"""
SERVICE_HEAD = """import { send } from '../utils/http'

export const hub = {
  remove(id) {
    return send('/items/' + id + '/remove', {})
  },

  {method}(id, words) {
    return send('{path}', { id, words })
  },
}
"""


def _topic(app_repo, method: str, path: str, page: str = "pages/topic/show") -> set[tuple[str, str, int]]:
    app_repo.write_files({"utils/http.js": HTTP, "services/hub.js": SERVICE_BASE, f"{page}.wxml": BAR,
                          f"{page}.js": TOPIC_BASE})
    base = app_repo.commit("base")
    app_repo.write_files({"services/hub.js": SERVICE_HEAD.replace("{method}", method).replace("{path}", path),
                          f"{page}.js": TOPIC_HEAD.replace("{method}", method)})
    app_repo.commit("head")
    report = run(app_repo.path, base)
    return places(report, "upload") | places(report, "category")


def test_a_reply_through_a_service_method_named_by_its_act_is_a_post(app_repo):
    assert _topic(app_repo, "replyNotice", "/items/answers") == {
        ("upload.user_text", "pages/topic/show.js", 8), ("category.ugc", "pages/topic/show.js", 8)}


def test_a_service_method_saving_the_users_own_settings_is_no_post(app_repo):
    assert _topic(app_repo, "saveSignature", "/me/signature", page="pages/me/signature") == set()


ALBUM = """<view>
  <textarea placeholder="写点随笔" bindinput="onEssay"/>
  <input placeholder="写评论" bindinput="onRemark"/>
  <button bindtap="submit">提交</button>
</view>
"""
ALBUM_BASE = """import Album from '../../api/album'

Page({
  data: { essay: '', remark: '' },
  onEssay(e) { this.setData({ essay: e.detail.value }) },
  onRemark(e) { this.setData({ remark: e.detail.value }) },
  submit() { wx.cloud.callFunction({ name: 'essayKeep', data: { essay: this.data.essay } }) },
})
"""
ALBUM_HEAD = """import Album from '../../api/album'

Page({
  data: { essay: '', remark: '' },
  onEssay(e) { this.setData({ essay: e.detail.value }) },
  onRemark(e) { this.setData({ remark: e.detail.value }) },
  submit() {
    wx.cloud.callFunction({ name: 'essayKeep', data: { essay: this.data.essay } })
    new Album().{method}({ text: this.data.remark })
  },
})
"""
ALBUM_API = """class Album {
  {method}(form) {
    return this._call(form)
  }

  _call(form) {
    return wx.cloud.callFunction({ name: 'albumWrite', data: form })
  }
}

export default Album
"""


def _album(app_repo, method: str) -> set[tuple[str, str, int]]:
    app_repo.write_files({"pages/album/view.wxml": ALBUM, "pages/album/view.js": ALBUM_BASE,
                          "api/album.js": "class Album {}\n\nexport default Album\n"})
    base = app_repo.commit("base")
    app_repo.write_files({"pages/album/view.js": ALBUM_HEAD.replace("{method}", method),
                          "api/album.js": ALBUM_API.replace("{method}", method)})
    app_repo.commit("head")
    report = run(app_repo.path, base)
    return places(report, "upload") | places(report, "category")


def test_a_comment_box_beside_a_text_area_nothing_told_posts_through_a_new_class_method(app_repo):
    assert _album(app_repo, "commentPhoto") == {
        ("upload.user_text", "pages/album/view.js", 9), ("category.ugc", "pages/album/view.js", 9)}


def test_a_class_method_saving_settings_beside_a_text_area_is_no_post(app_repo):
    assert _album(app_repo, "savePrefs") == set()


def test_a_public_act_done_to_one_thing_names_a_post():
    table = scenes()
    assert table.names_post_act("replyThread") and table.names_post_act("publishNote")
    assert not table.names_post_act("postUserInfo")  # the HTTP method it sends by
    assert not table.names_post_act("commentingId")  # a name held, not the act
    assert not table.names_post_act("commentAdd") and not table.names_post_act("replies")

