"""New call sites through a project's own wrappers.

A bare import path (``import { settle } from 'shared/checkout'``) names a file of the project when the build
declares a module root (babel's module-resolver ``root``, webpack's ``resolve.modules``): a file the change adds
that calls such a wrapper of an API the app already used is a new call site, while without a declared root the
path is an npm package and names nothing. A file that already reached the API through the project's wrappers makes
no new call site by calling one more of them. A factory's object a function of the file hands back
(``const m = recorder(); m.start()``) is the factory's type at its caller.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Repo
from helpers import places, run
from mp_precheck.readers.jsfacts import js_facts

CHECKOUT = ("export function settle(order) {\n  return new Promise((ok, fail) => {\n"
            "    wx.requestPayment({ ...order.sign, success: ok, fail })\n  })\n}\n")
OLD_PAGE = "import { settle } from 'shared/checkout'\nPage({ async pay() { await settle(this.data.order) } })\n"
NEW_PAGE = ("import { settle } from 'shared/checkout'\nPage({\n  data: { order: null },\n"
            "  async onShow() {\n    await settle(this.data.order)\n  },\n})\n")
BABEL = '{\n  "plugins": [\n    ["module-resolver", { "root": ["./client"], }],\n  ],\n}\n'
WEBPACK = ("const path = require('path')\nmodule.exports = {\n  entry: './client/app.js',\n"
           "  resolve: { modules: [path.resolve(__dirname, 'client'), 'node_modules'] },\n}\n")


def _shop(tmp_path: Path, config: dict[str, str]) -> tuple[Repo, str]:
    """A native app under ``client/`` built from the repository's top (``package.json`` there, with ``config``),
    whose first page pays through ``client/shared/checkout.js``; the change adds a page calling it too."""
    repo = Repo(tmp_path / "shop")
    repo.write_files({"package.json": '{ "name": "shop" }\n', **config,
                      "client/app.json": '{ "pages": ["pages/cart/cart", "pages/settle/settle"] }\n',
                      "client/app.js": "App({})\n", "client/shared/checkout.js": CHECKOUT,
                      "client/pages/cart/cart.js": OLD_PAGE, "client/pages/cart/cart.wxml": "<view>cart</view>\n"})
    base = repo.commit()
    repo.write_files({"client/pages/settle/settle.js": NEW_PAGE, "client/pages/settle/settle.wxml": "<view/>\n"})
    repo.commit()
    return repo, base


@pytest.mark.parametrize("config", [{".babelrc": BABEL}, {"webpack.config.js": WEBPACK}], ids=["babel", "webpack"])
def test_a_new_page_paying_through_a_wrapper_under_a_module_root_is_a_new_call_site(tmp_path, config):
    repo, base = _shop(tmp_path, config)
    assert places(run(repo.path, base), "payment") == {("payment.request_payment", "client/pages/settle/settle.js", 5)}


def test_a_bare_path_without_a_declared_module_root_is_a_package(tmp_path):
    only_packages = {"webpack.config.js": WEBPACK.replace("path.resolve(__dirname, 'client'), ", "")}
    repo, base = _shop(tmp_path, only_packages)
    assert places(run(repo.path, base), "payment") == set()


UPLOADS = ("export const files = {\n"
           "  cover(p) { return wx.uploadFile({ url: 'https://up.example.org/c', filePath: p, name: 'f' }) },\n"
           "  clip(p) { return wx.uploadFile({ url: 'https://up.example.org/v', filePath: p, name: 'f' }) },\n}\n")
STORE_OLD = ("import { files } from '../api/files'\nexport const useMine = () => ({\n"
             "  setCover(p) { return files.cover(p) },\n})\n")
STORE_NEW = ("import { files } from '../api/files'\nexport const useMine = () => ({\n"
             "  setCover(p) { return files.cover(p) },\n  setMemo(p) { return files.memo(p) },\n})\n")


def _uploads_through(repo: Repo, store_before: str, store_after: str) -> set[tuple[str, str, int]]:
    repo.write_files({"api/files.js": UPLOADS, "stores/mine.js": store_before,
                      "app.js": "require('./stores/mine')\nApp({})\n", "pages/me/me.js": "Page({})\n"})
    base = repo.commit()
    repo.write_files({"api/files.js": UPLOADS.replace("\n}\n", "\n  memo(p) { return files.clip(p) },\n}\n"),
                      "stores/mine.js": store_after,
                      "pages/me/me.js": "import { files } from '../../api/files'\nPage({ up(p) { files.memo(p) } })\n"})
    repo.commit()
    return places(run(repo.path, base), "upload")


def test_one_more_wrapper_call_where_the_file_uploaded_through_wrappers_is_a_new_call_site(app_repo):
    # a new upload feature (an avatar, a video beside the photos) through the module the file already used is told:
    # the reviewer checks each upload's content security (three labelled cases against one)
    found = _uploads_through(app_repo, STORE_OLD, STORE_NEW)
    assert ("upload.upload_file", "stores/mine.js", 4) in found
    assert ("upload.upload_file", "pages/me/me.js", 2) in found


def test_a_wrapper_call_where_the_file_uploaded_nothing_is_a_new_call_site(app_repo):
    nothing = "import { files } from '../api/files'\nexport const useMine = () => ({\n  n: 1,\n})\n"
    found = _uploads_through(app_repo, nothing, nothing.replace("  n: 1,\n", "  n: 1,\n  setMemo(p) { return files.memo(p) },\n"))
    assert ("upload.upload_file", "stores/mine.js", 4) in found


def _apis(source: str, path: str = "pages/voice/voice.ts") -> list[tuple[str, int]]:
    return [(f.subject, f.line) for f in js_facts(source, path).facts if f.kind == "api" and "Recorder" in f.subject]


def test_a_factory_object_a_function_of_the_file_hands_back_is_typed_at_its_caller():
    kept = ("let rec: any = null\nfunction recorder() {\n  if (rec) {\n    return rec\n  }\n"
            "  rec = uni.getRecorderManager()\n  return rec\n}\n"
            "export function talk() {\n  const m = recorder()\n  m.start({ duration: 9000 })\n}\n")
    assert ("RecorderManager.start", 11) in _apis(kept)
    direct = "const make = () => wx.getRecorderManager()\nexport const go = () => { const r = make(); r.start({}) }\n"
    assert ("RecorderManager.start", 2) in _apis(direct)


def test_a_function_handing_back_something_else_types_nothing():
    mixed = ("const fake = { start() {} }\nfunction recorder(test) {\n  if (test) return fake\n"
             "  return wx.getRecorderManager()\n}\nexport function talk() { const m = recorder(1); m.start({}) }\n")
    assert ("RecorderManager.start", 6) not in _apis(mixed)
    looped = "function again() { return again() }\nexport function talk() { const m = again(); m.start({}) }\n"
    assert _apis(looped) == []
