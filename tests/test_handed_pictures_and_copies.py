"""Hosts a uni-app page names but never requests: a link a template's tap handler hands to a method that only copies
it in the WeChat build, a picture's address kept in a Vue 3 ref named for an image, and a map marker's icon built
from a URL template that ends in a picture's file name (readers/copiedargs.py, readers/imagenames.py,
readers/imagepaths.py). Handed to a navigation, a request or a download, the same URLs stay server domains."""

from __future__ import annotations

import pytest

from helpers import ROOT_UNI_APP, run
from mp_precheck.facts.extract import extract

_UNI = ROOT_UNI_APP

_ABOUT = """<template>
  <view>
    <text @tap="openLink('https://code.forge-sample.org/team/app')">source</text>
  </view>
</template>
<script>
export default {
  methods: {
    copyText (text) {
      uni.setClipboardData({ data: text, success () { uni.showToast({ title: 'copied' }) } })
    },
    openLink (url) {
      // #ifdef MP
      %s
      return
      // #endif
      // #ifdef H5
      window.location.href = url
      // #endif
    }
  }
}
</script>
"""


def _domains(repo, base):
    return {(f.subject, f.path, f.line) for f in run(repo.path, base).findings
            if f.rule in ("external_link.domain", "external_link.insecure_url")}


def _about(repo, body: str) -> str:
    repo.write_files(_UNI)
    base = repo.commit("app")
    repo.write("pages/about/index.vue", _ABOUT % body)
    repo.commit("an about page with its source link")
    return base


def test_a_link_a_tap_handler_only_copies_in_the_wechat_build_is_no_server(repo):
    base = _about(repo, "this.copyText(url)")
    assert _domains(repo, base) == set()


def test_a_link_the_handler_opens_in_a_web_view_page_stays_a_host(repo):
    base = _about(repo, "uni.navigateTo({ url: '/pages/web/index?url=' + encodeURIComponent(url) })")
    assert _domains(repo, base) == {("host:code.forge-sample.org", "pages/about/index.vue", 3)}


def _roles(text: str, path: str = "pages/a/index.vue") -> dict[str, str]:
    return {f.subject: f.role or "" for f in extract(path, text.encode()).facts if f.kind == "host"}


@pytest.mark.parametrize(("methods", "role"), [
    ("copy (u) { uni.setClipboardData({ data: u }) }", "clipboard"),
    ("copy (data) { wx.setClipboardData({ data }) }", "clipboard"),  # shorthand
    ("copy (u) { this.put(u) },\n put (t) { uni.setClipboardData({ data: t }) }", "clipboard"),
    ("copy (u) { uni.setClipboardData({ data: u }); uni.request({ url: u }) }", "code"),  # requested too
    ("copy (u) { uni.setClipboardData({ data: 'fixed' }) }", "code"),  # copies something else
    ("copy (u) { this.link = u; uni.setClipboardData({ data: u }) }", "code"),  # kept for other code
])
def test_a_handler_arguments_role_follows_what_the_method_does(methods, role):
    page = ("<template>\n  <view @click=\"copy('https://a.forge-sample.org/x')\">x</view>\n</template>\n"
            f"<script>\nexport default {{ methods: {{ {methods} }} }}\n</script>\n")
    assert _roles(page) == {"host:a.forge-sample.org": role}


def test_a_setup_function_that_copies_is_followed_too():
    page = ("<template>\n  <view @tap=\"share('https://a.forge-sample.org/x')\">x</view>\n</template>\n"
            "<script setup>\nconst share = (link) => { uni.setClipboardData({ data: link }) }\n</script>\n")
    assert _roles(page) == {"host:a.forge-sample.org": "clipboard"}


_LOGIN = """<template>
  <view :style="{ backgroundImage: `url(${%s})` }">login</view>
</template>
<script setup>
import { ref } from 'vue'
const %s = ref('')
function load () {
  api.gallery().then(res => {
    %s.value = `https://wall.picture-sample.com${res.data.images[0].url}`
  })
}
</script>
"""


@pytest.mark.parametrize(("name", "role"), [("bgImgUrl", "media"), ("coverImage", "media"), ("apiBase", "code")])
def test_a_vue3_ref_named_for_a_picture_holds_a_picture(name, role):
    assert _roles(_LOGIN % (name, name, name)) == {"host:wall.picture-sample.com": role}


_MAP = """Page({
  show (list) {
    const markers = list.map(place => ({
      id: place.id, latitude: place.lat, longitude: place.lng,
      %s: `https://static.picture-sample.com/nav/${place.icon}%s`,
      width: 30, height: 32
    }))
    this.setData({ markers })
  }
})
"""


@pytest.mark.parametrize(("key", "tail", "role"), [
    ("iconPath", ".png", "media"),
    ("endpoint", ".png", "media"),  # the address ends in a picture's file name, whatever holds it
    ("endpoint", "", "code"),  # a base other code may complete with anything
    ("endpoint", ".json", "code"),
])
def test_a_url_template_ending_in_a_picture_name_is_a_picture(key, tail, role):
    assert _roles(_MAP % (key, tail), "pages/map/map.js") == {"host:static.picture-sample.com": role}


def test_a_downloaded_picture_template_stays_a_download_host():
    code = "Page({ save (n) { wx.downloadFile({ url: `https://static.picture-sample.com/p/${n}.png` }) } })\n"
    assert _roles(code, "pages/map/map.js") == {"host:static.picture-sample.com": "download"}
