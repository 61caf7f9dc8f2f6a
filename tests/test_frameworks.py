"""Taro, uni-app, mpx and WePY projects get the same analysis, pointing at their own source."""

from __future__ import annotations

from helpers import found, rules, run

TARO_BASE = {
    "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0", "@tarojs/components": "3.6.0"}}',
    "project.config.json": '{"miniprogramRoot": "dist/"}',
    "src/app.config.ts": "export default defineAppConfig({\n  pages: ['pages/index/index', 'pages/me/index'],\n})\n",
    "src/app.ts": "import Taro from '@tarojs/taro'\nexport default function App({ children }) { return children }\n",
    "src/pages/index/index.tsx": "import { View } from '@tarojs/components'\nexport default () => <View>首页</View>\n",
    "src/pages/me/index.tsx": "export default () => null\n",
    "dist/app.json": '{"pages": ["pages/index/index"]}',
    "dist/app.js": "wx.getLocation()\n",
}


def test_taro_apis_components_and_config(repo):
    repo.write_files(TARO_BASE)
    base = repo.commit()
    repo.write("src/pages/me/index.tsx",
               "import Taro, { chooseImage } from '@tarojs/taro'\nimport { Button, WebView } from '@tarojs/components'\n"
               "export default function Me() {\n  const pick = () => chooseImage()\n"
               "  const where = () => Taro.getLocation({ type: 'gcj02' })\n"
               "  return <Button openType='getPhoneNumber' onGetPhoneNumber={pick} onLongPress={where}>绑定</Button>\n}\n")
    repo.write("src/app.config.ts", "export default defineAppConfig({\n  pages: ['pages/index/index', 'pages/me/index'],\n"
                                    "  requiredPrivateInfos: ['getLocation'],\n})\n")
    repo.write("dist/app.js", "wx.getLocation(); wx.requestPayment()\n")  # build output: never analysed
    repo.commit()
    report = run(repo.path, base)
    assert [(p.root, p.framework) for p in report.projects] == [("", "taro")]
    assert found(report) >= {("privacy.album", "src/pages/me/index.tsx", 4, "app"),
                             ("privacy.location", "src/pages/me/index.tsx", 5, "app"),
                             ("privacy.phone_number", "src/pages/me/index.tsx", 6, "app"),
                             ("privacy.required_private_infos", "src/app.config.ts", 3, "app")}
    assert not [f for f in report.findings if f.path.startswith("dist/")]
    assert "privacy.required_private_infos_missing" not in rules(report)


UNI_BASE = {
    "src/pages.json": '{\n  // pages\n  "pages": [{"path": "pages/index/index"}, {"path": "pages/me/me"}],\n}\n',
    "src/manifest.json": '{\n  "name": "shop",\n  "mp-weixin": { "appid": "wx1" }\n}\n',
    "src/App.vue": "<script>\nexport default { onLaunch() {} }\n</script>\n",
    "src/pages/index/index.vue": "<template><view>首页</view></template>\n",
    "src/pages/me/me.vue": "<template><view>我的</view></template>\n",
}


def test_uni_app_conditional_compilation_in_js_templates_and_json(repo):
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write("src/pages/me/me.vue", """<template>
  <view @tap="locate">
    <!-- #ifdef H5 -->
    <web-view src="https://h5-only.example.com/a"></web-view>
    <!-- #endif -->
    <!-- #ifdef MP-WEIXIN -->
    <button open-type="getPhoneNumber" @getphonenumber="onPhone">绑定手机</button>
    <!-- #endif -->
  </view>
</template>
<script>
export default {
  methods: {
    locate() {
      // #ifdef APP-PLUS
      uni.getLocation({})
      // #endif
      // #ifndef MP-WEIXIN
      uni.requestPayment({})
      // #endif
      // #ifdef MP
      uni.chooseImage({})
      // #endif
    },
  },
}
</script>
""")
    repo.write("src/manifest.json", '{\n  "name": "shop",\n  "mp-weixin": {\n    "appid": "wx1",\n'
                                    '    "requiredPrivateInfos": ["chooseAddress"]\n  },\n'
                                    '  "app-plus": { "requiredPrivateInfos": ["getLocation"] }\n}\n')
    repo.commit()
    report = run(repo.path, base)
    assert [(p.root, p.framework) for p in report.projects] == [("", "uni-app")]
    got = {(f.rule, f.path, f.line) for f in report.findings if f.scope == "app"}
    assert ("privacy.phone_number", "src/pages/me/me.vue", 7) in got
    assert ("privacy.album", "src/pages/me/me.vue", 22) in got
    assert ("privacy.required_private_infos", "src/manifest.json", 5) in got
    subjects = {f.subject for f in report.findings}
    assert not subjects & {"<web-view>", "wx.getLocation", "wx.requestPayment", "app.json:requiredPrivateInfos:getLocation"}


def test_mpx_json_block_and_api_proxy(repo):
    repo.write_files({
        "src/app.mpx": '<script>\nimport mpx, { createApp } from "@mpxjs/core"\ncreateApp({})\n</script>\n'
                       '<script type="application/json">\n{\n  "pages": ["./pages/index"]\n}\n</script>\n',
        "src/pages/index.mpx": "<template><view>hi</view></template>\n",
    })
    base = repo.commit()
    repo.write("src/app.mpx", '<script>\nimport mpx, { createApp } from "@mpxjs/core"\ncreateApp({})\n</script>\n'
                              '<script type="application/json">\n{\n  "pages": ["./pages/index"],\n'
                              '  "requiredPrivateInfos": ["chooseLocation"]\n}\n</script>\n')
    repo.write("src/pages/index.mpx", '<template><view bindtap="pick">hi</view></template>\n<script>\n'
                                      'import mpx from "@mpxjs/core"\nexport default { pick() { mpx.chooseLocation() } }\n'
                                      '</script>\n')
    repo.commit()
    report = run(repo.path, base)
    assert [(p.root, p.framework) for p in report.projects] == [("src", "mpx")]
    assert found(report) >= {("privacy.choose_location", "src/pages/index.mpx", 4, "app"),
                             ("privacy.required_private_infos", "src/app.mpx", 8, "app")}


def test_wepy_config_field_and_namespace(repo):
    repo.write_files({
        "src/app.wpy": "<script>\nimport wepy from 'wepy'\nexport default class extends wepy.app {\n"
                       "  config = { pages: ['pages/index'] }\n}\n</script>\n",
        "src/pages/index.wpy": "<template><view>hi</view></template>\n",
    })
    base = repo.commit()
    repo.write("src/pages/index.wpy", "<template>\n  <button open-type=\"getPhoneNumber\" @getphonenumber=\"p\">vip</button>\n"
                                      "</template>\n<script>\nimport wepy from 'wepy'\nexport default class extends wepy.page {\n"
                                      "  methods = { go() { wepy.chooseLocation() } }\n}\n</script>\n")
    repo.commit()
    report = run(repo.path, base)
    assert [(p.root, p.framework) for p in report.projects] == [("", "wepy")]
    assert found(report) >= {("privacy.phone_number", "src/pages/index.wpy", 2, "app"),
                             ("privacy.choose_location", "src/pages/index.wpy", 7, "app")}
    assert "privacy.required_private_infos_missing" in rules(report)  # config = {...} lacks it


def test_taro_forced_login_on_the_entry_page(repo):
    repo.write_files(TARO_BASE)
    base = repo.commit()
    repo.write("src/pages/index/index.tsx",
               "import Taro from '@tarojs/taro'\nimport { Component } from 'react'\n"
               "export default class Index extends Component {\n  componentDidShow() {\n"
               "    if (!Taro.getStorageSync('token')) Taro.redirectTo({ url: '/pages/login/index' })\n  }\n"
               "  render() { return null }\n}\n")
    repo.commit()
    assert ("login.forced_login", "src/pages/index/index.tsx", 5, "app") in found(run(repo.path, base))


def test_several_projects_in_one_repository(repo):
    repo.write_files({**{f"taro/{k}": v for k, v in TARO_BASE.items()},
                      "native/app.json": '{"pages": ["pages/a/a"]}', "native/app.js": "App({})\n"})
    base = repo.commit()
    repo.write("native/pages/a/a.js", "wx.chooseAddress()\n")
    repo.write("taro/src/pages/me/index.tsx", "import Taro from '@tarojs/taro'\nTaro.chooseAddress()\n")
    repo.commit()
    report = run(repo.path, base)
    assert {(p.root, p.framework) for p in report.projects} == {("native", "native"), ("taro", "taro")}
    assert {(f.rule, f.project) for f in report.findings if f.rule == "privacy.address"} == {
        ("privacy.address", "native"), ("privacy.address", "taro")}


MPVUE_BASE = {
    "package.json": '{"dependencies": {"mpvue": "^2.0.0"}}\n',
    "src/app.json": '{"pages": ["pages/index/main"]}\n',
    "src/main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue(App).$mount()\n",
    "src/App.vue": "<script>export default {}</script>\n",
    "src/pages/index/main.js": "import Vue from 'vue'\nimport App from './index'\nnew Vue(App).$mount()\n",
    "src/pages/index/index.vue": "<template><div>home</div></template>\n",
}
MPVUE_HELPERS = """// 获取用户信息
export function readProfile (onSuccess) {
  NS.getUserInfo({
    success (res) { onSuccess(res.userInfo) }
  })
}
export function locate () {
  NS.getLocation({ type: 'gcj02' })
}
"""
MPVUE_PAGE = """<template><div @click="load">home</div></template>
<script>
import { readProfile, locate } from '@/api/wechat'
export default { methods: { load () { readProfile(u => u); locate() } } }
</script>
"""


def test_mpvue_global_namespace_is_the_wechat_api(repo):
    """mpvue 2 gives the platform's API object as the global ``mpvue``: ``mpvue.getUserInfo`` on a WeChat build
    is ``wx.getUserInfo`` (https://github.com/mpvue/webpack-mpvue-vendor-plugin)."""
    repo.write_files(MPVUE_BASE)
    base = repo.commit()
    repo.write_files({"src/api/wechat.js": MPVUE_HELPERS.replace("NS", "mpvue"),
                      "src/pages/index/index.vue": MPVUE_PAGE})
    repo.commit()
    report = run(repo.path, base)
    assert [(p.root, p.framework) for p in report.projects] == [("", "mpvue")]
    assert found(report) >= {("privacy.user_info_reclaimed", "src/api/wechat.js", 3, "app"),
                             ("privacy.location", "src/api/wechat.js", 8, "app")}


def test_another_platforms_namespace_is_no_wechat_api(repo):
    # QQ's ``qq.getUserInfo`` in the same helpers is QQ's API, not WeChat's: nothing to declare.
    repo.write_files(MPVUE_BASE)
    base = repo.commit()
    repo.write_files({"src/api/wechat.js": MPVUE_HELPERS.replace("NS", "qq"),
                      "src/pages/index/index.vue": MPVUE_PAGE})
    repo.commit()
    assert not {f for f in run(repo.path, base).findings if f.family == "privacy"}


MPVUE1_MAIN = """import Vue from 'vue'
import App from './App'
App.mpType = 'app'
new Vue(App).$mount()
export default {
  config: {
    pages: ['pages/logs/main', '^pages/index/main'],
    window: { navigationBarTitleText: '天气' }
  }
}
"""


def test_mpvue_1_app_config_in_main_js(repo):
    """mpvue 1.x keeps app.json in ``src/main.js``'s ``export default { config }``: a permission declared
    there is the app's, found at its line."""
    repo.write_files({**{k: v for k, v in MPVUE_BASE.items() if k != "src/app.json"}, "src/main.js": MPVUE1_MAIN})
    base = repo.commit()
    repo.write("src/main.js", MPVUE1_MAIN.replace(
        "    window:", "    permission: {\n      'scope.userLocation': { desc: '查询天气' }\n    },\n    window:"))
    repo.commit()
    report = run(repo.path, base)
    assert {(rule, path, line) for rule, path, line, _ in found(report) if rule.startswith("privacy.")} == {
        ("privacy.permission", "src/main.js", 9)}
