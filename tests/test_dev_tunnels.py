"""A server on a development tunnel's public name (NATAPP, ngrok, cpolar, 花生壳: checks/dev_tunnels.yml) is still
reported — the app does request it — but its fix and checklist line say it is a tunnel to a developer's machine, to be
replaced by the production domain (ICP-filed, https) before submitting, never added as it is
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html; core/devtunnels.py)."""

from __future__ import annotations

import shutil

import pytest

from helpers import run
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.checklist import checklist
from mp_precheck.core.devtunnels import TunnelDataError, check_dev_tunnels, tunnel_service
from mp_precheck.core.messages import Messages
from mp_precheck.core.resources import data_dir
from mp_precheck.outputs.markdown import checklist_lines


def _report(app_repo, root: str, language: str = "zh-CN"):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("utils/api.js", f"const ROOT = '{root}'\n"
                                   "module.exports = { list: () => wx.request({ url: ROOT + '/goods/list' }) }\n")
    app_repo.write("pages/index/index.js", "const api = require('../../utils/api')\nPage({ onLoad() { api.list() } })\n")
    app_repo.commit("api root")
    return run(app_repo.path, base, language=language)


@pytest.mark.parametrize("root", ["https://k7d2x.natappfree.cc/api", "http://shopdev.natapp4.cc/api",
                                  "https://3f9a-112-64-1-2.ngrok-free.app", "https://55aa.cpolar.top/api"])
def test_a_tunnel_server_is_reported_with_replace_advice(app_repo, root):
    report = _report(app_repo, root)
    host = root.split("/")[2]
    domain = next(f for f in report.findings if f.rule == "external_link.domain")
    assert domain.subject == f"host:{host}"
    assert "开发隧道" in domain.fix and "正式环境" in domain.fix
    items = [i for i in checklist(report, load_catalog()) if i.kind.startswith("domain")]
    assert [(i.kind, i.values["host"]) for i in items] == [("domain_tunnel", host)]
    line = next(x for x in checklist_lines(report, load_catalog(), Messages("zh-CN")) if host in x)
    assert "内网穿透" in line and f"把 `{host}` 加入" not in line


def test_an_ordinary_server_keeps_the_add_advice(app_repo):
    report = _report(app_repo, "https://api.natapp-shop.cn/v1", language="en")
    domain = next(f for f in report.findings if f.rule == "external_link.domain")
    assert "tunnel" not in domain.fix
    assert [(i.kind, i.values["host"]) for i in checklist(report, load_catalog()) if i.kind.startswith("domain")] \
        == [("domain", "api.natapp-shop.cn")]


def test_suffixes_match_whole_labels():
    assert tunnel_service("abc.NATAPP1.cc") == "NATAPP"
    assert tunnel_service("natapp1.cc") is None  # the service's own site, no tunnel
    assert tunnel_service("ngrok.io.mirror-lane.cn") is None
    assert tunnel_service("xngrok.io") is None


def test_shipped_table_matches_its_schema_and_a_broken_one_is_named(tmp_path, monkeypatch):
    check_dev_tunnels()
    shutil.copytree(data_dir("checks"), tmp_path / "checks")
    (tmp_path / "checks" / "dev_tunnels.yml").write_text("tunnels: [{service: x}]\n", encoding="utf-8")
    monkeypatch.setattr("mp_precheck.core.devtunnels.data_dir", lambda name: tmp_path / name)
    with pytest.raises(TunnelDataError, match=r"^dev_tunnels\.yml: "):
        check_dev_tunnels()
