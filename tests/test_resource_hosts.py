"""A constant named as the prefix of static files (``staticUrl``, ``IMG_BASE_URL``) holds a host that serves
images, which needs no server domain; the same host made the API base is a new request domain."""

from __future__ import annotations

from helpers import found, loaded_by_app, run

ENV = "export const apiBaseUrl = '%s'\nexport const staticUrl = 'https://static.shop-example.cn'\n"


def _domains(app_repo, base):
    return {(rule, path, line) for rule, path, line, _scope in found(run(app_repo.path, base))
            if rule == "external_link.domain"}


def test_the_static_file_host_made_the_api_base_is_a_new_request_domain(app_repo):
    app_repo.write_files({"common/env.js": ENV % "https://api.shop-example.cn", **loaded_by_app("common/env.js")})
    base = app_repo.commit("api and static hosts")
    app_repo.write("common/env.js", ENV % "https://static.shop-example.cn")
    app_repo.commit("the API moves to the static host")
    assert _domains(app_repo, base) == {("external_link.domain", "common/env.js", 1)}


def test_a_new_static_file_host_is_no_server_domain(app_repo):
    app_repo.write_files({"common/env.js": "export const apiBaseUrl = 'https://api.shop-example.cn'\n",
                          **loaded_by_app("common/env.js")})
    base = app_repo.commit("api host")
    app_repo.write("common/env.js", ENV % "https://api.shop-example.cn")
    app_repo.commit("a static file host")
    assert _domains(app_repo, base) == set()


def test_a_static_named_constant_a_request_uses_is_a_server_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"common/env.js": "const imgUrl = 'https://img.shop-example.cn'\n"
                                           "export const upload = (p) => wx.uploadFile({ url: imgUrl + '/up', "
                                           "filePath: p, name: 'f' })\n", **loaded_by_app("common/env.js")})
    app_repo.commit("uploads to the image host")
    assert ("external_link.domain", "common/env.js", 1) in _domains(app_repo, base)
