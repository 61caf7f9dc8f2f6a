"""Names of a "we are under review" switch in a script (``isInReview``, ``IS_AUDIT_MODE``, ``shenhe``): code
that shows reviewers something other than what users get (OPS2018 5.14,
https://developers.weixin.qq.com/miniprogram/product/reject.html). An order's or refund's ``auditStatus`` is
not one.
"""

from __future__ import annotations

import re

REVIEW_FLAG = re.compile(r"(?:is|in)_?(?:wx_?)?(?:review|audit)(?:ing|_?mode)?|(?:review|audit)_?(?:mode|switch)|"
                         r"isInReview|shenhe(?:_?mode)?", re.IGNORECASE)


def may_name_review_flag(source: str) -> bool:
    """Whether :data:`REVIEW_FLAG` can match in ``source``; False saves scanning a file with it (~1 ms a file).

    Every name it matches spells review, audit or shenhe in some case, so a substring test of the lower-cased
    text decides, exactly, unless the text holds one of the non-ASCII letters ``re.IGNORECASE`` equates with
    ``i`` or ``s`` (İ ı ſ): then the answer is True and the pattern decides.
    """
    if "\u0130" in source or "\u0131" in source or "\u017f" in source:
        return True
    lowered = source.lower()
    return "review" in lowered or "audit" in lowered or "shenhe" in lowered
