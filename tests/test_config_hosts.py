"""Server hosts outside a plain script: an API base kept in a JSON config the code imports, a vendored minified
SDK's own request urls, WeChat's server API called from the client; and a TypeScript type that names an API
(``typeof wx.navigateToMiniProgram``) is no call of it."""

from __future__ import annotations

from helpers import found, loaded_by_app, run


def _external(report):
    return {(f.rule, f.path, f.line, f.scope) for f in report.findings if f.family == "external_link"}


def test_an_api_base_in_an_imported_production_json_is_a_new_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        **loaded_by_app("utils/http.js"),
        "utils/http.js": "const env = require('../config/env/production.json')\n"
                         "module.exports = (url) => wx.request({ url: env.API_HOST + url })\n",
        "config/env/production.json": '{\n  "API_HOST": "http://api.shop.example:7001/",\n  "TITLE": "Shop"\n}\n',
        "config/env/development.json": '{\n  "API_HOST": "https://dev.shop.example/"\n}\n'})
    app_repo.commit()
    assert _external(run(app_repo.path, base)) == {
        ("external_link.domain", "config/env/production.json", 2, "app"),
        ("external_link.insecure_url", "config/env/production.json", 2, "app")}


def test_links_in_a_json_data_file_are_content_not_servers(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        "data/articles.json": '{\n  "homepage": "https://www.shop.example",\n'
                              '  "list": [{"url": "https://news.shop.example/1"}],\n'
                              '  "about": {"apiHost": "https://nested.shop.example"}\n}\n'})
    app_repo.commit()
    assert _external(run(app_repo.path, base)) == set()


SDK = ('!function(){var t=function(e){this.ak=e};t.prototype.search=function(e){wx.request({url:'
       '"https://api.map.example/place/v2/search",data:e,success:e.success})},'
       't.prototype.help="https://docs.map.example/guide",module.exports={MapSDK:t}}();\n')


def test_a_minified_sdk_the_app_loads_adds_its_request_host(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({**loaded_by_app("libs/map-sdk.min.js"), "libs/map-sdk.min.js": SDK})
    app_repo.commit()
    assert _external(run(app_repo.path, base)) == {("external_link.domain", "libs/map-sdk.min.js", 1, "app")}


def test_a_minified_library_without_requests_adds_no_host_only_its_privacy_call(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    library = ('!function(){var t={docs:"https://lib.example/docs",'
               'loc:function(){wx.getLocation({success:function(){}})}};module.exports=t}();\n')
    app_repo.write_files({**loaded_by_app("libs/tools.min.js"), "libs/tools.min.js": library})
    app_repo.commit()
    found = {(f.family, f.rule, f.line) for f in run(app_repo.path, base).findings if f.path == "libs/tools.min.js"}
    assert ("privacy", "privacy.location", 1) in found  # readers/sdkprivacy.py
    assert {family for family, _rule, _line in found} == {"privacy"}


def test_wechats_server_api_from_the_client_is_an_unconfigurable_host_once(app_repo):
    app_repo.write("pages/me/me.js", "Page({ onShow() {\n  wx.request({ url: 'https://api.weixin.qq.com/sns/"
                                     "jscode2session?js_code=' + this.code })\n} })\n")
    base = app_repo.commit()
    app_repo.write("pages/index/index.js", "Page({ onLoad() {\n  wx.request({ url: 'https://api.weixin.qq.com/"
                                           "wxa/getwxacodeunlimit?access_token=' + this.t })\n} })\n")
    app_repo.commit()
    report = run(app_repo.path, base)
    # Already called in base: the host is judged as a host, nothing new (and never "add api.weixin.qq.com to
    # 服务器域名"); the access token sent from the client is still told in the file.
    assert not any(f.rule in ("external_link.wechat_server_api", "external_link.domain") for f in report.findings)
    assert ("policy.client_secret", "pages/index/index.js", 2, "file") in found(report)


def test_a_typescript_type_naming_an_api_is_no_call_of_it(app_repo):
    app_repo.write_files({
        "pages/index/index.ts": "import Version = wx.navigateToMiniProgram.envVersion\n"
                                "type Go = typeof wx.navigateToMiniProgram\n"
                                "Page({ go() { wx.navigateToMiniProgram({ appId: 'wx1' }) } })\n"})
    base = app_repo.commit()
    app_repo.write_files({
        "pages/index/index.ts": "type Go = typeof wx.navigateToMiniProgram\n"
                                "Page({ go() { wx.navigateToMiniProgram({ appId: 'wx1' }) } })\n",
        "pages/me/me.js": "Page({ tap() {\n  wx.navigateToMiniProgram({ appId: 'wx2' }) } })\n"})
    app_repo.commit()
    assert ("external_link.navigate_to_mini_program", "pages/me/me.js", 2, "file") in found(run(app_repo.path, base))


def test_wechats_server_api_in_a_script_that_loads_node_builtins_is_server_code(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        **loaded_by_app("server/mina.js"),
        "server/mina.js": "import crypto from 'crypto'\nexport const session = (rp, code) => rp({\n"
                          "  uri: 'https://api.weixin.qq.com/sns/jscode2session', qs: { js_code: code } })\n"})
    app_repo.commit()
    assert not any(f.rule == "external_link.wechat_server_api" for f in run(app_repo.path, base).findings)
