"""A post whose data and endpoint a handler picks by branch (``var body = {}`` then ``body = { text: … }`` in each
arm of an ``if``, the endpoint given the same way) carries what is assigned there (readers/textflow.py,
readers/boxhandlers.py): an old one-line box inside a ``<modal>`` whose confirm handler starts posting its text
through the app's request helper is user content, told at that post whatever host it goes to (a dev server on
loopback too); a box whose text was posted before, a search box and a handler that sends nothing stay silent."""

from __future__ import annotations

import pytest

from helpers import places, run
from mp_precheck.readers.boxhandlers import endpoint_strings
from mp_precheck.readers.textflow import carried_names

PAGE = "pages/garden/plot"
HELPER = """function send(url, payload, ok, bad) {
  wx.request({ url: url, method: 'POST', data: payload, success: ok, fail: bad })
}

module.exports = { send: send }
"""
MARKUP = """<view class="plot">
  <view bindtap="openBox">写点什么</view>
  <modal hidden="{{boxHidden}}" title="{{boxTitle}}" confirm-text="提交" bindcancel="closeBox" bindconfirm="{handler}">
    <input {bind}type="text" placeholder="请输入内容"/>
  </modal>
</view>
"""
BASE = """var http = require('../../utils/http.js')
Page({
  data: { boxHidden: true, boxTitle: '' },
  openBox: function () {
    this.setData({ boxHidden: false, boxTitle: '说两句' })
  },
  closeBox: function () {
    this.setData({ boxHidden: true })
  },
  hideBox: function () {
    this.setData({ boxHidden: true })
  }
})
"""
HEAD = """var http = require('../../utils/http.js')
Page({
  data: { boxHidden: true, boxTitle: '', typed: '' },
  openBox: function () {
    this.setData({ boxHidden: false, boxTitle: '说两句' })
  },
  closeBox: function () {
    this.setData({ boxHidden: true })
  },
  onTyped: function (e) {
    this.setData({ typed: e.detail.value })
  },
  sendTyped: function () {
    var that = this
    var target = ''
    var body = {}
    if (that.data.boxTitle == '说两句') {
      target = '{host}/plot/comment/create'
      body = { plot: 1, words: that.data.typed }
    } else {
      target = '{host}/plot/reply/create'
      body = { plot: 1, to: 2, words: that.data.typed }
    }
    http.send(target, body, function () {
      that.setData({ boxHidden: true })
    }, function () {})
  }
})
"""
POST_LINE = 24  # http.send(target, body, …)


def _markup(handler: str, bound: bool) -> str:
    return MARKUP.replace("{handler}", handler).replace("{bind}", 'bindinput="onTyped" ' if bound else "")


def _change(app_repo, base_markup: str, base_script: str, head_markup: str, head_script: str,
            helper: str = HELPER) -> set[tuple[str, str, int]]:
    app_repo.write_files({"utils/http.js": helper, f"{PAGE}.wxml": base_markup, f"{PAGE}.js": base_script})
    base = app_repo.commit("base")
    app_repo.write_files({f"{PAGE}.wxml": head_markup, f"{PAGE}.js": head_script})
    app_repo.commit("head")
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload")


def _area(markup: str) -> str:
    return markup.replace("<input ", "<textarea ").replace('"/>', '"></textarea>')


@pytest.mark.parametrize(("host", "box"), [
    ("https://api.garden.example.cn", _markup), ("http://127.0.0.1:5000", _markup), ("", _markup),
    ("https://api.garden.example.cn", lambda handler, bound: _area(_markup(handler, bound))),  # analyzers/ugc.py's
])
def test_an_old_modal_box_whose_confirm_starts_posting_by_branch_is_user_content(app_repo, host, box):
    found = _change(app_repo, box("hideBox", False), BASE, box("sendTyped", True), HEAD.replace("{host}", host))
    assert found == {("upload.user_text", f"{PAGE}.js", POST_LINE), ("category.ugc", f"{PAGE}.js", POST_LINE)}


def test_a_box_whose_text_the_page_posted_before_stays_silent(app_repo):
    head = HEAD.replace("{host}", "https://api.garden.example.cn")
    restyled = head.replace("function () {})", "function (err) { console.log(err) })")
    assert _change(app_repo, _markup("sendTyped", True), head, _markup("sendTyped", True), restyled) == set()


def test_a_search_box_picked_by_branch_stays_silent(app_repo):
    head = HEAD.replace("{host}", "https://api.garden.example.cn").replace("comment/create", "search") \
        .replace("reply/create", "search/more")
    searching = _markup("sendTyped", True).replace('type="text"', 'confirm-type="search" type="text"')
    assert _change(app_repo, _markup("hideBox", False), BASE, searching, head) == set()


def test_a_handler_whose_branch_picked_body_holds_none_of_the_text_stays_silent(app_repo):
    head = HEAD.replace("{host}", "https://api.garden.example.cn").replace(", words: that.data.typed", "")
    assert _change(app_repo, _markup("hideBox", False), BASE, _markup("sendTyped", True), head) == set()


def test_a_handler_that_sends_nothing_stays_silent(app_repo):
    head = HEAD.replace("{host}", "").replace("""    http.send(target, body, function () {
      that.setData({ boxHidden: true })
    }, function () {})
""", "    that.setData({ boxHidden: true, last: body })\n")
    assert _change(app_repo, _markup("hideBox", False), BASE, _markup("sendTyped", True), head) == set()


SCRIPT = """function save(kind, text) {
  let where = ''
  let payload = {}
  if (kind) {
    where = '/notes/add'
    payload = { body: text }
  } else {
    where = '/notes/reply'
    payload = { body: text, kind }
  }
  post(where, payload)
  stray = { other: secret }
  post(stray)
}
"""


def test_a_local_name_given_a_value_again_carries_that_value():
    carried = carried_names(SCRIPT, "page.js", [11, 13])
    assert {"payload", "text"} <= carried[11]
    assert "secret" not in carried[13]  # a name the function does not declare is not its own


def test_an_endpoint_picked_by_branch_is_spelt_by_every_value_it_is_given():
    assert set(endpoint_strings(SCRIPT, "page.js", [11])[11]) == {"", "/notes/add", "/notes/reply"}
