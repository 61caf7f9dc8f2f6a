"""A picked file put into a multipart body built by hand (``form.appendFile(name, path)``) and sent with
``wx.request`` (its ``data`` the body's ``buffer``, its content type the body's ``contentType``) is an upload
without ``wx.uploadFile`` (``readers/multipartbody.py``)."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.readers.jsfacts import js_facts

FORM = ("export default class Form {\n  constructor() { this.fs = wx.getFileSystemManager(); this.files = [] }\n"
        "  appendFile(name, path) { this.files.push({ name, buffer: this.fs.readFileSync(path) }) }\n"
        "  getData() { return { buffer: new ArrayBuffer(8), contentType: 'multipart/form-data; boundary=x' } }\n}\n")
API = ("import Form from './form'\n\nexport function createPost(title, path) {\n  const form = new Form()\n"
       "  form.appendFile('cover', path, 'cover.jpg')\n  const body = form.getData()\n"
       "  return new Promise((resolve) => {\n    wx.request({ url: 'https://api.example.org/posts', method: 'POST',\n"
       "      data: body.buffer, header: { 'Content-Type': body.contentType }, success: resolve })\n  })\n}\n")
OLD_API = ("export function createPost(title) {\n  return new Promise((resolve) => {\n"
           "    wx.request({ url: 'https://api.example.org/posts', method: 'POST', data: { title }, success: resolve })\n"
           "  })\n}\n")
PAGE = ("import { createPost } from '../../utils/api'\n"
        "Page({ async pick() { const r = await wx.chooseImage({ count: 1 }); await createPost('t', r.tempFilePaths[0]) } })\n")


def _sent(source: str) -> list[int]:
    return [f.line for f in js_facts(source, "utils/api.js").facts if f.subject == "wx.request:media"]


def test_a_file_appended_to_a_body_sent_as_a_buffer_is_sent_media():
    assert _sent(API) == [5]


def test_a_body_whose_content_type_is_the_built_bodys_is_enough():
    assert _sent(API.replace("data: body.buffer", "data: body.bytes")) == [5]


def test_the_platforms_own_append_file_writing_to_disk_sends_nothing():
    source = API.replace("form.appendFile('cover', path, 'cover.jpg')",
                         "wx.getFileSystemManager().appendFile({ filePath: path, data: 'x' })")
    assert _sent(source) == []


def test_an_appended_file_no_request_sends_as_a_built_body_is_no_upload():
    source = API.replace("data: body.buffer, header: { 'Content-Type': body.contentType }", "data: { title }")
    assert _sent(source) == []


def test_a_new_hand_built_multipart_upload_is_told_at_the_appended_file(app_repo):
    app_repo.write_files({"utils/form.js": FORM, "utils/api.js": OLD_API, "pages/index/index.js": "Page({})\n"})
    base = app_repo.commit()
    app_repo.write_files({"utils/api.js": API, "pages/index/index.js": PAGE})
    app_repo.commit()
    assert ("utils/api.js", 5) in {(path, line) for _rule, path, line in places(run(app_repo.path, base), "upload")}
