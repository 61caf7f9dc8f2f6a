"""external_link findings that are no server the Mini Program talks to, and one env file the build does read:
a URL only compared with a value, WeChat's server API already in the app or in a cloud function, a host of a
hand-set env switch's development branch, a link to a repository page, a web-view page renamed or not yet
registered, and the ``envDir`` folder of a Vite config."""

from __future__ import annotations

from helpers import loaded_by_app, run
from mp_precheck.facts.scope import is_server_code
from test_frameworks import UNI_BASE


def _links(report):
    return {(f.rule, f.path, f.line) for f in report.findings if f.family == "external_link"}


# -- a URL literal only compared with a value ----------------------------------------------------------------

def test_a_url_only_compared_with_a_value_is_no_host(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/acl.js": "export function isPublic(grant) {\n"
                                          "  return grant.uri === 'http://acl.storage-example.cn/groups/all'\n}\n"
                                          "export function kind(ns) {\n  switch (ns) {\n"
                                          "    case ('https://ns.storage-example.cn/v2'): return 2\n  }\n}\n",
                          **loaded_by_app("utils/acl.js")})
    app_repo.commit()
    assert _links(run(app_repo.path, base)) == set()


def test_a_url_the_same_file_requests_beside_a_comparison_is_still_a_host(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/acl.js": "export function isPublic(grant) {\n"
                                          "  if (grant.uri != 'https://acl.storage-example.cn/all') return false\n"
                                          "  return wx.request({ url: 'https://acl.storage-example.cn/all' })\n}\n",
                          **loaded_by_app("utils/acl.js")})
    app_repo.commit()
    assert _links(run(app_repo.path, base)) == {("external_link.domain", "utils/acl.js", 3)}


def test_a_url_a_string_test_looks_for_is_no_host_and_one_it_requests_is(app_repo):
    """``link.startsWith('https://…')`` and ``indexOf('https://…') === 0`` test which links a page accepts: the
    literal is searched for, never requested. The same host in a request stays a host."""
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/links.js": "export function accepted(link) {\n"
                                            "  return link.startsWith('https://articles.example-media.cn/') ||\n"
                                            "    link.indexOf('https://docs.example-media.cn') === 0\n}\n"
                                            "export function load() {\n"
                                            "  return wx.request({ url: 'https://feeds.example-media.cn/list' })\n}\n",
                          **loaded_by_app("utils/links.js")})
    app_repo.commit()
    assert _links(run(app_repo.path, base)) == {("external_link.domain", "utils/links.js", 6)}


def test_wechat_s_developer_documentation_is_no_server_but_a_web_view_of_it_needs_its_domain(app_repo):
    """A page's default link to WeChat's developer docs is a site people read: no server domain. A ``<web-view>``
    opening it still needs a business domain, which no Mini Program can verify on WeChat's site: told."""
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", "Page({\n  data: { url: 'https://developers.weixin.qq.com/' },\n"
                                           "  open() { wx.navigateTo({ url: '/pages/web/web?url=' + this.data.url }) },\n})\n")
    app_repo.commit()
    assert _links(run(app_repo.path, base)) == set()
    app_repo.write("pages/me/me.wxml", '<web-view src="https://developers.weixin.qq.com/miniprogram/dev/"></web-view>\n')
    app_repo.commit()
    found = {rule for rule, path, _line in _links(run(app_repo.path, base)) if path == "pages/me/me.wxml"}
    assert "external_link.business_domain" in found


# -- WeChat's server API host: judged like a host, never in server code --------------------------------------

SESSION = "https://api.weixin.qq.com/sns/jscode2session"


def test_the_wechat_server_api_the_app_already_named_is_nothing_new_in_another_file(app_repo):
    app_repo.write_files({"utils/login.js": f"export const url = '{SESSION}'\n", **loaded_by_app("utils/login.js")})
    base = app_repo.commit()
    app_repo.write_files({"config/api.js": f"export default {{\n  session: '{SESSION}',\n}}\n",
                          **loaded_by_app("utils/login.js", "config/api.js")})
    app_repo.commit()
    assert {r for r in _links(run(app_repo.path, base)) if r[0] == "external_link.wechat_server_api"} == set()


def test_the_wechat_server_api_new_to_the_app_is_reported_in_each_file_that_calls_it(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    call = "Page({ go(code) {\n  wx.request({ url: '" + SESSION + "?js_code=' + code })\n} })\n"
    app_repo.write_files({"pages/index/index.js": call, "pages/me/me.js": call})
    app_repo.commit()
    assert {r for r in _links(run(app_repo.path, base)) if r[0] == "external_link.wechat_server_api"} == {
        ("external_link.wechat_server_api", "pages/index/index.js", 2),
        ("external_link.wechat_server_api", "pages/me/me.js", 2)}


def test_the_wechat_server_api_in_a_uni_cloud_function_folder_is_server_code(repo):
    repo.write_files({**UNI_BASE})
    base = repo.commit()
    repo.write("cloudfunctions-aliyun/send/index.js",
               "'use strict'\nexports.main = async (event) => {\n"
               f"  return uniCloud.httpclient.request('{SESSION}?appid=' + event.appid)\n}}\n")
    repo.commit()
    assert _links(run(repo.path, base)) == set()


def test_server_folders_in_their_spellings():
    for path in ("cloudfunctions-aliyun/a/index.js", "uniCloud-alipay/cloudfunctions/a/index.js",
                 "cloudFunctions/a/index.js", "cloud-functions/a.js"):
        assert is_server_code(path, None), path
    for path in ("pages/cloud/index.js", "cloudfunctions.js", "utils/cloudy/a.js"):
        assert not is_server_code(path, None), path


# -- a development branch of a hand-set env switch -------------------------------------------------------------

def test_a_host_in_the_development_branch_of_an_env_constant_is_no_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"config.js": "const Environment = 'production'\n"
                                       "const host = Environment === 'development' ? 'http://dev.shop-example.cn'"
                                       " : 'https://api.shop-example.cn'\nmodule.exports = { host }\n",
                          **loaded_by_app("config.js")})
    app_repo.commit()
    report = run(app_repo.path, base)
    assert _links(report) == {("external_link.domain", "config.js", 2)}
    finding = next(f for f in report.findings if f.rule == "external_link.domain")
    assert finding.subject == "host:api.shop-example.cn"


# -- a link to a page people read -------------------------------------------------------------------------------

def test_a_repository_link_shown_on_a_page_is_no_domain_but_an_api_base_is(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({\n  data: {\n    github: 'https://code-example.com/team/app',\n"
                                     "    apiBase: 'https://api.team-example.cn',\n"
                                     "    githubApi: 'https://api.code-example.com',\n  },\n})\n")
    app_repo.commit()
    assert _links(run(app_repo.path, base)) == {("external_link.domain", "pages/me/me.js", 4),
                                                ("external_link.domain", "pages/me/me.js", 5)}


# -- web-view pages: renamed, or not registered ----------------------------------------------------------------

WEB_VIEW = '<view class="page">\n  <web-view src="{{url}}"></web-view>\n</view>\n'
WEB_VIEW_JS = "Page({ data: { url: '' }, onLoad(q) { this.setData({ url: decodeURIComponent(q.url) }) } })\n"


def test_a_web_view_page_rebuilt_under_a_new_name_is_not_new(app_repo):
    app_repo.write_files({"app.json": '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/web/web"]\n}\n',
                          "pages/web/web.wxml": WEB_VIEW, "pages/web/web.js": WEB_VIEW_JS})
    base = app_repo.commit()
    app_repo.remove("pages/web/web.wxml")
    app_repo.remove("pages/web/web.js")
    app_repo.write_files({"app.json": '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/browser/browser"]\n}\n',
                          "pages/browser/browser.wxml": '<web-view src="{{url}}"></web-view>\n',
                          "pages/browser/browser.js": "Page({ onLoad(query) {\n"
                                                      "  this.setData({ url: decodeURIComponent(query.url) })\n} })\n"})
    app_repo.commit()
    assert _links(run(app_repo.path, base)) == set()


def test_a_new_web_view_page_beside_a_deleted_one_of_another_shape_is_new(app_repo):
    app_repo.write_files({"app.json": '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/web/web"]\n}\n',
                          "pages/web/web.wxml": WEB_VIEW, "pages/web/web.js": WEB_VIEW_JS})
    base = app_repo.commit()
    app_repo.remove("pages/web/web.wxml")
    app_repo.remove("pages/web/web.js")
    app_repo.write_files({"app.json": '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/help/help"]\n}\n',
                          "pages/help/help.wxml": '<web-view src="https://help.shop-example.cn/faq"></web-view>\n',
                          "pages/help/help.js": "Page({})\n"})
    app_repo.commit()
    assert ("external_link.web_view", "pages/help/help.wxml", 1) in _links(run(app_repo.path, base))


UNI_WEB_VIEW = ("<template>\n  <web-view :src=\"url\"></web-view>\n</template>\n<script>\n"
                "export default { data() { return { url: '' } }, onLoad(q) { this.url = q.url } }\n</script>\n")


def test_a_uni_app_page_file_pages_json_does_not_register_is_not_built(repo):
    repo.write_files({**UNI_BASE})
    base = repo.commit()
    repo.write("src/pages/common/browser/index.vue", UNI_WEB_VIEW)
    repo.commit()
    assert _links(run(repo.path, base)) == set()


def test_a_uni_app_page_once_registered_reports_its_web_view(repo):
    repo.write_files({**UNI_BASE})
    base = repo.commit()
    repo.write("src/pages/common/browser/index.vue", UNI_WEB_VIEW)
    repo.write("src/pages.json", '{"pages": [{"path": "pages/index/index"}, {"path": "pages/common/browser/index"}]}')
    repo.commit()
    assert ("external_link.web_view", "src/pages/common/browser/index.vue", 2) in _links(run(repo.path, base))


# -- env files where a Vite config's envDir puts them -----------------------------------------------------------

def test_an_env_file_in_the_folder_a_vite_config_names_is_read(repo):
    repo.write_files({**{f"app/{p}": t for p, t in UNI_BASE.items()},
                      "app/package.json": '{"dependencies": {"@dcloudio/uni-app": "3.0.0"}}\n',
                      "app/vite.config.ts": "import { resolve } from 'node:path'\nimport { defineConfig } from 'vite'\n"
                                            "export default defineConfig(() => ({\n"
                                            "  envDir: resolve(__dirname, 'env'),\n}))\n"})
    base = repo.commit()
    repo.write("app/env/.env.production", "VITE_BASE_URL=https://api.campus-example.cn/app\n")
    repo.write("app/other/.env.production", "VITE_BASE_URL=https://other.campus-example.cn/app\n")
    repo.commit()
    assert _links(run(repo.path, base)) == {("external_link.domain", "app/env/.env.production", 1)}
