"""UI text a reviewer reads as a test or unfinished build (常见拒绝情形 3.3.1): a fixed login code for a demo, a
feature put off to a later phase (issue: 演示环境 / 下一阶段接入 wording was missed)."""

from __future__ import annotations

from conftest import MINIMAL_APP, Repo
from helpers import run
from mp_precheck.readers.reviewtext import review_signals


def _placeholders(files: dict[str, str], tmp_path) -> set[tuple[str, int, str]]:
    repo = Repo(tmp_path / "repo")
    repo.write_files(MINIMAL_APP)
    base = repo.commit("base")
    repo.write_files(files)
    repo.commit("copy")
    return {(f.path, f.line, f.subject) for f in run(repo.path, base).findings
            if f.rule == "completeness.placeholder_content"}


def test_a_demo_login_code_and_a_later_phase_toast_fire(tmp_path):
    files = {"pages/me/me.wxml": "<view>me</view>\n<view class=\"tip\">演示环境：验证码固定为 666666</view>\n",
             "pages/index/index.js": "Page({\n  onTap() { wx.showToast({ title: '会员权益下一阶段接入', icon: 'none' }) }\n})\n",
             "pages/me/me.js": "Page({\n  onMore() { wx.showToast({ title: '后续开放', icon: 'none' }) }\n})\n"}
    assert _placeholders(files, tmp_path) == {("pages/me/me.wxml", 2, "text:test-content"),
                                              ("pages/index/index.js", 2, "text:placeholder"),
                                              ("pages/me/me.js", 2, "text:placeholder")}


def test_real_login_steps_and_update_wording_stay_silent(tmp_path):
    files = {"pages/me/me.wxml": "<view>me</view>\n<input placeholder=\"请输入6位验证码\" />\n"
                                 "<button bindtap=\"next\">下一步</button>\n<view>版本更新：修复了已知问题</view>\n",
             "pages/index/index.js": "Page({\n  sent() { wx.showToast({ title: '验证码已发送' }) },\n"
                                     "  next() {},\n  updated() { wx.showModal({ content: '发现新版本，是否重启应用？' }) }\n})\n"}
    assert _placeholders(files, tmp_path) == set()


def test_the_wording_itself():
    for text in ("演示环境短信验证码固定为 666666", "万能验证码 888888", "演示账号：13800000000"):
        assert "test-content" in review_signals(text)
    for text in ("下一阶段接入", "下个版本上线", "后续接入更多支付方式"):
        assert "placeholder" in review_signals(text)
    for text in ("验证码已发送", "验证码为6位数字", "下一步", "版本更新", "产品演示视频", "二期开放认购", "售后支持", "下一阶段"):
        assert review_signals(text) == []
