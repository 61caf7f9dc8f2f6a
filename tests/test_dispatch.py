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


def test_a_call_whose_options_are_unknown_counts_every_branch(app_repo):
    findings = _change(app_repo, "chooseAndUpload(this.data.pickOptions)")
    assert {rule for rule, *_ in findings} == {"privacy.album", "privacy.message_file", "upload.upload_file"}


def test_options_without_the_dispatched_key_take_the_path_no_branch_takes(app_repo):
    # { count: 1 } has no type: neither the image nor the video branch runs, only the fall-through one.
    findings = _change(app_repo, "chooseAndUpload({ count: 1 })")
    assert {rule for rule, *_ in findings} == {"privacy.message_file", "upload.upload_file"}


REQUEST = """export default async (options = { method: 'GET', data: {}, type: '' }) => {
  let response
  if (options.type === 'upload') {
    response = await wx.uploadFile({ url: options.url, ...options.data })
  } else if (options.type === 'raw') {
    response = await wx.request({ url: options.url, data: options.data })
  } else {
    response = await wx.request({ url: 'https://api.club-example.cn' + options.url, data: options.data })
  }
  return response.data
}
"""
SWITCHED = """export function send(path, { kind }) {
  switch (kind) {
    case 'file':
      return wx.uploadFile({ url: path, filePath: '', name: 'f' })
    default:
      return wx.request({ url: path })
  }
}
"""


def _service(app_repo, call: str) -> set[tuple[str, str, int, str]]:
    """A new service module's call of the request helper (one that uploads when ``options.type`` is 'upload'),
    where another service already sent requests through it."""
    app_repo.write_files({"utils/request.js": REQUEST, "utils/send.js": SWITCHED,
                          "pages/list/service.js": "import request from '../../utils/request'\n"
                                                   "export const list = (data) => request({ url: '/list', data })\n",
                          "pages/list/list.js": "import { list } from './service'\nPage({ onLoad() { list({}) } })\n"})
    base = app_repo.commit()
    app_repo.write_files({"pages/join/service.js": "import request from '../../utils/request'\n"
                                                   "import { send } from '../../utils/send'\n"
                                                   f"export async function join(data) {{\n  return {call}\n}}\n",
                          "pages/join/join.js": "import { join } from './service'\nPage({ go() { join({}) } })\n"})
    app_repo.commit()
    return found(run(app_repo.path, base))


def test_a_request_whose_options_leave_the_type_out_is_no_upload(app_repo):
    assert _service(app_repo, "request({ url: '/join', method: 'POST', data })") == set()


def test_a_request_whose_options_name_the_upload_type_uploads(app_repo):
    assert _service(app_repo, "request({ url: '/photo', method: 'POST', data, type: 'upload' })") == {
        ("upload.upload_file", "pages/join/join.js", 2, "file")}  # the new service function, at its caller


def test_a_destructured_switch_key_left_out_is_no_upload(app_repo):
    assert _service(app_repo, "send('/join', { data })") == set()
    assert js_facts(SWITCHED, "utils/send.js").exports["send"].subjects_for(("arg:1", "arg:1.kind?", "arg:#2")) == (
        "wx.request", "wx.uploadFile")


def test_a_default_naming_a_branch_keeps_every_branch_for_a_call_without_options():
    helper = "export function pick(o = { type: 'image' }) {\n  if (o.type === 'image') {\n    wx.chooseImage({})\n" \
             "  } else {\n    wx.chooseVideo({})\n  }\n}\n"
    assert js_facts(helper, "utils/pick.js").exports["pick"].subjects_for(("arg:#0",)) == (
        "wx.chooseImage", "wx.chooseVideo")


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
