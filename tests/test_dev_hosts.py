"""Development hosts (loopback, LAN, localhost, *.local, dev-only branches) and image hosts are not new
server domains: no external_link finding, no 服务器域名 checklist item."""

from __future__ import annotations

import pytest

from helpers import cli, loaded_by_app, run
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.checklist import checklist


def _domains(report):
    return {(f.rule, f.subject, f.path, f.line) for f in report.findings if f.family == "external_link"}


@pytest.mark.parametrize("root", [
    "http://127.0.0.1:8360/api/", "http://127.8.0.1/api/", "http://localhost:3000/", "http://0.0.0.0:8080/",
    "http://10.1.2.3/api/", "http://172.16.5.9/api/", "http://172.31.255.1/api/", "http://192.168.31.116:8360/api/",
    "http://devbox.local/api/",
])
def test_a_dev_api_root_changed_to_another_dev_host_is_not_a_domain(app_repo, root):
    app_repo.write("config/api.js", "var ApiRoot = 'http://192.168.1.20:8360/api/';\n"
                                    "module.exports = { GoodsList: ApiRoot + 'goods/list' };\n")
    base = app_repo.commit("dev root")
    app_repo.write("config/api.js", f"var ApiRoot = '{root}';\nmodule.exports = {{ GoodsList: ApiRoot + 'goods/list' }};\n")
    app_repo.commit("another dev root")
    assert _domains(run(app_repo.path, base)) == set()


@pytest.mark.parametrize(("host", "rules"), [
    # look-alikes that are public addresses: still a new domain, and an IP one at that
    ("http://172.32.0.1/api/", {"external_link.domain", "external_link.insecure_url"}),
    ("http://47.96.10.2/api/", {"external_link.domain", "external_link.insecure_url"}),
    ("https://api.localshop.example.com/", {"external_link.domain"}),
])
def test_public_hosts_next_to_private_ranges_still_fire(app_repo, host, rules):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"config/api.js": f"var ApiRoot = '{host}';\n", **loaded_by_app("config/api.js")})
    app_repo.commit()
    assert {r for r, _, path, line in _domains(run(app_repo.path, base)) if (path, line) == ("config/api.js", 1)} == rules


@pytest.mark.parametrize("url", ["https://example.com?invite=", "https://www.example.org/share", "http://example.net/x"])
def test_a_documentation_placeholder_url_is_no_domain(app_repo, url):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"config/api.js": f"var inviteLink = '{url}' + code;\n", **loaded_by_app("config/api.js")})
    app_repo.commit()
    assert _domains(run(app_repo.path, base)) == set()


def test_a_named_host_under_a_documentation_name_stays_a_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"config/api.js": "var ApiRoot = 'https://shop.example.com/api/';\n",
                          **loaded_by_app("config/api.js")})
    app_repo.commit()
    assert ("external_link.domain", "host:shop.example.com", "config/api.js", 1) in _domains(run(app_repo.path, base))


DEV_BRANCHES = """\
const base = process.env.NODE_ENV === 'development'
  ? 'https://dev-api.shop.example.com'
  : 'https://api.shop.example.com'
let root
if (__wxConfig.envVersion === 'develop') {
  root = 'https://test-api.shop.example.com'
} else {
  root = 'https://api.shop.example.com'
}
const hosts = { dev: 'https://dev2.shop.example.com', local: 'https://local.shop.example.com', prod: 'https://api.shop.example.com' }
const other = process.env.NODE_ENV !== 'production' ? 'https://staging.shop.example.com' : 'https://api.shop.example.com'
module.exports = { base, root, hosts, other }
"""


def test_hosts_only_in_dev_branches_are_left_out_and_the_release_host_is_kept(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"config/env.js": DEV_BRANCHES, **loaded_by_app("config/env.js")})
    app_repo.commit()
    assert _domains(run(app_repo.path, base)) == {("external_link.domain", "host:api.shop.example.com", "config/env.js", 3)}


ODD_NODE_ENV = """let root = ''
if (process.env.NODE_ENV {op} '{value}') {{
  root = 'https://{then}.shop.example.com/'
}} else {{
  root = 'https://{other}.shop.example.com/'
}}
module.exports = root
"""


@pytest.mark.parametrize(("op", "value", "expected"), [
    # no build sets NODE_ENV to 'prod' / 'release' / 'online': the else side is what a standard build ships
    ("===", "prod", {"then", "other"}), ("===", "release", {"then", "other"}), ("!==", "online", {"then", "other"}),
    # the values builds do set keep their roles; 'dev' is never a release build's, so its side stays development
    ("===", "production", {"then"}), ("===", "development", {"other"}), ("===", "dev", {"other"}),
    ("!==", "dev", {"then"}),
])
def test_node_env_compared_with_a_value_no_build_sets(app_repo, op, value, expected):
    base = app_repo.git("rev-parse", "HEAD")
    text = ODD_NODE_ENV.format(op=op, value=value, then="api", other="www")
    app_repo.write_files({"config/env.js": text, **loaded_by_app("config/env.js")})
    app_repo.commit()
    lines = {"then": 3, "other": 5}
    assert _domains(run(app_repo.path, base)) == {
        ("external_link.domain", f"host:{'api' if side == 'then' else 'www'}.shop.example.com", "config/env.js",
         lines[side]) for side in expected}


def test_a_projects_own_env_switch_keeps_its_release_word(app_repo):
    """``APP_ENV === 'prod'`` is the project's own switch, spelt as the project sets it: its other side is the
    development one."""
    base = app_repo.git("rev-parse", "HEAD")
    text = ODD_NODE_ENV.format(op="===", value="prod", then="api", other="www").replace("NODE_ENV", "APP_ENV")
    app_repo.write_files({"config/env.js": text, **loaded_by_app("config/env.js")})
    app_repo.commit()
    assert _domains(run(app_repo.path, base)) == {("external_link.domain", "host:api.shop.example.com",
                                                   "config/env.js", 3)}


SWITCHED = """let isProd = true;
isProd = false;
const config = {
  appUrl: isProd ? 'https://www.travel-example.com' : 'http://localhost:5000',
}
module.exports = config
"""


@pytest.mark.parametrize(("before", "after", "expected"), [
    # the developer's switch is left on: the release host becomes the one the build calls
    ("isProd = false;", "// isProd = false;", {("external_link.domain", "host:www.travel-example.com",
                                               "config/env.js", 4)}),
    ("// isProd = false;", "isProd = false;", set()),  # switched back to the local server: nothing to configure
    ("function dev() { isProd = false }", "", set()),  # set at run time: no switch, the host was always live
], ids=["switched-on", "switched-off", "run-time-assignment"])
def test_a_host_behind_the_files_own_switch_is_new_when_the_switch_turns_it_on(app_repo, before, after, expected):
    app_repo.write_files({"config/env.js": SWITCHED.replace("isProd = false;", before),
                          **loaded_by_app("config/env.js")})
    first = app_repo.commit()
    app_repo.write("config/env.js", SWITCHED.replace("isProd = false;", after))
    app_repo.commit()
    assert _domains(run(app_repo.path, first)) == expected


DEV_FLAG = """var isDebug = {flag};  // on for the developer's own server
var shopApi = isDebug ? 'http://10.0.0.5:9000' : 'https://shop.mall-example.com';
{extra}module.exports = {{ shopApi: shopApi }};
"""
PAY_BY_TERNARY = "var payApi = isDebug ? 'http://10.0.0.5:9100' : 'https://pay.mall-example.com';\n"
PAY_BY_IF = ("var payApi;\nif (!isDebug) {\n  payApi = 'https://pay.mall-example.com';\n} else {\n"
             "  payApi = 'https://sandbox.mall-example.com';\n}\n")


@pytest.mark.parametrize(("flag", "extra", "line"), [
    ("true", PAY_BY_TERNARY, 3), ("true", PAY_BY_IF, 5), ("false", PAY_BY_TERNARY, 3),
], ids=["ternary-flag-on", "if-flag-on", "ternary-flag-off"])
def test_a_new_release_host_behind_a_development_flag_is_new_whatever_the_flags_value(app_repo, flag, extra, line):
    """The release branch of a development flag's test is the server the released app calls, even while the
    developer's build takes the other branch; the development branch's public host is no server domain."""
    app_repo.write_files({"config/hosts.js": DEV_FLAG.format(flag=flag, extra=""), **loaded_by_app("config/hosts.js")})
    first = app_repo.commit()
    app_repo.write("config/hosts.js", DEV_FLAG.format(flag=flag, extra=extra))
    app_repo.commit()
    assert _domains(run(app_repo.path, first)) == {("external_link.domain", "host:pay.mall-example.com",
                                                    "config/hosts.js", line)}


@pytest.mark.parametrize(("before", "after"), [("true", "false"), ("false", "true")], ids=["to-release", "to-dev"])
def test_flipping_a_development_flag_adds_no_server(app_repo, before, after):
    """Both branches were in the base in the same roles: the flag's value picks a build, not a new server."""
    body = DEV_FLAG.replace("http://10.0.0.5:9000", "https://beta.mall-example.com")
    app_repo.write_files({"config/hosts.js": body.format(flag=before, extra=""), **loaded_by_app("config/hosts.js")})
    first = app_repo.commit()
    app_repo.write("config/hosts.js", body.format(flag=after, extra=""))
    app_repo.commit()
    assert _domains(run(app_repo.path, first)) == set()


def test_a_switch_not_named_for_development_still_turns_its_branch_off(app_repo):
    """``useMirror = false``: not a development flag, so the branch it does not take is not used yet."""
    body = DEV_FLAG.replace("isDebug", "useMirror").replace("http://10.0.0.5:9000", "https://mirror.mall-example.com")
    app_repo.write_files({"config/hosts.js": body.format(flag="false", extra=""), **loaded_by_app("config/hosts.js")})
    first = app_repo.commit()
    app_repo.write("config/hosts.js", body.format(flag="true", extra=""))
    app_repo.commit()
    assert _domains(run(app_repo.path, first)) == {("external_link.domain", "host:mirror.mall-example.com",
                                                    "config/hosts.js", 2)}


def test_a_flag_computed_at_run_time_is_no_switch(app_repo):
    """``isProd = process.env.… === 'production'``: the value is not known here, both branches stay live."""
    body = ("let isProd = {start};\nisProd = process.env.NODE_ENV === 'production';\n"
            "const config = {\n  appUrl: isProd ? 'https://www.travel-example.com' : 'http://localhost:5000',\n}\n"
            "module.exports = config\n")
    app_repo.write_files({"config/env.js": body.replace("{start}", "false"), **loaded_by_app("config/env.js")})
    first = app_repo.commit()
    app_repo.write("config/env.js", body.replace("{start}", "true"))
    app_repo.commit()
    assert _domains(run(app_repo.path, first)) == set()


def test_taro_dev_config_is_not_reviewed(repo):
    repo.write_files({
        "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n',
        "project.config.json": '{"miniprogramRoot": "dist/"}\n',
        "src/app.config.ts": "export default { pages: ['pages/index/index'] }\n",
        "src/app.ts": "export default {}\n",
        "src/pages/index/index.tsx": "export default function Index() { return null }\n",
    })
    base = repo.commit("base")
    repo.write("config/dev.js", "module.exports = {\n  defineConstants: { API: JSON.stringify('https://mock.shop.example.com') } }\n")
    repo.write("config/prod.js", "module.exports = {\n  defineConstants: { API: JSON.stringify('https://api.shop.example.com') } }\n")
    repo.commit()
    report = run(repo.path, base)
    assert {f.subject for f in report.findings if f.rule == "external_link.domain"} <= {"host:api.shop.example.com"}
    assert "host:mock.shop.example.com" not in {f.subject for f in report.findings}


def test_image_hosts_are_not_request_domains_in_the_findings_or_the_checklist(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", '<image src="https://img.shop.example.com/banner"/>\n'
                                        '<view style="background-image: url(https://img2.shop.example.com/bg.png)"/>\n')
    app_repo.write("pages/me/me.js", "Page({ data: { cover: 'https://img3.shop.example.com/cover.jpg' } })\n")
    app_repo.commit()
    report = run(app_repo.path, base)
    assert _domains(report) == set()
    assert [item for item in checklist(report, load_catalog()) if item.kind == "domain"] == []


def test_links_wechat_opens_itself_are_no_domains_but_a_request_beside_them_is(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", "Page({\n  kefu() {\n    wx.openCustomerServiceChat({\n"
                   "      extInfo: { url: 'https://work.weixin.qq.com/kfid/kfc0123' }, corpId: 'ww01'\n    })\n"
                   "    wx.request({ url: 'https://api.kefu-shop.example.com/log' })\n"
                   "    wx.openOfficialAccountArticle({ url: 'https://mp.weixin.qq.com/s/abc' })\n  },\n})\n")
    app_repo.commit("kefu")
    assert _domains(run(app_repo.path, base)) == {
        ("external_link.customer_service_chat", "wx.openCustomerServiceChat", "pages/index/index.js", 3),
        ("external_link.domain", "host:api.kefu-shop.example.com", "pages/index/index.js", 6),
        ("external_link.official_account", "wx.openOfficialAccountArticle", "pages/index/index.js", 7)}


def test_dev_hosts_are_not_in_the_notes(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("config/api.js", "var ApiRoot = 'http://127.0.0.1:8360/api/';\n")
    app_repo.commit("fix search")
    code, out, err = cli("notes", "--repo", str(app_repo.path), "--base", base)
    assert code == 0, err
    assert "127.0.0.1" not in out


# Presence: a public host the base already had in development code is a host the app already talks to.
ENV_BASE = """\
const API_ROOT = {
  development: 'https://staging.tea.example.com/api/',
  production: 'https://api.tea.example.com/api/',
}
export const API = API_ROOT[process.env.NODE_ENV || 'development']
"""


def test_release_setting_switched_to_the_existing_development_host_is_not_a_new_domain(app_repo):
    app_repo.write("utils/env.js", ENV_BASE)
    base = app_repo.commit("env")
    app_repo.write("utils/env.js", ENV_BASE.replace("https://api.tea.example.com", "https://staging.tea.example.com"))
    app_repo.commit("release points at staging")
    report = run(app_repo.path, base)
    assert _domains(report) == set()
    assert [r for r in report.removed if r.subject == "host:staging.tea.example.com"] == []


def test_release_setting_switched_to_a_host_base_never_mentioned_is_new(app_repo):
    app_repo.write("utils/env.js", ENV_BASE)
    base = app_repo.commit("env")
    app_repo.write("utils/env.js", ENV_BASE.replace("https://api.tea.example.com", "https://api2.tea.example.com"))
    app_repo.commit("new release host")
    assert _domains(run(app_repo.path, base)) == {
        ("external_link.domain", "host:api2.tea.example.com", "utils/env.js", 3)}


def _taro(repo):
    repo.write_files({
        "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n',
        "project.config.json": '{"miniprogramRoot": "dist/"}\n',
        "src/app.config.ts": "export default { pages: ['pages/index/index'] }\n",
        "src/app.ts": "export default {}\n",
        "src/pages/index/index.tsx": "export default function Index() { return null }\n",
        "config/dev.js": "module.exports = {\n  defineConstants: {\n    API: '\"https://api.tea.example.com/\"',\n  },\n}\n",
    })


def test_taro_prod_config_taking_the_dev_config_host_is_not_a_new_domain(repo):
    _taro(repo)
    base = repo.commit("base: the host in the dev config only")
    repo.write("config/prod.js", "module.exports = {\n  defineConstants: {\n"
                                 "    API: '\"https://api.tea.example.com/\"',\n  },\n}\n")
    repo.commit("prod config")
    assert _domains(run(repo.path, base)) == set()


def test_taro_prod_config_with_another_host_than_the_dev_config_is_new(repo):
    _taro(repo)
    base = repo.commit("base: the host in the dev config only")
    repo.write("config/prod.js", "module.exports = {\n  defineConstants: {\n"
                                 "    API: 'https://shop.tea.example.com/',\n  },\n}\n")
    repo.commit("prod config")
    assert _domains(run(repo.path, base)) == {("external_link.domain", "host:shop.tea.example.com", "config/prod.js", 3)}



TARO_RELEASE = {
    "config/index.js": "const config = { defineConstants: { VERSION: '\"1.0\"' } }\n"
                       "module.exports = function (merge) {\n"
                       "  return merge({}, config, process.env.NODE_ENV === 'development' ? require('./dev') : require('./prod'))\n}\n",
    "config/prod.js": "module.exports = {\n  env: { NODE_ENV: '\"production\"' },\n  defineConstants: {\n  },\n}\n",
    "config/dev.js": "module.exports = {\n  env: { NODE_ENV: '\"development\"' },\n  defineConstants: {\n  },\n}\n",
}


def test_taro_dev_config_constant_no_release_config_defines_is_the_app_host(repo):
    """config/dev.js is the only definition of BASE_URL (prod.js and index.js have none): the build that works
    is the development one, so its host is the app's server domain."""
    _taro(repo)
    repo.write_files(TARO_RELEASE)
    base = repo.commit("base: no API host yet")
    repo.write("config/dev.js", "module.exports = {\n  env: { NODE_ENV: '\"development\"' },\n  defineConstants: {\n"
                                "    BASE_URL: JSON.stringify('https://api.tea.example.com/'),\n  },\n}\n")
    repo.commit("api host")
    assert _domains(run(repo.path, base)) == {("external_link.domain", "host:api.tea.example.com", "config/dev.js", 4)}


@pytest.mark.parametrize(("path", "text"), [
    ("config/prod.js", "module.exports = {\n  defineConstants: { BASE_URL: JSON.stringify('https://api.tea.example.com/') },\n}\n"),
    ("config/index.js", "module.exports = {\n  defineConstants: { 'BASE_URL': process.env.BASE_URL },\n}\n"),
])
def test_taro_dev_config_constant_a_release_config_defines_stays_development(repo, path, text):
    _taro(repo)
    repo.write_files({**TARO_RELEASE, path: text})
    base = repo.commit("base: release value of BASE_URL")
    repo.write("config/dev.js", "module.exports = {\n  defineConstants: {\n"
                                "    BASE_URL: JSON.stringify('https://dev-api.tea.example.com/'),\n  },\n}\n")
    repo.commit("dev host")
    assert _domains(run(repo.path, base)) == set()


def test_taro_dev_config_without_any_release_config_stays_development(repo):
    _taro(repo)
    base = repo.commit("base")
    repo.write("config/dev.js", "module.exports = {\n  defineConstants: {\n    BASE_URL: '\"https://mock.tea.example.com/\"',\n  },\n}\n")
    repo.commit("dev host")
    assert _domains(run(repo.path, base)) == set()


VITE_CONFIG = """\
import { defineConfig } from 'vite'
import uni from '@dcloudio/vite-plugin-uni'
export default defineConfig({
  plugins: [uni()],
  define: { API_ROOT: JSON.stringify('https://api.shop.example.com') },
  server: {
    port: 5173,
    proxy: {
      '/so': { target: 'http://47.96.10.2:3001', changeOrigin: true },
      '/img': 'https://proxy.shop.example.com',
    },
  },
})
"""


def test_dev_server_proxy_targets_are_development_hosts_but_a_defined_constant_ships(repo):
    """vite's server.proxy (webpack's devServer.proxy) forwards a browser's requests while a developer serves
    the H5 build: no Mini Program build contains its targets. A ``define`` constant is compiled into the app."""
    repo.write_files({
        "package.json": '{"dependencies": {"@dcloudio/uni-app": "3.0.0"}}\n',
        "src/pages.json": '{"pages": [{"path": "pages/index/index"}]}\n',
        "src/main.js": "import { createSSRApp } from 'vue'\nexport function createApp() { return {} }\n",
        "src/manifest.json": '{"name": "shop", "mp-weixin": {"appid": "wx0123456789abcdef"}}\n',
        "src/pages/index/index.vue": "<template><view>home</view></template>\n",
    })
    base = repo.commit("base")
    repo.write("vite.config.js", VITE_CONFIG)
    repo.commit("vite config")
    domains = {(f.subject, f.line) for f in run(repo.path, base).findings if f.rule == "external_link.domain"}
    assert domains == {("host:api.shop.example.com", 5)}


POOLS = """\
const environment = 'production'
const health = {
  development: 'http://192.168.101.120:82/api',
  staging: 'https://test-api.pool-example.top',
  production: 'https://api.shop.example.com'
}
module.exports = { HOST: health[environment] }
"""


def test_a_staging_entry_of_a_host_pool_is_no_release_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"config/hosts.js": POOLS, **loaded_by_app("config/hosts.js")})
    app_repo.commit("a host pool")
    assert {(subject, line) for rule, subject, _path, line in _domains(run(app_repo.path, base))
            if rule == "external_link.domain"} == {("host:api.shop.example.com", 5)}
