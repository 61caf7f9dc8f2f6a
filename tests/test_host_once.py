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


# The build configs a switch picks from (``require(isProd ? 'prod.env.js' : …)``): each names the same API base.
ENV_CONFIG = "module.exports = {\n  env: '%s',\n  baseUrl: 'https://api.ferry-example.cn/mini',\n}\n"
ENV_SWITCH = ("const stage = 'prod'\nlet config = require('./dev.env.js')\n"
              "if (stage === 'prod') config = require('./prod.env.js')\nif (stage === 'test') config = "
              "require('./test.env.js')\nmodule.exports = config\n")


def test_a_new_host_in_every_build_config_is_told_in_the_release_one(app_repo):
    # the development and test configs come first by path; the release build reads the production one
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"settings/dev.env.js": ENV_CONFIG % "dev", "settings/prod.env.js": ENV_CONFIG % "prod",
                          "settings/test.env.js": ENV_CONFIG % "test", "settings/index.js": ENV_SWITCH,
                          **loaded_by_app("settings/index.js")})
    app_repo.commit("build configs with the API base")
    hosts = {f for f in found(run(app_repo.path, base)) if f[0] == "external_link.domain"}
    assert hosts == {("external_link.domain", "settings/prod.env.js", 3, "app")}


def test_a_new_host_only_a_test_config_names_stays_there(app_repo):
    # one place: nothing to choose, the test build's config is where the host is
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"settings/test.env.js": ENV_CONFIG % "test", **loaded_by_app("settings/test.env.js")})
    app_repo.commit("a test build config")
    hosts = {f for f in found(run(app_repo.path, base)) if f[0] == "external_link.domain"}
    assert hosts == {("external_link.domain", "settings/test.env.js", 3, "app")}


def test_a_new_host_in_an_api_module_and_a_page_is_told_in_the_module(app_repo):
    # the module hands its endpoint to the project's own request helper; the page writes a download URL of the
    # same server (ending in "/": it extends no other place, least of all itself)
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        "api/index.js": "const http = require('../utils/http')\n"
                        "const posters = (p) => http(p, 'https://cards.ferry-example.cn/poster/make')\n"
                        "module.exports = { posters }\n",
        "utils/http.js": "module.exports = (p, url) => new Promise((resolve) => wx.request({ ...p, url, "
                         "success: resolve }))\n",
        "pages/index/index.js": "const api = require('../../api/index')\nPage({\n  async make(id) {\n"
                                "    await api.posters({ data: { id } })\n"
                                "    const url = 'https://cards.ferry-example.cn/poster/files/'\n"
                                "    this.save(url + id + '.jpg')\n  },\n"
                                "  save(url) { wx.showToast({ title: url }) },\n})\n",
        **loaded_by_app("api/index.js")})
    app_repo.commit("posters")
    hosts = {f for f in found(run(app_repo.path, base)) if f[0] == "external_link.domain"}
    assert hosts == {("external_link.domain", "api/index.js", 2, "app")}
