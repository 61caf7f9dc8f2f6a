"""Forced login the entry page reaches through a helper of the App or of its own: ``await app.ensureSignedIn()`` in
``onShow`` (a method of ``App({…})`` that sends a user without a token to the login page), ``created()`` calling a
navigation helper with the authorization page; and the app's launch call of an imported helper told only by a
login-like name that logs in silently (no redirect)."""

from __future__ import annotations

from conftest import Repo
from helpers import run

APP_JSON = '{\n  "pages": ["pages/index/index", "pages/login/login"]\n}\n'
APP_JS = """App({
  onLaunch() {
    wx.getSystemInfo({ success: (res) => { this.width = res.windowWidth } })
  },
  ensureSignedIn() {
    return new Promise((resolve) => {
      const token = wx.getStorageSync('token')
      if (!token) {
        wx.navigateTo({ url: '/pages/login/login' })
        return
      }
      resolve(token)
    })
  },
  refreshToken() {
    return new Promise((resolve) => wx.login({ success: (res) => resolve(res.code) }))
  }
})
"""
PAGE_JS = """const app = getApp()

Page({
  data: { list: [] },
  onShow: async function () {
    CALL
    this.setData({ list: [1, 2] })
  },
  more() {
    app.ensureSignedIn()
  }
})
"""


def _login(tmp_path, files: dict[str, str], path: str, before: str, after: str) -> set[tuple[str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({**files, path: before})
    base = repo.commit("base")
    repo.write(path, after)
    repo.commit("change")
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "login.forced_login"}


def _native(tmp_path, call: str) -> set[tuple[str, int]]:
    files = {"app.json": APP_JSON, "app.js": APP_JS, "pages/login/login.js": "Page({})\n",
             "pages/login/login.wxml": "<button bindtap=\"login\">登录</button>\n",
             "pages/index/index.wxml": "<view>home</view>\n"}
    return _login(tmp_path, files, "pages/index/index.js", PAGE_JS.replace("CALL", ""),
                  PAGE_JS.replace("CALL", call))


def test_entry_page_awaiting_an_app_method_that_redirects_to_login(tmp_path):
    assert _native(tmp_path, "await app.ensureSignedIn()") == {("pages/index/index.js", 6)}


def test_getapp_called_inline_is_the_same_app(tmp_path):
    assert _native(tmp_path, "await getApp().ensureSignedIn()") == {("pages/index/index.js", 6)}


def test_an_app_method_that_logs_in_silently_is_fine(tmp_path):
    assert _native(tmp_path, "await app.refreshToken()") == set()


MPVUE_FILES = {"package.json": '{"dependencies": {"mpvue": "1.0.0"}}\n',
               "src/app.json": '{\n  "pages": ["pages/index/main", "pages/login/main"]\n}\n',
               "src/main.js": "import Vue from 'vue'\nimport App from './App'\nnew App().$mount()\n",
               "src/App.vue": "<script>\nexport default {}\n</script>\n",
               "src/pages/index/main.js": "import Vue from 'vue'\nimport App from './index'\nnew Vue(App).$mount()\n",
               "src/pages/login/main.js": "import Vue from 'vue'\nimport App from './index'\nnew Vue(App).$mount()\n",
               "src/pages/login/index.vue": "<template><button open-type=\"getUserInfo\">授权</button></template>\n"}
MPVUE_PAGE = """<template>
  <view @click="open('../detail/main')">home</view>
</template>
<script>
export default {
  methods: {
    open (url) {
      wx.navigateTo({ url })
    },
    check () {
      const self = this
      wx.getSetting({
        success (res) {
          if (!res.authSetting['scope.userInfo']) {
            self.open('TARGET')
          }
        }
      })
    }
  },
  created () {
    CALL
  }
}
</script>
"""


def _mpvue(tmp_path, target: str) -> set[tuple[str, int]]:
    page = MPVUE_PAGE.replace("TARGET", target)
    return _login(tmp_path, MPVUE_FILES, "src/pages/index/index.vue", page.replace("CALL", ""),
                  page.replace("CALL", "this.check()"))


def test_created_hook_sending_to_the_authorization_page_through_a_navigation_helper(tmp_path):
    # told at the hook's new call of the helper (line 22), the line the change adds; the helper is as it was
    assert _mpvue(tmp_path, "../login/main") == {("src/pages/index/index.vue", 22)}


def test_the_same_helper_opening_an_ordinary_page_is_fine(tmp_path):
    assert _mpvue(tmp_path, "../detail/main") == set()


UNI_FILES = {"manifest.json": '{"name": "shop", "mp-weixin": {"appid": "wx0123456789abcdef"}}\n',
             "pages.json": '{"pages": [{"path": "pages/home/index"}, {"path": "pages/login/index"}]}\n',
             "pages/home/index.vue": "<template><view>home</view></template>\n",
             "pages/login/index.vue": "<template><button>登录</button></template>\n"}
UNI_APP = """<script>
import toLogin from '@/utils/auth'
export default {
  onLaunch() {
    CALL
  }
}
</script>
"""
SILENT = """export const login = () => new Promise((resolve) => {
  uni.login({ success (res) { uni.request({ url: 'https://api.example.com/login', data: { code: res.code },
    success (r) { uni.setStorageSync('token', r.data.token); resolve() } }) } })
})
export default async () => {
  if (!uni.getStorageSync('token')) {
    await login()
  }
}
"""
REDIRECTS = """export default () => {
  if (!uni.getStorageSync('token')) {
    uni.reLaunch({ url: '/pages/login/index' })
  }
}
"""


def _uni(tmp_path, helper: str) -> set[tuple[str, int]]:
    files = {**UNI_FILES, "utils/auth.js": helper}
    return _login(tmp_path, files, "App.vue", UNI_APP.replace("CALL", ""), UNI_APP.replace("CALL", "toLogin()"))


def test_launch_call_of_a_silent_login_helper_named_tologin_is_fine(tmp_path):
    assert _uni(tmp_path, SILENT) == set()


def test_launch_call_of_a_helper_that_redirects_to_login_is_reported(tmp_path):
    assert _uni(tmp_path, REDIRECTS) != set()


HTTP_JS = """const get = function (path, done) {
  const APP = getApp()
  wx.request({ url: 'https://api.example.com/' + path, header: { token: APP.globalData.token },
    success: (res) => done(res.data) })
}
module.exports = { get }
"""


def test_a_request_module_reading_the_app_token_reaches_no_app_redirect(tmp_path):
    files = {"app.json": APP_JSON, "app.js": APP_JS.replace("refreshToken()", "needAuth()"),
             "utils/http.js": HTTP_JS, "pages/login/login.js": "Page({})\n",
             "pages/index/index.wxml": "<view>home</view>\n"}
    page = "const http = require('../../utils/http.js')\nPage({\n  onLoad() {\n    CALL\n  }\n})\n"
    assert _login(tmp_path, files, "pages/index/index.js", page.replace("CALL", ""),
                  page.replace("CALL", "http.get('list', (d) => this.setData({ d }))")) == set()
