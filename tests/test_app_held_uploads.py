"""A module the App instance holds (``App({ http })``, ``App({ http: require('./lib/http') })``) is reached from a
page as ``getApp().http.post(…)`` the way an import of it would be: a picked photo read as base64 and sent through
it is an upload (``upload.request_media``), and the module's own APIs are the page's calls. A member that names no
network (``app.store.save``) keeps the photo on the phone: silent."""

from __future__ import annotations

import pytest

from helpers import places, run
from mp_precheck.readers.jsfacts import js_facts

HTTP = """function send(method, options) {
  wx.request({ url: 'https://vision.example.cn' + options.url, method, data: JSON.stringify(options.params) })
}
function post(options) { send('POST', options) }
module.exports = { post }
"""
STORE = """function save(key, value) { wx.setStorageSync(key, value) }
module.exports = { save }
"""
APP = """const http = require('./lib/http.js')
const store = require('./lib/store.js')
App({
  http,
  store,
  onLaunch() { wx.onNeedPrivacyAuthorization((resolve) => resolve({ event: 'agree' })) },
})
"""
LABEL = """const app = getApp()
Page({
  data: { path: '' },
  pick() {
    wx.chooseImage({ count: 1, success: (res) => { this.setData({ path: res.tempFilePaths[0] }) } })
  },
  label() {
    wx.getFileSystemManager().readFile({
      filePath: this.data.path,
      encoding: 'base64',
      success: (res) => {
        SEND
      },
    })
  },
})
"""


def _labelled(repo, send: str, app: str = APP) -> set[tuple[str, str, int]]:
    """The upload places of the change that adds a labelling page sending its photo with ``send``."""
    repo.write_files({"lib/http.js": HTTP, "lib/store.js": STORE, "app.js": app})
    base = repo.commit("the App holds its modules")
    repo.write("pages/me/me.js", LABEL.replace("SEND", send))
    repo.commit("a page labels a picked photo")
    return places(run(repo.path, base), "upload")


@pytest.mark.parametrize("send", [
    "app.http.post({ url: '/label', params: { photo: res.data } })",
    "getApp().http.post({ url: '/label', params: { photo: res.data } })",
])
def test_a_photo_sent_through_a_module_the_app_holds_is_an_upload(app_repo, send):
    assert _labelled(app_repo, send) == {("upload.request_media", "pages/me/me.js", 12)}


GEO = "function where(cb) { wx.getLocation({ type: 'gcj02', success: cb }) }\nmodule.exports = { where }\n"


@pytest.mark.parametrize(("member", "found"), [
    ("geo: require('./lib/geo.js')", {("privacy.location", "pages/me/me.js", 3)}),  # the module, required in place
    ("geo: makeGeo()", set()),  # what a function builds: no module of the project to follow
])
def test_a_member_given_as_a_require_call_is_the_module(app_repo, member, found):
    app_repo.write_files({"lib/geo.js": GEO, "app.js": "function makeGeo() { return {} }\nApp({\n  " + member +
                          ",\n  onLaunch() { wx.onNeedPrivacyAuthorization((resolve) => resolve({})) },\n})\n"})
    base = app_repo.commit("the App holds a location module")
    app_repo.write("pages/me/me.js", "Page({\n  onShow() {\n    getApp().geo.where((r) => this.setData({ r }))\n"
                                     "  },\n})\n")
    app_repo.commit("a page asks where the user is through it")
    assert places(run(app_repo.path, base), "privacy") - {
        ("privacy.required_private_infos_missing", "pages/me/me.js", 3)} == found


@pytest.mark.parametrize("send", [
    "app.store.save('photo', res.data)",  # kept on the phone
    "app.http.post({ url: '/label', params: { name: 'cat' } })",  # the photo stays behind
])
def test_a_photo_kept_or_left_behind_is_no_upload(app_repo, send):
    assert _labelled(app_repo, send) == set()


def test_app_members_read_require_calls_written_as_values():
    facts = js_facts("import api from './api'\nApp({ api, http: require('./lib/http'), other: compute(),"
                     " n: require(name) })\n", "app.js")
    assert facts.app_members == {"api": "./api", "http": "./lib/http"}
