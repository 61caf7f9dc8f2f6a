"""A file read as base64 inside a ``new Promise`` the page awaits where it makes it (``const b = await new Promise(
resolve => fs.readFile({ encoding: 'base64', success: res => resolve(res.data) }))``) is held by the name it is
awaited into (readers/base64values.py): sent to the app's server in a request's body, a recording leaves the phone
as an upload of user media does (readers/statemedia.py)."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.readers.base64values import base64_flow
from mp_precheck.readers.syntax import language_for, parse, walk

API = """module.exports = {
  transcribe(data) {
    return new Promise((resolve, reject) => {
      wx.request({ url: 'https://api.example.com/asr', method: 'POST', data, success: resolve, fail: reject })
    })
  },
}
"""
PAGE = """const api = require('../../utils/api')

Page({
  onLoad() {
    this.recorder = wx.getRecorderManager()
    this.recorder.onStop((res) => this.upload(res))
  },
  async upload(res) {
    const sound = await new Promise((resolve, reject) => {
      wx.getFileSystemManager().readFile({
        filePath: res.tempFilePath,
        encoding: 'base64',
        success: (file) => resolve(file.data),
        fail: reject,
      })
    })
    await api.transcribe({ sound, format: 'mp3' })
  },
})
"""


def _uploads(app_repo, page: str) -> set[tuple[str, str, int]]:
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"app.json": '{\n  "pages": ["pages/index/index", "pages/voice/voice"]\n}\n',
                          "utils/api.js": API, "pages/voice/voice.js": page,
                          "pages/voice/voice.wxml": '<view bindtap="start">按住说话</view>\n'})
    app_repo.commit()
    return places(run(app_repo.path, base), "upload")


def test_a_recording_awaited_as_base64_and_sent_to_the_server_is_an_upload(app_repo):
    assert _uploads(app_repo, PAGE) == {("upload.request_media", "pages/voice/voice.js", 17)}


def test_a_file_read_as_text_is_no_upload_of_media(app_repo):
    assert _uploads(app_repo, PAGE.replace("encoding: 'base64'", "encoding: 'utf8'")) == set()


def test_base64_kept_on_the_phone_is_sent_nowhere(app_repo):
    kept = PAGE.replace("await api.transcribe({ sound, format: 'mp3' })", "wx.setStorageSync('last', sound)")
    assert _uploads(app_repo, kept) == set()


def _flow(source: str) -> tuple[set[str], frozenset[str]]:
    nodes = list(walk(parse(language_for("a.js"), source.encode()).root_node))
    flow = base64_flow(nodes)
    return {name for name, _scope in flow.bindings}, flow.helpers


def test_the_awaited_promise_binds_its_receiver_and_only_a_returned_one_makes_a_helper():
    bound, helpers = _flow(PAGE)
    assert "sound" in bound and "upload" not in helpers  # the method sends the base64, it gives none back
    returned = "const read = (p) => new Promise((resolve) => wx.getFileSystemManager().readFile(" \
               "{ filePath: p, encoding: 'base64', success: (r) => resolve(r.data) }))\n"
    assert _flow(returned)[1] == frozenset({"read"})
