"""A voucher or red packet the share sends on (转发这张代金券, 分享红包封面) is the object shared, not a reward for
sharing; a gain named for the share (分享得券, 分享领红包, 转发后可领) still is."""

from __future__ import annotations

import pytest

from conftest import Repo, minimal_app
from helpers import run
from mp_precheck.readers.textsignals import signals


def _sharing(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


@pytest.mark.parametrize(("text", "fires"), [
    ("转发这张代金券", False), ("分享红包封面给朋友", False), ("把你的抵用券分享给好友", False), ("分享两张卡券", False),
    ("分享得券", True), ("分享领红包", True), ("分享有礼", True), ("邀请好友送积分", True), ("转发后可领", True),
    ("分享代金券即可获得积分", True), ("转发红包封面，好友领取后你得现金", True),
])
def test_a_thing_sent_on_is_no_gain_but_a_gain_for_the_share_is(text, fires):
    assert ("share-inducement" in signals(text)) is fires


def _page(title: str) -> str:
    return ("Page({\n  data: {},\n  onShareAppMessage() {\n    return {\n"
            f"      title: '{title}',\n      path: '/pages/me/me'\n    }}\n  }}\n}})\n")


def test_a_share_card_and_button_sending_a_voucher_on_are_silent(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write("pages/me/me.js", _page("转发这张代金券"))
    repo.write("pages/me/me.wxml", "<view>满100减20</view>\n<button open-type=\"share\">分享红包封面</button>\n")
    repo.commit("share a voucher")
    assert _sharing(repo, base) == set()


def test_a_share_card_paying_a_voucher_for_the_share_fires(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write("pages/me/me.js", _page("转发好友即可领代金券"))
    repo.write("pages/me/me.wxml", "<view>满100减20</view>\n<button open-type=\"share\">分享</button>\n")
    repo.commit("pay a voucher for the share")
    assert "pages/me/me.js" in {path for rule, path, _ in _sharing(repo, base) if rule == "sharing.induced_share"}
