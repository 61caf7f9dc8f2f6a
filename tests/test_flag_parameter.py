"""A helper whose flag parameter chooses the API it calls (``send(path, verb = 'GET', body = {}, asFile = false)``
that requests ``if (!asFile)`` and uploads otherwise) makes, at a call that leaves the flag out or passes a falsy
literal, only the request; a call passing ``true`` only the upload; a call passing a variable both — directly or
through an API module's thin method (facts/branchtests.py, readers/stringtests.py, ``Export.subjects_for``)."""

from __future__ import annotations

from helpers import found, loaded_by_app, run
from mp_precheck.readers.jsfacts import js_facts

SEND = """const HOST = 'https://api.tea-example.cn'
const send = (path, verb = 'GET', body = {}, asFile = false) => {
  return new Promise((resolve, reject) => {
    if (!asFile) {
      wx.request({ url: HOST + path, method: verb, data: body, success: resolve, fail: reject })
    } else {
      wx.uploadFile({ url: HOST + '/files', filePath: body, name: 'file', success: resolve, fail: reject })
    }
  })
}
export { send }
"""
ENDPOINTS = """import { send } from './send.js'
export default {
  markSeen() {
    return send('/lessons/seen', 'POST')
  },
  savePhoto(path) {
    return send('', 'POST', path, true)
  },
  store(path, asFile) {
    return send('/store', 'POST', path, asFile)
  }
}
"""
BOTH = ("wx.request", "wx.uploadFile")


def _reached(source: str, call: tuple[str, ...], name: str = "send") -> tuple[str, ...]:
    return js_facts(source, "common/send.js").exports[name].subjects_for(call)


def test_a_flag_left_out_takes_its_default_and_only_requests():
    assert _reached(SEND, ("arg:0=/lessons/seen", "arg:1=POST", "arg:#2")) == ("wx.request",)
    assert _reached(SEND, ("arg:0=/a", "arg:3:undefined", "arg:#4")) == ("wx.request",)  # undefined: the default


def test_a_literal_flag_decides_the_branch():
    assert _reached(SEND, ("arg:0=", "arg:1=POST", "arg:3:true", "arg:#4")) == ("wx.uploadFile",)
    assert _reached(SEND, ("arg:0=/a", "arg:3:1", "arg:#4")) == ("wx.uploadFile",)
    assert _reached(SEND, ("arg:0=/a", "arg:3", "arg:#4")) == ("wx.uploadFile",)  # an object is truthy
    for falsy in ("arg:3:false", "arg:3:0", "arg:3:null", "arg:3="):
        assert _reached(SEND, ("arg:0=/a", falsy, "arg:#4")) == ("wx.request",), falsy


def test_a_variable_flag_or_an_unread_default_keeps_both_sides():
    assert _reached(SEND, ("arg:0=/a", "arg:#4")) == BOTH  # the fourth argument is a variable
    assert _reached(SEND, ("arg:0=/a",)) == BOTH  # a spread: how many arguments is not known
    unread = SEND.replace("asFile = false", "asFile = DEFAULT_FILE")
    assert _reached(unread, ("arg:0=/a", "arg:#2")) == BOTH


def test_a_flag_without_a_default_is_undefined_when_left_out():
    bare = SEND.replace("asFile = false", "asFile")
    assert _reached(bare, ("arg:0=/a", "arg:#3")) == ("wx.request",)
    truthy_default = SEND.replace("asFile = false", "asFile = true")
    assert _reached(truthy_default, ("arg:0=/a", "arg:#3")) == ("wx.uploadFile",)


STRICT = """export function post(path, data, flag) {
  if (flag === true) {
    wx.uploadFile({ url: 'https://api.tea-example.cn/files', filePath: data, name: 'f' })
    return
  }
  if (flag == null) {
    wx.showLoading({ title: '...' })
  }
  wx.request({ url: 'https://api.tea-example.cn' + path, data })
}
"""


def test_comparisons_with_true_and_null_are_judged_as_javascript_does():
    assert _reached(STRICT, ("arg:0=/a", "arg:2:true", "arg:#3"), "post") == ("wx.uploadFile",)
    assert _reached(STRICT, ("arg:0=/a", "arg:2:1", "arg:#3"), "post") == ("wx.request",)  # 1 !== true
    assert _reached(STRICT, ("arg:0=/a", "arg:#2"), "post") == ("wx.request", "wx.showLoading")  # undefined == null
    assert _reached(STRICT, ("arg:0=/a", "arg:2:false", "arg:#3"), "post") == ("wx.request",)


TERNARY = """export const put = (path, data, asFile) =>
  asFile
    ? wx.uploadFile({ url: 'https://api.tea-example.cn/files', filePath: data, name: 'f' })
    : wx.request({ url: 'https://api.tea-example.cn' + path, data })
"""


def test_a_ternary_on_the_flag_chooses_its_side():
    assert _reached(TERNARY, ("arg:0=/a", "arg:#2"), "put") == ("wx.request",)
    assert _reached(TERNARY, ("arg:0=/a", "arg:2:true", "arg:#3"), "put") == ("wx.uploadFile",)


def test_a_ternary_on_one_line_keeps_both_sides():
    one_line = TERNARY.replace("\n    ? ", " ? ").replace("\n    : ", " : ")
    assert _reached(one_line, ("arg:0=/a", "arg:#2"), "put") == BOTH
    assert _reached(one_line, ("arg:0=/a", "arg:2:true", "arg:#3"), "put") == BOTH


def test_a_parameter_an_inner_function_shadows_is_not_the_flag():
    shadowed = """export function get(path, ok) {
  wx.request({ url: 'https://api.tea-example.cn' + path, success: (ok) => {
    if (ok) {
      wx.uploadFile({ url: 'https://api.tea-example.cn/files', filePath: ok.tempFilePath, name: 'f' })
    }
  } })
}
"""
    assert _reached(shadowed, ("arg:0=/a", "arg:#1"), "get") == BOTH


def _uploads(app_repo, call: str) -> set[tuple[str, str, int]]:
    app_repo.write_files({"common/send.js": SEND, "common/endpoints.js": ENDPOINTS,
                          **loaded_by_app("common/send.js", "common/endpoints.js")})
    base = app_repo.commit("the request helper")
    app_repo.write("pages/me/me.js", "import api from '../../common/endpoints.js'\n"
                                     "import { send } from '../../common/send.js'\n"
                                     f"Page({{ go(p) {{\n  {call}\n}} }})\n")
    app_repo.commit()
    return {(rule, path, line) for rule, path, line, _scope in found(run(app_repo.path, base))
            if rule.startswith("upload.")}


def test_an_api_method_leaving_the_flag_at_its_default_sends_no_upload(app_repo):
    assert _uploads(app_repo, "api.markSeen().then(() => p)") == set()


def test_a_direct_call_leaving_the_flag_out_sends_no_upload(app_repo):
    assert _uploads(app_repo, "send('/lessons', 'GET', { page: p })") == set()


def test_an_api_method_passing_true_uploads_at_the_page(app_repo):
    assert _uploads(app_repo, "api.savePhoto(p)") == {("upload.upload_file", "pages/me/me.js", 4)}


def test_a_direct_call_passing_true_uploads(app_repo):
    assert _uploads(app_repo, "send('', 'POST', p, true)") == {("upload.upload_file", "pages/me/me.js", 4)}


def test_a_flag_passed_in_a_variable_counts_the_upload(app_repo):
    assert _uploads(app_repo, "api.store(p, this.asFile)") == {("upload.upload_file", "pages/me/me.js", 4)}


GUARDED = """export function putImage(path, folder) {
  if (!path || path.length < 4) {
    wx.showModal({ title: 'no picture' })
    return
  }
  wx.uploadFile({ url: 'https://files.tea-example.cn', filePath: path, name: 'file', formData: { folder } })
}
"""


def test_a_call_nested_in_a_wrappers_arguments_does_not_stand_for_it():
    page = "import { putImage } from './put.js'\nputImage(res.paths[0], 'logos/' + getApp().globalData.uid + '/')\n"
    assert js_facts(page, "pages/a/a.js").call_literals[2] == ("arg:#2",)
    page = "import put from './put.js'\nput(res.paths[0], 'logos/' + getApp().globalData.uid)\n"  # a local name
    assert js_facts(page, "pages/a/a.js").call_literals[2] == ("arg:#2",)
    chained = "import put from './put.js'\nput('/a').then(() => this.setData({ uid: getApp().uid }))\n"
    assert js_facts(chained, "pages/a/a.js").call_literals[2] == ("/a", "arg:0=/a", "arg:#1")


def test_a_guarded_upload_given_a_path_and_a_nested_call_uploads(app_repo):
    app_repo.write_files({"common/put.js": GUARDED, **loaded_by_app("common/put.js")})
    base = app_repo.commit("the upload helper")
    app_repo.write("pages/me/me.js", "import { putImage } from '../../common/put.js'\n"
                                     "Page({ go(p) {\n  putImage(p, 'logos/' + getApp().globalData.uid)\n} })\n")
    app_repo.commit()
    assert {(rule, path, line) for rule, path, line, _scope in found(run(app_repo.path, base))
            if rule.startswith("upload.")} == {("upload.upload_file", "pages/me/me.js", 3)}
