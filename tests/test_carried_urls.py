"""A URL that is a value the app carries, not an address it requests, names no server domain: one nested in another
URL's query (``https://t.example.cn/c?id=${id}&to=https://…``: only the outer host is requested), and one among the
values of a query string kept as data (``plan=4&pic_url=http://…/a.jpg&dt=0``, a tracking record in mock data).
Only a call's ``url`` needs a 服务器域名 (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html);
readers/urls.py ``find_urls`` and ``is_query_text``."""

from __future__ import annotations

from conftest import MINIMAL_APP, Repo
from helpers import run
from mp_precheck.readers.urls import find_urls, is_query_text


def _hosts(tmp_path, script: str) -> set[tuple[str, str]]:
    repo = Repo(tmp_path / "repo")
    repo.write_files(dict(MINIMAL_APP))
    base = repo.commit("app")
    repo.write("pages/me/me.js", script)
    repo.commit()
    return {(f.rule, f.subject) for f in run(repo.path, base).findings if f.subject.startswith("host:")}


def test_a_url_nested_in_a_template_urls_query_is_no_second_server(tmp_path):
    script = ("Page({ track(id) {\n"
              "  wx.request({ url: `https://stat.loam-ridge.cn/c?id=${id}&to=https://cdn.brook-yard.cn/x` })\n"
              "} })\n")
    assert _hosts(tmp_path, script) == {("external_link.domain", "host:stat.loam-ridge.cn")}


def test_a_url_among_a_query_strings_values_is_carried_data(tmp_path):
    script = ("const ads = [{ id: 1, charge: 'plan=4&banner_pic_url=http://img.brook-yard.cn/ad/77.jpg&dt=0&pos=1' }]\n"
              "Page({ data: { ads }, load() {\n"
              "  wx.request({ url: 'http://api.brook-yard.cn/ads?city=1&page=2', success: (r) => this.setData(r) })\n"
              "} })\n")
    assert _hosts(tmp_path, script) == {("external_link.domain", "host:api.brook-yard.cn"),
                                        ("external_link.insecure_url", "host:api.brook-yard.cn")}


def test_the_reader_keeps_outer_and_page_query_urls():
    assert [u.host for u in find_urls("https://stat.loam-ridge.cn/c?u={{id}}&back=https://b.brook-yard.cn/")] == \
        ["stat.loam-ridge.cn"]
    assert [u.host for u in find_urls("/pages/web/web?url=https://b.brook-yard.cn/")] == ["b.brook-yard.cn"]
    assert is_query_text("a=1&pic=http://img.brook-yard.cn/a.jpg&b=2")
    assert not is_query_text("https://api.brook-yard.cn/list?a=1&b=2")
    assert not is_query_text("url=https://b.brook-yard.cn/")  # one parameter: a page's query, read elsewhere
