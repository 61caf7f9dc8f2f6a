"""The submission notes: the version-notes template teams paste into 提交审核 (本次版本变更 /
1. 新增 / 2. 优化 / 3. 修复 / 测试账号 / 补充说明 with three questions).

新增/优化/修复 come from the merged pull requests and commits of the range (:mod:`.changelog`), plus a
新增 line for each capability the findings add that no line mentions (a reviewer will find it anyway; a privacy
type is answer 1's, not a feature). Pages are named by the title users see, never by a folder name. The test
account is :func:`.testaccount.account_reasons`, the decision the report's checklist words too.
The three questions are answered 是 / 否 with specifics from the findings, or 未检测 for families not
analysed — never 否 by default.

The draft stays short: at most :data:`NOTES_PER_SECTION` commit lines per section (the lines for risks
are always kept), with a count of the rest (the release body lists them all). :attr:`Notes.feedback` is
the short variant for the form's 反馈内容 (``feedback_info``, at most 200 字, honoured only when the
previous version was rejected): fixes first, then the 补充说明 answers that are 是, then the other lines,
cut at an item boundary to fit.
"""

from __future__ import annotations

from collections.abc import Mapping

from msgspec import Struct, field
from msgspec.structs import replace

from mp_precheck.core.catalog import Catalog
from mp_precheck.core.items import told_in_full
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.messages import Messages
from mp_precheck.core.report import QUESTION_FAMILIES, Finding, ProjectInfo, Report
from mp_precheck.core.subject import api, subject_value, try_parse
from mp_precheck.core.testaccount import account_reasons
from mp_precheck.notes.commitmessage import Entry
from mp_precheck.notes.commitsense import starts_with_verb
from mp_precheck.notes.devlines import rejected_practice
from mp_precheck.notes.pagetitles import page_of, unshipped
from mp_precheck.notes.pasteable import admits_unfinished
from mp_precheck.outputs.escape import plain
from mp_precheck.readers.reviewtext import review_signals

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
    "user_text": ("评论", "留言", "发帖", "帖子", "弹幕", "聊天", "私信", "comment", "chat", "danmaku"),
    "web_view": ("网页", "h5", "web-view", "webview", "外链"),
}


USER_TEXT = "upload.user_text"  # text users publish (a comment box): no image or file is uploaded
_UGC = "category.ugc"  # user-published content, as answer 3 names it
NOTES_PER_SECTION = 10
FEEDBACK_LIMIT = 200  # submit_audit's feedback_info: 反馈内容, at most 200 字



class Notes(Struct, frozen=True):
    """Drafted notes: the three change sections, whether a test account is needed, and the answers."""

    added: list[str] = field(default_factory=list)
    improved: list[str] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)
    test_account: str | None = None  # why one is needed, already worded, or None
    answers: list[tuple[str, str, str]] = field(default_factory=list)  # (question, answer, detail)
    added_more: int = 0      # commit lines left out of each section (beyond NOTES_PER_SECTION)
    improved_more: int = 0
    fixed_more: int = 0
    feedback: str = ""       # the short variant for 反馈内容, at most FEEDBACK_LIMIT characters
    warnings: list[str] = field(default_factory=list)  # for the team, never pasted: lines worded as review rejects
    undescribed: bool = False  # the range's messages name nothing: the empty sections ask for a description


def draft_notes(report: Report, entries: list[Entry], catalog: Catalog, messages: Messages,
                per_section: int | None = NOTES_PER_SECTION, unnamed: int = 0) -> Notes:
    """Notes for ``report`` and the classified commit ``entries`` of its range.

    ``per_section`` caps the commit lines of each section (None: no cap); lines for capabilities the
    findings add that no entry mentions are always kept, after the commit lines. ``unnamed``: how many changes of
    the range have messages that name nothing ("data", "update"); when no line is left, the sections ask the team
    to describe the changes (:attr:`Notes.undescribed`) rather than say there are none.
    """
    t = messages.t
    # a line that says the version does what review rejects (强制绑定手机号) is never pasted: the team is told instead
    practices = [(e.text, p) for e in entries
                 if e.section != "skip" and (p := rejected_practice(e.text, messages.language))]
    # nor is one that admits the work is not done (需对接后端): it is no change the reviewer can test
    unfinished = [e.text for e in entries if e.section != "skip" and admits_unfinished(e.text)]
    told = {text for text, _p in practices} | set(unfinished)
    sections = {name: [plain(e.text) for e in entries if e.section == name and not e.vague and e.text not in told]
                for name in ("added", "improved", "fixed")}
    for name in sections:  # subjects that name nothing fold into one honest line
        if any(e.section == name and e.vague for e in entries):
            sections[name].append(t(f"notes.vague_{name}"))
    undescribed = unnamed > 0 and not any(sections.values())
    cap = per_section if per_section is not None else max(len(v) for v in sections.values())
    shown = {name: lines[:cap] for name, lines in sections.items()}
    more = {name: len(lines) - len(shown[name]) for name, lines in sections.items()}
    corpus = " ".join(e.text for e in entries).lower()
    projects = {p.root: p for p in report.projects}
    # code the Mini Program does not ship (a demo folder, an unregistered page) is nothing to tell the reviewer
    report = replace(report, findings=tuple(f for f in report.findings if not _unshipped(f, projects)))
    app_wide = [f for f in report.active_findings if told_in_full(f)]  # what the form must name
    risks = _unmentioned_features(app_wide, corpus, messages, projects)
    paid = [f for f in report.active_findings if f.family == "payment"]  # answer 2's payment, as the account's
    # one decision with the report's checklist: the account the notes ask for is the one the checklist lists
    reasons = account_reasons(report, [e.text for e in entries if e.section != "skip"])
    answers = [
        ("privacy", t("notes.q_privacy"), *_privacy_answer(report, app_wide, catalog, messages)),
        ("payment_content_links", t("notes.q_payment"),
         *_payment_answer(report, app_wide, paid, catalog, messages, projects)),
        ("category", t("notes.q_category"), *_category_answer(report, app_wide, messages)),
    ]
    said = [(key, detail) for key, _q, answer, detail in answers if answer == "yes" and detail]
    feedback = draft_feedback(sections["fixed"], said, [*sections["added"], *risks], sections["improved"], messages)
    return Notes(
        added=[*shown["added"], *risks], improved=shown["improved"], fixed=shown["fixed"],
        test_account=t("notes.test_account_needed", why=messages.join([t(f"why.{r}") for r in reasons]))
        if reasons else None,
        answers=[(q, t(f"answer.{a}"), d) for _key, q, a, d in answers],
        added_more=more["added"], improved_more=more["improved"], fixed_more=more["fixed"], feedback=feedback,
        warnings=[*(t("notes.rejected_practice", line=plain(text), practice=practice) for text, practice in practices),
                  *(t("notes.unfinished", line=plain(text)) for text in unfinished if text not in dict(practices)),
                  *rejected_wording([line for lines in sections.values() for line in lines], catalog, messages),
                  *([t("notes.undescribed", count=unnamed)] if undescribed else [])],
        undescribed=undescribed,
    )


def rejected_wording(lines: list[str], catalog: Catalog, messages: Messages) -> list[str]:
    """A warning for the team (not part of the pasted text) for each notes line worded as a high rule's UI text
    (:func:`.reviewtext.review_signals`: 三级分销 is sharing.multi_level_distribution, 运营规范 5.9): the line is the
    team's own account of the change and stays, but the reviewer reads it.
    https://developers.weixin.qq.com/miniprogram/product/index.html"""
    warnings: list[str] = []
    for line in lines:
        for signal in review_signals(line):
            for rule in catalog.rules:
                if f"text:{signal}" in rule.subjects and rule.severity == "high":
                    title = rule.title.get(messages.language) or rule.title.get("en", rule.id)
                    warnings.append(messages.t("notes.rejected_wording", line=line, title=title, rule=rule.id))
    return list(dict.fromkeys(warnings))


def feedback_length(text: str) -> int:
    """Length as the form counts it, never less: UTF-16 code units (JavaScript's ``length``), so an
    emoji outside the BMP counts 2 and a Chinese character 1."""
    return len(text.encode("utf-16-le")) // 2


def draft_feedback(fixed: list[str], answers: list[tuple[str, str]], added: list[str], improved: list[str],
                   messages: Messages, limit: int = FEEDBACK_LIMIT) -> str:
    """The 反馈内容 variant: at most ``limit`` characters (:func:`feedback_length`), whole items only.

    Items in order: each fix, each 补充说明 answer that is 是 (``(question key, detail)``), each new line,
    each improvement. Items that do not fit are left out from the end and counted ("另有 N 项"); a first
    item longer than the limit is cut at its last clause boundary, with "…".
    """
    t = messages.t

    def said(section: str, text: str) -> str:  # "修订赠送券描述" says what it did: "修复修订…" would say it twice
        return t(f"feedback.{section}_said" if starts_with_verb(text) else f"feedback.{section}", text=text)

    items = [said("fixed", x) for x in fixed]
    items += [t(f"feedback.{key}", detail=detail) for key, detail in answers]
    items += [said("added", x) for x in added] + [said("improved", x) for x in improved]
    if not items:
        return t("feedback.none")
    head, end, sep = t("feedback.head"), t("feedback.end"), t("feedback.sep")
    fixed_part = feedback_length(head) + feedback_length(end)
    used, best = 0, 0
    for count, item in enumerate(items, start=1):  # the longest prefix of items that fits with its tail
        used += feedback_length(item) + (feedback_length(sep) if count > 1 else 0)
        rest = len(items) - count
        if fixed_part + used + (feedback_length(t("feedback.more", count=rest)) if rest else 0) > limit:
            break
        best = count
    if best:
        rest = len(items) - best
        return head + sep.join(items[:best]) + (t("feedback.more", count=rest) if rest else "") + end
    rest = len(items) - 1
    tail = "…" + (t("feedback.more", count=rest) if rest else "") + end
    return head + _cut(items[0], limit - feedback_length(head + tail)) + tail


_CLAUSE_END = lazy(r"[，,、；;。：:）)」 ]")


def _cut(text: str, budget: int) -> str:
    """The longest start of ``text`` within ``budget`` characters, ended at a clause boundary when one
    falls in its second half."""
    out = ""
    for char in text:
        if feedback_length(out + char) > budget:
            break
        out += char
    boundaries = [m.end() for m in _CLAUSE_END.finditer(out)]
    if boundaries and boundaries[-1] >= len(out) // 2:
        out = out[: boundaries[-1]]
    return out.rstrip(" ，,、；;：:")


def _unshipped(finding: Finding, projects: Mapping[str, ProjectInfo]) -> bool:
    project = projects.get(finding.project)
    return project is not None and unshipped(finding.path, project.root, project.pages)


def _where(findings: list[Finding], projects: Mapping[str, ProjectInfo] | None = None) -> str:
    """The pages ``findings`` are in, by the title users see; '' when none is in a page that has one. A page's
    folder or file name (``goodsEdit``) is the team's identifier, never shown: the reviewer cannot find it."""
    names: list[str] = []
    for f in findings:
        project = (projects or {}).get(f.project)
        page = page_of(f.path, project.root, project.pages) if project else None
        if page is None or project is None:
            continue
        name = dict(project.titles).get(page)
        if name and name not in names:
            names.append(name)
    return "、".join(f"「{plain(x)}」" for x in names[:3]) + ("等" if len(names) > 3 else "")


def _mentioned(keys: tuple[str, ...], corpus: str) -> bool:
    return any(k in corpus for k in keys)


def _feature(messages: Messages, key: str, where: str, **values: str) -> str:
    """A 新增 line for a capability, named by the pages it is in (``notes.feature_x_in``) when it is in one."""
    return messages.t(f"{key}_in", where=where, **values) if where else messages.t(key, **values)


def _unmentioned_features(app_wide: list[Finding], corpus: str, messages: Messages,
                          projects: Mapping[str, ProjectInfo]) -> list[str]:
    """新增 lines for what users do that the findings add and no line mentions: payment, uploads, published text,
    a web-view. A privacy type is no feature: answer 1 names it (本次是否涉及新增用户隐私信息收集)."""
    lines: list[str] = []
    paid, uploads = [f for f in app_wide if f.family == "payment"], [f for f in app_wide if f.family == "upload"]
    texts = [f for f in uploads if f.rule == USER_TEXT]
    for found, key, message in ((paid, "payment", "notes.feature_payment"),
                                ([f for f in uploads if f.rule != USER_TEXT], "upload", "notes.feature_upload"),
                                (texts, "user_text", "notes.feature_user_text")):
        if found and not _mentioned(_MENTIONS[key], corpus):
            lines.append(_feature(messages, message, _where(found, projects)))
    web_views = [f for f in app_wide if f.rule == "external_link.web_view"]
    if web_views and not _mentioned(_MENTIONS["web_view"], corpus):
        lines.append(_feature(messages, "notes.feature_web_view", _where(web_views, projects)))
    return lines


def _answer(report: Report, question: str, details: list[str], messages: Messages,
            found: bool = False) -> tuple[str, str]:
    """(``yes`` / ``no`` / ``not_checked``, the joined details when yes) for a 补充说明 question. 是 always names
    what: when the report's findings hold nothing the notes tell (only new call sites of what the app already
    had), the answer is what the report says without them — 否, or 未检测 for a family it could not analyse.
    ``found``: another family's finding answers the question (a category.ugc finding is 内容发布): 是."""
    answer = "yes" if found and details else report.answer(question)
    if answer == "yes" and not details:
        answer = "not_checked" if set(QUESTION_FAMILIES[question]) & set(report.unchecked_families()) else "no"
    return answer, messages.join(details) if answer == "yes" else ""


# A requiredPrivateInfos entry lists an API (app.json#requiredPrivateInfos): declared with no call, it is what
# tells the type the version means to collect. https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html
def _setting_call(subject: str) -> str | None:
    """The subject of the API a ``requiredPrivateInfos`` entry declares, else None."""
    parsed = try_parse(subject)
    if parsed is None or parsed.form != "app-config" or parsed.value is None:
        return None
    return api(parsed.value) if parsed.key == "requiredPrivateInfos" else None


def added_privacy_types(app_wide: list[Finding], catalog: Catalog) -> list[str]:
    """The 用户隐私保护指引 labels (``privacy_types.yml``) of the types ``app_wide`` findings add to the app:
    a privacy API or component new to the app, or an app configuration entry (``requiredPrivateInfos``)
    new to the app for an API the report says nothing in the app calls (``privacy.required_private_infos_unused``:
    declared ahead of the code). A new call site of a type the app already had adds nothing, and neither does
    an entry that declares a use the app has (a ``permission`` desc or ``requiredPrivateInfos`` entry for calls
    the base app made): where code uses the type, it is new exactly when the report tells the type itself as new
    to the app. Sorted, each once."""
    labels = {f.privacy_type for f in app_wide if f.privacy_type}
    ahead = {f.subject for f in app_wide if f.rule == "privacy.required_private_infos_unused"}
    for f in app_wide:
        subject = _setting_call(f.subject) if f.subject in ahead else None
        for rule in catalog.rules_for(subject) if subject else ():
            privacy = catalog.privacy_type(rule.privacy_key)
            if privacy:
                labels.add(privacy.label)
    return sorted(labels)


def _privacy_answer(report: Report, app_wide: list[Finding], catalog: Catalog,
                    messages: Messages) -> tuple[str, str]:
    """是 only when the version adds a privacy type new to the app (1. 本次是否涉及新增用户隐私信息收集),
    named by its guideline label; a new call site of a type the app already had is 否.
    https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html"""
    if report.answer("privacy") == "not_checked":
        return "not_checked", ""
    labels = added_privacy_types(app_wide, catalog)
    if not labels:
        return "no", ""
    # Reviewer-facing: what the version collects, never a finding's title or an open problem (those go
    # to the developer: stderr, the comment). "declared" is said only when the config's privacy.declared
    # confirmed every type (those findings were lowered to info by the privacy-declaration analyzer).
    typed = [f for f in app_wide if f.privacy_type]
    verified = ({f.privacy_type for f in typed} == set(labels)) and all(f.severity == "info" for f in typed)
    key = "notes.privacy_detail" if verified else "notes.privacy_detail_unverified"
    return "yes", messages.t(key, labels=messages.join([f"「{x}」" for x in labels]))


def _payment_answer(report: Report, app_wide: list[Finding], paid: list[Finding], catalog: Catalog,
                    messages: Messages, projects: Mapping[str, ProjectInfo]) -> tuple[str, str]:
    details: list[str] = []
    pay = _reviewer_words(paid, "payment", messages)
    if pay:
        details.append(messages.t("notes.payment_detail", what=messages.join(pay)))
    uploads = [f for f in app_wide if f.family == "upload"]
    files, texts = [f for f in uploads if f.rule != USER_TEXT], [f for f in uploads if f.rule == USER_TEXT]
    for found, key in ((files, "notes.upload_detail"), (texts, "notes.user_text_detail")):
        if found:  # each kind in its own words: a text box sends no image or file
            details.append(_feature(messages, key, _where(found, projects)))
    web = sorted({subject_value(f.subject) for f in app_wide if f.rule == "external_link.business_domain"})
    if any(f.rule == "external_link.web_view_article" for f in app_wide):  # said as what it is, not as a host
        web.append(messages.t("notes.web_view_article"))
    linked = [f for f in app_wide if _link_in_notes(catalog, f)]
    # a web-view whose address the code sets is named as such by the links: no bare 内嵌网页 beside it
    dynamic = any(f.rule == "external_link.web_view_dynamic_src" for f in linked)
    if web or (any(f.rule == "external_link.web_view" for f in app_wide) and not dynamic):
        details.append(messages.t("notes.web_view_detail", hosts=messages.join(web)).strip())
    links = _named_links(linked, messages, projects)
    if links:
        details.append(messages.t("notes.link_detail", what=messages.join(links)))
    shared = category_content(app_wide, messages, projects, said_text=bool(texts))
    # A request, upload or download domain (服务器域名) is none of payment, published content or a link: the answer
    # names what users are taken to or can do, never where the app's own requests go.
    return _answer(report, "payment_content_links", [plain(d) for d in [*details, *shared]], messages,
                   found=bool(shared))


def category_content(app_wide: list[Finding], messages: Messages, projects: Mapping[str, ProjectInfo],
                     said_text: bool = False) -> list[str]:
    """What category findings say users publish or pay for (``notes.content.<rule>`` in templates/messages.yml:
    category.ugc, category.tipping), in question 2's words with their pages: answer 3 names them as a category
    change, and answer 2 (支付、内容发布或外链) must not say 否 beside it, whichever family found them. ``said_text``:
    answer 2 already names published text (upload.user_text), which is the same content."""
    by_word: dict[str, list[Finding]] = {}
    for f in app_wide:
        if f.family != "category" or (said_text and f.rule == _UGC):
            continue
        try:
            word = messages.t(f"notes.content.{f.rule}")
        except KeyError:
            continue
        by_word.setdefault(word, []).append(f)
    return [messages.t("notes.link_in", what=word, where=where) if (where := _where(found, projects)) else word
            for word, found in by_word.items()]


def _link_in_notes(catalog: Catalog, finding: Finding) -> bool:
    """Whether the notes list ``finding`` among the links (``link_in_notes`` in checks/: every external_link rule
    but web-view, domains and insecure URLs, which have their own line or none, and a policy rule that sends users
    out of WeChat, such as a link copied to the clipboard)."""
    try:
        return catalog.rule(finding.rule).link_in_notes
    except KeyError:
        return finding.family == "external_link"


def _reviewer_words(findings: list[Finding], family: str, messages: Messages) -> list[str]:
    """What ``findings`` of ``family`` offer, in a reviewer's words (``notes.what.<rule>``, else the family's
    ``notes.what.<family>``), each once in the order found: never a subject, rule id or API spelling."""
    words: list[str] = []
    for f in findings:
        try:
            word = messages.t(f"notes.what.{f.rule}")
        except KeyError:
            word = messages.t(f"notes.what.{family}")
        if word not in words:
            words.append(word)
    return words


def _named_links(findings: list[Finding], messages: Messages, projects: Mapping[str, ProjectInfo]) -> list[str]:
    """Each kind of link ``findings`` offer in a reviewer's words (:func:`_reviewer_words`) with the pages it is in,
    as the other items of answer 2 are named (``跳转其他小程序（「商品详情」）``)."""
    by_word: dict[str, list[Finding]] = {}
    for f in findings:
        by_word.setdefault(_reviewer_words([f], "external_link", messages)[0], []).append(f)
    return [messages.t("notes.link_in", what=word, where=where) if (where := _where(found, projects)) else word
            for word, found in by_word.items()]


def _category_feature(finding: Finding, messages: Messages) -> str:
    """What a category finding says the version offers (``notes.category.<rule>``), not the finding's title."""
    try:
        return messages.t(f"notes.category.{finding.rule}")
    except KeyError:
        return messages.t("notes.category.fallback")


def _category_answer(report: Report, app_wide: list[Finding], messages: Messages) -> tuple[str, str]:
    """是 when the version adds a feature that needs a service category and is new to the app (the report tells
    it in full); a new call site of a feature the app already had (an ad on one more page) changes no category."""
    what = sorted({_category_feature(f, messages) for f in app_wide if f.family == "category"})
    return _answer(report, "category", [messages.t("notes.category_detail", what=messages.join(what))] if what else [],
                   messages)
