"""A module's function that reaches an API only through other functions of the same module — which call it
themselves, an upload / payment / picker wrapper imported from another module, or a third function of the
module — is a wrapper of that API however deep the chain: a page calling it adds the use. One that only sits
beside such a function, calls it in a cycle that reaches nothing, or names it in a string or a comment is not."""

from __future__ import annotations

import pytest

from helpers import places, run
from mp_precheck.facts.cache import FactCache
from mp_precheck.readers.jsfacts import js_facts

SENDER = "export function sendPicture(path) {\n  return wx.uploadFile({ url: '/pictures', filePath: path, name: 'f' })\n}\n"
PAYER = "export function payWith(order) {\n  return wx.requestPayment({ ...order })\n}\n"
SPOT = "export function whereAmI() {\n  return new Promise((ok) => wx.getLocation({ success: ok }))\n}\n"

# The same chain (storeEvery → storeOne → sendPicture of ./sender) in each module shape.
MEDIA_SHAPES = {
    "es module, a local function handed to map": (
        "media.js", "import { sendPicture } from './sender'\n"
        "function storeOne(path) {\n  return sendPicture(path)\n}\n"
        "export async function storeEvery(list) {\n  return Promise.all(list.map(storeOne))\n}\n"),
    "typescript arrows, two thin functions deep": (
        "media.ts", "import { sendPicture } from './sender'\n"
        "const prepare = (path: string) => sendPicture(path)\n"
        "export const storeOne = async (path: string) => { return prepare(path) }\n"
        "export const storeEvery = async (list: string[]) => {\n"
        "  const out = []\n  for (const p of list) out.push(await storeOne(p))\n  return out\n}\n"),
    "commonjs exports.x, called through exports": (
        "media.js", "const { sendPicture } = require('./sender')\n"
        "exports.storeOne = function (path) { return sendPicture(path) }\n"
        "exports.storeEvery = (list) => Promise.all(list.map((p) => exports.storeOne(p)))\n"),
    "commonjs module.exports of an object": (
        "media.js", "const sender = require('./sender')\n"
        "function storeOne(path) { return sender.sendPicture(path) }\n"
        "function storeEvery(list) { return list.map((p) => storeOne(p)) }\n"
        "module.exports = { storeOne, storeEvery }\n"),
    "methods of an exported object, through this and its name": (
        "media.js", "import { sendPicture } from './sender'\n"
        "const media = {\n  storeOne(path) { return sendPicture(path) },\n"
        "  storeTwo(path) { return media.storeOne(path) },\n"
        "  storeEvery(list) { return list.map((p) => this.storeTwo(p)) },\n}\nexport default media\n"),
}


def _page(module: str, shape: str) -> str:
    default = "methods of an exported object" in shape or "module.exports" in shape
    binding = "media" if default else "{ storeEvery }"
    call = "media.storeEvery" if default else "storeEvery"
    return (f"import {binding} from '../../services/{module.rsplit('.', 1)[0]}'\n"
            f"Page({{\n  async save(list) {{\n    await {call}(list)\n  }}\n}})\n")


@pytest.mark.parametrize("shape", sorted(MEDIA_SHAPES))
def test_an_upload_reached_through_sibling_functions_is_the_callers(app_repo, shape):
    module, text = MEDIA_SHAPES[shape]
    app_repo.write_files({"services/sender.js": SENDER, f"services/{module}": text})
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", _page(module, shape))
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == {("upload.upload_file", "pages/me/me.js", 4)}


def test_a_sibling_that_calls_the_api_itself_two_functions_down(app_repo):
    app_repo.write("services/media.js", "function post(path) {\n  return wx.uploadFile({ url: '/p', filePath: path, name: 'f' })\n}\n"
                                        "function storeOne(path) { return post(path) }\n"
                                        "export function storeEvery(list) { return list.map((p) => storeOne(p)) }\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", _page("media.js", "es"))
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == {("upload.upload_file", "pages/me/me.js", 4)}


@pytest.mark.parametrize(("helper", "module", "call", "family", "rule"), [
    ("payer.js", "import { payWith } from './payer'\nfunction settle(o) { return payWith(o) }\n"
                 "export function checkout(o) {\n  return settle(o)\n}\n", "checkout", "payment", "payment.request_payment"),
    ("spot.js", "import { whereAmI } from './spot'\nconst locate = () => whereAmI()\n"
                "export const nearby = async () => { const at = await locate(); return at }\n", "nearby",
     "privacy", "privacy.location"),
], ids=["payment", "location"])
def test_other_families_reach_through_siblings(app_repo, helper, module, call, family, rule):
    app_repo.write_files({f"services/{helper}": PAYER if helper == "payer.js" else SPOT, "services/flow.js": module})
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", f"import {{ {call} }} from '../../services/flow'\n"
                                     f"Page({{\n  async go(o) {{\n    await {call}(o)\n  }}\n}})\n")
    app_repo.commit()
    assert (rule, "pages/me/me.js", 4) in places(run(app_repo.path, base), family)


SILENT = {
    "a sibling only defined beside the export": (
        "import { sendPicture } from './sender'\nfunction storeOne(path) { return sendPicture(path) }\n"
        "export function storeEvery(list) { return list.length }\nexport function keep() { return storeOne }\n"),
    "a cycle that reaches nothing": (
        "import { sendPicture } from './sender'\nfunction ping(n) { return n > 0 ? pong(n - 1) : n }\n"
        "function pong(n) { return ping(n) }\nfunction storeOne(path) { return sendPicture(path) }\n"
        "export function storeEvery(list) { return ping(list.length) }\n"),
    "the name in a string and a comment": (
        "import { sendPicture } from './sender'\nfunction storeOne(path) { return sendPicture(path) }\n"
        "export function storeEvery(list) {\n  // storeOne(list[0])\n  console.log('storeOne(x)')\n  return list\n}\n"),
}


@pytest.mark.parametrize("shape", sorted(SILENT))
def test_no_upload_where_the_export_does_not_call_the_uploading_sibling(app_repo, shape):
    app_repo.write_files({"services/sender.js": SENDER, "services/media.js": SILENT[shape]})
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", _page("media.js", "es"))
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == set()


def test_the_reach_through_siblings_survives_the_fact_cache(tmp_path):
    facts = js_facts(MEDIA_SHAPES["typescript arrows, two thin functions deep"][1], "services/media.ts")
    every = facts.exports["storeEvery"]
    assert every.subjects == () and every.covers(2) and every.covers(3) and not every.covers(1)
    cache = FactCache(tmp_path / "facts.sqlite")
    cache.put_many({"a": facts})
    assert cache.get_many(["a"])["a"].exports["storeEvery"].spans == every.spans
