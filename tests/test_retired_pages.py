"""A page the change takes out of the app does not offset the same call on a page the change adds: the old
page's feature left, the new page's is a new call site. Code moved between modules stays unreported."""

from __future__ import annotations

from helpers import found, run

TEST_PAGE = "Page({\n  up(p) {\n    wx.uploadFile({ url: 'http://localhost:3000/up', filePath: p, name: 'f' })\n  }\n})\n"
POST_PAGE = "Page({\n  data: {},\n  send(p) {\n    wx.uploadFile({ url: '/post/img', filePath: p, name: 'f' })\n  }\n})\n"
WRAPPER = "export function send(p) {\n  return wx.uploadFile({ url: '/files', filePath: p, name: 'f' })\n}\n"


def test_an_upload_on_a_new_page_is_new_when_a_test_page_that_uploaded_is_deleted(app_repo):
    app_repo.write_files({"app.json": '{"pages": ["pages/index/index", "pages/test/test"]}\n',
                          "pages/test/test.js": TEST_PAGE})
    base = app_repo.commit("a test page")
    app_repo.remove("pages/test/test.js")
    app_repo.write_files({"app.json": '{"pages": ["pages/index/index", "pages/post/post"]}\n',
                          "pages/post/post.js": POST_PAGE})
    app_repo.commit("a post page")
    assert ("upload.upload_file", "pages/post/post.js", 4, "file") in found(run(app_repo.path, base))


def test_a_wrapper_moved_to_another_module_is_not_new(app_repo):
    app_repo.write_files({"utils/a.js": WRAPPER})
    base = app_repo.commit("a wrapper")
    app_repo.remove("utils/a.js")
    app_repo.write_files({"utils/media.js": "// media helpers\n\n" + WRAPPER + "export const n = 1\n"})
    app_repo.commit("moved")
    assert not any(rule.startswith("upload.") for rule, *_ in found(run(app_repo.path, base)))


def test_a_page_still_registered_keeps_offsetting_a_move(app_repo):
    app_repo.write_files({"pages/me/me.js": TEST_PAGE})
    base = app_repo.commit("an upload on me")
    app_repo.remove("pages/me/me.js")  # its script now lives in a new file of the same page
    app_repo.write_files({"pages/me/index.js": "// the me page\n" + TEST_PAGE})
    app_repo.commit("moved")
    assert not any(rule.startswith("upload.") for rule, *_ in found(run(app_repo.path, base)))
