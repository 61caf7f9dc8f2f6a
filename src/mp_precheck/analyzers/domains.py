"""Server and business domains compared with what the admin backend has configured.

With ``domains`` in the config, a new host already on the matching list (request / uploadFile /
downloadFile / socket by how the code uses it, ``business`` for a web-view) needs nothing and is
dropped; a host on no list stays medium, its title naming the list. Without ``domains`` every new
host is reported (the backend may not have it). Source: NET.

Reads: ``config.domains``; ``external_link.domain`` and ``external_link.business_domain``.
Writes: removes hosts already configured; rewrites the others' title (the list that lacks the host).
"""

from __future__ import annotations

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding
from mp_precheck.core.subject import subject_value

_LISTS = {"request": ("request",), "upload": ("uploadFile",), "download": ("downloadFile",),
          "socket": ("socket",), "code": ("request", "uploadFile", "downloadFile", "socket")}
_NAMES = {"request": "request合法域名", "uploadFile": "uploadFile合法域名", "downloadFile": "downloadFile合法域名",
          "socket": "socket合法域名"}


def _configured(host: str, allowed: tuple[str, ...]) -> bool:
    return any(host == a or (a.startswith("*.") and host.endswith(a[1:])) for a in allowed)


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    domains = context.config.domains
    if not domains:
        return findings
    out = []
    for f in findings:
        host = subject_value(f.subject)
        if f.rule == "external_link.business_domain":
            if _configured(host, domains.get("business", ())):
                continue
        elif f.rule == "external_link.domain":
            lists = _LISTS.get(f.usage or "code", _LISTS["code"])
            if any(_configured(host, domains.get(name, ())) for name in lists):
                continue
            names = " / ".join(_NAMES[n] for n in lists)
            suffix = f"（未在 {names} 中）" if context.language == "zh-CN" else f" (not in {names})"
            f = replace(f, title=f.title + suffix)
        out.append(f)
    return out
