"""Induced sharing: reward wording tied to the share mechanism of the same page, reported where it is new."""

from __future__ import annotations

import pytest
from msgspec.structs import replace

from analyzer_context import project_context
from conftest import Repo, minimal_app
from helpers import run
from mp_precheck.analyzers.induced_sharing import _holders, _users
from mp_precheck.analyzers.reward_openers import route_files
from mp_precheck.git.repo import GitRepo

SHARES = "Page({\n  onShareAppMessage() { return { title: '好物推荐' } }\n})\n"
DETAIL = """<view class="item">
  <view class="name">{{item.name}}</view>
  <view class="tip">REWARD_TEXT</view>
  <view class="price">¥{{item.price}}</view>
</view>
"""


def _sharing(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


def _app(tmp_path, files: dict[str, str | bytes]) -> tuple[Repo, str]:
    return minimal_app(tmp_path / "repo", files)


def test_new_share_button_labelled_with_a_reward_fires_on_its_label_not_on_reworded_text(tmp_path):
    repo, base = _app(tmp_path, {"pages/me/me.wxml": DETAIL.replace("REWARD_TEXT", "转发该商品，好友下单后可得积分奖励"),
                                 "pages/me/me.js": SHARES})
    repo.write("pages/me/me.wxml", DETAIL.replace("REWARD_TEXT", "分享有赏，好友下单后可得积分奖励")
               + '<view class="share">\n  <button open-type="share">分享</button>\n  <text>分享有惊喜</text>\n</view>\n')
    repo.commit("share button")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 8)}


def test_new_share_button_beside_wording_that_was_already_there(tmp_path):
    page = '<view>\n  <text>邀请好友帮砍，0元拿</text>\n</view>\n'
    repo, base = _app(tmp_path, {"pages/me/me.wxml": page, "pages/me/me.js": SHARES})
    repo.write("pages/me/me.wxml", page.replace("</text>\n", '</text>\n  <button open-type="share">去邀请</button>\n'))
    repo.commit("invite button")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 2)}


def test_share_button_and_its_reward_label_moved_to_another_page_is_not_new(tmp_path):
    block = '<view>\n  <button open-type="share">分享</button>\n  <text>分享有赏</text>\n</view>\n'
    repo, base = _app(tmp_path, {"pages/index/index.wxml": block, "pages/index/index.js": SHARES,
                                 "pages/me/me.js": SHARES})
    repo.write("pages/index/index.wxml", "<view>home</view>\n")
    repo.write("pages/me/me.wxml", block)
    repo.commit("move")
    assert _sharing(repo, base) == set()


def test_plain_share_button_is_silent(tmp_path):
    repo, base = _app(tmp_path, {"pages/me/me.js": SHARES})
    repo.write("pages/me/me.wxml", '<view>\n  <button open-type="share">分享给好友</button>\n</view>\n')
    repo.commit("share")
    assert _sharing(repo, base) == set()


def test_new_reward_wording_on_a_page_that_shares(tmp_path):
    repo, base = _app(tmp_path, {"pages/me/me.js": SHARES})
    repo.write("pages/me/me.wxml", '<view>\n  <text>分享后领取新人红包</text>\n</view>\n')
    repo.commit("wording")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 2)}


def test_reward_wording_on_a_page_that_cannot_share_is_weaker(tmp_path):
    repo, base = _app(tmp_path, {})
    repo.write("pages/me/me.wxml", '<view>\n  <text>转发到3个群后查看答案</text>\n</view>\n')
    repo.commit("wording")
    findings = [f for f in run(repo.path, base).findings if f.family == "sharing"]
    assert [(f.rule, f.path, f.line, f.severity) for f in findings] == [
        ("sharing.share_reward_text", "pages/me/me.wxml", 2, "medium")]


@pytest.mark.parametrize("hook", ["useShareAppMessage(() => ({ title: '好物' }))", "Taro.showShareMenu({})"])
def test_taro_share_hooks_make_the_component_shareable(tmp_path, hook):
    repo = Repo(tmp_path / "repo")
    repo.write_files({"package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n',
                      "src/app.config.ts": "export default defineAppConfig({ pages: ['pages/item/index'] })\n",
                      "src/app.ts": "export default function App(props) { return props.children }\n",
                      "src/pages/item/index.tsx": "export default function Item() { return null }\n"})
    base = repo.commit("base")
    repo.write("src/pages/item/index.tsx", "import Taro, { useShareAppMessage } from '@tarojs/taro'\n"
                                           "export default function Item() {\n"
                                           f"  {hook}\n"
                                           "  return <View><Text>分享有赏</Text></View>\n}\n")
    repo.commit("reward")
    assert _sharing(repo, base) == {("sharing.induced_share", "src/pages/item/index.tsx", 4)}


def test_new_share_button_on_a_page_whose_reward_wording_is_far_from_it_is_told_at_the_button(tmp_path):
    rules = '<view>\n  <text>推荐说明</text>\n  <text>每邀请好友注册，奖励100元</text>\n' + '  <view>规则</view>\n' * 8 + '</view>\n'
    repo, base = _app(tmp_path, {"pages/me/me.wxml": rules, "pages/me/me.js": SHARES})
    repo.write("pages/me/me.wxml", rules + '<view>\n  <button open-type="share">微信好友</button>\n</view>\n')
    repo.commit("share popup")
    findings = [f for f in run(repo.path, base).findings if f.family == "sharing"]
    assert [(f.rule, f.path, f.line) for f in findings] == [("sharing.induced_share", "pages/me/me.wxml", 14)]
    assert "每邀请好友注册，奖励100元" in (findings[0].value or "")


def test_reward_wording_in_markup_and_script_of_one_page_is_one_finding(tmp_path):
    repo, base = _app(tmp_path, {"pages/me/me.js": SHARES})
    repo.write("pages/me/me.wxml", '<view bindtap="goShare">\n  <view>分享有赏</view>\n</view>\n')
    repo.write("pages/me/me.js", "Page({\n  onShareAppMessage() { return {} },\n"
                                 "  goShare() { wx.navigateTo({ url: '/pages/web/web?title=分享有赏' }) },\n})\n")
    repo.commit("entry")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 2)}


REFERRAL_PAGE = """<view>
  <view class="title">推荐有奖</view>
  <view class="rule">每邀请一位好友注册，奖励现金10元</view>
  <view bindtap="invite">立即邀请</view>
</view>
"""
REFERRAL_SCRIPT = "Page({\n  data: {},\n  invite() {}\n})\n"
REFERRAL_HOOK = ("Page({\n  data: {},\n  onShareAppMessage() {\n"
                 "    return { title: '向您推荐', path: '/pages/me/me?code=' + this.data.code }\n  },\n  invite() {}\n})\n")


def test_new_share_hook_on_a_page_with_old_reward_wording_fires_at_the_hook(tmp_path):
    repo, base = _app(tmp_path, {"pages/me/me.wxml": REFERRAL_PAGE, "pages/me/me.js": REFERRAL_SCRIPT})
    repo.write("pages/me/me.js", REFERRAL_HOOK)
    repo.commit("share the referral code")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.js", 3)}


def test_new_share_hook_on_a_page_without_reward_wording_is_silent(tmp_path):
    repo, base = _app(tmp_path, {"pages/me/me.wxml": "<view>\n  <text>我的订单</text>\n</view>\n",
                                 "pages/me/me.js": REFERRAL_SCRIPT})
    repo.write("pages/me/me.js", REFERRAL_HOOK)
    repo.commit("plain share")
    assert _sharing(repo, base) == set()


def test_share_hook_moved_between_pages_with_reward_wording_is_not_new(tmp_path):
    repo, base = _app(tmp_path, {"pages/me/me.wxml": REFERRAL_PAGE, "pages/me/me.js": REFERRAL_HOOK,
                                 "pages/index/index.wxml": REFERRAL_PAGE, "pages/index/index.js": REFERRAL_SCRIPT})
    repo.write("pages/me/me.js", REFERRAL_SCRIPT)
    repo.write("pages/index/index.js", REFERRAL_HOOK)
    repo.commit("move the share card")
    assert _sharing(repo, base) == set()


def test_new_wording_and_new_hook_on_one_page_are_one_finding_at_the_wording(tmp_path):
    repo, base = _app(tmp_path, {})
    repo.write("pages/me/me.wxml", REFERRAL_PAGE)
    repo.write("pages/me/me.js", REFERRAL_HOOK)
    repo.commit("referral page")
    assert {path for _rule, path, _line in _sharing(repo, base)} == {"pages/me/me.wxml"}


def test_new_wording_and_a_template_hook_are_one_finding_at_the_wording(tmp_path):
    repo, base = _app(tmp_path, {})
    repo.write("pages/me/me.wxml", REFERRAL_PAGE)
    repo.write("pages/me/me.js", "Page({\n  onShareAppMessage() {\n    return {}\n  }\n})\n")
    repo.commit("referral page")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 2)}


MPVUE_APP = {
    "package.json": '{"dependencies": {"mpvue": "^2.0.0"}}',
    "src/app.json": '{"pages": ["pages/order/main"]}',
    "src/main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue(App).$mount()\n",
    "src/App.vue": "<script>export default {}</script>\n",
    "src/pages/order/main.js": "import App from './index'\nimport Vue from 'vue'\nnew Vue(App).$mount()\n",
    "src/pages/order/index.vue": "<template>\n  <div>\n    <div>订单详情</div>\n  </div>\n</template>\n"
                                 "<script>\nexport default {}\n</script>\n",
}
MPVUE_SHARE_BUTTON = ('<template>\n  <div>\n    <div>订单详情</div>\n    <button\n      openType="share"\n'
                      '      class="share"\n    >\n      LABEL\n    </button>\n  </div>\n</template>\n'
                      "<script>\nexport default {}\n</script>\n")


@pytest.mark.parametrize(("label", "expected"), [
    ("运气爆棚，先炫耀一下，再领奖吧~", {("sharing.induced_share", "src/pages/order/index.vue", 8)}),
    ("晒单给好友", set()),  # a share button naming no gain stays silent
], ids=["claim-after-sharing", "plain"])
def test_share_button_whose_own_label_promises_a_gain_fires_on_it_in_mpvue_camel_case(tmp_path, label, expected):
    """mpvue writes ``openType``; the label of a share button is its share act, so 再领奖 on it is a reward."""
    repo = Repo(tmp_path / "repo")
    repo.write_files(MPVUE_APP)
    base = repo.commit("base")
    repo.write("src/pages/order/index.vue", MPVUE_SHARE_BUTTON.replace("LABEL", label))
    repo.commit("share button")
    assert _sharing(repo, base) == expected


def test_wording_around_a_template_value_is_read_as_one_sentence_so_rewording_it_is_not_new(tmp_path):
    page = '<view>\n  <button open-type="share">邀请好友得最高66{{bonus}}红包</button>\n</view>\n'
    repo, base = _app(tmp_path, {"pages/me/me.wxml": page, "pages/me/me.js": SHARES})
    repo.write("pages/me/me.wxml", page.replace("得最高66{{bonus}}红包", "立得最高66元红包"))
    repo.commit("reword")
    assert _sharing(repo, base) == set()


def test_friends_help_as_the_price_of_a_free_book_is_told_at_the_page_text_not_its_title(tmp_path):
    repo, base = _app(tmp_path, {})
    repo.write_files({
        "app.json": '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/help/help"]\n}\n',
        "pages/help/help.json": '{\n  "navigationBarTitleText": "好友助力"\n}\n',
        "pages/help/help.wxml": "<view>\n  <text>你发起了活动，集齐3个好友的助力能量，就能免费阅读本书</text>\n</view>\n",
        "pages/help/help.js": "Page({\n  onShareAppMessage() { return {} }\n})\n"})
    repo.commit("help page")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/help/help.wxml", 2)}


def test_a_component_repeating_the_reward_of_the_page_that_shows_it_is_part_of_that_finding(tmp_path):
    repo, base = _app(tmp_path, {})
    repo.write_files({
        "components/invite-swiper/index.wxml": "<swiper>\n  <swiper-item>小王 邀请好友，领取到了80元返现</swiper-item>\n</swiper>\n",
        "components/invite-swiper/index.js": "Component({})\n",
        "components/invite-swiper/index.json": '{"component": true}\n',
        "pages/me/me.json": '{"usingComponents": {"invite-swiper": "/components/invite-swiper/index"}}\n',
        "pages/me/me.wxml": "<view>\n  <text>邀请好友下单，立得现金返现</text>\n  <invite-swiper/>\n</view>\n",
        "pages/me/me.js": SHARES})
    repo.commit("invite page")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 2)}


@pytest.mark.parametrize("label", ["邀请好友升级", "邀请好友可提高等级哦"])
def test_inviting_friends_to_raise_the_users_grade_is_a_reward(tmp_path, label):
    repo, base = _app(tmp_path, {"pages/me/me.js": SHARES})
    repo.write("pages/me/me.wxml", f'<view>\n  <button open-type="share">{label}</button>\n</view>\n')
    repo.commit("invite to level up")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 2)}


def test_a_vue_component_imported_under_another_name_repeating_the_pages_reward_is_part_of_that_finding(repo):
    """``import mySwiper from './invite-swiper/index.vue'`` then ``<my-swiper/>``: the swiper's wording is the page's."""
    repo.write_files({"src/pages.json": '{"pages": [{"path": "pages/invite/index"}]}\n',
                      "src/main.js": "import App from './App'\n", "src/App.vue": "<script>export default {}</script>\n",
                      "package.json": '{"dependencies": {"@dcloudio/uni-app": "3.0.0"}}\n',
                      "src/pages/invite/index.vue": "<template><view>home</view></template>\n"})
    base = repo.commit("base")
    repo.write_files({
        "src/pages/invite/invite-swiper/index.vue":
            "<template>\n  <swiper><swiper-item>小王 邀请好友，领取到了80元返现</swiper-item></swiper>\n</template>\n",
        "src/pages/invite/index.vue":
            "<template>\n  <view>\n    <text>邀请好友下单，立得现金返现</text>\n    <my-swiper />\n"
            "    <button open-type=\"share\">立即邀请</button>\n  </view>\n</template>\n"
            "<script>\nimport mySwiper from './invite-swiper/index.vue'\nexport default { components: { mySwiper } }\n</script>\n"})
    repo.commit("invite page")
    assert {path for _rule, path, _line in _sharing(repo, base)} == {"src/pages/invite/index.vue"}


def test_a_component_with_its_own_share_button_keeps_its_finding_beside_the_page(tmp_path):
    repo, base = _app(tmp_path, {})
    repo.write_files({
        "components/help-bar/index.wxml": '<view>\n  <button open-type="share">分享助力，免费领</button>\n</view>\n',
        "components/help-bar/index.js": "Component({})\n",
        "components/help-bar/index.json": '{"component": true}\n',
        "pages/me/me.json": '{"usingComponents": {"help-bar": "/components/help-bar/index"}}\n',
        "pages/me/me.wxml": "<view>\n  <text>邀请好友为你助力，免费领</text>\n  <help-bar/>\n</view>\n",
        "pages/me/me.js": SHARES})
    repo.commit("help page")
    assert {path for _rule, path, _line in _sharing(repo, base)} == {"pages/me/me.wxml", "components/help-bar/index.wxml"}


REWARD_PAGE = """<view>
  <button open-type="share">去分享</button>
  <button bindtap="home">回到首页</button>
</view>
<view class="rule">
  <view>分享规则</view>
  <view>1. 每天登录获得10金币</view>
  <view>2. 邀请好友一次登录获得15金币</view>
</view>
"""
COIN_HOOK = ("Page({\n  onShareAppMessage() {\n"
             "    return { title: '好书', path: '/pages/read/read?share_id=' + this.data.shareId }\n  }\n})\n")


def test_new_reward_page_with_a_share_button_and_a_share_card_tells_both(tmp_path):
    """The page's rules promise coins for inviting; its share button and its share card are both new."""
    repo, base = _app(tmp_path, {})
    repo.write("pages/me/me.wxml", REWARD_PAGE)
    repo.write("pages/me/me.js", COIN_HOOK)
    repo.commit("coins for sharing")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 2),
                                    ("sharing.induced_share", "pages/me/me.js", 2)}


HELPER = ("export function shareCard() {\n  return { title: '纪念日', path: '/pages/me/me?inviteCode=' + code }\n}\n"
          "export function credit(db, uid) {\n  db.add({ user_id: uid, score: 5, comment: 'COMMENT' })\n}\n")
HELPER_USER = "import { shareCard } from '../../utils/share'\nPage({\n  onShareAppMessage: shareCard,\n})\n"


@pytest.mark.parametrize(("comment", "expected"), [
    ("邀请新用户获得", {("sharing.induced_share", "utils/share.js", 5)}),
    ("新用户注册", set()),  # the helper builds a share card but credits nothing for it
], ids=["credits-the-inviter", "plain"])
def test_new_share_hook_built_by_a_helper_that_credits_the_inviter(tmp_path, comment, expected):
    repo, base = _app(tmp_path, {"pages/me/me.wxml": "<view>\n  <text>纪念日</text>\n</view>\n",
                                 "pages/me/me.js": "Page({})\n",
                                 "utils/share.js": "export const x = 1\n"})
    repo.write("utils/share.js", HELPER.replace("COMMENT", comment))
    repo.write("pages/me/me.js", HELPER_USER)
    repo.commit("share with the invite code")
    assert _sharing(repo, base) == expected

def test_a_components_users_by_tag_are_looked_up_once_not_per_button():
    # A whole app adds a share button per page: the users of each component come from one index of the changed
    # files' facts (same files, same order as a scan of every file), not from a scan per button.
    pages = [f"pages/p{n}/p{n}" for n in range(3)]
    files = {"app.json": '{"pages": [' + ", ".join(f'"{p}"' for p in pages) + "]}\n",
             "components/share-dialog/index.wxml": "<button open-type=\"share\">去分享</button>\n",
             "components/share-dialog/index.js": "Component({})\n",
             "components/share-dialog/index.json": '{"component": true}\n'}
    for page in pages:
        files[f"{page}.json"] = '{"usingComponents": {"share-dialog": "/components/share-dialog/index"}}\n'
        files[f"{page}.wxml"] = "<view>\n  <share-dialog/>\n</view>\n"
        files[f"{page}.js"] = "Page({})\n"
    context = project_context(files)
    holders = _holders(context)
    dialog = "components/share-dialog/index.wxml"
    expected = [f"{page}.wxml" for page in pages]
    assert _users(context, dialog, by_import=False) == expected
    assert _users(context, dialog, False, holders) == expected
    assert _users(context, f"{pages[0]}.wxml", False, holders) == _users(context, f"{pages[0]}.wxml", False) == []


def test_the_files_naming_each_page_come_from_one_grep_and_say_what_a_grep_per_page_says(tmp_path):
    # git grep -o lists the matches of a line without overlaps: a file naming only /pages/a/index2 lists that
    # route and not pages/a/index, which it also holds; the batch finds it all the same.
    files = {"app.js": "App({})\n", "app.json": '{"pages": ["pages/a/index", "pages/a/index2", "pages/b/b"]}\n',
             "pages/a/index.wxml": "<button open-type=\"share\">share</button>\n",
             "pages/a/index2.wxml": "<button open-type=\"share\">share</button>\n",
             "pages/b/b.wxml": "<button open-type=\"share\">share</button>\n",
             "pages/list/list.js": "wx.navigateTo({ url: '/pages/a/index2?id=1' })\n",
             "pages/home/home.js": "go('x pages/b/bpages/a/index')\n", "pages/c/c.js": "go('/pages/a/index')\n"}
    repo = Repo(tmp_path / "repo")
    repo.write_files(files)
    head = repo.commit("pages")
    git = GitRepo(repo.path)
    greps: list[set[str]] = []

    def repo_grep(needles: set[str]) -> dict[str, set[str]]:
        greps.append(set(needles))
        return git.grep_needles(head, needles)

    context = replace(project_context(files), repo_grep=repo_grep)
    naming = route_files(context, ["pages/a/index.wxml", "pages/a/index2.wxml", "pages/b/b.wxml"])
    for page in ("pages/a/index", "pages/a/index2", "pages/b/b"):
        assert naming(page) == sorted(git.grep_needles(head, {page})), page
    assert naming("pages/a/index") == ["app.json", "pages/c/c.js", "pages/home/home.js", "pages/list/list.js"]
    assert greps == [{"pages/a/index", "pages/a/index2", "pages/b/b"}]  # one grep for the three
    assert naming("pages/other/other") == [] and len(greps) == 2  # a page outside them: a grep of its own


TASKS = """<view class="tasks">
  <view class="task">
    <view class="name"><image src="/img/ic.png"/><text>每邀请一位邻居入驻小区</text></view>
    <view class="pts">+200 积分</view>
  </view>
  <view class="task">
    <view class="name"><image src="/img/ic.png"/><text>完善个人资料</text></view>
    <view class="pts">+20 积分</view>
  </view>
  <view class="actions">
    <view class="go" bindtap="invite">马上邀请</view>
  </view>
</view>
"""
BUTTON = '<button class="go" open-type="share">马上邀请</button>'
PLAIN_JS = "Page({\n  invite() {}\n})\n"
HOOK_JS = ("Page({\n  invite() {},\n  onShareAppMessage() {\n"
           "    return { title: '邻里', path: '/pages/home/home?from=' + this.data.uid }\n  }\n})\n")


def test_new_share_button_on_a_page_whose_task_row_already_paid_for_inviting(tmp_path):
    # the row's act and its amount sit in sibling elements; the wording is old, the share button is new
    repo, base = _app(tmp_path, {"pages/me/me.wxml": TASKS, "pages/me/me.js": PLAIN_JS})
    repo.write("pages/me/me.wxml", TASKS.replace('<view class="go" bindtap="invite">马上邀请</view>', BUTTON))
    repo.commit("invite by sharing")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 11)}


def test_new_share_hook_on_a_page_whose_task_row_already_paid_for_inviting(tmp_path):
    repo, base = _app(tmp_path, {"pages/me/me.wxml": TASKS, "pages/me/me.js": PLAIN_JS})
    repo.write("pages/me/me.js", HOOK_JS)
    repo.commit("share card with the inviter")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.js", 3)}


def test_new_share_button_on_a_page_whose_task_rows_pay_nothing_for_inviting_is_silent(tmp_path):
    plain = TASKS.replace("每邀请一位邻居入驻小区", "每日签到")
    repo, base = _app(tmp_path, {"pages/me/me.wxml": plain, "pages/me/me.js": PLAIN_JS})
    repo.write("pages/me/me.wxml", plain.replace('<view class="go" bindtap="invite">马上邀请</view>', BUTTON))
    repo.commit("share")
    assert _sharing(repo, base) == set()


def test_old_task_row_on_a_page_that_already_shared_is_silent(tmp_path):
    shared = TASKS.replace('<view class="go" bindtap="invite">马上邀请</view>', BUTTON)
    repo, base = _app(tmp_path, {"pages/me/me.wxml": shared, "pages/me/me.js": HOOK_JS})
    repo.write("pages/me/me.wxml", shared.replace("完善个人资料", "完善资料"))
    repo.commit("shorter label")
    assert _sharing(repo, base) == set()


def test_new_share_button_on_a_page_when_only_another_page_pays_for_inviting_is_silent(tmp_path):
    page = '<view>\n  <text>邻里公告</text>\n</view>\n'
    repo, base = _app(tmp_path, {"app.json": '{"pages": ["pages/index/index", "pages/me/me", "pages/news/news"]}\n',
                                 "pages/me/me.wxml": TASKS, "pages/me/me.js": PLAIN_JS,
                                 "pages/news/news.wxml": page, "pages/news/news.js": "Page({})\n"})
    repo.write("pages/news/news.wxml", page.replace("</text>\n", "</text>\n  " + BUTTON + "\n"))
    repo.commit("share the news")
    assert _sharing(repo, base) == set()


# A promoter's earnings page: what they earned, the commission each sale pays them, a 去分享 button below.
EARNINGS = """<view class="board">
  <view>本月已赚 {{profit}} 元</view>
  <view class="rate">COMMISSION_TEXT {{rate}}%</view>
</view>
<view class="fix">
  <button class="promote">去分享</button>
</view>
"""


def test_a_share_button_added_to_a_page_paying_commission_is_induced_sharing(tmp_path):
    page = EARNINGS.replace("COMMISSION_TEXT", "佣金比例")
    repo, base = _app(tmp_path, {"pages/me/me.wxml": page, "pages/me/me.js": "Page({})\n"})
    repo.write("pages/me/me.wxml", page.replace('class="promote"', 'class="promote" open-type="share"'))
    repo.write("pages/me/me.js", SHARES)
    repo.commit("share the goods")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 6)}


def test_a_commission_waived_or_shown_on_a_page_that_cannot_share_asks_nobody_to_share(tmp_path):
    waived = EARNINGS.replace("COMMISSION_TEXT", "0佣金 房东直租").replace("本月已赚 {{profit}} 元", "{{title}}")
    repo, base = _app(tmp_path, {"pages/me/me.wxml": waived, "pages/me/me.js": "Page({})\n",
                                 "pages/index/index.js": "Page({})\n"})
    repo.write("pages/me/me.wxml", waived.replace('class="promote"', 'class="promote" open-type="share"'))
    repo.write("pages/index/index.wxml", EARNINGS.replace("COMMISSION_TEXT", "佣金比例"))  # no share button there
    repo.commit("share the listing; an earnings board")
    assert _sharing(repo, base) == set()


def test_a_cash_bounty_in_a_dialog_is_the_pages_promise_over_a_gift_title(tmp_path):
    # both name what is won; the dialog's bounty (赏金) is told, in the script read before its JSON config
    script = ("Page({\n  saved() {\n    wx.showModal({\n      title: '已保存',\n"
              "      content: '海报已保存，转发给同事下单后可领赏金',\n    })\n  },\n"
              "  onShareAppMessage() {}\n})\n")
    repo, base = _app(tmp_path, {})
    repo.write_files({"pages/poster/poster.js": script,
                      "pages/poster/poster.json": '{\n  "navigationBarTitleText": "分享有礼"\n}\n'})
    repo.commit()
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/poster/poster.js", 5)}
