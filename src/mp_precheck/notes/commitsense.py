"""What a commit subject tells a WeChat reviewer: its section from a gitmoji, an emoji or a Chinese verb,
and whether it is a line the reviewer cannot see at all.

The reviewer of 提交审核 sees the version notes beside a running Mini Program. A line belongs there when
it describes something the WeChat build shows; housekeeping (a deleted folder, a rename, a refactor,
formatting, debugging), a change for another platform (a uni-app H5 or App fix, an Alipay adaptation, a
Taro React Native change) and tooling are left out. Subjects too vague to name anything (细节优化, 部分流程,
修改了几个已知的bug) are kept but marked, so the notes fold them into one honest line.

Gitmoji follow https://gitmoji.dev; shortcodes (``:sparkles:``) are turned into emoji with the ``emoji``
library, so ``:sparkles:`` and ✨ mean the same and neither reaches the reviewer.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.notes.devlines import chinese_unseen_words, english_filler, names_no_feature, other_platform_names

# Where a change goes in the notes; "skip" leaves it out. Defined here, below the messages that use it.
Section = Literal["added", "improved", "fixed", "skip"]

# gitmoji.dev, by what the reviewer of a Mini Program sees of it.
_GITMOJI: dict[str, Section] = {
    **dict.fromkeys("✨🎉", "added"),
    **dict.fromkeys(("🐛", "🚑", "🩹", "🔒", "✏", "🥅", "👽"),
                    "fixed"),
    **dict.fromkeys(("⚡", "💄", "♿", "🚸", "💫", "📱", "🌐", "💬", "🛂", "🦺", "✈", "🦖", "👔", "🚩",
                     "💥", "🍱"), "improved"),
    **dict.fromkeys(("♻", "🎨", "🔥", "🚚", "🏷", "📝", "🔖", "🚨", "🚧", "💚", "✅", "👷", "⬆", "⬇", "📌", "➕",
                     "➖", "🔧", "🔨", "⏪", "🔀", "📦", "🙈", "📸", "⚗", "🔍", "🔎", "💡", "🍻", "🗃", "🔊", "🔇",
                     "👥", "🏗", "🤡", "🥚", "🗑", "⚰", "🧪", "🧑‍💻", "💸", "🧵", "📄", "🔐", "🌱", "🧐", "🩺",
                     "🧱", "💩", "📈", "🔗"), "skip"),
}

# Chinese verbs by section, as commit subjects use them (anywhere in the subject, the earliest wins).
ADDED_VERBS = ("新增", "增加", "添加", "支持", "新功能", "上线", "接入", "加入", "引入")
IMPROVED_VERBS = ("优化", "调整", "改为", "改成", "改进", "完善", "美化", "提升", "更新", "兼容", "修改", "升级",
                  "改版", "简化")
FIXED_VERBS = ("修复", "修正", "解决", "修bug", "修改bug", "fix")
# Words that make a subject a fix wherever they stand (…定位bug…, 闪退).
_FIX_WORDS = compiled(r"bug|报错|闪退|崩溃|白屏|错乱|异常(?!处理)", re.IGNORECASE)

# Work the running Mini Program does not show (refactors, renames, deleted folders, tooling, debugging).
_HOUSEKEEPING = lazy(
    r"重构|代码(?:整理|格式|规范|清理|优化|调整|结构)|整理代码|格式化|文件夹|目录(?:结构|调整|改名|重命名|移动|整理)|"
    r"(?:删除|移动|调整|修改|改名|重命名).{0,12}?目录|命名规范|规范(?:化)?命名|sourcemap|代码压缩|文件(?:调整|改名|重命名|移动|整理)|"
    r"改名|重命名|注释|eslint|prettier|stylelint|lint|typescript|类型(?:定义|声明|检查|修复)|tsconfig|\.gitignore|readme|"
    r"依赖|版本号|调试|debug|console|日志|工作区|vs ?code|脚手架|构建|打包|编译|(?<![a-z])ci(?![a-z])|"
    r"框架搭建|搭建(?:框架|项目|工程)|"
    r"单元测试|测试用例|"
    # a function named by what it decides for the user (教师账号判断函数) is behaviour, not code layout
    r"(?<!判断|校验|验证|检测|识别|计算)(?:函数|方法)(?![^，,；;]*(?:页|按钮|弹窗|入口|展示|显示))|"
    r"(?:组件化|工具类|封装|抽取|抽离|提取|拆分)(?![^，,；;]*(?:页|按钮|弹窗|入口|展示|显示))|"
    r"意外提交|误提交|删除(?:了)?(?:旧|无用|多余|一些|部分)?.{0,12}?(?:文件|页面|代码|目录|文件夹)|"
    r"清理.{0,12}?(?:文件|代码|目录|文件夹)",
    re.IGNORECASE)

# 重构 followed closely by what only developers see: a refactor, whatever type its commit claims.
_CODE_REFACTOR = lazy(r"重构.{0,6}?(?:代码|逻辑|模块|结构|架构|函数|方法|接口|组件|工具|封装|请求|存储|状态|"
                      r"store|api|utils?|hooks?|types?)", re.IGNORECASE)

# Names of the platforms a uni-app, Taro or mpx app also builds for (their Mini Programs: ``other_platforms`` of
# templates/notes_lines.yml, 阿里小程序 being 支付宝's); a subject naming only them changes nothing WeChat builds.
_SUFFIX = "(?:小程序|端|版|平台)"


@cache
def _other_platform() -> re.Pattern[str]:
    bare, suffixed = other_platform_names()
    return compiled(
        "|".join(map(re.escape, bare)) + "|(?:" + "|".join(map(re.escape, suffixed)) + f"){_SUFFIX}|"
        r"快应用|鸿蒙|harmony|"
        r"(?<![A-Za-z])(?:H5|h5|APP|App|app|RN|Android|android|安卓|web|Web|PC|pc)(?:端|版|平台)|"
        r"(?<![A-Za-z])(?:H5|APP|RN|React Native|react-native|alipay|Alipay|swan|tt|nvue)(?![A-Za-z])|"
        r"(?<![A-Za-z0-9])h5(?![A-Za-z0-9])")


@cache
def _wechat() -> re.Pattern[str]:
    """小程序 alone is the Mini Program being submitted; 支付宝小程序, 阿里小程序… are other platforms'."""
    bare, suffixed = other_platform_names()
    behind = "".join(f"(?<!{re.escape(n)})" for n in (*bare, *suffixed, "qq"))
    return compiled(r"微信|weixin|wechat|weapp|mp-weixin|web-?view|内嵌|" + behind + "小程序", re.IGNORECASE)


@cache
def _platform_list() -> re.Pattern[str]:
    """A list of platforms (微信/支付宝, H5、App和小程序, 阿里和微信小程序): the names with their 端/版/平台, and what
    joins them."""
    bare, suffixed = other_platform_names()
    named = "|".join(f"{re.escape(n)}(?:小程序)?" for n in (*bare, *suffixed))
    name = (rf"(?:微信小程序|微信|小程序|{named}|H5|h5|APP|App|app|安卓|Android|iOS|ios|鸿蒙)(?:端|版|平台)?")
    return compiled(rf"(?<![A-Za-z0-9]){name}(?:\s*(?:/|、|,|，|和|与|及|&|＆|\+)\s*{name})+(?![A-Za-z0-9])")


_PLATFORM_SPLIT = lazy(r"\s*(?:/|、|,|，|和|与|及|&|＆|\+)\s*")

# Words that name nothing a reviewer could look for; a subject made only of them (and verbs) is vague.
_VAGUE_WORDS = ("已知的", "已知", "若干", "一些", "部分", "部份", "几个", "几处", "多个", "多处", "细节", "小问题",
                "问题", "bugs", "bug", "流程", "功能", "逻辑", "代码", "页面", "样式", "体验", "内容", "显示",
                "处理", "判断", "参数", "文件", "数据", "交互", "其他", "其它", "一下", "相关", "等", "小", "的",
                "了", "和", "及", "点", "些", "处", "项", "方面", "整体",
                # who asked for the change, not what it is (根据PR修改部分问题, 按评审意见调整)
                "根据", "按照", "pr", "cr", "review", "评审", "意见")
# What a subject that starts by changing something (修改…) names as broken: a 问题, an 错误 that ends a clause, or a
# case it mishandled (…为空的情况).
_FIXED_THING = lazy(r"问题|错误(?=$|[\s，,；;。！!)）])|的情况(?=$|[\s，,；;。])")
# Verbs that change something, any of which may start a subject that names a problem it fixes (修订…的问题).
_CHANGING = ("修改", "修订", "处理", "解决", "修复")
_VAGUE_VERBS = (*FIXED_VERBS, *IMPROVED_VERBS, *ADDED_VERBS, "修改", "更改", "改动", "处理", "修订")


def plain_text(text: str) -> bool:
    """Whether ``text`` can hold no emoji and no shortcode: no ``:`` and only ASCII below ``©``, CJK
    ideographs, CJK punctuation and fullwidth forms, none of which any emoji is made of alone."""
    return ":" not in text and all(ord(c) < 0xA9 or 0x4E00 <= ord(c) <= 0x9FFF or 0x3001 <= ord(c) <= 0x3011
                                   or 0xFF01 <= ord(c) <= 0xFF5E for c in text)


_SHORTCODE = lazy(r"(?<![\w:]):[a-z0-9_+-]+:(?![\w:])")


def leading_gitmoji(text: str) -> tuple[Section | None, str]:
    """The section of a leading gitmoji or emoji (``:bug:``, 🐛) and the text without any emoji or
    shortcode; (None, text without emoji) when the subject does not start with one."""
    if plain_text(text):
        return None, " ".join(text.split())  # most subjects: the emoji tables (~0.1 s to load) are not needed
    import emoji

    converted = emoji.emojize(text, language="alias")
    found = emoji.emoji_list(converted)
    section: Section | None = None
    if found and not converted[: found[0]["match_start"]].strip():
        section = _GITMOJI.get(found[0]["emoji"].replace("\ufe0f", ""))
    stripped = emoji.replace_emoji(converted, "")
    stripped = _SHORTCODE.sub("", stripped)  # shortcodes no library knows
    return section, " ".join(stripped.split())


def verb_section(text: str) -> Section | None:
    """The section a Chinese subject's own words give: a fix word anywhere (bug, 报错, 闪退), else the
    earliest verb of :data:`ADDED_VERBS`, :data:`IMPROVED_VERBS` or :data:`FIXED_VERBS`; None without one."""
    lowered = text.lower()
    positions: list[tuple[int, Section]] = []
    groups: tuple[tuple[tuple[str, ...], Section], ...] = (
        (FIXED_VERBS, "fixed"), (ADDED_VERBS, "added"), (IMPROVED_VERBS, "improved"))
    for verbs, section in groups:
        for verb in verbs:
            at = lowered.find(verb)
            if at != -1:
                positions.append((at, section))
    if _FIX_WORDS.search(text) or says_fixed(text):
        return "fixed"  # "修改子表单回显问题", "修改下单金额错误" fix a problem; "修改错误提示文案" rewords a message
    return min(positions)[1] if positions else None


def says_fixed(text: str) -> bool:
    """Whether a subject starts by changing something and names what was broken (``修订地址不会自动选择的问题``,
    ``修改下单金额错误``, ``修订优惠类别为空的情况``); ``修改错误提示文案`` rewords a message."""
    return text.lower().startswith(_CHANGING) and _FIXED_THING.search(text) is not None


# Words for the team's own process, never for the reviewer: the environment a build points at (测试环境), changes
# made for review (适应审核要求, 为了过审), merges of branches.
_INTERNAL = lazy(r"(?:测试|开发|预发|正式|生产|线上)环境|审核要求|(?<!通)过审|"
                 r"(?:适应|配合|应对)(?:微信)?(?:小程序)?审核|分支合并|合并分支")
_CLAUSE = lazy(r"[，,；;。、]")


def without_internal(text: str) -> str:
    """``text`` without the clauses that speak of the team's process (:data:`_INTERNAL`): ''  when nothing else is
    left (``修订至测试环境``)."""
    if _INTERNAL.search(text) is None:
        return text
    kept = [c for c in _CLAUSE.split(text) if c.strip() and _INTERNAL.search(c) is None]
    return "，".join(c.strip() for c in kept)


# A verb that starts a line, whatever section it files the line under: the line already says what it did.
_LEADING_VERB = lazy(r"^(?:新增|增加|添加|支持|上线|接入|加入|引入|优化|调整|改为|改成|改进|完善|美化|提升|更新|兼容|"
                     r"修改|升级|改版|简化|修复|修正|修订|解决|处理|完成|删除|去除|去掉|移除|取消|恢复|统一|改造|替换|"
                     r"更换|隐藏|关闭|开启|限制)")


def starts_with_verb(text: str) -> bool:
    """Whether a Chinese line starts with a verb (``修订赠送券描述``, ``简化搜索栏参数``)."""
    return _LEADING_VERB.match(text) is not None


def leading_verb_section(text: str) -> Section | None:
    """The section of a Chinese verb the subject starts with (``优化小程序登录`` → improved)."""
    groups: tuple[tuple[tuple[str, ...], Section], ...] = (
        (FIXED_VERBS, "fixed"), (ADDED_VERBS, "added"), (IMPROVED_VERBS, "improved"))
    for verbs, section in groups:
        if text.lower().startswith(verbs):
            return section
    return None


def is_housekeeping(text: str, typed: bool = False) -> bool:
    """Whether the subject describes work the running Mini Program does not show (a refactor, a rename,
    a deleted folder, code comments, lint, types, debugging, build tooling). ``typed``: its author marked it
    a feature, fix or improvement (``feat: 重构首页布局``); then 重构 alone is a rebuilt feature the user
    sees, and only a refactor naming code (重构请求模块) is housekeeping."""
    for found in _HOUSEKEEPING.finditer(text):
        if typed and found.group(0) == "重构" and _CODE_REFACTOR.search(text) is None:
            continue
        return True
    return False


# Version-control work with nothing in it for a reviewer: a merge conflict resolved (not a time or booking
# conflict the app shows: 冲突 right after the verb or a code word), a commit that says it changes nothing, a push.
_NO_CHANGE = lazy(
    r"(?:解决|修复|处理|修改)了?(?:合并|代码|git|分支)?冲突|(?:合并|代码|git|分支)冲突|^(?:再次)?冲突|"
    r"(?:merge|resolved?|fix(?:ed)?)\s+(?:merge\s+)?conflicts?|"
    r"(?:无|没有)任何(?:改动|修改|变化|更改|变动)|没有(?:改动|修改|变化)|空提交|"
    r"no changes|nothing changed|empty commit|"
    r"(?:强制|force[\s-]*)push|git\s*(?:push|pull|merge|rebase|reset)|(?:远程|本地)仓库",
    re.IGNORECASE)
# Verbs and filler that say a file was touched, not what changed (更新json, config同步, Update app.json).
_TOUCHED = lazy(r"更新了?|修改了?|同步|提交|上传|完成|文件|^新(?=[A-Za-z])|的|"
                r"(?<![A-Za-z])(?:update[sd]?|sync|modif(?:y|ied)|changed?)(?![A-Za-z])", re.IGNORECASE)
_FILE_NAME = lazy(r"[\w-]+(?:\.[A-Za-z0-9]+)+")
_FILE_KINDS = frozenset({"json", "js", "ts", "wxml", "wxss", "wxs", "css", "scss", "less", "html", "vue", "config"})


_LIST_SEPARATORS = lazy(r"[\s、,，/\\|&+]+")
_BARE_NAME = lazy(r"[A-Za-z][A-Za-z0-9_-]*")


def says_no_change(text: str, typed: bool = False) -> bool:
    """Whether a subject records version-control work rather than a change (a merge conflict resolved, "无任何改动",
    a force push) or, without a type (``typed``: ``feat:``, 【新增】, a gitmoji), names only what it touched: one
    bare word (``jason``, ``新json``) or files and file kinds (``json、js修改``, ``config.json同步``); or it names
    nothing a user sees (:func:`names_nothing_seen`)."""
    if _NO_CHANGE.search(text) is not None or names_nothing_seen(text, typed):
        return True
    if typed:
        return False
    words = [w for w in _LIST_SEPARATORS.split(_TOUCHED.sub(" ", text)) if w]
    if len(words) == 1 and _BARE_NAME.fullmatch(words[0]):
        return True
    return bool(words) and all(w.lower() in _FILE_KINDS or _FILE_NAME.fullmatch(w) for w in words)


# Instrumentation, telemetry and release chores: what the team measures or merges, nothing the user sees. 上报 and
# 监控 only as the team's (数据上报, 性能监控, a bare 去除上报): 问题上报 or 视频监控 are features users use.
_INSTRUMENTATION = lazy(
    r"埋点|(?:数据|日志|错误|异常|性能|测速|速度|统计|埋点|监控)上报|上报(?:日志|错误|异常|性能|测速|速度|统计)|"
    r"^(?:去除|去掉|删除|移除|添加|增加|关闭|开启|取消)?上报$|(?:性能|错误|异常|前端|接口)监控|"
    r"监控(?:埋点|上报|日志|sdk|代码|告警)|版本合并|合并(?:版本|分支|代码|releases?|master|dev(?:elop)?)",
    re.IGNORECASE)
# Words of an English subject that name only the team's tools and chores (telemetry, logs, releases, formatting) or
# nothing at all (bug fixed); a subject made only of them, fillers and stage ids (T1, T2) says nothing to a reviewer.
_TOOL_WORDS = frozenset({
    "report", "reports", "reporting", "speed", "log", "logs", "logging", "aegis", "sentry", "monitor", "monitoring",
    "telemetry", "analytics", "tracking", "trace", "mp", "release", "releases", "merge", "merged", "code", "format",
    "formatting", "lint", "trigger", "once", "only", "custom", "static", "open", "delete", "deleted", "remove", "add",
    "added", "bug", "bugs", "fix", "fixed", "some", "page", "pages", "scss", "css", "less", "sass", "and", "the", "a",
    "an", "of", "for", "to", "in", "on", "with", "dependency", "dependencies", "deps",
    # documentation and tests: the team's, never shipped (doc test, add unit tests)
    "doc", "docs", "documentation", "test", "tests", "testing", "unit", "spec", "specs", "e2e", "coverage",
    "typo", "typos"})


_NOT_ASCII = lazy(r"[^\x00-\x7f]")
_TOOL_TOKENS = lazy(r"[A-Za-z]+\d*|\d+")
_LETTER_NUMBER = lazy(r"[A-Za-z]\d+")


def names_only_tooling(text: str) -> bool:
    """Whether a subject names only instrumentation or release chores (埋点, 数据上报, 性能监控, 版本合并) or, in
    English, only a developer tool's words and fillers (``mp release``, ``code format``, ``report speed``,
    ``bug fixed``): nothing the running Mini Program shows."""
    if _INSTRUMENTATION.search(text):
        return True
    if _NOT_ASCII.search(text):
        return False
    words = _TOOL_TOKENS.findall(text)
    filler = english_filler()
    return bool(words) and all(w.lower() in _TOOL_WORDS or w.lower() in filler or _LETTER_NUMBER.fullmatch(w)
                               for w in words)


# The team working on something (…开发, …联调, …对接): its work, not what the version gives the user.
_TEAM_WORK = lazy(r"[\u4e00-\u9fffA-Za-z](?:开发|联调|对接)$")


def names_nothing_seen(text: str, typed: bool = False) -> bool:
    """Whether a Chinese subject names nothing a user of the app sees: the team's work on something (``会员卡开发``),
    or nothing left once verbs, vague words and :func:`.devlines.chinese_unseen_words` (随便, 大, 后台…) are taken
    out and one of the latter was there (``随手改改``, ``大改动``, ``后台``), whatever type it has; ``细节优化``
    stays the honest vague line. ``typed`` (``feat: 会员卡开发``): its author calls the work a feature, which it
    names."""
    if not re.search(r"[\u4e00-\u9fff]", text):
        return False
    if not typed and _TEAM_WORK.search(text):
        return True
    rest = text.lower()
    for word in sorted((*_VAGUE_VERBS, *_VAGUE_WORDS), key=len, reverse=True):
        rest = rest.replace(word.lower(), " ")
    unseen = [word for word in chinese_unseen_words() if word in rest]  # 修改了几个bug: vague, none of these
    for word in sorted(unseen, key=len, reverse=True):
        rest = rest.replace(word, " ")
    return bool(unseen) and not re.search(r"[^\W\d_]", rest)


def says_improved(text: str) -> bool:
    """Whether a subject says it optimises something (``页面优化``, ``改进提示``) as its own first verb: filed under
    优化 whatever type its author gave it; a fix word or an earlier 新增 keeps its section."""
    return verb_section(text) == "improved" and any(word in text for word in ("优化", "改进"))


def names_other_platform_only(text: str) -> bool:
    """Whether the subject names another platform (H5, App, Alipay, React Native…) and not WeChat or the Mini
    Program (小程序): such a line is left out of WeChat's notes; one that names both is kept
    (:func:`without_other_platforms` takes the other names out)."""
    return _other_platform().search(text) is not None and _wechat().search(text) is None


def without_other_platforms(text: str) -> str:
    """``text`` with other platforms' names taken out of a list of platforms that names WeChat or the Mini Program
    (``微信/支付宝环境判断`` → ``微信环境判断``, ``H5和小程序分享`` → ``小程序分享``): the line concerns the Mini
    Program, and the notes are read by WeChat's reviewer, who has no use for the other platforms. A mention outside
    such a list (``小程序跳转支付宝``) says what the Mini Program does and is kept."""
    def keep_wechat(found: re.Match[str]) -> str:
        names = [n for n in _PLATFORM_SPLIT.split(found.group(0)) if n]
        wechat = [n for n in names
                  if _wechat().fullmatch(n) or (_wechat().match(n) and not _other_platform().search(n))]
        return "/".join(wechat) if wechat else found.group(0)
    return _platform_list().sub(keep_wechat, text)


_LETTER = lazy(r"[^\W\d_]")


def is_vague(text: str) -> bool:
    """Whether nothing is left of the subject once verbs and words that name nothing (部分, 细节, 已知,
    问题, 流程…) are removed: ``细节优化``, ``部分流程``, ``修改了几个已知的bug``; or it is one English word that names
    no feature (:func:`.devlines.names_no_feature`)."""
    if names_no_feature(text):  # one English word naming no feature (adapt, style, Samples); darkmode names one
        return True
    rest = text.lower()
    for word in sorted((*_VAGUE_VERBS, *_VAGUE_WORDS), key=len, reverse=True):
        rest = rest.replace(word.lower(), " ")
    return not _LETTER.search(rest)
