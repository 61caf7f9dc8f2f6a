"""Region tables of upload hosts (readers/regiontable.py): one region's server is the app's, the one its code
selects in the table's file or names for the SDK elsewhere (core/regionpick.py); the others are no new domains."""

from __future__ import annotations

from helpers import run
from mp_precheck.facts.model import ALTERNATIVE
from mp_precheck.readers.jsfacts import js_facts
from mp_precheck.readers.regiontable import chosen_regions

# An object-storage uploader as vendors ship it: one upload host per region, the caller's region picks one.
SWITCH_UPLOADER = (
    "var settings = { area: '' }\n"
    "function init(options) { settings.area = options.area }\n"
    "function hostOfArea(code) {\n"
    "  var host = null\n"
    "  switch (code) {\n"
    "    case 'EAST': host = 'https://up-east.storage.example'; break\n"
    "    case 'NORTH': host = 'https://up-north.storage.example'; break\n"
    "    case 'WEST': host = 'https://up-west.storage.example'; break\n"
    "    default: console.error('unknown region')\n"
    "  }\n"
    "  return host\n"
    "}\n"
    "function upload(path, done) {\n"
    "  wx.uploadFile({ url: hostOfArea(settings.area), filePath: path, name: 'file', success: done })\n"
    "}\n"
    "module.exports = { init: init, upload: upload }\n")
TABLE_UPLOADER = (
    "const UPLOAD_HOSTS = { z0: 'https://up.bucket.example', z1: 'https://up-z1.bucket.example',\n"
    "  na0: 'https://up-na0.bucket.example' }\n"
    "export function upload(zone, filePath) {\n"
    "  return wx.uploadFile({ url: UPLOAD_HOSTS[zone], filePath, name: 'file' })\n"
    "}\n")


def _roles(text, path="utils/uploader.js"):
    return {f.subject.removeprefix("host:"): (f.line, f.role) for f in js_facts(text, path).facts
            if f.kind == "host"}


def _hosts(report):
    return {(f.subject, f.path, f.line) for f in report.findings if f.rule == "external_link.domain"}


def test_a_switch_over_a_region_offers_alternatives_unless_a_constant_selects_one():
    roles = _roles(SWITCH_UPLOADER)
    assert {host: role for host, (_, role) in roles.items()} == {
        "up-east.storage.example": f"{ALTERNATIVE}:EAST", "up-north.storage.example": f"{ALTERNATIVE}:NORTH",
        "up-west.storage.example": f"{ALTERNATIVE}:WEST"}
    chosen = _roles(SWITCH_UPLOADER.replace("switch (code)", "switch (AREA)") + "const AREA = 'NORTH'\n")
    assert chosen["up-north.storage.example"] == (7, "code")
    assert chosen["up-east.storage.example"] == (6, f"{ALTERNATIVE}:EAST")


def test_an_object_keyed_by_region_codes_read_by_a_variable_offers_alternatives():
    roles = _roles(TABLE_UPLOADER)
    assert {role for _, role in roles.values()} == {f"{ALTERNATIVE}:z0", f"{ALTERNATIVE}:z1", f"{ALTERNATIVE}:na0"}
    picked = _roles(TABLE_UPLOADER.replace("UPLOAD_HOSTS[zone]", "UPLOAD_HOSTS['z1']"))
    assert picked["up-z1.bucket.example"] == (1, "code")
    assert picked["up.bucket.example"] == (1, f"{ALTERNATIVE}:z0")


def test_servers_side_by_side_and_tables_of_builds_are_no_region_table():
    side_by_side = ("const SERVERS = { api: 'https://api.shop.example', upload: 'https://files.shop.example' }\n"
                    "export const url = (kind) => SERVERS[kind]\n")
    assert {role for _, role in _roles(side_by_side).values()} == {"code"}
    one_host = ("function hostOf(region) { switch (region) { case 'a': return 'https://a.one.example/x'\n"
                "  default: return 'https://a.one.example/y' } }\n")
    assert {role for _, role in _roles(one_host).values()} == {"code"}
    builds = "const BASES = { dev: 'https://dev.api.example', prod: 'https://api.example' }\nBASES[env]\n"
    assert _roles(builds)["api.example"][1] == "code"


PAGE = ("const uploader = require('../../utils/uploader.js')\n"
        "import { upload } from '../../utils/images'\n"
        "Page({ send(p) { uploader.init({ area: AREA }); uploader.upload(p); upload(this.zone, p) } })\n")


def test_a_region_uploader_adds_only_the_region_the_app_selects(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        "utils/uploader.js": SWITCH_UPLOADER,
        "utils/images.js": TABLE_UPLOADER.replace("UPLOAD_HOSTS[zone]", "UPLOAD_HOSTS[ZONE]") + "const ZONE = 'na0'\n",
        "pages/index/index.js": PAGE.replace("area: AREA", "area: 'WEST'")})
    app_repo.commit()
    assert _hosts(run(app_repo.path, base)) == {("host:up-na0.bucket.example", "utils/images.js", 2),
                                                ("host:up-west.storage.example", "utils/uploader.js", 8)}


def test_a_region_uploader_no_code_selects_from_adds_no_host(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/uploader.js": SWITCH_UPLOADER, "utils/images.js": TABLE_UPLOADER,
                          "pages/index/index.js": PAGE.replace("AREA", "this.area"),
                          "libs/copy/uploader.js": SWITCH_UPLOADER})  # a copy nothing loads
    app_repo.commit()
    assert _hosts(run(app_repo.path, base)) == set()


def test_the_regions_a_script_names_for_an_sdk():
    script = ("const REGION = 'z2'\nsdk.init({ region: 'SCN', domain: 'https://cdn.example' })\n"
              "cfg.uploadZone = 'ECN'\nconst mode = 'fast'\n")
    assert chosen_regions(script, "utils/upload.js") == {"z2", "SCN", "ECN"}


def test_a_script_with_a_lone_surrogate_still_names_its_region():
    assert chosen_regions("const ZONE = 'z2'\nconst note = '\ud800'\n", "utils/upload.js") == {"z2"}


_WEPY_APP = ("<script>\nimport wepy from 'wepy'\nexport default class extends wepy.app {\n"
             "  config = { pages: ['pages/gallery'] }\n}\n</script>\n")
_WEPY_PAGE = """<template>
  <view @tap="send">send</view>
</template>
<script>
import wepy from 'wepy'
import uploader from '../utils/uploader'
export default class Gallery extends wepy.page {
  send (path) {
    uploader.init({ area: 'NORTH' })
    uploader.upload(path)
  }
}
</script>
"""


def test_a_single_file_components_script_names_the_region_for_the_sdk(repo):
    repo.write_files({"package.json": '{"dependencies": {"wepy": "^1.7.0"}}\n', "src/app.wpy": _WEPY_APP,
                      "src/pages/gallery.wpy": _WEPY_PAGE,
                      "src/utils/uploader.js": SWITCH_UPLOADER.replace("up-north.", "up-old-north.")})
    base = repo.commit("gallery")
    repo.write("src/utils/uploader.js", SWITCH_UPLOADER)  # the north region's host moves
    repo.commit("north upload host")
    assert _hosts(run(repo.path, base)) == {("host:up-north.storage.example", "src/utils/uploader.js", 7)}
