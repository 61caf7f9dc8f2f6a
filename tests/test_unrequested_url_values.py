"""URL strings the Mini Program never requests name no server domain: an address handed to another service that
calls it back or sends the browser there (``notify_url`` in a payment's XML or form body, OAuth's ``redirect_uri``
/ ``redirectURI``: readers/urls.py, readers/unrequested.py), a page link's external address (``<a href>``,
``<navigator url>``: readers/markup.py), and the project pages a package manifest bundled into a built npm package
names (``"bugs": { "url" }``: readers/sdkhosts.py). The request base beside each stays a server."""

from __future__ import annotations

from conftest import Repo
from helpers import run
from mp_precheck.facts.extract import extract
from mp_precheck.readers.sdkhosts import vendored_hosts
from mp_precheck.readers.urls import find_urls, names_callback

# A page that builds a payment order's XML body and a form body by hand, and posts them to its own server.
PAY_PAGE = """Page({
  pay(order) {
    var body = '<xml>' +
      '<out_trade_no>' + order.no + '</out_trade_no>' +
      '<notify_url>http://hook.quillmere.cn/paid</notify_url>' +
      '</xml>'
    var form = 'total=' + order.total + '&notify_url=https://hook2.quillmere.cn/paid'
    wx.request({ url: 'https://api.quillmere.cn/order', method: 'POST', data: body })
    wx.request({ url: 'https://api2.quillmere.cn/order', method: 'POST', data: form })
  },
})
"""

# A login page handing an OAuth client the address its provider redirects to, beside a request of its own.
LOGIN_PAGE = """const oauth = require('../../utils/oauth.js')
Page({
  login() {
    oauth.showPopup({
      appId: 1024,
      redirectURI:
        'https://sso.fernvale.org/authorize?client_id=1024&redirect_uri=http%3A%2F%2Fcb.fernvale.org%2F'
    })
    oauth.open({ redirect_uri: encodeURIComponent('https://back.fernvale.org/done'), callbackUrl: 'https://ret.fernvale.org/x' })
    wx.request({ url: 'https://api.fernvale.org/session' })
  },
})
"""


def _hosts(path: str, text: str) -> set[tuple[int, str]]:
    return {(f.line, f.subject) for f in extract(path, text.encode()).facts
            if f.kind == "host" and f.role not in ("media", "displayed", "clipboard")}


def _domains(report):
    return {(f.subject, f.path, f.line) for f in report.findings if f.rule == "external_link.domain"}


def test_callback_parameter_names():
    assert all(names_callback(n) for n in ("notify_url", "notifyUrl", "redirect_uri", "redirectURI",
                                           "callbackUrl", "return_url", "RETURNURL"))
    assert not any(names_callback(n) for n in ("url", "baseUrl", "redirect", "apiUrl", "notify", "uri",
                                               "avatarUrl", "homepageUrl"))


def test_a_url_that_is_an_xml_element_or_a_callback_parameter_value_is_no_address():
    assert find_urls("<notify_url>http://hook.quillmere.cn/paid</notify_url>") == []
    assert find_urls("total=1&notify_url=https://hook.quillmere.cn/paid") == []
    assert find_urls("redirect_uri=https://hook.quillmere.cn/paid") == []
    assert [u.host for u in find_urls("<a>https://api.quillmere.cn/x") + find_urls("url=https://api.quillmere.cn/x")
            ] == ["api.quillmere.cn", "api.quillmere.cn"]  # no element closes it; a parameter of no callback


def test_a_notify_address_in_a_hand_built_xml_or_form_body_names_no_server():
    assert _hosts("pages/pay/pay.js", PAY_PAGE) == {(8, "host:api.quillmere.cn"), (9, "host:api2.quillmere.cn")}


def test_an_oauth_redirect_address_handed_to_a_client_names_no_server():
    assert _hosts("pages/login/login.js", LOGIN_PAGE) == {(10, "host:api.fernvale.org")}
    page = "Page({\n  data: { returnUrl: 'https://h5.fernvale.org/home' },\n})\n"  # a web-view may open it
    assert _hosts("pages/a/a.js", page) == {(2, "host:h5.fernvale.org")}


def test_a_payment_page_posting_a_hand_built_body_adds_only_its_request_host(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"pages/index/index.js": PAY_PAGE, "pages/me/me.js": LOGIN_PAGE})
    app_repo.commit()
    assert _domains(run(app_repo.path, base)) == {
        ("host:api.quillmere.cn", "pages/index/index.js", 8), ("host:api2.quillmere.cn", "pages/index/index.js", 9),
        ("host:api.fernvale.org", "pages/me/me.js", 10)}


VUE_PAGE = """<template>
  <view>
    <a href="https://qr.linden-row.net/group?k=7">join us</a>
    <navigator url="https://docs.linden-row.net/help">help</navigator>
    <navigator url="/pages/web/web">web</navigator>
  </view>
</template>
<script>
export default {
  onLoad() {
    uni.request({ url: 'https://api.linden-row.net/feed' })
  }
}
</script>
"""


def test_a_page_link_to_an_external_site_names_no_server():
    assert _hosts("pages/feed/feed.vue", VUE_PAGE) == {(11, "host:api.linden-row.net")}
    wxml = '<a href="https://qr.linden-row.net/g">x</a>\n<image src="https://img.linden-row.net/a.png"/>\n' \
           '<view data-u="https://data.linden-row.net/x">y</view>\n'
    assert _hosts("pages/a/a.wxml", wxml) == {(3, "host:data.linden-row.net")}


def test_a_uni_app_page_linking_outside_adds_only_its_request_host(tmp_path):
    repo = Repo(tmp_path / "uni")
    repo.write_files({
        "pages.json": '{"pages": [{"path": "pages/feed/feed"}]}\n',
        "manifest.json": '{"name": "x", "mp-weixin": {"appid": "wx0000000000000000"}}\n',
        "main.js": "import App from './App'\n",
        "App.vue": "<script>\nexport default {}\n</script>\n",
        "pages/feed/feed.vue": "<template><view>feed</view></template>\n",
    })
    base = repo.commit("base")
    repo.write("pages/feed/feed.vue", VUE_PAGE)
    repo.commit()
    assert _domains(run(repo.path, base)) == {("host:api.linden-row.net", "pages/feed/feed.vue", 11)}


# A built npm package whose bundle carries its own package manifest (as bundlers inline ``package.json``) beside
# the client's base address.
BUNDLE = (
    "module.exports=function(){var d={baseURL:\"https://api.client-lib.example\"};"
    "function r(o){wx.request({url:d.baseURL+o.path})}\n"
    "var pkg={\"name\":\"client-lib\",\"bugs\":{\"url\":\"https://tracker.client-lib.example/issues\"},"
    "\"repository\":{\"type\":\"git\",\"url\":\"https://code.client-lib.example/repo\"},"
    "\"homepage\":\"https://site.client-lib.example\"};\nreturn{request:r,pkg:pkg}}();\n")


def test_a_bundled_package_manifest_names_no_server_of_a_built_npm_package():
    facts = vendored_hosts(BUNDLE, "miniprogram_npm/client-lib/index.js").facts
    assert {(f.line, f.subject) for f in facts} == {(1, "host:api.client-lib.example")}


def test_a_built_npm_package_with_its_manifest_adds_only_its_base(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"miniprogram_npm/client-lib/index.js": BUNDLE,
                          "app.js": "const lib = require('client-lib')\nApp({})\n"})
    app_repo.commit()
    assert _domains(run(app_repo.path, base)) == {
        ("host:api.client-lib.example", "miniprogram_npm/client-lib/index.js", 1)}
