"""The admin-backend settings a change requires before submission, derived from its findings.

What no peer tool gives: not "there is a risk", but "add h5.example.com to 业务域名" and "declare 位置信息
in 用户隐私保护指引" — the exact backend menu and value. Which findings call for which setting is data
(``checks/checklist.yml``, :class:`~mp_precheck.core.catalog.ChecklistTable`); this module words the values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from msgspec import Struct
from msgspec.structs import replace

from mp_precheck.core.catalog import Catalog
from mp_precheck.core.domainentry import server_entry, unlistable
from mp_precheck.core.report import Finding, Report
from mp_precheck.core.subject import api, subject_value, try_parse
from mp_precheck.core.testaccount import account_reasons
from mp_precheck.facts.model import API_SOCKET

_DOMAIN_LISTS = {"request": "request", "upload": "upload", "download": "download", "socket": "socket"}


class ChecklistItem(Struct, frozen=True):
    """One backend setting: ``kind`` names the message, ``values`` fill it."""

    kind: str
    values: dict[str, str]


def checklist(report: Report, catalog: Catalog) -> list[ChecklistItem]:
    """Settings for the report's active findings, in a stable order, without duplicates."""
    items: list[ChecklistItem] = []
    seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()

    def add(kind: str, **values: str) -> None:
        key = (kind, tuple(sorted(values.items())))
        if key not in seen:
            seen.add(key)
            items.append(ChecklistItem(kind, values))

    table = catalog.checklist
    app_wide = [f for f in report.active_findings if f.scope == "app"]
    for f in app_wide:
        # A type the config says is declared in the guideline comes back as info: nothing left to declare.
        if f.privacy_key and f.severity != "info":
            privacy = catalog.privacy_type(f.privacy_key)
            add("privacy", label=f.privacy_type or "", en=privacy.en if privacy else f.privacy_key)
    for f in app_wide:
        parsed = try_parse(f.subject)
        if f.subject in table.interface_apis:
            add("interface", api=f.subject)
        elif parsed and parsed.form == "app-config" and parsed.key == "requiredPrivateInfos" and parsed.value:
            add("interface", api=api(parsed.value))
    for f in app_wide:
        kind = table.rules.get(f.rule)
        if kind == "business_domain":
            add("business_domain", host=subject_value(f.subject))
        elif kind in ("official_account_link", "ad_units", "live_plugin"):  # a setting with no value to fill
            add(kind)  # a 公众号 article: link the account; an ad: 流量主; WeChat's live plugin: the 直播 menu
        elif kind == "domain":
            # a URL naming a port other than the default is configured with its scheme and port (core/domainentry.py);
            # an IP address, a plain-http URL or a development tunnel can be on no list: the server moves to an
            # ICP-filed https domain
            host, unlisted = subject_value(f.subject), unlistable(subject_value(f.subject), f.value)
            add(f"domain_{unlisted}" if unlisted else "domain",
                host=server_entry(host, f.value) if unlisted not in ("insecure", "tunnel") else host,
                list=_DOMAIN_LISTS.get(f.usage or "code", "code"))
        elif f.rule == "external_link.socket" and f.usage == API_SOCKET:
            add("domain_api_socket")  # the request server's host, whose socket list is configured apart
    kinds = {table.families.get(f.family) for f in app_wide}
    for kind in ("payment", "content_security"):
        if kind in kinds:
            add(kind)
    for f in app_wide:
        if table.rules.get(f.rule) == "plugin":
            add("plugin", what=f.value or subject_value(f.subject))
    for f in app_wide:
        if table.families.get(f.family) == "category" and f.rule not in table.rules:  # else its own setting
            add("category", what=f.rule)  # worded by the outputs (category_name.<rule>): never a subject id
    reasons = account_reasons(report)  # the notes' 测试账号 line words the same decision
    if reasons:
        add("test_account", what=",".join(reasons))
    return items


def set_in_backend(report: Report, item: Iterable[Finding], catalog: Catalog) -> bool:
    """Whether the findings of one ``item`` (core/items.py) of ``report`` call for a setting of the admin backend
    or the submission form (a line of :func:`checklist`): a privacy type, a domain, a test account… A placeholder
    text or an unparsable config is fixed in the code, not in the backend."""
    return bool(checklist(replace(report, findings=tuple(item)), catalog))


def category_name(rule: str, translate: Callable[[str], str]) -> str:
    """The human name of what category rule ``rule`` covers (``category_name.<rule>`` through ``translate``, a
    :meth:`Messages.t`), else the fallback name: a checklist line never shows a subject such as ``ugc:post``."""
    try:
        return translate(f"category_name.{rule}")
    except KeyError:
        return translate("category_name.fallback")
