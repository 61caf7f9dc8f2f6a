"""The entry a new server host takes on the 服务器域名 lists: the host, or the host with its scheme and port when
the code's URL names a port other than its scheme's default.

WeChat takes the port as part of the entry: "可以配置端口，如 https://myserver.com:8080，但是配置后只能向
https://myserver.com:8080 发起请求", and a host configured without a port takes no URL that names one
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). So advice to add the bare host
for a request to ``https://api.example.com:8466/`` would leave that request failing. The finding's subject stays
``host:<host>`` (its fingerprint does not move); only what the team is told to add changes.
"""

from __future__ import annotations

import ipaddress

from mp_precheck.core.devtunnels import tunnel_service
from mp_precheck.readers.urls import find_urls

_DEFAULT_PORTS = {"https": 443, "wss": 443, "http": 80, "ws": 80}


def server_entry(host: str, value: str | None) -> str:
    """What to add to the server-domain list for ``host`` used at ``value`` (the finding's URL text):
    ``https://host:8466`` when the first URL of ``value`` on ``host`` names a port other than its scheme's default,
    else ``host`` itself (no URL, no port, or the default 443 / 80). Never raises."""
    for url in find_urls(value or ""):
        if url.host == host.lower():
            if url.port is not None and url.port != _DEFAULT_PORTS.get(url.scheme):
                return f"{url.scheme}://{url.host}:{url.port}"
            return host
    return host


def unlistable(host: str, value: str | None) -> str | None:
    """Why ``host`` (used at ``value``, the finding's URL text) can be added to no 服务器域名 list as it is: ``tunnel``
    for a development tunnel's name (core/devtunnels.py: a developer's machine, to be replaced by the production
    domain), ``ip`` for an IP address or localhost (the lists take ICP-filed domains only), ``insecure`` for a domain
    the code reaches over plain ``http://`` / ``ws://`` (the lists take https / wss only), else None. Source:
    https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html. Never raises."""
    if tunnel_service(host):
        return "tunnel"
    urls = [url for url in find_urls(value or "") if url.host == host.lower()]
    if any(url.is_ip_or_local for url in urls) or (not urls and _bare_ip(host)):
        return "ip"
    return "insecure" if urls and all(url.insecure for url in urls) else None


def _bare_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return host == "localhost"
    return True


def has_port(entry: str) -> bool:
    """Whether a :func:`server_entry` names a scheme and port (``https://host:8466``), not a bare host."""
    return "://" in entry


def port_advice(entry: str, language: str) -> str:
    """A sentence for a finding's fix telling to configure ``entry`` (a :func:`server_entry` with a port) as it is
    written, in ``language`` (``zh-CN`` or else English)."""
    if language == "zh-CN":
        return f"此处地址带端口：须把 {entry}（含协议和端口）加入列表，配置后只能向该端口发起请求。"
    return f"This URL names a port: add {entry} (scheme and port included); once configured, requests may go to " \
           "that port only."
