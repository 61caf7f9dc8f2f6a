"""An old text box that binds no value and names its input handler by method (``bindinput="onText"``, the handler
storing ``this.data.text = e.detail.value``) writes what that handler stores. A page whose only earlier post was a
cloud function handed a picture's bytes (its data seen, none of the box's text in it) did not post the box: the
change that saves the text through a helper module's database write publishes it (analyzers/old_boxes.py).
Where the earlier call already carried the text, the page posted before and stays silent."""

from __future__ import annotations

from helpers import places, run

STORE = """function savePost(app, post) {
  const db = app.globalData.db
  return db.collection('feed').add({ data: post })
}
module.exports = { savePost }
"""
BOX = '<view>\n<textarea placeholder="写点什么" bindinput="onText"/>\n' \
      '<button bindtap="onPick">图片</button>\n<button bindtap="onSend">发送</button>\n</view>\n'
BASE = """const store = require('../../utils/store.js')
const app = getApp()
Page({
  data: { text: '', photos: [] },
  onText(e) {
    this.data.text = e.detail.value
  },
  onPick() {
    wx.chooseMedia({ success: (res) => { this.data.photos = res.tempFiles.map((f) => f.tempFilePath) } })
  },
  onSend() {
    const that = this
    that.data.photos.forEach((photo, i) => {
      wx.getFileSystemManager().readFile({
        filePath: photo,
        encoding: 'base64',
        success: (res) => {
          wx.cloud.callFunction({
            name: 'putImage',
            data: { path: 'img/' + i + '.png', file: res.data },
            success() {
              // SAVE
            },
          })
        },
      })
    })
  },
})
"""
SAVE = """              const post = { text: that.data.text, photos: that.data.photos }
              store.savePost(app, post)"""
HEAD = BASE.replace("              // SAVE", SAVE)


def _send(app_repo, base_script: str, head_script: str) -> set[tuple[str, str, int]]:
    page = "pages/compose/compose"
    app_repo.write_files({"utils/store.js": STORE, f"{page}.wxml": BOX, f"{page}.js": base_script})
    base = app_repo.commit("a compose page whose pictures go to a cloud function")
    app_repo.write(f"{page}.js", head_script)
    app_repo.commit("the page saves its text")
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload", without=frozenset({"upload.upload_file"}))


def _line(script: str, needle: str) -> int:
    return next(n for n, text in enumerate(script.splitlines(), 1) if needle in text)


def test_an_old_box_stored_by_its_handler_is_published_where_the_change_saves_it(app_repo):
    line = _line(HEAD, "store.savePost(")
    assert _send(app_repo, BASE, HEAD) == {
        ("upload.user_text", "pages/compose/compose.js", line), ("category.ugc", "pages/compose/compose.js", line)}


def test_an_old_box_whose_text_the_earlier_cloud_call_carried_posted_before(app_repo):
    carried = BASE.replace("file: res.data }", "file: res.data, text: that.data.text }")
    assert _send(app_repo, carried, carried.replace("              // SAVE", SAVE)) == set()
