"""URLs the Mini Program never requests itself are no server domains: the links of a minified library copied in
that calls no network API (readers/minified.py, ``library_hosts`` in readers/sdkhosts.py), a URL sent as a request's data
(``sent_as_request_data`` in readers/imagebases.py), a fallback picture in a JSX ``<Image src={…}>`` (read with
its element as WXML's ``<image src>`` is: readers/bound.py)."""

from __future__ import annotations

from helpers import loaded_by_app, run
from mp_precheck.facts.extract import extract
from mp_precheck.readers.minified import is_minified_library

# A markdown library as a minifier writes it: a banner, then its code on one very long line; its linkifier
# builds profile links to a social site, and (LOGGED) it posts usage to its vendor's collector.
_FILLER = "".join(f"function q{i}(t,n){{var r=t[n];if(!r)return null;return r.v+{i}}};" for i in range(60))
LIBRARY = ("/*! mdkit 2.3.1 https://code.mdkit-lib.org/mdkit @license BSD */\n"
           "!function(g){" + _FILLER + "var L={profile:function(h){return\"https://social-circle.cn/u/\"+h}};"
           "%s g.mdkit=L}(this);\n")
LOGGED = "var C=\"https://collect.mdkit-lib.org/v1\";function s(e){wx.request({url:C,data:e})};"


def _domains(app_repo, base):
    return {(f.rule, f.subject, f.path, f.line) for f in run(app_repo.path, base).findings
            if f.family == "external_link"}


def test_a_minified_library_is_told_apart_from_short_or_readable_code():
    assert is_minified_library(LIBRARY % "")
    assert not is_minified_library("module.exports={baseUrl:\"https://api.pet-house.cn\",timeout:5000};\n")
    assert not is_minified_library((LIBRARY % "").replace(";", ";\n"))  # the same code written line by line


def test_a_minified_librarys_own_links_are_no_server_domains(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"vendor/mdkit.js": LIBRARY % "", **loaded_by_app("vendor/mdkit.js")})
    app_repo.commit("a markdown renderer")
    assert _domains(app_repo, base) == set()


def test_the_server_a_minified_library_requests_is_still_told(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"vendor/mdkit.js": LIBRARY % LOGGED, **loaded_by_app("vendor/mdkit.js")})
    app_repo.commit("a markdown renderer that reports usage")
    # A library that calls the network is read as the app's code: its server, built or held, is not missed.
    assert ("external_link.domain", "host:collect.mdkit-lib.org", "vendor/mdkit.js", 2) in _domains(app_repo, base)


def test_the_apps_own_one_line_config_keeps_its_host():
    facts = extract("config/env.js", b"module.exports={apiRoot:\"https://api.pet-house.cn\",retries:3};\n").facts
    assert [f.subject for f in facts if f.kind == "host"] == ["host:api.pet-house.cn"]


PAY = """Page({
  order() {
    wx.request({
      url: 'https://trade.flower-mall.cn/order/create',
      method: 'POST',
      data: {
        goods: this.data.goods,
        return_page: 'http://landing.flower-mall-pay.cn/done?from=mp',
        terminal_ip: '61.135.20.7',
      },
    })
  },
  upload(p) {
    wx.uploadFile({ url: 'https://files.flower-mall.cn/up', filePath: p, name: 'f',
      formData: { origin: 'https://shop.flower-mall-web.cn/' + this.data.id } })
  },
})
"""


def test_urls_sent_in_a_requests_data_are_no_hosts_the_app_calls(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", PAY)
    app_repo.commit("order and upload")
    assert _domains(app_repo, base) == {
        ("external_link.domain", "host:trade.flower-mall.cn", "pages/index/index.js", 4),
        ("external_link.domain", "host:files.flower-mall.cn", "pages/index/index.js", 14)}


def test_the_same_url_as_the_requests_address_is_told(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", "Page({ go() { wx.request({ url: 'http://landing.flower-mall-pay.cn/done',"
                                           " data: { page: 'home' } }) } })\n")
    app_repo.commit("a request")
    assert _domains(app_repo, base) == {
        ("external_link.domain", "host:landing.flower-mall-pay.cn", "pages/index/index.js", 1),
        ("external_link.insecure_url", "host:landing.flower-mall-pay.cn", "pages/index/index.js", 1)}


CARD = """import { View, Image, WebView } from '@tarojs/components'

export default function Card({ pet, shown, id }) {
  return (
    <View>
      <Image src={pet.photo || 'https://placeholder-pics.cn/200'} />
      <Image src={shown ? pet.photo : `https://stock-pics.cn/pets/${id}`} />
      %s
    </View>
  )
}
"""


def test_a_fallback_picture_in_a_jsx_image_is_media_as_in_wxml(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"components/card.jsx": CARD % "", **loaded_by_app("components/card.jsx")})
    app_repo.commit("a pet card")
    assert _domains(app_repo, base) == set()


def test_a_fallback_page_in_a_jsx_web_view_is_told_as_its_page(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    page = "<WebView src={pet.page || 'https://h5.pet-house-web.cn/pet'} />"
    app_repo.write_files({"components/card.jsx": CARD % page, **loaded_by_app("components/card.jsx")})
    app_repo.commit("a pet card with its page")
    assert _domains(app_repo, base) == {
        ("external_link.web_view", "<web-view>", "components/card.jsx", 8),
        ("external_link.web_view_dynamic_src", "web-view:dynamic-src", "components/card.jsx", 8),
        ("external_link.business_domain", "web-view-host:h5.pet-house-web.cn", "components/card.jsx", 8)}
