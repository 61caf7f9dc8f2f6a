"""A wrapper passed on by another module is still that wrapper (``module.exports = { uploadFile }`` of an imported
binding, ``export { upload }``), whatever kind of class method calls it; and a posting page whose sending happens in
a store or service module it calls (MobX actions bound to the page, a store instance a barrel hands on) is a posting
page, reported at the store's sending call. Search boxes, private notes, feedback and read-only stores stay silent."""

from __future__ import annotations

import json

import pytest

from helpers import places, run
from mp_precheck.facts.extract import extract_job
from mp_precheck.readers.launchcalls import import_bindings
from mp_precheck.readers.reexports import reexports
from mp_precheck.readers.syntax import parser_for, walk

REQUEST = """const request = (options) => new Promise((resolve) => wx.request({ ...options, success: resolve }))
const post = (url, data) => request({ url: 'https://api.example.com' + url, method: 'POST', data })
const get = (url, data) => request({ url: 'https://api.example.com' + url, method: 'GET', data })
const uploadFile = (options) => new Promise((resolve) => wx.uploadFile({ ...options, success: resolve }))
module.exports = { request, post, get, uploadFile }
"""
# a config module that hands the request helpers on, the way many apps import them
CONFIG = """const { post, get, uploadFile } = require('../utils/request')
const api = { upload: 'https://api.example.com/upload' }
module.exports = { api, post, get, uploadFile }
"""
SERVICE = """const { post, get } = require('../config/api')
const recipeService = {
  async createRecipe(data) { return post('/recipes/create', data) },
  async getRecipes() { return get('/recipes') },
}
module.exports = recipeService
"""
# a class store whose instance a root store builds and a barrel hands on (no import names the store's module)
CLASS_STORE = """const recipeService = require('../service/recipeService')
const { api, uploadFile } = require('../config/api')
class RecipeStore {
  form = { title: '', body: '', image: '' };
  *uploadImage(path) {
    const result = yield uploadFile({ url: api.upload, filePath: path, name: 'file' })
    this.form.image = result.url
  }
  *submitForm() {
    const data = { title: this.form.title, body: this.form.body }
    const response = yield recipeService.createRecipe(data)
    return response
  }
  *loadRecipes() {
    return yield recipeService.getRecipes()
  }
}
module.exports = { RecipeStoreClass: RecipeStore }
"""
ROOT_STORE = """const { RecipeStoreClass } = require('./recipeStore')
class RootStore {
  constructor() { this.recipeStore = new RecipeStoreClass(this) }
}
const rootStore = new RootStore()
module.exports = { rootStore }
"""
BARREL = """const { rootStore } = require('./rootStore')
module.exports = { rootStore, recipeStore: rootStore.recipeStore }
"""
WXML = """<view class="form">
  <input value="{{form.title}}" bindinput="onTitle" />
  <textarea value="{{form.body}}" bindinput="onBody" />
  <button bindtap="onPick">picture</button>
  <button bindtap="onSubmit">done</button>
</view>
"""
BOUND_PAGE = """const { createStoreBindings } = require('mobx-miniprogram-bindings')
const { recipeStore } = require('../../stores/index')
Page({
  onLoad() {
    this.storeBindings = createStoreBindings(this, {
      store: recipeStore,
      fields: ['form'],
      actions: ['submitForm', 'uploadImage', 'loadRecipes'],
    })
  },
  onPick() { wx.chooseMedia({ success: (res) => this.uploadImage(res.tempFiles[0].tempFilePath) }) },
  onSubmit() { this.submitForm().then(() => wx.navigateBack()) },
})
"""
BASE = {"utils/request.js": REQUEST, "config/api.js": CONFIG, "service/recipeService.js": SERVICE,
        "pages/avatar/avatar.js": "const { uploadFile } = require('../../utils/request')\n"
                                  "Page({ up(p) { uploadFile({ url: 'https://api.example.com/a', filePath: p }) } })\n"}


def _store_app(app_repo, page: str = "pages/create/create", script: str = BOUND_PAGE, wxml: str = WXML,
               stores: dict[str, str] | None = None):
    app_repo.write_files(BASE)
    base = app_repo.commit("base")
    config: dict[str, object] = {"pages": ["pages/index/index", "pages/me/me", page]} if page.startswith("pages/") \
        else {"pages": ["pages/index/index"], "usingComponents": {"composer": "/components/composer/composer"}}
    app_repo.write_files({"app.json": json.dumps(config, indent=2) + "\n",
                          f"{page}.wxml": wxml, f"{page}.js": script, **(stores or {
        "stores/recipeStore.js": CLASS_STORE, "stores/rootStore.js": ROOT_STORE, "stores/index.js": BARREL})})
    app_repo.commit("the page and its store")
    return run(app_repo.path, base)


def test_a_page_bound_to_a_class_store_posts_through_the_store_and_its_helper_uploads(app_repo):
    report = _store_app(app_repo)
    assert places(report, "category") == {("category.ugc", "stores/recipeStore.js", 11)}
    assert places(report, "upload") == {("upload.upload_file", "stores/recipeStore.js", 6),
                                        ("upload.user_text", "stores/recipeStore.js", 11)}


MOBX_STORE = """import { observable, action } from 'mobx-miniprogram'
import { post, get } from '../utils/request'
export const store = observable({
  draft: '',
  publishPost: action(function () { return post('/posts', { text: this.draft }) }),
  refresh: action(function () { return get('/posts') }),
})
"""
BEHAVIOR_PAGE = """import { storeBindingsBehavior } from 'mobx-miniprogram-bindings'
import { store } from '../../stores/post'
Component({
  behaviors: [storeBindingsBehavior],
  storeBindings: { store, fields: ['draft'], actions: { send: 'publishPost', reload: 'refresh' } },
  methods: { onSubmit() { this.send() } },
})
"""


def test_an_observable_store_bound_by_behavior_posts_for_the_component(app_repo):
    report = _store_app(app_repo, "components/composer/composer", BEHAVIOR_PAGE,
                        stores={"stores/post.js": MOBX_STORE})
    assert places(report, "category") == {("category.ugc", "stores/post.js", 5)}
    assert ("upload.user_text", "stores/post.js", 5) in places(report, "upload")


@pytest.mark.parametrize(("page", "script", "stores"), [
    # a read-only store: the page only calls its loading action
    ("pages/create/create", BOUND_PAGE.replace("this.submitForm().then(() => wx.navigateBack())", "0")
     .replace("this.uploadImage(res.tempFiles[0].tempFilePath)", "this.loadRecipes()"), None),
    # a search box bound to the store's search action, which posts the query
    ("pages/find/find", BEHAVIOR_PAGE.replace("send: 'publishPost'", "send: 'searchPosts'"),
     {"stores/post.js": MOBX_STORE.replace("publishPost", "searchPosts")}),
    # private notes and feedback kept for the user or the operator
    ("pages/memo/memo", BOUND_PAGE, None),
    ("pages/feedback/feedback", BEHAVIOR_PAGE.replace("stores/post", "stores/app").replace("publishPost", "submit"),
     {"stores/app.js": MOBX_STORE.replace("publishPost", "submit").replace("'/posts', {", "'/msg', {")}),
    # a store's action that keeps the draft on the device
    ("pages/create/create", BEHAVIOR_PAGE, {"stores/post.js": MOBX_STORE.replace(
        "return post('/posts', { text: this.draft })", "wx.setStorageSync('draft', this.draft)")}),
])
def test_no_ugc_where_the_store_sends_no_post(app_repo, page, script, stores):
    report = _store_app(app_repo, page, script, stores=stores)
    assert not any(rule in ("category.ugc", "upload.user_text") for rule, *_ in places(report))


def _reexports(source: str, path: str = "index.js") -> tuple[tuple[str, str, str], ...]:
    root = parser_for(path).parse(source.encode()).root_node
    return reexports(root, *import_bindings(list(walk(root))))


def test_imported_bindings_exported_again_are_passed_on():
    assert _reexports(CONFIG) == (("../utils/request", "post", "post"), ("../utils/request", "get", "get"),
                                  ("../utils/request", "uploadFile", "uploadFile"))
    assert _reexports("import http from './http'\nimport { up } from './up'\nexport { up as send }\n"
                      "exports.put = http.upload\nmodule.exports.x = require('./x')\n") == (
        ("./up", "up", "send"), ("./http", "upload", "put"))
    assert _reexports("const base = require('./base')\nmodule.exports = { ...base, whole: base }\n") == (
        ("./base", "*", "*"),)
    assert _reexports("module.exports = require('./request')\n") == (("./request", "*", "*"),)
    assert _reexports("const local = () => 1\nmodule.exports = { local }\n") == ()


def test_a_wrapper_a_config_module_hands_on_is_followed_to_the_page(app_repo):
    app_repo.write_files(BASE)
    base = app_repo.commit("base")
    app_repo.write("pages/photo/photo.js", "const { uploadFile, api } = require('../../config/api')\n"
                                           "Page({\n  send(p) { uploadFile({ url: api.upload, filePath: p }) },\n})\n")
    app_repo.commit("a page uploads through the config module")
    assert places(run(app_repo.path, base), "upload") == {("upload.upload_file", "pages/photo/photo.js", 3)}


def test_a_helper_nothing_hands_on_reaches_no_upload(app_repo):
    app_repo.write_files({**BASE, "config/api.js": CONFIG.replace("uploadFile }", "}")})
    base = app_repo.commit("base")
    app_repo.write("pages/photo/photo.js", "const { uploadFile } = require('../../config/api')\n"
                                           "Page({\n  send(p) { uploadFile({ filePath: p }) },\n})\n")
    app_repo.commit("a call of a name the config module does not export")
    assert places(run(app_repo.path, base), "upload") == set()


def test_methods_of_every_kind_are_exported_wrappers():
    source = ("class Uploader {\n  *gen(p) { wx.uploadFile({ filePath: p }) }\n"
              "  async later(p) { wx.uploadFile({ filePath: p }) }\n  static now(p) { wx.uploadFile({ filePath: p }) }\n"
              "  field = (p) => wx.uploadFile({ filePath: p })\n  get size() { return wx.getStorageSync('n') }\n}\n"
              "module.exports = { Uploader }\n")
    exports = extract_job(("utils/uploader.js", source.encode())).exports
    assert {name for name, e in exports.items() if "wx.uploadFile" in e.subjects} == {
        "Uploader.gen", "Uploader.later", "Uploader.now", "Uploader.field",
        "default.Uploader.gen", "default.Uploader.later", "default.Uploader.now", "default.Uploader.field"}
    assert not any(name.endswith("size") for name in exports)
