"""A server host the App object holds under a test-named property, reached by the app's requests through
``getApp()``: through a method of the App reading it through ``this`` (and other App methods), or its ``globalData``
read straight; native, uni-app (``App.vue``) and Taro (a class app's ``globalData``). The host is a server the app
requests (external_link.domain at the line where the App holds it); a loopback host, a property only pictures read,
one no request reads and a read on a development test's side stay silent."""

from __future__ import annotations

from helpers import run
from mp_precheck.readers.appheld import app_held_urls
from mp_precheck.readers.appurlreads import app_url_reads

APP = """\
App({
  testServerRoot: "SERVER",
  testPort: "8443",
  testPictureRoot: "https://pics.pebblemart.cn",
  testSpareRoot: "https://spare.pebblemart.cn",
  testOrigin: function () {
    return this.testServerRoot + ":" + this.testPort;
  },
  apiAt: function (route) {
    return this.testOrigin() + route;
  },
  pictureAt(name) {
    return this.testPictureRoot + "/" + name;
  },
  shelfRoute: "/shelf/list",
})
"""

SHELF = """\
const app = getApp()
Page({
  data: { cover: app.pictureAt("cover.png") },
  onLoad() {
    wx.request({ url: app.apiAt(app.shelfRoute), success: (res) => this.setData({ rows: res.data }) })
  },
})
"""


def _domains(report):
    return {(f.rule, f.subject, f.path, f.line) for f in report.findings if f.family == "external_link"}


def _shop(repo, server, files=None):
    repo.write_files({
        "app.json": '{\n  "pages": ["pages/shelf/shelf"]\n}\n',
        "app.js": APP.replace("SERVER", server),
        "pages/shelf/shelf.js": SHELF,
        "pages/shelf/shelf.wxml": '<image src="{{cover}}"/>\n<view wx:for="{{rows}}">{{item.name}}</view>\n',
        **(files or {}),
    })


def test_a_tunnel_host_an_app_method_builds_the_requests_url_from_is_a_server_a_lan_one_is_not(repo):
    _shop(repo, "http://127.0.0.1")
    base = repo.commit("local server")
    repo.write("app.js", APP.replace("SERVER", "http://192.168.3.14"))
    repo.commit("lan server")
    assert _domains(run(repo.path, base)) == set()
    repo.write("app.js", APP.replace("SERVER", "http://k7q2zz.natappfree.cc"))
    repo.commit("tunnel")
    report = run(repo.path, base)
    assert _domains(report) == {("external_link.domain", "host:k7q2zz.natappfree.cc", "app.js", 2),
                                ("external_link.insecure_url", "host:k7q2zz.natappfree.cc", "app.js", 2)}
    told = next(f for f in report.findings if f.rule == "external_link.domain")
    assert "NATAPP" in told.fix and told.usage == "request"


def test_a_global_data_host_a_page_uploads_to_is_told_where_the_app_holds_it(repo):
    app = ('App({\n  globalData: {\n    debugUploadBase: "BASE",\n    testBadgeBase: "https://badge.pebblemart.cn",\n'
           '  },\n})\n')
    page = ("Page({\n  send(path) {\n    const g = getApp().globalData\n"
            "    wx.uploadFile({ url: g.debugUploadBase + '/photo', filePath: path, name: 'f' })\n  },\n})\n")
    repo.write_files({"app.json": '{ "pages": ["pages/post/post"] }\n', "app.js": app.replace("BASE", "http://localhost"),
                      "pages/post/post.js": page, "pages/post/post.wxml": '<button bindtap="send">发</button>\n'})
    base = repo.commit("local upload server")
    repo.write("app.js", app.replace("BASE", "https://up.pebblemart.cn"))
    repo.commit("public upload server")
    report = run(repo.path, base)
    assert _domains(report) == {("external_link.domain", "host:up.pebblemart.cn", "app.js", 3)}
    assert next(f.usage for f in report.findings if f.rule == "external_link.domain") == "upload"


def test_a_read_on_a_development_tests_side_or_beside_a_release_value_is_no_release_request(repo):
    app = ('App({\n  flagDebug: false,\n  mockApi: "https://mock.pebblemart.cn",\n  testApi: "https://api.pebblemart.cn",\n'
           '  api() {\n    return this.flagDebug ? this.mockApi : this.testApi\n  },\n'
           '  flagZone: 2,\n  stageApi: "https://stage.pebblemart.cn",\n  shopApi: "https://shop.pebblemart.cn",\n'
           '  zoneApi() {\n    return this.flagZone === 2 ? this.stageApi : this.shopApi\n  },\n})\n')
    page = ("const app = getApp()\nPage({\n  onShow() {\n    let url\n    url = app.api() + '/me'\n"
            "    wx.request({ url })\n    wx.request({ url: app.zoneApi() + '/zone' })\n  },\n})\n")
    repo.write_files({"app.json": '{ "pages": ["pages/me/me"] }\n', "app.js": "App({})\n",
                      "pages/me/me.js": page, "pages/me/me.wxml": "<view>me</view>\n"})
    base = repo.commit("no server yet")
    repo.write("app.js", app)
    repo.commit("servers")
    assert _domains(run(repo.path, base)) == {("external_link.domain", "host:api.pebblemart.cn", "app.js", 4),
                                              ("external_link.domain", "host:shop.pebblemart.cn", "app.js", 10)}


def test_uni_app_global_data_read_into_a_request_is_a_server(repo):
    app = ("<script>\nexport default {\n  globalData: {\n    testHost: 'HOST',\n    devLogo: 'https://img.pebblemart.cn/l.png',\n"
           "  },\n  onLaunch() {},\n}\n</script>\n")
    page = ("<template><view>{{ rows.length }}</view></template>\n<script>\nexport default {\n"
            "  data() { return { rows: [] } },\n  onLoad() {\n"
            "    uni.request({ url: getApp().globalData.testHost + '/rows', success: (r) => { this.rows = r.data } })\n"
            "  },\n}\n</script>\n")
    repo.write_files({
        "package.json": '{"name": "pebble", "dependencies": {"@dcloudio/uni-app": "3.0.0"}}\n',
        "src/pages.json": '{ "pages": [ {"path": "pages/rows/rows"} ] }\n',
        "src/manifest.json": '{ "mp-weixin": { "appid": "wx0a1b2c3d4e5f6a7b" } }\n',
        "src/pages/rows/rows.vue": page,
    })
    found = _host_made_public(repo, "src/App.vue", app, "http://127.0.0.1:9000", "https://rows.pebblemart.cn")
    assert found == {("external_link.domain", "host:rows.pebblemart.cn", "src/App.vue", 4)}


def _host_made_public(repo, app_path, app, local, public):
    """The domain findings of a change that swaps the App file's HOST from a local address to a public one."""
    repo.write(app_path, app.replace("HOST", local))
    base = repo.commit("local")
    repo.write(app_path, app.replace("HOST", public))
    repo.commit("public")
    return _domains(run(repo.path, base))


def test_taro_class_app_global_data_read_into_a_request_is_a_server(repo):
    app = ("import { Component } from 'react'\nclass App extends Component {\n  globalData = {\n    testApiHost: 'HOST',\n"
           "  }\n  render() { return this.props.children }\n}\nexport default App\n")
    page = ("import Taro from '@tarojs/taro'\nimport { View } from '@tarojs/components'\nexport default function Rows() {\n"
            "  Taro.request({ url: Taro.getApp().globalData.testApiHost + '/rows' })\n  return <View>行</View>\n}\n")
    repo.write_files({
        "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0", "@tarojs/components": "3.6.0"}}',
        "project.config.json": '{"miniprogramRoot": "dist/"}',
        "src/app.config.js": "export default {\n  pages: ['pages/rows/index'],\n}\n",
        "src/pages/rows/index.jsx": page,
    })
    found = _host_made_public(repo, "src/app.jsx", app, "http://localhost:10086", "https://taro.pebblemart.cn")
    assert found == {("external_link.domain", "host:taro.pebblemart.cn", "src/app.jsx", 4)}


def test_the_app_file_reads_its_members_paths_and_what_each_method_builds_from():
    held = app_held_urls(APP.replace("SERVER", "https://s.pebblemart.cn"), "app.js")
    assert held["testServerRoot"] == {2} and held["testPictureRoot"] == {4}
    assert held["testOrigin"] == {2, 3} and held["apiAt"] == {2, 3} and held["pictureAt"] == {4}
    assert "testSpareRoot" in held and not any(4 in lines for name, lines in held.items() if name == "apiAt")


def test_a_script_reads_app_members_into_request_urls_with_their_roles():
    page = ("const app = getApp()\nconst { globalData } = app\nfunction load(url) { wx.downloadFile({ url }) }\n"
            "Page({\n  data: { icon: app.pictureAt('i.png') },\n  go() {\n    load(app.apiAt('/a'))\n"
            "    request(globalData.testBase + '/b')\n  },\n})\n")
    assert app_url_reads(page, "pages/a/a.js") == {"apiAt": {"download"}, "globalData.testBase": {"request"}}
    own = "App({ onLaunch() { var that = this; wx.request({ url: that.apiAt('/login') }) } })\n"
    assert app_url_reads(own, "app.js", own=True) == {"apiAt": {"request"}}
    assert app_url_reads(own, "pages/a/a.js") == {}
