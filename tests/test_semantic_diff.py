"""The design's semantic-diff rule on real git repositories."""

from __future__ import annotations

import pytest

from helpers import found, loaded_by_app, register_pages, rules, run
from mp_precheck.facts import presence


def test_subject_new_to_app_is_scope_app(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ onLoad() {\n  wx.getLocation({})\n} })\n")
    app_repo.commit()
    report = run(app_repo.path, base)
    assert ("privacy.location", "pages/me/me.js", 2, "app") in found(report)
    finding = next(f for f in report.findings if f.rule == "privacy.location")
    assert finding.severity == "high"
    assert finding.privacy_type == "位置信息" and finding.privacy_key == "Location"


def test_new_call_site_of_existing_subject_is_scope_file(app_repo):
    app_repo.write("pages/index/index.js", "Page({ go() { wx.chooseImage() } })\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({\n go() { wx.chooseImage() } })\n")
    app_repo.commit()
    report = run(app_repo.path, base)
    assert found(report) == {("privacy.album", "pages/me/me.js", 2, "file")}
    assert report.findings[0].severity == "low"


def test_call_moved_from_a_to_b_while_a_still_exists_is_silent(app_repo):
    app_repo.write("pages/index/index.js", "Page({ go() { wx.chooseImage() } })\n")
    base = app_repo.commit()
    app_repo.write("pages/index/index.js", "Page({ go() {} })\n")
    app_repo.write("pages/me/me.js", "Page({ go() { wx.chooseImage() } })\n")
    app_repo.commit()
    report = run(app_repo.path, base)
    assert report.findings == ()
    assert report.removed == ()


def test_renamed_file_is_silent(app_repo):
    app_repo.write("pages/index/pay.js", "module.exports = () => wx.requestPayment({})\n")
    base = app_repo.commit()
    app_repo.move("pages/index/pay.js", "utils/payment.js")
    app_repo.commit()
    assert run(app_repo.path, base).findings == ()


def test_wrapper_inlined_into_two_pages_is_silent(app_repo):
    app_repo.write("utils/media.js", "export function pick() { return wx.chooseImage({}) }\n")
    app_repo.write("pages/index/index.js", "import { pick } from '../../utils/media'\nPage({ a() { pick() } })\n")
    app_repo.write("pages/me/me.js", "import { pick } from '../../utils/media'\nPage({ a() { pick() } })\n")
    base = app_repo.commit()
    app_repo.remove("utils/media.js")
    app_repo.write("pages/index/index.js", "Page({ a() { wx.chooseImage({}) } })\n")
    app_repo.write("pages/me/me.js", "Page({ a() { wx.chooseImage({}) } })\n")
    app_repo.commit()
    assert run(app_repo.path, base).findings == ()


def test_new_page_calling_existing_wrapper_is_a_new_call_site(app_repo):
    app_repo.write("utils/upload.js", "export function uploadImage(p) { return wx.uploadFile({ filePath: p }) }\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "import { uploadImage } from '../../utils/upload'\n\nPage({ a() { uploadImage() } })\n")
    app_repo.commit()
    assert found(run(app_repo.path, base)) == {("upload.upload_file", "pages/me/me.js", 3, "file")}


def test_same_privacy_type_under_another_spelling_is_not_new_to_app(app_repo):
    app_repo.write("pages/index/index.js", "Page({ a() { wx.getUserInfo() } })\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.wxml", '<button open-type="getUserInfo">log in</button>\n')
    app_repo.commit()
    assert found(run(app_repo.path, base)) == {("privacy.user_info_reclaimed", "pages/me/me.wxml", 1, "file")}


def test_subject_in_unchanged_file_is_known_to_the_app(app_repo):
    app_repo.write("pages/index/index.wxml", '<web-view src="https://h5.example.com/a"/>\n')
    base = app_repo.commit()
    app_repo.write("pages/me/me.wxml", '<web-view src="https://h5.example.com/b"/>\n')
    app_repo.commit()
    report = run(app_repo.path, base)
    assert found(report) == {("external_link.web_view", "pages/me/me.wxml", 1, "file")}


@pytest.mark.parametrize("scope_limit", [presence.SCOPE_LIMIT, 0], ids=["files-named", "project-folder"])
def test_api_in_an_unchanged_file_is_known_whether_git_greps_the_files_or_the_folder(app_repo, monkeypatch,
                                                                                   scope_limit):
    monkeypatch.setattr(presence, "SCOPE_LIMIT", scope_limit)
    app_repo.write("pages/index/index.js", "Page({ pay() { wx.requestPayment({}) } })\n")
    app_repo.write("pages/index/banner.png", b"\x89PNG\r\n\x1a\n\x00wx.chooseImage")  # binary: never a use
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({ pay() { wx.requestPayment({}) }, pick() { wx.chooseImage() } })\n")
    app_repo.commit()
    assert {(rule, scope) for rule, _path, _line, scope in found(run(app_repo.path, base))} == {
        ("payment.request_payment", "file"), ("privacy.album", "app")}


def test_removal_is_listed_with_base_line(app_repo):
    app_repo.write("pages/me/me.js", "Page({\n a() { wx.requestPayment({}) } })\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({})\n")
    app_repo.commit()
    report = run(app_repo.path, base)
    assert report.findings == ()
    assert [(r.rule, r.subject, r.path, r.line) for r in report.removed] == [
        ("payment.request_payment", "wx.requestPayment", "pages/me/me.js", 2)]


def test_commented_out_call_is_not_a_finding(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "// wx.requestPayment({})\nconst doc = 'call wx.uploadFile later'\n")
    app_repo.commit()
    assert run(app_repo.path, base).findings == ()


def test_new_host_in_code_is_reported_but_image_host_is_not(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("config.js", "module.exports = {\n api: 'https://api.shop.example.com/v2',\n"
                                " logo: 'https://img.shop.example.com/logo.png' }\n")
    app_repo.write_files(loaded_by_app("config.js"))
    app_repo.commit()
    report = run(app_repo.path, base)
    assert found(report) == {("external_link.domain", "config.js", 2, "app")}


def test_plain_http_and_ip_hosts_get_their_own_finding(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("config.js", "export const BASE = 'http://47.96.10.2:8080/api'\n")  # a public address
    app_repo.write_files(loaded_by_app("config.js"))
    app_repo.commit()
    assert rules(run(app_repo.path, base)) == {"external_link.domain", "external_link.insecure_url"}


def test_new_required_private_infos_entry(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", '{\n  "pages": ["pages/index/index", "pages/me/me"],\n'
                               '  "requiredPrivateInfos": [\n    "getLocation"\n  ]\n}\n')
    app_repo.commit()
    assert ("privacy.required_private_infos", "app.json", 4, "app") in found(run(app_repo.path, base))


def test_call_extracted_into_a_new_helper_is_silent(app_repo):
    app_repo.write("pages/me/me.js", "Page({ pick() { wx.chooseImage({ count: 1 }) } })\n")
    base = app_repo.commit()
    app_repo.write("utils/media.js", "export function chooseImages(n) { return wx.chooseImage({ count: n }) }\n")
    app_repo.write("pages/me/me.js", "import { chooseImages } from '../../utils/media'\nPage({ pick() { chooseImages(1) } })\n")
    app_repo.commit()
    assert run(app_repo.path, base).findings == ()


def test_new_helper_and_new_caller_are_both_reported(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("utils/pay.js", "export function pay(o) {\n  return wx.requestPayment(o)\n}\n")
    app_repo.write("pages/me/me.js", "import { pay } from '../../utils/pay'\nPage({ buy() { pay({}) } })\n")
    app_repo.commit()
    assert found(run(app_repo.path, base)) == {("payment.request_payment", "utils/pay.js", 2, "app"),
                                               ("payment.request_payment", "pages/me/me.js", 2, "app")}


def test_a_new_pages_call_of_an_uncalled_helper_in_a_changed_file_is_a_new_call_site(app_repo):
    helper = "export function uploadImage(p) {\n  return wx.uploadFile({ filePath: p })\n}\n"
    app_repo.write_files({"pages/index/index.js": "Page({ a() { wx.uploadFile({}) } })\n", "utils/upload.js": helper})
    base = app_repo.commit()  # the helper is there, nothing calls it yet
    app_repo.write("utils/upload.js", helper + "export const isLocal = (p) => p.startsWith('wxfile://')\n")
    app_repo.write_files({"app.json": '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/editor/editor"]\n}\n',
                          "pages/editor/editor.js": "import { uploadImage } from '../../utils/upload'\n\n"
                                                    "Page({ a() { uploadImage() } })\n"})
    app_repo.commit()
    assert found(run(app_repo.path, base)) == {("upload.upload_file", "pages/editor/editor.js", 3, "file")}


def test_a_kept_file_that_named_an_uncalled_helper_and_now_calls_it_is_judged_by_the_count(app_repo):
    helper = "export function uploadImage(p) {\n  return wx.uploadFile({ filePath: p })\n}\n"
    store = "import { uploadImage } from '../utils/upload'\nexport const actions = { save() { %s } }\n"
    app_repo.write_files({"pages/index/index.js": "Page({ a() { wx.uploadFile({}) } })\n", "utils/upload.js": helper,
                          "store/actions.js": store % "console.log(uploadImage)"})
    base = app_repo.commit()
    app_repo.write("utils/upload.js", helper + "export const isLocal = (p) => p.startsWith('wxfile://')\n")
    app_repo.write("store/actions.js", store % "uploadImage('a')")
    app_repo.commit()
    assert run(app_repo.path, base).findings == ()


def test_helper_that_loses_its_caller_to_an_inlined_call_is_silent(app_repo):
    helper = "export function uploadImage(p) {\n  return wx.uploadFile({ filePath: p })\n}\n"
    app_repo.write_files({"utils/upload.js": helper,
                          "pages/me/me.js": "import { uploadImage } from '../../utils/upload'\nPage({ a() { uploadImage() } })\n"})
    base = app_repo.commit()
    app_repo.write("utils/upload.js", helper + "export const isLocal = (p) => p.startsWith('wxfile://')\n")
    app_repo.write("pages/me/me.js", "Page({ a() { wx.uploadFile({ filePath: 'a' }) } })\n")
    app_repo.commit()
    assert run(app_repo.path, base).findings == ()


def test_plugin_declaration_moved_out_of_a_nested_entry_is_not_new(app_repo):
    app_repo.write("app.json", '{"pages": ["pages/index/index", "pages/me/me"], "plugins": {"a": {"version": "1",'
                               ' "provider": "wxaaa", "b": {"version": "1", "provider": "wxbbb"}}}}\n')
    base = app_repo.commit()
    app_repo.write("app.json", '{"pages": ["pages/index/index", "pages/me/me"], "plugins": {"a": {"version": "1",'
                               ' "provider": "wxaaa"}, "b": {"version": "2", "provider": "wxbbb"}}}\n')
    app_repo.commit()
    assert run(app_repo.path, base).findings == ()


def test_navigating_to_the_live_streaming_plugin_is_a_category_finding(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.wxml", '<view>home</view>\n<navigator url="plugin-private://wx2b03c6e691cd7370/'
                                             'pages/live-player-plugin?room_id={{id}}">直播</navigator>\n')
    app_repo.commit()
    assert found(run(app_repo.path, base)) == {("category.live_plugin", "pages/index/index.wxml", 2, "app")}


LIVE_BADGE = ("const live = requirePlugin('live-player-plugin')\nPage({\n"
              "  status(id) { return live.getLiveStatus({ room_id: id }) } })\n")


def test_a_page_asking_the_live_plugin_for_a_room_is_a_new_entry_to_live_streaming(app_repo):
    app_repo.write("pages/index/index.wxml", '<view>home</view>\n<navigator url="plugin-private://wx2b03c6e691cd7370/'
                                             'pages/live-player-plugin?room_id={{id}}">直播</navigator>\n')
    base = app_repo.commit("a live room link")
    app_repo.write("pages/me/me.js", LIVE_BADGE)
    app_repo.commit("a live badge")
    assert found(run(app_repo.path, base)) == {("category.live_plugin", "pages/me/me.js", 3, "file")}


def test_a_plugin_required_but_never_called_or_another_plugin_is_no_live_streaming(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "const live = requirePlugin('live-player-plugin')\nPage({})\n")
    app_repo.write("pages/index/index.js", "const maps = requirePlugin('routePlan')\n"
                                           "Page({ go() { maps.getRoute({}) } })\n")
    app_repo.commit("plugins")
    assert not any(rule.startswith("category.live") for rule, *_ in found(run(app_repo.path, base)))


PROFILE_JS = "Page({\n  onTapProfile() {\n    wx.getUserInfo({ success: (res) => this.setData({ user: res.userInfo }) })\n  }\n})\n"
PROFILE_BUTTON_JS = "Page({\n  onGotUser(e) {\n    this.setData({ user: e.detail.userInfo })\n  }\n})\n"


def test_the_same_capability_under_another_spelling_is_not_new(app_repo):
    app_repo.write("pages/me/me.js", PROFILE_JS)
    app_repo.write("pages/me/me.wxml", '<view>\n  <button bindtap="onTapProfile">获取资料</button>\n</view>\n')
    base = app_repo.commit("profile by API")
    app_repo.write("pages/me/me.js", PROFILE_BUTTON_JS)
    app_repo.write("pages/me/me.wxml", '<view>\n  <button open-type="getUserInfo" bindgetuserinfo="onGotUser">获取资料'
                                       '</button>\n</view>\n')
    app_repo.commit("profile by button")
    assert [f for f in run(app_repo.path, base).findings if f.family == "privacy"] == []


def test_another_spelling_added_next_to_the_kept_one_is_a_new_call_site(app_repo):
    app_repo.write("pages/me/me.js", PROFILE_JS)
    base = app_repo.commit("profile by API")
    app_repo.write("pages/index/index.wxml", '<view>\n  <button open-type="getUserInfo" bindgetuserinfo="onGotUser">'
                                             '登录</button>\n</view>\n')
    app_repo.commit("and a button")
    assert ("privacy.user_info_reclaimed", "pages/index/index.wxml", 2, "file") in found(run(app_repo.path, base))


def test_a_different_user_info_api_replacing_the_button_is_still_reported(app_repo):
    app_repo.write("pages/me/me.wxml", '<view>\n  <button open-type="getUserInfo" bindgetuserinfo="onGotUser">资料</button>\n</view>\n')
    base = app_repo.commit("profile by button")
    app_repo.write("pages/me/me.wxml", '<view>\n  <button bindtap="onTapProfile">资料</button>\n</view>\n')
    app_repo.write("pages/me/me.js", "Page({\n  onTapProfile() {\n    wx.getUserProfile({ desc: '展示头像' })\n  }\n})\n")
    app_repo.commit("profile by getUserProfile")
    assert ("privacy.user_info_reclaimed", "pages/me/me.js", 3, "file") in found(run(app_repo.path, base))


def test_a_service_named_on_a_page_its_dialog_and_a_menu_is_one_category_finding_on_the_page(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        "pages/me/me.js": "Page({ data: { menu: [{ name: '话费充值', url: '/pages/recharge/recharge' }] } })\n",
        "pages/recharge/recharge.wxml": "<view>\n<view>话费充值</view>\n<confirm/>\n</view>\n",
        "pages/recharge/recharge.js": "Page({ data: { title: '话费充值' } })\n",
        "pages/recharge/components/confirm.wxml": "<view>确认话费充值</view>\n"})
    register_pages(app_repo)
    app_repo.commit("phone top-up")
    assert {(r, p, n) for r, p, n, _s in found(run(app_repo.path, base)) if r.startswith("category.")} == {
        ("category.telecom", "pages/recharge/recharge.wxml", 2)}


def test_each_file_keeps_its_finding_for_a_rule_not_judged_once(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"pages/index/index.wxml": "<view>home</view>\n<ad unit-id=\"adunit-1\"></ad>\n",
                          "pages/me/me.wxml": "<view>me</view>\n<ad unit-id=\"adunit-2\"></ad>\n"})
    app_repo.commit("ads")
    assert {p for r, p, _n, _s in found(run(app_repo.path, base)) if r == "category.ad"} == {
        "pages/index/index.wxml", "pages/me/me.wxml"}


def test_a_service_the_app_already_named_is_not_reported_again_on_a_new_page(app_repo):
    # The app offered draws (继续夺宝) and matching (配对聊天) before: a rules page that says 参与抽奖 or a guide that
    # says 交友 needs no category the app did not need already. The first page of a new service still fires.
    app_repo.write_files({"pages/index/index.wxml": "<view>继续夺宝</view>\n<view>相互喜欢即可配对聊天</view>\n"})
    base = app_repo.commit("a draw and matchmaking app")
    app_repo.write_files({"app.json": '{"pages": ["pages/index/index", "pages/me/me", "pages/rules/rules", '
                                      '"pages/guide/guide", "pages/recharge/recharge"]}\n',
                          "pages/rules/rules.wxml": "<view>\n<text>1.参与抽奖会消耗体力</text>\n</view>\n",
                          "pages/guide/guide.wxml": "<view>\n<view>真实交友</view>\n</view>\n",
                          "pages/recharge/recharge.wxml": "<view>\n<view>话费充值</view>\n</view>\n"})
    app_repo.commit("rules, guide and top-up pages")
    assert {(r, p, n) for r, p, n, _s in found(run(app_repo.path, base)) if r.startswith("category.")} == {
        ("category.telecom", "pages/recharge/recharge.wxml", 2)}
