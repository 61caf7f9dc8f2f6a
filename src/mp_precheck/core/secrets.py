"""AppSecrets in text: recognise them, and redact them wherever text leaves the tool.

A Mini Program's AppSecret (32 hexadecimal characters, 开发 → 开发管理 → 开发设置) must stay on the
developer's server: code2Session and getAccessToken take it, and both pages say never to call them from
the client (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html,
https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-access-token/getAccessToken.html).
A report must never repeat one: :func:`redact` keeps the shape (``secret=***``, ``appsecret: "***"``)
and drops the value — of an AppSecret and of any other credential a name or a URL parameter announces (a WeChat
Pay merchant key ``mch_key=``, ``api_key=``, ``password=``, ``token=``, ``key=``, an ``accessKeyId``): a pull request
comment on a public repository is public. The patterns run over text content (a literal, a rendered report), never
over code. Which values are *reported* as a leak is narrower (``secret_params``, ``credential_params``, and a WeChat Pay
merchant key under a name that says so, :func:`is_pay_key_name`, :func:`is_pay_key`).
"""

from __future__ import annotations

import re
from functools import cache

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled

MASK = "***"
# Names a secret is assigned to: appsecret, app_secret, AppSecret, wxSecret, secret, secretKey…
_NAME = r"[\w$-]*secret[\w$-]*"
# `secret=VALUE` in a URL query or a form body (also app_secret=, appsecret=), and `access_token=VALUE`: the
# token getAccessToken returns for the AppSecret, as good as the secret while it lives. A value ends at a
# backslash: in a rendered JSON report (or a JS string) it starts an escape (`\n`, `\"`) that is not part of it.
_PARAM = compiled(r"(?i)((?:^|[?&;\s\"'`(])(?:[a-z_]*secret|access_token)=)([^&#\s\"'`<>)\\]+)")
_APP_SECRET = lazy(r"[0-9a-fA-F]{32}")
_STANDALONE_SECRET = lazy(r"(?<![0-9A-Za-z])[0-9a-fA-F]{32}(?![0-9A-Za-z])")
_SECRET_NAME = lazy(rf"(?i)^(?:{_NAME})$")
# The letters _NAME needs, matched as it matches them, and those a WeChat Pay merchant key's name needs.
_SECRET_WORD = compiled(r"secret|mch|merchant|partner|pay_?(?:sign_?)?key|api_?(?:v3_?)?key|sign_?key", re.IGNORECASE)
# A WeChat Pay merchant key (商户 API 密钥, set in 商户平台 → API安全; 32 letters and digits) is named by
# a pay word before `key` (mchKey, mch_key, partnerKey, payKey, paySignKey, WX_PAY_API_KEY, merchantKey)…
_PAY_KEY_NAME = lazy(r"(?i)^[\w$]*(?:mch|merchant|partner|pay(?:_?sign)?)_?(?:api_?)?(?:v3_?)?key$")
# …or by a generic key name (key, apiKey, api_key, apiV3Key, signKey) in code naming a merchant id beside it.
_GENERIC_KEY_NAME = lazy(r"(?i)^(?:key|api_?(?:v3_?)?key|sign_?key)$")
MERCHANT_ID = lazy(r"(?i)(?<![A-Za-z])(?:sub_?)?(?:mch_?id|merchant_?id|partner_?id)(?![A-Za-z])")
_PAY_KEY = lazy(r"(?=[0-9A-Za-z]*\d)(?=[0-9A-Za-z]*[A-Za-z])[0-9A-Za-z]{32}")
# Another service's credential: long, of a key's alphabet, letters and digits mixed (no word, no template hole).
_CREDENTIAL = lazy(r"(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{16,}")
_PLACEHOLDER = lazy(r"(?i)your|secret|example|xxxx|placeholder|changeme")

# What is masked is wider than what is reported: any URL parameter or assignment a credential's name announces.
# A parameter may be short and generic (`key=`, `ak=`: map and cloud SDK keys ride in query strings); an assigned
# name must say what it holds (`mchKey`, `API_KEY`, `password`), since `key: "home"` and `wx:key="id"` are no keys.
_MASKED_PARAM_NAME = (r"[a-z_]*(?:secret|token)|(?:[a-z]+_)?(?:key|apikey|ak|sk|password|passwd|pwd)"
                      r"|mchkey|accesskey(?:id|secret)?|access_key_(?:id|secret)|sessionkey|privatekey|signkey|partnerkey")
_MASKED_PARAM = lazy(rf"(?i)((?:^|[?&;\s\"'`(])(?:{_MASKED_PARAM_NAME})=)([^&#\s\"'`<>)\\]+)")
_MASKED_NAME = (r"[\w$-]*(?:secret|token|password|passwd|api_?key|mch_?key|access_?key(?:_?id)?|private_?key"
                r"|sign_?key|partner_?key|session_?key|pay_?key|merchant_?key|api_?v3_?key)[\w$-]*")
# An unquoted value masked after a name: 8 or more word characters mixing letters and digits, as keys do.
_KEY_SHAPED = r"(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{8,}"
# The letters a masked name or parameter needs: a text without them (most literals) is returned as it is.
_MAY_HOLD = compiled(r"(?i)secret|token|key|pass|pwd|ak=|sk=")


@cache
def _assigned() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`appsecret: "VALUE"`, `"mch_key": 'VALUE'`, `API_KEY = "VALUE"` (JS, JSON, YAML, .env-like); and the
    same without quotes (`appsecret: VALUE` in a commit message, YAML or .env): a value of 8 or more word
    characters mixing letters and digits, as keys do, so prose (`token: refreshing…`) keeps its words. Compiled
    when a text first names a credential."""
    return (compiled(rf"(?i)((?:{_MASKED_NAME})[\"']?\s*[:=]\s*[\"'`])([^\"'`\s]+)([\"'`])"),
            compiled(rf"(?i)((?:{_MASKED_NAME})\s*[:=]\s*)(?![\"'`*])({_KEY_SHAPED})"))


def redact(text: str) -> str:
    """``text`` with every secret value replaced by ``***`` (names, quotes and separators kept).

    Input: any text (a literal, a finding's value, a rendered report). Output: the same text, values after a
    credential's URL parameter (``secret=``, ``access_token=``, ``mch_key=``, ``key=``, ``password=``…) and after
    a name that says it holds a credential (``appsecret: "…"``, ``API_KEY = '…'``, ``appsecret: …`` unquoted)
    masked. Never raises.
    """
    if _MAY_HOLD.search(text) is None:
        return text
    text = _MASKED_PARAM.sub(lambda m: m.group(1) + MASK if m.group(2) != MASK else m.group(0), text)
    assigned, bare = _assigned()
    text = assigned.sub(lambda m: m.group(1) + MASK + m.group(3), text)
    return bare.sub(lambda m: m.group(1) + MASK, text)


def mask_app_secrets(prose: str) -> str:
    """``prose`` (a commit message, a pull request title: words a person wrote, never code or a rendered report,
    whose fingerprints are hexadecimal too) with :func:`redact` applied and every standalone run of 32 hexadecimal
    characters — an AppSecret's form, named or not (``更换密钥 3f…``, ``rotate appSecret: … and …``) — replaced by
    ``***``. Never raises."""
    return _STANDALONE_SECRET.sub(MASK, redact(prose))


def is_app_secret(value: str) -> bool:
    """Whether ``value`` has the form of an AppSecret (32 hex characters); a placeholder has not."""
    return bool(_APP_SECRET.fullmatch(value))


def is_secret_name(name: str) -> bool:
    """Whether an identifier or key names a secret (``appSecret``, ``app_secret``, ``SECRET``)."""
    return bool(_SECRET_NAME.match(name.strip("'\"`")))


def may_name_secret(text: str) -> bool:
    """Whether ``text`` (a whole script) spells ``secret`` as :func:`is_secret_name` reads it (any case, ``ſ``
    too), or a word a merchant key's name or its merchant id needs (``mch``, ``partner``, ``payKey``, ``apiKey``…,
    :func:`is_pay_key_name`): a script that does not holds no secret's name, and its names need not be read."""
    return _SECRET_WORD.search(text) is not None


def is_pay_key_name(name: str) -> str | None:
    """Whether an identifier or key (quotes stripped) names a WeChat Pay merchant key: ``"pay"`` for a name that
    says so by itself (``mchKey``, ``partner_key``, ``payKey``, ``paySignKey``), ``"generic"`` for a key name that
    does only beside a merchant id (``key``, ``apiKey``, ``api_key``, ``signKey``), None for any other name."""
    name = name.strip("'\"`")
    return "pay" if _PAY_KEY_NAME.match(name) else "generic" if _GENERIC_KEY_NAME.match(name) else None


def is_pay_key(value: str) -> bool:
    """Whether ``value`` has the form of a WeChat Pay merchant key: 32 letters and digits, mixing both, with no
    placeholder's word (``your…``, ``xxxx``, ``example``) and not a few characters repeated."""
    return bool(_PAY_KEY.fullmatch(value)) and not _PLACEHOLDER.search(value) and len(set(value.lower())) > 8


def secret_params(text: str) -> list[str]:
    """The values of ``secret=`` parameters in ``text`` that look like a real AppSecret."""
    return [m.group(2) for m in _PARAM.finditer(text) if is_app_secret(m.group(2))]


def credential_params(text: str) -> list[str]:
    """The values of ``…secret=`` parameters in ``text`` that are no AppSecret but look like a real credential of
    another service (an OAuth ``client_secret=Ab3…``): 16 or more letters, digits, ``_`` or ``-``, mixing letters
    and digits. A template hole (``${secret}``), a placeholder (``YOUR_CLIENT_SECRET``) and the masked ``***``
    are not."""
    return [value for m in _PARAM.finditer(text) if (value := m.group(2)) != MASK and not is_app_secret(value)
            and _CREDENTIAL.fullmatch(value) and not _PLACEHOLDER.search(value)]
