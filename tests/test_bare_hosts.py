"""A server host written without its scheme under a host's name (``const HOST = 'api.example.cn'``), put behind
``https://`` by the code that builds the URLs, is a server domain like any URL literal."""

from __future__ import annotations

from helpers import found, loaded_by_app, run

_CONSTANTS = ("const PROTOCOL = 'https://';\nconst HOST = '%s';\nconst API = '/finance';\n"
              "const PREFIX = PROTOCOL + HOST + API;\n"
              "module.exports = { get: (p) => new Promise((ok) => wx.request({ url: PREFIX + p, success: ok })) }\n")


def _domains(app_repo, base):
    return {f for f in found(run(app_repo.path, base)) if f[0] == "external_link.domain"}


def test_a_new_host_constant_without_a_scheme_is_a_new_server_domain(app_repo):
    app_repo.write_files({"utils/uri.js": _CONSTANTS % "www.old-example.cn", **loaded_by_app("utils/uri.js")})
    base = app_repo.commit("the old server")
    app_repo.write("utils/uri.js", _CONSTANTS % "www.new-example.cn")
    app_repo.commit("a new server")
    assert _domains(app_repo, base) == {("external_link.domain", "utils/uri.js", 2, "app")}


def test_the_same_host_written_bare_is_not_new(app_repo):
    # the app requested https://www.new-example.cn/… already; a constant naming it bare adds no domain
    app_repo.write_files({"pages/index/index.js": "Page({ onLoad() { wx.request({ url: 'https://www.new-example.cn/a' })"
                                                  " } })\n"})
    base = app_repo.commit("the server in use")
    app_repo.write_files({"utils/uri.js": _CONSTANTS % "www.new-example.cn", **loaded_by_app("utils/uri.js")})
    app_repo.commit("its host as a constant")
    assert _domains(app_repo, base) == set()


def test_bare_names_that_are_no_server_hosts_stay_silent(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        "utils/names.js": "const entry = 'app.js';\nconst logoFile = 'logo.png';\nconst cdnHost = 'img.cdn-example.cn';\n"
                          "const title = 'shop.example.cn';\nconst HOST = 'localhost:8080';\n"
                          "const server = 'index.html';\nmodule.exports = { entry, logoFile, cdnHost, title, HOST,"
                          " server }\n",
        **loaded_by_app("utils/names.js")})
    app_repo.commit("names that only look like hosts")
    assert _domains(app_repo, base) == set()


def test_a_public_ip_address_under_a_host_name_is_a_new_server_and_a_lan_one_is_not(app_repo):
    app_repo.write_files({"utils/uri.js": _CONSTANTS % "www.old-example.cn", **loaded_by_app("utils/uri.js")})
    base = app_repo.commit("the old server")
    app_repo.write("utils/uri.js", (_CONSTANTS % "101.35.200.17:8889").replace(
        "const HOST = ", "const DEV_HOST = '192.168.1.20';\nconst HOST = flag ? DEV_HOST : "))
    app_repo.commit("the production server by its address")
    report = run(app_repo.path, base)
    assert _domains(app_repo, base) == {("external_link.domain", "utils/uri.js", 3, "app")}
    assert {f.subject for f in report.findings if f.rule == "external_link.domain"} == {"host:101.35.200.17"}
