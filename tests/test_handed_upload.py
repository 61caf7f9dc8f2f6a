"""The platform's upload handed to a page's function as a parameter (a kit's upload hook given ``uploadFile``) and
called there with ``wx.uploadFile``'s options is an upload at that call; a parameter called with other options,
or a function the file defines itself, is not."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.readers.jsfacts import js_facts

HOOK = ("Page({\n  data: { cover: '' },\n  onReady() {},\n"
        "  sendCover: function (send, picked) {\n"
        "    send({\n      url: 'https://files.example.org/covers',\n      filePath: picked.path,\n"
        "      name: 'cover',\n      success: (res) => this.setData({ cover: res.data }),\n    })\n  },\n})\n")


def test_a_parameter_called_with_the_upload_options_is_an_upload():
    facts = js_facts(HOOK, "pages/me/me.js")
    assert [(f.subject, f.line) for f in facts.facts if f.kind == "api"] == [("wx.uploadFile", 5)]


def test_a_typed_arrow_parameter_counts_too():
    source = ("export const hook = (put: Function, o: any) => {\n"
              "  put({ url: o.target, filePath: o.file, name: 'f' })\n}\n")
    facts = js_facts(source, "src/pages/a/hook.ts")
    assert [(f.subject, f.line) for f in facts.facts if f.kind == "api"] == [("wx.uploadFile", 2)]


def test_a_parameter_called_with_other_options_is_no_upload():
    source = ("Page({\n  relay(send, picked) {\n"
              "    send({ url: 'https://files.example.org/covers', data: { path: picked.path } })\n"
              "    send({ filePath: picked.path, name: 'cover' })\n  },\n})\n")
    assert not [f for f in js_facts(source, "pages/me/me.js").facts if f.kind == "api"]


def test_a_function_of_the_file_called_with_the_upload_options_is_no_handed_upload():
    source = ("function send(o) { console.log(o) }\nPage({\n  relay(picked) {\n"
              "    send({ url: 'https://files.example.org/covers', filePath: picked.path, name: 'cover' })\n"
              "  },\n})\n")
    assert not [f for f in js_facts(source, "pages/me/me.js").facts if f.subject == "wx.uploadFile"]


def test_the_page_that_adds_the_hook_reports_the_upload_there(app_repo):
    app_repo.write("pages/me/me.js", "Page({\n  data: { cover: '' },\n  onReady() {},\n})\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", HOOK)
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == {("upload.upload_file", "pages/me/me.js", 5)}


def test_a_hook_kept_as_it_was_reports_nothing(app_repo):
    app_repo.write("pages/me/me.js", HOOK)
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", HOOK.replace("onReady() {}", "onReady() { this.setData({ cover: 'x' }) }"))
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == set()
