"""A page the change deletes whose content it writes into a page the app already had (an empty page registered
before): the calls and elements moved, they are no new call sites. A kept page that gains one of the deleted
page's calls beside content of its own stays judged as any page: a new call site."""

from __future__ import annotations

from helpers import places, run

PICKER_JS = ("const app = getApp()\nPage({\n  data: { photos: [] },\n  pick() {\n"
             "    wx.chooseMedia({ count: 6, mediaType: ['image'], sourceType: ['album'],\n"
             "      success: (res) => { this.setData({ photos: res.tempFiles }) } })\n  },\n})\n")
PICKER_WXML = ("<view class=\"sheet\">\n  <text>上传照片</text>\n"
               "  <camera device-position=\"back\" flash=\"off\" binderror=\"onLensError\"></camera>\n"
               "  <button bindtap=\"pick\">选择</button>\n</view>\n")
BLANK_JS = "Page({\n  data: {},\n  onLoad() {},\n})\n"
BLANK_WXML = "<text>pages/stall/stall.wxml</text>\n"
PAGES = '{{"pages": ["pages/index/index", "pages/me/me", {}]}}\n'


def _app_with(app_repo, pages: dict[str, tuple[str, str]]) -> str:
    """Base: the minimal app plus ``pages`` (name → (script, template)), all registered. Returns the commit."""
    files = {f"pages/{name}/{name}.{ext}": text for name, (js, wxml) in pages.items()
             for ext, text in (("js", js), ("wxml", wxml))}
    app_repo.write_files({**files, "app.json": PAGES.format(", ".join(f'"pages/{n}/{n}"' for n in pages))})
    return app_repo.commit("base pages")


def _delete_page(app_repo, name: str) -> None:
    for ext in ("js", "wxml"):
        app_repo.remove(f"pages/{name}/{name}.{ext}")


def test_a_deleted_pages_content_written_into_a_page_that_existed_is_not_new(app_repo):
    base = _app_with(app_repo, {"gallery": (PICKER_JS, PICKER_WXML), "stall": (BLANK_JS, BLANK_WXML)})
    _delete_page(app_repo, "gallery")
    app_repo.write_files({"app.json": PAGES.format('"pages/stall/stall"'),
                          "pages/stall/stall.js": PICKER_JS, "pages/stall/stall.wxml": PICKER_WXML})
    app_repo.commit("the gallery page now lives in the stall page")
    assert places(run(app_repo.path, base), "privacy") == set()


def test_a_kept_page_gaining_a_deleted_pages_element_beside_its_own_content_is_a_new_call_site(app_repo):
    own = "<view class=\"board\">\n  <text>{{title}}</text>\n</view>\n"
    lens = "  <camera device-position=\"back\" flash=\"off\" binderror=\"onLensError\"></camera>\n"
    base = _app_with(app_repo, {"gallery": (PICKER_JS, "<view>相册</view>\n"), "booth": (BLANK_JS, PICKER_WXML),
                                "stall": (BLANK_JS, BLANK_WXML), "board": (BLANK_JS, own)})
    _delete_page(app_repo, "gallery")
    _delete_page(app_repo, "booth")
    app_repo.write_files({"app.json": PAGES.format('"pages/stall/stall", "pages/board/board"'),
                          "pages/stall/stall.js": PICKER_JS,  # the whole gallery script: moved
                          "pages/board/board.wxml": own + lens})  # one booth element beside its own: new
    app_repo.commit("the gallery script moves to the stall page; the board page gains a camera")
    assert places(run(app_repo.path, base), "privacy") == {("privacy.camera", "pages/board/board.wxml", 4)}


def test_a_kept_page_holding_the_deleted_pages_call_with_other_options_is_a_new_call_site(app_repo):
    base = _app_with(app_repo, {"gallery": (PICKER_JS, PICKER_WXML), "stall": (BLANK_JS, BLANK_WXML)})
    _delete_page(app_repo, "gallery")
    app_repo.write_files({"app.json": PAGES.format('"pages/stall/stall"'),
                          "pages/stall/stall.js": PICKER_JS.replace("count: 6", "count: 1"),
                          "pages/stall/stall.wxml": PICKER_WXML})
    app_repo.commit("the stall page picks one photo")
    assert places(run(app_repo.path, base), "privacy") == {("privacy.album", "pages/stall/stall.js", 5)}
