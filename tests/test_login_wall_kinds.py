"""Forced login the entry page reaches in ways a single file does not show: a method of a store the page made with
an imported factory (``const session = useSession()`` then ``session.expire()`` in ``onShow``), an mpvue page's
``created`` (mpvue runs every page's ``created`` as the app launches), and, of a page's two redirects to the same
page, the one under fewer conditions. Each beside the same code reached only by a tap or a later hook: silent."""

from __future__ import annotations

from conftest import Repo
from helpers import run

UNI_PAGES = '{\n  "pages": [{ "path": "pages/shelf/index" }, { "path": "pages/signin/index" }]\n}\n'
UNI_MANIFEST = '{\n  "name": "shelf",\n  "mp-weixin": { "appid": "wx1" }\n}\n'
SESSION_STORE = """import { reactive } from 'vue'

export function useSession() {
  const state = reactive({ ticket: uni.getStorageSync('ticket') })
  function expire() {
    uni.removeStorageSync('ticket')
    uni.reLaunch({ url: '/pages/signin/index' })
  }
  return { state, expire }
}
"""
SHELF = """<template>
  <view @click="leave">books</view>
</template>

<script setup>
import { onShow } from '@dcloudio/uni-app'
import { useSession } from '../../stores/session.js'

const session = useSession()
const leave = () => { %s }
onShow(() => {
  console.log('shelf shown')
  %s
})
</script>
"""


def _store(tmp_path, on_show: str, on_tap: str = "") -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({"pages.json": UNI_PAGES, "manifest.json": UNI_MANIFEST,
                      "pages/signin/index.vue": "<template><button>sign in</button></template>\n",
                      "stores/session.js": SESSION_STORE, "pages/shelf/index.vue": SHELF % ("", "")})
    base = repo.commit("base")
    repo.write("pages/shelf/index.vue", SHELF % (on_tap, on_show))
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_an_entry_page_hook_calling_a_store_method_that_sends_to_login_is_forced_login(tmp_path):
    # told at the page's statement that decides, not in the store every page (and the logout button) shares
    assert _store(tmp_path, "if (!session.state.ticket) {\n    session.expire()\n  }") == {
        ("login.forced_login", "pages/shelf/index.vue", 13)}


def test_the_same_store_method_called_only_on_a_tap_is_silent(tmp_path):
    assert _store(tmp_path, "console.log(session.state.ticket)", on_tap="session.expire()") == set()


MPVUE_APP = {
    "package.json": '{"dependencies": {"mpvue": "^1.0.18"}}',
    "src/app.json": '{"pages": ["pages/feed/main", "pages/mine/main", "pages/auth/main"]}',
    "src/main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue(App).$mount()\n",
    "src/App.vue": "<script>export default {}</script>\n",
    "src/pages/feed/main.js": "import App from './index'\nimport Vue from 'vue'\nnew Vue(App).$mount()\n",
    "src/pages/feed/index.vue": "<template><div>feed</div></template>\n<script>\nexport default {}\n</script>\n",
    "src/pages/mine/main.js": "import App from './index'\nimport Vue from 'vue'\nnew Vue(App).$mount()\n",
    "src/pages/mine/index.vue": "<template><div>mine</div></template>\n<script>\nexport default {}\n</script>\n",
    "src/pages/auth/main.js": "import App from './index'\nimport Vue from 'vue'\nnew Vue(App).$mount()\n",
    "src/pages/auth/index.vue": "<template><button open-type='getUserInfo'>授权</button></template>\n",
}
MINE = """<template><div>{{ nick }}</div></template>
<script>
export default {
  data () { return { nick: '' } },
  methods: {
    ensureProfile () {
      wx.getSetting({
        success: (res) => {
          if (!res.authSetting['scope.userInfo']) {
            wx.navigateTo({ url: '../auth/main' })
          }
        }
      })
    }
  },
  %s () {
    this.ensureProfile()
  }
}
</script>
"""


def _mpvue(tmp_path, hook: str) -> set[tuple[str, str, int, str]]:
    repo = Repo(tmp_path / "repo")
    repo.write_files(MPVUE_APP)
    base = repo.commit("base")
    repo.write("src/pages/mine/index.vue", MINE % hook)
    repo.commit()
    return {(f.rule, f.path, f.line, f.subject) for f in run(repo.path, base).findings if f.family == "login"}


def test_an_mpvue_page_created_hook_sending_to_login_runs_at_launch(tmp_path):
    # mpvue makes every page's instance as the app loads: the "mine" page's created runs before the feed shows
    assert _mpvue(tmp_path, "created") == {
        ("login.forced_login", "src/pages/mine/index.vue", 10, "login:launch:../auth/main")}


def test_the_same_redirect_in_a_later_page_onload_is_silent(tmp_path):
    assert _mpvue(tmp_path, "onLoad") == set()


NATIVE_APP = '{\n  "pages": ["pages/start/start", "pages/bind/bind"]\n}\n'
START = """Page({
  data: { ready: false },
  onLoad() {
    wx.request({
      url: 'https://api.example.org/me',
      success: (res) => {
        if (res.data.ok && !res.data.bound) {
          wx.redirectTo({ url: '/pages/bind/bind' })
        }
      }
    })
  },%s
  goBind() {
    wx.navigateTo({ url: '/pages/bind/bind' })
  }
})
"""
NO_TOKEN = """
  onShow() {
    if (!wx.getStorageSync('token')) {
      wx.navigateTo({ url: '/pages/bind/bind' })
    }
  },"""


def _native(tmp_path, added: str, widened: bool = True) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    before = (START % "").replace("ok &&", "ok && res.data.open &&").replace("redirectTo({ url", "redirectTo({url")
    repo.write_files({"app.json": NATIVE_APP, "app.js": "App({})\n", "pages/bind/bind.js": "Page({})\n",
                      "pages/start/start.js": before if widened else START % ""})
    base = repo.commit("base")
    # the change also rewrites the old redirect, dropping a condition: both run for more users than before
    repo.write("pages/start/start.js", START % added)
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_a_second_redirect_to_the_same_page_under_fewer_conditions_is_told_at_its_call(tmp_path):
    assert _native(tmp_path, NO_TOKEN) == {("login.forced_login", "pages/start/start.js", 15)}


def test_a_second_way_to_the_same_page_on_a_tap_is_silent(tmp_path):
    tap = "\n  openBind() {\n    wx.navigateTo({ url: '/pages/bind/bind' })\n  },"
    assert _native(tmp_path, tap, widened=False) == set()



def test_a_new_narrower_redirect_beside_an_old_wider_one_is_told_where_it_was_added(tmp_path):
    # the no-token onShow redirect was there before: the change's own is the new onLoad one, told there
    repo = Repo(tmp_path / "repo")
    before = (START % NO_TOKEN).replace("wx.redirectTo({ url: '/pages/bind/bind' })", "console.log(res)")
    repo.write_files({"app.json": NATIVE_APP, "app.js": "App({})\n", "pages/bind/bind.js": "Page({})\n",
                      "pages/start/start.js": before})
    base = repo.commit("base")
    repo.write("pages/start/start.js", START % NO_TOKEN)
    repo.commit()
    # at the redirect the change wrote (line 8), not the unchanged test around it
    assert {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"} == {
        ("login.forced_login", "pages/start/start.js", 8)}
