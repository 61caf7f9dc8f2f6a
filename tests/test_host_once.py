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
