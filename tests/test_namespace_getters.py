"""``wx`` handed back by a function of the file (``const rt = runtime(); rt.cloud.uploadFile(…)``, a module shared
with Node tests that checks ``typeof wx`` first) is the API namespace: its calls are the APIs they name, and a
page's new call of a wrapper built on it is a new upload. A function that takes an argument, or may hand back
something else (a mock), is no such getter."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.readers.jsfacts import js_facts

STORAGE = ("function runtime() {\n  if (typeof wx === 'undefined') {\n    return undefined\n  }\n  return wx\n}\n\n"
           "function putFile(path) {\n  return runtime().cloud.uploadFile({ cloudPath: 'u/' + Date.now(), filePath: path })\n"
           "}\n\nmodule.exports = { putFile }\n")


def _apis(source: str) -> list[tuple[str, int]]:
    return [(f.subject, f.line) for f in js_facts(source, "utils/storage.js").facts if f.kind == "api"]


def test_calls_through_a_getter_of_the_namespace_are_api_calls():
    assert _apis(STORAGE) == [("wx.cloud.uploadFile", 9)]
    held = ("const env = () => (typeof uni !== 'undefined' ? uni : null)\n"
            "export function pick() {\n  const u = env()\n  u.chooseMedia({ count: 1 })\n}\n")
    assert _apis(held) == [("wx.chooseMedia", 4)]
    fallback = "function api() { return globalThis.wx || undefined }\nexport const save = () => api().setClipboardData({})\n"
    assert _apis(fallback) == [("wx.setClipboardData", 2)]


def test_a_function_taking_an_argument_or_handing_back_a_mock_is_no_getter():
    given = "function runtime(env) { return env.wx }\nexport const put = (p) => runtime(g).cloud.uploadFile({ filePath: p })\n"
    assert _apis(given) == []
    mocked = ("const fake = { cloud: {} }\nfunction runtime() { return typeof wx === 'undefined' ? fake : wx }\n"
              "export const put = (p) => runtime().cloud.uploadFile({ filePath: p })\n")
    assert _apis(mocked) == []
    nested = "function runtime() { const f = () => wx; return f }\nexport const put = (p) => runtime().cloud.uploadFile({})\n"
    assert _apis(nested) == []


def _page(call: bool) -> str:
    body = "  save(e) { putFile(e.detail.avatarUrl) }\n" if call else "  save(e) { this.setData({ a: e }) }\n"
    return "const { putFile } = require('../../utils/storage')\nPage({\n" + body + "})\n"


def test_a_pages_new_call_of_a_wrapper_on_the_getter_is_a_cloud_upload(app_repo):
    app_repo.write_files({"utils/storage.js": STORAGE, "pages/me/me.js": _page(False)})
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", _page(True))
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == {("upload.cloud_upload_file", "pages/me/me.js", 3)}


def test_a_page_that_only_edits_around_an_old_call_stays_silent(app_repo):
    app_repo.write_files({"utils/storage.js": STORAGE, "pages/me/me.js": _page(True)})
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "// profile page\n" + _page(True))
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == set()
