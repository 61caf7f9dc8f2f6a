"""What of a commit's line may be pasted into 提交审核's 版本描述: the form keeps whatever it is given, and the reviewer
reads it as the version's account of itself.

- An e-mail address names someone's mailbox (an author's, a contact's): its local part is masked (``***@host``).
- A line that admits the work is unfinished (``未完成``, ``待对接后端``, ``暂未实现``, ``字段未对齐``, ``TODO``) is no
  change to submit: review tests what the version does, and a feature the notes say does not work yet is a
  version "功能不完整" (运营规范 2.1, https://developers.weixin.qq.com/miniprogram/product/index.html). The notes
  leave it out and tell the team (:func:`admits_unfinished`).
- Invisible characters are taken out by :func:`mp_precheck.outputs.escape.visible`.
"""

from __future__ import annotations

from mp_precheck.core.lazyre import lazy
from mp_precheck.outputs.escape import visible

__all__ = ["admits_unfinished", "masked_emails", "visible"]

_EMAIL = lazy(r"(?<![\w.%+-])[A-Za-z0-9][\w.%+-]*@(?=[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})")

# Words a line uses to say the change does not work yet. 未完成 only where it ends a clause (积分商城未完成): 未完成订单
# names the app's unfinished orders. A fix of something that showed wrong (修复…无法正确显示) is a change.
_UNFINISHED = lazy(
    r"未完成(?=$|[\s，,；;。.！!）)】\]])|(?:待|需|需要|还需|尚需|仍需|后续)(?:与|和)?(?:后端|后台|服务端|接口)?(?:对接|联调)|"
    r"(?:暂|尚|还|仍)(?:未|没有?)(?:实现|完成|对接|联调|开发|接入|上线)|(?:待|需|需要|还需|尚需|后续)(?:完善|实现|开发|补充)|"
    r"(?:基本|初步|部分)(?:实现|完成)|(?:字段|数据|接口)(?:还|尚|暂)?未对齐|(?:为|是|用)(?:模板|假|模拟|mock)数据|"
    r"(?<![A-Za-z])(?:TODO|WIP|FIXME|TBD)(?![A-Za-z])|(?<![A-Za-z])todo\s*[:：]")


def masked_emails(text: str) -> str:
    """``text`` with each e-mail address's local part masked (``联系邮箱改为 ***@example.com``)."""
    return _EMAIL.sub("***@", text)


def admits_unfinished(text: str) -> bool:
    """Whether a notes line says the work is not done (``认证界面完成，需对接后端接口``, ``评分功能前端基本实现``,
    ``TODO: 分享海报``): not a change to tell the reviewer. ``修复未完成订单不显示``, ``修复分数无法正确显示`` are."""
    return _UNFINISHED.search(text) is not None
