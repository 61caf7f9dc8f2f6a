"""A file that already uploaded and gains another upload: the finding goes to the call that sends somewhere the
base version never sent (another wrapper, another host), not to a re-indented call of the file's old uploader
that the same change touches (core/placing.py ``each_target``)."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.core.placing import each_target
from mp_precheck.facts.model import Fact, FileFacts

SEND = """  send(path) {
    return wx.uploadFile({ url: 'https://files.example.cn/put', filePath: path, name: 'file' })
  },
"""
BASE = """Page({
  pick() {
    wx.chooseImage({ success: (res) => {
      this.send(res.tempFilePaths[0])
    } })
  },
  again(path) { this.send(path) },
""" + SEND + "})\n"
BUCKET = """Page({
  pick() {
    wx.chooseImage({ success: (res) => {
      if (this.data.bucket) {
        this.toBucket(res.tempFilePaths[0])
      } else {
        this.send(res.tempFilePaths[0])
      }
    } })
  },
  again(path) { this.send(path) },
  toBucket(path) {
    wx.uploadFile({ url: 'https://bucket.example-store.com', filePath: path, name: 'file' })
  },
""" + SEND + "})\n"


def test_the_upload_to_a_new_destination_is_reported_not_the_reindented_old_one(app_repo):
    app_repo.write("pages/me/me.js", BASE)
    base = app_repo.commit("the page uploads its photo to the app's server")
    app_repo.write("pages/me/me.js", BUCKET)
    app_repo.commit("the page may send it to an object store instead")
    found = places(run(app_repo.path, base), "upload")
    assert ("upload.upload_file", "pages/me/me.js", 7) not in found  # the old uploader's call, re-indented
    assert found == {("upload.upload_file", "pages/me/me.js", 13)}


def _facts(*uses: Fact) -> FileFacts:
    return FileFacts(facts=(Fact("wx.chooseImage", "api", 1), *uses))


def test_a_target_the_base_already_had_comes_after_a_new_one():
    old = Fact("wx.uploadFile", "api", 4, role="via:pages/a/a.js#send")
    new = Fact("wx.uploadFile", "api", 9)
    before = _facts(Fact("wx.uploadFile", "api", 3, role="via:pages/a/a.js#send"))
    assert each_target([old, new], frozenset({4, 9}), 1, _facts(old, new), before) == [new]
    assert each_target([old, new], frozenset({4, 9}), 1, _facts(old, new)) == [old]  # no base: in line order
    assert each_target([old, new], frozenset({4, 9}), 2, _facts(old, new), before) == [old, new]
