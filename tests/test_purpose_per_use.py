"""A privacy type collected anew at each call (a photo picker, the clipboard) is reported at every added call in
its own function — each use has its own purpose in the guideline — while the branches of one handler are one use
and a type that is one value per user (the position) is read once per file."""

from __future__ import annotations

from helpers import found, run

PICK = "  wx.chooseImage({ count: 1, success: (r) => this.setData({ %s: r.tempFilePaths[0] }) })\n"


def _rules(report, rule: str) -> set[tuple[str, int, str]]:
    return {(path, line, scope) for r, path, line, scope in found(report) if r == rule}


def test_two_pickers_in_two_handlers_of_a_new_page_are_two_uses(app_repo):
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({\nbackground() {\n" + PICK % "bg" + "},\navatar() {\n"
                   + PICK % "avatar" + "},\n})\n")
    app_repo.commit()
    assert _rules(run(app_repo.path, base), "privacy.album") == {("pages/me/me.js", 3, "app"),
                                                                 ("pages/me/me.js", 6, "app")}


def test_two_copy_actions_are_two_new_call_sites_of_a_clipboard_the_app_had(app_repo):
    app_repo.write("pages/index/index.js", "Page({ copy() { wx.setClipboardData({ data: 'x' }) } })\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({\nopen(m) {\n  wx.showModal({ success: () => {\n"
                   "    wx.setClipboardData({ data: m.url })\n  } })\n},\ncopyLink(m) {\n"
                   "  wx.setClipboardData({ data: m.link })\n},\n})\n")
    app_repo.commit()
    assert _rules(run(app_repo.path, base), "privacy.clipboard") == {("pages/me/me.js", 4, "file"),
                                                                     ("pages/me/me.js", 8, "file")}


def test_the_album_and_camera_branches_of_one_handler_are_one_use(app_repo):
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({\npick(camera) {\n  if (camera) {\n"
                   "    wx.chooseImage({ sourceType: ['camera'] })\n  } else {\n"
                   "    wx.chooseImage({ sourceType: ['album'] })\n  }\n},\n})\n")
    app_repo.commit()
    assert _rules(run(app_repo.path, base), "privacy.album") == {("pages/me/me.js", 4, "app")}


def test_a_position_read_in_two_functions_of_one_file_is_one_use(app_repo):
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({\nonLoad() {\n  wx.getLocation({ type: 'gcj02' })\n},\n"
                   "refresh() {\n  wx.getLocation({ type: 'gcj02' })\n},\n})\n")
    app_repo.commit()
    assert _rules(run(app_repo.path, base), "privacy.location") == {("pages/me/me.js", 3, "app")}


def test_a_picking_helper_called_from_two_functions_is_told_once_per_page(app_repo):
    app_repo.write("utils/pick.js", "function pickOne() {\n  return wx.chooseImage({ count: 1 })\n}\n"
                   "module.exports = { pickOne }\n")
    app_repo.write("pages/index/index.js", "const { pickOne } = require('../../utils/pick.js')\n"
                   "Page({ a() { pickOne() } })\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "const { pickOne } = require('../../utils/pick.js')\nPage({\n"
                   "cover() {\n  pickOne()\n},\ninsert() {\n  pickOne()\n},\n})\n")
    app_repo.commit()
    assert _rules(run(app_repo.path, base), "privacy.album") == {("pages/me/me.js", 4, "file")}
