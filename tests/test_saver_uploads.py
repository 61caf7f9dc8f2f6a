"""An upload that is one step of a new save function of another module (``saveNote(draft)``: the draft's photos
through the app's old upload wrapper, then the record through another wrapper) is told at the save's own call of
the upload wrapper, once however many pages save; a thin function whose one call is the upload wrapper
(``sendAvatar(path)``) stays told at each page's call, as the wrapper itself would be (``core/placing.py``,
``at_saver_calls``)."""

from __future__ import annotations

from helpers import places, run

UPLOADS = ("export function uploadImages(paths) {\n  return Promise.all(paths.map((p) => new Promise((resolve) => {\n"
           "    wx.uploadFile({ url: 'https://files.example.org/up', filePath: p, name: 'f', success: resolve })\n"
           "  })))\n}\n")
REQUESTS = ("export function postJson(url, data) {\n  return new Promise((resolve) => {\n"
            "    wx.request({ url: 'https://api.example.org' + url, method: 'POST', data, success: resolve })\n"
            "  })\n}\n")
OLD_PAGE = ("import { uploadImages } from '../../utils/uploads'\n"
            "Page({ async pick() { const r = await wx.chooseImage({ count: 1 }); await uploadImages(r.tempFilePaths) } })\n")
SAVER = ("import { uploadImages } from './uploads'\nimport { postJson } from './requests'\n\n"
         "export async function createNote(draft) {\n  const urls = await uploadImages(draft.photos)\n"
         "  return postJson('/notes', { title: draft.title, urls })\n}\n\n"
         "export async function updateNote(id, draft) {\n  const urls = await uploadImages(draft.photos)\n"
         "  return postJson('/notes/' + id, { title: draft.title, urls })\n}\n")
THIN = ("import { uploadImages } from './uploads'\n\nexport function sendAvatar(path) {\n"
        "  return uploadImages([path])\n}\n")
NOTE_PAGE = ("import { createNote, updateNote } from '../../utils/notes'\n"
             "Page({\n  data: { draft: {}, id: '' },\n  async pick() {\n    const r = await wx.chooseImage({ count: 3 })\n"
             "    this.setData({ 'draft.photos': r.tempFilePaths })\n  },\n"
             "  async save() {\n    const saved = this.data.id\n      ? await updateNote(this.data.id, this.data.draft)\n"
             "      : await createNote(this.data.draft)\n    return saved\n  }\n})\n")
AVATAR_PAGE = ("import { sendAvatar } from '../../utils/profile'\n"
               "Page({\n  async pick() {\n    const r = await wx.chooseImage({ count: 1 })\n"
               "    await sendAvatar(r.tempFilePaths[0])\n  }\n})\n")


def _base(app_repo) -> str:
    app_repo.write_files({"utils/uploads.js": UPLOADS, "utils/requests.js": REQUESTS, "pages/old/index.js": OLD_PAGE})
    return app_repo.commit()


def test_a_new_save_functions_upload_is_told_once_at_its_call_of_the_upload_wrapper(app_repo):
    base = _base(app_repo)
    app_repo.write_files({"utils/notes.js": SAVER, "pages/note/index.js": NOTE_PAGE})
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == {("upload.upload_file", "utils/notes.js", 5)}


def test_a_thin_function_passing_the_pages_file_to_the_upload_wrapper_stays_told_at_the_page(app_repo):
    base = _base(app_repo)
    app_repo.write_files({"utils/profile.js": THIN, "pages/avatar/index.js": AVATAR_PAGE})
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == {("upload.upload_file", "pages/avatar/index.js", 5)}


def test_an_old_save_function_a_page_starts_calling_is_told_at_the_page(app_repo):
    base = _base(app_repo)
    app_repo.write_files({"utils/notes.js": SAVER, "pages/note/index.js": "Page({})\n"})
    base = app_repo.commit()
    app_repo.write("pages/note/index.js", NOTE_PAGE)
    app_repo.commit()
    assert ("utils/notes.js", 5) not in {(path, line) for _rule, path, line in places(run(app_repo.path, base), "upload")}
