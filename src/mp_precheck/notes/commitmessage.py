"""What a commit message or pull request title says, as 本次版本变更 lines: its items, the section of
each (新增 / 优化 / 修复, or left out) and the sentence a reviewer reads.

The section comes from the Conventional Commit type (``notes.types`` over :data:`DEFAULT_TYPES`:
``feat`` → added, ``fix`` → fixed, ``perf``/``style`` → improved, ``refactor`` left out), a bracketed or
Chinese prefix (``【修复】``, ``新增：``, ``优化 …``), a gitmoji or emoji, the subject's own Chinese verb or
an English verb (:mod:`.commitsense`); anything else is improved. Pull request labels map through
:data:`DEFAULT_LABELS` (read by :mod:`.changelog`). Left out: housekeeping and other platforms' changes by
message, dependency bumps, ``chore``/``ci``/``docs``/``test``/``build`` types, messages with no content
("update", "修改", a code host's ``Update <file>``) and work in progress (``商品列表30%``). Entries read as
sentences for a reviewer: prefix, scope and wrapping quotes removed, issue references and their links dropped,
Markdown and HTML reduced to plain text, no invisible character nor mailbox, other platforms' names taken out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from msgspec import Struct

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.core.secrets import mask_app_secrets
from mp_precheck.notes.commitbody import body_changes
from mp_precheck.notes.commitsense import (
    Section,
    is_housekeeping,
    is_vague,
    leading_gitmoji,
    leading_verb_section,
    names_only_tooling,
    names_other_platform_only,
    says_fixed,
    says_improved,
    says_no_change,
    verb_section,
    without_internal,
    without_other_platforms,
)
from mp_precheck.notes.devlines import is_merge_reference, names_developer_work
from mp_precheck.notes.listitems import known_type, listed_items, unnumbered
from mp_precheck.notes.pasteable import masked_emails, visible

DEFAULT_TYPES: dict[str, Section] = {
    "feat": "added", "feature": "added", "fix": "fixed", "bugfix": "fixed", "hotfix": "fixed",
    "perf": "improved", "refactor": "skip", "style": "improved", "improve": "improved", "ui": "improved",
    "chore": "skip", "ci": "skip", "docs": "skip", "doc": "skip", "test": "skip", "tests": "skip",
    "build": "skip", "release": "skip", "wip": "skip", "merge": "skip", "revert": "skip", "deps": "skip",
    # the plain English words teams write as a type, often in capitals (ADD:, UPDATE:, INIT:)
    "add": "added", "new": "added", "update": "improved", "modify": "improved", "change": "improved",
    "optimize": "improved", "init": "skip", "commit": "skip", "save": "skip",
}
# GitHub's default labels, Dependabot's and the usual "type/…" ones. Matched case-insensitively, after
# dropping a "type:" / "type/" / "kind/" prefix.
DEFAULT_LABELS: dict[str, Section] = {
    "bug": "fixed", "bugfix": "fixed", "fix": "fixed", "regression": "fixed", "缺陷": "fixed", "修复": "fixed",
    "enhancement": "added", "feature": "added", "feat": "added", "new feature": "added", "新功能": "added",
    "新增": "added", "improvement": "improved", "performance": "improved", "perf": "improved",
    "refactor": "improved", "ui": "improved", "优化": "improved",
    "documentation": "skip", "docs": "skip", "dependencies": "skip", "deps": "skip", "ci": "skip",
    "github_actions": "skip", "chore": "skip", "test": "skip", "tests": "skip", "internal": "skip",
    "skip-changelog": "skip", "no-changelog": "skip", "skip changelog": "skip",
}

_CHINESE_PREFIXES: dict[str, Section] = {
    **dict.fromkeys(("新增", "新功能", "增加", "添加", "上线", "支持", "新特性"), "added"),
    **dict.fromkeys(("修复", "修正", "修改bug", "解决", "修bug", "bug修复"), "fixed"),
    **dict.fromkeys(("优化", "调整", "改进", "重构", "更新", "完善", "美化", "提升", "改版"), "improved"),
    **dict.fromkeys(("文档", "注释", "依赖", "升级依赖", "更新依赖", "依赖升级", "构建", "测试", "发版",
                     "版本号", "格式化", "合并"), "skip"),
}
_ENGLISH_VERBS: dict[str, Section] = {
    **dict.fromkeys(("add", "adds", "added", "implement", "implements", "introduce", "introduces", "support",
                     "supports", "new"), "added"),
    **dict.fromkeys(("fix", "fixes", "fixed", "resolve", "resolves", "correct", "corrects"), "fixed"),
    **dict.fromkeys(("improve", "improves", "optimize", "optimise", "speed", "refactor", "polish", "tweak",
                     "redesign", "update", "updates"), "improved"),
}
# Commit messages that say nothing a reviewer can use.
_NO_CONTENT = frozenset({
    "update", "updates", "updated", "wip", "fix", "fixes", "fixed", "bugfix", "bug fix", "bug", "bugs",
    "modify", "modified", "change", "changes", "changed", "test", "tests", "misc", "tmp", "temp", "save",
    "commit", "init", "initial", "initial commit", "first commit", "merge", "refactor", "cleanup", "clean up",
    "修改", "更新", "提交", "调整", "优化", "修复", "修正", "改bug", "修改bug", "初始化", "初始提交", "临时提交",
    "备份", "暂存", "同步", "合并", "代码", "提交代码", "更新代码", "修改代码", "新增", "增加", "添加", "完善", "重构",
    "删除", "移除", "删掉", "新建", "创建", "改动", "小改动", "微调", "修改了", "更新了", "需求", "add", "new",
})

# ``type(scope): text``; some teams write the scope in square brackets (``fix[admin]: …``).
_CONVENTIONAL = compiled(r"^(?P<type>[A-Za-z]+)(?:[(\[](?P<scope>[^)\]]*)[)\]])?(?P<bang>!)?\s*[:：]\s*(?P<text>.+)$")
_BRACKETED = compiled(r"^[\[【(（]\s*(?P<word>[^\]】)）]{1,12}?)\s*[\]】)）]\s*[:：]?\s*(?P<text>.*)$")
_ISSUE_REF = compiled(r"\s*\(?(?:(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?|refs?)\s+)?(?:[\w.-]+/[\w.-]+)?#\d+\)?",
                        re.IGNORECASE)
# Gitee's pull request reference (``!27``), as GitHub's ``#12``: at the start, after a space or in brackets.
_GITEE_REF = compiled(r"(?:^|(?<=[\s(（]))!\d+(?![\w])")
# A line of code pasted as the subject: its ``// comment`` tail (not a URL's ``://``) and the key it assigned
# (``note: '…', // 版本描述``).
_CODE_COMMENT = lazy(r"\s+//(?:\s.*)?$")
_CODE_KEY = lazy(r"^[A-Za-z_$][\w$]*\s*[:=]\s*")
_DEPENDENCY_BUMP = compiled(r"^(?:bump|update dependency|update dependencies|upgrade dependency)\b", re.IGNORECASE)
# A subject that is only a version (v1.2.0, 1.2.3-beta.1): a suffix of ASCII letters and digits, so a subject that
# starts with a decimal it means (2.5折优惠展示) is no version.
_VERSION_ONLY = lazy(r"(?:v|version|release|版本|发布)?\s*\d+(?:\.\d+)+[0-9A-Za-z.+_-]*")
# A date or version stamp a team writes before the subject (2024/12/10--, 2024-12-10 15:30 , 20241210：,
# 12.10 -, v1.2.3 ): when the commit was made, nothing the reviewer reads. Only with a separator after it, so a
# subject that starts with a number it means (3天内发货) keeps it.
_STAMP = lazy(r"^(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d{8}"
              r"|\d{1,2}[-/.]\d{1,2}(?=\s*(?:-|—|:|：))|[vV]\d+(?:\.\d+){1,3}|\d+(?:\.\d+){2,3})"
              r"\s*(?:[-—_~]+|[:：]|\s)\s*(?=\S)")


class Entry(Struct, frozen=True):
    """One line of 本次版本变更: its section, the cleaned sentence and where it came from (``#12`` for a
    pull request, else the commit id)."""

    section: Section
    text: str
    source: str
    vague: bool = False  # names nothing a reviewer could look for (细节优化, 修改了几个已知的bug)
    unsaid: bool = False  # the message says no section (no type, no verb: "登录"): 优化 is a default


_BRANCH_FROM = lazy(r"^Merge pull request [#!]\d+ from (?:[^/\s]+/)?(?P<branch>\S+)"
                          r"|^Merge branch '(?P<local>[^']+)'")
_BRANCH_LIKE = lazy(r"^[A-Za-z][\w.-]*(?:/[\w.-]+)+$")


def split_items(text: str, types: Mapping[str, Section] | None = None) -> list[str]:
    """One line's items: ``fix: A / feat: B；fix: C`` gives ``fix: A``, ``feat: B``, ``fix: C`` — a new item
    starts wherever a Conventional Commit type of ``types`` (with its colon) follows a separator or a
    space. A line without a second type is one item."""
    names = sorted({*DEFAULT_TYPES, *(k.lower() for k in (types or {}))}, key=len, reverse=True)
    starts = compiled(r"(?:^|[\s/|;；,，、]+)(?=(?:" + "|".join(re.escape(n) for n in names)
                      + r")(?:\([^)]*\))?!?\s*[:：])", re.IGNORECASE)
    cuts = [m.start() for m in starts.finditer(text) if m.start() > 0] + [len(text)]
    pieces, at = [], 0
    for cut in cuts:
        pieces.append(text[at:cut])
        at = cut
    known = {**DEFAULT_TYPES, **{k.lower(): v for k, v in (types or {}).items()}}
    return [part for p in pieces if p.strip(" /|;；,，、") for listed in listed_items(p.strip(" /|;；,，、"), known)
            for part in _joined_parts(listed, known)]


# "A&B" between Chinese words joins two changes in one subject; "Q&A", "R&D" and a query string's "&" join none.
_AMPERSAND = lazy(r"\s*[&＆]+\s*(?=[\u4e00-\u9fff（【(\[])|(?<=[\u4e00-\u9fff）】)\]])\s*[&＆]+\s*")


def _joined_parts(item: str, types: Mapping[str, Section]) -> list[str]:
    """The changes an item joins with ``&`` (``登录优化&支持扫码``), each its own item so that one part left out
    (a refactor) does not take the others with it. A part without a type or verb of its own shares the first
    part's type or leading verb (``feat: 首页轮播&商品分享``: both features); a part that is only a verb
    (``重构&…``) shares nothing."""
    parts = [p.strip() for p in _AMPERSAND.split(item) if p.strip(" &＆")]
    if len(parts) < 2 or any(_short_noun(p) for p in parts):
        return [item]  # "登录&支付问题": two nouns of one change
    marker = _shared_marker(parts[0], types)
    return [parts[0], *(p if not marker or _marked(p, types) or verb_section(p) else marker + p for p in parts[1:])]


def _short_noun(part: str) -> bool:
    """A joined part too short to be a change of its own (``修复登录`` of ``修复登录&支付问题``); a bare verb
    (``重构`` of ``重构&…``) is a part, left out by :func:`classify`."""
    if part.lower() in _NO_CONTENT:
        return False
    prefix = _chinese_prefix(part)
    return len(part[len(prefix):] if prefix else part) < 3


def _shared_marker(first: str, types: Mapping[str, Section]) -> str:
    """The type (``feat(cart): ``, ``【修复】``) or leading Chinese verb of ``first`` that a joined part without
    one of its own shares; '' when ``first`` has none, or is nothing but it, or the verb files work away."""
    conventional = _CONVENTIONAL.match(first)
    if conventional and known_type(conventional.group("type"), types):
        return first[: conventional.start("text")]
    bracketed = _BRACKETED.match(first)
    if bracketed and bracketed.group("text").strip():
        return first[: bracketed.start("text")]
    prefix = _chinese_prefix(first)
    if prefix is None or _CHINESE_PREFIXES[prefix] == "skip" or is_housekeeping(prefix):
        return ""
    return prefix if _after_verb(first[len(prefix):]).strip() else ""


def _marked(line: str, types: Mapping[str, Section], chinese: bool = True) -> bool:
    """Whether a body line names its own change: a Conventional Commit type, a bracketed or (``chinese``) Chinese
    prefix (``【修复】``, ``新增…``) or a gitmoji."""
    section, text = leading_gitmoji(line)
    if section is not None:
        return True
    conventional = _CONVENTIONAL.match(text)
    if conventional and known_type(conventional.group("type"), types):
        return True
    bracketed = _BRACKETED.match(text)
    if bracketed and bracketed.group("word").strip().lower() in {*types, *_CHINESE_PREFIXES}:
        return True
    return chinese and _chinese_prefix(text) is not None


def message_items(subject: str, body: str, types: Mapping[str, Section] | None = None) -> list[str]:
    """The items of a commit message as Chinese teams write them: the subject's items (:func:`split_items`), then
    each body line that names its own change (``feat(cart): …``, ``- 新增…``, ``2、修复…``; :func:`.body_changes`:
    not prose explaining a subject that names the change, not the back end's lines), list markers removed."""
    known = {**DEFAULT_TYPES, **{k.lower(): v for k, v in (types or {}).items()}}
    items = split_items(subject, known)
    named = any(classify(item, known) is not None for item in items)
    for line in body_changes(body, named, lambda x: _marked(x, known), lambda x: _marked(x, known, chinese=False)):
        items.extend(split_items(line, known))
    return items


def is_branch_name(title: str, merge_subject: str = "") -> bool:
    """Whether a pull request title is only a branch name: the branch the merge commit names (GitHub's
    default title is the branch with ``-``/``_`` as spaces and a capital first letter), or a ref-shaped
    word such as ``Feat/v1.1.0``."""
    bare = title.strip().lstrip("-*+ ").strip()
    found = _BRANCH_FROM.match(merge_subject)
    branch = (found.group("branch") or found.group("local")) if found else None
    if branch and _branch_words(bare) == _branch_words(branch):
        return True
    return _BRANCH_LIKE.match(bare) is not None


def _branch_words(text: str) -> str:
    return " ".join(re.split(r"[-_\s]+", text.lower())).strip()


_SAME_LINE_VERBS = ("新增", "增加", "添加", "修复", "修正", "优化", "调整", "改进")


def same_line_key(text: str) -> str:
    """What makes two lines the same to a reader: case, spaces, punctuation and a leading section verb
    do not count (``新增首页`` and ``首页``, ``Fix crash.`` and ``fix crash``)."""
    key = re.sub(r"[\W_]+", "", text.lower())
    for verb in _SAME_LINE_VERBS:
        if key.startswith(verb) and len(key) > len(verb):
            return key[len(verb):]
    return key



def classify(message: str, types: Mapping[str, Section] | None = None) -> Entry | None:
    """Section and cleaned text of a commit subject or pull request title; None when nothing a reviewer
    can use is left (an empty or content-free message such as "update" or "修改")."""
    types = {**DEFAULT_TYPES, **(types or {})}
    section, text = leading_gitmoji(_uncoded(message.strip()))
    text = unquoted(_GITEE_REF.sub("", text).strip())
    # a version only is checked before a stamp is cut: "1.2.3-beta.1" is a version, whole
    if is_default_subject(text) or is_work_in_progress(text) or _VERSION_ONLY.fullmatch(text.strip().lower()):
        return None
    explicit = section is not None
    text = unstamped(text)
    bracketed = _BRACKETED.match(text)
    if bracketed:  # "[fix] …", "【新增】…", "(购物车) …": a type, or a scope that is dropped
        word = bracketed.group("word").strip().lower()
        marked = types.get(word) or DEFAULT_LABELS.get(word) or _CHINESE_PREFIXES.get(word) or _ENGLISH_VERBS.get(word)
        explicit = explicit or marked is not None
        section = marked or section
        text = unstamped(bracketed.group("text"))
    match = _CONVENTIONAL.match(text)
    kind = known_type(match.group("type"), types) if match else None
    if match and kind is not None:
        section = types[kind]
        explicit = True
        if (match.group("scope") or "").lower() in ("deps", "deps-dev", "ci", "docs"):
            section = "skip"
        text = unnumbered(unstamped(match.group("text")))
        if section != "skip":  # "fix: 优化小程序登录", "ADD:修订…的问题": the subject's own verb is more precise
            section = leading_verb_section(text) or ("fixed" if says_fixed(text) else None) \
                or ("improved" if says_improved(text) else section)
        said = text
        text = _drop_english_verb(_drop_verb(text, section), section)
    else:
        text = unnumbered(text)
        said = text
        prefix = _chinese_prefix(text)
        if not explicit:  # the subject's own words: a fix word anywhere, else its earliest verb
            skipped = prefix is not None and _CHINESE_PREFIXES[prefix] == "skip"
            section = "skip" if skipped else verb_section(text) or (
                _CHINESE_PREFIXES[prefix] if prefix else None) or _english_verb(text)
        if prefix is not None:
            section = section or _CHINESE_PREFIXES[prefix]
            # drop the verb: the section heading says it (keep it when nothing follows)
            text = _after_verb(text[len(prefix):]) or text
        else:  # "fix bind-phone bug" under 修复: the section says "fix"
            text = _drop_english_verb(text, section or _english_verb(text))
    if _DEPENDENCY_BUMP.match(text) or text.lower().startswith(("merge ", "merge branch", "merge pull request")) \
            or text.startswith('Revert "'):
        section = "skip"
    cleaned = without_internal(clean(text))
    if not cleaned or _says_nothing(cleaned) or says_no_change(clean(said), typed=explicit) \
            or is_work_in_progress(cleaned) or _ONLY_URL.fullmatch(cleaned):
        return None
    # an explicit type (feat:, 【新增】, ✨) outranks an ambiguous word such as 重构 (rebuilt, or refactored)
    if names_only_tooling(cleaned) or names_only_tooling(clean(said)) or names_developer_work(clean(said)):
        return None  # instrumentation, a release chore, a dependency or a line of code: nothing the user sees
    if section != "skip" and (is_housekeeping(cleaned, typed=explicit) or is_housekeeping(clean(said), typed=explicit)
                              or names_other_platform_only(cleaned)):
        section = "skip"  # nothing the WeChat build shows: a refactor, a deleted folder, an H5 or App change
    cleaned = without_other_platforms(cleaned)  # 微信/支付宝环境判断: the reviewer reads of WeChat only
    return Entry(section or "improved", cleaned, "", vague=is_vague(cleaned), unsaid=section is None)


# The subject GitHub or Gitee writes for an edit in the web page (Update README.md, Create index.js, update
# pages/x/y.vue., Add files via upload, Rename a.js to b.js): a file name and nothing the reviewer could look for.
_DEFAULT_SUBJECT = compiled(r"(?:update|create|delete|add|rename|upload|remove)\s+(?:files?\s+)?(?P<path>\S+?)"
                            r"(?:\s+to\s+\S+?)?\.?|add files via upload|(?:create|delete|update) new file",
                            re.IGNORECASE)
_PATH_LIKE = lazy(r"/|\.[A-Za-z0-9]{1,6}$")


def is_default_subject(text: str) -> bool:
    """Whether a subject is a code host's default for a web edit: ``Update README.md``, ``update pages/x/y.vue.``,
    ``Create <file>``, ``Delete <file>``, ``Add files via upload`` (only the verb and a path: no words of its own)."""
    found = _DEFAULT_SUBJECT.fullmatch(text.strip())
    return found is not None and (found.group("path") is None or _PATH_LIKE.search(found.group("path")) is not None)


# Work in progress: a progress percentage (商品列表30%, 首页完成80%) or a trailing 开发中 / 未完成. A rate the app
# shows (会员折扣50%, 优惠20%) is no progress: the words before it name a price, a share or a size.
_PROGRESS = lazy(r"(?:完成度?|进度|开发了?|已完成)\s*\d{1,3}\s*[%％]$|"
                 r"[(（【\[]?(?:未完成|开发中|进行中|待完善|未测试)[)）】\]]?$")
_BARE_PERCENT = lazy(r"[\u4e00-\u9fffA-Za-z ]{1,10}?\d{1,3}\s*[%％]")
_RATE_WORDS = lazy(r"折|优惠|减|返|佣|率|比|占|费|税|透明|宽|高|大小|缩放|音量|亮度|概率|分成|利润")


def is_work_in_progress(text: str) -> bool:
    """Whether a subject records work in progress rather than a change: ``商品列表30%``, ``首页完成80%``,
    ``个人中心（开发中）``; ``会员折扣50%`` (a rate) and ``新增满减，最高优惠50%`` (a verb) are changes."""
    text = text.strip()
    if _PROGRESS.search(text):
        return True
    return _BARE_PERCENT.fullmatch(text) is not None and verb_section(text) is None \
        and _RATE_WORDS.search(text) is None


def unstamped(text: str) -> str:
    """``text`` without a leading date or version stamp (``2024/12/10--修改…`` → ``修改…``, ``v1.2.0 新增…``)."""
    return _STAMP.sub("", text, count=1)


def _after_verb(text: str) -> str:
    """What follows a leading verb: ``了下拉刷新…`` → ``下拉刷新…``."""
    text = text.lstrip(" ：:、-—")
    return text[1:].lstrip(" ：:、") if text.startswith("了") and len(text) > 3 else text


def _chinese_prefix(text: str) -> str | None:
    lowered = text.lower()
    found = [p for p in _CHINESE_PREFIXES if lowered.startswith(p)]
    return max(found, key=len) if found else None


def _english_verb(text: str) -> Section | None:
    word = re.match(r"[A-Za-z]+", text)
    return _ENGLISH_VERBS.get(word.group(0).lower()) if word else None


def _says_nothing(text: str) -> bool:
    bare = text.strip(" .。!！?？~～-—_:：;；,，'\"`").lower()
    return bare in _NO_CONTENT or len(bare) < 2 or not re.search(r"[^\W\d_]", bare) \
        or _VERSION_ONLY.fullmatch(bare) is not None or is_merge_reference(text)  # mr:feat-x: a merge request


_SECTION_VERBS: dict[str, tuple[str, ...]] = {
    "added": ("新增", "增加", "添加"), "fixed": ("修复", "修正"), "improved": ("优化", "调整", "改进")}


def _drop_verb(text: str, section: Section) -> str:
    """``新增附近自提点地图`` under 新增 reads twice: drop a leading verb that repeats the section."""
    for verb in _SECTION_VERBS.get(section, ()):
        if text.startswith(verb) and len(text) >= len(verb) + 4:
            return text[len(verb):].lstrip(" ：:、")
    return text


def _drop_english_verb(text: str, section: Section | None) -> str:
    """``fix bind-phone bug`` under 修复 and ``售后 bug fixed``: drop a leading or trailing English verb the section
    already says (keep it when little would be left)."""
    lead = re.match(r"([A-Za-z]+)\s+(?=\S)", text)
    if lead and section and _ENGLISH_VERBS.get(lead.group(1).lower()) == section and len(text) - lead.end() >= 3:
        rest = text[lead.end():]  # "Fix crash" → "Crash": the sentence keeps its capital
        text = rest[:1].upper() + rest[1:] if lead.group(1)[:1].isupper() else rest
    tail = re.search(r"\s+(fixed|added)$", text, re.IGNORECASE)
    if tail and section and _ENGLISH_VERBS.get(tail.group(1).lower()) == section and tail.start() >= 2:
        text = text[: tail.start()]
    return text


def _uncoded(message: str) -> str:
    """A subject pasted from code (``note: '…', // 这个为版本描述``) as the sentence it holds; any other unchanged."""
    cut = _CODE_COMMENT.search(message)
    if cut is None or cut.start() == 0:
        return message
    return _CODE_KEY.sub("", message[: cut.start()]).strip(" '\"`,;，；")


_HTML_COMMENT = compiled(r"<!--.*?(?:-->|$)", re.DOTALL)
_HTML_TAG = compiled(r"</?[A-Za-z][^<>]*>|<![^<>]*>")
_MD_IMAGE = compiled(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = compiled(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_MD_STRONG = compiled(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = compiled(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])")
_SKIP_CI = compiled(r"\[(?:skip ci|ci skip|no ci|skip actions|actions skip)\]", re.IGNORECASE)


def clean(text: str) -> str:
    """A reviewer-facing plain-text sentence: HTML (tags, comments, entities) and Markdown (emphasis,
    code, links, headings) reduced to their text, issue references and ``[skip ci]`` dropped, invisible characters
    removed and e-mail addresses masked (:mod:`.pasteable`), whitespace folded, trailing punctuation removed."""
    text = html.unescape(" ".join(text.split()))
    text = _HTML_COMMENT.sub("", text)
    text = _HTML_TAG.sub("", text)
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _REFERENCE_URL.sub("", text)  # an issue's or a commit's link is nothing to paste into the form
    for _ in range(2):  # ***both*** is strong inside emphasis
        text = _MD_STRONG.sub(r"\2", text)
        text = _MD_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    text = text.replace("`", "")
    text = re.sub(r"^(?:#{1,6}|>|[-*+])\s+", "", text)
    text = _SKIP_CI.sub("", text)
    text = _ISSUE_REF.sub("", text)
    text = _GITEE_REF.sub("", text)
    text = re.sub(r"\(\s*\)|（\s*）", "", text)
    text = masked_emails(visible(text))  # pasted into a form: no hidden character, no one's mailbox
    text = mask_app_secrets(text)  # a message may name the AppSecret it rotated: the notes go to review
    return unquoted(" ".join(text.split()).strip(" .。;；,，")).strip(" .。;；,，")


# A link that refers rather than says: an issue, pull request or commit of a code host, or any link the words
# before it point at (详见 https://…, see https://…). A link that is the change itself (分享链接改为 https://…) stays.
_REFERENCE_URL = compiled(
    r"(?:(?:详见|参见|参考|见|see|ref|refs|链接|地址)\s*[:：]?\s*)(?:https?|ftp)://\S+|"
    r"(?:https?://)?(?:[\w-]+\.)*(?:github\.com|gitee\.com|gitlab\.[\w.]+|[\w.-]+)/\S+?/"
    r"(?:-/)?(?:issues|pulls?|merge_requests|commits?)/\w+[^\s)）]*", re.IGNORECASE)
_ONLY_URL = lazy(r"(?:(?:https?|ftp)://|www\.)\S+")
_QUOTES = {"'": "'", '"': '"', "“": "”", "‘": "’", "「": "」", "『": "』"}


def unquoted(text: str) -> str:
    """``text`` without quotes that wrap all of it (``'清理调试文件'``, ``"修复登录"``); a quote inside stays."""
    while len(text) > 2 and _QUOTES.get(text[0]) == text[-1] and text[0] not in text[1:-1] \
            and text[-1] not in text[1:-1]:
        text = text[1:-1].strip()
    return text
