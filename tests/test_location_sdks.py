"""Map SDKs that read the user's position themselves (checks/location_sdks.yml): a call that passes no
position is a use of the location privacy type at the call; one given the position reads nothing."""

from __future__ import annotations

from helpers import run
from mp_precheck.core.thirdparty import SDK_LOCATION_SUBJECT, third_party
from mp_precheck.facts.extract import extract

AMAP = ("function AMapWX(o) { this.key = o.key }\nAMapWX.prototype.getPoiAround = function (a) {\n"
        "  a.location ? a.success(a.location) : wx.getLocation({ type: 'gcj02', success: a.success })\n}\n"
        "module.exports.AMapWX = AMapWX\n")
PAGE = ("var amapFile = require('../../libs/amap-wx.js')\nPage({\n  onLoad() {\n"
        "    var amap = new amapFile.AMapWX({ key: 'k' })\n    amap.getPoiAround({%s success: (d) => this.setData(d) })\n"
        "  }\n})\n")


def _location(report):
    return {(f.path, f.line, f.value) for f in report.findings if f.rule == "privacy.location"}


def test_a_map_sdk_call_without_a_position_reads_the_location_at_the_call(app_repo):
    app_repo.write("libs/amap-wx.js", AMAP)
    base = app_repo.commit("the SDK, unused")
    app_repo.write("pages/index/index.js", PAGE % "")
    app_repo.commit("nearby places")
    assert _location(run(app_repo.path, base)) == {
        ("pages/index/index.js", 5, "amap.getPoiAround (AMap WeChat SDK (amap-wx))")}


def test_a_map_sdk_call_given_the_position_reads_nothing(app_repo):
    app_repo.write("libs/amap-wx.js", AMAP)
    base = app_repo.commit("the SDK, unused")
    app_repo.write("pages/index/index.js", PAGE % " location: '116.4,39.9',")
    app_repo.commit("places around a fixed point")
    assert _location(run(app_repo.path, base)) == set()


def test_tencent_map_sdk_instance_kept_on_the_page(app_repo):
    app_repo.write("libs/qqmap-wx-jssdk.min.js", "module.exports = function QQMapWX(o) {}\n")
    base = app_repo.commit("the SDK, unused")
    app_repo.write("pages/me/me.js", "const QQMapWX = require('../../libs/qqmap-wx-jssdk.min.js')\nPage({\n"
                   "  onLoad() {\n    this.qqmap = new QQMapWX({ key: 'k' })\n  },\n  where() {\n"
                   "    this.qqmap.reverseGeocoder({ success: (r) => this.setData(r) })\n"
                   "    this.qqmap.calculateDistance({ from: '39.9,116.4', to: '39.8,116.3' })\n  }\n})\n")
    app_repo.commit("where am I")
    assert {(p, line) for p, line, _ in _location(run(app_repo.path, base))} == {("pages/me/me.js", 7)}


def test_the_table_names_its_subject():
    maps = [s for s in third_party().sdks if s.subject == SDK_LOCATION_SUBJECT]
    assert {s.option_given("getRegeo") for s in maps} == {"location", None}
    assert "AMapWX" in third_party().needles(SDK_LOCATION_SUBJECT)
    assert "AMapWX" not in third_party().needles("sdk:upload")


QQMAP_HELPERS = ("const QQMapWX = require('../libs/qqmap-wx-jssdk.min.js')\n"
                 "function promisify(fn) { return (o = {}) => new Promise((ok) => fn({ ...o, success: ok })) }\n"
                 "function regeo(options) {\n  const instance = new QQMapWX({ key: 'k' })\n"
                 "  return promisify(instance.reverseGeocoder)(options)\n}\nmodule.exports = { regeo }\n")
APP_WITH_REGEO = ("const QQMapWX = require('./libs/qqmap-wx-jssdk.min.js')\nApp({\n  regeo(options) {\n"
                  "    const map = new QQMapWX({ key: 'k' })\n    map.reverseGeocoder(options)\n  }\n})\n")


def test_a_map_sdk_method_handed_to_a_promise_wrapper_is_a_use_of_it():
    facts = extract("utils/map.js", QQMAP_HELPERS.encode()).facts
    assert [(f.subject, f.line) for f in facts if f.subject.startswith("sdk:")] == [(SDK_LOCATION_SUBJECT, 5)]
    unrelated = QQMAP_HELPERS.replace("instance.reverseGeocoder", "instance.key")
    assert not [f for f in extract("utils/map.js", unrelated.encode()).facts if f.subject.startswith("sdk:")]


def test_the_wrapped_call_moved_into_the_app_as_a_direct_call_is_nothing_new(app_repo):
    app_repo.write_files({"libs/qqmap-wx-jssdk.min.js": "module.exports = function QQMapWX(o) {}\n",
                          "utils/map.js": QQMAP_HELPERS})
    base = app_repo.commit("the helper")
    app_repo.write("utils/map.js", "module.exports = {}\n")
    app_repo.write("app.js", APP_WITH_REGEO)
    app_repo.commit("the helper moved into App")
    assert _location(run(app_repo.path, base)) == set()


def test_baidu_map_sdk_weather_without_a_position_reads_the_location(app_repo):
    app_repo.write("utils/bmap-wx.min.js", "module.exports = function BMapWX(o) { this.ak = o.ak }\n")
    base = app_repo.commit("the SDK, unused")
    app_repo.write("pages/index/index.js", "import bmap from '../../utils/bmap-wx.min.js'\nPage({\n  onLoad() {\n"
                   "    const BMap = new bmap({ ak: 'k' })\n    BMap.weather({ success: (d) => this.setData(d) })\n"
                   "    BMap.weather({ location: '116.4,39.9', success: (d) => this.setData(d) })\n  }\n})\n")
    app_repo.commit("today's weather")
    assert {(p, line) for p, line, _ in _location(run(app_repo.path, base))} == {("pages/index/index.js", 5)}
