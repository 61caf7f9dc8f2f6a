"""A request host on a port other than its scheme's default is configured with its scheme and port: WeChat takes
``https://myserver.com:8080`` as its own entry and a bare host takes no URL naming a port
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). The finding's subject stays
the host, so its fingerprint does not move (core/domainentry.py)."""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import cli, run
from mp_precheck.core.domainentry import server_entry


def _request(app_repo: Repo, url: str, config: str | None = None) -> tuple[str, str]:
    if config is not None:
        app_repo.write(".mp-precheck.yml", config)
        app_repo.commit("config")
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ onShow() {\n  wx.request({ url: '" + url + "' })\n} })\n")
    app_repo.commit()
    return base, "pages/me/me.js"


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_a_port_other_than_the_default_is_part_of_the_entry(app_repo: Repo, language: str) -> None:
    base, _ = _request(app_repo, "https://shop.kettle-tea.cn:8466/api/list")
    report = run(app_repo.path, base, language=language)
    [finding] = [f for f in report.findings if f.rule == "external_link.domain"]
    assert finding.subject == "host:shop.kettle-tea.cn"  # the fingerprint's subject is unchanged
    assert "https://shop.kettle-tea.cn:8466" in finding.fix
    _, out, _ = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "markdown",
                    "--language", language)
    checklist = [line for line in out.splitlines() if line.startswith("- [ ]") and "request合法域名" in line]
    assert checklist and all("`https://shop.kettle-tea.cn:8466`" in line for line in checklist)
    # the notes' answer 2 names no server domain (a request goes to no link): the entry is the checklist's to give
    _, notes, _ = cli("notes", "--repo", str(app_repo.path), "--base", base, "--language", language)
    assert "shop.kettle-tea.cn" not in notes


@pytest.mark.parametrize("url", ["https://shop.kettle-tea.cn/api/list", "https://shop.kettle-tea.cn:443/api/list"])
def test_the_default_port_keeps_the_bare_host(app_repo: Repo, url: str) -> None:
    base, _ = _request(app_repo, url)
    [finding] = [f for f in run(app_repo.path, base).findings if f.rule == "external_link.domain"]
    assert "://shop.kettle-tea.cn" not in finding.fix and "端口" not in finding.fix
    _, out, _ = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "markdown")
    assert "加入 request合法域名" in out and "`shop.kettle-tea.cn` 加入" in out and ":443" not in out.split("清单")[-1]


def test_a_configured_entry_with_its_port_needs_nothing(app_repo: Repo) -> None:
    base, _ = _request(app_repo, "https://shop.kettle-tea.cn:8466/api/list",
                       "domains:\n  request: [shop.kettle-tea.cn:8466]\n")
    assert [f for f in run(app_repo.path, base).findings if f.rule == "external_link.domain"] == []


@pytest.mark.parametrize(("value", "entry"), [
    ("https://a.cn:8466/x", "https://a.cn:8466"),
    ("wss://a.cn:9443/ws", "wss://a.cn:9443"),
    ("'https://a.cn:443/x' + id", "a.cn"),
    ("http://a.cn:80/x", "a.cn"),
    ("https://b.cn:8466/x https://a.cn/y", "a.cn"),  # another host's port is not this host's
    (None, "a.cn"),
])
def test_server_entry(value: str | None, entry: str) -> None:
    assert server_entry("a.cn", value) == entry

