"""A share button or share hook added to a page that a reward page opens (a 分享赚 list opening each product's
去分享 page) is induced sharing: the reward is promised by the opener's title, acted on by sharing here. A page
opened from a page whose title is plain stays silent, even when the opener's body carries an invite banner."""

from __future__ import annotations

import json

from conftest import Repo, minimal_app
from helpers import run

PAGES = ["pages/index/index", "pages/me/me", "pages/share/index", "pages/share/go", "pages/share/goods"]
LIST = ("<view wx:for=\"{{goods}}\" bindtap=\"open\" data-id=\"{{item.id}}\">\n  <text>{{item.name}}</text>\n"
        "  <text>分享赚 ¥{{item.commission}}</text>\n</view>\n")
OPENS_GO = "Page({\n  open(e) { wx.navigateTo({ url: '/pages/share/go?id=' + e.currentTarget.dataset.id }) }\n})\n"
GO = "<view>\n  <image src=\"{{poster}}\"></image>\n  <text>保存推广图</text>\n</view>\n"
SHARE_BUTTON = '  <button open-type="share">转发</button>\n'


def _app(tmp_path, title: str, opener_js: str = OPENS_GO, extra: dict[str, str] | None = None) -> tuple[Repo, str]:
    files = {"app.json": json.dumps({"pages": PAGES}) + "\n",
             "pages/share/index.json": json.dumps({"navigationBarTitleText": title}, ensure_ascii=False) + "\n",
             "pages/share/index.wxml": LIST, "pages/share/index.js": opener_js,
             "pages/share/go.wxml": GO, "pages/share/go.js": "Page({})\n",
             "pages/share/goods.wxml": GO, "pages/share/goods.js": "Page({})\n", **(extra or {})}
    return minimal_app(tmp_path / "repo", files)


def _sharing(repo: Repo, base: str) -> set[tuple[str, str, int, str | None]]:
    return {(f.rule, f.path, f.line, f.value) for f in run(repo.path, base).findings if f.family == "sharing"}


def test_a_share_button_added_to_the_page_a_reward_page_opens(tmp_path):
    repo, base = _app(tmp_path, "分享赚")
    repo.write("pages/share/go.wxml", GO.replace("</view>\n", SHARE_BUTTON + "</view>\n"))
    repo.commit("share from the 去分享 page")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/share/go.wxml", 4,
                                     "button[open-type=share] + 分享赚 (pages/share/index)")}


def test_a_share_hook_added_to_the_page_a_reward_page_opens(tmp_path):
    repo, base = _app(tmp_path, "邀请有礼", extra={"pages/share/go.wxml": GO.replace("</view>\n", SHARE_BUTTON + "</view>\n")})
    repo.write("pages/share/go.js", "Page({\n  onShareAppMessage() { return { path: '/pages/index/index?from=' + uid } }\n})\n")
    repo.commit("the share card carries the sharer")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/share/go.js", 2,
                                     "onShareAppMessage + 邀请有礼 (pages/share/index)")}


def test_a_page_opened_from_a_plainly_titled_page_with_a_banner_is_silent(tmp_path):
    repo, base = _app(tmp_path, "好物推荐")
    repo.write("pages/share/go.wxml", GO.replace("</view>\n", SHARE_BUTTON + "</view>\n"))
    repo.commit("share button")
    assert _sharing(repo, base) == set()


def test_a_reward_page_naming_a_longer_route_does_not_open_this_one(tmp_path):
    """``/pages/share/goods`` is another page than ``pages/share/go``; nor does app.json open a page."""
    repo, base = _app(tmp_path, "分享赚", OPENS_GO.replace("share/go?", "share/goods?"))
    repo.write("pages/share/go.wxml", GO.replace("</view>\n", SHARE_BUTTON + "</view>\n"))
    repo.commit("share button")
    assert _sharing(repo, base) == set()
