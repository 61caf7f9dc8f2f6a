"""A helper that picks its API by a string argument (``chooseAndUploadFile({ type: 'image' })``) counts, at
a call passing that string, only the branch it picks — not every branch as a new use."""

from __future__ import annotations

from helpers import found, run
from mp_precheck.readers.jsfacts import js_facts

PICKER = """function pickImage(opts) { return new Promise((ok) => wx.chooseImage({ count: opts.count, success: ok })) }
function pickVideo() { return new Promise((ok) => wx.chooseVideo({ success: ok })) }
function pickAny() { return new Promise((ok) => wx.chooseMessageFile({ count: 1, success: ok })) }
function send(files) { return files.map((f) => wx.uploadFile({ url: '/f', filePath: f, name: 'f' })) }
export function chooseAndUpload(opts = { type: 'all' }) {
  if (opts.type === 'image') {
    return send(pickImage(opts))
  } else if (opts.type === 'video') {
    return send(pickVideo())
  }
  return send(pickAny())
}
export function choose(kind) {
  switch (kind) {
    case 'image':
      return pickImage({})
    case 'file':
      return pickAny()
  }
}
"""
# Before: the app already picks videos and chat files through the helper, on another page.
USES = "import { chooseAndUpload } from '../../utils/pick'\nPage({ a() { chooseAndUpload({ type: 'video' }) },\n" \
       "  b() { chooseAndUpload() } })\n"


def _change(app_repo, call: str) -> set[tuple[str, str, int, str]]:
    app_repo.write_files({"utils/pick.js": PICKER, "pages/index/index.js": USES})
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "import { chooseAndUpload, choose } from '../../utils/pick'\n"
                                     f"Page({{ async avatar() {{\n  await {call}\n}} }})\n")
    app_repo.commit()
    return found(run(app_repo.path, base))


def test_a_call_naming_a_branch_counts_that_branch_only(app_repo):
    # chooseVideo and chooseMessageFile sit in branches this call does not take: not new uses on this page.
    assert _change(app_repo, "chooseAndUpload({ type: 'image' })") == {
        ("privacy.album", "pages/me/me.js", 3, "file"), ("upload.upload_file", "pages/me/me.js", 3, "file")}


def test_a_string_argument_picks_a_switch_case(app_repo):
    assert _change(app_repo, "choose('file')") == {("privacy.message_file", "pages/me/me.js", 3, "file")}


def test_a_call_naming_no_branch_counts_every_branch(app_repo):
    findings = _change(app_repo, "chooseAndUpload({ count: 1 })")
    assert {rule for rule, *_ in findings} == {"privacy.album", "privacy.message_file", "upload.upload_file"}


def test_the_choices_of_a_dispatching_function_and_none_for_a_plain_one():
    exports = js_facts(PICKER, "utils/pick.js").exports
    assert exports["chooseAndUpload"].choices == (
        ("image", ("wx.chooseImage", "wx.uploadFile")), ("video", ("wx.chooseVideo", "wx.uploadFile")))
    assert exports["choose"].choices == (("image", ("wx.chooseImage",)), ("file", ("wx.chooseMessageFile",)))
    assert exports["send"].choices == ()
    assert exports["chooseAndUpload"].subjects_for(("video",)) == ("wx.chooseVideo", "wx.uploadFile")
    assert exports["chooseAndUpload"].subjects_for(("audio",)) == exports["chooseAndUpload"].subjects


def test_call_literals_and_choices_survive_the_fact_cache(tmp_path):
    from mp_precheck.facts.cache import FactCache

    page = js_facts("import { choose } from './pick'\nPage({ a() {\n  choose({ type: 'image', n: 2 }, 'x')\n} })\n",
                    "pages/a/a.js")
    # The strings passed, then what the arguments are (an object literal setting type and n; the string 'x';
    # two arguments).
    passed = ("image", "arg:0", "arg:0.type", "arg:0.n", "x", "arg:1=x", "arg:#2")
    assert page.call_literals == {3: passed}
    cache = FactCache(tmp_path / "facts.sqlite")
    ajax = js_facts("export function ajax(u, o = {}) {\n  if (o.upload) {\n    wx.uploadFile({ url: u })\n"
                    "  } else {\n    wx.request({ url: u })\n  }\n}\n", "utils/ajax.js")
    cache.put_many({"page": page, "pick": js_facts(PICKER, "utils/pick.js"), "ajax": ajax})
    loaded = cache.get_many(["page", "pick", "ajax"])
    assert loaded["page"].call_literals == {3: passed}
    assert loaded["ajax"].exports["ajax"].flags == ((1, "upload", ("wx.uploadFile",), ("wx.request",)),)
    assert loaded["pick"].exports["choose"].choices == (("image", ("wx.chooseImage",)), ("file", ("wx.chooseMessageFile",)))


def test_call_literals_of_a_single_file_component_script():
    from mp_precheck.facts.extract import extract

    vue = b"<template><view /></template>\n<script setup>\nimport { choose } from '@/utils/pick'\n" \
          b"async function avatar() {\n  await choose('image')\n}\n</script>\n"
    assert extract("pages/user/info.vue", vue).call_literals == {5: ("image", "arg:0=image", "arg:#1")}
