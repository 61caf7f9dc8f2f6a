"""Template text read as the user reads it (rejection reasons 3.2.1 诱导分享 and the brand rules): a block's inline
children and literal interpolations are one run, and two adjacent lines of a screen are read together for the reward
they set out; a plain share page, a noun on the next line, a control's label and a ``wx:else`` branch stay silent."""

from __future__ import annotations

import pytest

from conftest import Repo, minimal_app
from helpers import run
from mp_precheck.readers.jsxruns import jsx_run_facts
from mp_precheck.readers.markup import markup_facts
from mp_precheck.readers.textruns import joined

SHARES = "Page({\n  onShareAppMessage() {\n    return { title: '一起来' }\n  }\n})\n"


def _sharing(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


def _club_page(tmp_path, markup: str) -> set[tuple[str, str, int]]:
    """Sharing findings when a new club page that shares shows ``markup``."""
    repo, base = minimal_app(tmp_path / "repo", {"app.json": '{"pages": ["pages/index/index", "pages/club/club"]}\n'})
    repo.write("pages/club/club.wxml", markup)
    repo.write("pages/club/club.js", SHARES)
    repo.commit("club page")
    return _sharing(repo, base)


def _texts(markup: str) -> set[tuple[str, int]]:
    return {(f.subject, f.line) for f in markup_facts(markup) if f.kind == "text"}


HIGHLIGHTED = """<view class="club">
  <image src="/img/club.png"/>
  <view class="rule">每成功邀请<text class="hl">1</text>位朋友入会，你可获得<text class="hl">{{'20'}}</text>积分</view>
</view>
"""


def test_wording_split_by_highlighted_inline_children_is_one_sentence(tmp_path):
    assert _club_page(tmp_path, HIGHLIGHTED) == {("sharing.induced_share", "pages/club/club.wxml", 3)}


def test_inline_children_without_a_gain_stay_silent(tmp_path):
    plain = HIGHLIGHTED.replace("你可获得<text class=\"hl\">{{'20'}}</text>积分", "<text class=\"hl\">一起</text>运动")
    assert _club_page(tmp_path, plain) == set()


TWO_LINES = """<view class="club">
  <view class="head">FIRST</view>
  <view class="sub">SECOND</view>
  <button open-type="share">去邀请</button>
</view>
"""


@pytest.mark.parametrize(("first", "second"), [("邀请好友一起来锻炼", "双方各得两张抵用券"),
                                               ("把俱乐部分享给同事", "你和同事都可获得10积分")])
def test_an_invite_line_and_the_reward_line_after_it_are_one_promise(tmp_path, first, second):
    page = TWO_LINES.replace("FIRST", first).replace("SECOND", second)
    assert _club_page(tmp_path, page) == {("sharing.induced_share", "pages/club/club.wxml", 2)}


@pytest.mark.parametrize(("first", "second"), [("邀请好友一起来锻炼", "每周三晚上七点集合"),  # no reward
                                               ("分享", "我的积分"),  # a noun on the next line is no gain
                                               ("本周积分榜", "获得10积分的会员"),  # a gain, no invitation
                                               ("恭喜你获得两张抵用券", "分享给同事一起用"),  # a gain, then a share
                                               ("分享规则", "1. 每天签到得5积分")])  # a list's item by itself
def test_adjacent_lines_that_promise_no_reward_for_inviting_stay_silent(tmp_path, first, second):
    page = TWO_LINES.replace("FIRST", first).replace("SECOND", second)
    assert _club_page(tmp_path, page) == set()


def test_lines_apart_a_control_between_or_an_else_branch_are_not_read_together():
    apart = "<view>\n  <view>邀请好友一起来锻炼</view>\n  <image src='a.png'/>\n  <view>双方各得两张抵用券</view>\n</view>\n"
    branch = "<view>\n  <view wx:if='{{a}}'>邀请好友一起来锻炼</view>\n  <view wx:else>双方各得两张抵用券</view>\n</view>\n"
    tapped = "<view>\n  <view bindtap='go'>邀请好友一起来锻炼</view>\n  <view>双方各得两张抵用券</view>\n</view>\n"
    assert _texts(apart) == _texts(branch) == _texts(tapped) == set()


def test_a_wxs_module_is_code_not_lines():
    code = "<wxs module='m'>// 邀请好友一起来锻炼</wxs>\n<wxs module='n'>// 双方各得两张抵用券</wxs>\n"
    assert _texts("<view>\n" + code + "</view>\n") == set()


def test_a_wrapper_around_one_line_is_that_line():
    markup = ("<view>\n  <view class='a'><view class='b'>邀请好友一起来锻炼</view></view>\n"
              "  <view class='c'><text>双方各得两张抵用券</text></view>\n</view>\n")
    assert _texts(markup) == {("text:share-inducement", 2)}


TASK_ROW = """<view class="tasks">
  <view class="task">
    <view class="label"><image class="ic" src="/img/gift.png"/><text>ACT</text></view>
    <view class="pts">AMOUNT</view>
    <view class="go" bindtap="go">去完成</view>
  </view>
</view>
"""


@pytest.mark.parametrize(("act", "amount"), [("每邀请一位同学加入", "+50"), ("分享课程到群聊", "＋20 金币"),
                                             ("邀请新学员报名", "+30/人")])
def test_a_task_rows_invite_and_the_amount_credited_beside_it_are_one_promise(act, amount):
    # the act's line sits beside its icon; the amount alone on the next line is what the task pays
    assert _texts(TASK_ROW.replace("ACT", act).replace("AMOUNT", amount)) == {("text:share-inducement", 3)}


@pytest.mark.parametrize(("act", "amount"), [("每日签到", "+5"),  # an amount, no invitation
                                             ("邀请同学加入", "查看进度"),  # an invitation, no amount
                                             ("邀请同学加入", "50"),  # a number, nothing credited
                                             ("填写邀请码", "+86")])  # an invitation code, then a phone prefix
def test_task_rows_that_pay_nothing_for_inviting_stay_silent(act, amount):
    assert _texts(TASK_ROW.replace("ACT", act).replace("AMOUNT", amount)) == set()


def test_a_jsx_task_row_reads_the_same():
    row = ("export default function Row() {\n  return (\n    <View>\n"
           "      <View><Image src={icon} /><Text>分享活动给同事</Text></View>\n      <View>+10 能量</View>\n"
           "    </View>\n  )\n}\n")
    assert [(f.subject, f.line) for f in jsx_run_facts(row, "pages/row/index.jsx")] == [("text:share-inducement", 4)]


def test_an_icon_between_two_lines_still_keeps_them_apart():
    markup = "<view>\n  <view>每邀请一位同学加入</view>\n  <image src='a.png'/>\n  <view>+50</view>\n</view>\n"
    assert _texts(markup) == set()


def test_a_sentence_a_single_text_already_gives_is_not_told_twice():
    markup = "<view>\n  <view>邀请好友得<text>10</text>积分</view>\n  <view>积分可兑换礼品</view>\n</view>\n"
    assert [f.line for f in markup_facts(markup) if f.subject == "text:share-inducement"] == [2]


def test_texts_on_lines_of_their_own_are_no_one_run():
    pieces = ("<text>会员可领取现金红包</text>", "<text>把本页分享给好友</text>")
    assert _texts("<view>" + "".join(pieces) + "</view>\n") == {("text:share-inducement", 1)}
    assert _texts("<view>\n  " + "\n  ".join(pieces) + "\n</view>\n") == set()


def test_brand_wording_split_by_an_inline_child_is_read_whole():
    assert _texts("<view>本店为微信<text class='b'>官方</text>合作商户</view>\n") == {("text:brand", 1)}
    assert _texts("<view>支持微信<text class='b'>支付</text></view>\n") == set()


JSX_PAGE = """import Taro, { useShareAppMessage } from '@tarojs/taro'
export default function Club() {
  useShareAppMessage(() => ({ title: '一起来' }))
  return (
    <View className='club'>
      <View className='rule'>每成功邀请<Text className='hl'>{'1'}</Text>位朋友入会，你可获得<Text>20</Text>积分</View>
      <View>{count}</View>
    </View>
  )
}
"""


def test_jsx_wording_split_by_inline_children_is_one_sentence(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files({"package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n',
                      "src/app.config.ts": "export default defineAppConfig({ pages: ['pages/club/index'] })\n",
                      "src/app.ts": "export default function App(props) { return props.children }\n",
                      "src/pages/club/index.tsx": "export default function Club() { return null }\n"})
    base = repo.commit("base")
    repo.write("src/pages/club/index.tsx", JSX_PAGE)
    repo.commit("club")
    assert _sharing(repo, base) == {("sharing.induced_share", "src/pages/club/index.tsx", 6)}


def test_jsx_lines_of_two_components_are_not_one_screen():
    two = ("const A = () => <View>邀请好友一起来锻炼</View>\n"
           "const B = () => <View>双方各得两张抵用券</View>\n")
    assert jsx_run_facts(two, "a.jsx") == []
    one = "const A = () => (\n  <View>\n    <View>邀请好友一起来锻炼</View>\n    <View>双方各得两张抵用券</View>\n  </View>\n)\n"
    assert [(f.subject, f.line) for f in jsx_run_facts(one, "a.jsx")] == [("text:share-inducement", 3)]


def test_joined_pieces_read_as_a_line_on_screen():
    assert joined(["每邀请", " 1 ", "位好友"]) == "每邀请1位好友"
    assert joined(["Share", "now"]) == "Share now"
