"""An app's HTTP client made by a factory function of its module (readers/instances.py ``factories``): ``function
makeCourier(opt) { return new Courier(opt) }; const courier = makeCourier(); export default courier``. A page
that calls an API function (``sendPhoto(path) { return courier.putFile({...}) }``) whose class method calls
``wx.uploadFile`` uploads at its call, as through a plain helper or ``export default new Courier()``; a factory
that hands back something else, and a class method that uploads nothing, stay silent."""

from __future__ import annotations

import pytest

from conftest import minimal_app
from helpers import places, run
from mp_precheck.readers.instances import factories
from mp_precheck.readers.jsfacts import js_facts
from mp_precheck.readers.syntax import language_for, parse

CORE = """export default class Courier {
  opts: any
  constructor(opts: any) { this.opts = opts }
  putFile(options: any) {
    const merged = Object.assign({}, this.opts, options)
    return new Promise((ok, fail) => {
      wx.uploadFile({ ...merged, success: ok, fail })
    })
  }
  get(options: any) {
    return new Promise((ok) => wx.request({ ...this.opts, ...options, success: ok }))
  }
}
export class Draft {
  putFile(options: any) { return Promise.resolve(options) }
}
"""
# The module that makes the app's one instance, with its defaults, and exports it.
INDEX = """import Courier, { Draft } from './core'
const defaults = { baseUrl: '/api', timeout: 6000 }
FACTORY
const courier = makeCourier()
export default courier
"""
FACTORIES = {
    "declaration": "function makeCourier(opt?: any) {\n  return new Courier(Object.assign({}, defaults, opt))\n}",
    "arrow": "const makeCourier = (opt?: any) => new Courier(Object.assign({}, defaults, opt))",
    "branches": "function makeCourier(opt?: any) {\n  if (opt) {\n    return new Courier(Object.assign({}, defaults, opt))\n"
                "  }\n  return new Courier(defaults)\n}",
}
MEDIA = """import courier from '@/lib/courier'
export function sendPhoto(path: string) {
  return courier.putFile({ url: '/media/photo', filePath: path, name: 'file' })
}
export function readNews() {
  return courier.get({ url: '/news' })
}
"""
PLAIN = """export function sendPhoto(path: string) {
  return new Promise((ok) => wx.uploadFile({ url: '/media/photo', filePath: path, name: 'file', success: ok }))
}
export function readNews() {
  return new Promise((ok) => wx.request({ url: '/news', success: ok }))
}
"""
PICKED = """import { sendPhoto } from '../../api/media'
Page({
  pick() {
    wx.chooseImage({
      count: 1,
      success: (res) => {
        sendPhoto(res.tempFilePaths[0])
      },
    })
  },
})
"""
JSCONFIG = '{"compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["./*"]}}}\n'


def _uploads(app_repo, factory: str, page: str, media: str = MEDIA) -> set[tuple[str, str, int]]:
    app_repo.write_files({"lib/courier/core.ts": CORE, "tsconfig.json": JSCONFIG,
                          "lib/courier/index.ts": INDEX.replace("FACTORY", factory), "api/media.ts": media})
    before = app_repo.commit("the client and its API functions")
    app_repo.write_files({"pages/me/me.ts": page})
    app_repo.commit("the page uploads a picked photo")
    return places(run(app_repo.path, before), "upload")


@pytest.mark.parametrize("factory", FACTORIES.values(), ids=FACTORIES.keys())
def test_an_upload_through_an_instance_a_factory_makes_is_reported_at_the_page_call(app_repo, factory):
    assert _uploads(app_repo, factory, PICKED) == {("upload.upload_file", "pages/me/me.ts", 7)}


def test_an_instance_made_by_a_factory_reaches_the_page_as_a_plain_helper_does(app_repo):
    assert _uploads(app_repo, FACTORIES["declaration"], PICKED, PLAIN) == {("upload.upload_file", "pages/me/me.ts", 7)}


@pytest.mark.parametrize("factory", [
    # the factory hands back a plain object: no class, no method of it
    "function makeCourier(opt?: any) {\n  return { putFile: (o: any) => o, get: (o: any) => o }\n}",
    # the branches make instances of two classes: which class the name holds is unknown
    "function makeCourier(opt?: any) {\n  if (!opt) {\n    return new Courier(defaults)\n  }\n  return new Draft()\n}",
    # the factory keeps the instance in a local: what it hands back is no new expression
    "function makeCourier(opt?: any) {\n  const made = new Courier(defaults)\n  return made\n}",
])
def test_no_upload_through_what_a_function_making_no_single_class_hands_back(app_repo, factory):
    assert _uploads(app_repo, factory, PICKED) == set()


def test_a_fixed_file_sent_through_the_instance_is_told_as_through_a_plain_helper(tmp_path):
    page = "import { sendPhoto } from '../../api/media'\nPage({\n  onShow() {\n    sendPhoto('/images/a.png')\n  },\n})\n"
    plain = _uploads(minimal_app(tmp_path / "plain")[0], FACTORIES["declaration"], page, PLAIN)
    assert _uploads(minimal_app(tmp_path / "held")[0], FACTORIES["declaration"], page) == plain


def test_no_upload_where_the_page_calls_the_api_function_of_a_method_that_uploads_nothing(app_repo):
    page = "import { readNews } from '../../api/media'\nPage({\n  onShow() {\n    readNews()\n  },\n})\n"
    assert _uploads(app_repo, FACTORIES["declaration"], page) == set()


@pytest.mark.parametrize("source, expected", [
    ("function make() { return new A() }\nconst b = () => new B(1)\nexport function c() { return new C() }\n",
     {"make": "A", "b": "B", "c": "C"}),
    ("function make() { const a = new A(); return a }\nfunction two(x) { if (x) return new A(); return new B() }\n"
     "function inner() { const f = () => new A(); return f }\nfunction none() { new A() }\n", {}),
])
def test_factories_are_the_top_level_functions_handing_back_one_class_instance(source, expected):
    found = factories(parse(language_for("m.ts"), source.encode()).root_node)
    assert {name: made.child_by_field_name("constructor").text.decode() for name, made in found.items()} == expected


def test_the_instance_a_factory_makes_is_exported_as_its_class():
    source = INDEX.replace("FACTORY", FACTORIES["declaration"])
    assert ("./core", "default", "default") in js_facts(source, "lib/courier/index.ts").reexports
    assert js_facts(INDEX.replace("FACTORY", FACTORIES["declaration"].replace("new Courier", "Object")),
                    "lib/courier/index.ts").reexports == ()


# The class, its factory and the exported instance in one module.
LOCAL = CORE.replace("export default class Courier", "class Courier") + """function makeCourier(opt?: any) {
  return new Courier(opt)
}
EXPORT
"""


@pytest.mark.parametrize("export", ["const courier = makeCourier()\nexport default courier",
                                    "export default makeCourier()"])
def test_an_instance_a_factory_of_the_class_module_makes_offers_the_class_methods(export):
    exports = js_facts(LOCAL.replace("EXPORT", export), "lib/courier/index.ts").exports
    assert exports["putFile"].subjects == ("wx.uploadFile",) and exports["default.putFile"].subjects == ("wx.uploadFile",)


def test_a_call_of_a_function_making_no_instance_offers_nothing():
    source = LOCAL.replace("return new Courier(opt)", "return opt").replace("EXPORT", "export default makeCourier()")
    assert "putFile" not in js_facts(source, "lib/courier/index.ts").exports
