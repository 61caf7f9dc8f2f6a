"""A server the 服务器域名 lists cannot take as it is — an IP address (with its port), or a domain the code reaches over
plain http — gets a checklist line that says to move the API to an ICP-filed https domain first, never one that
says to add the address: WeChat takes ICP-filed https / wss domains only
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html)."""

from __future__ import annotations

from helpers import run
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.checklist import checklist
from mp_precheck.core.messages import Messages
from mp_precheck.outputs.markdown import checklist_lines


def _items(app_repo, root: str, language: str = "zh-CN"):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("utils/api.js", f"const ROOT = '{root}'\n"
                                   "module.exports = { list: () => wx.request({ url: ROOT + '/goods/list' }) }\n")
    app_repo.write("pages/index/index.js", "const api = require('../../utils/api')\nPage({ onLoad() { api.list() } })\n")
    app_repo.commit("api root")
    report = run(app_repo.path, base, language=language)
    domains = [i for i in checklist(report, load_catalog()) if i.kind.startswith("domain")]
    return domains, checklist_lines(report, load_catalog(), Messages(language))


def test_an_ip_server_is_to_be_moved_to_a_domain_not_added(app_repo):
    items, lines = _items(app_repo, "http://47.103.8.21:30095/api")
    assert [(i.kind, i.values["host"], i.values["list"]) for i in items] == [
        ("domain_ip", "http://47.103.8.21:30095", "request")]
    line = next(x for x in lines if "47.103.8.21" in x)
    assert "不能加入" in line and "ICP" in line and "把 `http://47.103.8.21:30095` 加入" not in line


def test_a_plain_http_domain_is_to_be_served_over_https_first(app_repo):
    items, lines = _items(app_repo, "http://api.birch-row.cn/v1", language="en")
    assert [(i.kind, i.values["host"]) for i in items] == [("domain_insecure", "api.birch-row.cn")]
    assert any("cannot be added" in x and "https" in x for x in lines)


def test_an_https_domain_with_a_port_is_still_added_as_it_is(app_repo):
    items, lines = _items(app_repo, "https://api.birch-row.cn:8466/v1")
    assert [(i.kind, i.values["host"]) for i in items] == [("domain", "https://api.birch-row.cn:8466")]
    assert any("把 `https://api.birch-row.cn:8466` 加入 request合法域名" in x for x in lines)
