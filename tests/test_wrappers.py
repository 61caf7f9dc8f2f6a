"""Calls through the app's own wrappers — class static methods, API objects, modules held by the App
object, path aliases — are reported as the wrapped subject at the call site, and look-alikes are not."""

from __future__ import annotations

import pytest

from helpers import found, run

HTTP_HELPER = """const request = function (path) { return new Promise((ok) => wx.request({ url: path, success: ok })) }
const send = function (path, filePath) {
  return new Promise((ok) => wx.uploadFile({ url: path, filePath, name: 'file', success: ok }))
}
const GET = (path) => request(path)
module.exports = { GET, send }
"""
APP_WITH_HTTP = "const HTTP = require('./utils/http.js')\nApp({\n  HTTP: HTTP,\n  globalData: {}\n})\n"


def test_upload_through_a_module_the_app_object_holds_is_reported_at_the_call(app_repo):
    app_repo.write_files({"utils/http.js": HTTP_HELPER, "app.js": APP_WITH_HTTP,
                          "pages/me/me.js": "const APP = getApp()\nPage({ load() { APP.HTTP.GET('me') } })\n"})
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "const APP = getApp()\nPage({ load() { APP.HTTP.GET('me') },\n"
                                     "  pick(path) {\n    APP.HTTP.send('avatar', path)\n  } })\n")
    app_repo.commit()
    assert found(run(app_repo.path, base)) == {("upload.upload_file", "pages/me/me.js", 4, "file")}


def test_a_getapp_member_that_is_not_a_wrapper_is_not_an_upload(app_repo):
    app_repo.write_files({"utils/http.js": HTTP_HELPER, "app.js": APP_WITH_HTTP})
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({ load() {\n  getApp().HTTP.GET('me')\n  getApp().globalData.send()\n} })\n")
    app_repo.commit()
    findings = found(run(app_repo.path, base))
    assert not any(rule.startswith("upload.") for rule, *_ in findings)


WX_UTILS = """export default class WxUtils {
  static back() { wx.navigateBack() }
  static chooseImage(param) {
    return new Promise((ok) => wx.chooseImage({ ...param, success: (r) => ok(r.tempFilePaths) }))
  }
}
"""
SHOP_API = """import base from './base'
export default class shop extends base {
  static async info() { return this.get('/shop') }
  static async image(filePath) { return await this.send(filePath) }
  static send(filePath) { return wx.uploadFile({ url: '/images', filePath, name: 'image' }) }
}
"""


def test_static_methods_of_utility_and_api_classes_are_followed(app_repo):
    app_repo.write_files({"utils/WxUtils.js": WX_UTILS, "api/shop.js": SHOP_API, "api/base.js": "export default class base {}\n",
                          "pages/index/index.js": "import WxUtils from '../../utils/WxUtils'\n"
                                                  "Page({ a() { WxUtils.chooseImage({}) } })\n"})
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "import WxUtils from '../../utils/WxUtils'\nimport shop from '../../api/shop'\n"
                                     "Page({ async avatar() {\n  const file = await WxUtils.chooseImage({ count: 1 })\n"
                                     "  await shop.image(file[0])\n  await shop.info()\n  WxUtils.back()\n} })\n")
    app_repo.commit()
    assert found(run(app_repo.path, base)) == {("privacy.album", "pages/me/me.js", 4, "file"),
                                              ("upload.upload_file", "pages/me/me.js", 5, "file")}


def test_named_export_through_the_at_alias_and_index_file(app_repo):
    app_repo.write_files({"services/upload/index.ts": "export async function uploadToCloud(path: string) {\n"
                                                      "  return wx.uploadFile({ url: 'x', filePath: path, name: 'f' })\n}\n"
                                                      "export function tokenOf(kind: string) { return kind }\n"})
    base = app_repo.commit()
    app_repo.write("pages/me/me.ts", "import { uploadToCloud as up, tokenOf } from '@/services/upload'\n"
                                     "Page({ save(p: string) {\n  tokenOf('image')\n  up(p)\n} })\n")
    app_repo.commit()
    assert found(run(app_repo.path, base)) == {("upload.upload_file", "pages/me/me.ts", 4, "file")}


def test_methods_of_a_named_api_object_and_export_clause(app_repo):
    app_repo.write("api/index.js", "function upload(p) { return wx.uploadFile({ filePath: p }) }\n"
                                   "function list() { return [] }\nconst api = { upload, list }\nexport { api }\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "import { api } from '../../api/index'\nPage({ a(p) {\n  api.list()\n  api.upload(p)\n} })\n")
    app_repo.commit()
    assert found(run(app_repo.path, base)) == {("upload.upload_file", "pages/me/me.js", 4, "file")}


def test_app_members_and_wrappers_survive_the_fact_cache(tmp_path):
    from mp_precheck.facts.cache import FactCache
    from mp_precheck.readers.jsfacts import js_facts

    facts = js_facts(APP_WITH_HTTP, "app.js")
    assert facts.app_members == {"HTTP": "./utils/http.js"}
    helper = js_facts(HTTP_HELPER, "utils/http.js")
    assert helper.exports["send"].subjects == ("wx.uploadFile",)
    assert helper.exports["GET"].subjects == ("wx.request",)  # through its sibling request()
    cache = FactCache(tmp_path / "facts.sqlite")
    cache.put_many({"a": facts})
    assert cache.get_many(["a"])["a"].app_members == {"HTTP": "./utils/http.js"}


# An API client that wraps another project module's uploadFile, offered through a default-exported object.
HTTP_CLIENT = ("const http = {\n  get: (url) => wx.request({ url }),\n"
               "  uploadFile: (url, filePath) => new Promise((ok) => wx.uploadFile({ url, filePath, name: 'f', success: ok })),\n"
               "}\nexport default http\n")
SIMPLE = "export const uploadFileSimple = (p) => {\n  return http.uploadFile('/x', p)\n}\n" \
         "const info = (id) => http.get('/x/' + id)\n"
API_SHAPES = {
    "shorthand object, default-exported by name": "const fileApi = { uploadFileSimple, info }\nexport default fileApi\n",
    "key: value members": "const fileApi = { uploadFileSimple: uploadFileSimple, info: info }\nexport default fileApi\n",
    "export default of an object literal": "export default { uploadFileSimple, info }\n",
    "module.exports of a named object": "const fileApi = { uploadFileSimple, info }\nmodule.exports = fileApi\n",
}


@pytest.mark.parametrize("shape", sorted(API_SHAPES))
def test_a_default_exported_object_of_wrappers_is_followed_across_files(app_repo, shape):
    app_repo.write_files({"services/request.js": HTTP_CLIENT,
                          "services/api/fileUpload.js": "import http from '../request'\n" + SIMPLE + API_SHAPES[shape]})
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "import fileApi from '../../services/api/fileUpload'\n"
                                     "Page({ async save(p) {\n  await fileApi.info(1)\n  await fileApi.uploadFileSimple(p)\n} })\n")
    app_repo.commit()
    assert found(run(app_repo.path, base)) == {("upload.upload_file", "pages/me/me.js", 4, "file")}


def test_an_arrow_member_of_a_default_exported_object_literal_is_a_wrapper(app_repo):
    app_repo.write("api/index.js", "export default {\n  list: () => [],\n  upload: (p) => wx.uploadFile({ filePath: p }),\n}\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "import api from '../../api/index'\nPage({ a(p) {\n  api.list()\n  api.upload(p)\n} })\n")
    app_repo.commit()
    assert found(run(app_repo.path, base)) == {("upload.upload_file", "pages/me/me.js", 4, "file")}


CARD_API = "import http from '../services/request'\nexport const uploadCard = (p) => {\n  return http.uploadFile('/card', p)\n}\n"


def test_a_thin_wrapper_relaying_another_files_wrapper_is_not_a_use_of_its_own(app_repo):
    app_repo.write_files({"services/request.js": HTTP_CLIENT})
    base = app_repo.commit()
    app_repo.write_files({"api/verify.js": CARD_API,
                          "pages/me/me.js": "import verify from '../../api/verify'\nPage({ a(p) {\n  verify.uploadCard(p)\n} })\n"})
    app_repo.commit()
    # The upload is reported where the page calls it; api/verify.js:3 only passes the call on.
    assert found(run(app_repo.path, base)) == {("upload.upload_file", "pages/me/me.js", 3, "file")}


def test_a_call_moved_into_a_relaying_helper_is_not_new(app_repo):
    app_repo.write_files({"services/request.js": HTTP_CLIENT,
                          "pages/me/me.js": "import http from '../../services/request'\nPage({ a(p) {\n"
                                            "  http.uploadFile('/card', p)\n} })\n"})
    base = app_repo.commit()
    app_repo.write_files({"api/verify.js": CARD_API,
                          "pages/me/me.js": "import verify from '../../api/verify'\nPage({ a(p) {\n  verify.uploadCard(p)\n} })\n"})
    app_repo.commit()
    assert found(run(app_repo.path, base)) == set()


API_OBJECT = """import { send } from 'http.js'
export default {
  sendPdf: function (data) { return send('pdf/encrypt', data.filePath) },
}
"""
APP_WITH_BARE_IMPORT = "import api from 'api/api.js'\nApp({\n  apis: api,\n})\n"


def test_a_name_bound_to_an_app_member_through_bare_script_paths_is_followed(app_repo):
    # app.js imports 'api/api.js' and api.js imports 'http.js': bare paths that require resolves beside the file
    app_repo.write_files({"api/http.js": HTTP_HELPER, "api/api.js": API_OBJECT, "app.js": APP_WITH_BARE_IMPORT,
                          "pages/pdf/pdf.js": "const app = getApp()\nconst apis = app.apis\nPage({})\n"})
    base = app_repo.commit()
    app_repo.write("pages/pdf/pdf.js", "const app = getApp()\nconst apis = app.apis\nPage({\n"
                                       "  go(data) {\n    apis.sendPdf(data)\n  } })\n")
    app_repo.commit()
    assert found(run(app_repo.path, base)) == {("upload.upload_file", "pages/pdf/pdf.js", 5, "file")}


def test_a_name_bound_to_a_member_of_another_object_or_a_missing_bare_path_is_not_followed(app_repo):
    app_repo.write_files({"api/http.js": HTTP_HELPER, "api/api.js": API_OBJECT, "app.js": APP_WITH_BARE_IMPORT})
    base = app_repo.commit()
    app_repo.write("pages/pdf/pdf.js", "const store = getStore()\nconst apis = store.apis\n"
                                       "import other from 'missing.js'\nPage({\n"
                                       "  go(data) {\n    apis.sendPdf(data)\n    other.sendPdf(data)\n  } })\n")
    app_repo.commit()
    assert not any(rule.startswith("upload.") for rule, *_ in found(run(app_repo.path, base)))


# A project request class whose uploadFile an API module's subclass calls as its own (this / super).
REQUEST_CLASS = ("export default class Request {\n  get(url) { return new Promise((ok) => wx.request({ url, success: ok })) }\n"
                 "  uploadFile(url, filePath) {\n    return new Promise((ok) => wx.uploadFile({ url, filePath, name: 'f', success: ok }))\n"
                 "  }\n}\n")
ORDER_API = ("import Request from '../utils/request'\nclass OrderApi extends Request {\n"
             "  detail(id) { return this.get('/order/' + id) }\n"
             "  photo(file) { return this.uploadFile('/order/photo', file) }\n}\n"
             "const orderApi = new OrderApi()\nexport default orderApi\n")
REVIEW_PAGE = ("import orderApi from '../../api/order'\nPage({ async add(file) {\n  await orderApi.detail(1)\n"
               "  await orderApi.photo(file)\n} })\n")


def test_a_method_of_an_imported_base_class_called_through_this_is_followed(app_repo):
    app_repo.write("utils/request.js", REQUEST_CLASS)
    base = app_repo.commit()
    app_repo.write_files({"api/order.js": ORDER_API, "pages/me/me.js": REVIEW_PAGE})
    app_repo.commit()
    assert found(run(app_repo.path, base)) == {("upload.upload_file", "pages/me/me.js", 4, "file")}


def test_super_calls_a_named_base_class_of_another_module(app_repo):
    app_repo.write("utils/http.ts", REQUEST_CLASS.replace("export default class Request", "export class Http"))
    base = app_repo.commit()
    app_repo.write_files({
        "api/files.ts": "import { Http } from '../utils/http'\nexport class FilesApi extends Http {\n"
                        "  send = (p: string) => super.uploadFile('/files', p)\n}\nexport default new FilesApi()\n",
        "pages/me/me.ts": "import filesApi from '../../api/files'\nPage({ save(p: string) {\n  filesApi.send(p)\n} })\n"})
    app_repo.commit()
    assert found(run(app_repo.path, base)) == {("upload.upload_file", "pages/me/me.ts", 3, "file")}


@pytest.mark.parametrize("api", [
    # the subclass overrides uploadFile: this.uploadFile() is its own, which uploads nothing
    ORDER_API.replace("  photo(file)", "  uploadFile(url, file) { return Promise.resolve(file) }\n  photo(file)"),
    # the base class comes from an npm package, not the project's request class
    ORDER_API.replace("'../utils/request'", "'some-request-lib'"),
], ids=["override", "npm-base"])
def test_no_upload_where_the_base_class_method_is_not_the_projects_upload(app_repo, api):
    app_repo.write("utils/request.js", REQUEST_CLASS)
    base = app_repo.commit()
    app_repo.write_files({"api/order.js": api, "pages/me/me.js": REVIEW_PAGE})
    app_repo.commit()
    assert not any(rule.startswith("upload.") for rule, *_ in found(run(app_repo.path, base)))


# A helpers module whose methods live on a local object literal and are exported one by one through it.
LOCAL_OBJECT_UTILS = """const utils = {
  base: () => 'https://api.example.com/',
  toast: (title) => wx.showToast({ title }),
  send: function (path, filePath) {
    return new Promise((ok) => wx.uploadFile({ url: utils.base() + path, filePath, name: 'f', success: ok }))
  },
}
"""
LOCAL_OBJECT_EXPORTS = {
    "object of members": "module.exports = {\n  toast: utils.toast,\n  uploadFile: utils.send,\n}\n",
    "exports assignment": "exports.toast = utils.toast\nexports.uploadFile = utils.send\n",
    "export const": "export const toast = utils.toast\nexport const uploadFile = utils.send\n",
}


@pytest.mark.parametrize("shape", sorted(LOCAL_OBJECT_EXPORTS))
def test_a_method_of_a_local_object_exported_by_member_is_followed(app_repo, shape):
    app_repo.write("utils/util.js", LOCAL_OBJECT_UTILS + LOCAL_OBJECT_EXPORTS[shape])
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "const util = require('../../utils/util.js')\n"
                                     "Page({ save(p) {\n  util.toast('ok')\n  util.uploadFile('avatar', p)\n} })\n")
    app_repo.commit()
    assert found(run(app_repo.path, base)) == {("upload.upload_file", "pages/me/me.js", 4, "file")}


def test_a_member_of_a_local_object_that_uploads_nothing_is_no_wrapper(app_repo):
    app_repo.write("utils/util.js", LOCAL_OBJECT_UTILS + "module.exports = { toast: utils.toast, uploadFile: utils.base }\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "const util = require('../../utils/util.js')\n"
                                     "Page({ save(p) {\n  util.uploadFile('avatar', p)\n} })\n")
    app_repo.commit()
    assert not any(rule.startswith("upload.") for rule, *_ in found(run(app_repo.path, base)))
