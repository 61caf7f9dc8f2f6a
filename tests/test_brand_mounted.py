"""A component that sat unrendered in the tree shows its WeChat wording and logo from the change that first
renders it: branding.brand_text and branding.brand_image are reported at the component's own lines then, and
not when a page already rendered it or when the change renders nothing new."""

from __future__ import annotations

from msgspec.structs import replace

from analyzer_context import project_context
from conftest import Repo
from helpers import run
from images import two_bubble_mark
from mp_precheck.analyzers.mounted import first_rendered
from test_frameworks import TARO_BASE, UNI_BASE

LOGIN_CARD = """import { View, Button, Image, Text } from '@tarojs/components'
import wechatIcon from '../../assets/wechat.png'

export default function WeLogin() {
  return (
    <View className='card'>
      <Button className='bttn'>
        <Image src={wechatIcon}></Image>
        <Text>微信一键登录</Text>
      </Button>
    </View>
  )
}
"""
PAGE = """import { View } from '@tarojs/components'
import WeLogin from '../../components/we-login'

export default function Me() {
  return (
    <View>
      USE
    </View>
  )
}
"""


def _branding(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "branding"}


def _unrendered_card(tmp_path, files: dict[str, str], logo: str, page: str, page_after: str) -> tuple[Repo, str]:
    """An app whose login card (with a WeChat logo at ``logo``) nothing renders, then a change to ``page``."""
    repo = Repo(tmp_path / "repo")
    repo.write_files(files)
    repo.write(logo, two_bubble_mark())
    base = repo.commit("card kept unrendered")
    repo.write(page, page_after)
    repo.commit("me tab")
    return repo, base


def _card_app(tmp_path, page_before: str, page_after: str, elsewhere: dict[str, str] | None = None
              ) -> tuple[Repo, str]:
    return _unrendered_card(tmp_path, {**TARO_BASE, **(elsewhere or {}), "src/components/we-login/index.tsx": LOGIN_CARD,
                                       "src/pages/me/index.tsx": page_before},
                            "src/assets/wechat.png", "src/pages/me/index.tsx", page_after)


def test_a_login_card_first_rendered_shows_its_wechat_label_and_logo(tmp_path):
    repo, base = _card_app(tmp_path, PAGE.replace("USE", "{/* <WeLogin /> */}"), PAGE.replace("USE", "<WeLogin />"))
    assert _branding(repo, base) == {("branding.brand_text", "src/components/we-login/index.tsx", 9),
                                     ("branding.brand_image", "src/components/we-login/index.tsx", 2)}


def test_a_card_the_page_already_rendered_is_nothing_new(tmp_path):
    repo, base = _card_app(tmp_path, PAGE.replace("USE", "<WeLogin />"),
                           PAGE.replace("USE", "<View className='x'><WeLogin /></View>"))
    assert _branding(repo, base) == set()


def test_a_card_another_page_already_renders_is_nothing_new(tmp_path):
    other = {"src/pages/index/index.tsx": "import WeLogin from '../../components/we-login'\n"
                                          "export default () => <WeLogin />\n"}
    repo, base = _card_app(tmp_path, PAGE.replace("USE", "null"), PAGE.replace("USE", "<WeLogin />"), other)
    assert _branding(repo, base) == set()


def test_a_taro_js_page_rendering_the_card_through_an_aliased_barrel(tmp_path):
    # Taro writes pages in .js and imports components through a build alias and a barrel module
    page = PAGE.replace("../../components/we-login", "@components").replace("import WeLogin", "import { WeLogin }")
    config = ("const path = require('path')\nmodule.exports = {\n"
              "  alias: { '@components': path.resolve(__dirname, '..', 'src/components') }\n}\n")
    extra = {"config/index.js": config, "src/components/index.js": "export { default as WeLogin } from './we-login'\n"}
    repo = Repo(tmp_path / "repo")
    repo.write_files({**TARO_BASE, **extra, "src/components/we-login/index.js": LOGIN_CARD,
                      "src/pages/me/index.js": page.replace("USE", "null")})
    repo.write("src/assets/wechat.png", two_bubble_mark())
    base = repo.commit("card kept unrendered")
    repo.write("src/pages/me/index.js", page.replace("USE", "<WeLogin />"))
    repo.commit("me tab")
    assert _branding(repo, base) == {("branding.brand_text", "src/components/we-login/index.js", 9),
                                     ("branding.brand_image", "src/components/we-login/index.js", 2)}


def test_first_rendered_is_worked_out_once_per_run():
    # brand_mounted and brand_image both ask; the tree is searched for the tag once, and the answer is the same.
    card = "<view>微信一键登录</view>\n"
    context = project_context(
        {"app.json": '{"pages": ["pages/me/me"]}\n', "app.js": "App({})\n",
         "components/we-login/we-login.wxml": card, "components/we-login/we-login.js": "Component({})\n",
         "pages/me/me.json": '{"usingComponents": {"we-login": "/components/we-login/we-login"}}\n',
         "pages/me/me.wxml": "<view>\n  <we-login/>\n</view>\n"},
        changed=["pages/me/me.wxml"], base={"pages/me/me.wxml": "<view>\n</view>\n"})
    searches: list[set[str]] = []
    counted = replace(context, repo_grep=lambda needles: searches.append(needles) or context.repo_grep(needles))
    first = first_rendered(counted)
    assert first == {"components/we-login/we-login.js": ("pages/me/me.wxml", 2)}
    assert first_rendered(counted) is first
    assert len(searches) == 1


GIFT_VUE = """<template>
  <view class="gift">
    <text>选择礼品</text>
    <image src="/static/wechat.png"></image>
    <button>微信一键登录</button>
  </view>
</template>
<script>
export default {
  data() { return { step: 1, gifts: [], deadline: '' } },
  methods: {
    pick(e) { this.gift = e.currentTarget.dataset.id },
    back() { this.$emit('back') }
  }
}
</script>
"""
PUBLISH = """<template>
  <view>USE</view>
</template>
<script>
IMPORT
export default { COMPONENTS }
</script>
"""


def _step_app(tmp_path, registered: bool) -> tuple[Repo, str]:
    """A gift step moved (git rename) from ``pages/gift/gift.vue`` into a component the publish page renders; the
    base app registers that page when ``registered``."""
    repo = Repo(tmp_path / "repo")
    pages = ["pages/index/index", "pages/publish/publish"]
    listed = pages + (["pages/gift/gift"] if registered else [])
    repo.write_files({**UNI_BASE, "src/pages.json": '{"pages": [' + ", ".join(f'{{"path": "{p}"}}' for p in listed)
                      + "]}\n", "src/pages/gift/gift.vue": GIFT_VUE,
                      "src/pages/publish/publish.vue": PUBLISH.replace("USE", "step").replace("IMPORT", "")
                      .replace("COMPONENTS", "")})
    repo.write("src/static/wechat.png", two_bubble_mark())
    base = repo.commit("gift step as a page" if registered else "gift step kept unused")
    repo.move("src/pages/gift/gift.vue", "src/components/gift/gift.vue")
    repo.write("src/pages/publish/publish.vue", PUBLISH.replace("USE", "<gift></gift>")
               .replace("IMPORT", "import Gift from '@/components/gift/gift.vue'")
               .replace("COMPONENTS", "components: { Gift }"))
    repo.write("src/pages.json", '{"pages": [' + ", ".join(f'{{"path": "{p}"}}' for p in pages) + "]}\n")
    repo.commit("steps into components")
    return repo, base


def test_a_page_turned_into_a_component_was_shown_before(tmp_path):
    repo, base = _step_app(tmp_path, registered=True)
    assert _branding(repo, base) == set()


def test_an_unused_page_file_turned_into_a_component_is_first_shown(tmp_path):
    repo, base = _step_app(tmp_path, registered=False)
    assert _branding(repo, base) == {("branding.brand_text", "src/components/gift/gift.vue", 5),
                                     ("branding.brand_image", "src/components/gift/gift.vue", 4)}


NATIVE_CARD = """<view class="card">
  <image src="/images/wechat.png"></image>
  <button open-type="getUserInfo">微信一键登录</button>
</view>
"""


def _native_app(tmp_path, page_after: str) -> tuple[Repo, str]:
    files = {"app.json": '{"pages": ["pages/me/me"]}\n', "app.js": "App({})\n",
             "components/we-login/we-login.js": "Component({})\n",
             "components/we-login/we-login.json": '{"component": true}\n',
             "components/we-login/we-login.wxml": NATIVE_CARD, "pages/me/me.js": "Page({})\n",
             "pages/me/me.json": '{"usingComponents": {"we-login": "/components/we-login/we-login"}}\n',
             "pages/me/me.wxml": "<view>\n</view>\n"}
    return _unrendered_card(tmp_path, files, "images/wechat.png", "pages/me/me.wxml", page_after)


def test_a_native_card_first_rendered_shows_its_template_wording_and_logo(tmp_path):
    # a native component resolves to its script; what it shows is in the template beside it
    repo, base = _native_app(tmp_path, "<view>\n  <we-login/>\n</view>\n")
    assert _branding(repo, base) == {("branding.brand_text", "components/we-login/we-login.wxml", 3),
                                     ("branding.brand_image", "components/we-login/we-login.wxml", 2)}


def test_a_native_card_still_unrendered_shows_nothing(tmp_path):
    repo, base = _native_app(tmp_path, "<view>\n  <text>我的</text>\n</view>\n")
    assert _branding(repo, base) == set()
