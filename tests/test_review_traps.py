"""The other code-visible rejection reasons (credentials, lures, notices, blocking modals, subscribe prompts) and
the catalog corrections (plugin scopes, functional pages, open-data, cancelled scopes, the 手机号 label)."""

from __future__ import annotations

from conftest import MINIMAL_APP, Repo
from helpers import run


def _app(tmp_path, files: dict[str, str] | None = None) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({**MINIMAL_APP, **(files or {})})
    return repo, repo.commit("base")


def _rules(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings}


def test_asking_for_the_wechat_password_or_friend_list_fires(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.wxml", "<view>me</view>\n<input placeholder=\"x\"/>\n<text>请输入微信密码完成绑定</text>\n")
    repo.write("pages/index/index.wxml", "<view>home</view>\n<text>一键导入微信好友列表</text>\n")
    repo.commit("bind")
    assert _rules(repo, base) == {("policy.asks_wechat_password", "pages/me/me.wxml", 3),
                                  ("policy.asks_wechat_password", "pages/index/index.wxml", 2)}


def test_red_packet_share_title_fires_and_a_wallet_title_does_not(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.js", "Page({\n  onShareAppMessage() {\n    return { title: '恭喜你，现金红包待领取' }\n  }\n})\n")
    repo.write("pages/index/index.json", '{"navigationBarTitleText": "我的红包"}\n')
    repo.commit("share")
    assert {r for r in _rules(repo, base) if r[0].startswith("sharing.")} == {
        ("sharing.red_packet_lure", "pages/me/me.js", 3)}


def test_multi_level_distribution_fires_and_a_plain_distribution_centre_does_not(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.wxml", "<view>分销中心</view>\n<view>三级分销，发展下线赚佣金</view>\n")
    repo.commit("distribution")
    assert _rules(repo, base) == {("sharing.multi_level_distribution", "pages/me/me.wxml", 2)}


def test_a_second_level_rebate_is_multi_level_but_a_direct_one_or_a_reseller_tier_is_not(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.wxml", "<view>一级返点: 10%</view>\n<view>二级代理</view>\n<view>二级返点: 5%</view>\n")
    repo.commit("promotion")
    assert _rules(repo, base) == {("sharing.multi_level_distribution", "pages/me/me.wxml", 3)}


def test_text_posing_as_a_system_notice_fires(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.wxml", "<view>消息</view>\n<view>【系统通知】您的微信账号存在异常，请立即验证</view>\n")
    repo.commit("notice")
    assert _rules(repo, base) == {("branding.system_notice", "pages/me/me.wxml", 2)}


MODAL = """Page({
  onShow() { this.askAgree() },
  askAgree() {
    wx.showModal({
      title: '提示', content: '请同意协议', showCancel: false,
      success: () => { this.askAgree() }
    })
  },
})
"""


def test_modal_without_cancel_that_shows_itself_again_fires(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.js", MODAL)
    repo.commit("agree")
    assert ("policy.blocking_modal", "pages/me/me.js", 4) in _rules(repo, base)


def test_modal_without_cancel_shown_once_is_silent(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.js", MODAL.replace("this.askAgree() }\n    })", "wx.navigateBack() }\n    })"))
    repo.commit("notice")
    assert not {r for r in _rules(repo, base) if r[0] == "policy.blocking_modal"}


def test_blocking_modal_moved_to_another_page_is_not_new(tmp_path):
    repo, base = _app(tmp_path, {"pages/index/index.js": MODAL})
    repo.write("pages/index/index.js", "Page({})\n")
    repo.write("pages/me/me.js", MODAL)
    repo.commit("move")
    assert not {r for r in _rules(repo, base) if r[0] == "policy.blocking_modal"}


def test_subscribe_prompt_in_a_lifecycle_hook_or_timer_fires_but_not_in_a_tap_or_payment_callback(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.js", """Page({
  onLoad() {
    wx.requestSubscribeMessage({ tmplIds: ['a'] })
  },
  onReady() { setTimeout(() => { wx.requestSubscribeMessage({ tmplIds: ['b'] }) }, 100) },
  onTapRemind() { wx.requestSubscribeMessage({ tmplIds: ['c'] }) },
  pay() { wx.requestPayment({ success: () => { wx.requestSubscribeMessage({ tmplIds: ['d'] }) } }) },
})
""")
    repo.commit("subscribe")
    assert {r for r in _rules(repo, base) if r[0] == "policy.subscribe_outside_tap"} == {
        ("policy.subscribe_outside_tap", "pages/me/me.js", 3), ("policy.subscribe_outside_tap", "pages/me/me.js", 5)}


def test_new_rules_are_suppressible_with_a_reason(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.wxml", "<view>me</view>\n<!-- mp-precheck-ignore completeness.placeholder_content: "
                                   "hidden until launch by a server switch -->\n<view>敬请期待</view>\n")
    repo.commit("teaser")
    [teaser] = [f for f in run(repo.path, base).findings if f.rule == "completeness.placeholder_content"]
    assert (teaser.suppressed, teaser.suppression_reason) == (True, "hidden until launch by a server switch")


# -- catalog corrections ------------------------------------------------------------------------------------

def test_plugin_authorize_for_mini_program_scopes_map_to_their_privacy_types(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.js", "Page({ a() {\n  wx.authorizeForMiniProgram({ scope: 'scope.userLocation' })\n"
                                 "  wx.authorizeForMiniProgram({ scope: 'scope.writePhotosAlbum' })\n} })\n")
    repo.commit("plugin scopes")
    keys = {(f.privacy_key, f.line) for f in run(repo.path, base).findings if f.family == "privacy" and f.privacy_key}
    assert keys == {("Location", 2), ("AlbumWriteOnly", 3)}


def test_functional_page_for_payment_is_a_payment_finding(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.wxml", '<functional-page-navigator name="requestPayment" args="{{args}}">'
                                   '<button>pay</button></functional-page-navigator>\n')
    repo.commit("plugin pay")
    assert {f.family for f in run(repo.path, base).findings} >= {"payment"}


def test_cancelled_scopes_are_notes_and_open_data_is_not_reported(tmp_path):
    """open-data only displays the user's own profile (withdrawn, it shows 微信用户): nothing collected, nothing
    to declare, nothing review checks — unlike getUserInfo, which still collects the UserInfo type."""
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.wxml", '<open-data type="userNickName"></open-data>\n<open-data type="userAvatarUrl"/>\n')
    repo.write("pages/me/me.js", "Page({ a() { wx.authorize({ scope: 'scope.address' }) } })\n")
    repo.commit("open data")
    findings = run(repo.path, base).findings
    assert {(f.rule, f.severity, f.privacy_key) for f in findings} == {("privacy.cancelled_scope", "low", None)}


def test_a_withdrawn_profile_api_beside_open_data_is_still_told(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.wxml", '<open-data type="userAvatarUrl"></open-data>\n'
                                   '<button open-type="getUserInfo" bindgetuserinfo="onInfo">登录</button>\n')
    repo.write("pages/me/me.js", "Page({ onInfo(e) { this.setData({ user: e.detail.userInfo }) } })\n")
    repo.commit("profile")
    assert {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "privacy"} >= {
        ("privacy.user_info_reclaimed", "pages/me/me.wxml", 2)}
    assert not [f for f in run(repo.path, base).findings if f.rule == "privacy.open_data_reclaimed"]


def test_phone_number_type_shows_wechats_label_and_accepts_the_old_spelling(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.wxml", '<button open-type="getPhoneNumber" bindgetphonenumber="onPhone">手机号</button>\n')
    repo.write("pages/me/me.js", "Page({ onPhone() {}, logout() {} })\n")
    repo.commit("phone")
    [phone] = [f for f in run(repo.path, base).findings if f.privacy_key == "PhoneNumber"]
    assert phone.privacy_type == "手机号"
    repo.write(".mp-precheck.yml", "privacy: {declared: [手机号码]}\n")
    config = repo.commit("declared")
    repo.write("pages/index/index.wxml", '<button open-type="getPhoneNumber" bindgetphonenumber="p">bind</button>\n')
    repo.write("pages/index/index.js", "Page({ p() {} })\n")
    repo.commit("second phone button")
    assert {(f.rule, f.severity) for f in run(repo.path, config).findings if f.privacy_key} == {
        ("privacy.phone_number", "info")}


def test_facial_verification_fires_but_the_support_check_alone_does_not(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("pages/me/me.js", "Page({\n  verify() {\n    wx.checkIsSupportFacialRecognition({})\n"
                                 "    wx.startFacialRecognitionVerify({ name: this.data.name })\n  },\n})\n")
    repo.write("pages/index/index.js", "Page({ onLoad() { wx.checkIsSupportFacialRecognition({}) } })\n")
    repo.commit("verify")
    assert {r for r in _rules(repo, base) if r[0].startswith("category.")} == {
        ("category.facial_verify", "pages/me/me.js", 4)}


def test_facial_verification_in_a_fitting_category_is_info(tmp_path):
    repo, base = _app(tmp_path, {".mp-precheck.yml": "categories: [政务民生 > 其他]\n"})
    repo.write("pages/me/me.js", "Page({ verify() { wx.requestFacialVerify({ verifyId: this.data.id }) } })\n")
    repo.commit("verify")
    assert [f.severity for f in run(repo.path, base).findings if f.rule == "category.facial_verify"] == ["info"]


def test_a_tab_named_for_red_packets_is_no_lure_but_a_page_title_offering_one_is(tmp_path):
    app = ('{\n  "pages": ["pages/index/index", "pages/me/me"],\n  "tabBar": {\n    "list": [\n'
           '      {"pagePath": "pages/index/index", "text": "首页"},\n      {"pagePath": "pages/me/me", "text": "领红包"}\n'
           '    ]\n  }\n}\n')
    repo, base = _app(tmp_path)
    repo.write("app.json", app)
    repo.write("pages/me/me.json", '{"navigationBarTitleText": "每日领红包"}\n')
    repo.commit("red packets")
    assert {r for r in _rules(repo, base) if r[0].startswith("sharing.")} == {
        ("sharing.red_packet_lure", "pages/me/me.json", 1)}
