"""A new server domain is one thing to configure: one finding, at the base-URL definition when the change
has one, however many files use the host."""

from __future__ import annotations

from helpers import found, loaded_by_app, run


def test_a_new_host_used_in_several_files_is_one_finding_at_its_base_url(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        "common/request.js": 'const host = "https://api.shop-example.cn:8003";\n'
                             "module.exports = { get: (p) => wx.request({ url: host + p }) }\n",
        "pages/index/index.js": "Page({ onLoad() {\n  wx.request({ url: 'https://api.shop-example.cn:8003/user/login' })\n"
                                "} })\n", **loaded_by_app("common/request.js")})
    app_repo.commit("a request helper and a login call")
    hosts = {f for f in found(run(app_repo.path, base)) if f[0] == "external_link.domain"}
    assert hosts == {("external_link.domain", "common/request.js", 1, "app")}


def test_a_new_host_in_two_pages_without_a_base_url_is_reported_once(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    call = "Page({ onLoad() {\n  wx.request({ url: 'https://api.shop-example.cn/%s' })\n} })\n"
    app_repo.write_files({"pages/index/index.js": call % "home", "pages/me/me.js": call % "me"})
    app_repo.commit("two pages on a new server")
    hosts = {f for f in found(run(app_repo.path, base)) if f[0] == "external_link.domain"}
    assert hosts == {("external_link.domain", "pages/index/index.js", 2, "app")}


def test_a_new_host_is_reported_where_it_is_requested_not_at_an_unused_config_entry(app_repo):
    # the config lists the lookup service's origin, but the page builds its own URL and requests it
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        "config/api.js": "export const API_BASE = {\n  lookup: 'https://lookup.books-example.cn',\n}\n",
        "pages/index/index.js": "Page({ async find(code) {\n"
                                "  const url = `https://lookup.books-example.cn/open/byIsbn?isbn=${code}`\n"
                                "  return wx.request({ url })\n} })\n",
        **loaded_by_app("config/api.js")})
    app_repo.commit("an ISBN lookup")
    hosts = {f for f in found(run(app_repo.path, base)) if f[0] == "external_link.domain"}
    assert hosts == {("external_link.domain", "pages/index/index.js", 2, "app")}


def test_a_new_host_no_call_is_seen_to_use_stays_at_its_base_url(app_repo):
    # the base URL is exported and the pages' own literals are no requests either: the origin is the place
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        "config/api.js": "export const API_BASE = {\n  lookup: 'https://lookup.books-example.cn',\n}\n",
        "pages/index/index.js": "Page({ data: { help: 'https://lookup.books-example.cn/help' } })\n",
        **loaded_by_app("config/api.js")})
    app_repo.commit("a lookup service")
    hosts = {f for f in found(run(app_repo.path, base)) if f[0] == "external_link.domain"}
    assert hosts == {("external_link.domain", "config/api.js", 2, "app")}


def test_an_http_clients_base_url_stays_the_place_beside_an_inline_upload(app_repo):
    # the client's baseURL is the API base the requests use; an upload page spells the same host inline
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        "utils/request.js": "const Fly = require('flyio/dist/npm/wx')\nconst request = new Fly()\n"
                            "request.config.baseURL = 'https://api.books-example.cn:8004'\nmodule.exports = request\n",
        "pages/index/index.js": "Page({ send(p) {\n"
                                "  wx.uploadFile({ url: 'https://api.books-example.cn:8004/file/upload', filePath: p,"
                                " name: 'file' })\n} })\n",
        **loaded_by_app("utils/request.js")})
    app_repo.commit("a new API server")
    hosts = {f for f in found(run(app_repo.path, base)) if f[0] == "external_link.domain"}
    assert hosts == {("external_link.domain", "utils/request.js", 3, "app")}


def test_a_base_url_with_a_path_is_the_place_beside_the_full_urls_it_prefixes(app_repo):
    # no origin-only constant: the API base carries a path, and a page's upload URL spells it out in full
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        "pages/album/album.js": "Page({ send(p) {\n"
                                "  wx.uploadFile({ url: 'http://47.100.12.34:30080/shop/upload/photo', filePath: p,"
                                " name: 'file' })\n} })\n",
        "utils/api.js": "const baseURL = 'http://47.100.12.34:30080/shop'\n"
                        "export const call = (o) => wx.request({ url: baseURL + o.url })\n",
        **loaded_by_app("utils/api.js")})
    app_repo.commit("a new API server")
    hosts = {f for f in found(run(app_repo.path, base)) if f[0] == "external_link.domain"}
    assert hosts == {("external_link.domain", "utils/api.js", 1, "app")}
