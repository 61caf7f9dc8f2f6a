"""Forced login reached from the entry page through imported modules: the first page's ``onLoad`` calls a helper
of another module that sends a user without a token to the login page, or its ``componentWillMount`` loads a list
through a request service that now logs in and redirects to the login page first — reported at the module's
navigation. A redirect on a 401 answer, one only a tap or another page reaches, and one the entry page already
reached at the base stay silent; one on a business "not logged in" code of the first request does not."""

from __future__ import annotations

from conftest import Repo
from helpers import run

PAGES_JSON = '{\n  "pages": [{ "path": "pages/Home/index" }, { "path": "pages/login/index" }]\n}\n'
HOME_VUE = """<template>
  <view @click="open">home</view>
</template>

<script setup>
  import { checkLogin } from "./api/index.js"
  import { onLoad } from "@dcloudio/uni-app"

  const open = () => {}
  onLoad(() => {
    %s
  })
</script>
"""
CHECK = """import { getStorage } from "@/utils/storage.js"

export const checkLogin = (uni) => {
  const token = getStorage(uni, "token")
  if (!token) {
    return uni.navigateTo({
      url: "/pages/login/index"
    })
  }
}
"""


def _uni(tmp_path, hook_call: str, check: str = CHECK, base_check: str | None = None,
         base_call: str = "", pages: str = PAGES_JSON) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write("pages.json", pages)
    repo.write("manifest.json", '{\n  "name": "todo",\n  "mp-weixin": { "appid": "wx1" }\n}\n')
    repo.write("utils/storage.js", "export const getStorage = (uni, key) => uni.getStorageSync(key)\n")
    repo.write("pages/login/index.vue", "<template><button>login</button></template>\n")
    repo.write("pages/home/index.vue", HOME_VUE % base_call)
    if base_check is not None:
        repo.write("pages/home/api/index.js", base_check)
    base = repo.commit("base")
    repo.write("pages/home/index.vue", HOME_VUE % hook_call)
    repo.write("pages/home/api/index.js", check)
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_a_helper_the_entry_page_load_calls_that_sends_a_guest_to_login_is_forced_login(tmp_path):
    # pages.json names pages/Home while the folder is pages/home: one page on the IDE's case-blind disk.
    assert _uni(tmp_path, "checkLogin(uni)") == {("login.forced_login", "pages/home/api/index.js", 6)}


def test_the_page_call_of_a_helper_named_as_a_login_check_is_told_once_at_the_redirect(tmp_path):
    # With the registered path matching, the page's own checkLogin() call is a forced action by its name too.
    pages = PAGES_JSON.replace("pages/Home/index", "pages/home/index")
    assert _uni(tmp_path, "checkLogin(uni)", pages=pages) == {("login.forced_login", "pages/home/api/index.js", 6)}


def test_the_same_helper_called_only_on_a_tap_is_silent(tmp_path):
    tapped = HOME_VUE.replace("const open = () => {}", "const open = () => { checkLogin(uni) }")
    repo = Repo(tmp_path / "repo")
    repo.write("pages.json", PAGES_JSON)
    repo.write("manifest.json", '{\n  "name": "todo",\n  "mp-weixin": { "appid": "wx1" }\n}\n')
    repo.write("pages/home/index.vue", HOME_VUE % "")
    base = repo.commit("base")
    repo.write("pages/home/index.vue", tapped % "")
    repo.write("pages/home/api/index.js", CHECK)
    repo.commit()
    assert [f for f in run(repo.path, base).findings if f.family == "login"] == []


def test_a_redirect_the_entry_page_already_reached_is_not_new(tmp_path):
    moved = CHECK.replace('const token = getStorage(uni, "token")', 'const token = getStorage(uni, "jwt")')
    assert _uni(tmp_path, "checkLogin(uni)", moved, base_check=CHECK, base_call="checkLogin(uni)") == set()


def test_an_old_redirect_the_entry_page_now_reaches_is_told_at_the_redirect(tmp_path):
    assert _uni(tmp_path, "checkLogin(uni)", CHECK, base_check=CHECK) == {
        ("login.forced_login", "pages/home/api/index.js", 6)}


APP_CONFIG = "export default {\n  pages: ['pages/learn/index', 'pages/other/index', 'pages/login/index'],\n}\n"
PAGE = """import { Component } from 'react'
import { View } from '@tarojs/components'
import api from '../../api'

export default class Page extends Component {
  async componentWillMount() {
    const list = await api.projects({ start: 0 })
    this.setState({ list })
  }

  render() {
    return <View>list</View>
  }
}
"""
BARREL = "import projectApi from './project'\n\nexport default {\n  ...projectApi\n}\n"
PROJECT = "import { send } from './send'\n\nexport default {\n  projects: options => send('get', '/projects', options),\n}\n"
SEND = "import http from '../service/http'\n\nexport const send = (method, url, data) => http[method](url, data)\n"
HTTP_BEFORE = """import Taro from '@tarojs/taro'

function request(url, data, method = 'GET') {
  return Taro.request({ url, data, method })
}

export default {
  get(url, data) {
    return request(url, data)
  },
}
"""
HTTP_AFTER = """import Taro from '@tarojs/taro'

function request(url, data, method = 'GET') {
  const session = Taro.getStorageSync('session')
  if (!session) {
    return Taro.login({
      success: async ({ code }) => {
        const user = await Taro.request({ url: '/login', data: { code }, method: 'POST' })
        if (!user.data.known) {
          Taro.redirectTo({ url: '/pages/login/index' })
        }
      },
    })
  }
  return Taro.request({ url, data, method, %s })
}

export default {
  get(url, data) {
    return request(url, data)
  },
}
"""
ON_401 = """success(res) {
      if (res.statusCode === 401) {
        Taro.redirectTo({ url: '/pages/login/index' })
      }
    } """


def _taro(tmp_path, http_after: str, page: str = "pages/learn/index") -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write("package.json", '{\n  "dependencies": { "@tarojs/taro": "3.6.0" }\n}\n')
    repo.write("src/app.config.js", APP_CONFIG)
    for name in ("learn", "other"):
        repo.write(f"src/pages/{name}/index.jsx", PAGE.replace("await api.projects({ start: 0 })", "[]"))
    repo.write("src/api/index.js", BARREL)
    repo.write("src/api/project.js", PROJECT)
    repo.write("src/api/send.js", SEND)
    repo.write("src/service/http.js", HTTP_BEFORE)
    base = repo.commit("base")
    repo.write(f"src/{page}.jsx", PAGE)
    repo.write("src/service/http.js", http_after)
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_a_request_service_that_now_sends_a_guest_to_login_before_the_entry_page_first_request(tmp_path):
    assert _taro(tmp_path, HTTP_AFTER % "") == {("login.forced_login", "src/service/http.js", 10)}


def test_a_request_service_redirect_only_a_non_entry_page_reaches_is_silent(tmp_path):
    assert _taro(tmp_path, HTTP_AFTER % "", page="pages/other/index") == set()


def test_a_new_redirect_on_a_401_answer_is_silent(tmp_path):
    on_401 = HTTP_BEFORE.replace("Taro.request({ url, data, method })", f"Taro.request({{ url, data, method, {ON_401}}})")
    assert _taro(tmp_path, on_401) == set()


def test_a_new_redirect_on_a_not_logged_in_code_the_entry_page_first_request_meets_is_forced_login(tmp_path):
    # one business code (not a status, not an expired session): a new user's first request gets it
    on_code = ON_401.replace("res.statusCode === 401", "res.data.code === 1001")
    answered = HTTP_BEFORE.replace("Taro.request({ url, data, method })",
                                   f"Taro.request({{ url, data, method, {on_code}}})")
    assert _taro(tmp_path, answered) == {("login.forced_login", "src/service/http.js", 6)}


def test_a_new_redirect_in_the_request_answer_handler_on_no_code_is_silent(tmp_path):
    then = HTTP_BEFORE.replace("Taro.request({ url, data, method })", "Taro.request({ url, data, method }).then("
                               "res => { if (!res.data.user) Taro.reLaunch({ url: '/pages/login/index' }) })")
    assert _taro(tmp_path / "then", then) == set()


WEPY_CONFIG = ("const path = require('path')\nmodule.exports = {\n  resolve: {\n    alias: {\n"
               "      utils: path.join(__dirname, 'src/common/utils')\n    }\n  }\n}\n")
WEPY_APP = ("<script>\nimport wepy from 'wepy'\nexport default class extends wepy.app {\n"
            "  config = { pages: ['pages/launch', 'pages/bind', 'pages/home'] }\n}\n</script>\n")
LAUNCH = """<template>
  <view>loading</view>
</template>
<script>
import wepy from 'wepy'
import auth from 'utils/auth'
export default class Launch extends wepy.page {
  onLoad () {
    this.check()
  }
  async check () {
    const result = await auth.login()%s
    wepy.redirectTo({ url: 'home' })
  }
}
</script>
"""
IN_PAGE = """
    if (!result.user) {
      wepy.redirectTo({ url: 'bind' })
      return
    }"""
AUTH = """import wepy from 'wepy'
const auth = {
  async login () {
    const result = await wepy.request({ url: '/login' })%s
    return result
  }
}
export default auth
"""
IN_HELPER = """
    if (!result.user) {
      wepy.redirectTo({ url: 'bind' })
    }"""


def _wepy(tmp_path, base_launch: str, base_auth: str, launch: str, auth: str) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({"package.json": '{"dependencies": {"wepy": "^1.7.0"}}\n', "wepy.config.js": WEPY_CONFIG,
                      "src/app.wpy": WEPY_APP, "src/pages/bind.wpy": "<template><view>bind</view></template>\n",
                      "src/pages/home.wpy": "<template><view>home</view></template>\n",
                      "src/pages/launch.wpy": LAUNCH % base_launch, "src/common/utils/auth.js": AUTH % base_auth})
    base = repo.commit("base")
    repo.write_files({"src/pages/launch.wpy": LAUNCH % launch, "src/common/utils/auth.js": AUTH % auth})
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_a_redirect_moved_from_the_helper_into_the_entry_page_is_not_new(tmp_path):
    # The launch page reached auth.login() (through the build's alias utils/) that sent an unknown user to bind.
    assert _wepy(tmp_path, "", IN_HELPER, IN_PAGE, "") == set()


def test_the_same_redirect_new_in_the_entry_page_is_forced_login(tmp_path):
    assert _wepy(tmp_path, "", "", IN_PAGE, "") == {("login.forced_login", "src/pages/launch.wpy", 14)}


def test_a_redirect_new_in_the_helper_an_alias_names_is_told_there(tmp_path):
    assert _wepy(tmp_path, "", "", "", IN_HELPER) == {("login.forced_login", "src/common/utils/auth.js", 6)}
