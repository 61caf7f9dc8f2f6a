"""A request helper that uploads only when an option flag is set (``if (options.upload) uploadFile() else
request()``) uploads at a call that sets it — directly or through an API module's thin method — and not at
one whose options leave it out (readers/dispatch.py ``flag_choices``, ``Export.subjects_for``)."""

from __future__ import annotations

from helpers import found, loaded_by_app, run
from mp_precheck.readers.jsfacts import js_facts

AJAX = """const ajax = (path, data, options = {}) => new Promise((resolve, reject) => {
  const url = 'https://api.shop-example.cn' + path
  if (options.upload) {
    wx.uploadFile({ url, filePath: data.file, name: 'file', success: resolve, fail: reject })
  } else {
    wx.request({ url, data, method: options.type || 'GET', success: resolve, fail: reject })
  }
})
export default ajax
"""
API = """import ajax from './ajax.js'
export default {
  getToken(data) {
    return ajax('/token', data, { noToken: true })
  },
  uploadImg(data) {
    return ajax('/upload', data, { type: 'post', upload: true })
  },
  send(data, options) {
    return ajax('/send', data, options)
  }
}
"""


def _uploads(app_repo, page: str) -> set[tuple[str, str, int]]:
    app_repo.write_files({"common/ajax.js": AJAX, "common/api.js": API,
                          **loaded_by_app("common/ajax.js", "common/api.js")})
    base = app_repo.commit("the request helper")
    app_repo.write("pages/me/me.js", "import api from '../../common/api.js'\nimport ajax from '../../common/ajax.js'\n"
                                     f"Page({{ go(p) {{\n  {page}\n}} }})\n")
    app_repo.commit()
    return {(rule, path, line) for rule, path, line, _scope in found(run(app_repo.path, base))
            if rule.startswith("upload.")}


def test_a_call_setting_the_flag_uploads():
    exports = js_facts(AJAX, "common/ajax.js").exports
    assert exports["ajax"].flags == ((2, "upload", ("wx.uploadFile",), ("wx.request",)),)
    assert exports["ajax"].subjects_for(("arg:2", "arg:2.upload", "arg:#3")) == ("wx.uploadFile",)
    assert exports["ajax"].subjects_for(("arg:2", "arg:2.noToken", "arg:#3")) == ("wx.request",)
    assert exports["ajax"].subjects_for(("arg:#2",)) == ("wx.request",)  # no options: not set
    assert exports["ajax"].subjects_for(("arg:#3",)) == ("wx.request", "wx.uploadFile")  # options unknown


def test_an_api_method_passing_the_flag_uploads_at_the_page(app_repo):
    assert _uploads(app_repo, "api.uploadImg({ file: p })") == {("upload.upload_file", "pages/me/me.js", 4)}


def test_an_api_method_whose_options_leave_the_flag_out_sends_no_upload(app_repo):
    assert _uploads(app_repo, "api.getToken({ code: p })") == set()


def test_a_direct_call_without_the_flag_sends_no_upload(app_repo):
    assert _uploads(app_repo, "ajax('/list', { page: p }, { type: 'get' })") == set()


def test_options_passed_through_unknown_count_every_branch(app_repo):
    assert _uploads(app_repo, "api.send({ file: p }, this.options)") == {("upload.upload_file", "pages/me/me.js", 4)}


# The flag read into a local and tested against undefined, the options handed over in a variable.
SENDER = """export default class Sender {
  send(opts) {
    const attachment = opts.attachment
    if (attachment === undefined) {
      wx.request({ url: 'https://api.shop-example.cn/' + opts.path, data: opts.data })
    }
    if (attachment) {
      wx.uploadFile({ url: 'https://api.shop-example.cn/' + opts.path, filePath: attachment, name: 'f' })
    }
  }
}
"""
ORDERS = """import Sender from './sender.js'
export class Orders extends Sender {
  cancel(data) {
    let opts = { path: 'order/cancel', data }
    this.send(opts)
  }
  receipt(path) {
    let opts = { path: 'order/receipt' }
    opts.attachment = path
    this.send(opts)
  }
}
"""


def test_a_flag_read_into_a_local_and_tested_against_undefined():
    exports = js_facts(SENDER, "common/sender.js").exports
    assert exports["send"].flags == ((0, "attachment", ("wx.uploadFile",), ("wx.request",)),)


def _sent(app_repo, call: str) -> set[tuple[str, str, int]]:
    app_repo.write_files({"common/sender.js": SENDER, "common/orders.js": ORDERS,
                          **loaded_by_app("common/sender.js", "common/orders.js")})
    base = app_repo.commit("the order client")
    app_repo.write("pages/me/me.js", "import { Orders } from '../../common/orders.js'\nconst orders = new Orders()\n"
                                     f"Page({{ go(p) {{\n  {call}\n}} }})\n")
    app_repo.commit()
    return {(rule, path, line) for rule, path, line, _scope in found(run(app_repo.path, base))
            if rule.startswith("upload.")}


def test_options_held_in_a_variable_without_the_flag_send_no_upload(app_repo):
    assert _sent(app_repo, "orders.cancel({ id: p })") == set()


def test_options_held_in_a_variable_the_method_sets_the_flag_on_upload(app_repo):
    assert _sent(app_repo, "orders.receipt(p)") == {("upload.upload_file", "pages/me/me.js", 4)}
