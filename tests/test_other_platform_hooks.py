"""Page hooks uni-app calls on App and H5 only (``onNavigationBarButtonTap``, ``onBackPress``…): a WeChat build
never runs them, so what only they reach is no use of the Mini Program
(https://uniapp.dcloud.net.cn/tutorial/page.html#lifecycle). The same code bound to a button, called from
``onShow``, a hook the template binds itself, or a native page's method of the same name, is still reported."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.readers.conditional import for_wechat

UNI_BASE = {
    "manifest.json": '{"name": "club", "mp-weixin": {"appid": "wx0123456789abcdef"}}\n',
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/write/write"}]}\n',
    "pages/index/index.vue": "<template><view>首页</view></template>\n",
    "pages/write/write.vue": "<template><view>写</view></template>\n",
}
# A publishing page: a text box and photos, posted to the club's feed. HOOK is where the post is started.
WRITE_PAGE = """<template>
  <view>
    <textarea v-model="content" placeholder="分享你的新鲜事" />
    <view @click="pickPhotos">添加图片</view>
    <button BUTTON>发布</button>
  </view>
</template>
<script>
export default {
  data() {
    return { content: '', photos: [] }
  },
HOOK
  methods: {
    pickPhotos() {
      uni.chooseImage({ count: 9, success: (res) => { this.photos = res.tempFilePaths } })
    },
    submitMoment() {
      uni.request({
        url: 'https://club.example.org/feed/publish',
        method: 'POST',
        data: { content: this.content, photos: this.photos }
      })
    }
  }
}
</script>
"""
TITLE_BAR_HOOK = """  onNavigationBarButtonTap(e) {
    this.submitMoment()
  },
"""
# Where the post is made: the request in submitMoment.
POSTED = {("category.ugc", "pages/write/write.vue", 21), ("upload.user_text", "pages/write/write.vue", 21)}


def _page(hook: str = TITLE_BAR_HOOK, button: str = "") -> str:
    return WRITE_PAGE.replace("HOOK\n", hook).replace(" BUTTON>", f" {button}>" if button else ">")


def _posts(repo, files: dict[str, str], base_files: dict[str, str] = UNI_BASE) -> set[tuple[str, str, int]]:
    """The category and upload findings of a change from ``base_files`` to them plus ``files``."""
    repo.write_files(base_files)
    base = repo.commit()
    repo.write_files(files)
    repo.commit()
    report = run(repo.path, base)
    return places(report, "category") | places(report, "upload")


def test_a_post_only_the_title_bar_button_starts_is_silent(repo):
    # 发布 has no handler: in the Mini Program nothing posts the text box.
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write("pages/write/write.vue", _page())
    repo.commit()
    report = run(repo.path, base)
    assert not places(report, "category")
    assert not places(report, "upload")
    assert not places(report, "external_link")
    assert ("privacy.album", "pages/write/write.vue", 18) in places(report, "privacy")  # the photo button runs


def test_a_back_press_hook_posting_itself_is_silent(repo):
    hook = TITLE_BAR_HOOK.replace("onNavigationBarButtonTap(e)", "onBackPress(options)")
    assert not _posts(repo, {"pages/write/write.vue": _page(hook)})


def test_the_same_post_bound_to_a_button_is_reported(repo):
    # The hook and the 发布 button both call submitMoment: the button runs it in the Mini Program.
    assert _posts(repo, {"pages/write/write.vue": _page(button='@click="submitMoment"')}) == POSTED


def test_the_same_post_called_from_on_show_is_reported(repo):
    hook = TITLE_BAR_HOOK + "  onShow() {\n    this.submitMoment()\n  },\n"
    assert _posts(repo, {"pages/write/write.vue": _page(hook)}) == {(rule, path, line + 3) for rule, path, line
                                                                   in POSTED}


def test_a_hook_the_template_binds_is_a_method_that_runs(repo):
    assert _posts(repo, {"pages/write/write.vue": _page(button='@tap="onNavigationBarButtonTap"')}) == POSTED


SETUP_PAGE = """<template>
  <view>
    <textarea v-model="content" placeholder="分享你的新鲜事" />
    <button BUTTON>发布</button>
  </view>
</template>
<script setup>
import { ref } from 'vue'
import { onNavigationBarButtonTap } from '@dcloudio/uni-app'
const content = ref('')
function submitMoment() {
  uni.request({ url: 'https://club.example.org/feed/publish', method: 'POST', data: { content: content.value } })
}
onNavigationBarButtonTap(() => {
  submitMoment()
})
</script>
"""


def test_a_hook_registered_in_script_setup_is_silent(repo):
    assert not _posts(repo, {"pages/write/write.vue": SETUP_PAGE.replace(" BUTTON>", ">")})


def test_a_script_setup_function_a_button_binds_is_reported(repo):
    page = SETUP_PAGE.replace(" BUTTON>", ' @click="submitMoment">')
    assert _posts(repo, {"pages/write/write.vue": page}) == {("category.ugc", "pages/write/write.vue", 12),
                                                             ("upload.user_text", "pages/write/write.vue", 12)}


NATIVE_BASE = {
    "app.json": '{"pages": ["pages/index/index", "pages/write/write"]}\n',
    "app.js": "App({})\n",
    "pages/index/index.wxml": "<view>首页</view>\n",
    "pages/index/index.js": "Page({})\n",
}
NATIVE_PAGE = """Page({
  data: { content: '' },
  onInput(e) {
    this.setData({ content: e.detail.value })
  },
  onNavigationBarButtonTap() {
    wx.request({
      url: 'https://club.example.org/feed/publish',
      method: 'POST',
      data: { content: this.data.content }
    })
  }
})
"""


def test_a_native_pages_method_of_that_name_is_still_reported(repo):
    # Not a uni-app page: the method is only a method, which the page's WXML binds.
    wxml = ('<textarea bindinput="onInput" placeholder="分享你的新鲜事" />\n'
            '<button bindtap="onNavigationBarButtonTap">发布</button>\n')
    found = _posts(repo, {"pages/write/write.js": NATIVE_PAGE, "pages/write/write.wxml": wxml}, NATIVE_BASE)
    assert found == {("category.ugc", "pages/write/write.js", 7), ("upload.user_text", "pages/write/write.js", 7)}


def test_only_a_components_own_hooks_and_methods_are_blanked():
    text = """<template><view @click="share">分享</view></template>
<script>
import { publish } from '@/api/feed'
const handlers = {
  onNavigationBarButtonTap() {
    uni.getLocation({})
  }
}
export default {
  onBackPress() {
    this.publish()
  },
  methods: {
    publish() {
      publish(this.form)
    },
    share() {
      uni.share({})
    }
  }
}
</script>
"""
    kept = for_wechat(text, "pages/feed/feed.vue").split("\n")
    lines = text.split("\n")
    # The hook, and the method only it calls (the import of the same name is another binding).
    assert kept[9:12] == kept[13:16] == [""] * 3
    assert kept[12] == lines[12]
    assert kept[3:8] == lines[3:8]  # an object of the script's own, not the component's options
    assert kept[16:19] == lines[16:19]  # share: the template binds it
    assert for_wechat(text, "pages/feed/feed.js") == text  # not a component: a native script's method
    assert for_wechat(text) == text


def test_a_class_components_hook_and_the_method_only_it_calls_are_blanked():
    text = """<script lang="ts">
import { Component, Vue } from 'vue-property-decorator'
@Component
export default class Write extends Vue {
  onNavigationBarSearchInputConfirmed(e: any) {
    this.search(e.text)
  }
  search(word: string) {
    uni.request({ url: '/search', data: { word } })
  }
}
</script>
"""
    kept = for_wechat(text, "pages/find/find.vue").split("\n")
    assert kept[4:10] == [""] * 6
    assert kept[3] == text.split("\n")[3]
