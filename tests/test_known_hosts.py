"""A host the Mini Program's env files name — templates and native projects too — is no new domain; a host
only in their comments, or only ever commented out in the code, is; so is one the app used only in earlier
commits (the corpus labels a public host made the active API base again as new)."""

from __future__ import annotations

from conftest import MINIMAL_APP
from helpers import run

HTTP = "const base = {active}\n// const old = {commented}\nexport const get = (p) => wx.request({{ url: base + p }})\n"


def _domains(report):
    return {(f.path, f.line, f.subject) for f in report.findings if f.rule == "external_link.domain"}


def _app(repo, active, commented):
    repo.write_files({**MINIMAL_APP, "utils/http.js": HTTP.format(active=active, commented=commented)})
    return repo.commit("http")


def test_a_host_the_env_template_names_is_known_but_not_one_in_its_comments(repo):
    repo.write_files({**MINIMAL_APP, "utils/http.js": HTTP.format(active="'https://shop.example/api'", commented="''"),
                      ".env.example": "API_BASE=http://localhost:5000\n# API_BASE=https://api.shop.example\n"
                                      "PUBLIC_URL=https://www.shop.example\n"})
    base = repo.commit()
    repo.write("utils/http.js", HTTP.format(active="'https://www.shop.example/api'", commented="''")
               + "export const b = 'https://api.shop.example/v2'\n")
    repo.commit()
    assert _domains(run(repo.path, base)) == {("utils/http.js", 4, "host:api.shop.example")}


def test_a_host_only_ever_commented_out_is_new(repo):
    _app(repo, "'https://shop.example/api'", "'https://next.shop.example/api'")
    base = _app(repo, "'https://shop.example/api'", "'https://next.shop.example/api' // soon")
    _app(repo, "'https://next.shop.example/api'", "'https://shop.example/api'")
    assert _domains(run(repo.path, base)) == {("utils/http.js", 1, "host:next.shop.example")}


def test_a_host_used_only_in_earlier_commits_is_new_again(repo):
    _app(repo, "'https://www.shop.example/api'", "'https://shop.example/api'")
    base = _app(repo, "'https://shop.example/api'", "'https://www.shop.example/api'")
    _app(repo, "'https://www.shop.example/api'", "'https://shop.example/api'")
    assert _domains(run(repo.path, base)) == {("utils/http.js", 1, "host:www.shop.example")}
