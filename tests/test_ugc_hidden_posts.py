"""Posts whose link to their text box was out of sight: an old description box whose text a new upload's form
data now carries on a page whose helper module also holds plain functions (analyzers/old_boxes.py); a box bound
to a field of a ``v-for`` item whose list a new post sends whole (readers/textflow.py); a one-line UI-kit input
or an ``<input>`` of a new page whose text goes to an endpoint named by a constant
(analyzers/comment_boxes.py). Each has a twin that publishes nothing and stays silent."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.readers.textflow import written_state

HELPERS = """function isBlank(v) { return !v || !String(v).trim() }
function sendPicture(path, file, extra) {
  return new Promise((resolve) => wx.uploadFile({ url: 'https://api.example.com' + path, filePath: file,
    name: 'file', formData: extra, success: resolve }))
}
module.exports = { isBlank, sendPicture }
"""
STICKER_BOX = '<view>\n<textarea value="{{note}}" bindblur="onNote" placeholder="说明"/>\n' \
              '<button bindtap="onTry">试用</button>\n<button bindtap="onShare">提交</button>\n</view>\n'
STICKER_BASE = """const { isBlank, sendPicture } = require('../../utils/helpers.js')
Page({
  data: { note: '', pic: '' },
  onNote(e) { this.setData({ note: e.detail.value }) },
  onTry() {
    if (isBlank(this.data.pic)) return
    sendPicture('/sticker/try', this.data.pic, { size: 1 })
  },
  onShare() {},
})
"""
STICKER_HEAD = STICKER_BASE.replace("  onShare() {},", """  onShare() {
    if (isBlank(this.data.note)) return
    const note = this.data.note
    this.shareSticker(this.data.pic, note)
  },
  shareSticker(pic, note) {
    sendPicture('/sticker/share', pic, { size: 1, note: note })
  },""")


def _sticker(app_repo, head: str) -> set[tuple[str, str, int]]:
    page = "pages/sticker/sticker"
    app_repo.write_files({"utils/helpers.js": HELPERS, f"{page}.wxml": STICKER_BOX, f"{page}.js": STICKER_BASE})
    base = app_repo.commit("a page that tries a picture out")
    app_repo.write(f"{page}.js", head)
    app_repo.commit("the page shares the sticker")
    return places(run(app_repo.path, base), "category")


def test_an_old_box_whose_note_a_new_upload_carries_is_published_beside_a_helpers_plain_functions(app_repo):
    assert _sticker(app_repo, STICKER_HEAD) == {("category.ugc", "pages/sticker/sticker.js", 15)}


def test_a_new_upload_that_carries_no_note_publishes_nothing(app_repo):
    assert _sticker(app_repo, STICKER_HEAD.replace("{ size: 1, note: note }", "{ size: 2 }")) == set()


BLOCKS = """<template>
  <view>
    <!-- <view v-for="item in drafts"> -->
    <view v-for="(item, i) in blocks" :key="i">
      <textarea v-model="item.words" placeholder="写点什么"/>
    </view>
    <button @click="send">发送</button>
  </view>
</template>
<script>
export default {
  data() { return { blocks: [{ words: '' }], tag: 1 } },
  methods: {
    send() {},
  },
}
</script>
"""
SENDS_BLOCKS = BLOCKS.replace("    send() {},", """    send() {
      uni.request({ url: 'https://api.example.com/notes/save', method: 'POST', data: { tag: this.tag, body: this.blocks } })
    },""")


def _blocks(app_repo, head: str) -> set[tuple[str, str, int]]:
    app_repo.write_files({"pages.json": '{"pages": [{"path": "pages/write/write"}]}\n',
                          "manifest.json": '{"name": "demo"}\n', "pages/write/write.vue": BLOCKS})
    base = app_repo.commit("a composer that sends nothing")
    app_repo.write("pages/write/write.vue", head)
    app_repo.commit("it sends")
    return places(run(app_repo.path, base), "category")


def test_a_box_bound_to_a_list_items_field_is_published_by_a_post_of_the_list(app_repo):
    assert _blocks(app_repo, SENDS_BLOCKS) == {("category.ugc", "pages/write/write.vue", 15)}


def test_a_post_that_sends_other_fields_than_the_list_publishes_nothing(app_repo):
    assert _blocks(app_repo, SENDS_BLOCKS.replace("body: this.blocks", "n: 1")) == set()


def test_a_list_items_field_writes_the_list_only_inside_its_loop():
    assert "blocks" in written_state(BLOCKS, 5)
    assert "drafts" not in written_state(BLOCKS, 5)
    wxml = '<view wx:for="{{rows}}" wx:for-item="row">\n<input value="{{row.text}}"/>\n</view>\n' \
           '<input value="{{row.text}}"/>\n'
    assert "rows" in written_state(wxml, 2)
    assert "rows" not in written_state(wxml, 4)


ROUTES = "export const Routes = {\n  REPLY_ADD: 'bbs/reply/add',\n  GOODS_SEARCH: 'shop/goods/search',\n}\n"
TARO_PAGE = """import Taro, { Component } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { AtInput } from 'taro-ui'
import { Routes } from '../../config/routes'

export default class Reply extends Component {
  state = { words: '' }

  onWords(value) { this.setState({ words: value }) }

  send = () => {
    const words = this.state.words
    Taro.request({ url: Routes.REPLY_ADD, method: 'POST', data: { id: 1, words } })
  }

  render() {
    return (
      <View>
        <AtInput value={this.state.words} onChange={this.onWords.bind(this)} placeholder='说点什么'>
          <View onClick={this.send}>发送</View>
        </AtInput>
      </View>
    )
  }
}
"""


def _taro(app_repo, page: str) -> set[tuple[str, str, int]]:
    app_repo.write_files({"project.config.json": '{"miniprogramRoot": "dist/"}\n',
                          "src/app.js": "export default { config: { pages: ['pages/index/index'] } }\n",
                          "src/pages/index/index.js": "export default function Index() { return null }\n",
                          "src/config/routes.js": ROUTES})
    base = app_repo.commit("a Taro app")
    app_repo.write_files({"src/app.js": "export default { config: { pages: ['pages/index/index', "
                                        "'pages/reply/index'] } }\n", "src/pages/reply/index.js": page})
    app_repo.commit("a reply page")
    return places(run(app_repo.path, base), "category")


def test_a_ui_kit_input_of_a_new_page_posted_to_an_endpoint_constant_naming_a_reply_is_a_post(app_repo):
    assert _taro(app_repo, TARO_PAGE) == {("category.ugc", "src/pages/reply/index.js", 13)}


def test_a_ui_kit_input_posted_to_an_endpoint_constant_naming_a_search_is_no_post(app_repo):
    assert _taro(app_repo, TARO_PAGE.replace("Routes.REPLY_ADD", "Routes.GOODS_SEARCH")) == set()


NEW_BAR = '<view>\n<input confirm-type="send" bindconfirm="onSend" placeholder="说点什么"/>\n</view>\n'
NEW_BAR_JS = """Page({
  onSend(e) {
    wx.request({ url: 'https://api.example.com/topic/add_reply', method: 'POST', data: { text: e.detail.value } })
  },
})
"""


def test_a_comment_input_of_a_new_page_is_a_post(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"pages/talk/talk.wxml": NEW_BAR, "pages/talk/talk.js": NEW_BAR_JS})
    app_repo.commit("a new page with a reply bar")
    assert places(run(app_repo.path, base), "category") == {("category.ugc", "pages/talk/talk.js", 3)}


def test_a_search_input_of_a_new_page_stays_silent(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"pages/talk/talk.wxml": NEW_BAR.replace('"send"', '"search"'),
                          "pages/talk/talk.js": NEW_BAR_JS.replace("topic/add_reply", "goods/find")})
    app_repo.commit("a new page with a search box")
    assert places(run(app_repo.path, base), "category") == set()


SIGN_UP = '<view>\n<input value="{{mail}}" bindinput="onMail" placeholder="邮箱"/>\n' \
          '<input type="password" value="{{secret}}" bindinput="onSecret"/>\n' \
          '<button bindtap="onJoin">注册</button>\n</view>\n'
SIGN_UP_JS = """Page({
  data: { mail: '', secret: '' },
  onMail(e) { this.setData({ mail: e.detail.value }) },
  onSecret(e) { this.setData({ secret: e.detail.value }) },
  onJoin() {
    wx.request({ url: 'https://api.example.com/forum/user/send_code', method: 'POST', data: { mail: this.data.mail } })
  },
})
"""


def test_a_new_sign_up_form_whose_request_names_the_forum_stays_silent(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"pages/join/join.wxml": SIGN_UP, "pages/join/join.js": SIGN_UP_JS})
    app_repo.commit("a sign-up page")
    assert places(run(app_repo.path, base), "category") == set()
