"""Tipping and donation wording, and the payment codes such a feature shows (``checks/tipping.yml``).

A Mini Program that asks its users for money for the developer or the author — 打赏, 赞赏, 赞助, 捐赠, 请作者喝杯
咖啡, donate, sponsor — offers tipping, which WeChat takes only through its own 小程序赞赏组件 for personal accounts
(https://developers.weixin.qq.com/miniprogram/dev/framework/reward-component.html), through Mini Program payment
otherwise (https://pay.weixin.qq.com/wiki/doc/api/wxa/wxa_api.php?chapter=7_3&index=1), tips being virtual goods
(https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/virtual-payment.html).
A sponsor named (赞助商) offers nothing, and a like (点赞, 赞) is no tip.

A page takes such money outside Mini Payment when it shows a payment or reward code to be scanned: an image whose
file name names one (``pay_code.jpg``, ``收款码.png``, ``zanshangma.png``), or a QR code the page lets users
long-press or preview. A code named for an Official Account, a Mini Program code, customer service or a group is one
to follow or join.

In: a piece of UI text; an image's path or URL. Out: whether the text offers tipping; whether the image's file name
names a payment code, a QR code, an account's code. Never raises.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from mp_precheck.core.catalog import validated
from mp_precheck.core.recache import compiled
from mp_precheck.core.resources import data_dir

TABLE = "tipping.yml"
SCHEMA = "tipping.schema.json"
_SEPARATOR = r"[-_ .]?"  # pay_code, pay-code, payCode (lower-cased), 收款码


class TippingDataError(ValueError):
    """``checks/tipping.yml`` does not match its schema (a packaging bug, not user input)."""


def check_tipping() -> None:
    """Check the shipped table against its schema (the test suite does).

    Raises:
        TippingDataError: the table does not match, naming the file and the key path.
    """
    validated(data_dir("checks") / TABLE, SCHEMA, TippingDataError)


@cache
def _table() -> dict[str, tuple[str, ...]]:
    data: Any = validated(data_dir("checks") / TABLE, SCHEMA, check=False)
    return {key: tuple(data[key]) for key in ("offers", "offers_en", "not_after", "code_owners", "code_words",
                                              "qr_words", "account_words")}


def _any_of(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@cache
def tip_offer() -> re.Pattern[str]:
    """The pattern of a text offering to tip or donate (``offers`` of the shipped table, ``offers_en`` as whole
    words of a sentence in any case, never a part of a path or a name: ``/pages/donation/index``, ``donate_btn``),
    never followed by what makes it a name (``not_after``: 赞助商)."""
    table = _table()
    named = "".join(f"(?!{re.escape(w)})" for w in table["not_after"])
    parts = [_any_of(table["offers"]) + named]
    if table["offers_en"]:
        english = "|".join(r"\s+".join(re.escape(w) for w in phrase.split()) for phrase in table["offers_en"])
        # a whole word of a sentence, not a part of a path, a name or an identifier (/pages/donation/index)
        parts.append(rf"(?<![\w/.-])(?:{english})(?![\w/-]|\.\w)")
    return compiled("|".join(parts), re.IGNORECASE)


def offers_tip(text: str) -> bool:
    """Whether the UI ``text`` offers to tip or donate (:func:`tip_offer`)."""
    return bool(text) and tip_offer().search(text) is not None


def _file_stem(reference: str) -> str:
    """The lower-cased file name without its suffix of an image's path or URL (``/img/Pay_Code.JPG?v=1`` →
    ``pay_code``); '' when it has none."""
    try:
        path = urlsplit(reference.strip()).path if "://" in reference else reference.split("?", 1)[0]
    except ValueError:
        return ""
    return posixpath.splitext(posixpath.basename(path.split("#", 1)[0]))[0].lower()


@cache
def _code_name() -> re.Pattern[str]:
    table = _table()
    return compiled(f"{_any_of(table['code_owners'])}{_SEPARATOR}{_any_of(table['code_words'])}(?![a-z])")


def names_pay_code(reference: str) -> bool:
    """Whether the image at ``reference`` (a path or a URL) is named as a payment or reward code (``pay_code.jpg``,
    ``收款码.png``, ``zanshangma.png``) and not as an account's code (:func:`names_account_code`)."""
    stem = _file_stem(reference)
    return bool(stem) and _code_name().search(stem) is not None and not names_account_code(reference)


def names_qr_code(reference: str) -> bool:
    """Whether the image at ``reference`` is named as a QR code (``qrcode.png``, ``erweima.jpg``) and not as an
    account's code (:func:`names_account_code`)."""
    stem = _file_stem(reference)
    return any(w in stem for w in _table()["qr_words"]) and not names_account_code(reference)


def names_account_code(reference: str) -> bool:
    """Whether the image at ``reference`` is named for an Official Account, a Mini Program code, customer service
    or a group (``gzh_qrcode.jpg``, ``kefu.png``): a code to follow or to join, no payment."""
    stem = _file_stem(reference)
    return any(w in stem for w in _table()["account_words"])


def tip_needles() -> tuple[str, ...]:
    """Fixed strings ``git grep`` looks for to find files that may offer tipping: the table's words, the English
    ones lower-case and capitalised (every match of :func:`tip_offer` but a shouted English word holds one)."""
    table = _table()
    english = tuple(w.split()[0] for w in table["offers_en"])
    return tuple(dict.fromkeys((*table["offers"], *english, *(w.capitalize() for w in english))))
