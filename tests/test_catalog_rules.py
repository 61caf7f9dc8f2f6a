"""Every catalog rule fires on a use of each of its subjects, and stays silent on a comment, a plain
string and moved code (the semantic diff's negatives)."""

from __future__ import annotations

import json

import pytest

from conftest import MINIMAL_APP, Repo
from helpers import run
from mp_precheck.core.catalog import load_catalog

CATALOG = load_catalog()


TEXTS = {"text:brand": "微信官方认证商城", "text:share-inducement": "分享后解锁全文",
         "text:lottery": "幸运大转盘抽奖", "text:fortune": "今日星座运势", "text:medical": "在线问诊",
         "text:finance": "极速借款，当天到账", "text:education": "购买课程", "text:placeholder": "积分商城敬请期待",
         "text:wechat-password": "请输入微信密码", "text:multi-level": "加入三级分销", "text:system-notice": "【系统通知】请验证"}
# Signals read only in titles (a page's navigationBarTitleText)
TITLES = {"text:red-packet": "领取现金红包", "text:test-content": "测试"}
# A text input counts as user-published text only on a page that sends data to a server.
SENDER = "Page({ submit(e) { wx.request({ url: '/post', data: e.detail.value }) } })\n"
JS_SNIPPETS = {
    "login:launch:*": ("app.js", "App({\n  onLaunch() { wx.reLaunch({ url: '/pages/login/login' }) } })\n"),
    "js:eval": ("use.js", "Page({\n  a(s) { eval(s) } })\n"),
    "js:new-Function": ("use.js", "Page({\n  a(s) { return new Function('x', s) } })\n"),
    "js:review-flag": ("use.js", "Page({\n  a() { if (getApp().isReview) { this.hide() } } })\n"),
    "secret:app-secret": ("use.js", "Page({\n  data: { appSecret: '5f2c0e9a7b1d4c3e8f6a0b2d4c6e8f1a' } })\n"),
    "secret:url-param": ("use.js", "Page({\n  a() { return '/api/session?appid=wx1&secret=5f2c0e9a7b1d4c3e8f6a0b2d4c6e8f1a' } })\n"),
    "secret:server-api": ("use.js", "Page({\n  a() { return 'https://api.weixin.qq.com/sns/jscode2session' } })\n"),
    "policy:auto-jump": ("use.js", "Page({\n  onLoad() { wx.navigateToMiniProgram({ appId: 'wx1' }) } })\n"),
    "policy:ios-payment": ("use.js", "Page({ buy() {\n  if (wx.getSystemInfoSync().platform === 'ios') { return }\n"
                                     "  wx.requestPayment({}) } })\n"),
}


def usage(subject: str) -> tuple[str, str] | None:
    """(file name, content) that uses ``subject`` once, on line 2; None for app.json subjects."""
    if subject == "text:share-inducement":  # reward wording on the page's share button
        return "use.wxml", f'<button open-type="share">\n<text>{TEXTS[subject]}</text>\n</button>\n'
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
    if subject == "media:autoplay":
        return "use.wxml", '<view>\n<video src="/a.mp4" autoplay></video>\n</view>\n'
    if subject.startswith("plugin-page:"):
        appid = subject.split(":", 1)[1]
        return "use.wxml", f'<view>\n<navigator url="plugin-private://{appid}/pages/live?room_id=1">直播</navigator>\n</view>\n'
    if subject.startswith(("wx.authorize:", "wx.authorizeForMiniProgram:")):
        api, scope = subject.split(":", 1)
        return "use.js", f"Page({{\n  a() {{ {api}({{ scope: '{scope}' }}) }} }})\n"
    if subject == "wx.setClipboardData:link":
        return "use.js", "Page({\n  a() { wx.setClipboardData({ data: 'https://shop.example.com/item/1' }) } })\n"
    if subject.startswith("wx."):
        return "use.js", f"Page({{\n  a() {{ {subject}({{}}) }} }})\n"
    if subject == "ui-kit:pick-media":
        return "use.wxml", '<view>\n<van-uploader file-list="{{ files }}" bind:after-read="afterRead"/>\n</view>\n'
    if subject == "ui-kit:upload-media":
        return "use.wxml", '<view>\n<uni-file-picker v-model="files" file-mediatype="image"/>\n</view>\n'
    if subject == "sdk:upload":
        return "use.js", ("const VodUploader = require('../../lib/vod-wx-sdk-v2.js')\n"
                          "Page({ up(f) { VodUploader.start({ mediaFile: f }) } })\n")
    if subject == "RecorderManager.start":
        return "use.js", "Page({\n  a() { wx.getRecorderManager().start({}) } })\n"
    if subject == "MapContext.moveToLocation":
        return "use.js", "Page({\n  a() { wx.createMapContext('m').moveToLocation() } })\n"
    if subject.startswith("<"):
        tag = subject[1:-1]
        return "use.wxml", f"<view>\n<{tag} src=\"/local\"></{tag}>\n</view>\n"
    if "[" in subject:
        tag, rest = subject.split("[", 1)
        attr, _, value = rest.rstrip("]").partition("=")
        value = value or "adunit-0123456789abcdef"  # an attribute that is there at all: video[ad-unit-id]
        return "use.wxml", f'<view>\n<{tag} {attr}="{value}">x</{tag}>\n</view>\n'
    if subject.startswith("web-view-host:"):
        return "use.wxml", '<view>\n<web-view src="https://h5.rule-test.example.com/p"></web-view>\n</view>\n'
    if subject.startswith("host:"):
        return "use.js", "module.exports = {\n  api: 'https://api.rule-test.example.com/v1' }\n"
    return None


def app_json_with(subject: str) -> str:
    _, key, value = subject.split(":", 2)
    value = value.rstrip("*") or "wxabcdef0123456789"
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


def _base_repo(tmp_path) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write_files(MINIMAL_APP)
    return repo, repo.commit("base")


@pytest.mark.parametrize(("rule_id", "subject"), CASES, ids=[f"{r}:{s}" for r, s in CASES])
def test_rule_fires_on_its_subject(tmp_path, rule_id, subject):
    repo, base = _base_repo(tmp_path)
    if subject.startswith("app.json:"):
        repo.write("app.json", app_json_with(subject))
        path = "app.json"
    else:
        name, content = usage(subject)  # type: ignore[misc]
        path = f"pages/{'index' if name == 'index.js' else 'me'}/{name}"
        repo.write(path, content)
        if subject in ("<textarea>", "<editor>", "input[type=nickname]"):
            repo.write(path.replace(".wxml", ".js"), SENDER)
    repo.commit("use it")
    hits = [f for f in run(repo.path, base).findings if f.rule == rule_id]
    assert hits, f"{rule_id} did not fire on {subject}"
    assert hits[0].path == path and hits[0].scope == "app"
    if not subject.startswith("app.json:"):
        assert hits[0].line == 2
    rule = CATALOG.rule(rule_id)
    assert hits[0].doc == rule.doc and hits[0].title == rule.title["en"]


CODE_CASES = [(r, s) for r, s in CASES if not s.startswith("app.json:")]


@pytest.mark.parametrize(("rule_id", "subject"), CODE_CASES, ids=[f"{r}:{s}" for r, s in CODE_CASES])
def test_rule_silent_on_comment_string_and_moved_code(tmp_path, rule_id, subject):
    name, content = usage(subject)  # type: ignore[misc]
    if name.endswith(".wxml"):
        commented = f"<!--\n{content}-->\n"
    else:
        commented = "".join(f"// {line}\n" for line in content.splitlines())
        if not subject.startswith(("host:", "secret:")):  # a host or secret *is* in a string; a comment is silent
            commented += f"const doc = {json.dumps(content)}\n"
    repo, base = _base_repo(tmp_path)
    repo.write(f"pages/me/{name}", commented)
    repo.commit("comment only")
    assert [f for f in run(repo.path, base).findings if f.rule == rule_id] == []

    # moved between two files that keep the same role (both app files, both entry-page copies…)
    first, second = (("pages/index/index.js", "pages/index/index.ts") if name == "index.js"
                     else (f"pages/index/{name}", f"pages/me/{name}"))
    repo.write(first, content)
    moved_base = repo.commit("really use it")
    repo.remove(first)
    repo.write(second, content)
    repo.commit("move it")
    assert [f for f in run(repo.path, moved_base).findings if f.rule == rule_id] == []


def test_every_rule_has_a_subject_or_an_analyzer():
    from_analyzers = {
        "external_link.insecure_url",  # analysis._derived
        "privacy.undeclared_type", "privacy.required_private_infos_missing", "privacy.required_private_infos_unused",
        "privacy.fuzzy_location_conflict", "privacy.permission_desc_missing", "privacy.no_consent_flow",
        "upload.content_check_v1", "category.precise_location", "category.ugc",
        "policy.relaxes_check", "policy.unused_suppression", "policy.suppression_without_reason",
        "branding.brand_image", "sharing.share_reward_text",
        "completeness.dead_handler", "completeness.missing_page", "completeness.unregistered_route",
        "completeness.no_logout", "policy.blocking_modal", "policy.subscribe_outside_tap",
    }
    assert {r.id for r in CATALOG.rules if not r.subjects} == from_analyzers


def test_privacy_types_use_the_backend_labels():
    labels = {t.key: t.label for t in CATALOG.privacy_types.values()}
    assert labels["UserInfo"] == "用户信息（微信昵称、头像）"
    assert labels["Location"] == "位置信息"
    assert labels["AlbumWriteOnly"] == "相册（仅写入）权限"
    assert labels["Clipboard"] == "剪切板"
    every_rule_key = {r.privacy_key for r in CATALOG.rules if r.privacy_key}
    assert every_rule_key <= set(labels)
