"""What a change ships when it registers a page: the page's calls, whether the change also edits its files; a
picked photo read as base64 and handed to a cloud function is an upload; a WeChat API held under a name nothing
reads again is no use; a socket URL constant handed to a class of its file in an options object is told there."""

from __future__ import annotations

from conftest import Repo
from helpers import places, run
from mp_precheck.readers.jsfacts import js_facts

REGISTERED = '{\n  "pages": ["pages/form/form", "pages/index/index", "pages/me/me"]\n}\n'
FORM_WXML = '<view>\n  <button bindtap="pick">添加图片</button>\n  <button bindtap="send">提交</button>\n</view>\n'
PICK = ("Page({\n  data: { photos: [] },\n  pick() {\n    wx.chooseImage({\n      count: 3,\n"
        "      success: res => { this.setData({ photos: res.tempFilePaths }) }\n    })\n  },\n")
SEND = ("  send() {\n    this.data.photos.forEach(p => {\n"
        "      wx.getFileSystemManager().readFile({\n        filePath: p,\n        encoding: 'base64',\n"
        "        success: res => {\n          wx.cloud.callFunction({\n            name: 'keep',\n"
        "            data: { file: res.data }\n          })\n        }\n      })\n    })\n  }\n})\n")


def _form_page(app_repo: Repo) -> set[tuple[str, str, int]]:
    """A photo form page sitting unregistered in base; the change registers it first and edits its script."""
    app_repo.write_files({"pages/form/form.wxml": FORM_WXML, "pages/form/form.js": PICK + "  send() {}\n})\n"})
    base = app_repo.commit("a copied page, not registered")
    app_repo.write("pages/form/form.js", PICK + SEND)
    app_repo.write("app.json", REGISTERED)
    app_repo.commit("the form page")
    return places(run(app_repo.path, base))


def test_a_page_the_change_registers_and_edits_ships_its_calls(app_repo):
    found = _form_page(app_repo)
    assert ("privacy.album", "pages/form/form.js", 4) in found  # the pick the base page already had
    assert ("upload.request_media", "pages/form/form.js", 15) in found  # the photo handed to the cloud function


def test_a_page_another_page_opened_before_it_was_registered_keeps_its_base(app_repo):
    app_repo.write("pages/index/index.js", "Page({ go() { wx.navigateTo({ url: '../form/form' }) } })\n")
    app_repo.write_files({"pages/form/form.wxml": FORM_WXML, "pages/form/form.js": PICK + "  send() {}\n})\n"})
    base = app_repo.commit("a page the home page opens, not registered")
    app_repo.write("pages/form/form.js", PICK.replace("count: 3", "count: 9") + "  send() {}\n})\n")
    app_repo.write("app.json", REGISTERED)
    app_repo.commit("registered")
    assert ("privacy.album", "pages/form/form.js", 4) not in places(run(app_repo.path, base))


def test_a_registered_page_edited_in_place_is_judged_against_its_base_when_it_was_registered(app_repo):
    app_repo.write_files({"app.json": REGISTERED, "pages/form/form.wxml": FORM_WXML,
                          "pages/form/form.js": PICK + "  send() {}\n})\n"})
    base = app_repo.commit("a registered page that picks photos")
    app_repo.write("pages/form/form.js", PICK.replace("count: 3", "count: 9") + "  send() {}\n})\n")
    app_repo.commit("more photos")
    assert not places(run(app_repo.path, base), "privacy")


def _rerouted(app_repo: Repo, copy_script: str) -> set[tuple[str, str, int]]:
    """A photo page registered at pages/form/form and an unregistered copy of it elsewhere; the change registers
    the copy in its place."""
    app_repo.write_files({"app.json": REGISTERED, "pages/form/form.wxml": FORM_WXML,
                          "pages/form/form.js": PICK + "  send() {}\n})\n",
                          "pages/work/apply/apply.wxml": FORM_WXML, "pages/work/apply/apply.js": copy_script})
    base = app_repo.commit("the form page and a copy not yet registered")
    app_repo.write("app.json", REGISTERED.replace("pages/form/form", "pages/work/apply/apply"))
    app_repo.commit("the form page moves to its new route")
    return places(run(app_repo.path, base))


def test_a_page_registered_in_place_of_the_page_it_copies_brings_only_what_differs(app_repo):
    copy = PICK.replace("Page({\n", "// 企业资料\nPage({\n") + "  send() {\n    this.setData({ sent: true })\n  }\n})\n"
    found = _rerouted(app_repo, copy)
    assert not {place for place in found if place[1].startswith("pages/work/")}


def test_a_page_registered_in_place_of_a_different_page_ships_its_calls(app_repo):
    other = "Page({\n  where() {\n    wx.getLocation({ type: 'gcj02' })\n  }\n})\n"
    assert ("privacy.location", "pages/work/apply/apply.js", 3) in _rerouted(app_repo, other)


def _media_lines(source: str) -> list[int]:
    return [f.line for f in js_facts(source, "pages/a/a.js").facts if f.subject == "wx.request:media"]


def test_a_picture_read_as_base64_in_a_cloud_functions_data_is_an_upload():
    assert _media_lines(PICK + SEND) == [15]


def test_a_cloud_function_given_no_picture_is_no_upload():
    assert _media_lines(PICK + SEND.replace("{ file: res.data }", "{ id: 1, kind: 'photo' }")) == []
    assert _media_lines(SEND.replace("encoding: 'base64',\n", "")) == []  # no base64 read in the file


HELD = "import { promisify } from './promise'\nconst upload = promisify(wx.uploadFile)\n"


def _uploads(source: str) -> list[int]:
    return [f.line for f in js_facts(source, "pages/a/a.js").facts if f.subject == "wx.uploadFile"]


def test_an_api_held_under_a_name_nothing_reads_again_is_no_use():
    assert _uploads(HELD + "Page({})\n") == []
    assert [f for f in js_facts("const where = wx.getLocation\nPage({})\n", "a.js").facts
            if f.subject == "wx.getLocation"] == []


def test_an_api_held_under_a_name_the_file_uses_or_exports_stays_a_use():
    assert _uploads(HELD + "Page({ send() { return upload({ url: u, filePath: p, name: 'f' }) } })\n") == [2]
    assert _uploads("export const upload = promisify(wx.uploadFile)\n") == [1]
    assert _uploads(HELD + "module.exports = { upload }\n") == [2]
    assert _uploads(HELD + "export { upload }\n") == [2]
    assert _uploads(HELD + "Page({ onLoad() { this.send = upload } })\n") == [2]  # handed on: read


def test_a_name_only_a_comment_or_a_property_spells_is_not_read():
    assert _uploads(HELD + "// upload is kept for later\nPage({ data: { upload: 1 }, onTap() { this.upload } })\n") == []


SOCKET_CLIENT = ("const SOCKET_URL = 'wss://asr.example.cn/ws'\n"
                 "class Client {\n  constructor(config) { this.config = config }\n"
                 "  open() {\n    let target = this.config.url\n    target = target + '?t=1'\n"
                 "    this.task = wx.connectSocket({ url: target })\n  }\n}\n"
                 "export function listen() {\n  return new Client({ url: SOCKET_URL }).open()\n}\n")


def _socket_roles(source: str) -> list[str | None]:
    return [f.role for f in js_facts(source, "utils/client.js").facts if f.subject == "host:asr.example.cn"]


def test_a_url_handed_to_a_class_in_an_options_object_is_the_sockets_server():
    assert _socket_roles(SOCKET_CLIENT) == ["socket"]


def test_a_url_under_another_member_than_the_one_the_socket_reads_keeps_its_role():
    assert _socket_roles(SOCKET_CLIENT.replace("{ url: SOCKET_URL }", "{ url: other, help: SOCKET_URL }")) == ["code"]


def test_the_socket_host_is_told_where_the_socket_uses_it_not_at_an_unused_config_entry(app_repo):
    base = app_repo.commit("base")
    app_repo.write_files({
        "utils/auth.js": "export const CONFIG = {\n  TOKEN_URL: 'https://meta.example.cn',\n"
                         "  SOCKET_URL: 'wss://asr.example.cn/ws'\n}\n",
        "utils/client.js": "import { CONFIG } from './auth'\n" + SOCKET_CLIENT,
        "pages/index/index.js": "import { listen } from '../../utils/client'\nPage({ onTap() { listen() } })\n"})
    app_repo.commit("a speech client")
    assert ("external_link.domain", "utils/client.js", 2) in places(run(app_repo.path, base), "external_link")
