"""A share hook that is already there newly tells the user a reward was granted: in the callback of a request the
hook sends as the user shares (``.then`` of its share-tracking post), that notice pays for the share."""

from __future__ import annotations

from conftest import Repo, minimal_app
from helpers import run
from mp_precheck.readers.sharecallback import share_hook_notices
from mp_precheck.readers.sharewords import share_credit

HOOK = """Page({
  data: { card: null },
  onShareAppMessage() {
    const card = this.data.card || {}
    return { title: card.name, path: '/pages/me/me?c=' + card.id }
  }
})
"""

TRACKED = """Page({
  data: { card: null },
  onShareAppMessage() {
    const card = this.data.card || {}
    if (card.id) {
      api.post('/invite/log', { card: card.id })
        .then((answer) => {
          if (answer.ok) {
            wx.showModal({ content: '恭喜，积分奖励已发放到你的账户', showCancel: false })
          }
        })
        .catch(() => {})
    }
    return { title: card.name, path: '/pages/me/me?c=' + card.id }
  }
})
"""


def _sharing(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


def _tracked(tmp_path, notice: str) -> tuple[Repo, str]:
    repo, base = minimal_app(tmp_path / "repo", {"pages/me/me.js": HOOK})
    repo.write("pages/me/me.js", TRACKED.replace("恭喜，积分奖励已发放到你的账户", notice))
    repo.commit("track the share")
    return repo, base


def test_a_reward_notice_in_the_then_of_the_hooks_own_request_fires_at_the_notice(tmp_path):
    repo, base = _tracked(tmp_path, "恭喜，积分奖励已发放到你的账户")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.js", 9)}


def test_a_plain_notice_in_the_then_of_the_hooks_own_request_is_silent(tmp_path):
    repo, base = _tracked(tmp_path, "已记录，谢谢支持")
    assert _sharing(repo, base) == set()


def test_share_hook_notices_reach_every_callback_of_the_hooks_call_chain():
    notices = share_hook_notices(TRACKED, "pages/me/me.js")
    assert (9, "恭喜，积分奖励已发放到你的账户") in notices
    assert (6, "/invite/log") in notices
    assert share_hook_notices(HOOK, "pages/me/me.js") == []


def test_a_reward_credited_or_a_gain_claimed_is_a_share_credit():
    credit = share_credit()
    assert credit.search("奖励已发放") and credit.search("领取成功")
    assert not credit.search("奖励规则") and not credit.search("已领取") and not credit.search("分享成功")
