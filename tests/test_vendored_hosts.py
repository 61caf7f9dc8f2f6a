"""Hosts of code the app ships without importing it yet, and of npm packages built into ``miniprogram_npm/``
(readers/sdkhosts.py, core/reachability.py)."""

from __future__ import annotations

from helpers import run
from mp_precheck.readers.sdkhosts import names_endpoint, vendored_hosts

# A minified analytics SDK as the developer tools build it: its servers held in a settings object, joined to a
# path at the call; a docs link, a license comment and a logo beside them.
ANALYTICS = (
    "/*! stats-sdk | MIT | https://license.stats.example/mit */\n"
    "module.exports=function(){var u={LOG_PATH:\"/logs\",ENDPOINT:\"https://collect.stats.example\","
    "ENDPOINTB:\"https://backup.stats.example\",homepage:\"https://docs.stats.example/guide\","
    "logo:\"https://cdn.stats.example/logo.png\"};function s(e){wx.request({url:u.ENDPOINT+u.LOG_PATH,"
    "method:\"POST\",data:e})}return{send:s}}();\n")
APP_JS = "import 'stats-sdk'\nApp({})\n"


def _hosts(report):
    return {(f.subject, f.path, f.line) for f in report.findings if f.rule == "external_link.domain"}


def test_a_built_npm_package_adds_the_servers_it_sends_to(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"miniprogram_npm/stats-sdk/index.js": ANALYTICS, "app.js": APP_JS})
    app_repo.commit()
    assert _hosts(run(app_repo.path, base)) == {
        ("host:collect.stats.example", "miniprogram_npm/stats-sdk/index.js", 2),
        ("host:backup.stats.example", "miniprogram_npm/stats-sdk/index.js", 2)}


def test_a_built_npm_package_without_requests_or_rebuilt_as_it_was_adds_no_host(app_repo):
    router = ("module.exports={docs:\"https://router.example/docs\",go:function(u){wx.navigateTo({url:u})},"
              "api:\"https://api.router.example\"};\n")
    app_repo.write_files({"miniprogram_npm/stats-sdk/index.js": ANALYTICS, "app.js": APP_JS})
    base = app_repo.commit("add the sdk")
    app_repo.write_files({"miniprogram_npm/stats-sdk/index.js": ANALYTICS.replace("POST", "PUT"),  # rebuilt
                          "miniprogram_npm/mini-router/index.js": router})
    app_repo.commit()
    assert _hosts(run(app_repo.path, base)) == set()


def test_a_package_inside_a_node_modules_tree_is_not_read(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"node_modules/stats-sdk/miniprogram_npm/stats-sdk/index.js": ANALYTICS,
                          "node_modules/stats-sdk/index.js": ANALYTICS})
    app_repo.commit()
    assert _hosts(run(app_repo.path, base)) == set()


def test_only_request_hosts_of_a_vendored_script_are_read():
    facts = vendored_hosts(ANALYTICS, "miniprogram_npm/stats-sdk/index.js").facts
    assert {f.subject for f in facts} == {"host:collect.stats.example", "host:backup.stats.example"}
    assert vendored_hosts(ANALYTICS.replace("wx.request(", "console.log("), "x/index.js").facts == ()


def test_names_for_a_server_address_and_for_a_page_to_read():
    assert all(names_endpoint(n) for n in ("ENDPOINT", "ENDPOINTB", "baseUrl", "LOG_URL", "apiHost"))
    assert not any(names_endpoint(n) for n in ("homepage", "docsUrl", "repository", "logo", "version"))


def test_an_api_base_module_nothing_imports_yet_is_told_once(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    config = ("let apiBase = ''\nif (process.env.NODE_ENV === 'development') {\n  apiBase = 'http://localhost:3000'\n"
              "} else {\n  apiBase = 'https://api.music.example'\n}\nexport default { apiBase }\n")
    app_repo.write("utils/config.js", config)
    added = app_repo.commit("add the api base")
    assert _hosts(run(app_repo.path, base)) == {("host:api.music.example", "utils/config.js", 5)}
    app_repo.write("pages/index/index.js", "import config from '../../utils/config'\n"
                                           "Page({ onLoad() { wx.request({ url: config.apiBase + '/list' }) } })\n")
    app_repo.commit("use it")
    assert _hosts(run(app_repo.path, added)) == set()  # already told when the module came in
