"""The note under a report naming the families it cannot rule out says why: an unread file (then it may hold
more than the findings shown), or no backend categories recorded (then only 服务类目, with how to record them)."""

from __future__ import annotations

from helpers import make_finding, report_of
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.report import FileError
from mp_precheck.outputs.markdown import render_markdown
from mp_precheck.outputs.terminal import render_text

FAMILIES = frozenset({"privacy", "payment", "upload", "external_link", "login", "branding", "sharing",
                      "completeness", "policy"})


def _outputs(**extra: object) -> list[str]:
    report = report_of(make_finding("branding.brand_text", severity="medium", subject="text:微信官方"), **extra)
    return [render(report, load_catalog(), "zh-CN") for render in (render_markdown, render_text)]


def test_an_unread_file_says_the_families_are_not_fully_checked_without_the_categories_hint():
    for text in _outputs(errors=(FileError("pages/big/big.js", "too large"),), analysed_families=frozenset()):
        [line] = [x for x in text.splitlines() if "核对" in x]
        # every family, privacy included: the notes answer 未检测 from the same list (Report.unchecked_families)
        assert line.startswith("未完整核对：隐私、上传与用户内容、支付、外链与域名、服务类目、强制登录、品牌与官方标识、诱导分享、"
                               "功能完整、其他审核规范（有文件未能读取")
        assert "categories" not in line


def test_without_recorded_categories_only_categories_are_named_with_how_to_record_them():
    for text in _outputs(analysed_families=FAMILIES):
        [line] = [x for x in text.splitlines() if "核对" in x]
        assert line == "未核对：服务类目（在 .mp-precheck.yml 的 categories 中记录后台已有的服务类目后即可核对）。"
