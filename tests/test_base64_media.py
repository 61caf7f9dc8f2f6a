"""A photo read as base64 and sent in a request body is an upload (readers/base64media.py)."""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import places, run
from mp_precheck.readers.jsfacts import js_facts

READ = "function pick(p) { uni.getFileSystemManager().readFile({ filePath: p, encoding: 'base64', success: send }) }\n"


def media_lines(source: str, path: str = "pages/photo/index.vue.js") -> list[int]:
    return [f.line for f in js_facts(source, path).facts if f.subject == "wx.request:media"]


@pytest.mark.parametrize("request_call", [
    "uni.request({ url: 'https://aip.example.com/seg', method: 'POST', data: { image: base64, type: 'fg' } })",
    "wx.request({ url: u, method: 'POST', data: { img_base64: res.data } })",
    "Taro.request({ url: u, method: 'POST', data: { base64 } })",
    "wx.request({ url: u, method: 'POST', data: { content: imageBase64 } })",
])
def test_a_request_carrying_a_picture_read_as_base64_is_an_upload(request_call):
    assert media_lines(READ + f"async function send(base64) {{\n  await {request_call}\n}}\n") == [3]


def test_the_base64_read_may_come_after_the_request():
    source = "function send(b64) { wx.request({ url: u, data: { photo: b64 } }) }\n" \
             "function toB64(buf) { return wx.arrayBufferToBase64(buf) }\n"
    assert media_lines(source, "pages/a/a.js") == [1]


@pytest.mark.parametrize("source", [
    # an image URL sent, no base64 read anywhere in the file
    "function send(url) { wx.request({ url: u, data: { image: url } }) }\n",
    # base64 read, but the request sends only literals and ids
    READ + "function send(d) { wx.request({ url: u, data: { image: 'banner', id: d.id } }) }\n",
    # base64 read, the request's data is a variable the reader cannot see into
    READ + "function send(d) { wx.request({ url: u, data: d }) }\n",
])
def test_requests_without_a_picture_in_their_body_are_not_uploads(source):
    assert media_lines(source) == []


MULTIPART_PAGE = """Page({
  data: { note: '', shot: '' },
  send(path) {
    const token = wx.getStorageSync('session')
    wx.getFileSystemManager().readFile({
      filePath: path,
      encoding: 'base64',
      success: (file) => {
        const picture = 'data:image/png;base64,' + file.data
        wx.request({
          url: 'https://api.example.com/scan/recognise',
          method: 'POST',
          header: { 'content-type': 'multipart/form-data; boundary=ZZ' },
          data: '\\r\\n--ZZ' +
            '\\r\\nContent-Disposition: form-data; name="session"' +
            '\\r\\n\\r\\n' + token +
            '\\r\\n--ZZ' +
            '\\r\\nContent-Disposition: form-data; name="photoData"' +
            '\\r\\n\\r\\n' + picture +
            '\\r\\n--ZZ--'
        })
      }
    })
  }
})
"""


def test_a_multipart_body_written_by_hand_carrying_the_picture_is_an_upload_told_at_the_request(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files({"app.json": '{ "pages": ["pages/scan/scan"] }\n', "app.js": "App({})\n",
                      "pages/scan/scan.js": "Page({})\n", "pages/scan/scan.wxml": "<view/>\n"})
    base = repo.commit("base")
    repo.write("pages/scan/scan.js", MULTIPART_PAGE)
    repo.commit()
    at = MULTIPART_PAGE[: MULTIPART_PAGE.index("wx.request")].count("\n") + 1
    assert ("upload.request_media", "pages/scan/scan.js", at) in places(run(repo.path, base), "upload")


@pytest.mark.parametrize("request_call", [
    "wx.request({ url: u, method: 'POST',\n data: 'uid=' + uid + '&image=' + encodeURIComponent(base64) })",
    "wx.request({ url: u, method: 'POST',\n data: `--B\\r\\nContent-Disposition: form-data; name=\"img\"\\r\\n\\r\\n${b}` })",
    "const body = { pictures: encodeAll(b) }\n wx.request({ url: u, method: 'POST', data: body })",
    "const data = 'note=' + note + '&shot_b64=' + b\n wx.request({ url: u, method: 'POST', data })",
])
def test_a_body_given_as_a_string_or_a_variable_carrying_a_picture_is_an_upload(request_call):
    source = READ + f"function send(b, note, uid) {{\n  {request_call}\n}}\n"
    assert media_lines(source) == [source[: source.index("wx.request")].count("\n") + 1]


@pytest.mark.parametrize("source", [
    # a multipart body of text fields only, in a file that reads base64 elsewhere
    READ + "function send(t) { wx.request({ url: u, data: '--B\\r\\nContent-Disposition: form-data; "
           "name=\"content\"\\r\\n\\r\\n' + t + '\\r\\n--B--' }) }\n",
    # a form-encoded picture field, but nothing in the file reads a file as base64
    "function send(p) { wx.request({ url: u, data: 'image=' + p }) }\n",
    # the variable is given its picture only after the request went
    READ + "function send(b) { let body = 'id=' + id\n wx.request({ url: u, data: body })\n body = 'image=' + b }\n",
])
def test_string_bodies_without_a_picture_are_not_uploads(source):
    assert media_lines(source) == []
