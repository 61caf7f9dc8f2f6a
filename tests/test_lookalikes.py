"""Look-alikes of privacy and external-link uses: a feature test is not a call, another platform's login
provider is not WeChat's, a bound attribute is each of its literal branches; WeCom customer service and a
socket are external links of their own."""

from __future__ import annotations

import pytest

from helpers import places, run
from test_frameworks import UNI_BASE


def _found(report, family=None):
    """(rule, path, line) of the findings of ``family``; the app-wide consent-flow reminder is left out."""
    return places(report, family, without=frozenset({"privacy.no_consent_flow"}))


def test_testing_that_an_api_exists_is_not_a_use(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({\n  onLoad() {\n    if (wx.getUserProfile) { this.setData({ modern: true }) }\n"
                                     "    const old = typeof wx.getLocation !== 'function'\n"
                                     "    if (!wx.chooseAddress) return\n  },\n"
                                     "  pick() { wx.chooseImage && wx.chooseImage({ count: 1 }) }\n})\n")
    app_repo.commit()
    assert _found(run(app_repo.path, base), "privacy") == {("privacy.album", "pages/me/me.js", 7)}


def test_a_flag_holding_an_api_is_a_test_and_the_call_below_is_the_use(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({\n  data: {\n    canIUseProfile: wx.getUserProfile,\n"
                                     "    profileSupported: wx.getUserProfile\n  },\n"
                                     "  confirm() {\n    wx.getUserProfile({ desc: '完善资料' })\n  }\n})\n")
    app_repo.commit()
    assert _found(run(app_repo.path, base), "privacy") == {("privacy.user_info_reclaimed", "pages/me/me.js", 7)}


def test_an_api_kept_in_a_property_not_named_as_a_flag_is_still_a_use(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "const api = {\n  pick: wx.chooseImage\n}\nPage({ go() { api.pick({}) } })\n")
    app_repo.commit()
    assert ("privacy.album", "pages/me/me.js", 2) in _found(run(app_repo.path, base), "privacy")


def test_a_native_app_login_provider_is_not_wechat_user_info(repo):
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write("src/pages/me/me.vue", "<template><view @tap=\"appleLogin\" @longpress=\"wechatInfo\">我的</view>"
                                      "</template>\n<script>\nexport default {\n"
                                      "  methods: {\n    appleLogin() {\n"
                                      "      uni.getUserInfo({ provider: 'apple', success: (r) => this.save(r) })\n"
                                      "    },\n    wechatInfo() {\n"
                                      "      uni.getUserInfo({ provider: 'weixin', success: (r) => this.save(r) })\n"
                                      "    }\n  }\n}\n</script>\n")
    repo.commit()
    assert _found(run(repo.path, base), "privacy") == {("privacy.user_info_reclaimed", "src/pages/me/me.vue", 9)}


def test_a_bound_input_type_with_a_nickname_branch_is_a_nickname_input(repo):
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write("src/pages/me/me.vue", "<template>\n<view>\n"
                                      "  <input :type=\"isWeixin ? 'nickname' : 'text'\" name=\"nickname\" />\n"
                                      "  <input :type=\"secret ? 'password' : 'text'\" name=\"code\" />\n"
                                      "  <input :type=\"pickType('nickname')\" name=\"other\" />\n"
                                      "</view>\n</template>\n")
    repo.commit()
    assert _found(run(repo.path, base), "privacy") == {("privacy.user_info", "src/pages/me/me.vue", 3)}


def test_a_wxml_mustache_open_type_branch_is_the_button_form(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", "<view>\n<button open-type=\"{{bound ? '' : 'getPhoneNumber'}}\" "
                                       "bindgetphonenumber=\"onPhone\">手机号</button>\n</view>\n")
    app_repo.commit()
    assert _found(run(app_repo.path, base), "privacy") == {("privacy.phone_number", "pages/me/me.wxml", 2)}


def test_wecom_customer_service_is_an_external_jump(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({\n  contact() {\n    wx.openCustomerServiceChat({\n"
                                     "      extInfo: { url: kefuLink }, corpId: this.data.corpId })\n  }\n})\n")
    app_repo.write("pages/me/me.wxml", "<view>\n<button open-type=\"contact\">客服</button>\n</view>\n")
    app_repo.commit()
    external = _found(run(app_repo.path, base), "external_link")
    assert external == {("external_link.customer_service_chat", "pages/me/me.js", 3)}


def test_a_socket_to_a_host_built_from_config_still_needs_the_socket_list(repo):
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write("src/pages/me/me.vue", "<script>\nimport config from './config'\n"
                                      "export default { onShow() { this.open() },\n  methods: {\n"
                                      "    open() {\n      this.task = uni.connectSocket({ url: `wss://${config.host}/chat` })\n"
                                      "    }\n  }\n}\n</script>\n")
    repo.commit()
    assert _found(run(repo.path, base), "external_link") == {("external_link.socket", "src/pages/me/me.vue", 6)}



@pytest.mark.parametrize(("url", "told"), [
    ("`ws://localhost:3000/socket.io/?EIO=4`", set()),  # a developer's machine: no socket domain to configure
    ("'ws://192.168.1.20:8080/chat'", set()),
    ("'wss://chat.shop-example.cn/ws'", {("external_link.socket", "src/pages/me/me.vue", 6)}),
])
def test_a_socket_to_a_development_host_needs_no_socket_list(repo, url, told):
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write("src/pages/me/me.vue", "<script>\nexport default { onShow() { this.open() },\n  methods: {\n"
                                      "    open() {\n      // the room\n"
                                      f"      this.task = uni.connectSocket({{ url: {url} }})\n"
                                      "    }\n  }\n}\n</script>\n")
    repo.commit()
    found = _found(run(repo.path, base), "external_link")
    assert {f for f in found if f[0] == "external_link.socket"} == told


def _socket_page(kind: str) -> str:
    opened = {"ws": "uni.connectSocket({ url: 'wss://chat.shop-example.cn/ws' })",
              "tcp": "uni.createTCPSocket()"}[kind]
    return ("<script>\nexport default { onShow() { this.open() },\n  methods: {\n"
            f"    open() {{\n      this.task = {opened}\n    }}\n  }}\n}}\n</script>\n")


@pytest.mark.parametrize(("second", "told"), [
    ("ws", set()),  # the socket domain list is set up once: another page's socket on it adds nothing
    ("tcp", {("external_link.socket", "src/pages/index/index.vue", 5)}),  # a TCP socket has a list of its own
])
def test_a_further_page_opening_a_socket_of_a_kind_the_app_had(repo, second, told):
    repo.write_files(UNI_BASE)
    repo.write("src/pages/me/me.vue", _socket_page("ws"))
    base = repo.commit()
    repo.write("src/pages/index/index.vue", _socket_page(second))
    repo.commit()
    found = _found(run(repo.path, base), "external_link")
    assert {f for f in found if f[0] == "external_link.socket"} == told


def test_a_file_managers_copy_of_a_page_is_never_loaded(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    button = '<view>\n<button open-type="getPhoneNumber" bindgetphonenumber="onPhone">手机号登录</button>\n</view>\n'
    app_repo.write("pages/me/me copy.wxml", button)
    app_repo.write("pages/me/me - 副本.wxml", button)
    app_repo.write("pages/me/me copy 2.js", "Page({ onLoad() { wx.getLocation({}) } })\n")
    app_repo.commit("backup copies of the page")
    assert _found(run(app_repo.path, base)) == set()
    app_repo.write("pages/me/me.wxml", button)
    app_repo.commit("the page itself")
    assert ("privacy.phone_number", "pages/me/me.wxml", 2) in _found(run(app_repo.path, base), "privacy")


def test_a_field_that_asks_for_an_id_number_is_a_privacy_type(repo):
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write("src/pages/me/me.vue", '<template>\n  <view>\n    <input v-model="name" placeholder="真实姓名"/>\n'
                                      '    <input v-model="idNo" placeholder="请输入18位身份证号"/>\n'
                                      '    <uni-easyinput v-model="mail" placeholder="联系邮箱"/>\n'
                                      '    <input v-model="q" placeholder="搜索商品"/>\n  </view>\n</template>\n')
    repo.commit()
    assert _found(run(repo.path, base), "privacy") == {("privacy.id_number", "src/pages/me/me.vue", 4)}


def test_capability_values_are_read_without_their_surrounding_whitespace(app_repo):
    """``'getPhoneNumber '`` in a bound branch, in a literal and in JSX is the phone button all the same; a literal
    handed to a function is still no value of the attribute."""
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", "<view>\n<button open-type=\"{{agreed ? 'getPhoneNumber ' : ''}}\" "
                                       "bindgetphonenumber=\"onPhone\">手机号</button>\n"
                                       "<button open-type=\" chooseAvatar\" bindchooseavatar=\"onAvatar\">头像</button>\n"
                                       "<button open-type=\"{{pick('getUserInfo ')}}\">资料</button>\n</view>\n")
    app_repo.commit()
    assert _found(run(app_repo.path, base), "privacy") == {("privacy.phone_number", "pages/me/me.wxml", 2),
                                                          ("privacy.user_info", "pages/me/me.wxml", 3)}


def test_a_jsx_open_type_branch_with_a_trailing_space_is_the_phone_button(repo):
    repo.write_files({"package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n',
                      "src/app.config.ts": "export default defineAppConfig({\n  pages: ['pages/me/index']\n})\n",
                      "src/pages/me/index.tsx": "export default function Me() { return null }\n"})
    base = repo.commit()
    repo.write("src/pages/me/index.tsx", "import { Button } from '@tarojs/components'\n\n"
                                         "export default function Me() {\n"
                                         "  return <Button openType={agreed ? 'getPhoneNumber ' : ''}>手机号</Button>\n"
                                         "}\n")
    repo.commit()
    assert _found(run(repo.path, base), "privacy") == {("privacy.phone_number", "src/pages/me/index.tsx", 4)}


def test_a_bound_placeholder_asking_for_an_id_number_is_a_privacy_type(repo):
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write("src/pages/me/me.vue", "<template>\n  <view>\n"
                                      "    <input v-model=\"idNo\" :placeholder=\"foreign ? '护照号' : '请输入身份证号'\"/>\n"
                                      "    <input v-model=\"q\" :placeholder=\"t('身份证号')\"/>\n  </view>\n</template>\n")
    repo.commit()
    assert _found(run(repo.path, base), "privacy") == {("privacy.id_number", "src/pages/me/me.vue", 3)}
