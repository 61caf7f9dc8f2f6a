"""Uploads made through a project's wrappers of ``wx.uploadFile``
(https://developers.weixin.qq.com/miniprogram/dev/api/network/upload/wx.uploadFile.html).

* A table of promisified APIs (``module.exports = { upload: pify(wx.uploadFile) }``) offers each member as the API it
  wraps: the first helper that calls the member sends files, told at that call; a table nobody calls, and a call
  that was already there, stay silent (readers/forwarding.py).
* A request helper that uploads only when its options carry a file, read through a local (``const path =
  opts.path; if (path) …``), called with options an API method builds in a variable first (``const o = {…};
  this.send(o)``): a new method whose options carry no file sends a plain request (readers/dispatch.py,
  readers/boundargs.py).
"""

from __future__ import annotations

from helpers import loaded_by_app, places, run
from mp_precheck.readers.jsfacts import js_facts

TABLE = """function pify(fn) {
  return (opts = {}) => new Promise((resolve, reject) => fn({ ...opts, success: resolve, fail: reject }))
}
const wxa = {
  scan: pify(wx.scanCode),
  upload: pify(wx.uploadFile),
  vibrate: wx.vibrateShort
}
module.exports = wxa
"""
STORAGE = """const wxa = require('./wxa.js')
function signedForm(key) {
  return { key, policy: 'p', signature: 's' }
}
module.exports = {
  BODY
}
"""
SEND = """put(path, key) {
    return wxa.upload({ url: 'https://bucket.files-example.cn', filePath: path, name: 'file', formData: signedForm(key) })
  }"""
PAGE = """const storage = require('../../lib/storage.js')
Page({
  pick() {
    wx.chooseMedia({ count: 1, success: (res) => storage.put(res.tempFiles[0].tempFilePath, 'cover') })
  }
})
"""


def _table_change(app_repo, base_files: dict[str, str], head_files: dict[str, str]) -> set[tuple[str, str, int]]:
    app_repo.write_files({"lib/wxa.js": TABLE, **loaded_by_app("lib/wxa.js", "lib/storage.js"), **base_files})
    base = app_repo.commit("the wrapped APIs")
    app_repo.write_files(head_files)
    app_repo.commit()
    return places(run(app_repo.path, base), "upload")


def test_a_table_member_is_the_api_it_wraps():
    exports = js_facts(TABLE, "lib/wxa.js").exports
    assert exports["upload"].subjects == ("wx.uploadFile",)
    assert exports["default.upload"].subjects == ("wx.uploadFile",)
    assert exports["vibrate"].subjects == ("wx.vibrateShort",)


def test_a_table_of_plain_values_offers_nothing():
    exports = js_facts("module.exports = { limit: Number(10), name: String('x') }\n", "lib/conf.js").exports
    assert "limit" not in exports and "default.limit" not in exports


def test_the_first_helper_calling_a_promisified_upload_is_a_new_upload(app_repo):
    # The helper checks the answer itself (an API call of its own): the upload is told where it calls the member.
    storage = STORAGE.replace("BODY", SEND.replace("signedForm(key) })", "signedForm(key) })\n"
                                                   "      .catch(() => wx.showToast({ title: 'failed' }))"))
    found = _table_change(app_repo, {"lib/storage.js": STORAGE.replace("BODY", "")},
                          {"lib/storage.js": storage, "pages/me/me.js": PAGE})
    assert found == {("upload.upload_file", "lib/storage.js", 7)}


def test_a_thin_helper_over_a_promisified_upload_is_told_at_its_caller(app_repo):
    # A helper that only hands on what the page picked: the page's call is the upload (core/placing.py).
    found = _table_change(app_repo, {"lib/storage.js": STORAGE.replace("BODY", "")},
                          {"lib/storage.js": STORAGE.replace("BODY", SEND), "pages/me/me.js": PAGE})
    assert found == {("upload.upload_file", "pages/me/me.js", 4)}


def test_a_promisified_upload_nobody_calls_is_silent(app_repo):
    assert _table_change(app_repo, {}, {"lib/wxa.js": TABLE + "// every wrapped API\n"}) == set()


def test_a_call_of_the_promisified_upload_only_reindented_is_silent(app_repo):
    storage = STORAGE.replace("BODY", SEND)
    reindented = STORAGE.replace("BODY", SEND.replace("\n    return", "\n      return"))
    assert _table_change(app_repo, {"lib/storage.js": storage, "pages/me/me.js": PAGE},
                         {"lib/storage.js": reindented}) == set()


HTTP = """class Http {
  send(opts) {
    const path = opts.path
    const url = 'https://api.shop-example.cn/' + opts.url
    if (path) {
      return new Promise((resolve) => wx.uploadFile({ url, filePath: path, name: 'file', success: resolve }))
    }
    return new Promise((resolve) => wx.request({ url, data: opts.data, success: resolve }))
  }
}
export { Http }
"""
API = """import { Http } from './http.js'
class Api extends Http {
  orders(query) {
    const o = { url: 'orders', data: query }
    return this.send(o)
  }
  METHOD
}
export default new Api()
"""


def _api_change(app_repo, method: str) -> set[tuple[str, str, int]]:
    app_repo.write_files({"lib/http.js": HTTP, "lib/api.js": API.replace("METHOD", ""),
                          **loaded_by_app("lib/http.js", "lib/api.js")})
    base = app_repo.commit("the API module")
    app_repo.write("lib/api.js", API.replace("METHOD", method))
    app_repo.commit()
    return places(run(app_repo.path, base), "upload")


def test_a_flag_read_through_a_local_picks_the_branch():
    export = js_facts(HTTP, "lib/http.js").exports["send"]
    assert export.flags == ((0, "path", ("wx.uploadFile",), ("wx.request",)),)  # the upload branch returns


def test_a_local_assigned_again_is_no_flag():
    reassigned = HTTP.replace("const path = opts.path\n", "let path = opts.path\n    if (!path) path = opts.backup\n")
    assert js_facts(reassigned, "lib/http.js").exports["send"].flags == ()


def test_options_bound_to_a_local_are_read_as_written_in_the_call():
    literals = js_facts(API.replace("METHOD", ""), "lib/api.js").call_literals[5]
    assert "arg:0" in literals and "arg:0.url" in literals and "arg:0.path" not in literals


def test_options_changed_after_their_declaration_are_unknown():
    changed = API.replace("    return this.send(o)", "    o.path = query.file\n    return this.send(o)") \
        .replace("METHOD", "")
    assert "arg:0" not in js_facts(changed, "lib/api.js").call_literals[6]


def test_a_new_api_method_without_a_file_sends_no_upload(app_repo):
    method = "profile(id) {\n    const o = { url: 'profile', data: { id } }\n    return this.send(o)\n  }"
    assert _api_change(app_repo, method) == set()


def test_a_new_api_method_with_a_file_uploads(app_repo):
    method = "avatar(file) {\n    const o = { url: 'avatar', path: file }\n    return this.send(o)\n  }"
    assert _api_change(app_repo, method) == {("upload.upload_file", "lib/api.js", 9)}
