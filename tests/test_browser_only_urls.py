"""A URL only a browser loads is no server the Mini Program requests: a beacon picture (``new Image().src``), a
navigation (``location.href``, ``window.open``), a script tag, and the requests of a web JS-SDK's own file (it calls
``WeixinJSBridge``); the same URL handed to ``wx.request`` stays a server (readers/browsersinks.py)."""

from __future__ import annotations

from helpers import run
from mp_precheck.facts.extract import extract

# A web-page SDK copied into a uni-app: a report beacon built into a variable and loaded as a picture.
WEB_SDK = """!(function (root, factory) { module.exports = factory(root) })(window, function (o) {
  var h = { version: 1, appId: '' }
  function report(kind) {
    var img = new Image()
    var n = 'https://stats.lantern-sdk.cn/report?v=' + h.version + '&k=' + kind
    img.src = n
  }
  function invoke(name, args, cb) {
    o.WeixinJSBridge && WeixinJSBridge.invoke(name, args, cb)
  }
  function fetchTicket(done) {
    var xhr = new XMLHttpRequest()
    xhr.open('GET', 'https://ticket.lantern-sdk.cn/get')
    xhr.onload = done
    xhr.send()
  }
  var helpUrl = 'https://help.lantern-sdk.cn/faq'
  return { report: report, invoke: invoke, fetchTicket: fetchTicket, help: helpUrl }
})
"""

# App code: the same shapes outside a web SDK, and a URL the Mini Program does request.
PAGE = """Page({
  leave() {
    window.location.href = 'https://www.cedar-harbor.cn/h5/home'
    window.open('https://m.cedar-harbor.cn/about')
    const tag = document.createElement('script')
    tag.src = 'https://cdn.cedar-harbor.cn/embed.js'
    new Image().src = 'https://pixel.cedar-harbor.cn/p.gif?e=leave'
  },
  load() {
    var n = 'https://api.cedar-harbor.cn/list?page=' + this.data.page
    wx.request({ url: n })
    var img = new Image()
    img.src = n
  },
  ticket() {
    const xhr = new XMLHttpRequest()
    xhr.open('GET', 'https://game.cedar-harbor.cn/ticket')
  },
})
"""


def _hosts(path: str, text: str) -> dict[str, str | None]:
    return {f.subject: f.role for f in extract(path, text.encode()).facts if f.kind == "host"}


def test_a_web_sdks_beacon_and_requests_name_no_server():
    assert _hosts("common/lantern-sdk.js", WEB_SDK) == {}


def test_a_web_sdks_beacon_is_a_browsers_even_where_the_file_is_no_library():
    # The file calls a Mini Program API too, so the library rule keeps its links: the beacon's and the
    # XMLHttpRequest's sinks (a bridge-calling file's) drop theirs; the request and the plain link stay.
    text = WEB_SDK.replace("  var helpUrl", "  wx.request({ url: 'https://api.lantern-sdk.cn/v1' })\n  var helpUrl")
    assert _hosts("common/lantern-sdk.js", text) == {"host:api.lantern-sdk.cn": "request",
                                                      "host:help.lantern-sdk.cn": "code"}


def test_browser_sinks_in_app_code_name_no_server_and_a_requested_url_stays():
    # A URL a request also reads stays; an XMLHttpRequest outside a web SDK may be a mini game adapter's request.
    assert set(_hosts("pages/index/index.js", PAGE)) == {"host:api.cedar-harbor.cn", "host:game.cedar-harbor.cn"}


def test_the_web_sdk_brought_into_an_app_is_told_no_new_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("common/lantern-sdk.js", WEB_SDK)
    app_repo.write("pages/index/index.js", "import sdk from '../../common/lantern-sdk'\n"
                                           "Page({ onLoad() { sdk.report('load') } })\n")
    app_repo.commit("web sdk")
    found = {(f.subject, f.path) for f in run(app_repo.path, base).findings if f.family == "external_link"}
    assert found == set()
