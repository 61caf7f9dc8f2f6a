"""Forced login on the server's "not logged in" answer: a client module installs, as it is imported, a response
interceptor that sends the user to the login page when the API answers one business code, and the entry page's
load hook now sends a request through that client — every new user meets the login page on the first page.
Silent: the same interceptor on a 401 status (a session the user had expired), a request only a tap sends, and a
client no page's load hook uses."""

from __future__ import annotations

from conftest import Repo
from helpers import run

APP_JSON = '{\n  "pages": ["pages/feed/feed", "pages/auth/index"]\n}\n'
CLIENT = """import axios from 'axios'

const client = axios.create({ baseURL: 'https://api.example.com' })

function installHooks() {
  client.interceptors.response.use(
    (res) => {
      if (res.data.errno === 4003) {
        wx.reLaunch({ url: '/pages/auth/index' })
      }
      return res
    },
    (err) => Promise.reject(err)
  )
}

installHooks()

export default client
"""
PROFILE = """import client from './client'

export function fetchProfile() {
  return client.get('/me')
}
"""
FEED = """import { fetchProfile } from '../../services/profile'

Page({
  data: { me: null },
  onLoad() {
    %s
  },
  openMe() {
    %s
  }
})
"""
LOAD = "fetchProfile().then((res) => this.setData({ me: res.data }))"


def _native(tmp_path, on_load: str, on_tap: str = "", client: str = CLIENT) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write("app.json", APP_JSON)
    repo.write("app.js", "App({})\n")
    repo.write("pages/auth/index.js", "Page({ onGrant() { wx.login() } })\n")
    repo.write("pages/auth/index.wxml", "<button bindtap=\"onGrant\">log in</button>\n")
    repo.write("pages/feed/feed.wxml", "<view bindtap=\"openMe\">feed</view>\n")
    repo.write("pages/feed/feed.js", FEED % ("", ""))
    base = repo.commit("base")
    repo.write("services/client.js", client)
    repo.write("services/profile.js", PROFILE)
    repo.write("pages/feed/feed.js", FEED % (on_load, on_tap))
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_an_interceptor_the_entry_page_load_reaches_that_sends_a_not_logged_in_answer_to_login(tmp_path):
    assert _native(tmp_path, LOAD) == {("login.forced_login", "services/client.js", 9)}


def test_the_same_interceptor_reached_only_by_a_tap_is_silent(tmp_path):
    assert _native(tmp_path, "", on_tap=LOAD) == set()


def test_the_same_interceptor_on_a_401_status_is_silent(tmp_path):
    on_401 = CLIENT.replace("res.data.errno === 4003", "res.statusCode === 401")
    assert _native(tmp_path, LOAD, client=on_401) == set()


def test_an_interceptor_redirect_on_any_error_code_is_silent(tmp_path):
    # not one "not logged in" code: any failed answer (code !== 0) is the request's error handling
    any_error = CLIENT.replace("res.data.errno === 4003", "res.data.errno !== 0")
    assert _native(tmp_path, LOAD, client=any_error) == set()


def _told(words: str) -> str:
    return CLIENT.replace("        wx.reLaunch({ url: '/pages/auth/index' })",
                          f"        wx.showModal({{ content: '{words}', showCancel: false,\n"
                          "          success: () => wx.reLaunch({ url: '/pages/auth/index' }) })")


def test_a_code_whose_branch_tells_the_user_the_session_ran_out_is_an_expiry_handler(tmp_path):
    assert _native(tmp_path, LOAD, client=_told("会话已失效，请重新登录")) == set()


def test_a_code_whose_branch_asks_a_new_user_to_log_in_first_is_still_a_wall(tmp_path):
    assert _native(tmp_path, LOAD, client=_told("请先登录后使用")) == {("login.forced_login", "services/client.js", 10)}
