"""A module's private ``send(path, options, asFile)`` that uploads only ``if (asFile)`` and requests otherwise, and
the thin methods beside it: a method whose call of ``send`` leaves the flag out (or passes a falsy literal) only
requests, one passing ``true`` only uploads, one handing on its own parameter has the flag itself — a page calling
it without the flag sends no upload (readers/siblings.py ``SiblingReach.reached``, readers/relayedflags.py)."""

from __future__ import annotations

from helpers import found, loaded_by_app, run
from mp_precheck.readers.jsfacts import js_facts

SEND = """const ROOT = 'https://api.kettle-example.net'
function send(path, options, asFile) {
  wx.showNavigationBarLoading()
  if (asFile) {
    return wx.uploadFile({ url: ROOT + '/blob' + path, filePath: options.filePath, name: 'blob' })
  }
  return wx.request({ url: ROOT + path, ...options })
}
function note(text) {
  return wx.setStorageSync('last', text)
}
const client = {
  fetch(path, data) {
    return send(path, { method: 'GET', data })
  },
  save(path, data, asFile) {
    if (asFile) {
      return send(path, { method: 'POST', ...data }, asFile)
    }
    return send(path, { method: 'POST', data }, asFile)
  },
  attach(filePath) {
    return send('/attachments', { filePath }, true)
  },
  quiet(path) {
    return send(path, {}, false)
  },
  either(path, data, kind) {
    return send(path, data, kind === 'file')
  },
  remember(text) {
    return note(text)
  }
}
export default client
"""
REQUEST = ("wx.request", "wx.showNavigationBarLoading")
UPLOAD = ("wx.showNavigationBarLoading", "wx.uploadFile")
BOTH = ("wx.request", "wx.showNavigationBarLoading", "wx.uploadFile")


def _exports(source: str = SEND, path: str = "common/client.js"):
    return js_facts(source, path).exports


def test_a_thin_method_leaving_the_flag_out_reaches_the_request_only():
    exports = _exports()
    assert exports["fetch"].subjects == REQUEST
    assert exports["default.fetch"].subjects == REQUEST
    assert exports["quiet"].subjects == REQUEST  # a literal false


def test_a_thin_method_passing_true_reaches_the_upload_only():
    assert _exports()["attach"].subjects == UPLOAD


def test_a_thin_method_passing_something_else_reaches_both_sides():
    assert _exports()["either"].subjects == BOTH


def test_a_thin_method_handing_on_its_parameter_has_the_flag():
    save = _exports()["save"]
    assert save.subjects == BOTH
    assert save.flags[0] == (2, "", UPLOAD, REQUEST)
    assert save.subjects_for(("/a", "arg:0=/a", "arg:#2")) == REQUEST  # left out
    assert save.subjects_for(("arg:2:true", "arg:#3")) == UPLOAD
    assert save.subjects_for(("arg:2", "arg:#3")) == UPLOAD  # an object is truthy
    for falsy in ("arg:2:false", "arg:2:0", "arg:2:null", "arg:2:undefined", "arg:2="):
        assert save.subjects_for((falsy, "arg:#3")) == REQUEST, falsy
    assert save.subjects_for(("arg:#3",)) == BOTH  # a variable
    assert save.subjects_for(()) == BOTH  # a spread: how many arguments is not known


def test_a_sibling_without_a_flag_is_followed_whole():
    assert _exports()["remember"].subjects == ("wx.setStorageSync",)
    assert _exports()["send"].subjects == BOTH


def test_a_flag_parameter_with_a_truthy_default_is_not_relayed():
    source = SEND.replace("save(path, data, asFile)", "save(path, data, asFile = true)")
    assert _exports(source)["save"].flags == ()
    assert _exports(source)["save"].subjects_for(("arg:#2",)) == BOTH


def test_a_flag_parameter_reassigned_before_it_is_handed_on_is_not_relayed():
    source = SEND.replace("    if (asFile) {\n      return send(path, { method: 'POST', ...data }",
                          "    asFile = asFile || data.big\n    if (asFile) {\n"
                          "      return send(path, { method: 'POST', ...data }")
    assert _exports(source)["save"].flags == ()


# The same in a TypeScript class: the flag an option key of the options object, handed on whole or destructured.
SERVICE = """export class Transport {
  private exchange(path: string, options: { upload?: boolean; file?: string } = {}) {
    if (options.upload) {
      return wx.uploadFile({ url: 'https://io.kettle-example.net' + path, filePath: options.file || '', name: 'f' })
    }
    return wx.request({ url: 'https://io.kettle-example.net' + path })
  }
  list(path: string) {
    return this.exchange(path, { upload: false })
  }
  push(path: string, options?: { upload?: boolean; file?: string }) {
    return this.exchange(path, options)
  }
  store(path: string, { upload }: { upload?: boolean } = {}) {
    return this.exchange(path, { upload })
  }
  put(path: string, file: string) {
    return this.exchange.call(this, path, { upload: true, file })
  }
}
"""


def test_an_option_flag_a_method_passes_as_a_literal_decides_its_side():
    exports = _exports(SERVICE, "common/transport.ts")
    assert exports["Transport.list"].subjects == ("wx.request",)
    assert exports["Transport.put"].subjects == ("wx.uploadFile",)  # .call: the arguments after this


def test_an_options_object_handed_on_whole_relays_its_key():
    push = _exports(SERVICE, "common/transport.ts")["Transport.push"]
    assert (1, "upload", ("wx.uploadFile",), ("wx.request",)) in push.flags
    assert push.subjects_for(("arg:1", "arg:#2")) == ("wx.request",)
    assert push.subjects_for(("arg:1", "arg:1.upload", "arg:#2")) == ("wx.uploadFile",)


def test_a_shorthand_option_is_a_variable_the_sibling_cannot_tell():
    store = _exports(SERVICE, "common/transport.ts")["Transport.store"]
    assert store.subjects == ("wx.request", "wx.uploadFile")


WIRE = """export default class Wire {
  exchange(path: string, options: object, asFile?: boolean) {
    if (asFile) {
      return wx.uploadFile({ url: 'https://io.kettle-example.net/blob', filePath: path, name: 'f' })
    }
    return wx.request({ url: 'https://io.kettle-example.net' + path, ...options })
  }
  get(path: string, data?: object) {
    return this.exchange(path, { method: 'GET', data })
  }
  post(path: string, data: object, asFile?: boolean) {
    return this.exchange(path, { method: 'POST', data }, asFile)
  }
}
"""


def test_a_class_method_with_an_optional_typed_flag_relays_it():
    exports = _exports(WIRE, "common/wire.ts")
    assert exports["Wire.get"].subjects == ("wx.request",)
    assert exports["Wire.post"].flags == ((2, "", ("wx.uploadFile",), ("wx.request",)),)
    assert exports["Wire.post"].subjects_for(("arg:#2",)) == ("wx.request",)


def _uploads(app_repo, call: str) -> set[tuple[str, str, int]]:
    app_repo.write_files({"common/client.js": SEND, **loaded_by_app("common/client.js")})
    base = app_repo.commit("the request module")
    app_repo.write("pages/me/me.js", "import client from '../../common/client.js'\n"
                                     f"Page({{ go(p) {{\n  {call}\n}} }})\n")
    app_repo.commit()
    return {(rule, path, line) for rule, path, line, _scope in found(run(app_repo.path, base))
            if rule.startswith("upload.")}


def test_a_page_fetching_through_the_thin_method_sends_no_upload(app_repo):
    assert _uploads(app_repo, "client.fetch('/kettles', { page: p })") == set()


def test_a_page_saving_without_the_flag_sends_no_upload(app_repo):
    assert _uploads(app_repo, "client.save('/kettles', { name: p })") == set()


def test_a_page_saving_with_the_flag_uploads(app_repo):
    assert _uploads(app_repo, "client.save('/kettles', p, true)") == {("upload.upload_file", "pages/me/me.js", 3)}


def test_a_page_calling_the_method_that_always_uploads_uploads(app_repo):
    assert _uploads(app_repo, "client.attach(p)") == {("upload.upload_file", "pages/me/me.js", 3)}
