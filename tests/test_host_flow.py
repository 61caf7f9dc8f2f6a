"""A new host two modules name is told where its value reaches a network call through the module's own code
(readers/urlflow.py): a default base a service reads into the URLs its request function takes, not a config
entry nothing in its file sends."""

from __future__ import annotations

from helpers import found, loaded_by_app, run
from mp_precheck.facts.extract import extract

CONFIG = "module.exports = {\n  api: {\n    base: 'https://data.school-example.cn',\n  },\n}\n"
SERVICE = """const DEFAULT_BASE = 'https://data.school-example.cn'
function fetchText(url) {
  return new Promise((resolve) => wx.request({ url, success: (r) => resolve(r.data) }))
}
function withRetry(address) {
  return fetchText(address)
}
function createService(options = {}) {
  const base = (options.base || DEFAULT_BASE).replace(/\\/$/, '')
  return { load: () => withRetry(`${base}/v1/list`) }
}
module.exports = { createService }
"""
IDLE = """const DEFAULT_BASE = 'https://data.school-example.cn'
function fetchText(url) {
  return new Promise((resolve) => wx.request({ url, success: (r) => resolve(r.data) }))
}
function describe() {
  const label = DEFAULT_BASE.toUpperCase()
  return label
}
module.exports = { fetchText, describe }
"""


def _host_roles(path: str, text: str) -> list[tuple[int, str | None]]:
    return [(f.line, f.role) for f in extract(path, text.encode()).facts if f.kind == "host"]


def test_a_constant_read_into_the_url_of_the_files_request_takes_the_requests_role():
    assert _host_roles("utils/service.js", SERVICE) == [(1, "request")]


def test_a_constant_whose_value_no_request_of_its_file_takes_keeps_its_role():
    assert _host_roles("utils/service.js", IDLE) == [(1, "code")]


def test_a_new_host_is_told_at_the_service_whose_request_uses_it_not_at_the_config(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"config/app.js": CONFIG, "utils/service.js": SERVICE,
                          **loaded_by_app("config/app.js", "utils/service.js")})
    app_repo.commit("a data service")
    hosts = {f for f in found(run(app_repo.path, base)) if f[0] == "external_link.domain"}
    assert hosts == {("external_link.domain", "utils/service.js", 1, "app")}


def test_without_a_request_reaching_it_the_host_stays_at_the_first_module(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"config/app.js": CONFIG, "utils/service.js": IDLE,
                          **loaded_by_app("config/app.js", "utils/service.js")})
    app_repo.commit("a data service that requests elsewhere")
    hosts = {f for f in found(run(app_repo.path, base)) if f[0] == "external_link.domain"}
    assert hosts == {("external_link.domain", "config/app.js", 3, "app")}
