"""branding.brand_text: WeChat named as the login method (微信登录, 微信一键登录…) in the UI a user sees.

A label that dresses the app's own login control in WeChat's name is brand use in every framework's
markup; the same words in a toast, a log line, a WeChat ID field or an APP-only branch are not, nor is a
label the change did not add.
"""

from __future__ import annotations

from conftest import MINIMAL_APP, Repo
from helpers import run

TARO_FILES = {"package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n',
              "src/app.config.ts": "export default defineAppConfig({\n  pages: ['pages/login/index']\n})\n",
              "src/app.ts": "export default function App(props) { return props.children }\n"}
TARO_PAGE = """import { View, Image, Text } from '@tarojs/components'
import wechatIcon from '../../assets/wechat.svg'

export default function Login() {
  return (
    <View className="quick">
      <Image src={wechatIcon} onClick={login} />
      <Text className="label">LABEL</Text>
    </View>
  )
}
"""
UNI_FILES = {"manifest.json": '{"name": "shop", "mp-weixin": {"appid": "wx0123456789abcdef"}}\n',
             "pages.json": '{"pages": [{"path": "pages/login/login"}]}\n'}
UNI_PAGE = """<template>
  <view class="login">
    <!-- #ifdef APP-PLUS -->
    <button @click="appLogin">APP_LABEL</button>
    <!-- #endif -->
    <button @click="login">MP_LABEL</button>
  </view>
</template>
<script>
export default { methods: { login() { uni.showToast({ title: '微信登录失败' }) } } }
</script>
"""


def _brand(repo: Repo, base: str) -> set[tuple[str, int]]:
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "branding.brand_text"}


def _changed(tmp_path, files: dict[str, str], path: str, before: str, after: str) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({**files, path: before})
    base = repo.commit("base")
    repo.write(path, after)
    repo.commit("change")
    return repo, base


def test_native_login_method_label_beside_an_icon(tmp_path):
    page = ('<view class="methods">\n  <view bindtap="wxLogin">\n    <image src="/assets/icons/wechat.png"/>\n'
            '    <text class="name">LABEL</text>\n  </view>\n</view>\n')
    repo, base = _changed(tmp_path, MINIMAL_APP, "pages/me/me.wxml", page.replace("LABEL", "其他方式"),
                          page.replace("LABEL", "微信登录"))
    assert _brand(repo, base) == {("pages/me/me.wxml", 4)}


def test_taro_jsx_text_wechat_one_tap_login(tmp_path):
    repo, base = _changed(tmp_path, TARO_FILES, "src/pages/login/index.tsx", TARO_PAGE.replace("LABEL", "快捷登录"),
                          TARO_PAGE.replace("LABEL", "微信一键登录"))
    assert _brand(repo, base) == {("src/pages/login/index.tsx", 8)}


def test_a_login_label_that_retries_or_continues_is_a_login_label(tmp_path):
    repo, base = _changed(tmp_path, TARO_FILES, "src/pages/login/index.tsx", TARO_PAGE.replace("LABEL", "登录并重试"),
                          TARO_PAGE.replace("LABEL", "微信登录并重试"))
    assert _brand(repo, base) == {("src/pages/login/index.tsx", 8)}


def test_a_retry_after_a_failed_wechat_login_is_no_label(tmp_path):
    repo, base = _changed(tmp_path, TARO_FILES, "src/pages/login/index.tsx", TARO_PAGE.replace("LABEL", "重试"),
                          TARO_PAGE.replace("LABEL", "微信登录失败，请重试"))
    assert _brand(repo, base) == set()


def test_vue_template_label_counts_but_not_in_an_app_only_branch_or_a_toast(tmp_path):
    own = UNI_PAGE.replace("APP_LABEL", "登录").replace("MP_LABEL", "登录")
    repo, base = _changed(tmp_path, UNI_FILES, "pages/login/login.vue", own,
                          UNI_PAGE.replace("APP_LABEL", "微信登录").replace("MP_LABEL", "微信快捷登录"))
    assert _brand(repo, base) == {("pages/login/login.vue", 6)}


def test_app_only_label_and_failure_toast_alone_are_silent(tmp_path):
    own = UNI_PAGE.replace("APP_LABEL", "登录").replace("MP_LABEL", "登录").replace("微信登录失败", "登录失败")
    repo, base = _changed(tmp_path, UNI_FILES, "pages/login/login.vue", own,
                          UNI_PAGE.replace("APP_LABEL", "微信登录").replace("MP_LABEL", "手机号登录"))
    assert _brand(repo, base) == set()


def test_navigation_bar_title_naming_wechat_login(tmp_path):
    repo, base = _changed(tmp_path, MINIMAL_APP, "pages/me/me.json", '{"navigationBarTitleText": "登录"}\n',
                          '{"navigationBarTitleText": "微信授权登录"}\n')
    assert _brand(repo, base) == {("pages/me/me.json", 1)}


def test_a_modal_binding_the_wechat_account_names_wechat_but_its_sentence_does_not(tmp_path):
    modal = ('<view class="modal" wx:if="{{show}}">\n  <text class="title">TITLE</text>\n'
             '  <text class="desc">绑定后可使用微信快速登录</text>\n  <button bindtap="bind">确认</button>\n</view>\n')
    repo, base = _changed(tmp_path, MINIMAL_APP, "pages/me/me.wxml", "<view>me</view>\n",
                          modal.replace("TITLE", "授权微信账号"))
    assert _brand(repo, base) == {("pages/me/me.wxml", 2)}
    repo, base = _changed(tmp_path / "b", MINIMAL_APP, "pages/me/me.wxml", "<view>me</view>\n",
                          modal.replace("TITLE", "已绑定微信"))
    assert _brand(repo, base) == set()


def test_existing_label_on_an_unchanged_line_is_not_new(tmp_path):
    page = '<view>\n  <button bindtap="login">微信一键登录</button>\n  <text>TIP</text>\n</view>\n'
    repo, base = _changed(tmp_path, MINIMAL_APP, "pages/me/me.wxml", page.replace("TIP", "欢迎"),
                          page.replace("TIP", "登录后可查看订单"))
    assert _brand(repo, base) == set()


def test_wechat_id_and_default_nickname_wording_is_silent(tmp_path):
    page = ('<view>\n  <text bindtap="copy">复制微信号</text>\n  <text>点击复制教练微信</text>\n'
            '  <view>请将昵称从 微信用户 改为真实姓名</view>\n</view>\n')
    repo, base = _changed(tmp_path, MINIMAL_APP, "pages/me/me.wxml", "<view>me</view>\n", page)
    assert _brand(repo, base) == set()


def test_team_allowed_login_label_is_silent(tmp_path):
    files = {**MINIMAL_APP, ".mp-precheck.yml": "branding: {allow: [微信一键登录]}\n"}
    repo, base = _changed(tmp_path, files, "pages/me/me.wxml", "<view>me</view>\n",
                          '<view>\n  <button bindtap="login">微信一键登录</button>\n</view>\n')
    assert _brand(repo, base) == set()


def test_a_brand_title_removed_elsewhere_does_not_hide_a_new_label(tmp_path):
    files = {**MINIMAL_APP, "app.json": '{\n  "pages": ["pages/index/index", "pages/me/me"],\n'
                                        '  "window": {"navigationBarTitleText": "Weixin"}\n}\n'}
    repo = Repo(tmp_path / "repo")
    repo.write_files(files)
    base = repo.commit("base")
    repo.write("app.json", files["app.json"].replace("Weixin", "Expenses"))
    repo.write("pages/me/me.wxml", '<view>\n  <button bindtap="login">微信登录</button>\n</view>\n')
    repo.commit("login page")
    assert _brand(repo, base) == {("pages/me/me.wxml", 2)}


def test_brand_text_moved_into_a_component_as_it_is_stays_not_new(tmp_path):
    files = {**MINIMAL_APP, "pages/me/me.wxml": '<view>\n  <button bindtap="login">微信登录</button>\n</view>\n'}
    repo = Repo(tmp_path / "repo")
    repo.write_files(files)
    base = repo.commit("base")
    repo.write("pages/me/me.wxml", "<view>\n  <login-bar/>\n</view>\n")
    repo.write("components/login-bar/index.wxml", '<view>\n  <button bindtap="login">微信登录</button>\n</view>\n')
    repo.commit("component")
    assert _brand(repo, base) == set()


def test_kit_button_text_attribute_naming_wechat_login(tmp_path):
    page = '<template>\n  <view>\n    <u-button type="success" text="LABEL" @click="login"></u-button>\n  </view>\n</template>\n'
    repo, base = _changed(tmp_path, UNI_FILES, "pages/login/login.vue", page.replace("LABEL", "手机号登录"),
                          page.replace("LABEL", "微信一键登录"))
    assert _brand(repo, base) == {("pages/login/login.vue", 3)}


MPVUE_FILES = {"package.json": '{"dependencies": {"mpvue": "^2.0.0"}}\n',
               "src/app.json": '{"pages": ["pages/index/main", "pages/verify/main"]}\n',
               "src/main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue(App).$mount()\n",
               "src/App.vue": "<script>export default {}</script>\n",
               "src/pages/index/main.js": "import Vue from 'vue'\nimport App from './index'\nnew Vue(App).$mount()\n",
               "src/pages/index/index.vue": "<template><div>home</div></template>\n",
               "src/pages/verify/main.js": "import Vue from 'vue'\nimport App from './index'\nnew Vue(App).$mount()\n"}
MPVUE_PAGE = """<template>
  <div class="form">
    <van-field label="手机号" :value="phone" use-button-slot>
      <van-button slot="button" size="small" open-type="getPhoneNumber" @getphonenumber="onPhone">LABEL</van-button>
    </van-field>
  </div>
</template>
<script>
export default { methods: { onPhone(e) { wx.showToast({ title: 'TOAST' }) } } }
</script>
"""


def test_kit_button_naming_wechat_authorization_as_the_way_to_fetch_the_phone(tmp_path):
    # 微信授权获取 (fetch by WeChat authorization) on a Vant button in an mpvue page: WeChat named as the control.
    for label in ("微信授权获取", "微信一键获取手机号", "微信登录并绑定手机号"):
        repo, base = _changed(tmp_path / label, MPVUE_FILES, "src/pages/verify/index.vue",
                              MPVUE_PAGE.replace("LABEL", "获取").replace("TOAST", "失败"),
                              MPVUE_PAGE.replace("LABEL", label).replace("TOAST", "失败"))
        assert _brand(repo, base) == {("src/pages/verify/index.vue", 4)}, label


def test_fetch_wording_that_is_no_label_or_no_wechat_control_is_silent(tmp_path):
    # The outcome in a toast, a sentence around the words, binding the WeChat account (微信绑定), and a label
    # without WeChat's name stay silent.
    for label, toast in (("获取手机号", "微信授权获取失败"), ("请先微信授权获取手机号", "失败"), ("微信绑定", "失败"),
                         ("一键获取手机号", "失败")):
        repo, base = _changed(tmp_path / label, MPVUE_FILES, "src/pages/verify/index.vue",
                              MPVUE_PAGE.replace("LABEL", "获取").replace("TOAST", "失败"),
                              MPVUE_PAGE.replace("LABEL", label).replace("TOAST", toast))
        assert _brand(repo, base) == set(), label


def test_a_tab_titled_wechat_login_in_a_pages_data_is_the_label_it_shows(tmp_path):
    """``{ title: '微信登录' }`` in a tab list is what the tab bar shows, not a log line."""
    repo = Repo(tmp_path / "repo")
    repo.write_files({"package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n',
                      "src/app.config.ts": "export default { pages: ['pages/login/index'] }\n",
                      "src/pages/login/index.tsx": "export default function Login() { return null }\n"})
    base = repo.commit("base")
    repo.write("src/pages/login/index.tsx", "const tabs = [\n  { title: '微信登录' },\n  { title: '手机号' },\n]\n"
                                            "console.log('微信登录')\n"
                                            "Taro.cloud.callFunction({ name: 'wechatLogin' })\n"
                                            "export default function Login() { return null }\n")
    repo.commit("tabs")
    found = {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "branding"}
    assert found == {("branding.brand_text", "src/pages/login/index.tsx", 2)}


def test_a_button_s_text_kept_in_a_page_constant_names_wechat_login(tmp_path):
    """``unlockButtonText: '微信授权，解锁全部内容'`` in the constant a page copies into its data is the text of
    the button that shows ``{{unlockButtonText}}``: the login named first, then what it leads to. The same words
    as a description (``unlockDesc``) or a failure's retry stay silent."""
    repo = Repo(tmp_path / "repo")
    repo.write_files({**MINIMAL_APP, "pages/index/index.js": "Page({})\n"})
    base = repo.commit("base")
    repo.write("pages/index/index.js", "const COPY = {\n  unlockButtonText: '微信授权，解锁全部内容',\n"
                                       "  unlockDesc: '完成微信授权后解锁全部内容',\n"
                                       "  retryBtnText: '微信登录失败，请重试',\n}\n"
                                       "Page({ onLoad() { this.setData(COPY) } })\n")
    repo.write("pages/index/index.wxml", '<view bindtap="login">{{unlockButtonText}}</view>\n'
                                         '<view>{{unlockDesc}}</view>\n<view>{{retryBtnText}}</view>\n')
    repo.commit("a guest report page")
    assert _brand(repo, base) == {("pages/index/index.js", 2)}


TARO_BUTTON = """import { Button } from '@tarojs/components'

export default function Login() {
  return (
    <Button onTap={login}>
      CHILD
    </Button>
  )
}
"""


def test_literals_a_jsx_expression_child_shows_are_its_label(tmp_path):
    """``{loading ? '登录中...' : '微信授权登录'}`` shows 微信授权登录 on the button, as JSX text would."""
    for child in ("{loading ? '登录中...' : '微信授权登录'}", "{'微信登录'}", "{ready && '微信一键登录'}",
                  "{label || (`微信登录`)}"):
        repo, base = _changed(tmp_path / str(len(child)), TARO_FILES, "src/pages/login/index.tsx",
                              TARO_BUTTON.replace("CHILD", "登录"), TARO_BUTTON.replace("CHILD", child))
        assert _brand(repo, base) == {("src/pages/login/index.tsx", 6)}, child


def test_what_a_jsx_expression_child_shows_only_through_code_stays_silent(tmp_path):
    """An identifier, an i18n key, a template string that substitutes, a compared literal and an own label."""
    for index, child in enumerate(("{label}", "{t('微信登录')}", "{`微信登录${suffix}`}",
                                   "{mode === '微信登录' ? '登录' : '注册'}", "{loading ? '登录中...' : '授权登录'}",
                                   "{failed && '微信登录失败'}")):
        repo, base = _changed(tmp_path / str(index), TARO_FILES, "src/pages/login/index.tsx",
                              TARO_BUTTON.replace("CHILD", "登录"), TARO_BUTTON.replace("CHILD", child))
        assert _brand(repo, base) == set(), child


def test_a_bound_kit_button_text_and_vue_mustache_text_are_labels(tmp_path):
    """A kit button's bound ``:text`` and a mustache in a Vue template show their literals; a key or a name does not."""
    for index, (element, expected) in enumerate((
            ("<u-button :text=\"loading ? '登录中' : '微信登录'\" @click=\"login\"/>", {("pages/login/login.vue", 3)}),
            ("<button @click=\"login\">{{ loading ? '登录中' : '微信授权登录' }}</button>", {("pages/login/login.vue", 3)}),
            ("<u-button :text=\"t('wechatLogin')\" @click=\"login\"/>", set()),
            ("<button @click=\"login\">{{ loginLabel }}</button>", set()))):
        page = f"<template>\n  <view>\n    {element}\n  </view>\n</template>\n"
        repo, base = _changed(tmp_path / str(index), UNI_FILES, "pages/login/login.vue",
                              "<template><view/></template>\n", page)
        assert _brand(repo, base) == expected, element


TARO_VUE_PAGE = """<template>
  <view class="me">
    <button
      type="primary"
      openType="getPhoneNumber"
      @getphonenumber="getPhoneNumber"
    >
      LABEL
    </button>
  </view>
</template>
<script setup lang="ts">
import Taro from "@tarojs/taro"
const getPhoneNumber = () => Taro.checkSession({})
</script>
"""


def test_wechat_named_as_the_way_a_phone_button_binds_the_number(tmp_path):
    # 微信绑定手机号登录 on a Taro Vue 3 getPhoneNumber button (its text on lines of its own): the control is
    # dressed in WeChat's name as the way the number is fetched, like 微信一键获取手机号.
    for label in ("微信绑定手机号登录", "微信获取手机号", "微信授权获取手机号登录"):
        repo, base = _changed(tmp_path / label, TARO_FILES, "src/pages/login/index.vue",
                              TARO_VUE_PAGE.replace("LABEL", "绑定手机号"), TARO_VUE_PAGE.replace("LABEL", label))
        assert _brand(repo, base) == {("src/pages/login/index.vue", 8)}, label


def test_wechat_named_as_the_way_a_phone_button_verifies_or_grants_the_number(tmp_path):
    # 微信一键验证号码 on a getPhoneNumber button: WeChat named as the way the number is verified (or granted),
    # one word of action like 获取 / 绑定, with or without 一键.
    for label in ("微信一键验证号码", "微信验证手机号", "微信一键授权手机号", "微信快捷验证手机号码"):
        repo, base = _changed(tmp_path / label, TARO_FILES, "src/pages/login/index.vue",
                              TARO_VUE_PAGE.replace("LABEL", "验证手机号"), TARO_VUE_PAGE.replace("LABEL", label))
        assert _brand(repo, base) == {("src/pages/login/index.vue", 8)}, label


def test_verification_wording_that_is_no_wechat_control_label_is_silent(tmp_path):
    # WeChat Pay as a pay channel's label, WeChat friends as a share target, a sentence telling the user what to do,
    # an identity check's outcome, and a verification step named after the user's WeChat identity stay silent.
    for label in ("微信支付", "微信好友", "请用微信验证手机号后继续", "微信验证失败", "微信身份验证"):
        repo, base = _changed(tmp_path / label, TARO_FILES, "src/pages/login/index.vue",
                              TARO_VUE_PAGE.replace("LABEL", "验证手机号"), TARO_VUE_PAGE.replace("LABEL", label))
        assert _brand(repo, base) == set(), label


def test_binding_wording_without_the_number_or_around_a_sentence_is_silent(tmp_path):
    # 微信绑定 alone (binding the WeChat account), a sentence telling the user what to do, and a message about the
    # account stay silent.
    for label in ("微信绑定", "请用微信绑定手机号后登录", "当前微信已绑定其他手机号"):
        repo, base = _changed(tmp_path / label, TARO_FILES, "src/pages/login/index.vue",
                              TARO_VUE_PAGE.replace("LABEL", "绑定手机号"), TARO_VUE_PAGE.replace("LABEL", label))
        assert _brand(repo, base) == set(), label


def test_a_caption_naming_the_phone_number_wechat_holds_is_a_login_label(tmp_path):
    # 使用微信绑定的手机号登录 above a login button: the possessive form of 微信绑定手机号登录 names WeChat as the
    # way the user logs in, on a caption as on the button; a sentence about that number stays silent.
    page = ('<view class="login">\n  <view class="title">\n    <text class="line-text">LABEL</text>\n  </view>\n'
            '  <button open-type="getUserInfo" bindgetuserinfo="login">授权登录</button>\n</view>\n')
    for label, expected in (("使用微信绑定的手机号登录", {("pages/me/me.wxml", 3)}),
                            ("您微信绑定的手机号已变更，请重新登录", set())):
        repo, base = _changed(tmp_path / label, MINIMAL_APP, "pages/me/me.wxml", page.replace("LABEL", "欢迎"),
                              page.replace("LABEL", label))
        assert _brand(repo, base) == expected, label


def test_a_numbered_tab_of_a_login_dialog_naming_wechat_login(tmp_path):
    repo, base = _changed(tmp_path, TARO_FILES, "src/pages/login/index.tsx", TARO_PAGE.replace("LABEL", "1.快捷登录"),
                          TARO_PAGE.replace("LABEL", "1.微信授权登录"))
    assert _brand(repo, base) == {("src/pages/login/index.tsx", 8)}


TARO_TIP_PAGE = """import { View, Button, Text } from '@tarojs/components'

export default function Mine() {
  return (
    <View className="mine">
      <Button className="login" onClick={login}>微信登录</Button>
      <Text className="tips">
        TIP
      </Text>
    </View>
  )
}
"""


def test_brand_words_rewritten_inside_an_unchanged_element_are_told_there_not_at_the_old_label(tmp_path):
    # The page said 微信登录 before; the change rewrites the tip under it (its <Text> line untouched) into other
    # WeChat wording: the finding goes to the new wording's element, not to the button the change did not touch.
    repo, base = _changed(tmp_path, TARO_FILES, "src/pages/login/index.tsx", TARO_TIP_PAGE.replace("TIP", "请输入手机号"),
                          TARO_TIP_PAGE.replace("TIP", "微信一键登录"))
    assert _brand(repo, base) == {("src/pages/login/index.tsx", 7)}


def test_an_old_label_beside_rewritten_plain_text_is_silent(tmp_path):
    repo, base = _changed(tmp_path, TARO_FILES, "src/pages/login/index.tsx", TARO_TIP_PAGE.replace("TIP", "请输入手机号"),
                          TARO_TIP_PAGE.replace("TIP", "手机号仅用于接收订单通知"))
    assert _brand(repo, base) == set()
