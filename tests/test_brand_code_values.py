"""Brand wording in a script is UI text where users read it (a toast, data a template shows, a title), not where the
code only compares or keys by it: a platform's name tested in ``===`` or a ``case``, an object's key, an index, an
ASCII identifier joining the brand's name to other words in a list of platforms (readers/codeliterals.py)."""

from __future__ import annotations

from mp_precheck.facts.extract import extract

SUBJECT = "text:brand"
PATH = "utils/platform.js"


def _brand_lines(source: str) -> list[int]:
    return sorted({f.line for f in extract(PATH, source.encode()).facts if f.subject == SUBJECT})


def test_a_platform_name_the_code_compares_or_keys_by_is_no_ui_text():
    source = """const platforms = ['H5', 'WechatOfficialAccount', 'WechatMiniProgram', 'App']
export function channel(name) {
  if (name === 'WechatOfficialAccount') return 'wx_pub'
  if ('WeixinOfficial' !== name) return ''
  switch (name) {
    case 'WechatOfficialAccount':
      return 'wx_pub'
    case '微信官方':
      return 'wx_lite'
  }
  return { '微信官方': 1 }['微信官方'] || platforms
}
"""
    assert _brand_lines(source) == []


def test_brand_wording_shown_to_users_is_still_told():
    source = """export function notice(page) {
  uni.showToast({ title: '微信官方提醒：请完成认证' })
  page.setData({ tip: '腾讯官方合作', label: 'WeChat Official' })
  uni.showModal({ content: '微信官方客服为您服务' })
  uni.showModal({ content: 'WechatOfficialAccount' })
  return { title: '微信官方活动' }
}
"""
    assert _brand_lines(source) == [2, 3, 4, 5, 6]
