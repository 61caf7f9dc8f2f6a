"""A host the app used actively in its recent history (an API base toggled back) or named in the Mini
Program's env files (templates too) is no new domain; a host only ever commented out, or a plain-http IP
base used before, still is. A shallow clone has no history and behaves as if the host were new."""

from __future__ import annotations

import subprocess

from conftest import MINIMAL_APP, Repo
from helpers import run

HTTP = "const base = {active}\n// const old = {commented}\nexport const get = (p) => wx.request({{ url: base + p }})\n"


def _domains(report):
    return {(f.path, f.line, f.subject) for f in report.findings if f.rule == "external_link.domain"}


def _app(repo, active, commented):
    repo.write_files({**MINIMAL_APP, "utils/http.js": HTTP.format(active=active, commented=commented)})
    return repo.commit("http")


def test_a_base_toggled_back_to_the_host_used_just_before_is_not_new(repo):
    _app(repo, "'https://www.shop.example/api'", "'https://shop.example/api'")
    repo.commit("unrelated")
    base = _app(repo, "'https://shop.example/api'", "'https://www.shop.example/api'")
    _app(repo, "'https://www.shop.example/api'", "'https://shop.example/api'")
    assert _domains(run(repo.path, base)) == set()


def test_a_host_only_ever_commented_out_is_new(repo):
    _app(repo, "'https://shop.example/api'", "'https://next.shop.example/api'")
    base = _app(repo, "'https://shop.example/api'", "'https://next.shop.example/api' // soon")
    _app(repo, "'https://next.shop.example/api'", "'https://shop.example/api'")
    assert _domains(run(repo.path, base)) == {("utils/http.js", 1, "host:next.shop.example")}


def test_a_plain_http_ip_used_before_is_still_a_new_host(repo):
    # WeChat's domain lists hold neither plain http nor an IP: having used one before configured nothing
    _app(repo, "'http://8.136.10.20:8080'", "'https://shop.example/api'")
    base = _app(repo, "'https://shop.example/api'", "'http://8.136.10.20:8080'")
    _app(repo, "'http://8.136.10.20:8080'", "'https://shop.example/api'")
    assert _domains(run(repo.path, base)) == {("utils/http.js", 1, "host:8.136.10.20")}


def test_a_shallow_clone_has_no_history_and_reports_the_host(repo, tmp_path):
    _app(repo, "'https://www.shop.example/api'", "'https://shop.example/api'")
    _app(repo, "'https://shop.example/api'", "'https://www.shop.example/api'")
    _app(repo, "'https://www.shop.example/api'", "'https://shop.example/api'")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo.path}", str(shallow)], check=True)
    assert _domains(run(shallow, "HEAD~1")) == {("utils/http.js", 1, "host:www.shop.example")}


def test_a_host_the_env_template_names_is_known_but_not_one_in_its_comments(repo):
    repo.write_files({**MINIMAL_APP, "utils/http.js": HTTP.format(active="'https://shop.example/api'", commented="''"),
                      ".env.example": "API_BASE=http://localhost:5000\n# API_BASE=https://api.shop.example\n"
                                      "PUBLIC_URL=https://www.shop.example\n"})
    base = repo.commit()
    repo.write("utils/http.js", HTTP.format(active="'https://www.shop.example/api'", commented="''")
               + "export const b = 'https://api.shop.example/v2'\n")
    repo.commit()
    assert _domains(run(repo.path, base)) == {("utils/http.js", 4, "host:api.shop.example")}


def test_history_counts_only_this_mini_programs_files(tmp_path):
    repo = Repo(tmp_path / "mono")
    repo.write_files({f"mini/{k}": v for k, v in MINIMAL_APP.items()})
    repo.write_files({"mini/utils/http.js": HTTP.format(active="'https://shop.example/api'", commented="''"),
                      "web/src/api.js": "export const base = 'https://www.shop.example/api'\n"})
    repo.commit()
    repo.write("web/src/api.js", "export const base = ''\n")
    base = repo.commit()
    repo.write("mini/utils/http.js", HTTP.format(active="'https://www.shop.example/api'", commented="''"))
    repo.commit()
    assert _domains(run(repo.path, base)) == {("mini/utils/http.js", 1, "host:www.shop.example")}
