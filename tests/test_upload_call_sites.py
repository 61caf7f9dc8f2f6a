"""Each upload the change adds to a page is reported where the user's file is sent: another wrapper, or the
same wrapper sent other media, is another finding; the same call repeated is one; and a wrapper the change
adds next to the one the page calls is not reported inside its own module."""

from __future__ import annotations

from helpers import found, places, run

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


def test_a_new_wrapper_module_nothing_calls_still_reports_its_own_upload(app_repo):
    app_repo.write("pages/me/me.js", AVATAR)
    base = app_repo.commit()
    app_repo.write("services/oss.ts", OSS)
    app_repo.commit()
    assert found(run(app_repo.path, base)) >= {("upload.upload_file", "services/oss.ts", 2, "file")}
