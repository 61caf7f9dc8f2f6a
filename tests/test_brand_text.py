"""branding.brand_text: pages and titles presenting the app as WeChat, in every framework's config."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_APP, Repo
from helpers import run

TARO1_APP = """import Taro, { Component } from '@tarojs/taro'
import Index from './pages/index'

class App extends Component {
  config = {
    pages: ['pages/index/index'],
    window: {
      navigationBarBackgroundColor: '#fff',
      navigationBarTitleText: '{title}'
    }
  }

  render () {
    return <Index />
  }
}

Taro.render(<App />, document.getElementById('app'))
"""


def _brand(repo: Repo, base: str) -> set[tuple[str, int]]:
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "branding.brand_text"}


def _taro1(tmp_path, title: str) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({"package.json": '{"dependencies": {"@tarojs/taro": "1.3.0"}}\n',
                      "project.config.json": '{"miniprogramRoot": "dist/"}\n',
                      "src/app.js": TARO1_APP.replace("{title}", "店铺"),
                      "src/pages/index/index.js": "export default class Index extends Component {}\n"})
    base = repo.commit("base")
    repo.write("src/app.js", TARO1_APP.replace("{title}", title))
    repo.commit("title")
    return repo, base


def test_taro1_app_class_config_titled_wechat_fires_on_the_title_line(tmp_path):
    repo, base = _taro1(tmp_path, "WeChat")
    assert _brand(repo, base) == {("src/app.js", 9)}


def test_taro1_app_class_config_with_an_own_title_is_silent(tmp_path):
    repo, base = _taro1(tmp_path, "Linli Shop")
    assert _brand(repo, base) == set()


def test_taro3_app_config_window_title(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files({"package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n',
                      "src/app.config.ts": "export default defineAppConfig({\n  pages: ['pages/index/index'],\n"
                                           "  window: { navigationBarTitleText: '商城' }\n})\n",
                      "src/app.ts": "export default function App(props) { return props.children }\n",
                      "src/pages/index/index.tsx": "export default function Index() { return null }\n"})
    base = repo.commit("base")
    repo.write("src/app.config.ts", "export default defineAppConfig({\n  pages: ['pages/index/index'],\n"
                                    "  window: { navigationBarTitleText: '微信' }\n})\n")
    repo.commit("title")
    assert _brand(repo, base) == {("src/app.config.ts", 3)}


def test_uniapp_global_style_title(tmp_path):
    repo = Repo(tmp_path / "repo")
    pages = '{\n  "pages": [{"path": "pages/index/index"}],\n  "globalStyle": {\n    "navigationBarTitleText": "TITLE"\n  }\n}\n'
    repo.write_files({"manifest.json": '{"name": "shop", "mp-weixin": {"appid": "wx0123456789abcdef"}}\n',
                      "pages.json": pages.replace("TITLE", "小店"),
                      "pages/index/index.vue": "<template><view>home</view></template>\n"})
    base = repo.commit("base")
    repo.write("pages.json", pages.replace("TITLE", "WeChat"))
    repo.commit("title")
    assert _brand(repo, base) == {("pages.json", 4)}


@pytest.mark.parametrize(("markup", "expected"), [
    ('<view class="title">微信授权页面</view>', {("pages/me/me.wxml", 2)}),
    ('<view class="heading">微信授权</view>', {("pages/me/me.wxml", 2)}),
    ('<button open-type="getPhoneNumber">微信授权</button>', {("pages/me/me.wxml", 2)}),
    ('<button type="primary">微信授权登录</button>', {("pages/me/me.wxml", 2)}),
    ('<van-button type="primary">微信一键登录</van-button>', {("pages/me/me.wxml", 2)}),
    ('<view class="profile">授权并同意使用微信账号登录当前小程序</view>', set()),
    ('<text>微信号：</text><input name="wxid"/>', set()),
    ('<view>支持微信支付</view>', set()),
    ('<view class="title">微信授权登录，享受更多服务</view>', {("pages/me/me.wxml", 2)}),
    ('<view class="tip">请允许微信授权</view>', {("pages/me/me.wxml", 2)}),
    ('<view class="login-btn" bindtap="login">微信授权登录</view>', {("pages/me/me.wxml", 2)}),
    ('<button bindtap="login">授权登录</button>', set()),
    ('<text>微信登录失败，请重试</text>', set()),
    ('<text>点击下方按钮完成微信授权后查看订单</text>', set()),
    ('<view>微信授权后可查看订单</view>', set()),
    ('<view>请将昵称从 微信用户 改为真实姓名</view>', set()),
    ('<view bindtap="back">返回</view><view class="title">微信授权</view>', {("pages/me/me.wxml", 2)}),
    ("<button bindtap=\"login\">{{loading ? '登录中' : (i18n.login || '微信授权登录')}}</button>", {("pages/me/me.wxml", 2)}),
    ("<button bindtap=\"login\">{{loading ? '登录中' : '授权登录'}}</button>", set()),
    ('<view class="tip">请授权微信登录后继续</view>', {("pages/me/me.wxml", 2)}),
    ('<view class="tip">微信授权登录后才可查看个人中心哦!</view>', {("pages/me/me.wxml", 2)}),
    ('<view class="tip">登录后才可查看个人中心哦!</view>', set()),
], ids=["heading-authorize-page", "heading-authorize", "button-authorize", "login-button", "kit-button",
        "consent-line", "wechat-id-label", "pay", "heading-authorize-login", "allow-prompt", "tap-view-label",
        "own-login-label", "failure-text", "instruction", "sentence-after-authorize", "default-nickname",
        "heading-after-a-closed-control", "label-as-a-bound-fallback", "own-label-bound", "popup-asks-wechat-login",
        "wechat-login-as-the-gate", "own-login-as-the-gate"])
def test_page_text_presenting_itself_as_wechat(tmp_path, markup, expected):
    repo = Repo(tmp_path / "repo")
    repo.write_files(MINIMAL_APP)
    base = repo.commit("base")
    repo.write("pages/me/me.wxml", f"<view>\n{markup}\n</view>\n")
    repo.commit("page")
    assert _brand(repo, base) == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("为了保障您能正常使用，请您在接下来的微信授权中点击【允许】", {("pages/me/me.js", 4)}),
    ("请允许微信授权", {("pages/me/me.js", 4)}),
    ("授权失败，请重新授权", set()),
    ("微信授权失败，请重试", set()),
], ids=["click-allow-in-wechat-authorization", "allow-wechat-authorization", "plain-retry", "failure"])
def test_a_dialog_the_app_shows_speaking_as_wechat_authorization(tmp_path, content, expected):
    """The body of the app's own ``wx.showModal`` is a screen, not a control's label: pleading for 微信授权 there
    presents the app's dialog as WeChat's permission screen."""
    assert _brand(*_dialog(tmp_path, "onDenied", f"      content: '{content}',\n      showCancel: false\n")) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("微信授权申请", {("pages/me/me.js", 4)}),
    ("授权申请", set()),
    ("微信授权申请失败", set()),
], ids=["wechat-authorization-request", "own-request", "failure"])
def test_a_dialog_titled_as_wechat_authorization_request(tmp_path, title, expected):
    """The title of the app's own ``wx.showModal`` is the dialog's heading: 微信授权申请 poses the app's popup as
    WeChat's permission request."""
    assert _brand(*_dialog(tmp_path, "onShow", f"      title: '{title}',\n      content: '申请获取您的公开信息'\n")) == expected


def _dialog(tmp_path, hook: str, options: str) -> tuple[Repo, str]:
    """A change that adds a page method ``hook`` showing ``wx.showModal`` with ``options`` (its keys from line 4)."""
    repo = Repo(tmp_path / "repo")
    repo.write_files(MINIMAL_APP)
    base = repo.commit("base")
    repo.write("pages/me/me.js", f"Page({{\n  {hook}() {{\n    wx.showModal({{\n{options}    }})\n  }}\n}})\n")
    repo.commit("dialog")
    return repo, base
