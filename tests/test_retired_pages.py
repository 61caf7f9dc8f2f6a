"""A page the change takes out of the app does not offset the same call on a page the change adds: the old
page's feature left, the new page's is a new call site. Code moved between modules stays unreported, and so
does a call a page the change adds carries on from the deleted page (same function, same options)."""

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


def _profile_call(method: str = "askProfile", desc: str = "用于展示头像和昵称") -> str:
    return (f"  {method}() {{\n    wx.getUserProfile({{\n      desc: '{desc}', // shown in the prompt\n"
            "      success: (res) => { this.setData({ user: res.userInfo }) },\n    })\n  },\n")


OLD_PROFILE = ("Page({\n  data: { user: null, tab: 0 },\n" + _profile_call()
               + "".join(f"  oldAction{i}() {{ this.setData({{ tab: {i} }}) }},\n" for i in range(12)) + "})\n")


def _replaced_profile_page(app_repo, new_page: str) -> str:
    """Base: a profile page; head: it is unregistered and deleted, and a page written anew takes its place
    (too different for git to see a rename). Returns the base commit."""
    app_repo.write_files({"app.json": '{"pages": ["pages/index/index", "pages/profile/profile"]}\n',
                          "pages/profile/profile.js": OLD_PROFILE})
    base = app_repo.commit("a profile page")
    app_repo.remove("pages/profile/profile.js")
    app_repo.write_files({"app.json": '{"pages": ["pages/index/index", "pages/account/account"]}\n',
                          "pages/account/account.js": new_page})
    app_repo.commit("the account page replaces the profile page")
    return base


def _new_page(call: str) -> str:
    return ("// the account tab\nPage({\n  data: { user: null, sign: '', sex: '' },\n"
            + "".join(f"  onField{i}(e) {{ wx.setStorageSync('field{i}', e.detail) }},\n" for i in range(10))
            + call + "})\n")


def test_a_call_a_new_page_carries_on_from_a_deleted_page_moved(app_repo):
    # the same function making the same call with the same options; its callback may change
    carried = _profile_call().replace("res.userInfo })", "res.userInfo, sex: res.userInfo.gender })")
    base = _replaced_profile_page(app_repo, _new_page(carried))
    assert not any(rule.startswith("privacy.") for rule, *_ in found(run(app_repo.path, base)))


def test_the_same_api_with_other_options_on_the_new_page_is_a_new_call_site(app_repo):
    base = _replaced_profile_page(app_repo, _new_page(_profile_call(desc="用于生成会员卡")))
    assert any(rule.startswith("privacy.") and path == "pages/account/account.js"
               for rule, path, *_ in found(run(app_repo.path, base)))


def test_the_same_options_in_another_function_are_a_new_call_site(app_repo):
    base = _replaced_profile_page(app_repo, _new_page(_profile_call(method="joinClub")))
    assert any(rule.startswith("privacy.") and path == "pages/account/account.js"
               for rule, path, *_ in found(run(app_repo.path, base)))


def test_a_deleted_pages_call_no_new_file_carries_on_is_still_a_removal(app_repo):
    base = _replaced_profile_page(app_repo, _new_page(""))
    report = run(app_repo.path, base)
    assert ("wx.getUserProfile", "pages/profile/profile.js") in {(r.subject, r.path) for r in report.removed}
