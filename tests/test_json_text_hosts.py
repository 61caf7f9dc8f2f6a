"""A URL inside a string literal that holds a JSON object's text (an upload policy's ``returnBody`` template) is a
value the data carries, not an address the Mini Program requests; a URL literal the code requests stays a domain."""

from __future__ import annotations

from helpers import found, loaded_by_app, run

_POLICY = ("const returnBody = '{\"name\":$(fname),\"link\":\"https://img.cdn-example.cn/$(key)\",\"size\":$(fsize)}'\n"
           "module.exports = { token: () => wx.request({ url: '/uptoken', data: { policy: JSON.stringify({ returnBody"
           " }) } }) }\n")
_REQUEST = "module.exports = { get: () => wx.request({ url: 'https://api.new-example.cn/a' }) }\n"


def _domains(app_repo, base):
    return {f for f in found(run(app_repo.path, base)) if f[0] == "external_link.domain"}


def test_a_url_inside_json_text_is_no_server_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/upload.js": _POLICY, **loaded_by_app("utils/upload.js")})
    app_repo.commit("an upload policy")
    assert _domains(app_repo, base) == set()


def test_a_requested_url_literal_is_still_a_new_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/api.js": _REQUEST, **loaded_by_app("utils/api.js")})
    app_repo.commit("a new server")
    assert _domains(app_repo, base) == {("external_link.domain", "utils/api.js", 1, "app")}


def test_a_url_with_json_in_its_query_is_still_a_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/api.js": "module.exports = { get: () => wx.request({ url: 'https://api.new-example.cn/a?"
                                          "q={\\\"k\\\":1}' }) }\n", **loaded_by_app("utils/api.js")})
    app_repo.commit("a new server")
    assert {f[1] for f in _domains(app_repo, base)} == {"utils/api.js"}
