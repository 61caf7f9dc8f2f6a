"""Each upload the change adds to a page is reported where the user's file is sent: another wrapper, or the
same wrapper sent other media, is another finding; the same call repeated is one; and a wrapper the change
adds next to the one the page calls is not reported inside its own module."""

from __future__ import annotations

from helpers import found, loaded_by_app, places, run

OSS = """export function uploadToOss(kind: string, path: string) {
  return wx.uploadFile({ url: 'https://up.example.com/' + kind, filePath: path, name: 'file' })
}
"""
AVATAR = "Page({ avatar(p) { wx.uploadFile({ url: 'https://up.example.com/a', filePath: p, name: 'f' }) } })\n"


def _diary(calls: str) -> str:
    return ("import { uploadToOss } from '../../services/oss'\n"
            "Page({\n  save(items: any[]) {\n" + calls + "  }\n})\n")


def test_the_same_wrapper_sending_other_media_is_reported_at_each_call(app_repo):
    app_repo.write_files({"services/oss.ts": OSS, "pages/me/me.js": AVATAR})
    base = app_repo.commit()
    app_repo.write("pages/diary/diary.ts", _diary("    uploadToOss('video', items[0])\n"
                                                  "    uploadToOss('image', items[1])\n"))
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == {("upload.upload_file", "pages/diary/diary.ts", 4),
                                                         ("upload.upload_file", "pages/diary/diary.ts", 5)}


def test_the_same_call_repeated_in_two_branches_is_one_finding(app_repo):
    app_repo.write_files({"services/oss.ts": OSS, "pages/me/me.js": AVATAR})
    base = app_repo.commit()
    app_repo.write("pages/diary/diary.ts", _diary("    if (items.length > 1) uploadToOss('image', items[0])\n"
                                                  "    else uploadToOss('image', items[1])\n"))
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == {("upload.upload_file", "pages/diary/diary.ts", 4)}


def test_two_wrappers_of_one_page_are_two_findings(app_repo):
    app_repo.write_files({"services/oss.ts": OSS, "pages/me/me.js": AVATAR,
                          "services/doc.ts": "export function sendDoc(path: string) {\n"
                                             "  return wx.uploadFile({ url: 'https://up.example.com/d', filePath: path, name: 'f' })\n}\n"})
    base = app_repo.commit()
    app_repo.write("pages/diary/diary.ts", "import { uploadToOss } from '../../services/oss'\n"
                                           "import { sendDoc } from '../../services/doc'\n"
                                           "Page({\n  a(p: string) { uploadToOss('image', p) },\n"
                                           "  b(p: string) { sendDoc(p) }\n})\n")
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == {("upload.upload_file", "pages/diary/diary.ts", 4),
                                                         ("upload.upload_file", "pages/diary/diary.ts", 5)}


JOIN = """Page({
  photo() {
    wx.chooseImage({ count: 1, success: (r) => {
      wx.uploadFile({ url: 'https://up.example.com/img', filePath: r.tempFilePaths[0], name: 'file' })
    } })
  },
  contract() {
    wx.chooseMessageFile({ count: 1, type: 'file', success: (r) => {
      wx.uploadFile({ url: 'https://up.example.com/doc', filePath: r.tempFiles[0].path, name: 'file' })
    } })
  },
  again() {
    wx.chooseMessageFile({ count: 1, type: 'file', success: (r) => {
      wx.uploadFile({ url: 'https://up.example.com/doc', filePath: r.tempFiles[0].path, name: 'file' })
    } })
  },
})
"""


def test_direct_uploads_of_media_other_pickers_pick_are_findings_of_their_own(app_repo):
    app_repo.write("pages/me/me.js", AVATAR)
    base = app_repo.commit()
    app_repo.write("pages/join/join.js", JOIN)
    app_repo.commit()
    # the photo and the chat document are two uploads; the document's second picker sends the same kind again
    assert places(run(app_repo.path, base), "upload") == {("upload.upload_file", "pages/join/join.js", 4),
                                                         ("upload.upload_file", "pages/join/join.js", 9)}


HTTP = """const http = {
  uploadFile: (url: string, filePath: string) => wx.uploadFile({ url, filePath, name: 'file' }),
}
export default http
"""
FILE_API = """import http from './http'
export const uploadFileSimple = (path: string) => {
  return http.uploadFile('/uploads', path)
}
export const uploadFile = (path: string) => {
  return http.uploadFile('/uploads', path).then((r) => r)
}
const fileApi = { uploadFile, uploadFileSimple }
export default fileApi
"""


def test_an_uncalled_sibling_of_the_called_wrapper_is_not_reported_in_its_module(app_repo):
    app_repo.write_files({"services/http.ts": HTTP, "pages/me/me.js": AVATAR})
    base = app_repo.commit()
    app_repo.write_files({"services/file.ts": FILE_API,
                          "pages/doc/doc.ts": "import fileApi from '../../services/file'\n"
                                              "Page({ async send(p: string) {\n  await fileApi.uploadFileSimple(p)\n} })\n"})
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == {("upload.upload_file", "pages/doc/doc.ts", 3)}


def test_a_new_wrapper_module_nothing_loads_is_not_reported_yet(app_repo):
    app_repo.write("pages/me/me.js", AVATAR)
    base = app_repo.commit()
    app_repo.write("services/oss.ts", OSS)
    app_repo.commit()
    assert run(app_repo.path, base).findings == ()


def test_a_new_wrapper_module_the_app_loads_reports_its_own_upload(app_repo):
    app_repo.write("pages/me/me.js", AVATAR)
    base = app_repo.commit()
    app_repo.write_files({"services/oss.ts": OSS, **loaded_by_app("services/oss.ts")})
    app_repo.commit()
    assert found(run(app_repo.path, base)) >= {("upload.upload_file", "services/oss.ts", 2, "file")}


MEDIA_API = """export const mediaApi = {
  image(path) {
    return new Promise((ok) => { uni.uploadFile({ url: '/up/image', filePath: path, name: 'file', success: ok }) })
  },
  video(path) {
    return new Promise((ok) => { uni.uploadFile({ url: '/up/video', filePath: path, name: 'file', success: ok }) })
  },
  retry(path, big) {
    if (big) uni.uploadFile({ url: '/up/image', filePath: path, name: 'file' })
    else uni.uploadFile({ url: '/up/image', filePath: path, name: 'file' })
  },
}
"""


def test_each_helper_of_an_upload_module_without_a_picker_is_its_own_upload(app_repo):
    app_repo.write("pages/me/me.js", AVATAR)
    base = app_repo.commit()
    app_repo.write_files({"api/media.js": MEDIA_API, **loaded_by_app("api/media.js")})
    app_repo.commit()
    # the image and the video helper build two requests; retry's two branches are one call
    assert {(rule, line) for rule, path, line in places(run(app_repo.path, base), "upload")
            if path == "api/media.js"} == {("upload.upload_file", 3), ("upload.upload_file", 6),
                                           ("upload.upload_file", 9)}


# -- an upload through a path no reader resolves, replaced by a resolved one ------------------------
SHEEP = "import $api from './api'\nconst sheep = { $api }\nexport default sheep\n"
REGISTRY = "const files = import.meta.globEager('./*.js')\nconst api = {}\n" \
           "Object.keys(files).forEach((k) => { api[k] = files[k].default })\nexport default api\n"
SHEEP_FILE_API = "export default {\n  uploadFile: (path) => new Promise((ok) => uni.uploadFile({ url: '/f', filePath: path, " \
           "name: 'file', success: ok })),\n}\n"
OLD = "import sheep from '@/sheep'\nexport default {\n  methods: {\n    async avatar(p) {\n" \
      "      const { path } = await sheep.$api.app.upload(p, 'ugc')\n      this.avatar = path\n    },\n  },\n}\n"
NEW = "import sheep from '@/sheep'\nimport FileApi from '@/sheep/api/infra/file'\nexport default {\n  methods: {\n" \
      "    async avatar(p) {\n      const { data } = await FileApi.uploadFile(p)\n      this.avatar = data\n    },\n" \
      "  },\n}\n"


def _sheep_app(app_repo):
    app_repo.write_files({"sheep/index.js": SHEEP, "sheep/api/index.js": REGISTRY, "sheep/api/infra/file.js": SHEEP_FILE_API,
                          "pages/me/me.js": AVATAR})


def test_an_unresolved_upload_call_replaced_by_a_resolved_wrapper_is_no_new_upload(app_repo):
    _sheep_app(app_repo)
    app_repo.write("sheep/components/auth.vue", f"<template><view/></template>\n<script>\n{OLD}</script>\n")
    base = app_repo.commit()
    app_repo.write("sheep/components/auth.vue", f"<template><view/></template>\n<script>\n{NEW}</script>\n")
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == set()


def test_a_resolved_upload_added_next_to_the_unresolved_one_is_reported(app_repo):
    _sheep_app(app_repo)
    app_repo.write("sheep/components/auth.vue", f"<template><view/></template>\n<script>\n{OLD}</script>\n")
    base = app_repo.commit()
    both = NEW.replace("      this.avatar = data\n", "      this.avatar = data\n      await sheep.$api.app.upload(p, 'ugc')\n")
    app_repo.write("sheep/components/auth.vue", f"<template><view/></template>\n<script>\n{both}</script>\n")
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == {("upload.upload_file", "sheep/components/auth.vue", 8)}


# -- an upload an action makes is reported in the action, not where it is dispatched ----------------
VERIFY_API = "import http from './http'\nexport const sendCard = (path: string) => http.uploadFile('/cards', path)\n" \
             "export default { sendCard }\n"
VERIFY_SLICE = """import { createAsyncThunk } from '@reduxjs/toolkit'
import verifyApi from '../services/verify'
export const submitVerification = createAsyncThunk('verify/submit', async (data: { card: string }) => {
  const uploaded = await verifyApi.sendCard(data.card)
  return uploaded
})
"""
VERIFY_PAGE = "import { submitVerification } from '../../store/verify'\n" \
              "Page({ async submit(card: string) {\n  await this.dispatch(submitVerification({ card }))\n} })\n"


def test_an_upload_inside_a_dispatched_action_is_reported_in_the_action(app_repo):
    app_repo.write_files({"services/http.ts": HTTP, "pages/me/me.js": AVATAR})
    base = app_repo.commit()
    app_repo.write_files({"services/verify.ts": VERIFY_API, "store/verify.ts": VERIFY_SLICE,
                          "pages/verify/verify.ts": VERIFY_PAGE.replace("this.dispatch", "dispatch")})
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == {("upload.upload_file", "store/verify.ts", 4)}
