"""Each analyzer on small real repositories: positive and legitimate negative cases."""

from __future__ import annotations

import pytest

from helpers import found, loaded_by_app, rules, run
from mp_precheck.analyzers.location_config import LOCATION_APIS
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.checklist import checklist

APP_JSON = '{\n  "pages": ["pages/index/index", "pages/me/me"]%s\n}\n'


def with_config(app_repo, text: str) -> str:
    app_repo.write(".mp-precheck.yml", text)
    return app_repo.commit("config")


# -- privacy declaration ------------------------------------------------------------------------
def test_type_missing_from_declared_privacy_is_high_and_named(app_repo):
    base = with_config(app_repo, "privacy: {declared: [位置信息]}\n")
    app_repo.write("pages/me/me.js", "Page({\n a() { wx.chooseImage() } })\n")
    app_repo.commit()
    [finding] = run(app_repo.path, base, language="zh-CN").findings
    assert (finding.rule, finding.severity, finding.path, finding.line) == ("privacy.undeclared_type", "high",
                                                                            "pages/me/me.js", 2)
    assert finding.title == "隐私类型未在用户隐私保护指引中声明：「选中的照片或视频信息」"


def test_declared_type_by_label_with_half_width_brackets_or_key_is_info(app_repo):
    base = with_config(app_repo, "privacy: {declared: ['用户信息(微信昵称、头像)', Album]}\n")
    app_repo.write("pages/me/me.wxml", '<button open-type="chooseAvatar">头像</button>\n')
    app_repo.write("pages/me/me.js", "Page({ a() { wx.chooseImage() } })\n")
    app_repo.commit()
    assert {(f.rule, f.severity) for f in run(app_repo.path, base).findings} == {
        ("privacy.user_info", "info"), ("privacy.album", "info")}


def test_checklist_asks_to_declare_only_the_types_not_yet_declared(app_repo):
    base = with_config(app_repo, "privacy: {declared: [位置信息]}\n")
    app_repo.write("pages/me/me.js", "Page({\n a() { wx.getLocation() }, b() { wx.chooseImage() } })\n")
    app_repo.commit()
    items = checklist(run(app_repo.path, base, language="zh-CN"), load_catalog())
    assert [i.values["label"] for i in items if i.kind == "privacy"] == ["选中的照片或视频信息"]


def test_new_call_site_of_an_undeclared_type_the_app_already_used_is_high(app_repo):
    app_repo.write("pages/index/index.js", "Page({ a() { wx.chooseImage() } })\n")
    base = with_config(app_repo, "privacy: {declared: [位置信息]}\n")
    app_repo.write("pages/me/me.js", "Page({ a() { wx.chooseImage() } })\n")
    app_repo.commit()
    [finding] = run(app_repo.path, base).findings
    assert (finding.rule, finding.severity, finding.scope) == ("privacy.undeclared_type", "high", "file")


# -- location configuration ---------------------------------------------------------------------
def test_location_api_without_required_private_infos(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({\n a() { wx.getLocation({}) } })\n")
    app_repo.commit()
    assert ("privacy.required_private_infos_missing", "pages/me/me.js", 2, "app") in found(run(app_repo.path, base))


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_an_address_api_without_required_private_infos_is_not_called_a_location_api(app_repo, language):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({\n a() { wx.chooseAddress({}) } })\n")
    app_repo.commit()
    [finding] = [f for f in run(app_repo.path, base, language=language).findings
                 if f.rule == "privacy.required_private_infos_missing"]
    assert (finding.path, finding.line, finding.value) == ("pages/me/me.js", 2, "chooseAddress")
    assert ("地址" if language == "zh-CN" else "address") in finding.title
    assert "地理位置接口" not in finding.title and "A location API" not in finding.title


def test_the_required_private_infos_texts_name_every_api_they_cover():
    rule = load_catalog().rule("privacy.required_private_infos_missing")
    for language in ("zh-CN", "en"):
        for api in LOCATION_APIS:
            assert api in rule.fix[language], (language, api)


def test_declared_location_api_is_not_missing(app_repo):
    app_repo.write("app.json", APP_JSON % ',\n  "requiredPrivateInfos": ["getLocation"]')
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({ a() { wx.getLocation({}) } })\n")
    app_repo.commit()
    assert "privacy.required_private_infos_missing" not in rules(run(app_repo.path, base))


def test_required_private_infos_entry_nothing_calls(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", APP_JSON % ',\n  "requiredPrivateInfos": [\n    "chooseLocation"\n  ]')
    app_repo.commit()
    assert ("privacy.required_private_infos_unused", "app.json", 4, "app") in found(run(app_repo.path, base))


def test_required_private_infos_entry_used_in_an_unchanged_file_is_fine(app_repo):
    app_repo.write("pages/index/index.js", "Page({ a() { wx.chooseLocation() } })\n")
    base = app_repo.commit()
    app_repo.write("app.json", APP_JSON % ',\n  "requiredPrivateInfos": ["chooseLocation"]')
    app_repo.commit()
    assert "privacy.required_private_infos_unused" not in rules(run(app_repo.path, base))


def test_fuzzy_and_precise_location_conflict(app_repo):
    app_repo.write("app.json", APP_JSON % ',\n  "requiredPrivateInfos": ["getLocation"]')
    app_repo.write("pages/index/index.js", "Page({ a() { wx.getLocation(); wx.getFuzzyLocation() } })\n")
    base = app_repo.commit()
    app_repo.write("app.json", APP_JSON % ',\n  "requiredPrivateInfos": ["getLocation", "getFuzzyLocation"]')
    app_repo.commit()
    assert "privacy.fuzzy_location_conflict" in rules(run(app_repo.path, base))


def test_permission_without_desc(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", APP_JSON % ',\n  "permission": {"scope.userLocation": {}}')
    app_repo.commit()
    assert "privacy.permission_desc_missing" in rules(run(app_repo.path, base))
    app_repo.write("app.json", APP_JSON % ',\n  "permission": {"scope.userLocation": {"desc": "查找附近门店"}}')
    app_repo.commit()
    assert "privacy.permission_desc_missing" not in rules(run(app_repo.path, base))


# -- consent flow -------------------------------------------------------------------------------
def test_privacy_api_without_consent_flow_is_info(repo):
    repo.write_files({"app.json": APP_JSON % "", "app.js": "App({})\n", "pages/index/index.js": "Page({})\n"})
    base = repo.commit()
    repo.write("pages/me/me.js", "Page({ a() { wx.chooseImage() } })\n")
    repo.commit()
    consent = [f for f in run(repo.path, base).findings if f.rule == "privacy.no_consent_flow"]
    assert [(f.severity, f.path) for f in consent] == [("info", "pages/me/me.js")]


def test_agree_button_counts_as_consent_flow(repo):
    repo.write_files({"app.json": APP_JSON % "", "app.js": "App({})\n",
                      "pages/index/index.wxml": '<button open-type="agreePrivacyAuthorization">同意</button>\n'})
    base = repo.commit()
    repo.write("pages/me/me.js", "Page({ a() { wx.chooseImage() } })\n")
    repo.commit()
    assert "privacy.no_consent_flow" not in rules(run(repo.path, base))


# -- content security ---------------------------------------------------------------------------
UPLOAD = "Page({ up(p) { wx.uploadFile({ url: 'https://up.example.com/a', filePath: p, name: 'f' }) } })\n"


def test_upload_without_any_content_check_is_high(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", UPLOAD)
    app_repo.commit()
    assert [f.severity for f in run(app_repo.path, base).findings if f.rule == "upload.upload_file"] == ["high"]


def test_upload_with_v2_check_in_a_cloud_function_is_medium(app_repo):
    app_repo.write("cloudfunctions/check/index.js",
                   "exports.main = (e) => cloud.openapi.security.mediaCheckAsync({ mediaUrl: e.url, mediaType: 2,"
                   " version: 2, scene: 1, openid: e.openid })\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", UPLOAD)
    app_repo.commit()
    report = run(app_repo.path, base)
    assert [f.severity for f in report.findings if f.rule == "upload.upload_file"] == ["medium"]
    assert "upload.content_check_v1" not in rules(report)


V1_CHECK = "def check(img):\n    return client.post('/wxa/img_sec_check', files=img)\n"


def test_v1_content_check_the_change_writes_is_reported(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("server/check.py", V1_CHECK)
    app_repo.write("pages/me/me.js", UPLOAD)
    app_repo.commit()
    report = run(app_repo.path, base)
    assert ("upload.content_check_v1", "server/check.py", 2, "app") in found(report)


def test_v1_content_check_the_change_edits_is_reported(app_repo):
    app_repo.write("server/check.py", "def check(img):\n    return client.post('/wxa/img_sec_check', data=img)\n")
    base = app_repo.commit()
    app_repo.write("server/check.py", V1_CHECK)
    app_repo.write("pages/me/me.js", UPLOAD)
    app_repo.commit()
    assert ("upload.content_check_v1", "server/check.py", 2, "app") in found(run(app_repo.path, base))


def test_v1_content_check_the_app_already_had_is_advice_on_the_upload(app_repo):
    app_repo.write("server/check.py", V1_CHECK)
    app_repo.write("server/other.py", "x = 1\n")
    base = app_repo.commit()
    app_repo.write("server/other.py", "x = 2\n")  # a changed server file that is not the check
    app_repo.write("pages/me/me.js", UPLOAD)
    app_repo.commit()
    report = run(app_repo.path, base, language="en")
    assert "upload.content_check_v1" not in rules(report)
    [upload] = [f for f in report.findings if f.rule == "upload.upload_file"]
    assert upload.severity == "medium"
    assert upload.fix.endswith("The app's existing content check (server/check.py:2) is still v1: the v1 of "
                               "msgSecCheck / mediaCheckAsync / imgSecCheck stopped being updated on 2021-09-01; "
                               "move it to version 2 (with openid and scene) before review tests this upload.")


def test_content_security_declared_in_config(app_repo):
    base = with_config(app_repo, "content_security: {external: 'our moderation service'}\n")
    app_repo.write("pages/me/me.js", UPLOAD)
    app_repo.commit()
    assert [f.severity for f in run(app_repo.path, base).findings if f.rule == "upload.upload_file"] == ["medium"]


# -- domains ------------------------------------------------------------------------------------
def test_configured_domains_need_nothing_and_others_name_the_list(app_repo):
    base = with_config(app_repo, "domains: {uploadFile: [up.example.com], business: ['*.h5.example.com']}\n")
    app_repo.write("pages/me/me.js", UPLOAD)
    app_repo.write("pages/me/me.wxml", '<web-view src="https://a.h5.example.com/p"/>\n')
    app_repo.write_files({"utils/api.js": "wx.request({ url: 'https://api.other.example.com/x' })\n",
                          **loaded_by_app("utils/api.js")})
    app_repo.commit()
    report = run(app_repo.path, base, language="en")
    hosts = {f.subject: f.title for f in report.findings if f.family == "external_link"
             and f.rule in ("external_link.domain", "external_link.business_domain")}
    assert hosts == {"host:api.other.example.com": "Code uses a new server domain (not in request合法域名)"}


def test_dynamic_web_view_src(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", "<web-view src=\"{{url}}\"/>\n")
    app_repo.commit()
    assert "external_link.web_view_dynamic_src" in rules(run(app_repo.path, base))


# -- categories ---------------------------------------------------------------------------------
def test_precise_location_outside_the_listed_categories(app_repo):
    base = with_config(app_repo, "categories: [文娱 > 资讯]\n")
    app_repo.write("pages/me/me.js", "wx.getLocation()\n")
    app_repo.commit()
    assert "category.precise_location" in rules(run(app_repo.path, base))


def test_precise_location_in_a_fitting_category(app_repo):
    base = with_config(app_repo, "categories: [生活服务 > 社区生活]\n")
    app_repo.write("pages/me/me.js", "wx.getLocation()\n")
    app_repo.commit()
    assert "category.precise_location" not in rules(run(app_repo.path, base))


def test_live_streaming_in_a_fitting_category_is_info(app_repo):
    base = with_config(app_repo, "categories: [社交 > 直播]\n")
    app_repo.write("pages/me/me.wxml", "<live-player src=\"rtmp://x\"/>\n")
    app_repo.commit()
    assert [f.severity for f in run(app_repo.path, base).findings if f.rule == "category.live"] == ["info"]


# -- forced login, sharing, branding ------------------------------------------------------------
def test_forced_login_through_a_helper_called_on_launch(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.js", "App({\n  onLaunch() {\n    if (!wx.getStorageSync('token')) {\n      this.toAuth()\n"
                             "    }\n  },\n  toAuth() { wx.reLaunch({ url: '/pages/auth/auth' }) }\n})\n")
    app_repo.commit()
    assert ("login.forced_login", "app.js", 3, "app") in found(run(app_repo.path, base))


def test_login_in_a_tap_handler_and_silent_login_are_fine(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.js", "App({ onLaunch() { wx.login({ success: (r) => this.save(r.code) }) } })\n")
    app_repo.write("pages/index/index.js", "Page({ onBuy() { wx.navigateTo({ url: '/pages/login/login' }) } })\n")
    app_repo.commit()
    assert "login.forced_login" not in rules(run(app_repo.path, base))


def test_entry_page_redirect_counts_but_other_pages_do_not(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    redirect = "Page({\n  onShow() { wx.redirectTo({ url: '/pages/login/index' }) } })\n"
    app_repo.write("pages/index/index.js", redirect)
    app_repo.write("pages/me/me.js", redirect)
    app_repo.commit()
    assert {(f.rule, f.path) for f in run(app_repo.path, base).findings if f.family == "login"} == {
        ("login.forced_login", "pages/index/index.js")}


def test_login_page_first(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", '{"pages": ["pages/login/login", "pages/index/index", "pages/me/me"]}\n')
    app_repo.commit()
    assert "login.login_first_page" in rules(run(app_repo.path, base))


def test_share_reward_text_and_plain_share_button(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", '<button open-type="share">分享给好友</button>\n<text>分享后解锁全部课程</text>\n')
    app_repo.commit()
    assert {(f.rule, f.line) for f in run(app_repo.path, base).findings} == {("sharing.induced_share", 2)}


def test_brand_allow_list_from_config(app_repo):
    base = with_config(app_repo, "branding: {allow: [微信商城]}\n")
    app_repo.write("pages/me/me.json", '{"navigationBarTitleText": "微信商城"}\n')
    app_repo.write("pages/index/index.json", '{"navigationBarTitleText": "微信官方商城"}\n')
    app_repo.commit()
    assert {(f.rule, f.path) for f in run(app_repo.path, base).findings if f.family == "branding"} == {
        ("branding.brand_text", "pages/index/index.json")}  # an official claim stays; the allowed name goes


def test_brand_name_in_a_title_without_an_allow_list(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.json", '{"navigationBarTitleText": "微信商城"}\n')
    app_repo.commit()
    assert ("branding.brand_text", "pages/me/me.json", 1, "app") in found(run(app_repo.path, base))


def test_textarea_on_a_page_that_posts_is_user_text(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", "<view>\n<textarea bindinput=\"onInput\" placeholder=\"说点什么\"/>\n</view>\n")
    app_repo.write("pages/me/me.js", "Page({ send() { wx.request({ url: 'https://api.example.com/post', data: this.data }) } })\n")
    app_repo.commit()
    assert ("upload.user_text", "pages/me/me.js", 1, "app") in found(run(app_repo.path, base))  # where it is posted


def test_textarea_on_a_page_that_sends_nothing_is_not_ugc(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", "<textarea bindinput=\"onInput\"/>\n")
    app_repo.write("pages/me/me.js", "Page({ onInput(e) { this.setData({ count: e.detail.value.length }) } })\n")
    app_repo.commit()
    assert "upload.user_text" not in rules(run(app_repo.path, base))
