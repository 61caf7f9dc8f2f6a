"""A page that posts its text box through a method of a shared helper module (``commonJs.commentReply(param)``,
the request or cloud database write inside the helper) is told at the page's call, where the user posts, as a
wrapper's call is (analyzers/ugc.py ``_module_posts``); the helper's other methods (a like counter) are not the
post. A page that hands the helper nothing of its text stays silent."""

from __future__ import annotations

from helpers import places, run

DB = """const db = wx.cloud.database()
module.exports = { db, add: (name, data) => db.collection(name).add({ data }) }
"""
HELPER = """const dbJs = require('./db')
const _ = dbJs.db.command
module.exports = {
  thumbsUp: async function (obj) {
    dbJs.db.collection('posts').doc(obj.postId).update({ data: { likes: _.inc(1) } })
  },
  commentReply: async function (param) {
    await dbJs.add('comment', param)
    dbJs.db.collection('posts').doc(param.post_id).update({ data: { replies: _.inc(1) } })
  },
}
"""
OLD_BOX = '<view>\n<textarea placeholder="评论" />\n<button bindtap="send">发送</button>\n</view>\n'
BOX = "<view>\n<textarea value='{{comment}}' bindinput='onInput' />\n<button bindtap='send'>发送</button>\n</view>\n"
STUB = """Page({
  data: { comment: '' },
  preview(e) { wx.previewImage({ urls: [e.currentTarget.dataset.url] }) },
})
"""
PAGE = """const common = require('../../utils/common.js')
Page({
  data: { comment: '' },
  onInput(e) { this.setData({ comment: e.detail.value }) },
  zan(e) { common.thumbsUp({ postId: e.currentTarget.dataset.id }) },
  send() {
    const param = { comment: this.data.comment, post_id: this.data.id }
    common.commentReply(param).then(() => wx.showToast({ title: 'OK' }))
  },
})
"""


def _wire(app_repo, page: str) -> set[tuple[str, str, int]]:
    app_repo.write_files({"utils/db.js": DB, "utils/common.js": HELPER, "pages/detail/detail.wxml": OLD_BOX,
                          "pages/detail/detail.js": STUB})
    base = app_repo.commit("a detail page whose comment box sends nothing")
    app_repo.write_files({"pages/detail/detail.wxml": BOX, "pages/detail/detail.js": page})
    app_repo.commit("comments")
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload")


def test_a_comment_posted_through_a_shared_helper_is_told_at_the_pages_call(app_repo):
    assert _wire(app_repo, PAGE) == {("upload.user_text", "pages/detail/detail.js", 8),
                                     ("category.ugc", "pages/detail/detail.js", 8)}


def test_a_page_that_hands_the_helper_none_of_its_text_posts_nothing(app_repo):
    likes_only = PAGE.replace("common.commentReply(param)", "common.thumbsUp(param)").replace(
        "{ comment: this.data.comment, post_id: this.data.id }", "{ postId: this.data.id }")
    assert _wire(app_repo, likes_only) == set()
