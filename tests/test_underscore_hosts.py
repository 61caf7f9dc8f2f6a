"""A host whose labels hold an underscore (``shop_api.example.cn``) is no valid DNS hostname, yet such hosts are
served and requested: the app still needs one on its 服务器域名 list, so it is found like any other host."""

from __future__ import annotations

from helpers import run
from mp_precheck.readers.urls import find_urls


def test_an_underscore_inside_a_label_is_part_of_the_host():
    assert [u.host for u in find_urls("'https://shop_api.example.cn/v1'")] == ["shop_api.example.cn"]
    assert [u.host for u in find_urls("'https://api.example.cn/v1_x'")] == ["api.example.cn"]


def test_a_request_to_an_underscore_host_is_a_new_server_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", "Page({\n  onLoad() {\n"
                                           "    wx.request({ url: 'https://shop_api.example.cn/goods' })\n  }\n})\n")
    app_repo.commit()
    assert {(f.rule, f.subject, f.line) for f in run(app_repo.path, base).findings
            if f.rule == "external_link.domain"} == {("external_link.domain", "host:shop_api.example.cn", 3)}
