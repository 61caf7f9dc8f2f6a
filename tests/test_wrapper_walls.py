"""Forced login in the app's request wrapper: the wrapper every request goes through now sends the user to a bind
page (through a helper of another module) whenever the API answers one business code, and the entry page reaches
the wrapper only four modules deep (page → account helper → API object → endpoint table → wrapper).
Silent: the same redirect on a 401 status or on a code the branch calls an expired session (an ordinary re-login),
in a call of one fixed login endpoint (the app's own login flow) and in a wrapper no page imports."""

from __future__ import annotations

from conftest import Repo
from helpers import run

APP_JSON = '{\n  "pages": ["pages/start/start", "pages/bind/bind", "pages/list/list"]\n}\n'
START = """import { enter } from '../../utils/account'

Page({
  onLoad() {
    enter()
  }
})
"""
ACCOUNT = """import api from '../api/index'

const table = { bindPage: '/pages/bind/bind' }

export function enter() {
  api.main.member.profile({}).then((res) => wx.setStorageSync('me', res))
}

export function needMobile() {
  const bindUrl = table.bindPage + '?step=mobile'
  wx.navigateTo({ url: bindUrl })
}
"""
API = "import main from './groups/main'\n\nexport default { main: main }\n"
GROUP = """import send from '../send'

export default {
  member: {
    profile: (data) => send('member/profile', data)
  }
}
"""
WRAPPER = """import { needMobile } from '../utils/account'

const root = 'https://api.example.com/'

function send(path, data = {}) {
  return new Promise((resolve, reject) => {
    wx.request({
      url: root + path,
      method: 'POST',
      data: data,
      success(res) {
        if (res.data.code === 20031) {
          needMobile()
          reject(res.data.message)
        }
        resolve(res.data)
      }
    })
  })
}

export default send
"""
PLAIN = WRAPPER.replace("""        if (res.data.code === 20031) {
          needMobile()
          reject(res.data.message)
        }
""", "")


def _run(tmp_path, wrapper: str, start: str = START) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write("app.json", APP_JSON)
    repo.write("app.js", "App({})\n")
    repo.write("pages/bind/bind.wxml", "<button open-type=\"getPhoneNumber\" bindgetphonenumber=\"got\">ok</button>\n")
    repo.write("pages/bind/bind.js", "Page({ got(e) {} })\n")
    repo.write("pages/list/list.js", "Page({})\n")
    repo.write("pages/start/start.wxml", "<view>start</view>\n")
    repo.write("pages/start/start.js", start)
    repo.write("utils/account.js", ACCOUNT)
    repo.write("api/index.js", API)
    repo.write("api/groups/main.js", GROUP)
    repo.write("api/send.js", PLAIN)
    base = repo.commit("base")
    repo.write("api/send.js", wrapper)
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_a_wrapper_four_modules_deep_sending_a_business_code_to_a_bind_page_is_forced_login(tmp_path):
    assert _run(tmp_path, WRAPPER) == {("login.forced_login", "api/send.js", 13)}


def test_the_same_redirect_on_a_401_status_is_silent(tmp_path):
    assert _run(tmp_path, WRAPPER.replace("res.data.code === 20031", "res.statusCode === 401")) == set()


def test_the_same_redirect_on_a_code_told_as_an_expired_session_is_silent(tmp_path):
    expired = WRAPPER.replace("          needMobile()", "          wx.showToast({ title: '登录已过期' })\n"
                                                      "          needMobile()")
    assert _run(tmp_path, expired) == set()


def test_a_call_of_one_fixed_login_endpoint_is_the_login_flow_and_silent(tmp_path):
    fixed = WRAPPER.replace("url: root + path,", "url: root + 'member/login',")
    assert _run(tmp_path, fixed) == set()


def test_a_wrapper_no_page_imports_is_silent(tmp_path):
    alone = START.replace("import { enter } from '../../utils/account'\n", "").replace("enter()", "wx.login()")
    assert _run(tmp_path, WRAPPER, start=alone) == set()
