"""A URL inside an object a request helper is handed after its address is data the server keeps (a commenter's
homepage, a notify address), not a server the Mini Program requests; the helper's address, an options object's
``url`` and an HTTP client's ``baseURL`` stay servers (readers/unrequested.py)."""

from __future__ import annotations

from helpers import run
from mp_precheck.facts.extract import extract

PAGE = """const http = require('../../utils/http.js')
Page({
  sendReview(text) {
    var address = getApp().globalData.api + '/reviews'
    var params = {
      nick: this.data.nick,
      homepage: 'https://www.birch-lane.cn/about',
      content: text,
    }
    params.sign = this.sign(text)
    http.postJson(address, this.data.token, params, this.done)
  },
  like(id) {
    http.sendForm('https://api.birch-lane.cn/like', { id, source: 'https://share.birch-lane.cn/' + id })
  },
  notify(order) {
    const data = { order, notify: 'https://pay.birch-lane.cn/notify' }
    wx.request({ url: 'https://api.birch-lane.cn/pay', method: 'POST', data })
  },
  load() {
    var options = { url: 'https://list.birch-lane.cn/items', method: 'GET' }
    http.requestGet(options, this.done)
    http.get('/items', { baseURL: 'https://client.birch-lane.cn' })
    var query = { target: 'https://track.birch-lane.cn/t' }
    this.setData({ query })
    http.post(address2, query)
  },
})
"""


def _hosts(text: str) -> dict[str, str | None]:
    return {f.subject: f.role for f in extract("pages/review/review.js", text.encode()).facts if f.kind == "host"}


def test_urls_inside_an_object_handed_as_request_data_name_no_server():
    hosts = _hosts(PAGE)
    assert "host:www.birch-lane.cn" not in hosts  # a variable handed after the address, written into too
    assert "host:share.birch-lane.cn" not in hosts  # an object literal handed after the address
    assert "host:pay.birch-lane.cn" not in hosts  # a request's shorthand data


def test_the_address_an_options_url_a_base_url_and_an_object_read_elsewhere_stay_servers():
    hosts = _hosts(PAGE)
    assert {h for h in hosts if h in {"host:api.birch-lane.cn", "host:list.birch-lane.cn",
                                      "host:client.birch-lane.cn", "host:track.birch-lane.cn"}} == {
        "host:api.birch-lane.cn", "host:list.birch-lane.cn", "host:client.birch-lane.cn",
        "host:track.birch-lane.cn"}


def test_a_homepage_sent_with_a_review_is_told_no_new_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", PAGE.split("  like(id)")[0] + "})\n")
    app_repo.commit("reviews")
    found = {f.subject for f in run(app_repo.path, base).findings if f.family == "external_link"}
    assert found == set()


def test_a_url_only_printed_names_no_server_and_the_one_the_next_line_requests_stays() -> None:
    page = ("Page({\n  open(query) {\n"
            "    console.log('url:', 'https://sso.birch-lane.cn/authorize?' + query)\n"
            "    wx.request({ url: 'https://sso.birch-lane.cn/authorize?' + query })\n  },\n})\n")
    hosts = [(f.line, f.subject) for f in extract("pages/a/a.js", page.encode()).facts if f.kind == "host"]
    assert hosts == [(4, "host:sso.birch-lane.cn")]
