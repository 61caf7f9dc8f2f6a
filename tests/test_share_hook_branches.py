"""A share hook that credits the sharer inside one of its branches (``if (from === 'button') { !done && credit(5) }``)
on a page whose reward wording sits in a component the page renders (a settlement panel's 分享可获得道具卡 * 3):
the hook pays the panel's promise. Wording with no gain, or a call in a function the hook only defines, stays
silent."""

from __future__ import annotations

import pytest

from conftest import minimal_app
from helpers import run
from mp_precheck.readers.sharecallback import share_hook_statements
from mp_precheck.readers.sharewords import share_reward

PANEL = ('<view>\n  <button open-type="share">分享成绩</button>\n'
         '  <text class="tip">{tip}</text>\n</view>\n')
PAGE_JSON = '{"usingComponents": {"result-panel": "./components/panel/panel"}}\n'
PAGE_WXML = "<view>\n  <result-panel wx:if=\"{{finished}}\"></result-panel>\n</view>\n"
HOOK = """Page({{
  data: {{ finished: false, credited: false }},
  onShareAppMessage({{ from }}) {{
    if (from === 'button' && this.data.finished) {{
{body}      return {{ title: '我的成绩', path: '/pages/game/game' }}
    }}
    return {{ title: '来玩' }}
  }}
}})
"""
CREDIT = "      !this.data.credited && userModel.addHints(5)\n      this.data.credited = true\n"


def _game(tmp_path, tip: str, body: str) -> set[tuple[str, str, int]]:
    repo, base = minimal_app(tmp_path / "repo", {
        "app.json": '{"pages": ["pages/index/index", "pages/game/game"]}\n', "pages/game/game.json": PAGE_JSON, "pages/game/game.wxml": PAGE_WXML,
        "pages/game/game.ts": HOOK.format(body=""),
        "pages/game/components/panel/panel.json": '{"component": true}\n',
        "pages/game/components/panel/panel.wxml": PANEL.format(tip=tip),
        "pages/game/components/panel/panel.ts": "Component({})\n"})
    repo.write("pages/game/game.ts", HOOK.format(body=body))
    repo.commit("credit the share")
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


def test_a_credit_in_a_share_hooks_branch_pays_the_wording_of_a_rendered_component(tmp_path):
    assert _game(tmp_path, "分享可获得道具卡 * 3", CREDIT) == {("sharing.induced_share", "pages/game/game.ts", 5)}


def test_a_rendered_component_without_a_gain_leaves_the_credit_silent(tmp_path):
    assert _game(tmp_path, "分享成绩给好友看看", CREDIT) == set()


def test_a_call_in_a_function_the_hook_only_defines_is_not_its_own():
    text = ("Page({\n  onShareAppMessage() {\n    if (ok) {\n      const later = () => api.credit(5)\n"
            "      wx.showToast({ title: 'x' })\n    }\n    return { title: 't' }\n  }\n})\n")
    assert share_hook_statements(text, "pages/a/a.js") == []


def test_a_guarded_call_in_a_hook_branch_is_its_own():
    text = "Page({\n  onShareAppMessage() {\n    if (ok) {\n      done || api.credit(5)\n    }\n  }\n})\n"
    assert share_hook_statements(text, "pages/a/a.js") == [4]


@pytest.mark.parametrize(("text", "rewarded"), [
    ("分享可获得道具卡 * 3", True), ("转发即可获得复活卡×2", True), ("邀请好友可得 3 张抽奖券", True),
    ("分享战绩给好友", False), ("分享成功 1 次", False), ("分享后获得第1名", False)])
def test_a_counted_item_after_a_gain_is_a_reward(text, rewarded):
    assert bool(share_reward().search(text)) is rewarded
