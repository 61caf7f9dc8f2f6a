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
    # the old target called as often as before gives no second place, however far the file's count rose
    assert each_target([old, new], frozenset({4, 9}), 2, _facts(old, new), before) == [new]
    again = Fact("wx.uploadFile", "api", 6, role="via:pages/a/a.js#send")
    assert each_target([old, again, new], frozenset({4, 6, 9}), 2, _facts(old, again, new), before) == [old, new]


def _card(photo: str, voice: bool, photo_call: str = "wx.uploadFile({ url: HOST, filePath: path, name: 'file' })"):
    """A page that uploads picked photos through its own helper ``photo``, and with ``voice`` a recording too."""
    voice_helper = ("  putVoice(num) {\n    const path = num === 1 ? this.data.front : this.data.back\n"
                    "    wx.uploadFile({ url: HOST, filePath: path, name: 'voice' })\n  },\n") if voice else ""
    stop = "  stop() {\n    this.putVoice(1)\n    this.putVoice(2)\n  },\n" if voice else ""
    return ("const HOST = 'https://up.files-example.cn'\nPage({\n" + voice_helper +
            f"  {photo}(num, path) {{\n    {photo_call}\n  }},\n"
            "  pickFront() {\n    const that = this\n    wx.chooseImage({ success(res) {\n"
            f"      that.{photo}(1, res.tempFilePaths[0])\n    }} }})\n  }},\n"
            "  pickBack() {\n    const that = this\n    wx.chooseImage({ success(res) {\n"
            f"      that.{photo}(2, res.tempFilePaths[0])\n    }} }})\n  }},\n" + stop + "})\n")


def _uploads(app_repo, head: str):
    app_repo.write("pages/card/card.js", _card("putImage", False))
    base = app_repo.commit("photos")
    app_repo.write("pages/card/card.js", head)
    app_repo.commit("voice")
    return places(run(app_repo.path, base), "upload")


def test_a_renamed_upload_helper_is_the_old_upload_and_only_the_new_one_is_told(app_repo):
    head = _card("putPhoto", True)
    assert _uploads(app_repo, head) == {("upload.upload_file", "pages/card/card.js", 5)}  # putVoice's own call


def test_a_renamed_upload_helper_that_sends_otherwise_is_a_new_upload(app_repo):
    head = _card("putPhoto", True, "wx.uploadFile({ url: HOST, filePath: path, name: 'file', formData: { n: num } })")
    # the renamed helper's own call, which the change rewrote, is told too: it sends another request
    assert _uploads(app_repo, head) == {("upload.upload_file", "pages/card/card.js", 5),
                                        ("upload.upload_file", "pages/card/card.js", 8)}
