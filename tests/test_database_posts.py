"""Text a user writes for other users saved straight to a shared cloud database collection: a conversation page's
message (analyzers/chat.py), a comment typed into an editable modal (readers/modalprompts.py,
analyzers/comment_boxes.py), and where a composer that uploads its photo first is told for its category
(analyzers/ugc.py). The user's own settings, a counter, a read and a yes/no dialog stay silent."""

from __future__ import annotations

import pytest

from helpers import places, register_pages, run
from mp_precheck.readers.modalprompts import modal_prompts

DM_WXML = """<view class="thread">
  <view wx:for="{{lines}}">{{item.body}}</view>
  <input value="{{draft}}" bindinput="typed" confirm-type="send" bindconfirm="push"/>
</view>
"""
DM_JS = """const db = wx.cloud.database()
const threads = db.collection('dm_threads')
Page({
  data: { draft: '', lines: [] },
  typed(e) { this.setData({ draft: e.detail.value }) },
  async push() {
    const body = this.data.draft
    await threads.add({ data: { body, peer: this.data.peer } })
  },
})
"""


def _change(app_repo, files: dict[str, str], base_files: dict[str, str] | None = None) -> set[tuple[str, str, int]]:
    app_repo.write_files(base_files or {"pages/placeholder.js": "// nothing yet\n"})
    register_pages(app_repo)  # a page of the base ships in the base: the change only edits it
    base = app_repo.commit("base")
    app_repo.write_files(files)
    register_pages(app_repo)
    app_repo.commit("the change")
    report = run(app_repo.path, base)
    return places(report, "upload") | places(report, "category")


def test_a_conversation_message_written_to_a_collection_is_a_chat_post(app_repo):
    found = _change(app_repo, {"pages/conversation/room.wxml": DM_WXML, "pages/conversation/room.js": DM_JS})
    assert found == {("upload.user_text", "pages/conversation/room.js", 8),
                     ("category.ugc", "pages/conversation/room.js", 8)}


@pytest.mark.parametrize("script", [
    # the user's own settings: a collection that names no message
    DM_JS.replace("await threads.add({ data: { body, peer: this.data.peer } })",
                  "await db.collection('user_prefs').doc('me').update({ data: { muted: body === 'mute' } })"),
    # a read of the conversation with the typed text as a filter
    DM_JS.replace("await threads.add({ data: { body, peer: this.data.peer } })",
                  "await threads.where({ body }).get()"),
])
def test_no_chat_post_where_the_collection_names_no_message_or_is_only_read(app_repo, script):
    files = {"pages/conversation/room.wxml": DM_WXML, "pages/conversation/room.js": script}
    assert _change(app_repo, files) == set()


def test_a_conversation_that_wrote_its_messages_before_is_no_new_scene(app_repo):
    old = {"pages/conversation/room.wxml": DM_WXML, "pages/conversation/room.js": DM_JS}
    new = {"pages/conversation/room.js": DM_JS.replace("const body = this.data.draft",
                                                         "const body = this.data.draft.trim()")}
    assert _change(app_repo, new, base_files=old) == set()


REPLY_JS = """Page({
  data: { photo: '' },
  ask() {
    wx.showModal({
      title: '写留言',
      editable: true,
      placeholderText: '友善发言',
      success: (answer) => {
        if (!answer.confirm) return
        const row = { words: answer.content, photo: this.data.photo }
        wx.cloud.database().collection('photo_replies').add({ data: row })
      },
    })
  },
})
"""
REPLY_WXML = '<view>\n<image src="{{photo}}"/>\n<button bindtap="ask">留言</button>\n</view>\n'
AWAITED_JS = """import { showModal, cloud } from '@tarojs/taro'
export async function askReview(shopId) {
  const { content: said } = await showModal({ title: '点评', editable: true })
  return cloud.database().collection('shop_reviews').add({ data: { shopId, said } })
}
"""


def test_a_comment_typed_into_an_editable_modal_and_saved_to_a_reply_collection_is_a_post(app_repo):
    found = _change(app_repo, {"pages/album/photo.wxml": REPLY_WXML, "pages/album/photo.js": REPLY_JS})
    assert found == {("upload.user_text", "pages/album/photo.js", 11), ("category.ugc", "pages/album/photo.js", 11)}


def test_an_awaited_modals_destructured_answer_saved_as_a_review_is_a_post(app_repo):
    found = _change(app_repo, {"pages/shop/view.wxml": REPLY_WXML, "pages/shop/view.js": AWAITED_JS})
    assert found == {("upload.user_text", "pages/shop/view.js", 4), ("category.ugc", "pages/shop/view.js", 4)}


@pytest.mark.parametrize("script", [
    # the user's own nickname: a private record, no post
    REPLY_JS.replace("wx.cloud.database().collection('photo_replies').add({ data: row })",
                     "wx.cloud.database().collection('profiles').doc('me').update({ data: { nickName: row.words } })"),
    # a like counter in the modal's answer carries none of the typed text
    REPLY_JS.replace("wx.cloud.database().collection('photo_replies').add({ data: row })",
                     "wx.cloud.database().collection('photo_replies').doc('r1').update({ data: { likes: 1 } })"),
    # a search with the typed text only reads
    REPLY_JS.replace("wx.cloud.database().collection('photo_replies').add({ data: row })",
                     "wx.cloud.database().collection('photo_replies').where(row).get()"),
    # a dialog that only asks yes or no types nothing
    REPLY_JS.replace("editable: true", "showCancel: true"),
])
def test_no_post_from_a_modal_whose_answer_is_kept_private_counted_read_or_not_typed(app_repo, script):
    assert _change(app_repo, {"pages/album/photo.wxml": REPLY_WXML, "pages/album/photo.js": script}) == set()


def test_a_modal_comment_posted_before_the_change_is_no_new_post(app_repo):
    old = {"pages/album/photo.wxml": REPLY_WXML, "pages/album/photo.js": REPLY_JS}
    new = {"pages/album/photo.js": REPLY_JS.replace("placeholderText: '友善发言'", "placeholderText: '说点什么'")}
    assert _change(app_repo, new, base_files=old) == set()


def test_the_editable_modals_of_a_script_and_the_names_their_answer_arrives_in():
    script = """Page({
  a() { wx.showModal({ editable: true, success(r) { send(r.content) } }) },
  b() { uni.showModal({ editable: true }).then(({ content }) => send(content)) },
  c() { wx.showModal({ title: '删除？', success(r) { drop() } }) },
})
"""
    found = [(p.line, p.first, p.last, p.carriers) for p in modal_prompts(script, "p.js")]
    assert found == [(2, 2, 2, frozenset({"r", "content"})), (3, 3, 3, frozenset({"content"}))]
    vue = "<template><view/></template>\n<script>\nexport default { methods: { async m() {\n" \
          "  const answer = await wx.showModal({ editable: true })\n  save(answer.content)\n} } }\n</script>\n"
    assert [(p.line, p.carriers) for p in modal_prompts(vue, "c.vue")] == [(4, frozenset({"answer", "content"}))]
    assert modal_prompts("wx.showModal({ editable: true, success(", "x.js") == ()


LISTING_WXML = '<view>\n<textarea value="{{blurb}}" bindinput="onBlurb"/>\n<button bindtap="publish">发布</button>\n</view>\n'
LISTING_JS = """const db = wx.cloud.database()
Page({
  data: { blurb: '', pic: '' },
  onBlurb(e) { this.setData({ blurb: e.detail.value }) },
  async publish() {
    const up = await wx.cloud.uploadFile({ cloudPath: 'pics/' + Date.now(), filePath: this.data.pic })
    await db.collection('goods_listings').add({ data: { blurb: this.data.blurb, pic: up.fileID } })
  },
})
"""


def test_a_composers_category_is_told_at_the_write_carrying_its_text_not_at_the_photos_upload(app_repo):
    found = _change(app_repo, {"pages/publish/goods.wxml": LISTING_WXML, "pages/publish/goods.js": LISTING_JS})
    assert ("category.ugc", "pages/publish/goods.js", 7) in found
    assert ("upload.cloud_upload_file", "pages/publish/goods.js", 6) in found
    assert not {f for f in found if f[0] == "category.ugc" and f[2] != 7}


def test_an_upload_that_carries_the_text_itself_keeps_the_category(app_repo):
    script = LISTING_JS.replace(
        "const up = await wx.cloud.uploadFile({ cloudPath: 'pics/' + Date.now(), filePath: this.data.pic })",
        "const up = await new Promise((ok) => wx.uploadFile({ url: 'https://api.example.com/goods', "
        "filePath: this.data.pic, name: 'f', formData: { blurb: this.data.blurb }, success: ok }))").replace(
        "{ blurb: this.data.blurb, pic: up.fileID }", "{ seen: 0 }")
    found = _change(app_repo, {"pages/publish/goods.wxml": LISTING_WXML, "pages/publish/goods.js": script})
    assert {f for f in found if f[0] == "category.ugc"} == {("category.ugc", "pages/publish/goods.js", 6)}
