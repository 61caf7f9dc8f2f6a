"""Where a user's post goes and whether it is new:

* a post kept on the phone — written to local storage by the page or by a store module the page calls —
  publishes nothing to other users; a store module that requests does;
* a publish form whose rich-text ``<editor>`` becomes a ``<textarea>`` posts as before: nothing new;
* a comment posted in a confirm modal's callback from the parameter of the method the box's handler calls is told
  at that post, not at the page's first cloud call (a like lookup on load);
* a page method nothing ran (no binding, no call) that the change deletes offsets no photo picker added on a new
  page; one a button ran did (the picker moved);
* photos uploaded as they are picked on a 发布 form whose button only logs the text publish no post yet.
"""

from __future__ import annotations

import pytest

from helpers import places, register_pages, run
from mp_precheck.readers.textflow import carried_names

TOLD = frozenset({"upload.upload_file", "upload.cloud_upload_file"})

FORM = ('<view>\n<input value="{{title}}" bindinput="onTitle"/>\n<textarea value="{{content}}" bindinput="onText"/>\n'
        '<button bindtap="publish">发布</button>\n</view>\n')
PAGE = """Page({
  data: { title: '', content: '' },
  onTitle(e) { this.setData({ title: e.detail.value }) },
  onText(e) { this.setData({ content: e.detail.value }) },
  publish() {
    const post = { title: this.data.title, content: this.data.content }
    SAVE
    wx.showToast({ title: '发布成功' })
  },
})
"""
LOCAL = "const posts = wx.getStorageSync('posts') || []\n    posts.unshift(post)\n    wx.setStorageSync('posts', posts)"
STORE = """const KEY = 'posts'
function getPosts() {
  return wx.getStorageSync(KEY) || []
}
function addPost(post) {
  const posts = [post].concat(getPosts())
  wx.setStorageSync(KEY, posts)
  return posts[0]
}
module.exports = { getPosts, addPost }
"""
SENT = STORE.replace("  wx.setStorageSync(KEY, posts)\n",
                     "  wx.request({ url: 'https://api.example.com/posts', method: 'POST', data: post })\n")


def _change(app_repo, base: dict[str, str], head: dict[str, str], without: frozenset[str] = TOLD
            ) -> set[tuple[str, str, int]]:
    app_repo.write_files(base)
    register_pages(app_repo)
    first = app_repo.commit("base")
    app_repo.write_files(head)
    register_pages(app_repo)
    app_repo.commit("head")
    report = run(app_repo.path, first)
    return places(report, "category") | places(report, "upload", without=without)


def _store_page() -> str:
    return "const store = require('../../utils/store.js')\n" + PAGE.replace("SAVE", "store.addPost(post)")


def test_a_post_moved_into_a_store_kept_on_the_phone_publishes_nothing(app_repo):
    base = {"pages/publish/publish.wxml": FORM, "pages/publish/publish.js": PAGE.replace("SAVE", LOCAL)}
    assert _change(app_repo, base, {"utils/store.js": STORE, "pages/publish/publish.js": _store_page()}) == set()


def test_a_post_moved_into_a_store_that_requests_is_published(app_repo):
    base = {"pages/publish/publish.wxml": FORM, "pages/publish/publish.js": PAGE.replace("SAVE", LOCAL)}
    told = _change(app_repo, base, {"utils/store.js": SENT, "pages/publish/publish.js": _store_page()})
    assert {rule for rule, *_ in told} == {"category.ugc", "upload.user_text"}



# A store that calls what its caller hands it sends whatever that is: not seen to send nothing.
HANDED = STORE.replace("function addPost(post) {\n", "function addPost(post, send) {\n  send && send(post)\n") \
    .replace("  wx.setStorageSync(KEY, posts)\n", "  wx.setStorageSync(KEY, posts)\n  if (send) send.call(null, post)\n")
API = "module.exports = { create(post) { return wx.request({ url: 'https://api.example.com/posts', data: post }) } }\n"


@pytest.mark.parametrize("store", [HANDED, HANDED.replace("  send && send(post)\n", "")])
def test_a_store_that_calls_the_function_it_is_handed_may_publish(app_repo, store):
    base = {"pages/publish/publish.wxml": FORM, "pages/publish/publish.js": PAGE.replace("SAVE", LOCAL)}
    page = ("const store = require('../../utils/store.js')\nconst api = require('../../utils/api.js')\n"
            + PAGE.replace("SAVE", "store.addPost(post, api.create)"))
    told = _change(app_repo, base, {"utils/store.js": store, "utils/api.js": API, "pages/publish/publish.js": page})
    assert ("category.ugc", "pages/publish/publish.js", 9) in told  # at the page's call that hands the sender on


EDITOR = '<view>\n<editor model:value="{{content}}" bindinput="onText" placeholder="写点什么"></editor>\n' \
         '<button bindtap="publish">发布</button>\n</view>\n'
AREA = EDITOR.replace('<editor model:value="{{content}}" bindinput="onText" placeholder="写点什么"></editor>',
                      '<textarea model:value="{{content}}" placeholder="写点什么"></textarea>')
CLOUD = "wx.cloud.callFunction({ name: 'createTopic', data: { content: this.data.content } })"


def test_an_editor_replaced_by_a_textarea_posts_as_before(app_repo):
    base = {"pages/compose/compose.wxml": EDITOR, "pages/compose/compose.js": PAGE.replace("SAVE", CLOUD)}
    assert _change(app_repo, base, {"pages/compose/compose.wxml": AREA}) == set()


def test_an_editor_replaced_by_a_textarea_that_the_change_starts_posting_is_published(app_repo):
    base = {"pages/compose/compose.wxml": EDITOR, "pages/compose/compose.js": PAGE.replace("SAVE", "")}
    told = _change(app_repo, base, {"pages/compose/compose.wxml": AREA,
                                    "pages/compose/compose.js": PAGE.replace("SAVE", CLOUD)})
    assert ("category.ugc", "pages/compose/compose.js", 7) in told


COMMENT_BOX = '<view>\n<textarea model:value="{{inputComment}}" bindconfirm="pubComment"/>\n</view>\n'
DETAIL = """Page({
  data: { post: {}, inputComment: '' },
  onLoad(e) {
    wx.cloud.callFunction({ name: 'isPostLiked', data: { postId: e.id } })
  },
  pubComment() {
    this.saveComment(this.data.inputComment)
  },
  saveComment(content) {
    wx.showModal({
      content: '确定保存评论',
      success: (res) => {
        if (res.confirm) {
          wx.cloud.callFunction({ name: 'createReply', data: { postId: this.data.post._id, comment: content } })
        }
      }
    })
  },
})
"""


def test_a_callback_reads_what_the_method_around_it_was_handed():
    carried = carried_names(DETAIL, "pages/detail/detail.js", [4, 14])
    assert "inputComment" in carried[14] and "inputComment" not in carried[4]


def test_a_comment_posted_in_a_modal_callback_is_told_at_its_post(app_repo):
    base = {"pages/detail/detail.wxml": "<view></view>\n", "pages/detail/detail.js": "Page({})\n"}
    told = _change(app_repo, base, {"pages/detail/detail.wxml": COMMENT_BOX, "pages/detail/detail.js": DETAIL})
    assert ("category.ugc", "pages/detail/detail.js", 14) in told
    assert not {t for t in told if t[2] == 4}


PICKER = "    wx.chooseImage({ count: 1, success: (res) => { this.setData({ pic: res.tempFilePaths[0] }) } })\n"
HOME = "Page({\n  go() {\n    wx.navigateTo({ url: '/pages/me/me' })\n  },\n  pick() {\n" + PICKER + "  },\n})\n"
HOME_MARKUP = '<view bindtap="go">我的</view>\n'
ME = "Page({\n  choose() {\n" + PICKER + "  },\n})\n"
NEW = "Page({\n  add() {\n" + PICKER + "  },\n})\n"


@pytest.mark.parametrize(("markup", "told"), [
    (HOME_MARKUP, {("privacy.album", "pages/post/post.js", 3)}),  # nothing ran pick(): a new call site
    (HOME_MARKUP.replace("</view>", '</view>\n<view bindtap="pick">选图</view>'), set()),  # the picker moved
])
def test_a_deleted_method_nothing_ran_offsets_no_new_picker(app_repo, markup, told):
    base = {"pages/home/home.wxml": markup, "pages/home/home.js": HOME,
            "pages/me/me.wxml": '<view bindtap="choose">选图</view>\n', "pages/me/me.js": ME}
    found = _change(app_repo, base, {
        "pages/home/home.js": HOME.replace("  pick() {\n" + PICKER + "  },\n", ""),
        "pages/post/post.wxml": '<view bindtap="add">添加</view>\n', "pages/post/post.js": NEW})
    assert found == set()  # no post and no upload either way
    report = run(app_repo.path, app_repo.git("rev-parse", "HEAD~1"))
    assert places(report, "privacy", without=frozenset({"privacy.no_consent_flow"})) == told


GOODS = ('<view>\n<textarea value="{{desc}}" bindconfirm="onDesc"/>\n<view bindtap="addImage">添加</view>\n'
         '<button bindtap="release">发布</button>\n</view>\n')
GOODS_PAGE = """Page({
  data: { desc: '', images: [] },
  onDesc(e) { this.setData({ desc: e.detail.value }) },
  addImage() {
    wx.chooseImage({ success: (res) => { res.tempFilePaths.forEach(p => this.upload(p)) } })
  },
  upload(filePath) {
    wx.cloud.uploadFile({ cloudPath: 'goods/' + Date.now(), filePath })
  },
  release() {
    RELEASE
  },
})
"""


@pytest.mark.parametrize(("release", "told"), [
    ("console.log(this.data.desc, this.data.images)", set()),  # the 发布 sends nothing yet
    ("wx.request({ url: 'https://api.example.com/goods/publish', method: 'POST', data: { desc: this.data.desc } })",
     {"category.ugc"}),
])
def test_photos_uploaded_as_picked_on_a_form_whose_publish_only_logs_publish_no_post(app_repo, release, told):
    base = {"pages/postGoods/postGoods.wxml": "<view></view>\n", "pages/postGoods/postGoods.js": "Page({})\n"}
    found = _change(app_repo, base, {"pages/postGoods/postGoods.wxml": GOODS,
                                     "pages/postGoods/postGoods.js": GOODS_PAGE.replace("RELEASE", release)})
    assert {rule for rule, *_ in found if rule == "category.ugc"} == told
