"""A page that shares itself is where a friend who taps the shared card lands: its load hooks forcing login or
authorization (a redirect, WePY's authorization dialog opened before the content loads) hide what was shared.
A page whose share card opens another page or names no path, one that shares nothing, and a wall its hooks had
before stay silent."""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import found, run

APP = {
    "app.json": '{\n  "pages": ["pages/index/index", "pages/vote/vote"]\n}\n',
    "app.js": "App({})\n",
    "pages/index/index.js": "Page({})\n",
    "pages/index/index.wxml": "<view>home</view>\n",
    "pages/vote/vote.wxml": "<view>{{vote.title}}</view>\n",
}
VOTE = """\
Page({
  onLoad(option) {
    if (!wx.getStorageSync('token')) {
      wx.navigateTo({ url: '/pages/login/login' })
      return
    }
    this.load(option.id)
  },
  load(id) { wx.request({ url: 'https://a.example.com/vote?id=' + id }) },
SHARE})
"""
SELF = "  onShareAppMessage() { return { title: 'vote', path: '/pages/vote/vote?id=' + this.data.id } },\n"
DEFAULT = "  onShareAppMessage() { return { title: 'vote' } },\n"
OTHER = "  onShareAppMessage() { return { title: 'vote', path: '/pages/index/index' } },\n"


def _login(tmp_path, before: str | None, after: str) -> list[tuple[str, str, int, str]]:
    repo = Repo(tmp_path / "repo")
    repo.write_files(APP)
    if before is not None:
        repo.write("pages/vote/vote.js", before)
    base = repo.commit("base")
    repo.write("pages/vote/vote.js", after)
    repo.commit("vote page")
    return [f for f in found(run(repo.path, base)) if f[0] == "login.forced_login"]


# A card without a path (the template's empty stub, a title alone) says nothing of meaning to send the page to others.
@pytest.mark.parametrize(("share", "forced"), [(SELF, True), (DEFAULT, False), (OTHER, False), ("", False)])
def test_a_page_a_shared_card_opens_that_redirects_to_login_on_load(tmp_path, share, forced):
    login = _login(tmp_path, None, VOTE.replace("SHARE", share))
    assert login == ([("login.forced_login", "pages/vote/vote.js", 3, "file")] if forced else [])


def test_a_redirect_the_landing_page_had_is_not_new(tmp_path):
    before = VOTE.replace("SHARE", "")
    assert _login(tmp_path, before, VOTE.replace("SHARE", SELF)) == []


WEPY_VOTE = """\
<template>
  <view>{{vote.title}}</view>
  <authModel/>
</template>
<script>
  import wepy from 'wepy'
  import AuthModel from '../components/authModel'
  export default class Vote extends wepy.page {
    components = { authModel: AuthModel }
    async onLoad(option) {
      let userInfo = await this.$parent.getUserInfo()
      if (!userInfo) {
        setTimeout(() => { this.$invoke('authModel', 'METHOD') }, 500)
        return
      }
      this.vote = await fetchVote(option.voteId)
    }
    onShareAppMessage() {
      const url = '/pages/vote/index?voteId=' + this.vote.id
      return { title: this.vote.title, path: url }
    }
  }
</script>
"""


@pytest.mark.parametrize(("method", "forced"), [("toggleDialog", True), ("hideDialog", False)])
def test_a_wepy_landing_page_opening_its_authorization_dialog_before_the_content(tmp_path, method, forced):
    repo = Repo(tmp_path / "repo")
    repo.write_files({
        "package.json": '{"dependencies": {"wepy": "1.7.0"}}',
        "src/app.wpy": "<script>\nimport wepy from 'wepy'\nexport default class extends wepy.app {\n"
                       "  config = { pages: ['pages/index', 'pages/vote/index'] }\n}\n</script>\n",
        "src/pages/index.wpy": "<template><view>home</view></template>\n<script>\nimport wepy from 'wepy'\n"
                               "export default class Index extends wepy.page {}\n</script>\n",
        "src/pages/vote/index.wpy": WEPY_VOTE.replace("METHOD", "init"),
    })
    base = repo.commit("base")
    repo.write("src/pages/vote/index.wpy", WEPY_VOTE.replace("METHOD", method))
    repo.commit("ask first")
    login = [f for f in found(run(repo.path, base)) if f[0] == "login.forced_login"]
    assert login == ([("login.forced_login", "src/pages/vote/index.wpy", 12, "file")] if forced else [])
