"""Server and business domains compared with what the admin backend has configured, and the entry a URL with a
port needs.

With ``domains`` in the config, a new host already on the matching list (request / uploadFile /
downloadFile / socket by how the code uses it, ``business`` for a web-view) needs nothing and is
dropped; a host on no list stays medium, its title naming the list. Without ``domains`` every new
host is reported (the backend may not have it). A new host whose URL names a port other than the default is
configured with its scheme and port (``https://host:8466``), and its fix says so (core/domainentry.py); a development
tunnel's host (``*.natappfree.cc``: core/devtunnels.py) is to be replaced by the production domain. Source: NET.

Reads: ``config.domains``; ``external_link.domain`` and ``external_link.business_domain``.
Writes: removes hosts already configured; rewrites the others' title (the list that lacks the host) and, for a URL
with a port or a tunnel's host, their fix (the entry to add, or to replace the host).
"""

from __future__ import annotations

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.devtunnels import tunnel_advice, tunnel_service
from mp_precheck.core.domainentry import has_port, port_advice, server_entry
from mp_precheck.core.report import Finding
from mp_precheck.core.subject import subject_value

_LISTS = {"request": ("request",), "upload": ("uploadFile",), "download": ("downloadFile",),
          "socket": ("socket",), "code": ("request", "uploadFile", "downloadFile", "socket")}
_NAMES = {"request": "request合法域名", "uploadFile": "uploadFile合法域名", "downloadFile": "downloadFile合法域名",
          "socket": "socket合法域名"}


def _configured(host: str, allowed: tuple[str, ...], entry: str = "") -> bool:
    """Whether ``host`` (or its ``entry`` with a port, listed with or without its scheme) is on ``allowed``."""
    bare = entry.split("://", 1)[-1]
    return any(host == a or (a.startswith("*.") and host.endswith(a[1:])) or (has_port(entry) and a in (entry, bare))
               for a in allowed)


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    domains = context.config.domains
    out = []
    for f in findings:
        host = subject_value(f.subject)
        if f.rule == "external_link.business_domain":
            if domains and _configured(host, domains.get("business", ())):
                continue
        elif f.rule == "external_link.domain":
            entry = server_entry(host, f.value)
            lists = _LISTS.get(f.usage or "code", _LISTS["code"])
            if domains and any(_configured(host, domains.get(name, ()), entry) for name in lists):
                continue
            if domains:
                names = " / ".join(_NAMES[n] for n in lists)
                suffix = f"（未在 {names} 中）" if context.language == "zh-CN" else f" (not in {names})"
                f = replace(f, title=f.title + suffix)
            gap = "" if context.language == "zh-CN" else " "
            if tunnel_service(host):  # a developer's machine: replaced, not added (core/devtunnels.py)
                f = replace(f, fix=f"{f.fix}{gap}{tunnel_advice(host, context.language)}")
            elif has_port(entry):
                f = replace(f, fix=f"{f.fix}{gap}{port_advice(entry, context.language)}")
        out.append(f)
    return out
