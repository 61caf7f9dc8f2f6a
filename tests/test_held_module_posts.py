"""Text a user typed, posted through a helper another module holds: a member of an imported object
(``hub.replies.publish(…)``, the helper's module reached through the object that holds it) or a Vue global property
installed as an instance of an imported class (``Vue.prototype.http = new Http()``, read as ``this.http.x(…)``).
The page's call is a post others read (``category.ugc``); a helper named as a read, a private record and a helper
nothing calls stay silent, and a component's own member (``this.timer.stop()``) is no global property."""

from __future__ import annotations

import pytest

from helpers import places, run
from mp_precheck.readers.jsfacts import js_facts

# A native page: a one-line reply box whose text a nested member of an imported hub posts.
HUB = """import { ReplyBook } from './replies'
class Hub {
  replies = new ReplyBook()
}
export const hub = new Hub()
"""
REPLIES = """export class ReplyBook {
  publishReply(topic, body) {
    return wx.request({ url: 'https://forum.example.cn/reply/create', method: 'POST', data: { topic, body } })
  }
  fetchReplies(topic) {
    return wx.request({ url: 'https://forum.example.cn/reply/list', data: { topic } })
  }
}
"""
BOX = '<view class="reply-bar">\n<input placeholder="回复楼主" bindinput="typed"/>\n<button bindtap="go">回复</button>\n</view>\n'
TOPIC = """import { hub } from '../../lib/hub'
Page({
  data: { draft: '' },
  typed(e) { this.setData({ draft: e.detail.value }) },
  go() {
    CALL
  },
})
"""


def _wired(repo, files: dict[str, str], page: str, script: str, idle: str, call: str) -> set[tuple[str, str, int]]:
    """The category and upload places of the change that makes ``page``'s box, wired to ``idle`` in base (the
    other ``files`` already there), call ``call`` (``script`` holds CALL where either goes)."""
    repo.write_files({**files, page: script.replace("CALL", idle)})
    base = repo.commit("a box wired to nothing; the helpers exist")
    repo.write(page, script.replace("CALL", call))
    repo.commit("the box sends")
    report = run(repo.path, base)
    return places(report, "category") | places(report, "upload")


def _native(app_repo, call: str) -> set[tuple[str, str, int]]:
    files = {"lib/hub.js": HUB, "lib/replies.js": REPLIES, "pages/me/me.wxml": BOX}
    return _wired(app_repo, files, "pages/me/me.js", TOPIC, "wx.showToast({ title: '敬请期待' })", call)


def test_a_reply_posted_through_a_member_of_an_imported_object_is_ugc(app_repo):
    assert _native(app_repo, "hub.replies.publishReply(7, this.data.draft)") == {
        ("upload.user_text", "pages/me/me.js", 6), ("category.ugc", "pages/me/me.js", 6)}


@pytest.mark.parametrize("call", [
    "hub.replies.fetchReplies(this.data.draft)",  # a read: the box searches, it posts nothing
    "wx.showToast({ title: this.data.draft })",  # the helper stays uncalled
    "hub.profile.saveAddress({ address: this.data.draft })",  # the user's own record, for the operator
])
def test_a_read_a_private_record_or_an_uncalled_helper_posts_nothing(app_repo, call):
    assert _native(app_repo, call) == set()


def test_a_member_of_an_imported_object_is_a_call_of_that_module():
    facts = js_facts("import { hub } from './hub'\nimport kit from './kit'\nhub.replies.add(1)\nkit.a.b.c()\n"
                     "local.replies.add(2)\n", "pages/x.js")
    assert set(facts.imported_calls) == {("./hub", "hub.replies.add", 3), ("./kit", "a.b.c", 4)}


# A uni-app page: a textarea whose text a global property's method posts.
UNI = {
    "package.json": '{"dependencies": {"@dcloudio/uni-app": "2.0.0"}}\n',
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/moment/write"}]}\n',
    "manifest.json": '{"name": "moments", "mp-weixin": {"appid": "wx0123456789abcdef"}}\n',
    "App.vue": "<script>export default {}</script>\n",
    "main.js": "import Vue from 'vue'\nimport App from './App'\nimport { Http } from './common/http.js'\n"
               "Vue.prototype.http = new Http()\nApp.mpType = 'app'\nnew Vue({ ...App }).$mount()\n",
    "common/client.js": """export default class Client {
  send(options) {
    return new Promise((ok) => uni.request({ url: 'https://moments.example.cn/' + options.path, method: 'POST',
      data: options.body, success: ok }))
  }
}
""",
    "common/http.js": """import Client from './client.js'
export class Http extends Client {
  shareMoment(body) {
    const options = { path: 'moment/publish', body }
    return this.send(options)
  }
  searchMoments(body) {
    return this.send({ path: 'moment/search', body })
  }
}
""",
    "pages/index/index.vue": "<template><view>home</view></template>\n",
}
WRITE = """<template>
<view>
<textarea v-model="words" placeholder="这一刻的想法"></textarea>
<button @click="send">发表</button>
</view>
</template>
<script>
export default {
  data() { return { words: '' } },
  methods: {
    send() {
      CALL
    }
  }
}
</script>
"""


def _uni(repo, call: str) -> set[tuple[str, str, int]]:
    return _wired(repo, UNI, "pages/moment/write.vue", WRITE, "uni.showToast({ title: '未开放' })", call)


def test_a_post_through_a_global_property_holding_an_instance_is_ugc(repo):
    assert ("category.ugc", "pages/moment/write.vue", 12) in _uni(repo, "this.http.shareMoment({ text: this.words })")


@pytest.mark.parametrize("call", [
    "this.http.searchMoments({ q: this.words })",  # named as a read
    "this.draft.save({ text: this.words })",  # a member no entry installs: the component's own object
])
def test_a_read_or_a_components_own_member_posts_nothing(repo, call):
    assert _uni(repo, call) == set()
