"""A request helper named with a leading ``api`` / ``req`` (``apiGetList``, ``reqListTopics``, ``api_get_list``)
is read by the verb after it: a read loads the page's data and posts none of its text box (analyzers/senders.py),
while ``apiPostComment`` posts it."""

from __future__ import annotations

import pytest

from helpers import places, run

BOX = '<view>\n<textarea value="{{text}}" bindinput="onText" placeholder="说点什么"/>\n' \
      '<button bindtap="onSend">发送</button>\n</view>\n'
CLIENT = """function request(path, data) {
  return wx.request({ url: 'https://api.example.com' + path, method: 'POST', data })
}
module.exports = {
  apiGetList: (data) => request('/topics', data),
  reqListTopics: (data) => request('/topics', data),
  api_get_list: (data) => request('/topics', data),
  apiPostComment: (data) => request('/comments', data),
  reqAddTopic: (data) => request('/topics/new', data),
}
"""
PAGE = """const api = require('../../api/client')
Page({
  data: { text: '' },
  onText(e) { this.setData({ text: e.detail.value }) },
  onSend() {
    api.CALL({ text: this.data.text })
  },
})
"""


def _ugc(app_repo, call: str) -> set[tuple[str, str, int]]:
    base = app_repo.git("rev-parse", "HEAD").strip()
    app_repo.write_files({"api/client.js": CLIENT, "pages/index/index.wxml": BOX, "pages/index/index.js": PAGE.replace("CALL", call)})
    app_repo.commit("a text box")
    return places(run(app_repo.path, base), "category")


@pytest.mark.parametrize("call", ["apiGetList", "reqListTopics", "api_get_list"])
def test_a_prefixed_read_helper_posts_nothing(app_repo, call):
    assert _ugc(app_repo, call) == set()


@pytest.mark.parametrize("call", ["apiPostComment", "reqAddTopic"])
def test_a_prefixed_write_helper_posts_the_text(app_repo, call):
    assert _ugc(app_repo, call) == {("category.ugc", "pages/index/index.js", 6)}
