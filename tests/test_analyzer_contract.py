"""The analyzer contract: each analyzer on a context built in memory (fires / does not fire), the
registry's order and why it matters, and a raising analyzer reported as an error while the others run."""

from __future__ import annotations

from msgspec.structs import replace

from analyzer_context import finding, project_context
from images import noise_photo, two_bubble_mark
from mp_precheck.analyzers import (
    REGISTRY,
    auth_entry,
    brand_image,
    branding,
    categories,
    consent_flow,
    content_security,
    domains,
    forced_login,
    induced_sharing,
    location_config,
    privacy_declaration,
    stray_templates,
    ugc,
    ui_kits,
)
from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.analysis import RunOptions, analyze, run_analyzers
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.config import parse_config
from mp_precheck.core.report import Finding
from mp_precheck.git.repo import GitRepo


def ids(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.rule, f.severity) for f in findings]


# -- each analyzer, fire and no-fire -------------------------------------------------------------------
def test_stray_templates_drops_findings_of_a_wxml_file_no_page_renders() -> None:
    phone = '<button open-type="getPhoneNumber">登录</button>\n'
    context = project_context({"pages/login/login.wxml": phone, "pages/login/login.js": "Page({})\n",
                               "pages/login/login-old.wxml": phone,
                               "pages/login/footer.wxml": phone,
                               "pages/me/me.wxml": '<include src="../login/footer.wxml"/>\n', "pages/me/me.js": "Page({})\n"})
    page, copy, included = (finding("privacy.phone_number", "button[open-type=getPhoneNumber]", path) for path in
                            ("pages/login/login.wxml", "pages/login/login-old.wxml", "pages/login/footer.wxml"))
    assert stray_templates.analyze(context, [page, copy, included]) == [page, included]


def test_ui_kits_drops_a_tag_registered_to_the_projects_own_component() -> None:
    wxml = '<van-uploader bind:after-read="x" />\n'
    kit = finding("upload.third_party_upload", "ui-kit:upload-media", "pages/a/a.wxml", value="<van-uploader>")
    own = project_context({"pages/a/a.wxml": wxml,
                           "pages/a/a.json": '{"usingComponents": {"van-uploader": "/components/up/up"}}'})
    vendored = project_context({"pages/a/a.wxml": wxml, "pages/a/a.json":
                                '{"usingComponents": {"van-uploader": "@vant/weapp/uploader/index"}}'})
    assert ui_kits.analyze(own, [kit]) == []
    assert ui_kits.analyze(vendored, [kit]) == [kit]


def test_location_config_asks_for_required_private_infos() -> None:
    call = finding("privacy.location", "wx.getLocation", "pages/a/a.js", 3)
    undeclared = project_context({"pages/a/a.js": "wx.getLocation()\n"})
    declared = project_context({"app.json": '{"pages": ["pages/a/a"], "requiredPrivateInfos": ["getLocation"]}',
                                "pages/a/a.js": "wx.getLocation()\n"})
    added = location_config.analyze(undeclared, [call])[1:]
    assert [(f.rule, f.subject, f.line) for f in added] == [
        ("privacy.required_private_infos_missing", "requiredPrivateInfos:getLocation", 3)]
    assert location_config.analyze(declared, [call]) == [call]


def test_consent_flow_reports_a_privacy_api_without_a_consent_flow() -> None:
    album = finding("privacy.album", "wx.chooseImage", "pages/a/a.js", 2)
    without = project_context({"pages/a/a.js": "Page({})\nwx.chooseImage()\n"})
    with_listener = project_context({"pages/a/a.js": "wx.onNeedPrivacyAuthorization(r => r())\nwx.chooseImage()\n"})
    assert ids(consent_flow.analyze(without, [album])) == [("privacy.album", "high"), ("privacy.no_consent_flow", "info")]
    assert consent_flow.analyze(with_listener, [album]) == [album]


def test_privacy_declaration_compares_with_the_declared_types() -> None:
    album = finding("privacy.album", "wx.chooseImage", "pages/a/a.js")
    files = {"pages/a/a.js": "wx.chooseImage()\n"}
    assert ids(privacy_declaration.analyze(project_context(files, config="privacy: {declared: [位置信息]}\n"),
                                           [album])) == [("privacy.undeclared_type", "high")]
    assert ids(privacy_declaration.analyze(project_context(files, config="privacy: {declared: [Album]}\n"),
                                           [album])) == [("privacy.album", "info")]
    assert privacy_declaration.analyze(project_context(files), [album]) == [album]  # nothing declared


def test_ugc_keeps_a_text_box_that_is_posted_and_adds_the_category() -> None:
    text_box = finding("upload.user_text", "<textarea>", "pages/post/post.wxml", 1)
    posted = project_context({"pages/post/post.wxml": "<textarea />\n",
                              "pages/post/post.js": "Page({ send() { wx.request({ url: 'https://a.cn', data: this.data }) } })\n"})
    alone = project_context({"pages/post/post.wxml": "<textarea />\n", "pages/post/post.js": "Page({})\n"})
    assert [f.rule for f in ugc.analyze(posted, [text_box])] == ["upload.user_text", "category.ugc"]
    assert ugc.analyze(alone, [text_box]) == []


def test_content_security_lowers_uploads_when_a_server_checks_content() -> None:
    upload = finding("upload.upload_file", "wx.uploadFile", "pages/a/a.js")
    files = {"pages/a/a.js": "wx.uploadFile({})\n"}
    checked = project_context({**files, "cloudfunctions/check/index.js":
                               "cloud.openapi.security.msgSecCheck({ version: 2 })\n"}, changed=list(files))
    assert ids(content_security.analyze(checked, [upload])) == [("upload.upload_file", "medium")]
    assert content_security.analyze(project_context(files), [upload]) == [upload]


def test_domains_drops_a_host_already_configured() -> None:
    host = finding("external_link.domain", "host:api.shop.cn", "pages/a/a.js")
    files = {"pages/a/a.js": "wx.request({ url: 'https://api.shop.cn/x' })\n"}
    configured = project_context(files, config="domains: {request: [api.shop.cn]}\n")
    other = project_context(files, config="domains: {request: [cdn.shop.cn]}\n")
    assert domains.analyze(configured, [host]) == []
    assert [f.title.endswith("（未在 request合法域名 / uploadFile合法域名 / downloadFile合法域名 / socket合法域名 中）")
            for f in domains.analyze(other, [host])] == [True]


def test_categories_lowers_a_feature_whose_category_is_configured() -> None:
    live = finding("category.live", "<live-player>", "pages/a/a.wxml")
    files = {"pages/a/a.wxml": "<live-player />\n"}
    assert ids(categories.analyze(project_context(files, config="categories: [社交 > 直播]\n"), [live])) == [
        ("category.live", "info")]
    assert categories.analyze(project_context(files, config="categories: [餐饮 > 点餐平台]\n"), [live]) == [live]


def test_branding_drops_brand_text_inside_an_allowed_phrase() -> None:
    text = finding("branding.brand_text", "text:brand", "pages/a/a.wxml", value="微信读书会员")
    files = {"pages/a/a.wxml": "<text>微信读书会员</text>\n"}
    assert branding.analyze(project_context(files, config="branding: {allow: [微信读书]}\n"), [text]) == []
    assert branding.analyze(project_context(files, config="branding: {allow: [其他]}\n"), [text]) == [text]


def test_brand_image_reports_wechats_mark_shown_on_a_page() -> None:
    page = {"pages/a/a.wxml": '<image src="/images/logo.png" />\n'}
    logo = project_context({**page, "images/logo.png": two_bubble_mark()})
    photo = project_context({**page, "images/logo.png": noise_photo()})
    assert [(f.rule, f.path) for f in brand_image.analyze(logo, [])] == [("branding.brand_image", "pages/a/a.wxml")]
    assert brand_image.analyze(photo, []) == []


def test_induced_sharing_weakens_wording_on_a_page_that_cannot_share() -> None:
    wording = finding("sharing.induced_share", "text:share-inducement", "pages/a/a.wxml", value="分享有赏")
    shares = project_context({"pages/a/a.wxml": '<text>分享有赏</text>\n<button open-type="share">分享</button>\n'},
                             base={"pages/a/a.wxml": '<button open-type="share">分享</button>\n'})
    silent = project_context({"pages/a/a.wxml": "<text>分享有赏</text>\n"})
    assert induced_sharing.analyze(shares, [wording]) == [wording]
    assert [f.rule for f in induced_sharing.analyze(silent, [wording])] == ["sharing.share_reward_text"]


def test_forced_login_reports_an_existing_launch_redirect_made_unconditional() -> None:
    guarded = "App({\n  onLaunch() {\n    if (!wx.getStorageSync('token')) {\n      wx.reLaunch({ url: '/pages/login/login' })\n    }\n  }\n})\n"
    always = "App({\n  onLaunch() {\n    wx.reLaunch({ url: '/pages/login/login' })\n  }\n})\n"
    widened = project_context({"app.js": always}, base={"app.js": guarded})
    narrowed = project_context({"app.js": guarded}, base={"app.js": always})
    assert [(f.rule, f.line) for f in forced_login.analyze(widened, [])] == [("login.forced_login", 3)]
    assert forced_login.analyze(narrowed, []) == []


def test_auth_entry_reports_a_welcome_page_asking_only_for_the_profile_made_the_entry_page() -> None:
    welcome = '<view>\n  <text>欢迎</text>\n  <button open-type="getUserInfo" bindgetuserinfo="go">开启使用</button>\n</view>\n'
    home = '<view>\n  <navigator url="/pages/a/a">看看</navigator>\n  <button open-type="getUserInfo">登录</button>\n</view>\n'
    pages = '{\n  "pages": [\n    "pages/%s/%s",\n    "pages/index/index"\n  ]\n}\n'
    before = {"app.json": '{"pages": ["pages/index/index"]}\n', "app.js": "App({})\n",
              "pages/index/index.wxml": "<view>home</view>\n"}
    made_entry = project_context({**before, "app.json": pages % ("hello", "hello"), "pages/hello/hello.wxml": welcome,
                                  "pages/hello/hello.js": "Page({ go() { wx.switchTab({ url: '/pages/index/index' }) } })\n"},
                                 base=before)
    ordinary = project_context({**before, "app.json": pages % ("home", "home"), "pages/home/home.wxml": home},
                               base=before)
    assert [(f.rule, f.path, f.line) for f in auth_entry.analyze(made_entry, [])] == [
        ("login.login_first_page", "app.json", 3)]
    assert auth_entry.analyze(ordinary, []) == []


# -- the order -----------------------------------------------------------------------------------------
def test_the_registry_order_is_pinned() -> None:
    assert [name for name, _ in REGISTRY] == [
        "stray_templates", "ui_kits", "component_uploads", "called_helpers", "switched_asks", "moved_asks",
        "location_config", "vendored_sdk",
        "consent_flow", "privacy_declaration", "ugc", "chat", "im_chat", "comment_boxes", "relayed_posts",
        "media_posts", "service_posts", "service_entries", "model_pages", "model_prompts", "content_security", "domains", "order_payments", "tipping",
        "live_video", "ad_components", "game_pages",
            "categories",
        "brand_mounted", "brand_phrases", "branding", "brand_image",
        "induced_sharing", "share_means", "share_targets", "share_callbacks",
        "forced_login",
        "helper_redirect", "launch_helpers", "launch_auth_page", "entry_helpers", "entry_composables", "wrapper_wall", "share_landing", "entry_overlay", "jsx_overlay", "auth_entry", "entry_turned", "silent_entry", "entry_wall", "entry_login_view",
        "moved_walls", "refusal_modal",
        "dead_ui",
        "missing_pages", "config_syntax", "unread_scripts", "text_encoding", "script_checks", "accounts", "password_login", "rotated_secrets", "taro_imports", "config_place"]


def test_tipping_runs_after_order_payments_so_another_platforms_payment_takes_no_tip() -> None:
    # order_payments drops an orderInfo payment (another platform's) where the app pays the WeChat way elsewhere; a
    # donation page whose only payment it was takes no tip through WeChat Pay.
    context = project_context({"app.json": '{"pages": ["pages/give/give", "pages/shop/shop"]}\n', "app.js": "App({})\n",
                               "pages/give/give.wxml": "<view>\n  <text>捐助我们</text>\n</view>\n",
                               "pages/give/give.js": "Page({ give(o) { uni.requestPayment({ orderInfo: o }) } })\n",
                               "pages/shop/shop.js": "Page({ buy(p) { wx.requestPayment({ ...p }) } })\n"})
    order = finding("payment.request_payment", "wx.requestPayment:orderInfo", "pages/give/give.js", 1)
    assert [f.rule for f in _run(context, [order], ["order_payments", "tipping"])] == []
    assert [f.rule for f in _run(context, [order], ["tipping", "order_payments"])] == ["payment.tipping"]


def test_share_means_runs_after_induced_sharing_to_move_the_wording_of_a_page_that_cannot_share() -> None:
    # induced_sharing tells reward wording on a page with no share button as sharing.share_reward_text; share_means
    # then moves it to the page's new share panel, far from the wording.
    markup = ("<view>每邀请一位好友，你可获得50积分</view>\n" + "<view></view>\n" * 6
              + '<view class="share-sheet">\n  <view>微信好友</view>\n  <view>朋友圈</view>\n</view>\n')
    context = project_context({"pages/me/me.wxml": markup, "pages/me/me.js": "Page({})\n"})
    wording = finding("sharing.induced_share", "text:share-inducement", "pages/me/me.wxml", 1)
    assert [(f.rule, f.line) for f in _run(context, [wording], ["induced_sharing", "share_means"])] == [
        ("sharing.induced_share", 9)]
    assert [(f.rule, f.line) for f in _run(context, [wording], ["share_means", "induced_sharing"])] == [
        ("sharing.share_reward_text", 1)]


def _run(context: ProjectContext, findings: list[Finding], names: list[str]) -> list[Finding]:
    analyzers = dict(REGISTRY)
    out, errors = run_analyzers(context, findings, [(name, analyzers[name]) for name in names])
    assert errors == []
    return out


def test_categories_runs_after_chat_to_weigh_the_chat_category() -> None:
    # chat adds category.ugc for a conversation's message send; a configured 社交 category lowers it only after
    context = project_context({"pages/chat/chat.wxml": "<input bindinput=\"onInput\" />\n",
                               "pages/chat/chat.js": "Page({ send() { wx.request({ url: 'https://a.cn/messages/send', "
                                                     "method: 'POST' }) } })\n"}, config="categories: [社交 > 社区]\n")
    in_order = _run(context, [], ["chat", "categories"])
    reversed_order = _run(context, [], ["categories", "chat"])
    assert ("category.ugc", "info") in ids(in_order)
    assert ("category.ugc", "medium") in ids(reversed_order)


def test_categories_runs_after_ugc_to_weigh_the_ugc_category() -> None:
    # ugc adds category.ugc; only when categories runs after it does a configured 社交 category lower it.
    context = project_context({"pages/post/post.wxml": "<textarea />\n",
                               "pages/post/post.js": "Page({ send() { wx.request({ url: 'https://a.cn', data: this.data }) } })\n"},
                              config="categories: [社交 > 社区]\n")
    text_box = finding("upload.user_text", "<textarea>", "pages/post/post.wxml")
    in_order = _run(context, [text_box], ["ugc", "categories"])
    reversed_order = _run(context, [text_box], ["categories", "ugc"])
    assert ("category.ugc", "info") in ids(in_order)
    assert ("category.ugc", "medium") in ids(reversed_order)


def test_ugc_runs_after_ui_kits_and_content_security_after_ugc() -> None:
    # ui_kits drops a project's own "van-uploader"; ugc then sees no upload finding on the page (which only
    # uploads: its text goes up with the files) and keeps the text box, which content_security (after ugc)
    # lowers with the page's other uploads.
    files = {"pages/post/post.wxml": "<textarea />\n<van-uploader />\n",
             "pages/post/post.json": '{"usingComponents": {"van-uploader": "/components/up/up"}}',
             "pages/post/post.js": "Page({ send() { wx.uploadFile({ url: 'https://a.cn' }) } })\n",
             "cloudfunctions/check/index.js": "security.msgSecCheck({ version: 2 })\n"}
    context = project_context(files, changed=[p for p in files if not p.startswith("cloud")])
    given = [finding("upload.user_text", "<textarea>", "pages/post/post.wxml"),
             finding("upload.third_party_upload", "ui-kit:upload-media", "pages/post/post.wxml", 2,
                     value="<van-uploader>")]
    out = _run(context, given, ["ui_kits", "ugc", "content_security"])
    assert ("upload.user_text", "medium") in ids(out)
    wrong = _run(context, given, ["ugc", "ui_kits", "content_security"])  # ugc folds the text into the upload
    assert "upload.user_text" not in {f.rule for f in wrong}


# -- a failing analyzer -----------------------------------------------------------------------------------
def _raises(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    raise ValueError("bad\nstate")


def _marks(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    return [replace(f, value="seen") for f in findings]


def test_a_raising_analyzer_is_an_error_and_the_others_still_run(app_repo) -> None:
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", "Page({ a() { wx.chooseImage() } })\n")
    app_repo.commit()
    registry = (("first", _marks), ("broken", _raises), *REGISTRY)
    options = RunOptions(config=parse_config("privacy: {declared: [Album]}\n", ".mp-precheck.yml"))
    report, _ = analyze(GitRepo(app_repo.path), base, "HEAD", load_catalog(), options, registry=registry)
    assert [e.message for e in report.errors] == [
        "analyzer broken failed (ValueError: bad state); its checks were skipped"]
    assert report.errors[0].path == "app.json"
    album = next(f for f in report.findings if f.rule == "privacy.album")
    assert album.value == "seen"  # the analyzer before it ran
    assert album.severity == "info"  # and privacy_declaration, after it


def test_a_raising_analyzer_leaves_the_findings_as_they_were() -> None:
    context = project_context({"pages/a/a.js": "wx.chooseImage()\n"})
    album = finding("privacy.album", "wx.chooseImage", "pages/a/a.js")
    out, errors = run_analyzers(context, [album], [("broken", _raises)])
    assert out == [album]
    assert [e.message for e in errors] == ["analyzer broken failed (ValueError: bad state); its checks were skipped"]


def test_every_analyzer_documents_its_inputs_and_outputs() -> None:
    import importlib

    import mp_precheck.analyzers as package

    table = package.__doc__ or ""
    for name, _ in REGISTRY:
        module = importlib.import_module(f"mp_precheck.analyzers.{name}")
        assert f"\n{name} " in table, name
        assert "Reads: " in (module.__doc__ or "") and "Writes: " in (module.__doc__ or ""), name


def test_a_failing_analyzers_message_never_shows_a_secret() -> None:
    def leaks(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
        raise KeyError("appsecret=0123456789abcdef0123456789abcdef")

    _, errors = run_analyzers(project_context({"pages/a/a.js": "Page({})\n"}), [], [("leaky", leaks)])
    assert "0123456789abcdef" not in errors[0].message
    assert errors[0].message.startswith("analyzer leaky failed (KeyError: ")
