"""A photo the page takes with its ``<camera>`` (``CameraContext.takePhoto``), read as base64, kept in the page's
data and posted later through the project's request wrapper is an upload (``upload.request_media``), reported
where the photo goes into what is sent; so is a picked photo pushed into a component's array, walked by a loop
that fills the request body (``list.forEach(p => body.photos.push({ photo: p }))``). A request whose body only
writes out placeholder strings (``photos: ['sample']``) sends no photo, so switching it to the wrapper takes no
upload away. A taken photo only shown, or only saved to the album, is silent."""

from __future__ import annotations

import pytest

from helpers import places, run
from mp_precheck.facts.extract import extract
from mp_precheck.readers.statemedia import confirm_picked

CTX = "function request(options) { wx.request(options) }\nmodule.exports = { request }\n"
FORM = """const ctx = require('../../lib/ctx.js')
Page({
  data: { photos: [] },
  pick() {
    wx.chooseImage({ count: 1, success: (res) => {
      wx.getFileSystemManager().readFile({ filePath: res.tempFilePaths[0], encoding: 'base64',
        success: (r) => { this.setData({ photos: [r.data] }) } })
    } })
  },
  submit() {
    SENDER({ url: 'https://api.example.cn/form', method: 'POST', data: { title: 'x', photos: ['sample'] } })
  },
})
"""
SHOT = """const ctx = require('../../lib/ctx.js')
Page({
  data: { src: '', name: '' },
  shoot() {
    wx.createCameraContext().takePhoto({ quality: 'high', success: (res) => {
      wx.getFileSystemManager().readFile({ filePath: res.tempImagePath, encoding: 'base64', success: (r) => {
        KEEP
        this.send()
      } })
    } })
  },
  send() {
    const that = this
    const obj = { name: that.data.name, SENT }
    ctx.request({ url: 'https://api.example.cn/face', method: 'POST', data: obj })
  },
})
"""


def _shot(repo, keep: str, sent: str) -> set[tuple[str, str, int]]:
    """The upload places of a change adding a camera page (``keep``: how it keeps the photo; ``sent``: the field
    it posts) while the form page's placeholder request moves to the wrapper."""
    repo.write_files({"lib/ctx.js": CTX, "pages/index/index.js": FORM.replace("SENDER", "wx.request")})
    base = repo.commit("a form page")
    repo.write_files({"pages/index/index.js": FORM.replace("SENDER", "ctx.request"),
                      "pages/me/me.js": SHOT.replace("KEEP", keep).replace("SENT", sent),
                      "pages/me/me.wxml": "<camera device-position=\"front\"></camera>\n<image src=\"{{src}}\"/>\n"})
    repo.commit("a camera page")
    return places(run(repo.path, base), "upload")


@pytest.mark.parametrize(("keep", "line"), [
    ("const b = r.data\n        this.setData({ src: b })", 15),  # a name holding the photo itself, kept in the data
    ("this.setData({ src: r.data })", 14),
])
def test_a_camera_photo_kept_in_page_data_and_posted_through_a_wrapper_is_an_upload(app_repo, keep, line):
    assert _shot(app_repo, keep, "photo: that.data.src") == {("upload.request_media", "pages/me/me.js", line)}


@pytest.mark.parametrize("keep", [
    "this.setData({ src: 'data:image/jpeg;base64,' + r.data })",  # shown in <image>, the post names no photo
    "wx.saveImageToPhotosAlbum({ filePath: res.tempImagePath })",  # saved to the album
])
def test_a_camera_photo_only_shown_or_saved_is_silent(app_repo, keep):
    assert _shot(app_repo, keep, "kind: 'face'") == set()


def _media_lines(path: str, source: str) -> list[int]:
    return [f.line for f in confirm_picked(extract(path, source.encode()).facts) if f.subject == "wx.request:media"]


VUE = """<template>
  <view><image v-for="p in images" :key="p" :src="p" /><button @tap="submit">submit</button></view>
</template>
<script>
import { pathToBase64 } from 'image-tools'
export default {
  data() { return { images: [], title: '' } },
  methods: {
    pick() {
      uni.chooseImage({ count: 3, success: (res) => {
        pathToBase64(res.tempFilePaths[0]).then((b) => { this.images.push(b) })
      } })
    },
    submit() {
      const body = { title: this.title, photos: [] }
      WALK
      this.api.request({ url: '/complaint', method: 'POST', data: body })
    },
  },
}
</script>
"""


def test_a_photo_pushed_into_state_and_walked_into_the_body_is_sent():
    walk = "this.images.forEach(function (item) { body.photos.push({ photo: item }) })"
    assert _media_lines("pages/form/form.vue", VUE.replace("WALK", walk)) == [17]


@pytest.mark.parametrize("walk", [
    "this.images.forEach(function (item) { console.log(item) })",  # the photos stay on the page
    "['a', 'b'].forEach(function (item) { body.photos.push({ photo: item }) })",  # what fills the body is no photo
])
def test_photos_pushed_into_state_but_not_into_the_body_are_silent(walk):
    assert _media_lines("pages/form/form.vue", VUE.replace("WALK", walk)) == []


READ = """Page({
  scan(path) {
    wx.getFileSystemManager().readFile({ filePath: path, encoding: 'base64', success: (r) => {
      wx.request({ url: 'https://ocr.example.cn', method: 'POST', data: { images: IMAGES } })
    } })
  },
})
"""


@pytest.mark.parametrize(("images", "lines"), [
    ("['sample', 'other']", []),  # placeholders written out in full
    ("[r.data]", [4]),
    ("[]", [4]),  # an empty list may be filled before it is sent: as before
])
def test_a_request_body_of_placeholders_sends_no_photo(images, lines):
    assert _media_lines("pages/scan/scan.js", READ.replace("IMAGES", images)) == lines
