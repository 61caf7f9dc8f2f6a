"""An account-and-password login form (``policy.password_login``) asks the reviewer for a test account: the reviewer
tries the version with their own WeChat and passes no login only a given account passes. The change adding one asks
for it in the report's checklist and the notes alike, in every framework's way of writing the field; the notes of
a version to submit ask for it whenever the app has one. A phone-number button, a silent ``wx.login``, a payment
password or a masked field on a page with no account ask for nothing."""

from __future__ import annotations

import pytest
from msgspec.structs import replace

from analyzer_context import finding, project_context
from conftest import Repo
from helpers import notes_text, run
from mp_precheck.analyzers import password_login
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.checklist import checklist
from mp_precheck.core.report import Report
from mp_precheck.readers.markup import markup_facts

RULE = "policy.password_login"
ASKED = "测试账号（需要，登录）："
NOT_ASKED = "测试账号（非必需）："
# A quay-side stock tool (invented): a logout on the staff page keeps the account-system rule out of the way.
MINE_WXML = '<button bindtap="quit">退出</button>\n'
MINE_JS = "Page({ quit() { wx.clearStorageSync() } })\n"
POST = "wx.request({ url: 'https://stock.example-quay.cn/v1/session', method: 'POST', " \
       "data: { username: this.no, password: this.key } })"

NATIVE = {
    "base": {"app.json": '{"pages": ["pages/index/index", "pages/mine/mine"]}\n', "app.js": "App({})\n",
             "pages/index/index.wxml": "<view>货架</view>\n", "pages/index/index.js": "Page({})\n",
             "pages/mine/mine.wxml": MINE_WXML, "pages/mine/mine.js": MINE_JS},
    "head": {"app.json": '{"pages": ["pages/index/index", "pages/mine/mine", "pages/gate/gate"]}\n',
             "pages/gate/gate.wxml": '<view class="card">\n  <input placeholder="工号" bindinput="onNo" />\n'
                                     '  <input password placeholder="密码" bindinput="onKey" />\n'
                                     '  <button bindtap="enter">登录</button>\n</view>\n',
             "pages/gate/gate.js": "Page({\n  onNo(e) { this.no = e.detail.value },\n"
                                   "  onKey(e) { this.key = e.detail.value },\n  enter() { " + POST + " }\n})\n"},
    "field": ("pages/gate/gate.wxml", 3),
}
WEPY_PAGE = """<template>
  <view>
    <input placeholder="用户名" bindinput="onNo" />
    <input password="{{true}}" placeholder="密码" bindinput="onKey" />
    <button @tap="enter">登录</button>
  </view>
</template>
<script>
import wepy from 'wepy'
export default class Gate extends wepy.page {
  methods = {
    onNo (e) { this.no = e.detail.value },
    onKey (e) { this.key = e.detail.value },
    enter () { wepy.request({ url: 'https://stock.example-quay.cn/v1/session', data: { username: this.no, password: this.key } }) }
  }
}
</script>
"""
WEPY_APP = """<script>
import wepy from 'wepy'
export default class extends wepy.app {
  config = { pages: [%s] }
}
</script>
"""
WEPY = {
    "base": {"package.json": '{"dependencies": {"wepy": "^1.7.0"}}\n', "wepy.config.js": "module.exports = {}\n",
             "src/app.wpy": WEPY_APP % "'pages/index', 'pages/mine'",
             "src/pages/index.wpy": "<template><view>货架</view></template>\n",
             "src/pages/mine.wpy": '<template><view @tap="quit">退出</view></template>\n<script>\nimport wepy from '
                                   "'wepy'\nexport default class Mine extends wepy.page {\n  methods = { quit () "
                                   "{ wepy.clearStorageSync() } }\n}\n</script>\n"},
    "head": {"src/app.wpy": WEPY_APP % "'pages/index', 'pages/mine', 'pages/gate'", "src/pages/gate.wpy": WEPY_PAGE},
    "field": ("src/pages/gate.wpy", 4),
}
UNI_PAGE = """<template>
  <view>
    <u-input v-model="no" placeholder="账号" />
    <u-input v-model="key" type="password" placeholder="密码" />
    <button @click="enter">登录</button>
  </view>
</template>
<script>
export default {
  data() { return { no: '', key: '' } },
  methods: { enter() { uni.request({ url: 'https://stock.example-quay.cn/v1/session', data: { username: this.no, password: this.key } }) } }
}
</script>
"""
UNI_PAGES = '{ "pages": [ {"path": "pages/index/index"}, {"path": "pages/mine/mine"}%s ] }\n'
UNI = {
    "base": {"package.json": '{"dependencies": {"@dcloudio/uni-app": "3.0.0"}}\n', "src/pages.json": UNI_PAGES % "",
             "src/manifest.json": '{ "mp-weixin": { "appid": "wx0a1b2c3d4e5f6a7b" } }\n',
             "src/App.vue": "<script>export default { onLaunch() {} }</script>\n",
             "src/pages/index/index.vue": "<template><view>货架</view></template>\n",
             "src/pages/mine/mine.vue": '<template><view @click="quit">退出</view></template>\n<script>\nexport '
                                        "default { methods: { quit() { uni.clearStorageSync() } } }\n</script>\n"},
    "head": {"src/pages.json": UNI_PAGES % ', {"path": "pages/gate/gate"}', "src/pages/gate/gate.vue": UNI_PAGE},
    "field": ("src/pages/gate/gate.vue", 4),
}
TARO_PAGE = """import Taro from '@tarojs/taro'
import { View, Input, Button } from '@tarojs/components'
import { useState } from 'react'

export default function Gate() {
  const [no, setNo] = useState('')
  const [key, setKey] = useState('')
  const enter = () => Taro.request({ url: 'https://stock.example-quay.cn/v1/session', data: { username: no, password: key } })
  return (
    <View>
      <Input placeholder='工号' onInput={(e) => setNo(e.detail.value)} />
      <Input password placeholder='密码' onInput={(e) => setKey(e.detail.value)} />
      <Button onClick={enter}>登录</Button>
    </View>
  )
}
"""
TARO_CONFIG = "export default defineAppConfig({\n  pages: [%s]\n})\n"
TARO = {
    "base": {"package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n',
             "src/app.config.ts": TARO_CONFIG % "'pages/index/index', 'pages/mine/index'",
             "src/app.ts": "export default function App(props) { return props.children }\n",
             "src/pages/index/index.tsx": "export default function Index() { return <View>货架</View> }\n",
             "src/pages/mine/index.tsx": "import Taro from '@tarojs/taro'\nexport default function Mine() {\n"
                                         "  return <View onClick={() => Taro.clearStorageSync()}>退出</View>\n}\n"},
    "head": {"src/app.config.ts": TARO_CONFIG % "'pages/index/index', 'pages/mine/index', 'pages/gate/index'",
             "src/pages/gate/index.tsx": TARO_PAGE},
    "field": ("src/pages/gate/index.tsx", 12),
}
MPX_PAGE = """<template>
  <view>
    <input placeholder="用户名" bindinput="onNo" />
    <input type="password" placeholder="密码" bindinput="onKey" />
    <button bindtap="enter">登录</button>
  </view>
</template>
<script>
import { createPage } from '@mpxjs/core'
createPage({
  onNo(e) { this.no = e.detail.value },
  onKey(e) { this.key = e.detail.value },
  enter() { wx.request({ url: 'https://stock.example-quay.cn/v1/session', data: { username: this.no, password: this.key } }) }
})
</script>
"""
MPX_APP = '<script>\nimport { createApp } from "@mpxjs/core"\ncreateApp({})\n</script>\n' \
          '<script type="application/json">\n{ "pages": [%s] }\n</script>\n'
MPX = {
    "base": {"package.json": '{"dependencies": {"@mpxjs/core": "^2.9.0"}}\n',
             "src/app.mpx": MPX_APP % '"./pages/index", "./pages/mine"',
             "src/pages/index.mpx": "<template><view>货架</view></template>\n",
             "src/pages/mine.mpx": '<template><view bindtap="quit">退出</view></template>\n<script>\nimport '
                                   "{ createPage } from '@mpxjs/core'\ncreatePage({ quit() { wx.clearStorageSync() } })"
                                   "\n</script>\n"},
    "head": {"src/app.mpx": MPX_APP % '"./pages/index", "./pages/mine", "./pages/gate"',
             "src/pages/gate.mpx": MPX_PAGE},
    "field": ("src/pages/gate.mpx", 4),
}
SHAPES = {"native": NATIVE, "wepy": WEPY, "uni-app": UNI, "taro": TARO, "mpx": MPX}


def _change(tmp_path, shape: dict, message: str = "feat: 仓库员工入口") -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write_files(shape["base"])
    base = repo.commit("chore: 初始版本")
    repo.write_files(shape["head"])
    repo.commit(message)
    return repo, base


def _told(report: Report) -> set[tuple[str, str, int, str]]:
    return {(f.rule, f.path, f.line, f.scope) for f in report.findings if f.rule == RULE}


def _account(notes: str) -> str:
    return next(line for line in notes.splitlines() if line.startswith("测试账号"))


def _asks_in_checklist(report: Report) -> bool:
    return any(item.kind == "test_account" and "login" in item.values["what"]
               for item in checklist(report, load_catalog()))


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_a_password_login_the_change_adds_asks_for_a_test_account_in_the_checklist_and_the_notes(tmp_path, name):
    repo, base = _change(tmp_path, SHAPES[name])
    report = run(repo.path, base, language="zh-CN")
    path, line = SHAPES[name]["field"]
    assert _told(report) == {(RULE, path, line, "app")}
    assert _asks_in_checklist(report)
    assert _account(report.notes) == ASKED
    assert _account(notes_text(repo, base)) == ASKED


def _native_page(tmp_path, wxml: str, js: str = "Page({ go() {} })\n") -> tuple[Repo, str]:
    head = {"app.json": NATIVE["head"]["app.json"], "pages/gate/gate.wxml": wxml, "pages/gate/gate.js": js}
    return _change(tmp_path, {"base": NATIVE["base"], "head": head})


@pytest.mark.parametrize(("wxml", "js"), [
    # WeChat's phone-number button: the reviewer taps it with their own WeChat
    ('<button open-type="getPhoneNumber" bindgetphonenumber="go">手机号快捷登录</button>\n',
     "Page({ go(e) { wx.request({ url: 'https://stock.example-quay.cn/v1/phone', data: { code: e.detail.code } }) } })\n"),
    # a silent wx.login alone
    ("<view>欢迎</view>\n", "Page({ onLoad() { wx.login({ success: (r) => wx.setStorageSync('code', r.code) }) } })\n"),
    # a payment password on a withdrawal page (named on the field's own line)
    ('<view>提现到余额 账号：{{no}}</view>\n<input password type="number" maxlength="6" placeholder="请输入支付密码" />\n'
     '<button bindtap="go">确认</button>\n', "Page({ go() {} })\n"),
    # a masked field on a page with no account: a locker's code
    ('<view>储物柜</view>\n<input password placeholder="柜门口令" />\n<button bindtap="go">开柜</button>\n',
     "Page({ go() {} })\n"),
])
def test_no_password_login_asks_for_no_test_account_until_one_is_added(tmp_path, wxml, js):
    repo, base = _native_page(tmp_path, wxml, js)
    report = run(repo.path, base, language="zh-CN")
    assert _told(report) == set()
    assert not _asks_in_checklist(report)
    assert _account(notes_text(repo, base)) == NOT_ASKED
    # the next change adds a staff page with a password login beside it: that one asks
    before = repo.git("rev-parse", "HEAD")
    repo.write_files({"app.json": '{"pages": ["pages/index/index", "pages/mine/mine", "pages/gate/gate", '
                                  '"pages/staff/staff"]}\n',
                      "pages/staff/staff.wxml": NATIVE["head"]["pages/gate/gate.wxml"],
                      "pages/staff/staff.js": NATIVE["head"]["pages/gate/gate.js"]})
    repo.commit("feat: 仓库员工入口")
    report = run(repo.path, before, language="zh-CN")  # beside a payment password it is a new place of a field
    assert {(rule, path, line) for rule, path, line, _scope in _told(report)} == {(RULE, "pages/staff/staff.wxml", 3)}
    assert _asks_in_checklist(report)


def _existing_login(tmp_path, shape: dict) -> tuple[Repo, str]:
    """An app whose base already has the login page; the range only reworks its shelf page."""
    repo = Repo(tmp_path / "repo")
    repo.write_files({**shape["base"], **shape["head"]})
    base = repo.commit("chore: 初始版本")
    shelf = next(path for path in shape["base"] if "index" in path and not path.endswith(("config.ts", ".js")))
    repo.write(shelf, shape["base"][shelf].replace("货架", "货架与盘点"))
    repo.commit("feat: 盘点入口")
    return repo, base


@pytest.mark.parametrize("name", ["native", "wepy", "taro"])
def test_the_notes_of_a_version_ask_for_the_account_of_a_password_login_the_app_already_has(tmp_path, name):
    repo, base = _existing_login(tmp_path, SHAPES[name])
    assert _account(notes_text(repo, base)) == ASKED
    # a pull request's report tells what the change adds: the login was there before it
    report = run(repo.path, base, language="zh-CN")
    assert _told(report) == set()
    assert not _asks_in_checklist(report)


def test_a_release_run_tells_where_the_existing_login_is():
    files = {**NATIVE["base"], **NATIVE["head"]}
    context = replace(project_context(files, changed=["pages/index/index.wxml"]), release=True)
    told = password_login.analyze(context, [])
    assert [(f.rule, f.path, f.line, f.scope) for f in told] == [(RULE, "pages/gate/gate.wxml", 3, "file")]
    assert password_login.analyze(replace(context, release=False), []) == []


def test_a_login_only_in_a_demo_folder_asks_for_nothing_on_a_release():
    files = {**NATIVE["base"], "demo/gate/gate.wxml": NATIVE["head"]["pages/gate/gate.wxml"],
             "demo/gate/gate.js": NATIVE["head"]["pages/gate/gate.js"]}
    context = replace(project_context(files, changed=["pages/index/index.wxml"]), release=True)
    assert password_login.analyze(context, []) == []


def test_the_semantic_diffs_password_field_is_kept_only_on_a_login_form():
    files = {**NATIVE["base"], **NATIVE["head"], "pages/pay/pay.wxml": '<input password placeholder="支付密码" />\n',
             "pages/pay/pay.js": "Page({})\n",
             "pages/staff/staff.wxml": '<view>员工登录</view>\n<input password value="{{payload.secret}}" />\n'}
    context = project_context(files)
    login = finding(RULE, "input[type=password]", "pages/gate/gate.wxml", 3)
    paying = finding(RULE, "input[type=password]", "pages/pay/pay.wxml", 1)
    staff = finding(RULE, "input[type=password]", "pages/staff/staff.wxml", 2)  # a payload is no payment
    assert password_login.analyze(context, [login, paying, staff]) == [login, staff]


@pytest.mark.parametrize(("masked", "plain"), [
    ('<input password placeholder="密码" />', '<input password="{{false}}" />'),
    ('<input password="{{true}}" />', '<input password="{{ false }}" />'),
    ('<input password="{{ !shown }}" />', '<input type="text" placeholder="用户名" />'),
    ('<input :password="!shown" />', '<u-input :password="false" />'),
    ('<van-field type="password" label="密码" />', '<van-field type="number" label="工号" />'),
    ('<uni-easyinput type="password" />', '<view password="x">口令</view>'),  # no input field
])
def test_every_spelling_of_a_password_field_is_one_subject(masked, plain):
    found = [f.line for f in markup_facts(f"{plain}\n{masked}\n{plain}\n") if f.subject == "input[type=password]"]
    assert found == [2]

