"""Development tunnels: public host names a tunnel service hands out for a developer's own machine (NATAPP's
``*.natappfree.cc``, ngrok's ``*.ngrok-free.app``, cpolar's, 花生壳's).

A Mini Program whose server is such a host talks to someone's laptop through a tunnel that stops answering when it is
closed, and the 服务器域名 lists take only the operator's ICP-filed https domains
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html): the host is still a server the app
requests (external_link.domain stays), but the fix is to replace it with the production domain before submitting.
Which services and suffixes count is data: ``checks/dev_tunnels.yml`` (each row with its source).
"""

from __future__ import annotations

from functools import cache

from mp_precheck.core.catalog import validated
from mp_precheck.core.resources import data_dir

TABLE = "dev_tunnels.yml"
SCHEMA = "dev_tunnels.schema.json"


class TunnelDataError(ValueError):
    """``checks/dev_tunnels.yml`` does not match its schema (a packaging bug, not user input)."""


def check_dev_tunnels() -> None:
    """Check the shipped table against its schema (the test suite does).

    Raises:
        TunnelDataError: the table does not match, naming the file and the key path.
    """
    validated(data_dir("checks") / TABLE, SCHEMA, TunnelDataError)


@cache
def _suffixes() -> dict[str, str]:
    """Suffix → service, from the shipped table, read once."""
    data = validated(data_dir("checks") / TABLE, SCHEMA, check=False)
    return {suffix: row["service"] for row in data["tunnels"] for suffix in row["suffixes"]}


def tunnel_service(host: str) -> str | None:
    """The tunnel service whose public name ``host`` is (a host under one of its suffixes, ``abc.natappfree.cc``),
    or None. Never raises."""
    host = host.lower().rstrip(".")
    labels = host.split(".")
    table = _suffixes()
    return next((table[s] for i in range(1, len(labels) - 1) if (s := ".".join(labels[i:])) in table), None)


def tunnel_advice(host: str, language: str) -> str:
    """A sentence for a finding's fix saying ``host`` is a development tunnel to be replaced by the production domain
    before submitting, in ``language`` (``zh-CN`` or else English)."""
    service = tunnel_service(host) or ""
    if language == "zh-CN":
        return (f"{host} 是 {service} 内网穿透（开发隧道）地址，指向开发者本机，关闭隧道后请求即失败；提交审核前须换成"
                "正式环境已 ICP 备案的 https 域名，再把那个域名加入服务器域名。")
    return (f"{host} is a {service} development tunnel to a developer's own machine, which fails once the tunnel "
            "closes: replace it with the production domain (ICP-filed, https) before submitting, then add that domain.")
