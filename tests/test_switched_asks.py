"""A privacy button one page drops while another page starts asking: moved only when its callback came with it.
A page whose own control becomes the ask, and two pages that trade asks, are new call sites
(analyzers/switched_asks.py)."""

from __future__ import annotations

from conftest import minimal_app
from helpers import run

_PHONE = '<view>home</view>\n<button open-type="getPhoneNumber" bindgetphonenumber="onPhone">绑定</button>\n'
_AVATAR = '<view>me</view>\n<button open-type="chooseAvatar" bind:chooseavatar="onAvatar">换头像</button>\n'
_HOME_JS = "Page({\n  onPhone(e) { this.setData({ code: e.detail.code }) }\n})\n"
_ME_JS = "Page({\n  onAvatar(e) { this.setData({ face: e.detail.avatarUrl }) }\n})\n"
_CART = '<view>cart</view>\n<view class="pay" bindtap="checkout">去结算</view>\n'
_CART_JS = "Page({\n  checkout() { wx.navigateTo({ url: '/pages/me/me' }) }\n})\n"
_APP_JSON = '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/cart/cart"]\n}\n'


def _privacy(tmp_path, base: dict[str, str], head: dict[str, str]) -> set[tuple[str, str, int, str]]:
    repo, commit = minimal_app(tmp_path / "repo", {"app.json": _APP_JSON, **base})
    repo.write_files(head)
    repo.commit("asks change places")
    return {(f.rule, f.path, f.line, f.scope) for f in run(repo.path, commit).findings if f.family == "privacy"
            and f.subject.startswith("button[")}


def test_a_page_whose_own_control_starts_asking_is_a_new_call_site(tmp_path):
    head = {"pages/index/index.wxml": "<view>home</view>\n",
            "pages/cart/cart.wxml": _CART.replace('<view class="pay" bindtap="checkout">去结算</view>',
                                                  '<button class="pay" open-type="getPhoneNumber" '
                                                  'bindgetphonenumber="checkout">去结算</button>')}
    assert _privacy(tmp_path, {"pages/index/index.wxml": _PHONE, "pages/index/index.js": _HOME_JS,
                               "pages/cart/cart.wxml": _CART, "pages/cart/cart.js": _CART_JS}, head) == {
        ("privacy.phone_number", "pages/cart/cart.wxml", 2, "file")}


def test_a_button_arriving_with_its_callback_stays_a_move(tmp_path):
    head = {"pages/index/index.wxml": "<view>home</view>\n", "pages/index/index.js": "Page({})\n",
            "pages/cart/cart.wxml": _CART + _PHONE.split("\n")[1] + "\n",
            "pages/cart/cart.js": _CART_JS.replace("  checkout()", "  onPhone(e) { this.setData({ code: 1 }) },\n"
                                                                   "  checkout()")}
    assert _privacy(tmp_path, {"pages/index/index.wxml": _PHONE, "pages/index/index.js": _HOME_JS,
                               "pages/cart/cart.wxml": _CART, "pages/cart/cart.js": _CART_JS}, head) == set()


def test_two_pages_trading_their_asks_are_two_new_call_sites(tmp_path):
    head = {"pages/index/index.wxml": _AVATAR.replace("<view>me</view>", "<view>home</view>"),
            "pages/index/index.js": _ME_JS, "pages/me/me.wxml": _PHONE.replace("<view>home</view>", "<view>me</view>"),
            "pages/me/me.js": _HOME_JS}
    assert _privacy(tmp_path, {"pages/index/index.wxml": _PHONE, "pages/index/index.js": _HOME_JS,
                               "pages/me/me.wxml": _AVATAR, "pages/me/me.js": _ME_JS}, head) == {
        ("privacy.phone_number", "pages/me/me.wxml", 2, "file"),
        ("privacy.user_info", "pages/index/index.wxml", 2, "file")}


def test_an_ask_moved_to_a_page_whose_source_asks_nothing_else_stays_a_move(tmp_path):
    head = {"pages/index/index.wxml": "<view>home</view>\n", "pages/index/index.js": "Page({})\n",
            "pages/me/me.wxml": _AVATAR + _PHONE.split("\n")[1] + "\n",
            "pages/me/me.js": _ME_JS.replace("  onAvatar", "  onPhone(e) { this.setData({ code: 1 }) },\n  onAvatar")}
    assert _privacy(tmp_path, {"pages/index/index.wxml": _PHONE, "pages/index/index.js": _HOME_JS,
                               "pages/me/me.wxml": _AVATAR, "pages/me/me.js": _ME_JS}, head) == set()


def test_a_button_moved_out_of_a_component_into_the_page_showing_it_is_the_same_page(tmp_path):
    component = {"components/bind/bind.json": '{ "component": true }\n',
                 "components/bind/bind.js": "Component({ methods: { onPhone(e) { this.triggerEvent('phone', e) } } })\n",
                 "components/bind/bind.wxml": _PHONE.replace("<view>home</view>", "<view>bind</view>")}
    cart = {"pages/cart/cart.json": '{ "usingComponents": { "bind-phone": "/components/bind/bind" } }\n',
            "pages/cart/cart.wxml": _CART + "<bind-phone />\n", "pages/cart/cart.js": _CART_JS}
    head = {"components/bind/bind.wxml": "<view>bind</view>\n",
            "pages/cart/cart.wxml": cart["pages/cart/cart.wxml"].replace(
                '<view class="pay" bindtap="checkout">去结算</view>',
                '<button class="pay" open-type="getPhoneNumber" bindgetphonenumber="checkout">去结算</button>')}
    assert _privacy(tmp_path, {**component, **cart}, head) == set()


_LOGIN = '<view>sign in</view>\n<button open-type="getUserInfo" bindgetuserinfo="onProfile">微信登录</button>\n'
_LOGIN_JS = "Page({\n  onProfile(e) { wx.setStorageSync('who', e.detail.userInfo) }\n})\n"
_ME_HEAD = ('<view>me</view>\n<view class="row">\n  <button open-type="getUserInfo"\n'
            '    bindgetuserinfo="onProfile">用微信{{ kind }}头像</button>\n</view>\n')
_ME_HEAD_JS = "Page({\n  onProfile(e) { this.setData({ face: e.detail.userInfo.avatarUrl }) }\n})\n"


def test_a_button_with_another_label_on_another_page_is_a_new_call_site(tmp_path):
    head = {"pages/index/index.wxml": "<view>sign in</view>\n", "pages/index/index.js": "Page({})\n",
            "pages/me/me.wxml": _ME_HEAD, "pages/me/me.js": _ME_HEAD_JS}
    assert _privacy(tmp_path, {"pages/index/index.wxml": _LOGIN, "pages/index/index.js": _LOGIN_JS}, head) == {
        ("privacy.user_info_reclaimed", "pages/me/me.wxml", 3, "file")}


def test_the_same_labelled_button_moved_with_its_callback_stays_a_move(tmp_path):
    head = {"pages/index/index.wxml": "<view>sign in</view>\n", "pages/index/index.js": "Page({})\n",
            "pages/me/me.wxml": "<view>me</view>\n" + _LOGIN.split("\n")[1] + "\n", "pages/me/me.js": _LOGIN_JS}
    assert _privacy(tmp_path, {"pages/index/index.wxml": _LOGIN, "pages/index/index.js": _LOGIN_JS}, head) == set()


def test_an_icon_button_tells_no_label(tmp_path):
    icon = '<view>me</view>\n<button open-type="getUserInfo" bindgetuserinfo="onProfile"><image src="/i.png"/></button>\n'
    head = {"pages/index/index.wxml": "<view>sign in</view>\n", "pages/index/index.js": "Page({})\n",
            "pages/me/me.wxml": icon, "pages/me/me.js": _ME_HEAD_JS}
    assert _privacy(tmp_path, {"pages/index/index.wxml": _LOGIN, "pages/index/index.js": _LOGIN_JS}, head) == set()


_SAVE_JS = ("Page({\n  onProfile(e) {\n    wx.showLoading({ title: 'saving' })\n"
            "    wx.request({ url: 'https://api.example.com/profile', method: 'PUT', data: e.detail.userInfo })\n"
            "    wx.hideLoading()\n  }\n})\n")
_PROFILE = '<view>me</view>\n<view>\n  <button open-type="getUserInfo" bindgetuserinfo="onProfile">完善资料</button>\n</view>\n'


def test_a_relabelled_button_whose_callback_came_with_its_calls_stays_a_move(tmp_path):
    head = {"pages/index/index.wxml": "<view>sign in</view>\n", "pages/index/index.js": "Page({})\n",
            "pages/me/me.wxml": _PROFILE,
            "pages/me/me.js": _SAVE_JS.replace("    wx.hideLoading()\n", "    this.setData({ saved: true })\n")}
    assert _privacy(tmp_path, {"pages/index/index.wxml": _LOGIN, "pages/index/index.js": _SAVE_JS}, head) == set()


def test_a_relabelled_button_whose_callback_shares_only_a_bare_call_is_a_new_call_site(tmp_path):
    head = {"pages/index/index.wxml": "<view>sign in</view>\n", "pages/index/index.js": "Page({})\n",
            "pages/me/me.wxml": _PROFILE,
            "pages/me/me.js": "Page({\n  onProfile(e) {\n    this.setData({ face: e.detail.userInfo.avatarUrl })\n"
                              "    wx.hideLoading()\n  }\n})\n"}
    assert _privacy(tmp_path, {"pages/index/index.wxml": _LOGIN, "pages/index/index.js": _SAVE_JS}, head) == {
        ("privacy.user_info_reclaimed", "pages/me/me.wxml", 3, "file")}


def test_a_second_page_asking_while_the_first_keeps_its_button_is_a_new_call_site(tmp_path):
    head = {"pages/me/me.wxml": _PROFILE, "pages/me/me.js": _SAVE_JS}
    assert _privacy(tmp_path, {"pages/index/index.wxml": _LOGIN, "pages/index/index.js": _SAVE_JS}, head) == {
        ("privacy.user_info_reclaimed", "pages/me/me.wxml", 3, "file")}
