"""An uncancellable modal on a login page the app sends users to at launch, answering a refused authorization
(login.forced_login at the modal): the user cannot go on without authorizing. A modal with a cancel button, one
whose confirm goes on to a page, and one on a login page only a tap opens stay silent."""

from __future__ import annotations

from conftest import Repo
from helpers import run
from mp_precheck.analyzers.refusal_modal import refusal_modals

APP = '{\n  "pages": [\n    "pages/shop/shop",\n    "pages/account/signin",\n    "pages/cart/cart"\n  ]\n}\n'
GATED_APP = ("App({\n  onLaunch () {\n    const session = wx.getStorageSync('session')\n    if (!session) {\n"
             "      wx.reLaunch({ url: '/pages/account/signin' })\n    }\n  }\n})\n")
SIGNIN = "pages/account/signin.js"


def _signin(on_refusal: str) -> str:
    return ("Page({\n  data: {},\n  onPhone (e) {\n    if (e.detail.errMsg === 'getPhoneNumber:ok') {\n"
            "      wx.setStorageSync('session', e.detail.code)\n      wx.switchTab({ url: '/pages/shop/shop' })\n"
            f"    }} else {{\n{on_refusal}    }}\n  }}\n}})\n")


LOCKED = ("      wx.showModal({\n        title: '提示',\n        content: '需要手机号登录后才能使用本服务',\n"
          "        showCancel: false,\n        success: () => this.onPhone(e)\n      })\n")
CANCELLABLE = LOCKED.replace("showCancel: false", "showCancel: true")
GOES_ON = LOCKED.replace("success: () => this.onPhone(e)", "success () { wx.switchTab({ url: '/pages/shop/shop' }) }")


def _files(app: str, on_refusal: str) -> dict[str, str]:
    return {"app.json": APP, "app.js": app, "pages/shop/shop.js": "Page({})\n",
            "pages/shop/shop.wxml": '<navigator url="/pages/account/signin">我的</navigator>\n',
            "pages/cart/cart.js": "Page({})\n", "pages/cart/cart.wxml": "<view>cart</view>\n",
            SIGNIN: _signin(on_refusal), "pages/account/signin.wxml":
                '<button open-type="getPhoneNumber" bindgetphonenumber="onPhone">手机号登录</button>\n'}


def _login(tmp_path: object, app: str, on_refusal: str) -> set[tuple[str, int]]:
    repo = Repo(tmp_path / "repo")  # type: ignore[operator]
    repo.write_files({"app.json": APP, "app.js": app, "pages/shop/shop.js": "Page({})\n",
                      "pages/shop/shop.wxml": "<view>shop</view>\n", "pages/cart/cart.js": "Page({})\n",
                      "pages/cart/cart.wxml": "<view>cart</view>\n", SIGNIN: _signin(""),
                      "pages/account/signin.wxml": "<view>signin</view>\n"})
    base = repo.commit("base")
    repo.write_files(_files(app, on_refusal))
    repo.commit("lock the sign-in page")
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "login.forced_login"}


def test_a_new_modal_without_cancel_on_the_login_page_met_at_launch_is_told(tmp_path):
    assert (SIGNIN, 8) in _login(tmp_path, GATED_APP, LOCKED)


def test_a_modal_with_a_cancel_button_stays_silent(tmp_path):
    assert not any(path == SIGNIN for path, _line in _login(tmp_path, GATED_APP, CANCELLABLE))


def test_a_modal_whose_confirm_goes_on_to_a_page_stays_silent(tmp_path):
    assert not any(path == SIGNIN for path, _line in _login(tmp_path, GATED_APP, GOES_ON))


def test_the_same_modal_on_a_login_page_only_a_tap_opens_stays_silent(tmp_path):
    assert not any(path == SIGNIN for path, _line in _login(tmp_path, "App({})\n", LOCKED))


def test_an_awaited_modal_is_read_with_what_follows_it():
    stays = ("async function refuse () {\n  await uni.showModal({ content: '请授权后使用', showCancel: false })\n"
             "  console.log('refused')\n}\n")
    leaves = stays.replace("console.log('refused')", "uni.navigateBack()")
    assert [line for line, _ in refusal_modals(stays, "a.js")] == [2]
    assert list(refusal_modals(leaves, "a.js")) == []
    assert list(refusal_modals("wx.showModal({ content: '网络错误', showCancel: false })\n", "b.js")) == []
    assert list(refusal_modals("wx.showModal({ showCancel: false, content: ", "c.js")) == []


ANSWER = ("      api.signIn({ code: e.detail.code }).then(res => {\n        if (!res.token) {\n"
          "          wx.showModal({ title: '登录未成功', content: '服务器未返回登录凭证', showCancel: false })\n"
          "        }\n      })\n")


def test_a_modal_answering_the_servers_reply_to_a_login_stays_silent(tmp_path):
    """The modal tells why the user's own login attempt failed; it answers no refusal."""
    assert not any(path == SIGNIN for path, _line in _login(tmp_path, GATED_APP, ANSWER))


def test_where_a_modal_sits_decides_whether_it_answers_the_server():
    modal = "wx.showModal({ content: '请授权登录', showCancel: false })"
    answering = [f"api.login(form).then(res => {{ {modal} }})\n",
                 f"wx.request({{ url: u, success (res) {{ {modal} }} }})\n",
                 f"this.post(form).then(ok).catch(() => {{ {modal} }})\n"]
    refusing = [f"this.getUserProfile().catch(() => {{ {modal} }})\n",
                f"wx.getUserProfile({{ desc: 'd', fail: () => {{ {modal} }} }})\n",
                f"Page({{ onPhone (e) {{ if (!e.detail.code) {{ {modal} }} }} }})\n",
                f"setTimeout(() => {{ {modal} }}, 10)\n"]
    assert [text for text in answering if list(refusal_modals(text, "a.js"))] == []
    assert [text for text in refusing if not list(refusal_modals(text, "a.js"))] == []
