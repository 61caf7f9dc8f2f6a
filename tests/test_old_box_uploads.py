"""A page whose text box only went up with nothing but its pictures before (``wx.cloud.uploadFile`` of the photos,
the text post commented out) did not post the box's text: the change that adds the post publishes it
(analyzers/old_boxes.py). A page whose upload carried the text, or that posted through a store action bound to
it, posted before and stays silent."""

from __future__ import annotations

from helpers import places, run

UUID = """const uuid = function () {
  return Math.random().toString(16).slice(2)
}
module.exports = { uuid }
"""
BOX = '<view>\n<textarea value="{{content}}" bindinput="onChange" placeholder="这一刻的想法"/>\n' \
      '<button bindtap="onPublish">发布</button>\n</view>\n'
PHOTOS_ONLY = """const { uuid } = require('../../utils/uuid.js')
Page({
  data: { content: '', fileList: [] },
  onChange(e) { this.setData({ content: e.detail.value }) },
  async onPublish() {
    const { content } = this.data
    await this.upCloud(this.data.fileList)
    /* await wx.cloud.callFunction({ name: 'addPost', data: { content } }) */
  },
  upCloud(list) {
    return Promise.all(list.map((item) => wx.cloud.uploadFile({
      cloudPath: 'forum/post/' + uuid() + '.png',
      filePath: item.url,
    })))
  },
})
"""
POSTS = PHOTOS_ONLY.replace("    /* await wx.cloud.callFunction({ name: 'addPost', data: { content } }) */",
                            "    await wx.cloud.callFunction({ name: 'addPost', data: { content } })")
WITH_TEXT = PHOTOS_ONLY.replace("filePath: item.url,", "filePath: item.url,\n      formData: { content: this.data.content },")


def _publish(app_repo, base_script: str, head_script: str) -> set[tuple[str, str, int]]:
    page = "pages/publish/publish"
    app_repo.write_files({"utils/uuid.js": UUID, f"{page}.wxml": BOX, f"{page}.js": base_script})
    base = app_repo.commit("a publish page that uploads its photos")
    app_repo.write(f"{page}.js", head_script)
    app_repo.commit("the page posts")
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload", without=frozenset({"upload.upload_file"}))


def test_a_page_that_only_uploaded_its_photos_publishes_its_text_box_when_it_starts_posting(app_repo):
    assert _publish(app_repo, PHOTOS_ONLY, POSTS) == {
        ("upload.user_text", "pages/publish/publish.js", 8), ("category.ugc", "pages/publish/publish.js", 8)}


def test_a_page_whose_upload_carried_the_text_posted_before(app_repo):
    head = WITH_TEXT.replace("    /* await wx.cloud.callFunction({ name: 'addPost', data: { content } }) */",
                             "    await wx.cloud.callFunction({ name: 'addPost', data: { content } })")
    assert _publish(app_repo, WITH_TEXT, head) == set()


STORE = """const { observable, action } = require('mobx-miniprogram')
const store = observable({
  form: { content: '' },
  setContent: action(function (v) { this.form.content = v }),
  submitForm: action(function () {
    return new Promise((resolve) => wx.request({ url: 'https://api.example.com/soups', method: 'POST',
      data: { content: this.form.content }, success: resolve }))
  }),
})
module.exports = { store }
"""
STORE_BOX = '<view>\n<textarea value="{{form.content}}" bindinput="onContent"/>\n' \
            '<button bindtap="onPick">图片</button>\n<button bindtap="onSubmit">发布</button>\n</view>\n'
STORE_PAGE = """const { createStoreBindings } = require('mobx-miniprogram-bindings')
const { store } = require('../../stores/store')
Page({
  onLoad() {
    this.storeBindings = createStoreBindings(this, { store, fields: ['form'], actions: ['setContent', 'submitForm'] })
  },
  onContent(e) { this.setContent(e.detail.value) },
  onPick() {
    wx.chooseMedia({ success: (res) => wx.uploadFile({ url: 'https://api.example.com/img',
      filePath: res.tempFiles[0].tempFilePath, name: 'file' }) })
  },
  onSubmit() { this.submitForm().then(() => wx.navigateBack()) },
})
"""
NO_PICTURES = STORE_PAGE.replace("""  onPick() {
    wx.chooseMedia({ success: (res) => wx.uploadFile({ url: 'https://api.example.com/img',
      filePath: res.tempFiles[0].tempFilePath, name: 'file' }) })
  },
""", "")


def test_a_page_that_posted_through_a_bound_store_action_posted_before(app_repo):
    page = "pages/create/create"
    app_repo.write_files({"stores/store.js": STORE, f"{page}.wxml": STORE_BOX, f"{page}.js": STORE_PAGE})
    base = app_repo.commit("a page that uploads its picture and posts through its store")
    app_repo.write_files({f"{page}.wxml": STORE_BOX.replace('<button bindtap="onPick">图片</button>\n', ""),
                          f"{page}.js": NO_PICTURES})
    app_repo.commit("no more pictures")
    report = run(app_repo.path, base)
    assert places(report, "category") | places(report, "upload") == set()


FORM_BOX = '<form bindsubmit="submit">\n<textarea bindblur="onBlur"value="{{details}}"></textarea>\n' \
           '<button form-type="submit">提交</button>\n</form>\n'
FORM_BASE = """Page({
  data: { details: '', photo: '' },
  onBlur(e) { this.setData({ details: e.detail.value }) },
  submit(e) {
    wx.uploadFile({ url: 'https://api.example.com/photos', filePath: this.data.photo, name: 'file' })
  },
})
"""
FORM_HEAD = """Page({
  data: { photo: '' },
  submit(e) {
    wx.uploadFile({ url: 'https://api.example.com/dynamic', filePath: this.data.photo, name: 'file',
      formData: { description: e.detail.value.description } })
  },
})
"""


def test_a_form_field_whose_text_now_goes_up_with_the_photo_is_published(app_repo):
    page = "pages/share/share"
    app_repo.write_files({f"{page}.wxml": FORM_BOX, f"{page}.js": FORM_BASE})
    base = app_repo.commit("a share page that uploads its photo alone")
    app_repo.write_files({f"{page}.wxml": FORM_BOX.replace('bindblur="onBlur"value="{{details}}"', 'name="description"'),
                          f"{page}.js": FORM_HEAD})
    app_repo.commit("the description goes up with the photo")
    report = run(app_repo.path, base)
    assert places(report, "category") | places(report, "upload", without=frozenset({"upload.upload_file"})) == {
        ("upload.user_text", "pages/share/share.js", 4), ("category.ugc", "pages/share/share.js", 4)}
