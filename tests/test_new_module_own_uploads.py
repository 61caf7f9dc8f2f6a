"""An upload in a helper the change adds to a service module, reached through the module's own exported functions
(``publishNote`` → ``sendImages`` beside it → ``wx.uploadFile``) that a page calls: the upload is told where the
helper makes it, as for a module whose exported function calls ``wx.uploadFile`` itself — not only at the page's
calls, as a relay to another file's wrapper is (core/relays.py), though the module's functions send their data
through another file's wrapper. A new exported function calling the module's old helper whose upload line the change
edits adds no upload of the module's own: the helper is not new."""

from __future__ import annotations

from helpers import places, run

HTTP = """export function send(url, method, data) {
  return new Promise((resolve) => wx.request({ url: 'https://api.example.com' + url, method, data, success: resolve }))
}
"""
REQUEST = "  return send('/notes', METHOD, note)\n"
IMPORT = "import { send } from '../utils/http'\n"
HELPER = """function sendImages(paths) {
  return Promise.all(paths.map((p) => new Promise((resolve) => {
    wx.uploadFile({ url: 'https://api.example.com/upload', filePath: p, name: 'file', success: resolve })
  })))
}
"""
PUBLISH = IMPORT + "export function publishNote(note) {\n  sendImages(note.images)\n" + REQUEST.replace("METHOD", "'POST'") + "}\n"
UPDATE = "export function updateNote(note) {\n  sendImages(note.images)\n" + REQUEST.replace("METHOD", "'PUT'") + "}\n"
PAGE = """import { publishNote, updateNote } from '../../api/notes'
Page({
  data: { note: { images: [] } },
  onSave() { publishNote(this.data.note) },
  onEdit() { updateNote(this.data.note) },
})
"""


def _uploads(app_repo, base_module: str | None, head_module: str, base_page: str, head_page: str = PAGE
             ) -> set[tuple[str, str, int]]:
    """The upload findings in the service module when the change writes ``head_module`` and a page calling it."""
    app_repo.write_files({"utils/http.js": HTTP})
    if base_module is not None:
        app_repo.write_files({"api/notes.js": base_module, "pages/me/me.js": base_page})
    base = app_repo.commit("base")
    app_repo.write_files({"api/notes.js": head_module, "pages/me/me.js": head_page})
    app_repo.commit("notes with pictures")
    return {p for p in places(run(app_repo.path, base), "upload") if p[1] == "api/notes.js"}


def _line(text: str, needle: str) -> int:
    return next(n for n, row in enumerate(text.splitlines(), 1) if needle in row)


def test_a_new_modules_upload_helper_reached_through_its_own_functions_is_told_at_the_helper(app_repo):
    module = PUBLISH + UPDATE + HELPER
    assert _uploads(app_repo, None, module, "") == {
        ("upload.upload_file", "api/notes.js", _line(module, "wx.uploadFile"))}


def test_an_old_upload_helper_whose_upload_line_the_change_edits_stays_its_callers(app_repo):
    share = UPDATE.replace("updateNote", "shareNote").replace("'PUT'", "'PATCH'")
    edited = (PUBLISH + UPDATE + share + HELPER).replace("    wx.uploadFile(", "    const task = wx.uploadFile(")
    page = PAGE.replace("updateNote }", "updateNote, shareNote }").replace(
        "  onEdit()", "  onShare() { shareNote(this.data.note) },\n  onEdit()")
    assert _uploads(app_repo, PUBLISH + UPDATE + HELPER, edited, PAGE, page) == set()
