"""The three 补充说明 answers of the notes draft: 是 only for what the version adds, in a reviewer's words."""

from __future__ import annotations

import json
import re

import pytest

from conftest import Repo
from helpers import cli, notes_remark, notes_text

APP = {"pages": ["pages/index/index", "pages/share/share"]}


@pytest.fixture
def clipboard_app(repo: Repo) -> Repo:
    repo.write_files({"app.json": json.dumps(APP), "app.js": "App({})\n",
                      "pages/index/index.js": "Page({ paste() { wx.getClipboardData({ success() {} }) } })\n",
                      "pages/share/share.js": "Page({})\n"})
    repo.commit("chore: 初始版本")
    return repo


def test_a_new_call_site_of_a_type_the_app_had_is_no(clipboard_app: Repo) -> None:
    base = clipboard_app.git("rev-parse", "HEAD")
    clipboard_app.write("pages/share/share.js", "Page({ paste() { wx.getClipboardData({ success() {} }) } })\n")
    clipboard_app.commit("feat: 分享页粘贴口令")
    _code, data, _err = cli("diff", "--repo", str(clipboard_app.path), "--base", base, "--format", "json")
    assert [(f["rule"], f["scope"]) for f in json.loads(data)["findings"]] == [("privacy.clipboard", "file")]
    assert notes_remark(notes_text(clipboard_app, base), 1) == "1. 本次是否涉及新增用户隐私信息收集？否"


def test_a_type_new_to_the_app_is_named_by_its_guideline_label(clipboard_app: Repo) -> None:
    base = clipboard_app.git("rev-parse", "HEAD")
    clipboard_app.write("pages/share/share.js", "Page({ pick() { wx.chooseAddress({ success() {} }) } })\n")
    clipboard_app.commit("feat: 收货地址")
    assert notes_remark(notes_text(clipboard_app, base), 1) == "1. 本次是否涉及新增用户隐私信息收集？是：新增「地址」"


def test_a_required_private_infos_entry_names_its_type(clipboard_app: Repo) -> None:
    base = clipboard_app.git("rev-parse", "HEAD")
    clipboard_app.write("app.json", json.dumps({**APP, "requiredPrivateInfos": ["chooseLocation"]}))
    clipboard_app.commit("chore: 配置")
    remark = notes_remark(notes_text(clipboard_app, base), 1)
    assert remark == "1. 本次是否涉及新增用户隐私信息收集？是：新增「选择的位置信息」"
    assert "调整隐私相关配置" not in remark


# Shapes of internal names a reviewer must never read: a subject (``wx.x:y``, ``host:x``, ``app.json:…``),
# a rule id (``family.rule``), an API spelling (``wx.x``, ``uni.x``) or a component tag.
_INTERNAL = re.compile(r"\b(?:wx|uni|Taro|host|web-view-host|app\.json)[.:][A-Za-z]|"
                       r"\b(?:privacy|upload|payment|external_link|category|login|branding|sharing|policy)\.[a-z_]+\b|"
                       r"<[a-z-]+>|\w:\w+:\w")


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_no_internal_name_reaches_the_notes(repo: Repo, language: str) -> None:
    repo.write_files({"app.json": json.dumps(APP), "app.js": "App({})\n", "pages/index/index.js": "Page({})\n",
                      "pages/index/index.wxml": "<view>首页</view>\n", "pages/share/share.js": "Page({})\n"})
    repo.commit("chore: 初始版本")
    base = repo.git("rev-parse", "HEAD")
    repo.write_files({
        "app.json": json.dumps({**APP, "requiredPrivateInfos": ["chooseLocation"], "plugins": {}}),
        "pages/index/index.wxml": "<view>首页</view>\n<web-view src=\"https://h5.corner-cafe.example.com/menu\"/>\n",
        "pages/share/share.js": (
            "Page({\n"
            "  copy() { wx.setClipboardData({ data: 'https://m.corner-cafe.example.com/invite?c=1' }) },\n"
            "  jump() { wx.navigateToMiniProgram({ appId: 'wx1111111111111111' }) },\n"
            "  load() { wx.request({ url: 'https://api.corner-cafe.example.com/menu' }) },\n"
            "  pay() { wx.requestPayment({ timeStamp: '1' }) },\n"
            "  where() { wx.chooseLocation({}) },\n"
            "  send() { wx.uploadFile({ url: 'https://up.corner-cafe.example.com/f', filePath: 'a', name: 'f' }) },\n"
            "})\n"),
    })
    repo.commit("调整")
    out = notes_text(repo, base, language)
    remarks = out.split("补充说明" if language == "zh-CN" else "Remarks")[-1]
    assert ("复制链接到剪贴板" if language == "zh-CN" else "copying links to the clipboard") in remarks
    assert ("跳转其他小程序" if language == "zh-CN" else "opening other Mini Programs") in remarks
    assert ("内嵌网页" if language == "zh-CN" else "embedded web pages") in remarks
    assert ("微信支付" if language == "zh-CN" else "WeChat Pay") in remarks
    # a request or upload domain (服务器域名) is none of payment, published content or a link: never in answer 2
    assert "api.corner-cafe.example.com" not in remarks and "up.corner-cafe.example.com" not in remarks
    assert _INTERNAL.findall(out) == []


def test_the_internal_name_pattern_catches_what_it_must() -> None:
    for leaked in ("外链：wx.setClipboardData:link", "privacy.clipboard", "host:api.example.com",
                   "微信支付（wx.requestPayment）", "app.json:requiredPrivateInfos:getLocation", "<web-view>"):
        assert _INTERNAL.search(leaked), leaked
    for fine in ("内嵌网页 h5.example.com", "新增服务器域名 api.example.com", "是：新增「位置信息」"):
        assert not _INTERNAL.search(fine), fine
