"""branding.brand_text: the phone button named after the number WeChat holds (用微信手机号, 授权微信手机号).

WeChat's brand rules keep its name off the app's own controls; a getPhoneNumber button labelled 使用微信手机号
is the login label in another form. The label may sit in a template's ternary or in a translation table the
template binds by key (``{{i18n.join.usePhone}}``); a sentence that only mentions the number, an error
message and a non-translation module's data stay silent.
"""

from __future__ import annotations

from conftest import MINIMAL_APP
from test_brand_login_label import _brand, _changed

UNI_FILES = {"manifest.json": '{"name": "shop", "mp-weixin": {"appid": "wx0123456789abcdef"}}\n',
             "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/me/me"}]}\n',
             "pages/index/index.vue": "<template><view>首页</view></template>\n"}
UNI_PAGE = """<template>
  <view class="me">
    <text>{{ nickname }}</text>
    <button open-type="getPhoneNumber" @getphonenumber="bind">
      <text>{{ bound ? '手机号已绑定' : 'LABEL' }}</text>
    </button>
  </view>
</template>
<script>
export default { methods: { bind(e) { uni.showToast({ title: '无法获取微信手机号' }) } } }
</script>
"""
LOCALE = """module.exports = {
  join: {
    title: '报名',
    hint: '可以授权微信手机号，也可以手动输入。',
    failed: '无法获取微信手机号',
    usePhone: 'LABEL'
  }
}
"""


def test_phone_button_label_naming_wechat_in_a_ternary(tmp_path):
    repo, base = _changed(tmp_path, UNI_FILES, "pages/me/me.vue", UNI_PAGE.replace("LABEL", "授权手机号"),
                          UNI_PAGE.replace("LABEL", "授权微信手机号"))
    assert _brand(repo, base) == {("pages/me/me.vue", 5)}


def test_phone_button_label_without_wechat_is_silent(tmp_path):
    repo, base = _changed(tmp_path, UNI_FILES, "pages/me/me.vue", UNI_PAGE.replace("LABEL", "授权手机号"),
                          UNI_PAGE.replace("LABEL", "手机号快捷登录"))
    assert _brand(repo, base) == set()


def test_label_in_a_translation_table(tmp_path):
    repo, base = _changed(tmp_path, MINIMAL_APP, "locales/zh-CN.js", LOCALE.replace("LABEL", "填写手机号"),
                          LOCALE.replace("LABEL", "用微信手机号"))
    assert _brand(repo, base) == {("locales/zh-CN.js", 6)}


def test_same_words_in_plain_module_data_and_sentences_are_silent(tmp_path):
    repo, base = _changed(tmp_path, MINIMAL_APP, "utils/text.js", LOCALE.replace("LABEL", "填写手机号"),
                          LOCALE.replace("LABEL", "用微信手机号"))
    assert _brand(repo, base) == set()
