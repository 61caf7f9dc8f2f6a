"""Code a change moves between files is not new: a page's call moved into a helper module the page now calls, a
page's upload handed to a component it now embeds that already uploaded the same way. A helper or component that
brings another API, or a page that never used the API, is still new."""

from __future__ import annotations

from helpers import found, run
from test_frameworks import UNI_BASE

LOCATING_PAGE = """<template><view>{{ place }}</view></template>
<script>
export default {
  onLoad() { this.locate() },
  methods: {
    locate() {
      uni.getLocation({ type: 'gcj02', success: (r) => { this.place = r.latitude } })
    }
  }
}
</script>
"""
CALLING_PAGE = """<template><view>{{ place }}</view></template>
<script>
import { locate } from '@/utils/position.js'
export default {
  onLoad() { this.locate() },
  methods: {
    async locate() {
      this.place = (await locate()).latitude
    }
  }
}
</script>
"""
POSITION_HELPER = """export function locate() {
  return new Promise((resolve, reject) => {
    uni.getLocation({ type: 'gcj02', success: resolve, fail: reject })
  })
}
"""
MAP_PAGE = """<template><view>map</view></template>
<script>
export default {
  onLoad() {
    uni.getLocation({ success: (r) => { this.at = r } })
  }
}
</script>
"""


def _locating_app(repo):
    repo.write_files({**UNI_BASE, "src/pages/index/index.vue": LOCATING_PAGE,
                      "src/pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/me/me"},'
                                        ' {"path": "pages/map/map"}]}\n'})
    return repo.commit()


def _privacy(report):
    return {f for f in found(report) if f[0] in ("privacy.location", "privacy.choose_location")}


def test_a_call_moved_into_a_helper_module_is_not_reported_there_beside_a_new_use(repo):
    # the change also adds a use on another page, so the app-wide count rises: only that page is new
    base = _locating_app(repo)
    repo.write_files({"src/utils/position.js": POSITION_HELPER, "src/pages/index/index.vue": CALLING_PAGE,
                      "src/pages/map/map.vue": MAP_PAGE})
    repo.commit()
    assert _privacy(run(repo.path, base)) == {("privacy.location", "src/pages/map/map.vue", 5, "file")}


def test_a_helper_that_adds_an_api_the_page_never_called_is_reported_in_the_helper(repo):
    base = _locating_app(repo)
    helper = POSITION_HELPER.replace("export function locate() {\n",
                                     "export function locate() {\n  uni.chooseLocation({})\n")
    repo.write_files({"src/utils/position.js": helper, "src/pages/index/index.vue": CALLING_PAGE,
                      "src/pages/map/map.vue": MAP_PAGE})
    repo.commit()
    reported = _privacy(run(repo.path, base))
    assert ("privacy.choose_location", "src/utils/position.js", 2, "app") in reported
    assert ("privacy.location", "src/utils/position.js", 4, "file") not in reported


UPLOADS = """export function avatar(p) {
  return wx.uploadFile({ url: 'https://api.example.com/avatar', filePath: p, name: 'f' })
}
export function gallery(ps) {
  return Promise.all(ps.map((p) => wx.uploadFile({ url: 'https://api.example.com/gallery', filePath: p, name: 'f' })))
}
"""


def test_of_two_new_wrappers_only_the_one_no_caller_had_before_is_reported(app_repo):
    app_repo.write("pages/me/me.js", "Page({ save(p) {\n"
                                     "  wx.uploadFile({ url: 'https://api.example.com/avatar', filePath: p, name: 'f' })\n"
                                     "} })\n")
    base = app_repo.commit()
    app_repo.write_files({"utils/uploads.js": UPLOADS,
                          "pages/me/me.js": "import { avatar } from '../../utils/uploads'\nPage({ save(p) { avatar(p) } })\n",
                          "pages/index/index.js": "import { gallery } from '../../utils/uploads'\n"
                                                  "Page({ add(ps) { gallery(ps) } })\n"})
    app_repo.commit()
    uploads = {f for f in found(run(app_repo.path, base)) if f[0].startswith("upload.")}
    assert ("upload.upload_file", "utils/uploads.js", 5, "file") in uploads
    assert not {f for f in uploads if f[1] == "utils/uploads.js" and f[2] == 2}
    assert not {f for f in uploads if f[1] == "pages/me/me.js"}


def test_a_moved_call_that_becomes_another_api_is_still_reported(app_repo):
    app_repo.write("pages/me/me.js", "Page({ pick() {\n  wx.chooseImage({ count: 1 })\n} })\n")
    base = app_repo.commit()
    app_repo.write_files({"utils/media.js": "export function pick() {\n  return wx.chooseMedia({ count: 1 })\n}\n",
                          "pages/me/me.js": "import { pick } from '../../utils/media'\nPage({ pick() { pick() } })\n",
                          "pages/index/index.js": "Page({ snap() {\n  wx.chooseMedia({ count: 9 })\n} })\n"})
    app_repo.commit()
    assert ("privacy.album", "utils/media.js", 2, "file") in found(run(app_repo.path, base))


_UPLOADER = {"components/up/up.js": "Component({ methods: { pick() {\n"
                                    "  wx.cloud.uploadFile({ cloudPath: 'a.png', filePath: 'a' })\n} } })\n",
             "components/up/up.json": '{"component": true}\n',
             "components/up/up.wxml": '<view bindtap="pick">+</view>\n',
             "pages/index/index.json": '{"usingComponents": {"my-up": "/components/up/up"}}\n',
             "pages/index/index.wxml": "<view>home</view>\n<my-up/>\n"}
_EMBEDS = {"pages/me/me.json": '{"usingComponents": {"my-up": "/components/up/up"}}\n',
           "pages/me/me.wxml": "<view>me</view>\n<view>\n  <my-up />\n</view>\n",
           "pages/me/me.js": "Page({ onLoad() {} })\n"}


def _uploads(report):
    return {f for f in found(report) if f[0].startswith("upload.")}


def test_a_page_whose_script_uploaded_the_same_way_embeds_the_uploader_silently(app_repo):
    app_repo.write_files({**_UPLOADER, "pages/me/me.js": "Page({ cover(p) {\n"
                                                         "  wx.cloud.uploadFile({ cloudPath: 'c.png', filePath: p })\n"
                                                         "} })\n",
                          "pages/me/me.wxml": "<view>me</view>\n<button bindtap=\"cover\">cover</button>\n"})
    base = app_repo.commit()
    app_repo.write_files(_EMBEDS)
    app_repo.commit()
    assert _uploads(run(app_repo.path, base)) == set()


def test_a_page_whose_script_uploaded_another_way_gets_a_new_upload_from_the_component(app_repo):
    app_repo.write_files({**_UPLOADER, "pages/me/me.js": "Page({ cover(p) {\n"
                                                         "  wx.uploadFile({ url: 'https://api.example.com/c',"
                                                         " filePath: p, name: 'f' })\n} })\n"})
    base = app_repo.commit()
    app_repo.write_files(_EMBEDS)
    app_repo.commit()
    assert _uploads(run(app_repo.path, base)) == {("upload.cloud_upload_file", "pages/me/me.wxml", 3, "file")}


def test_a_page_that_never_uploaded_embeds_the_uploader_and_is_reported(app_repo):
    app_repo.write_files(_UPLOADER)
    base = app_repo.commit()
    app_repo.write_files(_EMBEDS)
    app_repo.commit()
    assert _uploads(run(app_repo.path, base)) == {("upload.cloud_upload_file", "pages/me/me.wxml", 3, "file")}


# A page's photo upload moved into a class module the page now makes and calls: the page's entry is thin, the class
# uploads in another of its methods.
_SHELF_PAGE = ("Page({\n  async keep(e) {\n    const path = e.detail.path\n"
               "    const res = await wx.uploadFile({ url: 'https://api.example.com/shelf', filePath: path, name: 'p' })\n"
               "    this.setData({ kept: res.data })\n  }\n})\n")
_SHELF_CLASS = ("export default class Shelf {\n  constructor(page) {\n    this.page = page\n  }\n"
                "  async keep(e) {\n    const kept = await this.send(e.detail.path)\n"
                "    this.page.setData({ kept })\n  }\n"
                "  async send(path) {\n"
                "    const res = await wx.uploadFile({ url: 'https://api.example.com/shelf', filePath: path, name: 'p' })\n"
                "    return res.data\n  }\n}\n")
_DELEGATING_PAGE = ("import Shelf from '../../logic/shelf'\nconst shelf = new Shelf()\n"
                    "Page({\n  keep(e) {\n    return shelf.keep(e)\n  }\n})\n")


def test_an_upload_moved_from_a_page_into_a_class_the_page_delegates_to_is_not_new(app_repo):
    app_repo.write("pages/me/me.js", _SHELF_PAGE)
    base = app_repo.commit()
    app_repo.write_files({"logic/shelf.js": _SHELF_CLASS, "pages/me/me.js": _DELEGATING_PAGE})
    app_repo.commit("the page delegates to a class")
    assert _uploads(run(app_repo.path, base)) == set()


def test_an_upload_a_new_class_brings_to_a_page_that_never_uploaded_is_reported(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"logic/shelf.js": _SHELF_CLASS, "pages/me/me.js": _DELEGATING_PAGE})
    app_repo.commit("the page keeps photos through a class")
    assert ("upload.upload_file", "logic/shelf.js") in {f[:2] for f in _uploads(run(app_repo.path, base))}
