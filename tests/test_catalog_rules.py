"""Every catalog rule fires on a use of each of its subjects, and stays silent on a comment, a plain
string and moved code (the semantic diff's negatives).

The code subjects share one repository: each gets its own folder, and each scenario (uses, commented,
moved) is one commit and one analysis over all of them; a case then looks at its own folder (and at
findings outside every case folder). app.json subjects and the entry page, one file per app, run alone."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import Repo, minimal_app
from helpers import register_pages, run_bare
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.report import Finding
from mp_precheck.core.subject import is_form, parse
from mp_precheck.readers.jsfacts import js_facts

CATALOG = load_catalog()


TEXTS = {"text:brand": "微信官方认证商城", "text:share-inducement": "分享后解锁全文",
         "text:lottery": "幸运大转盘抽奖", "text:fortune": "今日星座运势", "text:tipping": "确认打赏", "text:medical": "在线问诊",
         "text:finance": "极速借款，当天到账", "text:education": "购买课程", "text:dating": "发布相亲资料", "text:telecom": "话费充值",
         "text:forged-screen": "转账截图生成器", "text:secondhand": "二手市场", "text:errand": "校园跑腿",
         "text:placeholder": "积分商城敬请期待",
         "text:wechat-password": "请输入微信密码", "text:multi-level": "加入三级分销", "text:system-notice": "【系统通知】请验证"}
# Signals read only in titles (a page's navigationBarTitleText)
TITLES = {"text:red-packet": "领取现金红包", "text:test-content": "测试"}
# A text input counts as user-published text only on a page that sends data to a server.
SENDER = "Page({\n  submit(e) { wx.request({ url: '/post', data: e.detail.value }) } })\n"  # posts on line 2
JS_SNIPPETS = {
    "login:launch:*": ("app.js", "App({\n  onLaunch() { wx.reLaunch({ url: '/pages/login/login' }) } })\n"),
    "js:eval": ("use.js", "Page({\n  a(s) { eval(s) } })\n"),
    "js:new-Function": ("use.js", "Page({\n  a(s) { return new Function('x', s) } })\n"),
    "js:review-flag": ("use.js", "Page({\n  a() { if (getApp().isReview) { this.hide() } } })\n"),
    "secret:app-secret": ("use.js", "Page({\n  data: { appSecret: '5f2c0e9a7b1d4c3e8f6a0b2d4c6e8f1a' } })\n"),
    "secret:url-param": ("use.js", "Page({\n  a() { return '/api/session?appid=wx1&secret=5f2c0e9a7b1d4c3e8f6a0b2d4c6e8f1a' } })\n"),
    "secret:server-api": ("use.js", "Page({\n  a() { return 'https://api.weixin.qq.com/sns/jscode2session' } })\n"),
    "secret:pay-key": ("use.js", "Page({\n  data: { mchKey: 'Zr4Wq8Lm2Tc7Xv1Kb9Nd3Hs6Pj0Gy5Fa' } })\n"),
    "secret:service-credential": ("use.js", "Page({\n  a() { return '/oauth2/token?client_id=c1&client_secret=Qm7x2Lk9Pz4Wd8Rt' } })\n"),
    "policy:auto-jump": ("use.js", "Page({\n  onLoad() { wx.navigateToMiniProgram({ appId: 'wx1' }) } })\n"),
    "policy:ios-payment": ("use.js", "Page({ buy() {\n  if (wx.getSystemInfoSync().platform === 'ios') { return }\n"
                                     "  wx.requestPayment({}) } })\n"),
    "policy:non-wechat-pay": ("use.js", "Page({\n  buy() { this.$api.alipayCreateOrder({}) } })\n"),
}


def usage(subject: str) -> tuple[str, str] | None:
    """(file name, content) that uses ``subject`` once, on line 2; None for app.json subjects."""
    if subject == "text:share-inducement":  # reward wording on the page's share button
        return "use.wxml", f'<button open-type="share">\n<text>{TEXTS[subject]}</text>\n</button>\n'
    if subject == "text:share-button-gain":  # a share button's label naming a gain alone
        return "use.wxml", '<button open-type="share">\n<text>继续砍</text>\n</button>\n'
    if subject in TITLES:
        return "use.json", f'{{\n"navigationBarTitleText": "{TITLES[subject]}"\n}}\n'
    if subject in TEXTS:
        return "use.wxml", f"<view>\n<text>{TEXTS[subject]}</text>\n</view>\n"
    if subject in JS_SNIPPETS:
        return JS_SNIPPETS[subject]
    if subject == "login:entry-page:*":
        return "index.js", "Page({\n  onLoad() { wx.redirectTo({ url: '/pages/login/login' }) } })\n"
    if subject == "web-view:dynamic-src":
        return "use.wxml", '<view>\n<web-view src="{{url}}"></web-view>\n</view>\n'
    if subject == "input[type=password]":  # a password field counts on a login form only
        return "use.wxml", '<view>\n<input type="password" placeholder="登录密码" />\n</view>\n'
    if subject == "media:autoplay":
        return "use.wxml", '<view>\n<video src="/a.mp4" autoplay></video>\n</view>\n'
    parsed = parse(subject)
    if parsed.form == "plugin-page":
        appid = parsed.value
        return "use.wxml", f'<view>\n<navigator url="plugin-private://{appid}/pages/live?room_id=1">直播</navigator>\n</view>\n'
    if parsed.form == "plugin":  # WeChat's live plugin under the alias its doc gives it
        return "use.js", ("const live = requirePlugin('live-player-plugin')\n"
                          "Page({ status(id) { live.getLiveStatus({ room_id: id }) } })\n")
    if parsed.form == "api" and parsed.name in ("wx.authorize", "wx.authorizeForMiniProgram"):
        return "use.js", f"Page({{\n  a() {{ {parsed.name}({{ scope: '{parsed.value}' }}) }} }})\n"
    if subject == "wx.setClipboardData:link":
        return "use.js", "Page({\n  a() { wx.setClipboardData({ data: 'https://shop.example.com/item/1' }) } })\n"
    if subject == "wx.requestPayment:orderInfo":  # the order the App takes; alone: another payment would silence it
        return "index.js", "Page({\n  a(o) { uni.requestPayment({ provider: o.provider, orderInfo: o }) } })\n"
    if subject == "wx.request:media":
        return "use.js", ("Page({ pick(p) { wx.getFileSystemManager().readFile({ filePath: p, encoding: 'base64' }) },\n"
                          "  send(b64) { wx.request({ url: '/ocr', method: 'POST', data: { image: b64 } }) } })\n")
    if parsed.form == "api":
        return "use.js", f"Page({{\n  a() {{ {subject}({{}}) }} }})\n"
    if subject == "ui-kit:pick-media":
        return "use.wxml", '<view>\n<van-uploader file-list="{{ files }}" bind:after-read="afterRead"/>\n</view>\n'
    if subject == "ui-kit:upload-media":
        # uView 1's uploader sends to its action itself (uni-file-picker needs a uniCloud service space)
        return "use.wxml", '<view>\n<u-upload action="/api/upload" max-count="9"/>\n</view>\n'
    if subject == "sdk:upload":
        return "use.js", ("const VodUploader = require('../../lib/vod-wx-sdk-v2.js')\n"
                          "Page({ up(f) { VodUploader.start({ mediaFile: f }) } })\n")
    if subject == "sdk:location":
        return "use.js", ("const QQMapWX = require('../../lib/qqmap-wx-jssdk.js')\n"
                          "Page({ where() { const map = new QQMapWX({ key: 'k' }); map.reverseGeocoder({}) } })\n")
    if subject == "sdk:record":
        return "use.js", ("const si = requirePlugin('WechatSI')\n"
                          "Page({ talk() { si.getRecordRecognitionManager().start({ lang: 'zh_CN' }) } })\n")
    if subject == "sdk:generative-ai":  # a prompt posted to a model service's API (checks/model_services.yml)
        return "use.js", "Page({\n  a(q) { wx.request({ url: 'https://api.deepseek.com/chat/completions', data: q }) } })\n"
    if subject == "RecorderManager.start":
        return "use.js", "Page({\n  a() { wx.getRecorderManager().start({}) } })\n"
    if subject == "MapContext.moveToLocation":
        return "use.js", "Page({\n  a() { wx.createMapContext('m').moveToLocation() } })\n"
    if parsed.form == "component":
        tag = parsed.name
        return "use.wxml", f"<view>\n<{tag} src=\"/local\"></{tag}>\n</view>\n"
    if parsed.form == "attribute":
        tag, attr = parsed.name, parsed.key
        value = parsed.value or "adunit-0123456789abcdef"  # an attribute that is there at all: video[ad-unit-id]
        return "use.wxml", f'<view>\n<{tag} {attr}="{value}">x</{tag}>\n</view>\n'
    if parsed.form == "web-view-host":  # a rule naming a host exactly (公众号 articles) is about that host
        host = parsed.value if "*" not in subject else "h5.rule-test.example.com"
        return "use.wxml", f'<view>\n<web-view src="https://{host}/p"></web-view>\n</view>\n'
    if parsed.form == "host":  # a rule naming a host exactly (WeChat's server API) is about that host
        host = parsed.value if "*" not in subject else "api.rule-test.example.com"
        return "use.js", f"module.exports = {{\n  api: 'https://{host}/v1' }}\n"
    return None


def app_json_with(subject: str) -> str:
    parsed = parse(subject)
    key = parsed.key
    value = (parsed.value or "").rstrip("*") or "wxabcdef0123456789"
    config: dict[str, object] = {"pages": ["pages/index/index", "pages/me/me"]}
    if key == "entry-login":
        config["pages"] = ["pages/login/login", "pages/index/index", "pages/me/me"]
    elif key == "permission":
        config[key] = {value: {"desc": "用于展示附近门店"}}
    elif key == "plugins":
        config[key] = {"myPlugin": {"version": "1.0.0", "provider": value}}
    else:
        config[key] = [value]
    return json.dumps(config, ensure_ascii=False, indent=2) + "\n"


CASES = [(rule.id, subject) for rule in CATALOG.rules for subject in rule.subjects]
CODE_CASES = [(r, s) for r, s in CASES if not is_form(s, "app-config")]
# Code cases are checked together, one folder each, so one analysis per scenario covers them all. The
# entry page is one file per app, so its case runs alone, like the app.json cases.
ALONE = {s for _, s in CODE_CASES if usage(s)[0] == "index.js"}  # type: ignore[index]
BATCHED = sorted({s for _, s in CODE_CASES} - ALONE)
FOLDER = {subject: f"case{i:03d}" for i, subject in enumerate(BATCHED)}
NEEDS_SENDER = ("<textarea>", "<editor>", "input[type=nickname]")
TOLD_AT_SENDER = ("<textarea>", "<editor>")  # published text is told where the page posts it


def _positive_files(subject: str, folder: str) -> dict[str, str | bytes]:
    """The files that use ``subject`` once (line 2), in ``pages/me/<folder>/``."""
    name, content = usage(subject)  # type: ignore[misc]
    path = f"pages/me/{folder}/{name}"
    files: dict[str, str | bytes] = {path: content}
    if subject in NEEDS_SENDER:
        files[path.replace(".wxml", ".js")] = SENDER
    return files


def _commented(subject: str) -> str:
    name, content = usage(subject)  # type: ignore[misc]
    if name.endswith(".wxml"):
        return f"<!--\n{content}-->\n"
    commented = "".join(f"// {line}\n" for line in content.splitlines())
    if parse(subject).form not in ("host", "secret"):  # a host or secret *is* in a string; a comment is silent
        commented += f"const doc = {json.dumps(content)}\n"
    return commented


def _analyse(repo: Repo, base: str) -> list[Finding]:
    return list(run_bare(repo.path, base).findings)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Finding]]:
    """Three scenarios over every batched subject at once, each subject in its own folder: ``uses`` (one use
    each), ``commented`` (the use commented out and quoted in a string) and ``moved`` (the use moved from
    ``pages/index/<folder>/`` to ``pages/me/<folder>/``, files of the same role)."""
    repo, base = minimal_app(tmp_path_factory.mktemp("rules") / "repo")
    me, index = repo.path / "pages" / "me", repo.path / "pages" / "index"
    out: dict[str, list[Finding]] = {}
    for subject, folder in FOLDER.items():
        repo.write_files(_positive_files(subject, folder))
    register_pages(repo)  # a page its view and sender make is one the app lists
    repo.commit("use them")
    out["uses"] = _analyse(repo, base)

    for folder in FOLDER.values():
        shutil.rmtree(me / folder)
    for subject, folder in FOLDER.items():
        repo.write(f"pages/me/{folder}/{usage(subject)[0]}", _commented(subject))  # type: ignore[index]
    repo.commit("comment only")
    out["commented"] = _analyse(repo, base)

    for folder in FOLDER.values():
        shutil.rmtree(me / folder)
    for subject, folder in FOLDER.items():
        name, content = usage(subject)  # type: ignore[misc]
        repo.write(f"pages/index/{folder}/{name}", content)
    moved_base = repo.commit("really use them")
    for folder in FOLDER.values():
        (index / folder).rename(me / folder)
    repo.commit("move them")
    out["moved"] = _analyse(repo, moved_base)
    return out


def _not_elsewhere(findings: list[Finding], rule_id: str, folder: str) -> list[tuple[str, int]]:
    """Places of ``rule_id`` findings in ``folder`` or outside every case folder (another case's folder is
    that case's business: a host quoted in a string there is a real use)."""
    others = {f"pages/me/{f}/" for f in FOLDER.values()} - {f"pages/me/{folder}/"}
    return [(f.path, f.line) for f in findings if f.rule == rule_id and not f.path.startswith(tuple(others))]


def _assert_fires(findings: list[Finding], rule_id: str, subject: str, path: str) -> None:
    hits = [f for f in findings if f.rule == rule_id and f.path == path]
    assert hits, f"{rule_id} did not fire on {subject} in {path}"
    assert hits[0].scope == "app"
    if not is_form(subject, "app-config"):
        assert hits[0].line == 2
    rule = CATALOG.rule(rule_id)
    assert hits[0].doc == rule.doc and hits[0].title == rule.title["en"]


@pytest.mark.parametrize(("rule_id", "subject"), CASES, ids=[f"{r}:{s}" for r, s in CASES])
def test_rule_fires_on_its_subject(tmp_path, batch, rule_id, subject):
    if subject in FOLDER:
        name = usage(subject)[0]  # type: ignore[index]
        if subject in TOLD_AT_SENDER:
            name = name.replace(".wxml", ".js")
        _assert_fires(batch["uses"], rule_id, subject, f"pages/me/{FOLDER[subject]}/{name}")
        return
    repo, base = minimal_app(tmp_path / "repo")
    if is_form(subject, "app-config"):
        repo.write("app.json", app_json_with(subject))
        path = "app.json"
    else:
        name, content = usage(subject)  # type: ignore[misc]
        path = f"pages/index/{name}"
        repo.write(path, content)
        register_pages(repo)
    repo.commit("use it")
    found = _analyse(repo, base)
    assert [f for f in found if f.rule == rule_id and f.path != path] == []
    _assert_fires(found, rule_id, subject, path)


@pytest.mark.parametrize(("rule_id", "subject"), CODE_CASES, ids=[f"{r}:{s}" for r, s in CODE_CASES])
def test_rule_silent_on_comment_string_and_moved_code(tmp_path, batch, rule_id, subject):
    if subject in FOLDER:
        for scenario in ("commented", "moved"):
            assert _not_elsewhere(batch[scenario], rule_id, FOLDER[subject]) == [], scenario
        return
    name, content = usage(subject)  # type: ignore[misc]
    repo, base = minimal_app(tmp_path / "repo")
    repo.write(f"pages/me/{name}", _commented(subject))
    repo.commit("comment only")
    assert [f for f in _analyse(repo, base) if f.rule == rule_id] == []

    # moved between two entry-page copies (the same role)
    repo.write("pages/index/index.js", content)
    moved_base = repo.commit("really use it")
    repo.remove("pages/index/index.js")
    repo.write("pages/index/index.ts", content)
    repo.commit("move it")
    assert [f for f in _analyse(repo, moved_base) if f.rule == rule_id] == []


def test_every_rule_has_a_subject_or_an_analyzer():
    from_analyzers = {
        "external_link.insecure_url",  # analysis._derived
        "privacy.undeclared_type", "privacy.required_private_infos_missing", "privacy.required_private_infos_unused",
        "privacy.fuzzy_location_conflict", "privacy.permission_desc_missing", "privacy.no_consent_flow",
        "upload.content_check_v1", "category.precise_location", "category.ugc",
        "policy.relaxes_check", "policy.invalid_config", "policy.unused_suppression",
        "policy.suppression_without_reason",
        "branding.brand_image", "sharing.share_reward_text",
        "completeness.dead_handler", "completeness.empty_handler", "completeness.missing_page", "completeness.unregistered_route",
        "completeness.invalid_app_config", "completeness.unread_script", "completeness.not_utf8",
        "completeness.no_logout", "policy.blocking_modal", "policy.subscribe_outside_tap",
        "privacy.third_party_sdk", "category.third_party_ad", "category.live_stream", "payment.tipping", "category.game",
    }
    # no longer reported, the id kept so configurations naming it still load (checks/privacy.yml)
    retired = {"privacy.open_data_reclaimed"}
    assert {r.id for r in CATALOG.rules if not r.subjects} == from_analyzers | retired


def test_privacy_types_use_the_backend_labels():
    labels = {t.key: t.label for t in CATALOG.privacy_types.values()}
    assert labels["UserInfo"] == "用户信息（微信昵称、头像）"
    assert labels["Location"] == "位置信息"
    assert labels["AlbumWriteOnly"] == "相册（仅写入）权限"
    assert labels["Clipboard"] == "剪切板"
    every_rule_key = {r.privacy_key for r in CATALOG.rules if r.privacy_key}
    assert every_rule_key <= set(labels)


@pytest.mark.parametrize(("code", "fires"), [
    ("const run = (s) => new Function('x', s)\n", True),
    ("const f = new Function(body)\n", True),
    # an empty function as a default callback (success = success || new Function): no code is run
    ("function get(url, success) {\n  success = success || new Function\n  return success\n}\n", False),
    ("const noop = new Function()\n", False),
])
def test_only_a_new_function_given_code_is_dynamic_code(code, fires):
    assert any(f.subject == "js:new-Function" for f in js_facts(code, "a.js").facts) is fires
