"""The submission notes: the version-notes template teams paste into 提交审核 (the seed article's
本次版本变更 / 1. 新增 / 2. 优化 / 3. 修复 / 测试账号 / 补充说明 with three questions).

新增/优化/修复 come from the commit messages of the range, plus a 新增 line for each capability the
findings add that no message mentions (a reviewer will find it anyway). The three questions are
answered 是 / 否 with specifics from the findings, or 未检测 for families not analysed — never 否 by
default.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from .catalog import Catalog
from .changelog import Entry
from .checklist import test_account_reason
from .escape import plain
from .messages import Messages
from .report import Finding, Report

# Words a commit message uses when it does mention a capability (so no extra 新增 line is needed).
_MENTIONS: dict[str, tuple[str, ...]] = {
    "Location": ("定位", "位置", "地图", "附近", "location", "map"),
    "ChooseLocation": ("位置", "地图", "选点", "location"),
    "Address": ("地址", "address"),
    "UserInfo": ("头像", "昵称", "资料", "avatar", "nickname", "profile"),
    "PhoneNumber": ("手机号", "电话", "phone"),
    "Album": ("图片", "照片", "相册", "拍照", "image", "photo"),
    "AlbumWriteOnly": ("保存", "相册", "海报", "save", "album"),
    "Camera": ("摄像头", "相机", "拍摄", "camera"),
    "Record": ("录音", "语音", "麦克风", "record", "voice"),
    "Clipboard": ("复制", "剪切板", "剪贴板", "copy", "clipboard"),
    "payment": ("支付", "付款", "结算", "pay", "checkout"),
    "upload": ("上传", "upload"),
    "web_view": ("网页", "h5", "web-view", "webview", "外链"),
}


_NOT_LINKS = ("external_link.domain", "external_link.insecure_url", "external_link.web_view",
              "external_link.business_domain")


@dataclass(frozen=True)
class Notes:
    """Drafted notes: the three change sections, whether a test account is needed, and the answers."""

    added: list[str] = field(default_factory=list)
    improved: list[str] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)
    test_account: str | None = None  # why one is needed, already worded, or None
    answers: list[tuple[str, str, str]] = field(default_factory=list)  # (question, answer, detail)


def draft_notes(report: Report, entries: list[Entry], catalog: Catalog, messages: Messages) -> Notes:
    """Notes for ``report`` and the classified commit ``entries`` of its range."""
    t = messages.t
    added = [plain(e.text) for e in entries if e.section == "added"]
    improved = [plain(e.text) for e in entries if e.section == "improved"]
    fixed = [plain(e.text) for e in entries if e.section == "fixed"]
    corpus = " ".join(e.text for e in entries).lower()
    app_wide = [f for f in report.active_findings if f.scope == "app"]
    added.extend(_unmentioned_features(app_wide, corpus, catalog, messages))
    reason = test_account_reason(report.active_findings)
    return Notes(
        added=added, improved=improved, fixed=fixed,
        test_account=t("notes.test_account_needed", why=t(f"why.{reason}")) if reason else None,
        answers=[
            (t("notes.q_privacy"), *_privacy_answer(report, app_wide, messages)),
            (t("notes.q_payment"), *_payment_answer(report, app_wide, messages)),
            (t("notes.q_category"), *_category_answer(report, app_wide, messages)),
        ],
    )


def _where(findings: list[Finding]) -> str:
    folders = sorted({posixpath.dirname(f.path.removeprefix(f.project + "/") if f.project else f.path) or f.path
                      for f in findings})
    shown = folders[:3]
    return "、".join(plain(x) for x in shown) + ("…" if len(folders) > 3 else "")


def _mentioned(keys: tuple[str, ...], corpus: str) -> bool:
    return any(k in corpus for k in keys)


def _unmentioned_features(app_wide: list[Finding], corpus: str, catalog: Catalog, messages: Messages) -> list[str]:
    lines: list[str] = []
    by_key: dict[str, list[Finding]] = {}
    for f in app_wide:
        if f.privacy_key:
            by_key.setdefault(f.privacy_key, []).append(f)
    for key, found in by_key.items():
        privacy = catalog.privacy_type(key)
        label = (privacy.label if messages.language == "zh-CN" else privacy.en) if privacy else key
        if not _mentioned((*_MENTIONS.get(key, ()), label.lower()), corpus):
            lines.append(messages.t("notes.feature_privacy", label=label, where=_where(found)))
    for family, key, message in (("payment", "payment", "notes.feature_payment"),
                                 ("upload", "upload", "notes.feature_upload")):
        found = [f for f in app_wide if f.family == family]
        if found and not _mentioned(_MENTIONS[key], corpus):
            lines.append(messages.t(message, where=_where(found)))
    web_views = [f for f in app_wide if f.rule == "external_link.web_view"]
    if web_views and not _mentioned(_MENTIONS["web_view"], corpus):
        lines.append(messages.t("notes.feature_web_view", where=_where(web_views)))
    return lines


def _answer(report: Report, question: str, details: list[str], messages: Messages) -> tuple[str, str]:
    answer = report.answer(question)
    return messages.t(f"answer.{answer}"), messages.join(details) if answer == "yes" else ""


def _privacy_answer(report: Report, app_wide: list[Finding], messages: Messages) -> tuple[str, str]:
    labels = sorted({f.privacy_type for f in app_wide if f.privacy_type})
    details = [messages.t("notes.privacy_detail", labels=messages.join([f"「{x}」" for x in labels]))] if labels else []
    if not labels and report.answer("privacy") == "yes":
        details = [plain(f.title) for f in report.active_findings if f.family == "privacy"][:1]
    return _answer(report, "privacy", details, messages)


def _payment_answer(report: Report, app_wide: list[Finding], messages: Messages) -> tuple[str, str]:
    details: list[str] = []
    pay = sorted({f.subject for f in report.active_findings if f.family == "payment"})
    if pay:
        details.append(messages.t("notes.payment_detail", apis=messages.join(pay)))
    uploads = [f for f in report.active_findings if f.family == "upload"]
    if uploads:
        details.append(messages.t("notes.upload_detail", where=_where(uploads)))
    web = sorted({f.subject.split(":", 1)[1] for f in app_wide if f.rule == "external_link.business_domain"})
    if web or any(f.rule == "external_link.web_view" for f in app_wide):
        details.append(messages.t("notes.web_view_detail", hosts=messages.join(web)).strip())
    links = sorted({f.subject for f in app_wide if f.family == "external_link" and f.rule not in _NOT_LINKS})
    if links:
        details.append(messages.t("notes.link_detail", what=messages.join(links)))
    hosts = sorted({f.subject.split(":", 1)[1] for f in app_wide if f.rule == "external_link.domain"})
    if hosts:
        details.append(messages.t("notes.domain_detail", hosts=messages.join(hosts)))
    return _answer(report, "payment_content_links", [plain(d) for d in details], messages)


def _category_answer(report: Report, app_wide: list[Finding], messages: Messages) -> tuple[str, str]:
    what = sorted({plain(f.title) for f in report.active_findings if f.family == "category"})
    return _answer(report, "category", [messages.t("notes.category_detail", what=messages.join(what))] if what else [],
                   messages)
