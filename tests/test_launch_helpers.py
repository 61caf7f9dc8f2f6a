"""Forced login in a module the app's launch hook calls: App.onShow runs ``Auth.login()`` of utils/auth.js, and
the change makes that function show an uncancellable authorization modal that loops through openSetting — forced
at launch, reported in the module. The same modal in a function only a tap calls, one the function already
showed, and a cancellable one stay silent."""

from __future__ import annotations

from conftest import Repo
from helpers import run

APP = """App({
  onShow() {
    const Auth = require('utils/auth')
    const relogin = () => { Auth.login.call(this).catch(() => wx.showToast({ title: 'failed' })) }
    if (!Auth.token()) {
      relogin()
    }
  },
})
"""
AUTH_BEFORE = """const token = () => wx.getStorageSync('jwt')
const login = function () {
  return new Promise((resolve, reject) => {
    wx.getUserInfo({ success: resolve, fail: reject })
  })
}
module.exports = { token, login }
"""
AUTH_AFTER = """const token = () => wx.getStorageSync('jwt')
const login = function () {
  return new Promise((resolve) => {
    wx.getUserInfo({ success: resolve, fail() { openTip().then(resolve) } })
  })
}
const openTip = function () {
  return new Promise((resolve) => {
    wx.showModal({
      title: '用户未授权',
      content: '请打开用户信息进行授权',
      showCancel: %s,
      success() { wx.openSetting({ success: (res) => resolve(res.authSetting['scope.userInfo'] ? res : openTip()) }) },
    })
  })
}
module.exports = { token, login, openTip }
"""


def _findings(tmp_path, app: str, after: str) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write("app.json", '{\n  "pages": ["pages/home/home"]\n}\n')
    repo.write("app.js", app)
    repo.write("pages/home/home.js", "Page({})\n")
    repo.write("pages/home/home.wxml", "<view>home</view>\n")
    repo.write("utils/auth.js", AUTH_BEFORE)
    base = repo.commit("base")
    repo.write("utils/auth.js", after)
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_an_uncancellable_authorization_modal_in_a_module_the_launch_hook_calls_is_forced_login(tmp_path):
    assert _findings(tmp_path, APP, AUTH_AFTER % "false") == {("login.forced_login", "utils/auth.js", 9)}


def test_a_cancellable_modal_is_silent(tmp_path):
    assert _findings(tmp_path, APP, AUTH_AFTER % "true") == set()


def test_the_same_modal_in_a_module_only_a_tap_calls_is_silent(tmp_path):
    tapped = APP.replace("onShow()", "onTapLogin()")
    assert _findings(tmp_path, tapped, AUTH_AFTER % "false") == set()


def test_an_imported_login_the_launch_calls_is_followed_and_an_old_modal_is_not_new(tmp_path):
    app = ("import { login } from './utils/auth'\n"
           "App({ onLaunch() { login() } })\n")
    assert _findings(tmp_path, app, AUTH_AFTER % "false") == {("login.forced_login", "utils/auth.js", 9)}
    repo = Repo(tmp_path / "again")
    repo.write("app.json", '{\n  "pages": ["pages/home/home"]\n}\n')
    repo.write("app.js", app)
    repo.write("utils/auth.js", AUTH_AFTER % "false")
    base = repo.commit("base")
    repo.write("utils/auth.js", "// auth helpers\n" + AUTH_AFTER % "false")
    repo.commit()
    assert [f for f in run(repo.path, base).findings if f.family == "login"] == []


TARO_APP = """import { useLaunch } from '@tarojs/taro'
import { bootstrap } from '@ui/bootstrap'

function App({ children }) {
  useLaunch(async () => {
    await bootstrap()
  })
  return children
}
export default App
"""
BOOTSTRAP = """import { navigateToPage } from '@shared/router'
import { PAGE_ID } from '@shared/constants'
import { sdk } from '@core/sdk'

export const bootstrap = async () => {
  try {
    await sdk.load()
  } catch (error) {
    if (error.code === 'NO_LOGIN') {
      navigateToPage({ pageName: PAGE_ARG, isRedirect: true })
    }
  }
}
"""
ROUTER = """import { redirectTo, navigateTo } from '@tarojs/taro'
export function navigateToPage({ pageName, isRedirect }) {
  const url = `/ui/pages/${pageName}/index`
  isRedirect ? redirectTo({ url }) : navigateTo({ url })
}
"""


def _taro_launch(tmp_path, page_arg: str) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({
        "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}',
        "config/index.ts": "import path from 'path'\nexport default {\n  alias: {\n"
                           "    '@ui': path.resolve(__dirname, '..', 'src/ui'),\n"
                           "    '@core': path.resolve(__dirname, '..', 'src/core'),\n"
                           "    '@shared': path.resolve(__dirname, '..', 'src/shared'),\n  },\n}\n",
        "src/app.config.ts": "export default defineAppConfig({\n  pages: ['ui/pages/home/index', 'ui/pages/login/index'],\n})\n",
        "src/app.tsx": "export default function App({ children }) { return children }\n",
        "src/ui/pages/home/index.tsx": "export default () => null\n",
        "src/ui/pages/login/index.tsx": "export default () => null\n",
        "src/shared/router.ts": ROUTER,
        "src/shared/constants.ts": "export enum PAGE_ID { LOGIN = 'login', HOME = 'home' }\n",
        "src/core/sdk.ts": "export const sdk = { load: async () => {} }\n",
    })
    base = repo.commit("base")
    repo.write("src/app.tsx", TARO_APP)
    repo.write("src/ui/bootstrap.ts", BOOTSTRAP.replace("PAGE_ARG", page_arg))
    repo.commit("bootstrap at launch")
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_a_taro_launch_reaching_a_bootstrap_through_an_alias_that_routes_to_login_is_forced(tmp_path):
    assert _taro_launch(tmp_path, "PAGE_ID.LOGIN") == {("login.forced_login", "src/ui/bootstrap.ts", 10)}


def test_the_same_bootstrap_routing_to_another_page_is_silent(tmp_path):
    assert _taro_launch(tmp_path, "PAGE_ID.HOME") == set()
